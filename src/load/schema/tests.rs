//! Unit tests of the schema walk.

use super::*;

fn problems(src: &str) -> Vec<Diagnostic> {
    let node: Node = crate::load::yaml::parse("r.yaml", src).unwrap();
    let walked = walk("r.yaml", src, &node, &ROLE);
    let mut all = walked.shape;
    all.extend(walked.folded);
    all
}

#[test]
fn the_builtin_profile_and_the_skeleton_have_no_problems() {
    for (id, src) in crate::builtin::ROLES {
        assert!(problems(src).is_empty(), "{id}: {:?}", problems(src));
    }
    let skeleton = include_str!("../../../data/skeleton/role.yaml")
        .replace("__ID__", "x")
        .replace("__TITLE__", "X")
        .replace("__TITLE_TEXT__", "X")
        .replace("__SOC_CODE__", "\"43-4051\"");
    assert!(problems(&skeleton).is_empty(), "{:?}", problems(&skeleton));
}

/// Every key of the built-in profile, as serde writes it back, is known
/// to the schema: the walk and the model agree on names.
#[test]
fn the_schema_knows_every_key_the_model_writes() {
    fn keys(v: &serde_json::Value, record: &Record, path: &str) {
        let serde_json::Value::Object(map) = v else {
            return;
        };
        for (k, v) in map {
            let field = record.fields.iter().find(|f| f.name == k);
            let field = field.unwrap_or_else(|| panic!("{path}.{k} unknown to the schema"));
            let mut ty = &field.ty;
            let mut value = v;
            while let (Ty::List(inner), serde_json::Value::Array(items)) = (ty, value) {
                ty = inner;
                match items.first() {
                    Some(first) => value = first,
                    None => break,
                }
            }
            match ty {
                Ty::Record(r) => keys(value, r, &format!("{path}.{k}")),
                Ty::Duties => {
                    if let serde_json::Value::Array(items) = value {
                        for item in items {
                            keys(item, &DUTY_GROUP, &format!("{path}.{k}"));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let (id, src) = crate::builtin::ROLES[0];
    let role = crate::load::role::parse("r.yaml", src.as_bytes(), id).unwrap();
    keys(&serde_json::to_value(&role).unwrap(), &ROLE, "role");
}

#[test]
fn every_misspelled_key_is_named_with_a_suggestion() {
    let src = "title: Cashier\nsumary: Sells.\ndutys:\n  - Count cash\nrequirments:\n  - Math\n";
    let found = problems(src);
    let seen: Vec<(usize, &str, &str)> = found
        .iter()
        .map(|d| (d.line, d.message.as_str(), d.help[0].as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                2,
                "unknown key `sumary` in a role profile",
                "did you mean `summary`?"
            ),
            (
                3,
                "unknown key `dutys` in a role profile",
                "did you mean `duties`?"
            ),
            (
                5,
                "unknown key `requirments` in a role profile",
                "did you mean `requirements`?"
            ),
        ]
    );
}

#[test]
fn missing_keys_and_wrong_kinds_are_all_reported() {
    let src = "title: [a, b]\nduties: Count cash\nmission: x\ninterview:\n  rating_scale:\n    - score: high\n      label: L\n";
    let found = problems(src);
    let messages: Vec<String> = found
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        messages,
        [
            "0:0 a role profile needs `summary`",
            "0:0 a role profile needs `requirements`",
            "1:8 `title` should be text, got a list",
            "2:9 `duties` should be a list, got text",
            "3:1 unknown key `mission` in a role profile",
            "6:7 a rating needs `description`",
            "6:14 `score` should be a whole number (0 or more), got text",
        ]
    );
    assert_eq!(found[4].help, ["`mission` goes under `brief:`"]);
}

#[test]
fn a_file_with_very_many_problems_reports_a_count_past_the_limit() {
    let src: String = (0..200).map(|i| format!("key{i}: x\n")).collect();
    let found = problems(&src);
    assert_eq!(found.len(), MAX_PROBLEMS + 1);
    assert!(
        found[MAX_PROBLEMS].message.starts_with("154 more problems"),
        "{}",
        found[MAX_PROBLEMS].message
    );
}

#[test]
fn empty_list_items_are_named() {
    let src = "title: T\nsummary: S\nduties:\n  - a\n  -\nrequirements:\n  - b\n  - ~\n";
    let found: Vec<(usize, String)> = problems(src)
        .into_iter()
        .map(|d| (d.line, d.message))
        .collect();
    assert_eq!(
        found,
        [
            (5, "an item of `duties` is empty".to_string()),
            (8, "an item of `requirements` is empty".to_string()),
        ]
    );
}

#[test]
fn keys_without_a_value_are_named() {
    let src = "title:\nsummary: S\nduties: [a]\nrequirements: [b]\nskills:\nbrief: ~\n";
    let found: Vec<(usize, String, String)> = problems(src)
        .into_iter()
        .map(|d| (d.line, d.message, d.help.join("")))
        .collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].1, "`title` has no value");
    assert_eq!(found[1].1, "`skills` has no value");
    assert!(found[1].2.contains("`- ` lines"));
    assert_eq!(found[2].0, 6);
}

#[test]
fn a_list_item_indented_too_far_is_named_as_indentation() {
    let src = "title: T\nsummary: S\nduties:\n  - Count cash\n    - Stock shelves\nrequirements: [Math]\n";
    let found = problems(src);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].line, found[0].column), (5, 5));
    assert!(found[0].message.contains("indented 2 spaces more"));
    assert!(found[0].help[0].contains("indentation mistake"));
    assert!(found[0].help[0].contains("column 3"));
    // Quoted and block text may hold such lines on purpose.
    let fine = "title: T\nsummary: >-\n  Intro\n  - not an item\nduties: [a]\nrequirements: [b]\n";
    assert!(problems(fine).is_empty());
}
