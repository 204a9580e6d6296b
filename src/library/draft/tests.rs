//! Drafting tests on small hand-made occupations (values as O*NET 29.3
//! words them).

use super::*;
use crate::library::model::{Rated, Related, Share, Task, Technology};
use crate::model::role::QuestionKind;

fn rated(id: &str, name: &str, importance: f32) -> Rated {
    Rated {
        id: id.to_string(),
        name: name.to_string(),
        importance,
        level: None,
    }
}

fn share(category: u8, percent: f32) -> Share {
    Share {
        category,
        label: String::new(),
        percent,
    }
}

fn task(text: &str, core: bool) -> Task {
    Task {
        text: text.to_string(),
        core,
        incumbents: Some(64.0),
    }
}

pub(crate) fn cashier() -> Occupation {
    Occupation {
        code: "41-2011.00".into(),
        soc: "41-2011".into(),
        title: "Cashiers".into(),
        description: "Receive and disburse money in establishments other than financial institutions. May use electronic scanners, cash registers, or related equipment. May process credit or debit card transactions and validate checks.".into(),
        job_zone: Some(2),
        tasks: vec![
            task("Receive payment by cash, check, credit cards, vouchers, or automatic debits.", true),
            task("Greet customers entering establishments.", true),
            task("Issue receipts, refunds, credits, or change due to customers.", true),
            task("Assist customers by providing information and resolving their complaints.", true),
            task("Answer customers' questions, and provide information on procedures or policies.", true),
            task("Answer customers' questions, and provide information on procedures and policies.", true),
            task("Maintain clean and orderly checkout areas, and complete other general cleaning duties, such as mopping floors and emptying trash cans.", true),
            task("Sort, count, and wrap currency and coins.", false),
            task("Weigh items sold by weight to determine prices.", false),
        ],
        alternate_titles: vec!["Cashier Clerk".into(), "Checkout Operator".into(), "POS".into()],
        reported_titles: vec!["Cashier".into(), "Checker".into(), "Sales Associate".into(), "Store Clerk".into()],
        education: vec![share(1, 25.0), share(2, 70.0), share(4, 5.0)],
        experience: vec![share(1, 55.0), share(2, 30.0), share(5, 15.0)],
        training: vec![share(1, 20.0), share(2, 60.0), share(3, 20.0)],
        skills: vec![
            rated("2.A.1.b", "Active Listening", 3.4),
            rated("2.A.1.d", "Speaking", 3.3),
            rated("2.B.1.f", "Service Orientation", 3.3),
            rated("2.A.1.e", "Mathematics", 3.0),
            rated("2.A.2.a", "Critical Thinking", 2.9),
            rated("2.B.3.g", "Operations Monitoring", 2.1),
        ],
        knowledge: vec![
            rated("2.C.1.e", "Customer and Personal Service", 4.1),
            rated("2.C.3.a", "Mathematics", 3.2),
        ],
        work_styles: vec![
            rated("1.C.5.a", "Dependability", 4.24),
            rated("1.C.3.a", "Cooperation", 4.16),
            rated("1.C.4.a", "Self-Control", 4.11),
            rated("1.C.4.b", "Stress Tolerance", 4.0),
            rated("1.C.5.c", "Integrity", 3.96),
        ],
        technologies: vec![
            Technology { name: "Apple Safari".into(), class: "Internet browser software".into(), hot: true, in_demand: false },
            Technology { name: "Microsoft Excel".into(), class: "Spreadsheet software".into(), hot: true, in_demand: false },
            Technology { name: "Microsoft Word".into(), class: "Word processing software".into(), hot: true, in_demand: true },
            Technology { name: "Google Sheets".into(), class: "Spreadsheet software".into(), hot: true, in_demand: false },
            Technology { name: "AFEXDirect".into(), class: "Point of sale POS software".into(), hot: false, in_demand: false },
        ],
        related: vec![
            Related { code: "41-2021.00".into(), title: "Counter and Rental Clerks".into(), tier: "Primary-Short".into() },
            Related { code: "43-3071.00".into(), title: "Tellers".into(), tier: "Primary-Short".into() },
            Related { code: "43-4051.00".into(), title: "Customer Service Representatives".into(), tier: "Primary-Short".into() },
            Related { code: "43-5051.00".into(), title: "Postal Service Clerks".into(), tier: "Primary-Long".into() },
            Related { code: "41-1011.00".into(), title: "First-Line Supervisors of Retail Sales Workers".into(), tier: "Supplemental".into() },
        ],
    }
}

