//! Pay laws at render time: `render` and `batch` check job posts against
//! the pay-transparency laws of their location, `--strict` (or
//! `pay.laws: strict`) fails before anything is written, `--pay` gives the
//! offered pay, an offered range stands without the market average, and
//! the laws current to December 2026 (Virginia, Connecticut) apply from
//! their dates. Every run passes `--date` or rows with `date_posted`, so no
//! result depends on today's date.

use serde_json::Value;

use crate::support::Hirekit;

const CSR: &str = "customer-service-representative";
const DATE: &str = "2026-12-01";

fn post(location: &str) -> Hirekit {
    Hirekit::new().args([
        "render",
        CSR,
        "--doc",
        "job-post",
        "--location",
        location,
        "--date",
        DATE,
    ])
}

#[test]
fn a_denver_post_without_a_range_renders_with_a_warning_naming_colorado() {
    let run = post("Denver, CO").succeeds();
    assert!(
        run.stdout
            .starts_with("# Customer Service Representative – Denver, CO")
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    insta::assert_snapshot!("denver_warning", run.stderr());
}

#[test]
fn strict_fails_and_writes_nothing() {
    let run = post("Denver, CO").args(["--strict"]).fails();
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with("error: pay-transparency: Denver, CO: Colorado ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nothing was written (--strict)"),
        "{}",
        run.stderr
    );
    // The folder lives as long as `h`: a file written would still be there.
    let h = post("Denver, CO").args(["--strict", "-o", "post.md", "--format", "html"]);
    let run = h.fails();
    assert!(!h.root().join("post.md").exists());
    let h = post("Denver, CO").args(["-o", "post.md"]);
    h.succeeds();
    assert!(h.root().join("post.md").exists());
    insta::assert_snapshot!("denver_strict", run.stderr());
}

#[test]
fn hirekit_yaml_can_make_strict_the_default_and_its_typos_are_located() {
    let h = post("Denver, CO")
        .file("hirekit.yaml", "pay:\n  laws: strict\n")
        .args(["-o", "post.md"]);
    let run = h.fails();
    assert!(!h.root().join("post.md").exists());
    assert!(
        run.stderr
            .contains("nothing was written (`pay.laws: strict` in hirekit.yaml)"),
        "{}",
        run.stderr
    );
    let run = post("Denver, CO")
        .file("hirekit.yaml", "pay:\n  laws: strcit\n")
        .fails();
    insta::assert_snapshot!("pay_laws_typo", run.stderr());
}

