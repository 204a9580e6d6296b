//! The template engine: the single owner of `tera::Tera`.
//!
//! Built-in templates are added under the `builtin/` prefix, which Tera tries
//! as a fallback, so a workspace file by the same name wins, and a workspace
//! template can still `{% extends "builtin/job-post.md" %}` to change one
//! block. Built-ins refer to each other by unprefixed names so that a
//! workspace `partials/pay-table.md` changes every document that includes it.
//!
//! Loading never stops at the first bad workspace template: every problem
//! is collected (see [`Engine::load_lenient`]) so `hirekit check` can report
//! them all, and errors name workspace files, not only template names.
//!
//! Every template autoescapes what it prints: `.html` and `.xml` templates
//! as HTML, `.md` templates as Markdown (see `text::markdown::escape`),
//! so a value from data is text in any of them; `| safe` lets a template
//! print a value as it is (as Markdown, in a `.md` template).

mod errors;
pub(crate) mod filters;
pub(crate) mod memory;
mod suggest;
mod watchdog;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use tera::Tera;

use crate::builtin;

pub(crate) use errors::{RefKind, TemplateError, TemplateErrors, references};

/// The prefix under which built-in templates are registered.
pub(crate) const BUILTIN_PREFIX: &str = "builtin/";

/// The extensions a workspace template may have.
pub(crate) const TEMPLATE_EXTENSIONS: [&str; 4] = ["md", "html", "xml", "txt"];

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

/// A workspace template file.
#[derive(Debug, Clone, Default)]
struct UserTemplate {
    /// The file.
    path: PathBuf,
    /// The file as shown in messages (relative to the workspace).
    shown: String,
    /// Its text (lossy when it is not UTF-8, which is reported).
    source: String,
    /// Whether it compiled and was added to Tera.
    loaded: bool,
}

/// Compiled templates, built-in and from the workspace.
pub struct Engine {
    tera: Tera,
    /// Workspace templates by name.
    user: BTreeMap<String, UserTemplate>,
    /// The workspace's reference Word document (path, and as shown), whose
    /// styles Word output uses: a template of another kind.
    reference: Option<(PathBuf, String)>,
    /// Its `word/styles.xml`, read on first use (or why it cannot be).
    docx_styles: std::sync::OnceLock<Result<Vec<u8>, String>>,
    /// Entries of `templates/` passed over (pipes, links out), with why.
    skipped: Vec<String>,
    /// What takes the styles out of the reference document's bytes.
    styles_reader: Option<StylesReader>,
}

/// Takes the styles part out of a reference Word document: `(file as
/// shown, its bytes)` → the bytes of its `word/styles.xml`.
pub(crate) type StylesReader = fn(&str, &[u8]) -> Result<Vec<u8>>;

impl Engine {
    /// Builds the engine: filters, built-ins, then the workspace's
    /// `templates/` folder (sorted, as one batch). Fails with every problem
    /// found in the workspace's templates. `root` is the workspace folder
    /// (`None`: the built-ins alone); files are shown relative to it.
    pub fn load(root: Option<&Path>) -> Result<Engine> {
        let (engine, problems) = Engine::load_lenient(root)?;
        if !problems.is_empty() {
            return Err(TemplateErrors(problems).into());
        }
        Ok(engine)
    }

