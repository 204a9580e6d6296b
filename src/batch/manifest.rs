//! The manifest: every file a batch produced, with its size, SHA-256 and a
//! digest of its inputs, one entry per line, in the order the run made
//! them (the rows' files in row order, then the feed and the index, then
//! any files kept from an earlier run).
//!
//! Writing it as the run goes ([`ManifestOut`]), and reading the previous
//! run's back ([`Previous`]) into a table of 40 bytes a file that tells
//! what is already on disk, when its ad was first posted, and where each
//! entry's text lies in the old file, so that an unchanged file's entry is
//! copied rather than kept in memory.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use anyhow::{Context as _, Result};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::plan;
use super::write::{InputDigest, Spool, parse_hex, sha256};
use crate::lint::Date;

/// One file of a manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Entry<'a> {
    /// Path relative to the output folder, with `/`.
    #[serde(borrow)]
    pub path: Cow<'a, str>,
    /// The role's id (empty for the index and the feed).
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub role: Cow<'a, str>,
    /// The document (empty for the index and the feed).
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub doc: Cow<'a, str>,
    /// `md`, `html`, `txt`, `json`, or `index` / `feed`.
    #[serde(borrow)]
    pub format: Cow<'a, str>,
    /// The location's name (empty for the index and the feed).
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub location: Cow<'a, str>,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the content, hex.
    #[serde(borrow)]
    pub sha256: Cow<'a, str>,
    /// A digest of everything the content was made from (hex), which lets
    /// a rerun skip rendering what cannot have changed.
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub input: Cow<'a, str>,
    /// The date the file's ad was first posted (`YYYY-MM-DD`): the
    /// `datePosted` a rerun keeps for a row without `date_posted`. Empty
    /// for the index and the feed, and in manifests of older versions.
    #[serde(default, borrow, skip_serializing_if = "str::is_empty")]
    pub posted: Cow<'a, str>,
}

/// What goes between two manifest entries.
const ENTRY_SEPARATOR: &[u8] = b",\n    ";

/// The manifest's first lines, up to its list of files.
fn header(shard: Option<plan::Shard>) -> String {
    let mut s = format!("{{\n  \"hirekit\": \"{}\",\n", env!("CARGO_PKG_VERSION"));
    if let Some(shard) = shard {
        s.push_str(&format!("  \"shard\": \"{shard}\",\n"));
    }
    s.push_str("  \"files\": [");
    s
}

/// What follows the last entry.
const FOOTER: &[u8] = b"\n  ]\n}\n";

/// Where an entry's text lies in the previous manifest file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    at: u64,
    len: u32,
}

/// The new manifest, written as the run goes. As long as what comes is
/// what the previous manifest holds at the same place, nothing is written
/// at all; from the first difference on, the text goes to a [`Spool`] (a
/// file with no name yet, which a killed run leaves nowhere), and `finish`
/// puts it in place.
pub(crate) struct ManifestOut<'p> {
    previous: Option<&'p Previous>,
    /// Bytes of the previous manifest matched so far, while all matched.
    matched: u64,
    /// The new text, once it differs from the previous manifest.
    spool: Option<BufWriter<Spool>>,
    /// Reads the previous manifest.
    window: Window,
    /// The manifest's folder.
    dir: PathBuf,
    entries: usize,
    scratch: Vec<u8>,
}

impl<'p> ManifestOut<'p> {
    /// Starts a manifest in `dir`, to be compared with `previous`.
    pub(crate) fn begin(
        dir: &Path,
        previous: Option<&'p Previous>,
        shard: Option<plan::Shard>,
    ) -> io::Result<Self> {
        let mut out = ManifestOut {
            previous,
            matched: 0,
            spool: None,
            window: Window::default(),
            dir: dir.to_path_buf(),
            entries: 0,
            scratch: Vec::with_capacity(512),
        };
        out.put(header(shard).as_bytes())?;
        Ok(out)
    }

