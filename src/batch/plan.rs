//! Where each ad goes: the file-name pattern, the values put into it, the
//! checks that keep every path inside `--out` and portable, and the shard a
//! row belongs to. Pure functions, no I/O.

use std::fmt;
use std::str::FromStr;

use crate::engine::filters::slug;

/// The default file-name pattern.
pub(crate) const DEFAULT_PATTERN: &str = "{role}/{doc}/{location}.{ext}";

/// The longest relative path hirekit writes, in bytes.
pub(crate) const MAX_PATH: usize = 1024;

/// The longest single file or folder name, in bytes (most file systems' limit).
pub(crate) const MAX_NAME: usize = 255;

/// A placeholder in a file-name pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// The role's id.
    Role,
    /// The document's name.
    Doc,
    /// The row's id (its `id` column, or `<state>-<city>` slugged).
    Location,
    /// The row's USPS state code, lower case.
    State,
    /// The row's city, slugged.
    City,
    /// The format's file extension.
    Ext,
}

impl Placeholder {
    const ALL: [(&'static str, Placeholder); 6] = [
        ("role", Placeholder::Role),
        ("doc", Placeholder::Doc),
        ("location", Placeholder::Location),
        ("state", Placeholder::State),
        ("city", Placeholder::City),
        ("ext", Placeholder::Ext),
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Value(Placeholder),
}

/// A parsed file-name pattern such as `{role}/{doc}/{location}.{ext}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
}

/// The values of one output file's placeholders, already made safe for a
/// file name (see [`Values::new`]).
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    /// `{role}`.
    pub role: &'a str,
    /// `{doc}`.
    pub doc: &'a str,
    /// `{location}`.
    pub location: &'a str,
    /// `{state}`.
    pub state: &'a str,
    /// `{city}`.
    pub city: &'a str,
    /// `{ext}`.
    pub ext: &'a str,
}

impl FromStr for Pattern {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut pieces = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                Some(0) if rest.starts_with('{') => {
                    let Some(end) = rest.find('}') else {
                        return Err(format!("pattern {s:?} has a `{{` that is never closed"));
                    };
                    let name = &rest[1..end];
                    let Some((_, p)) = Placeholder::ALL.iter().find(|(n, _)| *n == name) else {
                        return Err(format!(
                            "pattern {s:?} has an unknown placeholder `{{{name}}}`; \
                             known: {{role}} {{doc}} {{location}} {{state}} {{city}} {{ext}}"
                        ));
                    };
                    pieces.push(Piece::Value(*p));
                    rest = &rest[end + 1..];
                }
                Some(0) => return Err(format!("pattern {s:?} has a stray `}}`")),
                Some(i) => {
                    pieces.push(Piece::Text(rest[..i].to_string()));
                    rest = &rest[i..];
                }
                None => {
                    pieces.push(Piece::Text(rest.to_string()));
                    rest = "";
                }
            }
        }
        let pattern = Pattern { pieces };
        if !pattern.uses(Placeholder::Location) && !pattern.uses(Placeholder::City) {
            return Err(format!(
                "pattern {s:?} needs `{{location}}` (or `{{city}}`) so that each row gets its own file"
            ));
        }
        // The fixed text must be safe on its own: expand with harmless values.
        let mut probe = String::new();
        pattern.expand_into(
            &Values {
                role: "r",
                doc: "d",
                location: "l",
                state: "s",
                city: "c",
                ext: "e",
            },
            &mut probe,
        );
        check_path(&probe).map_err(|why| format!("pattern {s:?}: {why}"))?;
        Ok(pattern)
    }
}

impl Pattern {
    /// Whether the pattern contains a placeholder.
    pub fn uses(&self, p: Placeholder) -> bool {
        self.pieces.contains(&Piece::Value(p))
    }

    /// Appends the expanded pattern to `out`.
    pub fn expand_into(&self, v: &Values<'_>, out: &mut String) {
        for piece in &self.pieces {
            out.push_str(match piece {
                Piece::Text(t) => t,
                Piece::Value(Placeholder::Role) => v.role,
                Piece::Value(Placeholder::Doc) => v.doc,
                Piece::Value(Placeholder::Location) => v.location,
                Piece::Value(Placeholder::State) => v.state,
                Piece::Value(Placeholder::City) => v.city,
                Piece::Value(Placeholder::Ext) => v.ext,
            });
        }
    }

