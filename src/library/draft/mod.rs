//! Drafting a role profile from one O*NET occupation: a recruiter's first
//! draft of every section, in plain job-post voice, built only from the
//! data (no invented facts, no placeholder text). Sections the data says
//! nothing about (work hours, benefits) are left empty for the employer.
//! How each section is derived, with its thresholds: `docs/drafting.md`.

pub(crate) mod emit;
mod extras;
pub(crate) mod interview;
mod requirements;
mod text;
mod title;

#[cfg(test)]
pub(crate) mod tests;

use crate::library::ONET_CREDIT;
use crate::library::model::Occupation;
use crate::model::pay::{BLS_SOURCE, PayRow};
use crate::model::role::{Brief, DutyGroup, Qualifications, Role, Section};

use text::{article, clean_line, lower_first, near_duplicate, oxford, plural, sentences, shorten};

/// Duties listed, at most.
const MOST_DUTIES: usize = 12;
/// Core duties listed, at most; the rest of the list is supplemental.
const MOST_CORE: usize = 9;
/// Duties listed, at least, where the occupation has that many tasks.
const LEAST_DUTIES: usize = 5;
/// Key responsibilities.
const KEY_RESPONSIBILITIES: usize = 6;
/// A duty line longer than this loses a trailing example clause.
const DUTY_CHARS: usize = 150;
/// A key responsibility longer than this loses a trailing example clause.
const KEY_CHARS: usize = 90;

/// What several sections share while a profile is drafted.
pub(crate) struct Drafted {
    /// The singular job title.
    pub title: String,
    /// "Cashiers receive and disburse money ...": what the job is.
    pub first_sentence: String,
    /// The short responsibilities.
    pub key_responsibilities: Vec<String>,
    /// Common related titles.
    pub common_titles: Vec<String>,
}

/// Choices for a draft beyond the occupation itself.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DraftOptions<'a> {
    /// The job title to use instead of the one derived from O*NET's.
    pub title: Option<&'a str>,
    /// A pay row (national, or the broader SOC code's when the occupation
    /// has none of its own) for the FAQ's pay answer, quoted with its
    /// source and survey.
    pub pay: Option<&'a PayRow>,
}

/// Drafts a role profile for an occupation, with the id `id`.
#[cfg(test)]
pub(crate) fn draft_role(occ: &Occupation, id: &str) -> Role {
    draft_role_with(occ, id, &DraftOptions::default())
}

