//! Which sections of a role profile each built-in document needs.
//!
//! A profile loads with four keys (`title`, `summary`, `duties`,
//! `requirements`), enough for a job post. The other documents need more;
//! this table says what, in one place: `render` refuses a document whose
//! sections are missing, naming them, and `check` warns once per document a
//! profile cannot feed. Documents not listed here (a workspace's own) need
//! nothing beyond the four keys.

use crate::diag::Diagnostic;
use crate::model::Role;

/// One section a document needs.
#[derive(Debug)]
pub(crate) struct Need {
    /// Its key, dotted from the top of the profile.
    pub key: &'static str,
    /// Whether the profile has it, non-empty.
    pub present: fn(&Role) -> bool,
}

/// What one document needs beyond the four keys every profile has.
#[derive(Debug)]
pub(crate) struct DocNeeds {
    /// The document's name.
    pub doc: &'static str,
    /// How messages name it.
    pub label: &'static str,
    /// The sections it needs.
    pub needs: &'static [Need],
}

fn text(s: &str) -> bool {
    !s.trim().is_empty()
}

/// All four sentences of the brief.
fn has_brief(r: &Role) -> bool {
    let b = &r.brief;
    [&b.mission, &b.impact, &b.ideal_candidate, &b.call_to_action]
        .iter()
        .all(|s| text(s))
}

/// The table: every built-in document, with what it needs.
pub(crate) const DOCUMENTS: &[DocNeeds] = &[
    DocNeeds {
        doc: crate::builtin::JOB_POST,
        label: "the job post",
        needs: &[],
    },
    DocNeeds {
        doc: "job-brief",
        label: "the job brief",
        needs: &[Need {
            key: "brief",
            present: has_brief,
        }],
    },
    DocNeeds {
        doc: "job-description",
        label: "the job description",
        needs: &[
            Need {
                key: "overview",
                present: |r| text(&r.overview),
            },
            Need {
                key: "key_responsibilities",
                present: |r| !r.key_responsibilities.is_empty(),
            },
            Need {
                key: "qualifications.required",
                present: |r| !r.qualifications.required.is_empty(),
            },
            Need {
                key: "brief",
                present: has_brief,
            },
        ],
    },
    DocNeeds {
        doc: "interview-guide",
        label: "the interview guide",
        needs: &[
            Need {
                key: "interview.competencies",
                present: |r| !r.interview.competencies.is_empty(),
            },
            Need {
                key: "interview.rating_scale",
                present: |r| !r.interview.rating_scale.is_empty(),
            },
        ],
    },
];

/// The keys `doc` needs that `role` lacks (none for documents not in the
/// table).
pub(crate) fn missing(doc: &str, role: &Role) -> Vec<&'static str> {
    DOCUMENTS
        .iter()
        .filter(|d| d.doc == doc)
        .flat_map(|d| d.needs.iter())
        .filter(|n| !(n.present)(role))
        .map(|n| n.key)
        .collect()
}

/// Refuses `doc` when the profile (shown as `path`) lacks a section it
/// needs, naming every one.
pub(crate) fn require(doc: &str, role: &Role, path: &str) -> Result<(), Diagnostic> {
    let keys = missing(doc, role);
    if keys.is_empty() {
        return Ok(());
    }
    let label = DOCUMENTS
        .iter()
        .find(|d| d.doc == doc)
        .map_or(doc, |d| d.label);
    let err = Diagnostic::file(
        path,
        format!("{label} needs {} in {path}", and_list(&keys)),
    )
    .with_help(format!(
        "add {}; `hirekit new \"{}\"` writes a skeleton with every section, and `hirekit render customer-service-representative --format json` shows a complete profile",
        if keys.len() == 1 { "it" } else { "them" },
        role.title
    ));
    let post_feeds = DOCUMENTS
        .iter()
        .any(|d| d.doc == crate::builtin::JOB_POST && d.needs.iter().all(|n| (n.present)(role)));
    if doc != crate::builtin::JOB_POST && post_feeds {
        return Err(err.with_help("`--doc job-post` renders from this profile as it is"));
    }
    Err(err)
}

/// One warning per listed document the profile cannot feed, for `check`.
pub(crate) fn warnings(role: &Role, path: &str, docs: &[String]) -> Vec<String> {
    docs.iter()
        .filter_map(|doc| {
            let keys = missing(doc, role);
            let d = DOCUMENTS.iter().find(|d| d.doc == doc)?;
            (!keys.is_empty()).then(|| {
                format!(
                    "{path}: {} cannot render from this profile: it needs {}",
                    d.label,
                    and_list(&keys)
                )
            })
        })
        .collect()
}

fn and_list(keys: &[&str]) -> String {
    let ticked: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match ticked.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Role {
        let src = "title: Cashier\nsummary: Rings up sales.\nduties: [Count cash]\nrequirements: [Math]\n";
        crate::load::role::parse("roles/cashier.yaml", src.as_bytes(), "cashier").unwrap()
    }

    #[test]
    fn a_minimal_profile_feeds_the_job_post_only() {
        let role = minimal();
        assert!(missing("job-post", &role).is_empty());
        assert!(missing("offer-letter", &role).is_empty());
        assert_eq!(missing("job-brief", &role), ["brief"]);
        assert_eq!(
            missing("interview-guide", &role),
            ["interview.competencies", "interview.rating_scale"]
        );
        assert_eq!(missing("job-description", &role).len(), 4);
    }

    #[test]
    fn the_builtin_profile_feeds_every_document() {
        for (id, src) in crate::builtin::ROLES {
            let role = crate::load::role::parse("r.yaml", src.as_bytes(), id).unwrap();
            for d in DOCUMENTS {
                assert!(missing(d.doc, &role).is_empty(), "{id} {}", d.doc);
            }
        }
    }

    #[test]
    fn the_error_names_the_document_the_keys_and_the_file() {
        let err = require("interview-guide", &minimal(), "roles/cashier.yaml").unwrap_err();
        assert_eq!(
            err.message,
            "the interview guide needs `interview.competencies` and `interview.rating_scale` in roles/cashier.yaml"
        );
        assert!(err.help[0].contains("hirekit new \"Cashier\""));
        let w = warnings(
            &minimal(),
            "roles/cashier.yaml",
            &["job-post".into(), "job-brief".into()],
        );
        assert_eq!(
            w,
            ["roles/cashier.yaml: the job brief cannot render from this profile: it needs `brief`"]
        );
    }

    #[test]
    fn every_builtin_document_is_in_the_table() {
        let builtin = crate::builtin::DOCUMENTS;
        let listed: Vec<&str> = DOCUMENTS.iter().map(|d| d.doc).collect();
        for doc in builtin {
            assert!(listed.contains(doc), "{doc} is not in the table");
        }
    }
}
