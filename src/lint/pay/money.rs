//! Money in a document's text: which dollar figures and ranges are the
//! post's pay, and which of them are open-ended.

use std::ops::Range;

use super::OPEN_ENDED;
use crate::lint::prose::Prose;
use crate::lint::{Finding, OfferedPay, Severity};

/// A pay figure or range found in a document's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextPay {
    /// The figures; an open-ended one lacks a bound.
    pub pay: OfferedPay,
    /// Where it is in [`Prose::text`].
    pub range: Range<usize>,
    /// `up to`, `and up`, `+`, `starting at`, `from` or a 0 minimum.
    pub open_ended: bool,
}

/// The pay stated in a document: the first range, else the first single
/// figure, else the first open-ended one; with every open-ended one.
pub(crate) fn pay_in_text(prose: &Prose) -> (Option<TextPay>, Vec<TextPay>) {
    let mut found = Vec::new();
    for block in &prose.blocks {
        let text = prose.text.get(block.range.clone()).unwrap_or("");
        let lower = text.to_lowercase();
        if ["mean wage", "average", "median", "percentile"]
            .iter()
            .any(|k| lower.contains(k))
        {
            continue;
        }
        for mut p in scan_money(text) {
            p.range = p.range.start + block.range.start..p.range.end + block.range.start;
            found.push(p);
        }
    }
    let pick = found
        .iter()
        .find(|p| !p.open_ended && p.pay.min != p.pay.max)
        .or_else(|| found.iter().find(|p| !p.open_ended))
        .or_else(|| found.first())
        .cloned();
    let open = found.into_iter().filter(|p| p.open_ended).collect();
    (pick, open)
}

pub(super) fn open_ended_in_text(prose: &Prose) -> Vec<Finding> {
    pay_in_text(prose)
        .1
        .into_iter()
        .map(|p| {
            Finding::new(
                OPEN_ENDED,
                Severity::Warning,
                format!(
                    "the pay \"{}\" is open-ended",
                    prose.text.get(p.range.clone()).unwrap_or("").trim()
                ),
                prose.place_text(p.range),
            )
            .suggest("give a minimum and a maximum, e.g. \"$18.00 to $22.00 an hour\"")
        })
        .collect()
}

/// A number after a `$` at `at`: its value and the byte after it.
fn number_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut digits = String::new();
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b',') {
        if bytes[i] != b',' {
            digits.push(char::from(bytes[i]));
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        digits.push('.');
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(char::from(bytes[i]));
            i += 1;
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    if i < bytes.len() && (bytes[i] == b'k' || bytes[i] == b'K') {
        value *= 1000.0;
        i += 1;
    }
    Some((value, i))
}

/// Finds dollar figures and ranges: `$18-$22`, `$18 to 22`, `between $18
/// and $22`, `$50k+`, `up to $60,000`, `$20 and up`, `starting at $18`.
fn scan_money(text: &str) -> Vec<TextPay> {
    let mut out = Vec::new();
    // ASCII lower-casing keeps byte offsets, so `lower` and `text` share them.
    let lower = text.to_ascii_lowercase();
    let mut i = 0;
    while let Some(p) = text[i..].find('$') {
        let start = i + p;
        let Some((first, mut end)) = number_at(text, start + 1) else {
            i = start + 1;
            continue;
        };
        let rest = &lower[end..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len();
        let joiner = ["-", "–", "—", "to ", "and "]
            .iter()
            .find(|j| trimmed.starts_with(**j))
            .map(|j| j.len());
        let second = joiner.and_then(|j| {
            let after = end + skip + j;
            let ws = lower[after..].len() - lower[after..].trim_start().len();
            let at = after + ws;
            let at = if text[at..].starts_with('$') {
                at + 1
            } else {
                at
            };
            number_at(text, at)
        });
        let before = lower[..start].trim_end();
        let pay = if let Some((max, e)) = second {
            end = e;
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: Some(max),
                },
                range: start..end,
                open_ended: first <= 0.0,
            }
        } else if trimmed.starts_with('+')
            || ["and up", "or more", "and above"]
                .iter()
                .any(|k| trimmed.starts_with(k))
        {
            let k = if trimmed.starts_with('+') {
                1
            } else {
                ["and up", "or more", "and above"]
                    .iter()
                    .find(|k| trimmed.starts_with(**k))
                    .map_or(0, |k| k.len())
            };
            end += skip + k;
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: None,
                },
                range: start..end,
                open_ended: true,
            }
        } else if let Some(k) = ["up to", "starting at", "starts at", "starting from", "from"]
            .iter()
            .find(|k| before.ends_with(**k))
        {
            let from = before.len() - k.len();
            let capped = *k == "up to";
            TextPay {
                pay: OfferedPay {
                    min: (!capped).then_some(first),
                    max: capped.then_some(first),
                },
                range: from..end,
                open_ended: true,
            }
        } else {
            TextPay {
                pay: OfferedPay {
                    min: Some(first),
                    max: Some(first),
                },
                range: start..end,
                open_ended: false,
            }
        };
        out.push(pay);
        i = end.max(start + 1);
    }
    out
}
