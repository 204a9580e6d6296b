//! The render context: everything a template sees, and what
//! `--format json` prints. Its shape is documented in `docs/templates.md`.

use serde::Serialize;

use crate::model::pay::{PayRow, PayTable};
use crate::model::{Company, Location, Role};
use crate::pay::ResolvedPay;

/// The company as templates see it: the profile plus whether one was given.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyView {
    /// True when a company profile was given; false means neutral wording.
    pub given: bool,
    /// The profile (empty fields when none was given).
    #[serde(flatten)]
    pub profile: Company,
}

impl CompanyView {
    /// Wraps an optional company profile.
    pub fn new(company: Option<Company>) -> Self {
        CompanyView {
            given: company.is_some(),
            profile: company.unwrap_or_default(),
        }
    }
}

/// The pay table as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct PayTableView {
    /// SOC code.
    pub soc: String,
    /// Survey period, e.g. `May 2023`.
    pub survey: String,
    /// Where the figures come from.
    pub source: String,
    /// The national row, if the table has one.
    pub national: Option<PayRow>,
    /// State and territory rows with a mean annual wage, best-paid first
    /// (ties by name).
    pub areas: Vec<PayRow>,
    /// The five best-paid areas.
    pub top: Vec<PayRow>,
}

impl PayTableView {
    /// Sorts a table's areas for display.
    pub fn new(table: &PayTable) -> Self {
        let mut areas: Vec<PayRow> = table
            .rows
            .iter()
            // States and territories (USPS codes), not metro areas.
            .filter(|r| r.area.len() == 2 && r.area != "US" && r.annual_mean.is_some())
            .cloned()
            .collect();
        areas.sort_by(|a, b| {
            b.annual_mean
                .partial_cmp(&a.annual_mean)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.area_name.cmp(&b.area_name))
        });
        let top = areas.iter().take(5).cloned().collect();
        PayTableView {
            soc: table.soc.clone(),
            survey: table.survey.clone(),
            source: table.source.clone(),
            national: table.national().cloned(),
            areas,
            top,
        }
    }
}

/// About the tool, for footers.
#[derive(Debug, Clone, Serialize)]
pub struct ToolInfo {
    /// `hirekit`.
    pub name: &'static str,
    /// The version.
    pub version: &'static str,
}

/// Which document and format are being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct DocInfo {
    /// The document's name, e.g. `job-post`.
    pub name: String,
    /// `md`, `html`, `txt` or `json`.
    pub format: String,
}

impl DocInfo {
    /// The document `name` in `format`.
    pub fn new(name: &str, format: super::Format) -> Self {
        DocInfo {
            name: name.to_string(),
            format: format.ext().to_string(),
        }
    }
}

/// The whole render context.
#[derive(Debug, Clone, Serialize)]
pub struct RenderContext<'a> {
    /// About hirekit.
    pub hirekit: ToolInfo,
    /// The document being rendered.
    pub doc: DocInfo,
    /// The role profile.
    pub role: &'a Role,
    /// The company.
    pub company: &'a CompanyView,
    /// The location, when the document is for one.
    pub location: Option<&'a Location>,
    /// The pay resolved for the location.
    pub pay: ResolvedPay,
    /// The role's whole pay table, when it has one.
    pub pay_table: Option<&'a PayTableView>,
}

/// The tool info for this build.
pub(crate) fn tool_info() -> ToolInfo {
    ToolInfo {
        name: "hirekit",
        version: env!("CARGO_PKG_VERSION"),
    }
}
