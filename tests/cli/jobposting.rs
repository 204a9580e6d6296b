//! The job post's schema.org `JobPosting` as Google for Jobs reads it:
//! `datePosted` always (the row's, `--date`, today), `batch` keeping each
//! ad's first posting date, `hiringOrganization` (a warning from `render`
//! and `batch` and a lint finding without one), education and experience,
//! remote rows, street address and currency; the feed's shared-URL warning;
//! and the batch index, a page for candidates that a workspace can override.
//! JSON-LD is read back with an HTML parser (html5ever, via scraper) and
//! serde_json, and in headless Chromium when it is installed.

use serde_json::{Value, json};

use crate::html::browser;
use crate::html::pagecheck::{self, json_ld};
use crate::support::Hirekit;

const ROLE: &str = "customer-service-representative";

const COMPANY: &str = "name: Northwind Support\n\
    website: https://northwind.example\n\
    apply_url: https://northwind.example/careers\n\
    email: jobs@northwind.example\n";

/// The one `JobPosting` of a page.
#[track_caller]
fn posting(html: &str) -> Value {
    let mut found = json_ld(html);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.remove(0)
}

/// The page's JobPosting, and stderr without the pay-law warnings (these
/// posts in Denver have no range on purpose; paylaw.rs tests those).
fn render_post(h: Hirekit, extra: &[&str]) -> (Value, String) {
    let run = h
        .args(["render", ROLE, "--doc", "job-post", "--format", "html"])
        .args(extra)
        .succeeds();
    let stderr: String = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("warning: pay-transparency:"))
        .map(|l| format!("{l}\n"))
        .collect();
    (posting(&run.stdout), stderr)
}

