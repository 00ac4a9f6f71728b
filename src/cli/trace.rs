//! `communique trace`: where each sentence of a statement comes from.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use communique::align::AlignOptions;
use communique::report::{self, ReportOptions, Theme};
use communique::series::trace::{trace_cached, versions_with_blobs};
use communique::statement::Location;

use super::config::{Config, Values};
use super::context::Context;
use super::options::parse_threshold;
use super::{Outcome, TextOrJson};

/// Show where each sentence of a statement comes from.
///
/// For every sentence of REF, its lineage through the earlier statements of
/// its series: the version in which it (or the sentence it was reworded
/// from) first appeared, and each version in which it was reworded, split
/// or merged, with dates. Each pair of consecutive versions is diffed once,
/// with the configured --threshold, as `communique diff` would.
///
/// With --sentence P.S, one sentence's full history: where it first
/// appeared, then every change with its redline.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique trace d-isis-small-group                  # its latest statement
  communique trace d-isis-small-group/2021-03-30 --sentence 1.4
  communique trace d-isis-small-group --format json |
      jq '.sentences[0].changes'"
)]
pub struct TraceArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store, any with @REV (then every version is read at REV).
    reference: String,
    /// Only this sentence, as ¶paragraph.sentence (`3.2` or `¶3.2`, the
    /// numbers `show --numbered` prints), with each step's redline.
    #[arg(long, value_name = "P.S", value_parser = parse_location)]
    sentence: Option<Location>,
    /// `text` for people, `json` for scripts (schema communique.trace/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// Similarity (0 to 1) from which a revised sentence counts as reworded
    /// (and keeps its lineage) rather than removed and added [default: 0.5].
    #[arg(long, value_parser = parse_threshold)]
    threshold: Option<f64>,
    /// Compute every pair again rather than reading results kept from
    /// earlier runs (under .git/communique/pairs/); setting
    /// COMMUNIQUE_NO_CACHE=1 does the same.
    #[arg(long)]
    no_cache: bool,
}

/// `3.2` or `¶3.2` → a location.
fn parse_location(s: &str) -> Result<Location, String> {
    let bad = || format!("{s:?} is not a sentence number such as 3.2 (¶paragraph.sentence)");
    let (p, n) = s.trim_start_matches('¶').split_once('.').ok_or_else(bad)?;
    let (Ok(paragraph), Ok(sentence)) = (p.parse::<usize>(), n.parse::<usize>()) else {
        return Err(bad());
    };
    if paragraph == 0 || sentence == 0 {
        return Err(bad());
    }
    Ok(Location {
        paragraph,
        sentence,
    })
}

/// Runs `trace`.
pub fn run(args: TraceArgs, config: &Config, theme: Theme, context: &Context) -> Result<Outcome> {
    let settings = config.settings(&Values {
        threshold: args.threshold,
        ..Values::default()
    });
    let resolved = context.resolve(&args.reference)?;
    let (versions, blobs) = versions_with_blobs(context.store()?, &resolved)?;
    let options = AlignOptions::default().with_threshold(settings.threshold);
    let cache = context.pair_cache(args.no_cache, &options)?;
    let mut traced = trace_cached(&versions, &blobs, &options, &cache);
    if let Some(location) = args.sentence {
        if traced.sentence(location).is_none() {
            bail!(
                "{resolved} has no sentence {location} (it has {}); see `communique show {resolved} --numbered`",
                traced.sentences.len()
            );
        }
        traced.sentences.retain(|l| l.sentence.location == location);
    }
    // Only a sentence's history is colored.
    let color = theme.color && args.format == TextOrJson::Text && args.sentence.is_some();
    let mut out = super::report_output(color, args.format == TextOrJson::Json);
    let name = resolved.to_string();
    match (args.format, args.sentence) {
        (TextOrJson::Json, _) => report::trace::json(&mut out, &traced)?,
        (TextOrJson::Text, Some(_)) => {
            let options = ReportOptions::default().with_theme(theme);
            report::trace::histories(&mut out, &traced, &name, &options)?
        }
        (TextOrJson::Text, None) => report::trace::summary(&mut out, &traced, &name)?,
    }
    out.flush()?;
    Ok(Outcome::Same)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_numbers() {
        let at = |p, s| Location {
            paragraph: p,
            sentence: s,
        };
        assert_eq!(parse_location("3.2"), Ok(at(3, 2)));
        assert_eq!(parse_location("¶12.1"), Ok(at(12, 1)));
        for bad in ["3", "0.1", "a.b", "3.", ""] {
            assert!(parse_location(bad).is_err(), "{bad}");
        }
    }
}
