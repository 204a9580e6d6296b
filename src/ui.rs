//! Messages on stderr: warnings, notes, errors, with color when wanted.
//! Content never goes here; it goes to stdout or files.

use std::io::{IsTerminal, Write};

/// When to use color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stderr is a terminal and NO_COLOR is not set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

/// How chatty and colorful stderr is.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    /// Print only errors.
    pub quiet: bool,
    /// Print more.
    pub verbose: bool,
    /// Use ANSI colors.
    pub color: bool,
}

impl Ui {
    /// From the global options (`-q`, `-v`, `--color`) and the
    /// environment (`NO_COLOR`).
    pub fn new(quiet: bool, verbose: bool, color: ColorChoice) -> Self {
        Ui {
            quiet,
            verbose,
            color: color_enabled(color),
        }
    }

    /// A quiet, colorless Ui, for tests.
    pub fn plain() -> Self {
        Ui {
            quiet: false,
            verbose: false,
            color: false,
        }
    }

    /// `warning: ...` unless quiet.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            let message = crate::diag::visible(message);
            self.print(&format!("{}{message}", self.paint("warning: ", "33")));
        }
    }

    /// `note: ...` unless quiet.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            let message = crate::diag::visible(message);
            self.print(&format!("{}{message}", self.paint("note: ", "36")));
        }
    }

    /// A plain status line unless quiet.
    pub fn status(&self, message: &str) {
        if !self.quiet {
            self.print(&crate::diag::visible(message));
        }
    }

    /// A line shown only with `--verbose`.
    pub fn verbose(&self, message: &str) {
        if self.verbose {
            self.print(&crate::diag::visible(message));
        }
    }

    /// An error report: its first `error:` painted red.
    pub fn error(&self, report: &str) {
        let report = crate::diag::visible(report);
        let report = match report.strip_prefix("error: ") {
            Some(rest) => format!("{}{rest}", self.paint("error: ", "31;1")),
            None => report.to_string(),
        };
        self.print(&report);
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Every message goes out with the control characters of its text
    /// shown as pictures (a terminal escape from an input file cannot
    /// drive the terminal); only this Ui's own colors are escapes.
    fn print(&self, message: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{message}");
    }
}

fn color_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}
