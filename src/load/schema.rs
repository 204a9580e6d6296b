//! The shape of a role profile, walked over a parsed YAML tree to report
//! every problem of a file in one pass: unknown keys (with the closest known
//! key), missing required keys, values of the wrong kind, and list items
//! that an indentation mistake folded into the item above.
//!
//! serde stops at the first error; this walk does not. The profile is then
//! deserialized for real, so serde stays the judge of what loads: the walk
//! only has to agree with it on what it reports, which the tests pin by
//! walking the built-in profile and the `hirekit new` skeleton.

use super::yaml::{Node, Value};
use crate::diag::Diagnostic;
use crate::text::closest;

/// The kind of value a key takes.
#[derive(Debug)]
pub(crate) enum Ty {
    /// Text (any single value: YAML reads `42` as text where text is due).
    Text,
    /// A whole number from 0 up.
    Whole,
    /// One of a few words.
    Word(&'static [&'static str]),
    /// A list of one kind.
    List(&'static Ty),
    /// A mapping with known keys.
    Record(&'static Record),
    /// `duties`: plain strings, or groups with a heading and items.
    Duties,
    /// A mapping of a team's own keys to any values (`extra`).
    AnyMap,
    /// Anything; serde checks it.
    Any,
}

/// A mapping with known keys.
#[derive(Debug)]
pub(crate) struct Record {
    /// What the mapping is, for messages ("a duty group").
    pub what: &'static str,
    /// Its keys.
    pub fields: &'static [Field],
}

/// One key of a [`Record`].
#[derive(Debug)]
pub(crate) struct Field {
    /// The key.
    pub name: &'static str,
    /// What it takes.
    pub ty: Ty,
    /// Whether a profile must have it.
    pub required: bool,
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const TEXTS: Ty = Ty::List(&Ty::Text);

const BRIEF: Record = Record {
    what: "`brief`",
    fields: &[
        opt("mission", Ty::Text),
        opt("impact", Ty::Text),
        opt("ideal_candidate", Ty::Text),
        opt("call_to_action", Ty::Text),
    ],
};

/// A duty group (the grouped form of `duties`).
pub(crate) const DUTY_GROUP: Record = Record {
    what: "a duty group",
    fields: &[
        req("heading", Ty::Text),
        opt("intro", Ty::Text),
        req("items", TEXTS),
    ],
};

const QUALIFICATIONS: Record = Record {
    what: "`qualifications`",
    fields: &[opt("required", TEXTS), opt("preferred", TEXTS)],
};

const SECTION: Record = Record {
    what: "this section",
    fields: &[opt("intro", Ty::Text), opt("items", TEXTS)],
};

const CAREER_STEP: Record = Record {
    what: "a career step",
    fields: &[req("level", Ty::Text), req("description", Ty::Text)],
};

const CAREER_PATH: Record = Record {
    what: "`career_path`",
    fields: &[
        opt("intro", Ty::Text),
        opt("steps", Ty::List(&Ty::Record(&CAREER_STEP))),
    ],
};

const TITLE_GROUP: Record = Record {
    what: "a group of titles",
    fields: &[opt("intro", Ty::Text), opt("titles", TEXTS)],
};

const RELATED_TITLES: Record = Record {
    what: "`related_titles`",
    fields: &[
        opt("common", Ty::Record(&TITLE_GROUP)),
        opt("specialized", Ty::Record(&TITLE_GROUP)),
    ],
};

const FAQ: Record = Record {
    what: "a question of `faq`",
    fields: &[req("question", Ty::Text), req("answer", Ty::Text)],
};

const QUESTION: Record = Record {
    what: "an interview question",
    fields: &[
        req("type", Ty::Word(&["behavioral", "situational"])),
        req("text", Ty::Text),
        opt("follow_ups", TEXTS),
        req("strong_answer", TEXTS),
        opt("red_flags", TEXTS),
    ],
};

const COMPETENCY: Record = Record {
    what: "a competency",
    fields: &[
        req("name", Ty::Text),
        req("why", Ty::Text),
        req("questions", Ty::List(&Ty::Record(&QUESTION))),
    ],
};

const RATING: Record = Record {
    what: "a rating",
    fields: &[
        req("score", Ty::Whole),
        req("label", Ty::Text),
        req("description", Ty::Text),
    ],
};

const INTERVIEW: Record = Record {
    what: "`interview`",
    fields: &[
        opt("duration_minutes", Ty::Whole),
        opt("competencies", Ty::List(&Ty::Record(&COMPETENCY))),
        opt("rating_scale", Ty::List(&Ty::Record(&RATING))),
    ],
};

const PAY: Record = Record {
    what: "`pay`",
    fields: &[opt("table", Ty::Text), opt("rows", Ty::List(&Ty::Any))],
};

/// A role profile, the top of `roles/<id>.yaml`.
pub(crate) const ROLE: Record = Record {
    what: "a role profile",
    fields: &[
        opt("id", Ty::Text),
        req("title", Ty::Text),
        opt("abbreviation", Ty::Text),
        opt("soc_code", Ty::Text),
        opt("soc_title", Ty::Text),
        req("summary", Ty::Text),
        opt("overview", Ty::Text),
        opt("brief", Ty::Record(&BRIEF)),
        req("duties", Ty::Duties),
        opt("key_responsibilities", TEXTS),
        req("requirements", TEXTS),
        opt("qualifications", Ty::Record(&QUALIFICATIONS)),
        opt("education", Ty::Text),
        opt("experience_months", Ty::Whole),
        opt("skills", TEXTS),
        opt("career_path", Ty::Record(&CAREER_PATH)),
        opt("work_hours", Ty::Record(&SECTION)),
        opt("benefits", Ty::Record(&SECTION)),
        opt("related_titles", Ty::Record(&RELATED_TITLES)),
        opt("faq", Ty::List(&Ty::Record(&FAQ))),
        opt("interview", Ty::Record(&INTERVIEW)),
        opt("pay", Ty::Record(&PAY)),
        opt("source", Ty::Text),
        opt("extra", Ty::AnyMap),
    ],
};

/// The company profile, `company.yaml`.
pub(crate) const COMPANY: Record = Record {
    what: "a company profile",
    fields: &[
        req("name", Ty::Text),
        opt("about", Ty::Text),
        opt("why_join", TEXTS),
        opt("benefits", TEXTS),
        opt("eeo", Ty::Text),
        opt("apply_url", Ty::Text),
        opt("website", Ty::Text),
        opt("logo", Ty::Text),
        opt("employees", Ty::Whole),
        opt("email", Ty::Text),
        opt("extra", Ty::AnyMap),
    ],
};

/// What a walk found, each in source order.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// Unknown keys, missing keys, values of the wrong kind: what serde
    /// would refuse too. When serde accepts the file anyway, the schema
    /// here is behind the model, not the file wrong, and these are dropped.
    pub shape: Vec<Diagnostic>,
    /// List items an indentation mistake folded into the item above: text
    /// serde accepts, but not what the author meant.
    pub folded: Vec<Diagnostic>,
}

/// Walks `root` (the parsed text `source` of the file shown as `path`)
/// against `record`, returning every problem found.
pub(crate) fn walk(path: &str, source: &str, root: &Node, record: &'static Record) -> Walked {
    let mut w = Walker {
        path,
        source,
        top: record,
        out: Vec::new(),
        folded: Vec::new(),
    };
    match &root.value {
        Value::Map(entries) => w.record(root, entries, record, true),
        other => w.out.push(Diagnostic::file(
            path,
            format!(
                "expected {} (a mapping of `key: value` lines), got {}",
                record.what,
                other.kind()
            ),
        )),
    }
    w.out.sort_by_key(|d| (d.line, d.column));
    if w.out.len() > MAX_PROBLEMS {
        let more = w.out.len() - MAX_PROBLEMS;
        w.out.truncate(MAX_PROBLEMS);
        w.out.push(Diagnostic::file(
            path,
            format!("{more} more problems not shown; is this {}?", record.what),
        ));
    }
    w.folded.sort_by_key(|d| (d.line, d.column));
    Walked {
        shape: w.out,
        folded: w.folded,
    }
}

/// The most problems one file reports; past that, a count.
pub(crate) const MAX_PROBLEMS: usize = 50;

struct Walker<'a> {
    path: &'a str,
    source: &'a str,
    top: &'static Record,
    out: Vec<Diagnostic>,
    folded: Vec<Diagnostic>,
}

