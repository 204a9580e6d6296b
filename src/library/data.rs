//! The embedded O*NET data: the index (codes, titles, the shared
//! vocabulary, where each record is) decoded once per process, and one
//! occupation's record inflated on demand.

use std::sync::OnceLock;

use super::codec::{Reader, inflate};
use super::model::Occupation;
use super::record;

/// `data/library/onet-index.bin`: deflated index.
pub(crate) const ONET_INDEX: &[u8] = include_bytes!("../../data/library/onet-index.bin");
/// `data/library/onet-records.bin`: one deflated record per occupation.
pub(crate) const ONET_RECORDS: &[u8] = include_bytes!("../../data/library/onet-records.bin");
/// `data/library/onet-titles.bin`: deflated search titles.
pub(crate) const ONET_TITLES: &[u8] = include_bytes!("../../data/library/onet-titles.bin");
/// `data/library/oews-index.bin`: deflated areas, cities and occupations.
pub(crate) const OEWS_INDEX: &[u8] = include_bytes!("../../data/library/oews-index.bin");
/// `data/library/oews-records.bin`: one deflated pay record per occupation.
pub(crate) const OEWS_RECORDS: &[u8] = include_bytes!("../../data/library/oews-records.bin");

/// One occupation in the library's list: enough to list and search
/// without decoding its record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The O*NET-SOC code, e.g. `43-4051.00`.
    pub code: String,
    /// The six-digit SOC code, e.g. `43-4051`.
    pub soc: String,
    /// O*NET's title.
    pub title: String,
    #[serde(skip)]
    at: (usize, usize),
}

/// The decoded O*NET index.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// The data's release, e.g. `O*NET 29.3`.
    pub(crate) release: String,
    vocab: Vec<String>,
    /// Every occupation, sorted by code.
    pub(crate) entries: Vec<Entry>,
}

fn decode_index(bytes: &[u8]) -> Option<Index> {
    let raw = inflate(bytes)?;
    let mut r = Reader::new(&raw);
    if r.str()? != super::ONET_MAGIC {
        return None;
    }
    let release = r.str()?.to_string();
    let n = r.len()?;
    let vocab = (0..n)
        .map(|_| r.str().map(str::to_string))
        .collect::<Option<Vec<_>>>()?;
    let n = r.len()?;
    let entries = (0..n)
        .map(|_| {
            let code = r.str()?.to_string();
            let title = r.str()?.to_string();
            let at = (r.len_unbounded()?, r.len_unbounded()?);
            Some(Entry {
                soc: code.get(..7)?.to_string(),
                code,
                title,
                at,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Index {
        release,
        vocab,
        entries,
    })
}

/// The index of the embedded data (empty if the data were corrupt, which
/// the tests rule out).
pub(crate) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| decode_index(ONET_INDEX).unwrap_or_default())
}

/// Decodes the record of one entry.
pub(crate) fn load(entry: &Entry) -> Option<Occupation> {
    let (offset, len) = entry.at;
    let block = ONET_RECORDS.get(offset..offset.checked_add(len)?)?;
    let raw = inflate(block)?;
    record::decode(&entry.code, &entry.title, &raw, &index().vocab)
}

/// The search titles of every entry, in index order: `(alternate and
/// short titles, reported titles)`.
pub(crate) fn titles() -> &'static [(Vec<String>, Vec<String>)] {
    static TITLES: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    TITLES.get_or_init(|| decode_titles(ONET_TITLES).unwrap_or_default())
}

fn decode_titles(bytes: &[u8]) -> Option<Vec<(Vec<String>, Vec<String>)>> {
    let raw = inflate(bytes)?;
    let mut r = Reader::new(&raw);
    let n = r.len()?;
    let strings = |r: &mut Reader<'_>| -> Option<Vec<String>> {
        let n = r.len()?;
        (0..n).map(|_| r.str().map(str::to_string)).collect()
    };
    (0..n)
        .map(|_| Some((strings(&mut r)?, strings(&mut r)?)))
        .collect()
}
