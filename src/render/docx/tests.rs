use std::io::Read;

use super::*;

/// The text of one part of a .docx package.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn docx(md: &str) -> Vec<u8> {
    let props = Properties {
        title: "T".into(),
        subject: "job-post".into(),
        company: "Acme & Sons <West>".into(),
    };
    to_docx(md, &props, None).unwrap()
}

fn document(md: &str) -> String {
    part(&docx(md), "word/document.xml")
}

/// A paragraph of document.xml: style, numbering id and level, text.
type Para = (String, Option<(String, String)>, String);

/// The paragraphs of document.xml.
fn paragraphs(xml: &str) -> Vec<Para> {
    let attr = |s: &str, key: &str| {
        s.split(key)
            .nth(1)
            .and_then(|r| r.split('"').nth(1))
            .map(str::to_string)
    };
    xml.split("<w:p ")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or("");
            let style = attr(p, "<w:pStyle ").unwrap_or_default();
            let num = attr(p, "<w:numId ").zip(attr(p, "<w:ilvl "));
            let text: String = p
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| t.split("</w:t>").next().unwrap_or(""))
                .collect();
            (style, num, text)
        })
        .collect()
}

#[test]
fn headings_become_heading_styles_with_outline_levels() {
    let xml = document("# Title\n\nBody text.\n\n## Duties\n\n### Detail\n");
    let got: Vec<_> = paragraphs(&xml)
        .into_iter()
        .map(|(style, _, text)| (style, text))
        .collect();
    assert_eq!(
        got,
        [
            ("Heading1".into(), "Title".into()),
            ("BodyText".into(), "Body text.".into()),
            ("Heading2".into(), "Duties".into()),
            ("Heading3".into(), "Detail".into()),
        ] as [(String, String); 4]
    );
    let styles = part(&docx("# T\n"), "word/styles.xml");
    for n in 1..=6 {
        assert!(
            styles.contains(&format!(
                r#"<w:style w:type="paragraph" w:styleId="Heading{n}">"#
            )),
            "{styles}"
        );
        assert!(styles.contains(&format!(r#"<w:name w:val="heading {n}" />"#)));
    }
    assert!(styles.contains(r#"<w:outlineLvl w:val="1" />"#), "{styles}");
}

#[test]
fn nested_lists_take_numbering_levels_and_numbered_lists_restart() {
    let md = "- one\n  - inner\n    1. deep\n- two\n\n3. three\n4. four\n\n1) again\n";
    let ps = paragraphs(&document(md));
    let nums: Vec<_> = ps
        .iter()
        .map(|(style, num, text)| {
            assert_eq!(style, "ListParagraph", "{text}");
            let (id, level) = num.clone().unwrap();
            (id, level, text.as_str())
        })
        .collect();
    assert_eq!(
        nums,
        [
            ("2".into(), "0".into(), "one"),
            ("3".into(), "1".into(), "inner"),
            ("4".into(), "2".into(), "deep"),
            ("2".into(), "0".into(), "two"),
            ("5".into(), "0".into(), "three"),
            ("5".into(), "0".into(), "four"),
            ("6".into(), "0".into(), "again"),
        ] as [(String, String, &str); 7]
    );
    let numbering = part(&docx(md), "word/numbering.xml");
    // Bullets and numbers are two abstract numberings; each list is an
    // instance of one, and a numbered list starts where Markdown says.
    assert!(numbering.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="2" />"#));
    assert!(numbering.contains(r#"<w:num w:numId="4"><w:abstractNumId w:val="3" />"#));
    assert!(
        numbering.contains(r#"<w:num w:numId="5"><w:abstractNumId w:val="3" /><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3" />"#),
        "{numbering}"
    );
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet" />"#));
}

#[test]
fn loose_list_items_keep_one_marker_each() {
    let ps = paragraphs(&document("- first\n\n  more of first\n\n- second\n"));
    let marked: Vec<bool> = ps.iter().map(|(_, n, _)| n.is_some()).collect();
    assert_eq!(marked, [true, false, true]);
    assert_eq!(ps[1].2, "more of first");
}

#[test]
fn tables_become_word_tables_and_blank_columns_get_room() {
    let md = "| Competency | Score | Notes |\n|:--|:-:|:--|\n| Communication |  |  |\n| Listening |  |  |\n";
    let xml = document(md);
    assert_eq!(xml.matches("<w:tbl>").count(), 1, "{xml}");
    assert_eq!(xml.matches("<w:tr>").count(), 3);
    assert_eq!(xml.matches("<w:tc>").count(), 9);
    // The header row is shaded and bold; body rows have room to write.
    assert!(xml.contains(r#"w:fill="E7E6E6""#));
    assert!(xml.contains("<w:b />"));
    assert_eq!(
        xml.matches(r#"<w:trHeight w:val="720""#).count(),
        2,
        "{xml}"
    );
    // The header row repeats on every page the table runs onto.
    assert_eq!(xml.matches("<w:tblHeader />").count(), 1, "{xml}");
    let first_row = xml.split("<w:tr>").nth(1).unwrap();
    assert!(first_row.contains("<w:tblHeader />") && first_row.contains(">Competency<"));
    // Centred column.
    assert!(xml.contains(r#"<w:jc w:val="center" />"#));
    let grid: Vec<usize> = xml
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.len(), 3);
    assert!(grid.iter().sum::<usize>() <= TEXT_WIDTH);
    assert!(grid[2] > grid[0], "{grid:?}");
}

#[test]
fn links_stay_hyperlinks_with_their_target() {
    let bytes = docx(
        "Apply at [our site](https://jobs.example.com/?a=1&b=2) or [mail](mailto:x@example.com).\n\n[bad](javascript:alert(1)) [here](#pay) [none]()\n",
    );
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:hyperlink r:id="rIdLink1""#), "{xml}");
    assert!(xml.contains(r#"<w:hyperlink r:id="rIdLink2""#));
    // An unsafe URL keeps its text and loses its link.
    assert!(!xml.contains("rIdLink3"));
    // So do a link to an anchor and an empty link.
    assert_eq!(paragraphs(&xml)[1].2, "bad here none");
    assert!(xml.contains(r#"<w:rStyle w:val="Hyperlink" />"#));
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://jobs.example.com/?a=1&amp;b=2" TargetMode="External""#),
        "{rels}"
    );
    assert!(rels.find("rIdLink1").unwrap() < rels.find("rIdLink2").unwrap());
}

#[test]
fn emphasis_stays_emphasis() {
    let xml = document("Plain **bold** *italic* ***both*** ~~gone~~ `code`\n");
    let runs: Vec<&str> = xml.split("<w:r>").skip(1).collect();
    let run = |text: &str| {
        *runs
            .iter()
            .find(|r| r.contains(&format!(">{text}</w:t>")))
            .unwrap_or_else(|| panic!("no run {text} in {xml}"))
    };
    assert!(run("bold").contains("<w:b />") && !run("bold").contains("<w:i />"));
    assert!(run("italic").contains("<w:i />") && !run("italic").contains("<w:b />"));
    assert!(run("both").contains("<w:b />") && run("both").contains("<w:i />"));
    assert!(run("gone").contains("<w:strike />"));
    assert!(run("code").contains(r#"<w:rStyle w:val="VerbatimChar" />"#));
    assert!(!run("Plain ").contains("<w:b />"));
}

#[test]
fn markup_characters_are_escaped_and_raw_html_is_text() {
    let xml = document("Pay < $20 & tips, <b>not bold</b> \u{1}\n");
    assert!(xml.contains("Pay &lt; $20 &amp; tips, "), "{xml}");
    assert!(xml.contains("&lt;b&gt;"));
    assert!(!xml.contains("<b>"));
    assert!(!xml.contains('\u{1}'));
    // A raw HTML block is text, its lines joined by spaces.
    let xml = document("<div>\nhello\n</div>\n");
    assert_eq!(
        paragraphs(&xml)[0].2,
        "&lt;div&gt; hello &lt;/div&gt;",
        "{xml}"
    );
    let core = part(&docx("# T\n"), "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>Acme &amp; Sons &lt;West&gt;</dc:creator>"),
        "{core}"
    );
    let app = part(&docx("# T\n"), "docProps/app.xml");
    assert!(
        app.contains("<Company>Acme &amp; Sons &lt;West&gt;</Company>"),
        "{app}"
    );
}

#[test]
fn same_markdown_same_bytes_with_fixed_dates_and_order() {
    let md =
        "# A\n\n[x](https://a.example) [y](https://b.example) [z](https://c.example)\n\n- a\n- b\n";
    let a = docx(md);
    assert_eq!(a, docx(md));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&a)).unwrap();
    assert_eq!(
        zip.by_index(0).unwrap().name().unwrap(),
        "[Content_Types].xml"
    );
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (1980, 1, 1, 0));
    }
}

#[test]
fn reference_styles_replace_hirekit_styles() {
    let base = docx("# T\n");
    let styles = part(&base, "word/styles.xml").replace("1F3864", "C00000");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, styles.as_bytes()).unwrap();
    let reference = zip.finish().unwrap().into_inner();
    let taken = reference_styles("reference.docx", &reference).unwrap();
    let out = to_docx("# T\n", &Properties::default(), Some(&taken)).unwrap();
    assert!(part(&out, "word/styles.xml").contains("C00000"));

    let err = reference_styles("reference.docx", b"not a zip").unwrap_err();
    assert!(
        format!("{err:#}").contains("is not a Word document"),
        "{err:#}"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    let empty = zip.finish().unwrap().into_inner();
    let err = reference_styles("reference.docx", &empty).unwrap_err();
    assert!(
        err.to_string().contains("has no `word/styles.xml`"),
        "{err}"
    );
}

#[test]
fn relationships_sort_by_id_number() {
    let rels = br#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rIdLink10" /><Relationship Id="rId1" /><Relationship Id="rIdLink2" /></Relationships>"#;
    let sorted = String::from_utf8(package::sort_relationships(rels)).unwrap();
    assert_eq!(
        sorted,
        r#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rId1" /><Relationship Id="rIdLink2" /><Relationship Id="rIdLink10" /></Relationships>"#
    );
}

#[test]
fn every_page_has_a_footer_with_the_title_and_page_numbers() {
    let bytes = docx("# Interview Guide\n\nText.\n");
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains(">T · </w:t>"), "{footer}");
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(footer.contains("<w:instrText>NUMPAGES</w:instrText>"));
    // Its paragraph id follows the body's.
    assert!(footer.contains(r#"w14:paraId="00000003""#), "{footer}");
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains(r#"<w:footerReference w:type="default" r:id="rIdFooter1" />"#),
        "{document}"
    );
}

#[test]
fn lists_deeper_than_nine_levels_stay_at_the_ninth() {
    let md: String = (0..12)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    let levels: Vec<String> = paragraphs(&document(&md))
        .into_iter()
        .map(|(_, n, _)| n.unwrap().1)
        .collect();
    assert_eq!(levels[8], "8");
    assert_eq!(levels[11], "8");
}

proptest::proptest! {
    /// Whatever Markdown comes in, a package comes out that docx-rs can
    /// read back.
    #[test]
    fn any_markdown_makes_a_readable_package(md in "[-#*_>|`\\[\\]()!<&a-z0-9 .:\n\u{0}-\u{1f}\u{e9}]{0,200}") {
        let bytes = to_docx(&md, &Properties::default(), None).unwrap();
        proptest::prop_assert!(docx_rs::read_docx(&bytes).is_ok(), "{:?}", md);
    }
}
