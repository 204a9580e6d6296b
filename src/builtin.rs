//! The built-in templates and data, embedded in the binary by one explicit
//! table each. The files live in `templates/` and `data/` of the
//! repository; a unit test checks that the tables and the folders agree.

/// Built-in templates: `(name, source)`.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../templates/layout.html")),
    (
        "batch-index.html",
        include_str!("../templates/batch-index.html"),
    ),
    (
        "batch-index-ad.html",
        include_str!("../templates/batch-index-ad.html"),
    ),
    (
        "job-description.md",
        include_str!("../templates/job-description.md"),
    ),
    ("job-post.md", include_str!("../templates/job-post.md")),
    ("job-brief.md", include_str!("../templates/job-brief.md")),
    (
        "interview-guide.md",
        include_str!("../templates/interview-guide.md"),
    ),
    (
        "partials/about-us.md",
        include_str!("../templates/partials/about-us.md"),
    ),
    (
        "partials/apply.md",
        include_str!("../templates/partials/apply.md"),
    ),
    (
        "partials/brief.md",
        include_str!("../templates/partials/brief.md"),
    ),
    (
        "partials/credit.md",
        include_str!("../templates/partials/credit.md"),
    ),
    (
        "partials/duties.md",
        include_str!("../templates/partials/duties.md"),
    ),
    (
        "partials/eeo.md",
        include_str!("../templates/partials/eeo.md"),
    ),
    (
        "partials/faq.md",
        include_str!("../templates/partials/faq.md"),
    ),
    (
        "partials/pay-location.md",
        include_str!("../templates/partials/pay-location.md"),
    ),
    (
        "partials/pay-table.md",
        include_str!("../templates/partials/pay-table.md"),
    ),
    (
        "partials/qualifications.md",
        include_str!("../templates/partials/qualifications.md"),
    ),
    (
        "partials/why-join.md",
        include_str!("../templates/partials/why-join.md"),
    ),
];

/// The job ad: the one document whose HTML page carries a schema.org
/// `JobPosting`, that the job feed lists, and that `batch` and `lint` use
/// when no `--doc` is given. A workspace's override of it is a job ad too.
pub(crate) const JOB_POST: &str = "job-post";

/// The short job brief for a social post or a job alert.
pub(crate) const JOB_BRIEF: &str = "job-brief";

/// The document `render` shows when neither `--doc` nor `render.doc` names one.
pub(crate) const DEFAULT_DOCUMENT: &str = "job-description";

/// Whether a document is a job ad (see [`JOB_POST`]).
pub(crate) fn is_job_ad(doc: &str) -> bool {
    doc == JOB_POST
}

/// The built-in documents, in the order `templates list` shows them.
pub const DOCUMENTS: &[&str] = &[
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];

/// Built-in role profiles: `(id, source)`.
pub(crate) const ROLES: &[(&str, &str)] = &[(
    "customer-service-representative",
    include_str!("../data/roles/customer-service-representative.yaml"),
)];

/// The ids of the built-in role profiles (for shell completion).
pub(crate) const ROLE_IDS: &[&str] = &["customer-service-representative"];

/// The files `hirekit init` writes: `(path in the workspace, contents)`.
/// The sources live in `data/init/`.
pub const INIT_FILES: &[(&str, &str)] = &[
    ("hirekit.yaml", include_str!("../data/init/hirekit.yaml")),
    ("company.yaml", include_str!("../data/init/company.yaml")),
    (
        "roles/medical-receptionist.yaml",
        include_str!("../data/init/roles/medical-receptionist.yaml"),
    ),
    ("locations.csv", include_str!("../data/init/locations.csv")),
    (
        "templates/README.md",
        include_str!("../data/init/templates/README.md"),
    ),
];

