//! The manifest: every file a batch wrote, with its size, SHA-256 and a
//! digest of its inputs, sorted by path, one entry per line. Writing it,
//! and reading the previous run's back into a compact table (a few dozen
//! bytes a file) that tells what is already on disk.

use std::cell::RefCell;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use anyhow::{Context as _, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::plan;
use super::write::{InputDigest, parse_hex, sha256};

/// One file of a manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to the output folder, with `/`.
    pub path: String,
    /// The role's id (empty for the index and the feed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The document (empty for the index and the feed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc: String,
    /// `md`, `html`, `txt`, `json`, or `index` / `feed`.
    pub format: String,
    /// The location's id (empty for the index and the feed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// A digest of everything the content was made from (hex), which lets
    /// a rerun skip rendering what cannot have changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub input: String,
}

/// An entry borrowed, for writing without copying.
#[derive(Serialize)]
pub struct EntryRef<'a> {
    /// See [`Entry::path`].
    pub path: &'a str,
    /// See [`Entry::role`].
    #[serde(skip_serializing_if = "str::is_empty")]
    pub role: &'a str,
    /// See [`Entry::doc`].
    #[serde(skip_serializing_if = "str::is_empty")]
    pub doc: &'a str,
    /// See [`Entry::format`].
    pub format: &'a str,
    /// See [`Entry::location`].
    #[serde(skip_serializing_if = "str::is_empty")]
    pub location: &'a str,
    /// See [`Entry::bytes`].
    pub bytes: u64,
    /// See [`Entry::sha256`].
    pub sha256: &'a str,
    /// See [`Entry::input`].
    #[serde(skip_serializing_if = "str::is_empty")]
    pub input: &'a str,
}

/// What goes between two manifest entries.
pub const ENTRY_SEPARATOR: &[u8] = b",\n    ";

/// Writes a manifest: a small header, then one entry per line, in the
/// order given (callers sort by path).
pub struct ManifestWriter<'w> {
    w: &'w mut dyn Write,
    entries: usize,
}

impl<'w> ManifestWriter<'w> {
    /// Writes the header.
    pub fn begin(w: &'w mut dyn Write, shard: Option<plan::Shard>) -> io::Result<Self> {
        writeln!(w, "{{")?;
        writeln!(w, "  \"hirekit\": \"{}\",", env!("CARGO_PKG_VERSION"))?;
        if let Some(s) = shard {
            writeln!(w, "  \"shard\": \"{s}\",")?;
        }
        write!(w, "  \"files\": [")?;
        Ok(ManifestWriter { w, entries: 0 })
    }

    /// Writes one entry, on a line of its own.
    pub fn entry<E: Serialize>(&mut self, e: &E) -> io::Result<()> {
        self.separate()?;
        serde_json::to_writer(&mut *self.w, e)?;
        self.entries += 1;
        Ok(())
    }

    /// Writes `n` entries already serialized and joined by
    /// [`ENTRY_SEPARATOR`].
    pub fn lines(&mut self, joined: &[u8], n: usize) -> io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        self.separate()?;
        self.w.write_all(joined)?;
        self.entries += n;
        Ok(())
    }

    fn separate(&mut self) -> io::Result<()> {
        if self.entries == 0 {
            self.w.write_all(b"\n    ")
        } else {
            self.w.write_all(ENTRY_SEPARATOR)
        }
    }

    /// Closes the list and the object.
    pub fn end(self) -> io::Result<()> {
        writeln!(self.w, "\n  ]\n}}")
    }
}

/// Writes a whole manifest from its entries.
pub fn write_manifest<E: Serialize>(
    w: &mut dyn Write,
    shard: Option<plan::Shard>,
    entries: impl Iterator<Item = E>,
) -> io::Result<()> {
    let mut m = ManifestWriter::begin(w, shard)?;
    for e in entries {
        m.entry(&e)?;
    }
    m.end()
}

/// Reads a manifest entry by entry, without holding the whole list:
/// `each` gets every entry, and `restart` is called when reading starts
/// over (entries seen so far are to be forgotten). Returns the SHA-256 of
/// the file, or `None` when there is no file.
fn read_manifest(
    path: &Path,
    each: &mut dyn FnMut(Entry),
    restart: &mut dyn FnMut(),
) -> Result<Option<[u8; 32]>> {
    let cannot_read = || format!("cannot read `{}`", path.display());
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(cannot_read),
    };
    // The layout `ManifestWriter` writes is read line by line (fast, and
    // one entry in memory at a time); anything else by a JSON parser.
    if let Some(digest) = read_lines(file, each).with_context(cannot_read)? {
        return Ok(Some(digest));
    }
    restart();
    let file = fs::File::open(path).with_context(cannot_read)?;
    let mut reader = HashingReader::new(io::BufReader::with_capacity(1 << 16, file));
    {
        let mut de = serde_json::Deserializer::from_reader(&mut reader);
        ManifestSeed(each)
            .deserialize(&mut de)
            .and_then(|()| de.end())
            .map_err(|e| {
                anyhow::anyhow!(
                    "the previous manifest `{}` is not valid ({e}); remove it to start afresh",
                    path.display()
                )
            })?;
    }
    io::copy(&mut reader, &mut io::sink()).with_context(cannot_read)?;
    Ok(Some(reader.hasher.finalize().into()))
}

