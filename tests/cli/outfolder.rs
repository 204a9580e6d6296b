//! What `batch` may do in its output folder (red-team issue, items 2-6 and
//! 13): one batch at a time, never through a link, `--clean` removes only
//! what is still byte for byte hirekit's, and files hirekit never wrote
//! are not replaced.

use std::path::Path;

use crate::support::Hirekit;

const CSR: &str = "customer-service-representative";
const ADS: &str = "customer-service-representative/job-post";

fn batch(csv: &str) -> Hirekit {
    Hirekit::new().file("sites.csv", csv).args([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
    ])
}

fn write(h: &Hirekit, rel: &str, text: &str) {
    std::fs::write(h.root().join(rel), text).unwrap();
}

#[cfg(unix)]
#[test]
fn a_second_batch_into_the_same_folder_fails_while_the_first_runs() {
    let h = batch("id,city,state\na,Detroit,MI\n");
    let out = h.root().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // This test process plays the first batch: it holds the folder's lock.
    let held = std::fs::File::open(&out).unwrap();
    held.lock().unwrap();
    let run = h.fails();
    let pid = std::process::id();
    assert!(
        run.stderr.contains(&format!(
            "another hirekit batch (pid {pid}) is writing to `out`"
        )),
        "{}",
        run.stderr
    );
    assert!(
        std::fs::read_dir(&out).unwrap().next().is_none(),
        "it wrote"
    );
    held.unlock().unwrap();
    h.succeeds();
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_inside_out_is_never_written_through() {
    let h = batch("id,city,state\na,Detroit,MI\n");
    h.succeeds();
    let elsewhere = h.root().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let ads = h.root().join("out").join(ADS);
    std::fs::remove_dir_all(&ads).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &ads).unwrap();
    let run = h.fails();
    assert!(run.stderr.contains("is a symbolic link"), "{}", run.stderr);
    assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());
}

#[cfg(unix)]
#[test]
fn clean_never_deletes_through_a_link_or_what_a_forged_manifest_lists() {
    let h = batch("id,city,state\na,Detroit,MI\nb,Denver,CO\n");
    h.succeeds();
    // A folder of the user's, linked into out, and a manifest that claims
    // a file in it (with its true size and hash) was hirekit's.
    let elsewhere = h.root().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("keep.md"), "mine").unwrap();
    std::os::unix::fs::symlink(&elsewhere, h.root().join("out/linked")).unwrap();
    let manifest = h.read("out/manifest.json");
    let sha = hirekit::parts::hex(&hirekit::parts::sha256(b"mine"));
    let forged = manifest.replacen(
        "\"files\": [\n",
        &format!(
            "\"files\": [\n    {{\"path\":\"linked/keep.md\",\"format\":\"md\",\"bytes\":4,\"sha256\":\"{sha}\"}},\n"
        ),
        1,
    );
    write(&h, "out/manifest.json", &forged);
    let h = h.args(["--clean"]);
    let run = h.succeeds();
    assert!(elsewhere.join("keep.md").exists(), "{}", run.stderr);
    assert!(
        run.stderr.contains("behind a symbolic link"),
        "{}",
        run.stderr
    );
}

#[test]
fn clean_keeps_a_file_edited_by_hand_and_says_so() {
    let mut h = batch("id,city,state\na,Detroit,MI\nb,Denver,CO\n");
    h.succeeds();
    let edited = format!("out/{ADS}/b.md");
    write(&h, &edited, "my own notes on Denver\n");
    write(&h, "sites.csv", "id,city,state\na,Detroit,MI\n");
    h.cmd([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--clean",
    ]);
    let run = h.succeeds();
    assert_eq!(h.read(&edited), "my own notes on Denver\n");
    assert!(!h.root().join(format!("out/{ADS}/b.html")).exists());
    assert!(
        run.stderr.contains("changed since hirekit wrote it"),
        "{}",
        run.stderr
    );
    // It is the user's now: no longer listed, so a later --clean leaves it.
    assert!(!h.read("out/manifest.json").contains("/b.md"));
}

#[test]
fn keep_going_with_clean_keeps_the_ads_of_a_row_that_failed_validation() {
    let mut h = batch("id,city,state\na,Detroit,MI\nb,Denver,CO\n");
    h.succeeds();
    // A typo in row b's state: the row is left out, not closed.
    write(
        &h,
        "sites.csv",
        "id,city,state\na,Detroit,MI\nb,Denver,CX\n",
    );
    h.cmd([
        "batch",
        CSR,
        "--locations",
        "sites.csv",
        "--out",
        "out",
        "--keep-going",
        "--clean",
    ]);
    let run = h.fails();
    assert!(
        run.stderr.contains("--clean removed nothing"),
        "{}",
        run.stderr
    );
    for ext in ["md", "html"] {
        assert!(h.root().join(format!("out/{ADS}/b.{ext}")).exists());
    }
}

