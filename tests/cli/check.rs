//! `hirekit check`: validates a whole workspace or the given files, reports
//! every problem (not just the first) with file, line and column, prints a
//! one-line summary and exits 1 when there is a problem.

use crate::support::{Hirekit, repo};

const CSR: &str = "customer-service-representative";

#[test]
fn check_passes_on_the_builtins_alone() {
    let run = Hirekit::new().args(["check"]).succeeds();
    insta::assert_snapshot!(run.stderr(), @"checked 1 role, 0 companies, 1 pay table, 0 locations files, 18 templates: no problems");
    assert!(run.stdout.is_empty());
}

#[test]
fn check_is_silent_with_quiet_when_all_is_well() {
    let run = Hirekit::new().args(["-q", "check"]).succeeds();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// A syntax error in `templates/broken.md` fails `check`, naming the file.
#[test]
fn a_syntax_error_fails_check_and_names_the_file() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("templates/broken.md", "Dear {{ name\n")
        .args(["check"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn check_reports_every_problem_in_one_run() {
    let role =
        std::fs::read_to_string(repo().join("data/roles/customer-service-representative.yaml"))
            .unwrap()
            .replacen("id: customer-service-representative", "id: team-lead", 1)
            .replacen("soc_code: \"43-4051\"", "soc_code: \"43-1011\"", 1);
    let run = Hirekit::new()
        .file(
            "hirekit.yaml",
            "render:\n  doc: offer-letter\n  format: pdf\nbatch:\n  docs: [job-post, flyer]\n",
        )
        .file("company.yaml", "name: Acme\nwebsite: ftp://acme\n")
        .file("roles/team-lead.yaml", &role)
        .file("roles/typo.yaml", role.replacen("skills:", "skils:", 1))
        .file(
            "pay/43-1011.csv",
            "area,area_name,soc,survey,annual_mean\nUS,U.S.,43-1011,Test,lots\n",
        )
        .file(
            "sites.csv",
            "id,city,state,pay_min,pay_max\na,Detroit,MI,18,22\nb,Springfield,XX,18,22\nc,Austin,TX,30,20\n",
        )
        .file("templates/broken.md", "{% if role.title %}\n# {{ role.title }\n")
        .file(
            "templates/job-post.md",
            "{% extends \"builtin/job-post.md\" %}\n{% block apply %}{{ role.apply_by }}{% endblock apply %}\n",
        )
        .args(["check"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn check_of_given_files_checks_only_those() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/bad.yaml", "title: x\n")
        .file(
            "templates/social-post.md",
            "Hiring: {{ role.title }} {{ role.nope }}\n",
        )
        .file("templates/job-brief.md", "{{ role.title }}\n")
        .file("notes.txt", "not hirekit's\n");
    let mut h = h.args(["check", "templates/job-brief.md"]);
    insta::assert_snapshot!("given_good_template", h.succeeds().stderr());
    h.cmd(["check", "templates/social-post.md"]);
    insta::assert_snapshot!("given_bad_template", h.fails().stderr());
    h.cmd(["check", "roles/bad.yaml", "notes.txt", "missing.csv"]);
    insta::assert_snapshot!("given_files", h.fails().stderr());
}

#[test]
fn check_of_a_folder_checks_what_it_holds() {
    let mut h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("more/sites.csv", "city,state\nDetroit,MI\nAustin,Texas\n")
        .file("more/README.md", "notes\n")
        .args(["check", "more"]);
    insta::assert_snapshot!(h.succeeds().stderr(), @"checked 0 roles, 0 companies, 0 pay tables, 1 locations file, 0 templates: no problems");
    h.cmd(["check", "."]);
    insta::assert_snapshot!(h.succeeds().stderr(), @"checked 1 role, 0 companies, 1 pay table, 0 locations files, 18 templates: no problems");
}

#[test]
fn a_template_that_only_fails_for_some_locations_is_found() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file(
            "templates/job-brief.md",
            "# {{ role.title }}\n{% if location %}Near {{ location.extra.site_name }}{% endif %}\n",
        )
        .args(["check"])
        .fails();
    insta::assert_snapshot!(run.stderr());
    // With a locations file that has the column, the sample row has it too;
    // a `--location` render still fails, and `check` says so.
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("sites.csv", "city,state,site_name\nDetroit,MI,Riverfront\n")
        .file(
            "templates/job-brief.md",
            "# {{ role.title }}\n{% if location %}Near {{ location.extra.site_name }}{% endif %}\n",
        )
        .args(["check"])
        .fails();
    assert!(
        run.stderr.contains("with --location \"Detroit, MI\""),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("every column"), "{}", run.stderr);
}

#[test]
fn check_finds_a_role_that_breaks_a_template() {
    // A profile without `abbreviation`, and a template that prints it.
    let role =
        std::fs::read_to_string(repo().join("data/roles/customer-service-representative.yaml"))
            .unwrap()
            .replacen("abbreviation: CSR\n", "", 1)
            .replacen(&format!("id: {CSR}"), "id: agent", 1);
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/agent.yaml", role)
        .file(
            "templates/job-brief.md",
            "# {{ role.title }} ({{ role.abbreviation }})\n",
        )
        .args(["check"])
        .fails();
    assert!(run.stderr.contains("for role `agent`"), "{}", run.stderr);
    assert!(run.stderr.ends_with(": 1 problem\n"), "{}", run.stderr);
}

/// Issue "one model of a run's inputs", item 5: a template error that only
/// one row of the workspace's locations file reaches (line 3 works nights)
/// fails `check` before a batch starts, naming the row.
#[test]
fn a_template_that_fails_on_one_row_of_the_locations_file_fails_check() {
    let h = Hirekit::new()
        .copy_dir(
            &crate::support::fixtures().join("check/row-only-error"),
            ".",
        )
        .args(["check"]);
    let run = h.fails();
    insta::assert_snapshot!(run.stderr());
    assert!(run.stderr.contains("for line 3 of `sites.csv`"));
}

#[test]
fn a_locations_file_with_many_bad_rows_shows_the_first_50_and_a_count() {
    let mut csv = String::from("id,city,state\n");
    for i in 0..120 {
        csv.push_str(&format!("r{i},Springfield,ZZ\n"));
    }
    csv.push_str("ok,Springfield,IL\nok,Springfield,IL\n");
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("locations.csv", &csv)
        .args(["check"])
        .fails();
    assert_eq!(
        run.stderr.matches("unknown state \"ZZ\"").count(),
        50,
        "{}",
        run.stderr
    );
    // The duplicate id on the last line is the 121st bad row.
    assert!(
        run.stderr
            .contains("error: 71 more rows of `locations.csv` cannot be used (not shown; the first 50 are above)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("51 problems\n"), "{}", run.stderr);
}
