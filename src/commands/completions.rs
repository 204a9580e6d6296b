//! `hirekit completions SHELL`.

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

/// Prints the completion script for a shell.
pub(crate) fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "hirekit", &mut buf);
    crate::output::emit(None, &String::from_utf8_lossy(&buf))?;
    Ok(ExitCode::SUCCESS)
}
