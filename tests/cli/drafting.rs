//! `hirekit new "Title" --soc CODE` with a code in the occupation library:
//! a drafted profile that `check` passes and every document renders as it
//! is, in every format.

use crate::support::Hirekit;

const DOCS: [&str; 4] = [
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];

#[test]
fn new_drafts_a_cashier_profile_that_checks_and_renders() {
    let mut h = Hirekit::new()
        .file("hirekit.yaml", "")
        .args(["new", "Cashier", "--soc", "41-2011"]);
    let run = h.succeeds();
    insta::assert_snapshot!("new_drafted_message", run.stderr());
    let text = h.read("roles/cashier.yaml");
    assert!(!text.contains("TODO"), "{text}");
    assert!(text.contains("title: \"Cashier\""));
    assert!(text.contains("soc_code: \"41-2011\""));
    assert!(
        text.contains("\nsource: >-\n  Drafted from O*NET 29.3 occupation 41-2011.00"),
        "{text}"
    );
    for review in [
        "# REVIEW: schedule.",
        "# REVIEW: benefits",
        "# REVIEW: requirements.",
        "REVIEW: pay.",
    ] {
        assert!(text.contains(review), "{review}");
    }

    h.cmd(["check", "roles/cashier.yaml"]);
    let run = h.succeeds();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);

    for doc in DOCS {
        for format in ["md", "html", "txt", "json"] {
            h.cmd(["render", "cashier", "--doc", doc, "--format", format]);
            let out = h.succeeds().stdout;
            assert!(out.contains("Cashier"), "{doc} {format}");
            for leftover in ["TODO", "n/a", "{title}"] {
                assert!(!out.contains(leftover), "{doc} {format}: {leftover}");
            }
            // The O*NET code belongs in the source line (the credit that
            // ends each document, and the JSON context), never in its prose.
            if format != "json" {
                for line in out.lines().filter(|l| l.contains("41-2011.00")) {
                    assert!(line.contains("Drafted from O"), "{doc} {format}: {line}");
                }
            }
        }
    }
    h.cmd(["render", "cashier", "--doc", "job-post"]);
    let post = h.succeeds().stdout;
    assert!(
        post.contains("Receive payment by cash, check, credit cards"),
        "{post}"
    );
    h.cmd(["render", "cashier", "--doc", "interview-guide"]);
    let guide = h.succeeds().stdout;
    assert!(guide.contains("Dependability"), "{guide}");
}

#[test]
fn new_takes_an_onet_code_and_the_employers_title() {
    let h =
        Hirekit::new()
            .file("hirekit.yaml", "")
            .args(["new", "Line Cook", "--soc", "35-2014.00"]);
    h.succeeds();
    let text = h.read("roles/line-cook.yaml");
    assert!(text.contains("soc_code: \"35-2014\""), "{text}");
    assert!(text.contains("We are looking for a Line Cook to"), "{text}");
    let mut h = h
        .reset()
        .args(["render", "line-cook", "--doc", "job-brief"]);
    assert!(h.succeeds().stdout.contains("Line Cook"));
    h.cmd(["check"]);
    h.succeeds();
}

#[test]
fn a_code_outside_the_library_still_gives_a_skeleton() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .args(["new", "Mover", "--soc", "53-7099"]);
    let run = h.succeeds();
    assert!(run.stderr.contains("\"TODO:\" values"), "{}", run.stderr);
    assert!(h.read("roles/mover.yaml").contains("TODO:"));
}
