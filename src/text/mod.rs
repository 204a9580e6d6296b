//! Plain text: what every layer needs and none owns. Reading a file as
//! UTF-8 text with located errors, slugs for ids and file names, and
//! escaping data for Markdown templates, and the closest known name to a
//! misspelled one. Depends on `diag` only.

pub(crate) mod format;
pub(crate) mod markdown;

use std::path::Path;

use anyhow::{Context as _, Result};

use crate::diag::Diagnostic;

/// The largest YAML file hirekit reads, in bytes. Role profiles are a few
/// kilobytes; this bounds memory and time on hostile input.
pub(crate) const MAX_YAML_BYTES: usize = 4 * 1024 * 1024;

/// ASCII lower-case words joined by dashes: `"Saint-Étienne, FR" | slug` →
/// `saint-etienne-fr`.
pub(crate) fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The most hirekit reads of one file, by kind: far above any real input,
/// far below what would exhaust memory. A device or pipe reports no size,
/// so the cap is applied while reading, not only to the size on disk.
pub(crate) fn read_cap(path: &Path) -> u64 {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("yaml" | "yml") => MAX_YAML_BYTES as u64,
        // A locations file of millions of rows, or a BLS all-areas file.
        Some("csv" | "tsv") => 2 << 30,
        Some("xlsx") => 256 << 20,
        _ => 64 << 20,
    }
}

/// Reads a whole file, naming the path in the error, up to [`read_cap`]
/// bytes: a larger file is refused before it is read when its size is
/// known, and as soon as the cap is passed when it is not (`/dev/zero`,
/// a pipe). A folder is refused with what it is.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    read_capped(path, read_cap(path))
}

/// [`read`] with an explicit cap.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let shown = path.display().to_string();
    let too_large = |size: Option<u64>| {
        let what = if MAX_YAML_BYTES as u64 == cap {
            "YAML files"
        } else {
            "files like this"
        };
        let size = size.map_or_else(|| "more".to_string(), |n| n.to_string());
        anyhow::Error::from(Diagnostic::file(
            shown.clone(),
            format!("file is too large ({size} bytes); hirekit reads {what} up to {cap} bytes"),
        ))
    };
    let file = std::fs::File::open(path).with_context(|| format!("cannot read `{shown}`"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("cannot read `{shown}`"))?;
    if meta.is_dir() {
        anyhow::bail!("cannot read `{shown}`: it is a folder, not a file");
    }
    if meta.is_file() && meta.len() > cap {
        return Err(too_large(Some(meta.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(cap)).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read `{shown}`"))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Checks that `bytes` are UTF-8 and strips a UTF-8 byte-order mark; an
/// invalid byte is reported at its line and column.
pub fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(Diagnostic {
                path: path.to_string(),
                line,
                column,
                message: format!(
                    "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                    bytes[e.valid_up_to()]
                ),
                source_line: None,
                snippet_column: 0,
                span_len: 1,
                help: Vec::new(),
            })
        }
    }
}

/// A SOC code in BLS's `NN-NNNN` form, from `43-4051`, `434051` or the
/// O*NET form `43-4051.00`; `None` when it is not a SOC code.
pub(crate) fn normalize_soc(input: &str) -> Option<String> {
    let s = input.trim();
    // O*NET appends a two-digit suffix: 43-4051.00.
    let s = match s.split_once('.') {
        Some((code, suffix)) if suffix.len() == 2 && suffix.bytes().all(|b| b.is_ascii_digit()) => {
            code
        }
        Some(_) => return None,
        None => s,
    };
    let digits: String = match s.as_bytes() {
        [a, b, b'-', rest @ ..] if rest.len() == 4 => {
            format!(
                "{}{}{}",
                *a as char,
                *b as char,
                std::str::from_utf8(rest).ok()?
            )
        }
        bytes if bytes.len() == 6 => s.to_string(),
        _ => return None,
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}-{}", &digits[..2], &digits[2..]))
}

/// The known name closest to `name`, if one is close enough to be a slip
/// of the keyboard: at most two edits for names of four letters or more,
/// one for shorter ones (an edit is an insertion, deletion, substitution or
/// swap of neighbours; case, `-` and spaces for `_` are free).
pub(crate) fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let wanted = norm(name);
    let limit = if wanted.chars().count() >= 4 { 2 } else { 1 };
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&wanted, &norm(k)), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, k)| (*d, *k))
        .map(|(_, k)| k)
}

