//! Template errors as users see them.
//!
//! Tera's reports name a template (`job-post.md`), not the file it came
//! from. This module rewrites the `-->` lines of a report to the workspace
//! file (`templates/job-post.md:3:8`), keeps the underlined snippet, and
//! turns the errors Tera reports without a position (circular extends and
//! includes, a missing parent) into located diagnostics that say how to fix
//! them.

use std::collections::BTreeMap;
use std::fmt;

use tera::ErrorKind;

use super::{BUILTIN_PREFIX, UserTemplate};
use crate::diag::Diagnostic;

/// A template failed to load or render: a located report (Tera's, with the
/// workspace file in its `-->` lines, or our own) and notes on where it was
/// found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    report: String,
    notes: Vec<String>,
    file: Option<String>,
}

impl TemplateError {
    /// The report without notes: `error: ...`, the `-->` line, the snippet.
    pub fn report(&self) -> &str {
        &self.report
    }

    /// The file (or built-in template name) the error is in, if known.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// Adds a `= note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.report.trim_end())?;
        for note in &self.notes {
            write!(f, "\n  = note: {note}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

impl From<Diagnostic> for TemplateError {
    fn from(d: Diagnostic) -> Self {
        TemplateError {
            file: Some(d.path.clone()),
            report: d.to_string(),
            notes: Vec::new(),
        }
    }
}

/// Several template errors, reported together.
#[derive(Debug, Clone, Default)]
pub(crate) struct TemplateErrors(pub Vec<TemplateError>);

impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateErrors {}

/// What a `{% ... %}` tag refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// `{% extends "name" %}`
    Extends,
    /// `{% include "name" %}`
    Include,
}

/// A reference from one template to another, with where its tag starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    /// Extends or include.
    pub kind: RefKind,
    /// The name as written.
    pub name: String,
    /// 1-based line of the tag.
    pub line: usize,
    /// 1-based column of the tag's `{%`.
    pub column: usize,
    /// The tag's length in characters, up to and including `%}`.
    pub len: usize,
}

/// Finds the `extends` and `include` tags of a template source, in order.
/// A plain scan, enough to point at a tag and to list what a built-in
/// template uses; Tera remains the judge of what is valid.
pub(crate) fn references(source: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(start) = rest.find("{%") {
        let tag_start = offset + start;
        let after = &source[tag_start + 2..];
        let end = after.find("%}").map(|e| tag_start + 2 + e + 2);
        let body = after.trim_start_matches('-').trim_start();
        let kind = if let Some(args) = body.strip_prefix("extends") {
            Some((RefKind::Extends, args))
        } else {
            body.strip_prefix("include")
                .map(|args| (RefKind::Include, args))
        };
        if let (Some((kind, args)), Some(end)) = (kind, end) {
            let args = args.trim_start();
            if let Some(quote) = args
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\'' | '`'))
                && let Some(close) = args[1..].find(quote)
            {
                let before = &source[..tag_start];
                let line = before.matches('\n').count() + 1;
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                out.push(Reference {
                    kind,
                    name: args[1..1 + close].to_string(),
                    line,
                    column: source[line_start..tag_start].chars().count() + 1,
                    len: source[tag_start..end].chars().count(),
                });
            }
        }
        let next = end.unwrap_or(tag_start + 2);
        offset = next;
        rest = &source[next..];
    }
    out
}

/// Turns a Tera error into a located report naming workspace files.
pub(super) fn from_tera(e: &tera::Error, user: &BTreeMap<String, UserTemplate>) -> TemplateError {
    match e.kind() {
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => circular(tpl, inheritance_chain, RefKind::Extends, user),
        ErrorKind::CircularInclude { tpl, include_chain } => {
            circular(tpl, include_chain, RefKind::Include, user)
        }
        ErrorKind::MissingParent { current, parent } => missing_parent(current, parent, user),
        ErrorKind::TemplateNotFound(name) => TemplateError {
            report: format!(
                "error: no template `{name}`; `hirekit templates list` shows every template"
            ),
            notes: Vec::new(),
            file: None,
        },
        _ => {
            let mut report = relocate(&with_help(&e.to_string(), user), user);
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                report.push_str(&format!("\ncaused by: {s}"));
                source = s.source();
            }
            let file = match e.kind() {
                ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
                    Some(shown(r.filename(), user))
                }
                _ => first_locus(&report),
            };
            TemplateError {
                report,
                notes: Vec::new(),
                file,
            }
        }
    }
}

/// The template names an error is about, for attributing load failures.
pub(super) fn names_in(e: &tera::Error) -> Vec<String> {
    match e.kind() {
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => std::iter::once(tpl.clone())
            .chain(inheritance_chain.iter().cloned())
            .collect(),
        ErrorKind::CircularInclude { include_chain, .. } => include_chain.clone(),
        ErrorKind::MissingParent { current, .. } => vec![current.clone()],
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            vec![r.filename().to_string()]
        }
        _ => Vec::new(),
    }
}

