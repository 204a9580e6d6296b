//! The company profile: `company.yaml`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Who is hiring. Every field but the name is optional; documents fall back
/// to neutral wording where one is missing.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// The company's name.
    pub name: String,
    /// A paragraph about the company ("About us").
    #[serde(default)]
    pub about: String,
    /// Reasons to join, one phrase each ("Why join us").
    #[serde(default)]
    pub why_join: Vec<String>,
    /// Benefits the company offers, one phrase each.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// The equal employment opportunity statement.
    #[serde(default)]
    pub eeo: String,
    /// Where candidates apply.
    #[serde(default)]
    pub apply_url: String,
    /// The company's website.
    #[serde(default)]
    pub website: String,
    /// URL of the company's logo.
    #[serde(default)]
    pub logo: String,
    /// Number of employees, for laws that apply above a size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u64>,
    /// A contact email for job boards (the Indeed feed's `<email>`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// A team's own fields, any YAML value, for its templates
    /// (`company.extra.careers_page`).
    /// Always serialized (empty when the file has none), so templates can
    /// test `extra.x` on every profile and see what `--format json` shows.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}
