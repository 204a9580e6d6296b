//! Hostile and broken input: every file of the error corpus, through every
//! command that reads its kind, gives a clean exit (0 or 1) and never a
//! panic, a crash or a hang.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{Hirekit, fixtures};

/// Generous: a run normally takes milliseconds; this only catches hangs.
const HANG: Duration = Duration::from_secs(60);

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = fixtures().join("errors").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {kind}");
    files
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().to_string()
}

#[track_caller]
fn assert_clean(h: &Hirekit, what: &str) {
    let run = h.run_with_timeout(HANG);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "{what}: exit {:?} (101 is a panic, None a signal or a hang)\n{}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
    assert!(
        !run.stderr.contains("RUST_BACKTRACE"),
        "{what}: {}",
        run.stderr
    );
}

#[test]
fn no_yaml_in_the_corpus_makes_a_command_panic() {
    for file in corpus("yaml") {
        let n = name(&file);
        let h = || Hirekit::new().fixture(&format!("errors/yaml/{n}"), &n);
        assert_clean(&h().args(["render", &n]), &format!("render {n}"));
        assert_clean(
            &h().args(["render", &n, "--format", "json"]),
            &format!("render json {n}"),
        );
        assert_clean(&h().args(["check", &n]), &format!("check {n}"));
        assert_clean(&h().args(["lint", &n]), &format!("lint {n}"));
        assert_clean(
            &h().args(["render", "customer-service-representative", "--company", &n]),
            &format!("render --company {n}"),
        );
        let ws = Hirekit::new()
            .file("hirekit.yaml", "")
            .fixture(&format!("errors/yaml/{n}"), "roles/bad.yaml")
            .fixture(&format!("errors/yaml/{n}"), "company.yaml");
        assert_clean(&ws.args(["check"]), &format!("check workspace with {n}"));
        let settings = Hirekit::new().fixture(&format!("errors/yaml/{n}"), "hirekit.yaml");
        assert_clean(
            &settings.args(["roles", "list"]),
            &format!("hirekit.yaml = {n}"),
        );
    }
}

#[test]
fn no_csv_in_the_corpus_makes_a_command_panic() {
    for file in corpus("csv") {
        let n = name(&file);
        let h = || Hirekit::new().fixture(&format!("errors/csv/{n}"), &n);
        let role = "customer-service-representative";
        assert_clean(
            &h().args(["render", role, "--locations", &n, "--id", "x1"]),
            &format!("render --locations {n}"),
        );
        assert_clean(&h().args(["check", &n]), &format!("check {n}"));
        assert_clean(
            &h().args(["lint", role, "--locations", &n]),
            &format!("lint {n}"),
        );
        assert_clean(
            &h().args(["pay", "import", &n, "--soc", "43-4051"]),
            &format!("pay import {n}"),
        );
        assert_clean(&h().args(["pay", "show", &n]), &format!("pay show {n}"));
        for extra in [&[][..], &["--keep-going"][..], &["--dry-run"][..]] {
            let run = h()
                .args(["batch", role, "--locations", &n, "--out", "out"])
                .args(extra);
            assert_clean(&run, &format!("batch {n} {extra:?}"));
        }
    }
}

#[test]
fn no_template_in_the_corpus_makes_a_command_panic() {
    for file in corpus("templates") {
        let n = name(&file);
        let h = || {
            Hirekit::new()
                .file("hirekit.yaml", "")
                .fixture(&format!("errors/templates/{n}"), &format!("templates/{n}"))
        };
        let doc = n.trim_end_matches(".md");
        let role = "customer-service-representative";
        assert_clean(&h().args(["check"]), &format!("check {n}"));
        assert_clean(
            &h().args(["templates", "list"]),
            &format!("templates list {n}"),
        );
        assert_clean(
            &h().args(["render", role, "--doc", doc]),
            &format!("render {n}"),
        );
        assert_clean(
            &h().args(["render", role, "--doc", "job-post", "--format", "html"]),
            &format!("render html with {n}"),
        );
    }
}

