//! Running a document's transcripts in a temporary home that holds
//! `~/work/communique`, a clone with nothing but `statements/` (what a
//! newcomer has), and, for the `needs-shared` blocks, `~/work/shared`.
//!
//! Git is isolated from the user's configuration (`GIT_CONFIG_GLOBAL=
//! /dev/null`, `GIT_CONFIG_NOSYSTEM=1`), and no `COMMUNIQUE_*` variable of
//! the caller is passed on.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::steps::{self, ELISION, Step};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The caller's variables that would reach into its own configuration,
/// store or git repository.
const UNSET: [&str; 7] = [
    "XDG_CONFIG_HOME",
    "COMMUNIQUE_CONFIG",
    "COMMUNIQUE_STORE",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "NO_COLOR",
];

/// A temporary home with `~/work/communique` and, when given, a link
/// `~/work/shared`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(shared: Option<&Path>) -> Result<Home, String> {
        let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        let home = Home { dir };
        let clone = home.clone_dir();
        std::fs::create_dir_all(&clone).map_err(|e| format!("{}: {e}", clone.display()))?;
        copy_tree(&repo().join("statements"), &clone.join("statements"))?;
        home.sh(
            &clone,
            "git init -q -b main && git add statements && \
             git -c user.name=Newcomer -c user.email=new@example.org commit -q -m clone",
        )?;
        if let Some(shared) = shared {
            std::os::unix::fs::symlink(shared, home.path().join("work/shared"))
                .map_err(|e| format!("link ../shared: {e}"))?;
        }
        Ok(home)
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn clone_dir(&self) -> PathBuf {
        self.path().join("work/communique")
    }

    /// `bash -c script` in `dir`, isolated, with the binary under test
    /// first on `PATH` and standard error joined to standard output.
    fn bash(&self, dir: &Path, script: &str) -> Result<std::process::Output, String> {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_communique"))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .map_err(|e| format!("PATH: {e}"))?;
        let mut cmd = Command::new("bash");
        for var in UNSET {
            cmd.env_remove(var);
        }
        cmd.current_dir(dir)
            .env("HOME", self.path())
            .env("PATH", path)
            .env("COLUMNS", "100")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .stdin(Stdio::null())
            .arg("-c")
            .arg(format!("exec 2>&1\n{script}"))
            .output()
            .map_err(|e| format!("bash: {e}"))
    }

    /// A setup script that must succeed.
    fn sh(&self, dir: &Path, script: &str) -> Result<(), String> {
        let out = self.bash(dir, script)?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{script}` failed: {}",
                String::from_utf8_lossy(&out.stdout)
            ))
        }
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("copy {}: {e}", from.display());
    std::fs::create_dir_all(to).map_err(fail)?;
    for entry in std::fs::read_dir(from).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(fail)?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(fail)?;
        }
    }
    Ok(())
}

/// The documents with transcripts, each run by a test of `main.rs`.
pub const RUN: &[&str] = &["README.md", "docs/guide.md", "docs/ci.md", "docs/policy.md"];

/// Whether `doc` has transcripts that need `../shared`: then it has a test
/// with `../shared` besides the one on a bare clone.
pub fn needs_shared(doc: &str) -> bool {
    let text = std::fs::read_to_string(repo().join(doc)).unwrap_or_default();
    steps::steps(&text, true).len() > steps::steps(&text, false).len()
}

/// Runs the transcripts of `doc` (a path from the crate root): on a bare
/// clone only its `console` blocks, with `shared` all of them. README.md
/// starts in the clone, the other documents in `~/work`. With `UPDATE_DOCS`
/// set, rewrites the output the document shows where it differs.
pub fn document(doc: &str, shared: Option<&Path>) -> Result<(), String> {
    let path = repo().join(doc);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{doc}: {e}"))?;
    let steps = steps::steps(&text, shared.is_some());
    if steps.is_empty() {
        return Err(format!("{doc} shows no command to run"));
    }
    let home = Home::new(shared)?;
    let mut cwd = if doc == "README.md" {
        home.clone_dir()
    } else {
        home.path().join("work")
    };
    let mut failures = Vec::new();
    let mut edits: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for step in &steps {
        let out = home.bash(
            &cwd,
            &format!(
                "{}\nstatus=$?\necho \"<cwd>$PWD\"\nexit $status",
                step.command
            ),
        )?;
        let printed = String::from_utf8_lossy(&out.stdout).into_owned();
        let (printed, dir) = printed.rsplit_once("<cwd>").unwrap_or((&printed, ""));
        if !dir.trim().is_empty() {
            cwd = PathBuf::from(dir.trim());
        }
        let code = out.status.code().unwrap_or(-1);
        let actual = steps::mask(printed, home.path());
        let expected: Vec<String> = step.expected.iter().map(|l| steps::mask_line(l)).collect();
        // A transcript that shows an error expects trouble (exit 2);
        // otherwise success or "different" (exit 1, as diff's). A note
        // starts like an error but is none.
        let wants_error = expected
            .first()
            .is_some_and(|l| l.starts_with("communique: ") && !l.starts_with("communique: note: "));
        let code_ok = if wants_error {
            code == 2
        } else {
            code == 0 || code == 1
        };
        let at = format!("{doc}:{}: `{}`", step.line, step.command);
        if !code_ok {
            failures.push(format!("{at} exited {code}:\n{}", actual.join("\n")));
        } else if !steps::matches(&expected, &actual) {
            failures.push(format!(
                "{at} printed\n{}\nbut {doc} shows\n{}",
                actual.join("\n"),
                expected.join("\n")
            ));
            edits.push(edit(step, steps::unhome(printed, home.path())));
        }
    }
    if std::env::var_os("UPDATE_DOCS").is_some() && !edits.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (after, len, shown) in edits.into_iter().rev() {
            lines.splice(after..after + len, shown);
        }
        std::fs::write(&path, lines.join("\n") + "\n").map_err(|e| format!("{doc}: {e}"))?;
        return Err(format!("UPDATE_DOCS: rewrote {doc}; review the diff"));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n\n"))
    }
}

/// Where a step's pasted output stands in the document (the index of its
/// first line, how many lines) and what to paste instead: all of `printed`,
/// or, where the document elides, as many lines as it showed, then `…`.
fn edit(step: &Step, printed: Vec<String>) -> (usize, usize, Vec<String>) {
    let shown = match step.expected.last() {
        Some(last) if last == ELISION => printed
            .into_iter()
            .take(step.expected.len() - 1)
            .chain(std::iter::once(ELISION.to_owned()))
            .collect(),
        _ => printed,
    };
    let first = step.line + step.command.lines().count() - 1;
    (first, step.expected.len(), shown)
}

/// README.md and every docs/*.md: a `$ command` shown in any fenced block
/// but a `console` one would never be run, so it could drift.
pub fn no_transcript_outside_console_blocks() -> Result<(), String> {
    let mut docs = vec![repo().join("README.md")];
    let folder = repo().join("docs");
    for entry in std::fs::read_dir(&folder).map_err(|e| format!("docs/: {e}"))? {
        let path = entry.map_err(|e| format!("docs/: {e}"))?.path();
        if path.extension().is_some_and(|e| e == "md") {
            docs.push(path);
        }
    }
    let mut found = Vec::new();
    for doc in docs {
        let text = std::fs::read_to_string(&doc).map_err(|e| format!("{}: {e}", doc.display()))?;
        for line in steps::unrun_transcripts(&text) {
            found.push(format!("{}:{line}", doc.display()));
        }
        let name = doc.strip_prefix(repo()).unwrap_or(&doc);
        if !RUN.iter().any(|r| Path::new(r) == name) && !steps::steps(&text, true).is_empty() {
            found.push(format!("{} (not in run::RUN)", name.display()));
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "commands with output outside a ```console block (no test runs them): {}",
            found.join(", ")
        ))
    }
}
