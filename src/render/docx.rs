//! Markdown to a Word document (.docx), walking the same pulldown-cmark
//! events as the HTML and text writers.
//!
//! Headings become Word's heading styles (`Heading1`..`Heading6`, with
//! outline levels, so the navigation pane and a table of contents work),
//! lists become numbered or bulleted Word lists (one numbering instance
//! per Markdown list, nested lists one level deeper), tables become Word
//! tables whose columns share the text width by their content, links stay
//! hyperlinks, and emphasis stays emphasis. Raw HTML is shown as text and
//! unsafe URLs lose their link, as in the HTML page.
//!
//! The package is built with the `docx-rs` crate (document, styles,
//! numbering, relationships and content types); [`package`] then puts it
//! in a zip of its own with fixed timestamps and a fixed entry order,
//! writes the document properties (title, company), and takes the styles
//! of a reference document when one is given. Paragraph and hyperlink ids
//! are numbered here, per document, so the same Markdown always gives the
//! same bytes.

mod package;

use anyhow::Result;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, Hyperlink, HyperlinkData,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumPages, NumberFormat,
    Numbering, NumberingId, PageNum, Paragraph, ParagraphChild, Run, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};

pub(crate) use package::{Properties, reference_styles};

/// US Letter, in twentieths of a point.
const PAGE_WIDTH: u32 = 12_240;
const PAGE_HEIGHT: u32 = 15_840;
/// One inch all round.
const MARGIN: i32 = 1_440;
/// The width between the margins.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;
/// Indent per list level, and the hanging indent of the marker.
const LIST_INDENT: i32 = 360;

/// The abstract numbering of bulleted lists (`docx-rs` has one of its own
/// with id 1, and a numbering instance 1 that uses it).
const BULLETS: usize = 2;
/// The abstract numbering of numbered lists.
const NUMBERS: usize = 3;
/// The deepest list level Word has (levels are 0 to 8).
const MAX_LEVEL: usize = 8;
/// The first numbering instance of a list.
const FIRST_NUM: usize = 2;

/// Converts Markdown to the bytes of a .docx file. `styles` is the
/// `word/styles.xml` of a reference document, used instead of hirekit's.
pub(crate) fn to_docx(
    markdown: &str,
    props: &Properties,
    styles: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let body = convert(markdown);
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(docx_rs::PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 720,
            footer: 720,
            gutter: 0,
        })
        .add_abstract_numbering(list_levels(BULLETS, false))
        .add_abstract_numbering(list_levels(NUMBERS, true));
    for style in default_styles() {
        docx = docx.add_style(style);
    }
    docx = docx.footer(footer(&props.title, body.paragraphs + 1));
    for n in body.numberings {
        docx = docx.add_numbering(n);
    }
    for block in body.blocks {
        docx = match block {
            Block::Paragraph(p) => docx.add_paragraph(*p),
            Block::Table(t) => docx.add_table(*t),
        };
    }
    package::pack(docx, props, styles)
}

/// The converted body: blocks in order, and the numbering instances their
/// list paragraphs use.
struct Body {
    blocks: Vec<Block>,
    numberings: Vec<Numbering>,
    /// How many paragraphs it has (their ids are 1 to this).
    paragraphs: usize,
}

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The document's paragraphs and tables for some Markdown.
fn convert(markdown: &str) -> Body {
    let mut w = Writer::default();
    for event in super::markdown::page_events(markdown) {
        w.event(event);
    }
    w.flush();
    Body {
        blocks: w.blocks,
        numberings: w.numberings,
        paragraphs: w.paragraphs,
    }
}

/// An open Markdown list.
struct List {
    /// The numbering instance of its items.
    num: usize,
}

/// A table being built.
#[derive(Default)]
struct TableBuild {
    aligns: Vec<Alignment>,
    /// Rows of cells; each cell is its paragraph and its plain text.
    rows: Vec<Vec<(Paragraph, String)>>,
    header_rows: usize,
    in_head: bool,
}

