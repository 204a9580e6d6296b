//! Shared CSV reading: UTF-8 BOM and CRLF accepted, headers matched without
//! regard to case, and every error located as `file:line` plus the column.

use crate::diag::Diagnostic;

/// A CSV file in memory, with its header row lower-cased and trimmed.
pub(crate) struct CsvFile<'a> {
    /// The path as shown to the user.
    pub path: &'a str,
    /// Lower-cased, trimmed header names.
    pub headers: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
    /// Line ends counted so far: `(up to this byte, how many)`, to turn a
    /// record's byte offset into its line number without a table of lines
    /// (records come in order, so counting goes forward).
    counted: (usize, usize),
    text: &'a str,
}

/// One data row: its 1-based line number in the file and its cells.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The line the row starts on.
    pub line: usize,
    /// The row's cells, trimmed.
    pub cells: Vec<String>,
}

impl<'a> CsvFile<'a> {
    /// Opens CSV text; `delimiter` is usually `b','`.
    pub(crate) fn open(path: &'a str, text: &'a str, delimiter: u8) -> Result<Self, Diagnostic> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(Diagnostic::file(
                path,
                "file is empty; expected a header row",
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| error_to_diag(path, 1, &e))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        Ok(CsvFile {
            path,
            headers,
            reader,
            counted: (0, 0),
            text,
        })
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&mut self, offset: u64) -> usize {
        // The csv reader reports where it stopped reading the previous
        // record, before any line ends and blank lines: skip those.
        let bytes = self.text.as_bytes();
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
            offset += 1;
        }
        let (from, mut lines) = self.counted;
        let from = if offset < from {
            lines = 0;
            0
        } else {
            from
        };
        lines += bytes[from..offset].iter().filter(|&&b| b == b'\n').count();
        self.counted = (offset, lines);
        lines + 1
    }

    /// The index of a header, if present.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Fails naming every required header that is missing.
    pub(crate) fn require(&self, names: &[&str]) -> Result<(), Diagnostic> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| self.column(n).is_none())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(Diagnostic::file(
            self.path,
            format!(
                "missing required column{} {}; the header row has {}",
                if missing.len() == 1 { "" } else { "s" },
                backticked(&missing),
                backticked(&self.headers),
            ),
        ))
    }

    /// The next row, `None` at the end. A row with more or fewer cells than
    /// the header is an error naming its line.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row, Diagnostic>> {
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(false) => None,
            Err(e) => {
                let line = e.position().map_or(0, |p| self.line_of(p.byte()));
                Some(Err(error_to_diag(self.path, line, &e)))
            }
            Ok(true) => {
                let line = record.position().map_or(0, |p| self.line_of(p.byte()));
                if record.len() != self.headers.len() {
                    if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
                        // A blank line inside the file: skip it.
                        return self.next_row();
                    }
                    let message = if record.iter().any(|c| c.contains('\n')) {
                        "a quoted cell is never closed: it runs on over the following lines; \
                         check for a stray `\"`"
                            .to_string()
                    } else {
                        format!(
                            "row has {} cells but the header has {} columns",
                            record.len(),
                            self.headers.len()
                        )
                    };
                    return Some(Err(Diagnostic::file(
                        format!("{}:{line}", self.path),
                        message,
                    )));
                }
                Some(Ok(Row {
                    line,
                    cells: record.iter().map(str::to_string).collect(),
                }))
            }
        }
    }
}

impl Row {
    /// The cell at `index`, or "" when the column is absent.
    pub(crate) fn get(&self, index: Option<usize>) -> &str {
        index
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }
}

/// An error about one cell: `file:line: column `col`: message`.
pub(crate) fn cell_error(
    path: &str,
    line: usize,
    column: &str,
    message: impl std::fmt::Display,
) -> Diagnostic {
    Diagnostic::file(
        format!("{path}:{line}"),
        format!("column `{column}`: {message}"),
    )
}

fn error_to_diag(path: &str, line: usize, e: &csv::Error) -> Diagnostic {
    let shown = if line > 0 {
        format!("{path}:{line}")
    } else {
        path.to_string()
    };
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8; save the file as UTF-8".to_string(),
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => format!("malformed CSV: {e}"),
    };
    Diagnostic::file(shown, message)
}

