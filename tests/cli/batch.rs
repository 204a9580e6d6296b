//! `hirekit batch`: one ad per row, the same bytes for any `--jobs`,
//! incremental reruns, `--clean`, shards, the manifest, the feed and the
//! index, and every refusal before anything is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::{Hirekit, Run, repo};

const CSR: &str = "customer-service-representative";
const SITES: &str = "batch/sites-240.csv";

/// Every file under `dir`, by path relative to it (with `/`).
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn count_ext(files: &BTreeMap<String, Vec<u8>>, ext: &str) -> usize {
    files
        .keys()
        .filter(|p| p.ends_with(&format!(".{ext}")))
        .count()
}

/// stderr with the summary's timing (which varies) replaced by `[TIME]`,
/// without the pay-law check's lines (tested in `paylaw.rs`).
fn summary(run: &Run) -> String {
    run.stderr()
        .lines()
        // These batches have no company on purpose; jobposting.rs tests
        // the warning about it.
        .filter(|line| !line.contains("have no hiringOrganization"))
        .filter(|line| !is_pay_law(line))
        .map(|line| match line.rfind(" in ") {
            Some(i) if line.ends_with(" ads/s)") => format!("{} in [TIME]", &line[..i]),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line of the pay-law check that runs before a batch writes.
fn is_pay_law(line: &str) -> bool {
    line.starts_with("warning: pay-transparency: ") || line.starts_with("note: pay-transparency: ")
}

/// The manifest's entries as JSON values.
fn manifest(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["files"].as_array().unwrap().clone()
}

fn sha256_hex(bytes: &[u8]) -> String {
    hirekit::parts::hex(&hirekit::parts::sha256(bytes))
}

/// `hirekit batch` of the built-in role over the 240-row fixture into `out`.
fn sites_batch(out: &str) -> Hirekit {
    Hirekit::new().fixture(SITES, "sites.csv").args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        out,
    ])
}

/// The first `n` data rows of the 240-row fixture, with its header.
fn first_rows(n: usize) -> String {
    let text = std::fs::read_to_string(repo().join("tests/fixtures").join(SITES)).unwrap();
    text.lines().take(n + 1).map(|l| format!("{l}\n")).collect()
}

#[test]
fn batch_of_240_rows_is_identical_for_any_jobs() {
    let hk = sites_batch("one").args(["--jobs", "1"]);
    let one = hk.succeeds();
    insta::assert_snapshot!(summary(&one), @"240 ads: 481 files written, 0 unchanged, 0 removed in [TIME]");
    let hk = hk.clear_args().args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "two",
        "--jobs",
        "2",
    ]);
    hk.succeeds();
    let a = files_under(&hk.root().join("one"));
    let b = files_under(&hk.root().join("two"));
    assert_eq!(count_ext(&a, "md"), 240);
    assert_eq!(count_ext(&a, "html"), 241, "240 ads and the index");
    assert_eq!(a.len(), 482, "ads, index.html and manifest.json");
    assert!(a == b, "--jobs 1 and --jobs 2 differ");
    // The manifest lists the rows' files in row order, each row's formats
    // in the order asked, then the index.
    let entries = manifest(&hk.root().join("one/manifest.json"));
    let listed: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["location"].as_str().unwrap_or(""),
                e["format"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 481);
    assert_eq!(listed[480], ("", "index"));
    let ids: Vec<String> = first_rows(240)
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    for (row, id) in ids.iter().enumerate() {
        let pair = &listed[2 * row..2 * row + 2];
        assert_eq!(pair[0].0, pair[1].0, "row {row}: one location");
        assert_eq!((pair[0].1, pair[1].1), ("md", "html"), "row {row}");
        if !id.is_empty() {
            assert_eq!(pair[0].0, id, "row {row} in row order");
        }
    }
    assert!(
        a.keys().all(|p| !p.contains(".hirekit-")),
        "no temporary files"
    );
}

