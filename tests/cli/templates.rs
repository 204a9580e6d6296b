//! Templates: workspace overrides (whole documents, one block, partials),
//! new documents, `templates list|show|eject`, template errors located in
//! workspace files, and the template reference `docs/templates.md`.

use std::collections::BTreeSet;

use crate::support::{Hirekit, fixtures, repo};

const CSR: &str = "customer-service-representative";

fn ws() -> Hirekit {
    Hirekit::new().file("hirekit.yaml", "")
}

#[test]
fn a_workspace_template_replaces_the_builtin() {
    let out = ws()
        .file("templates/job-brief.md", "# Brief for {{ role.title }}\n")
        .args(["render", CSR, "--doc", "job-brief"])
        .succeeds()
        .stdout;
    assert_eq!(out, "# Brief for Customer Service Representative\n");
}

#[test]
fn one_block_override_changes_only_that_block() {
    let args = [
        "render",
        CSR,
        "--doc",
        "job-post",
        "--location",
        "Detroit, MI",
    ];
    let builtin = Hirekit::new().args(args).succeeds().stdout;
    let custom = ws()
        .file(
            "templates/job-post.md",
            "{% extends \"builtin/job-post.md\" %}\n\
             {% block apply %}## How to Apply\n\nCall 555-0100.\n{% endblock apply %}\n",
        )
        .args(args)
        .succeeds()
        .stdout;
    let (head, _) = builtin.split_once("## How to Apply").unwrap();
    assert!(custom.starts_with(head), "{custom}");
    assert!(
        custom.ends_with("## How to Apply\n\nCall 555-0100.\n"),
        "{custom}"
    );
}

#[test]
fn super_keeps_the_builtin_block_and_adds_to_it() {
    let out = ws()
        .file(
            "company.yaml",
            "name: Acme\neeo: Acme is an equal opportunity employer.\n",
        )
        .file(
            "templates/job-post.md",
            "{% extends \"builtin/job-post.md\" %}\n\
             {% block eeo %}{{ super() }}\nAsk us for accommodations.\n{% endblock eeo %}\n",
        )
        .args(["render", CSR, "--doc", "job-post"])
        .succeeds()
        .stdout;
    assert!(
        out.contains("Acme is an equal opportunity employer.\n\nAsk us for accommodations.\n"),
        "{out}"
    );
}

#[test]
fn a_workspace_partial_changes_every_document() {
    let mut h = ws()
        .file("company.yaml", "name: Acme\nabout: We make anvils.\n")
        .file(
            "templates/partials/about-us.md",
            "## Who We Are\n\n{{ company.about }}\n",
        );
    for doc in ["job-post", "job-description"] {
        h.cmd(["render", CSR, "--doc", doc]);
        let out = h.succeeds().stdout;
        assert!(
            out.contains("## Who We Are\n\nWe make anvils.\n"),
            "{doc}: {out}"
        );
        assert!(!out.contains("## About Acme"), "{doc}");
    }
}

/// A new document needs no code change.
#[test]
fn a_new_template_is_a_new_document() {
    let mut h = ws().file(
        "templates/offer-letter.md",
        "# Offer: {{ role.title }}{% if location %}, {{ location.city }}{% endif %}\n",
    );
    let out = h
        .cmd([
            "render",
            CSR,
            "--doc",
            "offer-letter",
            "--location",
            "Detroit, MI",
        ])
        .succeeds()
        .stdout;
    assert_eq!(out, "# Offer: Customer Service Representative, Detroit\n");
    h.cmd(["render", CSR, "--doc", "offer-letter", "--format", "html"]);
    assert!(
        h.succeeds()
            .stdout
            .contains("<h1>Offer: Customer Service Representative</h1>")
    );
}

