//! `hirekit render`: one document for one role, to stdout or a file.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::RenderArgs;
use crate::lint::Date;
use crate::load;
use crate::model::Location;
use crate::render::{self, Format, RenderOptions, jsonld};

/// Finds one row of a locations CSV by its id. The whole file must be
/// valid, as it must for a batch, so a post never comes from a file with
/// known mistakes.
fn find_row(file: &Path, id: &str) -> Result<Location> {
    let bytes = load::read(file)?;
    let shown = file.display().to_string();
    let text = load::utf8(&shown, &bytes)?;
    let rows = load::locations::read_all(&shown, text)?;
    let count = rows.len();
    let mut known = Vec::new();
    for row in rows {
        if row.location.id == id {
            return Ok(row.location);
        }
        if known.len() < 8 {
            known.push(format!("`{}`", row.location.id));
        }
    }
    let more = if count > known.len() {
        format!(", and {} more", count - known.len())
    } else {
        String::new()
    };
    bail!(
        "no row with id `{id}` in `{shown}`; its rows have ids {}{more}",
        known.join(", ")
    )
}

/// Runs `hirekit render`.
pub(crate) fn run(ctx: &Ctx, args: RenderArgs) -> Result<ExitCode> {
    let ws = &ctx.project.ws;
    let defaults = &ws.config.render;
    let format = match (args.format, defaults.format.as_deref()) {
        (Some(f), _) => f,
        (None, Some(text)) => text
            .parse::<Format>()
            .map_err(|e| ws.setting_error("format", format!("`render.format`: {e}")))?,
        (None, None) => Format::Md,
    };
    let doc = args
        .doc
        .clone()
        .or_else(|| defaults.doc.clone())
        .unwrap_or_else(|| crate::builtin::DEFAULT_DOCUMENT.to_string());
    let project = &ctx.project;
    let engine = project.engine()?;
    engine.require_document(&doc)?;
    let loaded = project.role(&args.role)?;
    let company = project.company(args.company.as_deref())?;
    let mut location = match (&args.location, &args.locations, &args.id) {
        (Some(arg), _, _) => Some(load::location::parse_arg(arg)?),
        (None, Some(file), Some(id)) => Some(find_row(file, id)?),
        _ => None,
    };
    // The posting date: the row's, else --date, else today.
    let date = args.date.unwrap_or_else(Date::today);
    if let Some(l) = &mut location
        && l.date_posted.is_empty()
    {
        l.date_posted = date.to_string();
    }
    if let Some(pay) = args.pay {
        let Some(location) = location.as_mut() else {
            bail!(
                "--pay is the pay of one location's post: give --location \"City, ST\" (or --locations FILE --id ID) with it"
            );
        };
        pay.apply(location);
    }
    // The pay laws are checked before anything renders or is written.
    if let Some(check) = super::paylaw::Check::new(
        ctx,
        std::iter::once(&doc),
        company.as_ref(),
        args.date,
        args.strict,
    )? && let Some(location) = &location
    {
        check.render(ctx, location, args.location.is_none())?;
    }
    if args.fragment && format != Format::Html {
        ctx.ui.warn("--fragment only changes --format html output");
    }
    let input = project.role_input(loaded, company.as_ref())?;
    if format == Format::Html
        && !args.fragment
        && crate::builtin::is_job_ad(&doc)
        && !jsonld::has_organization(&input.company, location.as_ref())
    {
        ctx.ui.warn(&format!(
            "{}; add company.yaml to the workspace or pass --company FILE",
            jsonld::NO_ORGANIZATION
        ));
    }
    let out = render::render_output(
        &engine,
        &input,
        location.as_ref(),
        &doc,
        format,
        RenderOptions {
            fragment: args.fragment,
            date_posted: Some(date),
        },
    )?;
    let binary = format.is_binary().then(|| format.ext());
    crate::output::emit_bytes(args.output.as_deref(), out.as_bytes(), binary)?;
    Ok(ExitCode::SUCCESS)
}