#[test]
fn each_ad_says_where_its_pay_comes_from() {
    let hk = sites_batch("out");
    hk.succeeds();
    let read = |id: &str| {
        std::fs::read_to_string(hk.root().join(format!("out/{CSR}/job-post/{id}.md"))).unwrap()
    };
    // site-002: an offered hourly range; site-001: Alabama's BLS figures.
    assert!(read("site-002").contains("**$17.50 to $21.50 an hour**"));
    assert!(read("site-001").contains("in Alabama is **$"));
    // A row without an id gets `<state>-<city>`.
    assert!(
        read("ar-greenville-1").contains("# Customer Service Representative – Greenville 1, AR")
    );
}

#[test]
fn rerun_writes_nothing_and_a_changed_row_rewrites_only_its_files() {
    let hk = sites_batch("out");
    hk.succeeds();
    let again = hk.succeeds();
    insta::assert_snapshot!(summary(&again), @"240 ads: 0 files written, 481 unchanged, 0 removed in [TIME]");

    let text = std::fs::read_to_string(hk.root().join("sites.csv")).unwrap();
    let changed = text.replacen("site-001,Springfield 1,AL", "site-001,Springfield 1,GA", 1);
    assert_ne!(text, changed);
    let hk = hk.file("sites.csv", changed);
    let third = hk.succeeds();
    // The row's .md and .html, and the index (its state changed).
    insta::assert_snapshot!(summary(&third), @"240 ads: 3 files written, 478 unchanged, 0 removed in [TIME]");

    // --force renders everything again, and still writes nothing new.
    let hk = hk.args(["--force"]);
    let forced = hk.succeeds();
    insta::assert_snapshot!(summary(&forced), @"240 ads: 0 files written, 481 unchanged, 0 removed in [TIME]");
}

#[test]
fn a_file_edited_by_hand_is_put_back() {
    let hk = sites_batch("out");
    hk.succeeds();
    let ad = hk.root().join(format!("out/{CSR}/job-post/site-005.md"));
    let original = std::fs::read(&ad).unwrap();
    let mut edited = original.clone();
    edited[0] = b'X';
    std::fs::write(&ad, &edited).unwrap();
    std::fs::remove_file(hk.root().join(format!("out/{CSR}/job-post/site-006.html"))).unwrap();
    let run = hk.succeeds();
    insta::assert_snapshot!(summary(&run), @"240 ads: 2 files written, 479 unchanged, 0 removed in [TIME]");
    assert_eq!(std::fs::read(&ad).unwrap(), original);
}

