//! Documents a recruiter would publish: company parts at the right heading
//! level and never twice, a complete example post in the job description,
//! no section that apologises, words as US candidates read them, a brief
//! that fits a social post, an interview guide with realistic timing,
//! logistics asked lawfully, scripts, notes and a decision rule, and
//! built-in posts within lint's own targets.

use crate::support::Hirekit;

const ROLE: &str = "customer-service-representative";

/// Library occupations by SOC code: a nurse, a truck driver, a software
/// developer and a retail salesperson.
const OCCUPATIONS: [&str; 5] = [ROLE, "29-1141", "53-3032", "15-1252", "41-2031"];

const COMPANY: &str = "\
name: Northwind Support
about: Northwind answers the phone for small businesses across the Midwest.
why_join:
  - Paid training from day one
benefits:
  - Medical and dental plans
eeo: Northwind is an equal opportunity employer.
apply_url: https://jobs.example.com/northwind
";

const SITES: &str = "\
id,city,state,postal_code,workplace,employment_type,pay_min,pay_max,pay_period,date_posted,valid_through,shift
sac,Sacramento,CA,95814,hybrid,FULL_TIME,19.50,23.00,hour,2026-12-01,2026-12-31,\"Days, 8 a.m. to 4:30 p.m.\"
dc,Washington,DC,20001,onsite,PART_TIME,,,,2026-03-02,,
";

/// A workspace profile with one competency of one question, a short
/// `duration_minutes` and a SOC code BLS publishes no pay for.
const GREETER: &str = "\
title: Store Greeter
soc_code: \"55-1011\"
summary: Store greeters welcome shoppers at the door and point them to what they need.
overview: We are looking for a Store Greeter to welcome our shoppers.
duties:
  - Welcome shoppers as they arrive
requirements:
  - A friendly manner
key_responsibilities:
  - Welcome shoppers as they arrive
qualifications:
  required:
    - A friendly manner
brief:
  mission: Every visit to our store starts at the door.
  impact: As a Store Greeter, you will welcome shoppers and help them find their way.
  ideal_candidate: You enjoy meeting people and stay cheerful on busy days.
  call_to_action: If that sounds like you, apply today.
interview:
  duration_minutes: 10
  competencies:
    - name: Welcoming shoppers
      why: The greeter sets the tone of each visit.
      questions:
        - type: behavioral
          text: Tell me about a time you made a stranger feel welcome.
          strong_answer:
            - Names what they did and how the person responded
  rating_scale:
    - score: 1
      label: Does not meet
      description: No real example.
    - score: 2
      label: Meets
      description: A clear example.
    - score: 3
      label: Exceeds
      description: A clear example and what they learned.
";

fn workspace() -> Hirekit {
    Hirekit::new()
        .file("hirekit.yaml", "company: company.yaml\n")
        .file("company.yaml", COMPANY)
        .file("sites.csv", SITES)
        .file("roles/greeter.yaml", GREETER)
}

fn render(ws: &mut Hirekit, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    ws.cmd(all).succeeds().stdout
}

