//! `--format docx`: every built-in document as a Word file that
//! python-docx, pandoc and LibreOffice read; byte-identical batches; a
//! workspace's reference.docx for the styles.
//!
//! The checks that need an outside tool skip with a note when it is
//! missing, and fail under CI, where `.ci/run` installs them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::html::pagecheck::{in_ci, tool_available};
use crate::support::Hirekit;

const ROLE: &str = "customer-service-representative";
const DOCS: [&str; 4] = [
    "job-description",
    "job-post",
    "job-brief",
    "interview-guide",
];

/// Renders every built-in document for Detroit as .docx into the test's
/// folder; returns the folder's harness and the files.
fn builtin_docx() -> (Hirekit, Vec<PathBuf>) {
    let mut h = Hirekit::new();
    let mut files = Vec::new();
    for doc in DOCS {
        let name = format!("{doc}.docx");
        h.cmd([
            "render",
            ROLE,
            "--doc",
            doc,
            "--location",
            "Detroit, MI",
            "--format",
            "docx",
            "-o",
            &name,
        ]);
        let run = h.succeeds();
        assert_eq!(run.stdout, "", "{doc}: nothing goes to stdout with -o");
        files.push(h.root().join(name));
    }
    (h, files)
}

/// The Markdown of a built-in document for Detroit.
fn markdown(doc: &str) -> String {
    Hirekit::new()
        .args(["render", ROLE, "--doc", doc, "--location", "Detroit, MI"])
        .succeeds()
        .stdout
}

/// The text of one part of a .docx file.
fn part(file: &Path, name: &str) -> String {
    let bytes = std::fs::read(file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// What Markdown has: headings (level, text), list items and tables.
struct Shape {
    headings: Vec<(u8, String)>,
    items: usize,
    tables: usize,
}

fn shape(md: &str) -> Shape {
    let mut headings = Vec::new();
    let mut items = 0;
    let mut tables = 0;
    let mut in_table = false;
    for line in md.lines() {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let text = line[hashes..].trim().replace("**", "");
            headings.push((hashes as u8, text));
        }
        let trimmed = line.trim_start();
        let numbered = trimmed
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if trimmed.starts_with("- ") || numbered {
            items += 1;
        }
        let row = line.starts_with('|');
        if row && !in_table {
            tables += 1;
        }
        in_table = row;
    }
    Shape {
        headings,
        items,
        tables,
    }
}

/// python-docx's view of each file, as JSON: heading paragraphs (level,
/// text), paragraphs in a list, tables with their size, the title and
/// company, and the page size in inches.
const PYTHON_DOCX: &str = r#"
import json, sys
import docx
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    headings, items = [], 0
    for p in d.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading"):
            headings.append([int(name.split()[-1]), p.text])
        ppr = p._p.pPr
        if ppr is not None and ppr.numPr is not None and name == "List Paragraph":
            items += 1
    s = d.sections[0]
    out.append({
        "headings": headings,
        "items": items,
        "tables": [[len(t.rows), len(t.columns)] for t in d.tables],
        "title": d.core_properties.title,
        "author": d.core_properties.author,
        "page": [round(s.page_width.inches, 2), round(s.page_height.inches, 2)],
        "margins": [round(m.inches, 2) for m in (s.left_margin, s.right_margin, s.top_margin, s.bottom_margin)],
    })
print(json.dumps(out))
"#;

/// Whether python3 can import python-docx; when not: a failure under CI,
/// otherwise a note and `false`, so the caller skips.
fn python_docx_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    let install = "apt-get install -y python3-docx, or python3 -m pip install python-docx";
    if !found {
        assert!(
            !in_ci(),
            "python-docx is needed under CI and is missing; install it with: {install}"
        );
        eprintln!(
            "SKIPPED: python-docx is not installed (install it with: {install}); CI runs this check"
        );
    }
    found
}

#[test]
fn every_builtin_document_renders_to_docx() {
    let (_h, files) = builtin_docx();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "{}", file.display());
        let core = part(file, "docProps/core.xml");
        assert!(
            core.contains("<dc:title>Customer Service Representative"),
            "{core}"
        );
    }
}

