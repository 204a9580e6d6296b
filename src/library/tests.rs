//! Tests of the library's public API on the embedded data (real codes).

use super::*;

use super::pay::AreaKind;
use crate::model::pay::PayTable;

#[test]
fn codes_in_every_form_find_their_occupation() {
    for (input, expected) in [
        ("43-4051", Some("43-4051.00")),
        ("434051", Some("43-4051.00")),
        (" 43-4051.00 ", Some("43-4051.00")),
        ("35-3023", Some("35-3023.00")),
        ("35-3023.01", Some("35-3023.01")),
        // No `.00` with tasks: the first O*NET code of the SOC code.
        ("11-9179", Some("11-9179.01")),
        ("35-3023.77", None),
        ("99-9999", None),
        ("43-405", None),
        ("43-4051.0", None),
        ("cashier", None),
        ("", None),
    ] {
        assert_eq!(entry(input).map(|e| e.code.as_str()), expected, "{input:?}");
    }
}

#[test]
fn customer_service_representatives_decode_in_full() {
    let o = occupation("43-4051").unwrap();
    assert_eq!(o.code, "43-4051.00");
    assert_eq!(o.soc, "43-4051");
    assert_eq!(o.title, "Customer Service Representatives");
    assert!(
        o.description.starts_with("Interact with customers"),
        "{}",
        o.description
    );
    assert_eq!(o.job_zone, Some(2));
    assert!(o.tasks.len() >= 10 && o.tasks[0].core);
    assert!(
        o.alternate_titles
            .iter()
            .any(|t| t == "Call Center Representative")
    );
    assert_eq!(
        o.reported_titles[1],
        "Customer Service Representative (CSR)"
    );
    for list in [&o.education, &o.experience, &o.training] {
        assert!(!list.is_empty());
        assert!(list.windows(2).all(|w| w[0].category < w[1].category));
    }
    assert_eq!(o.skills.len(), 35);
    assert!(
        o.skills
            .windows(2)
            .all(|w| w[0].importance >= w[1].importance)
    );
    assert!(
        o.skills
            .iter()
            .any(|s| s.name == "Active Listening" && s.level.is_some())
    );
    assert_eq!(o.knowledge.len(), 33);
    assert_eq!(o.work_styles.len(), 16);
    assert!(o.work_styles.iter().all(|w| w.level.is_none()));
    assert!(o.technologies.iter().any(|t| t.name == "Microsoft Excel"));
    assert!(!o.related.is_empty());
}

#[test]
fn tasks_come_core_first_then_by_share_reporting() {
    let o = occupation("29-1141").unwrap();
    let core_then_rest = o.tasks.iter().skip_while(|t| t.core).all(|t| !t.core);
    assert!(core_then_rest);
    let core: Vec<f32> = o
        .tasks
        .iter()
        .filter(|t| t.core)
        .filter_map(|t| t.incumbents)
        .collect();
    assert!(core.windows(2).all(|w| w[0] >= w[1]), "{core:?}");
}

#[test]
fn the_list_is_sorted_unique_and_every_record_decodes() {
    let all = occupations();
    assert!((900..1000).contains(&all.len()), "{}", all.len());
    assert!(all.windows(2).all(|w| w[0].code < w[1].code));
    let socs: std::collections::BTreeSet<&str> = all.iter().map(|e| e.soc.as_str()).collect();
    assert!((780..820).contains(&socs.len()), "{}", socs.len());
    for e in all {
        let o = occupation(&e.code).unwrap_or_else(|| panic!("{} does not decode", e.code));
        assert_eq!(
            (o.code.as_str(), o.title.as_str()),
            (e.code.as_str(), e.title.as_str())
        );
        assert!(!o.tasks.is_empty(), "{}", e.code);
    }
    assert_eq!(onet_release(), "O*NET 29.3");
}