#[test]
fn a_page_rendered_with_location_and_company_carries_date_posted_and_hiring_organization() {
    let (p, stderr) = render_post(
        Hirekit::new().file("company.yaml", COMPANY),
        &["--location", "Denver, CO", "--company", "company.yaml"],
    );
    assert_eq!(stderr, "");
    // Today, as the tests fix it (SOURCE_DATE_EPOCH).
    assert_eq!(p["datePosted"], "2026-12-01");
    assert_eq!(
        p["hiringOrganization"],
        json!({"@type": "Organization", "name": "Northwind Support",
               "sameAs": "https://northwind.example"})
    );
    assert_eq!(p["jobLocation"]["address"]["addressLocality"], "Denver");

    // --date gives the date; the page shows the date its data says.
    let h = Hirekit::new().file("company.yaml", COMPANY);
    let args = [
        "--location",
        "Denver, CO",
        "--company",
        "company.yaml",
        "--date",
        "2026-11-20",
    ];
    let (p, _) = render_post(h, &args);
    assert_eq!(p["datePosted"], "2026-11-20");
    let md = Hirekit::new()
        .args([
            "render",
            ROLE,
            "--doc",
            "job-post",
            "--location",
            "Denver, CO",
        ])
        .args(["--date", "2026-11-20"])
        .succeeds()
        .stdout;
    assert!(md.contains("**Posted:** November 20, 2026"), "{md}");

    // Without a location the posting is still dated.
    let (p, _) = render_post(
        Hirekit::new().file("company.yaml", COMPANY),
        &["--company", "company.yaml", "--date", "2026-10-05"],
    );
    assert_eq!(p["datePosted"], "2026-10-05");

    // A row's own date wins over --date.
    let (p, _) = render_post(
        Hirekit::new().fixture("locations/sites.csv", "sites.csv"),
        &[
            "--locations",
            "sites.csv",
            "--id",
            "den-1",
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(p["datePosted"], "2026-11-24");
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let run = Hirekit::new()
        .args(["render", ROLE, "--doc", "job-post", "--date", "2026-13-01"])
        .usage_error();
    assert!(
        run.stderr
            .contains("`2026-13-01` is not a date; expected YYYY-MM-DD"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_company_render_warns_once_and_lint_reports_it() {
    let (p, stderr) = render_post(Hirekit::new(), &["--location", "Denver, CO"]);
    assert!(p.get("hiringOrganization").is_none(), "{p:#}");
    insta::assert_snapshot!("no_organization_warning", stderr);
    // Other formats and documents carry no JobPosting: nothing to say.
    for (doc, format) in [("job-post", "md"), ("job-brief", "html")] {
        let run = Hirekit::new()
            .args(["render", ROLE, "--doc", doc, "--format", format])
            .succeeds();
        assert_eq!(run.stderr, "", "{doc}.{format}");
    }
    // A row's company is the organization.
    let csv = "id,city,state,company\nden-1,Denver,CO,Contoso Staffing\n";
    let (p, stderr) = render_post(
        Hirekit::new().file("sites.csv", csv),
        &["--locations", "sites.csv", "--id", "den-1"],
    );
    assert_eq!(stderr, "");
    assert_eq!(p["hiringOrganization"]["name"], "Contoso Staffing");

    let rule = "completeness/no-hiring-organization";
    let lint = |h: Hirekit, extra: &[&str]| -> String {
        let run = h
            .args(["lint", ROLE, "--location", "Austin, TX", "--format", "json"])
            .args(extra)
            .run();
        assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
        run.stdout
    };
    let report = lint(Hirekit::new(), &[]);
    let v: Value = serde_json::from_str(&report).unwrap();
    let found: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect();
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0]["severity"], "warning");
    let with_company = lint(
        Hirekit::new().file("company.yaml", COMPANY),
        &["--company", "company.yaml"],
    );
    assert!(!with_company.contains(rule), "{with_company}");
    let brief = lint(Hirekit::new(), &["--doc", "job-brief"]);
    assert!(!brief.contains(rule), "{brief}");
}

const SITES: &str = "id,city,state,employment_type,pay_min,pay_max,pay_period\n\
    det-1,Detroit,MI,FULL_TIME,18.50,22.00,hour\n\
    den-1,Denver,CO,PART_TIME,19.50,23.00,hour\n";

#[test]
fn a_batch_rerun_with_a_later_date_rewrites_no_ad_and_keeps_the_first_date() {
    let mut h = Hirekit::new()
        .file("sites.csv", SITES)
        .file("company.yaml", COMPANY);
    let batch = |date: &str| -> Vec<String> {
        [
            "batch",
            ROLE,
            "--locations",
            "sites.csv",
            "--out",
            "dist",
            "--company",
            "company.yaml",
            "--date",
        ]
        .iter()
        .map(ToString::to_string)
        .chain([date.to_string()])
        .collect()
    };
    let first = h.cmd(batch("2026-11-02")).succeeds();
    assert!(first.stderr.contains("5 files written"), "{}", first.stderr);
    let page = "dist/customer-service-representative/job-post/det-1.html";
    assert_eq!(posting(&h.read(page))["datePosted"], "2026-11-02");
    let manifest = h.read("dist/manifest.json");
    assert_eq!(manifest.matches("\"posted\":\"2026-11-02\"").count(), 4);

    // A month later: nothing is rewritten, and the ads keep their date.
    let later = h.cmd(batch("2026-12-02")).succeeds();
    assert!(
        later.stderr.contains("0 files written, 5 unchanged"),
        "{}",
        later.stderr
    );
    assert_eq!(posting(&h.read(page))["datePosted"], "2026-11-02");
    assert_eq!(h.read("dist/manifest.json"), manifest);

    // A new row is posted on the run's date; the others keep theirs.
    let h = h.file(
        "sites.csv",
        format!("{SITES}aus-1,Austin,TX,FULL_TIME,,,\n"),
    );
    let mut h = h;
    let grown = h.cmd(batch("2026-12-02")).succeeds();
    assert!(grown.stderr.contains("3 ads"), "{}", grown.stderr);
    let austin = "dist/customer-service-representative/job-post/aus-1.html";
    assert_eq!(posting(&h.read(austin))["datePosted"], "2026-12-02");
    assert_eq!(posting(&h.read(page))["datePosted"], "2026-11-02");

    // A row's own date_posted is the date, and a change of it rewrites
    // that row's ad only.
    let dated = "id,city,state,employment_type,pay_min,pay_max,pay_period,date_posted\n\
        det-1,Detroit,MI,FULL_TIME,18.50,22.00,hour,2026-11-30\n\
        den-1,Denver,CO,PART_TIME,19.50,23.00,hour,\n\
        aus-1,Austin,TX,FULL_TIME,,,,\n";
    let mut h = h.file("sites.csv", dated);
    let changed = h.cmd(batch("2026-12-03")).succeeds();
    assert!(
        changed.stderr.contains("3 files written, 4 unchanged"),
        "{}",
        changed.stderr
    );
    assert_eq!(posting(&h.read(page))["datePosted"], "2026-11-30");
    let denver = "dist/customer-service-representative/job-post/den-1.html";
    assert_eq!(posting(&h.read(denver))["datePosted"], "2026-11-02");
}

#[test]
fn a_manifest_without_posting_dates_still_loads_and_gains_them() {
    let mut h = Hirekit::new().file("sites.csv", SITES);
    let args = |date: &str| {
        vec![
            "batch".to_string(),
            ROLE.to_string(),
            "--locations".into(),
            "sites.csv".into(),
            "--out".into(),
            "dist".into(),
            "--date".into(),
            date.into(),
        ]
    };
    h.cmd(args("2026-11-02")).succeeds();
    // The manifest as an older hirekit wrote it: no `posted`.
    let manifest = h.read("dist/manifest.json");
    let old: String = manifest
        .lines()
        .map(|l| match l.find(",\"posted\":") {
            Some(i) => format!("{}}}{}", &l[..i], if l.ends_with(',') { "," } else { "" }),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    assert!(!old.contains("posted"), "{old}");
    let h = h.file("dist/manifest.json", &old);
    let mut h = h;
    // Same day: the same pages, and the manifest learns their date.
    let run = h.cmd(args("2026-11-02")).succeeds();
    assert!(run.stderr.contains("0 files written"), "{}", run.stderr);
    assert_eq!(h.read("dist/manifest.json"), manifest);
    // From then on the date is kept.
    h.cmd(args("2026-12-24")).succeeds();
    let page = h.read("dist/customer-service-representative/job-post/den-1.html");
    assert_eq!(posting(&page)["datePosted"], "2026-11-02");
}

#[test]
fn remote_rows_street_addresses_and_currencies_reach_the_job_posting() {
    let csv = "id,city,state,postal_code,workplace,pay_min,pay_max,pay_period,street_address,currency,company\n\
        hq,Detroit,MI,48226,onsite,18.50,22.00,hour,1 Campus Martius,usd,\n\
        home,Austin,TX,,remote,40000,52000,year,,CAD,Contoso Staffing\n";
    let post = |id: &str| {
        render_post(
            Hirekit::new().file("sites.csv", csv),
            &["--locations", "sites.csv", "--id", id],
        )
        .0
    };
    let hq = post("hq");
    assert_eq!(
        hq["jobLocation"]["address"],
        json!({"@type": "PostalAddress", "streetAddress": "1 Campus Martius",
               "addressLocality": "Detroit", "addressRegion": "MI",
               "postalCode": "48226", "addressCountry": "US"})
    );
    assert_eq!(hq["baseSalary"]["currency"], "USD");
    assert!(hq.get("jobLocationType").is_none());
    let home = post("home");
    assert_eq!(home["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        home["applicantLocationRequirements"],
        json!({"@type": "Country", "name": "US"})
    );
    assert!(home.get("jobLocation").is_none());
    assert_eq!(home["baseSalary"]["currency"], "CAD");
    assert_eq!(home["baseSalary"]["value"]["unitText"], "YEAR");
    // Beside an offer the page shows no BLS figure, nor does its posting.
    assert!(home.get("estimatedSalary").is_none());
    assert_eq!(home["identifier"]["name"], "Contoso Staffing");
    assert_eq!(
        home["identifier"]["value"],
        "customer-service-representative-home"
    );

    let bad = "city,state,currency\nDetroit,MI,dollars\n";
    let run = Hirekit::new()
        .file("sites.csv", bad)
        .args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .fails();
    insta::assert_snapshot!("bad_currency", run.stderr());
}

#[test]
fn education_and_experience_come_from_the_profile() {
    let profile = "title: Dental Assistant\nsummary: Helps the dentist.\n\
        duties: [Prepare rooms]\nrequirements: [A certificate]\n\
        education: professional certificate\nexperience_months: 6\n";
    let html = Hirekit::new()
        .file("roles/da.yaml", profile)
        .args([
            "render",
            "roles/da.yaml",
            "--doc",
            "job-post",
            "--format",
            "html",
        ])
        .succeeds()
        .stdout;
    let p = posting(&html);
    assert_eq!(
        p["educationRequirements"],
        json!({"@type": "EducationalOccupationalCredential",
               "credentialCategory": "professional certificate"})
    );
    assert_eq!(
        p["experienceRequirements"],
        json!({"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 6})
    );
    // The built-in profile says neither (experience is "helpful, not
    // required"), so its posting claims neither.
    let (builtin, _) = render_post(Hirekit::new(), &[]);
    assert!(builtin.get("educationRequirements").is_none());
    assert!(builtin.get("experienceRequirements").is_none());
    // A role drafted from the occupation library has O*NET's medians, as
    // its qualifications say them.
    let run = Hirekit::new()
        .args(["render", "29-1141", "--doc", "job-post", "--format", "html"])
        .succeeds();
    let nurse = posting(&run.stdout);
    assert_eq!(
        nurse["educationRequirements"]["credentialCategory"],
        "bachelor degree"
    );
    assert_eq!(nurse["experienceRequirements"]["monthsOfExperience"], 12);

    let bad = "title: T\nsummary: S\nduties: [a]\nrequirements: [b]\neducation: phd\n";
    let run = Hirekit::new()
        .file("roles/t.yaml", bad)
        .args(["render", "roles/t.yaml"])
        .fails();
    insta::assert_snapshot!("bad_education", run.stderr());
}

#[test]
fn a_feed_whose_jobs_share_one_url_gets_a_warning() {
    let run = Hirekit::new()
        .file("sites.csv", SITES)
        .file("company.yaml", COMPANY)
        .args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .args(["--company", "company.yaml", "--feed", "indeed"])
        .succeeds();
    let warning: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    insta::assert_snapshot!("shared_url_warning", warning.join("\n"));
    let run = Hirekit::new()
        .file("sites.csv", SITES)
        .file("company.yaml", COMPANY)
        .args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .args(["--company", "company.yaml", "--feed", "indeed"])
        .args(["--base-url", "https://jobs.example.com/ads"])
        .succeeds();
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    // One job is not a shared URL.
    let run = Hirekit::new()
        .file("sites.csv", "city,state\nDetroit,MI\n")
        .file("company.yaml", COMPANY)
        .args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .args(["--company", "company.yaml", "--feed", "indeed"])
        .succeeds();
    assert!(!run.stderr.contains("share"), "{}", run.stderr);
}

#[test]
fn batch_counts_job_posts_without_an_organization() {
    let run = Hirekit::new()
        .file("sites.csv", SITES)
        .args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .succeeds();
    let warning: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    insta::assert_snapshot!("batch_no_organization", warning.join("\n"));
}

const INDEX_SITES: &str = "id,city,state,employment_type,pay_min,pay_max,pay_period,workplace,company,date_posted\n\
    det-1,Detroit,MI,FULL_TIME,18.50,22.00,hour,,,\n\
    den-1,Denver,CO,PART_TIME,19.50,23.00,hour,hybrid,,2026-11-24\n\
    aus-1,Austin,TX,FULL_TIME,,,,remote,Contoso Staffing,\n\
    aus-2,Austin,TX,,41000,52000,year,,,\n";

fn index_batch() -> Hirekit {
    let h = Hirekit::new()
        .file("sites.csv", INDEX_SITES)
        .file("company.yaml", COMPANY);
    h.args(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .args(["--company", "company.yaml", "--format", "html,md"])
}

#[test]
fn the_index_shows_company_title_place_pay_type_and_date() {
    let h = index_batch();
    h.succeeds();
    let html = h.read("dist/index.html");
    pagecheck::assert_well_formed("index", &html);
    insta::assert_snapshot!("index_html", html);
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let ads: Vec<String> = doc.select(&sel("li.ad")).map(pagecheck::text).collect();
    assert_eq!(
        ads,
        [
            "Customer Service Representative Northwind Support · Denver, CO Hybrid $19.50–$23.00 an hour Part-time Posted November 24, 2026 Also as Markdown",
            "Customer Service Representative Northwind Support · Detroit, MI $18.50–$22.00 an hour Full-time Posted December 1, 2026 Also as Markdown",
            "Customer Service Representative Contoso Staffing · Austin, TX Remote Full-time Posted December 1, 2026 Also as Markdown",
            "Customer Service Representative Northwind Support · Austin, TX $41,000–$52,000 a year Posted December 1, 2026 Also as Markdown",
        ]
    );
    // Every link is an ad's file, and the title links to the web page.
    let links: Vec<&str> = doc
        .select(&sel("li.ad h3 a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        links[0],
        "customer-service-representative/job-post/den-1.html"
    );
    for link in doc.select(&sel("a[href]")) {
        let href = link.value().attr("href").unwrap();
        if let Some(path) = href.strip_prefix('#') {
            assert!(html.contains(&format!("id=\"{path}\"")), "{href}");
        } else {
            assert!(h.root().join("dist").join(href).is_file(), "{href}");
        }
    }
}

#[test]
fn the_index_passes_the_nu_checker_and_fits_a_phone_in_chromium() {
    let h = index_batch();
    h.succeeds();
    let file = h.root().join("dist/index.html");
    if pagecheck::assert_nu_valid(std::slice::from_ref(&file)) {
        eprintln!("Nu Html Checker: index.html is valid");
    }
    let Some(chromium) = browser::Chromium::find() else {
        assert!(!pagecheck::in_ci(), "Chromium is needed under CI");
        eprintln!("SKIPPED: Chromium is not installed; CI runs this check");
        return;
    };
    for width in [390, 1280] {
        let m = chromium.measure(&file, width);
        assert!(
            m["scrollWidth"].as_u64().unwrap() <= u64::from(width),
            "{width}px: {m}"
        );
        assert_eq!(m["overflowing"], json!([]), "{width}px");
        assert_eq!(m["h1"], json!(["Jobs at Northwind Support"]));
        assert_eq!(m["h2"], json!(["Colorado", "Michigan", "Texas"]));
    }
}

#[test]
fn chromium_reads_the_job_posting_with_every_new_field() {
    let csv = "id,city,state,postal_code,street_address,currency,pay_min,pay_max,pay_period,employment_type,apply_url\n\
        hq,Detroit,MI,48226,1 Campus Martius,USD,18.50,22.00,hour,FULL_TIME,https://jobs.example.com/hq\n";
    let h = Hirekit::new()
        .file("sites.csv", csv)
        .file("company.yaml", COMPANY)
        .args(["render", "29-1141", "--doc", "job-post", "--format", "html"])
        .args(["--locations", "sites.csv", "--id", "hq"])
        .args(["--company", "company.yaml", "-o", "post.html"]);
    h.succeeds();
    let file = h.root().join("post.html");
    let parsed = posting(&h.read("post.html"));
    for key in [
        "datePosted",
        "hiringOrganization",
        "identifier",
        "directApply",
        "educationRequirements",
        "experienceRequirements",
        "baseSalary",
        "jobLocation",
    ] {
        assert!(parsed.get(key).is_some(), "{key}: {parsed:#}");
    }
    assert_eq!(parsed["directApply"], true);
    let Some(chromium) = browser::Chromium::find() else {
        assert!(!pagecheck::in_ci(), "Chromium is needed under CI");
        eprintln!("SKIPPED: Chromium is not installed; CI runs this check");
        return;
    };
    let m = chromium.measure(&file, 1280);
    // The browser's JSON.parse of the script reads the same posting (its
    // numbers compared as numbers: JavaScript writes 22.0 as 22).
    assert_eq!(as_f64(&m["jsonld"]), as_f64(&json!([parsed])));
}

/// A JSON value with every number as a float.
fn as_f64(v: &Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.iter().map(as_f64).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), as_f64(v))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn a_workspace_overrides_the_index_and_templates_lists_it() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .args(["templates", "list"]);
    let list = h.succeeds().stdout;
    let line = list
        .lines()
        .find(|l| l.starts_with("batch-index.html"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(
        line.contains("batch index") && line.contains("built-in"),
        "{line}"
    );

    let mut h = h;
    let run = h.cmd(["templates", "eject", "batch-index.html"]).succeeds();
    assert!(run.stderr.contains("batch-index.html") || run.stdout.contains("batch-index.html"));
    assert!(
        h.read("templates/batch-index.html")
            .contains("block ads %}")
    );

    let custom = "{% extends \"builtin/batch-index.html\" %}\
        {% block header %}<h1>Careers at {{ company.name }}</h1>{% endblock header %}";
    let mut h = h
        .file("templates/batch-index.html", custom)
        .file("sites.csv", SITES)
        .file("company.yaml", COMPANY);
    let list = h.cmd(["templates", "list"]).succeeds().stdout;
    assert!(
        list.lines()
            .any(|l| l.starts_with("batch-index.html") && l.contains("overridden")),
        "{list}"
    );
    h.cmd(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .succeeds();
    let html = h.read("dist/index.html");
    assert!(
        html.contains("<h1>Careers at Northwind Support</h1>"),
        "{html}"
    );
    assert!(html.contains("Detroit, MI"), "{html}");
    // The ad template is a template too.
    let mut h = h.file(
        "templates/batch-index-ad.html",
        "<li>{{ ad.place }}: {{ ad.title }} ({{ ad.pay }})</li>\n",
    );
    h.cmd(["batch", ROLE, "--locations", "sites.csv", "--out", "dist"])
        .succeeds();
    let html = h.read("dist/index.html");
    assert!(
        html.contains(
            "<li>Detroit, MI: Customer Service Representative ($18.50–$22.00 an hour)</li>"
        ),
        "{html}"
    );
}

#[test]
fn help_describes_the_new_options() {
    for cmd in ["render", "batch"] {
        let help = Hirekit::new().args([cmd, "--help"]).succeeds().stdout;
        assert!(help.contains("--date <DATE>"), "{cmd}: {help}");
        assert!(help.contains("[default: today]"), "{cmd}: {help}");
    }
}

#[test]
fn the_market_estimate_is_in_the_posting_only_where_the_page_shows_it() {
    // No offer: the page quotes the Denver metro area's May 2025 mean, and
    // the posting carries it as an estimate, in US dollars.
    let (p, _) = render_post(Hirekit::new(), &["--location", "Denver, CO"]);
    assert!(p.get("baseSalary").is_none());
    assert_eq!(p["estimatedSalary"]["value"]["value"], 52050.0);
    assert_eq!(p["estimatedSalary"]["currency"], "USD");
    // An offer is the pay of the post: no estimate beside it...
    let offer = ["--location", "Denver, CO", "--pay", "19.50-23.00/hour"];
    let (p, _) = render_post(Hirekit::new(), &offer);
    assert!(p.get("estimatedSalary").is_none(), "{p}");
    // ...unless hirekit.yaml asks for the market average beside offers.
    let h = Hirekit::new().file("hirekit.yaml", "pay:\n  market_beside_offer: true\n");
    let (p, _) = render_post(h, &offer);
    assert_eq!(p["estimatedSalary"]["value"]["value"], 52050.0);
    assert_eq!(p["baseSalary"]["value"]["minValue"], 19.5);
}
