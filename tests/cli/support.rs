//! A small hermetic harness over assert_cmd: every test gets its own
//! temporary folder as the current directory, no `HIREKIT_*` or `NO_COLOR`
//! from the environment, `--color never`, and a fixed today
//! (`SOURCE_DATE_EPOCH`).

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The day the tests' hirekit takes for today (`SOURCE_DATE_EPOCH`):
/// 2026-12-01.
pub const TODAY_EPOCH: &str = "1796083200";

/// One hirekit invocation being built.
pub struct Hirekit {
    dir: TempDir,
    args: Vec<String>,
    cwd: Option<PathBuf>,
}

/// The result of a run.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: Option<i32>,
    root: PathBuf,
}

impl Hirekit {
    /// A fresh, empty working folder.
    pub fn new() -> Self {
        Hirekit {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            cwd: None,
        }
    }

    /// The working folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file under the working folder.
    #[track_caller]
    pub fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(&path, contents).expect("write fixture");
        self
    }

    /// Copies a fixture file from `tests/fixtures/` under the working folder.
    #[track_caller]
    pub fn fixture(self, fixture: &str, rel: &str) -> Self {
        let src = fixtures().join(fixture);
        let bytes = std::fs::read(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        self.file(rel, bytes)
    }

    /// Copies a folder (recursively) under the working folder.
    #[track_caller]
    pub fn copy_dir(self, src: &Path, rel: &str) -> Self {
        fn copy(src: &Path, dst: &Path) {
            std::fs::create_dir_all(dst).expect("create dirs");
            for entry in std::fs::read_dir(src).expect("read dir") {
                let path = entry.expect("entry").path();
                let to = dst.join(path.file_name().expect("name"));
                if path.is_dir() {
                    copy(&path, &to);
                } else {
                    std::fs::copy(&path, &to).expect("copy file");
                }
            }
        }
        copy(src, &self.dir.path().join(rel));
        self
    }

    /// Reads a file under the working folder.
    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        let path = self.dir.path().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Drops the arguments given so far, to run another command in the
    /// same folder.
    pub fn reset(mut self) -> Self {
        self.args.clear();
        self
    }

    /// Replaces the arguments, to run another command in the same folder.
    pub fn cmd<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args = args.into_iter().map(|s| s.as_ref().to_string()).collect();
        self
    }

    /// Runs in a sub-folder of the working folder.
    pub fn cwd(mut self, rel: &str) -> Self {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(&p).expect("create cwd");
        self.cwd = Some(p);
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args
            .extend(args.into_iter().map(|s| s.as_ref().to_string()));
        self
    }

    /// Drops the arguments given so far, keeping the working folder, for
    /// the next command in the same folder.
    pub fn clear_args(mut self) -> Self {
        self.args.clear();
        self
    }

    /// Runs hirekit and returns what it printed.
    pub fn run(&self) -> Run {
        self.run_with_timeout(std::time::Duration::from_secs(300))
    }

    /// Runs hirekit, killing it after `timeout` (its exit code is then `None`).
    pub fn run_with_timeout(&self, timeout: std::time::Duration) -> Run {
        let mut cmd = Command::cargo_bin("hirekit").expect("binary");
        cmd.current_dir(self.cwd.as_deref().unwrap_or(self.dir.path()))
            .env_remove("HIREKIT_WORKSPACE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env("COLUMNS", "100")
            // "Today" (posting dates, the laws in force) is fixed, so that
            // outputs do not change from one day to the next.
            .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
            .arg("--color")
            .arg("never")
            .args(&self.args)
            .timeout(timeout);
        let Output {
            status,
            stdout,
            stderr,
        } = cmd.output().expect("run hirekit");
        Run {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code: status.code(),
            root: self.dir.path().to_path_buf(),
        }
    }

    /// Runs and expects exit 0.
    #[track_caller]
    pub fn succeeds(&self) -> Run {
        let run = self.run();
        assert_eq!(
            run.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
        run
    }

    /// Runs and expects exit 1 (bad input).
    #[track_caller]
    pub fn fails(&self) -> Run {
        let run = self.run();
        assert_eq!(
            run.code,
            Some(1),
            "expected exit 1\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run
    }

    /// Runs and expects exit 2 (usage error).
    #[track_caller]
    pub fn usage_error(&self) -> Run {
        let run = self.run();
        assert_eq!(
            run.code,
            Some(2),
            "expected exit 2\nstderr:\n{}",
            run.stderr
        );
        run
    }
}

impl Run {
    /// The working folder of the run.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// stderr with the temporary folder shown as `[ROOT]`.
    pub fn stderr(&self) -> String {
        redact(&self.stderr, &self.root)
    }

    /// stdout with the temporary folder shown as `[ROOT]`.
    pub fn stdout(&self) -> String {
        redact(&self.stdout, &self.root)
    }
}

fn redact(s: &str, root: &Path) -> String {
    let mut out = s.replace(&root.display().to_string(), "[ROOT]");
    if let Ok(canon) = root.canonicalize() {
        out = out.replace(&canon.display().to_string(), "[ROOT]");
    }
    out
}

/// The `tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}
