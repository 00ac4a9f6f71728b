//! `communique log`: the statements of the store, in date order.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::normalize::controls::visible;
use communique::report;
use communique::series;

use super::config::Settings;
use super::context::Context;
use super::{Outcome, TextOrJson};

/// List the statements of the store in date order.
///
/// Each line gives a statement's ref, its sentence count and what changed
/// against the previous statement of its series (compared with the
/// configured threshold). It reads what is committed on HEAD; edits in the
/// working tree that are not committed yet do not show (`communique show`
/// and `diff` read them). On a large store it shows a progress bar on
/// stderr when that is a terminal.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique log
  communique log d-isis-small-group
  communique log --format json | jq '.entries[].summary'
  communique log --store ../negotiations"
)]
pub struct LogArgs {
    /// Only this series.
    series: Option<String>,
    /// `text` for people, `json` for scripts (schema communique.log/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// Compute every pair again rather than reading results kept from
    /// earlier runs (under .git/communique/pairs/); setting
    /// COMMUNIQUE_NO_CACHE=1 does the same.
    #[arg(long)]
    no_cache: bool,
}

/// Runs `log`.
pub fn run(args: LogArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let store = context.store()?;
    let options = AlignOptions::default().with_threshold(settings.threshold);
    let progress = context.progress("comparing", 0);
    let cache = context.pair_cache(args.no_cache, &options)?;
    let log = series::log::log_cached(
        store,
        args.series.as_deref(),
        &options,
        &cache,
        &|done, total| {
            progress.set_total(total);
            progress.set(done);
        },
    )?;
    progress.finish();
    warn_unreadable(&log.unreadable);
    let mut out = super::output(args.format == TextOrJson::Json);
    match args.format {
        TextOrJson::Json => report::log::json(&mut out, &log.entries)?,
        TextOrJson::Text => report::log::text(&mut out, &log.entries)?,
    }
    out.flush()?;
    Ok(Outcome::Same)
}

/// One line on stderr for each stored file that was left out because it
/// does not read as a statement.
pub fn warn_unreadable(unreadable: &[communique::store::StoreError]) {
    for error in unreadable {
        // Escaped like every other message: a store error quotes names
        // and text from the repository.
        let message = visible(&error.to_string()).into_owned();
        eprintln!("communique: warning: {message}; left out");
    }
}
