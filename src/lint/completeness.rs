//! Completeness: what a post needs besides good wording: the company
//! profile, an equal employment opportunity statement, a link to apply, a
//! pay range for the location, and no empty sections.

use super::{Finding, LintInput, Place, Severity, Subject, pay};

/// No company profile.
pub(crate) const NO_COMPANY: &str = "completeness/no-company";
/// No EEO statement.
pub(crate) const NO_EEO: &str = "completeness/no-eeo";
/// No link to apply.
pub(crate) const NO_APPLY_URL: &str = "completeness/no-apply-url";
/// No pay range where no law requires one.
pub(crate) const NO_PAY: &str = "completeness/no-pay";
/// A heading with nothing under it.
pub(crate) const EMPTY_SECTION: &str = "completeness/empty-section";
/// No company name for the job post's `JobPosting` `hiringOrganization`.
pub(crate) const NO_HIRING_ORGANIZATION: &str = "completeness/no-hiring-organization";

/// Every completeness rule.
pub(crate) fn check(input: &LintInput<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    match input.subject {
        Subject::Role { .. } => {
            out.extend(company(input));
            out.extend(hiring_organization(input));
        }
        Subject::File { .. } => out.extend(file_statements(input)),
    }
    out.extend(no_pay(input));
    out.extend(empty_sections(input));
    out
}

/// For a role: the company profile, its EEO statement and apply link.
fn company(input: &LintInput<'_>) -> Vec<Finding> {
    let site_url = input
        .site
        .is_some_and(|s| !s.location.apply_url.trim().is_empty());
    let Some(c) = input.company else {
        return vec![
            Finding::new(
                NO_COMPANY,
                Severity::Warning,
                "no company profile: the post has no company name, about us, benefits, EEO statement or apply link",
                input.document_place(),
            )
            .suggest("add company.yaml to the workspace, or pass --company FILE"),
        ];
    };
    let mut out = Vec::new();
    let place = |key: &str| {
        let (line, column) = crate::diag::find_yaml_key(&c.source, key);
        if c.source
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("{key}:")))
        {
            Place {
                file: c.file.clone(),
                line,
                column,
                len: key.len(),
            }
        } else {
            Place::file(c.file.clone())
        }
    };
    if c.company.eeo.trim().is_empty() {
        out.push(
            Finding::new(
                NO_EEO,
                Severity::Warning,
                "no equal employment opportunity statement",
                place("eeo"),
            )
            .suggest("add `eeo:` to the company profile"),
        );
    }
    if c.company.apply_url.trim().is_empty() && !site_url {
        out.push(
            Finding::new(
                NO_APPLY_URL,
                Severity::Warning,
                "no link to apply",
                place("apply_url"),
            )
            .suggest("add `apply_url:` to the company profile, or an apply_url column to the locations CSV"),
        );
    }
    out
}

/// For a role: a company name for the page's structured data, from the
/// location's `company` or the company profile. Google for Jobs requires
/// `hiringOrganization` and passes over a page without it.
fn hiring_organization(input: &LintInput<'_>) -> Option<Finding> {
    let row_company = input
        .site
        .is_some_and(|s| !s.location.company.trim().is_empty());
    let named = input
        .company
        .is_some_and(|c| !c.company.name.trim().is_empty());
    if row_company || named {
        return None;
    }
    let place = input
        .site
        .map_or_else(|| input.document_place(), |s| s.place.clone());
    Some(
        Finding::new(
            NO_HIRING_ORGANIZATION,
            Severity::Warning,
            "no hiring organization: the job post's page has no `hiringOrganization` in its JobPosting, which Google for Jobs requires",
            place,
        )
        .suggest("add company.yaml to the workspace, pass --company FILE, or give the location a `company` column"),
    )
}

/// For a file: an EEO statement and a link, read from the text.
fn file_statements(input: &LintInput<'_>) -> Vec<Finding> {
    let prose = input.prose;
    let text = prose
        .text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let eeo = ["equal opportunity", "equal employment", "eeo"]
        .iter()
        .any(|k| text.contains(k));
    if !eeo {
        out.push(
            Finding::new(
                NO_EEO,
                Severity::Warning,
                "no equal employment opportunity statement",
                input.document_place(),
            )
            .suggest("add a sentence such as \"We are an equal opportunity employer.\""),
        );
    }
    let link = prose.links.iter().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("http://")
            || l.starts_with("https://")
            || l.starts_with("mailto:")
            || l.starts_with("www.")
    });
    if !link {
        out.push(
            Finding::new(
                NO_APPLY_URL,
                Severity::Warning,
                "no link to apply",
                input.document_place(),
            )
            .suggest("add the address where candidates apply"),
        );
    }
    out
}

/// A note when a location has no pay range and no law requires one (the
/// pay-transparency rules report it when a law does).
fn no_pay(input: &LintInput<'_>) -> Vec<Finding> {
    let Some(site) = input.site else {
        return Vec::new();
    };
    if site.offered.is_some() || pay::range_required(input) {
        return Vec::new();
    }
    let shown = if site.market_average {
        "; the post shows only a BLS market average"
    } else {
        ""
    };
    vec![
        Finding::new(
            NO_PAY,
            Severity::Note,
            format!("{}: no pay range{shown}", site.location.label()),
            site.pay_place.clone(),
        )
        .suggest("a pay range gets more applicants, even where no law requires it"),
    ]
}

/// A warning for each heading with nothing under it.
fn empty_sections(input: &LintInput<'_>) -> Vec<Finding> {
    let prose = input.prose;
    prose
        .empty_sections()
        .into_iter()
        .map(|block| {
            let first = prose
                .words
                .iter()
                .position(|w| w.range.start >= block.range.start);
            let last = prose
                .words
                .iter()
                .rposition(|w| w.range.end <= block.range.end);
            let place = match (first, last) {
                (Some(a), Some(b)) if a <= b => prose.place_words(a, b),
                _ => prose.place_text(block.range.clone()),
            };
            Finding::new(
                EMPTY_SECTION,
                Severity::Warning,
                format!("the \"{}\" section is empty", prose.block_text(block)),
                place,
            )
            .suggest("add its content or remove the heading")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::LintSettings;
    use crate::lint::{Data, Date, Prose};

    fn rules(text: &str) -> Vec<&'static str> {
        let data = Data::builtin().unwrap();
        let settings = LintSettings::default();
        let prose = Prose::from_markdown("ad.md", text.to_string());
        let input = LintInput {
            prose: &prose,
            subject: Subject::File { file: "ad.md" },
            company: None,
            site: None,
            date: Date::parse("2025-06-01").unwrap(),
            settings: &settings,
            data: &data,
        };
        check(&input).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn files_need_eeo_link_and_full_sections() {
        let cases: [(&str, &[&str]); 4] = [
            (
                "# Job\n\nWe are an Equal Opportunity employer. Apply at https://x.example\n",
                &[],
            ),
            ("# Job\n\nApply at <https://x.example>.\n", &[NO_EEO]),
            ("# Job\n\nWe are an EEO employer.\n", &[NO_APPLY_URL]),
            (
                "# Job\n\n## Benefits\n\n## Pay\n\nEEO. https://x.example\n",
                &[EMPTY_SECTION],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(rules(text), want, "{text}");
        }
    }
}
