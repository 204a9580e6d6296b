//! Finding a role (a file, a workspace id, a built-in) and its pay table
//! (inline rows, its own table file, the workspace's `pay/<soc>.csv`, the
//! built-in table).

use std::path::Path;

use anyhow::{Result, bail};

use super::Workspace;
use crate::load;
use crate::load::pay;
use crate::load::role::{self, Loaded, Origin};
use crate::model::pay::PayTable;

/// A role drafted from the occupation library: `arg` is a SOC code
/// (`41-2011`, `412011`), an O*NET code (`35-3023.01`), or the slug of an
/// O*NET title, singular or plural (`cashier`, `registered-nurses`). Its id
/// is the slug of the drafted title (`cashier`, `truck-driver`).
fn from_library(arg: &str) -> Option<Loaded> {
    let entry = crate::library::entry(arg).or_else(|| {
        let want = crate::text::slug(arg);
        crate::library::occupations().iter().find(|e| {
            let t = crate::text::slug(&e.title);
            !want.is_empty() && (t == want || t == format!("{want}s") || t == format!("{want}es"))
        })
    })?;
    let occ = crate::library::occupation(&entry.code)?;
    let table = crate::library::pay(&occ.soc).map(|p| p.to_pay_table());
    let options = crate::library::draft::DraftOptions {
        title: None,
        pay: table.as_ref().and_then(|t| t.national()),
    };
    let mut role = crate::library::draft::draft_role_with(&occ, "", &options);
    role.id = crate::text::slug(&role.title);
    Some(Loaded {
        shown: format!("library:{}", occ.code),
        origin: Origin::Library(occ.code.clone()),
        role,
    })
}

/// Finds and loads a role: `arg` is a path to a YAML file, or an id looked
/// up in the workspace's `roles/`, then among the built-ins.
pub(crate) fn find(ws: &Workspace, arg: &str) -> Result<Loaded> {
    let as_path = Path::new(arg);
    let looks_like_path =
        arg.ends_with(".yaml") || arg.ends_with(".yml") || arg.contains('/') || arg.contains('\\');
    let file = if looks_like_path {
        Some(as_path.to_path_buf())
    } else {
        ["yaml", "yml"]
            .iter()
            .filter_map(|ext| ws.path(&format!("roles/{arg}.{ext}")))
            .find(|p| p.is_file())
    };
    if let Some(file) = file {
        let bytes = load::read(&file)?;
        let shown = if looks_like_path {
            file.display().to_string()
        } else {
            ws.show(&file)
        };
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let role = role::parse(&shown, &bytes, &crate::text::slug(&stem))?;
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        return Ok(Loaded {
            role,
            shown,
            origin: Origin::File(dir),
        });
    }
    if let Some(src) = crate::builtin::role(arg) {
        let shown = format!("builtin:roles/{arg}.yaml");
        let role = role::parse(&shown, src.as_bytes(), arg)?;
        return Ok(Loaded {
            role,
            shown,
            origin: Origin::Builtin,
        });
    }
    // A SOC code of a hand-written built-in (`43-4051`) is that profile;
    // an O*NET detail code (`43-4051.01`) is not, and goes to the library.
    let plain_soc = !arg.contains('.') || arg.ends_with(".00");
    if plain_soc && let Some(soc) = crate::text::normalize_soc(arg) {
        // The built-ins' codes are read off their `soc_code:` lines; only
        // the one that matches is parsed.
        for (id, src) in crate::builtin::ROLES {
            let code = src
                .lines()
                .find_map(|l| l.strip_prefix("soc_code:"))
                .map(|v| v.trim().trim_matches(['"', '\'']))
                .and_then(crate::text::normalize_soc);
            if code.as_deref() == Some(soc.as_str()) {
                let shown = format!("builtin:roles/{id}.yaml");
                let role = role::parse(&shown, src.as_bytes(), id)?;
                return Ok(Loaded {
                    role,
                    shown,
                    origin: Origin::Builtin,
                });
            }
        }
    }
    if let Some(loaded) = from_library(arg) {
        return Ok(loaded);
    }
    let mut known: Vec<String> = crate::builtin::ROLES
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    if let Some(dir) = ws.path("roles")
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        for e in entries.flatten() {
            let p = e.path();
            if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
                && let Some(stem) = p.file_stem()
            {
                known.push(stem.to_string_lossy().to_string());
            }
        }
    }
    known.sort();
    known.dedup();
    bail!(
        "no role `{arg}`: not a file, not in the workspace's `roles/`, not built in, and no occupation of the library (find one with `hirekit occupations search \"{arg}\"`); known roles: {}",
        known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The pay table for a role: its inline rows, its `table` file (relative to
/// the profile), else the workspace's `pay/<soc>.csv`, else the built-in
/// table for its SOC code, else none.
pub(crate) fn pay_table(ws: &Workspace, loaded: &Loaded) -> Result<Option<PayTable>> {
    let role = &loaded.role;
    if let Some(source) = &role.pay {
        if !source.rows.is_empty() {
            let mut rows = source.rows.clone();
            for r in &mut rows {
                r.area = r.area.to_ascii_uppercase();
            }
            return Ok(Some(PayTable::from_rows(rows)));
        }
        if let Some(rel) = &source.table {
            return match &loaded.origin {
                Origin::File(dir) => {
                    let path = dir.join(rel);
                    let bytes = load::read(&path)?;
                    Ok(Some(pay::parse(&ws.show(&path), &bytes)?))
                }
                Origin::Builtin | Origin::Library(_) => bail!(
                    "built-in role `{}` names a pay table `{rel}`; built-in roles take their pay from the occupation library",
                    role.id
                ),
            };
        }
    }
    // Without a SOC code there is no table to look up.
    if role.soc_code.is_empty() {
        return Ok(None);
    }
    if let Some(path) = ws.path(&format!("pay/{}.csv", role.soc_code))
        && path.is_file()
    {
        let bytes = load::read(&path)?;
        return Ok(Some(pay::parse(&ws.show(&path), &bytes)?));
    }
    // The occupation library: BLS OEWS May 2025, every area (metro areas
    // included), or the broader code BLS publishes the occupation under.
    Ok(crate::library::pay(&role.soc_code).map(|p| p.to_full_pay_table()))
}
