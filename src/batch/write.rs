//! Writing a batch's files: atomic writes, the manifest, deciding whether a
//! file must be written at all, and `--clean`.
//!
//! Each file is written to a temporary file in its own folder
//! (`.hirekit-XXXXXX.tmp`, a name no pattern can produce) and renamed over
//! the target, so a killed run leaves every file either old or new. Files
//! are not fsynced one by one: the rename is what keeps a file whole, and
//! syncing thousands of small files would cost more than the rendering.
//! After a power loss, rerun the batch; the manifest is written last and
//! files newer than it are checked by content.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use anyhow::{Context as _, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::plan;

/// The SHA-256 of some bytes.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    hex_into(&mut s, bytes);
    s
}

/// Appends lower-case hex to `out`.
pub fn hex_into(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
}

/// The digest of what a file was made from: 64 bits of a SHA-256, enough
/// to tell a change (a false match is a 1 in 2^64 chance per changed ad).
pub type InputDigest = [u8; 8];

/// Parses lower- or upper-case hex of exactly `N` bytes.
pub fn parse_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
    if s.len() != 2 * N || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// A writer that hashes what passes through it and counts the bytes.
pub struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Hashing<W> {
    /// Wraps a writer (`io::sink()` to only hash).
    pub fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The hash and length of everything written, and the inner writer.
    pub fn finish(self) -> ([u8; 32], u64, W) {
        (self.hasher.finalize().into(), self.bytes, self.inner)
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A temporary file beside `target`, created with the usual permissions
/// (0666 less the umask), as a file created directly would have.
pub fn temp_beside(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hirekit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Writes files atomically, creating folders once.
#[derive(Default)]
pub struct Writer {
    /// Folders seen so far, and whether this run created them.
    dirs: Mutex<HashMap<PathBuf, bool>>,
}

impl Writer {
    /// Makes sure `dir` exists (unless `create` is false, as in a dry
    /// run) and tells whether it is new: created by this run, so that no
    /// file in it can be left from before.
    pub fn prepare_dir(&self, dir: &Path, create: bool) -> Result<bool> {
        if let Some(fresh) = self.dirs.lock().ok().and_then(|d| d.get(dir).copied()) {
            return Ok(fresh);
        }
        let fresh = !dir.is_dir();
        if fresh && create {
            fs::create_dir_all(dir)
                .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
        }
        if let Ok(mut dirs) = self.dirs.lock() {
            // Another thread may have got here first; keep its answer.
            return Ok(*dirs.entry(dir.to_path_buf()).or_insert(fresh));
        }
        Ok(fresh)
    }

    /// Writes `content` to `path`, a name nothing has yet (its folder was
    /// created by this run). On Linux the file is written unnamed
    /// (`O_TMPFILE`) and then linked under its name, which appears only
    /// once the file is whole; elsewhere, or when that fails, as
    /// [`Writer::write`] does.
    pub fn write_new(&self, path: &Path, content: &[u8]) -> Result<()> {
        #[cfg(target_os = "linux")]
        if linked_new(path, content).unwrap_or(false) {
            return Ok(());
        }
        self.write(path, content)
    }

    /// Writes `content` to `path` (whose folder exists): a temporary file
    /// in the same folder, then a rename.
    pub fn write(&self, path: &Path, content: &[u8]) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut tmp = temp_beside(dir)
            .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
        tmp.write_all(content)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(())
    }
}

/// Writes `content` into an unnamed file in `path`'s folder and links it
/// as `path`. `Ok(false)` when the file system or the system cannot, or
/// `path` exists: nothing is left behind, and the caller writes another way.
#[cfg(target_os = "linux")]
fn linked_new(path: &Path, content: &[u8]) -> io::Result<bool> {
    use rustix::fs::{AtFlags, CWD, Mode, OFlags, linkat, openat};
    use std::os::fd::AsRawFd;
    let dir = path.parent().unwrap_or(Path::new("."));
    let Ok(fd) = openat(
        CWD,
        dir,
        OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC,
        Mode::from_bits_truncate(0o666),
    ) else {
        return Ok(false);
    };
    let mut file = fs::File::from(fd);
    file.write_all(content)?;
    let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
    Ok(linkat(CWD, unnamed.as_str(), CWD, path, AtFlags::SYMLINK_FOLLOW).is_ok())
}

/// Streams a file through `fill` into a temporary file beside `path`, then
/// renames it over `path`.
pub fn write_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_beside(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    let mut w = BufWriter::new(tmp);
    fill(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    let tmp = w
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

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

/// Whether a file must be written: not when the file on disk already holds
/// exactly `content` (known from the previous manifest, or found by
/// comparing the bytes when the sizes match).
pub fn needs_write(
    previous: Option<&Previous>,
    rel: &str,
    abs: &Path,
    content: &[u8],
    sha: &[u8; 32],
) -> bool {
    if let Some(prev) = previous.and_then(|p| p.get(rel).map(|e| (p, e))) {
        let (manifest, entry) = prev;
        entry.mark_seen();
        return !(entry.sha == *sha
            && entry.bytes == content.len() as u64
            && manifest.on_disk(abs, entry));
    }
    match fs::metadata(abs) {
        Ok(meta) if meta.is_file() && meta.len() == content.len() as u64 => {
            fs::read(abs).map_or(true, |old| old != content)
        }
        _ => true,
    }
}

/// Removes a file a previous manifest listed; `false` when it was already
/// gone. Only files are removed, never folders or anything unlisted.
pub fn remove_listed(out: &Path, rel: &str) -> Result<bool> {
    plan::check_path(rel).map_err(anyhow::Error::msg)?;
    let abs = out.join(rel);
    match fs::symlink_metadata(&abs) {
        Ok(meta) if meta.is_dir() => Ok(false),
        Ok(_) => match fs::remove_file(&abs) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e).with_context(|| format!("cannot remove `{}`", abs.display())),
        },
        Err(_) => Ok(false),
    }
}

/// Removes the folders of removed files that are now empty, deepest first,
/// never `out` itself.
pub fn prune_empty_dirs<'a>(out: &Path, removed: impl Iterator<Item = &'a str>) {
    let mut dirs: Vec<&str> = Vec::new();
    for rel in removed {
        let mut cur = rel;
        while let Some((parent, _)) = cur.rsplit_once('/') {
            dirs.push(parent);
            cur = parent;
        }
    }
    dirs.sort_unstable_by(|a, b| {
        b.matches('/')
            .count()
            .cmp(&a.matches('/').count())
            .then(b.cmp(a))
    });
    dirs.dedup();
    for d in dirs {
        // Fails (and is meant to) when the folder still has anything in it.
        let _ = fs::remove_dir(out.join(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let h = sha256(b"abc");
        assert_eq!(
            hex(&h),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(parse_hex::<32>(&hex(&h)), Some(h));
        assert_eq!(parse_hex::<2>("zz00"), None);
        assert_eq!(parse_hex::<2>("00"), None);
    }

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

    #[test]
    fn unchanged_files_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("a.md");
        let w = Writer::default();
        assert!(!w.prepare_dir(dir.path(), true).unwrap());
        w.write(&abs, b"one").unwrap();
        // No manifest: same bytes on disk are found by comparing.
        assert!(!needs_write(None, "a.md", &abs, b"one", &sha256(b"one")));
        assert!(needs_write(None, "a.md", &abs, b"two", &sha256(b"two")));
        assert!(needs_write(
            None,
            "b.md",
            &dir.path().join("b.md"),
            b"x",
            &sha256(b"x")
        ));
        // With a manifest written after the file.
        let sha = hex(&sha256(b"one"));
        let manifest = dir.path().join("manifest.json");
        let entry = EntryRef {
            path: "a.md",
            role: "",
            doc: "",
            format: "md",
            location: "",
            bytes: 3,
            sha256: &sha,
            input: "",
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_streamed(&manifest, |w| {
            write_manifest(w, None, std::iter::once(entry))
        })
        .unwrap();
        let prev = Previous::load(&manifest).unwrap().unwrap();
        assert!(!needs_write(
            Some(&prev),
            "a.md",
            &abs,
            b"one",
            &sha256(b"one")
        ));
        assert!(prev.unseen().unwrap().is_empty());
        // Edited behind our back (same size): found by its hash.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&abs, b"uno").unwrap();
        assert!(needs_write(
            Some(&prev),
            "a.md",
            &abs,
            b"one",
            &sha256(b"one")
        ));
    }

    #[test]
    fn new_files_appear_whole_and_existing_ones_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let w = Writer::default();
        let path = dir.path().join("a.md");
        w.write_new(&path, b"first").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        // Not new after all: still written, by rename.
        w.write_new(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary files left");
    }

    #[test]
    fn clean_removes_listed_files_and_empty_folders_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let w = Writer::default();
        assert!(w.prepare_dir(&out.join("r/d"), true).unwrap());
        assert!(w.prepare_dir(&out.join("r/e"), true).unwrap());
        w.write(&out.join("r/d/a.md"), b"a").unwrap();
        w.write(&out.join("r/d/b.md"), b"b").unwrap();
        w.write(&out.join("r/e/c.md"), b"c").unwrap();
        assert!(remove_listed(out, "r/e/c.md").unwrap());
        assert!(!remove_listed(out, "r/e/c.md").unwrap());
        assert!(remove_listed(out, "r/d/a.md").unwrap());
        assert!(remove_listed(out, "../x").is_err());
        prune_empty_dirs(out, ["r/e/c.md", "r/d/a.md"].into_iter());
        assert!(!out.join("r/e").exists());
        assert!(out.join("r/d/b.md").exists());
        let names: Vec<_> = fs::read_dir(out.join("r/d")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary files left");
    }
}
