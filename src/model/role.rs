//! The role profile: what a user writes in `roles/<id>.yaml`.
//!
//! Plain serde types, no I/O. Every struct a user writes denies unknown
//! fields, so a misspelled key is an error with the list of expected keys.

use serde::{Deserialize, Serialize};

use super::pay::PayRow;

/// One role profile: everything hirekit knows about a job.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable identifier, used in file names and on the command line.
    /// Defaults to the file name without `.yaml`.
    #[serde(default)]
    pub id: String,
    /// The job title as it appears in headings.
    pub title: String,
    /// A short form of the title (`CSR`), optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    /// Standard Occupational Classification code, `NN-NNNN`.
    pub soc_code: String,
    /// The SOC occupation title, as BLS writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soc_title: Option<String>,
    /// A paragraph on what the role is and why it matters.
    pub summary: String,
    /// The post's "Role overview": who we look for, in the second person.
    pub overview: String,
    /// Words for the job brief: the role's mission, its daily work, the ideal
    /// candidate and the closing call to action.
    pub brief: Brief,
    /// Duties, in groups with a heading, an intro line and items.
    pub duties: Vec<DutyGroup>,
    /// The short list of responsibilities shown in a job post.
    pub key_responsibilities: Vec<String>,
    /// What every candidate must bring.
    pub requirements: Vec<String>,
    /// Qualifications, required and preferred.
    pub qualifications: Qualifications,
    /// Skills, one phrase each.
    pub skills: Vec<String>,
    /// The career path this role leads to.
    pub career_path: CareerPath,
    /// Typical work hours and schedules.
    pub work_hours: Section,
    /// Benefits common for this role.
    pub benefits: Section,
    /// Related job titles.
    pub related_titles: RelatedTitles,
    /// Frequently asked questions.
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// The structured interview.
    pub interview: Interview,
    /// The role's pay table: a CSV file or inline rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay: Option<PaySource>,
    /// Where the profile's content comes from, with any credit its licence
    /// asks for (a profile drafted from O*NET carries O*NET's credit line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The parts of the short job brief.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// What the team or company is about, the opening sentence.
    pub mission: String,
    /// What the person will do, one or two sentences.
    pub impact: String,
    /// Who thrives in the role.
    pub ideal_candidate: String,
    /// The closing invitation.
    pub call_to_action: String,
}

/// A group of duties under one heading.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DutyGroup {
    /// The group's heading, e.g. "Resolving Customer Issues".
    pub heading: String,
    /// One sentence introducing the group.
    #[serde(default)]
    pub intro: String,
    /// The duties themselves.
    pub items: Vec<String>,
}

/// Required and preferred qualifications.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifications {
    /// Must-haves.
    pub required: Vec<String>,
    /// Nice-to-haves.
    #[serde(default)]
    pub preferred: Vec<String>,
}

/// A titled list with an optional intro line: work hours, benefits.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// One sentence before the list.
    #[serde(default)]
    pub intro: String,
    /// The list.
    pub items: Vec<String>,
}

/// Where the role leads.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CareerPath {
    /// One sentence before the steps.
    #[serde(default)]
    pub intro: String,
    /// The steps, from entry level up.
    pub steps: Vec<CareerStep>,
}

/// One step of the career path.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CareerStep {
    /// The level or title.
    pub level: String,
    /// What the person does at that level.
    pub description: String,
}

/// Related job titles.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedTitles {
    /// Titles that share most duties.
    pub common: TitleGroup,
    /// Titles focused on a channel, industry or level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialized: Option<TitleGroup>,
}

/// A group of related titles with an intro line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TitleGroup {
    /// One sentence before the list.
    #[serde(default)]
    pub intro: String,
    /// The titles.
    pub titles: Vec<String>,
}

/// A question and its answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// The structured interview: competencies and a rating scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// Minutes the interview should take in all.
    #[serde(default = "default_interview_minutes")]
    pub duration_minutes: u32,
    /// The competencies assessed.
    pub competencies: Vec<Competency>,
    /// The rating scale, lowest score first.
    pub rating_scale: Vec<Rating>,
}

fn default_interview_minutes() -> u32 {
    60
}

/// One competency assessed in the interview.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Its name, e.g. "Active listening and empathy".
    pub name: String,
    /// Why it matters for this role.
    pub why: String,
    /// The questions that probe it.
    pub questions: Vec<Question>,
}

/// One interview question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Behavioral (past behavior) or situational (a hypothetical).
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// The question as the interviewer asks it.
    pub text: String,
    /// Probes to ask after the first answer.
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// What a strong answer shows.
    pub strong_answer: Vec<String>,
    /// Warning signs in an answer.
    #[serde(default)]
    pub red_flags: Vec<String>,
}

/// The kind of an interview question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// "Tell me about a time when ..."
    Behavioral,
    /// "What would you do if ..."
    Situational,
}

/// One level of the rating scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The score, e.g. 1 to 4.
    pub score: u8,
    /// A short label, e.g. "Strong".
    pub label: String,
    /// What an answer at this level looks like.
    pub description: String,
}

/// Where a role's pay table comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaySource {
    /// A pay-table CSV, relative to the profile (or a built-in table's
    /// `pay/<soc>.csv` name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Inline rows, with the same fields as the CSV columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<PayRow>,
}
