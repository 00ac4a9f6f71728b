//! Docs and help that cannot drift (issue 17): every command README.md and
//! docs/*.md show with their output is run and its output compared
//! (`steps`, `run`), and every command's `--help` and `-h` is rendered at 80
//! and 200 columns with each example line intact (`help`).
//!
//! This binary has its own harness (`harness = false`): a test that needs
//! `../shared` reports itself **ignored** where it is absent — libtest
//! cannot decide that at run time, and a test that returns early would
//! count as passed. Under `CI=true` its absence is a failure.
//!
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the output pasted in the
//! docs after a deliberate change; review the diff.

mod help;
mod run;
mod steps;

use std::path::{Path, PathBuf};

/// A test's body: given `../shared` when the test needs it, what went wrong.
type Body = Box<dyn Fn(Option<&Path>) -> Result<(), String>>;

/// One test: its name, whether it needs `../shared`, and its body (given
/// `../shared` when it needs it), which returns what went wrong.
struct Test {
    name: String,
    needs_shared: bool,
    body: Body,
}

impl Test {
    fn new(
        name: impl Into<String>,
        needs_shared: bool,
        body: impl Fn(Option<&Path>) -> Result<(), String> + 'static,
    ) -> Test {
        Test {
            name: name.into(),
            needs_shared,
            body: Box::new(body),
        }
    }
}

/// The help tests, then for every document of [`run::RUN`] one test on a
/// bare clone and, when it has `needs-shared` blocks, one with `../shared`.
fn tests() -> Vec<Test> {
    let mut tests = vec![
        Test::new(
            "help::every_example_stays_on_its_own_line_at_80_and_200_columns",
            false,
            |_| help::examples_stay_whole(),
        ),
        Test::new(
            "help::no_command_prints_a_short_usage_and_exits_2",
            false,
            |_| help::no_command_is_a_usage_error(),
        ),
        Test::new(
            "docs::no_command_with_output_outside_a_console_block",
            false,
            |_| run::no_transcript_outside_console_blocks(),
        ),
    ];
    for &doc in run::RUN {
        tests.push(Test::new(
            format!("docs::{doc}::on_a_bare_clone"),
            false,
            move |_| run::document(doc, None),
        ));
        if run::needs_shared(doc) {
            tests.push(Test::new(
                format!("docs::{doc}::with_shared"),
                true,
                move |shared| run::document(doc, shared),
            ));
        }
    }
    tests
}

/// What the command line asks for, as libtest reads it (the subset cargo
/// and people use: a name filter, `--exact`, `--skip`, `--list`).
struct Selection {
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    list: bool,
}

impl Selection {
    fn from_args() -> Selection {
        let mut selection = Selection {
            filters: Vec::new(),
            skips: Vec::new(),
            exact: false,
            list: false,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--exact" => selection.exact = true,
                "--list" => selection.list = true,
                "--skip" => selection.skips.extend(args.next()),
                // Options with a value this harness has no use for.
                "--test-threads" | "--format" | "--color" | "--logfile" | "-Z" => {
                    args.next();
                }
                flag if flag.starts_with('-') => {}
                filter => selection.filters.push(filter.to_owned()),
            }
        }
        selection
    }

    fn wants(&self, name: &str) -> bool {
        let hit = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(hit)) && !self.skips.iter().any(hit)
    }
}

/// The `../shared` folder beside the crate root, when it holds the corpus.
fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("corpus").is_dir().then_some(dir)
}

fn main() -> std::process::ExitCode {
    let selection = Selection::from_args();
    let tests = tests();
    let chosen: Vec<&Test> = tests.iter().filter(|t| selection.wants(&t.name)).collect();
    if selection.list {
        for test in &chosen {
            println!("{}: test", test.name);
        }
        return std::process::ExitCode::SUCCESS;
    }
    let shared = shared_dir();
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let (mut passed, mut ignored) = (0, 0);
    let mut failures: Vec<(&str, String)> = Vec::new();
    println!("\nrunning {} tests", chosen.len());
    for test in &chosen {
        let result = match (&shared, test.needs_shared) {
            (None, true) if !ci => {
                println!("test {} ... ignored, needs ../shared", test.name);
                eprintln!("notice: {} SKIPPED: ../shared is absent", test.name);
                ignored += 1;
                continue;
            }
            (None, true) => Err("../shared is missing, and CI=true requires it".to_owned()),
            _ => (test.body)(shared.as_deref()),
        };
        match result {
            Ok(()) => {
                println!("test {} ... ok", test.name);
                passed += 1;
            }
            Err(why) => {
                println!("test {} ... FAILED", test.name);
                failures.push((&test.name, why));
            }
        }
    }
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, why) in &failures {
            println!("---- {name} ----\n{why}\n");
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {} failed; {ignored} ignored; 0 measured; {} filtered out\n",
        if failures.is_empty() { "ok" } else { "FAILED" },
        failures.len(),
        tests.len() - chosen.len()
    );
    if failures.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(101)
    }
}
