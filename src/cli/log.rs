//! `communique log`: the statements of the store, in date order.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;

use communique::align::AlignOptions;
use communique::report::summary_line;
use communique::store::log;

use super::Outcome;
use super::context::Context;

/// List the statements of the store in date order, each with its sentence
/// count and what changed against the previous statement of its series.
///
/// Reads what is committed on HEAD; edits in the working tree that are not
/// committed yet do not show (`communique show` and `diff` read them).
///
/// Examples:
///   communique log
///   communique log unga-tpnw
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only this series.
    series: Option<String>,
}

/// Runs `log`.
pub fn run(args: LogArgs, context: &Context) -> Result<Outcome> {
    let store = context.store()?;
    let entries = log(store, args.series.as_deref(), &AlignOptions::default())?;
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