    /// Adds an entry.
    pub(crate) fn entry(&mut self, e: &Entry<'_>) -> io::Result<()> {
        self.separate()?;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        serde_json::to_writer(&mut scratch, e)?;
        let put = self.put(&scratch);
        self.scratch = scratch;
        put
    }

    /// Adds an entry of the previous manifest as it stands there.
    pub(crate) fn old_entry(&mut self, span: Span) -> io::Result<()> {
        self.separate()?;
        if self.spool.is_none() && self.previous.is_some() && span.at == self.matched {
            // The very bytes the previous manifest has here.
            self.matched += u64::from(span.len);
            return Ok(());
        }
        let Some(prev) = self.previous else {
            return Err(io::Error::other("no previous manifest to copy from"));
        };
        if self.spool.is_none() {
            self.diverge()?;
        }
        let text = self.window.get(&prev.file, span.at, span.len as usize)?;
        if text.len() != span.len as usize {
            return Err(changed_underfoot());
        }
        match &mut self.spool {
            Some(w) => w.write_all(text),
            None => Err(io::Error::other("the manifest is not being written")),
        }
    }

    fn separate(&mut self) -> io::Result<()> {
        let sep: &[u8] = if self.entries == 0 {
            b"\n    "
        } else {
            ENTRY_SEPARATOR
        };
        self.entries += 1;
        self.put(sep)
    }

    /// Adds new text: compared while all matched, else written.
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.spool.is_none()
            && let Some(prev) = self.previous
        {
            let old = self.window.get(&prev.file, self.matched, bytes.len())?;
            if old == bytes {
                self.matched += bytes.len() as u64;
                return Ok(());
            }
        }
        if self.spool.is_none() {
            self.diverge()?;
        }
        match &mut self.spool {
            Some(w) => w.write_all(bytes),
            None => Err(io::Error::other("the manifest is not being written")),
        }
    }

    /// Starts writing: the matched part of the previous manifest first.
    fn diverge(&mut self) -> io::Result<()> {
        let mut w = BufWriter::with_capacity(1 << 16, Spool::new(&self.dir)?);
        if let Some(prev) = self.previous {
            let mut at = 0;
            while at < self.matched {
                let want = (self.matched - at).min(WINDOW as u64) as usize;
                let chunk = self.window.get(&prev.file, at, want)?;
                if chunk.is_empty() {
                    return Err(changed_underfoot());
                }
                w.write_all(chunk)?;
                at += chunk.len() as u64;
            }
        }
        self.spool = Some(w);
        Ok(())
    }

    /// Ends the manifest and puts it at `path`, unless it is the same as
    /// the previous one and `touch` is false. `touch` rewrites even the same
    /// text, so that the manifest is newer than every file this run wrote.
    /// Returns whether the file was written.
    pub(crate) fn finish(mut self, path: &Path, touch: bool) -> Result<bool> {
        let cannot = || format!("cannot write `{}`", path.display());
        self.put(FOOTER).with_context(cannot)?;
        if self.spool.is_none() {
            let whole = self.previous.is_some_and(|p| p.len == self.matched);
            if whole && !touch {
                return Ok(false);
            }
            self.diverge().with_context(cannot)?;
        }
        let Some(spool) = self.spool.take() else {
            return Ok(false);
        };
        let spool = spool
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(cannot)?;
        spool.persist(path).with_context(cannot)?;
        Ok(true)
    }
}

fn changed_underfoot() -> io::Error {
    io::Error::other("the previous manifest changed while the batch ran")
}

/// Bytes read from the previous manifest at a time.
const WINDOW: usize = 1 << 16;

/// A window on a file, read at given offsets.
#[derive(Default)]
struct Window {
    start: u64,
    data: Vec<u8>,
}