#[test]
fn no_oews_file_in_the_corpus_makes_a_command_panic() {
    let mut files = corpus("oews");
    files.extend(corpus("csv"));
    for file in files {
        let n = name(&file);
        let kind = file
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let h = Hirekit::new()
            .fixture(&format!("errors/{kind}/{n}"), &n)
            .args(["pay", "import", &n, "--soc", "43-4051"]);
        assert_clean(&h, &format!("pay import {n}"));
    }
}

#[test]
fn bad_oews_files_are_explained() {
    insta::glob!("../fixtures/errors/oews", "*.*", |path| {
        let n = name(path);
        let run = Hirekit::new()
            .fixture(&format!("errors/oews/{n}"), &n)
            // With the period given, each file is judged by what it holds.
            .args([
                "pay", "import", &n, "--soc", "43-4051", "--survey", "May 2023",
            ])
            .fails();
        insta::assert_snapshot!(run.stderr());
    });
}

#[test]
fn a_50_mb_profile_is_refused_without_reading_it() {
    let h = Hirekit::new();
    let path = h.root().join("huge.yaml");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(f, "title: Customer Service Representative").unwrap();
        writeln!(f, "summary: >-").unwrap();
        let line = format!("  {}\n", "lorem ipsum ".repeat(8));
        for _ in 0..(50 * 1024 * 1024 / line.len()) {
            f.write_all(line.as_bytes()).unwrap();
        }
    }
    assert!(std::fs::metadata(&path).unwrap().len() >= 50 * 1000 * 1000);
    let run = h.args(["render", "huge.yaml"]).run_with_timeout(HANG);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    insta::assert_snapshot!(run.stderr());
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_string_lossy().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn hostile_ids_and_cities_never_write_outside_out() {
    let ids = "id,city,state\n../../x,Detroit,MI\n/etc/x,Detroit,MI\n\"C:\\x\",Detroit,MI\ncon,Detroit,MI\n";
    let long = "b".repeat(300);
    let cities = format!(
        "id,city,state\n,../../x,MI\n,/etc/x,CO\n,\"C:\\x\",TX\n,con,NY\n,{long},CA\n,\"Nul\0Town\",WA\n,Detroit,MI\n,DETROIT,MI\n"
    );
    let mut report = String::new();
    for (name, csv) in [("ids", ids.to_string()), ("cities", cities)] {
        let h = Hirekit::new()
            .cwd("work")
            .file("work/sites.csv", &csv)
            .args([
                "batch",
                "customer-service-representative",
                "--locations",
                "sites.csv",
            ])
            .args(["--out", "out", "--keep-going"]);
        let run = h.fails();
        let stderr: String = run
            .stderr()
            .lines()
            .map(|l| match l.find(" in ") {
                // The summary's timing changes from run to run.
                Some(i) if l.ends_with("ads/s)") => format!("{} in [TIME]", &l[..i]),
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        report.push_str(&format!("== {name}\n{stderr}\n"));
        // Only `work/` may change, and inside it only `out/` and the CSV.
        let top: Vec<String> = files_under(h.root());
        assert!(
            top.iter()
                .all(|f| f.starts_with("work/out/") || f == "work/sites.csv"),
            "{name}: {top:#?}"
        );
        for f in files_under(&h.root().join("work/out")) {
            assert!(!f.contains(".."), "{f}");
            report.push_str(&format!("wrote {f}\n"));
        }
    }
    insta::assert_snapshot!(report);
}

/// Red-team issue, item 8: a device with no size (`/dev/zero`) is read
/// only up to the cap, whichever command reads it.
#[cfg(unix)]
#[test]
fn endless_inputs_are_cut_off_at_the_cap() {
    let csr = "customer-service-representative";
    for args in [
        &["render", "/dev/zero"][..],
        &["lint", "/dev/zero"],
        &["render", csr, "--company", "/dev/zero"],
        &["render", csr, "--locations", "/dev/zero", "--id", "a"],
        &[
            "pay",
            "import",
            "/dev/zero",
            "--soc",
            "43-4051",
            "--survey",
            "May 2023",
        ],
    ] {
        let run = Hirekit::new()
            .args(args)
            .run_with_timeout(std::time::Duration::from_secs(60));
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    }
}

/// Red-team issue, item 8: a FIFO in a workspace folder, or a link out of
/// the workspace, is passed over with a warning instead of hanging or
/// reading the whole disk.
#[cfg(unix)]
#[test]
fn pipes_and_links_out_of_the_workspace_are_passed_over() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("roles/.keep", "")
        .file("sites.csv", "id,city,state\na,Detroit,MI\n");
    for fifo in ["templates/job-post.md", "roles/cashier.yaml", "pay.csv"] {
        let path = h.root().join(fifo);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
    }
    std::os::unix::fs::symlink("/usr", h.root().join("templates/usr")).unwrap();
    std::os::unix::fs::symlink("/", h.root().join("templates/root")).unwrap();
    let mut h = h;
    for args in [
        &[
            "render",
            "customer-service-representative",
            "--doc",
            "job-post",
        ][..],
        &["check"],
        &["roles", "list"],
    ] {
        h.cmd(args);
        let run = h.run_with_timeout(std::time::Duration::from_secs(60));
        assert!(run.code.is_some(), "{args:?} hung");
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("skipped"),
            "{args:?} said nothing of what it passed over: {}",
            run.stderr
        );
    }
}

