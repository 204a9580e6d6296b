//! `-o FILE` (render, pay import): devices and pipes are written in place,
//! never replaced; links are followed on purpose; `-o -` is stdout; a
//! missing folder is an error. See the red-team issue, item 1: as root,
//! `render -o /dev/null` used to replace the system's `/dev/null` with a
//! regular file.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::support::Hirekit;

const BRIEF: [&str; 4] = [
    "render",
    "customer-service-representative",
    "--doc",
    "job-brief",
];

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path)
        .map(|m| m.file_type().is_fifo())
        .unwrap_or(false)
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_writes_into_the_pipe_and_leaves_it_a_pipe() {
    let h = Hirekit::new().args(BRIEF).args(["-o", "pipe"]);
    let fifo = h.root().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    // The reader opens the pipe on its own thread: if hirekit replaced the
    // pipe with a file, that open would never return, and the timeout
    // below fails the test instead of hanging it.
    let (tx, rx) = mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let mut text = String::new();
        let read = std::fs::File::open(&path).and_then(|mut f| f.read_to_string(&mut text));
        let _ = tx.send(read.map(|_| text));
    });
    let expected = Hirekit::new().args(BRIEF).succeeds().stdout;
    let run = h.succeeds();
    assert_eq!(run.stdout, "");
    let got = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the reader got nothing: the pipe was replaced")
        .unwrap();
    assert_eq!(got, expected);
    assert!(is_fifo(&fifo), "the FIFO was replaced by a regular file");
}

#[test]
fn output_dash_means_stdout() {
    let h = Hirekit::new().args(BRIEF).args(["-o", "-"]);
    let run = h.succeeds();
    assert!(
        run.stdout
            .starts_with("# Customer Service Representative Job Brief"),
        "{}",
        run.stdout
    );
    assert!(!h.root().join("-").exists(), "a file named `-` was written");
}

#[test]
fn output_to_dev_stdout_goes_to_stdout() {
    // /dev/stdout is a link to the process's standard output, here a pipe.
    let run = Hirekit::new()
        .args(BRIEF)
        .args(["-o", "/dev/stdout"])
        .succeeds();
    assert!(
        run.stdout.contains("Customer Service Representative"),
        "{}",
        run.stdout
    );
}

#[test]
fn pay_import_to_dev_stdout_goes_to_stdout() {
    let run = Hirekit::new()
        .fixture("oews/national_M2023_dl.xlsx", "national_M2023_dl.xlsx")
        .args([
            "pay",
            "import",
            "national_M2023_dl.xlsx",
            "--soc",
            "43-4051",
            "-o",
            "/dev/stdout",
        ])
        .succeeds();
    assert!(run.stdout.starts_with("area,"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let h = Hirekit::new()
        .file("real/post.md", "old text")
        .args(BRIEF)
        .args(["-o", "post.md"]);
    std::os::unix::fs::symlink("real/post.md", h.root().join("post.md")).unwrap();
    h.succeeds();
    let link = h.root().join("post.md");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(h.root().join("real/post.md")).unwrap();
    assert!(text.contains("Customer Service Representative"), "{text}");
}

#[cfg(unix)]
#[test]
fn output_to_a_dangling_symlink_is_refused() {
    let h = Hirekit::new().args(BRIEF).args(["-o", "post.md"]);
    std::os::unix::fs::symlink("nowhere/post.md", h.root().join("post.md")).unwrap();
    let run = h.fails();
    assert!(
        run.stderr
            .contains("symbolic link to `nowhere/post.md`, which does not exist"),
        "{}",
        run.stderr
    );
    assert!(!h.root().join("nowhere").exists());
}

#[test]
fn output_into_a_missing_folder_is_an_error_and_creates_nothing() {
    let h = Hirekit::new().args(BRIEF).args(["-o", "no/such/post.md"]);
    let run = h.fails();
    assert!(
        run.stderr.contains("the folder `no/such` does not exist"),
        "{}",
        run.stderr
    );
    assert!(!h.root().join("no").exists(), "the folder was created");
}

#[test]
fn output_onto_a_folder_is_an_error() {
    let h = Hirekit::new()
        .file("dist/keep.txt", "x")
        .args(BRIEF)
        .args(["-o", "dist"]);
    let run = h.fails();
    assert!(run.stderr.contains("it is a folder"), "{}", run.stderr);
    assert_eq!(h.read("dist/keep.txt"), "x");
}

#[cfg(unix)]
#[test]
fn output_over_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let h = Hirekit::new()
        .file("post.md", "old")
        .args(BRIEF)
        .args(["-o", "post.md"]);
    let path = h.root().join("post.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    h.succeeds();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(
        h.read("post.md")
            .contains("Customer Service Representative")
    );
}
