//! Docs and help that cannot drift (issue 17): every command README.md and
//! docs/*.md show with their output is run and its output compared
//! (`steps`, `run`), and every command's `--help` and `-h` is rendered at 80
//! and 200 columns with each example line intact (`help`).
//!
//! Its tests are made at run time (one or two per document) and run by the
//! harness every test binary shares (`tests/support/harness.rs`): a test
//! that needs `../shared` is reported **ignored** where it is absent, and
//! fails under `CI=true`.
//!
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the output pasted in the
//! docs after a deliberate change; review the diff.

#[path = "../support/mod.rs"]
mod support;

mod help;
mod run;
mod steps;

use support::Need;
use support::harness::{Case, run_cases, shared_dir};

/// A case whose body reports what went wrong as a `Result`.
fn case(
    name: String,
    needs: &'static [Need],
    body: impl Fn() -> Result<(), String> + Send + Sync + 'static,
) -> Case {
    Case {
        name,
        needs,
        run: Box::new(move || {
            if let Err(why) = body() {
                panic!("{why}");
            }
        }),
    }
}

/// The help tests, then for every document of [`run::RUN`] one test on a
/// bare clone and, when it has `needs-shared` blocks, one with `../shared`.
fn cases() -> Vec<Case> {
    let mut cases = vec![
        case(
            "help::every_example_stays_on_its_own_line_at_80_and_200_columns".into(),
            &[],
            help::examples_stay_whole,
        ),
        case(
            "help::no_command_prints_a_short_usage_and_exits_2".into(),
            &[],
            help::no_command_is_a_usage_error,
        ),
        case(
            "docs::no_command_with_output_outside_a_console_block".into(),
            &[],
            run::no_transcript_outside_console_blocks,
        ),
    ];
    for &doc in run::RUN {
        cases.push(case(
            format!("docs::{doc}::on_a_bare_clone"),
            &[],
            move || run::document(doc, None),
        ));
        if run::needs_shared(doc) {
            cases.push(case(
                format!("docs::{doc}::with_shared"),
                &[Need::Shared],
                move || run::document(doc, Some(&shared_dir())),
            ));
        }
    }
    cases
}

fn main() {
    run_cases(cases())
}
