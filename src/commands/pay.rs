//! `hirekit pay import` (BLS OEWS files → a pay-table CSV) and
//! `hirekit pay show` (a pay table as an aligned table on stdout).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::{PayCommand, PayImportArgs, PayShowArgs};
use crate::engine::filters::{number, usd};
use crate::model::pay::{PayRow, PayTable};
use crate::{library, load, oews};

/// Runs `hirekit pay ...`.
pub(crate) fn run(ctx: &Ctx, cmd: PayCommand) -> Result<ExitCode> {
    match cmd {
        PayCommand::Import(args) => import(ctx, args),
        PayCommand::Show(args) => show(ctx, args),
    }
}

fn import(ctx: &Ctx, args: PayImportArgs) -> Result<ExitCode> {
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        files.push((path.display().to_string(), load::read(path)?));
    }
    let inputs: Vec<oews::Input<'_>> = files
        .iter()
        .map(|(shown, bytes)| oews::Input { shown, bytes })
        .collect();
    let imported = oews::import(&inputs, &args.soc, args.survey.as_deref())?;
    for warning in &imported.warnings {
        ctx.ui.warn(warning);
    }
    let table = &imported.table;
    crate::output::emit(args.output.as_deref(), &load::pay::to_csv(&table.rows))?;
    let title = imported
        .title
        .as_deref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    let into = args
        .output
        .as_deref()
        .map(|p| format!(" into {}", p.display()))
        .unwrap_or_default();
    ctx.ui.status(&format!(
        "imported {} area{} for SOC {}{title}, {}{into}",
        table.rows.len(),
        if table.rows.len() == 1 { "" } else { "s" },
        table.soc,
        table.survey
    ));
    Ok(ExitCode::SUCCESS)
}

/// The table `pay show` names: a CSV path, else the workspace's
/// `pay/<soc>.csv`, else the built-in table, else the occupation
/// library's national and state rows (BLS OEWS May 2025, with the broader
/// code where BLS pays the occupation under one). Returns it with how its
/// source is shown.
fn find_table(ctx: &Ctx, arg: &str) -> Result<(PayTable, String)> {
    let as_path = Path::new(arg);
    if arg.ends_with(".csv") || as_path.is_file() {
        let bytes = load::read(as_path)?;
        return Ok((load::pay::parse(arg, &bytes)?, arg.to_string()));
    }
    let Some(soc) = oews::normalize_soc(arg) else {
        bail!("`{arg}` is neither a SOC code (such as `43-4051`) nor a pay-table CSV file");
    };
    if let Some(path) = ctx.project.ws.path(&format!("pay/{soc}.csv"))
        && path.is_file()
    {
        let shown = ctx.project.ws.show(&path);
        let bytes = load::read(&path)?;
        return Ok((load::pay::parse(&shown, &bytes)?, shown));
    }
    match library::pay(&soc) {
        Some(pay) => Ok((pay.to_pay_table(), library_shown(&pay))),
        None => bail!(
            "no pay table for SOC `{soc}`: the workspace has no `pay/{soc}.csv`, none is built in, \
             and BLS OEWS has no figures for it or its broader groups; \
             build one with `hirekit pay import national_M2023_dl.xlsx state_M2023_dl.xlsx --soc {soc} -o pay/{soc}.csv`"
        ),
    }
}

/// How library figures are named: `library`, and the broader code they
/// are for when BLS pays the occupation under one.
fn library_shown(pay: &library::Pay) -> String {
    match &pay.broader {
        Some(b) => format!("library; {b}"),
        None => "library".to_string(),
    }
}

/// A metro or nonmetro area's row from the library, for `--area` naming
/// one (by OEWS code or title): the table of the area's survey and the row.
fn library_area(soc: &str, area: &str) -> Option<(PayTable, PayRow, String)> {
    let found = library::area(area)?;
    if found.kind.rank() < 2 {
        return None;
    }
    let pay = library::pay(soc)?;
    let ap = pay.area(&found.code)?;
    let mut row = ap.to_pay_row(&pay.figures_code, &pay.survey);
    row.area = found.code.clone();
    let mut table = pay.to_pay_table();
    table.rows.clear();
    Some((table, row, library_shown(&pay)))
}

