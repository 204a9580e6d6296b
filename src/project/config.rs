//! `hirekit.yaml`: the workspace's settings. Every section is optional;
//! command-line flags override what is set here.

use serde::{Deserialize, Serialize};

pub(crate) use crate::lint::LintSettings;

/// The whole `hirekit.yaml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The company profile, relative to the workspace (default `company.yaml`).
    pub company: Option<String>,
    /// Defaults for `hirekit render`.
    pub render: RenderDefaults,
    /// Defaults for `hirekit batch`.
    pub batch: BatchDefaults,
    /// Settings for `hirekit lint`.
    pub lint: LintSettings,
    /// Settings for Word (`--format docx`) output.
    pub docx: DocxSettings,
    /// How job posts treat pay: the pay-transparency check and the market
    /// average beside an offer.
    pub pay: PaySettings,
}

/// The `pay:` settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PaySettings {
    /// What `render` and `batch` do when a job post breaks a
    /// pay-transparency law: warn (the default) or fail (`strict`, as
    /// `--strict` does).
    pub laws: PayLaws,
    /// Show the BLS market average under an offered range too (by default
    /// an offered range stands alone).
    pub market_beside_offer: bool,
}

/// What a pay-transparency gap does at render time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PayLaws {
    /// A warning on stderr.
    #[default]
    Warn,
    /// An error: nothing is written, exit 1.
    Strict,
}

/// Settings for Word output.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DocxSettings {
    /// A reference .docx whose styles Word output uses, relative to the
    /// workspace (default: `reference.docx` when the workspace has one).
    pub reference: Option<String>,
}

/// Defaults for `hirekit render`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RenderDefaults {
    /// The document rendered when `--doc` is not given.
    pub doc: Option<String>,
    /// The format used when `--format` is not given.
    pub format: Option<String>,
}

/// Defaults for `hirekit batch`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BatchDefaults {
    /// The output folder when `--out` is not given, relative to the workspace.
    pub out: Option<String>,
    /// The documents when no `--doc` is given.
    pub docs: Vec<String>,
    /// The formats when `--format` is not given.
    pub formats: Vec<String>,
    /// The file-name pattern, e.g. `{role}/{doc}/{location}.{ext}`.
    pub pattern: Option<String>,
    /// The locations CSV when `--locations` is not given, relative to the workspace.
    pub locations: Option<String>,
}

/// Parses `hirekit.yaml`; an empty file is the defaults.
pub(crate) fn parse(path: &str, bytes: &[u8]) -> Result<Config, crate::diag::Diagnostic> {
    let text = crate::load::utf8(path, bytes)?;
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Config::default());
    }
    let tree: crate::load::yaml::Node = crate::load::yaml::parse(path, text)?;
    if let Some(d) = crate::load::yaml::forbidden_chars(path, text, &tree)
        .into_iter()
        .next()
    {
        return Err(d);
    }
    crate::load::yaml::parse(path, text).map_err(did_you_mean)
}

