//! The JSON report, schema `communique.diff/1`.
//!
//! ```json
//! {"schema": "communique.diff/1",
//!  "old": {"ref": "…", "title": "…", "date": "…"},
//!  "new": {"ref": "…", "title": "…", "date": "…"},
//!  "summary": {"same": 0, "moved": 0, "reworded": 0, "split": 0, "merged": 0, "added": 0, "removed": 0},
//!  "changes": [{"kind": "reworded", "old": [{"paragraph": 3, "sentence": 1, "label": "10.", "text": "…"}],
//!               "new": […], "similarity": 0.82, "moved": false, "editorial": [],
//!               "renumbered": {"old": "10.", "new": "11."}, "edit_kinds": ["words-inserted"],
//!               "edits": [{"op": "equal", "text": "…"}, {"op": "delete", "text": "…"}]}]}
//! ```
//!
//! Every field is documented in `docs/json.md`. Fields are only ever added
//! within a schema version; a change to an existing one bumps the version.

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::{Change, Diff, DocumentInfo, Summary};

/// The schema name and version of the diff JSON.
pub const SCHEMA: &str = "communique.diff/1";

#[derive(Serialize)]
struct Wire<'a> {
    schema: &'static str,
    old: &'a DocumentInfo,
    new: &'a DocumentInfo,
    summary: Summary,
    changes: &'a [Change],
}

/// Writes `diff` as one pretty-printed JSON document and a newline.
///
/// With `only_commitments`, `changes` keeps only the entries that change a
/// commitment; the summary still counts every entry.
pub fn write(out: &mut dyn Write, diff: &Diff, only_commitments: bool) -> io::Result<()> {
    let kept: Vec<Change>;
    let changes = if only_commitments {
        kept = diff
            .changes
            .iter()
            .filter(|c| c.changes_commitment())
            .cloned()
            .collect();
        &kept
    } else {
        &diff.changes
    };
    let wire = Wire {
        schema: SCHEMA,
        old: &diff.old,
        new: &diff.new,
        summary: diff.summary(),
        changes,
    };
    // serde_json writes many small pieces: buffer them here, where the
    // writer's type is known, rather than through `dyn Write` one by one.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    serde_json::to_writer_pretty(&mut buffered, &wire)?;
    writeln!(buffered)?;
    buffered.flush()
}