#[test]
#[cfg_attr(
    not(has_python_docx),
    ignore = "python-docx is not installed (python3 -m pip install python-docx); CI runs it"
)]
fn python_docx_finds_the_parts_of_every_builtin_document() {
    let (_h, files) = builtin_docx();
    if !python_docx_available() {
        return;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(PYTHON_DOCX)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-docx could not open the files: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut guide_tables = Vec::new();
    for (doc, got) in DOCS.iter().zip(&seen) {
        let want = shape(&markdown(doc));
        let headings: Vec<(u8, String)> = got["headings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h[0].as_u64().unwrap() as u8,
                    h[1].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(headings, want.headings, "{doc}: headings");
        assert!(!headings.is_empty(), "{doc}");
        assert_eq!(got["items"], want.items, "{doc}: list paragraphs");
        assert_eq!(
            got["tables"].as_array().unwrap().len(),
            want.tables,
            "{doc}: tables"
        );
        assert!(
            got["title"]
                .as_str()
                .unwrap()
                .starts_with("Customer Service Representative"),
            "{doc}: {got}"
        );
        assert_eq!(got["author"], "hirekit", "{doc}: no company given");
        assert_eq!(
            got["page"],
            serde_json::json!([8.5, 11.0]),
            "{doc}: US Letter"
        );
        assert_eq!(
            got["margins"],
            serde_json::json!([1.0, 1.0, 1.0, 1.0]),
            "{doc}"
        );
        if *doc == "interview-guide" {
            guide_tables = got["tables"].as_array().unwrap().clone();
        }
    }
    // The pay table and the scorecard are real tables: the scorecard has
    // a header, six competencies and an overall row, in three columns.
    assert!(
        guide_tables.contains(&serde_json::json!([8, 3])),
        "{guide_tables:?}"
    );
    let description = &seen[0]["tables"];
    assert!(
        description
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t[0].as_u64().unwrap() >= 4 && t[1].as_u64().unwrap() >= 2),
        "the job description has its pay table: {description}"
    );
}

/// Headings as pandoc reads them back: (level, text) from its HTML.
fn pandoc_headings(file: &Path) -> Vec<(u8, String)> {
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "html"])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pandoc could not read {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let html = scraper::Html::parse_fragment(&String::from_utf8_lossy(&out.stdout));
    let sel = scraper::Selector::parse("h1, h2, h3, h4, h5, h6").unwrap();
    html.select(&sel)
        .map(|e| {
            let level = e.value().name()[1..].parse().unwrap();
            let text = e.text().collect::<String>();
            (level, text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn a_company_fills_the_properties_and_its_links_stay_links() {
    let ws = crate::support::repo().join("examples/workspace");
    let mut h = Hirekit::new().copy_dir(&ws, "ws");
    h.cmd([
        "--workspace",
        "ws",
        "render",
        ROLE,
        "--doc",
        "job-post",
        "--location",
        "Detroit, MI",
        "--format",
        "docx",
        "-o",
        "post.docx",
    ]);
    h.succeeds();
    let file = h.root().join("post.docx");
    let app = part(&file, "docProps/app.xml");
    assert!(
        app.contains("<Company>Keystone Staffing Partners</Company>"),
        "{app}"
    );
    let core = part(&file, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>Keystone Staffing Partners</dc:creator>"),
        "{core}"
    );
    let rels = part(&file, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Target="https://jobs.example.com/keystone" TargetMode="External""#),
        "{rels}"
    );
    let document = part(&file, "word/document.xml");
    assert!(
        document.contains(r#"<w:hyperlink r:id="rIdLink1""#),
        "{document}"
    );
}

#[test]
fn a_workspace_document_renders_to_docx_too() {
    let offer = "# Offer for {{ role.title }}\n\nDear candidate,\n\n1. Sign\n2. Return\n\n| Item | Value |\n|--|--|\n| Title | {{ role.title }} |\n";
    let mut h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("templates/offer-letter.md", offer);
    h.cmd([
        "render",
        ROLE,
        "--doc",
        "offer-letter",
        "--format",
        "docx",
        "-o",
        "offer.docx",
    ]);
    h.succeeds();
    let document = part(&h.root().join("offer.docx"), "word/document.xml");
    assert!(
        document.contains(r#"<w:pStyle w:val="Heading1" />"#)
            && document.contains("Offer for Customer Service Representative"),
        "{document}"
    );
    assert_eq!(document.matches("<w:numPr>").count(), 2, "{document}");
    assert_eq!(document.matches("<w:tbl>").count(), 1, "{document}");
}

#[test]
#[cfg_attr(
    not(has_pandoc),
    ignore = "pandoc is not installed (apt-get install -y pandoc); CI runs it"
)]
fn pandoc_reads_the_headings_back() {
    if !tool_available("pandoc", &["--version"], "apt-get install -y pandoc") {
        return;
    }
    let (_h, files) = builtin_docx();
    for (doc, file) in DOCS.iter().zip(&files) {
        let want = shape(&markdown(doc)).headings;
        assert_eq!(pandoc_headings(file), want, "{doc}");
    }
}

/// Pages a PDF has, from `pdfinfo`.
fn pdf_pages(pdf: &Path) -> u32 {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

#[test]
#[cfg_attr(
    not(all(has_soffice, has_pdfinfo)),
    ignore = "LibreOffice or pdfinfo is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils); CI runs it"
)]
fn libreoffice_converts_every_builtin_document_to_pdf() {
    if !tool_available(
        "soffice",
        &["--version"],
        "apt-get install -y libreoffice-writer-nogui",
    ) || !tool_available("pdfinfo", &["-v"], "apt-get install -y poppler-utils")
    {
        return;
    }
    let (h, files) = builtin_docx();
    let out_dir = h.root().join("pdf");
    // A profile of its own, so a LibreOffice already running (or another
    // test) does not take the conversion over.
    let profile = format!("file://{}", h.root().join("lo-profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out_dir)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What each document should take on US Letter: a post and a brief are
    // short, the description carries a pay table by state, the guide has
    // six competencies and a scorecard.
    let expected = [
        ("job-description", 3..=12),
        ("job-post", 1..=3),
        ("job-brief", 1..=2),
        ("interview-guide", 4..=14),
    ];
    let mut report = Vec::new();
    for (doc, range) in expected {
        let pdf = out_dir.join(format!("{doc}.pdf"));
        assert!(
            pdf.is_file(),
            "no PDF for {doc}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pages = pdf_pages(&pdf);
        report.push(format!("{doc}: {pages}"));
        assert!(
            range.contains(&pages),
            "{doc}: {pages} pages, expected {range:?}"
        );
    }
    eprintln!("pages: {}", report.join(", "));
}

#[test]
fn batch_writes_docx_files_that_are_byte_identical_run_to_run() {
    let csv = "id,city,state\ndet,Detroit,MI\nden,Denver,CO\nsea,Seattle,WA\n";
    let mut h = Hirekit::new().file("sites.csv", csv);
    for (out, jobs) in [("one", "1"), ("two", "3")] {
        h.cmd([
            "batch",
            ROLE,
            "--locations",
            "sites.csv",
            "--out",
            out,
            "--doc",
            "job-post",
            "--doc",
            "interview-guide",
            "--format",
            "docx,md",
            "--jobs",
            jobs,
        ]);
        h.succeeds();
    }
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(h.root().join("one/manifest.json")).unwrap())
            .unwrap();
    let docx: Vec<&Value> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["format"] == "docx")
        .collect();
    assert_eq!(docx.len(), 6, "{manifest}");
    for entry in docx {
        let path = entry["path"].as_str().unwrap();
        assert!(path.ends_with(".docx"), "{path}");
        let one = std::fs::read(h.root().join("one").join(path)).unwrap();
        let two = std::fs::read(h.root().join("two").join(path)).unwrap();
        assert!(one == two, "{path} differs between runs");
        assert_eq!(entry["bytes"], one.len(), "{path}");
        assert!(one.starts_with(b"PK\x03\x04"));
    }
    // A second run into the same folder finds nothing to write.
    h.cmd([
        "batch",
        ROLE,
        "--locations",
        "sites.csv",
        "--out",
        "one",
        "--doc",
        "job-post",
        "--doc",
        "interview-guide",
        "--format",
        "docx,md",
        "--force",
    ]);
    let run = h.succeeds();
    assert!(run.stderr.contains("0 files written"), "{}", run.stderr);
}

/// A reference .docx: hirekit's own output with its heading colour and
/// font changed, as a person would change them in Word.
fn reference_docx(h: &mut Hirekit) -> (Vec<u8>, String) {
    h.cmd([
        "render",
        ROLE,
        "--doc",
        "job-brief",
        "--format",
        "docx",
        "-o",
        "base.docx",
    ]);
    h.succeeds();
    let base = h.root().join("base.docx");
    let styles = part(&base, "word/styles.xml")
        .replace("1F3864", "C00000")
        .replace("Calibri Light", "Georgia");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let bytes = std::fs::read(&base).unwrap();
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        zip.start_file(&name, opts).unwrap();
        if name == "word/styles.xml" {
            zip.write_all(styles.as_bytes()).unwrap();
        } else {
            zip.write_all(&content).unwrap();
        }
    }
    (zip.finish().unwrap().into_inner(), styles)
}

#[test]
fn a_reference_docx_gives_its_styles() {
    let mut h = Hirekit::new().file("hirekit.yaml", "");
    let (reference, styles) = reference_docx(&mut h);
    std::fs::remove_file(h.root().join("base.docx")).unwrap();
    let h = h.file("reference.docx", &reference);
    let mut h = h;
    h.cmd([
        "render",
        ROLE,
        "--doc",
        "job-post",
        "--format",
        "docx",
        "-o",
        "post.docx",
    ]);
    h.succeeds();
    let post = h.root().join("post.docx");
    assert_eq!(part(&post, "word/styles.xml"), styles);
    assert!(part(&post, "word/styles.xml").contains("Georgia"));
    // Other formats do not read it.
    h.cmd(["render", ROLE, "--doc", "job-post"]);
    assert!(h.succeeds().stdout.starts_with("# "));

    // The same reference named in hirekit.yaml, under another name.
    let h = Hirekit::new()
        .file(
            "hirekit.yaml",
            "docx:\n  reference: brand/house-style.docx\n",
        )
        .file("brand/house-style.docx", &reference);
    let mut h = h;
    h.cmd(["render", ROLE, "--format", "docx", "-o", "jd.docx"]);
    h.succeeds();
    assert_eq!(part(&h.root().join("jd.docx"), "word/styles.xml"), styles);
}

#[test]
fn a_bad_reference_docx_is_named_with_a_fix() {
    let h = Hirekit::new()
        .file("hirekit.yaml", "")
        .file("reference.docx", "not a zip");
    let mut h = h;
    h.cmd(["render", ROLE, "--format", "docx", "-o", "jd.docx"]);
    let run = h.fails();
    assert!(
        run.stderr
            .contains("`reference.docx` is not a Word document (invalid Zip archive"),
        "{}",
        run.stderr
    );
    assert!(!h.root().join("jd.docx").exists());

    // `check` finds it too, and other formats do not need it.
    h.cmd(["check"]);
    let run = h.fails();
    assert!(
        run.stderr.contains("reference.docx") && run.stderr.contains("is not a Word document"),
        "{}",
        run.stderr
    );
    h.cmd(["render", ROLE]);
    h.succeeds();

    let mut h = Hirekit::new().file("hirekit.yaml", "docx:\n  reference: gone.docx\n");
    h.cmd(["render", ROLE, "--format", "docx", "-o", "jd.docx"]);
    let run = h.fails();
    assert!(
        run.stderr
            .contains("sets `docx.reference` to `gone.docx`, which is not a file"),
        "{}",
        run.stderr
    );
    h.cmd(["check"]);
    let run = h.fails();
    assert!(
        run.stderr
            .contains("`docx.reference`: no file `gone.docx` in the workspace"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hirekit.yaml:2:3"), "{}", run.stderr);
}

#[test]
fn docx_to_a_terminal_is_refused_and_to_a_pipe_is_written() {
    // Through a pipe (as assert_cmd runs it): the bytes.
    let run = Hirekit::new()
        .args(["render", ROLE, "--doc", "job-brief", "--format", "docx"])
        .succeeds();
    assert!(
        run.stdout.starts_with("PK"),
        "{}",
        &run.stdout[..20.min(run.stdout.len())]
    );
    // To a terminal: refused. `script` gives the command a terminal.
    if !tool_available("script", &["--version"], "apt-get install -y bsdutils") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("hirekit");
    let cmd = format!(
        "{} --color never render {ROLE} --doc job-brief --format docx",
        bin.display()
    );
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("stdout is a terminal; write it to a file with `-o FILE.docx`"),
        "{shown}"
    );
    assert!(!shown.contains("PK"), "{shown}");
}

/// A readable dump of a .docx: its entries, then document.xml with one
/// paragraph, row or table per line.
fn dump(file: &Path) -> String {
    let bytes = std::fs::read(file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::from("entries:\n");
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        out.push_str(&format!("  {} ({} bytes)\n", f.name().unwrap(), f.size()));
    }
    out.push_str("\nword/document.xml:\n");
    let mut xml = part(file, "word/document.xml");
    for tag in ["<w:p ", "<w:tbl>", "<w:tr>", "</w:tbl>", "<w:sectPr>"] {
        xml = xml.replace(tag, &format!("\n{tag}"));
    }
    out.push_str(&xml);
    out.push('\n');
    out
}

#[test]
fn job_post_docx_snapshot() {
    let (_h, files) = builtin_docx();
    insta::assert_snapshot!("job_post_docx", dump(&files[1]));
    insta::assert_snapshot!("job_post_docx_core", part(&files[1], "docProps/core.xml"));
}
