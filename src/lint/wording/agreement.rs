//! Agreement with the Gender Decoder on the project's own corpus of ads
//! (`tests/fixtures/lint/corpus-judge/`).
//!
//! `scripts/gender_decoder_reference.py` counts each ad's coded words the
//! Decoder's way and wrote `gender-decoder.csv` beside the ads. hirekit's
//! counts differ from it in exactly two intended ways, and this test checks
//! that nothing else differs:
//!
//! 1. a hit that a line of `data/lint/gender-exceptions.txt` exempts (a
//!    word that is not about the candidate) is not counted;
//! 2. a word that starts with two stems of a list ("dominant": "domina" and
//!    "dominant"; "interpersonal": "interpersona" and "interpersonal") is
//!    one hit, not two. (Stems only the paper lists, "masculine" and
//!    "feminine", would be a third difference; the corpus has neither.)
//!
//! After the file's figures it pins the measured agreement that README.md
//! and docs/lint.md state; if the corpus, the lists or the exceptions
//! change, rerun the script and update the figures and the docs together.

use super::*;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/lint/corpus-judge"
);

/// One row of `gender-decoder.csv`.
struct Reference {
    file: String,
    masculine: usize,
    feminine: usize,
    verdict: String,
}

fn reference() -> Vec<Reference> {
    let text = std::fs::read_to_string(format!("{CORPUS}/gender-decoder.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Reference {
                file: r[0].to_string(),
                masculine: r[1].parse().unwrap(),
                feminine: r[2].parse().unwrap(),
                verdict: r[3].to_string(),
            }
        })
        .collect()
}

/// How many stems of the Decoder's list for a gender a word part starts
/// with: the Decoder's hits for it.
fn decoder_hits(data: &Data, part: &str, masculine: bool) -> usize {
    data.stems
        .iter()
        .filter(|s| s.masculine == masculine && !s.paper_only && part.starts_with(&s.stem))
        .count()
}

#[test]
fn counts_match_the_gender_decoder_but_for_the_intended_differences() {
    let data = Data::builtin().unwrap();
    let rows = reference();
    let mut ads = 0;
    let mut same_counts = 0;
    let mut same_verdict = 0;
    let mut same_raw = 0;
    let mut exempt_masculine = 0;
    let mut exempt_feminine = 0;
    let mut decoder_masculine = 0;
    let mut exempt_words = Vec::new();
    for row in &rows {
        let text = std::fs::read_to_string(format!("{CORPUS}/{}", row.file)).unwrap();
        let prose = Prose::from_file(&row.file, text);
        let hits = gender_hits(&prose, &data, &[]);
        // The Decoder's counts, rebuilt from hirekit's hits: every hit,
        // exempt or not, with as many hits as stems it starts with.
        let rebuilt = |masculine: bool| -> usize {
            hits.iter()
                .filter(|h| h.masculine == masculine)
                .map(|h| decoder_hits(&data, &h.part, masculine))
                .sum()
        };
        assert_eq!(
            (rebuilt(true), rebuilt(false)),
            (row.masculine, row.feminine),
            "{}: a difference from the Decoder that is neither an exception nor a word with two stems",
            row.file
        );
        let b = balance(&prose, &data, &[]);
        let raw_m = hits.iter().filter(|h| h.masculine).count();
        let raw_f = hits.len() - raw_m;
        ads += 1;
        decoder_masculine += row.masculine;
        same_counts += usize::from((b.masculine, b.feminine) == (row.masculine, row.feminine));
        same_verdict += usize::from(b.verdict == row.verdict);
        same_raw += usize::from((raw_m, raw_f) == (row.masculine, row.feminine));
        for h in hits.iter().filter(|h| h.exempt) {
            if h.masculine {
                exempt_masculine += 1;
            } else {
                exempt_feminine += 1;
            }
            exempt_words.push(h.part.clone());
        }
    }
    exempt_words.sort();
    exempt_words.dedup();
    // The measured figures README.md and docs/lint.md state.
    assert_eq!(ads, 20);
    assert_eq!(decoder_masculine, 22, "masculine hits by the Decoder");
    // Exceptions off, hirekit counts as the Decoder does on 19 of 20 ads;
    // the 20th has "interpersonal", one hit here and two there.
    assert_eq!(same_raw, 19, "ads with the same counts, exceptions off");
    assert_eq!(same_counts, 9, "ads with the same counts");
    assert_eq!(same_verdict, 13, "ads with the same verdict");
    // 14 of the Decoder's 22 masculine hits are not about the candidate.
    assert_eq!((exempt_masculine, exempt_feminine), (14, 0), "exempt hits");
    assert_eq!(
        exempt_words,
        [
            "active",
            "confidential",
            "decisions",
            "forces",
            "independent",
            "individuals",
            "lead",
            "leading",
            "leads"
        ],
        "exempt words"
    );
}

#[test]
fn the_reference_counts_are_those_the_script_gives_today() {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/gender_decoder_reference.py"
    );
    let out = match std::process::Command::new("python3")
        .arg(script)
        .arg(CORPUS)
        .output()
    {
        Ok(out) if out.status.success() => out,
        Ok(out) => panic!("{script} failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => {
            eprintln!("skipping: python3 cannot be run here ({e})");
            return;
        }
    };
    let fixture = std::fs::read_to_string(format!("{CORPUS}/gender-decoder.csv")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        fixture,
        "gender-decoder.csv is stale: rerun {script} {CORPUS} --csv {CORPUS}/gender-decoder.csv"
    );
}
