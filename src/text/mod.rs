//! Plain text: what every layer needs and none owns. Reading a file as
//! UTF-8 text with located errors, slugs for ids and file names, and
//! escaping data for Markdown templates, and the closest known name to a
//! misspelled one. Depends on `diag` only.

pub(crate) mod markdown;

use std::path::Path;

use anyhow::{Context as _, Result};

use crate::diag::Diagnostic;

/// The largest YAML file hirekit reads, in bytes. Role profiles are a few
/// kilobytes; this bounds memory and time on hostile input.
pub const MAX_YAML_BYTES: usize = 4 * 1024 * 1024;

/// ASCII lower-case words joined by dashes: `"Saint-Étienne, FR" | slug` →
/// `saint-etienne-fr`.
pub fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Reads a whole file, naming the path in the error. A YAML file larger
/// than [`MAX_YAML_BYTES`] is refused before it is read, so a huge
/// file costs neither time nor memory.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let is_yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    if is_yaml
        && let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_YAML_BYTES as u64
    {
        return Err(Diagnostic::file(
            path.display().to_string(),
            format!(
                "file is too large ({} bytes); hirekit reads YAML files up to {} bytes",
                meta.len(),
                MAX_YAML_BYTES
            ),
        )
        .into());
    }
    std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))
}

/// Checks that `bytes` are UTF-8 and strips a UTF-8 byte-order mark; an
/// invalid byte is reported at its line and column.
pub fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Diagnostic {
                path: path.to_string(),
                line,
                column,
                message: format!(
                    "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                    bytes[e.valid_up_to()]
                ),
                source_line: None,
                snippet_column: 0,
                span_len: 1,
                help: Vec::new(),
            })
        }
    }
}

/// A SOC code in BLS's `NN-NNNN` form, from `43-4051`, `434051` or the
/// O*NET form `43-4051.00`; `None` when it is not a SOC code.
pub fn normalize_soc(input: &str) -> Option<String> {
    let s = input.trim();
    // O*NET appends a two-digit suffix: 43-4051.00.
    let s = match s.split_once('.') {
        Some((code, suffix)) if suffix.len() == 2 && suffix.bytes().all(|b| b.is_ascii_digit()) => {
            code
        }
        Some(_) => return None,
        None => s,
    };
    let digits: String = match s.as_bytes() {
        [a, b, b'-', rest @ ..] if rest.len() == 4 => {
            format!(
                "{}{}{}",
                *a as char,
                *b as char,
                std::str::from_utf8(rest).ok()?
            )
        }
        bytes if bytes.len() == 6 => s.to_string(),
        _ => return None,
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}-{}", &digits[..2], &digits[2..]))
}

/// The known name closest to `name`, if one is close enough to be a slip
/// of the keyboard: at most two edits for names of four letters or more,
/// one for shorter ones (an edit is an insertion, deletion, substitution or
/// swap of neighbours; case, `-` and spaces for `_` are free).
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let wanted = norm(name);
    let limit = if wanted.chars().count() >= 4 { 2 } else { 1 };
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&wanted, &norm(k)), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, k)| (*d, *k))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_strips_bom_and_locates_bad_bytes() {
        assert_eq!(utf8("a", b"\xEF\xBB\xBFok").unwrap(), "ok");
        let err = utf8("a.yaml", b"title: x\nname: caf\xE9\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 10));
        assert!(err.message.contains("0xE9"));
    }

    #[test]
    fn closest_names_only_slips_of_the_keyboard() {
        let known = ["duties", "summary", "id", "key_responsibilities"];
        assert_eq!(closest("dutys", &known), Some("duties"));
        assert_eq!(closest("Summary", &known), Some("summary"));
        assert_eq!(
            closest("key-responsibilities", &known),
            Some("key_responsibilities")
        );
        assert_eq!(closest("ix", &known), Some("id"));
        assert_eq!(closest("salary", &known), None);
    }
}
