//! The .docx package: the parts `docx-rs` builds, in a zip written here so
//! that the bytes never change for the same document (entries in a fixed
//! order, each dated 1980-01-01 00:00, the zip format's first date), with
//! the document properties (title, company) that `docx-rs` has no setter
//! for, and the styles of a reference document when there is one.

use std::io::{Cursor, Read, Write};

use anyhow::{Context as _, Result, bail};
use docx_rs::Docx;
use zip::write::SimpleFileOptions;

/// What the document properties say about a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Properties {
    /// The title (the document's first heading).
    pub title: String,
    /// What the document is, e.g. `job-post`.
    pub subject: String,
    /// The company (author and company of the document).
    pub company: String,
}

/// Packs a document. `styles` replaces the document's `word/styles.xml`.
pub(super) fn pack(docx: Docx, props: &Properties, styles: Option<&[u8]>) -> Result<Vec<u8>> {
    let xml = docx.build();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let fixed: [(&str, Vec<u8>); 14] = [
        ("[Content_Types].xml", xml.content_type),
        ("_rels/.rels", xml.rels),
        ("docProps/app.xml", app_xml(props).into_bytes()),
        ("docProps/core.xml", core_xml(props).into_bytes()),
        ("docProps/custom.xml", xml.doc_props.custom),
        (
            "word/_rels/document.xml.rels",
            sort_relationships(&xml.document_rels),
        ),
        ("word/document.xml", repeat_header_rows(xml.document)),
        ("word/styles.xml", styles.map_or(xml.styles, <[u8]>::to_vec)),
        ("word/settings.xml", xml.settings),
        ("word/fontTable.xml", xml.font_table),
        ("word/comments.xml", xml.comments),
        ("word/numbering.xml", xml.numberings),
        ("word/commentsExtended.xml", xml.comments_extended),
        ("word/footnotes.xml", xml.footnotes),
    ];
    parts.extend(fixed.into_iter().map(|(n, b)| (n.to_string(), b)));
    // Footers (and their relationships, when they have any), numbered as
    // the document's relationships name them.
    let mut footer_rels = xml.footer_rels.into_iter();
    for (i, footer) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), footer));
        if let Some(rels) = footer_rels.next() {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels));
        }
    }
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)
            .and_then(|()| zip.write_all(&bytes).map_err(Into::into))
            .with_context(|| format!("cannot write `{name}` into the Word document"))?;
    }
    let out = zip
        .finish()
        .context("cannot finish the Word document's zip")?;
    Ok(out.into_inner())
}

/// Marks the first row of every table as a header row (`w:tblHeader`),
/// which Word repeats at the top of each page the table runs onto; every
/// Markdown table starts with its header. `docx-rs` has no setter for it,
/// and gives every row a `w:trPr` (hirekit's rows cannot split).
pub(super) fn repeat_header_rows(xml: Vec<u8>) -> Vec<u8> {
    const TABLE: &str = "<w:tbl>";
    const ROW_PROPS: &str = "<w:trPr>";
    let text = match String::from_utf8(xml) {
        Ok(text) => text,
        Err(e) => return e.into_bytes(),
    };
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(at) = rest.find(TABLE) {
        let (before, table) = rest.split_at(at + TABLE.len());
        out.push_str(before);
        rest = table;
        if let Some(props) = rest.find(ROW_PROPS) {
            let (head, tail) = rest.split_at(props + ROW_PROPS.len());
            out.push_str(head);
            out.push_str("<w:tblHeader />");
            rest = tail;
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// The largest `styles.xml` read from a reference document.
const MAX_STYLES: u64 = 16 << 20;

/// The `word/styles.xml` of a reference .docx (`shown` names it in
/// errors): the styles a workspace wants its Word documents to use.
pub(crate) fn reference_styles(shown: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        anyhow::anyhow!(
            "`{shown}` is not a Word document ({e}); a .docx file is a zip archive: save it from Word or LibreOffice as .docx"
        )
    })?;
    let mut entry = match archive.by_name("word/styles.xml") {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => bail!(
            "`{shown}` has no `word/styles.xml`, so it has no styles to use; save it from Word or LibreOffice as .docx"
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot read `{shown}`")),
    };
    let mut styles = Vec::new();
    (&mut entry)
        .take(MAX_STYLES + 1)
        .read_to_end(&mut styles)
        .with_context(|| format!("cannot read `word/styles.xml` in `{shown}`"))?;
    if styles.len() as u64 > MAX_STYLES {
        bail!("`word/styles.xml` in `{shown}` is larger than 16 MiB");
    }
    let text = std::str::from_utf8(&styles)
        .ok()
        .filter(|t| t.contains("<w:styles"))
        .with_context(|| {
            format!("`word/styles.xml` in `{shown}` is not a Word styles part (no <w:styles>)")
        })?;
    if !text.trim_end().ends_with('>') {
        bail!("`word/styles.xml` in `{shown}` is cut short");
    }
    Ok(styles)
}

/// `docProps/core.xml`: title, subject and author. No dates: the same
/// document is the same file whenever it is made.
fn core_xml(p: &Properties) -> String {
    let author = if p.company.is_empty() {
        "hirekit"
    } else {
        p.company.as_str()
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>hirekit</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision></cp:coreProperties>"
        ),
        title = escape_text(&p.title),
        subject = escape_text(&p.subject),
        author = escape_text(author),
    )
}

/// `docProps/app.xml`: the application and the company.
fn app_xml(p: &Properties) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>hirekit</Application><Company>{company}</Company></Properties>"
        ),
        company = escape_text(&p.company),
    )
}

/// The relationships of `word/document.xml` in order of their ids
/// (`docx-rs` lists hyperlinks in hash-map order).
pub(super) fn sort_relationships(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let (Some(first), Some(close)) = (text.find("<Relationship "), text.rfind("</Relationships>"))
    else {
        return xml.to_vec();
    };
    if close < first {
        return xml.to_vec();
    }
    let mut items: Vec<&str> = Vec::new();
    let mut rest = &text[first..close];
    while let Some(end) = rest.find("/>") {
        items.push(&rest[..end + 2]);
        rest = &rest[end + 2..];
    }
    if !rest.trim().is_empty() {
        // Not the shape expected: leave it as it is.
        return xml.to_vec();
    }
    items.sort_by_key(|item| id_key(item));
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for item in items {
        out.push_str(item);
    }
    out.push_str(&text[close..]);
    out.into_bytes()
}

/// A relationship's `Id`, split into its letters and its number, so that
/// `rId10` sorts after `rId9`.
fn id_key(item: &str) -> (String, u64) {
    let id = item
        .split("Id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("");
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (name, number) = id.split_at(id.len() - digits);
    (name.to_string(), number.parse().unwrap_or(0))
}

/// Escapes text for an XML element.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an XML attribute (a hyperlink's target).
pub(super) fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}