#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    numberings: Vec<Numbering>,
    /// Runs (and hyperlinks) of the paragraph being built.
    children: Vec<ParagraphChild>,
    /// Text not yet in a run, and whether it is code: the parser splits
    /// text at markup characters, and one run per stretch reads better.
    pending: String,
    pending_code: bool,
    /// Plain text of the paragraph being built (table cells need it).
    text: String,
    /// The paragraph style and numbering of the block being built.
    style: Option<&'static str>,
    bold: usize,
    italic: usize,
    strike: usize,
    /// The link being built: its URL and its runs.
    link: Option<(String, Vec<Run>)>,
    lists: Vec<List>,
    /// The next item's first paragraph carries the list marker.
    item_start: bool,
    quote: usize,
    code_block: bool,
    table: Option<TableBuild>,
    /// Paragraphs made so far, for their ids.
    paragraphs: usize,
    /// Hyperlinks made so far, for their relationship ids.
    links: usize,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        if !matches!(
            event,
            Event::Text(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Code(_)
                | Event::SoftBreak
        ) {
            if matches!(
                event,
                Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item
                )
            ) {
                // A block does not end in blanks.
                let end = self.pending.trim_end().len();
                self.pending.truncate(end);
            }
            // Formatting may change: the text so far gets its run.
            self.flush_text();
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if self.code_block {
                    self.code_text(&t);
                } else {
                    self.push_text(&t, false);
                }
            }
            Event::Code(t) => self.push_text(&t, true),
            Event::SoftBreak => self.push_text(" ", false),
            Event::HardBreak => self.push_run(Run::new().add_break(BreakType::TextWrapping)),
            Event::Rule => {
                self.flush();
                self.style = Some("HorizontalRule");
                self.push_text("* * *", false);
                self.flush();
            }
            Event::TaskListMarker(done) => {
                self.push_text(if done { "☒ " } else { "☐ " }, false);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                if self.table.is_none() && self.lists.is_empty() {
                    self.flush();
                }
                if !self.lists.is_empty() && !self.item_start {
                    // A later paragraph of a list item: indented, no marker.
                    self.flush();
                }
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.style = Some(heading_style(level));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code_block = true;
                self.style = Some("SourceCode");
            }
            Tag::List(start) => {
                self.flush();
                let num = FIRST_NUM + self.numberings.len();
                let mut n = Numbering::new(num, if start.is_some() { NUMBERS } else { BULLETS });
                if let Some(first) = start {
                    let level = self.lists.len().min(MAX_LEVEL);
                    n = n.add_override(
                        LevelOverride::new(level).start(usize::try_from(first).unwrap_or(1)),
                    );
                }
                self.numberings.push(n);
                self.lists.push(List { num });
            }
            Tag::Item => {
                self.flush();
                self.item_start = true;
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self.link = Some((dest_url.to_string(), Vec::new())),
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(TableBuild {
                    aligns,
                    ..TableBuild::default()
                });
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                self.children.clear();
                self.text.clear();
                if self.table.as_ref().is_some_and(|t| t.in_head) {
                    self.bold += 1;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.code_block = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                let Some((url, runs)) = self.link.take() else {
                    return;
                };
                if url.trim().is_empty() || url.starts_with('#') {
                    // Nowhere to go in a Word file: the text alone.
                    for run in runs {
                        self.children.push(ParagraphChild::Run(Box::new(run)));
                    }
                    return;
                }
                self.links += 1;
                let mut link = Hyperlink {
                    link: HyperlinkData::External {
                        rid: format!("rIdLink{}", self.links),
                        path: package::escape_attr(&url),
                    },
                    history: None,
                    children: Vec::new(),
                };
                for run in runs {
                    link = link.add_run(run.style("Hyperlink"));
                }
                self.children.push(ParagraphChild::Hyperlink(link));
            }
            TagEnd::TableCell => self.end_cell(),
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = false;
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = self.build_table(t);
                    self.blocks.push(Block::Table(Box::new(table)));
                }
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        let Some(t) = self.table.as_ref() else {
            return;
        };
        let head = t.in_head;
        let col = t.rows.last().map_or(0, Vec::len);
        let align = t.aligns.get(col).copied().unwrap_or(Alignment::None);
        if head {
            self.bold = self.bold.saturating_sub(1);
        }
        let mut p = self.new_paragraph().style("TableText");
        for child in std::mem::take(&mut self.children) {
            p = push_child(p, child);
        }
        p = match align {
            Alignment::Center => p.align(AlignmentType::Center),
            Alignment::Right => p.align(AlignmentType::Right),
            _ => p,
        };
        let text = std::mem::take(&mut self.text);
        if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
            row.push((p, text));
        }
    }

    /// A Word table: columns share the text width by the length of their
    /// text; a column with a heading and no text below it is a column to
    /// write in, so it gets room, and so do the rows that have such cells.
    fn build_table(&mut self, t: TableBuild) -> Table {
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let body = &t.rows[t.header_rows.min(t.rows.len())..];
        let blank_column = |c: usize| {
            !body.is_empty()
                && body
                    .iter()
                    .all(|r| r.get(c).is_none_or(|(_, s)| s.trim().is_empty()))
        };
        let weights: Vec<usize> = (0..cols)
            .map(|c| {
                let texts = || t.rows.iter().filter_map(|r| r.get(c)).map(|(_, s)| s);
                let longest = texts().map(|s| s.chars().count()).max().unwrap_or(0);
                // A column never narrower than its longest word.
                let word = texts()
                    .flat_map(|s| s.split_whitespace())
                    .map(|w| w.chars().count() + 3)
                    .max()
                    .unwrap_or(0);
                let weight = if blank_column(c) {
                    longest.max(24)
                } else {
                    longest.min(60)
                };
                weight.max(word).max(8)
            })
            .collect();
        let total: usize = weights.iter().sum::<usize>().max(1);
        let widths: Vec<usize> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
        let writable = (0..cols).any(blank_column);
        let mut rows = Vec::new();
        for (r, row) in t.rows.into_iter().enumerate() {
            let header = r < t.header_rows;
            let mut cells = Vec::new();
            let n = row.len();
            for (c, (p, _)) in row.into_iter().enumerate() {
                let mut cell = TableCell::new()
                    .add_paragraph(p)
                    .width(widths.get(c).copied().unwrap_or(0), WidthType::Dxa);
                if header {
                    cell = cell.shading(Shading::new().fill("E7E6E6"));
                }
                cells.push(cell);
            }
            // A short row gets empty cells, as Markdown shows it.
            for c in n..cols {
                let p = self.new_paragraph().style("TableText");
                cells.push(
                    TableCell::new()
                        .add_paragraph(p)
                        .width(widths.get(c).copied().unwrap_or(0), WidthType::Dxa),
                );
            }
            let mut row = TableRow::new(cells).cant_split();
            if writable && !header {
                // Half an inch to write in.
                row = row.row_height(720.0);
            }
            rows.push(row);
        }
        Table::new(rows)
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(docx_rs::TableLayoutType::Fixed)
    }

    /// A new, empty paragraph with the next id.
    fn new_paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(para_id(self.paragraphs))
    }

    /// Text, to go into a run with the emphasis in effect.
    fn push_text(&mut self, text: &str, code: bool) {
        let text = xml_text(text);
        if text.is_empty() {
            return;
        }
        if code != self.pending_code {
            self.flush_text();
            self.pending_code = code;
        }
        self.text.push_str(&text);
        self.pending.push_str(&text);
    }

    /// The pending text as a run.
    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending);
        let code = self.pending_code;
        let mut run = Run::new().add_text(text);
        if self.bold > 0 {
            run = run.bold();
        }
        if self.italic > 0 {
            run = run.italic();
        }
        if self.strike > 0 {
            run = run.strike();
        }
        if code {
            run = run.style("VerbatimChar");
        }
        self.push_run(run);
    }

    fn push_run(&mut self, run: Run) {
        match self.link.as_mut() {
            Some((_, runs)) => runs.push(run),
            None => self.children.push(ParagraphChild::Run(Box::new(run))),
        }
    }

    /// A code block's text: one run per line, with line breaks between.
    fn code_text(&mut self, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            if !line.is_empty() {
                self.push_text(line, false);
            }
            if lines.peek().is_some_and(|next| !next.is_empty()) {
                self.flush_text();
                self.push_run(Run::new().add_break(BreakType::TextWrapping));
            }
        }
    }

    /// Ends the paragraph being built (if it has anything in it).
    fn flush(&mut self) {
        self.flush_text();
        if self.table.is_some() {
            // Cell paragraphs are made at the end of their cell.
            return;
        }
        if self.children.is_empty() {
            if self.lists.is_empty() || !self.item_start {
                self.style = None;
            }
            return;
        }
        let mut p = self.new_paragraph();
        for child in std::mem::take(&mut self.children) {
            p = push_child(p, child);
        }
        // A label ("Red flags:") stays on the page of what it introduces.
        let label = self.text.trim_end().ends_with(':');
        self.text.clear();
        let style = self.style.take();
        if let Some(list) = self.lists.last() {
            // Lists nested deeper than Word's nine levels stay at the ninth.
            let level = (self.lists.len() - 1).min(MAX_LEVEL);
            if self.item_start {
                p = p
                    .style("ListParagraph")
                    .numbering(NumberingId::new(list.num), IndentLevel::new(level));
                self.item_start = false;
            } else {
                // A later paragraph of an item lines up with its text.
                let indent = LIST_INDENT * (i32::try_from(level).unwrap_or(0) + 2);
                p = p
                    .style("ListParagraph")
                    .indent(Some(indent), None, None, None);
            }
        } else if let Some(style) = style {
            p = p.style(style);
            if style.starts_with("Heading") {
                p = p.keep_next(true);
            }
        } else if self.quote > 0 {
            p = p.style("Quote");
        } else {
            p = p.style("BodyText").keep_next(label);
        }
        self.blocks.push(Block::Paragraph(Box::new(p)));
    }
}

