//! A lint run's findings and measures, and their three outputs: text for
//! people (rustc-style, grouped by file), JSON (a stable shape, version 1,
//! documented in docs/lint.md) and SARIF 2.1.0 (for CI systems that show
//! findings inline).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::readability::{Readability, ease_band};
use super::wording::GenderBalance;
use super::{Finding, RULES, Severity};
use crate::diag::Diagnostic;

/// The JSON output's `version`; it changes only when the shape does.
pub(crate) const JSON_VERSION: u32 = 1;

/// Everything a lint run found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    /// What was linted: a role id or a file.
    pub target: String,
    /// The document rendered for a role.
    pub document: Option<String>,
    /// The findings, sorted and without repeats once [`Report::finish`] ran.
    pub findings: Vec<Finding>,
    /// The document's gender coding.
    pub gender_balance: Option<GenderBalance>,
    /// The document's length and readability.
    pub readability: Option<Readability>,
    /// The text of files findings point into, for the snippets.
    pub sources: BTreeMap<String, String>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Report {
    /// Sorts the findings by file, line and column, and drops repeats (the
    /// same finding for two locations).
    pub(crate) fn finish(&mut self) {
        self.findings.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, a.rule, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, b.rule, &b.message))
        });
        self.findings.dedup();
    }

    /// Counts by severity.
    pub(crate) fn summary(&self) -> Summary {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
        }
    }

    /// Whether the run fails: an error, or a warning when warnings are denied.
    pub(crate) fn fails(&self, deny_warnings: bool) -> bool {
        let s = self.summary();
        s.errors > 0 || (deny_warnings && s.warnings > 0)
    }

    /// The report for people.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        // Each file is split into lines once, not once a finding.
        let lines: BTreeMap<&str, Vec<&str>> = self
            .sources
            .iter()
            .map(|(file, text)| (file.as_str(), text.lines().collect()))
            .collect();
        for f in &self.findings {
            let line = lines
                .get(f.file.as_str())
                .and_then(|l| l.get(f.line.checked_sub(1)?))
                .copied();
            out.push_str(&finding_text(f, line));
            out.push_str("\n\n");
        }
        if let Some(stats) = self.stats_line() {
            out.push_str(&stats);
            out.push('\n');
        }
        let s = self.summary();
        out.push_str(&format!(
            "{}, {}, {}\n",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.notes, "note")
        ));
        out
    }

    fn stats_line(&self) -> Option<String> {
        let r = self.readability.as_ref()?;
        let mut parts = vec![format!("{} words", r.words)];
        if r.sentences > 0 {
            parts.push(format!(
                "{} sentences of {:.1} words on average",
                r.sentences, r.average_sentence_words
            ));
        }
        if let (Some(ease), Some(grade)) = (r.flesch_reading_ease, r.flesch_kincaid_grade) {
            parts.push(format!(
                "reading ease {ease:.1} ({}), grade level {grade:.1}",
                ease_band(ease)
            ));
        }
        if let Some(b) = &self.gender_balance {
            parts.push(if b.verdict == "empty" {
                "no gender-coded words".to_string()
            } else {
                format!(
                    "wording {} ({} masculine-coded, {} feminine-coded words)",
                    b.verdict, b.masculine, b.feminine
                )
            });
        }
        let what = match &self.document {
            Some(doc) => format!("{} ({doc})", self.target),
            None => self.target.clone(),
        };
        Some(format!("{what}: {}", parts.join("; ")))
    }

    /// The JSON report (see docs/lint.md for the shape).
    pub(crate) fn json(&self, deny_warnings: bool) -> String {
        let s = self.summary();
        let report = JsonReport {
            version: JSON_VERSION,
            target: &self.target,
            document: self.document.as_deref(),
            findings: self
                .findings
                .iter()
                .map(|f| {
                    let located = f.line > 0;
                    let column = (located && f.column > 0).then_some(f.column);
                    JsonFinding {
                        rule: f.rule,
                        severity: f.severity,
                        message: &f.message,
                        file: &f.file,
                        line: located.then_some(f.line),
                        column,
                        end_column: column.map(|c| c + f.len.max(1)),
                        suggestion: f.suggestion.as_deref(),
                    }
                })
                .collect(),
            summary: JsonSummary {
                errors: s.errors,
                warnings: s.warnings,
                notes: s.notes,
                failed: self.fails(deny_warnings),
            },
            gender_balance: self.gender_balance.as_ref(),
            readability: self.readability.as_ref(),
        };
        let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The SARIF 2.1.0 log.
    pub(crate) fn sarif(&self) -> String {
        let rules: Vec<Value> = RULES
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": { "text": r.summary },
                    "defaultConfiguration": { "level": r.severity.as_str() },
                })
            })
            .collect();
        let results: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                // Code scanning tools need a region on every result; a
                // finding about a whole file points at its start.
                let (line, column) = if f.line > 0 {
                    (f.line, f.column.max(1))
                } else {
                    (1, 1)
                };
                let mut region = json!({ "startLine": line, "startColumn": column });
                if f.line > 0 && f.column > 0 {
                    region["endColumn"] = json!(f.column + f.len.max(1));
                }
                let physical = json!({
                    "artifactLocation": { "uri": f.file.replace('\\', "/") },
                    "region": region,
                });
                let text = match &f.suggestion {
                    Some(s) => format!("{} (help: {s})", f.message),
                    None => f.message.clone(),
                };
                let mut result = json!({
                    "ruleId": f.rule,
                    "level": f.severity.as_str(),
                    "message": { "text": text },
                    "locations": [ { "physicalLocation": physical } ],
                });
                if let Some(i) = RULES.iter().position(|r| r.id == f.rule) {
                    result["ruleIndex"] = json!(i);
                }
                result
            })
            .collect();
        let value = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "hirekit",
                        "version": env!("CARGO_PKG_VERSION"),
                        "rules": rules,
                    }
                },
                "results": results,
            }],
        });
        pretty(&value)
    }
}

