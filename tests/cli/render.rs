//! `hirekit render`: snapshots of every built-in document in every format,
//! and the facts the reference page requires.

use crate::support::{Hirekit, repo};

const ROLE: &str = "customer-service-representative";
const DOCS: [&str; 4] = [
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];
const FORMATS: [&str; 4] = ["md", "html", "txt", "json"];

#[test]
fn every_builtin_document_renders_in_every_format() {
    let json = |doc: &str| -> serde_json::Value {
        let run = Hirekit::new()
            .args(["render", ROLE, "--doc", doc, "--format", "json"])
            .succeeds();
        assert!(run.stderr.is_empty(), "{doc}.json: {}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    // The JSON render context is the same for every document but for
    // `doc.name`: one snapshot (the job post's) and an equality for the rest.
    let post = json("job-post");
    for doc in DOCS {
        for format in FORMATS {
            let run = Hirekit::new()
                .args(["render", ROLE, "--doc", doc, "--format", format])
                .succeeds();
            if doc == "job-post" && format == "html" {
                // No company: the page's JobPosting has no hiringOrganization.
                assert!(
                    run.stderr.starts_with(
                        "warning: the job post's JobPosting has no hiringOrganization"
                    ) && run.stderr.lines().count() == 1,
                    "{}",
                    run.stderr
                );
            } else {
                assert!(run.stderr.is_empty(), "{doc}.{format}: {}", run.stderr);
            }
            if format == "json" && doc != "job-post" {
                let mut other = json(doc);
                assert_eq!(other["doc"]["name"], doc);
                other["doc"]["name"] = post["doc"]["name"].clone();
                assert_eq!(other, post, "{doc}.json differs beyond doc.name");
                continue;
            }
            insta::assert_snapshot!(format!("{doc}.{format}"), run.stdout);
        }
    }
}

#[test]
fn job_post_for_a_location_snapshots() {
    for format in ["md", "html", "txt"] {
        let run = Hirekit::new()
            .args([
                "render",
                ROLE,
                "--doc",
                "job-post",
                "--location",
                "Detroit, MI",
            ])
            .args(["--format", format])
            .succeeds();
        insta::assert_snapshot!(format!("job-post-detroit.{format}"), run.stdout);
    }
}

#[test]
fn job_description_reproduces_the_reference_pay_table() {
    // The reference page quotes BLS OEWS May 2023; hirekit's own data is
    // May 2025. examples/may-2023 is a workspace with the May 2023 table.
    let out = Hirekit::new()
        .args([
            "--workspace",
            &repo().join("examples/may-2023").display().to_string(),
        ])
        .args(["render", ROLE])
        .succeeds()
        .stdout;
    for row in [
        "| District of Columbia | $56,140 | $26.99/hr |",
        "| Washington | $52,690 | $25.33/hr |",
        "| Massachusetts | $50,450 | $24.25/hr |",
        "| New York | $50,100 | $24.09/hr |",
        "| California | $49,950 | $24.02/hr |",
    ] {
        assert!(out.contains(row), "missing {row}");
    }
    assert!(
        out.contains("Occupational Employment and Wage Statistics (OEWS), May 2023, SOC 43-4051")
    );
}

#[test]
fn job_description_covers_every_reference_section() {
    let out = Hirekit::new().args(["render", ROLE]).succeeds().stdout;
    for heading in [
        "## Customer Service Representative Duties and Responsibilities",
        "### Handling Customer Inquiries",
        "### Resolving Customer Issues",
        "### Processing Orders and Requests",
        "### Maintaining Customer Records",
        "### Providing a Positive Customer Experience",
        "### Collaborating With Internal Teams",
        "## Customer Service Representative Job Post Example",
        "### About Us",
        "### Role Overview",
        "### Key Responsibilities",
        "### Qualifications",
        "### Why Join Us",
        "## Customer Service Representative Job Brief",
        "## Customer Service Representative Requirements",
        "## Customer Service Representative Skills",
        "## Customer Service Representative Career Path",
        "## Customer Service Representative Work Hours",
        "## Customer Service Representative Benefits",
        "### Common Related Roles",
        "### Specialized and Advanced Roles",
        "## Customer Service Representative Pay",
        "### How Pay Varies by State",
        "## Frequently Asked Questions",
    ] {
        assert!(out.contains(&format!("\n{heading}\n")), "missing {heading}");
    }
    assert!(out.contains("401(k)"));
    assert_eq!(out.matches("\n### ").count(), 6 + 5 + 2 + 1 + 12);
    assert!(out.contains("\n**Location:** [City, State]\n"), "{out}");
}

#[test]
fn detroit_post_shows_the_detroit_metro_area_pay_with_its_source() {
    let post = |place: &str| {
        Hirekit::new()
            .args(["render", ROLE, "--doc", "job-post", "--location", place])
            .succeeds()
            .stdout
    };
    // BLS OEWS May 2025, Detroit-Warren-Dearborn, MI (19820): 22.29 / 46,370.
    let out = post("Detroit, MI");
    assert!(
        out.contains("in the Detroit-Warren-Dearborn, MI metro area is **$46,370 a year** (**$22.29 an hour**)"),
        "{out}"
    );
    assert!(out.contains("May 2025, Detroit-Warren-Dearborn, MI metro area"));
    assert!(out.contains("not an offer of pay"));
    // Royal Oak is a Detroit suburb but no principal city: Michigan, said so.
    let out = post("Royal Oak, MI");
    assert!(
        out.contains("in Michigan is **$45,870 a year** (**$22.05 an hour**)"),
        "{out}"
    );
    assert!(
        out.contains("Royal Oak is not one of the principal cities of a metro area BLS reports on, so these are the figures for Michigan."),
        "{out}"
    );
}

#[test]
fn state_without_bls_figures_falls_back_to_national() {
    let pay = r#"area,area_name,soc,survey,hourly_mean,annual_mean
US,U.S.,43-4051,May 2023,20.92,43520
MI,Michigan,43-4051,May 2023,21.01,43690
"#;
    let out = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("pay/43-4051.csv", pay)
        .args([
            "render",
            ROLE,
            "--doc",
            "job-post",
            "--location",
            "Austin, TX",
        ])
        .succeeds()
        .stdout;
    assert!(
        out.contains("in the United States is **$43,520 a year**"),
        "{out}"
    );
    assert!(out.contains("no separate figure for Texas"));
}

#[test]
fn job_brief_is_one_paragraph_of_50_to_90_words() {
    let out = Hirekit::new()
        .args(["render", ROLE, "--doc", "job-brief", "--format", "txt"])
        .succeeds()
        .stdout;
    let body = out
        .split("\n\n")
        .nth(1)
        .expect("a paragraph after the title");
    let words = body.split_whitespace().count();
    assert!((50..=90).contains(&words), "{words} words");
    assert_eq!(out.trim_end().split("\n\n").count(), 2, "{out}");
}

#[test]
fn company_profile_fills_the_post() {
    let company = "name: Northwind Support\nabout: We answer the phone.\nwhy_join:\n  - Paid training\neeo: Northwind is an equal opportunity employer.\napply_url: https://jobs.example.com/csr\n";
    let out = Hirekit::new()
        .file("company.yaml", company)
        .args([
            "render",
            ROLE,
            "--doc",
            "job-post",
            "--company",
            "company.yaml",
        ])
        .succeeds()
        .stdout;
    assert!(out.contains("## About Northwind Support\n\nWe answer the phone."));
    assert!(out.contains("- Paid training."));
    assert!(out.contains("## Equal Opportunity"));
    assert!(out.contains("Apply online at <https://jobs.example.com/csr>."));
    let brief = Hirekit::new()
        .file("company.yaml", company)
        .args([
            "render",
            ROLE,
            "--doc",
            "job-brief",
            "--company",
            "company.yaml",
        ])
        .succeeds()
        .stdout;
    assert!(
        brief.contains("At Northwind Support, great service"),
        "{brief}"
    );
}

#[test]
fn html_pages_are_complete_and_fragments_are_bare() {
    let page = Hirekit::new()
        .args(["render", ROLE, "--format", "html"])
        .succeeds()
        .stdout;
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<title>Customer Service Representative Job Description</title>"));
    assert!(page.contains("<table>"));
    assert_eq!(page.matches("<h1>").count(), 1);
    let fragment = Hirekit::new()
        .args(["render", ROLE, "--format", "html", "--fragment"])
        .succeeds()
        .stdout;
    assert!(fragment.starts_with("<h1>"));
    assert!(!fragment.contains("<html"));
}

#[test]
fn raw_html_in_a_profile_is_shown_as_text() {
    let role = std::fs::read_to_string(
        crate::support::repo().join("data/roles/customer-service-representative.yaml"),
    )
    .unwrap()
    .replace(
        "  - Verbal and written communication",
        "  - \"<script>alert(1)</script> and <img src=x onerror=alert(1)>\"",
    );
    let out = Hirekit::new()
        .file("role.yaml", role)
        .args(["render", "role.yaml", "--format", "html"])
        .succeeds()
        .stdout;
    assert!(!out.contains("<script>"), "script tag leaked");
    assert!(!out.contains("<img"), "img tag leaked");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn output_file_gets_the_content_and_stdout_stays_empty() {
    let h = Hirekit::new().file("out/README", "").args([
        "render",
        ROLE,
        "--doc",
        "job-brief",
        "-o",
        "out/brief.md",
    ]);
    let run = h.succeeds();
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(h.root().join("out/brief.md")).unwrap();
    assert!(written.starts_with("# Customer Service Representative Job Brief"));
}

#[test]
fn rendering_is_deterministic() {
    let a = Hirekit::new()
        .args(["render", ROLE, "--format", "json"])
        .succeeds()
        .stdout;
    let b = Hirekit::new()
        .args(["render", ROLE, "--format", "json"])
        .succeeds()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn one_row_of_a_locations_csv_renders_with_its_range_and_dates() {
    let out = Hirekit::new()
        .fixture("locations/sites.csv", "sites.csv")
        .args([
            "render",
            ROLE,
            "--doc",
            "job-post",
            "--locations",
            "sites.csv",
            "--id",
            "den-1",
        ])
        .succeeds()
        .stdout;
    assert!(
        out.contains("- **Location:** Denver, Colorado 80202\n"),
        "{out}"
    );
    assert!(out.contains("The pay for this position is **$19.50 to $23.00 an hour**."));
    assert!(out.contains("- **Apply by:** December 31, 2026"), "{out}");
    assert!(out.contains("Apply online at <https://jobs.example.com/den-1>."));
}

#[test]
fn unknown_row_id_lists_the_ids() {
    let run = Hirekit::new()
        .fixture("locations/sites.csv", "sites.csv")
        .args(["render", ROLE, "--locations", "sites.csv", "--id", "nope"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}
