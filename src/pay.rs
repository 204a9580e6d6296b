//! Which pay a document shows for a location: the employer's offered range
//! from the location row, else BLS market figures for its metro area (the
//! row's `area` column, else the metro area the city is a principal city
//! of), else its state's, else the nation's, else none. Pure functions,
//! tested by table.

use serde::Serialize;

use crate::model::pay::{PayRow, PayTable};
use crate::model::{Location, PayPeriod};

/// Where the pay shown comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PayKind {
    /// The employer's own range from the location row.
    Offered,
    /// BLS figures for the location's metropolitan (or nonmetropolitan) area.
    Metro,
    /// BLS figures for the location's state.
    State,
    /// BLS figures for the nation.
    National,
    /// Nothing known.
    None,
}

/// The employer's offered pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offered {
    /// Lowest pay offered.
    pub min: Option<f64>,
    /// Highest pay offered.
    pub max: Option<f64>,
    /// `hour` or `year`.
    pub period: PayPeriod,
}

/// BLS market figures for one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Market {
    /// `metro`, `state` or `national`.
    pub scope: PayKind,
    /// When the figures are the state's or the nation's although the
    /// location names a city: why no closer area was used (`no_metro`: the
    /// city is no principal city of a metro area; `not_published`: BLS
    /// publishes no figure for the occupation there).
    pub fallback: Option<&'static str>,
    /// The area's code (`MI`, `US`).
    pub area: String,
    /// The area's name.
    pub area_name: String,
    /// Survey period, e.g. `May 2023`.
    pub survey: String,
    /// Where the figures come from.
    pub source: String,
    /// The area's figures.
    pub figures: PayRow,
}

/// The pay a document shows, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedPay {
    /// What the headline figure is.
    pub kind: PayKind,
    /// The employer's range, when the location row gives one.
    pub offered: Option<Offered>,
    /// BLS figures for the state or the nation, when the table has them.
    pub market: Option<Market>,
    /// Whether the document shows the market figures: without an offer,
    /// always; beside an offer, only when `hirekit.yaml` asks for it
    /// (`pay.market_beside_offer`), for an offered range is the pay of the
    /// post. A template may still read `market` on its own.
    pub show_market: bool,
    /// Which figure leads, `hour` or `year`: the hourly one for an hourly
    /// offer and for part-time and per-diem posts, else the yearly one.
    pub lead: PayPeriod,
    /// The job is paid by commission only (`pay_basis: commission`).
    pub commission_only: bool,
}

/// Resolves pay for a location (or for no location: national figures).
pub(crate) fn resolve(location: Option<&Location>, table: Option<&PayTable>) -> ResolvedPay {
    let offered = location.and_then(|l| {
        if l.pay_min.is_none() && l.pay_max.is_none() {
            return None;
        }
        Some(Offered {
            min: l.pay_min,
            max: l.pay_max,
            period: l
                .pay_period
                .unwrap_or_else(|| guess_period(l.pay_max.or(l.pay_min))),
        })
    });
    let has_figures = |r: &&PayRow| r.annual_mean.is_some() || r.hourly_mean.is_some();
    let market = table.and_then(|t| {
        let metro_code = location.and_then(metro_code);
        let metro = metro_code
            .as_deref()
            .and_then(|code| t.area(code))
            .filter(has_figures)
            .map(|r| (PayKind::Metro, r));
        let state = location
            .filter(|l| !l.state.is_empty())
            .and_then(|l| t.area(&l.state))
            .filter(|r| r.area != "US")
            .filter(has_figures)
            .map(|r| (PayKind::State, r));
        let city = location.is_some_and(|l| !l.city.trim().is_empty());
        let fallback = match (&metro_code, city) {
            (None, true) => Some("no_metro"),
            (Some(_), _) => Some("not_published"),
            (None, false) => None,
        };
        metro
            .or(state)
            .or_else(|| {
                t.national()
                    .filter(has_figures)
                    .map(|r| (PayKind::National, r))
            })
            .map(|(scope, row)| Market {
                scope,
                fallback: if scope == PayKind::Metro {
                    None
                } else {
                    fallback
                },
                area: row.area.clone(),
                area_name: if row.area == "US" {
                    "United States".to_string()
                } else {
                    row.area_name.clone()
                },
                survey: row.survey.clone(),
                source: t.source.clone(),
                figures: row.clone(),
            })
    });
    let kind = match (&offered, &market) {
        (Some(_), _) => PayKind::Offered,
        (None, Some(m)) => m.scope,
        (None, None) => PayKind::None,
    };
    let part_time =
        location.is_some_and(|l| matches!(l.employment_type.as_str(), "PART_TIME" | "PER_DIEM"));
    let lead = match &offered {
        Some(o) => o.period,
        None if part_time => PayPeriod::Hour,
        None => PayPeriod::Year,
    };
    ResolvedPay {
        kind,
        show_market: offered.is_none(),
        lead,
        commission_only: location.is_some_and(crate::lint::pay::commission_only),
        offered,
        market,
    }
}

