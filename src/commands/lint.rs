//! `hirekit lint`: check a role's post (rendered through the templates) or
//! an existing ad file for pay-transparency laws, wording, readability and
//! completeness, and print the findings as text, JSON or SARIF.
//!
//! For a role, the post is rendered once per location; every rule runs on
//! the first, and the pay and completeness rules on the others (the wording
//! and length hardly change between locations, and would repeat).

use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use anyhow::Result;

use super::Ctx;
use crate::cli::{AdAs, LintArgs, LintFormat};
use crate::engine::Engine;
use crate::lint::locate::{Finder, SourceText};
use crate::lint::prose::AdKind;
use crate::lint::prose::input::{self, Sniffed};
use crate::lint::{
    self, Data, Date, LintInput, OfferedPay, Place, Prose, Report, Scope, Site, Subject,
};
use crate::load;
use crate::model::Location;
use crate::pay::PayKind;
use crate::render::{self, Format, RenderOptions};

/// Runs `hirekit lint`.
pub(crate) fn run(ctx: &Ctx, args: LintArgs) -> Result<ExitCode> {
    let settings = &ctx.project.ws.config.lint;
    for name in &settings.disable {
        if !lint::is_rule_or_family(name.trim()) {
            ctx.ui.warn(&format!(
                "hirekit.yaml `lint.disable` names `{name}`, which is neither a rule id nor a family ({}); docs/lint.md lists every rule id",
                lint::FAMILIES.join(", ")
            ));
        }
    }
    let deny_warnings = args.deny.is_some() || settings.deny_warnings;
    let date = args.date.unwrap_or_else(Date::today);
    let data = Data::builtin()?;
    let mut args = args;
    let mut report = match ad_kind(&args)? {
        Some(kind) => lint_file(ctx, &args, &data, date, kind)?,
        None => {
            // A profile sniffed in a file without an extension is loaded
            // as that file, not looked up as a role id of the same name.
            let path = Path::new(&args.target);
            if path.extension().is_none() && path.is_file() && !args.target.contains(['/', '\\']) {
                args.target = format!("./{}", args.target);
            }
            lint_role(ctx, &args, &data, date)?
        }
    };
    report.finish();
    let out = match args.format {
        LintFormat::Text => report.text(),
        LintFormat::Json => report.json(deny_warnings),
        LintFormat::Sarif => report.sarif(),
    };
    crate::output::emit(None, &out)?;
    Ok(if report.fails(deny_warnings) {
        crate::failure()
    } else {
        ExitCode::SUCCESS
    })
}

/// How to read the target when it is an ad, or `None` for a role: `--as`,
/// else the file's extension, else (an existing file without an
/// extension) what its first lines look like (see [`input::sniff`]).
fn ad_kind(args: &LintArgs) -> Result<Option<AdKind>> {
    if let Some(kind) = args.as_kind {
        return Ok(Some(match kind {
            AdAs::Text => AdKind::Text,
            AdAs::Markdown => AdKind::Markdown,
            AdAs::Html => AdKind::Html,
        }));
    }
    let path = Path::new(&args.target);
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => Ok(input::kind_of_extension(ext)),
        None if path.is_file() => {
            let bytes = load::read(path)?;
            let text = String::from_utf8_lossy(&bytes);
            Ok(match input::sniff(&text) {
                Sniffed::Profile => None,
                Sniffed::Ad(kind) => Some(kind),
            })
        }
        None => Ok(None),
    }
}

/// A location to lint for, before its pay is known.
struct SiteSpec {
    location: Location,
    /// The CSV row, or the linted file for `--location`.
    place: Place,
    /// The row's `pay_min` cell, or `place`.
    pay_place: Place,
}

