//! The render pipeline: a role, a company, a location and a document name
//! in; Markdown, HTML, plain text or JSON out.
//!
//! Markdown is the template's output, tidied. HTML is that Markdown through
//! pulldown-cmark, wrapped in the `layout.html` template (or bare with
//! `fragment`); a `job-post` page also carries its schema.org `JobPosting`
//! as JSON-LD. Text is that Markdown flattened. A Word document is that
//! Markdown converted event by event (see `docx`). JSON is the render
//! context.

pub(crate) mod context;
pub(crate) mod docx;
pub(crate) mod jsonld;
pub(crate) mod markdown;
pub(crate) mod needs;
pub(crate) mod text;

use std::fmt;
use std::str::FromStr;

use anyhow::{Context as _, Result, anyhow};

use crate::engine::Engine;
use crate::model::pay::PayTable;
use crate::model::{Company, Location, Role};
use context::{CompanyView, DocInfo, PayTableView, RenderContext, tool_info};

/// An output format (also the values of `--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    /// Markdown, the template's own output
    #[value(alias = "markdown")]
    Md,
    /// An HTML page (or, with --fragment, its body)
    Html,
    /// Plain text, for boards that strip markup
    #[value(alias = "text")]
    Txt,
    /// The render context as JSON, for other tools
    Json,
    /// A Word document (give -o FILE.docx)
    #[value(alias = "word")]
    Docx,
}

impl Format {
    /// Every format, in canonical order.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Txt,
        Format::Json,
        Format::Docx,
    ];

    /// The file extension, which is also the format's name.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    /// Whether the format's output is bytes rather than text.
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ext())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Md),
            "html" => Ok(Format::Html),
            "txt" | "text" => Ok(Format::Txt),
            "json" => Ok(Format::Json),
            "docx" | "word" => Ok(Format::Docx),
            other => Err(format!(
                "unknown format `{other}`; expected one of `md`, `html`, `txt`, `json`, `docx`"
            )),
        }
    }
}

/// Options that change how a document renders.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// HTML without the page shell, for pasting into an ATS.
    pub fragment: bool,
    /// The posting date of a job post with no location, or whose location
    /// gives none: its `JobPosting`'s `datePosted`. The renderer never
    /// reads the clock; `render` and `batch` pass today when no date is
    /// given.
    pub date_posted: Option<crate::lint::Date>,
}

/// A role ready to render: the profile, its company and pay table, and the
/// part of the template context that is the same for every location
/// (built once, so a batch pays for it once).
pub struct RoleInput {
    /// The role profile.
    pub role: Role,
    /// Where the profile came from, as shown to the user.
    pub path: String,
    /// The company.
    pub company: CompanyView,
    /// The pay table, sorted for display.
    pub pay_table: Option<PayTableView>,
    /// The raw pay table, for pay resolution.
    pub table: Option<PayTable>,
    /// Show the market average beside an offered range too
    /// (`pay.market_beside_offer` in `hirekit.yaml`).
    pub market_beside_offer: bool,
    base: tera::Context,
}

impl RoleInput {
    /// Prepares a role for rendering.
    pub fn new(
        role: Role,
        path: String,
        company: Option<Company>,
        table: Option<PayTable>,
    ) -> Self {
        let company = CompanyView::new(company);
        let pay_table = table.as_ref().map(PayTableView::new);
        let mut base = tera::Context::new();
        base.insert("hirekit", &tool_info());
        base.insert("role", &role);
        base.insert("company", &company);
        base.insert("pay_table", &pay_table);
        RoleInput {
            role,
            path,
            company,
            pay_table,
            table,
            market_beside_offer: false,
            base,
        }
    }

    /// The full render context for a location and document: what
    /// templates receive and what `--format json` prints. Pay is resolved
    /// here, once per document.
    pub fn context<'a>(
        &'a self,
        location: Option<&'a Location>,
        doc: &str,
        format: Format,
    ) -> RenderContext<'a> {
        RenderContext {
            hirekit: tool_info(),
            doc: DocInfo::new(doc, format),
            role: &self.role,
            company: &self.company,
            location,
            pay: {
                let mut pay = crate::pay::resolve(location, self.table.as_ref());
                pay.show_market |= self.market_beside_offer;
                pay
            },
            pay_table: self.pay_table.as_ref(),
        }
    }

    /// The template context of a render context. The parts that are the
    /// same for every location were serialized once, in [`RoleInput::new`];
    /// a unit test holds the two equal.
    fn tera_context(&self, rc: &RenderContext<'_>) -> tera::Context {
        let mut ctx = self.base.clone();
        ctx.insert("doc", &rc.doc);
        ctx.insert("location", &rc.location);
        ctx.insert("pay", &rc.pay);
        ctx
    }
}

