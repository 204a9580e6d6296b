//! Readability and length: Flesch reading ease, Flesch-Kincaid grade,
//! sentence length, word count, and the title and description limits of
//! the main job boards.
//!
//! The formulas (Flesch 1948; Kincaid et al. 1975):
//!
//! - reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
//! - grade level  = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//!
//! They are computed over paragraphs and list items (headings and table
//! cells are not sentences). Sentences end as [`sentences`] says: at the
//! end of a paragraph or item, at `.`, `!` or `?` unless after an
//! abbreviation or an initial, and at a line break before a line that
//! starts as a sentence does. Syllables are counted by [`syllables`].

use serde::Serialize;

pub(crate) mod sentences;
pub(crate) mod syllables;

pub(crate) use syllables::syllables;

use super::prose::{BlockKind, Prose};
use super::{Finding, LintInput, Place, Severity, Subject};

/// Reading ease below the target.
pub(crate) const READING_EASE: &str = "readability/reading-ease";
/// Grade level above the target.
pub(crate) const GRADE_LEVEL: &str = "readability/grade-level";
/// Long sentences on average.
pub(crate) const SENTENCE_LENGTH: &str = "readability/sentence-length";
/// More words than the target.
pub(crate) const TOO_LONG: &str = "length/too-long";
/// Fewer words than the target.
pub(crate) const TOO_SHORT: &str = "length/too-short";
/// Longer than a job board accepts.
pub(crate) const BOARD_LIMIT: &str = "length/board-limit";

/// A document's length and readability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Readability {
    /// Words in the document (headings and tables included).
    pub words: usize,
    /// Characters of the document's text.
    pub characters: usize,
    /// Sentences in paragraphs and list items.
    pub sentences: usize,
    /// Words in those sentences.
    pub sentence_words: usize,
    /// Syllables in those words.
    pub syllables: usize,
    /// `sentence_words / sentences`, to one decimal.
    pub average_sentence_words: f64,
    /// Flesch reading ease, to one decimal; none without sentences.
    pub flesch_reading_ease: Option<f64>,
    /// Flesch-Kincaid grade level, to one decimal; none without sentences.
    pub flesch_kincaid_grade: Option<f64>,
    /// Bytes of the document's text (UTF-8), for limits set in bytes.
    #[serde(skip)]
    pub bytes: usize,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Measures a document.
pub(crate) fn measure(prose: &Prose) -> Readability {
    let mut sentences = 0;
    let mut sentence_words = 0;
    let mut syllable_count = 0;
    for (i, w) in prose.words.iter().enumerate() {
        let Some(block) = prose.blocks.get(w.block) else {
            continue;
        };
        if !matches!(block.kind, BlockKind::Para | BlockKind::Item) {
            continue;
        }
        sentence_words += 1;
        syllable_count += syllables(prose.word(i));
        let next = prose.words.get(i + 1).filter(|n| n.block == w.block);
        let ends = match next {
            None => true,
            Some(n) => sentences::ends_between(&prose.text, w.range.clone(), n.range.start),
        };
        if ends {
            sentences += 1;
        }
    }
    let (characters, bytes) = prose
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| prose.block_text(b))
        .fold((0, 0), |(c, n), t| {
            (c + t.chars().count() + 1, n + t.len() + 1)
        });
    let (ease, grade, avg) = if sentences > 0 && sentence_words > 0 {
        let wps = sentence_words as f64 / sentences as f64;
        let spw = syllable_count as f64 / sentence_words as f64;
        (
            Some(round1(206.835 - 1.015 * wps - 84.6 * spw)),
            Some(round1(0.39 * wps + 11.8 * spw - 15.59)),
            round1(wps),
        )
    } else {
        (None, None, 0.0)
    };
    Readability {
        words: prose.words.len(),
        characters: characters.saturating_sub(1),
        sentences,
        sentence_words,
        syllables: syllable_count,
        average_sentence_words: avg,
        flesch_reading_ease: ease,
        flesch_kincaid_grade: grade,
        bytes: bytes.saturating_sub(1),
    }
}

/// The reading level of a Flesch reading ease score, by the usual bands.
pub(crate) fn ease_band(score: f64) -> &'static str {
    match score {
        s if s >= 90.0 => "5th grade, very easy",
        s if s >= 80.0 => "6th grade",
        s if s >= 70.0 => "7th grade",
        s if s >= 60.0 => "8th-9th grade, plain English",
        s if s >= 50.0 => "10th-12th grade",
        s if s >= 30.0 => "college",
        _ => "college graduate",
    }
}

