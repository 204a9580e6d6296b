//! Reading HTML for lint: text outside tags, with block-level tags ending
//! blocks, headings and list items kept as such, `<script>`, `<style>` and
//! `<template>` skipped, link targets collected and character references
//! decoded (every HTML5 named entity, by the html-escape crate, and numeric
//! ones), so "r&eacute;sum&eacute;" is one word. A small tokenizer, not a
//! full HTML parser: it only has to find the words of a job ad and where
//! they are in the file.

use super::{BlockKind, Builder};

/// Elements whose content is not text a reader sees.
const SKIPPED: [&str; 3] = ["script", "style", "template"];

/// Reads HTML into the builder; `base` is the byte offset of `source` in
/// the file (an HTML block inside Markdown starts further on).
pub(super) fn read_at(b: &mut Builder, source: &str, base: usize) {
    let src = source;
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(tag) = parse_tag(src, i) else {
            i += 1;
            continue;
        };
        html_text(b, src, text_start, i, base);
        i = tag.end;
        match tag.kind {
            TagKind::Skip => {}
            TagKind::Element {
                name,
                closing,
                href,
            } => {
                if !closing && SKIPPED.contains(&name.as_str()) {
                    i = skip_raw_text(src, i, &name);
                } else {
                    html_element(b, &name, closing, href);
                }
            }
        }
        text_start = i;
    }
    html_text(b, src, text_start, bytes.len(), base);
}

enum TagKind {
    /// A comment, doctype or processing instruction.
    Skip,
    Element {
        name: String,
        closing: bool,
        href: Option<String>,
    },
}

struct ParsedTag {
    kind: TagKind,
    /// Byte just after the tag.
    end: usize,
}

/// Parses the tag starting at `at` (a `<`), or `None` when the `<` is text.
fn parse_tag(src: &str, at: usize) -> Option<ParsedTag> {
    let rest = &src[at..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(src.len(), |p| at + 4 + p + 3);
        return Some(ParsedTag {
            kind: TagKind::Skip,
            end,
        });
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(src.len(), |p| at + p + 1);
        return Some(ParsedTag {
            kind: TagKind::Skip,
            end,
        });
    }
    let bytes = rest.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
    // Find the closing `>`, skipping quoted attribute values.
    let mut quote: Option<u8> = None;
    let mut end = None;
    for (k, &c) in bytes.iter().enumerate().skip(name_start + name_len) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => {
                end = Some(k);
                break;
            }
            None => {}
        }
    }
    let end = end?;
    let attrs = &rest[name_start + name_len..end];
    let href = (name == "a" && !closing)
        .then(|| attribute(attrs, "href"))
        .flatten();
    Some(ParsedTag {
        kind: TagKind::Element {
            name,
            closing,
            href,
        },
        end: at + end + 1,
    })
}

/// The value of an attribute in a tag's attribute text.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let value_at = attrs.len() - rest.len() + 1;
            let value = attrs[value_at..].trim_start();
            let v = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value.split_whitespace().next().unwrap_or(""),
            };
            return Some(decode_entities(v));
        }
        from = at + name.len();
    }
    None
}

/// Skips the content of `<script>`, `<style>` or `<template>` to just after
/// its end tag (a `<template>` holding another is cut at the inner one's end).
fn skip_raw_text(src: &str, from: usize, name: &str) -> usize {
    let lower = src[from..].to_ascii_lowercase();
    match lower.find(&format!("</{name}")) {
        Some(p) => src[from + p..]
            .find('>')
            .map_or(src.len(), |q| from + p + q + 1),
        None => src.len(),
    }
}

fn html_element(b: &mut Builder, name: &str, closing: bool, href: Option<String>) {
    if let Some(href) = href {
        b.links.push(href);
    }
    let heading = match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    };
    match (name, heading) {
        (_, Some(level)) => {
            if closing {
                b.end()
            } else {
                b.start(BlockKind::Heading(level))
            }
        }
        ("title", _) => {
            if closing {
                b.end()
            } else {
                b.start(BlockKind::Title)
            }
        }
        ("li" | "dt" | "dd", _) => {
            if closing {
                b.end()
            } else {
                b.start(BlockKind::Item)
            }
        }
        ("td" | "th", _) => {
            if closing {
                b.end()
            } else {
                b.start(BlockKind::Cell)
            }
        }
        (
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "nav" | "aside"
            | "ul" | "ol" | "dl" | "table" | "tr" | "thead" | "tbody" | "tfoot" | "blockquote"
            | "pre" | "form" | "figure" | "figcaption" | "hr" | "br" | "body" | "html" | "head",
            _,
        ) => b.end(),
        _ => {}
    }
}

/// Adds the text between two tags, decoding entities.
fn html_text(b: &mut Builder, src: &str, from: usize, to: usize, base: usize) {
    let from_in_file = base + from;
    let Some(text) = src.get(from..to) else {
        return;
    };
    let mut run_start = 0;
    let mut k = 0;
    while let Some(p) = text[k..].find('&') {
        let at = k + p;
        match entity(&text[at..]) {
            Some((decoded, len)) => {
                b.push_mapped(&text[run_start..at], from_in_file + run_start);
                b.push_at(&decoded, from_in_file + at);
                k = at + len;
                run_start = k;
            }
            None => k = at + 1,
        }
    }
    b.push_mapped(&text[run_start..], from_in_file + run_start);
}

/// Decodes the character reference at the start of `s` (a `&`): its text
/// and byte length. Only references ended by `;` are read (a bare `&` in
/// "R&D" or "AT&T" is text).
fn entity(s: &str) -> Option<(String, usize)> {
    // The longest named reference is 32 bytes with its `&` and `;`.
    let semi = s.bytes().take(33).position(|b| b == b';')?;
    let reference = &s[..=semi];
    if reference[1..semi].is_empty()
        || !reference[1..semi]
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'#')
    {
        return None;
    }
    let decoded = html_escape::decode_html_entities(reference);
    (decoded != reference).then(|| (decoded.into_owned(), semi + 1))
}

/// Decodes entities in an attribute value.
fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}