impl Window {
    /// `len` bytes at `at`, or fewer at the end of the file. Reading goes
    /// a window at a time when it moves forward, and only what is asked
    /// when it jumps about (as when rows were reordered).
    fn get(&mut self, file: &fs::File, at: u64, len: usize) -> io::Result<&[u8]> {
        let end = self.start + self.data.len() as u64;
        if at < self.start || at + len as u64 > end {
            let onward = at >= self.start && at <= end + WINDOW as u64;
            self.data.resize(
                if onward || self.data.is_empty() {
                    len.max(WINDOW)
                } else {
                    len
                },
                0,
            );
            let n = read_full_at(file, &mut self.data, at)?;
            self.data.truncate(n);
            self.start = at;
        }
        let from = usize::try_from(at - self.start).unwrap_or(usize::MAX);
        let to = from.saturating_add(len).min(self.data.len());
        Ok(self.data.get(from..to).unwrap_or(&[]))
    }
}

/// Fills `buf` from offset `at` of `file`, short only at the end of the
/// file. Reads by offset, so threads can share the file.
fn read_full_at(file: &fs::File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match read_at(file, &mut buf[n..], at + n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(unix)]
fn read_at(file: &fs::File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &fs::File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &fs::File, _: &mut [u8], _: u64) -> io::Result<usize> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Writes a whole manifest from its entries (the tests' way to make one).
#[cfg(test)]
pub(crate) fn write_manifest<'e>(
    w: &mut dyn Write,
    shard: Option<plan::Shard>,
    entries: impl Iterator<Item = Entry<'e>>,
) -> io::Result<()> {
    w.write_all(header(shard).as_bytes())?;
    for (i, e) in entries.enumerate() {
        w.write_all(if i == 0 { b"\n    " } else { ENTRY_SEPARATOR })?;
        serde_json::to_writer(&mut *w, &e)?;
    }
    w.write_all(FOOTER)
}

/// What the previous manifest says of a file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prev {
    slot: u32,
    /// Its size.
    pub bytes: u64,
    /// Its input digest, when it has one.
    pub input: Option<InputDigest>,
    /// Where its entry lies in the manifest file (not when the file was
    /// laid out otherwise than hirekit writes it).
    pub span: Option<Span>,
    /// The date its ad was first posted, when the entry says.
    pub posted: Option<Date>,
}

/// A file of the previous manifest, in 40 bytes: the hash of its path, its
/// input digest, where its entry lies, its size, its ad's first posting
/// date.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    input: InputDigest,
    /// The entry's offset in the file, or `NO_SPAN`.
    at: u64,
    /// The entry's length, and the flags below.
    len: u32,
    bytes: u32,
    /// The posting date as `YYYYMMDD`, or 0.
    posted: u32,
}

const NO_SPAN: u64 = u64::MAX;

impl Slot {
    /// The entry has an input digest.
    const INPUT: u32 = 1 << 31;
    /// Its path's hash is another entry's too (or the path is listed twice).
    const SHARED: u32 = 1 << 30;
    const LEN: u32 = Self::SHARED - 1;

    fn prev(&self, slot: u32) -> Prev {
        Prev {
            slot,
            bytes: u64::from(self.bytes),
            input: (self.len & Self::INPUT != 0).then_some(self.input),
            span: (self.at != NO_SPAN).then_some(Span {
                at: self.at,
                len: self.len & Self::LEN,
            }),
            posted: unpack_date(self.posted),
        }
    }
}

/// The previous run's manifest: what it lists, and when it was written.
pub(crate) struct Previous {
    path: PathBuf,
    layout: Layout,
    /// Kept open, so that every read sees the file that was loaded.
    file: fs::File,
    len: u64,
    mtime: Option<SystemTime>,
    /// One per path hash, sorted by it.
    slots: Vec<Slot>,
    /// Slots of the files this run produces: one bit each.
    produced: Vec<AtomicU64>,
    /// Produced files whose path hash is shared, by path.
    produced_shared: Mutex<HashSet<String>>,
}

