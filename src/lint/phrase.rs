//! Phrases written in lint's data files, matched against a document's words:
//! the shapes of EEO statements (`data/lint/eeo.csv`) and the phrases whose
//! gender-coded word is not about the candidate
//! (`data/lint/gender-exceptions.txt`).
//!
//! A phrase is words separated by spaces, matched against consecutive word
//! parts of one block (lower-cased, apostrophes dropped, hyphenated words
//! split). In a phrase, `a|b` matches either word; a `*` at the end of a
//! word matches any ending; `...` skips up to [`GAP`] words; `[word]` marks
//! the word a gender exception is about.

use crate::lint::prose::Prose;

/// The most words `...` skips.
pub(crate) const GAP: usize = 8;

/// One word of a phrase: its alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// Alternatives: `(text, any ending)`.
    Word(Vec<(String, bool)>),
    /// `...`.
    Gap,
}

/// A parsed phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// As written in the data file.
    pub text: String,
    items: Vec<Item>,
    /// The index of the `[word]`, if any.
    pub target: Option<usize>,
}

impl Phrase {
    /// Parses a phrase; an error says what is wrong with it.
    pub(crate) fn parse(text: &str) -> Result<Phrase, String> {
        let mut items = Vec::new();
        let mut target = None;
        for raw in text.split_whitespace() {
            if raw == "..." {
                if items.is_empty() {
                    return Err(format!("`{text}` starts with `...`"));
                }
                items.push(Item::Gap);
                continue;
            }
            let word = match raw.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
                Some(w) => {
                    if target.is_some() {
                        return Err(format!("`{text}` marks two words with `[ ]`"));
                    }
                    target = Some(items.len());
                    w
                }
                None => raw,
            };
            let alts = word
                .split('|')
                .map(|a| {
                    let a = a.to_lowercase();
                    match a.strip_suffix('*') {
                        Some(p) => (p.to_string(), true),
                        None => (a, false),
                    }
                })
                .collect::<Vec<_>>();
            if alts
                .iter()
                .any(|(a, _)| a.is_empty() || !a.chars().all(char::is_alphanumeric))
            {
                return Err(format!(
                    "`{text}`: `{raw}` is not a word (letters and digits, `|`, a final `*`)"
                ));
            }
            items.push(Item::Word(alts));
        }
        if items.is_empty() {
            return Err("an empty phrase".to_string());
        }
        if target.is_some() && items.contains(&Item::Gap) {
            return Err(format!("`{text}`: a phrase with `[ ]` cannot have `...`"));
        }
        Ok(Phrase {
            text: text.to_string(),
            items,
            target,
        })
    }

    /// Whether the phrase matches `keys` from `at`: the index just past the
    /// match.
    pub(crate) fn match_at(&self, keys: &[&str], at: usize) -> Option<usize> {
        self.match_from(0, keys, at)
    }

    fn match_from(&self, item: usize, keys: &[&str], at: usize) -> Option<usize> {
        let Some(it) = self.items.get(item) else {
            return Some(at);
        };
        match it {
            Item::Gap => (0..=GAP)
                .take_while(|skip| at + skip <= keys.len())
                .find_map(|skip| self.match_from(item + 1, keys, at + skip)),
            Item::Word(alts) => {
                let key = keys.get(at)?;
                alts.iter()
                    .any(|(a, prefix)| {
                        if *prefix {
                            key.starts_with(a.as_str())
                        } else {
                            key == a
                        }
                    })
                    .then(|| self.match_from(item + 1, keys, at + 1))
                    .flatten()
            }
        }
    }

    /// Whether the phrase matches with its `[word]` (or, without one, its
    /// first word) at `at`.
    pub(crate) fn covers(&self, keys: &[&str], at: usize) -> bool {
        let t = self.target.unwrap_or(0);
        at.checked_sub(t)
            .is_some_and(|start| self.match_at(keys, start).is_some())
    }
}

/// A word part: hyphenated words are split into parts.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Lower-case, without apostrophes.
    pub key: String,
    /// The index of its word in the prose.
    pub word: usize,
    /// The index of its block.
    pub block: usize,
}

/// Every word part of the prose, in order.
pub(crate) fn parts(prose: &Prose) -> Vec<Part> {
    let mut out = Vec::new();
    for (i, w) in prose.words.iter().enumerate() {
        let key = prose.key(i);
        for p in key.split(['-', '‑']).filter(|p| !p.is_empty()) {
            out.push(Part {
                key: p.to_string(),
                word: i,
                block: w.block,
            });
        }
    }
    out
}

/// The parts of each block, as `(first part index, keys)`.
pub(crate) fn blocks(parts: &[Part]) -> Vec<(usize, Vec<&str>)> {
    let mut out: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut last = None;
    for (i, p) in parts.iter().enumerate() {
        if last != Some(p.block) {
            out.push((i, Vec::new()));
            last = Some(p.block);
        }
        if let Some((_, keys)) = out.last_mut() {
            keys.push(p.key.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        text.split([' ', '-', '/'])
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    #[test]
    fn words_alternatives_endings_and_gaps() {
        let cases = [
            ("equal opportunit*", "Equal Opportunities", true),
            ("equal opportunit*", "equal pay", false),
            ("eoe", "EOE/AA M/F/D/V", true),
            ("eoe", "shoe", false),
            (
                "without regard to ... race|sex|religion",
                "without regard to their race",
                true,
            ),
            (
                "without regard to ... race|sex",
                "without regard to experience or schooling",
                false,
            ),
            (
                "not ... discriminat*",
                "does not unlawfully discriminate",
                true,
            ),
        ];
        for (phrase, text, want) in cases {
            let p = Phrase::parse(phrase).unwrap();
            let k = keys(text);
            let k: Vec<&str> = k.iter().map(String::as_str).collect();
            let found = (0..k.len()).any(|i| p.match_at(&k, i).is_some());
            assert_eq!(found, want, "{phrase} / {text}");
        }
    }

    #[test]
    fn a_marked_word_is_covered_only_in_its_phrase() {
        let p = Phrase::parse("sales [leads]").unwrap();
        let k = ["follow", "up", "on", "sales", "leads"];
        assert!(p.covers(&k, 4));
        assert!(!p.covers(&k, 3));
        assert!(!p.covers(&["leads", "the", "team"], 0));
    }

    #[test]
    fn bad_phrases_are_refused() {
        for bad in ["", "... race", "[a] [b]", "[lead] ... x", "a,b", "x*y"] {
            assert!(Phrase::parse(bad).is_err(), "{bad}");
        }
    }
}