/// As [`draft_role`], with a title of the employer's and pay figures.
pub(crate) fn draft_role_with(occ: &Occupation, id: &str, options: &DraftOptions<'_>) -> Role {
    let pay = options.pay;
    let job = match options.title.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => title::job_title(&occ.title, &occ.reported_titles),
    };
    let duties = duty_lines(occ);
    let key_responsibilities: Vec<String> = duties
        .iter()
        .flat_map(|g| g.items.iter())
        .take(KEY_RESPONSIBILITIES)
        .map(|d| shorten(d, KEY_CHARS))
        .collect();
    let (first, rest) = description(occ, &job);
    let related_titles = extras::related_titles(occ, &job);
    let drafted = Drafted {
        title: job.clone(),
        first_sentence: first.clone(),
        key_responsibilities: key_responsibilities.clone(),
        common_titles: related_titles.common.titles.clone(),
    };
    let traits = requirements::top_traits(occ);
    let a = article(&job);

    let mut summary = first.clone();
    for s in &rest {
        summary.push(' ');
        summary.push_str(s);
    }
    if !traits.is_empty() {
        summary.push_str(&format!(
            " The role suits people who are {}.",
            oxford(&traits, "and")
        ));
    }

    let what = to_clause(occ);
    let mut overview = format!("We are looking for {a} {job} to {what}.");
    if let [one, two, ..] = key_responsibilities.as_slice() {
        overview.push_str(&format!(
            " You will {}, and you will also {}.",
            lower_first(one),
            lower_first(two)
        ));
    }
    // The description's "May ..." sentence, addressed to the candidate.
    if let Some(may) = rest
        .iter()
        .filter_map(|s| s.strip_prefix("They may "))
        .find_map(may_for_candidate)
    {
        overview.push_str(&format!(" You may {may}"));
    }
    if let Some(c) = requirements::median_category(&occ.training) {
        overview.push_str(&match c {
            0 | 1 => " Most new hires need no more than a short demonstration to get started."
                .to_string(),
            _ => format!(
                " New hires typically train on the job for {}.",
                requirements::training_phrase(c)
            ),
        });
    }
    if !traits.is_empty() {
        overview.push_str(&format!(
            " You will do well here if you are {}.",
            oxford(&traits, "and")
        ));
    }

    let interview = interview::interview(occ, &job);
    let mut skills = requirements::skills(occ);
    if skills.is_empty() {
        skills = interview
            .competencies
            .iter()
            .map(|c| c.name.clone())
            .collect();
    }
    let (required, preferred) = requirements::qualifications(occ, &job);
    let source = source_line(occ, pay);
    Role {
        id: id.to_string(),
        title: job.clone(),
        abbreviation: None,
        soc_code: occ.soc.clone(),
        soc_title: occ.code.ends_with(".00").then(|| occ.title.clone()),
        summary,
        overview,
        brief: brief(&job, &key_responsibilities, &traits, &skills),
        duties,
        key_responsibilities,
        requirements: requirements::requirements(occ, &job),
        education: requirements::education_credential(occ),
        experience_months: requirements::experience_months(occ),
        qualifications: Qualifications {
            required,
            preferred,
        },
        skills,
        career_path: extras::career_path(occ, &job),
        work_hours: Section {
            intro: String::new(),
            items: Vec::new(),
        },
        benefits: Section {
            intro: String::new(),
            items: Vec::new(),
        },
        faq: extras::faq(occ, &drafted, pay),
        related_titles,
        interview,
        pay: None,
        source: Some(source),
        extra: Default::default(),
    }
}

/// The source line: the O*NET occupation, its credit, and the pay source.
fn source_line(occ: &Occupation, pay: Option<&PayRow>) -> String {
    let mut s = format!(
        "Drafted from {} occupation {} {} (USDOL/ETA, CC BY 4.0). {ONET_CREDIT}",
        crate::library::onet_release(),
        occ.code,
        occ.title
    );
    if let Some(row) = pay {
        s.push_str(&format!(" Pay: {BLS_SOURCE}, {}.", row.survey));
    }
    s
}

/// A skill as it reads inside a sentence: `Active listening` → `active
/// listening`, while a name stays as written (`Apache Kafka`, `C`, `C#`).
fn in_sentence(skill: &str) -> String {
    let mut words = skill.split_whitespace();
    let first = words.next().unwrap_or("");
    let a_name = first.chars().count() == 1
        || first
            .chars()
            .any(|c| !c.is_alphabetic() && c != '-' && c != '\'')
        || words.any(|w| w.starts_with(char::is_uppercase));
    if a_name {
        skill.to_string()
    } else {
        lower_first(skill)
    }
}

/// Words a drafted brief may have before the place, the pay and the link
/// are added to it: with them it stays within the 90 words of a social post.
const BRIEF_WORDS: usize = 60;