impl fmt::Debug for Previous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Previous")
            .field("path", &self.path)
            .field("files", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl Previous {
    /// Reads the manifest at `path`; `None` when there is none. Entries with
    /// a path that is not safe or a malformed hash are left out (a manifest
    /// is data, and `--clean` must never reach outside `--out`).
    pub(crate) fn load(path: &Path) -> Result<Option<Previous>> {
        let cannot_read = || format!("cannot read `{}`", path.display());
        let file = match fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(cannot_read),
        };
        let meta = file.metadata().with_context(cannot_read)?;
        // About 200 bytes an entry; the list grows if need be.
        let estimate = usize::try_from(meta.len() / 200).unwrap_or(0);
        // Both closures fill or empty the list.
        let slots = RefCell::new(Vec::with_capacity(estimate.min(1 << 24)));
        let layout = read_manifest(
            path,
            &file,
            None,
            &mut |entry, span| {
                if let Some(slot) = slot_of(entry, span) {
                    slots.borrow_mut().push(slot);
                }
            },
            &mut || slots.borrow_mut().clear(),
        )?;
        let mut slots = slots.into_inner();
        slots.sort_unstable_by_key(|s| s.key);
        // A path hash met twice: both paths are left to the slow way.
        let mut shared = false;
        slots.dedup_by(|later, first| {
            let same = later.key == first.key;
            if same {
                first.len |= Slot::SHARED;
                shared = true;
            }
            same
        });
        if shared {
            slots.shrink_to_fit();
        }
        let produced = (0..slots.len().div_ceil(64))
            .map(|_| AtomicU64::new(0))
            .collect();
        Ok(Some(Previous {
            path: path.to_path_buf(),
            layout,
            len: meta.len(),
            mtime: meta.modified().ok(),
            file,
            slots,
            produced,
            produced_shared: Mutex::new(HashSet::new()),
        }))
    }

    fn slot(&self, path: &str) -> Option<usize> {
        let key = plan::fnv1a64(path.as_bytes());
        self.slots.binary_search_by_key(&key, |s| s.key).ok()
    }

    /// What the manifest says of `path`; `None` when it does not list it,
    /// or cannot tell it from another path.
    pub(crate) fn find(&self, path: &str) -> Option<Prev> {
        let i = self.slot(path)?;
        let slot = &self.slots[i];
        if slot.len & Slot::SHARED != 0 {
            return None;
        }
        Some(slot.prev(u32::try_from(i).ok()?))
    }

    /// Notes that this run produces `path` (which `find` gave as `found`),
    /// so that it is not taken for a file of an earlier run.
    pub(crate) fn mark(&self, path: &str, found: Option<&Prev>) {
        let i = match found {
            Some(p) => p.slot as usize,
            None => match self.slot(path) {
                Some(i) if self.slots[i].len & Slot::SHARED != 0 => {
                    if let Ok(mut set) = self.produced_shared.lock() {
                        set.insert(path.to_string());
                    }
                    return;
                }
                Some(i) => i,
                None => return,
            },
        };
        if let Some(word) = self.produced.get(i / 64) {
            word.fetch_or(1 << (i % 64), Ordering::Relaxed);
        }
    }

    fn is_produced(&self, path: &str) -> bool {
        let Some(i) = self.slot(path) else {
            return false;
        };
        if self.slots[i].len & Slot::SHARED != 0 {
            return self
                .produced_shared
                .lock()
                .is_ok_and(|set| set.contains(path));
        }
        self.produced
            .get(i / 64)
            .is_some_and(|w| w.load(Ordering::Relaxed) & (1 << (i % 64)) != 0)
    }

    /// The SHA-256 the manifest lists for a file, read from its entry.
    pub(crate) fn sha_of(&self, prev: &Prev) -> Option<[u8; 32]> {
        let span = prev.span?;
        let mut text = vec![0; span.len as usize];
        let n = read_full_at(&self.file, &mut text, span.at).ok()?;
        let entry: Entry<'_> = serde_json::from_slice(text.get(..n)?).ok()?;
        parse_hex::<32>(&entry.sha256)
    }

    /// Whether the file at `abs` still holds what `prev` describes: the same
    /// size and not modified since the manifest was written; or, when it
    /// is newer than the manifest, the same SHA-256.
    pub(crate) fn on_disk(&self, abs: &Path, prev: &Prev) -> bool {
        let Ok(meta) = fs::metadata(abs) else {
            return false;
        };
        if !meta.is_file() || meta.len() != prev.bytes {
            return false;
        }
        // The status-change time, not the modification time: an edit whose
        // modification time was set back (`touch -d`) still moves it.
        match (changed_at(&meta), self.mtime) {
            (Some(file), Some(manifest)) if file < manifest => true,
            _ => self
                .sha_of(prev)
                .is_some_and(|sha| fs::read(abs).is_ok_and(|b| sha256(&b) == sha)),
        }
    }

    /// Hands `each` every usable entry this run did not produce, in the
    /// manifest's order, with where it lies in the file.
    pub(crate) fn each_unproduced(
        &self,
        each: &mut dyn FnMut(&Entry<'_>, Option<Span>),
    ) -> Result<()> {
        let produced: u64 = self
            .produced
            .iter()
            .map(|w| u64::from(w.load(Ordering::Relaxed).count_ones()))
            .sum();
        let shared = self.slots.iter().any(|s| s.len & Slot::SHARED != 0);
        if !shared && produced == self.slots.len() as u64 {
            return Ok(());
        }
        read_manifest(
            &self.path,
            &self.file,
            Some(self.layout),
            &mut |entry, span| {
                if slot_of(entry, span).is_some() && !self.is_produced(&entry.path) {
                    each(entry, span);
                }
            },
            &mut || {},
        )?;
        Ok(())
    }
}

/// When a file last changed in any way: its status-change time on Unix
/// (which no user can set), else its modification time.
fn changed_at(meta: &fs::Metadata) -> Option<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let secs = u64::try_from(meta.ctime()).ok()?;
        let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
        std::time::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, nanos))
    }
    #[cfg(not(unix))]
    {
        meta.modified().ok()
    }
}

