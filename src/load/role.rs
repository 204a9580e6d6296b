//! Loading and checking role profiles.

use crate::diag::{Diagnostic, find_yaml_key};
use crate::model::Role;

/// Parses a role profile and checks what types cannot: the SOC code's
/// form, non-empty text, and the lists the documents need. `default_id` is
/// the file name without its extension. A value still holding the
/// skeleton's placeholder is an error (see [`placeholders`]).
pub fn parse(path: &str, bytes: &[u8], default_id: &str) -> Result<Role, Diagnostic> {
    parse_all(path, bytes, default_id).map_err(|all| {
        let count = all.len();
        let mut first = all
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::file(path, "invalid role profile"));
        if count > 1 {
            first = first.with_help(format!(
                "{} more {} `hirekit check` lists them all",
                count - 1,
                if count == 2 {
                    "problem follows;"
                } else {
                    "problems follow;"
                }
            ));
        }
        first
    })
}

/// As [`parse`], but reports every problem of the profile, not only the
/// first: unknown keys, missing keys and wrong kinds of value (the walk of
/// [`super::schema`]), and placeholders left from the skeleton.
pub(crate) fn parse_all(
    path: &str,
    bytes: &[u8],
    default_id: &str,
) -> Result<Role, Vec<Diagnostic>> {
    let source = super::utf8(path, bytes).map_err(|d| vec![d])?;
    // A built-in profile (whose every problem the tests rule out) needs no
    // walk of its own tree: it is read on every render of it.
    if path.starts_with("builtin:")
        && let Ok(role) = super::yaml::parse::<Role>(path, source)
    {
        return finish(path, source, role, default_id);
    }
    let role: Role = super::yaml::parse_all(
        path,
        source,
        &super::schema::ROLE,
        placeholders(path, source),
    )?;
    finish(path, source, role, default_id)
}

/// The id (the file's name when the profile gives none) and the checks
/// serde cannot make.
fn finish(
    path: &str,
    source: &str,
    mut role: Role,
    default_id: &str,
) -> Result<Role, Vec<Diagnostic>> {
    if role.id.trim().is_empty() {
        role.id = default_id.to_string();
    }
    check(path, source, &mut role).map_err(|d| vec![d])?;
    Ok(role)
}

/// What `hirekit new` puts where the user's own text belongs.
pub(crate) const PLACEHOLDER: &str = "TODO:";

/// Every value in a profile's source that still starts with the
/// skeleton's placeholder `TODO:`, located at its line and column. A
/// placeholder counts where a value starts: after `key:`, after a list's
/// `-`, or at the start of a line of a block scalar; comments do not count.
pub(crate) fn placeholders(path: &str, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        let mut from = 0;
        while let Some(pos) = line[from..].find(PLACEHOLDER).map(|p| p + from) {
            from = pos + PLACEHOLDER.len();
            let before = line[..pos].trim_end_matches(['"', '\'']).trim_end();
            let starts_value = before.is_empty() || before.ends_with(':') || before.ends_with('-');
            if !starts_value {
                continue;
            }
            let value = line[pos..].trim_end().trim_end_matches(['"', '\'']);
            let column = line[..pos].chars().count() + 1;
            out.push(
                Diagnostic::at(
                    path,
                    source,
                    i + 1,
                    column,
                    "still the skeleton's placeholder; replace it with this role's own text",
                )
                .with_span_len(value.chars().count()),
            );
        }
    }
    out
}

/// Checks what serde cannot, and writes the SOC code in its `NN-NNNN` form.
fn check(path: &str, source: &str, role: &mut Role) -> Result<(), Diagnostic> {
    let at = |key: &str, message: String| {
        let (line, col) = find_yaml_key(source, key);
        Diagnostic::at(path, source, line, col, message)
    };
    if !is_slug(&role.id) {
        return Err(at(
            "id",
            format!(
                "`id` must be lower-case letters, digits and dashes, got {:?}",
                role.id
            ),
        ));
    }
    // A SOC code is optional; when given, any of its usual forms is kept
    // as BLS writes it.
    if !role.soc_code.is_empty() {
        match crate::text::normalize_soc(&role.soc_code) {
            Some(code) => role.soc_code = code,
            None => {
                return Err(at(
                    "soc_code",
                    format!(
                        "`soc_code` must be a SOC code such as `43-4051` (also written `434051` or `43-4051.00`), got {:?}",
                        role.soc_code
                    ),
                ));
            }
        }
    }
    for (key, value) in [("title", &role.title), ("summary", &role.summary)] {
        if value.trim().is_empty() {
            return Err(at(key, format!("`{key}` must not be empty")));
        }
    }
    for (key, len) in [
        ("duties", role.duties.len()),
        ("requirements", role.requirements.len()),
    ] {
        if len == 0 {
            return Err(at(key, format!("`{key}` must list at least one entry")));
        }
    }
    for group in &role.duties {
        if group.items.is_empty() {
            return Err(at(
                "heading",
                "every duty group needs at least one item under `items`".to_string(),
            ));
        }
    }
    for c in &role.interview.competencies {
        if c.questions.is_empty() {
            return Err(at(
                "questions",
                format!("competency {:?} has no questions", c.name),
            ));
        }
    }
    let scores: Vec<u8> = role
        .interview
        .rating_scale
        .iter()
        .map(|r| r.score)
        .collect();
    let sorted = {
        let mut s = scores.clone();
        s.sort_unstable();
        s.dedup();
        s
    };
    if sorted != scores {
        return Err(at(
            "rating_scale",
            "`rating_scale` scores must be unique and listed lowest first".to_string(),
        ));
    }
    if let Some(pay) = &role.pay
        && pay.table.is_some() != pay.rows.is_empty()
    {
        return Err(at(
            "pay",
            "`pay` takes either `table` (a CSV path) or `rows`, not both and not neither"
                .to_string(),
        ));
    }
    Ok(())
}

