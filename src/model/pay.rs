//! The pay table: BLS OEWS wage figures by area for one occupation.
//!
//! One row per area (`US` for the nation, a USPS code for a state or
//! territory). Figures BLS does not publish are `None`, never zero.

use serde::{Deserialize, Serialize};

/// The columns of a pay-table CSV, in order.
pub(crate) const PAY_COLUMNS: [&str; 18] = [
    "area",
    "area_name",
    "soc",
    "survey",
    "employment",
    "hourly_mean",
    "annual_mean",
    "hourly_median",
    "annual_median",
    "hourly_p10",
    "hourly_p25",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_p75",
    "annual_p90",
    "top_coded",
];

/// One area's wage figures.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PayRow {
    /// `US` for the nation, else the USPS code of a state or territory.
    pub area: String,
    /// The area's name, e.g. `Michigan`.
    pub area_name: String,
    /// SOC code, `NN-NNNN`.
    pub soc: String,
    /// The survey period, e.g. `May 2023`.
    pub survey: String,
    /// Number of jobs, where BLS publishes it.
    #[serde(default)]
    pub employment: Option<u64>,
    /// Mean hourly wage.
    #[serde(default)]
    pub hourly_mean: Option<f64>,
    /// Mean annual wage.
    #[serde(default)]
    pub annual_mean: Option<f64>,
    /// Median hourly wage.
    #[serde(default)]
    pub hourly_median: Option<f64>,
    /// Median annual wage.
    #[serde(default)]
    pub annual_median: Option<f64>,
    /// 10th percentile hourly wage.
    #[serde(default)]
    pub hourly_p10: Option<f64>,
    /// 25th percentile hourly wage.
    #[serde(default)]
    pub hourly_p25: Option<f64>,
    /// 75th percentile hourly wage.
    #[serde(default)]
    pub hourly_p75: Option<f64>,
    /// 90th percentile hourly wage.
    #[serde(default)]
    pub hourly_p90: Option<f64>,
    /// 10th percentile annual wage.
    #[serde(default)]
    pub annual_p10: Option<f64>,
    /// 25th percentile annual wage.
    #[serde(default)]
    pub annual_p25: Option<f64>,
    /// 75th percentile annual wage.
    #[serde(default)]
    pub annual_p75: Option<f64>,
    /// 90th percentile annual wage.
    #[serde(default)]
    pub annual_p90: Option<f64>,
    /// Columns BLS top-coded (`#`), separated by spaces, e.g. `hourly_p90 annual_p90`.
    #[serde(default)]
    pub top_coded: String,
}

/// A whole pay table for one occupation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PayTable {
    /// SOC code of the occupation.
    pub soc: String,
    /// Survey period, from the rows (e.g. `May 2023`).
    pub survey: String,
    /// Where the figures come from.
    pub source: String,
    /// The rows, in file order.
    pub rows: Vec<PayRow>,
}

/// The source line shown with BLS figures.
pub(crate) const BLS_SOURCE: &str =
    "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)";

impl PayTable {
    /// Builds a table from rows, taking the SOC code and survey from the first row.
    pub fn from_rows(rows: Vec<PayRow>) -> Self {
        let (soc, survey) = rows
            .first()
            .map(|r| (r.soc.clone(), r.survey.clone()))
            .unwrap_or_default();
        PayTable {
            soc,
            survey,
            source: BLS_SOURCE.to_string(),
            rows,
        }
    }

    /// The row for an area code (`US`, `MI`, ...), if the table has one.
    pub fn area(&self, code: &str) -> Option<&PayRow> {
        self.rows.iter().find(|r| r.area.eq_ignore_ascii_case(code))
    }

    /// The national row.
    pub fn national(&self) -> Option<&PayRow> {
        self.area("US")
    }
}