/// The locations of `--location` or `--locations`, with where each is
/// written; empty when neither is given.
fn site_specs(args: &LintArgs, subject_file: &str) -> Result<(Vec<SiteSpec>, Option<String>)> {
    if let Some(arg) = &args.location {
        let location = load::location::parse_arg(arg)?;
        let place = Place::file(subject_file);
        return Ok((
            vec![SiteSpec {
                location,
                pay_place: place.clone(),
                place,
            }],
            None,
        ));
    }
    let Some(file) = &args.locations else {
        return Ok((Vec::new(), None));
    };
    let bytes = load::read(file)?;
    let shown = file.display().to_string();
    let text = load::utf8(&shown, &bytes)?;
    let rows = load::locations::read_all(&shown, text)?;
    let lines: Vec<&str> = text.lines().collect();
    let pay_col = lines.first().and_then(|h| {
        split_csv_line(h.trim_start_matches('\u{feff}'))
            .into_iter()
            .position(|(_, c)| c.trim().eq_ignore_ascii_case("pay_min"))
    });
    let specs = rows
        .into_iter()
        .map(|row| {
            let place = Place {
                file: shown.clone(),
                line: row.line,
                column: 1,
                len: 1,
            };
            let line_text = lines.get(row.line.saturating_sub(1)).copied().unwrap_or("");
            let pay_place = pay_col
                .and_then(|i| split_csv_line(line_text).into_iter().nth(i))
                .map_or_else(
                    || place.clone(),
                    |(col, cell)| Place {
                        file: shown.clone(),
                        line: row.line,
                        column: col,
                        len: cell.chars().count().max(1),
                    },
                );
            SiteSpec {
                location: row.location,
                place,
                pay_place,
            }
        })
        .collect();
    Ok((specs, Some(text.to_string())))
}

/// Splits one CSV line into cells with their 1-based character column
/// (quotes respected; a quoted cell spanning lines is cut at the line end).
fn split_csv_line(line: &str) -> Vec<(usize, String)> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut start_col = 1;
    let mut quoted = false;
    for (i, c) in line.trim_end_matches('\r').chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                cells.push((start_col, std::mem::take(&mut cell)));
                start_col = i + 2;
            }
            _ => cell.push(c),
        }
    }
    cells.push((start_col, cell));
    cells
}

/// Lints a role's rendered document, for each location.
fn lint_role(ctx: &Ctx, args: &LintArgs, data: &Data, date: Date) -> Result<Report> {
    let project = &ctx.project;
    let engine = project.engine()?;
    let doc = args.doc.as_deref().unwrap_or(crate::builtin::JOB_POST);
    engine.require_document(doc)?;
    let loaded = project.role(&args.target)?;
    let role_source = project.role_source(&loaded)?;
    let company = project.company(args.company.as_deref())?;
    let (specs, csv_text) = site_specs(args, &loaded.shown)?;

    let mut sources = vec![SourceText {
        file: loaded.shown.clone(),
        text: role_source.clone(),
    }];
    if let Some(c) = &company {
        sources.push(SourceText {
            file: c.file.clone(),
            text: c.source.clone(),
        });
    }
    sources.extend(template_sources(ctx, &engine));
    let mut report = Report {
        target: args.target.clone(),
        document: Some(doc.to_string()),
        ..Report::default()
    };
    for s in &sources {
        report.sources.insert(s.file.clone(), s.text.clone());
    }
    if let (Some(file), Some(text)) = (&args.locations, csv_text) {
        report.sources.insert(file.display().to_string(), text);
    }
    let finder = Rc::new(Finder::new(sources));

    let input = project.role_input(loaded.clone(), company.as_ref())?;
    let subject = Subject::Role {
        role: &loaded.role,
        file: &loaded.shown,
        source: &role_source,
        doc,
    };
    let sites: Vec<Option<Site>> = if specs.is_empty() {
        vec![None]
    } else {
        specs
            .into_iter()
            .map(|s| {
                let pay = crate::pay::resolve(Some(&s.location), input.table.as_ref());
                let offered = pay
                    .offered
                    .filter(|_| pay.kind == PayKind::Offered)
                    .map(|o| OfferedPay {
                        min: o.min,
                        max: o.max,
                    });
                Some(Site {
                    location: s.location,
                    place: s.place,
                    offered,
                    pay_place: s.pay_place,
                    market_average: pay.market.is_some(),
                })
            })
            .collect()
    };
    for (i, site) in sites.iter().enumerate() {
        let location = site.as_ref().map(|s| &s.location);
        if let Some(l) = location {
            ctx.ui.verbose(&format!("linting {doc} for {}", l.label()));
        }
        let md = render::render(
            &engine,
            &input,
            location,
            doc,
            Format::Md,
            RenderOptions::default(),
        )?;
        finder.forget();
        let prose =
            Prose::from_markdown(&format!("rendered:{doc}.md"), md).with_finder(Rc::clone(&finder));
        let lint_input = LintInput {
            prose: &prose,
            subject,
            company: company.as_ref(),
            site: site.as_ref(),
            date,
            settings: &ctx.project.ws.config.lint,
            data,
        };
        let findings = lint::check(&lint_input, scope_for(i));
        // Only a job post's page carries a JobPosting.
        let job_ad = crate::builtin::is_job_ad(doc);
        report.findings.extend(
            findings
                .into_iter()
                .filter(|f| job_ad || f.rule != lint::completeness::NO_HIRING_ORGANIZATION),
        );
        if i == 0 {
            measure(&mut report, &prose, data, ctx);
            report
                .sources
                .insert(prose.file.clone(), prose.source.clone());
        }
    }
    Ok(report)
}

