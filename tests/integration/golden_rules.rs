//! The 52 English "Golden Rules" of pragmatic_segmenter, run through the
//! segmenter as the pipeline would feed it: whitespace collapsed first (the
//! normalizer's job), then `segment::split`.
//!
//! Two rules cannot pass here: #18 (a.m./P.M. before "Mr.", which no
//! segmenter handles) and #42 (a newline as a boundary, which contradicts
//! #40 and #41 once newlines are collapsed). So 50 is the floor.

use serde::Deserialize;

use crate::shared::shared_dir;

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

#[test]
fn golden_rules() {
    let Some(shared) = shared_dir() else { return };
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
