//! Any bytes as a locations CSV: reading must return rows or located
//! errors, and each valid row must render as a job post.
#![no_main]

use std::sync::OnceLock;

use hirekit::Engine;
use hirekit::{Format, RenderOptions, RoleInput};
use hirekit::Project;
use libfuzzer_sys::fuzz_target;

struct Fixture {
    engine: Engine,
    input: RoleInput,
}

fn fixture() -> &'static Option<Fixture> {
    static FIXTURE: OnceLock<Option<Fixture>> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let project = Project::builtin();
        let engine = project.engine().ok()?;
        let loaded = project.role("customer-service-representative").ok()?;
        let input = project.role_input(loaded, None).ok()?;
        Some(Fixture { engine, input })
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = hirekit::parts::utf8("fuzz.csv", data) else {
        return;
    };
    let Ok(rows) = hirekit::parts::read_locations("fuzz.csv", text) else {
        return;
    };
    let Some(f) = fixture() else { return };
    for row in rows.iter().take(4) {
        let _ = hirekit::render_formats(
            &f.engine,
            &f.input,
            Some(&row.location),
            "job-post",
            &Format::ALL,
            RenderOptions::default(),
        );
    }
});
