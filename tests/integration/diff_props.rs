//! Properties of the diff over generated statements: a statement against
//! itself is all `same`; swapping the inputs swaps added/removed and
//! split/merged; the JSON report rebuilds both documents; nothing panics on
//! arbitrary input.

use communique::diff::{ChangeKind, Diff};
use communique::import::import;
use communique::report;
use communique::statement::{Meta, Paragraph, Sentence, Statement};
use communique::{Options, compare};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "Ministers",
    "Coalition",
    "reaffirmed",
    "commitment",
    "to",
    "support",
    "Iraq",
    "Syria",
    "and",
    "of",
    "in",
    "Daesh/ISIS",
    "will",
    "continue",
    "calls",
    "upon",
    "all",
    "States",
    "Treaty",
    "2021",
    "93",
    "urges",
    "welcomes",
    "decides",
    "humanitarian",
    "law",
    "as",
    "appropriate",
    "their",
    "our",
    "we",
    "they",
    "security",
    "stabilization",
    "efforts",
];

fn sentence() -> impl Strategy<Value = Sentence> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 2..14),
        prop::option::weighted(0.2, 1u32..20),
    )
        .prop_map(|(words, label)| Sentence {
            label: label.map(|n| format!("{n}.")),
            text: format!("{}.", words.join(" ")),
        })
}

/// A statement whose sentences are distinct, as in real statements: each
/// carries a tag word of its own. With verbatim repeats, which of several
/// identical sentences anchors is a tie that an exact diff breaks by
/// position, so the mirror alignment may pair other copies (a limitation
/// documented in docs/tricky-cases.md).
fn statement() -> impl Strategy<Value = Statement> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..6).prop_map(|ps| {
        let mut n = 0;
        Statement {
            meta: Meta::default(),
            paragraphs: ps
                .into_iter()
                .map(|mut sentences| {
                    for s in &mut sentences {
                        n += 1;
                        s.text = format!("{} tag{n}.", s.text.trim_end_matches('.'));
                    }
                    Paragraph { sentences }
                })
                .collect(),
        }
    })
}

/// A statement and a revision of it: sentences dropped, added, reworded,
/// moved, split and merged at random.
fn revised_pair() -> impl Strategy<Value = (Statement, Statement)> {
    (
        statement(),
        prop::collection::vec((0u8..7, any::<prop::sample::Index>(), sentence()), 0..8),
    )
        .prop_map(|(old, edits)| {
            let mut flat: Vec<Sentence> = old
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.clone())
                .collect();
            for (k, (op, at, mut fresh)) in edits.into_iter().enumerate() {
                fresh.text = format!("{} fresh{k}.", fresh.text.trim_end_matches('.'));
                if flat.is_empty() {
                    flat.push(fresh);
                    continue;
                }
                let i = at.index(flat.len());
                match op {
                    0 => drop(flat.remove(i)),
                    1 => flat.insert(i, fresh),
                    2 => {
                        flat[i].text =
                            format!("{} {}", fresh.text.trim_end_matches('.'), flat[i].text)
                    }
                    3 => {
                        let s = flat.remove(i);
                        flat.push(s);
                    }
                    4 => {
                        let text = flat[i].text.trim_end_matches('.').to_owned();
                        let words: Vec<&str> = text.split(' ').collect();
                        if words.len() >= 4 {
                            let (a, b) = words.split_at(words.len() / 2);
                            flat[i].text = format!("{}.", a.join(" "));
                            flat.insert(
                                i + 1,
                                Sentence {
                                    label: None,
                                    text: format!("{}.", b.join(" ")),
                                },
                            );
                        }
                    }
                    5 if i + 1 < flat.len() => {
                        let next = flat.remove(i + 1);
                        let text = flat[i].text.trim_end_matches('.').to_owned();
                        flat[i].text = format!("{text}, and {}", next.text);
                    }
                    _ => flat[i].text = flat[i].text.to_uppercase(),
                }
            }
            let new = Statement {
                meta: Meta::default(),
                paragraphs: flat
                    .chunks(3)
                    .map(|c| Paragraph {
                        sentences: c.to_vec(),
                    })
                    .collect(),
            };
            (old, new)
        })
}

pub(crate) fn diff(a: &Statement, b: &Statement) -> Diff {
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
/// diffs them and writes every report: nothing may panic. Shared with
/// `unicode_props`.
pub(crate) fn diff_and_report(a: &str, b: &str) {
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
/// same entries otherwise. Shared with `unicode_props`.
pub(crate) fn check_symmetric(a: &Statement, b: &Statement) -> Result<(), TestCaseError> {
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
/// paragraphs included. Shared with `unicode_props`.
pub(crate) fn check_json_rebuilds(a: &Statement, b: &Statement) -> Result<(), TestCaseError> {
    let mut out = Vec::new();
    report::json::write(&mut out, &diff(a, b), &report::ReportOptions::default())
        .expect("writes to a Vec");
    let json: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    prop_assert_eq!(rebuild(&json, "old"), sentences_of(a));
    prop_assert_eq!(rebuild(&json, "new"), sentences_of(b));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    fn a_statement_against_itself_is_all_same(a in statement()) {
        let d = diff(&a, &a);
        prop_assert!(d.changes.iter().all(|c| c.kind == ChangeKind::Same && c.editorial.is_empty()));
        prop_assert_eq!(d.changes.len(), a.sentence_count());
        prop_assert!(!d.has_changes());
    }

    fn swapping_the_inputs_swaps_the_kinds((a, b) in revised_pair()) {
        check_symmetric(&a, &b)?;
    }

    fn every_sentence_lands_in_exactly_one_entry((a, b) in revised_pair()) {
        let d = diff(&a, &b);
        let olds: usize = d.changes.iter().map(|c| c.old.len()).sum();
        let news: usize = d.changes.iter().map(|c| c.new.len()).sum();
        prop_assert_eq!(olds, a.sentence_count());
        prop_assert_eq!(news, b.sentence_count());
    }

    fn the_json_report_rebuilds_both_documents((a, b) in revised_pair()) {
        check_json_rebuilds(&a, &b)?;
    }

    fn no_panic_on_arbitrary_text(a in "\\PC{0,300}", b in "(\\PC|\n){0,300}") {
        diff_and_report(&a, &b);
    }
}

crate::tests![
    a_statement_against_itself_is_all_same,
    swapping_the_inputs_swaps_the_kinds,
    every_sentence_lands_in_exactly_one_entry,
    the_json_report_rebuilds_both_documents,
    no_panic_on_arbitrary_text,
];
