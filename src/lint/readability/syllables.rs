//! Counting a word's syllables: a heuristic on its spelling, with a small
//! table of exceptions, measured against the CMU Pronouncing Dictionary on
//! 3,000 words of job-ad text (`tests/fixtures/lint/syllables/`).

/// Words the rules below get wrong, with their syllables (as CMUdict
/// gives them). Kept small: a rule that fixes many words is better.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("any", 2),
    ("business", 2),
    ("businesses", 3),
    ("fluid", 2),
    ("fluids", 2),
    ("hydroelectric", 5),
    ("microorganism", 6),
    ("microorganisms", 6),
    ("nuclear", 3),
    ("people", 2),
    ("photovoltaic", 5),
    ("radioactive", 5),
    ("recipe", 3),
    ("recipes", 3),
    ("science", 2),
    ("sciences", 3),
    ("scientific", 4),
    ("scientist", 3),
    ("scientists", 3),
    ("via", 2),
];

/// Second parts of compounds and suffixes that follow a silent `e`
/// ("management", "safety", "guideline", "warehouse"): the word counts as
/// its two parts.
const AFTER_SILENT_E: &[&str] = &[
    "ment", "ments", "ly", "ty", "ness", "ful", "less", "line", "lines", "house", "houses", "work",
    "works", "stock", "cast", "casts", "casting", "water", "keeping", "style",
];

/// Two consonants before a silent `e` that still leave it silent
/// ("arrange", "enforce", "waste").
const BEFORE_SILENT_E: &[&str] = &["ng", "nc", "rc", "rg", "dg", "ns", "rs", "st"];

/// Counts a word's syllables.
///
/// A word in [`EXCEPTIONS`] has its own count. A compound of a word ending
/// in a silent `e` and one of [`AFTER_SILENT_E`] counts its parts. A word
/// without a vowel (`HR`, `CRM`) is spelled out, a letter a syllable (`w`:
/// three). Otherwise one syllable per group of vowels, where `y` is a vowel
/// except first or between two vowels ("layer" is lay-er), and a group is
/// cut in two where the vowels are said apart: `ia`, `io`, `eo`, `ua`, `uo`,
/// `iu` mostly ("media", "radio", "video", "manual", but not "special",
/// "nation", "surgeon", "quality"), `ie` before `nt`/`nc`/`t` or in a final
/// `-ier(s)` ("client", "experience", "diet", "carrier", but not "patient",
/// "cashier"), a final `-ea(s)` ("area"), `cre-a`, `re-a`, `re-i` and
/// `co-or` at the start, `y` before a vowel after a consonant ("apply-ing")
/// and a vowel before a final `-ing` ("be-ing"). Then a final silent `e`
/// after a consonant does not count (but `-le`, `-les`, `-led` after a
/// consonant do, as in "table", "bottles"), nor does the `e` of a final
/// `-es` or `-ed` that adds no sound ("makes", "jumped", but not "boxes",
/// "wanted"), nor a final `ue` after `q` or `g` after a vowel ("unique",
/// "colleagues"); a final `-ire(s)`/`-ired` adds one ("tire", "desired"),
/// and so does a final `-sm` or `-thm` ("mechanism", "algorithm"). Words of
/// three letters or fewer, numbers, and every word, have at least one.
/// Hyphenated words count their parts.
pub(crate) fn syllables(word: &str) -> usize {
    if word.contains(['-', '‑']) {
        return word
            .split(['-', '‑'])
            .filter(|p| !p.is_empty())
            .map(syllables)
            .sum::<usize>()
            .max(1);
    }
    // "résumé" is counted as "resume".
    let lower = deunicode::deunicode(word).to_lowercase();
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    if let Some(&(_, n)) = EXCEPTIONS.iter().find(|(w, _)| *w == lower) {
        return n;
    }
    let w: Vec<char> = lower.chars().filter(char::is_ascii_alphabetic).collect();
    if w.is_empty() {
        return 1;
    }
    if !w
        .iter()
        .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    {
        // An abbreviation said letter by letter.
        return w.iter().map(|&c| if c == 'w' { 3 } else { 1 }).sum();
    }
    if w.len() <= 3 {
        return 1;
    }
    if let Some(n) = compound(&w) {
        return n;
    }
    count(&w).max(1)
}

