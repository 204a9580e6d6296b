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
        "no role `{arg}`: not a file, not in the workspace's `roles/`, and not built in; known roles: {}",
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
                Origin::Builtin => bail!(
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