fn push_child(p: Paragraph, child: ParagraphChild) -> Paragraph {
    match child {
        ParagraphChild::Run(run) => p.add_run(*run),
        ParagraphChild::Hyperlink(link) => p.add_hyperlink(link),
        _ => p,
    }
}

/// The footer of every page: the title and `Page N of M`, small, on the
/// right; `id` is its paragraph's number.
fn footer(title: &str, id: usize) -> Footer {
    let mut p = Paragraph::new()
        .id(para_id(id))
        .style("Footer")
        .align(AlignmentType::Right);
    let title = xml_text(title);
    if !title.is_empty() {
        p = p.add_run(Run::new().add_text(format!("{title} · ")));
    }
    p = p
        .add_run(Run::new().add_text("Page "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" of "))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(p)
}

/// A paragraph id (`w14:paraId`): eight hex digits, below `0x80000000`
/// as Word requires, numbered in document order.
fn para_id(n: usize) -> String {
    format!("{:08X}", n & 0x7FFF_FFFF)
}

/// Text without the characters XML 1.0 cannot carry (control characters
/// other than tab); a line break inside text (raw HTML shown as text)
/// becomes a space. Markup characters are escaped later.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' => Some(' '),
            '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn heading_style(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "Heading1",
        HeadingLevel::H2 => "Heading2",
        HeadingLevel::H3 => "Heading3",
        HeadingLevel::H4 => "Heading4",
        HeadingLevel::H5 => "Heading5",
        HeadingLevel::H6 => "Heading6",
    }
}