/// Every readability and length rule.
pub(crate) fn check(input: &LintInput<'_>) -> Vec<Finding> {
    let r = measure(input.prose);
    let s = input.settings;
    let doc = input.document_place();
    let mut out = Vec::new();
    if let Some(ease) = r.flesch_reading_ease
        && ease < s.min_reading_ease
    {
        out.push(
            Finding::new(
                READING_EASE,
                Severity::Warning,
                format!(
                    "Flesch reading ease is {ease:.1} ({}), below the target of {}",
                    ease_band(ease),
                    s.min_reading_ease
                ),
                doc.clone(),
            )
            .suggest("use shorter sentences and everyday words; 60-70 is plain English"),
        );
    }
    if let Some(grade) = r.flesch_kincaid_grade
        && grade > s.max_grade
    {
        out.push(
            Finding::new(
                GRADE_LEVEL,
                Severity::Note,
                format!(
                    "Flesch-Kincaid grade level is {grade:.1}, above the target of {}",
                    s.max_grade
                ),
                doc.clone(),
            )
            .suggest("job ads read best at 8th grade or lower"),
        );
    }
    if r.sentences > 0 && r.average_sentence_words > s.max_sentence_words {
        out.push(
            Finding::new(
                SENTENCE_LENGTH,
                Severity::Warning,
                format!(
                    "sentences average {:.1} words, above the target of {}",
                    r.average_sentence_words, s.max_sentence_words
                ),
                doc.clone(),
            )
            .suggest("aim for 8-13 words a sentence; split long ones"),
        );
    }
    let brief = input.subject.document() == crate::builtin::JOB_BRIEF;
    let (min_words, max_words) = s.word_targets(input.subject.document());
    if r.words > max_words {
        let why = if brief {
            "a brief is one paragraph for a social post or a job alert"
        } else {
            "apply rates fall for posts over 700 words"
        };
        out.push(
            Finding::new(
                TOO_LONG,
                Severity::Warning,
                format!("{} words, more than the target of {max_words}", r.words),
                doc.clone(),
            )
            .suggest(format!("{why}; keep to {min_words}-{max_words}")),
        );
    } else if r.words < min_words {
        let what = if brief { "brief" } else { "post" };
        out.push(
            Finding::new(
                TOO_SHORT,
                Severity::Note,
                format!("{} words, fewer than the target of {min_words}", r.words),
                doc.clone(),
            )
            .suggest(format!(
                "check that the {what} says what the job is, what it pays and how to apply"
            )),
        );
    }
    out.extend(board_limits(input, &r));
    out
}

/// The title a board would show, with where it is written.
fn title(input: &LintInput<'_>) -> Option<(String, Place)> {
    match input.subject {
        Subject::Role {
            role, file, source, ..
        } => {
            let (line, column) = crate::diag::find_yaml_key(source, "title");
            Some((
                role.title.clone(),
                Place {
                    file: file.to_string(),
                    line,
                    column,
                    len: "title".len(),
                },
            ))
        }
        Subject::File { .. } => input.prose.title().map(|range| {
            (
                input
                    .prose
                    .text
                    .get(range.clone())
                    .unwrap_or("")
                    .to_string(),
                input.prose.place_text(range),
            )
        }),
    }
}

/// `length/board-limit`: one finding per field, naming every board whose
/// limit is exceeded (a note when only unconfirmed limits are).
fn board_limits(input: &LintInput<'_>, r: &Readability) -> Vec<Finding> {
    let title = title(input);
    let mut out = Vec::new();
    for field in ["title", "description"] {
        let (chars, bytes, place) = match (field, &title) {
            ("title", Some((t, place))) => (t.chars().count(), t.len(), place.clone()),
            ("title", None) => continue,
            _ => (r.characters, r.bytes, input.document_place()),
        };
        let over: Vec<_> = input
            .data
            .limits
            .iter()
            .filter(|l| l.field == field && (if l.bytes { bytes } else { chars }) > l.limit)
            .collect();
        if over.is_empty() {
            continue;
        }
        let severity = if over.iter().any(|l| !l.uncertain) {
            Severity::Warning
        } else {
            Severity::Note
        };
        let boards: Vec<String> = over
            .iter()
            .map(|l| {
                format!(
                    "{} ({} {}{})",
                    l.board,
                    l.limit,
                    if l.bytes { "bytes" } else { "characters" },
                    if l.uncertain { ", unconfirmed" } else { "" }
                )
            })
            .collect();
        out.push(
            Finding::new(
                BOARD_LIMIT,
                severity,
                format!(
                    "the {field} has {chars} characters, more than {} {}",
                    boards.join(", "),
                    if boards.len() == 1 { "allows" } else { "allow" }
                ),
                place,
            )
            .suggest(if field == "title" {
                "use the plain job title, without location, pay or slogans"
            } else {
                "shorten the description"
            }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flesch_scores_follow_the_formulas() {
        // 2 sentences, 8 words, 10 syllables.
        let p = Prose::from_text("a.txt", "The cat sat. The dog ran to the table.".into());
        let r = measure(&p);
        assert_eq!((r.sentences, r.sentence_words, r.syllables), (2, 9, 10));
        let wps = 9.0 / 2.0;
        let spw = 10.0 / 9.0;
        assert_eq!(
            r.flesch_reading_ease,
            Some(round1(206.835 - 1.015 * wps - 84.6 * spw))
        );
        assert_eq!(
            r.flesch_kincaid_grade,
            Some(round1(0.39 * wps + 11.8 * spw - 15.59))
        );
        assert_eq!(r.average_sentence_words, 4.5);
    }

    #[test]
    fn sentences_end_at_punctuation_and_block_ends() {
        for (text, n) in [
            ("One two. Three four! Five?", 3),
            ("Pay is $26.99 an hour. Apply", 2),
            ("- Answer calls\n- Log tickets\n", 2),
            ("# Heading\n\nBody text here", 1),
            ("Ends with a quote.\" Next one", 2),
        ] {
            let p = Prose::from_markdown("a.md", text.into());
            assert_eq!(measure(&p).sentences, n, "{text}");
        }
    }

    #[test]
    fn ease_bands() {
        assert_eq!(ease_band(95.0), "5th grade, very easy");
        assert_eq!(ease_band(65.0), "8th-9th grade, plain English");
        assert_eq!(ease_band(10.0), "college graduate");
    }
}