#[test]
fn cashier_draft_reads_like_a_job_post() {
    let role = draft_role(&cashier(), "cashier");
    assert_eq!(role.title, "Cashier");
    assert_eq!(role.soc_code, "41-2011");
    assert_eq!(role.soc_title.as_deref(), Some("Cashiers"));
    assert_eq!(
        role.summary,
        "Cashiers receive and disburse money in establishments other than financial institutions. They may use electronic scanners, cash registers, or related equipment. They may process credit or debit card transactions and validate checks. The role suits people who are dependable, cooperative, and even-tempered."
    );
    assert!(
        role.overview
            .starts_with("We are looking for a Cashier to receive and disburse money")
    );
    let main = &role.duties[0];
    assert_eq!(
        main.items[0],
        "Receive payment by cash, check, credit cards, vouchers, or automatic debits"
    );
    // The near-duplicate task is listed once.
    assert_eq!(
        main.items
            .iter()
            .filter(|d| d.starts_with("Answer customers'"))
            .count(),
        1
    );
    assert_eq!(role.duties.len(), 2);
    assert_eq!(
        role.duties[1].items,
        [
            "Sort, count, and wrap currency and coins",
            "Weigh items sold by weight to determine prices"
        ]
    );
    assert_eq!(role.key_responsibilities.len(), 6);
    assert_eq!(role.requirements[0], "High school diploma or equivalent");
    assert_eq!(role.requirements[1], "No prior experience required");
    assert_eq!(
        role.requirements[2],
        "Strong skills in active listening, clear speaking, and service orientation"
    );
    // Office software only where O*NET marks it in demand for cashiers
    // (Word is; Excel and Google Sheets are hot, not in demand).
    assert_eq!(
        role.qualifications.preferred,
        ["Experience with Microsoft Word"]
    );
    assert_eq!(
        role.skills.last().map(String::as_str),
        Some("Knowledge of customer and personal service")
    );
    assert!(role.work_hours.items.is_empty() && role.benefits.items.is_empty());
    assert_eq!(
        role.related_titles.common.titles,
        ["Checker", "Sales Associate", "Store Clerk"]
    );
    let steps: Vec<&str> = role
        .career_path
        .steps
        .iter()
        .map(|s| s.level.as_str())
        .collect();
    assert_eq!(
        steps,
        [
            "Related role: Rental Clerk",
            "Related role: Teller",
            "Related role: Customer Service Representative",
            "Related role: Retail Sales Supervisor"
        ]
    );
    assert!(
        role.source
            .as_deref()
            .is_some_and(|s| s.contains(ONET_CREDIT))
    );
}

#[test]
fn cashier_interview_picks_top_competencies_by_theme() {
    let role = draft_role(&cashier(), "cashier");
    let names: Vec<&str> = role
        .interview
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    // Self-Control and Stress Tolerance share a theme: only the first counts.
    assert_eq!(
        names,
        [
            "Dependability",
            "Teamwork",
            "Composure",
            "Active listening",
            "Clear spoken communication"
        ]
    );
    for c in &role.interview.competencies {
        assert!(c.why.contains("Cashier") && !c.why.contains("{title}"));
        assert!(
            c.questions
                .iter()
                .any(|q| q.kind == QuestionKind::Behavioral)
        );
        assert!(
            c.questions
                .iter()
                .any(|q| q.kind == QuestionKind::Situational)
        );
    }
    assert_eq!(role.interview.rating_scale.len(), 4);
}