/// Whether `s` is a SOC code of the form `NN-NNNN`.
pub(crate) fn is_soc_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// Whether `s` is a usable id: lower-case ASCII letters, digits, dashes.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && !s.starts_with('-')
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// Where a loaded role profile came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file; its folder anchors relative paths in the profile.
    File(std::path::PathBuf),
    /// The built-in profile with this id.
    Builtin,
    /// Drafted from the occupation library's O*NET occupation with this
    /// code (`41-2011.00`).
    Library(String),
}

/// A role profile with where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The profile.
    pub role: Role,
    /// The file as shown to the user (`builtin:<id>` for a built-in).
    pub shown: String,
    /// Where it came from.
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soc_codes() {
        for (s, ok) in [
            ("43-4051", true),
            ("434051", false),
            ("43-405", false),
            ("4a-4051", false),
            ("43-4051.00", false),
        ] {
            assert_eq!(is_soc_code(s), ok, "{s}");
        }
    }

    #[test]
    fn placeholders_are_found_where_values_start() {
        let src = "# TODO: a comment is fine\n\
                   title: \"TODO: the job title\"\n\
                   summary: >-\n  TODO: a paragraph\n\
                   skills:\n  - TODO: a skill\n  - Lifting\n\
                   note: see TODO: later\n";
        let found = placeholders("r.yaml", src);
        let at: Vec<(usize, usize, usize)> = found
            .iter()
            .map(|d| (d.line, d.column, d.span_len))
            .collect();
        assert_eq!(at, [(2, 9, 19), (4, 3, 17), (6, 5, 13)]);
        assert!(found[0].message.contains("placeholder"));
    }

    #[test]
    fn four_keys_load_and_duties_take_either_form() {
        let src = "title: Cashier\nsummary: Rings up sales.\nduties:\n  - Count cash\n  - 42\n  - heading: Floor\n    items: [Stock shelves]\n  - Greet shoppers\nrequirements: [Math]\n";
        let role = parse("roles/cashier.yaml", src.as_bytes(), "cashier").unwrap();
        assert_eq!(role.id, "cashier");
        assert!(role.soc_code.is_empty());
        assert!(role.overview.is_empty() && role.interview.competencies.is_empty());
        assert_eq!(role.interview.duration_minutes, 60);
        let groups: Vec<(&str, Vec<&str>)> = role
            .duties
            .iter()
            .map(|g| {
                (
                    g.heading.as_str(),
                    g.items.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("", vec!["Count cash", "42"]),
                ("Floor", vec!["Stock shelves"]),
                ("", vec!["Greet shoppers"]),
            ]
        );
    }

    #[test]
    fn a_soc_code_when_given_must_be_well_formed() {
        let src = "title: T\nsummary: S\nduties: [a]\nrequirements: [b]\nsoc_code: \"43\"\n";
        let err = parse("r.yaml", src.as_bytes(), "t").unwrap_err();
        assert_eq!(err.line, 5);
        assert!(err.message.contains("SOC code"), "{}", err.message);
    }

    #[test]
    fn soc_codes_in_every_form_are_written_as_bls_writes_them() {
        let builtin = crate::builtin::role("customer-service-representative").unwrap();
        assert!(builtin.contains("soc_code: \"43-4051\""));
        for form in ["434051", "43-4051.00", " 43-4051 "] {
            let src = builtin.replace("soc_code: \"43-4051\"", &format!("soc_code: \"{form}\""));
            let role = parse("r.yaml", src.as_bytes(), "r").unwrap();
            assert_eq!(role.soc_code, "43-4051", "{form}");
        }
        let src = builtin.replace("soc_code: \"43-4051\"", "soc_code: \"43-40\"");
        let err = parse("r.yaml", src.as_bytes(), "r").unwrap_err();
        assert!(err.to_string().contains("434051"), "{err}");
    }

    #[test]
    fn slugs() {
        assert!(is_slug("customer-service-representative"));
        assert!(!is_slug("Customer"));
        assert!(!is_slug("../x"));
        assert!(!is_slug(""));
    }
}
