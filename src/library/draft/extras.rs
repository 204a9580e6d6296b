//! The drafted career path (from related occupations), related titles
//! (reported and alternate titles) and FAQ (built from the data, with
//! pay when a national pay row is given).

use crate::library::model::{Occupation, Related};
use crate::model::pay::{BLS_SOURCE, PayRow};
use crate::model::role::{CareerPath, CareerStep, Faq, RelatedTitles, TitleGroup};
use crate::text::format::usd;

use super::Drafted;
use super::requirements::{
    education_phrase, experience_phrase, hot_technologies, median_category, skills, top_traits,
    training_phrase,
};
use super::text::{article, lower_first, oxford, plural};
use super::title::job_title;

/// Related occupations shown as career steps, at most.
const CAREER_STEPS: usize = 4;
/// Titles in each related-titles group, at most.
const TITLES: usize = 5;

/// Descriptions of the closest related roles, taken in turn.
const CLOSE: [&str; 3] = [
    "A closely related role that uses many of the same skills.",
    "Much of the same skill set, applied to different work.",
    "A neighboring role where most of this job's skills carry over.",
];

/// Whether a title names a role that leads others.
fn is_lead(title: &str) -> bool {
    [
        "Supervisor",
        "Manager",
        "Director",
        "Chief",
        "Administrator",
        "Superintendent",
    ]
    .iter()
    .any(|w| title.contains(w))
}

/// The career path: up to four related occupations, the closest first,
/// with one leadership role among them when O*NET relates one.
pub(crate) fn career_path(occ: &Occupation, title: &str) -> CareerPath {
    let mut picked: Vec<&Related> = occ
        .related
        .iter()
        .filter(|r| r.tier == "Primary-Short")
        .take(CAREER_STEPS - 1)
        .collect();
    if let Some(lead) = occ.related.iter().find(|r| is_lead(&r.title))
        && !picked.iter().any(|r| r.code == lead.code)
    {
        picked.push(lead);
    }
    for r in &occ.related {
        if picked.len() >= CAREER_STEPS {
            break;
        }
        if !picked.iter().any(|p| p.code == r.code) {
            picked.push(r);
        }
    }
    let mut steps = Vec::new();
    let mut close = CLOSE.iter().cycle();
    for r in picked {
        let name = job_title(&r.title, &[]);
        if name.eq_ignore_ascii_case(title)
            || steps.iter().any(|s: &CareerStep| s.level.ends_with(&name))
        {
            continue;
        }
        let description = if is_lead(&r.title) {
            "A leadership role over related work, often open to people with experience in this one."
        } else if r.tier == "Primary-Short" {
            close.next().copied().unwrap_or(CLOSE[0])
        } else if r.tier == "Primary-Long" {
            "A related role that builds on this work, usually after more training or experience."
        } else {
            "A neighboring role that shares some of the same tasks."
        };
        steps.push(CareerStep {
            level: format!("Related role: {name}"),
            description: description.to_string(),
        });
    }
    let intro = if steps.is_empty() {
        String::new()
    } else {
        format!(
            "O*NET lists these occupations as related to the work of {} {title}; they are common next steps or moves for people in this role.",
            article(title)
        )
    };
    CareerPath { intro, steps }
}

/// A reported or alternate title worth showing: not the job title itself,
/// no bare abbreviation, no codes.
fn usable(candidate: &str, title: &str) -> bool {
    let letters = candidate.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = candidate
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    !candidate.eq_ignore_ascii_case(title)
        && letters >= 4
        && (!all_caps || candidate.contains(' '))
        && candidate.chars().count() <= 60
        && !candidate.chars().any(|c| c.is_ascii_digit())
}

