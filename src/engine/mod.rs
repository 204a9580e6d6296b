//! The template engine: the single owner of `tera::Tera`.
//!
//! Built-in templates are added under the `builtin/` prefix, which Tera tries
//! as a fallback, so a workspace file by the same name wins, and a workspace
//! template can still `{% extends "builtin/job-post.md" %}` to change one
//! block. Built-ins refer to each other by unprefixed names so that a
//! workspace `partials/pay-table.md` changes every document that includes it.
//!
//! Every template autoescapes what it prints: `.html` and `.xml` templates
//! as HTML, `.md` templates as Markdown (see `render::markdown::escape`),
//! so a value from data is text in any of them; `| safe` lets a template
//! print a value as it is (as Markdown, in a `.md` template).

pub mod filters;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use tera::Tera;

use crate::builtin;
use crate::workspace::Workspace;

/// The prefix under which built-in templates are registered.
pub const BUILTIN_PREFIX: &str = "builtin/";

/// Where a template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Only built in.
    Builtin,
    /// Built in, and replaced by a workspace file.
    Overridden,
    /// Only in the workspace.
    New,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Builtin => "built-in",
            Origin::Overridden => "overridden",
            Origin::New => "new",
        })
    }
}

/// Compiled templates, built-in and from the workspace.
pub struct Engine {
    tera: Tera,
    /// Workspace templates: name → file.
    user: BTreeMap<String, PathBuf>,
}

/// A template failed to build or render; shows Tera's report and which
/// file the template comes from.
#[derive(Debug)]
pub struct TemplateError {
    report: String,
    note: Option<String>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.report.trim_end())?;
        if let Some(note) = &self.note {
            write!(f, "\n  = note: {note}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

impl Engine {
    /// Builds the engine: filters, built-ins, then the workspace's
    /// `templates/` folder (sorted, as one batch).
    pub fn load(ws: &Workspace) -> Result<Engine> {
        let mut tera = Tera::new();
        tera.set_fallback_prefixes([BUILTIN_PREFIX])?;
        filters::register_all(&mut tera);
        tera.autoescape_on([".html", ".xml", ".md"]);
        tera.set_escape_fn(escape_for_output);
        tera.add_raw_templates(
            builtin::TEMPLATES
                .iter()
                .map(|(name, src)| (format!("{BUILTIN_PREFIX}{name}"), *src)),
        )
        .map_err(|e| template_error(&e, None))?;
        let mut user = BTreeMap::new();
        if let Some(dir) = ws.path("templates")
            && dir.is_dir()
        {
            collect_templates(&dir, &dir, &mut user)?;
        }
        if !user.is_empty() {
            let files: Vec<(PathBuf, Option<String>)> = user
                .iter()
                .map(|(name, path)| (path.clone(), Some(name.clone())))
                .collect();
            tera.add_template_files(files).map_err(|e| {
                let note = template_file_note(&e, &user, ws);
                template_error(&e, note)
            })?;
        }
        Ok(Engine { tera, user })
    }

    /// Whether a document (a template `<name>.md`) exists.
    pub fn has_document(&self, name: &str) -> bool {
        self.documents().iter().any(|d| d == name)
    }

    /// Every document: the built-ins, then the workspace's own top-level
    /// `.md` templates.
    pub fn documents(&self) -> Vec<String> {
        let mut docs: Vec<String> = builtin::DOCUMENTS.iter().map(|d| d.to_string()).collect();
        for name in self.user.keys() {
            if let Some(doc) = name.strip_suffix(".md")
                && !doc.contains('/')
                && !docs.iter().any(|d| d == doc)
            {
                docs.push(doc.to_string());
            }
        }
        docs
    }

    /// Every template name with its origin, sorted by name.
    pub fn templates(&self) -> Vec<(String, Origin)> {
        let mut out: BTreeMap<String, Origin> = builtin::TEMPLATES
            .iter()
            .map(|(n, _)| (n.to_string(), Origin::Builtin))
            .collect();
        for name in self.user.keys() {
            let origin = if builtin::template(name).is_some() {
                Origin::Overridden
            } else {
                Origin::New
            };
            out.insert(name.clone(), origin);
        }
        out.into_iter().collect()
    }

    /// The workspace file behind a template name, if any.
    pub fn user_file(&self, name: &str) -> Option<&Path> {
        self.user.get(name).map(PathBuf::as_path)
    }

    /// Renders a template by name (workspace first, then built-in).
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, TemplateError> {
        let _escape = EscapeScope::enter(if name.ends_with(".md") {
            Escape::Markdown
        } else {
            Escape::Html
        });
        self.tera.render(name, ctx).map_err(|e| {
            let note = self
                .user
                .get(name)
                .map(|p| format!("`{name}` is the workspace file `{}`", p.display()));
            template_error(&e, note)
        })
    }
}

/// How printed values are escaped: as HTML or as Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Escape {
    Html,
    Markdown,
}

thread_local! {
    /// The escaping of the render running on this thread. Tera takes one
    /// plain `fn` for every template, so the kind of output it writes
    /// (which the top-level template's name tells) is passed this way.
    static ESCAPE: Cell<Escape> = const { Cell::new(Escape::Html) };
}

/// Sets this thread's escaping for one render, and restores it after.
struct EscapeScope(Escape);

impl EscapeScope {
    fn enter(escape: Escape) -> EscapeScope {
        EscapeScope(ESCAPE.with(|e| e.replace(escape)))
    }
}

impl Drop for EscapeScope {
    fn drop(&mut self) {
        ESCAPE.with(|e| e.set(self.0));
    }
}

/// Tera's escape function: Markdown escaping while a `.md` document
/// renders, HTML escaping otherwise.
fn escape_for_output(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match ESCAPE.with(Cell::get) {
        Escape::Markdown => crate::render::markdown::escape_to(input, out),
        Escape::Html => tera::escape_html(input, out),
    }
}

fn collect_templates(root: &Path, dir: &Path, out: &mut BTreeMap<String, PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read `{}`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if file_name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_templates(root, &path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "html" | "xml" | "txt")
        ) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.insert(name, path);
        }
    }
    Ok(())
}

