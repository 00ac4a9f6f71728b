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
mod fuzz_regressions;
mod git_setup;
mod golden_rules;
mod html;
mod import_formats;
mod import_text;
mod injection;
mod reports;
mod store;
mod trace;
mod unicode_props;
mod ux;

fn main() {
    support::harness::run(&[
        check::TESTS,
        cli::TESTS,
        commitments::TESTS,
        commitments_scores::TESTS,
        crash::TESTS,
        diff_labels::TESTS,
        diff_props::TESTS,
        fuzz_regressions::TESTS,
        git_setup::TESTS,
        golden_rules::TESTS,
        html::TESTS,
        import_formats::TESTS,
        import_text::TESTS,
        injection::TESTS,
        reports::TESTS,
        store::TESTS,
        trace::TESTS,
        unicode_props::TESTS,
        ux::TESTS,
    ]);
}
