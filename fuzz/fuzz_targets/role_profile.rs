//! Any bytes as a role profile: loading must return a value or a located
//! error, and a profile that loads must render every built-in document in
//! every format without panicking.
#![no_main]

use std::sync::OnceLock;

use hirekit::Engine;
use hirekit::{Format, RenderOptions, RoleInput};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Option<Engine> {
    static ENGINE: OnceLock<Option<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(None).ok())
}

fuzz_target!(|data: &[u8]| {
    let Ok(role) = hirekit::parts::parse_role("fuzz.yaml", data, "fuzz") else {
        return;
    };
    let Some(engine) = engine() else { return };
    let input = RoleInput::new(role, "fuzz.yaml".into(), None, None);
    let location = hirekit::parts::parse_location("Detroit, MI").ok();
    for doc in hirekit::parts::DOCUMENTS {
        let _ = hirekit::render_formats(
            engine,
            &input,
            location.as_ref(),
            doc,
            &Format::ALL,
            RenderOptions::default(),
        );
    }
});