fn template_file_note(
    e: &tera::Error,
    user: &BTreeMap<String, PathBuf>,
    ws: &Workspace,
) -> Option<String> {
    let name = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => r.filename(),
        tera::ErrorKind::CircularExtend { tpl, .. } => {
            return Some(format!(
                "`{tpl}` extends itself; to change one block of a built-in template, \
                 start it with {{% extends \"{BUILTIN_PREFIX}{tpl}\" %}}"
            ));
        }
        _ => return None,
    };
    user.get(name)
        .map(|p| format!("`{name}` is the workspace file `{}`", ws.show(p)))
}

fn template_error(e: &tera::Error, note: Option<String>) -> TemplateError {
    let mut report = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        report.push_str(&format!("\ncaused by: {s}"));
        source = s.source();
    }
    TemplateError { report, note }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load_and_list() {
        let engine = Engine::load(&Workspace::builtin()).unwrap();
        assert_eq!(
            engine.documents(),
            [
                "job-description",
                "job-post",
                "job-brief",
                "interview-guide"
            ]
        );
        assert!(
            engine
                .templates()
                .iter()
                .all(|(_, o)| *o == Origin::Builtin)
        );
    }

    #[test]
    fn values_are_escaped_for_the_kind_of_template() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("templates");
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(t.join("a.md"), "- {{ v }}\n- {{ v | safe }}").unwrap();
        std::fs::write(t.join("a.html"), "<p>{{ v }}</p>").unwrap();
        let engine = Engine::load(&Workspace::at(dir.path()).unwrap()).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("v", "# *x* <b>");
        assert_eq!(
            engine.render("a.md", &ctx).unwrap(),
            "- \\# \\*x\\* \\<b\\>\n- # *x* <b>"
        );
        assert_eq!(
            engine.render("a.html", &ctx).unwrap(),
            "<p># *x* &lt;b&gt;</p>"
        );
    }

    #[test]
    fn workspace_templates_override_and_add() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("templates");
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(t.join("job-brief.md"), "mine").unwrap();
        std::fs::write(t.join("offer-letter.md"), "offer").unwrap();
        let ws = Workspace::at(dir.path()).unwrap();
        let engine = Engine::load(&ws).unwrap();
        assert!(engine.has_document("offer-letter"));
        let origins: BTreeMap<_, _> = engine.templates().into_iter().collect();
        assert_eq!(origins["job-brief.md"], Origin::Overridden);
        assert_eq!(origins["offer-letter.md"], Origin::New);
        assert_eq!(
            engine
                .render("job-brief.md", &tera::Context::new())
                .unwrap(),
            "mine"
        );
    }
}
