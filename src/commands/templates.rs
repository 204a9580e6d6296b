//! `hirekit templates list | show NAME | eject NAME... [--force]`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::builtin;
use crate::cli::{TemplatesCommand, TemplatesEjectArgs, TemplatesShowArgs};
use crate::engine::{self, BUILTIN_PREFIX, Engine, RefKind};

/// Runs `hirekit templates ...`.
pub(crate) fn run(ctx: &Ctx, cmd: TemplatesCommand) -> Result<ExitCode> {
    match cmd {
        TemplatesCommand::List => list(ctx),
        TemplatesCommand::Show(args) => show(ctx, args),
        TemplatesCommand::Eject(args) => eject(ctx, args),
    }
}

/// What a template is for: a document, the HTML page, the batch's index
/// page, or a part of others.
fn kind(name: &str) -> &'static str {
    if engine::document_name(name).is_some() {
        "document"
    } else if name == "layout.html" {
        "page layout"
    } else if name == crate::batch::index::TEMPLATE || name == crate::batch::index::AD_TEMPLATE {
        "batch index"
    } else {
        "partial"
    }
}

fn list(ctx: &Ctx) -> Result<ExitCode> {
    let (engine, problems) = ctx.project.engine_lenient()?;
    let rows: Vec<(String, &str, String, String)> = engine
        .templates()
        .into_iter()
        .map(|(name, origin)| {
            let file = engine.user_file_shown(&name).unwrap_or("").to_string();
            let kind = kind(&name);
            (name, kind, origin.to_string(), file)
        })
        .collect();
    let w_name = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    let mut out = format!(
        "{:<w_name$}  {:<11}  {:<10}  FILE\n",
        "NAME", "KIND", "ORIGIN"
    );
    for (name, kind, origin, file) in &rows {
        let line = format!("{name:<w_name$}  {kind:<11}  {origin:<10}  {file}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    crate::output::emit(None, &out)?;
    if !problems.is_empty() {
        ctx.ui.warn(&format!(
            "{} workspace template{} did not compile; `hirekit check` shows why",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn known_names(engine: &Engine) -> String {
    engine
        .templates()
        .iter()
        .map(|(n, _)| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn show(ctx: &Ctx, args: TemplatesShowArgs) -> Result<ExitCode> {
    let (engine, _) = ctx.project.engine_lenient()?;
    let name = engine::template_name(&args.name);
    let Some(source) = engine.source(&name) else {
        bail!("no template `{name}`; templates: {}", known_names(&engine));
    };
    crate::output::emit(None, source)?;
    Ok(ExitCode::SUCCESS)
}

fn eject(ctx: &Ctx, args: TemplatesEjectArgs) -> Result<ExitCode> {
    let Some(root) = &ctx.project.ws.root else {
        bail!(
            "no workspace: ejected templates go to a workspace's `templates/` folder; run `hirekit init` first, or pass `--workspace DIR`"
        );
    };
    let (engine, _) = ctx.project.engine_lenient()?;
    let mut plan = Vec::new();
    for input in &args.names {
        let name = engine::template_name(input);
        let name = name
            .strip_prefix(BUILTIN_PREFIX)
            .unwrap_or(&name)
            .to_string();
        let Some(source) = builtin::template(&name) else {
            let hint = if engine.user_file(&name).is_some() {
                format!("`{name}` is the workspace's own template, not a built-in")
            } else {
                format!(
                    "built-in templates: {}",
                    builtin::TEMPLATES
                        .iter()
                        .map(|(n, _)| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            bail!("no built-in template `{name}`; {hint}");
        };
        if !plan.iter().any(|(n, _, _)| *n == name) {
            plan.push((name.clone(), source, root.join("templates").join(&name)));
        }
    }
    let existing: Vec<String> = plan
        .iter()
        .filter(|(_, _, path)| path.exists())
        .map(|(_, _, path)| format!("`{}`", ctx.project.ws.show(path)))
        .collect();
    if !existing.is_empty() && !args.force {
        bail!(
            "{} already {}; nothing was ejected (pass `--force` to overwrite)",
            existing.join(", "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            }
        );
    }
    for (name, source, path) in &plan {
        crate::output::write_creating_folders(path, source.as_bytes())?;
        let mut message = format!("ejected `{name}` to `{}`", ctx.project.ws.show(path));
        let includes: Vec<String> = engine::references(source)
            .into_iter()
            .filter(|r| r.kind == RefKind::Include)
            .map(|r| format!("`{}`", r.name))
            .fold(Vec::new(), |mut acc, n| {
                if !acc.contains(&n) {
                    acc.push(n);
                }
                acc
            });
        if !includes.is_empty() {
            message.push_str(&format!(
                "\n  it includes {}; eject one of those to change that part in every document",
                includes.join(", ")
            ));
        }
        if let Some(doc) = engine::document_name(name) {
            message.push_str(&format!(
                "\n  to change one block only, replace the file's text with {{% extends \"{BUILTIN_PREFIX}{name}\" %}} and that block; `hirekit render ROLE --doc {doc}` shows the result"
            ));
        }
        ctx.ui.status(&message);
    }
    Ok(ExitCode::SUCCESS)
}