/// The brief's four sentences: the first of these that fits in
/// [`BRIEF_WORDS`], else the shortest: two key tasks with three traits and
/// three strengths, one task with three of each, one task with two of each.
fn brief(job: &str, key: &[String], traits: &[String], skills: &[String]) -> Brief {
    let a = article(job);
    let impact = |tasks: usize| match key {
        [one, two, ..] if tasks > 1 => format!(
            "As {a} {job}, you will {}, and you will {}.",
            lower_first(one),
            lower_first(two)
        ),
        [one, ..] => format!("As {a} {job}, you will {}.", lower_first(one)),
        [] => format!("As {a} {job}, you will do the core work of the role."),
    };
    let ideal = |count: usize| {
        let mut ideal = String::new();
        if !traits.is_empty() {
            let traits = &traits[..count.min(traits.len())];
            ideal.push_str(&format!("You are {}.", oxford(traits, "and")));
        }
        let strengths: Vec<String> = skills
            .iter()
            .filter(|s| !s.starts_with("Knowledge of"))
            .take(count)
            .map(|s| in_sentence(s))
            .collect();
        if !strengths.is_empty() {
            if !ideal.is_empty() {
                ideal.push(' ');
            }
            ideal.push_str(&format!(
                "Your strengths include {}.",
                oxford(&strengths, "and")
            ));
        }
        if ideal.is_empty() {
            ideal = format!("You want to learn the work of {a} {job} and do it well.");
        }
        ideal
    };
    let mission = format!("We are growing our team and hiring {a} {job}.");
    let call_to_action = "If this sounds like the work for you, apply today.".to_string();
    let words = |impact: &str, ideal: &str| -> usize {
        [mission.as_str(), impact, ideal, call_to_action.as_str()]
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    };
    let mut chosen = (impact(1), ideal(2));
    for (tasks, strengths) in [(2, 3), (1, 3)] {
        let (i, d) = (impact(tasks), ideal(strengths));
        if words(&i, &d) <= BRIEF_WORDS {
            chosen = (i, d);
            break;
        }
    }
    Brief {
        mission,
        impact: chosen.0,
        ideal_candidate: chosen.1,
        call_to_action,
    }
}

/// The description's first sentence as an infinitive clause without its
/// period ("receive and disburse money in ..."), for "We are looking for a
/// Cashier to ...".
fn to_clause(occ: &Occupation) -> String {
    let first = sentences(&occ.description)
        .into_iter()
        .next()
        .unwrap_or_default();
    let (lead, main) = split_lead(&first);
    let mut clause = lower_first(&clean_line(&main));
    if let Some(lead) = lead {
        clause.push(' ');
        clause.push_str(&lower_first(&lead));
    }
    clause
}

/// Splits a sentence that opens with a phrase before its verb
/// ("In a gambling establishment, conduct ...") into that phrase and the
/// rest.
fn split_lead(sentence: &str) -> (Option<String>, String) {
    let first_word = sentence.split_whitespace().next().unwrap_or("");
    if matches!(first_word, "In" | "Using" | "With" | "Under" | "At")
        && let Some(pos) = sentence.find(", ")
    {
        return (
            Some(sentence[..pos].to_string()),
            sentence[pos + 2..].to_string(),
        );
    }
    (None, sentence.to_string())
}

/// What O*NET's "May ..." sentence says the worker may do, fit to follow
/// "You may": `None` when it is not about the worker ("May include
/// measuring ...", "May require knowledge ...", "May be employed in ...").
/// O*NET's clipped style drops articles ("May be required to unload
/// truck."); the few bare objects of its "May" sentences get one.
fn may_for_candidate(may: &str) -> Option<String> {
    const NOT_THE_WORKER: [&str; 4] = ["include ", "involve ", "require ", "be employed "];
    if NOT_THE_WORKER.iter().any(|p| may.starts_with(p)) {
        return None;
    }
    const BARE: [(&str, &str); 9] = [
        ("unload truck", "unload the truck"),
        ("drive truck", "drive a truck"),
        ("unload vehicle", "unload the vehicle"),
        ("collect fee", "collect fees"),
        ("record transaction", "record the transaction"),
        ("interview patient", "interview the patient"),
        ("position patient", "position the patient"),
        ("items on menu", "items on the menu"),
        ("plan menu", "plan the menu"),
    ];
    let mut out = may.to_string();
    for (bare, fixed) in BARE {
        out = out.replace(bare, fixed);
    }
    Some(out)
}