/// Nine levels of bullets or numbers, each indented one step more.
fn list_levels(id: usize, numbered: bool) -> AbstractNumbering {
    let mut numbering = AbstractNumbering::new(id);
    for level in 0..=MAX_LEVEL {
        let (format, text) = if numbered {
            let format = match level % 3 {
                0 => "decimal",
                1 => "lowerLetter",
                _ => "lowerRoman",
            };
            (format, format!("%{}.", level + 1))
        } else {
            let bullet = match level % 3 {
                0 => "•",
                1 => "◦",
                _ => "▪",
            };
            ("bullet", bullet.to_string())
        };
        let left = LIST_INDENT * (i32::try_from(level).unwrap_or(0) + 2);
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(left),
                Some(SpecialIndentType::Hanging(LIST_INDENT)),
                None,
                None,
            ),
        );
    }
    numbering
}

/// hirekit's own styles: a plain sans-serif body, headings a size apart
/// with outline levels, list, quote, table and code styles.
fn default_styles() -> Vec<Style> {
    let body_font = || {
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri")
    };
    let mut styles = vec![
        Style::new("BodyText", StyleType::Paragraph)
            .name("Body Text")
            .based_on("Normal")
            .q_format(true)
            .fonts(body_font())
            .size(22)
            .line_spacing(LineSpacing::new().before(0).after(160).line(264)),
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true)
            .fonts(body_font())
            .size(22)
            .line_spacing(LineSpacing::new().before(0).after(60).line(264)),
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("BodyText")
            .q_format(true)
            .italic()
            .indent(Some(720), None, Some(720), None),
        Style::new("TableText", StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .fonts(body_font())
            .size(20)
            .line_spacing(LineSpacing::new().before(40).after(40)),
        Style::new("SourceCode", StyleType::Paragraph)
            .name("Source Code")
            .based_on("Normal")
            .fonts(mono_font())
            .size(20),
        Style::new("HorizontalRule", StyleType::Paragraph)
            .name("Horizontal Rule")
            .based_on("BodyText")
            .align(AlignmentType::Center),
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .fonts(body_font())
            .size(16)
            .color("595959"),
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
        Style::new("VerbatimChar", StyleType::Character)
            .name("Verbatim Char")
            .fonts(mono_font()),
    ];
    // Sizes in half-points: 20, 16, 13, 12, 11, 11.
    for (n, size) in [
        (1usize, 40usize),
        (2, 32),
        (3, 26),
        (4, 24),
        (5, 22),
        (6, 22),
    ] {
        let mut s = Style::new(format!("Heading{n}"), StyleType::Paragraph)
            .name(format!("heading {n}"))
            .based_on("Normal")
            .next("BodyText")
            .q_format(true)
            .fonts(
                RunFonts::new()
                    .ascii("Calibri Light")
                    .hi_ansi("Calibri Light")
                    .cs("Calibri Light"),
            )
            .size(size)
            .color(if n <= 2 { "1F3864" } else { "2F5496" })
            .outline_lvl(n - 1)
            .line_spacing(
                LineSpacing::new()
                    .before(if n == 1 { 0 } else { 240 })
                    .after(80),
            );
        if n >= 3 {
            s = s.bold();
        }
        styles.push(s);
    }
    styles
}

fn mono_font() -> RunFonts {
    RunFonts::new()
        .ascii("Consolas")
        .hi_ansi("Consolas")
        .cs("Consolas")
}

#[cfg(test)]
mod tests;
