//! Pay transparency: for the location a post is for, the laws of
//! `data/jurisdictions/pay-transparency.csv` that cover it on the posting
//! date, and whether the post shows what they require.
//!
//! Only the employer's own range counts as pay: for a role, the location's
//! `pay_min`/`pay_max` (`PayKind::Offered`); for a file, a dollar range
//! written in it. A BLS market average never satisfies a law, and amounts in
//! a paragraph about averages, medians or percentiles are not read as pay.

use std::ops::Range;

use super::data::Law;
use super::date::Date;
use super::prose::{BlockKind, Prose};
use super::{Finding, LintInput, OfferedPay, Place, Severity, Subject};

/// A law in force requires a range and the post has none.
pub(crate) const MISSING_RANGE: &str = "pay-transparency/missing-range";
/// A law requires a description of benefits and the post has none.
pub(crate) const MISSING_BENEFITS: &str = "pay-transparency/missing-benefits";
/// The range is open-ended.
pub(crate) const OPEN_ENDED: &str = "pay-transparency/open-ended-range";
/// A law requires the application close date and the post has none.
pub(crate) const MISSING_CLOSE_DATE: &str = "pay-transparency/missing-close-date";
/// A law applies only to employers above a size.
pub(crate) const EMPLOYER_SIZE: &str = "pay-transparency/employer-size";
/// A law takes effect after the posting date.
pub(crate) const UPCOMING: &str = "pay-transparency/upcoming";
/// No location: laws not checked.
pub(crate) const NO_LOCATION: &str = "pay-transparency/no-location";

/// Where a law stands on the posting date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    InForce,
    /// In force, but not enforced before this date.
    NotYetEnforced(Date),
    /// Takes effect later.
    Upcoming,
}

/// A law that covers the post's location.
struct Applicable<'a> {
    law: &'a Law,
    status: Status,
    /// The law has a size threshold and the company's size is unknown.
    size_unknown: bool,
}

/// The laws covering the input's location, and notes for laws that do not
/// apply because the company is too small.
fn applicable<'a>(input: &LintInput<'a>) -> (Vec<Applicable<'a>>, Vec<Finding>) {
    let Some(site) = input.site else {
        return (Vec::new(), Vec::new());
    };
    let date = input.posting_date();
    let employees = input.company.and_then(|c| c.company.employees);
    let mut laws = Vec::new();
    let mut notes = Vec::new();
    for law in input
        .data
        .laws
        .iter()
        .filter(|l| l.covers(&site.location.state, &site.location.city))
    {
        let status = match law.enforced_from {
            _ if date < law.effective => Status::Upcoming,
            Some(from) if date < from => Status::NotYetEnforced(from),
            _ => Status::InForce,
        };
        if let Some(n) = employees
            && n < law.min_employees
        {
            let company_file = input.company.map_or("company.yaml", |c| c.file.as_str());
            notes.push(Finding::new(
                EMPLOYER_SIZE,
                Severity::Note,
                format!(
                    "{}: {}'s law applies to employers with {} or more employees; `{company_file}` gives {n}, so it does not apply",
                    site.location.label(),
                    law.jurisdiction,
                    law.min_employees
                ),
                site.place.clone(),
            ));
            continue;
        }
        laws.push(Applicable {
            law,
            status,
            size_unknown: employees.is_none() && law.min_employees > 1,
        });
    }
    (laws, notes)
}

/// Whether a law in force (or in force but not yet enforced) requires a
/// pay range for the input's location.
pub(crate) fn range_required(input: &LintInput<'_>) -> bool {
    applicable(input)
        .0
        .iter()
        .any(|a| a.law.requires_range && a.status != Status::Upcoming)
}