#[test]
fn dropped_rows_stay_until_clean_removes_them() {
    let hk = Hirekit::new()
        .fixture(SITES, "sites.csv")
        .file("out/notes.txt", "mine")
        .file(&format!("out/{CSR}/job-post/mine.md"), "mine too")
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"]);
    hk.succeeds();
    let hk = hk.file("sites.csv", first_rows(200));

    let kept = hk.succeeds();
    insta::assert_snapshot!(summary(&kept), @r"
    warning: 80 files from an earlier run are no longer produced; they stay listed in `manifest.json` until a run with --clean removes them
    200 ads: 1 file written, 400 unchanged, 0 removed in [TIME]
    ");
    assert_eq!(count_ext(&files_under(&hk.root().join("out")), "md"), 241);

    let hk = hk.args(["--clean"]);
    let cleaned = hk.succeeds();
    insta::assert_snapshot!(summary(&cleaned), @"200 ads: 0 files written, 401 unchanged, 80 removed in [TIME]");
    let files = files_under(&hk.root().join("out"));
    assert_eq!(count_ext(&files, "md"), 201, "200 ads and mine.md");
    assert_eq!(count_ext(&files, "html"), 201, "200 ads and the index");
    assert!(
        files.contains_key("notes.txt") && files.contains_key(&format!("{CSR}/job-post/mine.md"))
    );
    assert_eq!(manifest(&hk.root().join("out/manifest.json")).len(), 401);
}

#[test]
fn a_rerun_after_edits_lists_what_a_cold_run_lists() {
    let hk = sites_batch("out");
    hk.succeeds();
    // Rows moved, dropped, added and changed.
    let text = first_rows(240);
    let mut lines: Vec<&str> = text.lines().collect();
    let moved = lines.remove(10);
    lines.push(moved);
    lines.drain(20..30);
    lines.insert(
        5,
        "site-new,Lansing,MI,48901,onsite,FULL_TIME,,,,2026-11-20,,,Midwest",
    );
    let edited = lines
        .join("\n")
        .replacen(",Springfield 1,AL,", ",Springfield 1,GA,", 1)
        + "\n";
    let hk = hk.file("sites.csv", edited);

    let rerun = hk.succeeds();
    insta::assert_snapshot!(summary(&rerun), @r"
    warning: 20 files from an earlier run are no longer produced; they stay listed in `manifest.json` until a run with --clean removes them
    231 ads: 5 files written, 458 unchanged, 0 removed in [TIME]
    ");
    let root = hk.root().to_path_buf();
    let read = |dir: &str| std::fs::read_to_string(root.join(dir).join("manifest.json")).unwrap();
    let hk = hk
        .clear_args()
        .args(["batch", CSR, "--locations", "sites.csv"]);
    let hk = hk.args(["--out", "fresh"]);
    hk.succeeds();
    // The files kept from before come last, after the index.
    let kept = read("out");
    let (made, left) = kept.split_once("\"format\":\"index\"").unwrap();
    let cold = read("fresh");
    assert!(cold.starts_with(made), "the same entries in the same order");
    assert_eq!(left.matches("\"path\"").count(), 20);

    let hk = hk
        .clear_args()
        .args(["batch", CSR, "--locations", "sites.csv"]);
    let hk = hk.args(["--out", "out", "--clean"]);
    let cleaned = hk.succeeds();
    insta::assert_snapshot!(summary(&cleaned), @"231 ads: 0 files written, 463 unchanged, 20 removed in [TIME]");
    assert_eq!(read("out"), cold, "byte for byte a cold run's manifest");
    assert!(files_under(&root.join("out")) == files_under(&root.join("fresh")));

    // Nothing changed: not even the manifest is written again.
    let path = root.join("out/manifest.json");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = hk.succeeds();
    insta::assert_snapshot!(summary(&again), @"231 ads: 0 files written, 463 unchanged, 0 removed in [TIME]");
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn a_manifest_laid_out_by_hand_is_still_read() {
    let hk = sites_batch("out");
    hk.succeeds();
    let path = hk.root().join("out/manifest.json");
    let written = std::fs::read_to_string(&path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&written).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    // Every ad is rendered again (the entries cannot be copied), but no
    // file is rewritten, and the manifest is back in its usual layout.
    let run = hk.succeeds();
    insta::assert_snapshot!(summary(&run), @"240 ads: 0 files written, 481 unchanged, 0 removed in [TIME]");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn clean_removes_folders_it_empties() {
    let hk = sites_batch("out").args(["--doc", "job-post", "--doc", "job-brief"]);
    hk.succeeds();
    assert!(hk.root().join(format!("out/{CSR}/job-brief")).is_dir());
    // Only job posts now, with --clean: the job-brief folder goes.
    let hk = hk.clear_args().args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--clean",
    ]);
    let cleaned = hk.succeeds();
    insta::assert_snapshot!(summary(&cleaned), @"240 ads: 1 file written, 480 unchanged, 480 removed in [TIME]");
    assert!(!hk.root().join(format!("out/{CSR}/job-brief")).exists());
    assert!(hk.root().join(format!("out/{CSR}/job-post")).is_dir());
}

#[test]
fn same_city_and_state_without_id_is_refused_before_writing() {
    let run = Hirekit::new()
        .file(
            "sites.csv",
            "city,state\nDetroit,MI\nDenver,CO\nDetroit,Michigan\n",
        )
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
        .fails();
    insta::assert_snapshot!(run.stderr());
    assert!(!run.root().join("out").exists());
}

#[test]
fn unknown_state_on_row_3_names_it_and_writes_nothing() {
    let run = Hirekit::new()
        .fixture("errors/csv/unknown-state.csv", "sites.csv")
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
        .fails();
    insta::assert_snapshot!(run.stderr());
    assert!(!run.root().join("out").exists());
}

#[test]
fn every_bad_row_is_listed_and_keep_going_renders_the_others() {
    let csv = "id,city,state,pay_min,pay_max\n\
               a1,Detroit,MI,,\n\
               a2,Springfield,ZZ,,\n\
               a3,Denver,CO,30,20\n\
               a4,Austin,TX,18,22\n\
               a1,Boston,MA,,\n";
    let hk = Hirekit::new().file("sites.csv", csv).args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
    ]);
    let refused = hk.fails();
    insta::assert_snapshot!("bad_rows_refused", refused.stderr());
    assert!(!hk.root().join("out").exists());

    let hk = hk.args(["--keep-going"]);
    let kept = hk.fails();
    insta::assert_snapshot!("bad_rows_kept_going", summary(&kept));
    let files = files_under(&hk.root().join("out"));
    assert_eq!(count_ext(&files, "md"), 2, "{:?}", files.keys());
}

