use super::*;
use crate::project::Project;

fn options(shard: Option<Shard>) -> Options {
    Options {
        locations: PathBuf::from("sites.csv"),
        out: PathBuf::from("out"),
        docs: vec!["job-post".to_string()],
        formats: vec![Format::Md, Format::Html],
        pattern: plan::DEFAULT_PATTERN.parse().unwrap(),
        jobs: 1,
        shard,
        keep_going: false,
        clean: false,
        dry_run: true,
        feed: false,
        base_url: None,
        force: false,
        date: crate::lint::Date::parse("2026-12-01").unwrap(),
        progress: false,
        list_files: false,
    }
}

fn role() -> RoleInput {
    let project = Project::builtin();
    let loaded = project.role("customer-service-representative").unwrap();
    project.role_input(loaded, None).unwrap()
}

const CSV: &str = "id,city,state\na,Detroit,MI\nb,Denver,CO\nc,Austin,TX\nA,Boston,MA\n";

#[test]
fn a_hashed_match_is_confirmed_by_an_exact_pass() {
    let engine = Engine::load(None).unwrap();
    let roles = [role()];
    let opts = options(None);
    let batch = Batch::new(&engine, &roles, &opts).unwrap();
    // `a` and `A` share a file on case-insensitive disks.
    let hashed = batch.check(CSV, false).unwrap();
    assert!(hashed.suspect);
    let exact = batch.check(CSV, true).unwrap();
    assert!(!exact.suspect);
    assert_eq!(exact.errors.len(), 1);
    assert_eq!(exact.errors[0].path, "sites.csv:5");
    assert!(
        exact.errors[0].message.contains("line 2"),
        "{}",
        exact.errors[0].message
    );
    assert_eq!(exact.ads, 3);

    let clean = "id,city,state\na,Detroit,MI\nb,Denver,CO\n";
    let hashed = batch.check(clean, false).unwrap();
    assert!(!hashed.suspect && hashed.errors.is_empty());
    assert_eq!(hashed.ads, 2);
    assert_eq!(hashed.first, Some(2));
}

#[test]
fn shards_split_the_plan() {
    let engine = Engine::load(None).unwrap();
    let roles = [role()];
    let text: String = std::iter::once("id,city,state\n".to_string())
        .chain((0..90).map(|i| format!("r{i},City {i},MI\n")))
        .collect();
    let mut total = 0;
    for i in 1..=3 {
        let opts = options(Some(Shard { index: i, count: 3 }));
        let batch = Batch::new(&engine, &roles, &opts).unwrap();
        assert_eq!(batch.manifest_name, format!("manifest-{i}-of-3.json"));
        let plan = batch.check(&text, true).unwrap();
        assert!(plan.ads > 0);
        total += plan.ads;
    }
    assert_eq!(total, 90);
}

#[test]
fn patterns_must_separate_what_the_batch_renders() {
    let engine = Engine::load(None).unwrap();
    let roles = [role()];
    let mut opts = options(None);
    opts.pattern = "{role}/{location}.{ext}".parse().unwrap();
    opts.docs.push("job-brief".to_string());
    let err = Batch::new(&engine, &roles, &opts)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("`{doc}`"), "{err}");
    opts.docs.truncate(1);
    opts.feed = true;
    opts.docs = vec!["job-brief".to_string()];
    let err = Batch::new(&engine, &roles, &opts)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("--doc job-post"), "{err}");
}

#[test]
fn summary_reads_as_a_sentence() {
    let mut o = Outcome {
        ads: 1,
        written: 1,
        seconds: 0.5,
        ..Outcome::default()
    };
    assert_eq!(
        o.summary(),
        "1 ad: 1 file written, 0 unchanged, 0 removed in 0.50 s (2 ads/s)"
    );
    o.dry_run = true;
    o.ads = 10;
    o.written = 20;
    o.removed = 3;
    assert_eq!(
        o.summary(),
        "dry run: 10 ads: 20 files would be written, 0 unchanged, 3 would be removed in 0.50 s (20 ads/s)"
    );
}
