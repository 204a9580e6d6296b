//! Words and numbers as hiring content writes them: money (`$56,140`),
//! numbers with thousands separators, lists with an Oxford comma, a first
//! letter in lower case. Pure functions; the template filters of
//! `engine::filters` and the drafter of `library::draft` both use them.

/// Money in US dollars: `56140 | usd` → `$56,140`, `26.99 | usd` → `$26.99`.
/// Whole amounts have no cents unless `decimals=2` is given.
pub(crate) fn usd(amount: f64, decimals: Option<usize>) -> String {
    let decimals = decimals.unwrap_or(if amount.fract().abs() < 1e-9 { 0 } else { 2 });
    let sign = if amount < 0.0 { "-" } else { "" };
    format!("{sign}${}", group_thousands(amount.abs(), decimals))
}

/// A number with thousands separators: `2858710 | number` → `2,858,710`.
pub(crate) fn number(value: f64, decimals: usize) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(value.abs(), decimals))
}

fn group_thousands(value: f64, decimals: usize) -> String {
    let fixed = format!("{value:.decimals$}");
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let mut out = String::with_capacity(fixed.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A list joined with an Oxford comma: `["a", "b", "c"] | oxford` →
/// `a, b, and c`; `conj="or"` changes the last word.
pub(crate) fn oxford(items: &[String], conj: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {conj} {b}"),
        [rest @ .., last] => format!("{}, {conj} {last}", rest.join(", ")),
    }
}

/// The text with its first letter in lower case, unless the first word is
/// an acronym (`Great service` → `great service`, `CRM tools` stays).
pub(crate) fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
