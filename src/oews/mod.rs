//! Reading BLS OEWS downloads (the Occupational Employment and Wage
//! Statistics survey) into a pay table for one occupation.
//!
//! It reads BLS's workbooks (`.xlsx`, `.xls`) and CSV copies of them, in
//! every layout since 2014: the header mapping is in `layout`, what a cell
//! means (numbers, the markers `*` `**` `#` `~`, flags, SOC codes, areas) in
//! `cells`, which rows count in `extract`. Several files merge into one
//! table (a national file and a state file, say); an area may come from
//! only one of them. No figure is ever derived from another: a wage BLS
//! does not publish stays empty.
//!
//! No I/O here: callers pass the bytes of each file.

mod cells;
mod csv;
mod extract;
mod layout;
mod xlsx;

use std::collections::BTreeMap;

pub(crate) use cells::{normalize_soc, survey_from_file_name};

use crate::diag::Diagnostic;
use crate::model::pay::{PayRow, PayTable};

/// One file to import: its bytes and how it is shown in messages.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file as shown to the user; its name also gives the survey period.
    pub shown: &'a str,
    /// The file's contents.
    pub bytes: &'a [u8],
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The pay table, one row per area, sorted by area code.
    pub table: PayTable,
    /// BLS's title for the occupation, when a file has one.
    pub title: Option<String>,
    /// Things worth a warning (a file that gave no rows).
    pub warnings: Vec<String>,
}

