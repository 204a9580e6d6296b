//! Workspaces: finding `hirekit.yaml`, roles and pay tables in the
//! workspace first, `hirekit init`, `hirekit new`, and the example
//! workspace in `examples/workspace` (checked and rendered in full).

use crate::support::{Hirekit, repo};

const CSR: &str = "customer-service-representative";

/// The built-in CSR profile made into another role with its own SOC code.
fn csr_as(id: &str, title: &str, soc: &str) -> String {
    std::fs::read_to_string(repo().join("data/roles/customer-service-representative.yaml"))
        .unwrap()
        .replacen(&format!("id: {CSR}"), &format!("id: {id}"), 1)
        .replacen(
            "title: Customer Service Representative",
            &format!("title: {title}"),
            1,
        )
        .replacen("soc_code: \"43-4051\"", &format!("soc_code: \"{soc}\""), 1)
}

#[test]
fn the_workspace_is_found_from_a_subfolder() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "render:\n  doc: job-brief\n")
        .file(
            "roles/team-lead.yaml",
            csr_as("team-lead", "Team Lead", "43-1011"),
        )
        .cwd("roles/deeper")
        .args(["render", "team-lead"])
        .succeeds();
    assert!(
        run.stdout.starts_with("# Team Lead Job Brief\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn workspace_flag_picks_the_workspace() {
    let run = Hirekit::new()
        .file("ws/hirekit.yaml", "")
        .file(
            "ws/roles/team-lead.yaml",
            csr_as("team-lead", "Team Lead", "43-1011"),
        )
        .args([
            "--workspace",
            "ws",
            "render",
            "team-lead",
            "--doc",
            "job-brief",
        ])
        .succeeds();
    assert!(run.stdout.starts_with("# Team Lead Job Brief"));
    let run = Hirekit::new()
        .args(["--workspace", "nowhere", "roles", "list"])
        .fails();
    insta::assert_snapshot!(run.stderr(), @"error: workspace folder `nowhere` does not exist");
}

#[test]
fn a_workspace_role_replaces_the_builtin_of_the_same_id() {
    let mut h = Hirekit::new().file("hirekit.yaml", "").file(
        &format!("roles/{CSR}.yaml"),
        csr_as(CSR, "Customer Care Specialist", "43-4051"),
    );
    let out = h
        .cmd(["render", CSR, "--doc", "job-brief"])
        .succeeds()
        .stdout;
    assert!(
        out.starts_with("# Customer Care Specialist Job Brief"),
        "{out}"
    );
    h.cmd(["roles", "list"]);
    let list = h.succeeds().stdout;
    assert!(list.contains("Customer Care Specialist"), "{list}");
    assert!(list.contains(&format!("roles/{CSR}.yaml")), "{list}");
    assert!(!list.contains("built-in"), "{list}");
}

#[test]
fn a_workspace_role_uses_the_workspace_pay_table() {
    // Made-up figures: this table exists only to show which file is used.
    let pay = "area,area_name,soc,survey,hourly_mean,annual_mean\n\
               US,U.S.,35-2014,Test survey,17.00,35360\n\
               TX,Texas,35-2014,Test survey,15.50,32240\n";
    let out = Hirekit::new()
        .file("hirekit.yaml", "")
        .file(
            "roles/line-cook.yaml",
            csr_as("line-cook", "Line Cook", "35-2014"),
        )
        .file("pay/35-2014.csv", pay)
        .args([
            "render",
            "line-cook",
            "--doc",
            "job-post",
            "--location",
            "Austin, TX",
        ])
        .succeeds()
        .stdout;
    assert!(
        out.contains("**$32,240 a year** (**$15.50 an hour**)"),
        "{out}"
    );
    assert!(out.contains("Test survey, Texas."), "{out}");
}

#[test]
fn a_company_file_named_in_the_settings_must_exist() {
    let run = Hirekit::new()
        .file("hirekit.yaml", "company: acme.yaml\n")
        .args(["render", CSR])
        .fails();
    insta::assert_snapshot!(run.stderr());
    // One rule for every command that uses the company (issue: one model
    // of a run's inputs): lint used to pass with "add company.yaml".
    for args in [
        &["lint", CSR][..],
        &["check"],
        &["batch", CSR, "--locations", "sites.csv", "--out", "out"],
    ] {
        let h = Hirekit::new()
            .file("hirekit.yaml", "company: acme.yaml\n")
            .file("sites.csv", "id,city,state\na,Detroit,MI\n")
            .args(args);
        let run = h.fails();
        assert!(
            run.stderr.contains("acme.yaml") && run.stderr.contains("hirekit.yaml:1:1"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!h.root().join("out").exists(), "{args:?} wrote files");
    }
}

#[test]
fn init_creates_a_workspace_that_checks_and_renders() {
    let h = Hirekit::new().args(["init", "ws"]);
    let run = h.succeeds();
    insta::assert_snapshot!("init_message", run.stderr());
    for (rel, text) in hirekit::parts::INIT_FILES {
        assert_eq!(h.read(&format!("ws/{rel}")), *text, "{rel}");
    }
    let mut h = h.reset().cwd("ws").args(["check"]);
    insta::assert_snapshot!("init_check", h.succeeds().stderr());
    h.cmd([
        "render",
        "medical-receptionist",
        "--doc",
        "job-post",
        "--locations",
        "locations.csv",
        "--id",
        "hv-tacoma",
    ]);
    let out = h.succeeds().stdout;
    assert!(out.contains("**$20.00 to $23.50 an hour**"), "{out}");
    assert!(out.contains("## About Harborview Family Clinics"), "{out}");
}

#[test]
fn init_in_the_current_folder() {
    let h = Hirekit::new().args(["init"]);
    h.succeeds();
    assert!(h.root().join("hirekit.yaml").is_file());
    assert!(h.root().join("templates/README.md").is_file());
}

#[test]
fn init_never_overwrites_and_writes_nothing() {
    let h = Hirekit::new()
        .file("ws/company.yaml", "name: Mine\n")
        .args(["init", "ws"]);
    let run = h.fails();
    insta::assert_snapshot!(run.stderr());
    assert_eq!(h.read("ws/company.yaml"), "name: Mine\n");
    assert!(!h.root().join("ws/hirekit.yaml").exists());
}

/// The done-when of workspaces: init, eject, edit, render, list.
#[test]
fn an_ejected_and_edited_job_post_is_used() {
    let h = Hirekit::new().args(["init", "ws"]);
    h.succeeds();
    let mut h = h.reset().cwd("ws").args(["templates", "eject", "job-post"]);
    h.succeeds();
    let path = h.root().join("ws/templates/job-post.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, hirekit::parts::template("job-post.md").unwrap());
    std::fs::write(
        &path,
        text.replace("## Role Overview", "## The Job in Brief"),
    )
    .unwrap();
    h.cmd([
        "render",
        CSR,
        "--doc",
        "job-post",
        "--location",
        "Detroit, MI",
    ]);
    let out = h.succeeds().stdout;
    assert!(out.contains("\n## The Job in Brief\n"), "{out}");
    assert!(!out.contains("Role Overview"), "{out}");
    h.cmd(["templates", "list"]);
    let list = h.succeeds().stdout;
    assert!(
        list.lines().any(|l| l.starts_with("job-post.md ")
            && l.contains("overridden")
            && l.ends_with("templates/job-post.md")),
        "{list}"
    );
}

#[test]
fn new_writes_a_skeleton_that_check_refuses_until_filled_in() {
    let mut h = Hirekit::new().file("hirekit.yaml", "").args([
        "new",
        "Warehouse Associate",
        "--soc",
        "53-7099",
    ]);
    let run = h.succeeds();
    insta::assert_snapshot!("new_message", run.stderr());
    let text = h.read("roles/warehouse-associate.yaml");
    assert!(text.contains("title: \"Warehouse Associate\""));
    assert!(text.contains("soc_code: \"53-7099\""));
    h.cmd(["check", "roles/warehouse-associate.yaml"]);
    let run = h.fails();
    insta::assert_snapshot!("new_check", run.stderr());
    h.cmd(["render", "warehouse-associate"]);
    insta::assert_snapshot!("new_render", h.fails().stderr());
    h.cmd(["new", "Warehouse Associate"]);
    insta::assert_snapshot!("new_twice", h.fails().stderr());
}

#[test]
fn a_filled_in_skeleton_passes_check() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .args(["new", "Line Cook", "--soc", "35-2019"]);
    h.succeeds();
    let text = h.read("roles/line-cook.yaml");
    let filled: String = text
        .lines()
        .map(|line| match line.find("TODO:") {
            Some(pos) if !line.trim_start().starts_with('#') => {
                let head = line[..pos].trim_end_matches('"');
                format!("{head}Written by the kitchen manager\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    let mut h = h
        .file("roles/line-cook.yaml", filled)
        .reset()
        .args(["check"]);
    let run = h.succeeds();
    assert!(
        run.stderr.ends_with("templates: no problems\n"),
        "{}",
        run.stderr
    );
    h.cmd(["render", "line-cook", "--doc", "interview-guide"]);
    assert!(
        h.succeeds()
            .stdout
            .contains("Written by the kitchen manager")
    );
}

#[test]
fn new_without_a_workspace_warns_and_writes_to_roles() {
    let mut h = Hirekit::new().args(["new", "Cashier"]);
    let run = h.succeeds();
    assert!(
        run.stderr.starts_with("warning: no workspace"),
        "{}",
        run.stderr
    );
    assert!(h.root().join("roles/cashier.yaml").is_file());
    // The next step it suggests works here: by path, not by id.
    assert!(
        run.stderr.contains("`hirekit render roles/cashier.yaml`"),
        "{}",
        run.stderr
    );
    h.cmd(["new", "Cashier", "--soc", "41-2011x"]);
    insta::assert_snapshot!(h.fails().stderr(), @"error: `--soc` must look like `NN-NNNN` (e.g. `53-7065`), got \"41-2011x\"");
}

fn example() -> Hirekit {
    Hirekit::new()
        .copy_dir(&repo().join("examples/workspace"), "ex")
        .cwd("ex")
}

fn column(csv: &str, name: &str) -> Vec<String> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let i = header.iter().position(|h| *h == name).unwrap();
    lines
        .map(|l| l.split(',').nth(i).unwrap_or("").to_string())
        .collect()
}

/// CI renders the example workspace: `check`, then every document of every
/// role, with no location and for every row of its locations file.
#[test]
fn example_workspace_checks_and_renders_every_document() {
    let mut h = example().args(["check"]);
    insta::assert_snapshot!("example_check", h.succeeds().stderr());

    h.cmd(["templates", "list"]);
    let list = h.succeeds().stdout;
    insta::assert_snapshot!("example_templates", list);
    let docs: Vec<String> = list
        .lines()
        .filter(|l| l.split_whitespace().nth(1) == Some("document"))
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .trim_end_matches(".md")
                .to_string()
        })
        .collect();
    assert_eq!(docs.len(), 5, "{docs:?}");
    assert!(docs.contains(&"social-post".to_string()));

    for (role, csv) in [
        ("warehouse-associate", "sites.csv"),
        (CSR, "call-centers.csv"),
    ] {
        let ids = column(&h.read(&format!("ex/{csv}")), "id");
        for doc in &docs {
            h.cmd(["render", role, "--doc", doc]);
            let run = h.succeeds();
            assert!(run.stderr.is_empty(), "{role} {doc}: {}", run.stderr);
            h.cmd(["render", role, "--doc", doc, "--format", "html"]);
            h.succeeds();
            h.cmd([
                "render",
                role,
                "--doc",
                doc,
                "--locations",
                csv,
                "--id",
                &ids[0],
            ]);
            h.succeeds();
        }
        for id in &ids {
            for doc in ["job-post", "social-post"] {
                h.cmd(["render", role, "--doc", doc, "--locations", csv, "--id", id]);
                let out = h.succeeds().stdout;
                assert!(!out.contains("TODO"), "{role} {doc} {id}");
            }
        }
    }
}

#[test]
fn example_workspace_posts_use_the_custom_block_and_the_new_document() {
    let mut h = example().args([
        "render",
        "warehouse-associate",
        "--locations",
        "sites.csv",
        "--id",
        "ksp-wh-ontario",
    ]);
    insta::assert_snapshot!("example_job_post_ontario", h.succeeds().stdout);
    h.cmd([
        "render",
        "warehouse-associate",
        "--doc",
        "social-post",
        "--locations",
        "sites.csv",
        "--id",
        "ksp-wh-kent",
    ]);
    insta::assert_snapshot!("example_social_post_kent", h.succeeds().stdout);
    h.cmd([
        "render",
        CSR,
        "--locations",
        "call-centers.csv",
        "--id",
        "ksp-cc-omaha",
    ]);
    let out = h.succeeds().stdout;
    assert!(
        out.contains(
            "The mean wage for customer service representatives in the Omaha, NE-IA metro area"
        ),
        "{out}"
    );
    assert!(out.contains("text **APPLY** to 555-0142"), "{out}");
}

#[test]
fn example_sites_span_many_states() {
    let csv = std::fs::read_to_string(repo().join("examples/workspace/sites.csv")).unwrap();
    let states: std::collections::BTreeSet<String> = column(&csv, "state").into_iter().collect();
    assert!(csv.lines().count() > 20);
    assert!(states.len() >= 10, "{states:?}");
    let with_pay = column(&csv, "pay_min")
        .iter()
        .filter(|p| !p.is_empty())
        .count();
    assert!(with_pay > 0 && with_pay < csv.lines().count() - 1);
}
