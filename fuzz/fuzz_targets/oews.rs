//! Any bytes as an OEWS download, read both as a CSV and (when it looks
//! like one) as a workbook: a pay table or an error, never a panic.
#![no_main]

use hirekit::parts::{OewsInput as Input, import_oews as import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for shown in ["national_M2023_dl.csv", "national_M2023_dl.xlsx"] {
        let input = Input { shown, bytes: data };
        let _ = import(&[input], "43-4051", None);
    }
});