/// A rendered document: text, or the bytes of a binary format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Markdown, HTML, plain text or JSON.
    Text(String),
    /// A Word document.
    Binary(Vec<u8>),
}

impl Output {
    /// The bytes to write.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Output::Text(s) => s.as_bytes(),
            Output::Binary(b) => b,
        }
    }

    /// The text, for a text format.
    pub fn into_text(self) -> Option<String> {
        match self {
            Output::Text(s) => Some(s),
            Output::Binary(_) => None,
        }
    }
}

/// Renders one document in several formats at once, sharing the Markdown.
/// The results come back in the order of `formats`.
pub fn render_formats(
    engine: &Engine,
    input: &RoleInput,
    location: Option<&Location>,
    doc: &str,
    formats: &[Format],
    opts: RenderOptions,
) -> Result<Vec<Output>> {
    let template = format!("{doc}.md");
    let needs_md = formats.iter().any(|f| *f != Format::Json);
    if needs_md {
        needs::require(doc, &input.role, &input.path)?;
    }
    // One render context for every format: the page's is the Markdown's,
    // with another `doc.format`; JSON prints it.
    let mut rc = input.context(location, doc, Format::Md);
    let ctx = needs_md.then(|| input.tera_context(&rc));
    let md = if let Some(ctx) = &ctx {
        let raw = engine.render(&template, ctx).map_err(|e| {
            let place = location
                .map(|l| format!(" for {:?}", l.label()))
                .unwrap_or_default();
            anyhow!(e).context(format!(
                "cannot render `{doc}` for `{}`{place}",
                input.role.id
            ))
        })?;
        tidy_markdown(&raw)
    } else {
        String::new()
    };
    formats
        .iter()
        .map(|format| match format {
            Format::Md => Ok(Output::Text(md.clone())),
            Format::Txt => Ok(Output::Text(text::to_text(&md))),
            Format::Html => html_page(engine, input, &rc, &md, ctx.clone(), opts).map(Output::Text),
            Format::Json => {
                rc.doc = DocInfo::new(doc, Format::Json);
                let mut s = serde_json::to_string_pretty(&rc)?;
                s.push('\n');
                Ok(Output::Text(s))
            }
            Format::Docx => word_document(engine, input, doc, &md).map(Output::Binary),
        })
        .collect()
}

/// The Word document of some rendered Markdown, with the workspace's
/// reference styles if it has them.
fn word_document(engine: &Engine, input: &RoleInput, doc: &str, md: &str) -> Result<Vec<u8>> {
    let props = docx::Properties {
        title: first_heading(md).unwrap_or_else(|| input.role.title.clone()),
        subject: doc.to_string(),
        company: input.company.profile.name.clone(),
    };
    let styles = engine.docx_styles()?;
    docx::to_docx(md, &props, styles)
        .with_context(|| format!("cannot make the Word document of `{doc}`"))
}

/// Renders one document in one text format (not `docx`: see
/// [`render_output`]).
pub fn render(
    engine: &Engine,
    input: &RoleInput,
    location: Option<&Location>,
    doc: &str,
    format: Format,
    opts: RenderOptions,
) -> Result<String> {
    render_output(engine, input, location, doc, format, opts)?
        .into_text()
        .ok_or_else(|| anyhow!("`{format}` is a binary format, not text"))
}

/// Renders one document in one format, text or binary.
pub(crate) fn render_output(
    engine: &Engine,
    input: &RoleInput,
    location: Option<&Location>,
    doc: &str,
    format: Format,
    opts: RenderOptions,
) -> Result<Output> {
    let mut out = render_formats(engine, input, location, doc, &[format], opts)?;
    out.pop()
        .ok_or_else(|| anyhow!("nothing was rendered for `{doc}`"))
}

fn html_page(
    engine: &Engine,
    input: &RoleInput,
    rc: &RenderContext<'_>,
    md: &str,
    ctx: Option<tera::Context>,
    opts: RenderOptions,
) -> Result<String> {
    if opts.fragment {
        return Ok(markdown::to_html(md));
    }
    let doc = rc.doc.name.as_str();
    // The job post's page and its JobPosting description share one parse.
    let events = markdown::page_events(md);
    let posting_description = if crate::builtin::is_job_ad(doc) {
        jsonld::description_from_events(events.iter().cloned())
    } else {
        String::new()
    };
    let body = markdown::page_from_events(md.len(), events.into_iter());
    let mut ctx = ctx.unwrap_or_else(|| input.tera_context(rc));
    ctx.insert("doc", &DocInfo::new(doc, Format::Html));
    let mut summary = description(md, 160);
    if summary.is_empty() {
        summary = description(&input.role.summary, 160);
    }
    let page = Page {
        title: first_heading(md).unwrap_or_else(|| input.role.title.clone()),
        description: summary,
        lang: "en",
    };
    ctx.insert("page", &page);
    ctx.insert_value("body", tera::Value::safe_string(&body));
    let jsonld = if crate::builtin::is_job_ad(doc) {
        let posting = jsonld::job_posting(&jsonld::PostingInput {
            role: &input.role,
            company: &input.company,
            location: rc.location,
            pay: &rc.pay,
            description: &posting_description,
            date_posted: opts.date_posted,
        });
        jsonld::to_script_json(&posting)?
    } else {
        String::new()
    };
    // Already escaped for a <script> element by `to_script_json`.
    ctx.insert_value("jsonld", tera::Value::safe_string(&jsonld));
    engine
        .render("layout.html", &ctx)
        .map_err(|e| anyhow!(e).context(format!("cannot render the HTML page for `{doc}`")))
}