/// Related titles: common ones from the titles incumbents report,
/// specialized ones from O*NET's alternate titles.
pub(crate) fn related_titles(occ: &Occupation, title: &str) -> RelatedTitles {
    let mut common: Vec<String> = Vec::new();
    for t in &occ.reported_titles {
        if usable(t, title)
            && !common.iter().any(|c| c.eq_ignore_ascii_case(t))
            && common.len() < TITLES
        {
            common.push(t.clone());
        }
    }
    // Specialized: alternate titles that keep the job's head noun
    // ("Grocery Cashier" for a Cashier), so the list stays on topic.
    let head = title
        .split_whitespace()
        .last()
        .unwrap_or(title)
        .to_lowercase();
    let mut specialized: Vec<String> = Vec::new();
    for t in &occ.alternate_titles {
        let seen = common
            .iter()
            .chain(&specialized)
            .any(|c| c.eq_ignore_ascii_case(t));
        let on_topic = t.to_lowercase().split_whitespace().any(|w| w == head);
        if usable(t, title) && on_topic && !seen && specialized.len() < TITLES {
            specialized.push(t.clone());
        }
    }
    if common.is_empty() {
        common = std::mem::take(&mut specialized);
    }
    if common.is_empty() {
        common.push(occ.title.clone());
    }
    RelatedTitles {
        common: TitleGroup {
            intro: format!(
                "Employers and workers also use these titles for the work of {} {title}.",
                article(title)
            ),
            titles: common,
        },
        specialized: (!specialized.is_empty()).then(|| TitleGroup {
            intro: "These titles cover the same work in a particular setting, specialty or level."
                .to_string(),
            titles: specialized,
        }),
    }
}

/// An education category as a noun phrase in running text.
fn education_noun(category: u8) -> String {
    match category {
        0 | 1 => "less than a high school diploma".to_string(),
        2 => "a high school diploma or equivalent".to_string(),
        3 => "a post-secondary certificate or vocational training".to_string(),
        4 => "some college coursework".to_string(),
        12 => "post-doctoral training".to_string(),
        c => {
            let phrase = education_phrase(c).unwrap_or("a degree");
            let phrase = phrase.split(" (").next().unwrap_or(phrase);
            let lower = lower_first(phrase);
            format!("{} {lower}", article(&lower))
        }
    }
}

/// What a job zone means, in our words after O*NET's Job Zone Reference.
fn zone_preparation(zone: u8) -> &'static str {
    match zone {
        1 => {
            "little or no preparation: some jobs ask for a high school diploma, and an experienced worker can show a new hire the job in a few days to a few months"
        }
        2 => {
            "some preparation: most jobs ask for a high school diploma and some related experience, and new hires learn from experienced workers for a few months to a year"
        }
        3 => {
            "medium preparation: most jobs ask for vocational training, related work experience or an associate's degree, and one or two years of training on the job"
        }
        4 => {
            "considerable preparation: most jobs ask for a bachelor's degree, though some do not, and several years of related experience"
        }
        _ => {
            "extensive preparation: most jobs ask for a graduate degree, and many for more than five years of related experience"
        }
    }
}

/// Percent, rounded, for prose.
fn pct(value: f32) -> u32 {
    // Shares are 0-100; the cast of a rounded, clamped value is exact.
    value.clamp(0.0, 100.0).round() as u32
}

