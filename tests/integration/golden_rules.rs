//! The 52 English "Golden Rules" of pragmatic_segmenter, run through the
//! segmenter as the pipeline would feed it: whitespace collapsed first (the
//! normalizer's job), then `segment::split`.
//!
//! Two rules cannot pass here: #18 (a.m./P.M. before "Mr.", which no
//! segmenter handles) and #42 (a newline as a boundary, which contradicts
//! #40 and #41 once newlines are collapsed). So 50 is the floor.
//!
//! Two checks on the real corpus sit beside them: the seed communiqué's
//! first paragraph, and sanity of every paragraph of every statement.

use serde::Deserialize;

use crate::support::harness::{corpus_file, corpus_texts, shared_dir};

#[derive(Deserialize)]
struct Rule {
    id: u32,
    name: String,
    input: String,
    expected: Vec<String>,
}

/// What the normalizer does upstream: whitespace runs become one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn golden_rules() {
    let shared = shared_dir();
    let path = shared.join("eval/segmentation/golden_rules_en.json");
    let json = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let rules: Vec<Rule> = serde_json::from_str(&json).expect("golden rules parse");
    assert_eq!(rules.len(), 52);

    let mut passed = 0;
    for rule in &rules {
        let input = collapse(&rule.input);
        let got = communique::segment::split(&input);
        if got == rule.expected {
            passed += 1;
        } else {
            println!(
                "FAIL #{} {}\n  got:      {:?}\n  expected: {:?}",
                rule.id, rule.name, got, rule.expected
            );
        }
    }
    println!("golden rules: {passed}/52 passed");
    assert!(passed >= 50, "golden rules: only {passed}/52 passed");
}

/// Paragraphs as the normalizer hands them over: blank-line-separated
/// blocks, whitespace collapsed.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect()
}

fn seed_communique_first_paragraph() {
    let path = corpus_file("d-isis-small-group/2021-03-30-joint-communique-raw.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let paragraphs = paragraphs(&text);
    let first = paragraphs
        .iter()
        .find(|p| p.starts_with("At the invitation"))
        .expect("the communiqué's first body paragraph");
    let sentences = communique::segment::split(first);
    assert_eq!(sentences.len(), 5, "{sentences:#?}");
    assert!(sentences[0].contains("U.S. Secretary of State Antony J. Blinken,"));
    assert!(sentences[3].contains("statement of June 4, 2020, committed"));
}

fn corpus_segments_cleanly() {
    let files = corpus_texts();
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for paragraph in paragraphs(&text) {
            let sentences = communique::segment::split(&paragraph);
            assert!(!sentences.is_empty(), "{}: {paragraph}", path.display());
            for s in &sentences {
                assert!(!s.is_empty() && s.trim() == *s, "{}: {s:?}", path.display());
                // No sentence starts on a bare closing parenthesis or on the
                // remains of an abbreviation split off its word.
                assert!(
                    !s.starts_with([')', ']', ',', ';']),
                    "{}: {s:?}",
                    path.display()
                );
            }
            // Lossless: between and around the sentences only spaces remain
            // (none at all where the source glued two sentences: "2027.We").
            let mut end = 0;
            for s in &sentences {
                let at = s.as_ptr() as usize - paragraph.as_ptr() as usize;
                assert!(
                    paragraph[end..at].trim().is_empty(),
                    "{}: text lost before {s:?}",
                    path.display()
                );
                end = at + s.len();
            }
            assert_eq!(
                end,
                paragraph.len(),
                "{}: text lost at the end",
                path.display()
            );
        }
    }
}

crate::tests![
    golden_rules[Shared],
    seed_communique_first_paragraph[Shared],
    corpus_segments_cleanly[Shared],
];
