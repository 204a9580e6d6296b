//! Requirements, qualifications and skills from an occupation's education,
//! experience and training distributions, its job zone, its skills,
//! knowledge and work styles, its "hot" technologies and the credential
//! sentences of its description.
//!
//! Thresholds (see `docs/drafting.md`):
//! - the required education and experience are the *median* category of
//!   O*NET's distribution: the lowest category at which the cumulative share
//!   of respondents reaches 50%;
//! - a higher education level is *preferred* when at least 25% of
//!   respondents name it (the most named such level);
//! - skills count from importance 3.0 ("important" on O*NET's 1-5 scale),
//!   at most eight, and at least the top four whatever their importance;
//! - knowledge areas count from importance 3.5, at most two.

use crate::library::model::{Occupation, Rated, Share};
use crate::model::role::Credential;

use super::text::{lower_first, oxford, sentences, upper_first};

/// Share of respondents at which a category is the median.
const MEDIAN: f32 = 50.0;
/// Share of respondents that makes a higher education level preferred.
const PREFERRED_SHARE: f32 = 25.0;
/// Skill importance from which a skill is listed.
pub(crate) const SKILL_IMPORTANCE: f32 = 3.0;
/// Knowledge importance from which a knowledge area is listed.
const KNOWLEDGE_IMPORTANCE: f32 = 3.5;

/// The median category of a distribution, if it has any share.
pub(crate) fn median_category(shares: &[Share]) -> Option<u8> {
    let total: f32 = shares.iter().map(|s| s.percent.max(0.0)).sum();
    if total <= 0.0 {
        return None;
    }
    let mut sorted: Vec<&Share> = shares.iter().collect();
    sorted.sort_by_key(|s| s.category);
    let mut cumulative = 0.0;
    for s in sorted {
        cumulative += s.percent.max(0.0) * 100.0 / total;
        if cumulative >= MEDIAN {
            return Some(s.category);
        }
    }
    None
}

/// Our wording for an O*NET education category (RL 1-12); `None` for
/// "less than a high school diploma", which is no requirement.
pub(crate) fn education_phrase(category: u8) -> Option<&'static str> {
    Some(match category {
        2 => "High school diploma or equivalent",
        3 => "Post-secondary certificate or vocational training",
        4 => "Some college coursework",
        5 => "Associate's degree",
        6 => "Bachelor's degree",
        7 => "Bachelor's degree plus a post-baccalaureate certificate",
        8 => "Master's degree",
        9 => "Master's degree plus a post-master's certificate",
        10 => "Professional degree (such as an MD, JD or PharmD)",
        11 => "Doctoral degree",
        12 => "Doctoral degree plus post-doctoral training",
        _ => return None,
    })
}

/// Our wording for an O*NET related-experience category (RW 1-11).
pub(crate) fn experience_phrase(category: u8) -> &'static str {
    match category {
        0 | 1 => "No prior experience required",
        2 | 3 => "Up to three months of related experience",
        4 => "Three to six months of related experience",
        5 => "Six months to a year of related experience",
        6 => "One to two years of related experience",
        7 => "Two to four years of related experience",
        8 => "Four to six years of related experience",
        9 => "Six to eight years of related experience",
        10 => "Eight to ten years of related experience",
        _ => "More than ten years of related experience",
    }
}

/// Our wording for an O*NET on-the-job training category (OJ 1-9), as it
/// ends "Most new hires train on the job for ...".
pub(crate) fn training_phrase(category: u8) -> &'static str {
    match category {
        0 | 1 => "a short demonstration at most",
        2 => "up to a month",
        3 => "one to three months",
        4 => "three to six months",
        5 => "six months to a year",
        6 => "one to two years",
        7 => "two to four years",
        8 => "four to ten years",
        _ => "more than ten years",
    }
}

