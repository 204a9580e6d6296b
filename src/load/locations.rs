//! Reading a locations CSV: one row per place a role is posted for.
//!
//! Columns (headers in any case, any order): `id, city, state, postal_code,
//! country, workplace, employment_type, pay_min, pay_max, pay_period,
//! date_posted, valid_through, apply_url, company, street_address,
//! currency`. Only `city` and `state`
//! are required; any other column reaches templates as
//! `location.extra.<column>`. A UTF-8 byte-order mark and CRLF line ends
//! are accepted. Rows stream: [`Reader`] checks one row at a time, and each
//! error names the file, the row's line, the column and the value.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::csvfile::{CsvFile, Row, cell_error, parse_amount};
use crate::model::{Location, PayPeriod, Workplace};
use crate::states;
use crate::text::slug;

/// The columns hirekit knows; others go to `extra`.
pub(crate) const KNOWN_COLUMNS: [&str; COLUMNS] = [
    "id",
    "city",
    "state",
    "postal_code",
    "country",
    "workplace",
    "employment_type",
    "pay_min",
    "pay_max",
    "pay_period",
    "date_posted",
    "valid_through",
    "apply_url",
    "company",
    "street_address",
    "currency",
];

/// How many columns hirekit knows.
const COLUMNS: usize = 16;

/// schema.org / Google employment types.
pub(crate) const EMPLOYMENT_TYPES: [&str; 8] = [
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

/// The longest id or cell hirekit accepts, in characters.
const MAX_ID: usize = 100;

/// A location with the line of the CSV row it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationRow {
    /// The 1-based line the row starts on.
    pub line: usize,
    /// The location.
    pub location: Location,
}

/// Streams the rows of a locations CSV held in memory.
pub(crate) struct Reader<'a> {
    file: CsvFile<'a>,
    index: [Option<usize>; COLUMNS],
    extra: Vec<(usize, String)>,
}

impl<'a> Reader<'a> {
    /// Opens CSV text; fails when the header lacks `city` or `state`.
    pub(crate) fn new(path: &'a str, text: &'a str) -> Result<Self, Diagnostic> {
        let file = CsvFile::open(path, text, b',')?;
        file.require(&["city", "state"])?;
        let mut seen = std::collections::BTreeSet::new();
        for h in &file.headers {
            if h.is_empty() {
                return Err(Diagnostic::file(
                    format!("{path}:1"),
                    "the header row has an empty column name",
                ));
            }
            if !seen.insert(h.as_str()) {
                return Err(Diagnostic::file(
                    format!("{path}:1"),
                    format!("the header row names column `{h}` twice"),
                ));
            }
        }
        let index = KNOWN_COLUMNS.map(|c| file.column(c));
        let extra = file
            .headers
            .iter()
            .enumerate()
            .filter(|(_, h)| !KNOWN_COLUMNS.contains(&h.as_str()))
            .map(|(i, h)| (i, h.clone()))
            .collect();
        Ok(Reader { file, index, extra })
    }
}

impl<'a> Reader<'a> {
    /// The next row's cells, not yet checked: with [`Reader::parser`], rows
    /// can be checked on several threads while one thread reads the file.
    pub(crate) fn next_raw(&mut self) -> Option<Result<Row, Diagnostic>> {
        self.file.next_row()
    }

    /// What checks raw rows of this file (see [`Reader::next_raw`]).
    pub(crate) fn parser(&self) -> RowParser<'a> {
        RowParser {
            path: self.file.path,
            index: self.index,
            extra: self.extra.clone(),
        }
    }
}

/// Checks the raw rows of one locations file; shared between threads.
#[derive(Debug, Clone)]
pub(crate) struct RowParser<'a> {
    path: &'a str,
    index: [Option<usize>; COLUMNS],
    extra: Vec<(usize, String)>,
}

