//! OEWS tables saved as CSV (spreadsheet exports and third-party cuts):
//! `,`, `;` or tab delimiters, a UTF-8 BOM, CRLF, quoted thousands
//! separators. Reading goes through the shared `CsvFile`.

use super::cells::Cell;
use super::extract::{Cells, Scan};
use super::layout::Layout;
use crate::diag::Diagnostic;
use crate::load::csvfile::{CsvFile, Row};

/// The delimiter of a CSV text: whichever of `,`, `;` and tab occurs most
/// often in the header line outside quotes (`,` when none does).
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delimiters[best]
}

/// The header row with its names as the file writes them (`CsvFile`
/// lower-cases them), so messages name `A_MEAN` as the user sees it.
fn header_as_written(text: &str, delimiter: u8) -> Option<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let record = reader.records().next()?.ok()?;
    Some(record.iter().map(|h| h.trim().to_string()).collect())
}

struct CsvCells<'a> {
    path: &'a str,
    row: &'a Row,
}

impl Cells for CsvCells<'_> {
    fn cell(&self, index: usize) -> Cell<'_> {
        self.row
            .cells
            .get(index)
            .map_or(Cell::Empty, |s| Cell::Text(s))
    }

    fn locus(&self, _: usize) -> String {
        format!("{}:{}", self.path, self.row.line)
    }
}

/// Reads the rows for `soc` (normalized) from CSV bytes; `path` is shown in errors.
pub(crate) fn scan(path: &str, bytes: &[u8], soc: &str) -> Result<Scan, Diagnostic> {
    let text = crate::load::utf8(path, bytes)?;
    let delimiter = detect_delimiter(text);
    let mut file = CsvFile::open(path, text, delimiter)?;
    let headers = header_as_written(text, delimiter)
        .filter(|h| h.len() == file.headers.len())
        .unwrap_or_else(|| file.headers.clone());
    let layout = Layout::detect(&headers).map_err(|missing| {
        Diagnostic::file(path, missing.message(&headers)).with_help(
            "expected a BLS OEWS download such as national_M2023_dl.xlsx or state_M2023_dl.xlsx, or a CSV export of one",
        )
    })?;
    let mut scan = Scan::new(soc);
    while let Some(row) = file.next_row() {
        let row = row?;
        scan.row(&layout, &CsvCells { path, row: &row })?;
    }
    Ok(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_from_the_header() {
        for (text, expected) in [
            (
                "AREA_TITLE;OCC_CODE;H_MEAN\r\nAlabama;43-4051;18.15\r\n",
                b';',
            ),
            ("\u{feff}AREA_TITLE;OCC_CODE\n", b';'),
            ("occ_code\th_mean\ta_mean\n43-4051\t1\t2\n", b'\t'),
            ("OCC_CODE,OCC_TITLE,H_MEAN\n", b','),
            ("\"A;B\",C,D\n", b','),
            ("OCC_CODE\n", b','),
            ("", b','),
        ] {
            assert_eq!(detect_delimiter(text) as char, expected as char, "{text:?}");
        }
    }

    #[test]
    fn semicolons_bom_crlf_and_separators() {
        let text = "\u{feff}AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN\r\n\
            Michigan;43-4051;Customer Service Representatives;21.01;43,690\r\n\
            Michigan;43-4061;Eligibility Interviewers;24.09;50,100\r\n";
        let scan = scan("s.csv", text.as_bytes(), "43-4051").unwrap();
        assert_eq!(scan.found.len(), 1);
        let row = &scan.found[0].row;
        assert_eq!(
            (row.hourly_mean, row.annual_mean),
            (Some(21.01), Some(43690.0))
        );
        assert_eq!(scan.found[0].locus, "s.csv:2");
    }

    #[test]
    fn quoted_thousands_with_commas() {
        let text = "OCC_CODE,TOT_EMP,H_MEAN,A_MEAN\n43-4051,\"2,858,710\",20.92,\"43,520\"\n";
        let scan = scan("n.csv", text.as_bytes(), "43-4051").unwrap();
        let row = &scan.found[0].row;
        assert_eq!(row.employment, Some(2_858_710));
        assert_eq!(row.annual_mean, Some(43520.0));
    }

    #[test]
    fn a_file_that_is_not_oews_names_the_missing_columns() {
        let err = scan("sites.csv", b"id,city,state\n1,Detroit,MI\n", "43-4051").unwrap_err();
        assert_eq!(err.path, "sites.csv");
        assert!(err.message.contains("`OCC_CODE`"), "{}", err.message);
        assert!(err.message.contains("`city`"), "{}", err.message);
    }
}
