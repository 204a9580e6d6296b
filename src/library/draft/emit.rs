//! Writes a role profile as commented YAML, the form `hirekit new --soc`
//! saves: every section in the order of the built-in profile, prose as
//! folded block scalars, every other string double-quoted (a JSON string
//! is a valid YAML double-quoted scalar, so any text is safe), and `#
//! REVIEW:` comments where an employer must add or check facts the data
//! cannot give.
//!
//! serde-saphyr only reads YAML, and a general YAML writer could not place
//! these comments, so this small writer is ours. A unit test parses its
//! output with the project's loader and compares it with the input.

use crate::model::role::{
    Competency, DutyGroup, Faq, Question, QuestionKind, Rating, Role, Section, TitleGroup,
};

/// Text wider than this is folded over several lines.
const WIDTH: usize = 76;

/// The YAML text of a drafted role profile, with review comments.
pub(crate) fn profile_yaml(role: &Role) -> String {
    let mut w = Writer::default();
    w.comment(
        0,
        &format!(
            "Role profile for {}, drafted by `hirekit new` from the occupation library.",
            role.title
        ),
    );
    w.comment(
        0,
        "The text comes from O*NET data for the occupation as a whole. Read every section as",
    );
    w.comment(
        0,
        "the employer: keep what is true of this job, cut what is not, and fill in the",
    );
    w.comment(
        0,
        "sections marked REVIEW, which the data cannot know. Then run `hirekit check` and",
    );
    w.comment(0, &format!("`hirekit render {}`.", role.id));
    w.blank();
    w.text(0, "id", &role.id);
    w.comment(0, "REVIEW: the job title as you advertise it.");
    w.text(0, "title", &role.title);
    if let Some(a) = &role.abbreviation {
        w.text(0, "abbreviation", a);
    }
    w.comment(
        0,
        "The SOC code picks the BLS pay figures shown with the documents.",
    );
    w.text(0, "soc_code", &role.soc_code);
    if let Some(t) = &role.soc_title {
        w.text(0, "soc_title", t);
    }
    w.blank();
    w.prose(0, "summary", &role.summary);
    w.prose(0, "overview", &role.overview);
    w.comment(
        0,
        "REVIEW: the mission sentence is about your team; make it yours.",
    );
    w.key(0, "brief");
    w.prose(1, "mission", &role.brief.mission);
    w.prose(1, "impact", &role.brief.impact);
    w.prose(1, "ideal_candidate", &role.brief.ideal_candidate);
    w.prose(1, "call_to_action", &role.brief.call_to_action);
    w.blank();
    w.comment(
        0,
        "Duties: O*NET's task statements for the occupation, the core tasks first.",
    );
    w.list_of(0, "duties", &role.duties, |w, g: &DutyGroup| {
        w.text_item(2, "heading", &g.heading);
        w.prose(2, "intro", &g.intro);
        w.texts(2, "items", &g.items);
    });
    w.texts(0, "key_responsibilities", &role.key_responsibilities);
    w.blank();
    w.comment(
        0,
        "REVIEW: requirements. Education and experience are the median of what workers in",
    );
    w.comment(
        0,
        "the occupation reported to O*NET. Keep only what this job truly needs: a requirement",
    );
    w.comment(
        0,
        "with no link to the work narrows the pool and can be unlawful.",
    );
    w.texts(0, "requirements", &role.requirements);
    w.key(0, "qualifications");
    w.texts(1, "required", &role.qualifications.required);
    w.texts(1, "preferred", &role.qualifications.preferred);
    if role.education.is_some() || role.experience_months.is_some() {
        w.comment(
            0,
            "The least education and experience, for the job post's structured data",
        );
        w.comment(
            0,
            "(Google for Jobs); keep them in step with the requirements above.",
        );
    }
    if let Some(e) = role.education {
        w.text(0, "education", e.as_str());
    }
    if let Some(m) = role.experience_months {
        w.line(0, &format!("experience_months: {m}"));
    }
    w.texts(0, "skills", &role.skills);
    w.blank();
    w.comment(
        0,
        "Related occupations from O*NET; add the steps your organization offers.",
    );
    w.key(0, "career_path");
    w.prose(1, "intro", &role.career_path.intro);
    w.list_of(1, "steps", &role.career_path.steps, |w, s| {
        w.text_item(3, "level", &s.level);
        w.prose(3, "description", &s.description);
    });
    w.blank();
    w.comment(
        0,
        "REVIEW: schedule. The data says nothing about hours: add the shifts, hours and",
    );
    w.comment(
        0,
        "whether the job is full-time or part-time. Left empty, the section is not shown.",
    );
    w.section(0, "work_hours", &role.work_hours);
    w.comment(
        0,
        "REVIEW: benefits this job offers (the company's own come from company.yaml).",
    );
    w.comment(0, "Left empty, the section is not shown.");
    w.section(0, "benefits", &role.benefits);
    w.blank();
    w.key(0, "related_titles");
    w.title_group(1, "common", &role.related_titles.common);
    if let Some(s) = &role.related_titles.specialized {
        w.title_group(1, "specialized", s);
    }
    w.blank();
    w.comment(
        0,
        "Answers from O*NET and BLS data for the occupation as a whole. REVIEW: pay. The",
    );
    w.comment(
        0,
        "documents show BLS market figures for the SOC code; state the pay you offer",
    );
    w.comment(
        0,
        "(pay_min and pay_max in a locations CSV), as pay-transparency laws require.",
    );
    w.list_of(0, "faq", &role.faq, |w, f: &Faq| {
        w.text_item(2, "question", &f.question);
        w.prose(2, "answer", &f.answer);
    });
    w.blank();
    w.comment(
        0,
        "The interview: the occupation's most important O*NET work styles and skills, with",
    );
    w.comment(
        0,
        "questions from hirekit's competency bank. Questions ask about work only.",
    );
    w.key(0, "interview");
    w.line(
        1,
        &format!("duration_minutes: {}", role.interview.duration_minutes),
    );
    w.list_of(
        1,
        "competencies",
        &role.interview.competencies,
        |w, c: &Competency| {
            w.text_item(3, "name", &c.name);
            w.prose(3, "why", &c.why);
            w.list_of(3, "questions", &c.questions, |w, q: &Question| {
                let kind = match q.kind {
                    QuestionKind::Behavioral => "behavioral",
                    QuestionKind::Situational => "situational",
                };
                w.line_item(5, &format!("type: {kind}"));
                w.prose(5, "text", &q.text);
                w.texts(5, "follow_ups", &q.follow_ups);
                w.texts(5, "strong_answer", &q.strong_answer);
                w.texts(5, "red_flags", &q.red_flags);
            });
        },
    );
    w.list_of(
        1,
        "rating_scale",
        &role.interview.rating_scale,
        |w, r: &Rating| {
            w.line_item(3, &format!("score: {}", r.score));
            w.text(3, "label", &r.label);
            w.prose(3, "description", &r.description);
        },
    );
    if let Some(pay) = &role.pay {
        w.blank();
        w.key(0, "pay");
        if let Some(t) = &pay.table {
            w.text(1, "table", t);
        }
        if !pay.rows.is_empty() {
            // JSON is YAML's flow style: the rows as one flow sequence.
            let rows = serde_json::to_string(&pay.rows).unwrap_or_else(|_| "[]".to_string());
            w.line(1, &format!("rows: {rows}"));
        }
    }
    if let Some(source) = &role.source {
        w.blank();
        w.comment(
            0,
            "Credit required by O*NET's CC BY 4.0 licence: keep this line.",
        );
        w.prose(0, "source", source);
    }
    w.out
}

