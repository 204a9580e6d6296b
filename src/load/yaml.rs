//! The only module that names the YAML parser (serde-saphyr).
//!
//! It parses with the project's fixed options and resource budget, and turns
//! every parser error into a [`Diagnostic`] with the file's path, line and
//! column. Swapping the parser means changing this file only.

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;

pub(crate) use crate::text::MAX_YAML_BYTES;

/// How deeply YAML collections may nest. Profiles need 5 or 6 levels.
pub(crate) const MAX_DEPTH: usize = 32;

/// How many YAML nodes one file may hold, aliases expanded.
pub(crate) const MAX_NODES: usize = 100_000;

/// How many aliases one file may use.
pub(crate) const MAX_ALIASES: usize = 1_000;

/// How many events alias replay may add in all (stops "billion laughs").
pub(crate) const MAX_REPLAYED_EVENTS: usize = 100_000;

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
pub(crate) fn parse<T: DeserializeOwned>(path: &str, source: &str) -> Result<T, Diagnostic> {
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

/// Whether a character may not appear in text hirekit publishes: a control
/// character other than tab and line breaks (they would reach web pages,
/// which the HTML standard forbids, and terminals, where they are escape
/// sequences), or a Unicode noncharacter.
pub(crate) fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{FDD0}'..='\u{FDEF}')
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// Every text value of `node` (keys included) that holds a forbidden
/// character (see [`is_forbidden_char`]), as a diagnostic at the value.
pub(crate) fn forbidden_chars(path: &str, source: &str, node: &Node) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut visit = |n: &Node| {
        if let Value::Str(s) = &n.value
            && let Some(c) = s.chars().find(|c| is_forbidden_char(*c))
        {
            found.push(Diagnostic::at(
                path,
                source,
                n.line.max(1),
                n.column.max(1),
                if c.is_control() {
                    format!(
                        "this text holds the control character U+{:04X}; hirekit refuses control characters, which would reach web pages and terminals (remove it)",
                        u32::from(c)
                    )
                } else {
                    format!(
                        "this text holds U+{:04X}, a Unicode noncharacter that web pages may not contain (remove it)",
                        u32::from(c)
                    )
                },
            ));
        }
    };
    fn walk(n: &Node, visit: &mut dyn FnMut(&Node)) {
        visit(n);
        match &n.value {
            Value::Seq(items) => items.iter().for_each(|i| walk(i, visit)),
            Value::Map(pairs) => pairs.iter().for_each(|(k, v)| {
                walk(k, visit);
                walk(v, visit);
            }),
            _ => {}
        }
    }
    walk(node, &mut visit);
    found
}

/// Parses a file a user writes against its schema, reporting every problem
/// at once: forbidden characters first, then what the schema walk finds
/// (unknown keys, missing keys, wrong kinds of value) and `extra` (more
/// problems of the caller's, such as placeholders). serde is the judge of
/// what loads; the walk names every problem.
pub(crate) fn parse_all<T: DeserializeOwned>(
    path: &str,
    source: &str,
    schema: &'static super::schema::Record,
    extra: Vec<Diagnostic>,
) -> Result<T, Vec<Diagnostic>> {
    let tree: Node = parse(path, source).map_err(|d| vec![d])?;
    let forbidden = forbidden_chars(path, source, &tree);
    if !forbidden.is_empty() {
        return Err(forbidden);
    }
    let walked = super::schema::walk(path, source, &tree, schema);
    let parsed = parse::<T>(path, source);
    let mut all = walked.folded;
    all.extend(extra);
    match &parsed {
        Err(first) if walked.shape.is_empty() => all.push(first.clone()),
        Err(_) => all.extend(walked.shape),
        Ok(_) => {}
    }
    if !all.is_empty() {
        all.sort_by_key(|d| (d.line, d.column));
        return Err(all);
    }
    parsed.map_err(|d| vec![d])
}

