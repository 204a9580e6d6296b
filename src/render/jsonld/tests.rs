use serde_json::{Value, json};

use super::*;
use crate::model::Company;
use crate::model::pay::PayTable;

const ROLE_ID: &str = "customer-service-representative";

fn role() -> Role {
    let src = crate::builtin::role(ROLE_ID).unwrap();
    crate::load::role::parse("role.yaml", src.as_bytes(), ROLE_ID).unwrap()
}

fn table() -> PayTable {
    // The May 2023 table of the reference page (examples/may-2023).
    let src = include_str!("../../../examples/may-2023/pay/43-4051.csv");
    crate::load::pay::parse("pay.csv", src.as_bytes()).unwrap()
}

fn company() -> CompanyView {
    CompanyView::new(Some(Company {
        name: "Northwind".into(),
        website: "https://northwind.example".into(),
        logo: "https://northwind.example/logo.png".into(),
        ..Company::default()
    }))
}

fn denver() -> Location {
    Location {
        id: "den-1".into(),
        city: "Denver".into(),
        state: "CO".into(),
        state_name: "Colorado".into(),
        postal_code: "80202".into(),
        country: "US".into(),
        employment_type: "FULL_TIME".into(),
        pay_min: Some(19.5),
        pay_max: Some(23.0),
        pay_period: Some(PayPeriod::Hour),
        date_posted: "2026-11-24".into(),
        valid_through: "2026-12-31".into(),
        apply_url: "https://jobs.example.com/den-1".into(),
        ..Location::default()
    }
}

fn posting(company: &CompanyView, location: Option<&Location>) -> Value {
    let role = role();
    let table = table();
    let pay = crate::pay::resolve(location, Some(&table));
    let input = PostingInput {
        role: &role,
        company,
        location,
        pay: &pay,
        description: &description_html("# Title\n\nThe job.\n"),
        date_posted: None,
    };
    serde_json::to_value(job_posting(&input)).unwrap()
}

#[test]
fn a_row_with_an_offered_range_gets_every_property() {
    let p = posting(&company(), Some(&denver()));
    assert_eq!(p["@context"], "https://schema.org/");
    assert_eq!(p["@type"], "JobPosting");
    assert_eq!(p["title"], "Customer Service Representative");
    assert_eq!(p["description"], "<p>The job.</p>");
    assert_eq!(p["datePosted"], "2026-11-24");
    assert_eq!(p["validThrough"], "2026-12-31");
    assert_eq!(p["employmentType"], "FULL_TIME");
    assert_eq!(p["directApply"], true);
    assert_eq!(p["occupationalCategory"], "43-4051");
    assert_eq!(
        p["identifier"],
        json!({"@type": "PropertyValue", "name": "Northwind", "value": "customer-service-representative-den-1"})
    );
    assert_eq!(
        p["hiringOrganization"],
        json!({"@type": "Organization", "name": "Northwind",
               "sameAs": "https://northwind.example", "logo": "https://northwind.example/logo.png"})
    );
    assert_eq!(
        p["jobLocation"],
        json!({"@type": "Place", "address": {"@type": "PostalAddress",
               "addressLocality": "Denver", "addressRegion": "CO",
               "postalCode": "80202", "addressCountry": "US"}})
    );
    assert_eq!(
        p["baseSalary"],
        json!({"@type": "MonetaryAmount", "currency": "USD",
               "value": {"@type": "QuantitativeValue", "minValue": 19.5, "maxValue": 23.0, "unitText": "HOUR"}})
    );
    assert!(p.get("jobLocationType").is_none());
    // Beside an offer the page shows no market average, and neither does
    // its JobPosting.
    assert!(p.get("estimatedSalary").is_none(), "{p}");
}

#[test]
fn the_market_estimate_beside_an_offer_only_when_the_page_shows_it() {
    let l = denver();
    let table = table();
    let mut pay = crate::pay::resolve(Some(&l), Some(&table));
    // `pay.market_beside_offer: true` in hirekit.yaml.
    pay.show_market = true;
    let role = role();
    let input = PostingInput {
        role: &role,
        company: &company(),
        location: Some(&l),
        pay: &pay,
        description: &description_html("# Title\n\nThe job.\n"),
        date_posted: None,
    };
    let p = serde_json::to_value(job_posting(&input)).unwrap();
    // BLS figures for Colorado are an estimate, kept apart from the offer.
    let est = &p["estimatedSalary"];
    assert_eq!(est["@type"], "MonetaryAmount");
    assert_eq!(
        est["value"],
        json!({"@type": "QuantitativeValue", "value": 45720.0, "unitText": "YEAR"})
    );
    assert!(est["name"].as_str().unwrap().contains("Colorado"), "{est}");
    assert!(p.get("baseSalary").is_some());
}

#[test]
fn market_figures_never_become_base_salary() {
    let mut l = denver();
    (l.pay_min, l.pay_max, l.pay_period) = (None, None, None);
    let p = posting(&company(), Some(&l));
    assert!(p.get("baseSalary").is_none(), "{p}");
    assert!(p.get("estimatedSalary").is_some());
    // Nor with no location at all.
    let p = posting(&company(), None);
    assert!(p.get("baseSalary").is_none());
    assert!(p.get("jobLocation").is_none());
    assert!(p.get("datePosted").is_none());
    assert_eq!(p["identifier"]["value"], ROLE_ID);
}

