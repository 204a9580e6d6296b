//! "Did you mean" for template errors: the closest filter, test, function,
//! field or variable to a misspelled one, and the open tag that a template
//! ending too early never closed.

/// Tera's built-in filters (tera 2.4).
const TERA_FILTERS: &[&str] = &[
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
];

/// hirekit's own filters (`engine::filters`).
const OUR_FILTERS: &[&str] = &[
    "usd",
    "number",
    "state_name",
    "slug",
    "oxford",
    "lower_first",
    "cell",
    "period",
];

/// Tera's built-in tests.
const TESTS: &[&str] = &[
    "string",
    "number",
    "map",
    "bool",
    "array",
    "integer",
    "float",
    "none",
    "iterable",
    "defined",
    "undefined",
    "odd",
    "even",
    "divisible_by",
    "starting_with",
    "ending_with",
    "containing",
];

/// Tera's built-in functions.
const FUNCTIONS: &[&str] = &["range", "throw"];

/// A help line for the error `message` of a template whose text is
/// `source` (when known), if there is one to give.
pub(super) fn help(message: &str, source: Option<&str>) -> Option<String> {
    let lower = message.to_lowercase();
    if let Some(name) = quoted_after(&lower, "unknown filter `") {
        let known: Vec<&str> = OUR_FILTERS.iter().chain(TERA_FILTERS).copied().collect();
        return Some(match crate::text::closest(&name, &known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "hirekit's filters are {}, beside Tera's own (docs/templates.md lists them all)",
                crate::text::backticked(OUR_FILTERS)
            ),
        });
    }
    if let Some(name) = quoted_after(&lower, "unknown test `") {
        return Some(match crate::text::closest(&name, TESTS) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the tests are {}", crate::text::backticked(TESTS)),
        });
    }
    if let Some(name) = quoted_after(&lower, "unknown function `") {
        return Some(match crate::text::closest(&name, FUNCTIONS) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the functions are {}", crate::text::backticked(FUNCTIONS)),
        });
    }
    for (what, list) in [
        ("field `", "available fields: "),
        ("variable `", "available variables: "),
    ] {
        if let Some(name) = quoted_after(&lower, what)
            && lower.contains("is not defined")
            && let Some((_, names)) = message.split_once(&capital(list))
        {
            let known: Vec<&str> = names
                .split(',')
                .map(|n| n.trim().trim_end_matches('.'))
                .filter(|n| !n.is_empty())
                .collect();
            return crate::text::closest(&name, &known)
                .map(|best| format!("did you mean `{best}`?"));
        }
    }
    if lower.contains("end of input")
        && let Some((tag, name, line)) = source.and_then(unclosed)
    {
        let named = if name.is_empty() {
            String::new()
        } else {
            format!(" {name}")
        };
        return Some(format!(
            "the `{{% {tag}{named} %}}` opened on line {line} is never closed: add `{{% end{tag} %}}` where it should end"
        ));
    }
    None
}

/// The innermost tag still open at the end of `source`: its keyword, its
/// name (for a block or macro) and its line.
fn unclosed(source: &str) -> Option<(String, String, usize)> {
    const PAIRED: &[&str] = &["block", "if", "for", "macro", "filter", "raw", "component"];
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(start) = rest.find("{%") {
        let at = offset + start;
        let body = source[at + 2..].trim_start_matches(['-', '+']).trim_start();
        let mut words = body.split(|c: char| c.is_whitespace() || c == '%' || c == '-');
        let tag = words.next().unwrap_or_default();
        let line = source[..at].matches('\n').count() + 1;
        if PAIRED.contains(&tag) {
            let name = match tag {
                "block" | "macro" => words
                    .find(|w| !w.is_empty())
                    .unwrap_or_default()
                    .split('(')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                _ => String::new(),
            };
            open.push((tag.to_string(), name, line));
        } else if let Some(closed) = tag.strip_prefix("end")
            && let Some(i) = open.iter().rposition(|(t, _, _)| t == closed)
        {
            open.truncate(i);
        }
        if tag == "raw" {
            // Nothing inside `raw` is a tag.
            match source[at..].find("endraw") {
                Some(e) => {
                    open.pop();
                    offset = at + e + "endraw".len();
                    rest = &source[offset..];
                    continue;
                }
                None => return open.pop(),
            }
        }
        offset = at + 2;
        rest = &source[offset..];
    }
    open.pop()
}

fn quoted_after(text: &str, prefix: &str) -> Option<String> {
    let (_, after) = text.split_once(prefix)?;
    let (name, _) = after.split_once('`')?;
    Some(name.to_string())
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name lists match what the engine registers: each listed name
    /// compiles, and a made-up one does not.
    #[test]
    fn the_lists_name_what_tera_knows() {
        let mut tera = tera::Tera::new();
        super::super::filters::register_all(&mut tera);
        let compiles =
            |tera: &mut tera::Tera, src: String| tera.add_raw_template("t", &src).is_ok();
        for f in OUR_FILTERS.iter().chain(TERA_FILTERS) {
            assert!(
                compiles(&mut tera, format!("{{{{ x | {f} }}}}")),
                "filter {f}"
            );
        }
        for t in TESTS {
            assert!(
                compiles(&mut tera, format!("{{% if x is {t} %}}{{% endif %}}")),
                "test {t}"
            );
        }
        for f in FUNCTIONS {
            assert!(
                compiles(&mut tera, format!("{{{{ {f}() }}}}")),
                "function {f}"
            );
        }
        assert!(!compiles(&mut tera, "{{ x | no_such_filter }}".to_string()));
    }

    #[test]
    fn close_names_are_suggested() {
        let h = |m: &str| help(m, None);
        assert_eq!(
            h("unknown filter `usb`").as_deref(),
            Some("did you mean `usd`?")
        );
        assert_eq!(
            h("unknown filter `lowr`").as_deref(),
            Some("did you mean `lower`?")
        );
        assert!(
            h("unknown filter `money`")
                .unwrap()
                .contains("`usd`, `number`")
        );
        assert_eq!(
            h("unknown test `strin`").as_deref(),
            Some("did you mean `string`?")
        );
        assert_eq!(
            h("unknown function `rnage`").as_deref(),
            Some("did you mean `range`?")
        );
        assert_eq!(
            h("field `sumary` is not defined. Available fields: summary, title").as_deref(),
            Some("did you mean `summary`?")
        );
        assert_eq!(
            h("variable `rol` is not defined. Available variables: company, role").as_deref(),
            Some("did you mean `role`?")
        );
        assert_eq!(
            h("field `manager` is not defined. Available fields: title"),
            None
        );
    }

    #[test]
    fn the_open_tag_at_the_end_is_named_with_its_line() {
        let src = "{% block a %}\nx\n{% endblock a %}\n{% block b %}\n{% if y %}z{% endif %}\n";
        assert_eq!(unclosed(src), Some(("block".into(), "b".into(), 4)));
        let src = "{% for i in x -%}\n{% raw %}{% if %}{% endraw %}\n";
        assert_eq!(unclosed(src), Some(("for".into(), String::new(), 1)));
        assert_eq!(unclosed("{% if a %}{% endif %}"), None);
        assert_eq!(
            help("unexpected end of input", Some("{% block inner %}\n")).as_deref(),
            Some(
                "the `{% block inner %}` opened on line 1 is never closed: add `{% endblock %}` where it should end"
            )
        );
    }
}
