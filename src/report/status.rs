//! The one-line results of commands that change something: `init`, and
//! `git setup`'s changed lines; and the lines of the git diff driver that
//! frame its report.

use std::io::{self, Write};

use crate::normalize::controls::visible;
use crate::store::Initialized;

/// Writes what `communique init` did in `root`.
pub fn init(out: &mut dyn Write, root: &str, done: &Initialized) -> io::Result<()> {
    let root = visible(root);
    match (done.repository, done.statements) {
        (true, _) => writeln!(out, "initialized an empty store in {root}"),
        (false, true) => writeln!(out, "{root} is a git repository: added statements/"),
        (false, false) => writeln!(out, "{root} is already a store: nothing to do"),
    }
}

/// Writes each line `git setup` added to or removed from git's files.
pub fn changed_lines(out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{}", visible(line))?;
    }
    Ok(())
}

/// Writes the git diff driver's first line, as git's own diff starts:
/// `communique diff a/PATH b/PATH`.
pub fn driver_header(out: &mut dyn Write, path: &str) -> io::Result<()> {
    let path = visible(path);
    writeln!(out, "communique diff a/{path} b/{path}")
}

/// Writes the git diff driver's line for a side it cannot read, in place of
/// the report (git stops at a driver that fails, so it says and exits 0).
pub fn driver_unreadable(out: &mut dyn Write, path: &str, error: &str) -> io::Result<()> {
    writeln!(
        out,
        "communique: cannot read {}: {}",
        visible(path),
        visible(error)
    )
}