impl Walker<'_> {
    fn at(&self, node: &Node, message: String) -> Diagnostic {
        if node.line == 0 {
            Diagnostic::file(self.path, message)
        } else {
            Diagnostic::at(self.path, self.source, node.line, node.column, message)
        }
    }

    fn record(&mut self, node: &Node, entries: &[(Node, Node)], record: &Record, top: bool) {
        let mut seen: Vec<&str> = Vec::new();
        let mut suggested: Vec<&str> = Vec::new();
        for (key, value) in entries {
            let name = match &key.value {
                Value::Str(s) => s.clone(),
                Value::Int(i) => i.to_string(),
                other => {
                    let d = self.at(key, format!("a key must be a word, got {}", other.kind()));
                    self.out.push(d);
                    continue;
                }
            };
            match record.fields.iter().find(|f| f.name == name) {
                Some(field) => {
                    seen.push(field.name);
                    self.value(value, field.name, &field.ty);
                }
                None => {
                    let names: Vec<&str> = record.fields.iter().map(|f| f.name).collect();
                    let mut d = self
                        .at(key, format!("unknown key `{name}` in {}", record.what))
                        .with_span_len(name.chars().count());
                    if let Some(best) = closest(&name, &names) {
                        suggested.push(best);
                        d = d.with_help(format!("did you mean `{best}`?"));
                    } else if let Some(home) = home_of(self.top, &name) {
                        d = d.with_help(format!("`{name}` goes under `{home}:`"));
                    } else {
                        d = d.with_help(format!(
                            "expected one of {}",
                            crate::text::backticked(&names)
                        ));
                    }
                    self.out.push(d);
                }
            }
        }
        for field in record.fields.iter().filter(|f| f.required) {
            if seen.contains(&field.name) || suggested.contains(&field.name) {
                continue;
            }
            let message = format!("{} needs `{}`", record.what, field.name);
            let d = if top {
                Diagnostic::file(self.path, message)
            } else {
                self.at(node, message)
            };
            self.out.push(d.with_help(format!(
                "add `{}:`; `hirekit new` writes a skeleton with every key",
                field.name
            )));
        }
    }

    fn value(&mut self, node: &Node, key: &str, ty: &Ty) {
        if node.value == Value::Null && !matches!(ty, Ty::Any) {
            let help = match ty {
                Ty::List(_) | Ty::Duties => {
                    "list its items under it as `- ` lines, or delete the key"
                }
                Ty::Record(_) | Ty::AnyMap => "add its keys under it, indented, or delete the key",
                _ => "write a value after the `:`, or delete the key",
            };
            let d = self
                .at(node, format!("`{key}` has no value"))
                .with_help(help);
            self.out.push(d);
            return;
        }
        match (ty, &node.value) {
            (Ty::Any, _) => {}
            (Ty::Text, v) if v.is_scalar() => self.folded_items(node),
            (Ty::Text, v) => self.wrong(node, key, "text", v),
            (Ty::Whole, Value::Int(i)) if *i >= 0 => {}
            (Ty::Whole, v) => self.wrong(node, key, "a whole number (0 or more)", v),
            (Ty::Word(words), Value::Str(s)) if words.contains(&s.as_str()) => {}
            (Ty::Word(words), v) => {
                let got = match v {
                    Value::Str(s) => format!("`{s}`"),
                    other => other.kind().to_string(),
                };
                let mut d = self.at(
                    node,
                    format!(
                        "`{key}` must be one of {}, got {got}",
                        crate::text::backticked(words)
                    ),
                );
                if let Value::Str(s) = v
                    && let Some(best) = closest(s, words)
                {
                    d = d.with_help(format!("did you mean `{best}`?"));
                }
                self.out.push(d);
            }
            (Ty::List(item), Value::Seq(items)) => {
                for n in items {
                    if !self.empty_item(n, key) {
                        self.value(n, key, item);
                    }
                }
            }
            (Ty::Record(r), Value::Map(entries)) => self.record(node, entries, r, false),
            (Ty::Record(r), v) => self.wrong(node, key, &format!("a mapping ({})", r.what), v),
            (Ty::AnyMap, Value::Map(_)) => {}
            (Ty::AnyMap, v) => self.wrong(node, key, "a mapping of your own keys", v),
            (Ty::Duties, Value::Seq(items)) => {
                for n in items {
                    match &n.value {
                        _ if self.empty_item(n, key) => {}
                        Value::Map(entries) => self.record(n, entries, &DUTY_GROUP, false),
                        v if v.is_scalar() => self.folded_items(n),
                        v => self.wrong(n, key, "a duty (text) or a duty group", v),
                    }
                }
            }
            (Ty::List(_) | Ty::Duties, v) => self.wrong(node, key, "a list", v),
        }
    }

    /// Reports a list item with nothing after its `- `; true if it was one.
    fn empty_item(&mut self, node: &Node, key: &str) -> bool {
        if node.value != Value::Null {
            return false;
        }
        let d = self
            .at(node, format!("an item of `{key}` is empty"))
            .with_help("write the item after its `- `, or delete the line");
        self.out.push(d);
        true
    }

    fn wrong(&mut self, node: &Node, key: &str, expected: &str, got: &Value) {
        let d = self.at(
            node,
            format!("`{key}` should be {expected}, got {}", got.kind()),
        );
        self.out.push(d);
    }

    /// A plain scalar whose continuation line starts with `- `: a list item
    /// indented too far, which YAML folds into the item above.
    fn folded_items(&mut self, node: &Node) {
        if let Some(d) = folded_item(self.path, self.source, node) {
            self.folded.push(d);
        }
    }
}