/// Every pay-transparency rule.
pub(crate) fn check(input: &LintInput<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Subject::File { .. } = input.subject {
        out.extend(open_ended_in_text(input.prose));
    }
    let Some(site) = input.site else {
        out.push(
            Finding::new(
                NO_LOCATION,
                Severity::Note,
                "no location given, so pay-transparency laws were not checked",
                input.document_place(),
            )
            .suggest("pass --location \"City, ST\" or --locations FILE"),
        );
        return out;
    };
    let label = site.location.label();
    let (laws, notes) = applicable(input);
    if let Some(offered) = site.offered
        && is_open_ended(offered)
        && let Subject::Role { .. } = input.subject
    {
        let bounded: Vec<&str> = laws
            .iter()
            .filter(|a| a.law.bounded && a.status != Status::Upcoming)
            .map(|a| a.law.jurisdiction.as_str())
            .collect();
        let why = if bounded.is_empty() {
            String::new()
        } else {
            format!(
                "; guidance in {} says open-ended ranges do not comply",
                bounded.join(" and ")
            )
        };
        out.push(
            Finding::new(
                OPEN_ENDED,
                Severity::Warning,
                format!(
                    "{label}: the pay range is open-ended ({}){why}",
                    describe(offered)
                ),
                site.pay_place.clone(),
            )
            .suggest("give both pay_min and pay_max, with a minimum above 0"),
        );
    }
    out.extend(notes);
    let date = input.posting_date();
    let has_benefits = has_benefits(input);
    for a in &laws {
        let law = a.law;
        let when = match a.status {
            Status::Upcoming => {
                if law.requires_range && site.offered.is_none() {
                    out.push(
                        Finding::new(
                            UPCOMING,
                            Severity::Note,
                            format!(
                                "{label}: {}'s pay-transparency law ({}) takes effect on {}{}; this post has no pay range",
                                law.jurisdiction,
                                law.law,
                                law.effective,
                                if law.uncertain { " (date uncertain)" } else { "" }
                            ),
                            site.place.clone(),
                        )
                        .suggest(range_help(input)),
                    );
                }
                continue;
            }
            Status::InForce if law.uncertain => format!(
                "{}, reported in force since {}; the date is uncertain",
                law.law, law.effective
            ),
            Status::InForce => format!("{}, in force since {}", law.law, law.effective),
            Status::NotYetEnforced(from) => format!(
                "{}, in force since {}, enforced from {from}",
                law.law, law.effective
            ),
        };
        // An uncertain or not yet enforced law warns instead of failing.
        let firm = a.status == Status::InForce && !law.uncertain;
        let verb = if law.uncertain {
            "may require"
        } else {
            "requires"
        };
        let before = out.len();
        if law.requires_range && site.offered.is_none() {
            out.push(
                Finding::new(
                    MISSING_RANGE,
                    if firm {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    format!(
                        "{label}: {} {verb} a pay range in job postings ({when}), and this post has none",
                        law.jurisdiction
                    ),
                    site.pay_place.clone(),
                )
                .suggest(range_help(input)),
            );
        }
        if law.requires_benefits && !has_benefits {
            let what = if law.requires_other_comp {
                "benefits and other compensation (bonuses, commissions)"
            } else {
                "benefits"
            };
            out.push(
                Finding::new(
                    MISSING_BENEFITS,
                    Severity::Warning,
                    format!(
                        "{label}: {} {verb} a general description of {what} in job postings ({when}), and this post has none",
                        law.jurisdiction
                    ),
                    benefits_place(input),
                )
                .suggest(benefits_help(input)),
            );
        }
        if let Some(from) = law.close_date_from
            && date >= from
            && !has_close_date(input)
        {
            out.push(
                Finding::new(
                    MISSING_CLOSE_DATE,
                    Severity::Warning,
                    format!(
                        "{label}: {} {verb} the application close date in job postings since {from}, and this post has none",
                        law.jurisdiction
                    ),
                    site.place.clone(),
                )
                .suggest(match input.subject {
                    Subject::Role { .. } => {
                        "give the location a valid_through date (a locations CSV column)"
                    }
                    Subject::File { .. } => "say when applications close",
                }),
            );
        }
        if out.len() > before && a.size_unknown {
            out.push(
                Finding::new(
                    EMPLOYER_SIZE,
                    Severity::Note,
                    format!(
                        "{label}: {}'s law applies to employers with {} or more employees",
                        law.jurisdiction, law.min_employees
                    ),
                    input
                        .company
                        .map_or_else(|| input.document_place(), |c| Place::file(c.file.clone())),
                )
                .suggest("set `employees` in company.yaml so lint can tell"),
            );
        }
    }
    out
}

fn range_help(input: &LintInput<'_>) -> &'static str {
    match input.subject {
        Subject::Role { .. } => match input.site {
            Some(s) if s.place.line > 0 => {
                "add pay_min and pay_max to this row; a BLS market average does not satisfy the law"
            }
            _ => {
                "give the location in a locations CSV with pay_min and pay_max (--locations FILE); a BLS market average does not satisfy the law"
            }
        },
        Subject::File { .. } => {
            "state the employer's pay range, e.g. \"$18.00 to $22.00 an hour\"; a market average does not satisfy the law"
        }
    }
}

fn benefits_help(input: &LintInput<'_>) -> &'static str {
    match input.subject {
        Subject::Role { .. } => "list the benefits under `benefits:` in company.yaml",
        Subject::File { .. } => "add a short section describing benefits and other pay",
    }
}

fn benefits_place(input: &LintInput<'_>) -> Place {
    match (input.subject, input.company) {
        (Subject::Role { .. }, Some(c)) => Place::file(c.file.clone()),
        _ => input.document_place(),
    }
}

fn is_open_ended(o: OfferedPay) -> bool {
    o.min.is_none() || o.max.is_none() || o.min.is_some_and(|m| m <= 0.0)
}

fn describe(o: OfferedPay) -> String {
    let money = |v: f64| crate::engine::filters::usd(v, None);
    match (o.min, o.max) {
        (Some(min), None) => format!("{} and up", money(min)),
        (None, Some(max)) => format!("up to {}", money(max)),
        (Some(min), Some(max)) => format!("{} to {}", money(min), money(max)),
        (None, None) => "none".to_string(),
    }
}

/// Whether the post describes benefits: the company lists some, a heading
/// with "benefit" has text under it, or the text names a common benefit.
fn has_benefits(input: &LintInput<'_>) -> bool {
    if input
        .company
        .is_some_and(|c| !c.company.benefits.is_empty())
    {
        return true;
    }
    let prose = input.prose;
    let empty = prose.empty_sections();
    let heading = prose.blocks.iter().any(|b| {
        matches!(b.kind, BlockKind::Heading(_))
            && prose.block_text(b).to_lowercase().contains("benefit")
            && !empty.contains(&b)
    });
    let text = prose.text.to_lowercase();
    heading
        || [
            "medical",
            "dental",
            "health insurance",
            "health care",
            "healthcare",
            "401(k)",
            "401k",
            "retirement",
            "pension",
            "paid time off",
            "paid leave",
        ]
        .iter()
        .any(|k| text.contains(k))
}

/// Whether the post gives an application close date.
fn has_close_date(input: &LintInput<'_>) -> bool {
    match input.subject {
        Subject::Role { .. } => input
            .site
            .is_some_and(|s| !s.location.valid_through.trim().is_empty()),
        Subject::File { .. } => {
            let text = input.prose.text.to_lowercase();
            [
                "application deadline",
                "deadline to apply",
                "apply by",
                "applications close",
                "closing date",
                "accepting applications until",
                "applications will be accepted until",
                "posting closes",
            ]
            .iter()
            .any(|k| text.contains(k))
        }
    }
}

/// A pay figure or range found in a document's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextPay {
    /// The figures; an open-ended one lacks a bound.
    pub pay: OfferedPay,
    /// Where it is in [`Prose::text`].
    pub range: Range<usize>,
    /// `up to`, `and up`, `+`, `starting at`, `from` or a 0 minimum.
    pub open_ended: bool,
}

/// The pay stated in a document: the first range, else the first single
/// figure, else the first open-ended one; with every open-ended one.
pub(crate) fn pay_in_text(prose: &Prose) -> (Option<TextPay>, Vec<TextPay>) {
    let mut found = Vec::new();
    for block in &prose.blocks {
        let text = prose.text.get(block.range.clone()).unwrap_or("");
        let lower = text.to_lowercase();
        if ["mean wage", "average", "median", "percentile"]
            .iter()
            .any(|k| lower.contains(k))
        {
            continue;
        }
        for mut p in scan_money(text) {
            p.range = p.range.start + block.range.start..p.range.end + block.range.start;
            found.push(p);
        }
    }
    let pick = found
        .iter()
        .find(|p| !p.open_ended && p.pay.min != p.pay.max)
        .or_else(|| found.iter().find(|p| !p.open_ended))
        .or_else(|| found.first())
        .cloned();
    let open = found.into_iter().filter(|p| p.open_ended).collect();
    (pick, open)
}

fn open_ended_in_text(prose: &Prose) -> Vec<Finding> {
    pay_in_text(prose)
        .1
        .into_iter()
        .map(|p| {
            Finding::new(
                OPEN_ENDED,
                Severity::Warning,
                format!(
                    "the pay \"{}\" is open-ended",
                    prose.text.get(p.range.clone()).unwrap_or("").trim()
                ),
                prose.place_text(p.range),
            )
            .suggest("give a minimum and a maximum, e.g. \"$18.00 to $22.00 an hour\"")
        })
        .collect()
}

/// A number after a `$` at `at`: its value and the byte after it.
fn number_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut digits = String::new();
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b',') {
        if bytes[i] != b',' {
            digits.push(char::from(bytes[i]));
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        digits.push('.');
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(char::from(bytes[i]));
            i += 1;
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    if i < bytes.len() && (bytes[i] == b'k' || bytes[i] == b'K') {
        value *= 1000.0;
        i += 1;
    }
    Some((value, i))
}

/// Finds dollar figures and ranges: `$18-$22`, `$18 to 22`, `between $18
/// and $22`, `$50k+`, `up to $60,000`, `$20 and up`, `starting at $18`.
fn scan_money(text: &str) -> Vec<TextPay> {
    let mut out = Vec::new();
    // ASCII lower-casing keeps byte offsets, so `lower` and `text` share them.
    let lower = text.to_ascii_lowercase();
    let mut i = 0;
    while let Some(p) = text[i..].find('$') {
        let start = i + p;
        let Some((first, mut end)) = number_at(text, start + 1) else {
            i = start + 1;
            continue;
        };
        let rest = &lower[end..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len();
        let joiner = ["-", "–", "—", "to ", "and "]
            .iter()
            .find(|j| trimmed.starts_with(**j))
            .map(|j| j.len());
        let second = joiner.and_then(|j| {
            let after = end + skip + j;
            let ws = lower[after..].len() - lower[after..].trim_start().len();
            let at = after + ws;
            let at = if text[at..].starts_with('$') {
                at + 1
            } else {
                at
            };
            number_at(text, at)
        });
        let before = lower[..start].trim_end();
        let pay = if let Some((max, e)) = second {
            end = e;
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: Some(max),
                },
                range: start..end,
                open_ended: first <= 0.0,
            }
        } else if trimmed.starts_with('+')
            || ["and up", "or more", "and above"]
                .iter()
                .any(|k| trimmed.starts_with(k))
        {
            let k = if trimmed.starts_with('+') {
                1
            } else {
                ["and up", "or more", "and above"]
                    .iter()
                    .find(|k| trimmed.starts_with(**k))
                    .map_or(0, |k| k.len())
            };
            end += skip + k;
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: None,
                },
                range: start..end,
                open_ended: true,
            }
        } else if let Some(k) = ["up to", "starting at", "starts at", "starting from", "from"]
            .iter()
            .find(|k| before.ends_with(**k))
        {
            let from = before.len() - k.len();
            let capped = *k == "up to";
            TextPay {
                pay: OfferedPay {
                    min: (!capped).then_some(first),
                    max: capped.then_some(first),
                },
                range: from..end,
                open_ended: true,
            }
        } else {
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: Some(first),
                },
                range: start..end,
                open_ended: false,
            }
        };
        out.push(pay);
        i = end.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests;
