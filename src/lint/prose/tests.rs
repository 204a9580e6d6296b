//! Reading Markdown, HTML and text into prose, and mapping words back.

use super::*;

fn words(p: &Prose) -> Vec<&str> {
    (0..p.words.len()).map(|i| p.word(i)).collect()
}

#[test]
fn tokenizer_keeps_inner_joiners_and_skips_urls() {
    let cases: [(&str, &[&str], &[&str]); 5] = [
        ("Don't stop", &["Don't", "stop"], &[]),
        (
            "quick-moving, $56,140 a year",
            &["quick-moving", "56,140", "a", "year"],
            &[],
        ),
        ("end. Next", &["end", "Next"], &[]),
        (
            "Apply at https://jobs.example.com/x.",
            &["Apply", "at"],
            &["https://jobs.example.com/x"],
        ),
        ("401(k) plans", &["401", "k", "plans"], &[]),
    ];
    for (text, want, want_links) in cases {
        let (w, links) = tokenize(text);
        let got: Vec<&str> = w.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, want, "{text}");
        assert_eq!(links, want_links, "{text}");
    }
}

#[test]
fn markdown_words_map_to_their_line_and_column() {
    let src = "# Title\n\nWe want a **rockstar**.\n\n- Be a ninja\n".to_string();
    let p = Prose::from_markdown("ad.md", src);
    assert_eq!(
        words(&p),
        ["Title", "We", "want", "a", "rockstar", "Be", "a", "ninja"]
    );
    let place = p.place_words(4, 4);
    assert_eq!((place.line, place.column, place.len), (3, 13, 8));
    let place = p.place_words(7, 7);
    assert_eq!((place.line, place.column), (5, 8));
    let kinds: Vec<BlockKind> = p.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [BlockKind::Heading(1), BlockKind::Para, BlockKind::Item]
    );
}

#[test]
fn markdown_autolinks_are_links_not_words() {
    let p = Prose::from_markdown("a.md", "Apply at <https://x.example/jobs>.\n".into());
    assert_eq!(words(&p), ["Apply", "at"]);
    assert_eq!(p.links, ["https://x.example/jobs"]);
}

#[test]
fn html_drops_tags_scripts_and_decodes_entities() {
    let src = "<html><head><title>Job</title><style>p{color:red}</style></head>\n<body><h1>Sales &amp; Support</h1>\n<p>Be a <b>guru</b> &mdash; <a href=\"https://x.example\">apply</a></p>\n<script>var ninja = 1;</script></body></html>\n".to_string();
    let p = Prose::from_html("ad.html", src);
    assert_eq!(words(&p), ["Sales", "Support", "Be", "a", "guru", "apply"]);
    assert_eq!(p.links, ["https://x.example"]);
    let title = p.title().unwrap();
    assert_eq!(p.block_text(title), "Job");
    let place = p.place_words(4, 4);
    assert_eq!((place.line, place.column, place.len), (3, 12, 4));
}

#[test]
fn text_headings_items_and_paragraphs() {
    let src =
        "Customer Rep\n============\n\nWe need a\nrockstar.\n\n- Answer calls\n- Be a ninja\n"
            .to_string();
    let p = Prose::from_text("ad.txt", src);
    let kinds: Vec<BlockKind> = p.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Para,
            BlockKind::Item,
            BlockKind::Item
        ]
    );
    let i = words(&p).iter().position(|w| *w == "rockstar").unwrap();
    let place = p.place_words(i, i);
    assert_eq!((place.line, place.column), (5, 1));
    let i = words(&p).iter().position(|w| *w == "ninja").unwrap();
    assert_eq!(p.place_words(i, i).column, 8);
}

#[test]
fn empty_sections_are_headings_followed_by_a_peer() {
    let p = Prose::from_markdown(
        "a.md",
        "# A\n\n## Empty\n\n## Full\n\ntext\n\n### Sub\n\nmore\n\n## Last\n".into(),
    );
    let empty: Vec<&str> = p.empty_sections().iter().map(|b| p.block_text(b)).collect();
    assert_eq!(empty, ["Empty", "Last"]);
}

#[test]
fn words_ending_in_multibyte_characters_map_cleanly() {
    let p = Prose::from_text("a.txt", "Un café ninja crème\n".into());
    let place = p.place_words(1, 1);
    assert_eq!((place.line, place.column, place.len), (1, 4, 4));
    let place = p.place_words(3, 3);
    assert_eq!((place.column, place.len), (15, 5));
    let html = Prose::from_html("a.html", "<p>R&amp;D crème ninja</p>".into());
    let place = html.place_words(2, 2);
    assert_eq!((place.column, place.len), (12, 5));
}

/// Scrambled documents (tags, entities, money, Unicode, URLs, markup) go
/// through every reader and every rule without a panic, and every word maps
/// back to a place inside its file.
#[test]
fn scrambled_input_never_panics() {
    use crate::lint::LintSettings;
    use crate::lint::{Data, Date, LintInput, OfferedPay, Place, Scope, Site, Subject, check};

    const PIECES: [&str; 32] = [
        "<",
        ">",
        "</",
        "<p>",
        "<h2>",
        "</h2>",
        "<script>",
        "&amp;",
        "&#x41;",
        "&#99999999;",
        "&",
        ";",
        "$",
        "$1",
        "8,5",
        ".5k",
        " - ",
        " to ",
        "up to ",
        "+",
        "é",
        "日本",
        "’",
        "'",
        "-",
        "\n",
        "\n\n",
        "===\n",
        "- ",
        "# ",
        "https://x.example/a",
        "rockstar ninja ",
    ];
    let data = Data::builtin().unwrap();
    let settings = LintSettings::default();
    let location = crate::load::location::parse_arg("Denver, CO").unwrap();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..1500 {
        let mut doc = String::new();
        for _ in 0..(round % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            doc.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        for file in ["a.md", "a.html", "a.txt"] {
            let prose = Prose::from_file(file, doc.clone());
            for i in 0..prose.words.len() {
                let place = prose.place_words(i, i);
                assert!(
                    place.line >= 1 && place.line <= doc.lines().count().max(1),
                    "{doc:?}"
                );
            }
            let (pay, _) = crate::lint::pay::pay_in_text(&prose);
            let site = Site {
                location: location.clone(),
                place: Place::file(file),
                offered: pay.map(|p| p.pay).or(Some(OfferedPay {
                    min: None,
                    max: None,
                })),
                pay_place: Place::file(file),
                market_average: false,
            };
            let input = LintInput {
                prose: &prose,
                subject: Subject::File { file },
                company: None,
                site: Some(&site),
                date: Date::parse("2025-01-01").unwrap(),
                settings: &settings,
                data: &data,
            };
            let _ = check(&input, Scope::All);
        }
    }
}
