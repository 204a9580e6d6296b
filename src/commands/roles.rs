//! `hirekit roles list`.

use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use crate::cli::RolesCommand;

/// Runs `hirekit roles ...`.
pub(crate) fn run(ctx: &Ctx, cmd: RolesCommand) -> Result<ExitCode> {
    match cmd {
        RolesCommand::List => list(ctx),
    }
}

fn list(ctx: &Ctx) -> Result<ExitCode> {
    let mut rows: Vec<(String, String, String, String)> = Vec::new();
    if let Some(dir) = ctx.project.ws.path("roles")
        && dir.is_dir()
    {
        let yaml = |p: &std::path::Path| {
            matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        };
        let root = ctx.project.ws.root.clone().unwrap_or_else(|| dir.clone());
        let listing = crate::text::list_files(&root, &dir, false, &yaml)?;
        for note in &listing.skipped {
            ctx.ui.warn(note);
        }
        for file in listing.files {
            let loaded = ctx.project.role(&file.display().to_string())?;
            rows.push((
                loaded.role.id.clone(),
                loaded.role.title.clone(),
                loaded.role.soc_code.clone(),
                ctx.project.ws.show(&file),
            ));
        }
    }
    for (id, _) in crate::builtin::ROLES {
        if rows.iter().any(|r| r.0 == *id) {
            continue;
        }
        let loaded = crate::project::Project::builtin().role(id)?;
        rows.push((
            loaded.role.id,
            loaded.role.title,
            loaded.role.soc_code,
            "built-in".to_string(),
        ));
    }
    let w_id = rows.iter().map(|r| r.0.len()).max().unwrap_or(2).max(2);
    let w_title = rows
        .iter()
        .map(|r| r.1.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut out = format!(
        "{:<w_id$}  {:<w_title$}  {:<7}  SOURCE\n",
        "ID", "TITLE", "SOC"
    );
    for (id, title, soc, source) in rows {
        out.push_str(&format!(
            "{id:<w_id$}  {title:<w_title$}  {soc:<7}  {source}\n"
        ));
    }
    crate::output::emit(None, &out)?;
    Ok(ExitCode::SUCCESS)
}
