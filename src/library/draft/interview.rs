//! The drafted interview: the occupation's top competencies from the
//! competency bank (`data/drafting/competencies.json`), keyed to O*NET work
//! styles and skills, and the rating scale of the built-in profile. The
//! bank is JSON rather than YAML because it is read on every drafted
//! render, and JSON parses about twenty times faster.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::library::model::{Occupation, Rated};
use crate::model::role::{Competency, Interview, Question, Rating};

use super::requirements::SKILL_IMPORTANCE;

/// The bank's text, embedded.
pub(crate) const BANK_JSON: &str = include_str!("../../../data/drafting/competencies.json");

/// Competencies per guide: at most this many...
const MOST: usize = 5;
/// ...and at least this many where the bank allows.
const LEAST: usize = 4;
/// At most this many from work styles, and as many from skills, so a guide
/// probes both how a person works and what they can do.
const PER_KIND: usize = 3;

/// Competencies for an occupation O*NET has not rated.
const FALLBACK: [&str; 4] = [
    "dependability",
    "problem-solving",
    "cooperation",
    "learning",
];

/// The bank file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Bank {
    /// The competencies.
    pub competencies: Vec<BankEntry>,
}

/// One competency of the bank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BankEntry {
    /// A stable id, e.g. `dependability`.
    pub id: String,
    /// The name shown in the guide.
    pub name: String,
    /// Competencies sharing a theme are not both picked.
    pub theme: String,
    /// O*NET element ids it covers (`1.C.5.a`, `2.A.1.b`, ...).
    pub elements: Vec<String>,
    /// Why it matters; `{title}` becomes the job title.
    pub why: String,
    /// Its questions.
    pub questions: Vec<Question>,
}

/// The parsed bank (empty if the embedded text does not parse, which a
/// unit test rules out).
pub(crate) fn bank() -> &'static [BankEntry] {
    static BANK: OnceLock<Vec<BankEntry>> = OnceLock::new();
    BANK.get_or_init(|| parse_bank().unwrap_or_default())
}

/// Parses the embedded bank.
pub(crate) fn parse_bank() -> Result<Vec<BankEntry>, crate::diag::Diagnostic> {
    const FILE: &str = "data/drafting/competencies.json";
    serde_json::from_str::<Bank>(BANK_JSON)
        .map(|b| b.competencies)
        .map_err(|e| {
            crate::diag::Diagnostic::at(FILE, BANK_JSON, e.line(), e.column(), e.to_string())
        })
}

/// The rating scale, worded as in the built-in profile.
pub(crate) fn rating_scale() -> Vec<Rating> {
    [
        (
            1,
            "Does not meet",
            "The answer is vague or off topic, or it shows an approach that would cause harm. The candidate gives no real example or plan.",
        ),
        (
            2,
            "Partly meets",
            "The answer touches on the right ideas but lacks detail, clear steps or a result. Several strong-answer points are missing.",
        ),
        (
            3,
            "Meets",
            "The answer gives a clear, relevant example or plan with sensible steps and an outcome. It covers most of the strong-answer points.",
        ),
        (
            4,
            "Exceeds",
            "The answer is specific, well organized and shows sound judgment beyond the basics. The candidate also reflects on what they learned or would improve.",
        ),
    ]
    .into_iter()
    .map(|(score, label, description)| Rating {
        score,
        label: label.to_string(),
        description: description.to_string(),
    })
    .collect()
}

/// The ids of the bank entries picked for an occupation, best first.
pub(crate) fn pick(occ: &Occupation) -> Vec<usize> {
    let bank = bank();
    let entry_of = |id: &str| bank.iter().position(|e| e.elements.iter().any(|x| x == id));
    // (importance, is a skill, bank index), most important first.
    let mut ranked: Vec<(f32, bool, usize)> = Vec::new();
    let mut push = |list: &[Rated], skill: bool| {
        for r in list {
            if let Some(i) = entry_of(&r.id) {
                ranked.push((r.importance, skill, i));
            }
        }
    };
    push(&occ.work_styles, false);
    push(&occ.skills, true);
    if ranked.is_empty() {
        // O*NET has not rated this occupation's skills and work styles
        // yet (some newer codes): competencies every job calls for.
        return FALLBACK
            .iter()
            .filter_map(|id| bank.iter().position(|e| e.id == *id))
            .collect();
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));

    let mut chosen: Vec<(usize, bool)> = Vec::new();
    let take = |strict: bool, chosen: &mut Vec<(usize, bool)>| {
        for &(importance, skill, i) in &ranked {
            if chosen.len() >= MOST {
                break;
            }
            let theme = &bank[i].theme;
            if chosen.iter().any(|&(c, _)| &bank[c].theme == theme) {
                continue;
            }
            let same_kind = chosen.iter().filter(|&&(_, k)| k == skill).count();
            if strict && (same_kind >= PER_KIND || (skill && importance < SKILL_IMPORTANCE)) {
                continue;
            }
            chosen.push((i, skill));
        }
    };
    take(true, &mut chosen);
    if chosen.len() < LEAST {
        take(false, &mut chosen);
    }
    chosen.into_iter().map(|(i, _)| i).collect()
}