/// The JSON report's shape, field by field in this order.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    target: &'a str,
    document: Option<&'a str>,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
    gender_balance: Option<&'a GenderBalance>,
    readability: Option<&'a Readability>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_column: Option<usize>,
    suggestion: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    notes: usize,
    failed: bool,
}

fn pretty(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One finding, rustc-style: `severity[rule]: message`, `--> file:line:col`,
/// the source line underlined when it is known, and the suggestion.
fn finding_text(f: &Finding, source_line: Option<&str>) -> String {
    let d = if f.line > 0 {
        Diagnostic::at_line(
            f.file.clone(),
            source_line,
            f.line,
            f.column,
            f.message.clone(),
        )
        .with_span_len(f.len)
    } else {
        Diagnostic::file(f.file.clone(), f.message.clone())
    };
    let d = match &f.suggestion {
        Some(s) => d.with_help(s.clone()),
        None => d,
    };
    let shown = d.to_string();
    let body = shown.strip_prefix("error: ").unwrap_or(&shown);
    format!("{}[{}]: {body}", f.severity.as_str(), f.rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Place;

    fn report() -> Report {
        let src = "title: X\nitems:\n  - aggressive, dominant rockstar ninja\n";
        let mut r = Report {
            target: "x".into(),
            document: Some("job-post".into()),
            ..Report::default()
        };
        r.sources.insert("roles/x.yaml".into(), src.into());
        r.findings = vec![
            Finding::new(
                "wording/jargon",
                Severity::Warning,
                "\"ninja\" is jargon",
                Place::at_offset("roles/x.yaml", src, src.find("ninja").unwrap(), 5),
            )
            .suggest("\"expert\""),
            Finding::new(
                "pay-transparency/missing-range",
                Severity::Error,
                "Denver, CO: no range",
                Place::file("sites.csv"),
            ),
            Finding::new(
                "wording/jargon",
                Severity::Warning,
                "\"ninja\" is jargon",
                Place::at_offset("roles/x.yaml", src, src.find("ninja").unwrap(), 5),
            )
            .suggest("\"expert\""),
        ];
        r.finish();
        r
    }

    #[test]
    fn text_is_rustc_style_with_a_summary() {
        let r = report();
        assert_eq!(r.findings.len(), 2);
        let text = r.text();
        assert!(
            text.starts_with(
                "warning[wording/jargon]: \"ninja\" is jargon\n --> roles/x.yaml:3:35\n  |\n3 |   - aggressive, dominant rockstar ninja\n  |                                   ^^^^^\n  = help: \"expert\"\n\n"
            ),
            "{text}"
        );
        assert!(text.contains(
            "error[pay-transparency/missing-range]: Denver, CO: no range\n --> sites.csv\n"
        ));
        assert!(text.ends_with("1 error, 1 warning, 0 notes\n"), "{text}");
    }

    #[test]
    fn exit_status_follows_severity_and_deny() {
        let mut r = report();
        assert!(r.fails(false));
        r.findings.retain(|f| f.severity != Severity::Error);
        assert!(!r.fails(false));
        assert!(r.fails(true));
    }

    #[test]
    fn sarif_has_the_minimal_shape() {
        let v: Value = serde_json::from_str(&report().sarif()).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "hirekit");
        let res = &run["results"][0];
        assert_eq!(res["ruleId"], "wording/jargon");
        assert_eq!(res["level"], "warning");
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "roles/x.yaml");
        assert_eq!(loc["region"]["startLine"], 3);
        assert_eq!(loc["region"]["startColumn"], 35);
        let whole = &run["results"][1]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (whole["startLine"].clone(), whole["startColumn"].clone()),
            (1.into(), 1.into())
        );
        assert!(whole["endColumn"].is_null());
    }
}