/// A YAML value with where it starts: what the schema walk of
/// [`super::schema`] reads to report every problem of a file at once.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// The value.
    pub value: Value,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i128),
    /// A number with a fraction.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in source order.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The kind of value, as messages name it.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Whether it is a single value (not a list or mapping).
    pub(crate) fn is_scalar(&self) -> bool {
        !matches!(self, Value::Seq(_) | Value::Map(_))
    }
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<Value>::deserialize(d)?;
        let at = spanned.referenced;
        Ok(Node {
            line: usize::try_from(at.line()).unwrap_or(0),
            column: usize::try_from(at.column()).unwrap_or(0),
            value: spanned.value,
        })
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                serde::Deserialize::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Int(v.into()))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
                Ok(Value::Int(i128::try_from(v).unwrap_or(i128::MAX)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::Str(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(n) = seq.next_element::<Node>()? {
                    items.push(n);
                }
                Ok(Value::Seq(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = map.next_key::<Node>()? {
                    let v = map.next_value::<Node>()?;
                    entries.push((k, v));
                }
                Ok(Value::Map(entries))
            }
        }
        d.deserialize_any(Visit)
    }
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
        Some((line, column)) => {
            let help = hint(&message, source, line);
            let d = Diagnostic::at(path, source, line, column, message);
            match help {
                Some(h) => d.with_help(h),
                None => d,
            }
        }
        None => Diagnostic::file(path, message),
    }
}

/// A sentence on the usual cause of a YAML syntax error at `line`: most are
/// indentation mistakes, and saying so saves a reader from hunting for a
/// typo that is not there.
fn hint(message: &str, source: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = source.lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    let indent = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let above = lines[..line - 1]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, *l));
    if message.contains("tab") {
        return Some(
            "YAML indents with spaces only: replace the tab at the start of the line with spaces"
                .to_string(),
        );
    }
    if message.contains("mapping values are not allowed") || message.contains("placement of ':'") {
        if let Some((n, prev)) = above
            && prev.contains('[')
            && !prev.contains(']')
        {
            return Some(format!(
                "the `[` on line {n} opens a list that is never closed: end it with `]` on that line, or write the items as `- ` lines"
            ));
        }
        let is_key = here
            .trim_start()
            .split_once(':')
            .is_some_and(|(k, _)| !k.is_empty() && !k.contains(' '));
        if let Some((n, prev)) = above
            && is_key
            && indent(here) > indent(prev)
            && !prev.trim_end().ends_with(':')
        {
            return Some(format!(
                "it is an indentation mistake: this key is indented more than line {n}, so YAML reads it as more of line {n}'s value; start it in column {}, like the key on line {n}",
                indent(prev) + 1
            ));
        }
        return Some(
            "a `: ` inside a value reads as a new key: put the whole value in quotes, e.g. `key: \"text: more text\"`"
                .to_string(),
        );
    }
    if message.contains("did not find expected") {
        if let Some((n, prev)) = above
            && indent(prev) != indent(here)
        {
            return Some(format!(
                "it is an indentation mistake: this line starts in column {}, line {n} above it in column {}; the lines of one list or mapping start in the same column",
                indent(here) + 1,
                indent(prev) + 1
            ));
        }
        return Some(
            "it is most likely an indentation mistake: the lines of one list or mapping start in the same column".to_string(),
        );
    }
    if message.contains("recursion limit") || message.contains("depth") {
        return Some(format!(
            "hirekit reads YAML nested up to {MAX_DEPTH} levels deep; a profile needs 5 or 6"
        ));
    }
    None
}