impl RowParser<'_> {
    /// Checks one row, as [`Reader`]'s iterator does.
    pub(crate) fn parse(&self, row: &Row) -> Result<LocationRow, Diagnostic> {
        parse_row(self.path, row, &self.index, &self.extra)
    }
}

impl Iterator for Reader<'_> {
    type Item = Result<LocationRow, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        let row = match self.file.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        Some(parse_row(self.file.path, &row, &self.index, &self.extra))
    }
}

/// Reads every row in turn: `each` gets each usable row, `error` each
/// row error (with its line), a duplicate `id` included, naming both rows.
/// Only the ids are held, so a file of millions of rows is read in little
/// memory. Returns how many rows were usable; a file that cannot be read
/// at all (its header) is the `Err`.
pub(crate) fn for_each_row(
    path: &str,
    text: &str,
    mut each: impl FnMut(LocationRow),
    mut error: impl FnMut(Diagnostic),
) -> Result<usize, Diagnostic> {
    let reader = Reader::new(path, text)?;
    let mut usable = 0;
    let mut ids: HashMap<String, usize> = HashMap::new();
    for item in reader {
        match item {
            Ok(row) => match ids.entry(row.location.id.clone()) {
                Entry::Occupied(first) => error(cell_error(
                    path,
                    row.line,
                    "id",
                    format!(
                        "id {:?} is also used on line {}; every row needs its own id (or a different city and state)",
                        row.location.id,
                        first.get()
                    ),
                )),
                Entry::Vacant(slot) => {
                    slot.insert(row.line);
                    usable += 1;
                    each(row);
                }
            },
            Err(e) => error(e),
        }
    }
    Ok(usable)
}

/// Reads every row, failing with every row error at once (each with its
/// line), or with a duplicate `id` naming both rows.
pub fn read_all(path: &str, text: &str) -> Result<Vec<LocationRow>, Diagnostics> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for_each_row(path, text, |r| rows.push(r), |e| errors.push(e))
        .map_err(|d| Diagnostics(vec![d]))?;
    if errors.is_empty() {
        if rows.is_empty() {
            return Err(Diagnostics(vec![Diagnostic::file(
                path,
                "no location rows below the header",
            )]));
        }
        Ok(rows)
    } else {
        Err(Diagnostics(errors))
    }
}

