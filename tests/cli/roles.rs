//! `hirekit roles list`, `completions` and the argument contract.

use crate::support::Hirekit;

#[test]
fn roles_list_shows_the_builtin_role() {
    let out = Hirekit::new().args(["roles", "list"]).succeeds().stdout;
    insta::assert_snapshot!(out);
}

#[test]
fn completions_are_printed_for_bash() {
    let out = Hirekit::new()
        .args(["completions", "bash"])
        .succeeds()
        .stdout;
    assert!(out.contains("hirekit"));
    assert!(out.contains("render"));
    // Document names and role ids are offered (issue: one model of a
    // run's inputs, item 6), while any other value is still accepted.
    assert!(out.contains("job-brief"), "no document names");
    assert!(out.contains("interview-guide"), "no document names");
    assert!(
        out.contains("customer-service-representative"),
        "no role ids"
    );
}

#[test]
fn cli_definition_is_consistent() {
    use clap::CommandFactory;
    hirekit::cli::Cli::command().debug_assert();
}

#[test]
fn usage_errors_exit_2() {
    Hirekit::new().args(["render"]).usage_error();
    Hirekit::new()
        .args(["render", "x", "--format", "pdf"])
        .usage_error();
    Hirekit::new().args(["no-such-command"]).usage_error();
}
