//! The `hirekit.yaml` part of `check`.

use crate::diag::Diagnostic;
use crate::engine::Engine;
use crate::project::REFERENCE_DOCX;
use crate::project::Workspace;
use crate::render::Format;

/// `hirekit.yaml`: values that parse but name a document, format or file
/// that is not there, each located at its key.
pub(super) fn check(ws: &Workspace, engine: &Engine) -> Vec<Diagnostic> {
    let Some(root) = &ws.root else {
        return Vec::new();
    };
    let config = &ws.config;
    let mut found = Vec::new();
    let mut at = |key: &str, message: String| found.push(ws.setting_error(key, message));
    let documents = || engine.documents_list();
    if let Some(f) = &config.render.format
        && let Err(e) = f.parse::<Format>()
    {
        at("format", format!("`render.format`: {e}"));
    }
    if let Some(d) = &config.render.doc
        && !engine.has_document(d)
    {
        at(
            "doc",
            format!(
                "`render.doc`: unknown document `{d}`; documents: {}",
                documents()
            ),
        );
    }
    for d in &config.batch.docs {
        if !engine.has_document(d) {
            at(
                "docs",
                format!(
                    "`batch.docs`: unknown document `{d}`; documents: {}",
                    documents()
                ),
            );
        }
    }
    for f in &config.batch.formats {
        if let Err(e) = f.parse::<Format>() {
            at("formats", format!("`batch.formats`: {e}"));
        }
    }
    if let Some(c) = &config.company
        && !root.join(c).is_file()
    {
        at(
            "company",
            format!("`company`: no file `{c}` in the workspace"),
        );
    }
    // A reference Word document that is there but has no styles to use.
    let styles_error = engine
        .docx_reference()
        .filter(|p| p.is_file())
        .and_then(|_| engine.docx_styles().err());
    if let Some(r) = &config.docx.reference {
        if !root.join(r).is_file() {
            at(
                "reference",
                format!("`docx.reference`: no file `{r}` in the workspace"),
            );
        } else if let Some(e) = &styles_error {
            at("reference", format!("`docx.reference`: {e}"));
        }
    }
    if let Some(l) = &config.batch.locations
        && !root.join(l).is_file()
    {
        at(
            "locations",
            format!("`batch.locations`: no file `{l}` in the workspace"),
        );
    }
    if config.docx.reference.is_none()
        && let Some(e) = styles_error
    {
        found.push(Diagnostic::file(REFERENCE_DOCX, e.to_string()));
    }
    found
}
