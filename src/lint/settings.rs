//! `lint:` settings of `hirekit.yaml`: rules to turn off, words to allow,
//! a team's own words to flag, and the length and readability targets.
//! Owned by lint, read by the project's settings.

use serde::{Deserialize, Serialize};

/// Settings for `hirekit lint`: rules to turn off, words to allow, and the
/// readability and length targets (defaults from the sources in docs/lint.md).
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
    /// A team's own words and phrases to flag, with what to write instead
    /// (rule `wording/team-word`).
    pub flag_words: Vec<FlagWord>,
    /// A post with fewer words gets a note.
    pub min_words: usize,
    /// A post with more words gets a warning.
    pub max_words: usize,
    /// A job brief with fewer words gets a note.
    pub brief_min_words: usize,
    /// A job brief with more words gets a warning.
    pub brief_max_words: usize,
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
            flag_words: Vec::new(),
            // 300-700 words is the published range for full job
            // descriptions; for posts, a LinkedIn study of 4.5 million found
            // those under 300 words drew more applications (docs/lint.md).
            // Below 200 a post likely lacks a part candidates look for.
            min_words: 200,
            max_words: 700,
            // A brief is one paragraph for a social post or a job alert,
            // written to about 50-90 words (docs/documents.md); 40-120
            // leaves room for a place, pay and a link (docs/lint.md).
            brief_min_words: 40,
            brief_max_words: 120,
            max_sentence_words: 20.0,
            min_reading_ease: 50.0,
            max_grade: 8.0,
        }
    }
}

impl LintSettings {
    /// The lower and upper word targets for a document: a job brief's own,
    /// else a job post's.
    pub(crate) fn word_targets(&self, doc: &str) -> (usize, usize) {
        if doc == crate::builtin::JOB_BRIEF {
            (self.brief_min_words, self.brief_max_words)
        } else {
            (self.min_words, self.max_words)
        }
    }
}

/// A word or phrase a team flags: `lint.flag_words` in `hirekit.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FlagWord {
    /// The word or phrase; a `*` at the end of a word matches any ending,
    /// and hyphens count as spaces.
    pub word: String,
    /// What to write instead.
    #[serde(default)]
    pub instead: Option<String>,
    /// Why it is flagged, shown after the word (default: the team's list).
    #[serde(default)]
    pub why: Option<String>,
    /// How serious a use is.
    #[serde(default)]
    pub severity: FlagSeverity,
}

/// The severity of a team's flagged word.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FlagSeverity {
    /// Fails the run.
    Error,
    /// Fails the run under `--deny warnings`.
    #[default]
    Warning,
    /// Never fails the run.
    Note,
}

impl FlagSeverity {
    /// As a finding's severity.
    pub(crate) fn severity(self) -> super::Severity {
        match self {
            FlagSeverity::Error => super::Severity::Error,
            FlagSeverity::Warning => super::Severity::Warning,
            FlagSeverity::Note => super::Severity::Note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LintSettings;

    #[test]
    fn a_brief_has_its_own_word_targets() {
        let s = LintSettings::default();
        assert_eq!(s.word_targets("job-brief"), (40, 120));
        assert_eq!(s.word_targets("job-post"), (200, 700));
        assert_eq!(s.word_targets("job-description"), (200, 700));
        let s = LintSettings {
            brief_min_words: 30,
            brief_max_words: 90,
            ..LintSettings::default()
        };
        assert_eq!(s.word_targets("job-brief"), (30, 90));
    }
}
