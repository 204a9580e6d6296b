//! `hirekit render`: one document for one role, to stdout or a file.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::RenderArgs;
use crate::engine::Engine;
use crate::load;
use crate::render::{self, Format, RenderOptions, RoleInput};

/// Runs `hirekit render`.
pub fn run(ctx: &Ctx, args: RenderArgs) -> Result<ExitCode> {
    let defaults = &ctx.ws.config.render;
    let format: Format = args
        .format
        .as_deref()
        .or(defaults.format.as_deref())
        .unwrap_or("md")
        .parse()
        .map_err(|e: String| anyhow::anyhow!("{e} (from hirekit.yaml `render.format`)"))?;
    let doc = args
        .doc
        .clone()
        .or_else(|| defaults.doc.clone())
        .unwrap_or_else(|| "job-description".to_string());
    let engine = Engine::load(&ctx.ws)?;
    if !engine.has_document(&doc) {
        bail!(
            "unknown document `{doc}`; available: {}",
            engine
                .documents()
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let loaded = load::role::load(&ctx.ws, &args.role)?;
    let table = load::pay::for_role(&ctx.ws, &loaded)?;
    let company = super::load_company(ctx, args.company.as_deref())?;
    let location = args
        .location
        .as_deref()
        .map(load::location::parse_arg)
        .transpose()?;
    if args.fragment && format != Format::Html {
        ctx.ui.warn("--fragment only changes --format html output");
    }
    let input = RoleInput::new(loaded.role, loaded.shown, company, table);
    let out = render::render(
        &engine,
        &input,
        location.as_ref(),
        &doc,
        format,
        RenderOptions {
            fragment: args.fragment,
        },
    )?;
    crate::output::emit(args.output.as_deref(), &out)?;
    Ok(ExitCode::SUCCESS)
}