/// The OEWS area code of a location's metro area: the row's `area` column
/// (a code or a name BLS uses), else the metro area whose principal cities
/// include the location's city.
fn metro_code(location: &Location) -> Option<String> {
    if let Some(given) = location
        .extra
        .get("area")
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
    {
        return crate::library::metro::area(given).map(|a| a.code.clone());
    }
    crate::library::metro::metro_area(&location.city, &location.state).map(|a| a.code.clone())
}

pub(crate) use crate::model::guess_period;

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> PayTable {
        let row = |area: &str, name: &str, annual: Option<f64>| PayRow {
            area: area.into(),
            area_name: name.into(),
            soc: "43-4051".into(),
            survey: "May 2023".into(),
            annual_mean: annual,
            hourly_mean: annual.map(|a| a / 2080.0),
            ..PayRow::default()
        };
        PayTable::from_rows(vec![
            row("US", "U.S.", Some(43520.0)),
            row("MI", "Michigan", Some(43690.0)),
            row("GU", "Guam", None),
        ])
    }

    fn loc(state: &str, min: Option<f64>, max: Option<f64>) -> Location {
        Location {
            city: "X".into(),
            state: state.into(),
            pay_min: min,
            pay_max: max,
            ..Location::default()
        }
    }

    #[test]
    fn resolution_order() {
        let t = table();
        let cases = [
            (
                Some(loc("MI", Some(40000.0), Some(50000.0))),
                PayKind::Offered,
                Some("MI"),
            ),
            (Some(loc("MI", None, None)), PayKind::State, Some("MI")),
            (Some(loc("TX", None, None)), PayKind::National, Some("US")),
            (Some(loc("GU", None, None)), PayKind::National, Some("US")),
            (None, PayKind::National, Some("US")),
        ];
        for (location, kind, area) in cases {
            let p = resolve(location.as_ref(), Some(&t));
            assert_eq!(p.kind, kind, "{location:?}");
            assert_eq!(p.market.as_ref().map(|m| m.area.as_str()), area);
        }
        let none = resolve(Some(&loc("MI", None, None)), None);
        assert_eq!(none.kind, PayKind::None);
        assert!(none.market.is_none());
    }

    #[test]
    fn offered_range_keeps_market_figures_for_context_but_does_not_show_them() {
        let t = table();
        let p = resolve(Some(&loc("MI", Some(18.0), Some(22.0))), Some(&t));
        assert_eq!(p.offered.as_ref().unwrap().period, PayPeriod::Hour);
        assert!(!p.show_market);
        assert_eq!(p.lead, PayPeriod::Hour);
        assert_eq!(p.market.unwrap().figures.annual_mean, Some(43690.0));
        assert!(resolve(Some(&loc("MI", None, None)), Some(&t)).show_market);
    }

    #[test]
    fn part_time_and_hourly_posts_lead_with_the_hourly_figure() {
        let t = table();
        let mut l = loc("MI", None, None);
        assert_eq!(resolve(Some(&l), Some(&t)).lead, PayPeriod::Year);
        l.employment_type = "PART_TIME".into();
        assert_eq!(resolve(Some(&l), Some(&t)).lead, PayPeriod::Hour);
        let yearly = loc("MI", Some(45000.0), Some(52000.0));
        assert_eq!(resolve(Some(&yearly), Some(&t)).lead, PayPeriod::Year);
    }
}
