//! `communique log`: the statements of the store, in date order.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use communique::align::AlignOptions;
use communique::diff::Summary;
use communique::normalize::controls::visible;
use communique::report::summary_line;
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
}

/// The schema name and version of `log --format json`.
pub const SCHEMA: &str = "communique.log/1";

#[derive(Serialize)]
struct Wire<'a> {
    schema: &'static str,
    entries: Vec<WireEntry<'a>>,
}

#[derive(Serialize)]
struct WireEntry<'a> {
    #[serde(rename = "ref")]
    reference: String,
    series: &'a str,
    id: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    sentences: usize,
    summary: Option<&'a Summary>,
}

/// Runs `log`.
pub fn run(args: LogArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let store = context.store()?;
    let options = AlignOptions {
        threshold: settings.threshold,
        ..AlignOptions::default()
    };
    let progress = context.progress("comparing", 0);
    let log = series::log(store, args.series.as_deref(), &options, &|done, total| {
        progress.set_total(total);
        progress.set(done);
    })?;
    progress.finish();
    warn_unreadable(&log.unreadable);
    let entries = log.entries;
    let width = entries
        .iter()
        .map(|e| e.entry.to_string().len())
        .max()
        .unwrap_or(0);
    let mut out = super::output(args.format == TextOrJson::Json);
    if args.format == TextOrJson::Json {
        let wire = Wire {
            schema: SCHEMA,
            entries: entries
                .iter()
                .map(|e| WireEntry {
                    reference: e.entry.to_string(),
                    series: &e.entry.series,
                    id: &e.entry.id,
                    title: e.title.as_deref(),
                    date: e.date.as_deref(),
                    sentences: e.sentences,
                    summary: e.summary.as_ref(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut out, &wire)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(Outcome::Same);
    }
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
