//! Small text helpers for drafting: sentences, articles, plurals, clean
//! duty lines and near-duplicate detection. Pure functions, no data.

pub(crate) use crate::text::format::{lower_first, oxford};

/// Splits a paragraph into sentences at a period followed by a space and
/// a capital letter, leaving abbreviations such as `U.S.` or `e.g.` whole.
/// Each sentence keeps its final period.
pub(crate) fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if chars[i] != '.' {
            continue;
        }
        let next_is_space = chars.get(i + 1).is_some_and(|c| c.is_whitespace());
        let then_capital = chars
            .get(i + 2..)
            .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
            .is_some_and(|c| c.is_uppercase());
        if !(next_is_space && then_capital) {
            continue;
        }
        // The word before the period: an abbreviation ends no sentence.
        let word: String = chars[start..i]
            .iter()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let is_abbreviation = word.contains('.')
            || word.chars().count() == 1
            || matches!(word.as_str(), "e.g" | "i.e" | "etc" | "St" | "Dr" | "vs");
        if is_abbreviation {
            continue;
        }
        out.push(
            chars[start..=i]
                .iter()
                .collect::<String>()
                .trim()
                .to_string(),
        );
        start = i + 1;
    }
    let rest: String = chars[start..].iter().collect::<String>().trim().to_string();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The text with its first letter in upper case.
pub(crate) fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Collapses runs of white space, trims, and drops a final period.
pub(crate) fn clean_line(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = joined.replace(" ,", ",").replace(" ;", ";");
    joined.trim_end_matches(['.', ' ']).to_string()
}

/// A duty line no longer than about `max` characters: when it is longer,
/// an example clause at its end (`, such as ...`, `, including ...`,
/// `, e.g. ...`) is dropped. The main clause is never cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let line = clean_line(s);
    if line.chars().count() <= max {
        return line;
    }
    let mut cut = line.len();
    for marker in [
        ", such as ",
        ", including ",
        ", e.g.",
        " (e.g.",
        ", for example",
    ] {
        if let Some(pos) = line.find(marker)
            && pos > 20
        {
            cut = cut.min(pos);
        }
    }
    line[..cut].trim_end_matches([',', ' ', ';']).to_string()
}

/// `a` or `an` for a noun phrase, by its first letter (good enough for
/// job titles: "an Accountant", "a Cashier", "an Usher").
pub(crate) fn article(phrase: &str) -> &'static str {
    let lower = phrase.trim_start().to_lowercase();
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    let sounds_like_you =
        lower.starts_with("uni") || lower.starts_with("use") || lower.starts_with("eu");
    if vowel && !sounds_like_you { "an" } else { "a" }
}

/// The singular of one English plural noun as job titles use them
/// (`Secretaries` → `Secretary`, `Waitresses` → `Waitress`,
/// `Nurses` → `Nurse`, `Salesmen` → `Salesman`). Words that do not look
/// plural are returned as they are.
pub(crate) fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    // Workers whose singular ends in -ic: "Mechanics", "Paramedics".
    if ["mechanics", "paramedics", "medics"]
        .iter()
        .any(|w| lower.ends_with(w))
    {
        return word[..word.len() - 1].to_string();
    }
    let keep = [
        "police",
        "personnel",
        "staff",
        "series",
        "species",
        "ss",
        "us",
        "is",
        "ics",
    ];
    if keep
        .iter()
        .any(|k| lower == *k || (k.len() == 2 && lower.ends_with(k)))
        || lower.ends_with("ics")
        || lower.ends_with('\'')
        || lower.ends_with("'s")
    {
        return word.to_string();
    }
    let cut = |n: usize| word[..word.len() - n].to_string();
    if lower.ends_with("men") {
        return format!("{}an", cut(2));
    }
    if lower.ends_with("ies") && lower.len() > 4 {
        return format!("{}y", cut(3));
    }
    for es in ["sses", "ches", "shes", "xes", "zzes"] {
        if lower.ends_with(es) {
            return cut(2);
        }
    }
    if lower.ends_with('s') && lower.len() > 2 {
        return cut(1);
    }
    word.to_string()
}

