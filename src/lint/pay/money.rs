//! Money in a document's text: which dollar figures and ranges are the
//! post's pay, and which of them are open-ended.
//!
//! A figure is read as a person reads it, by the words around it in its
//! sentence. It is pay when the nearest telling word is a pay word or a
//! period ("salary", "wage", "an hour", "/yr", "annually"); it is not when
//! the nearest one names something else ("revenue", "funding", "allowance",
//! "stipend", "bonus", "reimbursement", "price"), when it is in millions or
//! billions, or when "average", "median" or "percentile" qualifies it (only
//! that figure: a range in the next sentence still counts). A figure with no
//! telling word is pay when its section's heading is about pay, not when it
//! is about benefits or perks, and otherwise counts only when the post has
//! no clearer pay.

use std::ops::Range;

use super::OPEN_ENDED;
use crate::lint::prose::{BlockKind, Prose};
use crate::lint::{Finding, OfferedPay, Severity};
use words::{ADJECTIVES, AVERAGE_WORDS, OTHER_WORDS, PAY_WORDS, PERIODS};

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

/// What the words around a figure make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Pay: a pay word or a period is the nearest telling word.
    Pay,
    /// Nothing tells: pay only when the post states no clearer pay.
    Unknown,
    /// Revenue, an allowance, a price, a bonus, millions...
    NotPay,
    /// An average, median or percentile: market data, not an offer.
    Average,
}

/// Telling words read before a figure, back to the sentence start or the
/// figure before it.
const BEFORE: usize = 8;
/// Telling words read after a figure, up to the sentence end or the next
/// figure.
const AFTER: usize = 6;
/// An average word this close after a figure qualifies it ("$40,000 on
/// average").
const AVERAGE_AFTER: usize = 3;

/// A dollar figure or range, before it is judged.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    pay: OfferedPay,
    /// In the block's text.
    range: Range<usize>,
    open_ended: bool,
    /// In millions or billions: never pay.
    big: bool,
}

/// The pay stated in a document: the first range, else the first single
/// figure, else the first open-ended one; with every open-ended one. Figures
/// that are clearly pay come first; those with nothing to tell come only
/// when there are none.
pub(crate) fn pay_in_text(prose: &Prose) -> (Option<TextPay>, Vec<TextPay>) {
    let judged = judged(prose);
    let of = |kind: Kind| -> Vec<&TextPay> {
        judged
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(p, _)| p)
            .collect()
    };
    let choose = |found: &[&TextPay]| {
        found
            .iter()
            .find(|p| !p.open_ended && p.pay.min != p.pay.max)
            .or_else(|| found.iter().find(|p| !p.open_ended))
            .or_else(|| found.first())
            .map(|p| (*p).clone())
    };
    let pay = of(Kind::Pay);
    let pick = choose(&pay).or_else(|| choose(&of(Kind::Unknown)));
    let open = pay.into_iter().filter(|p| p.open_ended).cloned().collect();
    (pick, open)
}

/// Every figure of the document with what its context makes of it.
fn judged(prose: &Prose) -> Vec<(TextPay, Kind)> {
    let mut out = Vec::new();
    // What the section's heading says: Some(true) pay, Some(false) perks.
    let mut section: Option<bool> = None;
    for block in &prose.blocks {
        let text = prose.text.get(block.range.clone()).unwrap_or("");
        let lower = text.to_ascii_lowercase();
        if matches!(block.kind, BlockKind::Heading(_) | BlockKind::Title) {
            let w = words(&lower);
            let has = |list: &[&str]| w.iter().any(|x| list.contains(x));
            let pay = has(&["pay", "salary", "wage", "wages", "compensation"]);
            let perks = has(&["benefits", "perks", "perk", "benefit"]);
            // "Pay and benefits" tells nothing about a figure under it.
            section = match (pay, perks) {
                (true, false) => Some(true),
                (false, true) => Some(false),
                _ => None,
            };
        }
        let figures = scan_money(text);
        for (n, f) in figures.iter().enumerate() {
            let from = n.checked_sub(1).map_or(0, |p| figures[p].range.end);
            let to = figures.get(n + 1).map_or(text.len(), |x| x.range.start);
            let mut kind = if f.big {
                Kind::NotPay
            } else {
                judge(
                    lower.get(from..f.range.start).unwrap_or(""),
                    lower.get(f.range.end..to).unwrap_or(""),
                )
            };
            if kind == Kind::Unknown {
                kind = match section {
                    Some(true) => Kind::Pay,
                    Some(false) => Kind::NotPay,
                    None => Kind::Unknown,
                };
            }
            let start = block.range.start;
            out.push((
                TextPay {
                    pay: f.pay,
                    range: f.range.start + start..f.range.end + start,
                    open_ended: f.open_ended,
                },
                kind,
            ));
        }
    }
    out
}