/// Makes the parser's message read like ours: no position suffix (the
/// `-->` line shows it), lower-case start, expected keys in backticks, and
/// plain words for numeric types.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let first = match first.find(" at line ") {
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
    // The parser's own words for a limit and for a repeated key name its
    // internals; say what is wrong in the file's terms.
    if let Some(breach) = message.strip_prefix("budget breached: ") {
        let kind = breach.split([' ', '{', '(']).next().unwrap_or(breach);
        let what = match kind {
            "Nodes" => format!("more than {MAX_NODES} values, keys and list items"),
            "Depth" | "InclusionDepth" => {
                format!("lists or mappings nested more than {MAX_DEPTH} deep")
            }
            "Aliases" | "Anchors" => format!("more than {MAX_ALIASES} anchors or aliases"),
            "Events" => "aliases that expand to too much text (an alias bomb)".to_string(),
            "Documents" => "more than one YAML document (a second `---`)".to_string(),
            "ScalarBytes" => format!("more than {MAX_YAML_BYTES} bytes of text"),
            _ => "more than hirekit reads in one YAML file".to_string(),
        };
        message = format!(
            "the file holds {what}; hirekit stops there to stay fast and safe on any input"
        );
    }
    if message.starts_with("alias replay limit exceeded") {
        message = "aliases here expand to too much text (an alias bomb); hirekit stops there to stay fast and safe on any input".to_string();
    }
    if message.starts_with("recursion limit exceeded") {
        message = format!(
            "lists or mappings nest more than {MAX_DEPTH} deep here; hirekit stops there to stay fast and safe on any input"
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        message = format!("the key `{key}` appears twice in this mapping; keep one of them");
    }
    // The parser names a character as Rust writes it (`\u{1b}'); say what
    // it is instead.
    if let Some(rest) = message.strip_prefix("unexpected character: `")
        && let Some(c) = parse_rust_char(rest.trim_end_matches(['\'', '`']))
    {
        message = if c.is_control() {
            format!(
                "a control character (U+{:04X}) stands here; YAML files may not hold control characters (remove it)",
                u32::from(c)
            )
        } else {
            format!("unexpected character `{c}` (U+{:04X})", u32::from(c))
        };
    }
    let mut chars = message.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "invalid YAML".to_string(),
    }
}

/// A character written as Rust's `{:?}` writes one: `a`, `\t`, `\u{1b}`.
fn parse_rust_char(text: &str) -> Option<char> {
    match text {
        "\\t" => Some('\t'),
        "\\n" => Some('\n'),
        "\\r" => Some('\r'),
        "\\0" => Some('\0'),
        _ => match text.strip_prefix("\\u{").and_then(|t| t.strip_suffix('}')) {
            Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
            None => {
                let mut chars = text.chars();
                let c = chars.next()?;
                chars.next().is_none().then_some(c)
            }
        },
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
    fn nodes_know_where_they_start() {
        let src =
            "title: Cashier\nduties:\n  - Count cash\n  - heading: Store\n    items: [a]\nn: 3\n";
        let node: Node = parse("x.yaml", src).unwrap();
        let Value::Map(entries) = &node.value else {
            panic!("{node:?}")
        };
        let keys: Vec<(usize, usize)> = entries.iter().map(|(k, _)| (k.line, k.column)).collect();
        assert_eq!(keys, [(1, 1), (2, 1), (6, 1)]);
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("{:?}", entries[1].1)
        };
        assert_eq!((items[0].line, items[0].column), (3, 5));
        assert_eq!(items[0].value, Value::Str("Count cash".into()));
        assert!(matches!(items[1].value, Value::Map(_)));
        assert_eq!((items[1].line, items[1].column), (4, 5));
        assert_eq!(entries[2].1.value, Value::Int(3));
    }

    #[test]
    fn syntax_errors_say_when_they_are_indentation() {
        let help = |src: &str| {
            let err = parse::<serde_json::Value>("x.yaml", src).unwrap_err();
            (err.line, err.help.join(" "))
        };
        let (line, h) = help("title: T\n summary: S\n");
        assert_eq!(line, 2);
        assert!(
            h.contains("indentation mistake") && h.contains("column 1"),
            "{h}"
        );
        let (line, h) = help("duties:\n  - a\n - b\n");
        assert_eq!(line, 3);
        assert!(
            h.contains("indentation mistake") && h.contains("column 3"),
            "{h}"
        );
        let (_, h) = help("summary: A job: with colon\n");
        assert!(h.contains("quotes"), "{h}");
        let (_, h) = help("title: [A\nsoc: x\n");
        assert!(h.contains("never closed"), "{h}");
        let (_, h) = help("duties:\n\t- a\n");
        assert!(h.contains("spaces only"), "{h}");
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