/// Reads a manifest laid out as `ManifestWriter` writes it, one entry per
/// line; `None` as soon as a line does not fit that layout.
fn read_lines(file: fs::File, each: &mut dyn FnMut(Entry)) -> io::Result<Option<[u8; 32]>> {
    #[derive(PartialEq)]
    enum At {
        Start,
        Header,
        Files,
        ListEnd,
        End,
    }
    let mut reader = io::BufReader::with_capacity(1 << 16, HashingReader::new(file));
    let mut line = String::new();
    let mut at = At::Start;
    loop {
        line.clear();
        if io::BufRead::read_line(&mut reader, &mut line)? == 0 {
            break;
        }
        let t = line.trim();
        at = match at {
            At::Start if t == "{" => At::Header,
            At::Header if t == "\"files\": [" => At::Files,
            At::Header if t.starts_with("\"hirekit\":") || t.starts_with("\"shard\":") => {
                At::Header
            }
            At::Files if t == "]" => At::ListEnd,
            At::Files => {
                let t = t.strip_suffix(',').unwrap_or(t);
                match serde_json::from_str::<Entry>(t) {
                    Ok(entry) if t.starts_with('{') => each(entry),
                    _ => return Ok(None),
                }
                At::Files
            }
            At::ListEnd if t == "}" => At::End,
            At::End if t.is_empty() => At::End,
            _ => return Ok(None),
        };
    }
    if at != At::End {
        return Ok(None);
    }
    Ok(Some(reader.into_inner().hasher.finalize().into()))
}

/// A reader that hashes what passes through it.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: io::Read> HashingReader<R> {
    fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: Sha256::new(),
        }
    }
}

impl<R: io::Read> io::Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Visits the top-level object, handing each entry of `files` to `F`.
struct ManifestSeed<'f, F: ?Sized>(&'f mut F);

impl<'de, F: FnMut(Entry) + ?Sized> DeserializeSeed<'de> for ManifestSeed<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Entry) + ?Sized> Visitor<'de> for ManifestSeed<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a hirekit manifest")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "files" {
                map.next_value_seed(FilesSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct FilesSeed<'f, F: ?Sized>(&'f mut F);

impl<'de, F: FnMut(Entry) + ?Sized> DeserializeSeed<'de> for FilesSeed<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Entry) + ?Sized> Visitor<'de> for FilesSeed<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of files")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Entry>()? {
            (self.0)(entry);
        }
        Ok(())
    }
}

