//! What a test needs from outside the repository (`../shared`, Chromium,
//! pdftotext), and the harness of the integration binary that reports a test
//! **ignored**, with the reason, where what it needs is absent — never passed
//! having tested nothing. Under `CI=true` an absence is a failure instead.
//!
//! Each test file ends with a [`tests!`](crate::tests) list naming its tests
//! and what each needs; `main.rs` hands every list to [`run`], which keeps
//! libtest's command line (`cargo test --test integration NAME -- --nocapture`,
//! `--ignored`, `--list`…). A test that reaches for `../shared`, Chromium or
//! pdftotext without declaring it fails, so a list cannot drift from its
//! bodies.

use std::cell::Cell;
use std::path::PathBuf;

/// Something outside the repository that a test needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Need {
    /// `../shared` beside the crate root: the corpus and the eval data.
    Shared,
    /// `chromium` and `chromedriver` on `PATH`.
    Chromium,
    /// `pdftotext` (poppler-utils) on `PATH`.
    Pdftotext,
}

impl Need {
    /// What is needed, as the test list shows it.
    fn label(self) -> &'static str {
        match self {
            Need::Shared => "../shared",
            Need::Chromium => "chromium",
            Need::Pdftotext => "pdftotext",
        }
    }

    /// Why it is absent here, or `None` when it is present.
    fn absence(self) -> Option<String> {
        match self {
            Need::Shared => {
                let dir = shared_location();
                let present = dir.join("corpus").is_dir();
                (!present).then(|| format!("{} is absent", dir.display()))
            }
            Need::Chromium => {
                let chromium = CHROMIUM.iter().find_map(|name| which(name));
                (chromium.is_none() || which("chromedriver").is_none()).then(|| {
                    "chromium or chromedriver is not installed \
                     (apt-get install chromium chromium-driver)"
                        .to_owned()
                })
            }
            Need::Pdftotext => which("pdftotext")
                .is_none()
                .then(|| "pdftotext is not installed (apt-get install poppler-utils)".to_owned()),
        }
    }
}

/// One test: its name, its body and what it needs.
pub struct Test {
    /// `module::name`, as libtest names it.
    pub name: &'static str,
    /// The body: passes unless it panics.
    pub run: fn(),
    /// What must be present for it to run.
    pub needs: &'static [Need],
}

/// Lists a file's tests for [`run`]: each test function's name, then in
/// brackets what it needs, if anything:
///
/// ```ignore
/// crate::tests![bundled_terminal, tpnw_terminal[Shared]];
/// ```
#[macro_export]
macro_rules! tests {
    ($($test:ident $([$($need:ident),+])?),+ $(,)?) => {
        /// This file's tests, for the harness (`tests/support/harness.rs`).
        pub(crate) const TESTS: &[$crate::support::Test] = &[$(
            $crate::support::Test {
                name: concat!(module_path!(), "::", stringify!($test)),
                run: $test,
                needs: &[$($($crate::support::Need::$need),+)?],
            }
        ),+];
    };
}

thread_local! {
    /// What the test running on this thread declared (`None` on threads the
    /// harness did not start, such as a test's own workers).
    static DECLARED: Cell<Option<&'static [Need]>> = const { Cell::new(None) };
}

/// Panics unless the running test declared `need` (on threads the harness
/// started; a test's own threads are not checked).
fn require(need: Need) {
    if let Some(declared) = DECLARED.get() {
        assert!(
            declared.contains(&need),
            "this test uses {} but its `tests!` entry does not declare [{need:?}]",
            need.label()
        );
    }
}

