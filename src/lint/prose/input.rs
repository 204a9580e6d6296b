//! What an ad file is before it is read: its line endings made one kind,
//! its kind told from its name or, without an extension, from its first
//! lines, and the Markdown front matter found (and its `title`).

/// How an ad is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AdKind {
    /// Plain text, by lines.
    Text,
    /// Markdown (CommonMark with tables), with optional YAML front matter.
    Markdown,
    /// HTML.
    Html,
}

/// What a file without an extension holds, from its first lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// A role profile (YAML with a role's keys): rendered, then linted.
    Profile,
    /// An ad, read as this kind.
    Ad(AdKind),
}

/// The kind an extension names: `.md`/`.markdown`, `.html`/`.htm`,
/// `.txt`/`.text`; `None` for any other (or none).
pub(crate) fn kind_of_extension(ext: &str) -> Option<AdKind> {
    match ext.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(AdKind::Markdown),
        "html" | "htm" => Some(AdKind::Html),
        "txt" | "text" => Some(AdKind::Text),
        _ => None,
    }
}

/// Keys of a role profile, as they start a line of its YAML.
const ROLE_KEYS: &[&str] = &[
    "id",
    "title",
    "abbreviation",
    "soc_code",
    "soc_title",
    "summary",
    "overview",
    "brief",
    "duties",
    "key_responsibilities",
    "requirements",
    "qualifications",
    "skills",
    "career_path",
    "work_hours",
    "benefits",
    "related_titles",
    "faq",
    "interview",
    "pay",
];

/// Tells what a file without an extension holds, in this order:
///
/// 1. it starts (after blanks) with `<`, as `<!doctype html>`, `<html>` or
///    any tag does: HTML;
/// 2. it starts with a front matter block (`---` ... `---`) followed by
///    text: Markdown;
/// 3. its first lines are YAML keys (`key:` at the start of a line,
///    lower-case), two of them a role profile's (`title`, `soc_code`,
///    `duties`...): a role profile;
/// 4. a line is a Markdown heading (`# Title`) or holds a Markdown link
///    (`[apply](https://...)`): Markdown;
/// 5. anything else: plain text.
pub(crate) fn sniff(source: &str) -> Sniffed {
    let text = source.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('<') {
        return Sniffed::Ad(AdKind::Html);
    }
    let text = normalize_line_ends(text);
    if front_matter(&text).is_some_and(|fm| !text[fm.end..].trim().is_empty()) {
        return Sniffed::Ad(AdKind::Markdown);
    }
    let significant: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---")
        .take(40)
        .collect();
    let yaml_key = |line: &str| -> Option<String> {
        let (key, _) = line.split_once(':')?;
        (!key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .then(|| key.to_string())
    };
    let starts_as_yaml = significant.first().is_some_and(|l| yaml_key(l).is_some());
    let role_keys = significant
        .iter()
        .filter_map(|l| yaml_key(l))
        .filter(|k| ROLE_KEYS.contains(&k.as_str()))
        .count();
    if starts_as_yaml && role_keys >= 2 {
        return Sniffed::Profile;
    }
    let markdown = text.lines().any(|l| {
        let t = l.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
            || (t.contains("](") && t.contains('['))
    });
    Sniffed::Ad(if markdown {
        AdKind::Markdown
    } else {
        AdKind::Text
    })
}

/// Makes every line end a `\n`: `\r\n` (Windows) and a lone `\r` (old Mac
/// files, and files whose lines were joined from several sources) alike,
/// so that a CR-only file is not one long line.
pub(crate) fn normalize_line_ends(source: &str) -> String {
    if !source.contains('\r') {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// A YAML front matter block at the very top of a Markdown file: `---` on
/// the first line, and `---` or `...` on a later one. Returns the byte
/// range of the whole block, closing line included.
pub(crate) fn front_matter(source: &str) -> Option<std::ops::Range<usize>> {
    let body = source.trim_start_matches('\u{feff}');
    let bom = source.len() - body.len();
    let first_end = body.find('\n')?;
    if body[..first_end].trim_end() != "---" {
        return None;
    }
    let mut at = first_end + 1;
    for line in body[at..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some(0..bom + at + line.len());
        }
        at += line.len();
    }
    None
}

/// The `title` of a front matter block: its text and byte range in
/// `source`, quotes removed. Only a plain one-line value is read.
pub(crate) fn front_matter_title(
    source: &str,
    block: std::ops::Range<usize>,
) -> Option<(String, usize)> {
    let mut at = block.start;
    for line in source.get(block)?.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("title:") {
            let value = rest.trim();
            let lead = rest.len() - rest.trim_start().len();
            let start = at + "title:".len() + lead;
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
            return match unquoted {
                Some(v) => Some((v.to_string(), start + 1)),
                None if !value.is_empty() => Some((value.to_string(), start)),
                None => None,
            };
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_without_an_extension_are_sniffed() {
        for (text, want) in [
            (
                "<!DOCTYPE html>\n<html><p>Hi</p>",
                Sniffed::Ad(AdKind::Html),
            ),
            ("  <div>Cashier</div>", Sniffed::Ad(AdKind::Html)),
            (
                "---\ntitle: Cashier\n---\nWe hire.\n",
                Sniffed::Ad(AdKind::Markdown),
            ),
            (
                "title: Cashier\nsoc_code: 41-2011\nsummary: Rings up sales.\n",
                Sniffed::Profile,
            ),
            (
                "---\n# a profile\ntitle: Cashier\nduties: []\n",
                Sniffed::Profile,
            ),
            ("# Cashier\n\nWe hire.\n", Sniffed::Ad(AdKind::Markdown)),
            (
                "Cashier\n\nApply [here](https://x.example).\n",
                Sniffed::Ad(AdKind::Markdown),
            ),
            (
                "Cashier\n\nTitle: Cashier\nPay: $15 an hour\n",
                Sniffed::Ad(AdKind::Text),
            ),
            ("Cashier\r\rWe hire.\r", Sniffed::Ad(AdKind::Text)),
            ("", Sniffed::Ad(AdKind::Text)),
        ] {
            assert_eq!(sniff(text), want, "{text:?}");
        }
    }

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(normalize_line_ends("a\r\nb\rc\nd\r"), "a\nb\nc\nd\n");
        assert_eq!(normalize_line_ends("é\r\r"), "é\n\n");
        assert_eq!(normalize_line_ends("plain\n"), "plain\n");
    }

    #[test]
    fn front_matter_and_its_title() {
        let src = "---\nlayout: job\ntitle: \"Sr. Line Cook\"\n---\n# Cook\n";
        let fm = front_matter(src).unwrap();
        assert_eq!(
            &src[fm.clone()],
            "---\nlayout: job\ntitle: \"Sr. Line Cook\"\n---\n"
        );
        let (title, at) = front_matter_title(src, fm).unwrap();
        assert_eq!(title, "Sr. Line Cook");
        assert_eq!(&src[at..at + title.len()], "Sr. Line Cook");
        assert_eq!(front_matter("# No front matter\n---\n"), None);
        assert_eq!(front_matter("---\nnever closed\n"), None);
        let plain = "---\ntitle: Cook\n---\n";
        let (t, at) = front_matter_title(plain, front_matter(plain).unwrap()).unwrap();
        assert_eq!((t.as_str(), &plain[at..at + 4]), ("Cook", "Cook"));
    }
}