/// Education and experience wording from the job zone, where O*NET has no
/// distribution for the occupation.
fn zone_lines(zone: u8) -> (Option<&'static str>, &'static str) {
    match zone {
        1 => (None, "No prior experience required"),
        2 => (
            Some("High school diploma or equivalent"),
            "Some related work experience is helpful",
        ),
        3 => (
            Some("Vocational training, an apprenticeship or an associate's degree"),
            "Previous related experience",
        ),
        4 => (
            Some("Bachelor's degree"),
            "Several years of related experience",
        ),
        _ => (
            Some("Graduate degree (master's, doctoral or professional)"),
            "Extensive related experience",
        ),
    }
}

/// The required education line, if any.
pub(crate) fn education(occ: &Occupation) -> Option<String> {
    match median_category(&occ.education) {
        Some(c) => education_phrase(c).map(str::to_string),
        None => occ
            .job_zone
            .and_then(|z| zone_lines(z).0)
            .map(str::to_string),
    }
}

/// The required education as a schema.org credential category (the job
/// post's `educationRequirements`): the median RL category, as
/// [`education`] words it. `None` when the median asks for no diploma or
/// the occupation has no education data.
pub(crate) fn education_credential(occ: &Occupation) -> Option<Credential> {
    Some(match median_category(&occ.education)? {
        2 | 4 => Credential::HighSchool,
        3 => Credential::ProfessionalCertificate,
        5 => Credential::AssociateDegree,
        6 | 7 => Credential::BachelorDegree,
        8..=12 => Credential::PostgraduateDegree,
        _ => return None,
    })
}

/// The required experience in months (the job post's
/// `experienceRequirements`): the lower bound of the median RW category,
/// as [`experience`] words it. `None` for "none" and "up to three months",
/// which set no minimum, and when the occupation has no experience data.
pub(crate) fn experience_months(occ: &Occupation) -> Option<u32> {
    Some(match median_category(&occ.experience)? {
        4 => 3,
        5 => 6,
        6 => 12,
        7 => 24,
        8 => 48,
        9 => 72,
        10 => 96,
        11.. => 120,
        _ => return None,
    })
}

/// A preferred education level above the required one, named by at least
/// a quarter of respondents.
pub(crate) fn preferred_education(occ: &Occupation) -> Option<String> {
    let median = median_category(&occ.education)?;
    occ.education
        .iter()
        .filter(|s| s.category > median && s.percent >= PREFERRED_SHARE)
        .max_by(|a, b| a.percent.total_cmp(&b.percent))
        .and_then(|s| education_phrase(s.category))
        .map(str::to_string)
}

/// The required experience line.
pub(crate) fn experience(occ: &Occupation) -> Option<String> {
    match median_category(&occ.experience) {
        Some(c) => Some(experience_phrase(c).to_string()),
        None => occ.job_zone.map(|z| zone_lines(z).1.to_string()),
    }
}

/// Credentials the description states ("Requires commercial drivers'
/// license.", "Licensing or registration required.", "Must hold ..."),
/// as requirement lines.
pub(crate) fn credentials(description: &str, title: &str) -> Vec<String> {
    sentences(description)
        .iter()
        .filter_map(|s| credential(s, title))
        .collect()
}

/// One credential sentence as a requirement line, or `None`.
pub(crate) fn credential(sentence: &str, title: &str) -> Option<String> {
    let s = sentence.trim().trim_end_matches('.');
    let s = s.replace("drivers' license", "driver's license");
    for prefix in ["Generally requires ", "Usually requires ", "Requires "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return Some(upper_first(rest));
        }
    }
    if s.starts_with("Must ") {
        return Some(s);
    }
    for suffix in [" are generally required", " is required", " required"] {
        if let Some(rest) = s.strip_suffix(suffix)
            && !rest.contains(',')
            && rest.split_whitespace().count() <= 12
        {
            // "Licensing or registration required." → "Licensing or
            // registration as a Registered Nurse".
            if rest.starts_with("Licens") && !title.is_empty() {
                return Some(format!("{rest} as {} {title}", super::text::article(title)));
            }
            return Some(upper_first(rest));
        }
    }
    None
}