/// The slot of an entry, if the entry is usable.
fn slot_of(entry: &Entry<'_>, span: Option<Span>) -> Option<Slot> {
    plan::check_path(&entry.path).ok()?;
    parse_hex::<32>(&entry.sha256)?;
    let input = parse_hex::<8>(&entry.input);
    let (at, len) = match span {
        Some(s) if s.len <= Slot::LEN => (s.at, s.len),
        Some(_) => return None,
        None => (NO_SPAN, 0),
    };
    Some(Slot {
        key: plan::fnv1a64(entry.path.as_bytes()),
        input: input.unwrap_or_default(),
        at,
        len: len | if input.is_some() { Slot::INPUT } else { 0 },
        bytes: u32::try_from(entry.bytes).ok()?,
        posted: Date::parse(&entry.posted).map_or(0, pack_date),
    })
}

/// A date in a `u32`, as `YYYYMMDD` (0 is no date).
pub(crate) fn pack_date(d: Date) -> u32 {
    u32::try_from(d.year).map_or(0, |y| y * 10_000 + d.month * 100 + d.day)
}

/// The date [`pack_date`] packed.
pub(crate) fn unpack_date(n: u32) -> Option<Date> {
    let year = i32::try_from(n / 10_000).ok()?;
    (n != 0).then_some(Date {
        year,
        month: n / 100 % 100,
        day: n % 100,
    })
}

/// How a manifest file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// As hirekit writes it, one entry per line.
    Lines,
    /// Any other valid JSON.
    Json,
}

