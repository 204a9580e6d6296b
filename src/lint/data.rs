//! The facts lint checks against, read from the built-in data files:
//! pay-transparency laws (`data/jurisdictions/pay-transparency.csv`),
//! gender-coded stems and their exceptions, exclusionary words and jargon,
//! the shapes of EEO statements and job-board length limits (`data/lint/`). Each file names its sources
//! in its header comment.

use anyhow::{Context as _, Result, anyhow, bail};
use serde::Deserialize;

use super::date::Date;
use super::phrase::Phrase;
use super::{Severity, rule_info};

/// A state or a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// A whole state (or DC).
    State,
    /// A city, within its state.
    City,
}

/// A law that requires pay in job postings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Law {
    /// Who made it, e.g. `Colorado` or `New York City`.
    pub jurisdiction: String,
    /// State or city.
    pub level: Level,
    /// USPS code of the state.
    pub state: String,
    /// For a city law: the city's names, lower-case.
    pub cities: Vec<String>,
    /// First day the posting duty applies.
    pub effective: Date,
    /// First day it is enforced, when later.
    pub enforced_from: Option<Date>,
    /// The sources disagree on the date: warnings, never errors.
    pub uncertain: bool,
    /// The smallest employer covered (1: all).
    pub min_employees: u64,
    /// A pay range (or fixed pay) must be shown.
    pub requires_range: bool,
    /// A general description of benefits must be shown.
    pub requires_benefits: bool,
    /// A general description of other compensation must be shown.
    pub requires_other_comp: bool,
    /// Open-ended ranges do not comply.
    pub bounded: bool,
    /// From this date the application close date must be shown.
    pub close_date_from: Option<Date>,
    /// From this date one figure (min = max) is accepted instead of a
    /// range ([`ALWAYS`] for `yes`); `None` when the sources do not say.
    pub single_figure_from: Option<Date>,
    /// The widest range expected: the maximum's excess over the minimum,
    /// in percent of the minimum.
    pub max_spread_pct: Option<f64>,
    /// What the law asks of a job paid by commission only.
    pub commission_only: CommissionRule,
    /// The law's name or citation.
    pub law: String,
    /// Where the row's facts come from.
    pub sources: Vec<String>,
}

impl Law {
    /// Whether the law covers a location.
    pub(crate) fn covers(&self, state: &str, city: &str) -> bool {
        if !self.state.eq_ignore_ascii_case(state.trim()) {
            return false;
        }
        match self.level {
            Level::State => true,
            Level::City => {
                let city = city.trim().to_lowercase();
                let city = city.strip_prefix("city of ").unwrap_or(&city);
                self.cities.iter().any(|c| c == city)
            }
        }
    }
}

/// The earliest date: a `yes` in a column that may hold a date.
pub(crate) const ALWAYS: Date = Date {
    year: 0,
    month: 1,
    day: 1,
};

/// What a law asks of a job paid by commission only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CommissionRule {
    /// The range duty stands (the sources say nothing else).
    Range,
    /// The post says the pay is commission only, instead of a range.
    Statement,
    /// No range is needed.
    Exempt,
}

impl Law {
    /// Whether one figure is enough on a posting date.
    pub(crate) fn allows_single_figure(&self, on: Date) -> bool {
        self.single_figure_from.is_some_and(|from| on >= from)
    }
}

/// A gender-coded stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stem {
    /// The stem, lower-case.
    pub stem: String,
    /// `true` for masculine-coded, `false` for feminine-coded.
    pub masculine: bool,
    /// What to write instead (masculine stems).
    pub suggestion: Option<String>,
    /// Only the paper lists it, not the Gender Decoder.
    pub paper_only: bool,
}

/// A word or phrase to avoid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Its words, lower-case; a trailing `*` matches any ending.
    pub words: Vec<String>,
    /// The rule it reports under.
    pub rule: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The message after the quoted word.
    pub why: String,
    /// What to write instead.
    pub suggestion: String,
}

/// A job board's length limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BoardLimit {
    /// The board.
    pub board: String,
    /// `title` or `description`.
    pub field: String,
    /// The limit.
    pub limit: usize,
    /// Counted in bytes (else characters).
    pub bytes: bool,
    /// Only a third-party source gives it.
    pub uncertain: bool,
}

