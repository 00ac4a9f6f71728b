//! Finer editorial differences (issue 19, item 4): punctuation alone and
//! British versus American spelling leave a sentence `same` (editorial
//! `punctuation`, `spelling`) unless `--count` names them; a change of case
//! is never a word replaced.

use serde_json::Value;

use crate::support::sandbox::run;

/// The JSON diff of two one-paragraph texts, with `extra` arguments, and
/// the exit code.
fn diff(old: &str, new: &str, extra: &[&str]) -> (i32, Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&a, old).expect("old");
    std::fs::write(&b, new).expect("new");
    let (a, b) = (a.to_string_lossy(), b.to_string_lossy());
    let mut args = vec!["diff", "--format", "json", a.as_ref(), b.as_ref()];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert!(code == 0 || code == 1, "{err}");
    (code, serde_json::from_str(&out).expect("JSON"))
}

const OLD: &str = "The Ministers recognised the centre's programme of defence cooperation.\n\n\
                   We, the Ministers met in Rome and agreed to act.\n";

fn punctuation_and_spelling_are_editorial_unless_counted() {
    let new = "The Ministers recognized the center's program of defense cooperation.\n\n\
               We, the Ministers, met in Rome and agreed to act.\n";
    let (code, json) = diff(OLD, new, &[]);
    assert_eq!(code, 0, "editorial differences only: {json}");
    let editorial = |j: &Value, i: usize| j["changes"][i]["editorial"].clone();
    assert_eq!(json["changes"][0]["kind"], "same");
    assert_eq!(editorial(&json, 0), serde_json::json!(["spelling"]));
    assert_eq!(json["changes"][1]["kind"], "same");
    assert_eq!(editorial(&json, 1), serde_json::json!(["punctuation"]));
    assert_eq!(json["summary"]["same"], 2);

    let (code, json) = diff(OLD, new, &["--count", "spelling,punctuation"]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["reworded"], 2, "{json}");
    assert_eq!(
        json["changes"][1]["edit_kinds"],
        serde_json::json!(["punctuation-changed"])
    );
    let (_, json) = diff(OLD, new, &["--count", "punctuation"]);
    assert_eq!(json["changes"][0]["kind"], "same");
    assert_eq!(json["changes"][1]["kind"], "reworded");
}

/// Punctuation beside a change of words is part of a rewording as before,
/// and a change of case is named as one, never as a word replaced.
fn case_and_punctuation_beside_real_changes() {
    let new = "The Ministers recognised the centre's programme of defence cooperation.\n\n\
               We, the Ministers, Met in Rome and Agreed to act swiftly.\n";
    let (_, json) = diff(OLD, new, &[]);
    let entry = &json["changes"][1];
    assert_eq!(entry["kind"], "reworded");
    assert_eq!(
        entry["edit_kinds"],
        serde_json::json!(["case-changed", "punctuation-changed", "words-inserted"])
    );
}

crate::tests![
    punctuation_and_spelling_are_editorial_unless_counted,
    case_and_punctuation_beside_real_changes,
];
