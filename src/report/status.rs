//! The one-line results of commands that change something: `init`, and
//! `git setup`'s changed lines.

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
