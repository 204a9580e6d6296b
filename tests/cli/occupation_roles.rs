//! Roles from the occupation library: `render 41-2011`, an O*NET code or a
//! title's slug renders every document, drafted from O*NET 29.3 with BLS
//! OEWS May 2025 pay, for occupations across all 22 SOC major groups.

use hirekit::Project;
use hirekit::{Format, RenderOptions};

use crate::support::Hirekit;

/// Thirty occupations, at least one in each of the 22 major groups.
const CODES: [&str; 30] = [
    "11-1021", "11-9111", "13-1071", "13-2011", "15-1252", "17-2051", "19-2031", "21-1021",
    "23-2011", "25-2021", "27-1024", "29-1141", "29-2061", "31-1131", "33-3051", "33-9032",
    "35-2014", "35-3031", "37-2011", "39-9011", "41-2011", "41-2031", "43-6014", "45-2092",
    "47-2111", "49-3023", "51-2092", "53-3032", "53-7062", "15-1211",
];

const DOCS: [&str; 4] = [
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];

const SITES: &str = "id,city,state,pay_min,pay_max,pay_period,date_posted\n\
    den,Denver,CO,20,30,hour,2026-12-01\n";

#[test]
fn the_thirty_cover_every_major_group() {
    let groups: std::collections::BTreeSet<&str> = CODES.iter().map(|c| &c[..2]).collect();
    assert_eq!(groups.len(), 22, "{groups:?}");
}

/// Every document in every format, through the library (the same loaders
/// and renderer as `hirekit render CODE`, without a process each).
#[test]
fn every_document_renders_in_every_format_for_thirty_occupations() {
    let project = Project::builtin();
    let engine = project.engine().unwrap();
    let rows = hirekit::parts::read_locations("sites.csv", SITES).unwrap();
    let denver = &rows[0].location;
    // The length is measured on a post without an offer, which shows the
    // market average (an offered range stands alone, a paragraph shorter).
    let mut market = denver.clone();
    (market.pay_min, market.pay_max, market.pay_period) = (None, None, None);
    let denver_market = &market;
    for code in CODES {
        let loaded = project
            .role(code)
            .unwrap_or_else(|e| panic!("{code}: {e:#}"));
        assert!(
            loaded.shown.starts_with("library:"),
            "{code}: {}",
            loaded.shown
        );
        let input = project.role_input(loaded, None).unwrap();
        for doc in DOCS {
            for location in [None, Some(denver)] {
                let out = hirekit::render_formats(
                    &engine,
                    &input,
                    location,
                    doc,
                    &Format::ALL,
                    RenderOptions::default(),
                )
                .unwrap_or_else(|e| panic!("{code} {doc}: {e:#}"));
                assert_eq!(out.len(), Format::ALL.len());
                assert!(out.iter().all(|o| !o.as_bytes().is_empty()), "{code} {doc}");
                let md = out[0].clone().into_text().unwrap();
                assert_clean(code, doc, &md);
            }
        }
        let post = hirekit::render(
            &engine,
            &input,
            Some(denver_market),
            "job-post",
            Format::Md,
            RenderOptions::default(),
        )
        .unwrap();
        let words = post.split_whitespace().count();
        // Lint's target is 300 to 700 words (300 gives only a note); the
        // shortest drafted posts come within a few words of it.
        assert!(
            (280..=700).contains(&words),
            "{code}: the job post has {words} words"
        );
        assert!(post.contains("O\\*NET 29.3"), "{code}: no O*NET credit");
    }
}

/// No leftovers of templates or data in what a candidate reads.
#[track_caller]
fn assert_clean(code: &str, doc: &str, md: &str) {
    // Source lines and the credit line name codes on purpose; the rest
    // must not.
    let body: String = md
        .split("\n---\n")
        .next()
        .unwrap_or(md)
        .lines()
        .filter(|l| !l.starts_with("Source: "))
        .collect::<Vec<_>>()
        .join("\n");
    let body = body.as_str();
    for bad in [
        "TODO", "n/a", "N/A", "{{", "}}", "{%", "  .", " ,", "..", "None", "null",
    ] {
        assert!(!body.contains(bad), "{code} {doc}: {bad:?} in\n{body}");
    }
    let soc = regex_free_soc(body);
    assert!(soc.is_none(), "{code} {doc}: a code {soc:?} in\n{body}");
}