pub(crate) use crate::text::backticked;

/// Parses a number as written in spreadsheets: `43690`, `43,690`,
/// `$43,690.00`. Commas only separate thousands (groups of three); no
/// exponent, no space inside, at most 15 digits before the point. A
/// decimal comma (`18,50`) gets a hint. `None` for an empty cell.
pub(crate) fn parse_number(cell: &str) -> Option<f64> {
    parse_amount(cell).unwrap_or_default()
}

/// A cell as messages quote it: escaped, and cut after 40 characters.
pub(crate) fn quoted(cell: &str) -> String {
    let mut out: String = cell.chars().take(40).collect();
    if out.len() < cell.len() {
        out.push('…');
    }
    format!("{out:?}")
}

/// [`parse_number`] with the reason a cell is not a number (`Ok(None)`:
/// an empty cell).
pub(crate) fn parse_amount(cell_text: &str) -> Result<Option<f64>, String> {
    let cell = &quoted(cell_text);
    let t = cell_text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_prefix('$').map_or(t, str::trim_start);
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(f) = frac
        && !digits(f)
    {
        return Err(format!(
            "expected a number such as 18.50 or 52,000, got {cell}"
        ));
    }
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && digits(groups[0])
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
    if !(digits(int) || grouped) {
        // `18,50` or `7,5`: a comma where a decimal point belongs.
        if groups.len() == 2
            && frac.is_none()
            && digits(groups[0])
            && digits(groups[1])
            && groups[1].len() < 3
        {
            return Err(format!(
                "expected a number, got {cell}; write decimals with a point ({}.{}), not a comma",
                groups[0], groups[1]
            ));
        }
        return Err(format!(
            "expected a number such as 18.50 or 52,000, got {cell}"
        ));
    }
    let plain: String = int.chars().filter(|c| *c != ',').collect();
    if plain.len() > 15 {
        return Err(format!("{cell} has too many digits to be an amount"));
    }
    let text = match frac {
        Some(f) => format!("{plain}.{f}"),
        None => plain,
    };
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| format!("expected a number, got {cell}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bom_crlf_and_case_insensitive_headers() {
        let text = "\u{feff}City,STATE\r\nDetroit,MI\r\n\r\nDenver,CO\r\n";
        let mut f = CsvFile::open("s.csv", text, b',').unwrap();
        assert_eq!(f.headers, ["city", "state"]);
        f.require(&["city", "state"]).unwrap();
        let rows: Vec<_> = std::iter::from_fn(|| f.next_row())
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].cells, ["Denver", "CO"]);
    }

    #[test]
    fn missing_columns_are_named() {
        let f = CsvFile::open("s.csv", "city\nDetroit\n", b',').unwrap();
        let err = f.require(&["city", "state"]).unwrap_err();
        assert!(err.message.contains("`state`"), "{}", err.message);
    }

    #[test]
    fn ragged_row_names_its_line() {
        let mut f = CsvFile::open("s.csv", "a,b\n1,2\n3\n", b',').unwrap();
        assert!(f.next_row().unwrap().is_ok());
        let err = f.next_row().unwrap().unwrap_err();
        assert_eq!(err.path, "s.csv:3");
    }

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        for (cell, expected) in [
            ("43690", Some(43690.0)),
            ("43,690", Some(43690.0)),
            ("$21.01", Some(21.01)),
            ("$ 1,234,567.5", Some(1234567.5)),
            ("", None),
            ("abc", None),
            ("inf", None),
            ("NaN", None),
            ("1e3", None),
            ("1 8", None),
            ("7,5,0", None),
            ("1,23,456", None),
            ("18.", None),
            ("1e308", None),
            (&"9".repeat(300), None),
        ] {
            assert_eq!(parse_number(cell), expected, "{cell}");
        }
        let hint = parse_amount("18,50").unwrap_err();
        assert!(hint.contains("(18.50)"), "{hint}");
    }
}
