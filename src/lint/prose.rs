//! The text of a document as lint reads it: blocks (headings, paragraphs,
//! list items, table cells), words and links, with a map from every piece of
//! text back to the byte it came from in the original file, so a finding
//! can name the file's own line and column.
//!
//! Markdown goes through pulldown-cmark (its offsets give the map; YAML
//! front matter is skipped, its `title` kept as the title; HTML blocks are
//! read as HTML); HTML through a small tokenizer (tags dropped,
//! `<script>`/`<style>`/`<template>` skipped, entities decoded); plain text
//! by lines (a line underlined with `=` or `-` is a heading, `- `/`* `/`1. `
//! lines are list items). Line ends are made `\n` first, whatever they were
//! (`\r\n`, a lone `\r`, or a mix). A line break inside a block stays a `\n`
//! in [`Prose::text`], so the first line of a block can be told apart.
//!
//! For a rendered role, the map leads into the rendered Markdown; a
//! [`Finder`] then looks for the same words in the profile, the company file
//! and the templates, so the finding points where the fix goes.

use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::locate::Finder;
use super::{Lines, Place};

mod html;
pub(crate) mod input;
mod tokens;

pub(crate) use input::AdKind;
pub(crate) use tokens::tokenize;

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// An HTML `<title>`: used as the title, not counted as body text.
    Title,
    /// A heading, with its level (1 to 6).
    Heading(u8),
    /// A paragraph.
    Para,
    /// A list item.
    Item,
    /// A table cell.
    Cell,
}

/// A block: its kind and where its text is in [`Prose::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text's byte range in [`Prose::text`].
    pub range: Range<usize>,
}

/// A word: its byte range in [`Prose::text`] and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where it is in [`Prose::text`].
    pub range: Range<usize>,
    /// The index of its block.
    pub block: usize,
}

/// A run of text and where it comes from in the source.
#[derive(Debug, Clone, Copy)]
struct Seg {
    text_start: usize,
    src_start: usize,
    len: usize,
    /// The text is a verbatim copy of the source here (else it maps to
    /// `src_start` as a whole, as a decoded entity does).
    exact: bool,
}

/// A document's text, words and links, with the way back to its source.
#[derive(Debug)]
pub(crate) struct Prose {
    /// The text, blocks separated by newlines.
    pub text: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The words of every block but the title, in order.
    pub words: Vec<Word>,
    /// Link targets and bare URLs.
    pub links: Vec<String>,
    /// The file the text came from, as shown.
    pub file: String,
    /// That file's text.
    pub source: String,
    segs: Vec<Seg>,
    /// Where the lines of [`Prose::source`] start.
    lines: Lines,
    /// Every word's key, as [`normalize`] makes it.
    keys: Vec<String>,
    finder: Option<Rc<Finder>>,
}

impl Prose {
    /// Reads a document by its file extension: `.md`/`.markdown`, `.html`/
    /// `.htm`, anything else as plain text.
    #[cfg(test)]
    pub(crate) fn from_file(file: &str, source: String) -> Prose {
        let ext = std::path::Path::new(file)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let kind = input::kind_of_extension(ext).unwrap_or(AdKind::Text);
        Prose::from_kind(file, source, kind)
    }

    /// Reads a document as the given kind.
    pub(crate) fn from_kind(file: &str, source: String, kind: AdKind) -> Prose {
        match kind {
            AdKind::Markdown => Prose::from_markdown(file, source),
            AdKind::Html => Prose::from_html(file, source),
            AdKind::Text => Prose::from_text(file, source),
        }
    }