#[test]
fn faq_states_its_sources_and_pay_when_given() {
    let row = PayRow {
        area: "US".into(),
        area_name: "U.S.".into(),
        soc: "41-2011".into(),
        survey: "May 2025".into(),
        annual_median: Some(31_000.0),
        hourly_median: Some(14.9),
        ..PayRow::default()
    };
    let options = DraftOptions {
        pay: Some(&row),
        ..DraftOptions::default()
    };
    let role = draft_role_with(&cashier(), "cashier", &options);
    let questions: Vec<&str> = role.faq.iter().map(|f| f.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "What does a Cashier do?",
            "What education does a Cashier need?",
            "How much experience and training does a Cashier need?",
            "What other job titles are used for this work?",
            "Which skills does a Cashier need most?",
            "Which tools and software does a Cashier use?",
            "How much does a Cashier earn?",
        ]
    );
    assert_eq!(
        role.faq[1].answer,
        "In O*NET's survey of workers in this occupation, 70% said the job needs a high school diploma or equivalent, 5% said it needs more, and 25% said it needs less."
    );
    assert!(
        role.faq[6]
            .answer
            .contains("$31,000 a year ($14.90 an hour)"),
        "{}",
        role.faq[6].answer
    );
    assert!(role.faq[6].answer.contains("May 2025"));
    assert!(role.source.as_deref().is_some_and(|s| s.ends_with("Pay: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), May 2025.")));
}

#[test]
fn an_occupation_with_little_data_still_drafts_without_filler() {
    let mut occ = cashier();
    occ.education.clear();
    occ.experience.clear();
    occ.training.clear();
    occ.skills.clear();
    occ.knowledge.clear();
    occ.work_styles.clear();
    occ.technologies.clear();
    occ.related.clear();
    occ.reported_titles.clear();
    occ.alternate_titles.clear();
    let role = draft_role(&occ, "cashier");
    assert_eq!(
        role.requirements,
        [
            "High school diploma or equivalent",
            "Some related work experience is helpful"
        ]
    );
    assert!(role.career_path.steps.is_empty() && role.career_path.intro.is_empty());
    let names: Vec<&str> = role
        .interview
        .competencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Dependability",
            "Problem solving and troubleshooting",
            "Teamwork",
            "Learning new things"
        ]
    );
    assert_eq!(role.skills[0], "Dependability");
    assert_eq!(role.related_titles.common.titles, ["Cashiers"]);
    assert!(!role.summary.contains("suits people"));
}

#[test]
fn description_sentences_become_role_voice() {
    let mut occ = cashier();
    occ.description = "In a gambling establishment, conduct financial transactions for patrons. Duties include cashing checks. Includes workers who sell chips. Requires a state license.".into();
    let (first, rest) = description(&occ, "Gaming Cashier");
    assert_eq!(
        first,
        "Gaming Cashiers conduct financial transactions for patrons in a gambling establishment."
    );
    assert_eq!(rest, ["Duties include cashing checks."]);
    assert_eq!(
        requirements::requirements(&occ, "Gaming Cashier")[2],
        "A state license"
    );
}

/// Thirty occupations, at least one in each of the 22 SOC major groups.
const REAL_CODES: [&str; 30] = [
    "11-1021", "11-9111", "13-2011", "15-1252", "17-2051", "19-2031", "21-1021", "23-2011",
    "25-2021", "27-1024", "29-1141", "29-2061", "31-1131", "33-3051", "33-9032", "35-2014",
    "35-3031", "37-2011", "39-9011", "41-2011", "41-2031", "43-4051", "43-6014", "45-2092",
    "47-2111", "49-3023", "51-2092", "53-3032", "53-7062", "13-1071",
];

/// Every string of a role, with the key it sits under.
fn strings(value: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((key.to_string(), s.clone())),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, k, out)),
        _ => {}
    }
}

/// Whether text holds an SOC or O*NET-SOC code such as `41-2011`.
fn has_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(7).any(|w| {
        w[2] == b'-'
            && w.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit())
    })
}