fn parse_row(
    path: &str,
    row: &Row,
    index: &[Option<usize>; COLUMNS],
    extra_cols: &[(usize, String)],
) -> Result<LocationRow, Diagnostic> {
    let line = row.line;
    let cell = |name: &str| {
        let i = KNOWN_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|k| index[k]);
        row.get(i)
    };
    let err = |column: &str, message: String| cell_error(path, line, column, message);
    for (i, value) in row.cells.iter().enumerate() {
        if value.chars().any(|c| c.is_control() && c != '\t') || value.chars().count() > 2000 {
            let column = row_header(index, extra_cols, i);
            return Err(err(
                &column,
                "value has a control character or is longer than 2,000 characters".to_string(),
            ));
        }
    }

    let city = cell("city").to_string();
    if city.is_empty() {
        return Err(err("city", "must not be empty".to_string()));
    }
    let state_cell = cell("state");
    let Some(state) = states::code(state_cell) else {
        return Err(err(
            "state",
            format!(
                "unknown state {state_cell:?}; expected a USPS code such as `MI` or a name such as `Michigan`"
            ),
        ));
    };

    let id = match cell("id") {
        "" => slug(&format!("{state}-{city}")),
        given => {
            if given.chars().count() > MAX_ID
                || !given
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                || given.starts_with('.')
            {
                return Err(err(
                    "id",
                    format!(
                        "id {given:?} may use only letters, digits, `-`, `_` and `.` (not first), up to {MAX_ID} characters"
                    ),
                ));
            }
            given.to_string()
        }
    };
    if id.is_empty() {
        return Err(err(
            "city",
            format!("city {city:?} has no letters or digits to name a file after; add an `id`"),
        ));
    }

    let country = match cell("country") {
        "" => "US".to_string(),
        c if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => c.to_ascii_uppercase(),
        "USA" | "usa" | "United States" => "US".to_string(),
        other => {
            return Err(err(
                "country",
                format!("expected a two-letter country code such as `US`, got {other:?}"),
            ));
        }
    };

    // The states hirekit knows are US states and territories: a row that
    // names one with another country is a mistake in one of the two.
    if country != "US" {
        return Err(err(
            "country",
            format!(
                "{country:?} with the US state `{}`; hirekit posts jobs in the United States: set country to `US` (or leave it empty)",
                cell("state")
            ),
        ));
    }

    let workplace = match cell("workplace")
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "" | "onsite" | "office" | "inoffice" => Workplace::Onsite,
        "hybrid" => Workplace::Hybrid,
        "remote" | "telecommute" | "fullyremote" => Workplace::Remote,
        _ => {
            return Err(err(
                "workplace",
                format!(
                    "expected `onsite`, `hybrid` or `remote`, got {:?}",
                    cell("workplace")
                ),
            ));
        }
    };

    let employment_type = match cell("employment_type") {
        "" => String::new(),
        raw => {
            let norm = raw.trim().to_ascii_uppercase().replace(['-', ' '], "_");
            if !EMPLOYMENT_TYPES.contains(&norm.as_str()) {
                return Err(err(
                    "employment_type",
                    format!(
                        "expected one of {}, got {raw:?}",
                        EMPLOYMENT_TYPES.join(", ")
                    ),
                ));
            }
            norm
        }
    };

    let money = |column: &str| -> Result<Option<f64>, Diagnostic> {
        match cell(column) {
            "" => Ok(None),
            raw => match parse_amount(raw) {
                Ok(Some(v)) if v >= 0.0 => Ok(Some(v)),
                Ok(_) => Err(err(
                    column,
                    format!("expected a number such as 18.50 or 52000, got {raw:?}"),
                )),
                Err(why) => Err(err(column, why)),
            },
        }
    };
    let pay_min = money("pay_min")?;
    let pay_max = money("pay_max")?;
    if let (Some(lo), Some(hi)) = (pay_min, pay_max)
        && lo > hi
    {
        return Err(err(
            "pay_min",
            format!("pay_min {lo} is more than pay_max {hi}"),
        ));
    }
    let pay_period = match cell("pay_period").to_ascii_lowercase().as_str() {
        "" => None,
        "hour" | "hourly" | "hr" | "per hour" => Some(PayPeriod::Hour),
        "year" | "yearly" | "annual" | "annually" | "yr" | "per year" => Some(PayPeriod::Year),
        _ => {
            return Err(err(
                "pay_period",
                format!("expected `hour` or `year`, got {:?}", cell("pay_period")),
            ));
        }
    };
    // Plausibility: an hourly figure past $1,000 or a yearly one under
    // $1,000 is a unit or typing mistake, not pay.
    let period = pay_period.unwrap_or_else(|| crate::model::guess_period(pay_max.or(pay_min)));
    for (column, value) in [("pay_min", pay_min), ("pay_max", pay_max)] {
        match (period, value) {
            (PayPeriod::Hour, Some(v)) if v > 1000.0 => {
                return Err(err(
                    column,
                    format!(
                        "{v} an hour is not plausible pay; if it is a yearly figure, set pay_period to `year`"
                    ),
                ));
            }
            (PayPeriod::Year, Some(v)) if v > 0.0 && v < 1000.0 => {
                return Err(err(
                    column,
                    format!(
                        "{v} a year is not plausible pay; if it is an hourly figure, set pay_period to `hour`"
                    ),
                ));
            }
            (_, Some(v)) if v > 100_000_000.0 => {
                return Err(err(column, format!("{v} is not plausible pay")));
            }
            _ => {}
        }
    }
    if pay_period.is_some() && pay_min.is_none() && pay_max.is_none() {
        return Err(err(
            "pay_period",
            "is set but pay_min and pay_max are empty".to_string(),
        ));
    }

    let date_posted = date(cell("date_posted")).map_err(|m| err("date_posted", m))?;
    let valid_through = date(cell("valid_through")).map_err(|m| err("valid_through", m))?;
    if !date_posted.is_empty()
        && !valid_through.is_empty()
        && valid_through[..10] < date_posted[..10]
    {
        return Err(err(
            "valid_through",
            format!("{valid_through} is before date_posted {date_posted}"),
        ));
    }

    let apply_url = cell("apply_url").to_string();
    if !apply_url.is_empty() && !crate::load::company::is_web_url(&apply_url) {
        return Err(err(
            "apply_url",
            format!("expected an http:// or https:// URL, got {apply_url:?}"),
        ));
    }

    let currency = match cell("currency") {
        "" => String::new(),
        c if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => c.to_ascii_uppercase(),
        other => {
            return Err(err(
                "currency",
                format!("expected a three-letter ISO 4217 code such as `USD`, got {other:?}"),
            ));
        }
    };

    let extra: std::collections::BTreeMap<String, String> = extra_cols
        .iter()
        .map(|(i, name)| (name.clone(), row.get(Some(*i)).to_string()))
        .collect();
    // How the job is paid: only commission-only changes what the pay laws ask.
    let basis = crate::lint::pay::PAY_BASIS;
    if let Some(v) = extra.get(basis)
        && !v.trim().is_empty()
        && !v.trim().eq_ignore_ascii_case(crate::lint::pay::COMMISSION)
    {
        return Err(err(
            basis,
            format!("expected `commission` (a job paid by commission only) or nothing, got {v:?}"),
        ));
    }

    Ok(LocationRow {
        line,
        location: Location {
            id,
            city,
            state: state.to_string(),
            state_name: states::name(state).unwrap_or(state).to_string(),
            postal_code: cell("postal_code").to_string(),
            country,
            workplace,
            employment_type,
            pay_min,
            pay_max,
            pay_period: pay_period.or_else(|| {
                (pay_min.is_some() || pay_max.is_some())
                    .then(|| crate::model::guess_period(pay_max.or(pay_min)))
            }),
            date_posted,
            valid_through,
            apply_url,
            company: cell("company").to_string(),
            street_address: cell("street_address").to_string(),
            currency,
            extra,
        },
    })
}

