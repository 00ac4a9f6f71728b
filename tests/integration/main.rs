//! Integration tests, as one test binary (faster to build and link than one
//! binary per file).

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
mod import;
mod importers;
mod injection;
mod output;
mod reports;
mod shared;
mod store;
mod trace;
mod unicode_props;
mod ux;