/// The description in role voice with a plural subject ("Cashiers receive
/// ... They may use ..."): the first sentence, and the rest. Notes on
/// classification ("Includes ...", "Excludes ...") and credential
/// sentences (which become requirements) are left out.
fn description(occ: &Occupation, job: &str) -> (String, Vec<String>) {
    let subject = plural(job);
    let first = format!("{subject} {}.", to_clause(occ));
    let mut rest = Vec::new();
    for s in sentences(&occ.description).into_iter().skip(1) {
        let w = s.split_whitespace().next().unwrap_or("");
        let second = s.split_whitespace().nth(1).unwrap_or("");
        if matches!(w, "Includes" | "Excludes" | "Those")
            || requirements::credential(&s, job).is_some()
        {
            continue;
        }
        // A sentence with its own subject ("Team assemblers can perform
        // ...", "Duties include ...", "Work may involve ...") stays as it
        // is; an imperative one ("May use ...", "Administer ...") takes
        // "They".
        let third = s.split_whitespace().nth(2).unwrap_or("");
        let has_subject = [second, third].iter().any(|x| {
            matches!(
                *x,
                "can"
                    | "may"
                    | "must"
                    | "are"
                    | "is"
                    | "will"
                    | "often"
                    | "usually"
                    | "also"
                    | "include"
                    | "includes"
                    | "involve"
                    | "involves"
                    | "require"
                    | "requires"
                    | "typically"
                    | "generally"
            )
        }) && w != "May";
        let keep_as_is = has_subject
            || matches!(
                w,
                "Duties" | "Activities" | "These" | "Generally" | "Usually" | "In"
            );
        let line = if keep_as_is {
            s.clone()
        } else if w == "Responsible" {
            format!("They are {}", lower_first(&s))
        } else {
            format!("They {}", lower_first(&s))
        };
        rest.push(line.replace("May, ", "may, "));
        if rest.len() == 2 {
            break;
        }
    }
    (first, rest)
}

/// The duties: core tasks first (most relevant first), near-duplicates
/// dropped, up to nine core and twelve in all, at least five where there
/// are that many; the rest of the list is supplemental tasks in a second
/// group.
fn duty_lines(occ: &Occupation) -> Vec<DutyGroup> {
    let any_core = occ.tasks.iter().any(|t| t.core);
    let mut core: Vec<String> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for task in &occ.tasks {
        let line = shorten(&task.text, DUTY_CHARS);
        if line.is_empty() || core.iter().chain(&other).any(|d| near_duplicate(d, &line)) {
            continue;
        }
        if task.core || !any_core {
            core.push(line);
        } else {
            other.push(line);
        }
    }
    // O*NET's order is not a ranking of importance (its task ratings are
    // not in the library), so tasks about what the description says the
    // job is come first ("Drive trucks ..." for a truck driver,
    // "Administer medications ..." for a nurse): up to three shared words
    // count, and two more when the task's verb is one of the description's;
    // ties keep the library's order.
    let about = text::topic_words(&format!("{} {}", occ.title, occ.description));
    let score = |line: &String| {
        let verb = line.split([' ', ',']).next().unwrap_or("").to_lowercase();
        let bonus = if about.contains(&verb) { 2 } else { 0 };
        text::overlap(line, &about, 3) + bonus
    };
    core.sort_by_key(|line| std::cmp::Reverse(score(line)));
    core.truncate(MOST_CORE);
    // Fill a short core list from the supplemental tasks.
    while core.len() < LEAST_DUTIES && !other.is_empty() {
        core.push(other.remove(0));
    }
    other.truncate(MOST_DUTIES.saturating_sub(core.len()).min(3));
    let mut groups = Vec::new();
    if !core.is_empty() {
        groups.push(DutyGroup {
            heading: "Main duties".to_string(),
            intro: "The core of the job, the most common tasks first.".to_string(),
            items: core,
        });
    }
    if !other.is_empty() {
        groups.push(DutyGroup {
            heading: "Other duties".to_string(),
            intro: "Depending on the workplace, the role may also include these tasks.".to_string(),
            items: other,
        });
    }
    groups
}