/// The plural of a job title: its last word made plural
/// (`Registered Nurse` → `Registered Nurses`, `Secretary` → `Secretaries`).
pub(crate) fn plural(title: &str) -> String {
    let (head, last) = match title.rfind(' ') {
        Some(pos) => (&title[..=pos], &title[pos + 1..]),
        None => ("", title),
    };
    let lower = last.to_lowercase();
    let plural_last = if lower.ends_with("man") {
        format!("{}en", &last[..last.len() - 2])
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{plural_last}")
}

/// The lower-case content words of a line, for comparing duties.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    const STOP: [&str; 16] = [
        "a", "an", "and", "or", "the", "to", "of", "in", "on", "for", "with", "by", "as", "such",
        "other", "their",
    ];
    let mut words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// How many of a line's content words (made singular) occur in `about`,
/// at most `cap`.
pub(crate) fn overlap(line: &str, about: &[String], cap: usize) -> usize {
    content_words(line)
        .iter()
        .filter(|w| about.contains(&singular(w)))
        .count()
        .min(cap)
}

/// The content words of a text, made singular, for [`overlap`].
pub(crate) fn topic_words(text: &str) -> Vec<String> {
    content_words(text).iter().map(|w| singular(w)).collect()
}

/// Whether two duty lines say nearly the same thing: at least 60% of
/// their content words are shared (Jaccard similarity).
pub(crate) fn near_duplicate(a: &str, b: &str) -> bool {
    let (wa, wb) = (content_words(a), content_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let union = wa.len() + wb.len() - shared;
    shared * 10 >= union * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_periods_but_not_abbreviations() {
        let s = sentences(
            "Drive a truck in the U.S. Army. May be required to unload truck. Requires a license.",
        );
        assert_eq!(
            s,
            [
                "Drive a truck in the U.S. Army.",
                "May be required to unload truck.",
                "Requires a license."
            ]
        );
        assert_eq!(
            sentences("Use tools, e.g. Saws. Done"),
            ["Use tools, e.g. Saws.", "Done"]
        );
    }

    #[test]
    fn singular_and_plural_of_title_words() {
        for (plural_word, one) in [
            ("Representatives", "Representative"),
            ("Nurses", "Nurse"),
            ("Clerks", "Clerk"),
            ("Secretaries", "Secretary"),
            ("Waitresses", "Waitress"),
            ("Coaches", "Coach"),
            ("Chiefs", "Chief"),
            ("Attendants", "Attendant"),
            ("Salesmen", "Salesman"),
            ("Police", "Police"),
            ("Sheriff's", "Sheriff's"),
            ("Statistics", "Statistics"),
            ("Boss", "Boss"),
        ] {
            assert_eq!(singular(plural_word), one, "{plural_word}");
        }
        for (one, many) in [
            ("Registered Nurse", "Registered Nurses"),
            ("Secretary", "Secretaries"),
            ("Attorney", "Attorneys"),
            ("Waitress", "Waitresses"),
            ("Coach", "Coaches"),
            ("Cashier", "Cashiers"),
            ("Fisherman", "Fishermen"),
        ] {
            assert_eq!(plural(one), many, "{one}");
        }
    }

    #[test]
    fn articles_follow_the_first_sound() {
        assert_eq!(article("Accountant"), "an");
        assert_eq!(article("Cashier"), "a");
        assert_eq!(article("Usher"), "an");
        assert_eq!(article("Urban Planner"), "an");
        assert_eq!(article("University Registrar"), "a");
    }

    #[test]
    fn shorten_drops_only_a_trailing_example_clause() {
        let long = "Perform basic vehicle maintenance tasks, such as adding oil, fuel, or radiator fluid, performing minor repairs, or washing trucks.";
        assert_eq!(shorten(long, 80), "Perform basic vehicle maintenance tasks");
        assert_eq!(shorten("Greet customers.", 80), "Greet customers");
        let no_clause = "Drive trucks with capacities greater than 13 tons to transport and deliver products, livestock, or other materials";
        assert_eq!(shorten(no_clause, 40), no_clause);
    }

    #[test]
    fn near_duplicates_are_found() {
        assert!(near_duplicate(
            "Supervise and assign work to programmers, designers, technologists, technicians, or other engineering or scientific personnel.",
            "Supervise the work of programmers, technologists and technicians and other engineering and scientific personnel."
        ));
        assert!(!near_duplicate(
            "Greet customers entering establishments.",
            "Answer incoming phone calls."
        ));
    }
}
