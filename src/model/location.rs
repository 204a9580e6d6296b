//! A location: one place a role is posted for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Where the work happens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Workplace {
    /// At the employer's site.
    #[default]
    Onsite,
    /// Partly remote.
    Hybrid,
    /// Fully remote.
    Remote,
}

/// The period a pay figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per year.
    Year,
}

/// One location, from `--location "City, ST"` or a row of a locations CSV.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Location {
    /// A stable id (the CSV's `id`, else `<state>-<city>` slugged).
    pub id: String,
    /// The city.
    pub city: String,
    /// USPS code of the state or territory, e.g. `MI`.
    pub state: String,
    /// Full name of the state or territory, e.g. `Michigan`.
    pub state_name: String,
    /// Postal code, if known.
    pub postal_code: String,
    /// ISO country code; `US` unless given.
    pub country: String,
    /// On site, hybrid or remote.
    pub workplace: Workplace,
    /// schema.org employment type (`FULL_TIME`, `PART_TIME`, ...), if known.
    pub employment_type: String,
    /// The employer's offered minimum pay.
    pub pay_min: Option<f64>,
    /// The employer's offered maximum pay.
    pub pay_max: Option<f64>,
    /// The period of pay_min / pay_max.
    pub pay_period: Option<PayPeriod>,
    /// ISO 8601 date the post goes up.
    pub date_posted: String,
    /// ISO 8601 date the post expires.
    pub valid_through: String,
    /// Where to apply for this location, overriding the company's.
    pub apply_url: String,
    /// The hiring company's name for this location, overriding the company file.
    pub company: String,
    /// The street address of the workplace, if given.
    pub street_address: String,
    /// ISO 4217 code of the currency of pay_min / pay_max; empty means USD.
    pub currency: String,
    /// Other columns of the CSV row, by lower-case header.
    pub extra: BTreeMap<String, String>,
}

impl Location {
    /// "Detroit, MI".
    pub fn label(&self) -> String {
        if self.city.is_empty() {
            self.state.clone()
        } else {
            format!("{}, {}", self.city, self.state)
        }
    }
}
