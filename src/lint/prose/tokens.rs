//! Splitting text into words and links: what a word is (letters and
//! digits, with inner apostrophes, hyphens and number punctuation), and
//! which runs are addresses rather than words (URLs, bare web addresses,
//! email addresses).

use std::ops::Range;

/// Splits text into words and URLs. A word is a run of letters and digits;
/// an apostrophe or hyphen between two of them, or a `.`, `,` or `:`
/// between two digits (`56,140`, `26.99`, `7:30`), stays inside it. A URL (`http://`,
/// `https://`, `mailto:`, `www.`) is not a word: it is returned as a link;
/// so is an email address (`jobs@acme.example`, as `mailto:jobs@acme.example`).
pub(crate) fn tokenize(text: &str) -> (Vec<Range<usize>>, Vec<String>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut links = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let after_gap = i == 0 || !chars[i - 1].1.is_alphanumeric();
        if after_gap && is_url_start(&text[start..]) {
            let mut j = i;
            while j < chars.len()
                && !chars[j].1.is_whitespace()
                && !matches!(chars[j].1, '<' | '>' | '"' | ')')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(o, _)| *o);
            let url = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            // A bare address is a web address: read as https://.
            links.push(if is_bare_domain(url) {
                format!("https://{url}")
            } else {
                url.to_string()
            });
            i = j;
            continue;
        }
        if after_gap && let Some(len) = email_len(&text[start..]) {
            let end = start + len;
            links.push(format!("mailto:{}", &text[start..end]));
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let d = chars[j].1;
            if d.is_alphanumeric() {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|x| x.1);
            let joins = match d {
                '\'' | '’' | '-' | '‑' => {
                    prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric)
                }
                '.' | ',' | ':' => {
                    prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 2;
        }
        let end = chars.get(j).map_or(text.len(), |(o, _)| *o);
        words.push(start..end);
        i = j;
    }
    (words, links)
}

/// The byte length of an email address at the start of `s`
/// (`name@host.tld`, the address without a final full stop), if there is one.
fn email_len(s: &str) -> Option<usize> {
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')' | ',' | ';'))
        .unwrap_or(s.len());
    let token = s[..end].trim_end_matches(['.', ':', '!', '?']);
    let (name, host) = token.split_once('@')?;
    let ok_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'));
    let ok_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    (ok_name && ok_host).then_some(token.len())
}

fn is_url_start(s: &str) -> bool {
    let head: String = s.chars().take(8).flat_map(char::to_lowercase).collect();
    ["http://", "https://", "mailto:", "www."]
        .iter()
        .any(|p| head.starts_with(p))
        || is_bare_domain(s)
}

/// Top-level domains a bare address (`acme.com/jobs`) may end in.
const TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "io", "co", "us", "jobs", "careers", "example",
];

/// A web address without `http://` or `www.` at the start of `s`, as ads
/// write them ("apply at acme.com/jobs"): lower-case labels joined by dots,
/// the last one a common top-level domain, then a `/` path or the end.
/// "e.g.", "U.S." and "a.m." are not addresses.
fn is_bare_domain(s: &str) -> bool {
    let token = s
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
        .next()
        .unwrap_or("");
    let token = token.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let host = token.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels.last().is_some_and(|tld| TLDS.contains(tld))
        && labels[0].len() >= 2
}
