//! Markdown to HTML with pulldown-cmark, with the options written out;
//! escaping data for Markdown templates lives in `text::markdown`.
//!
//! Text from data is kept as text in two layers. First, every value a
//! Markdown template prints is escaped by `text::markdown::escape` (the engine's
//! autoescape for `.md`), so a city or a company name cannot start a
//! heading, a list, a link or an image. Second, whatever Markdown reaches
//! [`to_html`] (including values a template marks `safe`) cannot produce
//! markup beyond Markdown's own: raw HTML is shown as text, and links or
//! images whose URL is not http(s), mailto or relative lose their URL.

use std::collections::BTreeMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The Markdown extensions hirekit uses.
pub(crate) fn options() -> Options {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_STRIKETHROUGH);
    o
}

/// Converts Markdown to a bare HTML fragment (for pasting into an ATS).
pub(crate) fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, safe_events(markdown));
    out
}

#[cfg(test)]
/// Converts Markdown to the body of a page: like [`to_html`], and besides
/// each `##` heading opens a `<section>` whose `id` is the heading's slug
/// (so a stylesheet can start the scorecard on a new printed page and a
/// link can jump to a section), deeper headings get an `id` of their own,
/// and each table sits in a `<div class="table-wrap">` that scrolls
/// sideways on a narrow screen instead of widening the page.
pub(crate) fn to_html_page(markdown: &str) -> String {
    page_from_events(markdown.len(), safe_events(markdown))
}

/// Markdown parsed as pages show it (raw HTML as text, unsafe links
/// dropped), for uses that share one parse.
pub(crate) fn page_events(markdown: &str) -> Vec<Event<'_>> {
    safe_events(markdown).collect()
}

/// [`to_html_page`] of events from [`page_events`]; `size` is the length
/// of their Markdown.
pub(crate) fn page_from_events<'a>(size: usize, source: impl Iterator<Item = Event<'a>>) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut ids = Ids::default();
    let mut in_section = false;
    let mut source = source.peekable();
    while let Some(event) = source.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let mut inner = Vec::new();
                for e in source.by_ref() {
                    if matches!(e, Event::End(TagEnd::Heading(_))) {
                        break;
                    }
                    inner.push(e);
                }
                let id = ids.claim(&plain_text(&inner));
                if level <= HeadingLevel::H2 && in_section {
                    events.push(Event::Html("</section>\n".into()));
                    in_section = false;
                }
                let heading_id = if level == HeadingLevel::H2 {
                    events.push(Event::Html(format!("<section id=\"{id}\">\n").into()));
                    in_section = true;
                    None
                } else if level == HeadingLevel::H1 {
                    None
                } else {
                    Some(CowStr::from(id))
                };
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: heading_id,
                    classes,
                    attrs,
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html("<div class=\"table-wrap\">".into()));
                events.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            other => events.push(other),
        }
    }
    if in_section {
        events.push(Event::Html("</section>\n".into()));
    }
    let mut out = String::with_capacity(size * 5 / 4);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The parser's events with raw HTML turned into text and unsafe URLs
/// dropped: a link to `javascript:` keeps its text, an image with such a
/// URL becomes its alt text.
fn safe_events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    // Nesting of links and images whose tags were dropped.
    let mut dropped: Vec<bool> = Vec::new();
    Parser::new_ext(markdown, options()).filter_map(move |event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        // A raw HTML block shown as text reads as a paragraph.
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link { ref dest_url, .. })
        | Event::Start(Tag::Image { ref dest_url, .. }) => {
            let safe = is_safe_url(dest_url);
            dropped.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
            if dropped.pop().unwrap_or(false) {
                None
            } else {
                Some(event)
            }
        }
        other => Some(other),
    })
}

/// The text inside some inline events.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// Unique, valid `id`s from heading text.
#[derive(Default)]
struct Ids {
    used: BTreeMap<String, usize>,
}

impl Ids {
    /// The slug of `text`, made unique with `-2`, `-3`, ...; `section`
    /// when the text has no letters or digits.
    fn claim(&mut self, text: &str) -> String {
        let mut base = crate::text::slug(text);
        if base.is_empty() {
            base = "section".to_string();
        }
        let mut n = 1;
        let mut id = base.clone();
        while self.used.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone(), 1);
        id
    }
}

/// Whether a URL may go into an `href` or `src`: http, https, mailto, or a
/// relative reference with no scheme. Browsers ignore blanks and control
/// characters inside a scheme, so those are removed before the check; the
/// parser has already decoded entities such as `&#106;`.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            // A colon after a path, query or fragment character is not a scheme.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

#[cfg(test)]
mod tests;