/// The longest name [`backticked`] shows whole, in characters.
const NAME_SHOWN: usize = 40;
/// The most names [`backticked`] lists.
const NAMES_SHOWN: usize = 30;

/// Names as messages list them: each in backticks, joined by commas
/// (`` `city`, `state` ``). A name read from a file may be anything, so a
/// long one is cut after 40 characters (`…`) and a long list after 30
/// names (`and 12 more`): a message stays a line, whatever the file holds.
pub(crate) fn backticked<S: AsRef<str>>(names: &[S]) -> String {
    let mut out = names
        .iter()
        .take(NAMES_SHOWN)
        .map(|n| {
            let n = n.as_ref();
            match n.char_indices().nth(NAME_SHOWN) {
                Some((cut, _)) => format!("`{}…`", &n[..cut]),
                None => format!("`{n}`"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > NAMES_SHOWN {
        out.push_str(&format!(" and {} more", names.len() - NAMES_SHOWN));
    }
    out
}

/// The files of a folder that a command reads (templates, roles, pay
/// tables, locations), and the entries it passed over, with why.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// Regular files to read, sorted.
    pub files: Vec<std::path::PathBuf>,
    /// One message per entry passed over: not a regular file (a FIFO would
    /// hang a read), or a link that leaves `limit` or points to a folder.
    pub skipped: Vec<String>,
}

/// Lists the files in `dir` (recursively if asked) that `wanted` accepts
/// by name, never leaving `limit` (the workspace): hidden entries are
/// ignored; a link is followed only to a regular file inside `limit`; a
/// FIFO, device or socket is passed over with a note, as is a link out of
/// `limit` or to a folder (which could loop). A missing folder has no files.
pub(crate) fn list_files(
    limit: &Path,
    dir: &Path,
    recursive: bool,
    wanted: &dyn Fn(&Path) -> bool,
) -> Result<Listing> {
    let mut listing = Listing::default();
    let inside = std::fs::canonicalize(limit).unwrap_or_else(|_| limit.to_path_buf());
    if dir.is_dir() {
        walk(&inside, dir, recursive, wanted, &mut listing)?;
    }
    Ok(listing)
}

fn walk(
    inside: &Path,
    dir: &Path,
    recursive: bool,
    wanted: &dyn Fn(&Path) -> bool,
    listing: &mut Listing,
) -> Result<()> {
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read `{}`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if hidden {
            continue;
        }
        let shown = path.display();
        if meta.is_dir() {
            if recursive {
                walk(inside, &path, recursive, wanted, listing)?;
            }
            continue;
        }
        if !wanted(&path) && !meta.file_type().is_symlink() {
            continue;
        }
        if meta.file_type().is_symlink() {
            let target = std::fs::canonicalize(&path).ok();
            match target {
                Some(t) if !t.starts_with(inside) => listing.skipped.push(format!(
                    "`{shown}` is a link to `{}`, outside the workspace; skipped",
                    t.display()
                )),
                Some(t) if t.is_dir() => {
                    if recursive {
                        listing.skipped.push(format!(
                            "`{shown}` is a link to a folder; skipped (hirekit does not follow links to folders)"
                        ));
                    }
                }
                Some(t) if t.is_file() => {
                    if wanted(&path) {
                        listing.files.push(path);
                    }
                }
                Some(_) => {
                    if wanted(&path) {
                        listing.skipped.push(format!(
                            "`{shown}` is a link to something that is not a regular file; skipped"
                        ));
                    }
                }
                None => {
                    if wanted(&path) {
                        listing
                            .skipped
                            .push(format!("`{shown}` is a link to nothing; skipped"));
                    }
                }
            }
            continue;
        }
        if meta.is_file() {
            listing.files.push(path);
        } else {
            listing.skipped.push(format!(
                "`{shown}` is not a regular file (a pipe, device or socket); skipped"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticked_names_stay_short_whatever_a_file_holds() {
        assert_eq!(backticked(&["city", "state"]), "`city`, `state`");
        let long = "é".repeat(10_000);
        let one = backticked(&[long.as_str()]);
        assert_eq!(one, format!("`{}…`", "é".repeat(40)));
        let many: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
        let list = backticked(&many);
        assert!(list.ends_with("`c29` and 70 more"), "{list}");
    }

    #[cfg(unix)]
    #[test]
    fn reads_stop_at_the_cap_even_when_the_size_is_unknown() {
        let err = read_capped(Path::new("/dev/zero"), 1000)
            .unwrap_err()
            .to_string();
        assert!(err.contains("too large"), "{err}");
        let err = read(Path::new("/")).unwrap_err().to_string();
        assert!(err.contains("it is a folder"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        assert_eq!(read_capped(&path, 100).unwrap().len(), 100);
        assert!(read_capped(&path, 99).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn listing_never_leaves_the_limit_nor_opens_pipes() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws");
        let t = ws.join("templates");
        std::fs::create_dir_all(t.join("sub")).unwrap();
        std::fs::write(t.join("a.md"), "a").unwrap();
        std::fs::write(t.join("sub/b.md"), "b").unwrap();
        std::fs::write(t.join("notes.txt"), "n").unwrap();
        std::fs::write(dir.path().join("secret.md"), "s").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.md"), t.join("out.md")).unwrap();
        std::os::unix::fs::symlink(t.join("a.md"), t.join("in.md")).unwrap();
        std::os::unix::fs::symlink("/usr", t.join("usr")).unwrap();
        std::os::unix::fs::symlink(".", t.join("loop")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(t.join("pipe.md"))
            .status()
            .unwrap();
        assert!(made.success());
        let md = |p: &Path| p.extension().is_some_and(|e| e == "md");
        let listing = list_files(&ws, &t, true, &md).unwrap();
        let names: Vec<String> = listing
            .files
            .iter()
            .map(|p| p.strip_prefix(&t).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.md", "in.md", "sub/b.md"]);
        let skipped = listing.skipped.join("\n");
        assert!(skipped.contains("out.md` is a link to"), "{skipped}");
        assert!(skipped.contains("outside the workspace"), "{skipped}");
        assert!(
            skipped.contains("pipe.md` is not a regular file"),
            "{skipped}"
        );
        assert!(skipped.contains("usr` is a link to"), "{skipped}");
        assert!(skipped.contains("loop` is a link to a folder"), "{skipped}");
    }

    #[test]
    fn utf8_strips_bom_and_locates_bad_bytes() {
        assert_eq!(utf8("a", b"\xEF\xBB\xBFok").unwrap(), "ok");
        let err = utf8("a.yaml", b"title: x\nname: caf\xE9\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 10));
        assert!(err.message.contains("0xE9"));
    }

    #[test]
    fn closest_names_only_slips_of_the_keyboard() {
        let known = ["duties", "summary", "id", "key_responsibilities"];
        assert_eq!(closest("dutys", &known), Some("duties"));
        assert_eq!(closest("Summary", &known), Some("summary"));
        assert_eq!(
            closest("key-responsibilities", &known),
            Some("key_responsibilities")
        );
        assert_eq!(closest("ix", &known), Some("id"));
        assert_eq!(closest("salary", &known), None);
    }
}
