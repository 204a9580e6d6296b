//! The role profile: what a user writes in `roles/<id>.yaml`.
//!
//! Plain serde types, no I/O. Every struct a user writes denies unknown
//! fields, so a misspelled key is an error with the list of expected keys.
//!
//! Only `title`, `summary`, `duties` and `requirements` are needed to load a
//! profile; every other section defaults to empty, and each document says
//! which sections it needs (`render::needs`). `duties` takes a plain list of
//! strings or the grouped form (`- heading: ...` with `items`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

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
    #[serde(default)]
    pub soc_code: String,
    /// The SOC occupation title, as BLS writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soc_title: Option<String>,
    /// A paragraph on what the role is and why it matters.
    pub summary: String,
    /// The post's "Role overview": who we look for, in the second person.
    #[serde(default)]
    pub overview: String,
    /// Words for the job brief: the role's mission, its daily work, the ideal
    /// candidate and the closing call to action.
    #[serde(default)]
    pub brief: Brief,
    /// Duties, in groups with a heading, an intro line and items. A plain
    /// list of strings is one group without a heading.
    #[serde(deserialize_with = "duty_groups")]
    pub duties: Vec<DutyGroup>,
    /// The short list of responsibilities shown in a job post.
    #[serde(default)]
    pub key_responsibilities: Vec<String>,
    /// What every candidate must bring.
    pub requirements: Vec<String>,
    /// Qualifications, required and preferred.
    #[serde(default)]
    pub qualifications: Qualifications,
    /// The least education the job asks for, as schema.org's
    /// `credentialCategory` names it (the job post's `educationRequirements`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Credential>,
    /// The least related work experience the job asks for, in months (the
    /// job post's `experienceRequirements`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience_months: Option<u32>,
    /// Skills, one phrase each.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The career path this role leads to.
    #[serde(default)]
    pub career_path: CareerPath,
    /// Typical work hours and schedules.
    #[serde(default)]
    pub work_hours: Section,
    /// Benefits common for this role.
    #[serde(default)]
    pub benefits: Section,
    /// Related job titles.
    #[serde(default)]
    pub related_titles: RelatedTitles,
    /// Frequently asked questions.
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// The structured interview.
    #[serde(default)]
    pub interview: Interview,
    /// The role's pay table: a CSV file or inline rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay: Option<PaySource>,
    /// Where the profile's content comes from, with any credit its licence
    /// asks for (a profile drafted from O*NET carries O*NET's credit line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A team's own fields, any YAML value, for its templates
    /// (`role.extra.reports_to`).
    /// Always serialized (empty when the file has none), so templates can
    /// test `extra.x` on every profile and see what `--format json` shows.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A level of education, as Google for Jobs reads `credentialCategory`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Credential {
    /// A high school diploma or its equivalent.
    #[serde(rename = "high school")]
    HighSchool,
    /// An associate's degree.
    #[serde(rename = "associate degree")]
    AssociateDegree,
    /// A bachelor's degree.
    #[serde(rename = "bachelor degree")]
    BachelorDegree,
    /// A certificate of professional or vocational training.
    #[serde(rename = "professional certificate")]
    ProfessionalCertificate,
    /// A master's, professional or doctoral degree.
    #[serde(rename = "postgraduate degree")]
    PostgraduateDegree,
}

impl Credential {
    /// The `credentialCategory` text.
    pub fn as_str(self) -> &'static str {
        match self {
            Credential::HighSchool => "high school",
            Credential::AssociateDegree => "associate degree",
            Credential::BachelorDegree => "bachelor degree",
            Credential::ProfessionalCertificate => "professional certificate",
            Credential::PostgraduateDegree => "postgraduate degree",
        }
    }
}

/// The parts of the short job brief.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// What the team or company is about, the opening sentence.
    #[serde(default)]
    pub mission: String,
    /// What the person will do, one or two sentences.
    #[serde(default)]
    pub impact: String,
    /// Who thrives in the role.
    #[serde(default)]
    pub ideal_candidate: String,
    /// The closing invitation.
    #[serde(default)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifications {
    /// Must-haves.
    #[serde(default)]
    pub required: Vec<String>,
    /// Nice-to-haves.
    #[serde(default)]
    pub preferred: Vec<String>,
}