#[test]
fn an_offered_range_is_the_pay_of_the_post_with_no_market_average_and_no_warning() {
    let run = post("Denver, CO")
        .args(["--pay", "19.50-23.00/hour"])
        .succeeds();
    assert!(
        run.stdout
            .contains("The pay for this position is **$19.50 to $23.00 an hour**."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("mean wage"), "{}", run.stdout);
    assert!(!run.stdout.contains("For comparison"), "{}", run.stdout);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // Colorado's other duties are a note, not a warning.
    assert!(
        run.stderr
            .starts_with("note: pay-transparency: Denver, CO: Colorado ("),
        "{}",
        run.stderr
    );
    let run = post("Denver, CO")
        .args(["--pay", "19.50-23.00/hour", "--strict"])
        .succeeds();
    insta::assert_snapshot!("denver_offered_md", run.stdout());
}

#[test]
fn the_market_average_beside_an_offer_is_opt_in() {
    let run = post("Denver, CO")
        .file("hirekit.yaml", "pay:\n  market_beside_offer: true\n")
        .args(["--pay", "19.50-23.00/hour"])
        .succeeds();
    assert!(
        run.stdout.contains("For comparison, the mean wage"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("the range above is the employer's offer")
    );
    insta::assert_snapshot!("market_beside_offer_pay", pay_section(&run.stdout));
}

/// The `## Pay` section of a Markdown post.
fn pay_section(md: &str) -> String {
    let pay = md.split("## Pay").nth(1).expect("a pay section");
    format!("## Pay{}", pay.split("\n## ").next().unwrap_or_default())
}

#[test]
fn offered_pay_appears_in_every_format_and_in_the_json_ld() {
    let html = post("Denver, CO")
        .args(["--pay", "45,000-52,000/year", "--format", "html"])
        .succeeds()
        .stdout;
    assert!(html.contains("$45,000 to $52,000 a year"), "{html}");
    assert!(html.contains("\"baseSalary\""), "{html}");
    assert!(html.contains("\"unitText\": \"YEAR\"") || html.contains("\"unitText\":\"YEAR\""));
    let txt = post("Denver, CO")
        .args(["--pay", "21/hour", "--format", "txt"])
        .succeeds()
        .stdout;
    assert!(
        txt.contains("The pay for this position is $21.00 an hour."),
        "{txt}"
    );
    let json: Value = serde_json::from_str(
        &post("Denver, CO")
            .args(["--pay", "21/hour", "--format", "json"])
            .succeeds()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["pay"]["kind"], "offered");
    assert_eq!(json["pay"]["show_market"], false);
    assert_eq!(json["pay"]["lead"], "hour");
}

#[test]
fn bad_pay_is_a_usage_error_with_the_reason() {
    let run = post("Denver, CO")
        .args(["--pay", "23.00-19.50/hour"])
        .usage_error();
    assert!(
        run.stderr
            .contains("the minimum 23 is more than the maximum 19.5"),
        "{}",
        run.stderr
    );
    let run = post("Denver, CO").args(["--pay", "900/week"]).usage_error();
    insta::assert_snapshot!("pay_per_week", run.stderr());
    let run = Hirekit::new()
        .args(["render", CSR, "--doc", "job-post", "--pay", "20/hour"])
        .fails();
    assert!(run.stderr.contains("give --location"), "{}", run.stderr);
}

#[test]
fn one_figure_where_the_law_allows_it_and_a_note_where_the_sources_do_not_say() {
    let run = post("Seattle, WA").args(["--pay", "21/hour"]).succeeds();
    assert!(!run.stderr.contains("one figure"), "{}", run.stderr);
    assert!(run.stdout.contains("**$21.00 an hour**"));
    let run = post("Brooklyn, NY").args(["--pay", "21/hour"]).succeeds();
    assert!(
        run.stderr
            .starts_with("note: pay-transparency: Brooklyn, NY: New York ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the post gives one figure ($21)"),
        "{}",
        run.stderr
    );
}

#[test]
fn open_ended_and_too_wide_ranges() {
    let run = post("Denver, CO").args(["--pay", "0-23/hour"]).succeeds();
    assert!(
        run.stderr.contains(
            "requires a pay range with a minimum and a maximum; the post's range is open-ended (up to $23)"
        ),
        "{}",
        run.stderr
    );
    post("Denver, CO")
        .args(["--pay", "0-23/hour", "--strict"])
        .fails();
    let run = post("Newark, NJ").args(["--pay", "18-40/hour"]).succeeds();
    assert!(
        run.stderr
            .contains("expects a maximum at most 60% above the minimum; the post's range ($18 to $40) is 122% above"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn commission_only_jobs_say_so_where_the_law_asks_for_it() {
    let run = post("Albany, NY").args(["--pay", "commission"]).succeeds();
    assert!(
        run.stdout
            .contains("This position is paid by commission only.")
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    insta::assert_snapshot!("commission_only_pay", pay_section(&run.stdout));
    // California still wants the expected commission range.
    let run = post("Los Angeles, CA")
        .args(["--pay", "commission"])
        .succeeds();
    assert!(
        run.stderr
            .contains("warning: pay-transparency: Los Angeles, CA: California ("),
        "{}",
        run.stderr
    );
}

#[test]
fn the_job_description_and_places_without_a_law_get_no_message() {
    let run = Hirekit::new()
        .args(["render", CSR, "--location", "Denver, CO", "--date", DATE])
        .succeeds();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let run = post("Austin, TX").succeeds();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn part_time_posts_lead_with_the_hourly_figure() {
    let run = Hirekit::new()
        .file(
            "sites.csv",
            "id,city,state,employment_type,date_posted\naus,Austin,TX,PART_TIME,2026-12-01\n",
        )
        .args([
            "render",
            CSR,
            "--doc",
            "job-post",
            "--locations",
            "sites.csv",
            "--id",
            "aus",
        ])
        .succeeds();
    insta::assert_snapshot!("part_time_pay", pay_section(&run.stdout));
}

#[test]
fn the_posting_date_decides_which_laws_apply() {
    let lint = |location: &str, date: &str| {
        let run = Hirekit::new()
            .args([
                "lint",
                CSR,
                "--location",
                location,
                "--date",
                date,
                "--format",
                "json",
            ])
            .run();
        let v: Value = serde_json::from_str(&run.stdout).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "pay-transparency/missing-range")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let richmond = lint("Richmond, VA", "2026-12-01");
    assert_eq!(richmond.len(), 1, "{richmond:?}");
    assert!(
        richmond[0].starts_with("Richmond, VA: Virginia requires a pay range"),
        "{richmond:?}"
    );
    assert!(richmond[0].contains("§ 40.1-28.7:12"), "{richmond:?}");
    assert!(lint("Richmond, VA", "2026-06-01").is_empty());
    let hartford = lint("Hartford, CT", "2026-12-01");
    assert_eq!(hartford.len(), 1, "{hartford:?}");
    assert!(
        hartford[0].starts_with("Hartford, CT: Connecticut requires a pay range"),
        "{hartford:?}"
    );
    assert!(lint("Hartford, CT", "2026-09-30").is_empty());
    // render reads the same date.
    let run = post("Richmond, VA").succeeds();
    assert!(
        run.stderr
            .starts_with("warning: pay-transparency: Richmond, VA: Virginia ("),
        "{}",
        run.stderr
    );
    let run = Hirekit::new()
        .args([
            "render",
            CSR,
            "--doc",
            "job-post",
            "--location",
            "Richmond, VA",
            "--date",
            "2026-06-01",
            "--strict",
        ])
        .succeeds();
    assert!(
        run.stderr
            .starts_with("note: pay-transparency: Richmond, VA: Virginia ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("takes effect on 2026-07-01"),
        "{}",
        run.stderr
    );
}

/// Forty Colorado rows without pay, two with, and one Texas row.
fn many_rows() -> String {
    let mut csv = String::from("id,city,state,pay_min,pay_max,date_posted\n");
    for i in 0..40 {
        csv.push_str(&format!("co-{i},Denver,CO,,,{DATE}\n"));
    }
    csv.push_str(&format!("co-paid-1,Boulder,CO,19.50,23.00,{DATE}\n"));
    csv.push_str(&format!("co-paid-2,Aurora,CO,19.50,23.00,{DATE}\n"));
    csv.push_str(&format!("tx-1,Austin,TX,,,{DATE}\n"));
    csv
}

#[test]
fn batch_sums_up_by_law_with_a_count_and_examples() {
    let h = Hirekit::new().file("sites.csv", many_rows()).args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--format",
        "md",
    ]);
    let run = h.succeeds();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].contains(
            "requires a pay range in job posts: 40 of 43 rows have none (sites.csv:2 Denver, CO; sites.csv:3 Denver, CO; sites.csv:4 Denver, CO, and 37 more)"
        ),
        "{}",
        warnings[0]
    );
    assert!(h.root().join("out/manifest.json").exists());
    // The batch's own summary line (with its timing) is left out.
    let pay_law: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("pay-transparency: "))
        .collect();
    assert_eq!(
        pay_law.len(),
        run.stderr.lines().count() - 1,
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("batch_summary", pay_law.join("\n"));
}

#[test]
fn batch_verbose_lists_every_row() {
    let run = Hirekit::new()
        .file("sites.csv", many_rows())
        .args([
            "-v",
            "batch",
            CSR,
            "--locations",
            "sites.csv",
            "--out",
            "out",
            "--format",
            "md",
            "--dry-run",
        ])
        .succeeds();
    let rows = run
        .stderr
        .lines()
        .filter(|l| {
            l.starts_with("warning: pay-transparency: sites.csv:")
                && l.contains(": Denver, CO: Colorado (")
        })
        .count();
    assert_eq!(rows, 40, "{}", run.stderr);
}

#[test]
fn batch_strict_fails_before_writing_anything() {
    let h = Hirekit::new().file("sites.csv", many_rows()).args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--strict",
    ]);
    let run = h.fails();
    assert!(!h.root().join("out").exists());
    assert!(
        run.stderr.contains(
            "error: 40 of 43 job posts of `sites.csv` would break a pay-transparency law (listed above); nothing was written (--strict)"
        ),
        "{}",
        run.stderr
    );
    // Documents that are not job ads are not checked.
    Hirekit::new()
        .file("sites.csv", many_rows())
        .args([
            "batch",
            CSR,
            "--locations",
            "sites.csv",
            "--out",
            "out",
            "--doc",
            "job-brief",
            "--strict",
            "--format",
            "md",
        ])
        .succeeds();
}

#[test]
fn docs_list_every_jurisdiction_with_its_date_and_sources() {
    let doc = std::fs::read_to_string(crate::support::repo().join("docs/pay-laws.md")).unwrap();
    let csv = std::fs::read_to_string(
        crate::support::repo().join("data/jurisdictions/pay-transparency.csv"),
    )
    .unwrap();
    let mut rows = 0;
    for line in csv.lines().filter(|l| !l.starts_with('#')).skip(1) {
        // jurisdiction,level,state,city,effective,...; the first cell may be quoted.
        let (name, rest) = match line.strip_prefix('"') {
            Some(q) => q.split_once("\",").unwrap(),
            None => line.split_once(',').unwrap(),
        };
        let effective = rest.split(',').nth(3).unwrap();
        let row = format!("| {name} | {effective} |");
        assert!(doc.contains(&row), "docs/pay-laws.md lacks {row}");
        let source = line.rsplit(',').next().unwrap();
        for url in source.split(" ; ") {
            assert!(doc.contains(url.trim()), "docs/pay-laws.md lacks {url}");
        }
        rows += 1;
    }
    assert_eq!(rows, 21);
    let lint = std::fs::read_to_string(crate::support::repo().join("docs/lint.md")).unwrap();
    for rule in [
        "pay-transparency/single-figure",
        "pay-transparency/wide-range",
        "pay-transparency/commission-only",
    ] {
        assert!(lint.contains(rule), "docs/lint.md lacks {rule}");
    }
}