/// Everything lint checks against.
#[derive(Debug, Clone)]
pub(crate) struct Data {
    /// Pay-transparency laws.
    pub laws: Vec<Law>,
    /// Gender-coded stems, longest first.
    pub stems: Vec<Stem>,
    /// Words and phrases whose coded word is not about the candidate.
    pub exceptions: Vec<Phrase>,
    /// Phrases whose listed term is about someone other than the candidate.
    pub term_exceptions: Vec<Phrase>,
    /// The shapes of EEO statements.
    pub eeo: Vec<Phrase>,
    /// Words and phrases to avoid, longest first.
    pub terms: Vec<Term>,
    /// Board limits.
    pub limits: Vec<BoardLimit>,
}

impl Data {
    /// Reads the built-in data files.
    pub(crate) fn builtin() -> Result<Data> {
        let get = |name: &str| {
            crate::builtin::lint_data(name).ok_or_else(|| anyhow!("missing built-in `{name}`"))
        };
        let mut stems = stems(get("lint/gender-coded.csv")?)?;
        stems.sort_by_key(|s| std::cmp::Reverse(s.stem.len()));
        let mut terms = terms(get("lint/terms.csv")?)?;
        terms.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        Ok(Data {
            laws: laws(get("jurisdictions/pay-transparency.csv")?)?,
            stems,
            exceptions: exceptions(
                "lint/gender-exceptions.txt",
                get("lint/gender-exceptions.txt")?,
            )?,
            term_exceptions: exceptions(
                "lint/term-exceptions.txt",
                get("lint/term-exceptions.txt")?,
            )?,
            eeo: eeo(get("lint/eeo.csv")?)?,
            terms,
            limits: limits(get("lint/board-limits.csv")?)?,
        })
    }
}

fn rows<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<Vec<T>> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    reader
        .deserialize()
        .map(|r| r.with_context(|| format!("built-in data `{name}` is malformed")))
        .collect()
}

fn exceptions(name: &str, text: &str) -> Result<Vec<Phrase>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let p = Phrase::parse(l).map_err(|e| anyhow!("built-in data `{name}`: {e}"))?;
            if p.target.is_none() && l.split_whitespace().count() > 1 {
                bail!("built-in data `{name}`: `{l}` marks no word with `[ ]`");
            }
            Ok(p)
        })
        .collect()
}

#[derive(Deserialize)]
struct EeoRow {
    shape: String,
    example: String,
}

fn eeo(text: &str) -> Result<Vec<Phrase>> {
    let name = "lint/eeo.csv";
    rows::<EeoRow>(name, text)?
        .into_iter()
        .map(|r| {
            if r.example.is_empty() {
                bail!("built-in data `{name}`: `{}` has no example", r.shape);
            }
            Phrase::parse(&r.shape).map_err(|e| anyhow!("built-in data `{name}`: {e}"))
        })
        .collect()
}

fn yes(name: &str, v: &str) -> Result<bool> {
    match v {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => bail!("built-in data `{name}`: expected yes or no, got `{other}`"),
    }
}

fn date(name: &str, v: &str) -> Result<Option<Date>> {
    if v.is_empty() {
        return Ok(None);
    }
    Date::parse(v)
        .map(Some)
        .ok_or_else(|| anyhow!("built-in data `{name}`: `{v}` is not a date"))
}

#[derive(Deserialize)]
struct LawRow {
    jurisdiction: String,
    level: String,
    state: String,
    city: String,
    effective: String,
    enforced_from: String,
    status: String,
    min_employees: u64,
    requires_range: String,
    requires_benefits: String,
    requires_other_comp: String,
    bounded: String,
    close_date_from: String,
    single_figure: String,
    max_spread_pct: String,
    commission_only: String,
    law: String,
    source: String,
}