/// Our recruiter wording for an O*NET skill, by element id.
pub(crate) fn skill_phrase(id: &str) -> Option<&'static str> {
    Some(match id {
        "2.A.1.a" => "Reading comprehension",
        "2.A.1.b" => "Active listening",
        "2.A.1.c" => "Clear writing",
        "2.A.1.d" => "Clear speaking",
        "2.A.1.e" => "Working with numbers",
        "2.A.1.f" => "Scientific reasoning",
        "2.A.2.a" => "Critical thinking",
        "2.A.2.b" => "Learning new information quickly",
        "2.A.2.c" => "Teaching and learning methods",
        "2.A.2.d" => "Monitoring quality and progress",
        "2.B.1.a" => "Reading people and situations",
        "2.B.1.b" => "Coordinating with others",
        "2.B.1.c" => "Persuasion",
        "2.B.1.d" => "Negotiation",
        "2.B.1.e" => "Teaching and coaching others",
        "2.B.1.f" => "Service orientation",
        "2.B.2.i" => "Complex problem solving",
        "2.B.3.a" => "Analyzing needs and requirements",
        "2.B.3.b" => "Designing tools and technology",
        "2.B.3.c" => "Choosing the right tools and equipment",
        "2.B.3.d" => "Installing equipment and systems",
        "2.B.3.e" => "Programming",
        "2.B.3.g" => "Watching gauges and equipment",
        "2.B.3.h" => "Operating equipment and systems",
        "2.B.3.j" => "Routine equipment maintenance",
        "2.B.3.k" => "Troubleshooting",
        "2.B.3.l" => "Repairing machines and systems",
        "2.B.3.m" => "Quality control checks",
        "2.B.4.e" => "Judgment and decision making",
        "2.B.4.g" => "Systems analysis",
        "2.B.4.h" => "Evaluating how systems perform",
        "2.B.5.a" => "Time management",
        "2.B.5.b" => "Budgeting and managing money",
        "2.B.5.c" => "Managing equipment and supplies",
        "2.B.5.d" => "Leading and managing people",
        _ => return None,
    })
}

/// The skills worth listing: importance ≥ 3.0, most important first,
/// at most eight, at least four.
pub(crate) fn top_skills(occ: &Occupation) -> Vec<&Rated> {
    let mut sorted: Vec<&Rated> = occ
        .skills
        .iter()
        .filter(|s| skill_phrase(&s.id).is_some())
        .collect();
    sorted.sort_by(|a, b| b.importance.total_cmp(&a.importance).then(a.id.cmp(&b.id)));
    let above = sorted
        .iter()
        .filter(|s| s.importance >= SKILL_IMPORTANCE)
        .count();
    sorted.truncate(above.clamp(4, 8));
    sorted
}

/// The skills list: skill phrases, then up to two knowledge areas.
pub(crate) fn skills(occ: &Occupation) -> Vec<String> {
    let mut out: Vec<String> = top_skills(occ)
        .iter()
        .filter_map(|s| skill_phrase(&s.id))
        .map(str::to_string)
        .collect();
    let mut knowledge: Vec<&Rated> = occ
        .knowledge
        .iter()
        .filter(|k| k.importance >= KNOWLEDGE_IMPORTANCE)
        .collect();
    knowledge.sort_by(|a, b| b.importance.total_cmp(&a.importance));
    for k in knowledge.into_iter().take(2) {
        out.push(format!("Knowledge of {}", knowledge_name(&k.name)));
    }
    if out.is_empty() {
        // No rated skills (some newer codes): the tools of the trade.
        out.extend(hot_technologies(occ));
    }
    out
}

