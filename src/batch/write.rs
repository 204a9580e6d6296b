//! Writing a batch's files: atomic writes, deciding whether a file must be
//! written at all, and `--clean`.
//!
//! Each file is written to a temporary file in its own folder
//! (`.hirekit-XXXXXX.tmp`, a name no pattern can produce) and renamed over
//! the target, so a killed run leaves every file either old or new. Files
//! are not fsynced one by one: the rename is what keeps a file whole, and
//! syncing thousands of small files would cost more than the rendering.
//! After a power loss, rerun the batch; the manifest is written last and
//! files newer than it are checked by content.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, Result};
use sha2::{Digest, Sha256};

use super::manifest::{Prev, Previous};
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
pub(crate) fn hex_into(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
}

/// The digest of what a file was made from: 64 bits of a SHA-256, enough
/// to tell a change (a false match is a 1 in 2^64 chance per changed ad).
pub(crate) type InputDigest = [u8; 8];

/// Parses lower- or upper-case hex of exactly `N` bytes.
pub(crate) fn parse_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
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
pub(crate) struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Hashing<W> {
    /// Wraps a writer (`io::sink()` to only hash).
    pub(crate) fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The hash and length of everything written, and the inner writer.
    pub(crate) fn finish(self) -> ([u8; 32], u64, W) {
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

pub(crate) use crate::output::temp_beside;

/// Writes files atomically, creating folders once.
#[derive(Default)]
pub(crate) struct Writer {
    /// Folders seen so far, and whether this run created them.
    dirs: Mutex<HashMap<PathBuf, bool>>,
    /// The output folder: no folder below it may be a symbolic link.
    root: Option<PathBuf>,
}

impl Writer {
    /// A writer for the output folder `root`: it refuses to write through a
    /// symbolic link to a folder anywhere below `root`.
    pub(crate) fn within(root: &Path) -> Writer {
        Writer {
            dirs: Mutex::default(),
            root: Some(root.to_path_buf()),
        }
    }

    /// Makes sure `dir` exists (unless `create` is false, as in a dry
    /// run) and tells whether it is new: created by this run, so that no
    /// file in it can be left from before. A folder on the way that is a
    /// symbolic link is an error: files would land outside the output
    /// folder.
    pub(crate) fn prepare_dir(&self, dir: &Path, create: bool) -> Result<bool> {
        if let Some(fresh) = self.dirs.lock().ok().and_then(|d| d.get(dir).copied()) {
            return Ok(fresh);
        }
        if let Some(root) = &self.root
            && let Some(link) = link_below(root, dir)
        {
            anyhow::bail!(
                "`{}` is a symbolic link; hirekit never writes through a link inside the output folder (remove the link, or give its target as --out)",
                link.display()
            );
        }
        let fresh = !dir.is_dir();
        if fresh && create {
            fs::create_dir_all(dir)
                .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
        } else if !fresh && create && self.root.is_some() {
            sweep_temporaries(dir);
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
    pub(crate) fn write_new(&self, path: &Path, content: &[u8]) -> Result<()> {
        #[cfg(target_os = "linux")]
        if linked_new(path, content).unwrap_or(false) {
            return Ok(());
        }
        self.write(path, content)
    }

    /// Writes `content` to `path` (whose folder exists): a temporary file
    /// in the same folder, then a rename.
    pub(crate) fn write(&self, path: &Path, content: &[u8]) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut tmp = temp_beside(dir)
            .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
        tmp.as_file_mut()
            .write_all(content)
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
    use rustix::fs::{CWD, Mode, OFlags, openat};
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
    Ok(link_unnamed(&file, path).unwrap_or(false))
}

/// A file being written that has no name until it is whole, so that a
/// run killed on the way leaves nothing behind: on Linux an unnamed file
/// (`O_TMPFILE`) in the target's folder, given its name by `persist`;
/// elsewhere, or where the file system cannot, a temporary file beside it.
pub(crate) enum Spool {
    /// Unnamed, in this folder.
    #[cfg(target_os = "linux")]
    Unnamed(fs::File, PathBuf),
    /// A temporary file, removed unless persisted.
    Named(tempfile::NamedTempFile),
}

impl Spool {
    /// Starts a file that will be put in `dir`.
    pub(crate) fn new(dir: &Path) -> io::Result<Spool> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{CWD, Mode, OFlags, openat};
            let flags = OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC;
            if let Ok(fd) = openat(CWD, dir, flags, Mode::from_bits_truncate(0o666)) {
                return Ok(Spool::Unnamed(fs::File::from(fd), dir.to_path_buf()));
            }
        }
        temp_beside(dir).map(Spool::Named)
    }

    /// The file, to write or read.
    pub(crate) fn file(&mut self) -> &mut fs::File {
        match self {
            #[cfg(target_os = "linux")]
            Spool::Unnamed(file, _) => file,
            Spool::Named(tmp) => tmp.as_file_mut(),
        }
    }

    /// Puts the file at `path` (in the folder it was started in), replacing
    /// what is there in one step.
    pub(crate) fn persist(self, path: &Path) -> io::Result<()> {
        match self {
            #[cfg(target_os = "linux")]
            Spool::Unnamed(file, dir) => {
                // Named first under a temporary name, then renamed over
                // `path`: a link cannot replace a file.
                let mut tmp = None;
                for attempt in 0..100_u32 {
                    let name = dir.join(format!(".hirekit-{:x}-{attempt}.tmp", std::process::id()));
                    if link_unnamed(&file, &name)? {
                        tmp = Some(name);
                        break;
                    }
                }
                let tmp = tmp.ok_or_else(|| io::Error::other("cannot name a temporary file"))?;
                fs::rename(&tmp, path).inspect_err(|_| {
                    let _ = fs::remove_file(&tmp);
                })
            }
            Spool::Named(tmp) => tmp.persist(path).map(|_| ()).map_err(|e| e.error),
        }
    }
}

/// A top-level file being drafted: into a [`Spool`], or (in a dry run)
/// nowhere, only to be hashed.
pub(crate) struct Draft(pub Option<Spool>);

impl Draft {
    /// A draft for a file in `dir`; a dry run writes nothing.
    pub(crate) fn new(dir: &Path, dry_run: bool) -> Result<Draft> {
        if dry_run {
            return Ok(Draft(None));
        }
        let spool = Spool::new(dir)
            .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
        Ok(Draft(Some(spool)))
    }
}

impl Write for Draft {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(spool) => spool.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Some(spool) => spool.flush(),
            None => Ok(()),
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file().flush()
    }
}

/// Links an unnamed file (`O_TMPFILE`) as `path`: `Ok(false)` when `path`
/// exists.
#[cfg(target_os = "linux")]
fn link_unnamed(file: &fs::File, path: &Path) -> io::Result<bool> {
    use rustix::fs::{AtFlags, CWD, linkat};
    use rustix::io::Errno;
    use std::os::fd::AsRawFd;
    use std::sync::atomic::{AtomicBool, Ordering};
    // Linked by its descriptor where the kernel allows it (Linux 6.10 on,
    // or with CAP_DAC_READ_SEARCH), which spares a walk through /proc.
    static BY_FD: AtomicBool = AtomicBool::new(true);
    if BY_FD.load(Ordering::Relaxed) {
        match linkat(file, "", CWD, path, AtFlags::EMPTY_PATH) {
            Ok(()) => return Ok(true),
            Err(Errno::EXIST) => return Ok(false),
            Err(_) => BY_FD.store(false, Ordering::Relaxed),
        }
    }
    let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
    match linkat(CWD, unnamed.as_str(), CWD, path, AtFlags::SYMLINK_FOLLOW) {
        Ok(()) => Ok(true),
        Err(Errno::EXIST) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
/// Streams a file through `fill` into a temporary file beside `path`, then
/// renames it over `path`.
pub(crate) fn write_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_beside(dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    let mut w = io::BufWriter::new(tmp);
    fill(&mut w)
        .and_then(|()| w.flush())
        .map_err(crate::output::without_temp_path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    let tmp = w
        .into_inner()
        .map_err(|e| crate::output::without_temp_path(e.into_error()))
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Whether a file must be written: not when the file on disk already holds
/// exactly `content`.
pub(crate) fn needs_write(
    listed: Option<(&Previous, &Prev)>,
    abs: &Path,
    content: &[u8],
    sha: &[u8; 32],
) -> bool {
    !holds(listed, abs, content.len() as u64, sha)
}

/// Whether the file at `abs` holds `bytes` bytes with this SHA-256: known
/// from what the previous manifest `listed` of it, or found by reading the
/// file when the sizes match.
pub(crate) fn holds(
    listed: Option<(&Previous, &Prev)>,
    abs: &Path,
    bytes: u64,
    sha: &[u8; 32],
) -> bool {
    if let Some((manifest, entry)) = listed
        && let Some(listed_sha) = manifest.sha_of(entry)
    {
        return listed_sha == *sha && entry.bytes == bytes && manifest.on_disk(abs, entry);
    }
    match fs::metadata(abs) {
        Ok(meta) if meta.is_file() && meta.len() == bytes => {
            fs::read(abs).is_ok_and(|old| sha256(&old) == *sha)
        }
        _ => false,
    }
}

/// Whether `name` is one hirekit gives a temporary file: `.hirekit-` and
/// `.tmp` around letters, digits and `-` (tempfile's random part, or the
/// process id and attempt of [`Spool::persist`]).
fn is_temporary_name(name: &str) -> bool {
    name.strip_prefix(".hirekit-")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|mid| {
            !mid.is_empty() && mid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Removes the temporary files a run killed on the way (SIGKILL, power
/// loss) left in `dir`: regular files named as hirekit names its own
/// temporaries. Only called while the output folder's lock is held, so
/// no other batch is writing them. Best effort: what cannot be removed
/// stays, and is harmless.
fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(is_temporary_name)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Locks the output folder (creating it) for this process, for as long as
/// the returned handle is open: a second batch into the same folder at the
/// same time fails, naming the first by its process id where the system
/// tells it. The folder itself is locked (`flock` on its descriptor), so no
/// lock file is left among the ads.
pub(crate) fn lock_out(out: &Path) -> Result<fs::File> {
    fs::create_dir_all(out).with_context(|| format!("cannot create folder `{}`", out.display()))?;
    let dir = fs::File::open(out).with_context(|| format!("cannot open `{}`", out.display()))?;
    match dir.try_lock() {
        Ok(()) => Ok(dir),
        Err(fs::TryLockError::WouldBlock) => {
            let who = match lock_holder(&dir) {
                Some(pid) => format!("another hirekit batch (pid {pid})"),
                None => "another hirekit batch".to_string(),
            };
            anyhow::bail!(
                "{who} is writing to `{}`; wait for it to finish, or give this run another --out",
                out.display()
            )
        }
        Err(fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock `{}`", out.display()))
        }
    }
}

/// The process holding an exclusive `flock` on `file`, from `/proc/locks`
/// (Linux), matched by inode.
fn lock_holder(file: &fs::File) -> Option<u32> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let inode = file.metadata().ok()?.ino();
        let locks = fs::read_to_string("/proc/locks").ok()?;
        locks.lines().find_map(|line| {
            // `1: FLOCK  ADVISORY  WRITE 4242 fd:01:393219 0 EOF`
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (kind, pid, id) = (fields.get(1)?, fields.get(4)?, fields.get(5)?);
            let ino: u64 = id.rsplit(':').next()?.parse().ok()?;
            (*kind == "FLOCK" && ino == inode)
                .then(|| pid.parse().ok())
                .flatten()
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

/// The first folder from `root` (excluded) down to `dir` (included) that
/// is a symbolic link, if any.
pub(crate) fn link_below(root: &Path, dir: &Path) -> Option<PathBuf> {
    let rel = dir.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Some(at),
            Ok(_) => {}
            // Not there yet: nothing below it can be a link.
            Err(_) => return None,
        }
    }
    None
}

/// What `--clean` did with a file the previous manifest listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Removal {
    /// Removed (or, in a dry run, would be).
    Removed,
    /// Already gone.
    Gone,
    /// Kept: its content is no longer what hirekit wrote (edited by hand,
    /// or listed by a manifest that does not tell the truth).
    Changed,
    /// Kept: a folder on its way is a symbolic link, so it is not inside
    /// the output folder.
    ThroughLink,
}

/// Removes a file a previous manifest listed, if it is still byte for
/// byte what hirekit wrote (`bytes`, `sha256` in hex). Only files are
/// removed, never folders, links to folders on the way, or anything
/// changed. With `dry_run`, decides without removing.
pub(crate) fn remove_listed(
    out: &Path,
    rel: &str,
    bytes: u64,
    sha256_hex: &str,
    dry_run: bool,
) -> Result<Removal> {
    plan::check_path(rel).map_err(anyhow::Error::msg)?;
    let abs = out.join(rel);
    if let Some(parent) = abs.parent()
        && link_below(out, parent).is_some()
    {
        return Ok(Removal::ThroughLink);
    }
    let meta = match fs::symlink_metadata(&abs) {
        Ok(meta) if meta.is_file() => meta,
        Ok(_) => return Ok(Removal::Changed),
        Err(_) => return Ok(Removal::Gone),
    };
    let same = meta.len() == bytes
        && fs::read(&abs).is_ok_and(|content| hex(&sha256(&content)) == sha256_hex);
    if !same {
        return Ok(Removal::Changed);
    }
    if dry_run {
        return Ok(Removal::Removed);
    }
    match fs::remove_file(&abs) {
        Ok(()) => Ok(Removal::Removed),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Removal::Gone),
        Err(e) => Err(e).with_context(|| format!("cannot remove `{}`", abs.display())),
    }
}

/// Removes the folders of removed files that are now empty, deepest first,
/// never `out` itself.
pub(crate) fn prune_empty_dirs<'a>(out: &Path, removed: impl Iterator<Item = &'a str>) {
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
    use super::super::manifest::{Entry, write_manifest};
    use super::*;

    #[test]
    fn only_hirekit_temporary_names_are_swept() {
        assert!(is_temporary_name(".hirekit-Ab3xYz.tmp"));
        assert!(is_temporary_name(".hirekit-1f2e-0.tmp"));
        assert!(!is_temporary_name(".hirekit-.tmp"));
        assert!(!is_temporary_name("hirekit-Ab3xYz.tmp"));
        assert!(!is_temporary_name(".hirekit-notes.tmp.md"));
        assert!(!is_temporary_name(".hirekit-my notes.tmp"));
        assert!(!is_temporary_name(".hirekit-../x.tmp"));
    }

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
    fn unchanged_files_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("a.md");
        let w = Writer::default();
        assert!(!w.prepare_dir(dir.path(), true).unwrap());
        w.write(&abs, b"one").unwrap();
        // No manifest: same bytes on disk are found by comparing.
        assert!(!needs_write(None, &abs, b"one", &sha256(b"one")));
        assert!(needs_write(None, &abs, b"two", &sha256(b"two")));
        assert!(needs_write(
            None,
            &dir.path().join("b.md"),
            b"x",
            &sha256(b"x")
        ));
        // With a manifest written after the file.
        let sha = hex(&sha256(b"one"));
        let manifest = dir.path().join("manifest.json");
        let entry = Entry {
            path: "a.md".into(),
            role: "".into(),
            doc: "".into(),
            format: "md".into(),
            location: "".into(),
            bytes: 3,
            sha256: sha.as_str().into(),
            input: "".into(),
            posted: "".into(),
        };
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_streamed(&manifest, |w| {
            write_manifest(w, None, std::iter::once(entry))
        })
        .unwrap();
        let prev = Previous::load(&manifest).unwrap().unwrap();
        let listed = prev.find("a.md").unwrap();
        assert!(!needs_write(
            Some((&prev, &listed)),
            &abs,
            b"one",
            &sha256(b"one")
        ));
        assert!(needs_write(
            Some((&prev, &listed)),
            &abs,
            b"on",
            &sha256(b"on")
        ));
        // Edited behind our back (same size): found by its hash.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&abs, b"uno").unwrap();
        assert!(needs_write(
            Some((&prev, &listed)),
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
    fn a_spool_has_no_name_until_it_is_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.xml");
        fs::write(&path, b"old").unwrap();
        let names = || {
            let mut n: Vec<_> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            n.sort();
            n
        };
        // Dropped half way (as a killed run would): nothing is left.
        let mut spool = Spool::new(dir.path()).unwrap();
        spool.write_all(b"half").unwrap();
        drop(spool);
        assert_eq!(names(), ["feed.xml"]);
        assert_eq!(fs::read(&path).unwrap(), b"old");
        // Put in place, twice: it replaces the file each time.
        for content in [&b"new"[..], b"newer"] {
            let mut spool = Spool::new(dir.path()).unwrap();
            spool.write_all(content).unwrap();
            spool.persist(&path).unwrap();
            assert_eq!(fs::read(&path).unwrap(), content);
            assert_eq!(names(), ["feed.xml"]);
        }
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
        let sha = |b: &[u8]| hex(&sha256(b));
        let remove = |rel: &str, content: &[u8]| {
            remove_listed(out, rel, content.len() as u64, &sha(content), false)
        };
        assert_eq!(remove("r/e/c.md", b"c").unwrap(), Removal::Removed);
        assert_eq!(remove("r/e/c.md", b"c").unwrap(), Removal::Gone);
        // A file that is not what the manifest says stays.
        assert_eq!(remove("r/d/a.md", b"A").unwrap(), Removal::Changed);
        assert_eq!(remove("r/d/a.md", b"ab").unwrap(), Removal::Changed);
        assert!(out.join("r/d/a.md").exists());
        assert_eq!(remove("r/d/a.md", b"a").unwrap(), Removal::Removed);
        assert!(remove("../x", b"x").is_err());
        prune_empty_dirs(out, ["r/e/c.md", "r/d/a.md"].into_iter());
        assert!(!out.join("r/e").exists());
        assert!(out.join("r/d/b.md").exists());
        let names: Vec<_> = fs::read_dir(out.join("r/d")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary files left");
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_inside_out_are_never_written_through_or_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(out.join("r")).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("a.md"), b"a").unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("r/d")).unwrap();
        let w = Writer::within(&out);
        let err = w
            .prepare_dir(&out.join("r/d"), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a symbolic link"), "{err}");
        let err = w
            .prepare_dir(&out.join("r/d/deeper"), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a symbolic link"), "{err}");
        assert!(w.prepare_dir(&out.join("r/e"), true).is_ok());
        let removal = remove_listed(&out, "r/d/a.md", 1, &hex(&sha256(b"a")), false).unwrap();
        assert_eq!(removal, Removal::ThroughLink);
        assert!(elsewhere.join("a.md").exists());
    }
}