#[derive(serde::Serialize)]
struct Page {
    title: String,
    description: String,
    lang: &'static str,
}

/// The text of the first `# ` heading.
fn first_heading(md: &str) -> Option<String> {
    md.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| strip_inline(t.trim()))
}

/// The first paragraph as plain text, cut at a word boundary to `max` chars.
fn description(md: &str, max: usize) -> String {
    let para: Vec<&str> = md
        .split("\n\n")
        .map(str::trim)
        .filter(|b| {
            !b.is_empty()
                && !b.starts_with(['#', '-', '|', '*', '>'])
                && !b.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .take(1)
        .collect();
    let text = strip_inline(&para.join(" ").replace('\n', " "));
    if text.chars().count() <= max {
        return text;
    }
    let mut cut = String::new();
    for word in text.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > max - 1 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    cut.push('…');
    cut
}

/// Markdown inline text without emphasis markers.
fn strip_inline(s: &str) -> String {
    if is_plain(s) {
        // Nothing Markdown would read as markup: the text as it is.
        return s.to_string();
    }
    text::to_text(s).trim_end().replace('\n', " ")
}

/// One line of text in which Markdown sees no markup at all: no markup
/// characters, no block syntax at its start, no blanks that Markdown would
/// drop or keep as a break.
fn is_plain(s: &str) -> bool {
    !s.is_empty()
        && s.len() == s.trim().len()
        && !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '#' | '-' | '+' | '=' | '>'))
        && !s.contains("  ")
        && !s.contains(|c: char| {
            c.is_control()
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~' | '|'
                )
        })
}

/// Tidies template output: no trailing spaces, at most one blank line in a
/// row, no blank lines at the start, exactly one newline at the end.
pub(crate) fn tidy_markdown(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() && blank_run > 0 {
            out.push('\n');
        }
        blank_run = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn plain_text_needs_no_markdown_parse(s in "[a-zA-Z0-9 .,:;'\"()#+=/?%$@^{}\\-]{1,80}") {
            if is_plain(&s) {
                proptest::prop_assert_eq!(
                    text::to_text(&s).trim_end().replace('\n', " "),
                    s
                );
            }
        }
    }

    #[test]
    fn templates_receive_exactly_the_render_context_json_prints() {
        let project = crate::project::Project::builtin();
        let loaded = project.role("customer-service-representative").unwrap();
        let input = project.role_input(loaded, None).unwrap();
        let detroit = crate::load::location::parse_arg("Detroit, MI").unwrap();
        for location in [None, Some(&detroit)] {
            let rc = input.context(location, "job-post", Format::Md);
            let json = serde_json::to_value(&rc).unwrap();
            let ctx = input.tera_context(&rc);
            let keys = json.as_object().unwrap();
            for (key, value) in keys {
                let got = serde_json::to_value(ctx.get(key).unwrap()).unwrap();
                assert_eq!(&got, value, "`{key}` differs");
            }
            for key in [
                "hirekit",
                "doc",
                "role",
                "company",
                "location",
                "pay",
                "pay_table",
            ] {
                assert!(keys.contains_key(key) && ctx.contains_key(key), "{key}");
            }
        }
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy_markdown("\n\n# A  \n\n\n\nb\n\n"), "# A\n\nb\n");
        assert_eq!(tidy_markdown(""), "");
    }

    #[test]
    fn formats_parse() {
        assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
        assert!("pdf".parse::<Format>().unwrap_err().contains("`pdf`"));
    }

    #[test]
    fn description_is_first_paragraph_cut_at_a_word() {
        let md = "# Title\n\nFirst **para** here.\n\nSecond.\n";
        assert_eq!(description(md, 160), "First para here.");
        assert_eq!(first_heading(md).as_deref(), Some("Title"));
        let long = format!("# T\n\n{}\n", "word ".repeat(100));
        let d = description(&long, 30);
        assert!(d.chars().count() <= 30 && d.ends_with('…'), "{d}");
    }
}