#[test]
fn thirty_occupations_across_every_major_group_draft_cleanly() {
    let mut groups: Vec<&str> = REAL_CODES.iter().map(|c| &c[..2]).collect();
    groups.sort_unstable();
    groups.dedup();
    assert_eq!(groups.len(), 22, "{groups:?}");
    for code in REAL_CODES {
        let occ = crate::library::occupation(code).unwrap_or_else(|| panic!("{code} missing"));
        let role = draft_role(&occ, "x");
        let last = role.title.split_whitespace().last().unwrap_or("");
        assert_eq!(
            text::singular(last),
            last,
            "{code}: {} is not singular",
            role.title
        );
        let duties: Vec<&String> = role.duties.iter().flat_map(|g| &g.items).collect();
        assert!(
            (5..=12).contains(&duties.len()),
            "{code}: {} duties",
            duties.len()
        );
        for (i, d) in duties.iter().enumerate() {
            assert!(!duties[..i].contains(d), "{code}: duty twice: {d}");
        }
        assert_eq!(role.key_responsibilities.len(), 6, "{code}");
        assert!(
            role.requirements.len() >= 2,
            "{code}: {:?}",
            role.requirements
        );
        assert!(!role.qualifications.required.is_empty(), "{code}");
        assert!(
            (4..=10).contains(&role.skills.len()),
            "{code}: {:?}",
            role.skills
        );
        let n = role.interview.competencies.len();
        assert!((4..=5).contains(&n), "{code}: {n} competencies");
        for c in &role.interview.competencies {
            for kind in [QuestionKind::Behavioral, QuestionKind::Situational] {
                assert!(
                    c.questions.iter().any(|q| q.kind == kind),
                    "{code}: {}",
                    c.name
                );
            }
        }
        assert!(!role.career_path.steps.is_empty(), "{code}");
        assert!(role.faq.len() >= 4, "{code}");
        assert!(role.work_hours.items.is_empty() && role.benefits.items.is_empty());

        let mut all = Vec::new();
        strings(&serde_json::to_value(&role).unwrap(), "", &mut all);
        for (key, s) in &all {
            if matches!(
                key.as_str(),
                // `education` is a schema.org credential category.
                "source" | "soc_code" | "soc_title" | "id" | "type" | "education"
            ) {
                continue;
            }
            let lower = s.to_lowercase();
            for bad in [
                "n/a",
                "todo",
                "{title}",
                "  ",
                " .",
                "..",
                " ,",
                "(source",
                "they they",
            ] {
                assert!(!lower.contains(bad), "{code} {key}: {bad:?} in {s:?}");
            }
            assert!(!has_code(s), "{code} {key}: a code in {s:?}");
            let first = s.chars().next();
            assert!(
                key == "intro" && s.is_empty() || first.is_some_and(|c| !c.is_lowercase()),
                "{code} {key}: starts in lower case: {s:?}"
            );
        }
        // The YAML `hirekit new` writes loads and passes the profile checks.
        let yaml = emit::profile_yaml(&role);
        if let Err(e) = crate::load::role::parse("roles/x.yaml", yaml.as_bytes(), "x") {
            panic!("{code}: {e}");
        }
    }
}

