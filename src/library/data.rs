//! The embedded O*NET data: the index (codes, titles, the shared
//! vocabulary, where each record is) decoded once per process, and one
//! occupation's record inflated on demand.

use std::sync::OnceLock;

use super::codec::{Reader, inflate};
use super::model::Occupation;
use super::record;

/// An embedded library file (see `builtin::LIBRARY`).
pub(crate) fn file(name: &str) -> &'static [u8] {
    crate::builtin::library_file(name)
}

/// One occupation in the library's list: enough to list and search
/// without decoding its record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Entry {
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
    let mut r = Reader::new(bytes);
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
    INDEX.get_or_init(|| decode_index(file("onet-index.bin")).unwrap_or_default())
}

/// Decodes the record of one entry.
pub(crate) fn load(entry: &Entry) -> Option<Occupation> {
    let (offset, len) = entry.at;
    let block = file("onet-records.bin").get(offset..offset.checked_add(len)?)?;
    let raw = inflate(block)?;
    record::decode(&entry.code, &entry.title, &raw, &index().vocab)
}

/// The search titles of every entry, in index order: `(alternate and
/// short titles, reported titles)`.
pub(crate) fn titles() -> &'static [(Vec<String>, Vec<String>)] {
    static TITLES: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    TITLES.get_or_init(|| decode_titles(file("onet-titles.bin")).unwrap_or_default())
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
