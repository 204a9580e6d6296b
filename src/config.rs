//! `hirekit.yaml`: the workspace's settings. Every section is optional;
//! command-line flags override what is set here.

use serde::{Deserialize, Serialize};

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

/// Settings for `hirekit lint`: rules to turn off, words to allow, and the
/// readability and length targets (defaults from the sources in the README).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LintSettings {
    /// Rule ids (`wording/jargon`) or families (`readability`) to turn off.
    pub disable: Vec<String>,
    /// Treat warnings as errors, as `--deny warnings` does.
    pub deny_warnings: bool,
    /// Words and phrases the wording rules never flag (e.g. `lead` in a
    /// team whose job titles use it).
    pub allow_words: Vec<String>,
    /// A post with fewer words gets a note.
    pub min_words: usize,
    /// A post with more words gets a warning.
    pub max_words: usize,
    /// Longer sentences on average get a warning.
    pub max_sentence_words: f64,
    /// A lower Flesch reading ease gets a warning.
    pub min_reading_ease: f64,
    /// A higher Flesch-Kincaid grade level gets a note.
    pub max_grade: f64,
}

impl Default for LintSettings {
    fn default() -> Self {
        LintSettings {
            disable: Vec::new(),
            deny_warnings: false,
            allow_words: Vec::new(),
            min_words: 300,
            max_words: 700,
            max_sentence_words: 20.0,
            min_reading_ease: 50.0,
            max_grade: 8.0,
        }
    }
}

/// Parses `hirekit.yaml`; an empty file is the defaults.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Config, crate::diag::Diagnostic> {
    let text = crate::load::utf8(path, bytes)?;
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(Config::default());
    }
    crate::load::yaml::parse(path, text)
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
    fn lint_settings_default_and_override() {
        let c = parse("hirekit.yaml", b"company: a.yaml\n").unwrap();
        assert_eq!((c.lint.min_words, c.lint.max_words), (300, 700));
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
    }
}
