//! `hirekit lint`: pay-transparency laws by location, wording findings
//! located in the profile, ads linted as files, the three output formats
//! and the exit codes. Every run passes `--date` or rows with
//! `date_posted`, so no result depends on today's date.

use serde_json::Value;

use crate::support::{Hirekit, Run};

const CSR: &str = "customer-service-representative";
const DATE: &str = "2025-03-01";

/// A workspace-less folder with the account-executive fixture, its company
/// file and locations.
fn ae() -> Hirekit {
    Hirekit::new()
        .fixture("lint/account-executive.yaml", "account-executive.yaml")
        .fixture("lint/company.yaml", "company.yaml")
        .fixture("lint/sites.csv", "sites.csv")
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).expect("lint --format json prints JSON")
}

fn findings(v: &Value) -> Vec<Value> {
    v["findings"].as_array().cloned().unwrap_or_default()
}

/// Findings of a rule whose message starts with `prefix`.
fn with_rule(v: &Value, rule: &str, prefix: &str) -> Vec<Value> {
    findings(v)
        .into_iter()
        .filter(|f| f["rule"] == rule && f["message"].as_str().unwrap().starts_with(prefix))
        .collect()
}

#[test]
fn denver_without_a_range_is_an_error_naming_colorado() {
    let run = Hirekit::new()
        .file(
            "sites.csv",
            "id,city,state,date_posted,valid_through\nden,Denver,CO,2025-03-01,2025-04-01\n",
        )
        .args(["lint", CSR, "--locations", "sites.csv", "--format", "json"])
        .fails();
    let v = json(&run);
    let errors = with_rule(&v, "pay-transparency/missing-range", "Denver, CO");
    assert_eq!(errors.len(), 1, "{}", run.stdout);
    assert_eq!(errors[0]["severity"], "error");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Colorado requires a pay range"),
        "{message}"
    );
    assert!(
        message.contains("Equal Pay for Equal Work Act"),
        "{message}"
    );
    assert_eq!(errors[0]["file"], "sites.csv");
    assert_eq!(errors[0]["line"], 2);
}