#[test]
fn three_shards_give_every_row_exactly_once() {
    let mut hk = Hirekit::new().fixture(SITES, "sites.csv");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        hk = hk
            .clear_args()
            .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
            .args(["--shard", &shard, "--format", "md"]);
        hk.succeeds();
        let entries = manifest(&hk.root().join(format!("out/manifest-{i}-of-3.json")));
        let ids: BTreeSet<String> = entries
            .iter()
            .filter(|e| e["format"] == "md")
            .map(|e| e["location"].as_str().unwrap().to_string())
            .collect();
        assert!(ids.len() > 40, "shard {i} has {} rows", ids.len());
        for id in ids {
            *seen.entry(id).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 240);
    assert!(seen.values().all(|&n| n == 1));
    let files = files_under(&hk.root().join("out"));
    assert_eq!(count_ext(&files, "md"), 240);
    for i in 1..=3 {
        assert!(files.contains_key(&format!("index-{i}-of-3.html")));
    }
}

#[test]
fn feed_index_and_manifest_of_a_small_batch() {
    let hk = Hirekit::new()
        .file(
            "company.yaml",
            "name: Northwind Support\nabout: We run customer care.\n\
             apply_url: https://jobs.example.com/apply\nwebsite: https://example.com\n\
             email: jobs@example.com\n",
        )
        .file(
            "sites.csv",
            "\u{feff}ID,City,State,Postal_Code,Employment_Type,Workplace,Pay_Min,Pay_Max,Date_Posted,Valid_Through,Company\r\n\
             det-1,Detroit,MI,48226,FULL_TIME,hybrid,18.50,22,2026-11-24,2026-12-31,\r\n\
             aus-1,Austin,Texas,78701,PART_TIME,remote,,,2026-11-24,,Northwind Texas\r\n\
             bad-cdata,\"Odd ]]> Town\",CO,,,,,,2026-11-25,,\r\n",
        )
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
        .args(["--company", "company.yaml", "--feed", "indeed"])
        .args(["--base-url", "https://jobs.example.com/ads/"]);
    let run = hk.succeeds();
    assert_eq!(
        summary(&run),
        "3 ads: 8 files written, 0 unchanged, 0 removed in [TIME]"
    );
    let out = hk.root().join("out");
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    insta::assert_snapshot!("small_feed", feed);
    // Sizes and hashes change with the templates: checked against the
    // files rather than pinned.
    let text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    for entry in manifest(&out.join("manifest.json")) {
        let bytes = std::fs::read(out.join(entry["path"].as_str().unwrap())).unwrap();
        assert_eq!(entry["bytes"], bytes.len());
        assert_eq!(entry["sha256"].as_str().unwrap(), sha256_hex(&bytes));
    }
    let redacted: String = text
        .lines()
        .map(|line| {
            let mut line = line.to_string();
            for key in ["\"bytes\":", "\"sha256\":", "\"input\":"] {
                if let Some(start) = line.find(key) {
                    let value = start + key.len();
                    let end = line[value..]
                        .find([',', '}'])
                        .map_or(line.len(), |i| value + i);
                    line.replace_range(value..end, "[..]");
                }
            }
            line + "\n"
        })
        .collect();
    insta::assert_snapshot!("small_manifest", redacted);
    insta::assert_snapshot!(
        "small_index",
        std::fs::read_to_string(out.join("index.html")).unwrap()
    );
    assert_eq!(feed.matches("<job>").count(), 3);
    assert_eq!(
        feed.matches("<requisitionid><![CDATA[customer-service-representative]]></requisitionid>")
            .count(),
        3
    );
    assert!(feed.contains("<city><![CDATA[Odd ]]]]><![CDATA[> Town]]></city>"));
}

