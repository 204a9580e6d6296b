//! Pay-transparency rules, by table: location, date, offered pay and
//! company size in; rule ids and severities out.

use super::*;
use crate::lint::LintSettings;
use crate::lint::Prose;
use crate::lint::{CompanyFile, Data, Site};
use crate::model::{Company, Location};

struct Case {
    location: &'static str,
    date: &'static str,
    offered: Option<(Option<f64>, Option<f64>)>,
    employees: Option<u64>,
    benefits: bool,
    valid_through: &'static str,
}

impl Case {
    fn new(location: &'static str, date: &'static str) -> Case {
        Case {
            location,
            date,
            offered: None,
            employees: None,
            benefits: true,
            valid_through: "2030-01-01",
        }
    }
}

fn run(case: &Case) -> Vec<(&'static str, Severity)> {
    let data = Data::builtin().unwrap();
    let settings = LintSettings::default();
    let prose = Prose::from_markdown("post.md", "# Job\n\nAnswer calls.\n".into());
    let location = crate::load::location::parse_arg(case.location).unwrap();
    let site = Site {
        location: Location {
            date_posted: case.date.to_string(),
            valid_through: case.valid_through.to_string(),
            ..location
        },
        place: Place::file("sites.csv"),
        offered: case.offered.map(|(min, max)| OfferedPay { min, max }),
        pay_place: Place::file("sites.csv"),
        market_average: true,
    };
    let company = CompanyFile {
        company: Company {
            name: "Acme".into(),
            benefits: if case.benefits {
                vec!["Dental".into()]
            } else {
                Vec::new()
            },
            employees: case.employees,
            ..Company::default()
        },
        file: "company.yaml".into(),
        source: "name: Acme\n".into(),
    };
    let role =
        crate::load::role::parse("x.yaml", crate::builtin::ROLES[0].1.as_bytes(), "x").unwrap();
    let input = LintInput {
        prose: &prose,
        subject: Subject::Role {
            role: &role,
            file: "roles/x.yaml",
            source: "title: X\n",
            doc: crate::builtin::JOB_POST,
        },
        company: Some(&company),
        site: Some(&site),
        date: Date::parse("2020-01-01").unwrap(),
        settings: &settings,
        data: &data,
    };
    check(&input)
        .into_iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

#[test]
fn denver_without_a_range_is_an_error_and_with_one_is_clean() {
    let mut case = Case::new("Denver, CO", "2025-03-01");
    case.employees = Some(100);
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Error)]);
    case.offered = Some((Some(40_000.0), Some(50_000.0)));
    assert_eq!(run(&case), []);
}

#[test]
fn texas_has_no_law() {
    let case = Case::new("Austin, TX", "2025-03-01");
    assert_eq!(run(&case), []);
}

#[test]
fn laws_apply_from_their_effective_date() {
    let mut case = Case::new("Denver, CO", "2020-12-31");
    assert_eq!(run(&case), [(UPCOMING, Severity::Note)]);
    case.date = "2021-01-01";
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Error)]);
}

#[test]
fn employer_size_decides_or_is_noted() {
    let mut case = Case::new("Los Angeles, CA", "2024-05-01");
    case.employees = Some(10);
    assert_eq!(run(&case), [(EMPLOYER_SIZE, Severity::Note)]);
    case.employees = Some(15);
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Error)]);
    case.employees = None;
    assert_eq!(
        run(&case),
        [
            (MISSING_RANGE, Severity::Error),
            (EMPLOYER_SIZE, Severity::Note)
        ]
    );
}

#[test]
fn benefits_close_date_and_open_ranges() {
    let mut case = Case::new("Baltimore, MD", "2025-01-15");
    case.offered = Some((Some(18.0), Some(22.0)));
    case.benefits = false;
    assert_eq!(run(&case), [(MISSING_BENEFITS, Severity::Warning)]);
    let mut case = Case::new("Denver, CO", "2024-02-01");
    case.offered = Some((Some(18.0), None));
    case.valid_through = "";
    assert_eq!(
        run(&case),
        [
            (OPEN_ENDED, Severity::Warning),
            (MISSING_CLOSE_DATE, Severity::Warning)
        ]
    );
    case.offered = Some((Some(0.0), Some(22.0)));
    assert_eq!(run(&case)[0], (OPEN_ENDED, Severity::Warning));
}

#[test]
fn uncertain_and_not_yet_enforced_laws_warn() {
    let mut case = Case::new("Portland, ME", "2026-08-01");
    case.employees = Some(50);
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Warning)]);
    let mut case = Case::new("Columbus, OH", "2026-03-01");
    case.employees = Some(50);
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Warning)]);
    case.date = "2027-01-01";
    assert_eq!(run(&case), [(MISSING_RANGE, Severity::Error)]);
}

#[test]
fn city_laws_add_to_state_laws() {
    let mut case = Case::new("Brooklyn, NY", "2024-01-10");
    case.employees = Some(50);
    assert_eq!(
        run(&case),
        [
            (MISSING_RANGE, Severity::Error),
            (MISSING_RANGE, Severity::Error)
        ]
    );
}

#[test]
fn money_in_text() {
    type Bounds = Option<(Option<f64>, Option<f64>)>;
    let cases: [(&str, Bounds, usize); 9] = [
        (
            "Pay: $18.50 - $22 an hour",
            Some((Some(18.5), Some(22.0))),
            0,
        ),
        (
            "between $45,000 and $55,000 a year",
            Some((Some(45000.0), Some(55000.0))),
            0,
        ),
        ("$50k to 60k", Some((Some(50000.0), Some(60000.0))), 0),
        ("Earn up to $25 an hour", Some((None, Some(25.0))), 1),
        ("$30+/hr", Some((Some(30.0), None)), 1),
        ("Starting at $18 an hour", Some((Some(18.0), None)), 1),
        ("$20 an hour", Some((Some(20.0), Some(20.0))), 0),
        ("The mean wage here is $43,690 a year.", None, 0),
        ("No pay given.", None, 0),
    ];
    for (text, want, open) in cases {
        let prose = Prose::from_text("a.txt", text.to_string());
        let (pay, opens) = pay_in_text(&prose);
        assert_eq!(pay.map(|p| (p.pay.min, p.pay.max)), want, "{text}");
        assert_eq!(opens.len(), open, "{text}");
    }
}