/// Reads a manifest entry by entry, without holding the whole list:
/// `each` gets every entry (with where it lies, when the file is laid out
/// as hirekit writes it). With no `layout` known, the lines are tried
/// first, and `restart` is called when reading starts over as JSON
/// (entries seen so far are to be forgotten).
fn read_manifest(
    path: &Path,
    file: &fs::File,
    layout: Option<Layout>,
    each: &mut dyn FnMut(&Entry<'_>, Option<Span>),
    restart: &mut dyn FnMut(),
) -> Result<Layout> {
    let cannot_read = || format!("cannot read `{}`", path.display());
    let mut file = file;
    file.rewind().with_context(cannot_read)?;
    if layout != Some(Layout::Json) {
        if read_lines(file, each).with_context(cannot_read)? {
            return Ok(Layout::Lines);
        }
        if layout == Some(Layout::Lines) {
            return Err(changed_underfoot()).with_context(cannot_read);
        }
        restart();
        file.rewind().with_context(cannot_read)?;
    }
    let reader = io::BufReader::with_capacity(1 << 16, file);
    let mut de = serde_json::Deserializer::from_reader(reader);
    ManifestSeed(each)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            if e.to_string().starts_with(NOT_OURS) {
                anyhow::anyhow!(
                    "`{}` is not a hirekit manifest (it has no `hirekit` key), so hirekit will not replace it; move it away, or choose another --out",
                    path.display()
                )
            } else {
                anyhow::anyhow!(
                    "{}:{}:{}: the previous manifest is not valid: {}; it was changed by another program or by hand: remove it to start afresh (the next run then writes every file again)",
                    path.display(),
                    e.line(),
                    e.column(),
                    plain_json_error(&e)
                )
            }
        })?;
    Ok(Layout::Json)
}

/// Reads a manifest laid out as `ManifestOut` writes it, one entry per
/// line; `false` as soon as a line does not fit that layout.
fn read_lines(file: &fs::File, each: &mut dyn FnMut(&Entry<'_>, Option<Span>)) -> io::Result<bool> {
    #[derive(PartialEq)]
    enum At {
        Start,
        Header,
        Files,
        ListEnd,
        End,
    }
    let mut reader = io::BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    let mut at = At::Start;
    let mut ours = false;
    let mut offset = 0_u64;
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        if n == 0 {
            break;
        }
        let start = offset;
        offset += n as u64;
        let t = line.trim();
        at = match at {
            At::Start if t == "{" => At::Header,
            At::Header if t == "\"files\": [" && ours => At::Files,
            At::Header if t.starts_with("\"hirekit\":") => {
                ours = true;
                At::Header
            }
            At::Header if t.starts_with("\"shard\":") => At::Header,
            At::Files if t == "]" => At::ListEnd,
            At::Files => {
                let text = t.strip_suffix(',').unwrap_or(t);
                let lead = line.len() - line.trim_start().len();
                match serde_json::from_str::<Entry<'_>>(text) {
                    Ok(entry) if text.starts_with('{') => {
                        let span = u32::try_from(text.len()).ok().map(|len| Span {
                            at: start + lead as u64,
                            len,
                        });
                        each(&entry, span);
                    }
                    _ => return Ok(false),
                }
                At::Files
            }
            At::ListEnd if t == "}" => At::End,
            At::End if t.is_empty() => At::End,
            _ => return Ok(false),
        };
    }
    Ok(at == At::End)
}

/// What serde says about a manifest, in the words of the manifest: no Rust
/// type names, no position (the caller gives it as `file:line:col`).
fn plain_json_error(e: &serde_json::Error) -> String {
    const ENTRY: &str = "a file entry (an object with `path`, `format`, `bytes` and `sha256`)";
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => text.as_str(),
    };
    if e.is_eof() {
        return "the file ends before the manifest does (was it cut short?)".to_owned();
    }
    let text = text.replace("struct Entry", ENTRY);
    if let Some(rest) = text.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let found = match found.split_once(' ') {
            Some(("integer" | "floating", _)) => "a number".to_owned(),
            Some(("string", s)) => format!("the text {s}"),
            Some(("boolean", b)) => format!("`{}`", b.trim_matches('`')),
            _ => match found {
                "sequence" => "a list".to_owned(),
                "map" => "an object".to_owned(),
                "null" => "`null`".to_owned(),
                other => other.to_owned(),
            },
        };
        return format!("expected {expected}, found {found}");
    }
    if let Some(field) = text.strip_prefix("missing field ") {
        return format!("a file entry has no {field}");
    }
    text
}

/// The error a JSON object without a `hirekit` key gets.
const NOT_OURS: &str = "not a hirekit manifest";

/// Visits the top-level object, handing each entry of `files` to `F`.
struct ManifestSeed<'f, F: ?Sized>(&'f mut F);