#[test]
fn the_same_row_with_a_range_and_a_texas_row_have_no_pay_transparency_error() {
    let run = Hirekit::new()
        .file(
            "sites.csv",
            "id,city,state,pay_min,pay_max,pay_period,date_posted,valid_through\n\
             den,Denver,CO,19.50,23.00,hour,2025-03-01,2025-04-01\n\
             aus,Austin,TX,,,,2025-03-01,\n",
        )
        .args(["lint", CSR, "--locations", "sites.csv", "--format", "json"])
        .succeeds();
    let v = json(&run);
    assert!(with_rule(&v, "pay-transparency/missing-range", "").is_empty());
    assert!(
        findings(&v).iter().all(
            |f| !f["rule"].as_str().unwrap().starts_with("pay-transparency/")
                || f["message"].as_str().unwrap().starts_with("Denver")
        ),
        "no pay-transparency finding for Texas: {}",
        run.stdout
    );
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn a_bls_average_never_satisfies_the_law() {
    // Colorado has BLS figures in the built-in table; the post shows them,
    // and it is still an error.
    let run = Hirekit::new()
        .args(["lint", CSR, "--location", "Denver, CO", "--date", DATE])
        .fails();
    assert!(
        run.stdout
            .contains("error[pay-transparency/missing-range]: Denver, CO: Colorado requires")
    );
    assert!(
        run.stdout
            .contains("a BLS market average does not satisfy the law")
    );
}

#[test]
fn builtin_csr_with_a_range_lints_without_errors() {
    let run = Hirekit::new()
        .file(
            "sites.csv",
            "id,city,state,pay_min,pay_max,pay_period,date_posted,valid_through\n\
             den,Denver,CO,19.50,23.00,hour,2025-03-01,2025-04-01\n\
             nyc,Brooklyn,NY,21.00,25.00,hour,2025-03-01,2025-04-01\n\
             sea,Seattle,WA,22.00,26.00,hour,2025-03-01,2025-04-01\n",
        )
        .fixture("lint/company.yaml", "company.yaml")
        .args([
            "lint",
            CSR,
            "--locations",
            "sites.csv",
            "--company",
            "company.yaml",
        ])
        .succeeds();
    assert!(run.stdout.ends_with(" notes\n") || run.stdout.ends_with(" note\n"));
    assert!(run.stdout.contains("\n0 errors, "), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout());
}

#[test]
fn biased_words_point_at_the_profile_line_with_suggestions() {
    let run = ae()
        .args(["lint", "account-executive.yaml", "--location", "Austin, TX"])
        .args(["--date", DATE, "--format", "json"])
        .succeeds();
    let v = json(&run);
    for (word, rule, column) in [
        ("aggressive", "wording/gender-coded", 11),
        ("dominant", "wording/gender-coded", 23),
        ("rockstar", "wording/jargon", 32),
        ("ninja", "wording/jargon", 41),
    ] {
        let hits = with_rule(&v, rule, &format!("\"{word}\""));
        assert_eq!(hits.len(), 1, "{word}: {}", run.stdout);
        let f = &hits[0];
        assert_eq!(f["file"], "account-executive.yaml", "{word}");
        assert_eq!(f["line"], 20, "{word}");
        assert_eq!(f["column"], column, "{word}");
        assert!(
            f["suggestion"].as_str().is_some_and(|s| !s.is_empty()),
            "{word}"
        );
    }
}

#[test]
fn role_report_as_text() {
    let run = ae()
        .args([
            "lint",
            "account-executive.yaml",
            "--company",
            "company.yaml",
        ])
        .args(["--locations", "sites.csv"])
        .fails();
    insta::assert_snapshot!(run.stdout());
}

#[test]
fn role_report_as_json() {
    let run = ae()
        .args([
            "lint",
            "account-executive.yaml",
            "--company",
            "company.yaml",
        ])
        .args(["--locations", "sites.csv", "--format", "json"])
        .fails();
    insta::assert_snapshot!(run.stdout());
}

#[test]
fn role_report_as_sarif() {
    let run = ae()
        .args([
            "lint",
            "account-executive.yaml",
            "--company",
            "company.yaml",
        ])
        .args(["--locations", "sites.csv", "--format", "sarif"])
        .fails();
    let v = json(&run);
    assert_eq!(v["version"], "2.1.0");
    let result = &v["runs"][0]["results"][0];
    assert!(result["ruleId"].is_string() && result["level"].is_string());
    assert!(result["message"]["text"].is_string());
    insta::assert_snapshot!(run.stdout());
}

#[test]
fn ads_are_linted_in_place() {
    insta::glob!("../fixtures/lint", "ad.*", |path| {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let run = Hirekit::new()
            .fixture(&format!("lint/{name}"), &name)
            .args(["lint", &name, "--location", "Denver, CO", "--date", DATE])
            .run();
        insta::assert_snapshot!(format!("exit {}\n{}", run.code.unwrap(), run.stdout()));
    });
}

#[test]
fn a_file_without_a_range_fails_where_the_law_requires_one() {
    let run = Hirekit::new()
        .file(
            "ad.md",
            "# Cashier\n\nServe customers. Apply at <https://x.example>. We are an EEO employer.\n",
        )
        .args(["lint", "ad.md", "--location", "Seattle, WA", "--date", DATE])
        .fails();
    assert!(
        run.stdout
            .contains("error[pay-transparency/missing-range]: Seattle, WA: Washington requires")
    );
}

#[test]
fn words_in_a_workspace_template_point_at_the_template() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file(
            "templates/job-post.md",
            "{% extends \"builtin/job-post.md\" %}\n{% block overview %}\n## Role Overview\n\nJoin our team of support ninjas.\n{% endblock overview %}\n",
        )
        .args(["lint", CSR, "--format", "json"])
        .succeeds();
    let v = json(&run);
    let hits = with_rule(&v, "wording/jargon", "\"ninjas\"");
    assert_eq!(hits.len(), 1, "{}", run.stdout);
    assert_eq!(hits[0]["file"], "templates/job-post.md");
    assert_eq!(
        (hits[0]["line"].clone(), hits[0]["column"].clone()),
        (5.into(), 26.into())
    );
}

