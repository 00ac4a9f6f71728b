//! Diff helpers more than one test file uses: a statement read from a
//! file, the diff of two statements under plain names, and the properties
//! every diff must have (checked by `diff_props` on generated statements
//! and by `unicode_props` on generated Unicode). Kept here so that no test
//! file borrows another's helpers.

use std::path::PathBuf;

use communique::diff::{ChangeKind, Diff};
use communique::import::import;
use communique::report;
use communique::statement::{Sentence, Statement};
use communique::{Options, compare};
use proptest::prelude::*;

/// The statement in the file at `path`, its format detected, named `name`.
pub fn load(path: &PathBuf, name: &str) -> Statement {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import(&bytes, None, name).unwrap_or_else(|e| panic!("{e}"))
}

/// [`load`], dated from the file's name when its text gives no date, as
/// `communique diff` and `import` date a plain file ("2024-10-30-…").
pub fn load_dated(path: &PathBuf, name: &str) -> Statement {
    let mut statement = load(path, name);
    if statement.meta.date.is_none() {
        statement.meta.date = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(communique::store::names::leading_date)
            .map(str::to_owned);
    }
    statement
}

/// The diff of `a` against `b`, named `a` and `b`.
pub fn diff(a: &Statement, b: &Statement) -> Diff {
    compare(a, b, &Options::named("a", "b"))
}

/// Rebuilds one side's sentences, in document order, from the JSON report.
fn rebuild(json: &serde_json::Value, side: &str) -> Vec<Vec<Sentence>> {
    let mut all: Vec<(u64, u64, Sentence)> = Vec::new();
    for c in json["changes"].as_array().into_iter().flatten() {
        for s in c[side].as_array().into_iter().flatten() {
            all.push((
                s["paragraph"].as_u64().unwrap_or(0),
                s["sentence"].as_u64().unwrap_or(0),
                Sentence {
                    label: s["label"].as_str().map(str::to_owned),
                    text: s["text"].as_str().unwrap_or_default().to_owned(),
                    heading: c["heading"].as_bool().unwrap_or(false),
                },
            ));
        }
    }
    all.sort_by_key(|(p, s, _)| (*p, *s));
    let mut paragraphs: Vec<Vec<Sentence>> = Vec::new();
    let mut last = 0;
    for (p, _, s) in all {
        if p != last {
            paragraphs.push(Vec::new());
            last = p;
        }
        if let Some(para) = paragraphs.last_mut() {
            para.push(s);
        }
    }
    paragraphs
}

fn sentences_of(st: &Statement) -> Vec<Vec<Sentence>> {
    st.paragraphs.iter().map(|p| p.sentences.clone()).collect()
}

/// Imports `a` and `b` (detecting their format) and, where both import,
/// diffs them and writes every report: nothing may panic.
pub fn diff_and_report(a: &str, b: &str) {
    if let (Ok(x), Ok(y)) = (
        import(a.as_bytes(), None, "a"),
        import(b.as_bytes(), None, "b"),
    ) {
        let d = diff(&x, &y);
        let mut sink = Vec::new();
        report::terminal::write(&mut sink, &d, &report::ReportOptions::default()).expect("writes");
        report::markdown::write(&mut sink, &d, &report::ReportOptions::default()).expect("writes");
        report::json::write(&mut sink, &d, &report::ReportOptions::default()).expect("writes");
    }
}

/// Swapping the inputs swaps the kinds (added/removed, split/merged); the
/// same entries otherwise.
pub fn check_symmetric(a: &Statement, b: &Statement) -> Result<(), TestCaseError> {
    let forward = diff(a, b).summary();
    let backward = diff(b, a).summary();
    for kind in ChangeKind::ALL {
        prop_assert_eq!(
            forward.get(kind),
            backward.get(kind.reversed()),
            "{:?}",
            kind
        );
    }
    Ok(())
}

/// The JSON report holds both documents, sentence by sentence, labels and
/// paragraphs included.
pub fn check_json_rebuilds(a: &Statement, b: &Statement) -> Result<(), TestCaseError> {
    let mut out = Vec::new();
    report::json::write(&mut out, &diff(a, b), &report::ReportOptions::default())
        .expect("writes to a Vec");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    prop_assert_eq!(rebuild(&json, "old"), sentences_of(a));
    prop_assert_eq!(rebuild(&json, "new"), sentences_of(b));
    Ok(())
}