/// Judges a figure by the lower-cased text between it and its neighbours.
fn judge(before: &str, after: &str) -> Kind {
    let before = &before[sentence_start(before)..];
    let after = &after[..sentence_end(after)];
    let before: Vec<&str> = words(before).into_iter().rev().collect();
    let after = words(after);
    let near = |list: &[&str], limit_before: usize, limit_after: usize| {
        let b = before
            .iter()
            .take(limit_before)
            .position(|w| list.contains(w));
        let a = after
            .iter()
            .take(limit_after)
            .position(|w| list.contains(w));
        match (b, a) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    };
    if near(AVERAGE_WORDS, usize::MAX, AVERAGE_AFTER).is_some() {
        return Kind::Average;
    }
    // "$50 monthly phone stipend": a period written as an adjective
    // belongs to the noun after it.
    if let Some(adj) = after
        .iter()
        .take(AFTER)
        .position(|w| ADJECTIVES.contains(w))
        && after
            .iter()
            .skip(adj + 1)
            .take(3)
            .any(|w| OTHER_WORDS.contains(w))
        && near(PAY_WORDS, BEFORE, 0).is_none()
    {
        return Kind::NotPay;
    }
    match (
        near(PAY_WORDS, BEFORE, AFTER),
        near(OTHER_WORDS, BEFORE, AFTER),
    ) {
        (None, None) => Kind::Unknown,
        (Some(_), None) => Kind::Pay,
        (None, Some(_)) => Kind::NotPay,
        (Some(p), Some(o)) if p < o => Kind::Pay,
        _ => Kind::NotPay,
    }
}

/// Where the last sentence of `text` starts.
fn sentence_start(text: &str) -> usize {
    let b = text.as_bytes();
    (0..b.len())
        .rev()
        .find(|&i| is_sentence_end(b, i))
        .map_or(0, |i| i + 1)
}

/// Where the first sentence of `text` ends.
fn sentence_end(text: &str) -> usize {
    let b = text.as_bytes();
    (0..b.len())
        .find(|&i| is_sentence_end(b, i))
        .unwrap_or(b.len())
}

fn is_sentence_end(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'!' | b'?' | b';' | b'\n' => true,
        b'.' => b.get(i + 1).is_none_or(u8::is_ascii_whitespace),
        _ => false,
    }
}

/// The ASCII words of lower-cased text (digits and signs split them).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Warnings for the open-ended pay of a document's text.
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
                    Prose::quoted(prose.text.get(p.range.clone()).unwrap_or(""))
                ),
                prose.place_text(p.range),
            )
            .suggest("give a minimum and a maximum, e.g. \"$18.00 to $22.00 an hour\"")
        })
        .collect()
}

/// An amount: its value, the byte after it, and how it was scaled.
#[derive(Debug, Clone, Copy)]
struct Amount {
    value: f64,
    end: usize,
    /// Written with `k`.
    thousands: bool,
    /// Written with `M`, `million`, `B`, `bn` or `billion`.
    big: bool,
}

