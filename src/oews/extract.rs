//! From OEWS rows to pay-table rows for one occupation: which rows count
//! (cross-industry; the nation, states and territories), what each cell
//! means, and the codes present (for suggestions when the wanted one is not).

use std::collections::BTreeMap;

use super::cells::{self, Area, Cell, Figure};
use super::layout::{FIGURES, Layout, is_hourly};
use crate::diag::Diagnostic;
use crate::model::pay::PayRow;

/// One row's cells, whatever file they came from.
pub(crate) trait Cells {
    /// The cell at a column index (`Cell::Empty` past the end).
    fn cell(&self, index: usize) -> Cell<'_>;
    /// Where a cell is, for messages: `file:line` for CSV, `file: sheet S,
    /// cell H7` for a workbook.
    fn locus(&self, index: usize) -> String;
}

/// A pay-table row found for the wanted occupation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The figures; `survey` is filled in by the caller.
    pub row: PayRow,
    /// BLS's occupation title, when the file has one.
    pub title: String,
    /// Where the row is, for messages.
    pub locus: String,
}

/// Everything one file says about one occupation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    /// The wanted SOC code, `NN-NNNN`.
    pub soc: String,
    /// Its rows, one per area, in file order.
    pub found: Vec<Found>,
    /// Every occupation in the file's cross-industry rows: code → title.
    pub codes: BTreeMap<String, String>,
}

impl Scan {
    /// An empty scan for `soc` (already normalized).
    pub(crate) fn new(soc: &str) -> Self {
        Scan {
            soc: soc.to_string(),
            ..Scan::default()
        }
    }

