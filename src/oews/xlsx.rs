//! OEWS workbooks as BLS publishes them (`.xlsx` since 2014, `.xls` before),
//! read with calamine. The data sheet is the first one whose header row
//! (within the first rows) has the OEWS columns; errors name the sheet and
//! the cell.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use super::cells::Cell;
use super::extract::{Cells, Scan};
use super::layout::Layout;
use crate::diag::Diagnostic;

/// How many rows from the top of a sheet are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// Whether bytes are a spreadsheet workbook (a zip, as `.xlsx`, or an OLE
/// compound file, as `.xls`) rather than text.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A cell reference in A1 style from 0-based row and column: `(6, 18)` → `S7`.
pub(crate) fn cell_ref(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let mut out: String = letters.into_iter().collect();
    out.push_str(&(u64::from(row) + 1).to_string());
    out
}

/// Opens a workbook: a zip is an `.xlsx` (or `.xlsb`, `.ods`), anything else
/// an `.xls`. The error is the one for the likeliest format.
fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, String> {
    let cursor = Cursor::new(bytes);
    if !bytes.starts_with(b"PK") {
        return Xls::new(cursor).map(Sheets::Xls).map_err(|e| e.to_string());
    }
    match Xlsx::new(cursor.clone()) {
        Ok(book) => Ok(Sheets::Xlsx(book)),
        Err(xlsx) => Xlsb::new(cursor.clone())
            .map(Sheets::Xlsb)
            .or_else(|_| Ods::new(cursor).map(Sheets::Ods))
            .map_err(|_| xlsx.to_string()),
    }
}

fn cell(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Cell::Text("(a date)"),
        Data::Error(_) => Cell::Text("(a spreadsheet error)"),
    }
}

struct SheetCells<'a> {
    path: &'a str,
    sheet: &'a str,
    /// 0-based absolute row and first column of `cells`.
    row: u32,
    col: u32,
    cells: &'a [Data],
}

impl Cells for SheetCells<'_> {
    fn cell(&self, index: usize) -> Cell<'_> {
        self.cells.get(index).map_or(Cell::Empty, cell)
    }

    fn locus(&self, index: usize) -> String {
        let col = self
            .col
            .saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        format!(
            "{}: sheet {}, cell {}",
            self.path,
            self.sheet,
            cell_ref(self.row, col)
        )
    }
}

/// Reads the rows for `soc` (normalized) from a workbook; `path` is shown in errors.
/// The most one part of a workbook may inflate to (BLS's largest sheets
/// are a few tens of megabytes), and the most all of them may.
const MAX_PART_BYTES: u64 = 512 << 20;
const MAX_BOOK_BYTES: u64 = 1 << 30;

/// Refuses a zip-based workbook (.xlsx, .ods) whose parts would inflate
/// past [`MAX_PART_BYTES`] each or [`MAX_BOOK_BYTES`] in all (a zip bomb),
/// before any part is inflated. Other files pass (calamine reads them).
fn check_inflated_size(path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    check_inflated_size_within(path, bytes, MAX_PART_BYTES, MAX_BOOK_BYTES)
}

fn check_inflated_size_within(
    path: &str,
    bytes: &[u8],
    part_cap: u64,
    book_cap: u64,
) -> Result<(), Diagnostic> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        let size = part.size();
        total = total.saturating_add(size);
        if size > part_cap || total > book_cap {
            let cap = if size > part_cap { part_cap } else { book_cap };
            return Err(Diagnostic::file(
                path,
                format!(
                    "the workbook would inflate to more than {cap} bytes; BLS's files are far smaller, so this is not one of them"
                ),
            ));
        }
    }
    Ok(())
}

/// Why a sheet could not be read, in the user's terms where the cause is
/// known.
fn sheet_error(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    if text.contains("larger than its declared uncompressed size") {
        // The zip reader stops at the size the headers declare, which the
        // declared-size check above has already bounded.
        "cannot read the sheet: it inflates past the size the workbook's zip headers declare, so the file is damaged or forged; download it again from BLS".to_owned()
    } else {
        format!("cannot read the sheet: {text}")
    }
}