#[test]
fn one_offered_figure_is_a_value_and_a_yearly_one_is_year() {
    let mut l = denver();
    (l.pay_min, l.pay_max, l.pay_period) = (Some(52000.0), Some(52000.0), Some(PayPeriod::Year));
    let p = posting(&company(), Some(&l));
    assert_eq!(
        p["baseSalary"]["value"],
        json!({"@type": "QuantitativeValue", "value": 52000.0, "unitText": "YEAR"})
    );
    l.pay_max = None;
    let p = posting(&company(), Some(&l));
    assert_eq!(p["baseSalary"]["value"]["minValue"], 52000.0);
    assert!(p["baseSalary"]["value"].get("maxValue").is_none());
}

#[test]
fn remote_rows_are_telecommute_with_a_country() {
    let mut l = denver();
    l.workplace = Workplace::Remote;
    let p = posting(&company(), Some(&l));
    assert_eq!(p["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        p["applicantLocationRequirements"],
        json!({"@type": "Country", "name": "US"})
    );
    assert!(p.get("jobLocation").is_none());
    // Hybrid work is not telecommuting.
    l.workplace = Workplace::Hybrid;
    let p = posting(&company(), Some(&l));
    assert!(p.get("jobLocationType").is_none());
    assert!(p.get("jobLocation").is_some());
}

#[test]
fn direct_apply_needs_the_rows_own_apply_url() {
    let mut l = denver();
    l.apply_url.clear();
    let mut c = company();
    c.profile.apply_url = "https://northwind.example/careers".into();
    let p = posting(&c, Some(&l));
    assert!(p.get("directApply").is_none(), "{p}");
}

#[test]
fn the_organization_is_the_rows_company_or_the_company_files() {
    let p = posting(&CompanyView::new(None), Some(&denver()));
    assert!(p.get("hiringOrganization").is_none());
    assert!(p["identifier"].get("name").is_none());
    let mut l = denver();
    l.company = "Client Co".into();
    let p = posting(&company(), Some(&l));
    assert_eq!(
        p["hiringOrganization"],
        json!({"@type": "Organization", "name": "Client Co"})
    );
}

#[test]
fn script_json_cannot_end_the_script_or_open_a_comment() {
    let mut l = denver();
    l.city = "</script><script>alert(1)</script> <!-- \u{2028}\u{2029} & >".into();
    let role = role();
    let company = company();
    let pay = crate::pay::resolve(Some(&l), None);
    let posting = job_posting(&PostingInput {
        role: &role,
        company: &company,
        location: Some(&l),
        pay: &pay,
        description: &description_html("# T\n\nx\n"),
        date_posted: None,
    });
    let json = to_script_json(&posting).unwrap();
    // Escaped as written: the same as escaping the pretty JSON afterwards.
    assert_eq!(
        json,
        script_safe(&serde_json::to_string_pretty(&posting).unwrap())
    );
    for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!json.contains(bad), "{bad:?} in {json}");
    }
    let back: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["jobLocation"]["address"]["addressLocality"], l.city);
}

#[test]
fn script_safe_escapes_exactly_what_it_should() {
    let cases = [
        ("", ""),
        ("plain", "plain"),
        ("a<b>c&d", "a\\u003cb\\u003ec\\u0026d"),
        ("\u{2028}x\u{2029}", "\\u2028x\\u2029"),
        // Other characters that start with E2 80 stay as they are.
        (
            "\u{2013} \u{2027} \u{202a} é 😀<",
            "\u{2013} \u{2027} \u{202a} é 😀\\u003c",
        ),
        ("<<&&>>", "\\u003c\\u003c\\u0026\\u0026\\u003e\\u003e"),
        ("tail\u{2028}", "tail\\u2028"),
    ];
    for (input, want) in cases {
        assert_eq!(script_safe(input), want, "{input:?}");
    }
}

#[test]
fn description_keeps_only_the_tags_google_reads() {
    let md = "# Title – Denver, CO\n\n\
              - **Location:** Denver\n- *Type:* full time\n\n\
              ## About <Us>\n\n\
              We [answer](https://e.com) `calls` & ~~more~~.  \nNext line\nsoft.\n\n\
              1. one\n2. two\n\n\
              - loose\n\n  second para\n\n- nested\n  - inner\n\n\
              | a | b |\n|---|---|\n| 1 | 2 |\n\n\
              > quoted\n\n\
              ```\ncode <x>\nline 2\n```\n\n\
              <div>raw</div>\n\n\
              ![alt text](https://e.com/i.png)\n\n---\n";
    let html = description_html(md);
    assert_eq!(
        html,
        "<ul><li><strong>Location:</strong> Denver</li><li>Type: full time</li></ul>\
         <p><strong>About &lt;Us&gt;</strong></p>\
         <p>We answer calls &amp; more.<br>Next line soft.</p>\
         <ul><li>one</li><li>two</li></ul>\
         <ul><li>loose<br>second para</li><li>nested<ul><li>inner</li></ul></li></ul>\
         <p>a; b</p><p>1; 2</p>\
         <p>quoted</p>\
         <p>code &lt;x&gt;<br>line 2</p>\
         <p>&lt;div&gt;raw&lt;/div&gt;</p>\
         <p>alt text</p>"
    );
}