/// The FAQ, from the data only.
pub(crate) fn faq(occ: &Occupation, d: &Drafted, pay: Option<&PayRow>) -> Vec<Faq> {
    let title = &d.title;
    let a = article(title);
    let mut out = Vec::new();
    let mut push = |q: String, answer: String| {
        if !answer.trim().is_empty() {
            out.push(Faq {
                question: q,
                answer,
            });
        }
    };

    let mut does = d.first_sentence.clone();
    if d.key_responsibilities.len() >= 3 {
        let items: Vec<String> = d
            .key_responsibilities
            .iter()
            .take(3)
            .map(|k| lower_first(k))
            .collect();
        does.push_str(&format!(
            " Typical duties include these: {}; {}; and {}.",
            items[0], items[1], items[2]
        ));
    }
    push(format!("What does {a} {title} do?"), does);

    if let Some(median) = median_category(&occ.education) {
        let at: f32 = occ
            .education
            .iter()
            .filter(|s| s.category == median)
            .map(|s| s.percent)
            .sum();
        let above: f32 = occ
            .education
            .iter()
            .filter(|s| s.category > median)
            .map(|s| s.percent)
            .sum();
        let below: f32 = occ
            .education
            .iter()
            .filter(|s| s.category < median)
            .map(|s| s.percent)
            .sum();
        let mut parts = vec![format!(
            "{}% said the job needs {}",
            pct(at),
            education_noun(median)
        )];
        if pct(above) > 0 {
            parts.push(format!("{}% said it needs more", pct(above)));
        }
        if pct(below) > 0 {
            parts.push(format!("{}% said it needs less", pct(below)));
        }
        let answer = format!(
            "In O*NET's survey of workers in this occupation, {}.",
            oxford(&parts, "and")
        );
        push(format!("What education does {a} {title} need?"), answer);
    }

    if median_category(&occ.education).is_none()
        && let Some(zone) = occ.job_zone
    {
        push(
            format!("What education and experience does {a} {title} need?"),
            format!(
                "O*NET rates this occupation as needing {}.",
                zone_preparation(zone)
            ),
        );
    }

    let experience = median_category(&occ.experience);
    let training = median_category(&occ.training);
    if experience.is_some() || training.is_some() {
        let mut answer = String::new();
        if let Some(c) = experience {
            let phrase = match c {
                0 | 1 => "no prior related experience".to_string(),
                2 | 3 => "three months of related experience at most".to_string(),
                _ => format!("{} or less", lower_first(experience_phrase(c))),
            };
            answer.push_str(&format!(
                "At least half of the workers O*NET surveyed say the job needs {phrase}."
            ));
        }
        if let Some(c) = training {
            if !answer.is_empty() {
                answer.push(' ');
            }
            answer.push_str(&match c {
                0 | 1 => "Most new hires need no more than a short demonstration to get started."
                    .to_string(),
                _ => format!(
                    "New hires typically train on the job for {}.",
                    training_phrase(c)
                ),
            });
        }
        push(
            format!("How much experience and training does {a} {title} need?"),
            answer,
        );
    }

    if !d.common_titles.is_empty() {
        let titles: Vec<String> = d.common_titles.iter().take(5).cloned().collect();
        push(
            "What other job titles are used for this work?".to_string(),
            format!(
                "The same work is also advertised as {}.",
                oxford(&titles, "or")
            ),
        );
    }

    // Rated skills only: the technologies that stand in for them when
    // O*NET has rated none are product names, and have their own answer.
    let rated = !occ.skills.is_empty() || !occ.knowledge.is_empty();
    let skills: Vec<String> = if rated {
        skills(occ).iter().take(4).map(|s| lower_first(s)).collect()
    } else {
        Vec::new()
    };
    if !skills.is_empty() {
        let mut answer = format!(
            "The skills that matter most are {}.",
            oxford(&skills, "and")
        );
        let traits = top_traits(occ);
        if !traits.is_empty() {
            answer.push_str(&format!(
                " Employers also look for people who are {}.",
                oxford(&traits, "and")
            ));
        }
        push(format!("Which skills does {a} {title} need most?"), answer);
    }

    let tech = hot_technologies(occ);
    if !tech.is_empty() {
        push(
            format!("Which tools and software does {a} {title} use?"),
            format!(
                "Tools in wide use in this occupation include {}. Each employer has its own set.",
                oxford(&tech, "and")
            ),
        );
    }

    if let Some(row) = pay
        && let Some(answer) = pay_answer(occ, title, row)
    {
        push(format!("How much does {a} {title} earn?"), answer);
    }
    out
}

/// The typical-pay answer from a national pay row, with its source.
fn pay_answer(occ: &Occupation, title: &str, row: &PayRow) -> Option<String> {
    let figure = match (row.annual_median, row.hourly_median) {
        (Some(year), Some(hour)) => format!(
            "{} a year ({} an hour)",
            usd(year, Some(0)),
            usd(hour, Some(2))
        ),
        (Some(year), None) => format!("{} a year", usd(year, Some(0))),
        (None, Some(hour)) => format!("{} an hour", usd(hour, Some(2))),
        (None, None) => return None,
    };
    let area = if row.area.eq_ignore_ascii_case("US") {
        "Across the United States".to_string()
    } else {
        format!("In {}", row.area_name)
    };
    let broader = if row.soc != occ.soc {
        " These figures cover the broader occupation group this job belongs to."
    } else {
        ""
    };
    Some(format!(
        "{area}, the median pay for {} was {figure} in {}, according to the {BLS_SOURCE}.{broader} Pay varies with location, employer and experience.",
        plural(title),
        row.survey
    ))
}
