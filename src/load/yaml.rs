//! The only module that names the YAML parser (serde-saphyr).
//!
//! It parses with the project's fixed options and resource budget, and turns
//! every parser error into a [`Diagnostic`] with the file's path, line and
//! column. Swapping the parser means changing this file only.

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;

pub use crate::text::MAX_YAML_BYTES;

/// How deeply YAML collections may nest. Profiles need 5 or 6 levels.
pub const MAX_DEPTH: usize = 32;

/// How many YAML nodes one file may hold, aliases expanded.
pub const MAX_NODES: usize = 100_000;

/// How many aliases one file may use.
pub const MAX_ALIASES: usize = 1_000;

/// How many events alias replay may add in all (stops "billion laughs").
pub const MAX_REPLAYED_EVENTS: usize = 100_000;

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ALIASES;
    budget.max_events = 1_000_000;
    budget.max_documents = 1;
    budget.max_total_scalar_bytes = MAX_YAML_BYTES;
    budget.flow_nesting_limit = MAX_DEPTH;
    let mut limits = serde_saphyr::options::AliasLimits::default();
    limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    limits.max_replay_stack_depth = 16;
    limits.max_alias_expansions_per_anchor = 1_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits = limits;
    options.with_snippet = false;
    options
}

/// Parses `source` (the text of the file shown as `path`) into `T`.
pub fn parse<T: DeserializeOwned>(path: &str, source: &str) -> Result<T, Diagnostic> {
    if source.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is too large ({} bytes); hirekit reads YAML files up to {} bytes",
                source.len(),
                MAX_YAML_BYTES
            ),
        ));
    }
    if source.trim().is_empty() {
        return Err(Diagnostic::file(
            path,
            "file is empty; expected a YAML mapping",
        ));
    }
    serde_saphyr::from_str_with_options(source, options())
        .map_err(|e| to_diagnostic(path, source, &e))
}

/// Parses bytes, reporting text that is not UTF-8 at its line and column.
pub fn parse_bytes<T: DeserializeOwned>(path: &str, bytes: &[u8]) -> Result<T, Diagnostic> {
    let text = crate::load::utf8(path, bytes)?;
    parse(path, text)
}

fn to_diagnostic(path: &str, source: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let message = clean_message(&err.without_snippet().to_string());
    let location = err.location().filter(|loc| loc.line() > 0).map(|loc| {
        (
            usize::try_from(loc.line()).unwrap_or(usize::MAX),
            usize::try_from(loc.column()).unwrap_or(1).max(1),
        )
    });
    match location {
        // A field missing from the top-level mapping is reported where the
        // mapping ends, which points at an unrelated key: name the file.
        Some((_, 1)) if message.starts_with("missing field") => Diagnostic::file(path, message),
        Some((line, column)) => Diagnostic::at(path, source, line, column, message),
        None => Diagnostic::file(path, message),
    }
}

/// Makes the parser's message read like ours: no position suffix (the
/// `-->` line shows it), lower-case start, expected keys in backticks, and
/// plain words for numeric types.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let first = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    let mut message = match first.split_once(", expected one of ") {
        Some((head, keys)) if !keys.contains('`') => format!(
            "{head}, expected one of {}",
            keys.split(", ")
                .map(|k| format!("`{}`", k.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => first.to_string(),
    };
    for (from, to) in [
        ("invalid u8", "expected a whole number from 0 to 255"),
        ("invalid u32", "expected a whole number (0 or more)"),
        ("invalid u64", "expected a whole number (0 or more)"),
        ("invalid f64", "expected a number"),
    ] {
        if message == from {
            message = to.to_string();
        }
    }
    let mut chars = message.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "invalid YAML".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        name: String,
        count: u32,
    }

    #[test]
    fn unknown_key_is_located_with_expected_keys() {
        let err = parse::<Small>("x.yaml", "name: a\ncuont: 3\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("cuont"), "{}", err.message);
        assert!(err.message.contains("count"), "{}", err.message);
    }

    #[test]
    fn wrong_type_is_located() {
        let err = parse::<Small>("x.yaml", "name: a\ncount: lots\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = parse::<Small>("x.yaml", " \n").unwrap_err();
        assert!(err.message.contains("empty"));
    }

    /// Nine levels of ten-fold aliases: 10^9 strings if expanded.
    fn alias_bomb() -> String {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            let refs = vec![format!("*a{prev}"); 10].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        src
    }

    #[test]
    fn alias_bomb_is_stopped_by_the_replay_budget() {
        let err = parse::<serde_json::Value>("bomb.yaml", &alias_bomb()).unwrap_err();
        assert!(
            err.message.contains("alias") || err.message.contains("budget"),
            "{}",
            err.message
        );
    }

    #[test]
    fn many_aliases_are_stopped() {
        // Within the replay budget, but more aliases than MAX_ALIASES.
        let mut src = String::from("a: &a x\nlist:\n");
        for _ in 0..=MAX_ALIASES {
            src.push_str("  - *a\n");
        }
        assert!(parse::<serde_json::Value>("aliases.yaml", &src).is_err());
        let ok = "a: &a x\nlist: [*a, *a, *a]\n";
        assert!(parse::<serde_json::Value>("aliases.yaml", ok).is_ok());
    }

    #[test]
    fn nesting_deeper_than_max_depth_is_stopped() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse::<serde_json::Value>("deep.yaml", &deep(MAX_DEPTH - 2)).is_ok());
        assert!(parse::<serde_json::Value>("deep.yaml", &deep(MAX_DEPTH + 1)).is_err());
        assert!(parse::<serde_json::Value>("deep.yaml", &deep(100_000)).is_err());
        let block: String = (0..MAX_DEPTH + 5)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        assert!(parse::<serde_json::Value>("deep2.yaml", &block).is_err());
    }

    #[test]
    fn more_nodes_than_max_nodes_are_stopped() {
        let items = vec!["1"; MAX_NODES + 10].join(", ");
        let src = format!("list: [{items}]\n");
        assert!(src.len() < MAX_YAML_BYTES);
        assert!(parse::<serde_json::Value>("nodes.yaml", &src).is_err());
    }

    #[test]
    fn files_over_the_size_limit_are_refused_before_parsing() {
        let src = format!("title: \"{}\"\n", "x".repeat(MAX_YAML_BYTES));
        let err = parse::<serde_json::Value>("big.yaml", &src).unwrap_err();
        assert!(err.message.contains("too large"), "{}", err.message);
        assert_eq!(err.line, 0);
    }

    #[test]
    fn several_documents_are_refused() {
        assert!(parse::<serde_json::Value>("two.yaml", "a: 1\n---\nb: 2\n").is_err());
    }
}
