//! Where sentences end, for the Flesch formulas.
//!
//! A sentence ends at the end of a paragraph or list item; at `.`, `!` or
//! `?` (closing quotes and brackets may follow) before a space, unless the
//! word before is a known abbreviation or an initial, or a full stop is
//! followed by a comma or by a word in lower case; and at a line break
//! inside a block when the next line starts as a sentence does (a capital
//! or a digit) and the line does not end mid-phrase (`,`, `;`, `-`, `&`,
//! `/`, `(`). The tokenizer keeps decimals (`$18.50`) and numbers
//! (`56,140`) in one word and URLs out of the words, so the dots in them
//! never end a sentence; a URL or an email address ending a sentence
//! (`apply at jobs@acme.example.`) ends it by the `.` after it.

/// Abbreviations that never end a sentence: titles and words that always
/// have something after them. Lower-case, with their dots.
const NEVER_END: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "sr.", "st.", "vs.", "e.g.", "i.e.", "u.s.", "approx.", "dept.",
    "ext.", "no.", "avg.", "hrs.", "yrs.", "mt.", "ft.", "feb.", "aug.", "sept.", "nov.",
];

/// Abbreviations that may end a sentence: they do when the next word
/// starts with a capital ("... at Acme Inc. We offer" but "Acme Inc. is").
const MAY_END: &[&str] = &[
    "inc.", "ltd.", "co.", "corp.", "llc.", "jr.", "etc.", "a.m.", "p.m.", "u.k.", "d.c.",
];

/// Closing quotes and brackets that may follow a sentence's last mark.
const CLOSERS: &[char] = &['"', '\'', ')', ']', '”', '’', '*', '_'];

/// Whether the sentence ends between a word and the next one of its block.
/// `text` is the block's text; `word` the byte range of the word in it and
/// `next_start` where the next word starts.
pub(crate) fn ends_between(text: &str, word: std::ops::Range<usize>, next_start: usize) -> bool {
    let Some(gap) = text.get(word.end..next_start) else {
        return false;
    };
    let next = text.get(next_start..).unwrap_or("");
    let next_is_capital = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // The marks stuck to the word, up to the first blank.
    let attached_len = gap.find(char::is_whitespace).unwrap_or(gap.len());
    let attached = &gap[..attached_len];
    let marks = attached.trim_start_matches(CLOSERS);
    if attached_len < gap.len() && marks.starts_with(['.', '!', '?']) {
        if !marks.starts_with('.') || marks.starts_with("..") {
            return true;
        }
        // "Mon.–Fri., 8 a.m." and "150 lbs. with a dolly": a full stop
        // before a comma, or before a word in lower case, ends nothing.
        let next_is_lower = next.chars().next().is_some_and(char::is_lowercase);
        if marks.contains([',', ';', ':']) || next_is_lower {
            return false;
        }
        let token = token_before(text, word.start, word.end + attached_len);
        if NEVER_END.contains(&token.as_str()) {
            return token == "no." && !next.starts_with(|c: char| c.is_ascii_digit());
        }
        if MAY_END.contains(&token.as_str()) {
            return next_is_capital;
        }
        if is_initials(&token) {
            return false;
        }
        return true;
    }
    // A URL or an address between the words, ended by a mark (or a mark
    // left alone where a link's text was: "apply at <url>.").
    let rest = &gap[attached_len..];
    if rest
        .split_whitespace()
        .any(|piece| piece.trim_end_matches(CLOSERS).ends_with(['.', '!', '?']))
    {
        return true;
    }
    // A line break where the next line starts a sentence.
    if let Some(nl) = gap.find('\n') {
        let before = gap[..nl].trim_end();
        let mid_phrase = before.ends_with([',', ';', '-', '–', '&', '/', '(', '+']);
        return next_is_capital && !mid_phrase;
    }
    false
}

/// The blank-delimited token that ends at `end` and holds the word that
/// starts at `word_start`, lower-case, without opening quotes or brackets
/// and without closers after its last dot: `(e.g.` → `e.g.`.
fn token_before(text: &str, word_start: usize, end: usize) -> String {
    let start = text[..word_start]
        .rfind(char::is_whitespace)
        .map_or(0, |p| {
            p + text[p..].chars().next().map_or(1, char::len_utf8)
        });
    let token = text.get(start..end).unwrap_or("");
    let token = token.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '*', '_']);
    let token = token.trim_end_matches(CLOSERS);
    token.to_lowercase()
}

/// `J.`, `J.R.`: single letters, each followed by a dot.
fn is_initials(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() >= 2
        && parts.last() == Some(&"")
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use crate::lint::prose::Prose;
    use crate::lint::readability::measure;

    fn sentences(text: &str) -> usize {
        measure(&Prose::from_text("a.txt", text.into())).sentences
    }

    /// Issue "Lint that holds on real job ads": sentences split at "Sr.",
    /// "Inc.", "U.S.", "e.g." and inside URLs.
    #[test]
    fn abbreviations_initials_decimals_and_urls_do_not_end_sentences() {
        for (text, n) in [
            ("We need a Sr. Analyst for our team.", 1),
            ("Join Acme Inc. as a driver.", 1),
            ("Join us at Acme Inc. We pay weekly.", 2),
            ("You must be able to work in the U.S. without a visa.", 1),
            ("Use tools (e.g. Excel, i.e. sheets) daily.", 1),
            ("Report to Dr. Lee and Mr. J. R. Smith today.", 1),
            ("Pay is $18.50 an hour. Apply now.", 2),
            (
                "Apply at https://jobs.acme.example/apply?id=1.5 today. Thanks.",
                2,
            ),
            ("Apply at https://jobs.acme.example/cook. We reply fast.", 2),
            ("Email jobs@acme.example. We reply in a day.", 2),
            ("Apply at . Then wait.", 2),
            ("Lift boxes, bags, etc. and stack them.", 1),
            ("Cook eggs, toast, etc. Then clean up.", 2),
            ("Badge No. 5 is yours. Wear it.", 2),
            ("Why work here? Great pay! Fair hours...", 3),
            ("He said \"go.\" Then he left.", 2),
            ("Shifts start at 6 a.m. and end at 2 p.m. daily.", 1),
            ("Open Mon.–Fri., 8 a.m. to 4:30 p.m. Call us.", 2),
            ("Lift 150 lbs. with a dolly. Drive safely.", 2),
            ("Work at St. Mary's Hospital vs. a clinic.", 1),
        ] {
            assert_eq!(sentences(text), n, "{text}");
        }
    }

    /// Reading ease on ads with bullet lists was far from a line-aware
    /// reference: a line break ends a sentence when the next line starts one.
    #[test]
    fn line_breaks_end_sentences_when_the_next_line_starts_one() {
        for (text, n) in [
            ("Requirements\nValid license\nClean record\n", 3),
            ("We are looking for a cook who\nknows the grill well.\n", 1),
            ("Skills: lifting,\nStacking and sorting\n", 1),
            ("Cashier\nWe hire now.\n", 2),
            ("- Answer calls\n- Log tickets\n", 2),
        ] {
            assert_eq!(sentences(text), n, "{text:?}");
        }
        let md = Prose::from_markdown("a.md", "Pay: $18 an hour<br>Hours: days<BR/>Apply".into());
        assert_eq!(measure(&md).sentences, 3);
    }
}
