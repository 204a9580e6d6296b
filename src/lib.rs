//! hirekit turns YAML role profiles into hiring content: job description
//! pages, location-specific job posts, short job briefs and structured
//! interview guides, as Markdown, HTML, plain text or JSON.
//!
//! The binary is a thin shell over [`run`]. Modules (all private but
//! `cli`): `cli` (arguments), `commands` (one per command), `project` (the
//! inputs of a run), `load` (files into `model`), `engine` (templates),
//! `render` (the pipeline), `pay` (pay resolution), `library` (the
//! occupation library and drafting), `batch`, `lint`, `output` (writing),
//! `diag` (located errors), `text` (reading and formatting text), `ui`
//! (stderr). Direction: commands → project → {load, engine, render} →
//! {model, diag, text}; no cycles.

mod batch;

/// The system allocator, with a ceiling on what one template render may
/// ask for at once (see `engine::memory`).
#[global_allocator]
static ALLOCATOR: engine::memory::Allocator = engine::memory::Allocator;

mod builtin;
pub mod cli;
mod commands;
mod diag;
mod engine;
mod library;
mod lint;
mod load;
mod model;
mod oews;
mod output;
mod pay;
mod project;
mod render;
mod states;
mod text;
mod ui;

pub use engine::Engine;
pub use lint::CompanyFile;
pub use project::Project;
pub use render::{Format, Output, RenderOptions, RoleInput, render, render_formats};
pub use ui::Ui;

/// What the integration tests and the fuzz targets reach directly, besides
/// the items above: the readers of each input, and the data built into the
/// binary. Nothing here is a promise to other crates.
pub mod parts {
    pub use crate::batch::write::{hex, sha256};
    pub use crate::builtin::{DOCUMENTS, INIT_FILES, template};
    pub use crate::library::ONET_CREDIT;
    pub use crate::load::company::parse as parse_company;
    pub use crate::load::location::parse_arg as parse_location;
    pub use crate::load::locations::read_all as read_locations;
    pub use crate::load::role::parse as parse_role;
    pub use crate::oews::{Input as OewsInput, import as import_oews};
    pub use crate::states::code as state_code;
    pub use crate::text::utf8;
}

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
