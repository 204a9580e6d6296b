//! `search`: occupations by title, alternate title or reported title.
//!
//! Titles and the query are folded to ASCII lowercase words (accents
//! dropped, a plural `s` trimmed, a few joining words such as `and` left
//! out). Every query word must match a word of a title: exactly, as the
//! start of a longer word, or with a typo (one edit for words of 4-7
//! letters, two from 8; transpositions count as one edit, so the
//! optimal-string-alignment distance of `strsim`, already in the
//! dependency tree through clap, is the measure). Ranking, best first:
//! fewer typos; then O*NET's title matched whole, its title containing the
//! words, an alternate or reported title matched whole, one containing
//! the words; then fewer extra words; then more of the occupation's
//! titles matching; then the code. The order is total, so results are
//! deterministic.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::data::{self, Entry};
use super::metro::fold_words;

/// What a search hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum MatchKind {
    /// O*NET's title.
    Title,
    /// An alternate or short title (O*NET's search index).
    Alternate,
    /// A title incumbents reported.
    Reported,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Hit {
    /// The O*NET-SOC code.
    pub code: String,
    /// O*NET's title.
    pub title: String,
    /// The title that matched best.
    pub matched: String,
    /// Which kind of title that is.
    pub kind: MatchKind,
}

/// Words that join titles and carry no meaning of their own.
const STOP: [&str; 9] = ["a", "an", "and", "or", "of", "the", "in", "for", "to"];

/// Calls `f` with each search word of a title or query: folded (see
/// `metro::fold`), joining words left out, a plural `s` trimmed.
fn each_word(s: &str, mut f: impl FnMut(&str)) {
    fold_words(s, |w| {
        if STOP.contains(&w) {
            return;
        }
        match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => f(stem),
            _ => f(w),
        }
    });
}

/// The search words of a title or query.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(s, |w| out.push(w.to_string()));
    out
}

/// One searchable title.
struct Doc {
    entry: usize,
    kind: MatchKind,
    text: &'static str,
    words: Vec<u32>,
}

/// Titles as word numbers, built once per process.
struct Index {
    vocab: Vec<String>,
    docs: Vec<Doc>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab = Vec::new();
        let mut docs = Vec::new();
        let entries: &'static [Entry] = super::occupations();
        let titles = data::titles();
        let mut add = |entry: usize, kind: MatchKind, text: &'static str| {
            let mut words = Vec::new();
            each_word(text, |w| {
                let id = match ids.get(w) {
                    Some(id) => *id,
                    None => {
                        let id = vocab.len() as u32;
                        ids.insert(w.to_string(), id);
                        vocab.push(w.to_string());
                        id
                    }
                };
                words.push(id);
            });
            docs.push(Doc {
                entry,
                kind,
                text,
                words,
            });
        };
        for (i, e) in entries.iter().enumerate() {
            add(i, MatchKind::Title, &e.title);
            if let Some((alts, reported)) = titles.get(i) {
                for t in alts {
                    add(i, MatchKind::Alternate, t);
                }
                for t in reported {
                    add(i, MatchKind::Reported, t);
                }
            }
        }
        Index { vocab, docs }
    })
}

/// How far a title word may be from a query word: `None` for no match,
/// else the cost (0 exact, 1 a prefix, else the edits).
fn cost(query: &str, word: &str) -> Option<u32> {
    if query == word {
        return Some(0);
    }
    if query.len() >= 3 && word.starts_with(query) {
        return Some(1);
    }
    let allowed = match query.len() {
        0..=3 => return None,
        4..=7 => 1,
        _ => 2,
    };
    if query.len().abs_diff(word.len()) > allowed {
        return None;
    }
    let d = strsim::osa_distance(query, word);
    (d <= allowed).then_some(d as u32)
}

/// The ranking key of a matching title (lower is better).
type Key = (u32, u8, usize);

/// No match, in a cost table.
const NO: u8 = u8::MAX;

/// `query[q][word]` is the cost of title word `word` for query word `q`.
fn score(doc: &Doc, query: &[Vec<u8>]) -> Option<Key> {
    let mut typos = 0;
    // Titles have at most a dozen words (a test checks 64).
    let mut used = [false; 64];
    if doc.words.len() > used.len() {
        return None;
    }
    for q in query {
        let (pos, c) = doc
            .words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| match q.get(*w as usize) {
                Some(&c) if c != NO => Some((i, u32::from(c))),
                _ => None,
            })
            .min_by_key(|(i, c)| (*c, used[*i], *i))?;
        used[pos] = true;
        typos += c;
    }
    let extra = doc.words.len() - used.iter().filter(|u| **u).count();
    let tier = match (doc.kind, extra) {
        (MatchKind::Title, 0) => 0,
        (MatchKind::Title, _) => 1,
        (_, 0) => 2,
        _ => 3,
    };
    Some((typos, tier, extra))
}