pub(crate) fn scan(path: &str, bytes: &[u8], soc: &str) -> Result<Scan, Diagnostic> {
    check_inflated_size(path, bytes)?;
    let mut book = open(bytes)
        .map_err(|e| Diagnostic::file(path, format!("cannot read the workbook: {e}")))?;
    let names = book.sheet_names();
    let mut first_miss: Option<(String, String)> = None;
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| Diagnostic::file(format!("{path}: sheet {name}"), sheet_error(&e)))?;
        let Some((top, left)) = range.start() else {
            continue;
        };
        let mut header_at = None;
        for (i, row) in range.rows().take(HEADER_SEARCH_ROWS).enumerate() {
            let headers: Vec<String> = row.iter().map(|d| cell(d).text()).collect();
            if headers.iter().all(String::is_empty) {
                continue;
            }
            match Layout::detect(&headers) {
                Ok(layout) => {
                    header_at = Some((i, layout));
                    break;
                }
                Err(missing) => {
                    if first_miss.is_none() {
                        first_miss = Some((name.clone(), missing.message(&headers)));
                    }
                }
            }
        }
        let Some((header_index, layout)) = header_at else {
            continue;
        };
        let mut scan = Scan::new(soc);
        for (i, row) in range.rows().enumerate().skip(header_index + 1) {
            let cells = SheetCells {
                path,
                sheet: name,
                row: top.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)),
                col: left,
                cells: row,
            };
            scan.row(&layout, &cells)?;
        }
        return Ok(scan);
    }
    let sheets = crate::text::backticked(&names);
    Err(match first_miss {
        Some((sheet, message)) => Diagnostic::file(format!("{path}: sheet {sheet}"), message)
            .with_help(format!(
                "no sheet of the workbook has the OEWS columns (sheets: {sheets})"
            )),
        None => Diagnostic::file(path, "the workbook has no data")
            .with_help(format!("sheets: {sheets}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_in_a1_style() {
        for ((row, col), expected) in [
            ((0, 0), "A1"),
            ((6, 18), "S7"),
            ((0, 25), "Z1"),
            ((9, 26), "AA10"),
            ((0, 31), "AF1"),
            ((1402, 701), "ZZ1403"),
            ((0, 702), "AAA1"),
        ] {
            assert_eq!(cell_ref(row, col), expected);
        }
    }

    #[test]
    fn workbooks_are_told_from_text() {
        assert!(is_workbook(b"PK\x03\x04rest"));
        assert!(is_workbook(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]));
        assert!(!is_workbook(b"OCC_CODE,H_MEAN\n"));
        assert!(!is_workbook(b""));
    }

    #[test]
    fn a_damaged_workbook_is_an_error_not_a_panic() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(std::iter::repeat_n(0u8, 200));
        let err = scan("bad.xlsx", &bytes, "43-4051").unwrap_err();
        assert_eq!(err.path, "bad.xlsx");
        assert!(
            err.message.starts_with("cannot read the workbook"),
            "{}",
            err.message
        );
    }

    fn national_workbook() -> Vec<u8> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/oews/national_M2023_dl.xlsx"
        );
        std::fs::read(path).unwrap()
    }

    #[test]
    fn reads_the_bls_national_workbook() {
        let bytes = national_workbook();
        let scan = scan("national_M2023_dl.xlsx", &bytes, "43-4051").unwrap();
        assert_eq!(scan.title(), Some("Customer Service Representatives"));
        assert_eq!(scan.found.len(), 1);
        let found = &scan.found[0];
        assert_eq!(
            found.locus,
            "national_M2023_dl.xlsx: sheet national_M2023_dl, cell I874"
        );
        let row = &found.row;
        assert_eq!(row.area, "US");
        assert_eq!(row.employment, Some(2_858_710));
        assert_eq!(
            (row.hourly_mean, row.annual_mean),
            (Some(20.92), Some(43520.0))
        );
        assert_eq!(
            (row.hourly_median, row.annual_median),
            (Some(19.08), Some(39680.0))
        );
        // Every cross-industry occupation is listed, for suggestions.
        assert!(scan.codes.len() > 800, "{}", scan.codes.len());
    }

    #[test]
    fn a_workbook_that_would_inflate_past_the_cap_is_refused_unread() {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        zip.write_all(&[b'0'; 4096]).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 4096, "it compresses");
        let err = check_inflated_size_within("bomb.xlsx", &bytes, 1024, 1 << 20).unwrap_err();
        assert!(
            err.message
                .contains("would inflate to more than 1024 bytes"),
            "{}",
            err.message
        );
        assert!(check_inflated_size_within("ok.xlsx", &bytes, 8192, 1 << 20).is_ok());
        assert!(check_inflated_size_within("t.xlsx", &bytes, 8192, 2048).is_err());
        assert!(check_inflated_size("not-a-zip.csv", b"a,b\n").is_ok());
    }
}
