//! The `hirekit` binary: parse arguments, run, report the error once.

use std::process::ExitCode;

use clap::Parser;
use hirekit::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = hirekit::Ui::new(cli.global.quiet, cli.global.verbose, cli.global.color);
    match hirekit::run(cli) {
        Ok(code) => code,
        Err(err) if hirekit::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            ui.error(&hirekit::report(&err));
            hirekit::failure()
        }
    }
}