#[test]
fn exit_codes() {
    // Clean but for notes and warnings: 0; warnings denied: 1.
    let clean = || {
        Hirekit::new().fixture("lint/ad.md", "ad.md").args([
            "lint",
            "ad.md",
            "--location",
            "Austin, TX",
            "--date",
            DATE,
        ])
    };
    let run = clean().succeeds();
    assert!(
        run.stdout.contains("0 errors, 0 warnings"),
        "{}",
        run.stdout
    );
    ae().args(["lint", "account-executive.yaml", "--date", DATE])
        .succeeds();
    ae().args(["lint", "account-executive.yaml", "--date", DATE])
        .args(["--deny", "warnings"])
        .fails();
    // An error: 1.
    ae().args(["lint", "account-executive.yaml", "--locations", "sites.csv"])
        .fails();
    // Usage errors: 2.
    for args in [
        vec!["lint", CSR, "--format", "xml"],
        vec!["lint", CSR, "--deny", "errors"],
        vec!["lint", CSR, "--date", "03/01/2025"],
        vec![
            "lint",
            CSR,
            "--location",
            "Denver, CO",
            "--locations",
            "x.csv",
        ],
        vec!["lint"],
    ] {
        Hirekit::new().args(&args).usage_error();
    }
}

#[test]
fn settings_in_hirekit_yaml_turn_rules_off_and_deny_warnings() {
    let base = || {
        ae().args([
            "lint",
            "account-executive.yaml",
            "--date",
            DATE,
            "--format",
            "json",
        ])
    };
    let v = json(&base().succeeds());
    assert!(!with_rule(&v, "wording/jargon", "").is_empty());
    let v = json(
        &base()
            .file(
                "hirekit.yaml",
                "lint:\n  disable: [wording/jargon, length]\n  allow_words: [aggressive]\n",
            )
            .succeeds(),
    );
    assert!(with_rule(&v, "wording/jargon", "").is_empty());
    assert!(with_rule(&v, "length/too-short", "").is_empty());
    assert!(with_rule(&v, "wording/gender-coded", "\"aggressive\"").is_empty());
    assert!(!with_rule(&v, "wording/gender-coded", "\"dominant\"").is_empty());
    base()
        .file("hirekit.yaml", "lint:\n  deny_warnings: true\n")
        .fails();
}

#[test]
fn bad_settings_and_inputs_are_reported() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "lint:\n  max_word: 900\n")
        .args(["lint", CSR])
        .fails();
    insta::assert_snapshot!("bad_lint_setting", run.stderr());
    let run = Hirekit::new()
        .file("hirekit.yaml", "lint:\n  disable: [wordng]\n")
        .args(["lint", CSR, "--date", DATE])
        .succeeds();
    insta::assert_snapshot!("unknown_rule_in_disable", run.stderr());
    let run = Hirekit::new()
        .file("sites.csv", "id,city,state,pay_min\nx,Denver,CO,abc\n")
        .args(["lint", CSR, "--locations", "sites.csv"])
        .fails();
    insta::assert_snapshot!("bad_locations_row", run.stderr());
    let run = Hirekit::new()
        .args(["lint", CSR, "--doc", "offer-letter"])
        .fails();
    insta::assert_snapshot!("unknown_document", run.stderr());
    let run = Hirekit::new().args(["lint", "missing.html"]).fails();
    insta::assert_snapshot!("missing_ad_file", run.stderr());
}

#[test]
fn lint_help() {
    let run = Hirekit::new().args(["lint", "--help"]).succeeds();
    insta::assert_snapshot!(run.stdout);
}

/// The corpus of ads written for the project, copied into a workspace with
/// its `hirekit.yaml` (a team's own words).
fn corpus() -> Hirekit {
    Hirekit::new().copy_dir(&crate::support::fixtures().join("lint/corpus-judge"), ".")
}