/// Every Markdown template, as the file a word in it would be fixed in:
/// the workspace file when it overrides or adds one, else the built-in.
/// The first location gets every rule; the others only the rules that
/// depend on the location.
fn scope_for(i: usize) -> Scope {
    if i == 0 {
        Scope::All
    } else {
        Scope::PerLocation
    }
}

/// Readability and gender balance of the text, once per report.
fn measure(report: &mut Report, prose: &Prose, data: &Data, ctx: &Ctx) {
    report.readability = Some(lint::readability::measure(prose));
    report.gender_balance = Some(lint::wording::balance(
        prose,
        data,
        &ctx.project.ws.config.lint.allow_words,
    ));
}

fn template_sources(ctx: &Ctx, engine: &Engine) -> Vec<SourceText> {
    engine
        .templates()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .filter_map(|(name, _)| match engine.user_file(&name) {
            Some(path) => std::fs::read_to_string(path).ok().map(|text| SourceText {
                file: ctx.project.ws.show(path),
                text,
            }),
            None => crate::builtin::template(&name).map(|text| SourceText {
                file: format!("builtin:templates/{name}"),
                text: text.to_string(),
            }),
        })
        .collect()
}

/// Lints an existing ad as it is.
fn lint_file(ctx: &Ctx, args: &LintArgs, data: &Data, date: Date, kind: AdKind) -> Result<Report> {
    if args.doc.is_some() {
        ctx.ui
            .warn("--doc chooses a role's document; it is ignored for a file");
    }
    let path = Path::new(&args.target);
    let bytes = load::read(path)?;
    let shown = path.display().to_string();
    let text = load::utf8(&shown, &bytes)?.to_string();
    let prose = Prose::from_kind(&shown, text, kind);
    let company = ctx.project.company(args.company.as_deref())?;
    let (specs, csv_text) = site_specs(args, &shown)?;
    let (pay, _) = lint::pay::pay_in_text(&prose);
    let offered = pay.as_ref().map(|p| p.pay);
    let pay_place = pay.as_ref().map(|p| prose.place_text(p.range.clone()));
    let sites: Vec<Option<Site>> = if specs.is_empty() {
        vec![None]
    } else {
        specs
            .into_iter()
            .map(|s| {
                Some(Site {
                    pay_place: pay_place.clone().unwrap_or_else(|| s.pay_place.clone()),
                    location: s.location,
                    place: s.place,
                    offered,
                    market_average: false,
                })
            })
            .collect()
    };
    let mut report = Report {
        target: shown.clone(),
        ..Report::default()
    };
    report.sources.insert(shown.clone(), prose.source.clone());
    if let (Some(file), Some(text)) = (&args.locations, csv_text) {
        report.sources.insert(file.display().to_string(), text);
    }
    for (i, site) in sites.iter().enumerate() {
        let input = LintInput {
            prose: &prose,
            subject: Subject::File { file: &shown },
            company: company.as_ref(),
            site: site.as_ref(),
            date,
            settings: &ctx.project.ws.config.lint,
            data,
        };
        report.findings.extend(lint::check(&input, scope_for(i)));
    }
    measure(&mut report, &prose, data, ctx);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_know_their_columns() {
        let cells = split_csv_line("den-1,\"Denver, CO\",CO,19.50");
        let cols: Vec<(usize, &str)> = cells.iter().map(|(c, s)| (*c, s.as_str())).collect();
        assert_eq!(
            cols,
            [(1, "den-1"), (7, "Denver, CO"), (20, "CO"), (23, "19.50")]
        );
    }

    #[test]
    fn ad_files_are_told_apart_from_roles() {
        use clap::Parser;
        for (t, kind) in [
            ("ad.md", Some(AdKind::Markdown)),
            ("post.HTML", Some(AdKind::Html)),
            ("ad.txt", Some(AdKind::Text)),
            ("roles/x.yaml", None),
            ("customer-service-representative", None),
        ] {
            let cli = crate::cli::Cli::try_parse_from(["hirekit", "lint", t]).unwrap();
            let crate::cli::Command::Lint(args) = cli.command else {
                unreachable!()
            };
            assert_eq!(ad_kind(&args).unwrap(), kind, "{t}");
        }
    }
}
