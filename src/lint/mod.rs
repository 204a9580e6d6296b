//! `hirekit lint`'s rules: pay transparency, inclusive wording, readability
//! and length, and completeness of a job post.
//!
//! Each rule family has its own file, and each rule is a plain function from
//! a [`LintInput`] to findings. The input holds the document's text as
//! [`Prose`] (which knows where every word comes from), the location with its
//! pay, the company profile and the settings; the rules read nothing else and
//! do no I/O. `commands::lint` builds the inputs and prints the [`Report`].

pub(crate) mod completeness;
pub(crate) mod data;
pub(crate) mod date;
pub(crate) mod locate;
pub(crate) mod pay;
pub(crate) mod phrase;
pub(crate) mod prose;
pub(crate) mod readability;
pub(crate) mod report;
pub(crate) mod settings;
pub(crate) mod wording;

use serde::Serialize;

use crate::model::{Company, Location, Role};
pub(crate) use data::Data;
pub(crate) use date::Date;
pub(crate) use prose::Prose;
pub(crate) use report::Report;
pub(crate) use settings::LintSettings;

/// How serious a finding is. Errors fail the run; warnings fail it under
/// `--deny warnings`; notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    /// Breaks a law or a hard rule.
    Error,
    /// Likely to cost applicants or to break a board's rules.
    Warning,
    /// Worth knowing.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// Parses `error`, `warning` or `note`.
    pub(crate) fn parse(s: &str) -> Option<Severity> {
        match s.trim() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }
}

/// Where a finding points: a file as shown to the user, a 1-based line and
/// column (0 when the finding concerns the whole file), and how many
/// characters the underline covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place {
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line, or 0 for the whole file.
    pub line: usize,
    /// 1-based column (in characters), or 0.
    pub column: usize,
    /// Characters covered, at least 1 when there is a column.
    pub len: usize,
}

impl Place {
    /// The whole file.
    pub(crate) fn file(file: impl Into<String>) -> Place {
        Place {
            file: file.into(),
            ..Place::default()
        }
    }

    /// A line and column of a file, from a byte offset into its text (for
    /// a finding or two; many findings in one text use [`Place::at_offset_in`]).
    #[allow(dead_code)]
    pub(crate) fn at_offset(file: &str, source: &str, offset: usize, len_chars: usize) -> Place {
        Place::at_offset_in(file, source, &Lines::new(source), offset, len_chars)
    }

    /// As [`Place::at_offset`], with the text's [`Lines`] built once
    /// beforehand, so that placing many findings costs no more than
    /// reading the text once.
    pub(crate) fn at_offset_in(
        file: &str,
        source: &str,
        lines: &Lines,
        offset: usize,
        len_chars: usize,
    ) -> Place {
        let (line, column) = lines.line_col(source, offset);
        Place {
            file: file.to_string(),
            line,
            column,
            len: len_chars.max(1),
        }
    }
}

/// Where each line of a text starts: turns a byte offset into a line (by
/// binary search) and a column (by counting the characters of that line
/// only), instead of reading the text from its start for every finding.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lines {
    /// Byte offsets of line starts; the first is 0.
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes a text's lines (ended by `\n`).
    pub(crate) fn new(source: &str) -> Lines {
        Lines {
            starts: std::iter::once(0)
                .chain(source.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset of
    /// `source`, the text this index was built from.
    pub(crate) fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0).min(offset);
        let column = source.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }
}

/// One thing lint found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// The rule's stable id, e.g. `pay-transparency/missing-range`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// The file to fix, as shown to the user.
    pub file: String,
    /// 1-based line, or 0 for the whole file.
    pub line: usize,
    /// 1-based column, or 0.
    pub column: usize,
    /// Characters the finding covers from `column`.
    pub len: usize,
    /// What to write instead, or how to fix it.
    pub suggestion: Option<String>,
}

impl Finding {
    /// A finding at a place.
    pub(crate) fn new(
        rule: &'static str,
        severity: Severity,
        message: impl Into<String>,
        place: Place,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message: message.into(),
            file: place.file,
            line: place.line,
            column: place.column,
            len: place.len,
            suggestion: None,
        }
    }

    /// Adds a suggestion.
    pub(crate) fn suggest(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// A rule: its id, its usual severity and what it checks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleInfo {
    /// The stable id.
    pub id: &'static str,
    /// The severity it usually reports with.
    pub severity: Severity,
    /// One line on what it checks.
    pub summary: &'static str,
}

const fn rule(id: &'static str, severity: Severity, summary: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        summary,
    }
}

