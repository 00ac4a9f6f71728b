//! `communique trace`: where each sentence of a statement comes from.

use std::io::{self, Write};

use anyhow::{Result, bail};
use clap::Args;
use serde::Serialize;

use communique::align::AlignOptions;
use communique::normalize::controls::visible;
use communique::report::{ReportOptions, Theme, terminal};
use communique::series::trace::{Lineage, Trace, trace, versions};
use communique::statement::Location;

use super::config::{Config, Values};
use super::context::Context;
use super::diff::parse_threshold;
use super::{Outcome, TextOrJson};

/// The schema name and version of `trace --format json`.
pub const SCHEMA: &str = "communique.trace/1";

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
  communique trace d-isis-small-group --format json | jq '.sentences[0].changes'"
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

#[derive(Serialize)]
struct Wire<'a> {
    schema: &'static str,
    #[serde(flatten)]
    trace: &'a Trace,
}

/// Runs `trace`.
pub fn run(args: TraceArgs, config: &Config, theme: Theme, context: &Context) -> Result<Outcome> {
    let settings = config.settings(&Values {
        threshold: args.threshold,
        ..Values::default()
    });
    let resolved = context.resolve(&args.reference)?;
    let versions = versions(context.store()?, &resolved)?;
    let options = AlignOptions {
        threshold: settings.threshold,
        ..AlignOptions::default()
    };
    let mut traced = trace(&versions, &options);
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
    match (args.format, args.sentence) {
        (TextOrJson::Json, _) => {
            let wire = Wire {
                schema: SCHEMA,
                trace: &traced,
            };
            serde_json::to_writer_pretty(&mut out, &wire)?;
            writeln!(out)?;
        }
        (TextOrJson::Text, Some(_)) => {
            for lineage in &traced.sentences {
                history(&mut out, &traced, lineage, &resolved.to_string(), theme)?;
            }
        }
        (TextOrJson::Text, None) => {
            let first = traced
                .versions
                .first()
                .map(version_name)
                .unwrap_or_default();
            writeln!(
                out,
                "{resolved}: {} versions since {first}",
                traced.versions.len()
            )?;
            for lineage in &traced.sentences {
                summary(&mut out, &traced, lineage)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Same)
}

/// A version as the text output names it: its date, else its ref.
fn version_name(info: &communique::diff::DocumentInfo) -> String {
    info.date.clone().unwrap_or_else(|| info.reference.clone())
}

/// The sentence and its lineage on one line: "since DATE REF ¶p.s;
/// reworded DATE (0.82); …".
fn summary(out: &mut dyn Write, traced: &Trace, lineage: &Lineage) -> io::Result<()> {
    let s = &lineage.sentence;
    let label = s
        .label
        .as_ref()
        .map(|l| format!("{l} "))
        .unwrap_or_default();
    writeln!(out, "{} {label}{}", s.location, s.text)?;
    let origin = &traced.versions[lineage.first.version];
    let mut line = format!(
        "    since {} {} {}",
        version_name(origin),
        origin.reference,
        lineage.first.location
    );
    if lineage.changes.is_empty() {
        line.push_str(", unchanged");
    }
    if !lineage.absent.is_empty() {
        let absent: Vec<String> = lineage
            .absent
            .iter()
            .map(|&v| version_name(&traced.versions[v]))
            .collect();
        line.push_str(&format!("; absent from {}", absent.join(", ")));
    }
    for step in &lineage.changes {
        line.push_str(&format!(
            "; {} {} ({:.2})",
            step.change.kind.name(),
            version_name(&traced.versions[step.version]),
            step.change.similarity
        ));
    }
    writeln!(out, "{line}")
}

/// One sentence's full history: its first appearance, then each change
/// with the diff's entry and redline.
fn history(
    out: &mut dyn Write,
    traced: &Trace,
    lineage: &Lineage,
    reference: &str,
    theme: Theme,
) -> io::Result<()> {
    let origin = &traced.versions[lineage.first.version];
    let changes = match lineage.changes.len() {
        0 => "unchanged".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    };
    writeln!(
        out,
        "{} of {}: {changes} since {}",
        lineage.sentence.location,
        visible(reference),
        visible(&version_name(origin))
    )?;
    writeln!(
        out,
        "{} {}  first appeared at {}",
        visible(&version_name(origin)),
        visible(&origin.reference),
        lineage.first.location
    )?;
    let label = lineage.first.label.as_ref();
    let label = label.map(|l| format!("{l} ")).unwrap_or_default();
    writeln!(out, "    {}", visible(&(label + &lineage.first.text)))?;
    let options = ReportOptions {
        context: 0,
        stat: false,
        theme,
        only_commitments: false,
    };
    // Changes and gaps in the order of the versions.
    let mut absent = lineage.absent.iter().peekable();
    let mut gaps_before = |out: &mut dyn Write, version: usize| -> io::Result<()> {
        while let Some(&&v) = absent.peek().filter(|&&&v| v < version) {
            let gap = &traced.versions[v];
            let name = format!("{} {}", version_name(gap), gap.reference);
            writeln!(out, "{}  absent", visible(&name))?;
            absent.next();
        }
        Ok(())
    };
    for step in &lineage.changes {
        gaps_before(out, step.version)?;
        let version = &traced.versions[step.version];
        let name = format!("{} {}", version_name(version), version.reference);
        writeln!(out, "{}", visible(&name))?;
        terminal::entry(out, &step.change, &options)?;
    }
    gaps_before(out, usize::MAX)?;
    Ok(())
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