/// See [`Walker::folded_items`]; the first such line only.
fn folded_item(path: &str, source: &str, node: &Node) -> Option<Diagnostic> {
    let Value::Str(text) = &node.value else {
        return None;
    };
    if node.line == 0 || !text.contains("- ") {
        return None;
    }
    let lines: Vec<&str> = source.lines().collect();
    let first = lines.get(node.line - 1)?;
    let start: String = first.chars().skip(node.column.saturating_sub(1)).collect();
    let start = start.trim_start_matches("- ").trim_start();
    // Quoted and block scalars may hold such lines on purpose.
    if start.starts_with(['"', '\'', '|', '>']) || start.trim().is_empty() {
        return None;
    }
    let dash = first.chars().take_while(|c| *c == ' ').count();
    let head = first.trim_start();
    let listed = head
        .strip_prefix("- ")
        .is_some_and(|item| !item.contains(": ") && !item.ends_with(':'));
    for (i, line) in lines.iter().enumerate().skip(node.line) {
        let indent = line.chars().take_while(|c| *c == ' ').count();
        let rest = line.trim();
        // Only lines YAML folded into this value belong to it.
        if rest.is_empty() || indent <= dash || !text.contains(rest) {
            break;
        }
        if !rest.starts_with("- ") {
            continue;
        }
        let extra = indent - dash;
        let (message, help) = if listed {
            (
                format!(
                    "this list item is indented {extra} {} more than the one on line {}, so YAML reads it as more text of that item",
                    if extra == 1 { "space" } else { "spaces" },
                    node.line
                ),
                format!(
                    "it is an indentation mistake: start the `-` in column {}, under the `-` on line {}",
                    dash + 1,
                    node.line
                ),
            )
        } else {
            (
                format!(
                    "this line starts with `- ` but is indented as more text of the value on line {}, so YAML does not read it as a list item",
                    node.line
                ),
                "if it is a list, it is an indentation mistake: put it on its own lines under its key, each `- ` indented the same; if it is text, put the whole value in quotes".to_string(),
            )
        };
        return Some(
            Diagnostic::at(path, source, i + 1, indent + 1, message)
                .with_span_len(rest.chars().count())
                .with_help(help),
        );
    }
    None
}

/// Where a key of some record reachable from `top` lives, as a dotted path
/// of its parent (`brief`, `interview`), if exactly one record has it.
fn home_of(top: &'static Record, name: &str) -> Option<String> {
    fn search(record: &'static Record, prefix: &str, name: &str, found: &mut Vec<String>) {
        for f in record.fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            let mut ty = &f.ty;
            while let Ty::List(inner) = ty {
                ty = inner;
            }
            let inner = match ty {
                Ty::Record(r) => Some(*r),
                Ty::Duties => Some(&DUTY_GROUP),
                _ => None,
            };
            if let Some(r) = inner {
                if r.fields.iter().any(|g| g.name == name) && !found.contains(&path) {
                    found.push(path.clone());
                }
                search(r, &path, name, found);
            }
        }
    }
    if top.fields.iter().any(|f| f.name == name) {
        return None;
    }
    let mut found = Vec::new();
    search(top, "", name, &mut found);
    (found.len() == 1).then(|| found.remove(0))
}

#[cfg(test)]
mod tests;