/// Adds "did you mean" to serde's "unknown field `x`, expected one of ..."
/// when one expected key is a slip of the keyboard away.
fn did_you_mean(d: crate::diag::Diagnostic) -> crate::diag::Diagnostic {
    let Some((head, keys)) = d.message.split_once(", expected one of ") else {
        return d;
    };
    let Some(name) = head
        .strip_prefix("unknown field `")
        .and_then(|r| r.strip_suffix('`'))
    else {
        return d;
    };
    let known: Vec<&str> = keys
        .split(", ")
        .map(|k| k.trim().trim_matches('`'))
        .collect();
    match crate::text::closest(name, &known).map(str::to_string) {
        Some(best) if d.help.is_empty() => d.with_help(format!("did you mean `{best}`?")),
        _ => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_commented_files_are_defaults() {
        assert!(parse("hirekit.yaml", b"").unwrap().company.is_none());
        assert!(
            parse("hirekit.yaml", b"# nothing yet\n")
                .unwrap()
                .batch
                .docs
                .is_empty()
        );
    }

    #[test]
    fn settings_parse_and_typos_are_located() {
        let c = parse(
            "hirekit.yaml",
            b"company: acme.yaml\nbatch:\n  out: dist\n  formats: [md, html]\n",
        )
        .unwrap();
        assert_eq!(c.company.as_deref(), Some("acme.yaml"));
        assert_eq!(c.batch.formats, ["md", "html"]);
        let err = parse("hirekit.yaml", b"batch:\n  outt: dist\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
    }

    #[test]
    fn docx_reference_parses_and_typos_are_located() {
        let c = parse("hirekit.yaml", b"docx:\n  reference: brand/style.docx\n").unwrap();
        assert_eq!(c.docx.reference.as_deref(), Some("brand/style.docx"));
        let err = parse("hirekit.yaml", b"docx:\n  refrence: a.docx\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
    }

    #[test]
    fn pay_settings_default_to_warnings_and_no_market_beside_an_offer() {
        let c = parse("hirekit.yaml", b"company: a.yaml\n").unwrap();
        assert_eq!(c.pay.laws, PayLaws::Warn);
        assert!(!c.pay.market_beside_offer);
        let c = parse(
            "hirekit.yaml",
            b"pay:\n  laws: strict\n  market_beside_offer: true\n",
        )
        .unwrap();
        assert_eq!(c.pay.laws, PayLaws::Strict);
        assert!(c.pay.market_beside_offer);
        let err = parse("hirekit.yaml", b"pay:\n  laws: strcit\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 9), "{err}");
        let err = parse("hirekit.yaml", b"pay:\n  law: strict\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3), "{err}");
    }

    #[test]
    fn lint_settings_default_and_override() {
        let c = parse("hirekit.yaml", b"company: a.yaml\n").unwrap();
        assert_eq!((c.lint.min_words, c.lint.max_words), (200, 700));
        let c = parse(
            "hirekit.yaml",
            b"lint:\n  disable: [readability]\n  max_words: 900\n  allow_words: [lead]\n",
        )
        .unwrap();
        assert_eq!(c.lint.disable, ["readability"]);
        assert_eq!(c.lint.max_words, 900);
        assert_eq!(c.lint.max_grade, 8.0);
        let err = parse("hirekit.yaml", b"lint:\n  max_word: 900\n").unwrap_err();
        assert!(err.message.contains("max_word"), "{}", err.message);
        assert_eq!(err.help, ["did you mean `max_words`?"]);
    }

    #[test]
    fn the_init_files_lint_example_parses_once_uncommented() {
        let text = include_str!("../../data/init/hirekit.yaml");
        let start = text.find("#lint:").unwrap();
        let block: String = text[start..]
            .lines()
            .map(|l| l.strip_prefix('#').unwrap_or(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let c = parse("hirekit.yaml", block.as_bytes()).unwrap();
        assert_eq!(c.lint.allow_words, ["lead"]);
        assert_eq!(c.lint.flag_words[0].word, "hustl*");
    }

    #[test]
    fn flag_words_parse_and_their_mistakes_are_located() {
        let c = parse(
            "hirekit.yaml",
            b"lint:\n  allow_words: [lead]\n  flag_words:\n    - word: crush it\n      instead: do well\n    - word: family\n      severity: note\n",
        )
        .unwrap();
        assert_eq!(c.lint.flag_words.len(), 2);
        assert_eq!(c.lint.flag_words[0].instead.as_deref(), Some("do well"));
        assert_eq!(
            c.lint.flag_words[1].severity,
            crate::lint::settings::FlagSeverity::Note
        );
        let err = parse(
            "hirekit.yaml",
            b"lint:\n  flag_words:\n    - word: x\n      insted: y\n",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (4, 7));
        assert_eq!(err.help, ["did you mean `instead`?"]);
        let err = parse("hirekit.yaml", b"lint:\n  flag_word: [x]\n").unwrap_err();
        assert_eq!(err.help, ["did you mean `flag_words`?"]);
        let err = parse(
            "hirekit.yaml",
            b"lint:\n  flag_words:\n    - word: x\n      severity: high\n",
        )
        .unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("`note`"), "{}", err.message);
    }
}