/// The YAML text being written.
#[derive(Default)]
struct Writer {
    out: String,
    /// A list item's `- ` is pending for the next key written.
    item: bool,
}

impl Writer {
    fn indent(&mut self, level: usize) {
        if self.item {
            self.out.push_str(&"  ".repeat(level.saturating_sub(1)));
            self.out.push_str("- ");
            self.item = false;
        } else {
            self.out.push_str(&"  ".repeat(level));
        }
    }

    fn line(&mut self, level: usize, text: &str) {
        self.indent(level);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// `key: value` as the first key of a new list item.
    fn line_item(&mut self, level: usize, text: &str) {
        self.item = true;
        self.line(level, text);
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn comment(&mut self, level: usize, text: &str) {
        self.out.push_str(&"  ".repeat(level));
        self.out.push_str("# ");
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn key(&mut self, level: usize, key: &str) {
        self.line(level, &format!("{key}:"));
    }

    fn text(&mut self, level: usize, key: &str, value: &str) {
        self.line(level, &format!("{key}: {}", quoted(value)));
    }

    fn text_item(&mut self, level: usize, key: &str, value: &str) {
        self.item = true;
        self.text(level, key, value);
    }

    /// Prose: a folded block scalar when the text folds back unchanged,
    /// else a quoted string.
    fn prose(&mut self, level: usize, key: &str, value: &str) {
        if !foldable(value) {
            self.text(level, key, value);
            return;
        }
        self.line(level, &format!("{key}: >-"));
        let pad = "  ".repeat(level + 1);
        for line in wrap(value, WIDTH.saturating_sub(pad.len()).max(30)) {
            self.out.push_str(&pad);
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    fn texts(&mut self, level: usize, key: &str, items: &[String]) {
        if items.is_empty() {
            self.line(level, &format!("{key}: []"));
            return;
        }
        self.key(level, key);
        for item in items {
            self.line(level + 1, &format!("- {}", quoted(item)));
        }
    }

    fn list_of<T>(
        &mut self,
        level: usize,
        key: &str,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T),
    ) {
        if items.is_empty() {
            self.line(level, &format!("{key}: []"));
            return;
        }
        self.key(level, key);
        for item in items {
            each(self, item);
        }
    }

    fn section(&mut self, level: usize, key: &str, s: &Section) {
        self.key(level, key);
        self.prose(level + 1, "intro", &s.intro);
        self.texts(level + 1, "items", &s.items);
    }

    fn title_group(&mut self, level: usize, key: &str, g: &TitleGroup) {
        self.key(level, key);
        self.prose(level + 1, "intro", &g.intro);
        self.texts(level + 1, "titles", &g.titles);
    }
}

/// A double-quoted YAML scalar: the JSON form of the string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Whether a folded block scalar gives back exactly this text: one line,
/// printable, no tabs, no runs of spaces, no space at either end.
fn foldable(s: &str) -> bool {
    !s.is_empty()
        && s.trim() == s
        && !s.contains("  ")
        && !s.chars().any(|c| {
            c.is_control() || c == '\u{feff}' || c == '\u{85}' || c == '\u{2028}' || c == '\u{2029}'
        })
}

/// Words joined into lines of at most `width` characters (a longer word
/// has a line of its own).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(role: &Role) -> Role {
        let text = profile_yaml(role);
        match crate::load::role::parse("roles/x.yaml", text.as_bytes(), "x") {
            Ok(r) => r,
            Err(e) => panic!("{e}\n{text}"),
        }
    }

    fn json(role: &Role) -> serde_json::Value {
        serde_json::to_value(role).unwrap()
    }

    #[test]
    fn a_drafted_profile_reads_back_equal() {
        let role = super::super::draft_role(&super::super::tests::cashier(), "cashier");
        assert_eq!(json(&round_trip(&role)), json(&role));
    }

    #[test]
    fn awkward_text_reads_back_equal() {
        let mut role = super::super::draft_role(&super::super::tests::cashier(), "cashier");
        let nasty = [
            "",
            " leading space",
            "two  spaces",
            "line\nbreak",
            "tab\there",
            "# not a comment",
            "key: value",
            "- dash",
            "\"quotes\" and 'apostrophes'",
            "TODO later, not a placeholder",
            "yes",
            "null",
            "0123",
            "{braces} [brackets] & * ! | > % @ `",
            "ünïcödé — “curly” ✓",
        ];
        role.summary = nasty.join(" / ");
        role.key_responsibilities = nasty.iter().skip(1).map(|s| (*s).to_string()).collect();
        role.overview = "A long line ".repeat(30).trim().to_string();
        role.faq[0].answer = "trailing newline\n".to_string();
        role.work_hours.items = vec!["Nights".to_string()];
        role.pay = Some(crate::model::role::PaySource {
            table: Some("../pay/my table.csv".to_string()),
            rows: Vec::new(),
        });
        assert_eq!(json(&round_trip(&role)), json(&role));
    }

    #[test]
    fn wrap_keeps_every_word_in_order() {
        let s = "one two three four five six seven";
        let lines = wrap(s, 10);
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
        assert_eq!(lines.join(" "), s);
    }
}
