//! `communique history`: the revisions of one statement.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::report::summary_line;
use communique::store::history::{format_time, history};

use super::Outcome;
use super::config::Settings;
use super::context::Context;

/// List the revisions (commits) of one statement, newest first.
///
/// Each revision shows its hash, date, author and message, then its
/// sentence count and what changed against the revision before (compared
/// with the configured threshold). A revision's hash then names that draft:
/// `communique diff REF@HASH REF`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique history d-isis-small-group/2021-03-30-joint-communique
  communique history d-isis-small-group                # its latest statement
  communique history d-isis-small-group/2021-03-26@HEAD~1"
)]
pub struct HistoryArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store; with @REV, the history up to that revision.
    reference: String,
}

/// Runs `history`.
pub fn run(args: HistoryArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let resolved = context.resolve(&args.reference)?;
    let options = AlignOptions {
        threshold: settings.threshold,
        ..AlignOptions::default()
    };
    let revisions = history(context.store()?, &resolved, &options)?;
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