    /// Builds the engine with every workspace template that compiles, and
    /// returns the problems of the others. A workspace override that fails
    /// leaves the built-in in place, so other checks can go on. Fails only
    /// when a folder cannot be read.
    pub fn load_lenient(root: Option<&Path>) -> Result<(Engine, Vec<TemplateError>)> {
        let mut tera = Tera::new();
        tera.set_fallback_prefixes([BUILTIN_PREFIX])?;
        filters::register_all(&mut tera);
        tera.autoescape_on([".html", ".xml", ".md"]);
        tera.set_escape_fn(escape_for_output);
        let no_user = BTreeMap::new();
        tera.add_raw_templates(
            builtin::TEMPLATES
                .iter()
                .map(|(name, src)| (format!("{BUILTIN_PREFIX}{name}"), *src)),
        )
        .map_err(|e| errors::from_tera(&e, &no_user))?;

        let mut problems = Vec::new();
        let mut user = BTreeMap::new();
        let mut skipped = Vec::new();
        if let Some(root) = root
            && let dir = root.join("templates")
            && dir.is_dir()
        {
            let wanted = |path: &Path| {
                let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                // A README explains the folder.
                !is_readme(file_name)
                    && path
                        .extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| TEMPLATE_EXTENSIONS.contains(&e))
            };
            let listing = crate::text::list_files(root, &dir, true, &wanted)?;
            skipped = listing.skipped;
            let files: BTreeMap<String, PathBuf> = listing
                .files
                .into_iter()
                .map(|path| {
                    let name = path
                        .strip_prefix(&dir)
                        .unwrap_or(&path)
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    (name, path)
                })
                .collect();
            for (name, path) in files {
                let shown = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                let bytes = crate::load::read(&path)?;
                let (source, loaded) = match crate::load::utf8(&shown, &bytes) {
                    Ok(text) => (text.to_string(), true),
                    Err(d) => {
                        problems.push(TemplateError::from(d));
                        (String::from_utf8_lossy(&bytes).into_owned(), false)
                    }
                };
                user.insert(
                    name,
                    UserTemplate {
                        path,
                        shown,
                        source,
                        loaded,
                    },
                );
            }
        }
        let failures = add_user_templates(&mut tera, &mut user);
        problems.extend(failures.iter().map(|e| errors::from_tera(e, &user)));
        Ok((
            Engine {
                tera,
                user,
                reference: None,
                docx_styles: std::sync::OnceLock::new(),
                skipped,
                styles_reader: None,
            },
            problems,
        ))
    }

    /// Uses the styles of a reference Word document (its path, and the
    /// path as shown to the user) for Word output; `styles` takes them out
    /// of the file's bytes when first needed (the engine knows templates,
    /// not Word files).
    pub fn with_docx_reference(
        mut self,
        reference: Option<(PathBuf, String)>,
        styles: StylesReader,
    ) -> Engine {
        self.reference = reference;
        self.styles_reader = Some(styles);
        self
    }

    /// The entries of the workspace's `templates/` that were passed over:
    /// not regular files, or links out of the workspace or to folders.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// The workspace's reference Word document, if it has one.
    pub fn docx_reference(&self) -> Option<&Path> {
        self.reference.as_ref().map(|(p, _)| p.as_path())
    }

    /// The styles (`word/styles.xml`) of the workspace's reference Word
    /// document, read once; `None` without one.
    pub fn docx_styles(&self) -> Result<Option<&[u8]>> {
        let Some((path, shown)) = &self.reference else {
            return Ok(None);
        };
        let loaded = self.docx_styles.get_or_init(|| {
            if !path.is_file() {
                return Err(format!(
                    "`hirekit.yaml` sets `docx.reference` to `{shown}`, which is not a file in the workspace (give the path of a .docx relative to the workspace, or remove the key)"
                ));
            }
            let Some(read_styles) = self.styles_reader else {
                return Err(format!("`{shown}`: no reader for Word styles"));
            };
            crate::load::read(path)
                .and_then(|bytes| read_styles(shown, &bytes))
                .map_err(|e| format!("{e:#}"))
        });
        match loaded {
            Ok(styles) => Ok(Some(styles.as_slice())),
            Err(message) => Err(anyhow::anyhow!("{message}")),
        }
    }

    /// Whether a document (a template `<name>.md`) exists.
    pub fn has_document(&self, name: &str) -> bool {
        self.documents().iter().any(|d| d == name)
    }

    /// Fails unless a document exists, naming the documents there are.
    pub fn require_document(&self, name: &str) -> anyhow::Result<()> {
        if self.has_document(name) {
            return Ok(());
        }
        anyhow::bail!(
            "unknown document `{name}`; available: {}",
            self.documents_list()
        )
    }

    /// The documents as `` `a`, `b` ``, for messages.
    pub fn documents_list(&self) -> String {
        self.documents()
            .iter()
            .map(|d| format!("`{d}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether a document's template compiled (a workspace override that
    /// failed falls back to the built-in, which counts).
    pub fn can_render(&self, doc: &str) -> bool {
        self.tera.contains_template(&format!("{doc}.md"))
    }

    /// Every document: the built-ins, then the workspace's own top-level
    /// `.md` templates.
    pub fn documents(&self) -> Vec<String> {
        let mut docs: Vec<String> = builtin::DOCUMENTS.iter().map(|d| d.to_string()).collect();
        for name in self.user.keys() {
            if let Some(doc) = document_name(name)
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
        self.user.get(name).map(|t| t.path.as_path())
    }

    /// The workspace file behind a template name as shown in messages
    /// (`templates/job-post.md`), if any.
    pub fn user_file_shown(&self, name: &str) -> Option<&str> {
        self.user.get(name).map(|t| t.shown.as_str())
    }

    /// The effective source of a template: the workspace file, else the
    /// built-in. `builtin/NAME` is always the built-in.
    pub fn source(&self, name: &str) -> Option<&str> {
        if let Some(plain) = name.strip_prefix(BUILTIN_PREFIX) {
            return builtin::template(plain);
        }
        match self.user.get(name) {
            Some(t) => Some(t.source.as_str()),
            None => builtin::template(name),
        }
    }

    /// Renders a template by name (workspace first, then built-in).
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, TemplateError> {
        let _escape = EscapeScope::enter(if name.ends_with(".md") {
            Escape::Markdown
        } else {
            Escape::Html
        });
        filters::reset_range_budget();
        let mut out = CappedWriter::default();
        let shown = self.user.get(name).map_or(name, |u| u.shown.as_str());
        let timed = watchdog::Timed::start(shown);
        let rendering = memory::Rendering::enter(shown);
        let result = self.tera.render_to(name, ctx, &mut out);
        drop(rendering);
        drop(timed);
        match result {
            // Tera writes UTF-8; taking the buffer as it is saves a copy
            // of every document (the lossy path only for the impossible).
            Ok(()) => Ok(String::from_utf8(out.bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())),
            Err(_) if out.over => Err(TemplateError::from(crate::diag::Diagnostic::file(
                self.user
                    .get(name)
                    .map_or_else(|| format!("builtin:templates/{name}"), |u| u.shown.clone()),
                format!(
                    "the rendered document would be larger than {} MiB; a template loop writes far more than a document needs",
                    MAX_OUTPUT >> 20
                ),
            ))),
            Err(e) => Err(errors::from_tera(&e, &self.user)),
        }
    }
}

/// The most one template may write: far above any document, far below
/// what would exhaust memory.
const MAX_OUTPUT: usize = 32 << 20;

/// Collects a render's output, failing past [`MAX_OUTPUT`] bytes.
#[derive(Default)]
struct CappedWriter {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.over = true;
            return Err(std::io::Error::other("output budget"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The document a template name is, if it is one: a top-level `.md` file.
pub(crate) fn document_name(template: &str) -> Option<&str> {
    template.strip_suffix(".md").filter(|d| !d.contains('/'))
}

/// Normalizes a template name as users type it: `job-post` and
/// `templates/job-post.md` both mean `job-post.md`; a name with a template
/// extension keeps it; `builtin/` is kept.
pub(crate) fn template_name(input: &str) -> String {
    let name = input.trim().replace('\\', "/");
    let name = name.strip_prefix("./").unwrap_or(&name);
    let name = name.strip_prefix("templates/").unwrap_or(name);
    let has_ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEMPLATE_EXTENSIONS.contains(&e));
    if has_ext {
        name.to_string()
    } else {
        format!("{name}.md")
    }
}

/// Adds the workspace templates to `tera`, all at once when they are all
/// good (the usual case), else as many as compile, returning the errors of
/// the others. Templates may extend or include one another, so a failing
/// one is retried until a round adds nothing; what is left is attributed:
/// syntax errors first, then cycles among the remaining templates, then
/// each template's own error. An error that only follows from a template
/// that failed already (a child of a broken parent) is not repeated.
fn add_user_templates(
    tera: &mut Tera,
    user: &mut BTreeMap<String, UserTemplate>,
) -> Vec<tera::Error> {
    let mut pending: Vec<String> = user
        .iter()
        .filter(|(_, t)| t.loaded)
        .map(|(n, _)| n.clone())
        .collect();
    let mut failed: Vec<String> = Vec::new();
    let mut out = Vec::new();
    while !pending.is_empty() {
        let batch = tera.add_raw_templates(
            pending
                .iter()
                .filter_map(|n| user.get(n).map(|t| (n.as_str(), t.source.as_str()))),
        );
        let Err(batch_err) = batch else {
            pending.clear();
            break;
        };
        let mut individual: Vec<(String, tera::Error)> = Vec::new();
        let mut progress = false;
        pending.retain(|n| {
            let source = user.get(n).map_or("", |t| t.source.as_str());
            match tera.add_raw_template(n, source) {
                Ok(()) => {
                    progress = true;
                    false
                }
                Err(e) => {
                    individual.push((n.clone(), e));
                    true
                }
            }
        });
        if progress {
            continue;
        }
        let is_syntax = |e: &tera::Error| matches!(e.kind(), tera::ErrorKind::SyntaxError(_));
        if individual.iter().any(|(_, e)| is_syntax(e)) {
            for (name, e) in individual {
                if is_syntax(&e) {
                    pending.retain(|p| *p != name);
                    failed.push(name);
                    out.push(e);
                }
            }
            continue;
        }
        let members = errors::names_in(&batch_err);
        let in_cycle: Vec<String> = pending
            .iter()
            .filter(|p| members.contains(p))
            .cloned()
            .collect();
        let is_cycle = matches!(
            batch_err.kind(),
            tera::ErrorKind::CircularExtend { .. } | tera::ErrorKind::CircularInclude { .. }
        );
        if is_cycle && !in_cycle.is_empty() {
            pending.retain(|p| !in_cycle.contains(p));
            failed.extend(in_cycle);
            out.push(batch_err);
            continue;
        }
        for (name, e) in individual {
            if !errors::is_consequence(&e, &failed) {
                out.push(e);
            }
            failed.push(name);
        }
        pending.clear();
    }
    for name in &failed {
        if let Some(t) = user.get_mut(name) {
            t.loaded = false;
        }
    }
    out
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
        Escape::Markdown => crate::text::markdown::escape_to(input, out),
        Escape::Html => tera::escape_html(input, out),
    }
}

/// Whether a file in `templates/` is its README (documentation, not a
/// template): `README`, `README.md`, `readme.txt`, ...
pub(crate) fn is_readme(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or(file_name);
    stem.eq_ignore_ascii_case("readme")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let root = dir.path().to_path_buf();
        (dir, root)
    }

    fn problems(files: &[(&str, &str)]) -> Vec<String> {
        let (_dir, ws) = workspace(files);
        let (_, problems) = Engine::load_lenient(Some(&ws)).unwrap();
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn builtins_load_and_list() {
        let engine = Engine::load(None).unwrap();
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
        let engine = Engine::load(Some(dir.path())).unwrap();
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
        let (_dir, ws) = workspace(&[
            ("job-brief.md", "mine"),
            ("offer-letter.md", "offer"),
            ("README.md", "how to override"),
        ]);
        let engine = Engine::load(Some(&ws)).unwrap();
        assert!(engine.has_document("offer-letter"));
        assert!(!engine.has_document("README"));
        let origins: BTreeMap<_, _> = engine.templates().into_iter().collect();
        assert_eq!(origins["job-brief.md"], Origin::Overridden);
        assert_eq!(origins["offer-letter.md"], Origin::New);
        assert_eq!(
            engine
                .render("job-brief.md", &tera::Context::new())
                .unwrap(),
            "mine"
        );
        assert_eq!(engine.source("job-brief.md"), Some("mine"));
        assert_eq!(
            engine.source("builtin/job-brief.md"),
            builtin::template("job-brief.md")
        );
    }

    #[test]
    fn one_block_of_a_builtin_can_be_replaced() {
        let (_dir, ws) = workspace(&[(
            "job-brief.md",
            "{% extends \"builtin/job-brief.md\" %}{% block title %}# Join us{% endblock title %}",
        )]);
        let engine = Engine::load(Some(&ws)).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("role", &serde_json::json!({"brief": {"mission": "M.", "impact": "I.", "ideal_candidate": "C.", "call_to_action": "A."}}));
        ctx.insert("company", &serde_json::json!({"given": false}));
        ctx.insert("location", &None::<()>);
        let out = engine.render("job-brief.md", &ctx).unwrap();
        assert!(out.starts_with("# Join us"), "{out}");
        assert!(out.contains("M. I. C."), "{out}");
    }

    #[test]
    fn every_broken_template_is_reported_and_the_good_ones_load() {
        let got = problems(&[
            ("a.md", "{{ x"),
            (
                "b.md",
                "{% extends \"a.md\" %}{% block x %}{% endblock x %}",
            ),
            ("c.md", "{{ role.title | no_such_filter }}"),
            ("good.md", "{% include \"partials/faq.md\" %}"),
        ]);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].contains("--> templates/a.md:1:"), "{got:#?}");
        assert!(
            got[1].contains("unknown filter `no_such_filter`"),
            "{got:#?}"
        );
        assert!(got[1].contains("--> templates/c.md:1:"), "{got:#?}");
    }

    #[test]
    fn a_failed_override_leaves_the_builtin() {
        let (_dir, ws) = workspace(&[("job-post.md", "{% if %}")]);
        let (engine, problems) = Engine::load_lenient(Some(&ws)).unwrap();
        assert_eq!(problems.len(), 1);
        assert!(engine.can_render("job-post"));
        assert!(Engine::load(Some(&ws)).is_err());
    }

    #[test]
    fn extending_your_own_name_suggests_the_builtin_prefix() {
        let got = problems(&[(
            "job-post.md",
            "{% extends \"job-post.md\" %}\n{% block pay %}{% endblock pay %}",
        )]);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(
            got[0]
                .starts_with("error: `job-post.md` extends itself\n --> templates/job-post.md:1:1"),
            "{}",
            got[0]
        );
        assert!(
            got[0].contains("{% extends \"builtin/job-post.md\" %}"),
            "{}",
            got[0]
        );
    }

    #[test]
    fn templates_including_each_other_are_one_problem() {
        let got = problems(&[
            ("x.md", "{% include \"y.md\" %}"),
            ("y.md", "{% include \"x.md\" %}"),
        ]);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(got[0].contains("circular include"), "{}", got[0]);
    }

    #[test]
    fn names_are_normalized() {
        for (input, name) in [
            ("job-post", "job-post.md"),
            ("job-post.md", "job-post.md"),
            ("templates/job-post.md", "job-post.md"),
            ("partials/pay-table", "partials/pay-table.md"),
            ("layout.html", "layout.html"),
            ("builtin/job-post", "builtin/job-post.md"),
        ] {
            assert_eq!(template_name(input), name, "{input}");
        }
        assert_eq!(document_name("job-post.md"), Some("job-post"));
        assert_eq!(document_name("partials/faq.md"), None);
        assert!(is_readme("README.md") && is_readme("readme") && !is_readme("read.md"));
    }
}
