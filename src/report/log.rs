//! `communique log`: one line per statement of the store, or the JSON
//! document [`wire::Log`].

use std::io::{self, Write};

use super::{json_document, summary_line, wire};
use crate::series::log::LogEntry;

/// Writes one line per statement: its ref (padded to the longest), its
/// sentence count and what changed against the statement before it.
pub fn text(out: &mut dyn Write, entries: &[LogEntry]) -> io::Result<()> {
    let width = entries
        .iter()
        .map(|e| e.entry.to_string().len())
        .max()
        .unwrap_or(0);
    for e in entries {
        let summary = match &e.summary {
            Some(summary) => summary_line(summary),
            None => "first of its series".to_owned(),
        };
        writeln!(
            out,
            "{:width$}  {:>4} sentences  {summary}",
            e.entry.to_string(),
            e.sentences
        )?;
    }
    Ok(())
}

/// Writes the entries as the JSON document of schema
/// [`wire::LOG_SCHEMA`].
pub fn json(out: &mut dyn Write, entries: &[LogEntry]) -> io::Result<()> {
    json_document(
        out,
        &wire::Log {
            schema: wire::LOG_SCHEMA,
            entries: entries.iter().map(wire::LogLine::from).collect(),
        },
    )
}