#[test]
fn several_roles_and_documents_in_one_run() {
    let csr_yaml =
        std::fs::read_to_string(repo().join("data/roles/customer-service-representative.yaml"))
            .unwrap();
    let agent = csr_yaml
        .replacen(
            "id: customer-service-representative",
            "id: support-agent",
            1,
        )
        .replacen(
            "title: Customer Service Representative",
            "title: Support Agent",
            1,
        );
    let hk = Hirekit::new()
        .file("roles/support-agent.yaml", agent)
        .file("sites.csv", first_rows(10))
        .args([
            "batch",
            CSR,
            "roles/support-agent.yaml",
            "--locations",
            "sites.csv",
        ])
        .args([
            "--out",
            "out",
            "--doc",
            "job-post",
            "--doc",
            "job-brief",
            "--format",
            "md,txt",
        ]);
    let run = hk.succeeds();
    assert_eq!(
        summary(&run),
        "40 ads: 81 files written, 0 unchanged, 0 removed in [TIME]"
    );
    let files = files_under(&hk.root().join("out"));
    for dir in [
        "customer-service-representative/job-post",
        "customer-service-representative/job-brief",
        "support-agent/job-post",
        "support-agent/job-brief",
    ] {
        assert_eq!(
            files.keys().filter(|p| p.starts_with(dir)).count(),
            20,
            "{dir}"
        );
    }
    assert!(
        String::from_utf8_lossy(&files["support-agent/job-post/site-001.md"])
            .starts_with("# Support Agent")
    );
}

#[test]
fn workspace_batch_settings_are_defaults_and_flags_win() {
    let hk = Hirekit::new()
        .file(
            "hirekit.yaml",
            "batch:\n  out: site\n  locations: sites.csv\n  docs: [job-brief]\n  formats: [txt]\n  pattern: \"{state}/{city}-{doc}.{ext}\"\n",
        )
        .file("sites.csv", first_rows(3))
        .cwd("sub")
        .args(["batch", CSR]);
    hk.succeeds();
    let files = files_under(&hk.root().join("site"));
    assert!(
        files.contains_key("al/springfield-1-job-brief.txt"),
        "{:?}",
        files.keys()
    );
    let hk = hk
        .clear_args()
        .args(["batch", CSR, "--format", "md", "--out", "flag"]);
    hk.succeeds();
    assert!(
        hk.root()
            .join("sub/flag/ak/riverside-1-job-brief.md")
            .is_file()
    );
}

#[test]
fn dry_run_writes_nothing() {
    let hk = sites_batch("out").args(["--dry-run"]);
    let run = hk.succeeds();
    insta::assert_snapshot!(summary(&run), @"dry run: 240 ads: 481 files would be written, 0 unchanged, 0 would be removed in [TIME]");
    assert!(!hk.root().join("out").exists());
}

