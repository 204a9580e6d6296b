//! One module per command. Each turns its clap arguments into work, wiring
//! the loaders, the engine and the renderer together; content is written
//! only through `output`.

pub(crate) mod batch;
pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod init;
pub(crate) mod lint;
pub(crate) mod new;
pub(crate) mod occupations;
pub(crate) mod pay;
pub(crate) mod paylaw;
pub(crate) mod render;
pub(crate) mod roles;
pub(crate) mod templates;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::project::Project;
use crate::ui::Ui;

/// What every command gets: the run's inputs and the Ui.
pub(crate) struct Ctx {
    /// The workspace (or the built-ins alone) and every input found in it.
    pub project: Project,
    /// stderr messages.
    pub ui: Ui,
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ui = Ui::new(cli.global.quiet, cli.global.verbose, cli.global.color);
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let project = Project::discover(cli.global.workspace.as_deref(), &cwd, ui)?;
    if let Some(root) = &project.ws.root {
        ui.verbose(&format!("workspace: {}", root.display()));
    }
    let ctx = Ctx { project, ui };
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