/// Lints one ad of the corpus for a location, as JSON.
fn lint_ad(file: &str, location: &str) -> Value {
    let run = corpus()
        .args([
            "lint",
            file,
            "--location",
            location,
            "--date",
            "2026-01-15",
            "--format",
            "json",
        ])
        .run();
    json(&run)
}

fn rules_of(v: &Value) -> Vec<String> {
    findings(v)
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

// See the lint issue ("Lint that holds on real job ads"): "$3M in revenue"
// counted as pay and hid California's missing-range error.
#[test]
fn revenue_is_not_pay_and_does_not_hide_a_missing_range() {
    let v = lint_ad("02-retail-cashier.txt", "Sacramento, CA");
    assert_eq!(
        with_rule(&v, "pay-transparency/missing-range", "Sacramento, CA").len(),
        1,
        "{v:#}"
    );
    // "$2 billion in revenues" beside a real range: the range is the pay.
    let v = lint_ad("01-warehouse-associate.md", "Fresno, CA");
    assert!(with_rule(&v, "pay-transparency/", "").is_empty(), "{v:#}");
}

// See the lint issue: "up to $400" for a wellness allowance warned as an
// open-ended range next to a real range.
#[test]
fn an_allowance_beside_a_range_is_not_an_open_ended_range() {
    let v = lint_ad("03-dental-assistant.md", "San Jose, CA");
    assert!(
        !rules_of(&v)
            .iter()
            .any(|r| r.starts_with("pay-transparency/")),
        "{v:#}"
    );
}

// See the lint issue: "Pay: $0.00 per hour" was accepted as a range.
#[test]
fn a_zero_pay_is_open_ended() {
    let v = lint_ad("04-delivery-driver.md", "Los Angeles, CA");
    let open = with_rule(&v, "pay-transparency/open-ended-range", "the pay \"$0.00\"");
    assert_eq!(open.len(), 1, "{v:#}");
    assert_eq!(open[0]["line"], 15);
}

// See the lint issue: "average" in a paragraph hid the range beside it and
// produced a false missing-range error.
#[test]
fn an_average_hides_only_its_own_figure() {
    for (file, location) in [
        ("05-medical-billing.md", "Seattle, WA"),
        ("11-staff-accountant.md", "Minneapolis, MN"),
        ("18-electrician-apprentice.md", "Hartford, CT"),
    ] {
        let v = lint_ad(file, location);
        assert!(
            with_rule(&v, "pay-transparency/missing-range", "").is_empty(),
            "{file}: {v:#}"
        );
        assert_eq!(v["summary"]["errors"], 0, "{file}");
    }
}

// See the lint issue: common EEO statements were missed.
#[test]
fn common_eeo_statements_are_recognised() {
    for (file, location) in [
        ("01-warehouse-associate.md", "Fresno, CA"),
        ("03-dental-assistant.md", "San Jose, CA"),
        ("05-medical-billing.md", "Seattle, WA"),
        ("07-inside-sales.md", "Newark, NJ"),
        ("14-forklift-operator.md", "Columbus, OH"),
        ("17-teacher-aide.md", "Tacoma, WA"),
    ] {
        let v = lint_ad(file, location);
        assert!(
            with_rule(&v, "completeness/no-eeo", "").is_empty(),
            "{file}: {v:#}"
        );
    }
    // The one ad without a statement still gets the warning.
    let v = lint_ad("08-line-cook.txt", "Chicago, IL");
    assert_eq!(with_rule(&v, "completeness/no-eeo", "").len(), 1);
}

// See the lint issue: masculine-coded hits that are not about the candidate
// ("individuals with disabilities", "Active Directory", sales "leads",
// "confidential") became warnings.
#[test]
fn coded_words_not_about_the_candidate_are_not_findings() {
    for (file, location) in [
        ("04-delivery-driver.md", "Los Angeles, CA"),
        ("05-medical-billing.md", "Seattle, WA"),
        ("06-it-support.md", "Denver, CO"),
        ("07-inside-sales.md", "Newark, NJ"),
        ("12-security-officer.txt", "New York, NY"),
        ("13-customer-service.md", "Portland, OR"),
        ("15-marketing-coordinator.md", "Boston, MA"),
        ("16-pharmacy-technician.txt", "Baltimore, MD"),
    ] {
        let v = lint_ad(file, location);
        assert!(
            with_rule(&v, "wording/gender-coded", "").is_empty(),
            "{file}: {v:#}"
        );
        assert_eq!(v["gender_balance"]["masculine"], 0, "{file}");
    }
    // Words about the candidate are still reported.
    let v = lint_ad("20-project-manager.md", "Denver, CO");
    let words: Vec<String> = with_rule(&v, "wording/gender-coded", "")
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(words.len(), 5, "{words:?}");
}

#[test]
fn a_team_flags_its_own_words_from_hirekit_yaml() {
    let v = lint_ad("08-line-cook.txt", "Chicago, IL");
    let team = with_rule(&v, "wording/team-word", "");
    let got: Vec<(&str, &str, &str)> = team
        .iter()
        .map(|f| {
            (
                f["message"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["suggestion"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "\"We are a family\" sounds like a promise of belonging that no job can keep",
                "warning",
                "say how the team supports each other"
            ),
            (
                "\"hustle\" is on the team's list of words to avoid",
                "warning",
                "say what the busy times are and how the team handles them"
            ),
        ]
    );
    assert_eq!(team[0]["line"], 3);
    // `lint.disable` turns the rule off like any other.
    let run = corpus()
        .file(
            "hirekit.yaml",
            "lint:\n  flag_words:\n    - word: hustle\n  disable: [wording/team-word]\n",
        )
        .args(["lint", "08-line-cook.txt", "--format", "json"])
        .run();
    assert!(with_rule(&json(&run), "wording/team-word", "").is_empty());
    // A misspelled key is located and gets a suggestion.
    let run = corpus()
        .file("hirekit.yaml", "lint:\n  flag_words:\n    - wrod: hustle\n")
        .args(["lint", "08-line-cook.txt"])
        .fails();
    insta::assert_snapshot!("bad_flag_word", run.stderr());
}

/// Every ad of the corpus, linted for its location: the pay, wording and
/// completeness findings (readability and length are left out, as they
/// follow the sentence and syllable rules), one line each.
#[test]
fn the_corpus_reads_as_a_recruiter_would_expect() {
    let list =
        std::fs::read_to_string(crate::support::fixtures().join("lint/corpus-judge/locations.csv"))
            .unwrap();
    let mut out = String::new();
    for line in list.lines().skip(1) {
        let (file, location) = line.split_once(',').unwrap();
        let location = location.trim_matches('"');
        let v = lint_ad(file, location);
        out.push_str(&format!("{file} ({location}):\n"));
        for f in findings(&v) {
            let rule = f["rule"].as_str().unwrap();
            if rule.starts_with("readability/") || rule.starts_with("length/") {
                continue;
            }
            let message = f["message"].as_str().unwrap();
            let quoted = message.split('"').nth(1).map(|q| format!(" \"{q}\""));
            out.push_str(&format!(
                "  {} {rule}{}\n",
                f["severity"].as_str().unwrap(),
                quoted.unwrap_or_default()
            ));
        }
    }
    insta::assert_snapshot!("corpus_judge", out);
}

/// Issue "Lint that holds on real job ads": a file without an extension was
/// parsed as a role profile ("expected mapping start"). It is sniffed now.
#[test]
fn a_file_without_an_extension_is_sniffed() {
    let ad = "Forklift Operator\n\nWe need a rockstar to move pallets in our Reno warehouse.\n";
    let run = Hirekit::new()
        .file("POSTING", ad)
        .args(["lint", "POSTING", "--format", "json", "--date", DATE])
        .succeeds();
    let v = json(&run);
    assert_eq!(v["document"], Value::Null, "{}", run.stdout);
    let jargon = with_rule(&v, "wording/jargon", "\"rockstar\"");
    assert_eq!(jargon.len(), 1, "{}", run.stdout);
    assert_eq!(
        (jargon[0]["line"].as_u64(), jargon[0]["column"].as_u64()),
        (Some(3), Some(11))
    );
    // An HTML file and a role profile without extensions.
    let run = Hirekit::new()
        .file("ad", "<!doctype html><h1>Cook</h1><p>Be a ninja</p>")
        .args(["lint", "ad", "--format", "json", "--date", DATE])
        .succeeds();
    assert_eq!(
        with_rule(&json(&run), "wording/jargon", "\"ninja\"").len(),
        1
    );
    let profile =
        std::fs::read_to_string(crate::support::fixtures().join("lint/account-executive.yaml"))
            .unwrap();
    let run = Hirekit::new()
        .file("in/ae", &profile)
        .args(["lint", "in/ae", "--format", "json", "--date", DATE])
        .succeeds();
    assert_eq!(json(&run)["document"], "job-post", "{}", run.stdout);
    // Without a folder in the name too.
    let run = Hirekit::new()
        .file("ae", &profile)
        .args(["lint", "ae", "--format", "json", "--date", DATE])
        .succeeds();
    assert_eq!(json(&run)["document"], "job-post", "{}", run.stdout);
}

/// `--as` reads a file as the kind named, whatever its extension.
#[test]
fn as_reads_a_file_as_the_kind_named() {
    let html = "<h1>Cook</h1><template><p>Be a ninja</p></template><p>Prep food.</p>";
    let run = |extra: &[&str]| {
        let mut args = vec!["lint", "ad.txt", "--format", "json", "--date", DATE];
        args.extend_from_slice(extra);
        json(&Hirekit::new().file("ad.txt", html).args(args).succeeds())
    };
    // Read as text, the template's words count.
    let as_text = run(&[]);
    assert_eq!(with_rule(&as_text, "wording/jargon", "\"ninja\"").len(), 1);
    let as_html = run(&["--as", "html"]);
    assert_eq!(with_rule(&as_html, "wording/jargon", "\"ninja\"").len(), 0);
    assert_eq!(as_html["readability"]["words"], 3, "{as_html}");
    Hirekit::new()
        .file("ad.txt", html)
        .args(["lint", "ad.txt", "--as", "pdf"])
        .usage_error();
}

/// Issue: the title-length warning took the first paragraph as the title;
/// a CR-only file was one paragraph.
#[test]
fn the_title_is_the_first_line_even_with_cr_line_ends() {
    let long =
        "We are a regional grocer with stores across three states and we are hiring. ".repeat(3);
    let ad = format!("Cashier\r{long}\r\rRing up sales and help customers.\r");
    let run = Hirekit::new()
        .file("ad.txt", ad)
        .args(["lint", "ad.txt", "--format", "json", "--date", DATE])
        .succeeds();
    let v = json(&run);
    let titles = with_rule(&v, "length/board-limit", "the title");
    assert!(titles.is_empty(), "{}", run.stdout);
    assert_eq!(v["readability"]["sentences"], 5, "{}", run.stdout);
}

/// Readability agrees with textstat 0.7.13 on the corpus of
/// tests/fixtures/lint/corpus-input/ read line-aware (the figures in
/// corpus-input.textstat.tsv, made by
/// scripts/lint-reference/textstat_corpus.py): Flesch reading ease within 4
/// points on every ad and 2 on average, Flesch-Kincaid grade within 1 and
/// 0.5. Measured on 2026-12-02: 1.22 and 0.23 on average (3.80 and 0.85
/// before sentences knew abbreviations and lines, and syllables CMUdict).
#[test]
fn readability_agrees_with_textstat_on_the_corpus() {
    let dir = crate::support::fixtures().join("lint");
    let table = std::fs::read_to_string(dir.join("corpus-input.textstat.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t"))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.len() >= 12, "{} ads", rows.len());
    let (mut ease_sum, mut grade_sum) = (0.0, 0.0);
    let mut report = Vec::new();
    for row in &rows {
        let (file, ease, grade): (&str, f64, f64) =
            (row[0], row[4].parse().unwrap(), row[5].parse().unwrap());
        let run = Hirekit::new()
            .fixture(&format!("lint/corpus-input/{file}"), file)
            .args(["lint", file, "--format", "json", "--date", DATE])
            .run();
        let v = json(&run);
        let r = &v["readability"];
        let (our_ease, our_grade) = (
            r["flesch_reading_ease"].as_f64().unwrap(),
            r["flesch_kincaid_grade"].as_f64().unwrap(),
        );
        let (de, dg) = ((our_ease - ease).abs(), (our_grade - grade).abs());
        report.push(format!(
            "{file}: ease {our_ease} vs {ease}, grade {our_grade} vs {grade}"
        ));
        assert!(de <= 4.0 && dg <= 1.0, "{}", report.join("\n"));
        ease_sum += de;
        grade_sum += dg;
    }
    let n = rows.len() as f64;
    let (ease_mean, grade_mean) = (ease_sum / n, grade_sum / n);
    println!("mean difference from textstat: reading ease {ease_mean:.2}, grade {grade_mean:.2}");
    assert!(
        ease_mean <= 2.0 && grade_mean <= 0.5,
        "{ease_mean:.2} {grade_mean:.2}\n{}",
        report.join("\n")
    );
}

/// Issue: `<template>` content and HTML inside Markdown were misread. In
/// the corpus, "ninja" sits in a `<style>` and a `<template>`, and
/// "rockstar" in a `<script>` (of the page head, and of an HTML block in
/// Markdown): none is a finding; the Markdown's HTML block is read, and the
/// HTML title is the `<title>`, entities decoded.
#[test]
fn corpus_ads_skip_what_readers_do_not_see() {
    for file in ["registered-nurse.html", "software-engineer.md"] {
        let run = Hirekit::new()
            .fixture(&format!("lint/corpus-input/{file}"), file)
            .args(["lint", file, "--format", "json", "--date", DATE])
            .run();
        let v = json(&run);
        let jargon: Vec<Value> = findings(&v)
            .into_iter()
            .filter(|f| f["rule"] == "wording/jargon")
            .collect();
        assert!(jargon.is_empty(), "{file}: {jargon:?}");
    }
    // The HTML block's salary line is read as the post's pay: no finding
    // says the post has none.
    let run = Hirekit::new()
        .fixture("lint/corpus-input/software-engineer.md", "ad.md")
        .args([
            "lint",
            "ad.md",
            "--location",
            "Denver, CO",
            "--format",
            "json",
            "--date",
            DATE,
        ])
        .run();
    let v = json(&run);
    assert!(
        with_rule(&v, "pay-transparency/missing-range", "").is_empty(),
        "{}",
        run.stdout
    );
}

/// A job brief is judged by its own length targets, not a post's: the
/// built-in brief (about 54 words) gets no length finding, while its post
/// targets still apply to the job post and can be set for the brief.
#[test]
fn a_job_brief_has_its_own_length_targets() {
    let lint = |doc: &str, config: Option<&str>| {
        let mut h = Hirekit::new();
        if let Some(c) = config {
            h = h.file("hirekit.yaml", c);
        }
        let run = h
            .args([
                "lint", CSR, "--doc", doc, "--date", DATE, "--format", "json",
            ])
            .run();
        json(&run)
    };
    let v = lint("job-brief", None);
    assert!(with_rule(&v, "length/too-short", "").is_empty(), "{v}");
    assert!(with_rule(&v, "length/too-long", "").is_empty(), "{v}");
    // The post's floor of 200 words is not the brief's.
    let v = lint(
        "job-brief",
        Some("lint:\n  min_words: 10\n  brief_min_words: 100\n"),
    );
    let short = with_rule(&v, "length/too-short", "");
    assert_eq!(short.len(), 1, "{v}");
    assert!(
        short[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("fewer than the target of 100"),
        "{v}"
    );
    let v = lint("job-brief", Some("lint:\n  brief_max_words: 50\n"));
    let long = with_rule(&v, "length/too-long", "");
    assert_eq!(long.len(), 1, "{v}");
    assert_eq!(
        long[0]["suggestion"],
        "a brief is one paragraph for a social post or a job alert; keep to 40-50",
        "{v}"
    );
}