impl<'de, F: FnMut(&Entry<'_>, Option<Span>) + ?Sized> DeserializeSeed<'de>
    for ManifestSeed<'_, F>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(&Entry<'_>, Option<Span>) + ?Sized> Visitor<'de> for ManifestSeed<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a hirekit manifest")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // A JSON file of someone else's at this name is not a manifest:
        // hirekit's always says which hirekit wrote it.
        let mut ours = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "files" {
                map.next_value_seed(FilesSeed(&mut *self.0))?;
            } else {
                ours |= key == "hirekit";
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !ours {
            return Err(serde::de::Error::custom(NOT_OURS));
        }
        Ok(())
    }
}

struct FilesSeed<'f, F: ?Sized>(&'f mut F);

impl<'de, F: FnMut(&Entry<'_>, Option<Span>) + ?Sized> DeserializeSeed<'de> for FilesSeed<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(&Entry<'_>, Option<Span>) + ?Sized> Visitor<'de> for FilesSeed<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of files")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Entry<'de>>()? {
            (self.0)(&entry, None);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::write::{hex, write_streamed};
    use super::*;

    fn entry<'a>(path: &'a str, format: &'a str, sha: &'a str, input: &'a str) -> Entry<'a> {
        Entry {
            path: path.into(),
            role: if format == "md" { "r" } else { "" }.into(),
            doc: "".into(),
            format: format.into(),
            location: "".into(),
            bytes: 1,
            sha256: sha.into(),
            input: input.into(),
            posted: "".into(),
        }
    }

    fn unproduced(prev: &Previous) -> Vec<(String, Option<Span>)> {
        let mut out = Vec::new();
        prev.each_unproduced(&mut |e, span| out.push((e.path.to_string(), span)))
            .unwrap();
        out
    }

