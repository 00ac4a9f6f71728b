//! `communique log`: the statements of the store, in date order.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::report::summary_line;
use communique::store::log_with_progress;

use super::Outcome;
use super::config::Settings;
use super::context::Context;

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
  communique log --store ../negotiations"
)]
pub struct LogArgs {
    /// Only this series.
    series: Option<String>,
}

/// Runs `log`.
pub fn run(args: LogArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let store = context.store()?;
    let options = AlignOptions {
        threshold: settings.threshold,
        ..AlignOptions::default()
    };
    let progress = context.progress("comparing", 0);
    let entries = log_with_progress(store, args.series.as_deref(), &options, &|done, total| {
        progress.set_total(total);
        progress.set(done);
    })?;
    progress.finish();
    let width = entries
        .iter()
        .map(|e| e.entry.to_string().len())
        .max()
        .unwrap_or(0);
    let mut out = BufWriter::new(io::stdout().lock());
    for e in &entries {
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
    out.flush()?;
    Ok(Outcome::Same)
}
