//! `hirekit occupations search|show|build`, and the O*NET credit line.

use std::path::PathBuf;

use crate::support::{Hirekit, repo};

/// The raw public data: `HIREKIT_SHARED_DATA`, else `../shared/data`
/// beside the repository.
fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("HIREKIT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/data"));
    dir.join("onet-29.3").is_dir().then_some(dir)
}

#[test]
fn rebuilding_from_the_raw_data_gives_byte_identical_files() {
    let Some(from) = shared_data() else {
        println!("skipped: no raw data at ../shared/data (set HIREKIT_SHARED_DATA)");
        return;
    };
    let run = Hirekit::new();
    let out = run.root().join("library");
    // `run` keeps the temporary folder alive until the comparison is done.
    let run = run.args([
        "occupations",
        "build",
        "--from",
        from.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    run.succeeds();
    let committed = repo().join("data/library");
    let mut names: Vec<String> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    for name in names {
        let want = std::fs::read(committed.join(&name)).unwrap();
        let got = std::fs::read(out.join(&name)).unwrap();
        assert!(
            want == got,
            "{name} differs from the committed file: run `hirekit occupations build`"
        );
    }
}

#[test]
fn build_without_the_raw_data_says_where_it_looked() {
    let run = Hirekit::new()
        .args(["occupations", "build", "--from", "nowhere", "--out", "lib"])
        .fails();
    assert!(
        run.stderr.contains("`nowhere` does not exist"),
        "{}",
        run.stderr
    );
    assert!(!run.root().join("lib").exists());
}

#[test]
fn search_lists_code_title_and_what_matched() {
    let out = Hirekit::new()
        .args([
            "occupations",
            "search",
            "software",
            "engineer",
            "--limit",
            "3",
        ])
        .succeeds()
        .stdout;
    insta::assert_snapshot!(out);
}

#[test]
fn search_finds_the_issue_examples_first() {
    for (query, code) in [
        ("cashier", "41-2011.00"),
        ("registered nurse", "29-1141.00"),
        ("software engineer", "15-1252.00"),
        ("custmer service", "43-4051.00"),
        ("forklift", "53-7051.00"),
    ] {
        let out = Hirekit::new()
            .args(["occupations", "search", query, "--format", "json"])
            .succeeds()
            .stdout;
        let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(hits[0]["code"], code, "{query}");
    }
}

#[test]
fn search_without_a_match_is_an_error_in_text_and_empty_in_json() {
    let run = Hirekit::new()
        .args(["occupations", "search", "qqqzzzxxx"])
        .fails();
    assert!(
        run.stderr.contains("no occupation matches `qqqzzzxxx`"),
        "{}",
        run.stderr
    );
    let out = Hirekit::new()
        .args(["occupations", "search", "qqqzzzxxx", "--format", "json"])
        .succeeds()
        .stdout;
    assert_eq!(out.trim(), "[]");
}

#[test]
fn show_prints_the_occupation_its_pay_and_the_credit() {
    let out = Hirekit::new()
        .args(["occupations", "show", "434051"])
        .succeeds()
        .stdout;
    insta::assert_snapshot!(out);
}

#[test]
fn show_names_the_broader_code_whose_pay_it_shows() {
    let out = Hirekit::new()
        .args(["occupations", "show", "51-2092"])
        .succeeds()
        .stdout;
    assert!(
        out.contains("(figures for 51-2090 Miscellaneous Assemblers and Fabricators: BLS publishes no figures for 51-2092 alone)"),
        "{out}"
    );
}

#[test]
fn show_json_holds_the_occupation_variants_pay_and_credit() {
    let out = Hirekit::new()
        .args(["occupations", "show", "35-3023.01", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["occupation"]["title"], "Baristas");
    assert_eq!(v["variants"].as_array().unwrap().len(), 2);
    assert_eq!(v["pay"]["figures_code"], "35-3023");
    assert_eq!(v["pay"]["survey"], "May 2025");
    assert!(v["pay"]["national"]["annual"]["mean"]["value"].is_number());
    assert!(v["credit"].as_str().unwrap().contains("CC BY 4.0"));
}

#[test]
fn show_rejects_bad_and_unknown_codes() {
    let run = Hirekit::new()
        .args(["occupations", "show", "cashier"])
        .fails();
    insta::assert_snapshot!("show_bad_code", run.stderr);
    let run = Hirekit::new()
        .args(["occupations", "show", "99-9999"])
        .fails();
    insta::assert_snapshot!("show_unknown_code", run.stderr);
}

#[test]
fn version_carries_the_onet_credit_line() {
    let out = Hirekit::new().args(["--version"]).succeeds().stdout;
    assert!(out.contains(hirekit::parts::ONET_CREDIT), "{out}");
    assert!(out.contains("BLS"), "{out}");
}
