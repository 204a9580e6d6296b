//! Completeness: what a post needs besides good wording: the company
//! profile, an equal employment opportunity statement, a link to apply, a
//! pay range for the location, and no empty sections.

use super::phrase::{self, Phrase};
use super::{Finding, LintInput, Place, Prose, Severity, Subject, pay};

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
    let mut out = Vec::new();
    if eeo_statement(prose, &input.data.eeo).is_none() {
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

/// The first shape of `data/lint/eeo.csv` that one of the prose's
/// paragraphs or list items matches.
pub(crate) fn eeo_statement<'a>(prose: &Prose, shapes: &'a [Phrase]) -> Option<&'a Phrase> {
    let parts = phrase::parts(prose);
    phrase::blocks(&parts).into_iter().find_map(|(_, keys)| {
        shapes
            .iter()
            .find(|s| (0..keys.len()).any(|i| s.match_at(&keys, i).is_some()))
    })
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

    fn has_eeo(text: &str) -> bool {
        let data = Data::builtin().unwrap();
        let prose = Prose::from_text("ad.txt", text.to_string());
        eeo_statement(&prose, &data.eeo).is_some()
    }

    #[test]
    fn eeo_statements_are_found_in_their_common_shapes() {
        // The misses first: short forms and UK wording.
        for text in [
            "EOE/AA M/F/D/V",
            "Equal Opportunity Employer",
            "All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, national origin, disability or protected veteran status.",
            "We are committed to equal opportunities for everyone who applies.",
            "Acme is an EEO employer.",
            "Minorities/Females/Protected Veterans/Individuals with Disabilities are encouraged to apply.",
            "We hire without regard to age, race or religion.",
            "We do not discriminate against any applicant.",
            "Equal Opportunity Employer - Minorities/Females/Veterans/Disabled",
            "EOE",
        ] {
            assert!(has_eeo(text), "{text}");
        }
    }

    #[test]
    fn other_wording_is_not_taken_for_an_eeo_statement() {
        for text in [
            "We hire without regard to experience: we train you.",
            "Equal pay for equal work is the law in Colorado.",
            "Our shoe store is open late.",
            "Leaders who regard people as people.",
            "Regardless of the weather, deliveries go out.",
            "We never discriminate between good and great coffee beans? No, we do.",
        ] {
            let found = {
                let data = Data::builtin().unwrap();
                let prose = Prose::from_text("ad.txt", text.to_string());
                eeo_statement(&prose, &data.eeo).map(|p| p.text.clone())
            };
            // "never discriminate" is no "not ... discriminat*".
            assert_eq!(found, None, "{text}");
        }
    }

    #[test]
    fn every_eeo_shape_matches_its_example() {
        let text = crate::builtin::lint_data("lint/eeo.csv").unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut n = 0;
        for row in reader.records() {
            let row = row.unwrap();
            let shape = Phrase::parse(&row[0]).unwrap();
            let prose = Prose::from_text("ad.txt", row[1].to_string());
            assert!(
                eeo_statement(&prose, std::slice::from_ref(&shape)).is_some(),
                "{} / {}",
                &row[0],
                &row[1]
            );
            n += 1;
        }
        assert!(n >= 15);
    }
}
