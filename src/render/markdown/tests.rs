use super::*;
use crate::text::markdown::escape;

#[test]
fn raw_html_is_shown_as_text() {
    let html = to_html("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    // The HTML block is a paragraph of text, not loose text.
    assert!(
        html.contains("<p>&lt;img src=x onerror=alert(1)&gt;\n</p>"),
        "{html}"
    );
}

#[test]
fn unsafe_links_lose_their_url() {
    let html = to_html("[click](javascript:alert(1)) and [ok](https://example.com)");
    assert!(!html.contains("javascript"), "{html}");
    assert!(html.contains("click"));
    assert!(html.contains("href=\"https://example.com\""));
}

#[test]
fn every_way_to_write_a_script_url_is_dropped() {
    for md in [
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<javascript:alert(1)> \"t\")",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![alt](javascript:alert(1))",
        "![alt][r]\n\n[r]: vbscript:x",
    ] {
        let html = to_html(md);
        for bad in ["href", "src", "<img", "<a "] {
            assert!(!html.contains(bad), "{md:?} gave {html}");
        }
    }
    // The image's alt text stays as text.
    assert_eq!(to_html("![alt](javascript:x)"), "<p>alt</p>\n");
}

#[test]
fn titles_and_safe_urls_are_escaped_in_attributes() {
    let html = to_html("[a](https://e.com/?q=\"><x> \"t<i>\\\"\")");
    assert!(!html.contains("<x>") && !html.contains("<i>"), "{html}");
    let html = to_html("![a\"b](https://e.com/x.png \"<b>\")");
    assert!(html.contains("title=\"&lt;b&gt;\""), "{html}");
    assert!(html.contains("alt=\"a&quot;b\""), "{html}");
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
        ("java\u{0}script:alert(1)", false),
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

#[test]
fn escaped_text_reads_back_as_itself() {
    for text in [
        "plain text, 401(k) and $15.50/hr",
        "# not a heading",
        "- not a list",
        "+ nor this",
        "1. not numbered",
        "2024) nor this",
        "=== not a setext line",
        "*not em* and **not strong** and ~~not struck~~",
        "_not em_ but snake_case_name stays",
        "[not](a link) ![nor](an image) <https://not.autolink>",
        "<script>alert(1)</script> & &amp; &#106; AT&T",
        "`not code` | not | a | table",
        "back\\slash\\*",
        "> not a quote",
        "    not code",
    ] {
        let html = to_html(&escape(text));
        let expected = format!("<p>{}</p>\n", html_text(text.trim_start()));
        assert_eq!(html, expected, "{text:?} escaped as {:?}", escape(text));
    }
}

#[test]
fn escaping_leaves_ordinary_text_alone() {
    for text in [
        "Customer Service Representative",
        "401(k) plan, paid time off and $15.50 an hour.",
        "FULL_TIME",
        "e-mail, well-known, 9-5",
        "Q&A",
        "2026-11-24",
    ] {
        assert_eq!(escape(text), text);
    }
}

#[test]
fn line_breaks_fold_into_one_space() {
    assert_eq!(escape("a\n\n   # b\r\nc  "), "a # b c  ");
    assert_eq!(escape("  \n\t- x"), "\\- x");
    // Inside a heading or a table cell a value stays on its line.
    let html = to_html(&format!("### {}\n", escape("Q?\n\n# Injected")));
    assert_eq!(html, "<h3>Q? # Injected</h3>\n");
    let html = to_html(&format!("| h |\n|---|\n| {} |\n", escape("a|b\n\n| c |")));
    assert!(html.contains("<td>a|b | c |</td>"), "{html}");
}

#[test]
fn pages_get_sections_ids_and_scrolling_tables() {
    let md = "# T\n\nIntro.\n\n## Time Plan\n\n| a |\n|---|\n| 1 |\n\n## Scorecard\n\n### 1. Q\n\n#### Q\n\n### 1. Q\n\n## !!!\n";
    let html = to_html_page(md);
    assert_eq!(
        html,
        "<h1>T</h1>\n<p>Intro.</p>\n\
         <section id=\"time-plan\">\n<h2>Time Plan</h2>\n\
         <div class=\"table-wrap\"><table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>\n</div>\n\
         </section>\n<section id=\"scorecard\">\n<h2>Scorecard</h2>\n\
         <h3 id=\"1-q\">1. Q</h3>\n<h4 id=\"q\">Q</h4>\n<h3 id=\"1-q-2\">1. Q</h3>\n\
         </section>\n<section id=\"section\">\n<h2>!!!</h2>\n</section>\n"
    );
}

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