/// Whether an error only follows from templates that failed already (a
/// template extending or including one with a syntax error).
pub(super) fn is_consequence(e: &tera::Error, failed: &[String]) -> bool {
    let is_failed = |name: &str| {
        failed
            .iter()
            .any(|f| f == name || f.strip_prefix(BUILTIN_PREFIX) == Some(name))
    };
    match e.kind() {
        ErrorKind::MissingParent { parent, .. } => is_failed(parent),
        ErrorKind::Msg(text) => {
            let errors: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("error: "))
                .collect();
            !errors.is_empty()
                && errors.iter().all(|m| {
                    m.strip_prefix("Unknown template `")
                        .and_then(|r| r.strip_suffix('`'))
                        .is_some_and(is_failed)
                })
        }
        _ => false,
    }
}

/// How a template name is shown: its workspace file, or the name itself
/// (built-ins keep their `builtin/` name, which `templates show` accepts).
fn shown(name: &str, user: &BTreeMap<String, UserTemplate>) -> String {
    user.get(name)
        .map_or_else(|| name.to_string(), |t| t.shown.clone())
}

/// The source of a template by its registered name.
fn source_of<'a>(name: &str, user: &'a BTreeMap<String, UserTemplate>) -> Option<&'a str> {
    match user.get(name) {
        Some(t) => Some(t.source.as_str()),
        None => crate::builtin::template(name.strip_prefix(BUILTIN_PREFIX).unwrap_or(name)),
    }
}

/// Adds a `= help:` line after each error of a Tera report that has a
/// likely fix (see [`super::suggest`]): the help goes after the error's
/// snippet, aligned with its gutter.
fn with_help(report: &str, user: &BTreeMap<String, UserTemplate>) -> String {
    let lines: Vec<&str> = report.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(message) = lines[i].strip_prefix("error: ") else {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        };
        let end = (i + 1..lines.len())
            .find(|&j| lines[j].starts_with("error: ") || lines[j].starts_with("caused by: "))
            .unwrap_or(lines.len());
        let block = &lines[i..end];
        let name = block.iter().find_map(|l| {
            let locus = l.trim_start().strip_prefix("--> ")?;
            let mut parts = locus.rsplitn(3, ':');
            parts.nth(2)
        });
        let source = name.and_then(|n| source_of(n, user));
        let mut kept: Vec<String> = block.iter().map(|l| l.to_string()).collect();
        let mut blanks = 0;
        while kept.last().is_some_and(|l| l.trim().is_empty()) {
            kept.pop();
            blanks += 1;
        }
        if let Some(help) = super::suggest::help(message, source) {
            let gutter = kept
                .iter()
                .rev()
                .find_map(|l| {
                    let t = l.trim_start();
                    t.starts_with('|').then(|| l.len() - t.len())
                })
                .unwrap_or(1);
            kept.push(format!("{}= help: {help}", " ".repeat(gutter)));
        }
        out.extend(kept);
        out.extend(std::iter::repeat_n(String::new(), blanks));
        i = end;
    }
    let mut joined = out.join("\n");
    if report.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// Rewrites each `--> name:line:col` (and `note: ... name:line:col`) of a
/// Tera report to the workspace file, and starts messages lower-case.
fn relocate(report: &str, user: &BTreeMap<String, UserTemplate>) -> String {
    let mut out = Vec::new();
    for line in report.lines() {
        let trimmed = line.trim_start();
        let rewritten = if let Some(locus) = trimmed.strip_prefix("--> ") {
            let indent = &line[..line.len() - trimmed.len()];
            format!("{indent}--> {}", relocate_locus(locus, user))
        } else if let Some(rest) = line.strip_prefix("note: ") {
            match rest.rsplit_once(' ') {
                Some((label, locus)) => format!("note: {label} {}", relocate_locus(locus, user)),
                None => line.to_string(),
            }
        } else if let Some(message) = line.strip_prefix("error: ") {
            format!("error: {}", lower_first(message))
        } else {
            line.to_string()
        };
        out.push(rewritten);
    }
    out.join("\n")
}

fn relocate_locus(locus: &str, user: &BTreeMap<String, UserTemplate>) -> String {
    let mut parts = locus.rsplitn(3, ':');
    let (Some(col), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
        return locus.to_string();
    };
    format!("{}:{line}:{col}", shown(name, user))
}

/// The first `-->` target of a report, without line and column.
fn first_locus(report: &str) -> Option<String> {
    report.lines().find_map(|l| {
        let locus = l.trim_start().strip_prefix("--> ")?;
        let mut parts = locus.rsplitn(3, ':');
        parts.next();
        parts.next();
        parts.next().map(str::to_string)
    })
}

/// `Field` → `field`, leaving words such as `HTML` alone.
fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(message.chars().skip(1)).collect()
        }
        _ => message.to_string(),
    }
}

