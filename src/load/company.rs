//! Loading `company.yaml`.

use std::path::Path;

use anyhow::Result;

use crate::diag::{Diagnostic, find_yaml_key};
use crate::model::Company;

/// Parses a company profile from its text; `path` is shown in errors. The
/// first problem is returned, with how many follow.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Company, Diagnostic> {
    parse_all(path, bytes).map_err(|all| {
        let more = all.len().saturating_sub(1);
        let mut all = all.into_iter();
        let mut first = all
            .next()
            .unwrap_or_else(|| Diagnostic::file(path, "invalid company profile"));
        if more > 0 {
            first = first.with_help(format!(
                "{more} more {} `hirekit check {path}` lists them all",
                if more == 1 {
                    "problem follows;"
                } else {
                    "problems follow;"
                }
            ));
        }
        first
    })
}

/// As [`parse`], but returns every problem the schema walk finds (unknown
/// keys, missing `name`, values of the wrong kind) at once.
pub(crate) fn parse_all(path: &str, bytes: &[u8]) -> Result<Company, Vec<Diagnostic>> {
    let source = super::utf8(path, bytes).map_err(|d| vec![d])?;
    let company: Company =
        super::yaml::parse_all(path, source, &super::schema::COMPANY, Vec::new())?;
    check(path, source, company).map_err(|d| vec![d])
}

fn check(path: &str, source: &str, company: Company) -> Result<Company, Diagnostic> {
    if company.name.trim().is_empty() {
        let (line, col) = find_yaml_key(source, "name");
        return Err(Diagnostic::at(
            path,
            source,
            line,
            col,
            "`name` must not be empty",
        ));
    }
    for (key, url) in [
        ("apply_url", &company.apply_url),
        ("website", &company.website),
        ("logo", &company.logo),
    ] {
        if !url.is_empty() && !is_web_url(url) {
            let (line, col) = find_yaml_key(source, key);
            return Err(Diagnostic::at(
                path,
                source,
                line,
                col,
                format!("`{key}` must be an http:// or https:// URL, got `{url}`"),
            ));
        }
    }
    Ok(company)
}

/// Reads and parses a company file.
pub(crate) fn load(path: &Path, shown: &str) -> Result<Company> {
    let bytes = super::read(path)?;
    Ok(parse(shown, &bytes)?)
}

/// Whether `url` is an absolute http(s) URL (the only kind put into links).
/// Blanks, control characters and `<`, `>`, `"`, `` ` `` (which a URL must
/// percent-encode) are refused, so the URL can stand in a Markdown autolink
/// `<...>` or an HTML attribute as it is.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_company_parses() {
        let c = parse("company.yaml", b"name: Acme\n").unwrap();
        assert_eq!(c.name, "Acme");
        assert!(c.why_join.is_empty());
    }

    #[test]
    fn extra_fields_reach_the_model_and_misspellings_are_named() {
        let c = parse(
            "company.yaml",
            b"name: Acme\nextra:\n  careers_page: https://acme.example/careers\n  offices: [Detroit, Austin]\n",
        )
        .unwrap();
        assert_eq!(c.extra["offices"][1], "Austin");
        let err = parse("company.yaml", b"name: Acme\nabuot: x\nwhy_jion: [y]\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.help[0], "did you mean `about`?");
        assert!(
            err.help[1].contains("1 more problem follows"),
            "{:?}",
            err.help
        );
    }

    #[test]
    fn non_web_urls_are_refused() {
        let err = parse("c.yaml", b"name: A\napply_url: javascript:alert(1)\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("apply_url"));
        assert!(is_web_url("https://example.com/jobs"));
        assert!(!is_web_url("https://exa mple.com"));
        assert!(!is_web_url("https://e.com/><script>"));
        assert!(!is_web_url("https://e.com/\"onmouseover=\""));
    }
}
