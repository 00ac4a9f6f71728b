//! `communique history`: the revisions of one statement.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::report;
use communique::series::history::history_cached;

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
  communique history d-isis-small-group --format json |
      jq '.revisions[0].commit'"
)]
pub struct HistoryArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store; with @REV, the history up to that revision.
    reference: String,
    /// `text` for people, `json` for scripts (schema communique.history/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// Compute every pair again rather than reading results kept from
    /// earlier runs (under .git/communique/pairs/); setting
    /// COMMUNIQUE_NO_CACHE=1 does the same.
    #[arg(long)]
    no_cache: bool,
}

/// Runs `history`.
pub fn run(args: HistoryArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let resolved = context.resolve(&args.reference)?;
    let options = AlignOptions::default().with_threshold(settings.threshold);
    let cache = context.pair_cache(args.no_cache, &options)?;
    let revisions = history_cached(context.store()?, &resolved, &options, &cache)?;
    if revisions.is_empty() {
        anyhow::bail!(
            "{resolved} has no committed revision yet; import it with `communique import`"
        );
    }
    let mut out = super::output(args.format == TextOrJson::Json);
    match args.format {
        TextOrJson::Json => report::history::json(&mut out, &resolved.to_string(), &revisions)?,
        TextOrJson::Text => report::history::text(&mut out, &revisions)?,
    }
    out.flush()?;
    Ok(Outcome::Same)
}