fn show(ctx: &Ctx, args: PayShowArgs) -> Result<ExitCode> {
    let (table, shown) = find_table(ctx, &args.table)?;
    let out = match args.area.as_deref() {
        None => render_table(&table, &shown),
        Some(area) => {
            let code = area_code(area);
            match code.as_deref().and_then(|c| table.area(c)) {
                Some(row) => render_area(&table, row, &shown),
                None => {
                    let soc = oews::normalize_soc(&args.table).unwrap_or(table.soc.clone());
                    let Some((t, row, lib)) = library_area(&soc, area) else {
                        let areas: Vec<&str> = table.rows.iter().map(|r| r.area.as_str()).collect();
                        bail!(
                            "no row for area `{area}` in `{shown}`; it has {}, \
                             and metro or nonmetro areas by OEWS code or title (e.g. 19820, \"Detroit-Warren-Dearborn, MI\")",
                            areas.join(", ")
                        );
                    };
                    render_area(&t, &row, &lib)
                }
            }
        }
    };
    crate::output::emit(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

/// `US` for the nation's names, else the USPS code of a state code or name.
fn area_code(input: &str) -> Option<String> {
    let s = input.trim();
    if ["US", "U.S.", "USA", "United States", "national"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(s))
    {
        return Some("US".to_string());
    }
    crate::states::code(s).map(str::to_string)
}

/// What an empty cell shows.
const NONE: &str = "—";
/// What a top-coded cell shows.
const TOP: &str = "#";

/// One figure as shown: money, `#` when top-coded, `—` when not published.
fn money(row: &PayRow, column: &str, value: Option<f64>) -> String {
    let decimals = if column.starts_with("hourly") { 2 } else { 0 };
    match value {
        Some(v) => usd(v, Some(decimals)),
        None if is_top_coded(row, column) => TOP.to_string(),
        None => NONE.to_string(),
    }
}

fn is_top_coded(row: &PayRow, column: &str) -> bool {
    row.top_coded.split_whitespace().any(|c| c == column)
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Lays out rows of cells: the first `left` columns left-aligned, the
/// others right-aligned, two spaces apart, no trailing blanks.
fn align(rows: &[Vec<String>], left: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(widths[c].saturating_sub(width(cell)));
            if c < left {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The legend and source lines under a table; `top_coded` says whether a
/// shown cell is top-coded.
fn footer(table: &PayTable, top_coded: bool) -> String {
    let mut out = format!("\n{NONE} not published by BLS");
    if top_coded {
        let at = top_code_threshold(&table.survey)
            .map_or_else(|| "BLS's top-coding threshold".to_string(), str::to_string);
        out.push_str(&format!("; {TOP} top-coded by BLS: {at}"));
    }
    out.push('\n');
    out.push_str(&format!("Source: {}, {}.\n", table.source, table.survey));
    out
}

/// What BLS's top-coding (`#`) meant in a survey year, from the field
/// descriptions of its OEWS files.
fn top_code_threshold(survey: &str) -> Option<&'static str> {
    let year: u32 = survey.trim().rsplit(' ').next()?.parse().ok()?;
    match year {
        2014 => Some("above $90.00 an hour or $187,200 a year"),
        2015 => Some("$90.00 an hour or $187,200 a year or more"),
        2016..=2021 => Some("$100.00 an hour or $208,000 a year or more"),
        2022..=2023 => Some("$115.00 an hour or $239,200 a year or more"),
        // The May 2025 series' footnote, as the library's data carry it.
        2025 => Some("$115.00 an hour or $239,200 a year or more"),
        _ => None,
    }
}

/// Every area, the nation first: employment, mean and median wages.
pub(crate) fn render_table(table: &PayTable, shown: &str) -> String {
    let mut rows: Vec<&PayRow> = table.rows.iter().collect();
    // The nation first, then the areas in the table's order.
    rows.sort_by_key(|r| r.area != "US");
    let mut cells = vec![
        [
            "AREA",
            "NAME",
            "EMPLOYMENT",
            "HOURLY MEAN",
            "ANNUAL MEAN",
            "HOURLY MEDIAN",
            "ANNUAL MEDIAN",
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for r in &rows {
        cells.push(vec![
            r.area.clone(),
            r.area_name.clone(),
            r.employment
                .map_or_else(|| NONE.to_string(), |e| number(e as f64, 0)),
            money(r, "hourly_mean", r.hourly_mean),
            money(r, "annual_mean", r.annual_mean),
            money(r, "hourly_median", r.hourly_median),
            money(r, "annual_median", r.annual_median),
        ]);
    }
    let mut out = format!(
        "Pay for SOC {}, {} ({shown}): {} area{}\n\n",
        table.soc,
        table.survey,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    out.push_str(&align(&cells, 2));
    if let Some(r) = rows.iter().find(|r| has_percentiles(r)) {
        out.push_str(&format!(
            "\nPercentiles of one area: add --area AREA (e.g. --area {})\n",
            r.area
        ));
    }
    let top_coded = rows.iter().any(|r| {
        [
            "hourly_mean",
            "annual_mean",
            "hourly_median",
            "annual_median",
        ]
        .iter()
        .any(|c| is_top_coded(r, c))
    });
    out.push_str(&footer(table, top_coded));
    out
}

fn has_percentiles(r: &PayRow) -> bool {
    [
        r.hourly_p10,
        r.hourly_p25,
        r.hourly_p75,
        r.hourly_p90,
        r.annual_p10,
        r.annual_p25,
        r.annual_p75,
        r.annual_p90,
    ]
    .iter()
    .any(Option::is_some)
        || !r.top_coded.trim().is_empty()
}

/// One area in full: employment, then hourly and annual wages side by side
/// from the 10th percentile to the 90th, and the mean.
pub(crate) fn render_area(table: &PayTable, row: &PayRow, shown: &str) -> String {
    let mut out = format!(
        "{} ({}), SOC {}, {} ({shown})\n\n",
        row.area_name, row.area, table.soc, table.survey
    );
    let employment = row
        .employment
        .map_or_else(|| NONE.to_string(), |e| number(e as f64, 0));
    out.push_str(&format!("Employment: {employment}\n\n"));
    let line = |label: &str, hourly: (&str, Option<f64>), annual: (&str, Option<f64>)| {
        vec![
            label.to_string(),
            money(row, hourly.0, hourly.1),
            money(row, annual.0, annual.1),
        ]
    };
    let cells = vec![
        vec![String::new(), "HOURLY".to_string(), "ANNUAL".to_string()],
        line(
            "10th percentile",
            ("hourly_p10", row.hourly_p10),
            ("annual_p10", row.annual_p10),
        ),
        line(
            "25th percentile",
            ("hourly_p25", row.hourly_p25),
            ("annual_p25", row.annual_p25),
        ),
        line(
            "Median",
            ("hourly_median", row.hourly_median),
            ("annual_median", row.annual_median),
        ),
        line(
            "75th percentile",
            ("hourly_p75", row.hourly_p75),
            ("annual_p75", row.annual_p75),
        ),
        line(
            "90th percentile",
            ("hourly_p90", row.hourly_p90),
            ("annual_p90", row.annual_p90),
        ),
        line(
            "Mean",
            ("hourly_mean", row.hourly_mean),
            ("annual_mean", row.annual_mean),
        ),
    ];
    out.push_str(&align(&cells, 1));
    out.push_str(&footer(table, !row.top_coded.trim().is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_with_wide_characters() {
        let rows = vec![
            vec!["A".to_string(), "1".to_string()],
            vec!["Bb".to_string(), NONE.to_string()],
            vec!["C".to_string(), "$1,000".to_string()],
        ];
        assert_eq!(align(&rows, 1), "A        1\nBb       —\nC   $1,000\n");
    }

    #[test]
    fn top_coding_thresholds_by_survey_year() {
        for (survey, expected) in [
            (
                "May 2023",
                Some("$115.00 an hour or $239,200 a year or more"),
            ),
            (
                "May 2016",
                Some("$100.00 an hour or $208,000 a year or more"),
            ),
            ("May 2014", Some("above $90.00 an hour or $187,200 a year")),
            (
                "May 2025",
                Some("$115.00 an hour or $239,200 a year or more"),
            ),
            ("May 2024", None),
            ("spring", None),
        ] {
            assert_eq!(top_code_threshold(survey), expected, "{survey}");
        }
    }

    #[test]
    fn area_names_and_codes() {
        for (input, expected) in [
            ("MI", Some("MI")),
            ("michigan", Some("MI")),
            ("US", Some("US")),
            ("U.S.", Some("US")),
            ("national", Some("US")),
            ("XX", None),
        ] {
            assert_eq!(area_code(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn top_coded_cells_are_marked() {
        let row = PayRow {
            hourly_p90: None,
            top_coded: "hourly_p90 annual_p90".to_string(),
            annual_p10: Some(80000.0),
            hourly_p10: Some(38.46),
            ..PayRow::default()
        };
        assert_eq!(money(&row, "hourly_p90", row.hourly_p90), "#");
        assert_eq!(money(&row, "hourly_p75", row.hourly_p75), "—");
        assert_eq!(money(&row, "annual_p10", row.annual_p10), "$80,000");
        assert_eq!(money(&row, "hourly_p10", row.hourly_p10), "$38.46");
    }
}