#[test]
fn file_names_never_leave_out_and_never_collide() {
    // A bad row is bad input (exit 1); a bad --pattern is a usage error
    // that clap reports (exit 2).
    let refuse = |csv: &str, extra: &[&str]| {
        let hk = Hirekit::new()
            .file("sites.csv", csv)
            .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
            .args(extra);
        let bad_pattern = matches!(extra, ["--pattern", "../{location}.{ext}"]);
        let run = if bad_pattern {
            hk.usage_error()
        } else {
            hk.fails()
        };
        assert!(!hk.root().join("out").exists(), "{}", run.stderr);
        run.stderr()
    };
    let mut report = String::new();
    for (name, csv, extra) in [
        (
            "windows device name",
            "id,city,state\ncon,Detroit,MI\n",
            &[][..],
        ),
        (
            "case only",
            "id,city,state\nDet-1,Detroit,MI\ndet-1,Denver,CO\n",
            &[],
        ),
        (
            "the index's name",
            "id,city,state\nindex,Detroit,MI\n",
            &["--pattern", "{location}.{ext}"][..],
        ),
        (
            "same city slug",
            "id,city,state\na,St. Louis,MO\nb,St Louis,MO\n",
            &["--pattern", "{state}/{city}.{ext}"][..],
        ),
        (
            "pattern escapes",
            "id,city,state\na,Detroit,MI\n",
            &["--pattern", "../{location}.{ext}"][..],
        ),
        (
            "pattern without ext",
            "id,city,state\na,Detroit,MI\n",
            &["--pattern", "{location}"][..],
        ),
    ] {
        report.push_str(&format!("== {name}\n{}\n", refuse(csv, extra)));
    }
    insta::assert_snapshot!(report);

    // Hostile city names are slugged into plain file names.
    let hk = Hirekit::new()
        .file("sites.csv", "id,city,state\na,../../etc,MI\nb,/root/x,MI\n")
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
        .args(["--pattern", "{state}/{city}.{ext}", "--format", "md"]);
    hk.succeeds();
    let files = files_under(&hk.root().join("out"));
    assert!(
        files.contains_key("mi/etc.md") && files.contains_key("mi/root-x.md"),
        "{:?}",
        files.keys()
    );
}

#[test]
fn batch_usage_errors_exit_2() {
    let base = ["batch", CSR, "--locations", "sites.csv"];
    let run = Hirekit::new()
        .fixture(SITES, "sites.csv")
        .args(base)
        .usage_error();
    assert!(run.stderr.contains("--out"), "{}", run.stderr);
    for extra in [
        &["--shard", "4/3"][..],
        &["--format", "pdf"][..],
        &["--jobs", "0"][..],
    ] {
        Hirekit::new()
            .fixture(SITES, "sites.csv")
            .args(base)
            .args(["--out", "o"])
            .args(extra)
            .usage_error();
    }
    Hirekit::new()
        .args(["batch", "--locations", "sites.csv", "--out", "o"])
        .usage_error();
    let run = Hirekit::new()
        .fixture(SITES, "sites.csv")
        .args(base)
        .args([
            "--out",
            "o",
            "--format",
            "md,html",
            "--pattern",
            "{location}.md",
        ])
        .fails();
    assert!(run.stderr.contains("{ext}"), "{}", run.stderr);
}

#[test]
fn batch_help_shows_examples() {
    let out = Hirekit::new().args(["batch", "--help"]).succeeds().stdout;
    // The global options are pinned elsewhere.
    let start = out.find("Global options:").unwrap();
    let end = out.find("Examples:").unwrap();
    insta::assert_snapshot!(format!("{}{}", &out[..start], &out[end..]));
}