fn laws(text: &str) -> Result<Vec<Law>> {
    let name = "jurisdictions/pay-transparency.csv";
    rows::<LawRow>(name, text)?
        .into_iter()
        .map(|r| {
            let level = match r.level.as_str() {
                "state" => Level::State,
                "city" => Level::City,
                other => bail!("built-in data `{name}`: unknown level `{other}`"),
            };
            let uncertain = match r.status.as_str() {
                "confirmed" => false,
                "uncertain" => true,
                other => bail!("built-in data `{name}`: unknown status `{other}`"),
            };
            Ok(Law {
                jurisdiction: r.jurisdiction,
                level,
                state: r.state,
                cities: r
                    .city
                    .split('|')
                    .map(|c| c.trim().to_lowercase())
                    .filter(|c| !c.is_empty())
                    .collect(),
                effective: date(name, &r.effective)?
                    .ok_or_else(|| anyhow!("built-in data `{name}`: empty effective date"))?,
                enforced_from: date(name, &r.enforced_from)?,
                uncertain,
                min_employees: r.min_employees.max(1),
                requires_range: yes(name, &r.requires_range)?,
                requires_benefits: yes(name, &r.requires_benefits)?,
                requires_other_comp: yes(name, &r.requires_other_comp)?,
                bounded: yes(name, &r.bounded)?,
                close_date_from: date(name, &r.close_date_from)?,
                single_figure_from: match r.single_figure.as_str() {
                    "yes" => Some(ALWAYS),
                    other => date(name, other)?,
                },
                max_spread_pct: match r.max_spread_pct.as_str() {
                    "" => None,
                    v => Some(v.parse::<f64>().ok().filter(|p| *p > 0.0).ok_or_else(|| {
                        anyhow!("built-in data `{name}`: `{v}` is not a percentage")
                    })?),
                },
                commission_only: match r.commission_only.as_str() {
                    "" => CommissionRule::Range,
                    "statement" => CommissionRule::Statement,
                    "exempt" => CommissionRule::Exempt,
                    other => bail!("built-in data `{name}`: unknown commission_only `{other}`"),
                },
                law: r.law,
                sources: r
                    .source
                    .split(" ; ")
                    .map(|s| s.trim().to_string())
                    .collect(),
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct StemRow {
    stem: String,
    gender: String,
    source: String,
    suggestion: String,
}

fn stems(text: &str) -> Result<Vec<Stem>> {
    let name = "lint/gender-coded.csv";
    rows::<StemRow>(name, text)?
        .into_iter()
        .map(|r| {
            if !matches!(r.source.as_str(), "paper" | "decoder" | "both") {
                bail!("built-in data `{name}`: unknown source `{}`", r.source);
            }
            let masculine = match r.gender.as_str() {
                "masculine" => true,
                "feminine" => false,
                other => bail!("built-in data `{name}`: unknown gender `{other}`"),
            };
            Ok(Stem {
                stem: r.stem.to_lowercase(),
                masculine,
                suggestion: (!r.suggestion.is_empty()).then_some(r.suggestion),
                paper_only: r.source == "paper",
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct TermRow {
    term: String,
    rule: String,
    severity: String,
    why: String,
    suggestion: String,
    source: String,
}

fn terms(text: &str) -> Result<Vec<Term>> {
    let name = "lint/terms.csv";
    rows::<TermRow>(name, text)?
        .into_iter()
        .map(|r| {
            if r.source.is_empty() {
                bail!("built-in data `{name}`: `{}` has no source", r.term);
            }
            let rule = rule_info(&r.rule)
                .map(|i| i.id)
                .ok_or_else(|| anyhow!("built-in data `{name}`: unknown rule `{}`", r.rule))?;
            let severity = Severity::parse(&r.severity).ok_or_else(|| {
                anyhow!("built-in data `{name}`: unknown severity `{}`", r.severity)
            })?;
            Ok(Term {
                words: r.term.split_whitespace().map(str::to_lowercase).collect(),
                rule,
                severity,
                why: r.why,
                suggestion: r.suggestion,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct LimitRow {
    board: String,
    field: String,
    limit: usize,
    unit: String,
    status: String,
    source: String,
}

fn limits(text: &str) -> Result<Vec<BoardLimit>> {
    let name = "lint/board-limits.csv";
    rows::<LimitRow>(name, text)?
        .into_iter()
        .map(|r| {
            if !r.source.starts_with("http") {
                bail!("built-in data `{name}`: `{}` has no source", r.board);
            }
            if !matches!(r.field.as_str(), "title" | "description") {
                bail!("built-in data `{name}`: unknown field `{}`", r.field);
            }
            Ok(BoardLimit {
                board: r.board,
                field: r.field,
                limit: r.limit,
                bytes: match r.unit.as_str() {
                    "bytes" => true,
                    "chars" => false,
                    other => bail!("built-in data `{name}`: unknown unit `{other}`"),
                },
                uncertain: r.status == "uncertain",
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses() {
        let d = Data::builtin().unwrap();
        assert!(d.laws.len() >= 15);
        assert!(d.stems.iter().any(|s| s.stem == "aggress" && s.masculine));
        assert!(d.stems.iter().any(|s| s.stem == "support" && !s.masculine));
        assert!(d.terms.iter().any(|t| t.words == ["rockstar*"]));
        assert!(d.exceptions.iter().any(|e| e.text == "sharepoint*"));
        assert!(d.eeo.iter().any(|e| e.text == "eoe"));
        assert!(
            d.limits
                .iter()
                .any(|l| l.board == "Workable" && l.limit == 80)
        );
    }

    #[test]
    fn every_law_names_a_source_and_a_known_state() {
        for law in Data::builtin().unwrap().laws {
            assert!(
                crate::states::name(&law.state).is_some(),
                "{}",
                law.jurisdiction
            );
            assert!(
                law.sources.iter().all(|s| s.starts_with("http")),
                "{}",
                law.jurisdiction
            );
            assert_eq!(law.level == Level::City, !law.cities.is_empty());
        }
    }

    #[test]
    fn laws_cover_states_and_cities() {
        let laws = Data::builtin().unwrap().laws;
        let names = |state: &str, city: &str| -> Vec<String> {
            laws.iter()
                .filter(|l| l.covers(state, city))
                .map(|l| l.jurisdiction.clone())
                .collect()
        };
        assert_eq!(names("CO", "Denver"), ["Colorado"]);
        assert_eq!(names("NY", "Brooklyn"), ["New York", "New York City"]);
        assert_eq!(
            names("NJ", "Jersey City"),
            ["Jersey City, NJ", "New Jersey"]
        );
        assert!(names("TX", "Austin").is_empty());
        assert_eq!(names("VA", "Richmond"), ["Virginia"]);
        assert_eq!(names("CT", "Hartford"), ["Connecticut"]);
        assert!(names("OH", "Toledo").is_empty());
    }

    #[test]
    fn the_december_2026_audit_is_in_the_table() {
        let laws = Data::builtin().unwrap().laws;
        let law = |j: &str| laws.iter().find(|l| l.jurisdiction == j).unwrap();
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(law("Virginia").effective, d("2026-07-01"));
        assert_eq!(law("Connecticut").effective, d("2026-10-01"));
        assert!(law("Connecticut").requires_benefits);
        for j in [
            "Colorado",
            "New York",
            "Ithaca, NY",
            "Jersey City, NJ",
            "District of Columbia",
            "Illinois",
            "Vermont",
            "Delaware",
            "New Jersey",
            "Virginia",
        ] {
            assert!(law(j).bounded, "{j}");
        }
        for j in [
            "California",
            "Hawaii",
            "Massachusetts",
            "Maine",
            "Connecticut",
        ] {
            assert!(!law(j).bounded, "{j}");
        }
        let wa = law("Washington");
        assert!(!wa.allows_single_figure(d("2025-07-26")));
        assert!(wa.allows_single_figure(d("2025-07-27")));
        assert!(law("Colorado").allows_single_figure(d("2021-01-01")));
        assert!(!law("New York").allows_single_figure(d("2026-12-01")));
        assert_eq!(law("New Jersey").max_spread_pct, Some(60.0));
        assert!(law("California").law.contains("SB 642"));
        for (j, rule) in [
            ("New York", CommissionRule::Statement),
            ("Vermont", CommissionRule::Statement),
            ("Delaware", CommissionRule::Statement),
            ("Maine", CommissionRule::Exempt),
            ("California", CommissionRule::Range),
        ] {
            assert_eq!(law(j).commission_only, rule, "{j}");
        }
        for l in &laws {
            assert!(l.sources.len() >= 2, "{} has one source", l.jurisdiction);
        }
    }

    #[test]
    fn every_masculine_stem_has_an_uncoded_suggestion() {
        let d = Data::builtin().unwrap();
        for s in d.stems.iter().filter(|s| s.masculine) {
            let sugg = s.suggestion.as_deref().unwrap_or_default();
            assert!(!sugg.is_empty(), "{}", s.stem);
            // The suggestion's quoted words are not coded themselves.
            for quoted in sugg.split('"').skip(1).step_by(2) {
                for word in quoted.split([' ', '-']) {
                    let w = word.to_lowercase();
                    assert!(
                        !d.stems
                            .iter()
                            .any(|t| t.masculine && w.starts_with(&t.stem)),
                        "{}: {w}",
                        s.stem
                    );
                }
            }
        }
    }

    #[test]
    fn the_reference_stems_are_all_there() {
        let d = Data::builtin().unwrap();
        let has = |stem: &str, masculine: bool| {
            d.stems
                .iter()
                .any(|s| s.stem == stem && s.masculine == masculine)
        };
        for stem in [
            "active",
            "ambitio",
            "analy",
            "compet",
            "decisive",
            "domina",
            "lead",
            "logic",
            "self-relian",
            "unreasonab",
            "driven",
            "champion",
        ] {
            assert!(has(stem, true), "{stem}");
        }
        for stem in [
            "agree", "collab", "commit", "depend", "respon", "support", "trust", "share", "sharin",
            "yield",
        ] {
            assert!(has(stem, false), "{stem}");
        }
    }
}
