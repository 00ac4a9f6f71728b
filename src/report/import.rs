//! `communique import`: one line per imported file, saying what the store
//! did with it.

use std::io::{self, Write};

use crate::store::{CommitChange, Committed};

/// Writes "series/id: imported (commit 0123456789ab)", or revised,
/// unchanged or restored.
pub fn text(out: &mut dyn Write, imported: &Committed) -> io::Result<()> {
    // A hash is ASCII hex; `get` keeps a short one whole.
    let short = |c: &str| c.get(..12).unwrap_or(c).to_owned();
    let what = match (imported.change, &imported.commit) {
        (CommitChange::Restored, _) => {
            "restored (the store holds this text; its file was missing from the working tree)"
                .to_owned()
        }
        (CommitChange::Unchanged, _) | (_, None) => {
            "unchanged (the store already holds this text)".to_owned()
        }
        (CommitChange::Created, Some(c)) => format!("imported (commit {})", short(c)),
        (CommitChange::Revised, Some(c)) => format!("revised (commit {})", short(c)),
    };
    writeln!(out, "{}: {what}", imported.entry)
}