/// Every rule, in the order docs/lint.md documents them (rules added
/// later come last, so SARIF rule indexes stay put).
pub(crate) const RULES: &[RuleInfo] = &[
    rule(
        pay::MISSING_RANGE,
        Severity::Error,
        "a pay-transparency law in force where the job is requires a pay range, and the post gives none",
    ),
    rule(
        pay::MISSING_BENEFITS,
        Severity::Warning,
        "the law requires a general description of benefits (and other compensation), and the post has none",
    ),
    rule(
        pay::OPEN_ENDED,
        Severity::Warning,
        "the pay range is open-ended (\"up to\", \"and up\", or a minimum of 0)",
    ),
    rule(
        pay::MISSING_CLOSE_DATE,
        Severity::Warning,
        "the law requires the application close date, and the post has none",
    ),
    rule(
        pay::EMPLOYER_SIZE,
        Severity::Note,
        "the law applies only to employers above a size",
    ),
    rule(
        pay::UPCOMING,
        Severity::Note,
        "a pay-transparency law takes effect after the posting date",
    ),
    rule(
        pay::NO_LOCATION,
        Severity::Note,
        "no location was given, so pay-transparency laws were not checked",
    ),
    rule(
        wording::GENDER_CODED,
        Severity::Warning,
        "a masculine-coded word (Gaucher, Friesen & Kay 2011; Gender Decoder)",
    ),
    rule(
        wording::GENDER_BALANCE,
        Severity::Warning,
        "the document's wording as a whole leans masculine",
    ),
    rule(
        wording::EXCLUSIONARY,
        Severity::Warning,
        "a word that excludes by age, national origin or gender",
    ),
    rule(
        wording::JARGON,
        Severity::Warning,
        "jargon, slang or hollow perks that put applicants off",
    ),
    rule(
        readability::READING_EASE,
        Severity::Warning,
        "the Flesch reading ease is below the target",
    ),
    rule(
        readability::GRADE_LEVEL,
        Severity::Note,
        "the Flesch-Kincaid grade level is above the target",
    ),
    rule(
        readability::SENTENCE_LENGTH,
        Severity::Warning,
        "sentences are long on average",
    ),
    rule(
        readability::TOO_LONG,
        Severity::Warning,
        "the document has more words than the target",
    ),
    rule(
        readability::TOO_SHORT,
        Severity::Note,
        "the document has fewer words than the target",
    ),
    rule(
        readability::BOARD_LIMIT,
        Severity::Warning,
        "the title or description is longer than a job board accepts",
    ),
    rule(
        completeness::NO_COMPANY,
        Severity::Warning,
        "no company profile: no company name, about us, benefits, EEO statement or apply link",
    ),
    rule(
        completeness::NO_EEO,
        Severity::Warning,
        "no equal employment opportunity statement",
    ),
    rule(
        completeness::NO_APPLY_URL,
        Severity::Warning,
        "no link to apply",
    ),
    rule(
        completeness::NO_PAY,
        Severity::Note,
        "no pay range for the location, where no law requires one",
    ),
    rule(
        completeness::EMPTY_SECTION,
        Severity::Warning,
        "a heading with nothing under it",
    ),
    rule(
        completeness::NO_HIRING_ORGANIZATION,
        Severity::Warning,
        "no company is known, so the job post's JobPosting has no hiringOrganization (Google for Jobs requires it)",
    ),
    rule(
        wording::TEAM_WORD,
        Severity::Warning,
        "a word or phrase the team listed in `lint.flag_words`",
    ),
    rule(
        pay::SINGLE_FIGURE,
        Severity::Note,
        "one figure where the law speaks of a range and its sources do not say one figure is enough",
    ),
    rule(
        pay::WIDE_RANGE,
        Severity::Note,
        "the range is wider than the jurisdiction expects (New Jersey's proposed rule: 60% of the minimum)",
    ),
    rule(
        pay::COMMISSION_ONLY,
        Severity::Note,
        "a commission-only job (`pay_basis: commission`) where the law asks the post to say so instead of a range",
    ),
];

/// The rule families, as they are named in rule ids and in `lint.disable`.
pub(crate) const FAMILIES: [&str; 5] = [
    "pay-transparency",
    "wording",
    "readability",
    "length",
    "completeness",
];

/// The catalog entry for a rule id.
pub(crate) fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// Whether `name` (in `lint.disable`) names a rule or a family.
pub(crate) fn is_rule_or_family(name: &str) -> bool {
    rule_info(name).is_some() || FAMILIES.contains(&name)
}

/// Whether a rule is turned off by `lint.disable` (by its id or family).
pub(crate) fn is_disabled(settings: &LintSettings, rule: &str) -> bool {
    let family = rule.split('/').next().unwrap_or(rule);
    settings
        .disable
        .iter()
        .any(|d| d.trim() == rule || d.trim() == family)
}