/// A knowledge area's name in running text: `Customer and Personal
/// Service` → `customer and personal service`, `English Language` →
/// `the English language`.
fn knowledge_name(name: &str) -> String {
    match name {
        "English Language" => "the English language".to_string(),
        "Mechanical" => "machines and tools".to_string(),
        "Administrative" => "office procedures".to_string(),
        "Foreign Language" => "a foreign language".to_string(),
        _ => name
            .split_whitespace()
            .map(|w| {
                if w == "and" {
                    w.to_string()
                } else {
                    lower_first(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// How a work style describes a person, in a list after "You are".
pub(crate) fn style_trait(id: &str) -> Option<&'static str> {
    Some(match id {
        "1.C.1.a" => "driven to do excellent work",
        "1.C.1.b" => "persistent",
        "1.C.1.c" => "quick to take initiative",
        "1.C.2.b" => "ready to take the lead",
        "1.C.3.a" => "cooperative",
        "1.C.3.b" => "considerate of others",
        "1.C.3.c" => "outgoing",
        "1.C.4.a" => "even-tempered",
        "1.C.4.b" => "steady under pressure",
        "1.C.4.c" => "adaptable",
        "1.C.5.a" => "dependable",
        "1.C.5.b" => "careful with details",
        "1.C.5.c" => "honest",
        "1.C.6" => "self-directed",
        "1.C.7.a" => "creative",
        "1.C.7.b" => "analytical",
        _ => return None,
    })
}

/// The occupation's three most important work styles as traits.
pub(crate) fn top_traits(occ: &Occupation) -> Vec<String> {
    let mut styles: Vec<&Rated> = occ.work_styles.iter().collect();
    styles.sort_by(|a, b| b.importance.total_cmp(&a.importance).then(a.id.cmp(&b.id)));
    styles
        .iter()
        .filter_map(|s| style_trait(&s.id))
        .take(3)
        .map(str::to_string)
        .collect()
}

/// Technology classes too general to be worth naming to a candidate.
const GENERIC_TECH: [&str; 3] = [
    "Internet browser software",
    "Operating system software",
    "Electronic mail software",
];

/// Office software every desk job touches: named only where O*NET marks it
/// in demand for the occupation (a truck driver's "Microsoft Word" is hot
/// across jobs, not a requirement of driving).
const OFFICE_TECH: [&str; 4] = [
    "Word processing software",
    "Spreadsheet software",
    "Presentation software",
    "Office suite software",
];

/// Up to four "hot" technologies, at most two of a class: those in demand
/// first, then those of the classes the occupation lists most examples of
/// (its own kind of tools, such as medical software for nurses, before
/// office software), then in O*NET's order.
pub(crate) fn hot_technologies(occ: &Occupation) -> Vec<String> {
    let class_size = |class: &str| occ.technologies.iter().filter(|t| t.class == class).count();
    let mut hot: Vec<(usize, &crate::library::model::Technology)> = occ
        .technologies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.hot && !GENERIC_TECH.contains(&t.class.as_str()))
        // A lone example of its class (social media for waiters) says
        // little about the job unless O*NET marks it in demand.
        .filter(|(_, t)| {
            t.in_demand || (class_size(&t.class) >= 2 && !OFFICE_TECH.contains(&t.class.as_str()))
        })
        .collect();
    hot.sort_by_key(|(i, t)| (!t.in_demand, usize::MAX - class_size(&t.class), *i));
    let mut out: Vec<String> = Vec::new();
    let mut classes: Vec<&str> = Vec::new();
    for (_, t) in hot {
        if classes.iter().filter(|c| **c == t.class).count() >= 2 || out.contains(&t.name) {
            continue;
        }
        classes.push(&t.class);
        out.push(t.name.clone());
        if out.len() == 4 {
            break;
        }
    }
    out
}

/// "Strong skills in" the top three skills, if O*NET rates any.
fn skills_line(occ: &Occupation) -> Option<String> {
    let skills: Vec<String> = top_skills(occ)
        .iter()
        .take(3)
        .filter_map(|s| skill_phrase(&s.id))
        .map(lower_first)
        .collect();
    (!skills.is_empty()).then(|| format!("Strong skills in {}", oxford(&skills, "and")))
}

/// The requirements list: education, experience, credentials, then the
/// top skills and traits in one line each.
pub(crate) fn requirements(occ: &Occupation, title: &str) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(education(occ));
    out.extend(experience(occ));
    out.extend(credentials(&occ.description, title));
    out.extend(skills_line(occ));
    let traits = top_traits(occ);
    if !traits.is_empty() {
        out.push(upper_first(&oxford(&traits, "and")));
    }
    out
}

/// Required and preferred qualifications: required are education,
/// experience, credentials and the top skills (the job post shows these).
pub(crate) fn qualifications(occ: &Occupation, title: &str) -> (Vec<String>, Vec<String>) {
    let mut required = Vec::new();
    required.extend(education(occ));
    required.extend(experience(occ));
    required.extend(credentials(&occ.description, title));
    required.extend(skills_line(occ));
    if required.is_empty() {
        required.push("Willingness to learn the job through on-the-job training".to_string());
    }
    let mut preferred = Vec::new();
    preferred.extend(preferred_education(occ));
    let tech = hot_technologies(occ);
    if !tech.is_empty() {
        preferred.push(format!("Experience with {}", oxford(&tech, "or")));
    }
    (required, preferred)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(pairs: &[(u8, f32)]) -> Vec<Share> {
        pairs
            .iter()
            .map(|&(category, percent)| Share {
                category,
                label: String::new(),
                percent,
            })
            .collect()
    }

    #[test]
    fn median_is_where_the_cumulative_share_reaches_half() {
        assert_eq!(
            median_category(&shares(&[(1, 30.0), (2, 60.0), (3, 10.0)])),
            Some(2)
        );
        assert_eq!(median_category(&shares(&[(1, 50.0), (2, 50.0)])), Some(1));
        // Shares that do not add up to 100 are scaled.
        assert_eq!(median_category(&shares(&[(6, 20.0), (8, 30.0)])), Some(8));
        assert_eq!(median_category(&[]), None);
    }

    #[test]
    fn credentials_come_from_the_description() {
        let truck = "Drive a truck. May be required to unload truck. Requires commercial drivers' license. Includes tow truck drivers.";
        assert_eq!(
            credentials(truck, "Truck Driver"),
            ["Commercial driver's license"]
        );
        assert_eq!(
            credentials(
                "Assess patients. Licensing or registration required.",
                "Registered Nurse"
            ),
            ["Licensing or registration as a Registered Nurse"]
        );
        assert_eq!(
            credentials("Generally requires formal training.", "Aide"),
            ["Formal training"]
        );
        let travel = "Determine destination, modes of transportation, travel dates, costs, and accommodations required.";
        assert!(credentials(travel, "Travel Agent").is_empty());
    }

    #[test]
    fn every_skill_and_style_has_wording() {
        for id in [
            "2.A.1.a", "2.A.1.b", "2.A.1.c", "2.A.1.d", "2.A.1.e", "2.A.1.f", "2.A.2.a", "2.A.2.b",
            "2.A.2.c", "2.A.2.d", "2.B.1.a", "2.B.1.b", "2.B.1.c", "2.B.1.d", "2.B.1.e", "2.B.1.f",
            "2.B.2.i", "2.B.3.a", "2.B.3.b", "2.B.3.c", "2.B.3.d", "2.B.3.e", "2.B.3.g", "2.B.3.h",
            "2.B.3.j", "2.B.3.k", "2.B.3.l", "2.B.3.m", "2.B.4.e", "2.B.4.g", "2.B.4.h", "2.B.5.a",
            "2.B.5.b", "2.B.5.c", "2.B.5.d",
        ] {
            assert!(skill_phrase(id).is_some(), "{id}");
        }
        for id in [
            "1.C.1.a", "1.C.1.b", "1.C.1.c", "1.C.2.b", "1.C.3.a", "1.C.3.b", "1.C.3.c", "1.C.4.a",
            "1.C.4.b", "1.C.4.c", "1.C.5.a", "1.C.5.b", "1.C.5.c", "1.C.6", "1.C.7.a", "1.C.7.b",
        ] {
            assert!(style_trait(id).is_some(), "{id}");
        }
        assert_eq!(
            knowledge_name("Customer and Personal Service"),
            "customer and personal service"
        );
    }
}
