//! `hirekit occupations search|show|build`: the occupation library on the
//! command line.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::Ctx;
use crate::cli::{
    ListFormat, OccupationsBuildArgs, OccupationsCommand, OccupationsSearchArgs,
    OccupationsShowArgs,
};
use crate::engine::filters::{number, usd};
use crate::library::{self, AreaPay, Occupation, Pay, Wage};
use crate::output;

/// Runs `hirekit occupations ...`.
pub(crate) fn run(ctx: &Ctx, cmd: OccupationsCommand) -> Result<ExitCode> {
    match cmd {
        OccupationsCommand::Search(args) => search(args),
        OccupationsCommand::Show(args) => show(args),
        OccupationsCommand::Build(args) => build(ctx, args),
    }
}

fn build(ctx: &Ctx, args: OccupationsBuildArgs) -> Result<ExitCode> {
    if !args.from.is_dir() {
        bail!(
            "the raw data folder `{}` does not exist; pass --from DIR (the folder with onet-29.3/, oews-may2025/ and geo/)",
            args.from.display()
        );
    }
    let files = library::build::build(&args.from)
        .with_context(|| format!("while building the library from `{}`", args.from.display()))?;
    let mut total = 0;
    for (name, bytes) in &files {
        let path = args.out.join(name);
        output::write_creating_folders(&path, bytes)?;
        total += bytes.len();
        ctx.ui
            .status(&format!("wrote {} ({} bytes)", path.display(), bytes.len()));
    }
    ctx.ui.status(&format!(
        "{} files, {total} bytes in `{}`",
        files.len(),
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

fn search(args: OccupationsSearchArgs) -> Result<ExitCode> {
    let query = args.text.join(" ");
    let hits = library::search(&query, args.limit);
    let text = match args.format {
        ListFormat::Json => format!("{}\n", serde_json::to_string_pretty(&hits)?),
        ListFormat::Text => {
            if hits.is_empty() {
                bail!("no occupation matches `{query}`; try fewer or other words");
            }
            let width = hits
                .iter()
                .map(|h| h.title.chars().count())
                .max()
                .unwrap_or(0);
            let mut out = String::new();
            for h in &hits {
                let matched = if h.matched == h.title {
                    "title".to_string()
                } else {
                    format!("{}: {}", kind_name(h.kind), h.matched)
                };
                let _ = writeln!(out, "{}  {:<width$}  {matched}", h.code, h.title);
            }
            out
        }
    };
    output::emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn kind_name(kind: library::MatchKind) -> &'static str {
    match kind {
        library::MatchKind::Title => "title",
        library::MatchKind::Alternate => "also called",
        library::MatchKind::Reported => "reported as",
    }
}

fn show(args: OccupationsShowArgs) -> Result<ExitCode> {
    let Some(occ) = library::occupation(&args.code) else {
        if library::parse_code(&args.code).is_none() {
            bail!(
                "`{}` is not an occupation code; expected a SOC or O*NET-SOC code such as 43-4051, 434051 or 35-3023.01",
                args.code
            );
        }
        bail!(
            "the library has no occupation `{}`; find one with `hirekit occupations search WORDS`",
            args.code
        );
    };
    let pay = library::pay(&occ.soc);
    let text = match args.format {
        ListFormat::Json => {
            let json = serde_json::json!({
                "occupation": occ,
                "variants": library::variants(&occ.soc),
                "pay": pay.as_ref().map(|p| serde_json::json!({
                    "soc": p.soc,
                    "figures_code": p.figures_code,
                    "figures_title": p.figures_title,
                    "broader": p.broader,
                    "survey": p.survey,
                    "source": p.source,
                    "national": p.national(),
                })),
                "source": library::ONET_SOURCE,
                "credit": library::ONET_CREDIT,
            });
            format!("{}\n", serde_json::to_string_pretty(&json)?)
        }
        ListFormat::Text => show_text(&occ, pay.as_ref()),
    };
    output::emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// How many items of each list the text view shows.
const SHOWN: usize = 8;

fn show_text(o: &Occupation, pay: Option<&Pay>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", o.code, o.title);
    let others: Vec<String> = library::variants(&o.soc)
        .iter()
        .filter(|e| e.code != o.code)
        .map(|e| format!("{} {}", e.code, e.title))
        .collect();
    if !others.is_empty() {
        let _ = writeln!(out, "Same SOC code: {}", others.join("; "));
    }
    let _ = writeln!(out, "\n{}", o.description);
    if let Some(z) = o.job_zone {
        let _ = writeln!(out, "\nJob zone: {z} of 5");
    }
    section(
        &mut out,
        "Tasks",
        o.tasks.len(),
        o.tasks.iter().map(|t| {
            let kind = if t.core { "core" } else { "supplemental" };
            match t.incumbents {
                Some(p) => format!("{} ({kind}, {p:.0}% of incumbents)", t.text),
                None => format!("{} ({kind})", t.text),
            }
        }),
    );
    for (name, list) in [
        ("Skills", &o.skills),
        ("Knowledge", &o.knowledge),
        ("Work styles", &o.work_styles),
    ] {
        section(
            &mut out,
            name,
            list.len(),
            list.iter()
                .map(|r| format!("{} (importance {:.1} of 5)", r.name, r.importance)),
        );
    }
    for (name, list) in [
        ("Education", &o.education),
        ("Related experience", &o.experience),
        ("On-the-job training", &o.training),
    ] {
        let mut sorted: Vec<_> = list.iter().filter(|s| s.percent >= 0.5).collect();
        sorted.sort_by(|a, b| {
            b.percent
                .total_cmp(&a.percent)
                .then(a.category.cmp(&b.category))
        });
        section(
            &mut out,
            name,
            sorted.len(),
            sorted
                .iter()
                .map(|s| format!("{:.0}%  {}", s.percent, s.label)),
        );
    }
    let mut tech: Vec<_> = o.technologies.iter().collect();
    tech.sort_by_key(|t| (!t.hot, !t.in_demand));
    section(
        &mut out,
        "Technologies",
        tech.len(),
        tech.iter().map(|t| {
            let flag = if t.hot { ", hot" } else { "" };
            format!("{} ({}{flag})", t.name, t.class)
        }),
    );
    section(
        &mut out,
        "Alternate titles",
        o.alternate_titles.len(),
        o.alternate_titles.iter().cloned(),
    );
    section(
        &mut out,
        "Reported titles",
        o.reported_titles.len(),
        o.reported_titles.iter().cloned(),
    );
    section(
        &mut out,
        "Related occupations",
        o.related.len(),
        o.related
            .iter()
            .map(|r| format!("{} {} ({})", r.code, r.title, r.tier)),
    );
    out.push_str("\nPay (national):\n");
    match pay.and_then(|p| p.national().map(|n| (p, n))) {
        Some((p, n)) => {
            let _ = writeln!(out, "  {}", pay_line(n));
            if let Some(b) = &p.broader {
                let _ = writeln!(out, "  ({b}: BLS publishes no figures for {} alone)", p.soc);
            }
            let _ = writeln!(out, "  Source: {}, {}", p.source, p.survey);
        }
        None => out.push_str("  BLS OEWS publishes no figures for this occupation\n"),
    }
    let _ = writeln!(out, "\nSource: {}", library::ONET_CREDIT);
    out
}

fn section(out: &mut String, name: &str, total: usize, items: impl Iterator<Item = String>) {
    if total == 0 {
        return;
    }
    let more = if total > SHOWN {
        format!(", first {SHOWN} of {total}")
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{name}{more}:");
    for item in items.take(SHOWN) {
        let _ = writeln!(out, "  - {item}");
    }
}

fn wage(w: Wage, hourly: bool) -> String {
    match w {
        Wage::Value(v) if hourly => usd(v, Some(2)),
        Wage::Value(v) => usd(v, Some(0)),
        Wage::TopCoded if hourly => "$115.00 or more".to_string(),
        Wage::TopCoded => "$239,200 or more".to_string(),
        Wage::Missing => "not published".to_string(),
    }
}

/// `mean $22.40/h, $46,590/yr; median $21.53/h, $44,770/yr; 2,595,750 jobs`.
pub(crate) fn pay_line(r: &AreaPay) -> String {
    let both = |h: Wage, a: Wage| match (r.annual_only, r.hourly_only) {
        (true, _) => format!("{}/yr", wage(a, false)),
        (_, true) => format!("{}/h", wage(h, true)),
        _ => format!("{}/h, {}/yr", wage(h, true), wage(a, false)),
    };
    let mut line = format!(
        "mean {}; median {}",
        both(r.hourly.mean, r.annual.mean),
        both(r.hourly.median, r.annual.median)
    );
    if let Some(e) = r.employment {
        let _ = write!(line, "; {} jobs", number(e as f64, 0));
    }
    line
}