/// The company profile with the file it came from.
#[derive(Debug, Clone)]
pub struct CompanyFile {
    /// The profile.
    pub company: Company,
    /// The file, as shown.
    pub file: String,
    /// Its text, to locate words in.
    pub source: String,
}

/// The pay a post offers: the employer's own figures, never a market average.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OfferedPay {
    /// The lowest pay, when given.
    pub min: Option<f64>,
    /// The highest pay, when given.
    pub max: Option<f64>,
}

/// One place a post is for, with what lint needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// The location.
    pub location: Location,
    /// Where the location is written (a CSV row, or the file for
    /// `--location`), for findings about it.
    pub place: Place,
    /// The employer's offered pay for it, if any.
    pub offered: Option<OfferedPay>,
    /// Where the offered pay is written (the row's `pay_min`, or the text).
    pub pay_place: Place,
    /// The post shows a BLS market average for it.
    pub market_average: bool,
}

/// What is linted.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject<'a> {
    /// A role profile rendered through the templates.
    Role {
        /// The profile.
        role: &'a Role,
        /// The profile file, as shown.
        file: &'a str,
        /// Its text.
        source: &'a str,
        /// The document rendered from it (`job-post`, `job-brief`, ...).
        doc: &'a str,
    },
    /// An existing ad, linted as it is.
    File {
        /// The file, as shown.
        file: &'a str,
    },
}

impl Subject<'_> {
    /// The file findings about the whole document point at.
    pub(crate) fn file(&self) -> &str {
        match self {
            Subject::Role { file, .. } | Subject::File { file } => file,
        }
    }

    /// The document linted: the one rendered from a role, and a job post
    /// for a file.
    pub(crate) fn document(&self) -> &str {
        match self {
            Subject::Role { doc, .. } => doc,
            Subject::File { .. } => crate::builtin::JOB_POST,
        }
    }
}

/// Everything a rule reads.
pub(crate) struct LintInput<'a> {
    /// The document's text.
    pub prose: &'a Prose,
    /// What is linted.
    pub subject: Subject<'a>,
    /// The company profile (roles only).
    pub company: Option<&'a CompanyFile>,
    /// The location the post is for, if any.
    pub site: Option<&'a Site>,
    /// The posting date when the location gives none.
    pub date: Date,
    /// Thresholds and switches from `hirekit.yaml`.
    pub settings: &'a LintSettings,
    /// Word lists, laws and board limits.
    pub data: &'a Data,
}

impl LintInput<'_> {
    /// The posting date: the location's `date_posted`, else [`Self::date`].
    pub(crate) fn posting_date(&self) -> Date {
        self.site
            .and_then(|s| Date::parse(&s.location.date_posted))
            .unwrap_or(self.date)
    }

    /// The place for findings about the whole document.
    pub(crate) fn document_place(&self) -> Place {
        Place::file(self.subject.file())
    }
}

/// Which families to run on an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Everything.
    All,
    /// Only what changes from one location to the next (pay and
    /// completeness), for the second and later locations of a run.
    PerLocation,
}

/// Runs the rules on one input, without the disabled ones.
pub(crate) fn check(input: &LintInput<'_>, scope: Scope) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(pay::check(input));
    out.extend(completeness::check(input));
    if scope == Scope::All {
        out.extend(wording::check(input));
        out.extend(readability::check(input));
    }
    out.retain(|f| !is_disabled(input.settings, f.rule));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_in_a_family() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        for r in RULES {
            let family = r.id.split('/').next().unwrap();
            assert!(FAMILIES.contains(&family), "{}", r.id);
        }
    }

    #[test]
    fn disable_matches_rule_or_family() {
        let settings = LintSettings {
            disable: vec!["wording".into(), "length/too-short".into()],
            ..LintSettings::default()
        };
        for (rule, off) in [
            ("wording/jargon", true),
            ("length/too-short", true),
            ("length/too-long", false),
            ("pay-transparency/missing-range", false),
        ] {
            assert_eq!(is_disabled(&settings, rule), off, "{rule}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let src = "a: 1\nbé: ninja\n";
        let lines = Lines::new(src);
        let off = src.find("ninja").unwrap();
        assert_eq!(lines.line_col(src, off), (2, 5));
        assert_eq!(lines.line_col(src, 0), (1, 1));
        // Past the end, and inside a character, clamp to a boundary.
        assert_eq!(lines.line_col(src, 999), (3, 1));
        assert_eq!(lines.line_col(src, src.find('é').unwrap() + 1), (2, 2));
    }
}