/// The paragraphs of a plain-text document, without its title and the
/// source line under `----`.
fn paragraphs(txt: &str) -> Vec<&str> {
    let body = txt.split("\n----\n").next().unwrap_or(txt);
    body.split("\n\n").skip(1).map(str::trim).collect()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Headings of a Markdown document, as written (`## Pay`).
fn headings(md: &str) -> Vec<&str> {
    md.lines().filter(|l| l.starts_with('#')).collect()
}

#[test]
fn the_brief_fits_a_social_post_and_ends_with_the_call_to_action_and_link() {
    let mut ws = workspace();
    for role in OCCUPATIONS {
        let txt = render(
            &mut ws,
            &[
                role,
                "--doc",
                "job-brief",
                "--format",
                "txt",
                "--locations",
                "sites.csv",
                "--id",
                "sac",
            ],
        );
        let body = paragraphs(&txt);
        assert_eq!(body.len(), 1, "{role}: one paragraph\n{txt}");
        let brief = body[0];
        let n = words(brief);
        assert!((50..=90).contains(&n), "{role}: {n} words\n{brief}");
        assert!(
            brief.contains("The pay is $19.50 to $23.00 an hour."),
            "{role}: {brief}"
        );
        assert!(brief.contains("Sacramento, California"), "{role}: {brief}");
        assert!(
            brief.ends_with(
                "apply today. Start your application at https://jobs.example.com/northwind."
            ),
            "{role}: {brief}"
        );
        // Without a company, a place or pay: still a post of its own.
        let bare = Hirekit::new()
            .args(["render", role, "--doc", "job-brief", "--format", "txt"])
            .succeeds()
            .stdout;
        let bare = paragraphs(&bare)[0].to_string();
        let n = words(&bare);
        assert!((50..=90).contains(&n), "{role}: {n} words\n{bare}");
        assert!(bare.ends_with("apply today."), "{role}: {bare}");
    }
}

#[test]
fn company_parts_sit_inside_the_example_post_and_no_heading_appears_twice() {
    let mut ws = workspace();
    let jd = render(&mut ws, &[ROLE, "--location", "Detroit, MI"]);
    let example = jd
        .split("## Customer Service Representative Job Post Example\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the example post");
    let expected = [
        "### About Northwind Support",
        "### Role Overview",
        "### Key Responsibilities",
        "### Qualifications",
        "### Why Join Us",
        "### Benefits",
    ];
    assert_eq!(headings(example), expected, "{example}");
    assert!(example.contains("**Location:** Detroit, MI\n"), "{example}");
    for level_two in ["## About", "## Why Join Us", "## Benefits\n"] {
        assert!(
            !jd.contains(&format!("\n{level_two}")),
            "{level_two} at the top level:\n{jd}"
        );
    }
    // In the post itself they are sections of their own.
    let post = render(
        &mut ws,
        &[
            ROLE,
            "--doc",
            "job-post",
            "--locations",
            "sites.csv",
            "--id",
            "sac",
        ],
    );
    for h in [
        "## About Northwind Support",
        "## Why Join Us",
        "## Benefits",
    ] {
        assert!(headings(&post).contains(&h), "{h}: {post}");
    }
    for role in OCCUPATIONS {
        for doc in [
            "job-description",
            "job-post",
            "job-brief",
            "interview-guide",
        ] {
            let md = render(
                &mut ws,
                &[
                    role,
                    "--doc",
                    doc,
                    "--locations",
                    "sites.csv",
                    "--id",
                    "sac",
                ],
            );
            let mut seen = std::collections::BTreeSet::new();
            // Question headings repeat by design under each competency.
            for h in headings(&md)
                .into_iter()
                .filter(|h| !h.starts_with("#### Question"))
            {
                assert!(seen.insert(h), "{role} {doc}: {h} appears twice");
            }
        }
    }
}

#[test]
fn without_a_company_the_example_post_marks_what_to_adapt() {
    let jd = Hirekit::new().args(["render", ROLE]).succeeds().stdout;
    let example = jd
        .split("## Customer Service Representative Job Post Example\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the example post");
    assert!(
        example.contains(
            "adapt it to the team and location you hire for: replace the parts in [square brackets]"
        ),
        "{example}"
    );
    assert!(example.contains("**Location:** [City, State]"), "{example}");
    assert_eq!(
        headings(example),
        [
            "### About Us",
            "### Role Overview",
            "### Key Responsibilities",
            "### Qualifications",
            "### Why Join Us"
        ]
    );
    assert!(example.contains("[Company name]"), "{example}");
}

#[test]
fn no_section_apologises_for_missing_pay_and_check_warns_instead() {
    let mut ws = workspace();
    for format in ["md", "txt", "html"] {
        let out = render(&mut ws, &["greeter", "--format", format]);
        assert!(!out.contains("No BLS"), "{out}");
        assert!(!out.contains("Store Greeter Pay"), "{out}");
    }
    let run = ws.cmd(["check"]).succeeds();
    assert!(
        run.stderr.contains("roles/greeter.yaml: no pay table for SOC 55-1011, so the job description leaves out its pay section"),
        "{}",
        run.stderr
    );
    for role in OCCUPATIONS {
        let out = render(&mut ws, &[role]);
        assert!(!out.contains("No BLS"), "{role}");
    }
}

#[test]
fn words_read_as_us_candidates_expect() {
    let mut ws = workspace();
    let sac = render(
        &mut ws,
        &[
            ROLE,
            "--doc",
            "job-post",
            "--locations",
            "sites.csv",
            "--id",
            "sac",
        ],
    );
    assert!(sac.contains("- **Employment type:** Full-time\n"), "{sac}");
    assert!(sac.contains("- **Posted:** December 1, 2026\n"), "{sac}");
    assert!(sac.contains("- **Apply by:** December 31, 2026\n"), "{sac}");
    let dc = render(
        &mut ws,
        &[
            ROLE,
            "--doc",
            "job-post",
            "--locations",
            "sites.csv",
            "--id",
            "dc",
        ],
    );
    assert!(dc.contains("- **Employment type:** Part-time\n"), "{dc}");
    assert!(dc.contains("- **Posted:** March 2, 2026\n"), "{dc}");
    assert!(dc.contains("- **Location:** Washington, DC 20001"), "{dc}");
    assert!(!dc.contains("2026-03-02"), "{dc}");
    let brief = render(
        &mut ws,
        &[
            ROLE,
            "--doc",
            "job-brief",
            "--locations",
            "sites.csv",
            "--id",
            "dc",
        ],
    );
    assert!(
        brief.contains("The role is based in Washington, DC."),
        "{brief}"
    );
    // A place in the District that is not a principal city of its metro
    // area: the figures are the District's, named as a sentence names it.
    let post = Hirekit::new()
        .args([
            "render",
            ROLE,
            "--doc",
            "job-post",
            "--location",
            "Georgetown, DC",
        ])
        .succeeds()
        .stdout;
    assert!(post.contains("in the District of Columbia is"), "{post}");
    assert!(!post.contains("in District of Columbia"), "{post}");
    // One competency and one question: singular words.
    let guide = render(&mut ws, &["greeter", "--doc", "interview-guide"]);
    assert!(guide.contains("1 question on 1 competency"), "{guide}");
    assert!(
        guide.contains("I'll ask about 1 area of the job"),
        "{guide}"
    );
    assert!(
        guide.contains("| 1. Welcoming shoppers (1 question) | 5 |"),
        "{guide}"
    );
}

#[test]
fn the_interview_guide_plans_realistic_time_for_its_questions() {
    let mut ws = workspace();
    for role in OCCUPATIONS {
        let json = render(
            &mut ws,
            &[role, "--doc", "interview-guide", "--format", "json"],
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let competencies = v["role"]["interview"]["competencies"].as_array().unwrap();
        let (mut behavioral, mut situational) = (0, 0);
        for c in competencies {
            for q in c["questions"].as_array().unwrap() {
                match q["type"].as_str().unwrap() {
                    "behavioral" => behavioral += 1,
                    _ => situational += 1,
                }
            }
        }
        let questions = behavioral + situational;
        let needed = 5 * behavioral + 4 * situational + 15;
        let md = render(&mut ws, &[role, "--doc", "interview-guide"]);
        let total: u32 = md
            .split("| **Total** | **")
            .nth(1)
            .and_then(|rest| rest.split("**").next())
            .and_then(|n| n.parse().ok())
            .expect("a total in the time plan");
        assert!(
            total >= needed,
            "{role}: {total} minutes for {questions} questions"
        );
        assert!(
            total <= needed + 5,
            "{role}: {total} minutes for {questions} questions"
        );
        assert!(
            md.contains(&format!(
                "Plan for about {total} minutes: {questions} questions"
            )),
            "{role}"
        );
        assert!(
            md.contains(&format!("This interview takes about {total} minutes.")),
            "{role}"
        );
        // Library profiles come with enough time for their questions, so
        // `check` has nothing to say about them.
        assert_eq!(
            v["role"]["interview"]["duration_minutes"].as_u64(),
            Some(u64::from(total)),
            "{role}"
        );
    }
    // A profile that gives too little time: the guide plans what the
    // questions need, and check says so.
    let guide = render(&mut ws, &["greeter", "--doc", "interview-guide"]);
    assert!(guide.contains("| **Total** | **20** |"), "{guide}");
    let run = ws.cmd(["check"]).succeeds();
    assert!(
        run.stderr.contains(
            "roles/greeter.yaml: `interview.duration_minutes` is 10, but 1 question takes about 20 minutes"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_interview_guide_has_scripts_logistics_notes_and_a_decision_rule() {
    let mut ws = workspace();
    for role in OCCUPATIONS {
        let md = render(
            &mut ws,
            &[
                role,
                "--doc",
                "interview-guide",
                "--locations",
                "sites.csv",
                "--id",
                "sac",
            ],
        );
        for h in [
            "## Time Plan",
            "## Opening Script",
            "## Competencies and Questions",
            "## Logistics Questions",
            "## Closing Script",
            "## Scorecard",
            "## Reaching a Decision",
        ] {
            assert!(headings(&md).contains(&h), "{role}: {h}");
        }
        let logistics = md
            .split("## Logistics Questions\n")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap();
        for q in [
            "The schedule for this job is Days, 8 a.m. to 4:30 p.m. (full-time). Can you work that schedule?",
            "If we offer you the job, when could you start?",
            "Are you legally authorized to work in the United States?",
            "Will you, now or in the future, need the company to sponsor you for a work visa?",
        ] {
            assert!(logistics.contains(q), "{role}: {q}\n{logistics}");
        }
        // Lawful: no question about citizenship or origin, only the two above.
        for line in logistics.lines().filter(|l| l.trim_end().ends_with('?')) {
            let l = line.to_lowercase();
            for banned in ["citizen", "born", "native", "national origin", "green card"] {
                assert!(!l.contains(banned), "{role}: {line}");
            }
        }
        // Room for notes under every question.
        let questions = md.matches("\n#### Question ").count();
        assert_eq!(
            md.matches("\n| Notes |\n|:--|\n|  |\n").count(),
            questions,
            "{role}"
        );
        assert!(md.contains("> Thank you for coming in today."), "{role}");
        assert!(
            md.contains("> Thank you, that's all my questions."),
            "{role}"
        );
        assert!(
            md.contains("- **Yes** when every competency scores at least 3 (Meets)"),
            "{role}"
        );
        assert!(
            md.contains("- **No** when any competency scores 1 (Does not meet)"),
            "{role}"
        );
    }
}

#[test]
fn the_interview_guide_prints_with_labels_kept_and_a_scorecard_that_fits() {
    let html = Hirekit::new()
        .args([
            "render",
            ROLE,
            "--doc",
            "interview-guide",
            "--format",
            "html",
        ])
        .succeeds()
        .stdout;
    let print = html
        .split("@media print {")
        .nth(1)
        .expect("a print stylesheet");
    // A label such as "Red flags:" is a paragraph just before its list: the
    // list may not start a new page without it.
    assert!(
        print.contains("p + ul, p + ol, p + blockquote, p + .table-wrap { break-before: avoid;"),
        "{print}"
    );
    assert!(
        print.contains(".table-wrap { break-inside: avoid;"),
        "{print}"
    );
    // The scorecard's columns are set, not left to the longest cell.
    assert!(
        print.contains("#scorecard table { table-layout: fixed; }"),
        "{print}"
    );
    assert!(html.contains("<section id=\"scorecard\">"), "{html}");
    // No long line of underscores that could run past the page edge.
    assert!(!html.contains("______"), "{html}");
}

#[test]
fn the_builtin_post_meets_lint_length_and_reading_targets() {
    for place in ["Detroit, MI", "Houston, TX", "Denver, CO"] {
        let run = Hirekit::new()
            .args(["lint", ROLE, "--location", place])
            .run();
        let out = format!("{}{}", run.stdout, run.stderr);
        for rule in ["length/", "readability/"] {
            assert!(!out.contains(rule), "{place}: {rule}\n{out}");
        }
    }
}

#[test]
fn a_long_interview_slot_leaves_spare_time_not_a_quarter_hour_of_candidate_questions() {
    // The example workspace's receptionist: 4 questions in a 45-minute slot.
    let mut h = Hirekit::new();
    h.cmd(["init", "ws"]).succeeds();
    let mut ws = h.cwd("ws");
    let guide = render(
        &mut ws,
        &["medical-receptionist", "--doc", "interview-guide"],
    );
    let plan = guide
        .split("## Time Plan")
        .nth(1)
        .and_then(|s| s.split("\n\nA question").next())
        .unwrap();
    assert!(
        plan.contains("| The candidate's questions | 10 |"),
        "{plan}"
    );
    assert!(
        plan.contains("| Spare, for deeper follow-ups or a late start | 7 |"),
        "{plan}"
    );
    assert!(plan.contains("| **Total** | **45** |"), "{plan}");
    // The built-in role fills its slot: no spare row.
    let builtin = render(&mut ws, &[ROLE, "--doc", "interview-guide"]);
    assert!(!builtin.contains("Spare, for"), "{builtin}");
}
