//! Markdown to clean plain text, for job boards that strip markup:
//! underlined headings, `-` bullets, aligned tables, links as
//! `text (url)`, no emphasis markers.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Converts Markdown to plain text ending in one newline.
pub(crate) fn to_text(markdown: &str) -> String {
    let mut w = Writer::default();
    for event in Parser::new_ext(markdown, super::markdown::options()) {
        w.event(event);
    }
    w.finish()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Text of the block being built (paragraph, heading, item line).
    line: String,
    /// Open lists: `None` for bullets, `Some(n)` for the next number.
    lists: Vec<Option<u64>>,
    heading: Option<HeadingLevel>,
    links: Vec<String>,
    table: Option<Table>,
    quote_depth: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    current: Vec<String>,
    header_rows: usize,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.line.push_str(&t)
            }
            Event::SoftBreak => self.line.push(' '),
            Event::HardBreak => self.line.push('\n'),
            Event::Rule => {
                self.flush_block();
                self.out.push_str("----\n\n");
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_block();
                self.heading = Some(level);
            }
            Tag::List(start) => {
                if !self.line.trim().is_empty() {
                    self.flush_item_line();
                }
                if self.lists.is_empty() {
                    self.flush_block();
                }
                self.lists.push(start);
            }
            Tag::Item => {
                if !self.line.trim().is_empty() {
                    self.flush_item_line();
                }
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                self.line = format!("{}{}", "  ".repeat(depth), marker);
            }
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Table(_) => {
                self.flush_block();
                self.table = Some(Table::default());
            }
            Tag::TableHead => {}
            Tag::TableRow => {}
            Tag::TableCell => self.line.clear(),
            Tag::BlockQuote(_) => {
                self.flush_block();
                self.quote_depth += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                let text = self.line.trim().to_string();
                self.line.clear();
                let width = text.chars().count();
                match self.heading.take() {
                    Some(HeadingLevel::H1) => self
                        .out
                        .push_str(&format!("{text}\n{}\n\n", "=".repeat(width))),
                    Some(HeadingLevel::H2) => self
                        .out
                        .push_str(&format!("{text}\n{}\n\n", "-".repeat(width))),
                    _ => self.out.push_str(&format!("{text}\n\n")),
                }
            }
            TagEnd::Paragraph => {
                if self.lists.is_empty() {
                    self.flush_block();
                } else {
                    self.line.push(' ');
                }
            }
            TagEnd::Item => self.flush_item_line(),
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.out.push('\n');
                }
            }
            TagEnd::Link => {
                if let Some(url) = self.links.pop()
                    && !url.is_empty()
                    && !self.line.ends_with(&url)
                {
                    self.line.push_str(&format!(" ({url})"));
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.line).trim().to_string();
                if let Some(t) = self.table.as_mut() {
                    t.current.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.current);
                    t.rows.push(row);
                    if tag == TagEnd::TableHead {
                        t.header_rows = t.rows.len();
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.out.push_str(&t.render());
                    self.out.push('\n');
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn flush_item_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_end();
        if !line.trim().is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    fn flush_block(&mut self) {
        let text = std::mem::take(&mut self.line);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let indent = "  ".repeat(self.quote_depth);
        for l in text.lines() {
            self.out.push_str(&indent);
            self.out.push_str(l.trim_end());
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn finish(mut self) -> String {
        self.flush_block();
        let mut out = self.out.trim_end().to_string();
        out.push('\n');
        out
    }
}

impl Table {
    fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for (r, row) in self.rows.iter().enumerate() {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count()));
            }
            out.push_str(line.trim_end());
            out.push('\n');
            if r + 1 == self.header_rows {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                out.push_str(&rule.join("  "));
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_emphasis() {
        let md = "# Title\n\nSome **bold** and [a link](https://x.example).\n\n## Duties\n\n- One\n- Two\n\n1. First\n2. Second\n";
        assert_eq!(
            to_text(md),
            "Title\n=====\n\nSome bold and a link (https://x.example).\n\nDuties\n------\n\n- One\n- Two\n\n1. First\n2. Second\n"
        );
    }

    #[test]
    fn tables_are_aligned() {
        let md = "| State | Pay |\n|---|---:|\n| Michigan | $43,690 |\n| DC | $56,140 |\n";
        assert_eq!(
            to_text(md),
            "State     Pay\n--------  -------\nMichigan  $43,690\nDC        $56,140\n"
        );
    }

    #[test]
    fn html_stays_literal() {
        assert_eq!(to_text("a <b>x</b>"), "a <b>x</b>\n");
    }
}