#[test]
fn files_hirekit_never_wrote_are_not_replaced_without_force() {
    let h = batch("id,city,state\na,Detroit,MI\n").file("out/index.html", "<p>my site</p>");
    let run = h.fails();
    assert!(
        run.stderr.contains("no hirekit manifest lists it"),
        "{}",
        run.stderr
    );
    assert_eq!(h.read("out/index.html"), "<p>my site</p>");
    let h = h.args(["--force"]);
    h.succeeds();
    assert!(h.read("out/index.html").contains("Detroit"));

    let h = batch("id,city,state\na,Detroit,MI\n")
        .file("out/manifest.json", "{\"files\": [], \"owner\": \"me\"}");
    let run = h.fails();
    assert!(
        run.stderr.contains("is not a hirekit manifest"),
        "{}",
        run.stderr
    );
    assert_eq!(
        h.read("out/manifest.json"),
        "{\"files\": [], \"owner\": \"me\"}"
    );
}

#[cfg(unix)]
#[test]
fn a_same_size_edit_with_an_old_modification_time_is_noticed() {
    let h = batch("id,city,state\na,Detroit,MI\n");
    h.succeeds();
    let rel = format!("out/{ADS}/a.md");
    let path = h.root().join(&rel);
    let original = h.read(&rel);
    let edited = original.replacen("Detroit", "Detroix", 1);
    assert_eq!(edited.len(), original.len());
    std::fs::write(&path, &edited).unwrap();
    set_old_mtime(&path);
    h.succeeds();
    assert_eq!(h.read(&rel), original, "the edit went unnoticed");
}

/// Sets a file's modification time to 2001 (as `touch -d` would).
#[cfg(unix)]
fn set_old_mtime(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    let old = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    file.set_modified(old).unwrap();
}

#[test]
fn jobs_and_base_url_are_bounded() {
    let run = batch("id,city,state\na,Detroit,MI\n")
        .args(["--jobs", "65535"])
        .usage_error();
    assert!(run.stderr.contains("1..=256"), "{}", run.stderr);
    for url in [
        "https://jobs.example.com/ads?x=1",
        "https://jobs.example.com/#ads",
    ] {
        let h = batch("id,city,state\na,Detroit,MI\n").args(["--base-url", url]);
        let run = h.fails();
        assert!(run.stderr.contains("no `?` or `#` part"), "{}", run.stderr);
        assert!(!h.root().join("out").exists());
    }
}

#[test]
fn a_manifest_changed_by_hand_is_named_in_the_words_of_the_manifest() {
    let h = batch("id,city,state\na,Detroit,MI\n");
    h.succeeds();
    let manifest = h.read("out/manifest.json");
    let first_entry = manifest.find("{\"path\"").unwrap();
    let line_end = first_entry + manifest[first_entry..].find("},").unwrap() + 1;
    let mut broken = manifest.clone();
    broken.replace_range(first_entry..line_end, "1");
    write(&h, "out/manifest.json", &broken);
    let run = h.fails();
    assert!(!run.stderr.contains("struct"), "{}", run.stderr);
    insta::assert_snapshot!(run.stderr());
    broken = manifest.replacen("\"sha256\":", "\"sha\":", 1);
    write(&h, "out/manifest.json", &broken);
    let run = h.fails();
    assert!(
        run.stderr.contains("a file entry has no `sha256`"),
        "{}",
        run.stderr
    );
}

#[test]
fn temporary_files_left_by_a_killed_run_are_swept_by_the_next() {
    let h = batch("id,city,state\na,Detroit,MI\n");
    h.succeeds();
    // What SIGKILL leaves: empty temporaries beside the ads and the manifest.
    write(&h, &format!("out/{ADS}/.hirekit-Xy12ab.tmp"), "");
    write(&h, "out/.hirekit-4f2a-0.tmp", "");
    // A file of the user's with a similar name stays.
    write(&h, &format!("out/{ADS}/.hirekit-notes.txt"), "mine");
    h.succeeds();
    let left: Vec<String> = walk(&h.root().join("out"))
        .into_iter()
        .filter(|f| f.contains(".hirekit-"))
        .collect();
    assert_eq!(left, [format!("{ADS}/.hirekit-notes.txt")]);
}

/// Every file under `dir`, relative, with `/`, sorted.
fn walk(dir: &Path) -> Vec<String> {
    fn go(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    go(dir, dir, &mut out);
    out.sort();
    out
}
