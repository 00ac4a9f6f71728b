//! `communique history`: the revisions of one statement.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use communique::align::AlignOptions;
use communique::report::summary_line;
use communique::series::history::{Revision, format_time, history};

use super::config::Settings;
use super::context::Context;
use super::{Outcome, TextOrJson};

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
  communique history d-isis-small-group/2021-03-26@HEAD~1
  communique history d-isis-small-group --format json | jq '.revisions[0].commit'"
)]
pub struct HistoryArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store; with @REV, the history up to that revision.
    reference: String,
    /// `text` for people, `json` for scripts (schema communique.history/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
}

/// The schema name and version of `history --format json`.
pub const SCHEMA: &str = "communique.history/1";

#[derive(Serialize)]
struct Wire<'a> {
    schema: &'static str,
    #[serde(rename = "ref")]
    reference: String,
    revisions: &'a [Revision],
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
    let mut out = super::output(args.format == TextOrJson::Json);
    if args.format == TextOrJson::Json {
        let wire = Wire {
            schema: SCHEMA,
            reference: resolved.to_string(),
            revisions: &revisions,
        };
        serde_json::to_writer_pretty(&mut out, &wire)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(Outcome::Same);
    }
    for r in &revisions {
        writeln!(
            out,
            "{}  {}  {} <{}>  {}",
            &r.info.commit[..12],
            format_time(r.info.time, r.info.offset_minutes),
            r.info.author,
            r.info.email,
            r.info.message
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
