//! Reading and writing pay-table CSVs (`pay/<soc>.csv`).

use crate::diag::Diagnostic;
use crate::load::csvfile::{CsvFile, cell_error, parse_number};
use crate::model::pay::{PAY_COLUMNS, PayRow, PayTable};

/// Parses a pay table; `path` is shown in errors.
pub(crate) fn parse(path: &str, bytes: &[u8]) -> Result<PayTable, Diagnostic> {
    let text = super::utf8(path, bytes)?;
    let mut file = CsvFile::open(path, text, b',')?;
    file.require(&["area", "area_name", "soc", "survey"])?;
    if let Some(unknown) = file
        .headers
        .iter()
        .find(|h| !PAY_COLUMNS.contains(&h.as_str()))
    {
        return Err(Diagnostic::file(
            path,
            format!(
                "unknown column `{unknown}`; a pay table has the columns {}",
                crate::load::csvfile::backticked(&PAY_COLUMNS)
            ),
        ));
    }
    let idx: Vec<Option<usize>> = PAY_COLUMNS.iter().map(|c| file.column(c)).collect();
    let mut rows = Vec::new();
    while let Some(row) = file.next_row() {
        let row = row?;
        // A text cell `to_csv` defused (`'=...`) reads back as written.
        let text = |i: usize| {
            let cell = row.get(idx[i]);
            match cell.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                _ => cell.to_string(),
            }
        };
        let num = |i: usize| -> Result<Option<f64>, Diagnostic> {
            let cell = row.get(idx[i]);
            if cell.is_empty() {
                return Ok(None);
            }
            match parse_number(cell) {
                Some(v) if v >= 0.0 => Ok(Some(v)),
                _ => Err(cell_error(
                    path,
                    row.line,
                    PAY_COLUMNS[i],
                    format!("expected a number, got {cell:?}"),
                )),
            }
        };
        let pay = PayRow {
            area: text(0).to_ascii_uppercase(),
            area_name: text(1),
            soc: text(2),
            survey: text(3),
            employment: num(4)?.map(|v| v.round() as u64),
            hourly_mean: num(5)?,
            annual_mean: num(6)?,
            hourly_median: num(7)?,
            annual_median: num(8)?,
            hourly_p10: num(9)?,
            hourly_p25: num(10)?,
            hourly_p75: num(11)?,
            hourly_p90: num(12)?,
            annual_p10: num(13)?,
            annual_p25: num(14)?,
            annual_p75: num(15)?,
            annual_p90: num(16)?,
            top_coded: text(17),
        };
        if pay.area.is_empty() {
            return Err(cell_error(path, row.line, "area", "must not be empty"));
        }
        if pay.area != "US" && crate::states::name(&pay.area).is_none() {
            return Err(cell_error(
                path,
                row.line,
                "area",
                format!(
                    "unknown area {:?}; expected `US` or a USPS state or territory code",
                    pay.area
                ),
            ));
        }
        rows.push(pay);
    }
    if rows.is_empty() {
        return Err(Diagnostic::file(path, "pay table has no rows"));
    }
    Ok(PayTable::from_rows(rows))
}

/// Writes rows as a pay-table CSV: the standard columns, plain numbers
/// (hourly with two decimals, annual and employment whole), empty cells for
/// figures BLS does not publish. Text cells that a spreadsheet would run as
/// a formula are prefixed with `'`.
pub(crate) fn to_csv(rows: &[PayRow]) -> String {
    let mut out = String::new();
    out.push_str(&PAY_COLUMNS.join(","));
    out.push('\n');
    let hourly = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
    let whole = |v: Option<f64>| v.map(|v| format!("{v:.0}")).unwrap_or_default();
    for r in rows {
        let cells = [
            csv_text(&r.area),
            csv_text(&r.area_name),
            csv_text(&r.soc),
            csv_text(&r.survey),
            r.employment.map(|v| v.to_string()).unwrap_or_default(),
            hourly(r.hourly_mean),
            whole(r.annual_mean),
            hourly(r.hourly_median),
            whole(r.annual_median),
            hourly(r.hourly_p10),
            hourly(r.hourly_p25),
            hourly(r.hourly_p75),
            hourly(r.hourly_p90),
            whole(r.annual_p10),
            whole(r.annual_p25),
            whole(r.annual_p75),
            whole(r.annual_p90),
            csv_text(&r.top_coded),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a text cell for CSV; a cell starting with `=`, `+`, `-` or `@`
/// gets a leading `'` so a spreadsheet shows it as text instead of running it.
pub(crate) fn csv_text(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) || guarded != s {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "area,area_name,soc,survey,employment,hourly_mean,annual_mean,hourly_median,annual_median,hourly_p10,hourly_p25,hourly_p75,hourly_p90,annual_p10,annual_p25,annual_p75,annual_p90,top_coded\n\
        US,U.S.,43-4051,May 2023,2858710,20.92,43520,19.08,39680,,,,,,,,,\n\
        MI,Michigan,43-4051,May 2023,,21.01,43690,,,,,,,,,,,\n";

    #[test]
    fn parses_and_writes_back_identically() {
        let t = parse("p.csv", SAMPLE.as_bytes()).unwrap();
        assert_eq!(t.soc, "43-4051");
        assert_eq!(t.survey, "May 2023");
        assert_eq!(t.area("mi").unwrap().annual_mean, Some(43690.0));
        assert_eq!(t.national().unwrap().employment, Some(2_858_710));
        assert_eq!(t.area("MI").unwrap().hourly_median, None);
        assert_eq!(to_csv(&t.rows), SAMPLE);
    }

    #[test]
    fn bad_number_names_row_and_column() {
        let bad = SAMPLE.replace("21.01", "abc");
        let err = parse("p.csv", bad.as_bytes()).unwrap_err();
        assert_eq!(err.path, "p.csv:3");
        assert!(err.message.contains("`hourly_mean`"), "{}", err.message);
    }

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(csv_text("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_text("a,b"), "\"a,b\"");
        assert_eq!(csv_text("Michigan"), "Michigan");
        // ...and read back as they were written.
        let row = PayRow {
            area: "MI".into(),
            area_name: "=HYPERLINK(\"x\")".into(),
            soc: "43-4051".into(),
            survey: "May 2023".into(),
            annual_mean: Some(1.0),
            ..PayRow::default()
        };
        let back = parse("p.csv", to_csv(std::slice::from_ref(&row)).as_bytes()).unwrap();
        assert_eq!(back.rows[0].area_name, row.area_name);
    }
}
