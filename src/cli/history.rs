//! `communique history`: the revisions of one statement.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::report::summary_line;
use communique::store::history::{format_time, history};

use super::Outcome;
use super::context::Context;

/// List the revisions (commits) of one statement, newest first: hash, date,
/// author, message, and what changed against the revision before.
///
/// Examples:
///   communique history unga-tpnw/2024
///   communique history g7/2024-06-14-leaders-communique@v2
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store; with @REV, the history up to that revision.
    reference: String,
}

/// Runs `history`.
pub fn run(args: HistoryArgs, context: &Context) -> Result<Outcome> {
    let resolved = context.resolve(&args.reference)?;
    let revisions = history(context.store()?, &resolved, &AlignOptions::default())?;
    if revisions.is_empty() {
        anyhow::bail!(
            "{resolved} has no committed revision yet; import it with `communique import`"
        );
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for r in &revisions {
        writeln!(
            out,
            "{}  {}  {} <{}>  {}",
            &r.commit[..12],
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
    out.flush()?;
    Ok(Outcome::Same)
}
