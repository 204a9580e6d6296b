//! What one OEWS cell means: a number, a BLS marker (`*`, `**`, `#`, `~`),
//! a flag, a SOC code or an area. Pure functions, no I/O.

/// One cell as a reader found it. CSV cells are always `Text`; workbook
/// cells keep their type (wages are numbers, codes and markers are text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    /// No value.
    Empty,
    /// A text cell (trimmed by the caller or not; the functions here trim).
    Text(&'a str),
    /// A numeric cell.
    Number(f64),
    /// A boolean cell.
    Bool(bool),
}

impl Cell<'_> {
    /// The cell as text: numbers without a trailing `.0`, booleans as `TRUE`/`FALSE`.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(true) => "TRUE".to_string(),
            Cell::Bool(false) => "FALSE".to_string(),
        }
    }
}

/// What a wage or employment cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Figure {
    /// Not published: empty, `*` (no wage estimate), `**` (no employment
    /// estimate) or `~` (a note about establishments, not a value).
    Missing,
    /// `#`: the wage is at or above BLS's top-coding threshold.
    TopCoded,
    /// A published figure.
    Value(f64),
}

/// Reads a wage or employment cell. Thousands separators (`"43,520"`) and a
/// leading `$` are accepted; anything else that is not a number or a BLS
/// marker is an error message.
pub(crate) fn figure(cell: Cell<'_>) -> Result<Figure, String> {
    let text = match cell {
        Cell::Empty => return Ok(Figure::Missing),
        Cell::Number(n) if n.is_finite() && n >= 0.0 => return Ok(Figure::Value(n)),
        Cell::Number(n) => return Err(format!("expected a wage, got {n}")),
        Cell::Bool(b) => return Err(format!("expected a number, got a true/false cell ({b})")),
        Cell::Text(s) => s.trim(),
    };
    match text {
        "" | "*" | "**" | "~" => Ok(Figure::Missing),
        "#" => Ok(Figure::TopCoded),
        _ => match crate::load::csvfile::parse_number(text) {
            Some(v) if v >= 0.0 => Ok(Figure::Value(v)),
            _ => Err(format!(
                "expected a number or a BLS marker (`*`, `**`, `#`), got {text:?}"
            )),
        },
    }
}

/// Whether an `ANNUAL` or `HOURLY` flag cell is set (`TRUE` in BLS files).
pub(crate) fn flag(cell: Cell<'_>) -> bool {
    match cell {
        Cell::Bool(b) => b,
        Cell::Number(n) => n == 1.0,
        Cell::Text(s) => {
            let s = s.trim();
            s.eq_ignore_ascii_case("true") || s == "1"
        }
        Cell::Empty => false,
    }
}

/// Whether a NAICS code is the cross-industry total (`000000`, or `0` after
/// a spreadsheet dropped the leading zeros).
pub(crate) fn is_cross_industry_naics(code: &str) -> bool {
    let code = code.trim();
    !code.is_empty() && code.chars().all(|c| c == '0')
}

pub(crate) use crate::text::normalize_soc;

/// The survey period a BLS file name tells: `national_M2023_dl` and
/// `all_data_M_2023` are May 2023, `oesm23st` is May 2023.
pub(crate) fn survey_from_file_name(name: &str) -> Option<String> {
    let stem = std::path::Path::new(name)
        .file_name()
        .map_or(name.to_string(), |n| n.to_string_lossy().to_string())
        .to_ascii_lowercase();
    let bytes = stem.as_bytes();
    let year4 = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        let after = bytes.get(at + 4);
        if digits.iter().all(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit) {
            std::str::from_utf8(digits).ok()?.parse().ok()
        } else {
            None
        }
    };
    // `_m2023`, `_m_2023`, or `m2023` at the start of the name.
    for (i, _) in stem.match_indices('m') {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !starts_word {
            continue;
        }
        let at = if bytes.get(i + 1) == Some(&b'_') {
            i + 2
        } else {
            i + 1
        };
        if let Some(year) = year4(at).filter(|y| (1997..=2099).contains(y)) {
            return Some(format!("May {year}"));
        }
    }
    // BLS's zip names: `oesm23nat`, `oesm16st`, `oesm19all`.
    if let Some(i) = stem.find("oesm") {
        let digits = bytes.get(i + 4..i + 6)?;
        let after = bytes.get(i + 6);
        if digits.iter().all(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit) {
            let yy: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            let year = if yy >= 90 { 1900 + yy } else { 2000 + yy };
            return Some(format!("May {year}"));
        }
    }
    None
}

/// Where a row's figures apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Area {
    /// The nation (`US`) or a state or territory (USPS code).
    Code(&'static str),
    /// A metropolitan or other sub-state area: not part of a pay table.
    Skip,
    /// A value that names no state, territory or the nation.
    Unknown(String),
}

/// Names BLS uses for the nation.
const NATIONAL_NAMES: [&str; 5] = ["U.S.", "US", "United States", "U.S. total", "National"];

