//! `communique history`: the revisions of one statement, two lines each,
//! or the JSON document [`wire::History`].

use std::io::{self, Write};

use super::{json_document, summary_line, wire};
use crate::store::Revision;
use crate::store::history::format_time;

/// Writes each revision: hash, time, author and message, then its
/// sentence count and what changed against the revision before.
pub fn text(out: &mut dyn Write, revisions: &[Revision]) -> io::Result<()> {
    for r in revisions {
        // A hash is ASCII hex, 40 characters; `get` keeps a short one whole.
        let short = r.commit.get(..12).unwrap_or(&r.commit);
        writeln!(
            out,
            "{short}  {}  {} <{}>  {}",
            format_time(r.time, r.offset_minutes),
            r.author,
            r.email,
            r.message
        )?;
        let change = match (&r.summary, r.sentences) {
            (_, None) => "deleted".to_owned(),
            (Some(summary), Some(n)) => format!("{n} sentences · {}", summary_line(summary)),
            (None, Some(n)) => format!("{n} sentences · first revision"),
        };
        writeln!(out, "    {change}")?;
    }
    Ok(())
}

/// Writes the revisions of `reference` as the JSON document of schema
/// [`wire::HISTORY_SCHEMA`].
pub fn json(out: &mut dyn Write, reference: &str, revisions: &[Revision]) -> io::Result<()> {
    json_document(
        out,
        &wire::History {
            schema: wire::HISTORY_SCHEMA,
            reference,
            revisions: revisions.iter().map(wire::Revision::from).collect(),
        },
    )
}