    /// Reads Markdown.
    pub(crate) fn from_markdown(file: &str, source: String) -> Prose {
        let source = input::normalize_line_ends(&source);
        let mut b = Builder::default();
        // Front matter is not prose (the Markdown is read after it); its
        // `title` is the title.
        let fm = input::front_matter(&source);
        let body_start = fm.as_ref().map_or(0, |r| r.end);
        if let Some((title, at)) = fm.and_then(|fm| input::front_matter_title(&source, fm)) {
            b.start(BlockKind::Title);
            b.push_mapped(&title, at);
            b.end();
        }
        let body = source.get(body_start..).unwrap_or("");
        let mut link: Option<String> = None;
        // The HTML block being read, as a byte range of the source.
        let mut html_block: Option<Range<usize>> = None;
        let parser = Parser::new_ext(body, crate::render::markdown::options()).into_offset_iter();
        for (event, range) in parser {
            let range = range.start + body_start..range.end + body_start;
            match event {
                Event::Start(Tag::HtmlBlock) => {
                    b.end();
                    html_block = Some(range);
                }
                Event::Html(_) => {
                    if let Some(block) = &mut html_block {
                        block.start = block.start.min(range.start);
                        block.end = block.end.max(range.end);
                    }
                }
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some(block) = html_block.take()
                        && let Some(html) = source.get(block.clone())
                    {
                        html::read_at(&mut b, html, block.start);
                        b.end();
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    b.start(BlockKind::Heading(heading_level(level)));
                }
                // A loose list item's paragraph stays the item.
                Event::Start(Tag::Paragraph) if b.open_is_empty_item() => {}
                Event::Start(Tag::Paragraph) => b.start(BlockKind::Para),
                Event::Start(Tag::Item) => b.start(BlockKind::Item),
                Event::Start(Tag::TableCell) => b.start(BlockKind::Cell),
                Event::Start(Tag::List(_)) => b.end(),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    b.links.push(dest_url.to_string());
                    link = Some(dest_url.to_string());
                }
                Event::End(TagEnd::Link) => link = None,
                Event::Text(t) | Event::Code(t) => {
                    // An autolink shows its own URL: a link, not words.
                    if link.as_deref() == Some(&*t) {
                        continue;
                    }
                    let slice = source.get(range.clone()).unwrap_or("");
                    match slice.find(&*t) {
                        Some(pos) => b.push_mapped(&t, range.start + pos),
                        None => b.push_at(&t, range.start),
                    }
                }
                Event::SoftBreak => b.push_plain("\n"),
                // Inline HTML is markup; a `<br>` in it breaks the line.
                Event::InlineHtml(t) if t.to_ascii_lowercase().starts_with("<br") => {
                    b.push_plain("\n");
                }
                Event::HardBreak => b.push_plain("\n"),
                Event::End(
                    TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell,
                ) => b.end(),
                _ => {}
            }
        }
        b.finish(file, source)
    }

    /// Reads plain text.
    pub(crate) fn from_text(file: &str, source: String) -> Prose {
        let source = input::normalize_line_ends(&source);
        let mut b = Builder::default();
        let lines: Vec<(usize, &str)> = line_spans(&source);
        let mut i = 0;
        while i < lines.len() {
            let (off, raw) = lines[i];
            let line = raw.trim_end();
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            if trimmed.is_empty() {
                b.end();
                i += 1;
                continue;
            }
            if let Some(level) = lines.get(i + 1).and_then(|(_, next)| underline(next)) {
                b.start(BlockKind::Heading(level));
                b.push_mapped(trimmed, off + lead);
                b.end();
                i += 2;
                continue;
            }
            if let Some(marker) = list_marker(trimmed) {
                b.start(BlockKind::Item);
                b.push_mapped(&trimmed[marker..], off + lead + marker);
            } else {
                if b.open.is_some() {
                    b.push_plain("\n");
                } else {
                    b.start(BlockKind::Para);
                }
                b.push_mapped(trimmed, off + lead);
            }
            i += 1;
        }
        b.finish(file, source)
    }

    /// Reads HTML: text outside tags, with block tags ending blocks.
    pub(crate) fn from_html(file: &str, source: String) -> Prose {
        let source = input::normalize_line_ends(&source);
        let mut b = Builder::default();
        html::read_at(&mut b, &source, 0);
        b.finish(file, source)
    }

    /// Lets [`Prose::place_words`] look for words in other sources first.
    /// One finder can serve the documents of a run, one after the other
    /// (see [`Finder::forget`]).
    pub(crate) fn with_finder(mut self, finder: Rc<Finder>) -> Prose {
        self.finder = Some(finder);
        self
    }

    /// A word's text.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.words
            .get(i)
            .and_then(|w| self.text.get(w.range.clone()))
            .unwrap_or("")
    }

    /// A word as words are compared: lower-case, without apostrophes.
    pub(crate) fn key(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", String::as_str)
    }

    /// Text of the document as a message quotes it: on one line, each run
    /// of spaces and line breaks one space (a phrase may span two lines).
    pub(crate) fn quoted(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text of words `first..=last` as written.
    pub(crate) fn words_text(&self, first: usize, last: usize) -> &str {
        match (self.words.get(first), self.words.get(last)) {
            (Some(a), Some(b)) => self.text.get(a.range.start..b.range.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The text of a block.
    pub(crate) fn block_text(&self, block: &Block) -> &str {
        self.text.get(block.range.clone()).unwrap_or("").trim()
    }

    /// Where words `first..=last` are written: found in the sources of the
    /// [`Finder`] when there is one, else in this document's own file.
    pub(crate) fn place_words(&self, first: usize, last: usize) -> Place {
        if let Some(place) = self
            .finder
            .as_ref()
            .and_then(|f| f.find(&self.keys, first, last))
        {
            return place;
        }
        match (self.words.get(first), self.words.get(last)) {
            (Some(a), Some(b)) => self.place_text(a.range.start..b.range.end),
            _ => Place::file(&self.file),
        }
    }

    /// Where a byte range of [`Prose::text`] is in this document's file.
    pub(crate) fn place_text(&self, range: Range<usize>) -> Place {
        let (start, exact_start) = self.src_offset(range.start);
        // The last character's first byte, so a multi-byte character maps
        // to a character boundary of the source.
        let last_char = self
            .text
            .get(range.clone())
            .and_then(|s| s.char_indices().last())
            .map_or(range.start, |(i, _)| range.start + i);
        let (end, exact_end) = self.src_offset(last_char);
        let len = if exact_start && exact_end && end >= start {
            let end = self
                .source
                .get(end..)
                .and_then(|rest| rest.chars().next())
                .map_or(end + 1, |c| end + c.len_utf8());
            self.source.get(start..end).map_or(1, |s| s.chars().count())
        } else {
            1
        };
        Place::at_offset_in(&self.file, &self.source, &self.lines, start, len)
    }

    fn src_offset(&self, t: usize) -> (usize, bool) {
        let idx = self.segs.partition_point(|s| s.text_start <= t);
        let Some(seg) = idx.checked_sub(1).and_then(|i| self.segs.get(i)) else {
            return (0, false);
        };
        if t < seg.text_start + seg.len {
            if seg.exact {
                (seg.src_start + (t - seg.text_start), true)
            } else {
                (seg.src_start, false)
            }
        } else if seg.exact {
            (seg.src_start + seg.len.saturating_sub(1), false)
        } else {
            (seg.src_start, false)
        }
    }

    /// The document's title, as a byte range of [`Prose::text`]: the HTML
    /// `<title>` or the front matter's `title`, else the first level-1
    /// heading, else the first heading, else the first line of the first
    /// block when it reads as a title (it does not end as a sentence does,
    /// with `.`, `!` or `?`). Never a whole paragraph.
    pub(crate) fn title(&self) -> Option<Range<usize>> {
        let find = |want: &dyn Fn(BlockKind) -> bool| self.blocks.iter().find(|b| want(b.kind));
        if let Some(b) = find(&|k| k == BlockKind::Title)
            .or_else(|| find(&|k| k == BlockKind::Heading(1)))
            .or_else(|| find(&|k| matches!(k, BlockKind::Heading(_))))
        {
            return Some(self.trimmed(b.range.clone()));
        }
        let first = self.blocks.first()?;
        let text = self.text.get(first.range.clone())?;
        let lead = text.len() - text.trim_start().len();
        let line_end = text[lead..].find('\n').map_or(text.len(), |p| lead + p);
        let range = self.trimmed(first.range.start + lead..first.range.start + line_end);
        let line = self.text.get(range.clone())?;
        (!line.is_empty() && !line.ends_with(['.', '!', '?'])).then_some(range)
    }

    /// A range of [`Prose::text`] without the blanks at its ends.
    fn trimmed(&self, range: Range<usize>) -> Range<usize> {
        let text = self.text.get(range.clone()).unwrap_or("");
        let start = range.start + (text.len() - text.trim_start().len());
        start..start + text.trim().len()
    }

    /// Headings with nothing under them: the next block is a heading of the
    /// same or a higher level, or there is none.
    pub(crate) fn empty_sections(&self) -> Vec<&Block> {
        let body: Vec<&Block> = self
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Title)
            .collect();
        body.iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let BlockKind::Heading(level) = b.kind else {
                    return None;
                };
                let empty = match body.get(i + 1).map(|n| n.kind) {
                    None => true,
                    Some(BlockKind::Heading(next)) => next <= level,
                    Some(_) => false,
                };
                empty.then_some(*b)
            })
            .collect()
    }
}