    /// The expanded pattern.
    pub fn expand(&self, v: &Values<'_>) -> String {
        let mut out = String::with_capacity(64);
        self.expand_into(v, &mut out);
        out
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => f.write_str(t)?,
                Piece::Value(p) => {
                    let name = Placeholder::ALL
                        .iter()
                        .find(|(_, q)| q == p)
                        .map_or("", |(n, _)| n);
                    write!(f, "{{{name}}}")?;
                }
            }
        }
        Ok(())
    }
}

/// A location id as a file name: ASCII letters, digits, `-`, `_` and `.`
/// kept (case too), anything else becomes `-`, with no leading dots.
pub(crate) fn location_name(id: &str) -> String {
    let mapped: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    mapped.trim_start_matches('.').to_string()
}

/// A name (role id, document, city) as a file name: ASCII, lower case,
/// words joined by `-`.
pub(crate) fn name_slug(s: &str) -> String {
    slug(s)
}

/// Windows device names, which no file may be called (with any extension).
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Checks that a relative path is safe to create under `--out` on any
/// common file system: relative, no `.` or `..` parts, no empty parts, no
/// hidden names (our temporary files start with `.`), no characters that
/// Windows refuses, no device names such as `con`, and not too long.
/// Returns why not.
pub(crate) fn check_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("the file name is empty".to_string());
    }
    if path.len() > MAX_PATH {
        return Err(format!(
            "the file name is {} bytes long; the limit is {MAX_PATH}",
            path.len()
        ));
    }
    if let Some(c) = path
        .chars()
        .find(|c| c.is_control() || matches!(c, '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*'))
    {
        return Err(format!(
            "{path:?} has the character {c:?}, which is not allowed in file names"
        ));
    }
    if path.starts_with('/') {
        return Err(format!(
            "{path:?} is an absolute path; it must stay inside --out"
        ));
    }
    for part in path.split('/') {
        if part.is_empty() {
            return Err(format!(
                "{path:?} has an empty folder name (`//` or a trailing `/`)"
            ));
        }
        if part == "." || part == ".." {
            return Err(format!(
                "{path:?} has a `{part}` part; it must stay inside --out"
            ));
        }
        if part.starts_with('.') {
            return Err(format!(
                "{path:?} has a hidden name `{part}` (starting with `.`)"
            ));
        }
        if part.ends_with('.') || part.ends_with(' ') || part.starts_with(' ') {
            return Err(format!(
                "{path:?} has a name `{part}` that starts or ends with a space or ends with `.`"
            ));
        }
        if part.len() > MAX_NAME {
            return Err(format!(
                "{path:?} has a name of {} bytes; the limit is {MAX_NAME}",
                part.len()
            ));
        }
        let stem = part.split('.').next().unwrap_or(part).trim_end();
        if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
            return Err(format!(
                "{path:?} has the name `{part}`, which Windows reserves for a device"
            ));
        }
    }
    Ok(())
}

/// The key two paths share when a case-insensitive file system would see
/// them as one file.
pub(crate) fn fold_case(path: &str) -> String {
    if path.is_ascii() {
        return path.to_ascii_lowercase();
    }
    path.chars().flat_map(char::to_lowercase).collect()
}

/// Whether two paths are one file on a case-insensitive file system.
pub(crate) fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// [`fnv1a64`] of `tag`, a zero byte and `s` (case-folded when `fold`),
/// without building the string.
pub(crate) fn tagged_hash(tag: u8, s: &str, fold: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(tag);
    eat(0);
    if fold && s.is_ascii() {
        s.bytes().map(|b| b.to_ascii_lowercase()).for_each(eat);
    } else if fold {
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    } else {
        s.bytes().for_each(eat);
    }
    h
}

