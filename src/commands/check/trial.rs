//! The trial renders of `check`: the sample locations every document is
//! rendered with, and when two failures count as one problem.

use std::collections::BTreeMap;

use crate::load;
use crate::model::{Location, PayPeriod, Workplace};

/// The locations every document is tried with.
pub(super) fn sample_locations(
    extra: &BTreeMap<String, String>,
) -> Vec<(String, Option<Location>)> {
    let mut out = vec![("with no location".to_string(), None)];
    if let Ok(arg) = load::location::parse_arg("Detroit, MI") {
        out.push(("with --location \"Detroit, MI\"".to_string(), Some(arg)));
    }
    let extra = extra
        .iter()
        .map(|(k, v)| {
            let v = if v.is_empty() { "sample" } else { v };
            (k.clone(), v.to_string())
        })
        .collect();
    let full = Location {
        id: "sample-row".to_string(),
        city: "Detroit".to_string(),
        state: "MI".to_string(),
        state_name: "Michigan".to_string(),
        postal_code: "48226".to_string(),
        country: "US".to_string(),
        workplace: Workplace::Hybrid,
        employment_type: "FULL_TIME".to_string(),
        pay_min: Some(18.5),
        pay_max: Some(24.0),
        pay_period: Some(PayPeriod::Hour),
        date_posted: "2026-01-05".to_string(),
        valid_through: "2026-02-28".to_string(),
        apply_url: "https://example.com/apply".to_string(),
        company: "Sample Hiring Co".to_string(),
        street_address: "100 Sample Street".to_string(),
        currency: "USD".to_string(),
        extra,
    };
    out.push((
        "with a sample locations row that has every column".to_string(),
        Some(full),
    ));
    out
}

/// What makes two trial-render failures the same problem: the message's
/// first sentence and the place. Tera lists the fields a value has, which
/// differ from role to role, after the first sentence.
pub(super) fn same_problem_key(report: &str) -> String {
    let mut lines = report.lines();
    let first = lines.next().unwrap_or_default();
    let first = first.split_once(". ").map_or(first, |(head, _)| head);
    let locus = lines
        .find(|l| l.trim_start().starts_with("--> "))
        .unwrap_or_default();
    format!("{first}\n{locus}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_differing_only_in_listed_fields_are_one_problem() {
        let a = "error: field `x` is not defined. Available fields: a, b\n --> t.md:1:2\n  |";
        let b = "error: field `x` is not defined. Available fields: b\n --> t.md:1:2\n  |";
        let c = "error: field `x` is not defined. Available fields: b\n --> t.md:4:2\n  |";
        assert_eq!(same_problem_key(a), same_problem_key(b));
        assert_ne!(same_problem_key(b), same_problem_key(c));
    }

    #[test]
    fn the_sample_row_carries_the_extra_columns() {
        let mut extra = BTreeMap::new();
        extra.insert("shift".to_string(), "Nights".to_string());
        extra.insert("region".to_string(), String::new());
        let samples = sample_locations(&extra);
        assert_eq!(samples.len(), 3);
        assert!(samples[0].1.is_none());
        let full = samples[2].1.as_ref().unwrap();
        assert_eq!(full.extra["shift"], "Nights");
        assert_eq!(full.extra["region"], "sample");
        assert!(full.pay_min.is_some() && !full.postal_code.is_empty());
    }
}
