//! The money reader, by table: a document's text in; the pay it states and
//! its open-ended figures out. Cases marked "issue" are the misreadings
//! found on real ads (see the lint issue, "Lint that holds on real job
//! ads").

use super::*;

type Bounds = Option<(Option<f64>, Option<f64>)>;

fn read(text: &str) -> (Bounds, Vec<String>) {
    let prose = Prose::from_file("ad.md", text.to_string());
    let (pay, open) = pay_in_text(&prose);
    (
        pay.map(|p| (p.pay.min, p.pay.max)),
        open.iter()
            .map(|p| prose.text[p.range.clone()].to_string())
            .collect(),
    )
}

fn range(min: f64, max: f64) -> Bounds {
    Some((Some(min), Some(max)))
}

#[test]
fn ranges_in_the_ways_ads_write_them() {
    let cases: [(&str, Bounds); 19] = [
        ("Pay: $18.50 - $22 an hour", range(18.5, 22.0)),
        (
            "between $45,000 and $55,000 a year",
            range(45000.0, 55000.0),
        ),
        ("Salary: $50k to 60k", range(50000.0, 60000.0)),
        ("$18.00 - $22.00 per hour", range(18.0, 22.0)),
        ("Salary range $55K-$65K", range(55000.0, 65000.0)),
        ("$50-60k a year", range(50000.0, 60000.0)),
        ("We pay 18 to 22 dollars an hour.", range(18.0, 22.0)),
        ("$18/hr", range(18.0, 18.0)),
        ("Earn 20 dollars per hour", range(20.0, 20.0)),
        ("Starting pay $17.25/hr – $19.75/hr", range(17.25, 19.75)),
        ("Wage: $ 21 to $ 25 hourly", range(21.0, 25.0)),
        (
            "$62,000–$71,500 annually plus overtime",
            range(62000.0, 71500.0),
        ),
        ("Pay: $20 per hour to $25 per hour", range(20.0, 25.0)),
        ("$45,000 a year - $55,000 a year", range(45000.0, 55000.0)),
        ("Wage: $19 hourly to $23 hourly", range(19.0, 23.0)),
        ("Salary: 45,000 - 55,000", range(45000.0, 55000.0)),
        ("Pay range: 18-22/hr", range(18.0, 22.0)),
        ("We pay 21 to 24 an hour.", range(21.0, 24.0)),
        // A number after a period is no maximum.
        ("Pay: $20 an hour - 3 shifts a week", range(20.0, 20.0)),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), (want, Vec::new()), "{text}");
    }
}

#[test]
fn open_ended_figures_are_pay_and_flagged() {
    let cases: [(&str, Bounds, &str); 6] = [
        (
            "Earn up to $25 an hour",
            Some((None, Some(25.0))),
            "up to $25",
        ),
        ("$30+/hr", Some((Some(30.0), None)), "$30+"),
        (
            "Starting at $18 an hour",
            Some((Some(18.0), None)),
            "Starting at $18",
        ),
        (
            "Salary $70,000 and up",
            Some((Some(70000.0), None)),
            "$70,000 and up",
        ),
        // issue: "Pay: $0.00 per hour" was taken for a fixed pay.
        ("Pay: $0.00 per hour", Some((Some(0.0), None)), "$0.00"),
        (
            "Pay: $0 - $22 per hour",
            Some((Some(0.0), Some(22.0))),
            "$0 - $22",
        ),
    ];
    for (text, want, open) in cases {
        let (pay, opens) = read(text);
        assert_eq!(pay, want, "{text}");
        assert_eq!(opens, [open], "{text}");
    }
}

#[test]
fn revenue_funding_and_perks_are_not_pay() {
    // issue: "$2 billion in revenues" and "$3M in revenue" counted as pay.
    for text in [
        "We are a family business with $2 billion in revenues.",
        "The store did $3M in revenue last year.",
        "Backed by $40 million in funding from two investors.",
        "We raised $12,000,000 last spring.",
        "Wellness allowance of up to $400 a year.",
        "Up to $400 wellness allowance.",
        "A $1,500 sign-on bonus after 90 days.",
        "Tuition reimbursement up to $5,250 a year",
        "A $50 monthly phone stipend.",
        "Our average ticket price is $35.",
        "You will handle cash deposits of up to $5,000.",
        "Annual bonus of $2,000.",
        "The mean wage here is $43,690 a year.",
        "No pay given.",
        "Call 555-0100 between 9 and 5.",
        "Lift 50 pounds; 401(k) with a 4% match.",
        "Pay grade 12 - 14, step 3.",
        "Pay: 2 - 3 weeks of vacation.",
        "We have 40 - 60 employees and pay weekly.",
        "Salary: 3 - 5 years of experience.",
    ] {
        assert_eq!(read(text), (None, Vec::new()), "{text}");
    }
}

#[test]
fn perks_beside_a_range_do_not_warn() {
    // issue: "up to $400" for a wellness allowance raised an open-ended
    // warning next to a real range.
    let text = "## Pay and benefits\n\nPay: $19 - $23 per hour.\n\n- Wellness allowance: up to $400 a year\n- Up to $400 toward your gym\n- Up to $400 toward continuing education\n";
    assert_eq!(read(text), (range(19.0, 23.0), Vec::new()));
}

#[test]
fn an_average_hides_only_its_own_figure() {
    // issue: "average" anywhere in the paragraph hid the range.
    let cases: [(&str, Bounds); 5] = [
        (
            "The average cashier in Fresno earns $16.90 an hour. We pay $18 - $21 an hour.",
            range(18.0, 21.0),
        ),
        (
            "Median pay for the area is $38,000, and we pay $42,000-$46,000 a year.",
            range(42000.0, 46000.0),
        ),
        (
            "We pay $24 - $28 an hour, above the area's average of $22.",
            range(24.0, 28.0),
        ),
        (
            "Drivers make $1,400 a week on average; the base rate is $0.62 to $0.70 per mile.",
            range(0.62, 0.70),
        ),
        ("The 75th percentile wage is $31 an hour.", None),
    ];
    for (text, want) in cases {
        assert_eq!(read(text).0, want, "{text}");
    }
}

#[test]
fn ranges_are_found_anywhere_in_the_paragraph() {
    let text = "We are growing fast, with $3M in revenue and 40 stores, and this full-time role pays between $52,000 and $58,000 a year with benefits.";
    assert_eq!(read(text), (range(52000.0, 58000.0), Vec::new()));
}

#[test]
fn a_figure_with_nothing_to_tell_counts_by_its_heading() {
    assert_eq!(
        read("## Compensation\n\n$48,000 - $54,000\n").0,
        range(48000.0, 54000.0)
    );
    assert_eq!(read("## Perks\n\n- $500 for your home office\n").0, None);
    // With no heading, a bare range still counts when nothing clearer does.
    assert_eq!(read("$48,000 - $54,000\n").0, range(48000.0, 54000.0));
    // A clear pay figure wins over a bare one.
    assert_eq!(
        read("Bring $20 for parking on day one.\n\nPay is $17 an hour.\n").0,
        range(17.0, 17.0)
    );
}

#[test]
fn unpaired_numbers_are_not_ranges() {
    // "$500 and 401" is no range, and a smaller second number is no maximum.
    assert_eq!(read("Pay: $500 weekly and 401(k)").0, range(500.0, 500.0));
    assert_eq!(read("Pay: $25 - 3 shifts a week").0, range(25.0, 25.0));
}