#[test]
fn a_csv_with_no_rows_is_refused() {
    let run = Hirekit::new()
        .file("sites.csv", "id,city,state\n")
        .args(["batch", CSR, "--locations", "sites.csv", "--out", "out"])
        .fails();
    insta::assert_snapshot!(run.stderr(), @r"
    error: no location rows below the header
     --> sites.csv
    ");
    assert!(!run.root().join("out").exists());
}

/// `-v` lists each file a batch wrote, left unchanged or removed.
#[test]
fn verbose_lists_every_file_written_unchanged_or_removed() {
    let mut h = Hirekit::new()
        .file("sites.csv", "id,city,state\na,Detroit,MI\nb,Denver,CO\n")
        .args([
            "-v",
            "batch",
            CSR,
            "--locations",
            "sites.csv",
            "--out",
            "out",
        ])
        .args(["--format", "md"]);
    let lines = |run: &Run| -> Vec<String> {
        run.stderr
            .lines()
            .filter(|l| l.starts_with(['w', 'u', 'r']) && l.contains(' ') && !is_pay_law(l))
            .filter(|l| !l.starts_with("workspace"))
            .map(str::to_string)
            .collect()
    };
    let first = h.succeeds();
    assert_eq!(
        lines(&first),
        [
            "wrote customer-service-representative/job-post/a.md",
            "wrote customer-service-representative/job-post/b.md",
            "wrote index.html",
        ],
        "{}",
        first.stderr
    );
    let again = h.succeeds();
    assert!(
        lines(&again).iter().all(|l| l.starts_with("unchanged ")) && lines(&again).len() == 3,
        "{}",
        again.stderr
    );
    std::fs::write(h.root().join("sites.csv"), "id,city,state\na,Detroit,MI\n").unwrap();
    h.cmd([
        "-v",
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--format",
        "md",
        "--clean",
    ]);
    let cleaned = h.succeeds();
    assert!(
        lines(&cleaned)
            .contains(&"removed customer-service-representative/job-post/b.md".to_string()),
        "{}",
        cleaned.stderr
    );
}

/// Issue "one model of a run's inputs", item 5: a batch that stops half
/// way (a template error only one row reaches) leaves a manifest that is
/// true to the disk: every file it lists has the listed size and SHA-256,
/// and every file on disk is listed.
#[test]
fn a_batch_that_stops_half_way_leaves_a_true_manifest() {
    let template = "Shift note for {{ role.title }} in {{ location.city }}.\n\
        {% if location.extra.shift == \"Nights\" %}{{ location.extra.night_rate }}{% endif %}\n";
    let mut h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("templates/shift-note.md", template)
        .file(
            "sites.csv",
            "id,city,state,shift\na,Detroit,MI,Days\nb,Denver,CO,Days\nc,Austin,TX,Days\n",
        )
        .args([
            "batch",
            CSR,
            "--doc",
            "shift-note",
            "--locations",
            "sites.csv",
        ])
        .args(["--out", "out", "--format", "md"]);
    h.succeeds();
    // Row a changes (rewritten), row b now reaches the error, row c is
    // never reached: the run stops after writing a.
    std::fs::write(
        h.root().join("sites.csv"),
        "id,city,state,shift\na,Lansing,MI,Days\nb,Denver,CO,Nights\nc,Austin,TX,Days\n",
    )
    .unwrap();
    let run = h.fails();
    assert!(run.stderr.contains("night_rate"), "{}", run.stderr);
    let out = h.root().join("out");
    let files = files_under(&out);
    assert!(
        String::from_utf8_lossy(&files["customer-service-representative/shift-note/a.md"])
            .contains("Lansing")
    );
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let listed: BTreeMap<String, (u64, String)> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                (
                    e["bytes"].as_u64().unwrap(),
                    e["sha256"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let on_disk: BTreeSet<&String> = files.keys().filter(|k| *k != "manifest.json").collect();
    assert_eq!(listed.keys().collect::<BTreeSet<_>>(), on_disk);
    for (path, (bytes, sha)) in &listed {
        let content = &files[path];
        assert_eq!(content.len() as u64, *bytes, "{path}");
        assert_eq!(&sha256_hex(content), sha, "{path}");
    }
    // Once the template is fixed, the rerun finds every ad as the manifest
    // says (b renders as before) and writes only the index, which the
    // stopped run left listing Detroit.
    std::fs::write(
        h.root().join("templates/shift-note.md"),
        "Shift note for {{ role.title }} in {{ location.city }}.\n",
    )
    .unwrap();
    h.cmd([
        "-v",
        "batch",
        CSR,
        "--doc",
        "shift-note",
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--format",
        "md",
    ]);
    let rerun = h.succeeds();
    let wrote: Vec<&str> = rerun
        .stderr
        .lines()
        .filter(|l| l.starts_with("wrote "))
        .collect();
    assert_eq!(wrote, ["wrote index.html"], "{}", rerun.stderr);
    assert!(h.read("out/index.html").contains("Lansing"));
}
