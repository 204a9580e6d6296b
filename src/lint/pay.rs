//! Pay transparency: for the location a post is for, the laws of
//! `data/jurisdictions/pay-transparency.csv` that cover it on the posting
//! date, and whether the post shows what they require.
//!
//! Only the employer's own range counts as pay: for a role, the location's
//! `pay_min`/`pay_max` (`PayKind::Offered`); for a file, a dollar range
//! written in it. A BLS market average never satisfies a law, and amounts in
//! a paragraph about averages, medians or percentiles are not read as pay.

use super::data::{CommissionRule, Data, Law};
use super::date::Date;
use super::prose::BlockKind;
use super::{Finding, LintInput, OfferedPay, Place, Severity, Subject};
use crate::model::Location;

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
/// One figure where the law speaks of a minimum and a maximum.
pub(crate) const SINGLE_FIGURE: &str = "pay-transparency/single-figure";
/// The range is wider than the jurisdiction expects.
pub(crate) const WIDE_RANGE: &str = "pay-transparency/wide-range";
/// A commission-only job where the law asks the post to say so.
pub(crate) const COMMISSION_ONLY: &str = "pay-transparency/commission-only";

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

/// The laws covering a location on a posting date, and those that do not
/// apply because the employer is smaller than they cover.
fn laws_for<'a>(
    data: &'a Data,
    location: &Location,
    date: Date,
    employees: Option<u64>,
) -> (Vec<Applicable<'a>>, Vec<&'a Law>) {
    let mut laws = Vec::new();
    let mut too_small = Vec::new();
    for law in data
        .laws
        .iter()
        .filter(|l| l.covers(&location.state, &location.city))
    {
        let status = match law.enforced_from {
            _ if date < law.effective => Status::Upcoming,
            Some(from) if date < from => Status::NotYetEnforced(from),
            _ => Status::InForce,
        };
        if employees.is_some_and(|n| n < law.min_employees) {
            too_small.push(law);
            continue;
        }
        laws.push(Applicable {
            law,
            status,
            size_unknown: employees.is_none() && law.min_employees > 1,
        });
    }
    (laws, too_small)
}

/// The laws covering the input's location, and notes for laws that do not
/// apply because the company is too small.
fn applicable<'a>(input: &LintInput<'a>) -> (Vec<Applicable<'a>>, Vec<Finding>) {
    let Some(site) = input.site else {
        return (Vec::new(), Vec::new());
    };
    let employees = input.company.and_then(|c| c.company.employees);
    let (laws, too_small) = laws_for(input.data, &site.location, input.posting_date(), employees);
    let company_file = input.company.map_or("company.yaml", |c| c.file.as_str());
    let notes = too_small
        .into_iter()
        .map(|law| {
            Finding::new(
                EMPLOYER_SIZE,
                Severity::Note,
                format!(
                    "{}: {}'s law applies to employers with {} or more employees; `{company_file}` gives {}, so it does not apply",
                    site.location.label(),
                    law.jurisdiction,
                    law.min_employees,
                    employees.unwrap_or_default()
                ),
                site.place.clone(),
            )
        })
        .collect();
    (laws, notes)
}

/// Whether a location's post is for a job paid by commission only: its
/// `pay_basis` is `commission` (a locations CSV column, or `--pay
/// commission`).
pub(crate) fn commission_only(location: &Location) -> bool {
    location
        .extra
        .get(PAY_BASIS)
        .is_some_and(|b| b.trim().eq_ignore_ascii_case(COMMISSION))
}

/// The location column that says how the job is paid.
pub(crate) const PAY_BASIS: &str = "pay_basis";
/// Its value for a job paid by commission only.
pub(crate) const COMMISSION: &str = "commission";

/// How much wider than its minimum a range is, in percent of the minimum.
fn spread_pct(o: OfferedPay) -> Option<f64> {
    match (o.min, o.max) {
        (Some(min), Some(max)) if min > 0.0 && max > min => Some((max - min) / min * 100.0),
        _ => None,
    }
}

/// Whether the offer is one figure rather than a range.
fn is_single_figure(o: OfferedPay) -> bool {
    matches!((o.min, o.max), (Some(a), Some(b)) if a > 0.0 && a == b)
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
        let commission = matches!(input.subject, Subject::Role { .. })
            && commission_only(&site.location)
            && law.commission_only != CommissionRule::Range;
        if commission && law.commission_only == CommissionRule::Statement {
            out.push(Finding::new(
                COMMISSION_ONLY,
                Severity::Note,
                format!(
                    "{label}: the job is paid by commission only; {} asks the post to say so instead of giving a range ({when})",
                    law.jurisdiction
                ),
                site.pay_place.clone(),
            ));
        }
        if law.requires_range && site.offered.is_none() && !commission {
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
        if law.requires_range
            && let Some(o) = site.offered
        {
            if is_single_figure(o) && !law.allows_single_figure(date) {
                out.push(
                    Finding::new(
                        SINGLE_FIGURE,
                        Severity::Note,
                        format!(
                            "{label}: the post gives one figure, {}; {}'s law speaks of a pay range ({when}), and its sources here do not say one figure is enough",
                            describe(o),
                            law.jurisdiction
                        ),
                        site.pay_place.clone(),
                    )
                    .suggest("give the lowest and highest pay you would in good faith offer, unless the pay is truly fixed"),
                );
            }
            if let (Some(limit), Some(pct)) = (law.max_spread_pct, spread_pct(o))
                && pct > limit
            {
                out.push(
                    Finding::new(
                        WIDE_RANGE,
                        Severity::Note,
                        format!(
                            "{label}: the range {} is {pct:.0}% wider than its minimum; {} expects at most {limit:.0}% ({})",
                            describe(o),
                            law.jurisdiction,
                            law.law
                        ),
                        site.pay_place.clone(),
                    )
                    .suggest(format!(
                        "narrow the range to a maximum of at most {}",
                        crate::engine::filters::usd(
                            o.min.unwrap_or_default() * (1.0 + limit / 100.0),
                            None
                        )
                    )),
                );
            }
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
        (Some(min), Some(max)) if min <= 0.0 => format!("up to {}", money(max)),
        (Some(min), Some(max)) if min == max => money(min),
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

mod money;
pub(crate) mod post;
use money::open_ended_in_text;
pub(crate) use money::pay_in_text;

#[cfg(test)]
mod tests;