/// A diagnostic pointing at the tag in `name` that refers to `target`.
fn at_tag(
    name: &str,
    kind: RefKind,
    target: Option<&str>,
    message: String,
    user: &BTreeMap<String, UserTemplate>,
) -> Diagnostic {
    let path = shown(name, user);
    let Some(source) = source_of(name, user) else {
        return Diagnostic::file(path, message);
    };
    let refs = references(source);
    let same = |r: &&Reference| {
        target.is_none_or(|t| {
            r.name == t
                || format!("{BUILTIN_PREFIX}{}", r.name) == t
                || r.name.strip_prefix(BUILTIN_PREFIX) == Some(t)
        })
    };
    let found = refs
        .iter()
        .filter(|r| r.kind == kind)
        .find(same)
        .or_else(|| refs.iter().find(|r| r.kind == kind));
    match found {
        Some(r) => Diagnostic::at(path, source, r.line, r.column, message).with_span_len(r.len),
        None => Diagnostic::file(path, message),
    }
}

fn circular(
    tpl: &str,
    chain: &[String],
    kind: RefKind,
    user: &BTreeMap<String, UserTemplate>,
) -> TemplateError {
    let verb = match kind {
        RefKind::Extends => "extends",
        RefKind::Include => "includes",
    };
    // An include chain starts at the document being checked; keep the loop.
    let mut cycle: Vec<String> = match kind {
        RefKind::Extends => std::iter::once(tpl.to_string())
            .chain(chain.iter().cloned())
            .collect(),
        RefKind::Include => {
            let last = chain.last().map_or(tpl, String::as_str);
            let first = chain.iter().position(|n| n == last).unwrap_or(0);
            chain[first..].to_vec()
        }
    };
    if cycle.len() < 2 {
        cycle = vec![tpl.to_string(), tpl.to_string()];
    }
    let n = cycle.len();
    let (holder, target) = (&cycle[n - 2], &cycle[n - 1]);
    let is_self = n == 2;
    let message = if is_self {
        format!("`{holder}` {verb} itself")
    } else {
        format!(
            "circular {}: {}",
            match kind {
                RefKind::Extends => "extends",
                RefKind::Include => "include",
            },
            cycle
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" → ")
        )
    };
    let mut d = at_tag(holder, kind, Some(target), message, user);
    let plain = target.strip_prefix(BUILTIN_PREFIX).unwrap_or(target);
    if is_self && crate::builtin::template(plain).is_some() {
        let tag = match kind {
            RefKind::Extends => "extends",
            RefKind::Include => "include",
        };
        d = d.with_help(format!(
            "a workspace template hides the built-in of the same name; to build on the built-in `{plain}`, use its `{BUILTIN_PREFIX}` name: {{% {tag} \"{BUILTIN_PREFIX}{plain}\" %}}"
        ));
    } else {
        d = d.with_help(format!(
            "a template cannot {} itself, directly or through others",
            match kind {
                RefKind::Extends => "extend",
                RefKind::Include => "include",
            }
        ));
    }
    TemplateError::from(d)
}

fn missing_parent(
    current: &str,
    parent: &str,
    user: &BTreeMap<String, UserTemplate>,
) -> TemplateError {
    let message = format!("`{current}` extends `{parent}`, which does not exist");
    let mut d = at_tag(current, RefKind::Extends, Some(parent), message, user);
    let plain = parent.strip_prefix(BUILTIN_PREFIX).unwrap_or(parent);
    let with_md = format!("{plain}.md");
    if crate::builtin::template(&with_md).is_some() {
        d = d.with_help(format!(
            "template names include the extension: {{% extends \"{BUILTIN_PREFIX}{with_md}\" %}}"
        ));
    } else {
        d = d.with_help(
            "`hirekit templates list` shows every template; extend a built-in by its `builtin/` name, e.g. {% extends \"builtin/job-post.md\" %}",
        );
    }
    TemplateError::from(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_extends_and_include_tags_with_positions() {
        let src = "{% extends \"builtin/job-post.md\" %}\n\
                   {% block pay %}\n  x {%- include 'partials/pay.md' -%}\n{% endblock pay %}\n";
        let refs = references(src);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].kind, RefKind::Extends);
        assert_eq!(refs[0].name, "builtin/job-post.md");
        assert_eq!((refs[0].line, refs[0].column, refs[0].len), (1, 1, 35));
        assert_eq!(refs[1].kind, RefKind::Include);
        assert_eq!(refs[1].name, "partials/pay.md");
        assert_eq!((refs[1].line, refs[1].column), (3, 5));
        assert!(references("{% if x %}{{ y }}{% endif %} {%").is_empty());
    }

    #[test]
    fn reports_point_at_workspace_files() {
        let mut user = BTreeMap::new();
        user.insert(
            "job-post.md".to_string(),
            UserTemplate {
                shown: "templates/job-post.md".to_string(),
                ..UserTemplate::default()
            },
        );
        let report = "error: Field `x` is not defined\n --> job-post.md:3:8\n  |\n\n\
                      note: defined in partials/a.md:1:2\n --> builtin/job-brief.md:1:1";
        let out = relocate(report, &user);
        assert!(
            out.starts_with("error: field `x` is not defined\n --> templates/job-post.md:3:8\n"),
            "{out}"
        );
        assert!(out.contains("note: defined in partials/a.md:1:2"), "{out}");
        assert!(out.ends_with(" --> builtin/job-brief.md:1:1"), "{out}");
        assert_eq!(first_locus(&out).as_deref(), Some("templates/job-post.md"));
        assert_eq!(lower_first("HTML page"), "HTML page");
    }
}
