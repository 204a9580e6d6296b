//! User-facing errors: each bad input in `tests/fixtures/errors/` gives exit
//! 1 and a located message, pinned by a snapshot.

use crate::support::Hirekit;

#[test]
fn bad_role_profiles_are_located() {
    insta::glob!("../fixtures/errors/yaml", "*.yaml", |path| {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let run = Hirekit::new()
            .fixture(&format!("errors/yaml/{name}"), &name)
            .args(["render", &name])
            .fails();
        insta::assert_snapshot!(run.stderr());
    });
}

#[test]
fn bad_company_file_is_located() {
    let run = Hirekit::new()
        .file("company.yaml", "name: Acme\nabuot: typo\n")
        .args([
            "render",
            "customer-service-representative",
            "--company",
            "company.yaml",
        ])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn unknown_role_lists_known_roles() {
    let run = Hirekit::new()
        .args(["render", "chief-happiness-wizard"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn unknown_document_lists_documents() {
    let run = Hirekit::new()
        .args([
            "render",
            "customer-service-representative",
            "--doc",
            "offer-letter",
        ])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn unknown_state_in_location_is_refused() {
    let run = Hirekit::new()
        .args([
            "render",
            "customer-service-representative",
            "--location",
            "Springfield, XX",
        ])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn missing_role_file_names_its_path() {
    let run = Hirekit::new()
        .args(["render", "roles/missing.yaml"])
        .fails();
    insta::assert_snapshot!(run.stderr());
}

#[test]
fn bad_locations_csvs_name_row_and_column() {
    insta::glob!("../fixtures/errors/csv", "*.csv", |path| {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let run = Hirekit::new()
            .fixture(&format!("errors/csv/{name}"), &name)
            .args([
                "render",
                "customer-service-representative",
                "--locations",
                &name,
                "--id",
                "x1",
            ])
            .run();
        insta::assert_snapshot!(format!("exit {:?}\n{}", run.code, run.stderr()));
    });
}
