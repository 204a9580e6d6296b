//! Escaping data for Markdown templates: every value a `.md` template
//! prints goes through [`escape`] (the engine's autoescape), so a city or a
//! company name cannot start a heading, a list, a link or an image. Which
//! punctuation is syntax follows the Markdown options of `render::markdown`
//! (tables and strikethrough on).

/// Escapes text so that Markdown shows it literally, as inline text.
///
/// Line breaks (and the blanks around them) become one space, so a value
/// cannot end a heading, a table row or a list; leading blanks go, so it
/// cannot indent a code block. ASCII punctuation that Markdown (with the
/// Markdown options hirekit renders with) could read as syntax gets a backslash: always for
/// `` \ ` * [ ] < > | ~ ``; `_` unless it sits inside a word; `&` when it
/// starts a character reference; and `# - + =` or a number's `.`/`)` at the start,
/// where they would open a heading, a list, a rule or a setext underline.
/// A backslash before ASCII punctuation is always a literal, so the text
/// reads the same in any Markdown renderer.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, &mut out);
    out
}

/// [`escape`], appending to `out`.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    // Most values are plain words: nothing to do.
    let plain = !text.starts_with(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '#' | '-' | '+' | '=')
    }) && !text.contains([
        '\\', '`', '*', '[', ']', '<', '>', '|', '~', '_', '&', '\n', '\r',
    ]);
    if plain {
        out.push_str(text);
        return;
    }
    let folded = fold_line_breaks(text.trim_start());
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    // Block syntax only matters where the value starts a line.
    match chars.first() {
        Some('#' | '-' | '+' | '=') => {
            out.push('\\');
            out.push(chars[0]);
            i = 1;
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if matches!(chars.get(digits), Some('.' | ')')) {
                out.extend(&chars[..digits]);
                out.push('\\');
                out.push(chars[digits]);
                i = digits + 1;
            }
        }
        _ => {}
    }
    while i < chars.len() {
        let c = chars[i];
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '_' => {
                let inside_word = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                !inside_word
            }
            '&' => starts_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
}

/// Whether the text after a `&` could make it a character reference
/// (`&#106;`, `&amp;`); `Q&A` and `AT&T` cannot.
fn starts_entity(rest: &[char]) -> bool {
    if rest.first() == Some(&'#') {
        return true;
    }
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// The escape function the template engine calls for `.md` templates.
pub(crate) fn escape_to(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escape(text).as_bytes())
}

/// Replaces each run of blanks that holds a line break with one space.
fn fold_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut broke = false;
    for c in text.chars() {
        if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
            broke |= c == '\n' || c == '\r';
            pending.push(c);
            continue;
        }
        if broke {
            out.push(' ');
        } else {
            out.push_str(&pending);
        }
        pending.clear();
        broke = false;
        out.push(c);
    }
    if broke {
        out.push(' ');
    } else {
        out.push_str(&pending);
    }
    out.into()
}
