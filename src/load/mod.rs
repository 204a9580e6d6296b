//! Reading files into the model. Every error names the file and, where there
//! is one, the line and column (YAML) or the row and column (CSV).

pub mod company;
pub mod csvfile;
pub mod location;
pub mod locations;
pub mod pay;
pub mod role;
pub mod schema;
pub mod yaml;

use std::path::Path;

use anyhow::{Context as _, Result};

use crate::diag::Diagnostic;

/// Reads a whole file, naming the path in the error. A YAML file larger
/// than [`yaml::MAX_YAML_BYTES`] is refused before it is read, so a huge
/// file costs neither time nor memory.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let is_yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    if is_yaml
        && let Ok(meta) = std::fs::metadata(path)
        && meta.len() > yaml::MAX_YAML_BYTES as u64
    {
        return Err(Diagnostic::file(
            path.display().to_string(),
            format!(
                "file is too large ({} bytes); hirekit reads YAML files up to {} bytes",
                meta.len(),
                yaml::MAX_YAML_BYTES
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
}