/// The occupations whose titles match `query`, best first, at most
/// `limit` of them. An empty query matches nothing.
pub(crate) fn search(query: &str, limit: usize) -> Vec<Hit> {
    let q = words(query);
    if q.is_empty() || limit == 0 {
        return Vec::new();
    }
    let idx = index();
    // For each query word, the title words it matches and at what cost.
    let matches: Vec<Vec<u8>> = q
        .iter()
        .map(|qw| {
            idx.vocab
                .iter()
                .map(|w| cost(qw, w).map_or(NO, |c| c.min(u32::from(NO) - 1) as u8))
                .collect()
        })
        .collect();
    if matches.iter().any(|m| m.iter().all(|c| *c == NO)) {
        return Vec::new();
    }
    // Best title and number of matching titles per occupation.
    let mut best: HashMap<usize, (Key, usize, usize)> = HashMap::new();
    for (d, doc) in idx.docs.iter().enumerate() {
        let Some(key) = score(doc, &matches) else {
            continue;
        };
        best.entry(doc.entry)
            .and_modify(|(k, doc_at, n)| {
                *n += 1;
                if key < *k {
                    (*k, *doc_at) = (key, d);
                }
            })
            .or_insert((key, d, 1));
    }
    let entries = super::occupations();
    let mut ranked: Vec<(Key, std::cmp::Reverse<usize>, usize, usize)> = best
        .into_iter()
        .map(|(e, (key, d, n))| (key, std::cmp::Reverse(n), e, d))
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(limit)
        .filter_map(|(_, _, e, d)| {
            let entry = entries.get(e)?;
            let doc = idx.docs.get(d)?;
            Some(Hit {
                code: entry.code.clone(),
                title: entry.title.clone(),
                matched: doc.text.to_string(),
                kind: doc.kind,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(query: &str) -> String {
        search(query, 5)
            .first()
            .map(|h| h.code.clone())
            .unwrap_or_default()
    }

    #[test]
    fn common_queries_find_the_expected_occupation_first() {
        for (query, expected) in [
            ("cashier", "41-2011.00"),
            ("registered nurse", "29-1141.00"),
            ("software engineer", "15-1252.00"),
            ("custmer service", "43-4051.00"),
            ("customer service representative", "43-4051.00"),
            ("forklift", "53-7051.00"),
            ("barista", "35-3023.01"),
            ("CASHIERS", "41-2011.00"),
            ("regsitered nurse", "29-1141.00"),
            ("tractor trailer truck driver", "53-3032.00"),
        ] {
            assert_eq!(first(query), expected, "{query}: {:?}", search(query, 5));
        }
    }

    #[test]
    fn truck_driver_finds_both_truck_driver_occupations_at_the_top() {
        let top: Vec<String> = search("truck driver", 3)
            .into_iter()
            .map(|h| h.code)
            .collect();
        assert!(top.contains(&"53-3032.00".to_string()), "{top:?}");
        assert!(top.contains(&"53-3033.00".to_string()), "{top:?}");
    }

    #[test]
    fn no_title_has_more_words_than_a_score_tracks() {
        assert!(index().docs.iter().all(|d| d.words.len() <= 64));
        assert!(index().docs.len() > 50_000, "{}", index().docs.len());
    }

    #[test]
    fn nonsense_and_empty_queries_find_nothing() {
        assert!(search("", 10).is_empty());
        assert!(search("  and of ", 10).is_empty());
        assert!(search("qqqzzzxxx", 10).is_empty());
        assert!(search("cashier", 0).is_empty());
    }

    #[test]
    fn results_are_deterministic_and_limited() {
        let a = search("manager", 20);
        assert_eq!(a.len(), 20);
        assert_eq!(a, search("manager", 20));
        let codes: std::collections::HashSet<&str> = a.iter().map(|h| h.code.as_str()).collect();
        assert_eq!(codes.len(), 20, "one hit per occupation");
    }

    #[test]
    fn words_fold_plurals_accents_and_joining_words() {
        assert_eq!(words("Cashiers"), ["cashier"]);
        assert_eq!(
            words("Heavy and Tractor-Trailer Truck Drivers"),
            ["heavy", "tractor", "trailer", "truck", "driver"]
        );
        assert_eq!(words("Café Business"), ["cafe", "business"]);
    }
}
