//! Inclusive wording: gender-coded words and the document's balance, and
//! words that exclude (by age, national origin, gender) or are jargon.
//!
//! Gender coding follows the Gender Decoder: every word, lower-cased and
//! without apostrophes, is coded when it starts with a stem of
//! `data/lint/gender-coded.csv`; a hyphenated word is split into its parts
//! unless it starts with a hyphenated stem; duplicates count. Only
//! masculine-coded words get a finding each: Gaucher, Friesen & Kay found
//! that masculine wording made jobs less appealing to women, while feminine
//! wording made no difference to men. Feminine-coded words count in the
//! balance.

use serde::Serialize;

use super::{Finding, LintInput, Severity};
use crate::lint::LintSettings;
use crate::lint::data::{Data, Term};
use crate::lint::phrase;
use crate::lint::prose::{Prose, normalize};

/// A masculine-coded word.
pub(crate) const GENDER_CODED: &str = "wording/gender-coded";
/// The document leans masculine as a whole.
pub(crate) const GENDER_BALANCE: &str = "wording/gender-balance";
/// A word that excludes by age, national origin or gender.
pub(crate) const EXCLUSIONARY: &str = "wording/exclusionary";
/// Jargon, slang or hollow perks.
pub(crate) const JARGON: &str = "wording/jargon";
/// A word or phrase the team listed in `lint.flag_words`.
pub(crate) const TEAM_WORD: &str = "wording/team-word";

/// The document's gender coding, as the Gender Decoder scores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct GenderBalance {
    /// Masculine-coded words, duplicates counted.
    pub masculine: usize,
    /// Feminine-coded words, duplicates counted.
    pub feminine: usize,
    /// `feminine - masculine`.
    pub score: i64,
    /// `strongly masculine-coded`, `masculine-coded`, `neutral`,
    /// `feminine-coded`, `strongly feminine-coded`, or `empty` when no word
    /// is coded.
    pub verdict: &'static str,
    /// The masculine-coded words, lower-case, in order, without repeats.
    pub masculine_words: Vec<String>,
    /// The feminine-coded words, lower-case, in order, without repeats.
    pub feminine_words: Vec<String>,
}

/// One coded word.
struct Hit {
    /// Its index in the prose's words.
    word: usize,
    masculine: bool,
    /// The coded part, lower-case.
    part: String,
    suggestion: Option<String>,
    /// A line of `data/lint/gender-exceptions.txt` says it is not about
    /// the candidate: neither reported nor counted.
    exempt: bool,
}

fn is_allowed(allow: &[String], text: &str) -> bool {
    allow.iter().any(|a| normalize(a.trim()) == text)
}

/// Every coded word of the prose, in order, the exempt ones marked.
fn gender_hits(prose: &Prose, data: &Data, allow: &[String]) -> Vec<Hit> {
    let parts = phrase::parts(prose);
    // For each part: its block's keys and its place among them.
    let blocks = phrase::blocks(&parts);
    let mut slot = Vec::with_capacity(parts.len());
    for (b, (_, keys)) in blocks.iter().enumerate() {
        slot.extend((0..keys.len()).map(|k| (b, k)));
    }
    let mut hits = Vec::new();
    let mut p = 0;
    for i in 0..prose.words.len() {
        let first = p;
        while p < parts.len() && parts[p].word == i {
            p += 1;
        }
        let key = prose.key(i).replace('‑', "-");
        if is_allowed(allow, &key) {
            continue;
        }
        let keep_whole = data
            .stems
            .iter()
            .any(|s| s.stem.contains('-') && key.starts_with(&s.stem));
        // `(text, part index)`: a whole hyphenated word has no single part.
        let pieces: Vec<(&str, Option<usize>)> = if keep_whole {
            vec![(key.as_str(), None)]
        } else {
            (first..p)
                .map(|q| (parts[q].key.as_str(), Some(q)))
                .collect()
        };
        for (piece, q) in pieces {
            // Stems are sorted longest first, so the most specific wins.
            let Some(stem) = data.stems.iter().find(|s| piece.starts_with(&s.stem)) else {
                continue;
            };
            let exempt = q.and_then(|q| slot.get(q)).is_some_and(|&(b, at)| {
                let keys = &blocks[b].1;
                data.exceptions.iter().any(|e| e.covers(keys, at))
            });
            hits.push(Hit {
                word: i,
                masculine: stem.masculine,
                part: piece.to_string(),
                suggestion: stem.suggestion.clone(),
                exempt,
            });
        }
    }
    hits
}

/// How many masculine-coded and feminine-coded hits the exceptions of
/// `data/lint/gender-exceptions.txt` remove from the prose, with the words.
#[cfg(test)]
pub(crate) fn exempted(prose: &Prose, data: &Data) -> (usize, usize, Vec<String>) {
    let hits: Vec<Hit> = gender_hits(prose, data, &[])
        .into_iter()
        .filter(|h| h.exempt)
        .collect();
    let masculine = hits.iter().filter(|h| h.masculine).count();
    (
        masculine,
        hits.len() - masculine,
        hits.into_iter().map(|h| h.part).collect(),
    )
}

/// Scores the prose's gender coding.
pub(crate) fn balance(prose: &Prose, data: &Data, allow: &[String]) -> GenderBalance {
    let hits: Vec<Hit> = gender_hits(prose, data, allow)
        .into_iter()
        .filter(|h| !h.exempt)
        .collect();
    let words = |masculine: bool| {
        let mut out: Vec<String> = Vec::new();
        for h in hits.iter().filter(|h| h.masculine == masculine) {
            if !out.contains(&h.part) {
                out.push(h.part.clone());
            }
        }
        out
    };
    let masculine = hits.iter().filter(|h| h.masculine).count();
    let feminine = hits.len() - masculine;
    let score =
        i64::try_from(feminine).unwrap_or(i64::MAX) - i64::try_from(masculine).unwrap_or(i64::MAX);
    GenderBalance {
        masculine,
        feminine,
        score,
        verdict: verdict(score, hits.is_empty()),
        masculine_words: words(true),
        feminine_words: words(false),
    }
}

