//! Profiles that are easy to write: four keys render a job post, each
//! document names the sections it lacks, `check` names every problem of a
//! file in one run, and `extra:` carries a team's own fields to templates.

use crate::support::Hirekit;

/// Title, summary, a plain list of duties and requirements: nothing else.
const CASHIER: &str = "\
title: Cashier
summary: Cashiers greet shoppers, ring up their purchases and keep the checkout tidy.
duties:
  - Scan items and take payment in cash, card or mobile wallet
  - Count the till at the start and end of each shift
requirements:
  - Able to stand for a full shift
  - Comfortable handling cash and making change
";

#[test]
fn a_four_key_profile_renders_a_job_post() {
    let run = Hirekit::new()
        .file("cashier.yaml", CASHIER)
        .args([
            "render",
            "cashier.yaml",
            "--doc",
            "job-post",
            "--location",
            "Detroit, MI",
        ])
        .succeeds();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_four_key_profile_renders_a_job_post_page() {
    let run = Hirekit::new()
        .file("cashier.yaml", CASHIER)
        .args([
            "render",
            "cashier.yaml",
            "--doc",
            "job-post",
            "--format",
            "html",
        ])
        .succeeds();
    let html = &run.stdout;
    assert!(html.contains("<h1>Cashier</h1>"), "{html}");
    assert!(html.contains("<h2>Responsibilities</h2>"), "{html}");
    assert!(html.contains("<li>Count the till at the start and end of each shift.</li>"));
    assert!(html.contains("\"@type\": \"JobPosting\""), "{html}");
    // No SOC code: no pay section, and no apology for its absence.
    assert!(!html.contains("Pay"), "{html}");
    assert!(!html.contains("occupationalCategory"), "{html}");
}

#[test]
fn grouped_and_plain_duties_both_load() {
    let grouped = CASHIER
        .replace(
            "duties:\n  - Scan",
            "duties:\n  - heading: At the till\n    items:\n      - Scan",
        )
        .replace("\n  - Count", "\n      - Count");
    let run = Hirekit::new()
        .file("cashier.yaml", &grouped)
        .args(["render", "cashier.yaml", "--doc", "job-post"])
        .succeeds();
    assert!(run.stdout.contains("- Count the till"), "{}", run.stdout);
}

#[test]
fn check_passes_a_four_key_profile_and_warns_about_the_documents_it_cannot_feed() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/cashier.yaml", CASHIER)
        .args(["check"])
        .succeeds();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn a_document_names_the_sections_it_needs() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/cashier.yaml", CASHIER)
        .args(["render", "cashier", "--doc", "interview-guide"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn check_names_three_misspelled_keys_in_one_run() {
    let run = Hirekit::new()
        .fixture(
            "errors/yaml/three-misspelled-keys.yaml",
            "roles/cashier.yaml",
        )
        .args(["check", "roles/cashier.yaml"])
        .fails();
    for (typo, key) in [
        ("sumary", "summary"),
        ("dutys", "duties"),
        ("requirments", "requirements"),
    ] {
        assert!(
            run.stderr.contains(&format!("unknown key `{typo}`")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("did you mean `{key}`?")),
            "{}",
            run.stderr
        );
    }
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn a_list_item_indented_too_far_is_an_indentation_error_in_check() {
    let run = Hirekit::new()
        .fixture("errors/yaml/folded-list-item.yaml", "cashier.yaml")
        .args(["check", "cashier.yaml"])
        .fails();
    assert!(run.stderr.contains("cashier.yaml:5:5"), "{}", run.stderr);
    assert!(run.stderr.contains("indentation mistake"), "{}", run.stderr);
}

#[test]
fn extra_fields_reach_templates_and_json() {
    let role =
        format!("{CASHIER}extra:\n  reports_to: Front-end supervisor\n  shifts: [early, late]\n");
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/cashier.yaml", &role)
        .file(
            "company.yaml",
            "name: Corner Market\nextra:\n  careers_page: https://corner.example/careers\n",
        )
        .file(
            "templates/memo.md",
            "# {{ role.title }}\n\n\
             {% if role.extra.reports_to %}Reports to: {{ role.extra.reports_to }}.{% endif %}\n\
             Shifts: {{ role.extra.shifts | join(sep=\", \") }}.\n\
             More at {{ company.extra.careers_page }}.\n",
        );
    let h = h.args(["render", "cashier", "--doc", "memo"]);
    let run = h.succeeds();
    assert_eq!(
        run.stdout,
        "# Cashier\n\nReports to: Front-end supervisor.\nShifts: early, late.\nMore at https://corner.example/careers.\n"
    );
    let h = h.clear_args();
    let json = h
        .args(["render", "cashier", "--doc", "job-post", "--format", "json"])
        .succeeds()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["role"]["extra"]["shifts"][1], "late");
    assert_eq!(
        v["company"]["extra"]["careers_page"],
        "https://corner.example/careers"
    );
}

/// A template may test `role.extra.x` on a profile without `extra:`.
#[test]
fn extra_is_a_mapping_in_templates_even_when_absent() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file(
            "templates/memo.md",
            "{% if role.extra.reports_to %}yes{% else %}no{% endif %} {% if company.extra.x %}yes{% else %}no{% endif %}\n",
        )
        .args(["render", "customer-service-representative", "--doc", "memo"])
        .succeeds();
    assert_eq!(run.stdout, "no no\n");
}

#[test]
fn check_names_every_problem_of_a_company_file() {
    let run = Hirekit::new()
        .file(
            "company.yaml",
            "name: Acme\nabuot: x\nwhy_jion: [a]\nemployees: many\n",
        )
        .args(["check", "company.yaml"])
        .fails();
    for expected in [
        "company.yaml:2:1",
        "did you mean `about`?",
        "company.yaml:3:1",
        "did you mean `why_join`?",
        "company.yaml:4:12",
        "3 problems",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
}

/// The four keys plus exactly what each document needs (see
/// docs/profiles.md).
const NEEDED: &str = "\
overview: You will greet shoppers and keep the line moving.
key_responsibilities:
  - Ring up purchases
qualifications:
  required:
    - Basic arithmetic
brief:
  mission: We run a friendly corner market.
  impact: You will be the face of the store at the till.
  ideal_candidate: You like people and keep calm in a rush.
  call_to_action: Apply today.
interview:
  competencies:
    - name: Accuracy
      why: Mistakes at the till cost money and trust.
      questions:
        - type: behavioral
          text: Tell me about a time you caught a mistake.
          strong_answer:
            - Names a specific check they made
  rating_scale:
    - score: 1
      label: Weak
      description: No example.
    - score: 2
      label: Strong
      description: A clear example.
";

/// Whether a Markdown document has a heading with nothing under it: the
/// next heading (or the end) comes before any text, at the same level or
/// higher.
fn empty_sections(md: &str) -> Vec<String> {
    let level = |l: &str| l.chars().take_while(|c| *c == '#').count();
    let lines: Vec<&str> = md.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut empty = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let n = level(line);
        if n == 0 {
            continue;
        }
        let next = lines.get(i + 1).map_or(1, |l| level(l));
        if next > 0 && next <= n {
            empty.push(line.to_string());
        }
    }
    empty
}

#[test]
fn each_document_renders_from_what_it_needs_without_empty_sections() {
    let role = format!("{CASHIER}{NEEDED}");
    let mut h = Hirekit::new().file("cashier.yaml", &role);
    for doc in [
        "job-post",
        "job-brief",
        "job-description",
        "interview-guide",
    ] {
        for location in [None, Some("Detroit, MI")] {
            h.cmd(["render", "cashier.yaml", "--doc", doc]);
            if let Some(l) = location {
                h = h.args(["--location", l]);
            }
            let md = h.succeeds().stdout;
            assert!(
                empty_sections(&md).is_empty(),
                "{doc}: {:?}\n{md}",
                empty_sections(&md)
            );
            for apology in ["n/a", "No BLS", "set during the hiring process", "TODO"] {
                assert!(!md.contains(apology), "{doc} says {apology:?}:\n{md}");
            }
        }
    }
    // The check that catches an empty section does catch one.
    assert_eq!(empty_sections("# A\n\n## B\n\n## C\n\ntext\n"), ["## B"]);
}
