//! Wording rules, by example: texts in, findings and balance out.

use super::*;
use crate::lint::LintSettings;
use crate::lint::{Date, Subject};

fn run(text: &str, settings: &LintSettings) -> (Vec<Finding>, GenderBalance) {
    let data = Data::builtin().unwrap();
    let prose = Prose::from_text("ad.txt", text.to_string());
    let input = LintInput {
        prose: &prose,
        subject: Subject::File { file: "ad.txt" },
        company: None,
        site: None,
        date: Date::parse("2025-06-01").unwrap(),
        settings,
        data: &data,
    };
    (check(&input), balance(&prose, &data, &settings.allow_words))
}

fn rules_and_messages(findings: &[Finding]) -> Vec<(&str, String)> {
    findings
        .iter()
        .map(|f| (f.rule, f.message.clone()))
        .collect()
}

#[test]
fn gender_coded_words_match_by_prefix() {
    let cases: [(&str, &[&str]); 6] = [
        (
            "An aggressive, dominant leader",
            &["aggressive", "dominant", "leader"],
        ),
        ("Be self-confident", &["self-confident"]),
        (
            "A competitive-minded analyst",
            &["competitive-minded", "analyst"],
        ),
        ("Use SharePoint daily", &[]),
        ("We share and support", &[]),
        ("Customer's questions", &[]),
    ];
    for (text, want) in cases {
        let (findings, _) = run(text, &LintSettings::default());
        let got: Vec<String> = findings
            .iter()
            .filter(|f| f.rule == GENDER_CODED)
            .map(|f| f.message.split('"').nth(1).unwrap().to_lowercase())
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn balance_follows_the_decoder_thresholds() {
    let cases = [
        ("Nothing coded here", "empty", 0),
        ("Support and lead", "neutral", 0),
        ("Lead, decide, compete", "masculine-coded", -3),
        (
            "Lead decide compete assert dominate",
            "strongly masculine-coded",
            -5,
        ),
        (
            "Warm, kind, loyal, honest and trusted",
            "strongly feminine-coded",
            5,
        ),
        ("Warm and kind", "feminine-coded", 2),
    ];
    for (text, verdict, score) in cases {
        let (_, b) = run(text, &LintSettings::default());
        assert_eq!((b.verdict, b.score), (verdict, score), "{text}");
    }
}

#[test]
fn terms_match_words_phrases_and_hyphen_variants() {
    let (findings, _) = run(
        "We want a rockstar ninja.\n\nYoung and energetic rock-star gurus. Native English speakers only.\n",
        &LintSettings::default(),
    );
    let got = rules_and_messages(&findings);
    let want = [
        (
            JARGON,
            "\"rockstar\" is a vague, informal label that puts some applicants off",
        ),
        (
            JARGON,
            "\"ninja\" is a vague, informal label that puts some applicants off",
        ),
        (
            EXCLUSIONARY,
            "\"Young and energetic\" suggests an age preference",
        ),
        (
            JARGON,
            "\"rock-star\" is a vague, informal label that puts some applicants off",
        ),
        (
            JARGON,
            "\"gurus\" is a vague, informal label that puts some applicants off",
        ),
        (
            EXCLUSIONARY,
            "\"Native English speakers\" asks for a national origin rather than a language skill",
        ),
    ];
    let got: Vec<(&str, &str)> = got
        .iter()
        .filter(|(r, _)| *r != GENDER_CODED && *r != GENDER_BALANCE)
        .map(|(r, m)| (*r, m.as_str()))
        .collect();
    assert_eq!(got, want);
    assert!(
        findings
            .iter()
            .all(|f| f.rule == GENDER_CODED || f.rule == GENDER_BALANCE || f.suggestion.is_some())
    );
}

fn coded(text: &str) -> Vec<String> {
    let (findings, _) = run(text, &LintSettings::default());
    findings
        .iter()
        .filter(|f| f.rule == GENDER_CODED)
        .map(|f| f.message.split('"').nth(1).unwrap().to_lowercase())
        .collect()
}

#[test]
fn words_that_are_not_about_the_candidate_are_exempt() {
    // The false findings: EEO boilerplate, product names, sales
    // leads and "confidential" matched by the stem "confident".
    let cases: [(&str, &[&str]); 17] = [
        (
            "We welcome minorities, women, protected veterans and individuals with disabilities.",
            &[],
        ),
        (
            "Reasonable accommodation for an individual with a disability.",
            &[],
        ),
        ("Manage users in Active Directory and Azure.", &[]),
        ("Follow up on inbound leads within a day.", &[]),
        ("Call sales leads from our trade shows.", &[]),
        ("Keep patient records confidential.", &[]),
        ("Handle confidentiality agreements.", &[]),
        (
            "All employment decisions are made without regard to race.",
            &[],
        ),
        ("Veterans of active duty and the Armed Forces apply.", &[]),
        ("We are a leading provider of home care.", &[]),
        // A license in good standing, the people served, a kind of return.
        ("An active RN license in Ohio, or a compact license.", &[]),
        ("Hold a current active license to practice.", &[]),
        (
            "We help older adults stay safe and independent in their own homes.",
            &[],
        ),
        ("Help prepare individual and business tax returns.", &[]),
        ("Set up individual retirement accounts.", &[]),
        // The same words about the candidate are still coded.
        (
            "You lead a team of six and stay confident.",
            &["lead", "confident"],
        ),
        (
            "An active, independent individual who leads by example.",
            &["active", "independent", "individual", "leads"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(coded(text), want, "{text}");
    }
}

#[test]
fn exempt_words_do_not_count_in_the_balance() {
    let data = Data::builtin().unwrap();
    let prose = Prose::from_text(
        "ad.txt",
        "Generate leads and work in Active Directory. Lead the team.".into(),
    );
    let b = balance(&prose, &data, &[]);
    assert_eq!(
        (b.masculine, b.masculine_words.clone()),
        (1, vec!["lead".to_string()])
    );
    let (m, f, words) = exempted(&prose, &data);
    assert_eq!((m, f), (2, 0));
    assert_eq!(words, ["leads", "active"]);
}

#[test]
fn terms_about_the_people_a_job_serves_are_exempt() {
    let (findings, _) = run(
        "Help young children read. Teach younger students math.\n\nWe want young, energetic staff.\n",
        &LintSettings::default(),
    );
    let got: Vec<(&str, String)> = rules_and_messages(&findings)
        .into_iter()
        .filter(|(r, _)| *r == EXCLUSIONARY)
        .collect();
    assert_eq!(
        got,
        [(
            EXCLUSIONARY,
            "\"young\" suggests an age preference".to_string()
        )]
    );
}

#[test]
fn a_team_flags_its_own_words_and_allows_others() {
    use crate::lint::settings::{FlagSeverity, FlagWord};
    let flag = |word: &str, instead: Option<&str>, severity| FlagWord {
        word: word.into(),
        instead: instead.map(Into::into),
        why: None,
        severity,
    };
    let settings = LintSettings {
        flag_words: vec![
            flag("crush it", Some("\"do well\""), FlagSeverity::Warning),
            flag("hustl*", None, FlagSeverity::Error),
            flag("family", Some("\"team\""), FlagSeverity::Note),
        ],
        allow_words: vec!["Ninjas".into()],
        ..LintSettings::default()
    };
    let (findings, _) = run(
        "We crush it every day. Hustlers and ninjas welcome: we are a family, and a crush-it family.",
        &settings,
    );
    let got: Vec<(&str, Severity, &str, Option<&str>)> = findings
        .iter()
        .filter(|f| f.rule != GENDER_CODED && f.rule != GENDER_BALANCE)
        .map(|f| {
            (
                f.rule,
                f.severity,
                f.message.as_str(),
                f.suggestion.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                TEAM_WORD,
                Severity::Warning,
                "\"crush it\" is on the team's list of words to avoid",
                Some("\"do well\"")
            ),
            (
                TEAM_WORD,
                Severity::Error,
                "\"Hustlers\" is on the team's list of words to avoid",
                Some("reword it")
            ),
            (
                TEAM_WORD,
                Severity::Note,
                "\"family\" is on the team's list of words to avoid",
                Some("\"team\"")
            ),
            (
                TEAM_WORD,
                Severity::Warning,
                "\"crush-it\" is on the team's list of words to avoid",
                Some("\"do well\"")
            ),
            (
                TEAM_WORD,
                Severity::Note,
                "\"family\" is on the team's list of words to avoid",
                Some("\"team\"")
            ),
        ]
    );
}

#[test]
fn phrases_do_not_cross_blocks_and_allowed_words_pass() {
    let (findings, _) = run("- hit the ground\n- running\n", &LintSettings::default());
    assert!(findings.is_empty(), "{findings:?}");
    let settings = LintSettings {
        allow_words: vec!["Lead".into(), "rockstar".into()],
        ..LintSettings::default()
    };
    let (findings, b) = run("Lead a rockstar team", &settings);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(b.masculine, 0);
}
