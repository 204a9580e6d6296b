//! `hirekit new "Job Title" [--soc CODE]`: a role profile. When the code is
//! in the occupation library, the profile is drafted from it (every section
//! filled, `# REVIEW:` comments where the employer must add or check facts)
//! and passes `check` as it is. Otherwise it is a skeleton with every
//! section present, a comment on what goes there, and `TODO:` placeholders
//! that `check` (and every render) refuses until replaced.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::NewArgs;
use crate::engine::filters::slug;
use crate::library::Occupation;
use crate::library::draft::emit::profile_yaml;
use crate::library::draft::{DraftOptions, draft_role_with};
use crate::load::role::{PLACEHOLDER, is_slug, is_soc_code};

/// The trimmed title and its id, or why the title cannot name a profile.
fn title_and_id(title: &str) -> Result<(&str, String)> {
    let title = title.trim();
    if title.is_empty() || title.chars().any(char::is_control) {
        bail!("the job title must be one line of text, e.g. \"Warehouse Associate\"");
    }
    let id = slug(title);
    if !is_slug(&id) {
        bail!("the job title {title:?} has no letters or digits to name the file after");
    }
    Ok((title, id))
}

/// A profile drafted from the occupation library for a title and a SOC or
/// O*NET-SOC code (`41-2011`, `35-3023.01`): the role id, the YAML text and
/// the occupation it came from; `None` when the library lacks the code.
pub(crate) fn drafted(title: &str, code: &str) -> Result<Option<(String, String, Occupation)>> {
    let (title, id) = title_and_id(title)?;
    let Some(occ) = crate::library::occupation(code.trim()) else {
        return Ok(None);
    };
    let table = crate::library::pay(&occ.soc).map(|p| p.to_pay_table());
    let national = table.as_ref().and_then(|t| t.national());
    let options = DraftOptions {
        title: Some(title),
        pay: national,
    };
    let role = draft_role_with(&occ, &id, &options);
    Ok(Some((id, profile_yaml(&role), occ)))
}

/// Fills in the skeleton for a title and an optional SOC code; returns the
/// role id and the YAML text.
pub(crate) fn skeleton(title: &str, soc: Option<&str>) -> Result<(String, String)> {
    let (title, id) = title_and_id(title)?;
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
pub(crate) fn run(ctx: &Ctx, args: NewArgs) -> Result<ExitCode> {
    let draft = match args.soc.as_deref() {
        Some(code) => drafted(&args.title, code)?,
        None => None,
    };
    let (id, text, from) = match draft {
        Some((id, text, occ)) => (id, text, Some(occ)),
        None => {
            let (id, text) = skeleton(&args.title, args.soc.as_deref())?;
            (id, text, None)
        }
    };
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
    // Outside a workspace a role is found by its path, not by its id.
    let render_arg = if ctx.project.ws.root.is_some() {
        id.clone()
    } else {
        shown.clone()
    };
    if let Some(occ) = from {
        let review = text.matches("# REVIEW:").count();
        ctx.ui.status(&format!(
            "created `{shown}`, drafted from O*NET occupation {} {}: read it through and settle its {review} REVIEW comments (pay, schedule, benefits, requirements), then run `hirekit check {shown}` and `hirekit render {render_arg}`",
            occ.code, occ.title
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let left = crate::load::role::placeholders(&shown, &text).len();
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
    fn a_library_code_gives_a_drafted_profile_that_loads() {
        let Some((id, text, occ)) = drafted("Night Cashier", "41-2011").unwrap() else {
            panic!("41-2011 is not in the library");
        };
        assert_eq!(
            (id.as_str(), occ.code.as_str()),
            ("night-cashier", "41-2011.00")
        );
        assert!(placeholders("r.yaml", &text).is_empty());
        let role = parse_all("roles/night-cashier.yaml", text.as_bytes(), "night-cashier").unwrap();
        assert_eq!(role.title, "Night Cashier");
        assert_eq!(role.soc_code, "41-2011");
        assert!(
            role.overview
                .starts_with("We are looking for a Night Cashier to ")
        );
        assert!(text.contains("# REVIEW: schedule."));
        assert!(drafted("Cook", "99-9999").unwrap().is_none());
        assert!(drafted("!!!", "41-2011").is_err());
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