#[test]
fn an_undefined_variable_fails_render_and_check_at_its_file_line_and_column() {
    let mut h = ws().file(
        "templates/offer-letter.md",
        "# Offer\n\nWe offer {{ role.no_such_field }}.\n",
    );
    let run = h.cmd(["render", CSR, "--doc", "offer-letter"]).fails();
    assert!(run.stderr.contains("`no_such_field`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--> templates/offer-letter.md:3:18"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("undefined_variable_render", run.stderr());
    h.cmd(["check"]);
    let run = h.fails();
    assert!(
        run.stderr.contains("--> templates/offer-letter.md:3:18"),
        "{}",
        run.stderr
    );
    insta::assert_snapshot!("undefined_variable_check", run.stderr());
}

/// Each file in `tests/fixtures/errors/templates/` is one bad template. It
/// is installed as `templates/<its name>`, or as the name its first line
/// gives (`{# install as: job-post.md #}`), and `check` must report it.
#[test]
fn bad_templates_are_reported_by_check() {
    insta::glob!("../fixtures/errors/templates", "*.md", |path| {
        let bytes = std::fs::read(path).unwrap();
        let first = String::from_utf8_lossy(&bytes)
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        let name = first
            .strip_prefix("{# install as: ")
            .and_then(|r| r.strip_suffix(" #}"))
            .map(str::to_string)
            .unwrap_or_else(|| path.file_name().unwrap().to_string_lossy().to_string());
        let run = ws()
            .file(&format!("templates/{name}"), &bytes)
            .args(["check"])
            .fails();
        assert!(
            run.stderr.contains(&format!("templates/{name}")),
            "{}",
            run.stderr
        );
        insta::assert_snapshot!(run.stderr());
    });
}

#[test]
fn templates_list_marks_builtin_overridden_and_new() {
    let out = ws()
        .file(
            "templates/job-post.md",
            "{% extends \"builtin/job-post.md\" %}",
        )
        .file("templates/partials/eeo.md", "EEO")
        .file("templates/social-post.md", "Hiring: {{ role.title }}")
        .file("templates/README.md", "not a template")
        .args(["templates", "list"])
        .succeeds()
        .stdout;
    insta::assert_snapshot!(out);
}

#[test]
fn templates_show_prints_the_template_in_effect() {
    let mut h = ws().file("templates/job-post.md", "mine\n");
    for name in ["job-post", "job-post.md", "templates/job-post.md"] {
        h.cmd(["templates", "show", name]);
        assert_eq!(h.succeeds().stdout, "mine\n", "{name}");
    }
    h.cmd(["templates", "show", "builtin/job-post"]);
    assert_eq!(
        h.succeeds().stdout,
        hirekit::parts::template("job-post.md").unwrap()
    );
    h.cmd(["templates", "show", "partials/apply"]);
    assert_eq!(
        h.succeeds().stdout,
        hirekit::parts::template("partials/apply.md").unwrap()
    );
    h.cmd(["templates", "show", "offer-letter"]);
    insta::assert_snapshot!(h.fails().stderr());
}

#[test]
fn eject_copies_builtins_and_names_the_partials_they_include() {
    let mut h = ws().args(["templates", "eject", "job-post", "partials/apply.md"]);
    let run = h.succeeds();
    insta::assert_snapshot!(run.stderr());
    assert_eq!(
        h.read("templates/job-post.md"),
        hirekit::parts::template("job-post.md").unwrap()
    );
    assert_eq!(
        h.read("templates/partials/apply.md"),
        hirekit::parts::template("partials/apply.md").unwrap()
    );
    h.cmd(["check"]);
    h.succeeds();
}

#[test]
fn eject_refuses_to_overwrite_without_force() {
    let mut h = ws().file("templates/job-post.md", "mine\n").args([
        "templates",
        "eject",
        "job-brief",
        "job-post",
    ]);
    insta::assert_snapshot!(h.fails().stderr());
    assert_eq!(h.read("templates/job-post.md"), "mine\n");
    assert!(!h.root().join("templates/job-brief.md").exists());
    h.cmd(["templates", "eject", "job-post", "--force"]);
    h.succeeds();
    assert_eq!(
        h.read("templates/job-post.md"),
        hirekit::parts::template("job-post.md").unwrap()
    );
}

#[test]
fn eject_needs_a_workspace_and_a_builtin_name() {
    let run = Hirekit::new()
        .args(["templates", "eject", "job-post"])
        .fails();
    insta::assert_snapshot!("eject_without_workspace", run.stderr());
    let run = ws().args(["templates", "eject", "offer-letter"]).fails();
    insta::assert_snapshot!("eject_unknown", run.stderr());
    Hirekit::new().args(["templates", "eject"]).usage_error();
}

/// Every key path of the render context, e.g. `role.duties[].heading`.
/// `location.extra` holds the CSV's own columns, so it is not descended.
fn key_paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if prefix == "location.extra" {
                return;
            }
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(path.clone());
                key_paths(v, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items.iter().filter(|i| i.is_object()) {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// Whether the reference mentions a key path: the path itself in
/// backticks, or, on one line, its parent and its last key in backticks
/// (as in "`role.duties[]` | one group: `heading`, ...").
fn mentioned(doc: &str, path: &str) -> bool {
    if doc.contains(&format!("`{path}`")) {
        return true;
    }
    let Some((parent, leaf)) = path.rsplit_once('.') else {
        return false;
    };
    doc.lines()
        .any(|l| l.contains(&format!("`{parent}`")) && l.contains(&format!("`{leaf}`")))
}

/// Fails when the render context gains a field that `docs/templates.md`
/// does not mention.
#[test]
fn template_reference_mentions_every_context_field() {
    let csv = "id,city,state,postal_code,country,workplace,employment_type,pay_min,pay_max,pay_period,date_posted,valid_through,apply_url,company,shift\n\
               x1,Detroit,MI,48226,US,hybrid,FULL_TIME,18,22,hour,2026-01-05,2026-02-28,https://example.com/a,Acme Detroit,Nights\n";
    let company = "name: Acme\nabout: A.\nwhy_join: [a]\nbenefits: [b]\neeo: E.\n\
                   apply_url: https://example.com/jobs\nwebsite: https://example.com\n\
                   logo: https://example.com/l.png\nemployees: 10\n\
                   extra:\n  careers_page: https://example.com/careers\n";
    // A role with inline pay rows, for `role.pay.rows[]`.
    let role = std::fs::read_to_string(
        repo().join("data/roles/customer-service-representative.yaml"),
    )
    .unwrap()
        + "extra:\n  reports_to: Team lead\n"
        + "pay:\n  rows:\n    - area: US\n      area_name: U.S.\n      soc: \"43-4051\"\n      survey: Test\n      annual_mean: 40000\n";
    let mut h = Hirekit::new()
        .file("sites.csv", csv)
        .file("company.yaml", company)
        .file("inline.yaml", role);
    let mut paths = BTreeSet::new();
    for role in [CSR, "inline.yaml"] {
        h.cmd([
            "render",
            role,
            "--format",
            "json",
            "--company",
            "company.yaml",
            "--locations",
            "sites.csv",
            "--id",
            "x1",
        ]);
        let json: serde_json::Value = serde_json::from_str(&h.succeeds().stdout).unwrap();
        key_paths(&json, "", &mut paths);
    }
    paths.insert("role.pay.table".to_string());
    let doc = std::fs::read_to_string(repo().join("docs/templates.md")).unwrap();
    for expected in [
        "role.duties[].heading",
        "location.extra",
        "pay.market.figures.annual_mean",
        "role.pay.rows[].area",
        "role.extra.reports_to",
        "company.extra.careers_page",
    ] {
        assert!(paths.contains(expected), "{expected} not in {paths:#?}");
    }
    let missing: Vec<&String> = paths.iter().filter(|p| !mentioned(&doc, p)).collect();
    assert!(
        missing.is_empty(),
        "docs/templates.md does not mention these render context fields: {missing:#?}"
    );
}

/// Fails when a filter is registered that `docs/templates.md` does not
/// document.
#[test]
fn template_reference_documents_every_filter() {
    let source = std::fs::read_to_string(repo().join("src/engine/filters.rs")).unwrap();
    let doc = std::fs::read_to_string(repo().join("docs/templates.md")).unwrap();
    let filters: Vec<&str> = source
        .split("register_filter(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(filters.len() >= 8, "{filters:?}");
    for f in filters {
        assert!(
            doc.contains(&format!("| `{f}` |")),
            "filter `{f}` is not in docs/templates.md"
        );
    }
}

#[test]
fn the_fixture_folder_has_the_cases_the_design_lists() {
    let dir = fixtures().join("errors/templates");
    for case in [
        "syntax-error.md",
        "undefined-variable.md",
        "missing-block.md",
        "circular-extends.md",
        "infinite-include.md",
    ] {
        assert!(dir.join(case).is_file(), "{case}");
    }
}
