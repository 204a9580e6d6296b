//! Calendar dates for lint: the posting date a law is checked against.
//!
//! Only what lint and the posting dates need: parse and print
//! `YYYY-MM-DD`, compare, and today's date in UTC from the system clock
//! or `SOURCE_DATE_EPOCH` (no time-zone database).

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD` (an ISO 8601 date; a time after a `T` is ignored).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = s.split_once('T').map_or(s, |(d, _)| d);
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= date.month_len())
            .then_some(date)
    }

    fn month_len(self) -> u32 {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_unix_days(days: i64) -> Date {
        // Count in 400-year eras starting on 0000-03-01, so that the leap day
        // is the last day of each shifted year.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// Today in UTC: the day of `SOURCE_DATE_EPOCH` (seconds since
    /// 1970, the reproducible-builds convention) when it is set to a
    /// number, else the system clock's.
    pub fn today() -> Date {
        if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            return Date::from_unix_days(secs.div_euclid(86_400));
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// clap value parser for `--date`.
pub(crate) fn parse_arg(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date; expected YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_refuses_others() {
        let cases = [
            ("2025-01-01", Some((2025, 1, 1))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2025-13-01", None),
            ("2025-1-1", None),
            ("01/02/2025", None),
            ("2025-06-30T09:00:00Z", Some((2025, 6, 30))),
            ("", None),
        ];
        for (s, want) in cases {
            let got = Date::parse(s).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn unix_days_convert_to_dates() {
        for (days, want) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
            (19_358, "2023-01-01"),
            (20_416, "2025-11-24"),
        ] {
            assert_eq!(Date::from_unix_days(days).to_string(), want, "{days}");
        }
    }

    #[test]
    fn dates_order_by_day() {
        let a = Date::parse("2024-12-31").unwrap();
        let b = Date::parse("2025-01-01").unwrap();
        assert!(a < b);
    }
}
