//! Parsing `--pay`: the employer's offered pay for one post, given on the
//! command line instead of a locations CSV (`19.50-23.00/hour`,
//! `52,000-60,000/year`, `21/hour`, `commission`). Amounts follow the same
//! rules as the CSV's `pay_min` and `pay_max` cells.

use std::fmt;
use std::str::FromStr;

use super::csvfile::parse_amount;
use crate::model::{Location, PayPeriod};

/// The offered pay of `--pay`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PayArg {
    /// A range (or one figure, `min == max`) per period.
    Range {
        /// The lowest pay.
        min: f64,
        /// The highest pay.
        max: f64,
        /// Per hour or per year.
        period: PayPeriod,
    },
    /// The job is paid by commission only.
    Commission,
}

impl PayArg {
    /// Puts the pay on a location, replacing whatever pay it had.
    pub(crate) fn apply(self, location: &mut Location) {
        let basis = crate::lint::pay::PAY_BASIS;
        match self {
            PayArg::Range { min, max, period } => {
                location.pay_min = Some(min);
                location.pay_max = Some(max);
                location.pay_period = Some(period);
                location.extra.remove(basis);
            }
            PayArg::Commission => {
                location.pay_min = None;
                location.pay_max = None;
                location.pay_period = None;
                location
                    .extra
                    .insert(basis.to_string(), crate::lint::pay::COMMISSION.to_string());
            }
        }
    }
}

impl fmt::Display for PayArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayArg::Range { min, max, period } => {
                let per = match period {
                    PayPeriod::Hour => "hour",
                    PayPeriod::Year => "year",
                };
                if min == max {
                    write!(f, "{min}/{per}")
                } else {
                    write!(f, "{min}-{max}/{per}")
                }
            }
            PayArg::Commission => f.write_str("commission"),
        }
    }
}

const EXAMPLE: &str = "give MIN-MAX/PERIOD such as 19.50-23.00/hour or 52000-60000/year, one figure such as 21/hour, or `commission`";

impl FromStr for PayArg {
    type Err = String;

    fn from_str(arg: &str) -> Result<Self, Self::Err> {
        let t = arg.trim();
        let lower = t.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "commission" | "commission-only" | "commission only"
        ) {
            return Ok(PayArg::Commission);
        }
        if t.is_empty() {
            return Err(format!("no pay given; {EXAMPLE}"));
        }
        let (amounts, period) = match t.rsplit_once('/') {
            Some((a, p)) => (a.trim(), Some(period(p)?)),
            None => (t, None),
        };
        let (lo, hi) = split_range(amounts);
        let number = |s: &str| -> Result<f64, String> {
            match parse_amount(s) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(format!("a figure is missing in {arg:?}; {EXAMPLE}")),
                Err(why) => Err(format!("{why}; {EXAMPLE}")),
            }
        };
        let min = number(lo)?;
        let max = match hi {
            Some(hi) => number(hi)?,
            None => min,
        };
        if min > max {
            return Err(format!(
                "the minimum {min} is more than the maximum {max}; give the lower figure first"
            ));
        }
        if max <= 0.0 {
            return Err(format!("{arg:?} offers no pay; {EXAMPLE}"));
        }
        let period = period.unwrap_or_else(|| crate::model::guess_period(Some(max)));
        for v in [min, max] {
            match period {
                PayPeriod::Hour if v > 1000.0 => {
                    return Err(format!(
                        "{v} an hour is not plausible pay; if it is a yearly figure, end with /year"
                    ));
                }
                PayPeriod::Year if v > 0.0 && v < 1000.0 => {
                    return Err(format!(
                        "{v} a year is not plausible pay; if it is an hourly figure, end with /hour"
                    ));
                }
                _ if v > 100_000_000.0 => return Err(format!("{v} is not plausible pay")),
                _ => {}
            }
        }
        Ok(PayArg::Range { min, max, period })
    }
}

/// `19.50-23.00`, `19.50 – 23.00`, `$19.50 to $23.00`: the two ends (the
/// second `None` for one figure).
fn split_range(s: &str) -> (&str, Option<&str>) {
    for sep in [" to ", "–", "—", "-"] {
        if let Some((a, b)) = s.split_once(sep) {
            return (a.trim(), Some(b.trim()));
        }
    }
    (s.trim(), None)
}

fn period(p: &str) -> Result<PayPeriod, String> {
    match p.trim().to_ascii_lowercase().as_str() {
        "hour" | "hr" | "h" | "hourly" => Ok(PayPeriod::Hour),
        "year" | "yr" | "y" | "yearly" | "annual" | "annually" => Ok(PayPeriod::Year),
        "week" | "wk" | "month" | "mo" | "day" => Err(format!(
            "pay per {} is not supported: give it per hour or per year (a weekly figure times 52 is a yearly one)",
            p.trim()
        )),
        other => Err(format!(
            "unknown pay period `{other}`; expected `hour` or `year`"
        )),
    }
}

/// For clap: parses `--pay`.
pub(crate) fn parse(arg: &str) -> Result<PayArg, String> {
    arg.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(min: f64, max: f64, period: PayPeriod) -> PayArg {
        PayArg::Range { min, max, period }
    }

    #[test]
    fn ranges_single_figures_and_commission() {
        use PayPeriod::{Hour, Year};
        for (arg, want) in [
            ("19.50-23.00/hour", range(19.5, 23.0, Hour)),
            ("$19.50 - $23.00 / hr", range(19.5, 23.0, Hour)),
            ("19.50 to 23/hourly", range(19.5, 23.0, Hour)),
            ("52,000-60,000/year", range(52000.0, 60000.0, Year)),
            ("52000–60000", range(52000.0, 60000.0, Year)),
            ("21/hour", range(21.0, 21.0, Hour)),
            ("21", range(21.0, 21.0, Hour)),
            ("0-23/hour", range(0.0, 23.0, Hour)),
            ("Commission", PayArg::Commission),
        ] {
            assert_eq!(parse(arg), Ok(want), "{arg}");
        }
    }

    #[test]
    fn bad_pay_is_refused_with_the_reason() {
        for (arg, says) in [
            (
                "23-19.50/hour",
                "the minimum 23 is more than the maximum 19.5",
            ),
            ("19,50-23/hour", "write decimals with a point"),
            ("abc/hour", "expected a number"),
            ("19.50-/hour", "a figure is missing"),
            ("900/week", "pay per week is not supported"),
            ("20/fortnight", "unknown pay period `fortnight`"),
            ("52000/hour", "not plausible pay; if it is a yearly figure"),
            ("21/year", "not plausible pay; if it is an hourly figure"),
            ("0/hour", "offers no pay"),
            ("", "no pay given"),
        ] {
            let err = parse(arg).unwrap_err();
            assert!(err.contains(says), "{arg}: {err}");
        }
    }

    #[test]
    fn apply_replaces_the_location_pay() {
        let mut l = Location {
            pay_min: Some(1.0),
            ..Location::default()
        };
        PayArg::Commission.apply(&mut l);
        assert_eq!(l.pay_min, None);
        assert!(crate::lint::pay::commission_only(&l));
        range(19.5, 23.0, PayPeriod::Hour).apply(&mut l);
        assert_eq!((l.pay_min, l.pay_max), (Some(19.5), Some(23.0)));
        assert!(!crate::lint::pay::commission_only(&l));
    }
}
