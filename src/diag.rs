//! One diagnostic type for every located error hirekit reports.
//!
//! A `Diagnostic` names a file, a 1-based line and column, says what is wrong
//! and shows the source line underlined, in the same layout as Tera's own
//! template errors, so every located message looks alike:
//!
//! ```text
//! error: unknown field `dutys`, expected one of `title`, `soc_code`, ...
//!  --> roles/cashier.yaml:7:1
//!   |
//! 7 | dutys:
//!   | ^^^^^
//! ```

use std::fmt;

/// A located error: file, line, column, message and the source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as shown to the user.
    pub path: String,
    /// 1-based line; 0 when the error concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// The source line the error is on, if known (a window of it when the
    /// line is very long).
    pub source_line: Option<String>,
    /// The 1-based column of the error within `source_line`.
    pub snippet_column: usize,
    /// How many characters to underline from `column`.
    pub span_len: usize,
    /// Extra lines shown after the snippet (`help: ...`).
    pub help: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic for a whole file, with no position.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: None,
            snippet_column: 0,
            span_len: 0,
            help: Vec::new(),
        }
    }

    /// A diagnostic at a position; the source line is taken from `source`.
    pub fn at(
        path: impl Into<String>,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = if line > 0 {
            source.lines().nth(line - 1)
        } else {
            None
        };
        Diagnostic::at_line(path, source_line, line, column, message)
    }

    /// A diagnostic at a position, given the text of its line (so a caller
    /// with many diagnostics in one file splits the file once).
    pub fn at_line(
        path: impl Into<String>,
        source_line: Option<&str>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = source_line.map(|l| l.trim_end().to_string());
        let span_len = source_line
            .as_deref()
            .map(|l| token_len(l, column))
            .unwrap_or(1);
        let (source_line, snippet_column, span_len) = match source_line {
            Some(l) => {
                let (l, c, n) = window(&l, column.max(1), span_len);
                (Some(l), c, n)
            }
            None => (None, column, span_len),
        };
        Diagnostic {
            path: path.into(),
            line,
            column,
            message: message.into(),
            source_line,
            snippet_column,
            span_len,
            help: Vec::new(),
        }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Sets how many characters the underline covers.
    pub fn with_span_len(mut self, len: usize) -> Self {
        self.span_len = len.max(1);
        self
    }

    /// `path:line:column`, or just the path when there is no position.
    pub fn locus(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        }
    }
}

/// The longest source line shown in a snippet, in characters.
const MAX_SNIPPET: usize = 120;

/// Cuts a long line to a window around `column`, marking cuts with `…`.
/// Returns the window, the column within it and the underline length.
fn window(line: &str, column: usize, span_len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_SNIPPET {
        return (line.to_string(), column, span_len);
    }
    let start = column.saturating_sub(1).saturating_sub(40).min(chars.len());
    let end = (start + MAX_SNIPPET).min(chars.len());
    let mut out = String::new();
    let mut col = column - start;
    if start > 0 {
        out.push('…');
        col += 1;
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let max_len = end.saturating_sub(column - 1).max(1);
    (out, col, span_len.min(max_len).min(MAX_SNIPPET))
}

/// The length of the token starting at 1-based `column` of `line`: up to the
/// next `:` or white space, at least 1.
fn token_len(line: &str, column: usize) -> usize {
    let rest: String = line.chars().skip(column.saturating_sub(1)).collect();
    let n = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
        .count();
    n.max(1)
}

/// Text from a user's file as a terminal may show it: each control
/// character (a terminal escape, say) becomes its one-column picture
/// (`␛` for ESC), so an underline still lines up and nothing from the file
/// can drive the terminal. Tabs and line feeds stay.
pub(crate) fn visible(line: &str) -> std::borrow::Cow<'_, str> {
    if !line
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
    {
        return line.into();
    }
    line.chars()
        .map(|c| match u32::from(c) {
            0x09 | 0x0A => c,
            n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
            0x7F => '\u{2421}',
            _ if c.is_control() => '\u{FFFD}',
            _ => c,
        })
        .collect::<String>()
        .into()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        let width = self.line.to_string().len();
        let pad = " ".repeat(width);
        write!(f, "\n{pad}--> {}", self.locus())?;
        if let Some(src) = &self.source_line {
            let col = self.snippet_column.max(1);
            // Keep tabs in the underline so it lines up under a tab-indented line.
            let lead: String = src
                .chars()
                .take(col - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{} | {}\n{pad} | {}{}",
                self.line,
                visible(src),
                lead,
                "^".repeat(self.span_len.max(1))
            )?;
        }
        for h in &self.help {
            write!(f, "\n{pad} = help: {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Several diagnostics reported together (a `check` or a batch validation).
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Finds `key:` as a mapping key in YAML source and returns its 1-based
/// line and column (the first occurrence), for errors about a value that
/// parsed but is not valid. Falls back to line 1, column 1.
pub(crate) fn find_yaml_key(source: &str, key: &str) -> (usize, usize) {
    for (i, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        let trimmed_item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        if let Some(rest) = trimmed_item.strip_prefix(key)
            && (rest.starts_with(':') || rest.trim_start().starts_with(':'))
        {
            let col = line.len() - trimmed_item.len() + 1;
            return (i + 1, col);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_in_a_source_line_are_shown_as_pictures() {
        let src = "title: \"\u{1b}[31mred\u{7}\"\n";
        let d = Diagnostic::at("r.yaml", src, 1, 1, "bad");
        let shown = d.to_string();
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("\u{241B}[31mred\u{2407}"), "{shown}");
        assert_eq!(visible("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn display_underlines_the_token() {
        let src = "title: x\ndutys:\n  - a\n";
        let d = Diagnostic::at("roles/x.yaml", src, 2, 1, "unknown field `dutys`");
        assert_eq!(
            d.to_string(),
            "error: unknown field `dutys`\n --> roles/x.yaml:2:1\n  |\n2 | dutys:\n  | ^^^^^"
        );
    }

    #[test]
    fn file_level_diagnostic_has_no_snippet() {
        let d = Diagnostic::file("a.csv", "empty file").with_help("add a header row");
        assert_eq!(
            d.to_string(),
            "error: empty file\n --> a.csv\n  = help: add a header row"
        );
    }

    #[test]
    fn long_lines_are_windowed() {
        let src = format!("title: {}", "[".repeat(500));
        let d = Diagnostic::at("deep.yaml", &src, 1, 300, "too deep");
        let shown = d.source_line.as_deref().unwrap();
        assert!(shown.chars().count() <= MAX_SNIPPET + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(d.locus(), "deep.yaml:1:300");
    }

    #[test]
    fn finds_keys_at_any_depth() {
        let src = "title: A\nqualifications:\n  required: []\n  - soc_code: x\n";
        assert_eq!(find_yaml_key(src, "required"), (3, 3));
        assert_eq!(find_yaml_key(src, "soc_code"), (4, 5));
        assert_eq!(find_yaml_key(src, "missing"), (1, 1));
    }
}