/// A titled list with an optional intro line: work hours, benefits.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// One sentence before the list.
    #[serde(default)]
    pub intro: String,
    /// The list.
    #[serde(default)]
    pub items: Vec<String>,
}

/// Where the role leads.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CareerPath {
    /// One sentence before the steps.
    #[serde(default)]
    pub intro: String,
    /// The steps, from entry level up.
    #[serde(default)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedTitles {
    /// Titles that share most duties.
    #[serde(default)]
    pub common: TitleGroup,
    /// Titles focused on a channel, industry or level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialized: Option<TitleGroup>,
}

/// A group of related titles with an intro line.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TitleGroup {
    /// One sentence before the list.
    #[serde(default)]
    pub intro: String,
    /// The titles.
    #[serde(default)]
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
    #[serde(default)]
    pub competencies: Vec<Competency>,
    /// The rating scale, lowest score first.
    #[serde(default)]
    pub rating_scale: Vec<Rating>,
}

impl Default for Interview {
    fn default() -> Self {
        Interview {
            duration_minutes: default_interview_minutes(),
            competencies: Vec::new(),
            rating_scale: Vec::new(),
        }
    }
}

fn default_interview_minutes() -> u32 {
    60
}

/// Minutes a question about past work takes with its follow-ups.
pub(crate) const BEHAVIORAL_MINUTES: u32 = 5;
/// Minutes a scenario question takes with its follow-ups.
pub(crate) const SITUATIONAL_MINUTES: u32 = 4;
/// Minutes for all but the questions: welcome (5), logistics (3), the
/// candidate's questions (5 at least) and the close (2).
pub(crate) const OTHER_MINUTES: u32 = 15;

impl Interview {
    /// Minutes the questions take, as the built-in interview guide plans
    /// them: [`BEHAVIORAL_MINUTES`] or [`SITUATIONAL_MINUTES`] each.
    pub fn question_minutes(&self) -> u32 {
        self.competencies
            .iter()
            .flat_map(|c| &c.questions)
            .map(|q| match q.kind {
                QuestionKind::Behavioral => BEHAVIORAL_MINUTES,
                QuestionKind::Situational => SITUATIONAL_MINUTES,
            })
            .sum()
    }

    /// The shortest interview the built-in guide plans for these questions:
    /// the questions and [`OTHER_MINUTES`].
    pub fn planned_minutes(&self) -> u32 {
        self.question_minutes() + OTHER_MINUTES
    }

    /// How many questions there are in all.
    pub fn question_count(&self) -> usize {
        self.competencies.iter().map(|c| c.questions.len()).sum()
    }
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

/// One entry of `duties`: a plain duty or a group.
enum DutyEntry {
    Plain(String),
    Group(DutyGroup),
}

impl<'de> Deserialize<'de> for DutyEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = DutyEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a duty (a string) or a group with `heading` and `items`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v))
            }
            // YAML reads `- 24/7 support` as text but `- 42` as a number;
            // as a duty, both are text.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<DutyEntry, E> {
                Ok(DutyEntry::Plain(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DutyEntry, A::Error> {
                DutyGroup::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(DutyEntry::Group)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// Reads `duties` in either form: plain strings (consecutive ones make one
/// group without a heading) or groups.
fn duty_groups<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DutyGroup>, D::Error> {
    let entries = Vec::<DutyEntry>::deserialize(d)?;
    let mut groups: Vec<DutyGroup> = Vec::new();
    let mut plain = false;
    for entry in entries {
        match entry {
            DutyEntry::Plain(item) => match groups.last_mut() {
                Some(last) if plain => last.items.push(item),
                _ => {
                    groups.push(DutyGroup {
                        heading: String::new(),
                        intro: String::new(),
                        items: vec![item],
                    });
                    plain = true;
                }
            },
            DutyEntry::Group(group) => {
                groups.push(group);
                plain = false;
            }
        }
    }
    Ok(groups)
}
