//! hirekit turns YAML role profiles into hiring content: job description
//! pages, location-specific job posts, short job briefs and structured
//! interview guides, as Markdown, HTML, plain text or JSON.
//!
//! The binary is a thin shell over [`run`]. Modules: `cli` (arguments),
//! `commands` (one per command), `load` (files into `model`), `engine`
//! (templates), `render` (the pipeline), `pay` (pay resolution), `output`
//! (writing), `diag` (located errors), `ui` (stderr), `lint` (the rules of
//! `hirekit lint`).

pub mod batch;
pub mod builtin;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod engine;
pub mod library;
pub mod lint;
pub mod load;
pub mod model;
pub mod oews;
pub mod output;
pub mod pay;
pub mod project;
pub mod render;
pub mod states;
pub mod text;
pub mod ui;

use std::process::ExitCode;

pub use commands::run;

/// Formats an error chain for stderr. A located report (a diagnostic or a
/// template error, which already start with `error:` and span several
/// lines) is printed as it is, followed by the context it was found in;
/// other errors print as `error: ...` with one `caused by:` line per cause.
pub fn report(err: &anyhow::Error) -> String {
    let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
    if let Some(pos) = chain.iter().position(|m| m.starts_with("error: ")) {
        let mut out = chain[pos].clone();
        for outer in chain[..pos].iter().rev() {
            out.push_str(&format!("\n  = note: {outer}"));
        }
        return out;
    }
    let mut out = format!("error: {}", chain.first().map_or("", String::as_str));
    for cause in chain.iter().skip(1) {
        out.push_str(&format!("\ncaused by: {cause}"));
    }
    out
}

/// Whether an error is a broken pipe on stdout (the reader went away,
/// as with `hirekit render ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The exit code for a failure: 1 (bad input or a failed render).
pub fn failure() -> ExitCode {
    ExitCode::from(1)
}