/// A number at `at` (`18`, `18.50`, `45,000`), with a `k`, `M`, `B`,
/// `million` or `billion` after it.
fn amount_at(text: &str, at: usize) -> Option<Amount> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut digits = String::new();
    while i < bytes.len() && (bytes[i].is_ascii_digit() || (bytes[i] == b',' && i > at)) {
        if bytes[i] == b',' {
            // A comma that is not a thousands separator ends the number.
            let group = bytes.get(i + 1..i + 4);
            let next = bytes.get(i + 4);
            if !(group.is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && next.is_none_or(|c| !c.is_ascii_digit()))
            {
                break;
            }
        } else {
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
    let rest = text.get(i..).unwrap_or("").to_ascii_lowercase();
    let letter_after = |n: usize| {
        rest.as_bytes()
            .get(n)
            .is_some_and(|c| c.is_ascii_alphabetic())
    };
    let mut out = Amount {
        value,
        end: i,
        thousands: false,
        big: false,
    };
    if rest.starts_with('k') && !letter_after(1) {
        value *= 1000.0;
        out.thousands = true;
        out.end += 1;
    } else if let Some(n) = ["mm", "m", "bn", "b"]
        .iter()
        .find(|s| rest.starts_with(**s) && !letter_after(s.len()))
        .map(|s| s.len())
    {
        out.big = true;
        out.end += n;
    } else if let Some(n) = [" million", " billion", " trillion"]
        .iter()
        .find(|s| rest.starts_with(**s))
        .map(|s| s.len())
    {
        out.big = true;
        out.end += n;
    }
    out.value = value;
    Some(out)
}

/// Whether `at` starts a number that no letter, digit or `$` is glued to.
fn bare_number_start(bytes: &[u8], at: usize) -> bool {
    bytes[at].is_ascii_digit()
        && (at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || matches!(bytes[at - 1], b'$' | b'.' | b',' | b'-' | b'/')))
}

/// After `end`: a range joiner and a second amount (`- $22`, `to 22k`,
/// `and $55,000` when `between` came before).
fn second_amount(text: &str, lower: &str, end: usize, between: bool) -> Option<Amount> {
    let mut rest = lower.get(end..)?;
    // "$17.25/hr – $19.75/hr", "$20 per hour to $25 per hour": the first
    // figure's period comes first.
    for lead in ["/", " per ", " an ", " a ", " "] {
        let Some(r) = rest.strip_prefix(lead) else {
            continue;
        };
        let word = &r[..r
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(r.len())];
        let period = match lead {
            "/" => !word.is_empty(),
            " " => ADJECTIVES.contains(&word) || word == "annually",
            _ => PERIODS.contains(&word),
        };
        if period {
            rest = &r[word.len()..];
            break;
        }
    }
    let end = lower.len() - rest.len();
    let trimmed = rest.trim_start();
    let mut at = end + rest.len() - trimmed.len();
    let joiner = ["-", "–", "—", "to ", "and "]
        .iter()
        .find(|j| trimmed.starts_with(**j) && (between || **j != "and "))?;
    at += joiner.len();
    let after = lower.get(at..)?;
    at += after.len() - after.trim_start().len();
    if text.get(at..)?.starts_with('$') {
        at += 1;
        if text.get(at..)?.starts_with(' ') {
            at += 1;
        }
    }
    amount_at(text, at)
}

/// Whether a range written without `$` is pay: a pay word stands right
/// before it (`Salary: 45,000 - 55,000`, `Pay range: 18-22/hr`), and a
/// period follows it or it is a yearly figure.
fn bare_pay_range(before: &str, after: &str, min: f64) -> bool {
    let words = words(&before[sentence_start(before)..]);
    let mut back = words.iter().rev().skip_while(|w| {
        matches!(
            **w,
            "range" | "rate" | "rates" | "is" | "of" | "from" | "between" | "hourly" | "base"
        )
    });
    let pay_word = back.next().is_some_and(|w| {
        matches!(
            *w,
            "salary" | "pay" | "wage" | "wages" | "compensation" | "pays"
        )
    });
    let first_after = words_after(after);
    let period = first_after.first().is_some_and(|w| {
        PERIODS.contains(w) || matches!(*w, "per" | "an" | "a" | "hourly" | "annually" | "yearly")
    });
    pay_word && min >= 7.0 && (period || min >= 10_000.0)
}

