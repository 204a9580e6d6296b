//! Finding where a rendered word was written: in the role profile, the
//! company file or a template.
//!
//! A rendered post is made of strings from those files, re-wrapped and
//! marked up, so a word's line in the output says nothing about its line in
//! the profile. The [`Finder`] compares words instead: it looks for the
//! flagged words together with up to three words on each side, in every
//! source, as a run of consecutive words, and narrows the context until it
//! finds them. The widest match wins; among equal matches, one not already
//! given to an earlier word, so a word used twice points at both places.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::prose::{normalize, tokenize};
use super::{Lines, Place};

/// Words of context tried on each side of the flagged words.
const CONTEXT: usize = 3;

/// A file to look for words in.
#[derive(Debug, Clone)]
pub(crate) struct SourceText {
    /// The file, as shown to the user.
    pub file: String,
    /// Its text.
    pub text: String,
}

#[derive(Debug)]
struct Indexed {
    source: SourceText,
    /// Byte ranges of the source's words.
    words: Vec<std::ops::Range<usize>>,
    keys: Vec<String>,
    lines: Lines,
}

/// Finds rendered words in their sources (see the module docs).
#[derive(Debug)]
pub(crate) struct Finder {
    sources: Vec<Indexed>,
    /// Where each word key occurs: (source, word index).
    index: HashMap<String, Vec<(usize, usize)>>,
    /// Places already given out, as (source, first word).
    claimed: RefCell<HashSet<(usize, usize)>>,
}

impl Finder {
    /// Indexes the sources, searched in this order.
    pub(crate) fn new(sources: Vec<SourceText>) -> Finder {
        let mut index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let sources: Vec<Indexed> = sources
            .into_iter()
            .enumerate()
            .map(|(si, source)| {
                let (words, _) = tokenize(&source.text);
                let keys: Vec<String> = words
                    .iter()
                    .map(|r| normalize(&source.text[r.clone()]))
                    .collect();
                for (wi, k) in keys.iter().enumerate() {
                    index.entry(k.clone()).or_default().push((si, wi));
                }
                Indexed {
                    lines: Lines::new(&source.text),
                    source,
                    words,
                    keys,
                }
            })
            .collect();
        Finder {
            sources,
            index,
            claimed: RefCell::new(HashSet::new()),
        }
    }

    /// Forgets which places were given out, before a new document.
    pub(crate) fn forget(&self) {
        self.claimed.borrow_mut().clear();
    }

    /// Where the words `first..=last` of a document whose word keys are
    /// `keys` were written, or `None` when no source has them.
    pub(crate) fn find(&self, keys: &[String], first: usize, last: usize) -> Option<Place> {
        if first > last || last >= keys.len() {
            return None;
        }
        for (pre, post) in windows(first, keys.len() - 1 - last) {
            let pattern = &keys[first - pre..=last + post];
            let hits = self.matches(pattern);
            if hits.is_empty() {
                continue;
            }
            let mut claimed = self.claimed.borrow_mut();
            let (si, start) = hits
                .iter()
                .copied()
                .find(|h| !claimed.contains(&(h.0, h.1 + pre)))
                .unwrap_or(hits[0]);
            let (from, to) = (start + pre, start + pre + (last - first));
            claimed.insert((si, from));
            let src = &self.sources[si];
            let (a, b) = (src.words[from].start, src.words[to].end);
            let len = src.source.text[a..b].chars().count();
            return Some(Place::at_offset_in(
                &src.source.file,
                &src.source.text,
                &src.lines,
                a,
                len,
            ));
        }
        None
    }

    /// Every (source, word index) where `pattern` occurs as consecutive words.
    fn matches(&self, pattern: &[String]) -> Vec<(usize, usize)> {
        let Some(starts) = pattern.first().and_then(|k| self.index.get(k)) else {
            return Vec::new();
        };
        starts
            .iter()
            .copied()
            .filter(|&(si, wi)| {
                self.sources[si]
                    .keys
                    .get(wi..wi + pattern.len())
                    .is_some_and(|run| run == pattern)
            })
            .collect()
    }
}

/// The (before, after) context sizes to try, widest first, balanced first
/// among equals, ending with no context at all.
fn windows(before_avail: usize, after_avail: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = (0..=CONTEXT.min(before_avail))
        .flat_map(|pre| (0..=CONTEXT.min(after_avail)).map(move |post| (pre, post)))
        .collect();
    out.sort_by_key(|&(pre, post)| (std::cmp::Reverse(pre + post), pre.abs_diff(post), pre));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let (w, _) = tokenize(s);
        w.iter().map(|r| normalize(&s[r.clone()])).collect()
    }

    #[test]
    fn finds_words_across_folded_lines() {
        let yaml = "overview: >-\n  We want an aggressive,\n  dominant rockstar who\n  ships.\nitems:\n  - Be aggressive about quality\n";
        let f = Finder::new(vec![SourceText {
            file: "roles/x.yaml".into(),
            text: yaml.into(),
        }]);
        let rendered = keys(
            "Role Overview We want an aggressive, dominant rockstar who ships. Be aggressive about quality.",
        );
        let at = |w: &str, nth: usize| {
            rendered
                .iter()
                .enumerate()
                .filter(|(_, k)| *k == w)
                .nth(nth)
                .unwrap()
                .0
        };
        let p = f
            .find(&rendered, at("dominant", 0), at("dominant", 0))
            .unwrap();
        assert_eq!((p.line, p.column, p.len), (3, 3, 8));
        let p = f
            .find(&rendered, at("aggressive", 1), at("aggressive", 1))
            .unwrap();
        assert_eq!((p.line, p.column), (6, 8));
        let p = f
            .find(&rendered, at("aggressive", 0), at("aggressive", 0))
            .unwrap();
        assert_eq!((p.line, p.column), (2, 14));
    }

    #[test]
    fn template_words_are_found_in_templates() {
        let f = Finder::new(vec![
            SourceText {
                file: "roles/x.yaml".into(),
                text: "summary: Key people answer calls\n".into(),
            },
            SourceText {
                file: "builtin:templates/job-post.md".into(),
                text: "## Key Responsibilities\n\n{% for item in role.items %}".into(),
            },
        ]);
        let rendered = keys("Key Responsibilities Answer calls");
        let p = f.find(&rendered, 0, 0).unwrap();
        assert_eq!(p.file, "builtin:templates/job-post.md");
        assert_eq!((p.line, p.column), (1, 4));
        assert!(f.find(&keys("unknown words"), 0, 0).is_none());
    }

    #[test]
    fn windows_go_widest_first() {
        let w = windows(1, 3);
        assert_eq!(w.first(), Some(&(1, 3)));
        assert_eq!(w.last(), Some(&(0, 0)));
        assert_eq!(windows(0, 0), [(0, 0)]);
    }
}
