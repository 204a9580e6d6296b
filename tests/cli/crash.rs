//! Batch under stress: a run killed with SIGKILL leaves every file whole or
//! absent and the next run repairs everything; arbitrary text in the CSV
//! never changes which files a batch writes, nor their bytes across `--jobs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::support::Hirekit;

const ROLE: &str = "customer-service-representative";
const STATES: [&str; 10] = ["MI", "CO", "TX", "NY", "CA", "WA", "IL", "OH", "GA", "DC"];

/// A locations CSV with `n` rows and unique ids.
fn sites(n: usize) -> String {
    let mut csv = String::from("id,city,state,pay_min,pay_max,pay_period\n");
    for i in 0..n {
        let state = STATES[i % STATES.len()];
        let pay = if i % 3 == 0 { "18,24,hour" } else { ",," };
        csv.push_str(&format!("r{i:05},City {i},{state},{pay}\n"));
    }
    csv
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn is_temp(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with(".hirekit-") && name.ends_with(".tmp")
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

fn hirekit_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hirekit"))
}

#[test]
fn a_killed_batch_leaves_whole_files_and_a_rerun_repairs_it() {
    let h = Hirekit::new().file("sites.csv", sites(3000));
    let root = h.root().to_path_buf();
    h_run(
        &root,
        &[
            "batch",
            ROLE,
            "--locations",
            "sites.csv",
            "--out",
            "clean",
            "-q",
        ],
    );
    let clean = tree(&root.join("clean"));
    assert_eq!(clean.keys().filter(|k| k.ends_with(".md")).count(), 3000);

    let mut child = StdCommand::new(hirekit_bin())
        .current_dir(&root)
        .args([
            "--color",
            "never",
            "batch",
            ROLE,
            "--locations",
            "sites.csv",
            "--out",
            "out",
            "-q",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let ads = root.join("out").join(ROLE).join("job-post");
    let start = Instant::now();
    let mut killed = false;
    while start.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if count_files(&ads) >= 200 {
            child.kill().unwrap(); // SIGKILL on Unix
            killed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.wait();
    assert!(
        killed,
        "the batch ended before it could be killed; make the test's input larger"
    );

    let partial = tree(&root.join("out"));
    assert!(!partial.is_empty());
    for (rel, bytes) in &partial {
        if is_temp(rel) {
            continue;
        }
        let reference = clean
            .get(rel)
            .unwrap_or_else(|| panic!("`{rel}` was written but a clean run has no such file"));
        assert!(bytes == reference, "`{rel}` is not whole after the kill");
    }

    h_run(
        &root,
        &[
            "batch",
            ROLE,
            "--locations",
            "sites.csv",
            "--out",
            "out",
            "-q",
        ],
    );
    let repaired = tree(&root.join("out"));
    let published: BTreeMap<_, _> = repaired.iter().filter(|(k, _)| !is_temp(k)).collect();
    let expected: BTreeMap<_, _> = clean.iter().collect();
    assert_eq!(published.len(), expected.len());
    for (rel, bytes) in &expected {
        assert!(
            published.get(rel) == Some(bytes),
            "`{rel}` differs after the rerun"
        );
    }
    assert!(
        repaired.keys().all(|k| !is_temp(k)),
        "the rerun left temporary files: {:?}",
        repaired.keys().filter(|k| is_temp(k)).collect::<Vec<_>>()
    );
}

/// Runs hirekit in `root` and returns what it did.
fn hirekit_in(root: &Path, args: &[&str]) -> std::process::Output {
    StdCommand::new(hirekit_bin())
        .current_dir(root)
        .arg("--color")
        .arg("never")
        .args(args)
        .output()
        .unwrap()
}

/// Runs hirekit in `root` and expects success.
fn h_run(root: &Path, args: &[&str]) {
    let out = hirekit_in(root, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Text that tries to break out: markup, paths, quotes, separators,
/// non-ASCII, and now and then a control character.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("</script><img src=x onerror=alert(1)>".to_string()),
        Just("../../etc/passwd".to_string()),
        Just("C:\\Windows\\con".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("# heading\n- item".to_string()),
        Just("\"quoted\", with, commas".to_string()),
        Just("São Paulo – Zürich ✓".to_string()),
        Just("]]><![CDATA[".to_string()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
        any::<String>().prop_map(|s| s.chars().take(30).collect()),
    ]
}

fn csv_cell(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_changes_which_files_are_written(
        cities in proptest::collection::vec(hostile(), 1..5),
        companies in proptest::collection::vec(hostile(), 1..5),
        extra in hostile(),
    ) {
        let mut csv = String::from("id,city,state,company,notes\n");
        for (i, city) in cities.iter().enumerate() {
            let company = &companies[i % companies.len()];
            csv.push_str(&format!(
                "r{i},{},{},{},{}\n",
                csv_cell(city),
                STATES[i % STATES.len()],
                csv_cell(company),
                csv_cell(&extra)
            ));
        }
        let h = Hirekit::new().file("sites.csv", &csv);
        let root = h.root().to_path_buf();
        let run = |out: &str, jobs: &str| {
            hirekit_in(&root, &["batch", ROLE, "--locations", "sites.csv", "--out", out, "--jobs", jobs, "-q"])
        };
        let one = run("one", "1");
        let four = run("four", "4");
        let code = one.status.code();
        prop_assert!(matches!(code, Some(0 | 1)), "exit {:?}: {}", code, String::from_utf8_lossy(&one.stderr));
        prop_assert_eq!(code, four.status.code());
        let a = tree(&root.join("one"));
        let b = tree(&root.join("four"));
        prop_assert!(a == b, "--jobs 1 and --jobs 4 differ");
        if code == Some(0) {
            let ads: Vec<&String> = a.keys().filter(|k| k.starts_with(ROLE)).collect();
            let mut expected: Vec<String> = (0..cities.len())
                .flat_map(|i| [format!("{ROLE}/job-post/r{i}.html"), format!("{ROLE}/job-post/r{i}.md")])
                .collect();
            expected.sort();
            prop_assert_eq!(ads.into_iter().cloned().collect::<Vec<_>>(), expected);
            for (rel, bytes) in &a {
                if rel.ends_with(".html") {
                    let page = String::from_utf8_lossy(bytes);
                    prop_assert!(!page.contains("<script>alert"), "{rel} has a script from the data");
                    prop_assert!(!page.contains("<img src=x"), "{rel} has an img from the data");
                }
            }
        } else {
            prop_assert!(a.is_empty(), "a refused batch wrote {:?}", a.keys().collect::<Vec<_>>());
        }
    }
}