/// Builds the pay table for `soc` (any accepted form) from OEWS files.
/// `survey` overrides the period the file names tell.
pub fn import(inputs: &[Input<'_>], soc: &str, survey: Option<&str>) -> anyhow::Result<Imported> {
    let Some(soc) = normalize_soc(soc) else {
        anyhow::bail!("`{soc}` is not a SOC code; expected a code such as `43-4051`");
    };
    let survey = survey.map(str::trim).filter(|s| !s.is_empty());
    // Before a workbook is parsed (that can take seconds): without
    // --survey, its name must tell its survey period. (A CSV is read first:
    // that is quick, and a file that is no OEWS table says so.)
    if survey.is_none()
        && let Some(input) = inputs
            .iter()
            .find(|i| xlsx::is_workbook(i.bytes) && survey_from_file_name(i.shown).is_none())
    {
        anyhow::bail!(
            "cannot tell the survey period from the file name `{}`; give it with --survey, e.g. --survey \"May 2023\"",
            input.shown
        );
    }
    let mut scans = Vec::with_capacity(inputs.len());
    for input in inputs {
        let scan = if xlsx::is_workbook(input.bytes) {
            xlsx::scan(input.shown, input.bytes, &soc)?
        } else {
            csv::scan(input.shown, input.bytes, &soc)?
        };
        scans.push(scan);
    }
    if scans.iter().all(|s| s.found.is_empty()) {
        return Err(unknown_soc(inputs, &scans, &soc).into());
    }

    let mut warnings = Vec::new();
    let mut periods: Vec<(String, &str)> = Vec::new();
    for (input, scan) in inputs.iter().zip(&scans) {
        if scan.found.is_empty() {
            warnings.push(format!(
                "`{}` has no rows for SOC {soc}; nothing was taken from it",
                input.shown
            ));
            continue;
        }
        let period = match survey {
            Some(s) => s.to_string(),
            None => survey_from_file_name(input.shown).ok_or_else(|| {
                anyhow::anyhow!(
                    "cannot tell the survey period from the file name `{}`; give it with --survey, e.g. --survey \"May 2023\"",
                    input.shown
                )
            })?,
        };
        periods.push((period, input.shown));
    }
    if let Some((first, first_file)) = periods.first()
        && let Some((other, other_file)) = periods.iter().find(|(p, _)| p != first)
    {
        anyhow::bail!(
            "the files are from different surveys: `{first_file}` is {first}, `{other_file}` is {other}; import one survey at a time"
        );
    }
    let period = periods.first().map(|(p, _)| p.clone()).unwrap_or_default();

    let mut merged: BTreeMap<String, (PayRow, String)> = BTreeMap::new();
    for scan in &scans {
        for found in &scan.found {
            if let Some((_, earlier)) = merged.get(&found.row.area) {
                anyhow::bail!(
                    "area `{}` is in two files, at {earlier} and at {}; give each area in one file only",
                    found.row.area,
                    found.locus
                );
            }
            let mut row = found.row.clone();
            row.survey.clone_from(&period);
            merged.insert(row.area.clone(), (row, found.locus.clone()));
        }
    }
    let rows: Vec<PayRow> = merged.into_values().map(|(row, _)| row).collect();
    let title = scans.iter().find_map(|s| s.title()).map(str::to_string);
    Ok(Imported {
        table: PayTable::from_rows(rows),
        title,
        warnings,
    })
}

/// The error for a SOC code no file has: names the code and the closest
/// codes that are there.
fn unknown_soc(inputs: &[Input<'_>], scans: &[extract::Scan], soc: &str) -> Diagnostic {
    let files = inputs
        .iter()
        .map(|i| i.shown)
        .collect::<Vec<_>>()
        .join(", ");
    let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
    for scan in scans {
        for (code, title) in &scan.codes {
            codes.entry(code.as_str()).or_insert(title.as_str());
        }
    }
    let (there, nothing) = if inputs.len() == 1 {
        ("the file", "the file has no occupation rows")
    } else {
        ("the files", "the files have no occupation rows")
    };
    let diag = Diagnostic::file(files, format!("no rows for SOC code `{soc}`"));
    let near = extract::closest(soc, codes.keys().copied(), 3);
    if near.is_empty() {
        return diag.with_help(nothing);
    }
    let listed = near
        .iter()
        .map(|c| match codes.get(c).copied().filter(|t| !t.is_empty()) {
            Some(title) => format!("`{c}` ({title})"),
            None => format!("`{c}`"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    diag.with_help(format!("closest codes in {there}: {listed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NATIONAL: &str = "OCC_CODE,OCC_TITLE,TOT_EMP,H_MEAN,A_MEAN,H_MEDIAN,A_MEDIAN\n\
        43-4051,Customer Service Representatives,\"2,858,710\",20.92,\"43,520\",19.08,\"39,680\"\n\
        43-4061,Eligibility Interviewers,\"140,000\",24.09,\"50,100\",23.00,\"47,840\"\n";
    const STATES: &str = "AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN\n\
        Michigan;43-4051;Customer Service Representatives;21.01;43,690\n\
        Alabama;43-4051;Customer Service Representatives;18.15;37,760\n";

    fn input<'a>(shown: &'a str, text: &'a str) -> Input<'a> {
        Input {
            shown,
            bytes: text.as_bytes(),
        }
    }

    #[test]
    fn merges_files_and_sorts_by_area() {
        let got = import(
            &[
                input("national_M2023_dl.csv", NATIONAL),
                input("state_M2023_dl.csv", STATES),
            ],
            "434051",
            None,
        )
        .unwrap();
        let areas: Vec<_> = got.table.rows.iter().map(|r| r.area.as_str()).collect();
        assert_eq!(areas, ["AL", "MI", "US"]);
        assert!(got.table.rows.iter().all(|r| r.survey == "May 2023"));
        assert_eq!(got.table.soc, "43-4051");
        assert_eq!(
            got.title.as_deref(),
            Some("Customer Service Representatives")
        );
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn an_area_in_two_files_is_refused() {
        let err = import(
            &[
                input("state_M2023_dl.csv", STATES),
                input("more_M2023.csv", STATES),
            ],
            "43-4051",
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("area `MI` is in two files"), "{err}");
        assert!(err.contains("state_M2023_dl.csv:2"), "{err}");
        assert!(err.contains("more_M2023.csv:2"), "{err}");
    }

    #[test]
    fn the_survey_comes_from_the_name_or_the_option() {
        let err = import(&[input("national.csv", NATIONAL)], "43-4051", None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("--survey"), "{err}");
        let got = import(
            &[input("national.csv", NATIONAL)],
            "43-4051",
            Some("May 2022"),
        )
        .unwrap();
        assert_eq!(got.table.survey, "May 2022");

        let err = import(
            &[
                input("national_M2022_dl.csv", NATIONAL),
                input("state_M2023_dl.csv", STATES),
            ],
            "43-4051",
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("different surveys"), "{err}");
    }

    #[test]
    fn an_unknown_code_names_it_and_the_closest_ones() {
        let err = import(&[input("national_M2023_dl.csv", NATIONAL)], "43-4052", None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("no rows for SOC code `43-4052`"), "{text}");
        assert!(
            text.contains("`43-4051` (Customer Service Representatives)"),
            "{text}"
        );
        assert!(text.contains("`43-4061`"), "{text}");
    }

    #[test]
    fn a_file_without_the_code_is_a_warning_when_another_has_it() {
        let got = import(
            &[
                input("national_M2023_dl.csv", NATIONAL),
                input(
                    "state_M2023_dl.csv",
                    "AREA_TITLE;OCC_CODE;H_MEAN\nMichigan;11-1011;100\n",
                ),
            ],
            "43-4051",
            None,
        )
        .unwrap();
        assert_eq!(got.table.rows.len(), 1);
        assert_eq!(got.warnings.len(), 1);
    }
}