fn row_header(index: &[Option<usize>; COLUMNS], extra: &[(usize, String)], i: usize) -> String {
    if let Some(k) = index.iter().position(|x| *x == Some(i)) {
        return KNOWN_COLUMNS[k].to_string();
    }
    extra
        .iter()
        .find(|(j, _)| *j == i)
        .map_or_else(|| format!("#{}", i + 1), |(_, n)| n.clone())
}

/// Checks an ISO 8601 date (`2026-11-24`, optionally with a time such as
/// `T09:00:00Z`) and returns it unchanged; empty stays empty.
pub(crate) fn date(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Ok(String::new());
    }
    let bad = || format!("expected an ISO 8601 date such as 2026-11-24, got {s:?}");
    let (day, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let num = |p: &str| {
        p.parse::<u32>()
            .ok()
            .filter(|_| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (Some(y), Some(m), Some(d)) = (num(parts[0]), num(parts[1]), num(parts[2])) else {
        return Err(bad());
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(1..=days).contains(&d) || !(1900..=2999).contains(&y) {
        return Err(bad());
    }
    if let Some(t) = time {
        let ok = t.len() >= 5
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'Z' | b'+' | b'-'))
            && t.as_bytes()[2] == b':';
        if !ok {
            return Err(bad());
        }
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,city,state,postal_code,workplace,employment_type,pay_min,pay_max,pay_period,date_posted,valid_through,apply_url,region\n";

    #[test]
    fn pay_basis_is_commission_or_nothing() {
        let text = "city,state,pay_basis\nA,NY,commission\nB,NY,\nC,NY,comission\n";
        let got: Vec<String> = read_all("s.csv", text)
            .unwrap_err()
            .0
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(got[0].contains("column `pay_basis`"), "{got:#?}");
        assert!(got[0].contains("expected `commission`"), "{got:#?}");
    }

    #[test]
    fn full_row_parses() {
        let text = format!(
            "{HEADER}det-1,Detroit,MI,48201,hybrid,full-time,\"18.50\",22,hour,2026-11-24,2026-12-31,https://jobs.example.com/1,Midwest\n"
        );
        let rows = read_all("s.csv", &text).unwrap();
        let l = &rows[0].location;
        assert_eq!(rows[0].line, 2);
        assert_eq!(
            (l.id.as_str(), l.state_name.as_str()),
            ("det-1", "Michigan")
        );
        assert_eq!(l.workplace, Workplace::Hybrid);
        assert_eq!(l.employment_type, "FULL_TIME");
        assert_eq!(
            (l.pay_min, l.pay_max, l.pay_period),
            (Some(18.5), Some(22.0), Some(PayPeriod::Hour))
        );
        assert_eq!(l.extra["region"], "Midwest");
        assert_eq!(l.country, "US");
    }

    #[test]
    fn minimal_rows_get_slugged_ids() {
        let rows = read_all(
            "s.csv",
            "City,State\nSão Paulo,new york\nDetroit,Michigan\n",
        )
        .unwrap();
        assert_eq!(rows[0].location.id, "ny-sao-paulo");
        assert_eq!(rows[1].location.state, "MI");
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_column() {
        let text = "city,state,pay_min,pay_max\nA,MI,1,2\nB,ZZ,1,2\nC,MI,abc,2\nD,MI,9,2\n";
        let errs = read_all("s.csv", text).unwrap_err().0;
        let got: Vec<String> = errs
            .iter()
            .map(|e| format!("{} {}", e.path, e.message))
            .collect();
        assert_eq!(errs.len(), 3, "{got:#?}");
        assert!(
            got[0].starts_with("s.csv:3 column `state`: unknown state \"ZZ\""),
            "{got:#?}"
        );
        assert!(got[1].starts_with("s.csv:4 column `pay_min`"), "{got:#?}");
        assert!(
            got[2].starts_with("s.csv:5 column `pay_min`: pay_min 9 is more than pay_max 2"),
            "{got:#?}"
        );
    }

    #[test]
    fn duplicate_ids_name_both_rows() {
        let errs = read_all("s.csv", "city,state\nDetroit,MI\nDetroit,MI\n")
            .unwrap_err()
            .0;
        assert_eq!(errs[0].path, "s.csv:3");
        assert!(errs[0].message.contains("line 2"));
    }

    #[test]
    fn hostile_ids_are_refused() {
        for id in ["../../x", "/etc/x", "C:\\x", ".hidden", "a/b"] {
            let text = format!("id,city,state\n\"{id}\",Detroit,MI\n");
            assert!(read_all("s.csv", &text).is_err(), "{id}");
        }
    }

    #[test]
    fn missing_required_column_is_a_file_error() {
        let errs = read_all("s.csv", "city,zip\nDetroit,48201\n")
            .unwrap_err()
            .0;
        assert!(errs[0].message.contains("`state`"));
    }

    #[test]
    fn dates() {
        for (s, ok) in [
            ("2026-11-24", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2026-13-01", false),
            ("11/24/2026", false),
            ("2026-11-24T09:00:00Z", true),
            ("2026-11-24Tnope", false),
            ("", true),
        ] {
            assert_eq!(date(s).is_ok(), ok, "{s}");
        }
    }
}