/// Resolves a row's area from the cells a layout has: `area_type`
/// (1 nation, 2 state, 3 territory; others are metro areas), a USPS code
/// (`PRIM_STATE`/`ST`) and a name (`AREA_TITLE`/`STATE`). A layout with none
/// of them (the national files of 2014-2018) is the nation.
pub(crate) fn area(area_type: Option<&str>, code: Option<&str>, name: Option<&str>) -> Area {
    let area_type = area_type.map(str::trim).filter(|t| !t.is_empty());
    match area_type {
        Some("1") => return Area::Code("US"),
        Some("2" | "3") | None => {}
        Some(_) => return Area::Skip,
    }
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    if let Some(code) = code {
        if code.eq_ignore_ascii_case("US") {
            return Area::Code("US");
        }
        return match crate::states::STATES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
        {
            Some((c, _)) => Area::Code(c),
            None => Area::Unknown(code.to_string()),
        };
    }
    if let Some(name) = name {
        if NATIONAL_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return Area::Code("US");
        }
        return match crate::states::code(name) {
            Some(c) => Area::Code(c),
            None => Area::Unknown(name.to_string()),
        };
    }
    if area_type.is_none() {
        Area::Code("US")
    } else {
        Area::Unknown(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_markers() {
        for (cell, expected) in [
            (Cell::Text("20.92"), Ok(Figure::Value(20.92))),
            (Cell::Text("43,520"), Ok(Figure::Value(43520.0))),
            (Cell::Text(" 2,858,710 "), Ok(Figure::Value(2_858_710.0))),
            (Cell::Number(58.4), Ok(Figure::Value(58.4))),
            (Cell::Text("*"), Ok(Figure::Missing)),
            (Cell::Text("**"), Ok(Figure::Missing)),
            (Cell::Text("~"), Ok(Figure::Missing)),
            (Cell::Text(""), Ok(Figure::Missing)),
            (Cell::Empty, Ok(Figure::Missing)),
            (Cell::Text("#"), Ok(Figure::TopCoded)),
        ] {
            assert_eq!(figure(cell), expected, "{cell:?}");
        }
        for bad in [
            Cell::Text("abc"),
            Cell::Text("-3"),
            Cell::Number(-1.0),
            Cell::Bool(true),
        ] {
            assert!(figure(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn flags() {
        for (cell, expected) in [
            (Cell::Text("TRUE"), true),
            (Cell::Text("true"), true),
            (Cell::Bool(true), true),
            (Cell::Text(""), false),
            (Cell::Text("FALSE"), false),
            (Cell::Empty, false),
        ] {
            assert_eq!(flag(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn soc_codes_in_every_form() {
        for (input, expected) in [
            ("43-4051", Some("43-4051")),
            ("434051", Some("43-4051")),
            ("43-4051.00", Some("43-4051")),
            (" 43-4051 ", Some("43-4051")),
            ("00-0000", Some("00-0000")),
            ("43-405", None),
            ("4340511", None),
            ("43-4051.0", None),
            ("ab-cdef", None),
            ("43_4051", None),
            ("", None),
            ("Ⅳ3-4051", None),
        ] {
            assert_eq!(normalize_soc(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn survey_periods_from_bls_file_names() {
        for (name, expected) in [
            ("national_M2023_dl.xlsx", Some("May 2023")),
            ("state_M2016_dl.xlsx", Some("May 2016")),
            ("/tmp/oesm23nat/national_M2023_dl.csv", Some("May 2023")),
            (
                "state_M2023_dl__semicolon-5col__selected.csv",
                Some("May 2023"),
            ),
            ("all_data_M_2021.xlsx", Some("May 2021")),
            ("MSA_M2019_dl.xlsx", Some("May 2019")),
            ("oesm23st.csv", Some("May 2023")),
            ("oesm14nat.xlsx", Some("May 2014")),
            ("OESM18ALL.csv", Some("May 2018")),
            ("national.csv", None),
            ("summer2023.csv", None),
            ("m20231.csv", None),
            ("team_M1234.csv", None),
        ] {
            assert_eq!(survey_from_file_name(name).as_deref(), expected, "{name}");
        }
    }

    #[test]
    fn areas_from_codes_names_and_types() {
        for ((area_type, code, name), expected) in [
            ((None, None, None), Area::Code("US")),
            ((Some("1"), Some("US"), Some("U.S.")), Area::Code("US")),
            ((Some("2"), Some("MI"), Some("Michigan")), Area::Code("MI")),
            ((Some("3"), Some("GU"), Some("Guam")), Area::Code("GU")),
            (
                (Some("4"), Some("MI"), Some("Detroit-Warren-Dearborn, MI")),
                Area::Skip,
            ),
            ((None, Some("mi"), Some("Michigan")), Area::Code("MI")),
            ((None, None, Some("Michigan")), Area::Code("MI")),
            ((None, None, Some("Virgin Islands")), Area::Code("VI")),
            ((None, None, Some("U.S.")), Area::Code("US")),
            ((Some("1"), None, Some("U.S.")), Area::Code("US")),
            ((None, Some("ZZ"), None), Area::Unknown("ZZ".into())),
            (
                (None, None, Some("Detroit, MI")),
                Area::Unknown("Detroit, MI".into()),
            ),
            (
                (Some("2"), Some(""), Some("")),
                Area::Unknown(String::new()),
            ),
        ] {
            assert_eq!(
                area(area_type, code, name),
                expected,
                "{area_type:?} {code:?} {name:?}"
            );
        }
    }

    #[test]
    fn cell_text() {
        assert_eq!(Cell::Number(434051.0).text(), "434051");
        assert_eq!(Cell::Number(20.5).text(), "20.5");
        assert_eq!(Cell::Text(" 43-4051 ").text(), "43-4051");
        assert_eq!(Cell::Bool(true).text(), "TRUE");
        assert!(is_cross_industry_naics("000000"));
        assert!(is_cross_industry_naics("0"));
        assert!(!is_cross_industry_naics("000001"));
        assert!(!is_cross_industry_naics(""));
    }
}