/// A word as words are compared: lower-case, without apostrophes.
pub(crate) fn normalize(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Builds a [`Prose`]: blocks are opened and closed, text is appended with
/// its source offset.
#[derive(Default)]
pub(super) struct Builder {
    text: String,
    segs: Vec<Seg>,
    blocks: Vec<Block>,
    open: Option<(BlockKind, usize)>,
    pub(super) links: Vec<String>,
}

impl Builder {
    pub(super) fn start(&mut self, kind: BlockKind) {
        self.end();
        self.open = Some((kind, self.text.len()));
    }

    pub(super) fn end(&mut self) {
        if let Some((kind, start)) = self.open.take() {
            if !self.text[start..].trim().is_empty() {
                self.blocks.push(Block {
                    kind,
                    range: start..self.text.len(),
                });
            }
            self.text.push('\n');
        }
    }

    fn open_is_empty_item(&self) -> bool {
        matches!(self.open, Some((BlockKind::Item, start)) if self.text[start..].trim().is_empty())
    }

    fn ensure_open(&mut self, s: &str) -> bool {
        if self.open.is_none() {
            if s.trim().is_empty() {
                return false;
            }
            self.start(BlockKind::Para);
        }
        true
    }

    /// Text copied verbatim from the source at `src`.
    pub(super) fn push_mapped(&mut self, s: &str, src: usize) {
        self.push_seg(s, src, true);
    }

    /// Text decoded from the source at `src` (an entity, an escape).
    pub(super) fn push_at(&mut self, s: &str, src: usize) {
        self.push_seg(s, src, false);
    }

    /// Text from the source at `src`; `exact` when it is the source's own bytes.
    fn push_seg(&mut self, s: &str, src: usize, exact: bool) {
        if !self.ensure_open(s) {
            return;
        }
        self.segs.push(Seg {
            text_start: self.text.len(),
            src_start: src,
            len: s.len(),
            exact,
        });
        self.text.push_str(s);
    }

    /// Text with no source of its own (a space for a line break).
    pub(super) fn push_plain(&mut self, s: &str) {
        if self.open.is_some() {
            self.text.push_str(s);
        }
    }

    fn finish(mut self, file: &str, source: String) -> Prose {
        self.end();
        let mut words = Vec::new();
        for (bi, block) in self.blocks.iter().enumerate() {
            if block.kind == BlockKind::Title {
                continue;
            }
            let slice = &self.text[block.range.clone()];
            let (found, links) = tokenize(slice);
            self.links.extend(links);
            words.extend(found.into_iter().map(|r| Word {
                range: r.start + block.range.start..r.end + block.range.start,
                block: bi,
            }));
        }
        let keys = words
            .iter()
            .map(|w: &Word| normalize(&self.text[w.range.clone()]))
            .collect();
        Prose {
            keys,
            lines: Lines::new(&source),
            text: self.text,
            blocks: self.blocks,
            words,
            links: self.links,
            file: file.to_string(),
            source,
            segs: self.segs,
            finder: None,
        }
    }
}

/// Every line with the byte offset it starts at (line ends not included).
fn line_spans(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push((start, body));
        start += line.len();
    }
    out
}

/// A line of `=` (level 1) or `-` (level 2), three or more, underlines the
/// line above as a heading.
fn underline(line: &str) -> Option<u8> {
    let t = line.trim();
    if t.chars().count() < 3 {
        return None;
    }
    if t.chars().all(|c| c == '=') {
        Some(1)
    } else if t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// The byte length of a list marker (`- `, `* `, `• `, `12. `) at the start.
fn list_marker(line: &str) -> Option<usize> {
    for m in ["- ", "* ", "• "] {
        if line.starts_with(m) {
            return Some(m.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits < 4 && line[digits..].starts_with(". ")).then_some(digits + 2)
}

#[cfg(test)]
mod tests;