/// A word made of a stem ending in a silent `e` and a second part.
fn compound(w: &[char]) -> Option<usize> {
    let s: String = w.iter().collect();
    AFTER_SILENT_E.iter().find_map(|part| {
        let k = s.strip_suffix(part)?.len();
        let stem = &w[..k];
        let pair: String = stem[k.saturating_sub(3)..k.saturating_sub(1)]
            .iter()
            .collect();
        let silent_e = k >= 4
            && stem[k - 1] == 'e'
            && !is_plain_vowel(stem[k - 2])
            && (is_plain_vowel(stem[k - 3]) || BEFORE_SILENT_E.contains(&pair.as_str()));
        silent_e.then(|| count(stem).max(1) + count(&w[k..]).max(1))
    })
}

fn is_plain_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The vowel-group count with its corrections (see [`syllables`]).
fn count(w: &[char]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let at = |i: usize| w.get(i).copied().unwrap_or(' ');
    let is_vowel = |i: usize| match at(i) {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        // `y` is a consonant first and between two vowels ("layer").
        'y' => i > 0 && !(i + 1 < n && is_plain_vowel(at(i - 1)) && is_plain_vowel(at(i + 1))),
        _ => false,
    };
    let starts_with = |p: &str| w.iter().take(p.len()).copied().eq(p.chars());
    let ends_with = |p: &str| n >= p.len() && w[n - p.len()..].iter().copied().eq(p.chars());
    // Whether the vowels at `i - 1` and `i` are said apart.
    let split = |i: usize| -> bool {
        let (a, b) = (at(i - 1), at(i));
        let before = if i >= 2 { at(i - 2) } else { ' ' };
        let after = at(i + 1);
        if a == 'y' {
            return true;
        }
        if b == 'i' && i + 3 == n && ends_with("ing") && matches!(a, 'a' | 'e' | 'o' | 'u') {
            return true;
        }
        match (a, b) {
            ('i', 'a') => !(matches!(before, 'c' | 't' | 'g') && matches!(after, 'l' | 'n')),
            ('i', 'o') => {
                !(matches!(before, 't' | 's' | 'c' | 'g' | 'x')
                    || matches!(before, 'l' | 'n' | 'v') && matches!(after, 'n' | 'r'))
            }
            ('e', 'o') => !(before == 'g' && i > 2),
            ('u', 'a') => !matches!(before, 'q' | 'g'),
            ('u', 'o') => before != 'q',
            ('i', 'u') => true,
            // "continuity", "annuity".
            ('u', 'i') => after == 't' && at(i + 2) == 'y',
            ('i', 'e') => {
                let next2 = at(i + 2);
                let ient =
                    after == 'n' && matches!(next2, 't' | 'c') && !matches!(before, 't' | 'c');
                let iet = after == 't';
                let ier = after == 'r'
                    && (i + 2 == n || i + 3 == n && next2 == 's')
                    && !matches!(before, 'h' | 't')
                    && i >= 2
                    && !is_vowel(i - 2);
                ient || iet || ier
            }
            ('e', 'a') => {
                (i >= 3 && at(i - 2) == 'r' && at(i - 3) == 'c' && after == 't' && at(i + 2) != 'u')
                    || (i == 2
                        && starts_with("rea")
                        && ["ss", "pp", "ct", "ll", "rr", "dj"]
                            .iter()
                            .any(|p| w[3..].iter().take(2).copied().eq(p.chars())))
                    || (i >= 2 && (i + 1 == n || i + 2 == n && after == 's'))
            }
            ('e', 'i') => i == 2 && starts_with("rei"),
            ('o', 'o') => i == 2 && starts_with("coo") && matches!(after, 'r' | 'p'),
            _ => false,
        }
    };
    let mut count = 0;
    for i in 0..n {
        if is_vowel(i) && (i == 0 || !is_vowel(i - 1) || split(i)) {
            count += 1;
        }
    }
    let consonant = |i: usize| !is_vowel(i);
    if n >= 4 {
        // "-les", "-led" after a consonant other than `l` ("bottles",
        // "handled", but not "filled").
        let syllabic_l = w[n - 3] == 'l' && consonant(n - 4) && w[n - 4] != 'l';
        let silent = if w[n - 1] == 'e' && consonant(n - 2) {
            // "-le" after a consonant is its own syllable.
            !(w[n - 2] == 'l' && consonant(n - 3))
        } else if w[n - 2] == 'e' && consonant(n - 3) && consonant(n - 1) {
            match w[n - 1] {
                'd' => !matches!(w[n - 3], 't' | 'd') && !syllabic_l,
                's' => !matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g' | 'h') && !syllabic_l,
                _ => false,
            }
        } else {
            false
        };
        if silent && count > 1 {
            count -= 1;
        }
        let silent_ue = (ends_with("ue") || ends_with("ues")) && {
            let u = if ends_with("ue") { n - 2 } else { n - 3 };
            u >= 2 && matches!(w[u - 1], 'q' | 'g') && is_vowel(u - 2)
        };
        if silent_ue && count > 1 {
            count -= 1;
        }
        // "-ire" after a consonant is two ("tire"), after a vowel one
        // ("questionnaire").
        let ire = ["ire", "ires", "ired"]
            .iter()
            .find(|e| ends_with(e))
            .map(|e| n - e.len());
        if let Some(i) = ire
            && i >= 1
            && consonant(i - 1)
        {
            count += 1;
        }
        if ends_with("sm") || ends_with("sms") || ends_with("thm") || ends_with("thms") {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixture's words and their CMUdict counts (any pronunciation).
    fn cmudict_words(text: &str) -> Vec<(String, Vec<usize>)> {
        text.lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, n)| {
                let counts = n.split('|').filter_map(|x| x.parse().ok()).collect();
                (w.to_string(), counts)
            })
            .collect()
    }

    /// The share of words counted as CMUdict counts them, and the misses.
    fn agreement(text: &str) -> (f64, usize, Vec<String>) {
        let words = cmudict_words(text);
        let misses: Vec<String> = words
            .iter()
            .filter(|(w, n)| !n.contains(&syllables(w)))
            .map(|(w, n)| format!("{w} {n:?}: {}", syllables(w)))
            .collect();
        let share = 1.0 - misses.len() as f64 / words.len() as f64;
        (share, words.len(), misses)
    }

    /// Syllables agree with CMUdict on at least 99% of the 3,000 most
    /// frequent words of job-ad text (the rules were tuned on these: 92.6%
    /// before), and on at least 97% of the next 2,000, which they were not
    /// tuned on. docs/lint.md states the figures.
    #[test]
    fn agrees_with_cmudict() {
        for (name, text, floor) in [
            (
                "cmudict-words.tsv",
                include_str!("../../../tests/fixtures/lint/syllables/cmudict-words.tsv"),
                0.99,
            ),
            (
                "cmudict-heldout.tsv",
                include_str!("../../../tests/fixtures/lint/syllables/cmudict-heldout.tsv"),
                0.97,
            ),
        ] {
            let (share, n, misses) = agreement(text);
            println!(
                "{name}: {:.1}% of {n} words agree with CMUdict",
                share * 100.0
            );
            assert!(n >= 2000, "{name}: {n} words");
            assert!(
                share >= floor,
                "{name}: {share:.3}; misses: {}",
                misses.join(", ")
            );
        }
    }

    #[test]
    fn syllable_rules() {
        for (word, n) in [
            ("the", 1),
            ("cat", 1),
            ("make", 1),
            ("makes", 1),
            ("table", 2),
            ("bottles", 2),
            ("handled", 2),
            ("filled", 1),
            ("jumped", 1),
            ("wanted", 2),
            ("boxes", 2),
            ("changes", 2),
            ("customer", 3),
            ("service", 2),
            ("representative", 5),
            ("communication", 5),
            ("queue", 1),
            ("people", 2),
            ("every", 3),
            ("yellow", 2),
            ("layer", 2),
            ("employee", 3),
            ("applying", 3),
            ("being", 2),
            ("media", 3),
            ("radio", 3),
            ("nation", 2),
            ("special", 2),
            ("video", 3),
            ("surgeon", 2),
            ("manual", 3),
            ("quality", 3),
            ("client", 2),
            ("patient", 2),
            ("cashier", 2),
            ("carrier", 3),
            ("area", 3),
            ("create", 2),
            ("colleagues", 2),
            ("unique", 2),
            ("tire", 2),
            ("desired", 3),
            ("mechanism", 4),
            ("management", 3),
            ("safety", 2),
            ("guidelines", 2),
            ("warehouse", 2),
            ("quick-moving", 3),
            ("résumé", 2),
            ("client's", 2),
            ("56,140", 1),
            ("CRM", 3),
            ("HR", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::syllables;

    proptest::proptest! {
        /// Any word, however odd, has at least one syllable and no panic
        /// (short words, "ier"/"iers", "y" runs, accents, digits).
        #[test]
        fn any_word_has_a_syllable(w in "[a-zA-Zéèüñ0-9'’-]{0,12}") {
            proptest::prop_assert!(syllables(&w) >= 1);
        }

        #[test]
        fn vowel_runs_do_not_panic(w in "[aeiouyqgrsltnc]{1,8}") {
            proptest::prop_assert!(syllables(&w) >= 1);
        }
    }
}