    #[test]
    fn manifest_is_one_entry_per_line_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let entries = [
            entry("a/b.md", "md", &sha, "0011223344556677"),
            entry("index.html", "index", &sha, ""),
        ];
        write_streamed(&path, |w| write_manifest(w, None, entries.into_iter())).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 7, "{text}");
        let prev = Previous::load(&path).unwrap().unwrap();
        let ab = prev.find("a/b.md").unwrap();
        assert_eq!(ab.bytes, 1);
        assert_eq!(
            ab.input,
            Some([0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77])
        );
        assert_eq!(prev.sha_of(&ab), Some(sha256(b"x")));
        let span = ab.span.unwrap();
        let line = text.lines().nth(3).unwrap().trim().trim_end_matches(',');
        assert_eq!(&text[span.at as usize..][..span.len as usize], line);
        assert!(prev.find("index.html").unwrap().input.is_none());
        assert!(prev.find("c.md").is_none());
        assert_eq!(unproduced(&prev).len(), 2);
        prev.mark("a/b.md", Some(&ab));
        let left = unproduced(&prev);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].0, "index.html");
        prev.mark("index.html", None);
        assert!(unproduced(&prev).is_empty());
    }

    #[test]
    fn the_same_manifest_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let entries = || {
            [
                entry("a.md", "md", &sha, "0011223344556677"),
                entry("b.md", "md", &sha, "0011223344556677"),
            ]
        };
        write_streamed(&path, |w| write_manifest(w, None, entries().into_iter())).unwrap();
        let before = fs::read(&path).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        let spans: Vec<Span> = ["a.md", "b.md"]
            .iter()
            .map(|p| prev.find(p).unwrap().span.unwrap())
            .collect();

        // The same entries, copied or made anew: nothing to write.
        let mut out = ManifestOut::begin(dir.path(), Some(&prev), None).unwrap();
        out.old_entry(spans[0]).unwrap();
        out.entry(&entries()[1]).unwrap();
        assert!(!out.finish(&path, false).unwrap());
        // Unless asked to: the same text, written again.
        let mut out = ManifestOut::begin(dir.path(), Some(&prev), None).unwrap();
        out.old_entry(spans[0]).unwrap();
        out.old_entry(spans[1]).unwrap();
        assert!(out.finish(&dir.path().join("touched.json"), true).unwrap());
        assert_eq!(fs::read(dir.path().join("touched.json")).unwrap(), before);

        // In another order, and one dropped: written, with the old text
        // copied where it stood.
        let mut out = ManifestOut::begin(dir.path(), Some(&prev), None).unwrap();
        out.old_entry(spans[1]).unwrap();
        let other = dir.path().join("other.json");
        assert!(out.finish(&other, false).unwrap());
        let text = fs::read_to_string(&other).unwrap();
        assert_eq!(text.lines().count(), 6, "{text}");
        assert!(text.contains("\"b.md\"") && !text.contains("\"a.md\""));
        // A new entry after a matching start.
        let mut out = ManifestOut::begin(dir.path(), Some(&prev), None).unwrap();
        out.old_entry(spans[0]).unwrap();
        out.entry(&entry("c.md", "md", &sha, "")).unwrap();
        assert!(out.finish(&other, false).unwrap());
        let text = fs::read_to_string(&other).unwrap();
        assert!(
            text.contains("\"a.md\"") && text.contains("\"c.md\""),
            "{text}"
        );
        let back = Previous::load(&other).unwrap().unwrap();
        assert!(back.find("c.md").is_some() && back.find("a.md").is_some());
        // No temporary files are left.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.contains(".hirekit-")), "{names:?}");
    }

    #[test]
    fn manifests_in_another_layout_are_read_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        // The first entry on one line as usual, the second spread over
        // several: the line reader gives up after one entry and starts over.
        let text = format!(
            "{{\n  \"hirekit\": \"0.1.0\",\n  \"files\": [\n    {{\"path\":\"a.md\",\"format\":\"md\",\"bytes\":1,\"sha256\":\"{sha}\"}},\n    {{\n      \"path\": \"b.md\",\n      \"format\": \"md\",\n      \"bytes\": 1,\n      \"sha256\": \"{sha}\"\n    }}\n  ]\n}}\n"
        );
        fs::write(&path, &text).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        let a = prev.find("a.md").unwrap();
        assert!(a.span.is_none(), "no place in a file laid out otherwise");
        assert!(prev.sha_of(&a).is_none());
        let left = unproduced(&prev);
        assert_eq!(left.len(), 2);
        assert!(left.iter().all(|(_, span)| span.is_none()));
    }

    #[test]
    fn unsafe_manifest_entries_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let json = format!(
            r#"{{"hirekit": "0.1.0", "files": [{{"path": "../../etc/passwd", "format": "md", "bytes": 1, "sha256": "{sha}"}},
                {{"path": "ok.md", "format": "md", "bytes": 1, "sha256": "nothex"}},
                {{"path": "good.md", "format": "md", "bytes": 1, "sha256": "{sha}"}}]}}"#
        );
        fs::write(&path, json).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        let left = unproduced(&prev);
        let paths: Vec<&str> = left.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["good.md"]);
        fs::write(&path, "{not json").unwrap();
        assert!(Previous::load(&path).is_err());
        // Someone else's JSON at this name is not taken for a manifest.
        fs::write(&path, r#"{"files": [], "name": "my notes"}"#).unwrap();
        let err = Previous::load(&path).unwrap_err().to_string();
        assert!(err.contains("is not a hirekit manifest"), "{err}");
        assert!(
            Previous::load(&dir.path().join("none.json"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_path_listed_twice_is_told_apart_by_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let sha = hex(&sha256(b"x"));
        let entries = [
            entry("a.md", "md", &sha, ""),
            entry("a.md", "md", &sha, ""),
            entry("b.md", "md", &sha, ""),
        ];
        write_streamed(&path, |w| write_manifest(w, None, entries.into_iter())).unwrap();
        let prev = Previous::load(&path).unwrap().unwrap();
        assert!(prev.find("a.md").is_none(), "not one entry: no shortcut");
        prev.mark("a.md", None);
        let left = unproduced(&prev);
        let paths: Vec<&str> = left.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["b.md"]);
    }
}