/// Every occupation of the library (923; about 12 s in a debug build).
#[test]
fn every_library_occupation_drafts_cleanly() {
    let mut problems = Vec::new();
    for e in crate::library::occupations() {
        let Some(occ) = crate::library::occupation(&e.code) else {
            problems.push(format!("{} does not decode", e.code));
            continue;
        };
        let role = draft_role(&occ, "x");
        let head = role.title.split(" of ").next().unwrap_or(&role.title);
        let last = head.split_whitespace().last().unwrap_or("");
        if text::singular(last) != last {
            problems.push(format!("{} title {}", e.code, role.title));
        }
        let n: usize = role.duties.iter().map(|g| g.items.len()).sum();
        if !(LEAST_DUTIES.min(occ.tasks.len())..=MOST_DUTIES).contains(&n) {
            problems.push(format!("{} has {n} duties", e.code));
        }
        if role.skills.is_empty() || !(4..=5).contains(&role.interview.competencies.len()) {
            problems.push(format!("{} skills or competencies", e.code));
        }
        let mut all = Vec::new();
        strings(&serde_json::to_value(&role).unwrap(), "", &mut all);
        for (key, s) in &all {
            if matches!(
                key.as_str(),
                "source" | "soc_code" | "soc_title" | "id" | "type"
            ) {
                continue;
            }
            let lower = s.to_lowercase().replace(" .net", "");
            for bad in [
                "n/a",
                "todo",
                "{title}",
                "  ",
                " .",
                "..",
                " ,",
                "they they",
            ] {
                if lower.contains(bad) {
                    problems.push(format!("{} {key} {bad:?}: {s}", e.code));
                }
            }
            if has_code(s) {
                problems.push(format!("{} {key} holds a code: {s}", e.code));
            }
        }
        let yaml = emit::profile_yaml(&role);
        if let Err(err) = crate::load::role::parse("roles/x.yaml", yaml.as_bytes(), "x") {
            problems.push(format!("{} {err}", e.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn faq_education_answer_joins_two_parts_with_and() {
    let mut occ = cashier();
    occ.education = vec![share(6, 78.0), share(8, 22.0)];
    occ.training = vec![share(1, 80.0), share(2, 20.0)];
    let role = draft_role(&occ, "x");
    let answer = |q: &str| {
        role.faq
            .iter()
            .find(|f| f.question.starts_with(q))
            .map(|f| f.answer.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        answer("What education"),
        "In O*NET's survey of workers in this occupation, 78% said the job needs a bachelor's degree and 22% said it needs more."
    );
    assert!(
        answer("How much experience")
            .ends_with("Most new hires need no more than a short demonstration to get started.")
    );
}

#[test]
fn skills_keep_their_names_in_a_sentence() {
    assert_eq!(in_sentence("Active listening"), "active listening");
    assert_eq!(in_sentence("Apache Kafka"), "Apache Kafka");
    assert_eq!(in_sentence("C"), "C");
    assert_eq!(in_sentence("C#"), "C#");
    assert_eq!(
        in_sentence("Reading people and situations"),
        "reading people and situations"
    );
}

#[test]
fn drafted_briefs_leave_room_for_a_place_pay_and_link() {
    for code in [
        "29-1141", "53-3032", "15-1252", "41-2031", "43-9061", "29-2061",
    ] {
        let occ = crate::library::occupation(code).unwrap();
        let b = draft_role(&occ, "x").brief;
        let words: usize = [&b.mission, &b.impact, &b.ideal_candidate, &b.call_to_action]
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum();
        assert!((45..=BRIEF_WORDS + 5).contains(&words), "{code}: {words}");
        assert!(b.call_to_action.ends_with("apply today."), "{code}");
    }
}

#[test]
fn office_software_is_named_only_where_the_occupation_demands_it() {
    // Heavy and tractor-trailer truck drivers: O*NET marks Microsoft Word
    // hot across jobs but not in demand for driving.
    let Some(occ) = crate::library::occupation("53-3032.00") else {
        panic!("53-3032.00 is in the library");
    };
    let tech = super::requirements::hot_technologies(&occ);
    assert!(
        !tech.iter().any(|t| t.starts_with("Microsoft Word")),
        "{tech:?}"
    );
}

#[test]
fn the_may_sentence_is_about_the_worker_and_keeps_its_articles() {
    use super::may_for_candidate;
    assert_eq!(
        may_for_candidate("be required to unload truck.").as_deref(),
        Some("be required to unload the truck.")
    );
    assert_eq!(
        may_for_candidate("price items on menu, or plan menu.").as_deref(),
        Some("price items on the menu, or plan the menu.")
    );
    assert_eq!(
        may_for_candidate("use electronic scanners or cash registers.").as_deref(),
        Some("use electronic scanners or cash registers.")
    );
    // Not the worker: "You may include measuring ..." would not be English.
    assert_eq!(may_for_candidate("include measuring and cutting."), None);
    assert_eq!(
        may_for_candidate("require knowledge of insemination."),
        None
    );
}