#[test]
fn variants_list_the_codes_of_one_soc() {
    let codes = |soc: &str| {
        variants(soc)
            .iter()
            .map(|e| e.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("35-3023"), ["35-3023.00", "35-3023.01"]);
    assert_eq!(codes("353023"), ["35-3023.00", "35-3023.01"]);
    assert_eq!(codes("43-4051"), ["43-4051.00"]);
    assert!(codes("99-9999").is_empty());
    assert!(codes("nonsense").is_empty());
}

fn figure(w: Wage) -> f64 {
    w.value().unwrap()
}

#[test]
fn pay_spot_checks_match_the_source() {
    let p = pay("43-4051").unwrap();
    assert_eq!(
        (p.figures_code.as_str(), p.broader.as_deref()),
        ("43-4051", None)
    );
    assert_eq!(p.survey, "May 2025");
    let cases = [
        (p.national().unwrap(), "U.S.", 22.40, 46590.0),
        (p.state("MI").unwrap(), "Michigan", 22.05, 45870.0),
        (
            p.area("19820").unwrap(),
            "Detroit-Warren-Dearborn, MI",
            22.29,
            46370.0,
        ),
    ];
    for (row, title, hourly, annual) in cases {
        assert_eq!(row.area.title, title);
        assert_eq!(figure(row.hourly.mean), hourly, "{title}");
        assert_eq!(figure(row.annual.mean), annual, "{title}");
    }
    let us = p.national().unwrap();
    assert_eq!(us.employment, Some(2_595_750));
    assert_eq!(
        [
            us.hourly.p10,
            us.hourly.p25,
            us.hourly.median,
            us.hourly.p75,
            us.hourly.p90
        ]
        .map(figure),
        [15.27, 17.72, 21.53, 24.89, 30.57]
    );
    assert_eq!(
        [
            us.annual.p10,
            us.annual.p25,
            us.annual.median,
            us.annual.p75,
            us.annual.p90
        ]
        .map(figure),
        [31750.0, 36870.0, 44770.0, 51780.0, 63590.0]
    );
    let kinds: Vec<AreaKind> = p.rows.iter().map(|r| r.area.kind).collect();
    assert!(kinds.contains(&AreaKind::Metro) && kinds.contains(&AreaKind::Nonmetro));
    assert!(
        p.local()
            .all(|r| matches!(r.area.kind, AreaKind::Metro | AreaKind::Nonmetro))
    );
}

#[test]
fn codes_without_their_own_row_use_the_broader_code_and_say_so() {
    for (soc, figures, note) in [
        (
            "51-2092",
            "51-2090",
            Some("figures for 51-2090 Miscellaneous Assemblers and Fabricators"),
        ),
        (
            "51-2092.00",
            "51-2090",
            Some("figures for 51-2090 Miscellaneous Assemblers and Fabricators"),
        ),
        ("51-2090", "51-2090", None),
        ("41-2011", "41-2011", None),
    ] {
        let p = pay(soc).unwrap();
        assert_eq!(p.figures_code, figures, "{soc}");
        assert_eq!(p.broader.as_deref(), note, "{soc}");
    }
    assert!(pay("99-9999").is_none());
    assert!(pay("nonsense").is_none());
}

#[test]
fn top_coded_annual_only_and_hourly_only_stay_distinct() {
    // Oral and maxillofacial surgeons in Alabama: every wage top-coded.
    let surgeons = pay("29-1022").unwrap();
    let al = surgeons.state("AL").unwrap();
    assert_eq!(
        (al.hourly.mean, al.annual.p90),
        (Wage::TopCoded, Wage::TopCoded)
    );
    assert_eq!(al.employment, Some(130));
    let row = al.to_pay_row("29-1022", "May 2025");
    assert!(row.top_coded.contains("annual_p90"), "{}", row.top_coded);
    assert_eq!((row.annual_p90, row.hourly_mean), (None, None));
    // Teachers: annual only; actors: hourly only.
    let teachers = pay("25-2021").unwrap();
    let t = teachers.national().unwrap();
    assert!(t.annual_only && !t.hourly_only);
    assert_eq!(t.hourly.mean, Wage::Missing);
    assert!(t.annual.mean.value().is_some());
    let actors = pay("27-2011").unwrap();
    let a = actors.national().unwrap();
    assert!(a.hourly_only && !a.annual_only);
    assert_eq!(a.annual.mean, Wage::Missing);
}

#[test]
fn national_and_state_rows_convert_to_a_pay_table() {
    let table: PayTable = pay("43-4051").unwrap().to_pay_table();
    assert_eq!(table.soc, "43-4051");
    assert_eq!(table.survey, "May 2025");
    let us = table.national().unwrap();
    assert_eq!(
        (us.hourly_mean, us.annual_mean),
        (Some(22.40), Some(46590.0))
    );
    let mi = table.area("MI").unwrap();
    assert_eq!(
        (mi.area_name.as_str(), mi.annual_mean),
        ("Michigan", Some(45870.0))
    );
    assert!(table.area("GU").is_some() || table.area("PR").is_some());
    // 50 states, DC, territories and the nation; no metro rows.
    assert!(
        (52..=56).contains(&table.rows.len()),
        "{}",
        table.rows.len()
    );
    assert!(table.rows.iter().all(|r| r.area.len() == 2));
}

#[test]
fn damaged_records_decode_to_none_never_a_panic() {
    let e = entry("43-4051").unwrap();
    let o = occupation("43-4051").unwrap();
    // Re-encode the record and try every truncation and some bit flips.
    let mut vocab = record::Vocab::default();
    let bytes = record::encode(&o, &mut vocab);
    let words = vocab.list.clone();
    assert_eq!(record::decode(&e.code, &e.title, &bytes, &words), Some(o));
    for cut in (0..bytes.len()).step_by(7) {
        assert_eq!(
            record::decode(&e.code, &e.title, &bytes[..cut], &words),
            None,
            "{cut}"
        );
    }
    let mut seed = 0x2545_f491u32;
    for _ in 0..200 {
        let mut bad = bytes.clone();
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let at = seed as usize % bad.len();
        bad[at] ^= (seed >> 24) as u8 | 1;
        let _ = record::decode(&e.code, &e.title, &bad, &words);
    }
    // A record that names a word the vocabulary lacks.
    assert_eq!(record::decode(&e.code, &e.title, &bytes, &[]), None);
}

#[test]
fn a_place_takes_its_metro_area_else_its_state_else_the_nation() {
    let p = pay("43-4051").unwrap();
    for (city, state, area, mean) in [
        ("Detroit", "MI", "19820", 22.29),
        ("Royal Oak", "MI", "26", 22.05),
        ("Royal Oak", "Michigan", "26", 22.05),
        ("Anywhere", "ZZ", "99", 22.40),
        ("", "", "99", 22.40),
    ] {
        let row = p.for_place(city, state).unwrap();
        assert_eq!(row.area.code, area, "{city}, {state}");
        assert_eq!(row.hourly.mean, Wage::Value(mean), "{city}, {state}");
    }
}