/// Runs hirekit under `sh` with a file-size limit of `blocks` × 512 bytes
/// and SIGXFSZ ignored (an ignored signal stays ignored across `exec`), so
/// that a write past the limit fails as a full disk would, with an error
/// instead of a signal.
#[cfg(unix)]
fn with_file_size_limit(h: &Hirekit, blocks: u32, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("hirekit");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(bin)
        .args(args)
        .current_dir(h.root())
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_names_the_file_being_written_never_a_temporary_one() {
    let h = Hirekit::new().file("sites.csv", "id,city,state\na,Detroit,MI\nb,Denver,CO\n");
    std::fs::create_dir(h.root().join("out")).unwrap();
    let render = with_file_size_limit(
        &h,
        8,
        &[
            "render",
            "customer-service-representative",
            "--format",
            "html",
            "-o",
            "out/post.html",
        ],
    );
    let stderr = String::from_utf8_lossy(&render.stderr);
    assert_eq!(render.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write `out/post.html`"), "{stderr}");
    assert!(!stderr.contains(".hirekit-"), "{stderr}");
    assert!(!stderr.contains(".tmp"), "{stderr}");
    let batch = with_file_size_limit(
        &h,
        8,
        &[
            "batch",
            "customer-service-representative",
            "--locations",
            "sites.csv",
            "--out",
            "out",
        ],
    );
    let stderr = String::from_utf8_lossy(&batch.stderr);
    assert_eq!(batch.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains(".hirekit-"), "{stderr}");
    assert!(
        files_under(&h.root().join("out"))
            .iter()
            .all(|f| !f.contains(".hirekit-")),
        "a temporary file was left: {:?}",
        files_under(&h.root().join("out"))
    );
}

/// Eight nested loops over a list of 20 run 25 billion times without
/// writing a byte or asking for memory: only the time limit stops them.
#[test]
fn a_template_that_loops_for_hours_is_stopped_after_10_seconds() {
    let xs = "{% set xs = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20] %}";
    let mut body = String::from(xs);
    for v in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        body.push_str(&format!("{{% for {v} in xs %}}"));
    }
    body.push_str(&"{% endfor %}".repeat(8));
    let started = std::time::Instant::now();
    let run = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("templates/deep-loops.md", body)
        .args([
            "render",
            "customer-service-representative",
            "--doc",
            "deep-loops",
        ])
        .run_with_timeout(HANG);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("rendering the template `templates/deep-loops.md` took more than 10 seconds"),
        "{}",
        run.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert!(run.stdout.is_empty());
}
