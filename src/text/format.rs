//! Words and numbers as hiring content writes them: money (`$56,140`),
//! numbers with thousands separators, lists with an Oxford comma, a first
//! letter in lower case, dates as US readers write them (`March 2, 2026`),
//! employment types (`Full-time`) and place names in a sentence (`the
//! District of Columbia`). Pure functions; the template filters of
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

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO 8601 date (`2026-03-02`, a time after `T` ignored) as US readers
/// write it: `March 2, 2026`. `None` when the text is not such a date.
pub(crate) fn us_date(iso: &str) -> Option<String> {
    let day = iso.trim();
    let day = day.split_once('T').map_or(day, |(d, _)| d);
    let mut parts = day.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
    let d: u32 = d.parse().ok()?;
    (1..=31).contains(&d).then(|| format!("{month} {d}, {y}"))
}

/// An employment type as a post shows it: `FULL_TIME` → `Full-time`,
/// `PER_DIEM` → `Per diem`. Unknown codes are spelled out in sentence case
/// (`SEASONAL_WORK` → `Seasonal work`).
pub(crate) fn employment_type(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase().replace(['-', ' '], "_");
    match code.as_str() {
        "FULL_TIME" => "Full-time".to_string(),
        "PART_TIME" => "Part-time".to_string(),
        "CONTRACTOR" => "Contract".to_string(),
        "TEMPORARY" => "Temporary".to_string(),
        "INTERN" => "Internship".to_string(),
        "VOLUNTEER" => "Volunteer".to_string(),
        "PER_DIEM" => "Per diem".to_string(),
        "OTHER" => "Other".to_string(),
        _ => {
            let words = code.replace('_', " ").to_lowercase();
            let mut chars = words.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// A state or territory's name as it reads inside a sentence: the names
/// that take "the" get it (`District of Columbia` → `the District of
/// Columbia`, `Virgin Islands` → `the U.S. Virgin Islands`); the others are
/// unchanged.
pub(crate) fn state_in_prose(name: &str) -> String {
    match name.trim() {
        "District of Columbia" => "the District of Columbia".to_string(),
        "Virgin Islands" | "U.S. Virgin Islands" => "the U.S. Virgin Islands".to_string(),
        "Northern Mariana Islands" => "the Northern Mariana Islands".to_string(),
        other => other.to_string(),
    }
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
