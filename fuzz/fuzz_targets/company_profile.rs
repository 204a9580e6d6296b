//! Any bytes as a company profile: a value or a located error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hirekit::parts::parse_company("company.yaml", data);
});
