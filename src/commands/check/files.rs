//! Finding and naming the files `check` looks at.

use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use super::Ctx;
use crate::load::role::{Loaded, Origin};

/// Whether `path` is the workspace's own folder (`hirekit check .`).
pub(super) fn is_workspace_root(ctx: &Ctx, path: &Path) -> bool {
    ctx.project
        .ws
        .root
        .as_deref()
        .is_some_and(|r| same_file(r, path))
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => normalize(a) == normalize(b),
    }
}

/// Removes `.` and `name/..` from a path without touching the disk, so
/// `roles/../pay/x.csv` shows as `pay/x.csv`.
pub(super) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Which pay table a role uses, as shown in messages (for the count).
pub(super) fn table_label(ws: &crate::project::Workspace, loaded: &Loaded) -> Option<String> {
    let soc = &loaded.role.soc_code;
    if let Some(source) = &loaded.role.pay {
        if !source.rows.is_empty() {
            return Some(format!("{} (inline rows)", loaded.shown));
        }
        if let Some(rel) = &source.table {
            return Some(match &loaded.origin {
                Origin::File(dir) => ws.show(&normalize(&dir.join(rel))),
                Origin::Builtin | Origin::Library(_) => format!("builtin:{rel}"),
            });
        }
    }
    if soc.is_empty() {
        return None;
    }
    if let Some(p) = ws.path(&format!("pay/{soc}.csv"))
        && p.is_file()
    {
        return Some(ws.show(&p));
    }
    crate::library::pay(soc).map(|p| format!("library:OEWS {}", p.survey))
}

/// Files with one of `exts` in `dir` (sorted; hidden ones skipped),
/// recursively if asked, never leaving the workspace `limit`; entries
/// passed over (pipes, links out) come back as notes. A missing folder has
/// none.
pub(super) fn files_in(
    limit: &Path,
    dir: &Path,
    recursive: bool,
    exts: &[&str],
) -> Result<crate::text::Listing> {
    let wanted = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
    };
    crate::text::list_files(limit, dir, recursive, &wanted)
}

/// Every file under a folder given on the command line, marked as not
/// named explicitly (files hirekit does not check are then skipped).
pub(super) fn walk(dir: &Path, out: &mut Vec<(PathBuf, bool)>) -> Result<Vec<String>> {
    let all = files_in(
        dir,
        dir,
        true,
        &["yaml", "yml", "csv", "md", "html", "xml", "txt"],
    )?;
    out.extend(all.files.into_iter().map(|p| (p, false)));
    Ok(all.skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized_lexically() {
        for (input, expected) in [
            ("roles/../pay/x.csv", "pay/x.csv"),
            ("./a/./b", "a/b"),
            ("../x", "../x"),
            ("/w/roles/../pay", "/w/pay"),
        ] {
            assert_eq!(normalize(Path::new(input)), Path::new(expected), "{input}");
        }
    }
}
