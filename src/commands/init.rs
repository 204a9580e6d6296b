//! `hirekit init [DIR]`: a ready workspace to edit. The files are real
//! files under `data/init/`, embedded by `builtin::INIT_FILES`. Nothing is
//! written if any of them exists already.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::builtin::INIT_FILES;
use crate::cli::InitArgs;

/// Runs `hirekit init`.
pub(crate) fn run(ctx: &Ctx, args: InitArgs) -> Result<ExitCode> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    if dir.exists() && !dir.is_dir() {
        bail!("`{}` exists and is not a folder", dir.display());
    }
    let here = dir == Path::new(".");
    let existing: Vec<String> = INIT_FILES
        .iter()
        .filter(|(rel, _)| dir.join(rel).exists())
        .map(|(rel, _)| {
            if here {
                format!("`{rel}`")
            } else {
                format!("`{}`", dir.join(rel).display())
            }
        })
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already {}; `hirekit init` never overwrites files, so it wrote nothing (move {} away, or init another folder)",
            existing.join(", "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            },
            if existing.len() == 1 { "it" } else { "them" },
        );
    }
    for (rel, text) in INIT_FILES {
        crate::output::write_creating_folders(&dir.join(rel), text.as_bytes())?;
    }
    let shown = dir.display().to_string();
    let mut message = format!("created a hirekit workspace in `{shown}`:");
    for (rel, what) in [
        ("hirekit.yaml", "settings, each one commented"),
        ("company.yaml", "an example company to make your own"),
        (
            "roles/medical-receptionist.yaml",
            "an example role; `hirekit new \"Job Title\"` starts another",
        ),
        ("locations.csv", "example locations with pay ranges"),
        (
            "templates/",
            "your templates, which override the built-ins (see its README.md)",
        ),
    ] {
        message.push_str(&format!("\n  {rel:<33} {what}"));
    }
    let cd = if here {
        String::new()
    } else {
        format!("cd {shown} && ")
    };
    message.push_str(&format!(
        "\nnext: {cd}hirekit check && hirekit render medical-receptionist --doc job-post --locations locations.csv --id hv-tacoma"
    ));
    ctx.ui.status(&message);
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn init_file(name: &str) -> &'static str {
        INIT_FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .unwrap()
    }

    /// Every setting in the init `hirekit.yaml` is a commented-out YAML
    /// line, `#key: value` (indented as in YAML after the `#`); with the `#`
    /// removed, each one must be a real setting with a valid value.
    #[test]
    fn commented_settings_are_valid_when_uncommented() {
        let text = init_file("hirekit.yaml");
        assert!(crate::project::config::parse("hirekit.yaml", text.as_bytes()).is_ok());
        let uncommented: String = text
            .lines()
            .filter_map(|l| {
                l.strip_prefix('#').filter(|rest| {
                    let key = rest.trim_start().split(':').next().unwrap_or_default();
                    rest.contains(':')
                        && !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let config = crate::project::config::parse("hirekit.yaml", uncommented.as_bytes()).unwrap();
        assert_eq!(config.company.as_deref(), Some("company.yaml"));
        assert_eq!(config.render.doc.as_deref(), Some("job-post"));
        assert_eq!(config.render.format.as_deref(), Some("md"));
        assert_eq!(config.batch.formats, ["md", "html"]);
        assert_eq!(config.batch.docs, ["job-post"]);
        assert!(config.batch.pattern.is_some() && config.batch.out.is_some());
        assert_eq!(config.batch.locations.as_deref(), Some("locations.csv"));
        assert!(!config.lint.deny_warnings);
        assert_eq!(config.docx.reference.as_deref(), Some("reference.docx"));
    }

    #[test]
    fn the_example_role_and_company_are_valid() {
        let role = init_file("roles/medical-receptionist.yaml");
        let role = crate::load::role::parse("r.yaml", role.as_bytes(), "x").unwrap();
        assert_eq!(role.id, "medical-receptionist");
        crate::load::company::parse("company.yaml", init_file("company.yaml").as_bytes()).unwrap();
        let rows = crate::load::locations::read_all("l.csv", init_file("locations.csv")).unwrap();
        assert!(rows.len() >= 3);
    }
}
