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

/// One test: its name, whether it needs `../shared`, and its body (given
/// `../shared` when it needs it), which returns what went wrong.
struct Test {
    name: &'static str,
    needs_shared: bool,
    body: fn(Option<&Path>) -> Result<(), String>,
}

const TESTS: &[Test] = &[
    Test {
        name: "help::every_example_stays_on_its_own_line_at_80_and_200_columns",
        needs_shared: false,
        body: |_| help::examples_stay_whole(),
    },
    Test {
        name: "help::no_command_prints_a_short_usage_and_exits_2",
        needs_shared: false,
        body: |_| help::no_command_is_a_usage_error(),
    },
    Test {
        name: "docs::no_command_with_output_outside_a_console_block",
        needs_shared: false,
        body: |_| run::no_transcript_outside_console_blocks(),
    },
    Test {
        name: "docs::readme_on_a_bare_clone",
        needs_shared: false,
        body: |_| run::document("README.md", None),
    },
    Test {
        name: "docs::readme_with_shared",
        needs_shared: true,
        body: |shared| run::document("README.md", shared),
    },
    Test {
        name: "docs::guide_on_a_bare_clone",
        needs_shared: false,
        body: |_| run::document("docs/guide.md", None),
    },
    Test {
        name: "docs::guide_with_shared",
        needs_shared: true,
        body: |shared| run::document("docs/guide.md", shared),
    },
];

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
    let chosen: Vec<&Test> = TESTS.iter().filter(|t| selection.wants(t.name)).collect();
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
                failures.push((test.name, why));
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
        TESTS.len() - chosen.len()
    );
    if failures.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(101)
    }
}
