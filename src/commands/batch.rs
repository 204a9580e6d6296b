//! `hirekit batch`: the command line and `hirekit.yaml` `batch:` settings
//! into [`crate::batch::Options`]; loads the roles, company and templates,
//! runs the batch and prints the summary.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::batch::plan::{DEFAULT_PATTERN, Pattern};
use crate::batch::{self, Options};
use crate::cli::BatchArgs;
use crate::load;
use crate::render::{Format, RoleInput};

/// Rows left out under `--keep-going` that are shown in full.
const SHOWN_REJECTS: usize = 50;

/// Usage errors exit with 2, as clap's do.
fn usage(ctx: &Ctx, message: &str) -> Result<ExitCode> {
    ctx.ui.error(&format!("error: {message}"));
    Ok(ExitCode::from(2))
}

/// A path from `hirekit.yaml`, relative to the workspace.
fn from_config(ctx: &Ctx, value: Option<&String>) -> Option<PathBuf> {
    value.map(|v| ctx.project.ws.path(v).unwrap_or_else(|| PathBuf::from(v)))
}

/// Runs `hirekit batch`.
pub(crate) fn run(ctx: &Ctx, args: BatchArgs) -> Result<ExitCode> {
    let d = &ctx.project.ws.config.batch;
    let Some(out) = args
        .out
        .clone()
        .or_else(|| from_config(ctx, d.out.as_ref()))
    else {
        return usage(
            ctx,
            "the following required argument was not provided: --out <DIR> (or `batch.out` in hirekit.yaml)",
        );
    };
    let Some(locations) = args
        .locations
        .clone()
        .or_else(|| from_config(ctx, d.locations.as_ref()))
    else {
        return usage(
            ctx,
            "the following required argument was not provided: --locations <FILE> (or `batch.locations` in hirekit.yaml)",
        );
    };
    let ws = &ctx.project.ws;
    let mut formats: Vec<Format> = Vec::new();
    if !args.format.is_empty() {
        formats = args.format.clone();
    } else if !d.formats.is_empty() {
        for text in &d.formats {
            let format = text
                .parse::<Format>()
                .map_err(|e| ws.setting_error("formats", format!("`batch.formats`: {e}")))?;
            formats.push(format);
        }
    } else {
        formats = vec![Format::Md, Format::Html];
    }
    let mut parsed: Vec<Format> = Vec::new();
    for format in formats {
        if !parsed.contains(&format) {
            parsed.push(format);
        }
    }
    let mut docs: Vec<String> = Vec::new();
    let wanted = if !args.doc.is_empty() {
        args.doc.clone()
    } else if !d.docs.is_empty() {
        d.docs.clone()
    } else {
        vec![crate::builtin::JOB_POST.to_string()]
    };
    for doc in wanted {
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    let pattern: Pattern = match (&args.pattern, &d.pattern) {
        (Some(p), _) => p.clone(),
        (None, Some(text)) => text
            .parse()
            .map_err(|e: String| ws.setting_error("pattern", format!("`batch.pattern`: {e}")))?,
        (None, None) => DEFAULT_PATTERN.parse().map_err(anyhow::Error::msg)?,
    };
    if let Some(url) = &args.base_url {
        if !load::company::is_web_url(url) {
            bail!("--base-url must be an http:// or https:// URL, got `{url}`");
        }
        // Ad paths are appended to it: a query or a fragment would swallow them.
        if url.contains(['?', '#']) {
            bail!(
                "--base-url is the folder the ads are published in, and has no `?` or `#` part; got `{url}` (give e.g. https://jobs.example.com/ads)"
            );
        }
    }

    let project = &ctx.project;
    let engine = project.engine()?;
    for doc in &docs {
        engine.require_document(doc)?;
    }
    let company = project.company(args.company.as_deref())?;
    let mut roles: Vec<RoleInput> = Vec::new();
    for arg in &args.roles {
        let loaded = project.role(arg)?;
        if let Some(same) = roles.iter().find(|r| r.role.id == loaded.role.id) {
            bail!(
                "role `{}` is given twice (`{}` and `{}`)",
                loaded.role.id,
                same.path,
                loaded.shown
            );
        }
        roles.push(project.role_input(loaded, company.as_ref())?);
    }

    let check =
        super::paylaw::Check::new(ctx, docs.iter(), company.as_ref(), args.date, args.strict)?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let opts = Options {
        locations,
        out,
        docs,
        formats: parsed,
        pattern,
        jobs,
        shard: args.shard,
        keep_going: args.keep_going,
        clean: args.clean,
        dry_run: args.dry_run,
        feed: args.feed.is_some(),
        base_url: args.base_url.clone(),
        force: args.force,
        date: args.date.unwrap_or_else(crate::lint::Date::today),
        progress: !ctx.ui.quiet && std::io::stderr().is_terminal(),
        list_files: ctx.ui.verbose,
    };
    // The pay laws of every row are checked once the rows are valid,
    // before anything is written.
    let mut pay_laws = |text: &str, refused: &std::collections::HashSet<usize>| match &check {
        Some(check) => check.batch(ctx, &opts.locations, text, opts.shard, refused),
        None => Ok(()),
    };
    let outcome = batch::run(&engine, &roles, &opts, &ctx.ui, &mut pay_laws)?;
    if outcome.no_organization > 0 {
        let n = outcome.no_organization;
        let (posts, have, their) = if n == 1 {
            ("job post", "has", "its")
        } else {
            ("job posts", "have", "their")
        };
        ctx.ui.warn(&format!(
            "{n} {posts} {have} no hiringOrganization in {their} JobPosting, which Google for Jobs requires, because no company is known; add company.yaml to the workspace, pass --company FILE, or add a `company` column"
        ));
    }
    for line in &outcome.files {
        ctx.ui.verbose(line);
    }
    if outcome.rejected.is_empty() {
        ctx.ui.status(&outcome.summary());
        return Ok(ExitCode::SUCCESS);
    }
    for report in outcome.rejected.iter().take(SHOWN_REJECTS) {
        ctx.ui.error(report);
    }
    ctx.ui.status(&outcome.summary());
    let n = outcome.rejected.len();
    let unshown = if n > SHOWN_REJECTS {
        format!(" ({} not shown)", n - SHOWN_REJECTS)
    } else {
        String::new()
    };
    ctx.ui.error(&format!(
        "error: {n} {} of `{}` {} left out{unshown} (--keep-going)",
        if n == 1 { "row" } else { "rows" },
        opts.locations.display(),
        if n == 1 { "was" } else { "were" },
    ));
    Ok(crate::failure())
}
