//! `hirekit new "Job Title" [--soc CODE]`: a role profile skeleton with
//! every section present, a comment on what goes there, and `TODO:`
//! placeholders that `check` (and every render) refuses until replaced.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::NewArgs;
use crate::engine::filters::slug;
use crate::load::role::{PLACEHOLDER, is_slug, is_soc_code};

/// Fills in the skeleton for a title and an optional SOC code; returns the
/// role id and the YAML text.
pub fn skeleton(title: &str, soc: Option<&str>) -> Result<(String, String)> {
    let title = title.trim();
    if title.is_empty() || title.chars().any(char::is_control) {
        bail!("the job title must be one line of text, e.g. \"Warehouse Associate\"");
    }
    let id = slug(title);
    if !is_slug(&id) {
        bail!("the job title {title:?} has no letters or digits to name the file after");
    }
    let soc_value = match soc.map(str::trim) {
        Some(code) if is_soc_code(code) => format!("\"{code}\""),
        Some(code) => {
            bail!("`--soc` must look like `NN-NNNN` (e.g. `53-7065`), got {code:?}")
        }
        None => format!("\"{PLACEHOLDER} the NN-NNNN code\""),
    };
    // A JSON string is a valid YAML double-quoted scalar, whatever the title holds.
    let title_yaml = serde_json::to_string(title)?;
    let text = crate::builtin::ROLE_SKELETON
        .replace("__TITLE_TEXT__", title)
        .replace("__TITLE__", &title_yaml)
        .replace("__ID__", &id)
        .replace("__SOC_CODE__", &soc_value);
    Ok((id, text))
}

/// Runs `hirekit new`.
pub fn run(ctx: &Ctx, args: NewArgs) -> Result<ExitCode> {
    let (id, text) = skeleton(&args.title, args.soc.as_deref())?;
    let rel = format!("roles/{id}.yaml");
    let path = match ctx.project.ws.path(&rel) {
        Some(p) => p,
        None => {
            ctx.ui.warn(
                "no workspace (hirekit.yaml) here or above; writing to ./roles/ (`hirekit init` makes a workspace, so roles are found by id)",
            );
            PathBuf::from(&rel)
        }
    };
    for candidate in [path.clone(), path.with_extension("yml")] {
        if candidate.exists() {
            bail!(
                "`{}` already exists; `hirekit new` does not overwrite it (pick another title, or delete the file)",
                ctx.project.ws.show(&candidate)
            );
        }
    }
    crate::output::write_creating_folders(&path, text.as_bytes())?;
    let shown = ctx.project.ws.show(&path);
    let left = crate::load::role::placeholders(&shown, &text).len();
    // Outside a workspace a role is found by its path, not by its id.
    let render_arg = if ctx.project.ws.root.is_some() {
        id.clone()
    } else {
        shown.clone()
    };
    ctx.ui.status(&format!(
        "created `{shown}`: replace its {left} \"{PLACEHOLDER}\" values with the role's own text, then run `hirekit check {shown}` and `hirekit render {render_arg}`"
    ));
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::role::{parse_all, placeholders};
    use crate::model::Role;

    /// Replaces every placeholder value with plain text, as a user would.
    fn fill_in(text: &str) -> String {
        text.lines()
            .map(|line| match line.find(PLACEHOLDER) {
                Some(pos) if !line.trim_start().starts_with('#') => {
                    let quoted = line[..pos].ends_with('"');
                    let head = if quoted {
                        &line[..pos - 1]
                    } else {
                        &line[..pos]
                    };
                    format!("{head}Filled in by the hiring team")
                }
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn skeleton_is_valid_yaml_with_every_section() {
        let (id, text) = skeleton("Warehouse Associate: Nights #2", Some("53-7065")).unwrap();
        assert_eq!(id, "warehouse-associate-nights-2");
        let role: Role = crate::load::yaml::parse("r.yaml", &text).unwrap();
        assert_eq!(role.title, "Warehouse Associate: Nights #2");
        assert_eq!(role.soc_code, "53-7065");
        assert!(role.faq.len() == 1 && role.related_titles.specialized.is_some());
        assert!(placeholders("r.yaml", &text).len() > 20);
    }

    #[test]
    fn skeleton_is_refused_until_filled_in_then_passes() {
        let (_, text) = skeleton("Cook", None).unwrap();
        let errs = parse_all("roles/cook.yaml", text.as_bytes(), "cook").unwrap_err();
        assert!(
            errs.iter()
                .any(|d| d.source_line.as_deref() == Some("soc_code: \"TODO: the NN-NNNN code\""))
        );
        assert!(errs.iter().all(|d| d.line > 0 && d.column > 0));
        let filled = fill_in(&text).replacen(
            "soc_code: Filled in by the hiring team",
            "soc_code: \"35-2014\"",
            1,
        );
        let role = parse_all("roles/cook.yaml", filled.as_bytes(), "cook").unwrap();
        assert_eq!(role.id, "cook");
    }

    #[test]
    fn bad_titles_and_codes_are_refused() {
        assert!(skeleton("  ", None).is_err());
        assert!(skeleton("!!!", None).is_err());
        assert!(skeleton("A\nB", None).is_err());
        let err = skeleton("Cook", Some("352014")).unwrap_err().to_string();
        assert!(err.contains("NN-NNNN"), "{err}");
    }
}