/// The Gender Decoder's verdict for a score.
fn verdict(score: i64, empty: bool) -> &'static str {
    match score {
        _ if empty => "empty",
        s if s > 3 => "strongly feminine-coded",
        s if s > 0 => "feminine-coded",
        0 => "neutral",
        s if s >= -3 => "masculine-coded",
        _ => "strongly masculine-coded",
    }
}

/// Every wording rule.
pub(crate) fn check(input: &LintInput<'_>) -> Vec<Finding> {
    let mut out = gender_coded(input);
    out.extend(gender_balance(input));
    out.extend(terms(input));
    out
}

/// `wording/gender-coded`: a warning for each masculine-coded word.
pub(crate) fn gender_coded(input: &LintInput<'_>) -> Vec<Finding> {
    let prose = input.prose;
    gender_hits(prose, input.data, &input.settings.allow_words)
        .into_iter()
        .filter(|h| h.masculine && !h.exempt)
        .map(|h| {
            let f = Finding::new(
                GENDER_CODED,
                Severity::Warning,
                format!("\"{}\" is masculine-coded", prose.word(h.word)),
                prose.place_words(h.word, h.word),
            );
            match h.suggestion {
                Some(s) => f.suggest(s),
                None => f,
            }
        })
        .collect()
}

/// `wording/gender-balance`: a warning when the document is strongly
/// masculine-coded, a note when it is masculine-coded.
pub(crate) fn gender_balance(input: &LintInput<'_>) -> Vec<Finding> {
    let b = balance(input.prose, input.data, &input.settings.allow_words);
    let severity = match b.verdict {
        "strongly masculine-coded" => Severity::Warning,
        "masculine-coded" => Severity::Note,
        _ => return Vec::new(),
    };
    vec![
        Finding::new(
            GENDER_BALANCE,
            severity,
            format!(
                "the wording is {}: {} masculine-coded {} against {} feminine-coded",
                b.verdict,
                b.masculine,
                if b.masculine == 1 { "word" } else { "words" },
                b.feminine
            ),
            input.document_place(),
        )
        .suggest(
            "replace some masculine-coded words, and say how the team works together and supports new hires",
        ),
    ]
}

fn part_matches(pattern: &str, key: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => key.starts_with(prefix),
        None => key == pattern,
    }
}

/// `wording/exclusionary` and `wording/jargon`: each listed word or phrase,
/// with what to write instead. The longest match at a place wins.
pub(crate) fn terms(input: &LintInput<'_>) -> Vec<Finding> {
    let prose = input.prose;
    let parts = phrase::parts(prose);
    let mut all = team_terms(input.settings);
    all.extend(input.data.terms.iter().cloned());
    // Longest first; on a tie the team's own word wins.
    all.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    let mut out = Vec::new();
    let mut p = 0;
    while p < parts.len() {
        let block = parts[p].block;
        let hit = all.iter().find(|t| {
            t.words.iter().enumerate().all(|(k, pat)| {
                parts
                    .get(p + k)
                    .is_some_and(|part| part.block == block && part_matches(pat, &part.key))
            })
        });
        let Some(term) = hit else {
            p += 1;
            continue;
        };
        let n = term.words.len();
        if exempt_term(input.data, &parts, p) {
            p += n;
            continue;
        }
        let (first, last) = (parts[p].word, parts[p + n - 1].word);
        let matched: Vec<&str> = parts[p..p + n].iter().map(|x| x.key.as_str()).collect();
        p += n;
        if is_allowed(&input.settings.allow_words, &matched.join(" ")) {
            continue;
        }
        out.push(
            Finding::new(
                term.rule,
                term.severity,
                format!(
                    "\"{}\" {}",
                    Prose::quoted(prose.words_text(first, last)),
                    term.why
                ),
                prose.place_words(first, last),
            )
            .suggest(term.suggestion.clone()),
        );
    }
    out
}

/// Whether a line of `data/lint/term-exceptions.txt` covers the part at
/// `p` ("young children").
fn exempt_term(data: &Data, parts: &[phrase::Part], p: usize) -> bool {
    let block = parts[p].block;
    let start = (0..p)
        .rev()
        .take_while(|&q| parts[q].block == block)
        .last()
        .unwrap_or(p);
    let end = (p..parts.len())
        .take_while(|&q| parts[q].block == block)
        .last()
        .map_or(p, |q| q + 1);
    let keys: Vec<&str> = parts[start..end].iter().map(|x| x.key.as_str()).collect();
    data.term_exceptions
        .iter()
        .any(|e| e.covers(&keys, p - start))
}

/// The team's `lint.flag_words` as terms of `wording/team-word`.
fn team_terms(settings: &LintSettings) -> Vec<Term> {
    settings
        .flag_words
        .iter()
        .filter_map(|f| {
            let words: Vec<String> = f
                .word
                .split([' ', '-', '‑'])
                .filter(|w| !w.is_empty())
                .map(normalize)
                .collect();
            (!words.is_empty()).then(|| Term {
                words,
                rule: TEAM_WORD,
                severity: f.severity.severity(),
                why: f
                    .why
                    .clone()
                    .unwrap_or_else(|| "is on the team's list of words to avoid".to_string()),
                suggestion: f.instead.clone().unwrap_or_else(|| "reword it".to_string()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod agreement;