/// The first words of `text`, up to its sentence's end.
fn words_after(text: &str) -> Vec<&str> {
    words(&text[..sentence_end(text)])
}

/// Joins a first amount and a second one into a range when they read as one
/// (`$50-60k` is 50,000 to 60,000; `$500 - 401` is no range).
fn as_range(first: Amount, second: Amount) -> Option<(f64, f64)> {
    let mut min = first.value;
    if second.thousands && !first.thousands && min < 1000.0 {
        min *= 1000.0;
    }
    (second.value >= min && !second.big).then_some((min, second.value))
}

/// Finds dollar figures and ranges: `$18-$22`, `$18 to 22`, `between $18
/// and $22`, `$55K-$65K`, `$50k+`, `up to $60,000`, `$20 and up`, `starting
/// at $18`, `18 to 22 dollars`.
fn scan_money(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    // ASCII lower-casing keeps byte offsets, so `lower` and `text` share them.
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let dollar = bytes[i] == b'$';
        if !dollar && !bare_number_start(bytes, i) {
            i += 1;
            continue;
        }
        let start = i;
        let at = if dollar {
            let s = i + 1;
            if bytes.get(s) == Some(&b' ') {
                s + 1
            } else {
                s
            }
        } else {
            i
        };
        let Some(first) = amount_at(text, at) else {
            i += 1;
            continue;
        };
        let before = lower[..start].trim_end();
        let between = before.ends_with("between");
        let range = second_amount(text, &lower, first.end, between)
            .and_then(|s| as_range(first, s).map(|r| (r, s.end)));
        let mut end = range.map_or(first.end, |(_, e)| e);
        if !dollar {
            // A bare number is money when "dollars" follows, or when it is
            // a range right after a pay word ("Salary: 45,000 - 55,000").
            let rest = &lower[end..];
            let t = rest.trim_start();
            if t.starts_with("dollar") {
                let word = t
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(t.len());
                end += rest.len() - t.len() + word;
            } else if !range.is_some_and(|((min, _), _)| bare_pay_range(before, t, min)) {
                i = first.end.max(i + 1);
                continue;
            }
        }
        let big = first.big;
        let figure = if let Some(((min, max), _)) = range {
            Figure {
                pay: OfferedPay {
                    min: Some(min),
                    max: Some(max),
                },
                range: start..end,
                open_ended: min <= 0.0,
                big,
            }
        } else {
            open_figure(&lower, before, start, end, first.value, big)
        };
        i = figure.range.end.max(start + 1);
        out.push(figure);
    }
    out
}

/// A single amount: open-ended with `+`, `and up`, `up to`, `starting at`
/// and the like, or when it is 0; else a fixed figure.
fn open_figure(
    lower: &str,
    before: &str,
    start: usize,
    end: usize,
    value: f64,
    big: bool,
) -> Figure {
    let rest = &lower[end..];
    let trimmed = rest.trim_start();
    let skip = rest.len() - trimmed.len();
    let after = ["+", "and up", "or more", "and above"]
        .iter()
        .find(|k| trimmed.starts_with(**k));
    if let Some(k) = after {
        return Figure {
            pay: OfferedPay {
                min: Some(value),
                max: None,
            },
            range: start..end + skip + k.len(),
            open_ended: true,
            big,
        };
    }
    let lead = [
        "up to",
        "as much as",
        "starting at",
        "starts at",
        "starting from",
        "at least",
        "from",
    ]
    .iter()
    .find(|k| {
        before.ends_with(**k)
            && before[..before.len() - k.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    if let Some(k) = lead {
        let capped = matches!(*k, "up to" | "as much as");
        return Figure {
            pay: OfferedPay {
                min: (!capped).then_some(value),
                max: capped.then_some(value),
            },
            range: before.len() - k.len()..end,
            open_ended: true,
            big,
        };
    }
    Figure {
        pay: OfferedPay {
            min: Some(value),
            max: (value > 0.0).then_some(value),
        },
        range: start..end,
        open_ended: value <= 0.0,
        big,
    }
}

mod words;

#[cfg(test)]
mod tests;