/// The key a path is looked up by: its 128-bit FNV-1a hash, so that the
/// previous manifest costs a few dozen bytes per file in memory.
fn path_key(path: &str) -> u128 {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in path.bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// A file the previous manifest lists: what tells whether it is still on
/// disk as listed, and whether its inputs changed.
#[derive(Debug)]
pub struct Prev {
    /// Its content hash.
    pub sha: [u8; 32],
    /// Its size.
    pub bytes: u64,
    /// Its input digest, when it has one.
    pub input: Option<InputDigest>,
    seen: AtomicBool,
}

impl Prev {
    /// Notes that this run produces the file again.
    pub fn mark_seen(&self) {
        self.seen.store(true, Ordering::Relaxed);
    }

    fn seen(&self) -> bool {
        self.seen.load(Ordering::Relaxed)
    }
}

/// The previous run's manifest: what it wrote, and when.
#[derive(Debug)]
pub struct Previous {
    path: PathBuf,
    mtime: Option<SystemTime>,
    digest: [u8; 32],
    /// Sorted by key.
    entries: Vec<(u128, Prev)>,
    /// Every entry was usable, and no path was listed twice.
    tidy: bool,
}

impl Previous {
    /// Reads the manifest at `path`; `None` when there is none. Entries with
    /// a path that is not safe or a malformed hash are left out (a manifest
    /// is data, and `--clean` must never reach outside `--out`).
    pub fn load(path: &Path) -> Result<Option<Previous>> {
        let mtime = fs::metadata(path).and_then(|m| m.modified()).ok();
        // (entries, how many the file lists); both closures need it.
        let collected = RefCell::new((Vec::new(), 0_usize));
        let digest = read_manifest(
            path,
            &mut |entry| {
                let mut c = collected.borrow_mut();
                c.1 += 1;
                if let Some(prev) = compact(&entry) {
                    c.0.push((path_key(&entry.path), prev));
                }
            },
            &mut || *collected.borrow_mut() = (Vec::new(), 0),
        )?;
        let (mut entries, listed) = collected.into_inner();
        let Some(digest) = digest else {
            return Ok(None);
        };
        entries.sort_unstable_by_key(|(k, _)| *k);
        entries.dedup_by_key(|(k, _)| *k);
        entries.shrink_to_fit();
        Ok(Some(Previous {
            path: path.to_path_buf(),
            mtime,
            digest,
            tidy: entries.len() == listed,
            entries,
        }))
    }

    /// The SHA-256 of the manifest file.
    pub fn digest(&self) -> [u8; 32] {
        self.digest
    }

    /// Whether the manifest lists exactly `files` usable entries, each once.
    pub fn lists_exactly(&self, files: usize) -> bool {
        self.tidy && self.entries.len() == files
    }

    /// The entry for a path.
    pub fn get(&self, path: &str) -> Option<&Prev> {
        let key = path_key(path);
        self.entries
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .map(|i| &self.entries[i].1)
    }

    /// Whether the file at `abs` still holds what `prev` describes: the same
    /// size and not modified since the manifest was written; or, when it
    /// is newer than the manifest, the same SHA-256.
    pub fn on_disk(&self, abs: &Path, prev: &Prev) -> bool {
        let Ok(meta) = fs::metadata(abs) else {
            return false;
        };
        if !meta.is_file() || meta.len() != prev.bytes {
            return false;
        }
        match (meta.modified(), self.mtime) {
            (Ok(file), Some(manifest)) if file < manifest => true,
            _ => fs::read(abs).is_ok_and(|b| sha256(&b) == prev.sha),
        }
    }

    /// The entries this run did not produce again, read back from the
    /// manifest file, sorted by path.
    pub fn unseen(&self) -> Result<Vec<Entry>> {
        if self.entries.iter().all(|(_, p)| p.seen()) {
            return Ok(Vec::new());
        }
        let out = RefCell::new(Vec::new());
        read_manifest(
            &self.path,
            &mut |entry| {
                if compact(&entry).is_some() && self.get(&entry.path).is_some_and(|p| !p.seen()) {
                    out.borrow_mut().push(entry);
                }
            },
            &mut || out.borrow_mut().clear(),
        )?;
        let mut out = out.into_inner();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out.dedup_by(|a, b| a.path == b.path);
        Ok(out)
    }
}

/// The part of an entry kept in memory, if the entry is usable.
fn compact(entry: &Entry) -> Option<Prev> {
    plan::check_path(&entry.path).ok()?;
    Some(Prev {
        sha: parse_hex::<32>(&entry.sha256)?,
        bytes: entry.bytes,
        input: parse_hex::<8>(&entry.input),
        seen: AtomicBool::new(false),
    })
}

#[cfg(test)]
mod tests {
    use super::super::write::{hex, write_streamed};
    use super::*;

    #[test]
    fn manifest_is_one_entry_per_line_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let entries = [("a/b.md", "md"), ("index.html", "index")].map(|(p, f)| EntryRef {
            path: p,
            role: if f == "md" { "r" } else { "" },
            doc: "",
            format: f,
            location: "",
            bytes: 1,
            sha256: &sha,
            input: "",
        });
        write_streamed(&path, |w| write_manifest(w, None, entries.into_iter())).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 7, "{text}");
        let prev = Previous::load(&path).unwrap().unwrap();
        assert_eq!(prev.get("a/b.md").unwrap().bytes, 1);
        assert!(prev.get("index.html").unwrap().input.is_none());
        assert!(prev.get("c.md").is_none());
        assert_eq!(prev.unseen().unwrap().len(), 2);
        prev.get("a/b.md").unwrap().mark_seen();
        let unseen = prev.unseen().unwrap();
        assert_eq!(unseen.len(), 1);
        assert_eq!(unseen[0].path, "index.html");
        assert_eq!(prev.digest(), sha256(text.as_bytes()));
    }

    #[test]
    fn manifests_in_another_layout_are_read_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        // The first entry on one line as usual, the second spread over
        // several: the line reader gives up after one entry and starts over.
        let text = format!(
            "{{\n  \"files\": [\n    {{\"path\":\"a.md\",\"format\":\"md\",\"bytes\":1,\"sha256\":\"{sha}\"}},\n    {{\n      \"path\": \"b.md\",\n      \"format\": \"md\",\n      \"bytes\": 1,\n      \"sha256\": \"{sha}\"\n    }}\n  ]\n}}\n"
        );
        fs::write(&path, &text).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        assert!(prev.lists_exactly(2));
        assert_eq!(prev.digest(), sha256(text.as_bytes()));
        let unseen = prev.unseen().unwrap();
        assert_eq!(unseen.len(), 2);
    }

    #[test]
    fn unsafe_manifest_entries_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let json = format!(
            r#"{{"files": [{{"path": "../../etc/passwd", "format": "md", "bytes": 1, "sha256": "{sha}"}},
                {{"path": "ok.md", "format": "md", "bytes": 1, "sha256": "nothex"}},
                {{"path": "good.md", "format": "md", "bytes": 1, "sha256": "{sha}"}}]}}"#
        );
        fs::write(&path, json).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        let unseen = prev.unseen().unwrap();
        let paths: Vec<&str> = unseen.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["good.md"]);
        fs::write(&path, "{not json").unwrap();
        assert!(Previous::load(&path).is_err());
        assert!(
            Previous::load(&dir.path().join("none.json"))
                .unwrap()
                .is_none()
        );
    }
}
