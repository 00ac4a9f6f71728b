//! Integration tests, as one test binary (faster to build and link than one
//! binary per file), run by the harness of `tests/support/harness.rs`: each
//! file lists its tests with `crate::tests![…]` and what each needs, and a
//! test whose needs are absent is reported ignored.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod cli;
mod commitments;
mod commitments_scores;
mod crash;
mod diff_labels;
mod diff_props;
mod digest;
mod editorial;
mod fuzz_regressions;
mod git_setup;
mod golden_rules;
mod headings;
mod html;
mod import_formats;
mod import_text;
mod injection;
mod output;
mod paircache;
mod pairing_labels;
mod reports;
mod routine;
mod store;
mod trace;
mod unicode_props;
mod ux;

/// A `#[test]` function is compiled out of this binary (it has its own
/// harness), so it would never run: every test is listed in its file's
/// `crate::tests![…]` instead, where leaving one out is a dead-code error.
fn no_integration_test_uses_the_test_attribute() {
    let folder = support::repo().join("tests/integration");
    for entry in std::fs::read_dir(&folder).expect("tests/integration") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a test file");
        assert!(
            !text.lines().any(|l| l.trim() == "#[test]"),
            "{}: list the test in `crate::tests![…]` instead of #[test]",
            path.display()
        );
    }
}

crate::tests![no_integration_test_uses_the_test_attribute];

fn main() {
    support::harness::run(&[
        TESTS,
        check::TESTS,
        cli::TESTS,
        commitments::TESTS,
        commitments_scores::TESTS,
        crash::TESTS,
        digest::TESTS,
        diff_labels::TESTS,
        diff_props::TESTS,
        editorial::TESTS,
        fuzz_regressions::TESTS,
        git_setup::TESTS,
        golden_rules::TESTS,
        headings::TESTS,
        html::TESTS,
        import_formats::TESTS,
        import_text::TESTS,
        injection::TESTS,
        output::TESTS,
        paircache::TESTS,
        pairing_labels::TESTS,
        reports::TESTS,
        routine::TESTS,
        store::TESTS,
        trace::TESTS,
        unicode_props::TESTS,
        ux::TESTS,
    ]);
}
