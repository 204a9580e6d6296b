//! One module per command. Each turns its clap arguments into work, wiring
//! the loaders, the engine and the renderer together; content is written
//! only through `output`.

pub mod batch;
pub mod check;
pub mod completions;
pub mod init;
pub mod lint;
pub mod new;
pub mod occupations;
pub mod pay;
pub mod render;
pub mod roles;
pub mod templates;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::load;
use crate::model::Company;
use crate::ui::Ui;
use crate::workspace::Workspace;

/// What every command gets: the workspace and the Ui.
pub struct Ctx {
    /// The workspace (or the built-ins alone).
    pub ws: Workspace,
    /// stderr messages.
    pub ui: Ui,
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ui = Ui::new(&cli.global);
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let ws = Workspace::discover(cli.global.workspace.as_deref(), &cwd)?;
    if let Some(root) = &ws.root {
        ui.verbose(&format!("workspace: {}", root.display()));
    }
    let ctx = Ctx { ws, ui };
    match cli.command {
        Command::Render(args) => render::run(&ctx, args),
        Command::Lint(args) => lint::run(&ctx, args),
        Command::Batch(args) => batch::run(&ctx, args),
        Command::Roles(cmd) => roles::run(&ctx, cmd),
        Command::Completions(args) => completions::run(args),
        Command::Pay(cmd) => pay::run(&ctx, cmd),
        Command::Occupations(cmd) => occupations::run(&ctx, cmd),
        Command::Init(args) => init::run(&ctx, args),
        Command::New(args) => new::run(&ctx, args),
        Command::Templates(cmd) => templates::run(&ctx, cmd),
        Command::Check(args) => check::run(&ctx, args),
    }
}

/// The company profile: `--company FILE`, else the workspace's
/// `company.yaml`, else none.
pub fn load_company(ctx: &Ctx, explicit: Option<&Path>) -> Result<Option<Company>> {
    if let Some(path) = explicit {
        return Ok(Some(load::company::load(
            path,
            &path.display().to_string(),
        )?));
    }
    let rel = ctx.ws.config.company.as_deref().unwrap_or("company.yaml");
    match ctx.ws.path(rel) {
        Some(path) if path.is_file() => Ok(Some(load::company::load(&path, &ctx.ws.show(&path))?)),
        // A company file the settings name must be there; only the default may be absent.
        Some(path) if ctx.ws.config.company.is_some() => anyhow::bail!(
            "hirekit.yaml names the company file `{rel}`, but `{}` does not exist",
            ctx.ws.show(&path)
        ),
        _ => Ok(None),
    }
}