/// The role profile skeleton `hirekit new` fills in (`data/skeleton/role.yaml`).
/// `__ID__`, `__TITLE__`, `__TITLE_TEXT__` and `__SOC_CODE__` are replaced.
pub(crate) const ROLE_SKELETON: &str = include_str!("../data/skeleton/role.yaml");
/// Built-in lint data: `(name under data/, text)`: word lists, board
/// limits and pay-transparency laws, each naming its sources.
pub(crate) const LINT_DATA: &[(&str, &str)] = &[
    (
        "jurisdictions/pay-transparency.csv",
        include_str!("../data/jurisdictions/pay-transparency.csv"),
    ),
    (
        "lint/board-limits.csv",
        include_str!("../data/lint/board-limits.csv"),
    ),
    ("lint/eeo.csv", include_str!("../data/lint/eeo.csv")),
    (
        "lint/gender-coded.csv",
        include_str!("../data/lint/gender-coded.csv"),
    ),
    (
        "lint/gender-exceptions.txt",
        include_str!("../data/lint/gender-exceptions.txt"),
    ),
    (
        "lint/term-exceptions.txt",
        include_str!("../data/lint/term-exceptions.txt"),
    ),
    ("lint/terms.csv", include_str!("../data/lint/terms.csv")),
];

/// The occupation library (`data/library/`, written by `hirekit
/// occupations build`): `(file name, bytes)`, in the order the build
/// writes them.
pub(crate) const LIBRARY: [(&str, &[u8]); 5] = [
    (
        "onet-index.bin",
        include_bytes!("../data/library/onet-index.bin"),
    ),
    (
        "onet-records.bin",
        include_bytes!("../data/library/onet-records.bin"),
    ),
    (
        "onet-titles.bin",
        include_bytes!("../data/library/onet-titles.bin"),
    ),
    (
        "oews-index.bin",
        include_bytes!("../data/library/oews-index.bin"),
    ),
    (
        "oews-records.bin",
        include_bytes!("../data/library/oews-records.bin"),
    ),
];

/// A library file by name (empty for an unknown name).
pub(crate) fn library_file(name: &str) -> &'static [u8] {
    LIBRARY
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, b)| *b)
}

/// A built-in lint data file by its name under `data/`.
pub(crate) fn lint_data(name: &str) -> Option<&'static str> {
    LINT_DATA.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The source of a built-in template by name.
pub fn template(name: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The source of a built-in role by id.
pub(crate) fn role(id: &str) -> Option<&'static str> {
    ROLES.iter().find(|(n, _)| *n == id).map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn files_under(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }

    #[test]
    fn template_table_matches_the_templates_folder() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates"));
        let mut on_disk = Vec::new();
        files_under(root, root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn role_ids_list_every_builtin_role() {
        let ids: Vec<&str> = ROLES.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ROLE_IDS);
    }

    #[test]
    fn data_tables_match_the_data_folder() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
        let mut roles = Vec::new();
        files_under(root, &root.join("roles"), &mut roles);
        let mut expected: Vec<String> = ROLES
            .iter()
            .map(|(id, _)| format!("roles/{id}.yaml"))
            .collect();
        roles.sort();
        expected.sort();
        assert_eq!(roles, expected);
        let mut lint = Vec::new();
        files_under(root, &root.join("lint"), &mut lint);
        files_under(root, &root.join("jurisdictions"), &mut lint);
        let mut expected: Vec<String> = LINT_DATA.iter().map(|(n, _)| n.to_string()).collect();
        lint.sort();
        expected.sort();
        assert_eq!(lint, expected);
    }

    #[test]
    fn library_table_matches_the_library_folder_and_the_build() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/library"));
        let mut on_disk = Vec::new();
        files_under(root, root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = LIBRARY.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(embedded, crate::library::build::FILES);
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn init_table_matches_the_init_folder() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/init"));
        let mut on_disk = Vec::new();
        files_under(root, root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = INIT_FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/skeleton"));
        let mut on_disk = Vec::new();
        files_under(root, root, &mut on_disk);
        assert_eq!(on_disk, ["role.yaml"]);
    }

    #[test]
    fn every_document_has_a_template() {
        for doc in DOCUMENTS {
            assert!(template(&format!("{doc}.md")).is_some(), "{doc}");
        }
    }
}