/// The interview for an occupation, with `{title}` filled in.
pub(crate) fn interview(occ: &Occupation, title: &str) -> Interview {
    let bank = bank();
    let competencies = pick(occ)
        .into_iter()
        .map(|i| {
            let e = &bank[i];
            Competency {
                name: e.name.clone(),
                why: e.why.replace("{title}", title),
                questions: e.questions.clone(),
            }
        })
        .collect();
    let mut interview = Interview {
        duration_minutes: 0,
        competencies,
        rating_scale: rating_scale(),
    };
    // The time the questions need, rounded up to five minutes.
    interview.duration_minutes = interview.planned_minutes().div_ceil(5) * 5;
    interview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::role::QuestionKind;

    #[test]
    fn bank_parses_and_covers_every_work_style_and_skill() {
        if let Err(e) = parse_bank() {
            panic!("{e}");
        }
        let bank = bank();
        assert!(bank.len() >= 20, "{}", bank.len());
        let covered: Vec<&str> = bank
            .iter()
            .flat_map(|e| e.elements.iter().map(String::as_str))
            .collect();
        for id in [
            "1.C.1.a", "1.C.1.b", "1.C.1.c", "1.C.2.b", "1.C.3.a", "1.C.3.b", "1.C.3.c", "1.C.4.a",
            "1.C.4.b", "1.C.4.c", "1.C.5.a", "1.C.5.b", "1.C.5.c", "1.C.6", "1.C.7.a", "1.C.7.b",
            "2.A.1.a", "2.A.1.b", "2.A.1.c", "2.A.1.d", "2.A.1.e", "2.A.1.f", "2.A.2.a", "2.A.2.b",
            "2.A.2.c", "2.A.2.d", "2.B.1.a", "2.B.1.b", "2.B.1.c", "2.B.1.d", "2.B.1.e", "2.B.1.f",
            "2.B.2.i", "2.B.3.a", "2.B.3.b", "2.B.3.c", "2.B.3.d", "2.B.3.e", "2.B.3.g", "2.B.3.h",
            "2.B.3.j", "2.B.3.k", "2.B.3.l", "2.B.3.m", "2.B.4.e", "2.B.4.g", "2.B.4.h", "2.B.5.a",
            "2.B.5.b", "2.B.5.c", "2.B.5.d",
        ] {
            assert!(covered.contains(&id), "{id} has no competency");
        }
        let mut ids: Vec<&str> = bank.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        let mut elements = covered.clone();
        elements.sort_unstable();
        elements.dedup();
        assert_eq!(
            elements.len(),
            covered.len(),
            "an element is in two competencies"
        );
    }

    #[test]
    fn every_competency_has_both_kinds_of_question_in_full() {
        for e in bank() {
            assert!(e.why.contains("{title}"), "{}", e.id);
            for kind in [QuestionKind::Behavioral, QuestionKind::Situational] {
                let q = e.questions.iter().find(|q| q.kind == kind);
                let q = q.unwrap_or_else(|| panic!("{} lacks a {kind:?} question", e.id));
                assert!(
                    !q.follow_ups.is_empty()
                        && !q.strong_answer.is_empty()
                        && !q.red_flags.is_empty(),
                    "{}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn questions_stay_on_work() {
        let banned = [
            "your age",
            "how old",
            "married",
            "spouse",
            "children",
            "kids",
            "pregnan",
            "religio",
            "church",
            "nationality",
            "born",
            "citizen",
            "disabilit",
            "health",
            "sick",
            "accent",
        ];
        for e in bank() {
            for q in &e.questions {
                let asked = std::iter::once(&q.text).chain(&q.follow_ups);
                for text in asked {
                    let lower = text.to_lowercase();
                    for word in banned {
                        assert!(!lower.contains(word), "{}: {word} in {text}", e.id);
                    }
                }
            }
        }
    }

    #[test]
    fn rating_scale_matches_the_built_in_profile_but_the_first_line() {
        let builtin: crate::model::Role = crate::load::yaml::parse(
            "r.yaml",
            include_str!("../../../data/roles/customer-service-representative.yaml"),
        )
        .unwrap();
        let ours = rating_scale();
        assert_eq!(ours.len(), builtin.interview.rating_scale.len());
        for (a, b) in ours.iter().zip(&builtin.interview.rating_scale).skip(1) {
            assert_eq!(
                (a.score, &a.label, &a.description),
                (b.score, &b.label, &b.description)
            );
        }
    }
}
