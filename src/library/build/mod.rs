//! `hirekit occupations build`: reads the raw public data (O*NET 29.3,
//! BLS OEWS May 2025, OMB principal cities) and writes the files the
//! binary embeds under `data/library/`. Maintainers run it when the data
//! change; the output is byte-identical from run to run.

mod oews;
mod onet;
mod tables;

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;

use super::codec::{Writer, deflate};
use super::record::{self, Vocab};

/// The files the build writes, in the order it writes them.
pub(crate) const FILES: [&str; 5] = [
    "onet-index.bin",
    "onet-records.bin",
    "onet-titles.bin",
    "oews-index.bin",
    "oews-records.bin",
];

/// Where the raw data live under `--from`.
const ONET_DIR: &str = "onet-29.3";
const OEWS_FILE: &str = "oews-may2025/all_data_M_2025__cross-industry.csv";
const CITIES_FILE: &str = "geo/cbsa-principal-cities__2018-delineation.csv";

/// The built files: `(name, bytes)` in the order of [`FILES`].
pub(crate) fn build(from: &Path) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let occupations = onet::read(&from.join(ONET_DIR))?;
    let (index, records, titles) = encode_onet(&occupations, &from.join(ONET_DIR))?;
    let oews = oews::build(&from.join(OEWS_FILE), &from.join(CITIES_FILE), "May 2025")?;
    Ok(FILES
        .into_iter()
        .zip([index, records, titles, oews.index, oews.records])
        .collect())
}

fn encode_onet(
    occupations: &[super::Occupation],
    onet_dir: &Path,
) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let mut vocab = Vocab::default();
    let mut records = Vec::new();
    let mut entries = Writer::default();
    entries.len(occupations.len());
    for o in occupations {
        let block = deflate(&record::encode(o, &mut vocab));
        entries.str(&o.code);
        entries.str(&o.title);
        entries.len(records.len());
        entries.len(block.len());
        records.extend_from_slice(&block);
    }
    let mut index = Writer::default();
    index.str(super::ONET_MAGIC);
    index.str(&release(onet_dir));
    index.len(vocab.list.len());
    for s in &vocab.list {
        index.str(s);
    }
    index.buf.extend_from_slice(&entries.buf);

    // Search titles: alternate titles with O*NET's short forms, then
    // reported titles, per occupation in index order.
    let shorts = onet_short_titles(onet_dir)?;
    let mut titles = Writer::default();
    titles.len(occupations.len());
    for o in occupations {
        let mut seen = HashSet::new();
        let mut alts: Vec<&str> = Vec::new();
        for t in o.alternate_titles.iter().map(String::as_str).chain(
            shorts
                .iter()
                .filter(|(c, _)| *c == o.code)
                .map(|(_, s)| s.as_str()),
        ) {
            if seen.insert(t) {
                alts.push(t);
            }
        }
        titles.len(alts.len());
        for t in alts {
            titles.str(t);
        }
        titles.len(o.reported_titles.len());
        for t in &o.reported_titles {
            titles.str(t);
        }
    }
    // The index is read by every look-up: kept plain, it is parsed without
    // inflating (86 KB instead of 30 KB).
    Ok((index.buf, records, deflate(&titles.buf)))
}

/// `(code, short title)` pairs of O*NET's Alternate Titles, sorted.
fn onet_short_titles(dir: &Path) -> Result<Vec<(String, String)>> {
    let t = tables::find(dir, "Alternate Titles", &["O*NET-SOC Code", "Short Title"])?;
    let (c, s) = (t.col("O*NET-SOC Code")?, t.col("Short Title")?);
    let mut out: Vec<(String, String)> = t
        .rows
        .iter()
        .filter(|r| !r[s].is_empty())
        .map(|r| (r[c].clone(), r[s].clone()))
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// `O*NET 29.3`, from the first line of `Read Me.txt` when it names the
/// release (`O*NET 29.3 Database`).
fn release(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("Read Me.txt"))
        .ok()
        .and_then(|t| {
            t.lines()
                .next()
                .map(|l| l.trim().trim_end_matches(" Database").to_string())
        })
        .filter(|l| l.starts_with("O*NET "))
        .unwrap_or_else(|| "O*NET".to_string())
}