/// Whether this is a CI run, where nothing a test needs may be absent.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Where `../shared` is looked for: `COMMUNIQUE_TEST_SHARED` if set (to
/// check what a clone without it sees), else beside the crate root.
fn shared_location() -> PathBuf {
    match std::env::var_os("COMMUNIQUE_TEST_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// The `../shared` folder, for a test that declares [`Need::Shared`].
pub fn shared_dir() -> PathBuf {
    require(Need::Shared);
    let dir = shared_location();
    assert!(
        dir.join("corpus").is_dir(),
        "{} is absent; a test that needs it must declare [Shared]",
        dir.display()
    );
    dir
}

/// A file under `../shared/corpus`.
pub fn corpus_file(relative: &str) -> PathBuf {
    shared_dir().join("corpus").join(relative)
}

/// Every `.txt` statement in the corpus (not the SOURCES.md files), sorted.
pub fn corpus_texts() -> Vec<PathBuf> {
    let corpus = shared_dir().join("corpus");
    let mut out = Vec::new();
    for series in std::fs::read_dir(&corpus).expect("corpus is readable") {
        let series = series.expect("corpus entry").path();
        if !series.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&series).expect("series is readable") {
            let file = file.expect("series entry").path();
            if file.extension().is_some_and(|e| e == "txt") {
                out.push(file);
            }
        }
    }
    out.sort();
    out
}

/// The names Chromium goes by, in the order they are looked for.
pub const CHROMIUM: &[&str] = &["chromium", "chromium-browser", "google-chrome"];

/// A program on `PATH`, or `None`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// A program a test declared it needs ([`Need::Chromium`] or
/// [`Need::Pdftotext`]): the first of `names` on `PATH`.
pub fn tool(need: Need, names: &[&str]) -> PathBuf {
    require(need);
    names
        .iter()
        .find_map(|name| which(name))
        .unwrap_or_else(|| panic!("none of {names:?} is on PATH; declare [{need:?}]"))
}

/// A test made at run time (one per document, say), where [`Test`] is one
/// listed at compile time by [`tests!`](crate::tests).
pub struct Case {
    /// The name libtest shows and filters on.
    pub name: String,
    /// The body: passes unless it panics.
    pub run: Box<dyn Fn() + Send + Sync>,
    /// What must be present for it to run.
    pub needs: &'static [Need],
}

impl From<&Test> for Case {
    fn from(test: &Test) -> Case {
        // `module_path!()` starts with the binary's name; libtest's names
        // start below it.
        let name = test.name.split_once("::").map_or(test.name, |(_, n)| n);
        Case {
            name: name.to_owned(),
            run: Box::new(test.run),
            needs: test.needs,
        }
    }
}

/// Runs the [`tests!`](crate::tests) lists `tests` with libtest's command
/// line and exits (see [`run_cases`]).
pub fn run(tests: &[&[Test]]) -> ! {
    run_cases(
        tests
            .iter()
            .flat_map(|list| list.iter())
            .map(Case::from)
            .collect(),
    )
}

/// Runs `cases` with libtest's command line and exits: each case whose needs
/// are absent is ignored (its reason in its kind and in a notice on stderr),
/// or fails under `CI=true`.
pub fn run_cases(cases: Vec<Case>) -> ! {
    let args = libtest_mimic::Arguments::from_args();
    let ci = ci();
    let mut absent: Vec<String> = Vec::new();
    let mut trials = Vec::new();
    for case in cases {
        let missing: Vec<String> = case.needs.iter().filter_map(|n| n.absence()).collect();
        for reason in &missing {
            if !absent.contains(reason) {
                absent.push(reason.clone());
            }
        }
        let Case {
            name,
            run: body,
            needs,
        } = case;
        let kind = needs
            .iter()
            .map(|n| n.label())
            .collect::<Vec<_>>()
            .join(", ");
        let ignored = !missing.is_empty() && !ci;
        let trial = libtest_mimic::Trial::test(name, move || {
            if !missing.is_empty() {
                // Reached under CI=true, or with `--ignored`.
                let why = if ci { "; CI=true requires it" } else { "" };
                return Err(format!("{}{why}", missing.join("; ")).into());
            }
            DECLARED.set(Some(needs));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(&body));
            DECLARED.set(None);
            result.map_err(|panic| panic_message(&*panic).into())
        })
        .with_kind(if kind.is_empty() {
            String::new()
        } else {
            format!("needs {kind}")
        })
        .with_ignored_flag(ignored);
        trials.push(trial);
    }
    if !absent.is_empty() && !ci {
        eprintln!(
            "notice: tests that need what is absent here are ignored: {}",
            absent.join("; ")
        );
    }
    libtest_mimic::run(&args, trials).exit()
}

/// A panic's message, for the failure report.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "the test panicked".to_owned()
    }
}