/// 64-bit FNV-1a: a small, stable hash (unlike std's, which is seeded per
/// process), for sharding and for spotting repeated names.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `--shard I/N`: the I-th (1-based) of N slices of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based slice number.
    pub index: u32,
    /// How many slices.
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("expected I/N with 1 <= I <= N, such as 1/3; got {s:?}");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = i.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the row with this location id belongs to this slice: FNV-1a
    /// of the id, modulo N. Every id lands in exactly one slice, whatever
    /// the order of the rows or the machine.
    pub fn contains(&self, location_id: &str) -> bool {
        fnv1a64(location_id.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
    }

    /// The name of this slice's files, e.g. `manifest` → `manifest-2-of-3`.
    pub fn suffixed(&self, stem: &str) -> String {
        format!("{stem}-{}-of-{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'a>(location: &'a str, ext: &'a str) -> Values<'a> {
        Values {
            role: "customer-service-representative",
            doc: "job-post",
            location,
            state: "mi",
            city: "detroit",
            ext,
        }
    }

    #[test]
    fn default_pattern_expands() {
        let p: Pattern = DEFAULT_PATTERN.parse().unwrap();
        assert_eq!(
            p.expand(&values("det-1", "html")),
            "customer-service-representative/job-post/det-1.html"
        );
        assert_eq!(p.to_string(), DEFAULT_PATTERN);
        assert!(p.uses(Placeholder::Ext) && !p.uses(Placeholder::City));
    }

    #[test]
    fn patterns_are_checked() {
        for (pattern, ok) in [
            ("{state}/{city}/{role}.{ext}", true),
            ("ads/{location}-{doc}.{ext}", true),
            ("{role}/{doc}.{ext}", false),
            ("{location}.{extension}", false),
            ("{location.{ext}", false),
            ("{location}}.{ext}", false),
            ("/abs/{location}.{ext}", false),
            ("../{location}.{ext}", false),
            ("a/./{location}.{ext}", false),
            (".hidden/{location}.{ext}", false),
            ("a//{location}.{ext}", false),
            ("con/{location}.{ext}", false),
            ("c:/{location}.{ext}", false),
        ] {
            assert_eq!(pattern.parse::<Pattern>().is_ok(), ok, "{pattern}");
        }
        let err = "{where}/{location}".parse::<Pattern>().unwrap_err();
        assert!(err.contains("`{where}`"), "{err}");
    }

    #[test]
    fn hostile_paths_are_refused() {
        for (path, ok) in [
            ("role/doc/det-1.md", true),
            ("a/b.c.d", true),
            ("", false),
            ("/etc/passwd", false),
            ("../x.md", false),
            ("a/../../x.md", false),
            ("a/./x.md", false),
            ("a\\x.md", false),
            ("a/x\0.md", false),
            ("a/CON.md", false),
            ("a/lpt1", false),
            ("a/nul.tar.gz", false),
            ("a/console.md", true),
            ("a/.hirekit-x.tmp", false),
            ("a/x.", false),
            ("a/ x", false),
            ("a:b", false),
        ] {
            assert_eq!(check_path(path).is_ok(), ok, "{path:?}");
        }
        assert!(check_path(&format!("a/{}.md", "x".repeat(300))).is_err());
        assert!(check_path(&"ab/".repeat(400)).is_err());
    }

    #[test]
    fn values_are_made_safe() {
        assert_eq!(location_name("DET_1.a"), "DET_1.a");
        assert_eq!(location_name("../x/y"), "-x-y");
        assert_eq!(location_name(".x"), "x");
        assert_eq!(name_slug("Saint-Étienne"), "saint-etienne");
        assert_eq!(fold_case("A/Det-1.MD"), "a/det-1.md");
    }

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("2/3".parse::<Shard>(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1/0", "x/3", "3", "1/3/4", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (1..=3).map(|i| Shard { index: i, count: 3 }).collect();
        let mut sizes = [0; 3];
        for n in 0..3000 {
            let id = format!("loc-{n}");
            let owners: Vec<usize> = (0..3).filter(|&i| shards[i].contains(&id)).collect();
            assert_eq!(owners.len(), 1, "{id}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 900), "{sizes:?}");
        assert_eq!(shards[1].suffixed("manifest"), "manifest-2-of-3");
    }

    #[test]
    fn tagged_hashes_match_the_strings_they_stand_for() {
        for s in ["Det-1.MD", "a/B/c", "ÉCOLE", ""] {
            assert_eq!(
                tagged_hash(b'p', s, true),
                fnv1a64(format!("p\0{}", fold_case(s)).as_bytes())
            );
            assert_eq!(
                tagged_hash(b'i', s, false),
                fnv1a64(format!("i\0{s}").as_bytes())
            );
        }
        assert!(same_folded("Index.HTML", "index.html"));
        assert!(!same_folded("index.htm", "index.html"));
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