    /// Reads one data row. Rows of other occupations, other industries and
    /// metropolitan areas are passed over; a row of the wanted occupation
    /// with a value that is not a number or a BLS marker is an error.
    pub(crate) fn row(&mut self, layout: &Layout, cells: &dyn Cells) -> Result<(), Diagnostic> {
        let Some(code) = cells::normalize_soc(&cells.cell(layout.soc).text()) else {
            // Blank rows and notes under the table.
            return Ok(());
        };
        let text = |i: Option<usize>| i.map(|i| cells.cell(i).text());
        if text(layout.naics).is_some_and(|n| !cells::is_cross_industry_naics(&n)) {
            return Ok(());
        }
        if text(layout.i_group)
            .is_some_and(|g| !g.is_empty() && !g.eq_ignore_ascii_case("cross-industry"))
        {
            return Ok(());
        }
        let title = text(layout.title).unwrap_or_default();
        if code != self.soc {
            self.codes.entry(code).or_insert(title);
            return Ok(());
        }
        self.codes.entry(code).or_insert_with(|| title.clone());

        let area_type = text(layout.area_type);
        let area_code = text(layout.area_code);
        let area_name = text(layout.area_name);
        let area = match cells::area(
            area_type.as_deref(),
            area_code.as_deref(),
            area_name.as_deref(),
        ) {
            Area::Code(code) => code,
            Area::Skip => return Ok(()),
            Area::Unknown(value) => {
                let col = layout
                    .area_code
                    .filter(|_| area_code.as_deref().is_some_and(|c| !c.is_empty()))
                    .or(layout.area_name)
                    .or(layout.area_code)
                    .or(layout.area_type)
                    .unwrap_or(layout.soc);
                return Err(cell_error(
                    layout,
                    cells,
                    col,
                    format!(
                        "unknown area {value:?}; expected the nation, a state, DC or a territory"
                    ),
                ));
            }
        };
        let shown_name = area_name
            .filter(|n| !n.is_empty())
            .or_else(|| crate::states::name(area).map(str::to_string))
            .unwrap_or_else(|| "U.S.".to_string());

        let annual_only = layout.annual.is_some_and(|i| cells::flag(cells.cell(i)));
        let hourly_only = layout.hourly.is_some_and(|i| cells::flag(cells.cell(i)));
        let mut values = [None; 12];
        let mut top_coded = Vec::new();
        for (i, col) in layout.figures.iter().enumerate() {
            let Some(col) = *col else { continue };
            // An annual-only occupation has no hourly figures, and an
            // hourly-only one no annual figures, whatever the cells hold.
            if (annual_only && is_hourly(i)) || (hourly_only && !is_hourly(i)) {
                continue;
            }
            match cells::figure(cells.cell(col)) {
                Ok(Figure::Value(v)) => values[i] = Some(v),
                Ok(Figure::Missing) => {}
                Ok(Figure::TopCoded) => top_coded.push(FIGURES[i].1),
                Err(message) => return Err(cell_error(layout, cells, col, message)),
            }
        }
        let employment = match layout.employment {
            None => None,
            Some(col) => match cells::figure(cells.cell(col)) {
                Ok(Figure::Value(v)) if v.fract() == 0.0 && v < 1e15 => Some(v as u64),
                Ok(Figure::Value(v)) => {
                    return Err(cell_error(
                        layout,
                        cells,
                        col,
                        format!("expected a whole number of jobs, got {v}"),
                    ));
                }
                Ok(Figure::Missing | Figure::TopCoded) => None,
                Err(message) => return Err(cell_error(layout, cells, col, message)),
            },
        };
        let [
            hourly_mean,
            annual_mean,
            hourly_median,
            annual_median,
            hourly_p10,
            hourly_p25,
            hourly_p75,
            hourly_p90,
            annual_p10,
            annual_p25,
            annual_p75,
            annual_p90,
        ] = values;
        let row = PayRow {
            area: area.to_string(),
            area_name: shown_name,
            soc: self.soc.clone(),
            survey: String::new(),
            employment,
            hourly_mean,
            annual_mean,
            hourly_median,
            annual_median,
            hourly_p10,
            hourly_p25,
            hourly_p75,
            hourly_p90,
            annual_p10,
            annual_p25,
            annual_p75,
            annual_p90,
            top_coded: top_coded.join(" "),
        };
        let locus = cells.locus(layout.soc);
        if let Some(earlier) = self.found.iter().find(|f| f.row.area == row.area) {
            // OEWS lists an occupation aggregated to the broad level twice,
            // as `broad` and as `detailed`, with the same figures.
            if earlier.row == row {
                return Ok(());
            }
            return Err(Diagnostic::file(
                locus,
                format!(
                    "a second row for SOC {} in area `{}` with different figures; the first is at {}",
                    self.soc, row.area, earlier.locus
                ),
            ));
        }
        self.found.push(Found { row, title, locus });
        Ok(())
    }

    /// The occupation's title, from the first row that has one.
    pub(crate) fn title(&self) -> Option<&str> {
        self.codes
            .get(&self.soc)
            .map(String::as_str)
            .filter(|t| !t.is_empty())
    }
}

fn cell_error(
    layout: &Layout,
    cells: &dyn Cells,
    col: usize,
    message: impl std::fmt::Display,
) -> Diagnostic {
    Diagnostic::file(
        cells.locus(col),
        format!("column `{}`: {message}", layout.name(col)),
    )
}

/// Up to `n` codes from `codes` closest to `soc`: those sharing the longest
/// leading digits first, then the nearest by number. For a detailed code
/// (not ending in 0), detailed codes come before the broad groups (ending in
/// 0), which often repeat a detailed occupation's title.
pub(crate) fn closest<'a>(
    soc: &str,
    codes: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let want = digits(soc);
    let want_num: i64 = want.parse().unwrap_or(0);
    let want_detailed = !want.ends_with('0');
    let mut ranked: Vec<(bool, usize, i64, &str)> = codes
        .filter(|c| *c != "00-0000")
        .map(|c| {
            let d = digits(c);
            let shared = d
                .chars()
                .zip(want.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let distance = (d.parse::<i64>().unwrap_or(0) - want_num).abs();
            let other_level = want_detailed && d.ends_with('0');
            (other_level, shared, distance, c)
        })
        .collect();
    ranked.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(b.3))
    });
    ranked.into_iter().take(n).map(|(_, _, _, c)| c).collect()
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