/// A SOC-style code (`41-2011`) in text, if any.
fn regex_free_soc(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(6)).find_map(|i| {
        let w = &b[i..i + 7];
        let digits = |r: std::ops::Range<usize>| r.into_iter().all(|j| w[j].is_ascii_digit());
        let edge = i == 0 || !b[i - 1].is_ascii_digit();
        (edge && digits(0..2) && w[2] == b'-' && digits(3..7))
            .then(|| String::from_utf8_lossy(w).into_owned())
    })
}

#[test]
fn lint_finds_no_errors_in_the_posts_when_a_pay_range_is_given() {
    for code in CODES {
        let run = Hirekit::new()
            .file("sites.csv", SITES)
            .args(["lint", code, "--locations", "sites.csv", "--format", "json"])
            .run();
        let report: serde_json::Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{code}: {e}\n{}", run.stderr));
        assert_eq!(report["summary"]["errors"], 0, "{code}: {}", run.stdout);
    }
}

#[test]
fn a_role_is_found_by_soc_code_onet_code_or_title() {
    for (arg, title) in [
        ("41-2011", "# Cashier Job Description"),
        ("412011", "# Cashier Job Description"),
        ("cashier", "# Cashier Job Description"),
        ("registered-nurses", "# Registered Nurse Job Description"),
        ("35-3023.01", "# Barista Job Description"),
    ] {
        let out = Hirekit::new().args(["render", arg]).succeeds().stdout;
        assert!(
            out.starts_with(title),
            "{arg}: {}",
            &out[..80.min(out.len())]
        );
    }
    // A hand-written built-in wins over the library for its own code.
    let out = Hirekit::new()
        .args([
            "render",
            "43-4051",
            "--doc",
            "job-post",
            "--location",
            "Detroit, MI",
        ])
        .succeeds()
        .stdout;
    assert!(out.starts_with("# Customer Service Representative – Detroit, MI"));
    assert!(
        out.contains(
            "Detroit-Warren-Dearborn, MI metro area is **$46,370 a year** (**$22.29 an hour**)"
        ),
        "{out}"
    );
    let run = Hirekit::new()
        .args(["render", "no-such-job-anywhere"])
        .fails();
    assert!(
        run.stderr.contains("hirekit occupations search"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_code_paid_under_a_broader_code_says_so() {
    let out = Hirekit::new()
        .args([
            "render",
            "51-2092",
            "--doc",
            "job-post",
            "--location",
            "Detroit, MI",
        ])
        .succeeds()
        .stdout;
    assert!(
        out.contains(
            "SOC 51-2090 (BLS publishes this occupation's figures under that broader code)"
        ),
        "{out}"
    );
}

#[test]
fn batch_renders_library_roles_beside_the_builtin() {
    let h = Hirekit::new()
        .file(
            "sites.csv",
            "id,city,state\ndet,Detroit,MI\nroy,Royal Oak,MI\nboi,Boise,ID\n",
        )
        .args([
            "batch",
            "41-2011",
            "43-4051",
            "29-1141",
            "--locations",
            "sites.csv",
        ])
        .args(["--out", "dist"]);
    h.succeeds();
    for role in [
        "cashier",
        "customer-service-representative",
        "registered-nurse",
    ] {
        for id in ["det", "roy", "boi"] {
            for ext in ["md", "html"] {
                let rel = format!("dist/{role}/job-post/{id}.{ext}");
                assert!(h.root().join(&rel).is_file(), "{rel}");
            }
        }
    }
    let nurse = h.read("dist/registered-nurse/job-post/boi.md");
    assert!(nurse.contains("Boise City, ID metro area"), "{nurse}");
}
