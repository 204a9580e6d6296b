//! Markdown to HTML with pulldown-cmark, with the options written out, and
//! with text from data kept as text: raw HTML is shown literally, and links
//! or images whose URL is not http(s), mailto or relative are dropped
//! (their text stays).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// The Markdown extensions hirekit uses.
pub fn options() -> Options {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_STRIKETHROUGH);
    o
}

/// Converts Markdown to an HTML fragment.
pub fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    let mut dropping_link = false;
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { dest_url, .. }) if !is_safe_url(&dest_url) => {
            dropping_link = true;
            None
        }
        Event::End(TagEnd::Link) if dropping_link => {
            dropping_link = false;
            None
        }
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            link_type,
        }) => {
            let dest_url = if is_safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("")
            };
            Some(Event::Start(Tag::Image {
                dest_url,
                title,
                id,
                link_type,
            }))
        }
        other => Some(other),
    });
    html::push_html(&mut out, events);
    out
}

/// Whether a URL may go into an `href` or `src`: http, https, mailto, or a
/// relative reference with no scheme.
pub fn is_safe_url(url: &str) -> bool {
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
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_their_url() {
        let html = to_html("[click](javascript:alert(1)) and [ok](https://example.com)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("click"));
        assert!(html.contains("href=\"https://example.com\""));
    }

    #[test]
    fn url_schemes() {
        for (url, ok) in [
            ("https://a.example/x", true),
            ("HTTP://a.example", true),
            ("mailto:jobs@example.com", true),
            ("/jobs/1", true),
            ("jobs.html#a:b", true),
            ("javascript:alert(1)", false),
            (" java\tscript:alert(1)", false),
            ("data:text/html,x", false),
            ("vbscript:x", false),
        ] {
            assert_eq!(is_safe_url(url), ok, "{url}");
        }
    }

    #[test]
    fn tables_are_rendered() {
        let html = to_html("| a | b |\n|---|--:|\n| 1 | 2 |\n");
        assert!(
            html.contains("<table>") && html.contains("<th>a</th>"),
            "{html}"
        );
    }
}
