//! `communique show`: print one statement.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use communique::Statement;
use communique::analyze::lexicon::Lexicon;
use communique::analyze::views;
use communique::statement::file::FENCE;
use communique::statement::write_sentence_file;

use super::config::Settings;
use super::context::Context;
use super::input::load_lexicon;
use super::{Outcome, TextOrJson};

/// Print one statement, or only its commitments.
///
/// By default the statement's sentence file: front matter, then one
/// sentence per line; with --numbered, each line starts with its
/// ¶paragraph.sentence number (the locations diff reports show). With
/// --commitments, only the sentences that commit someone to something, with
/// their strength, actor, hedges and deadlines (the lexicon is --lexicon,
/// else the configuration's, else the built-in one). --format json prints
/// the statement (schema communique.show/1), or with --commitments the
/// array of commitments.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique show d-isis-small-group/2021-03-30-joint-communique --numbered
  communique show d-isis-small-group/2021-03-26@HEAD     # as committed
  communique show d-isis-small-group --commitments --format json
  communique show d-isis-small-group --format json | jq '.paragraphs | length'"
)]
pub struct ShowArgs {
    /// The statement: a file, or a store ref (series/id, a unique prefix, a
    /// series, any with @REV).
    reference: String,
    /// Number every sentence ¶paragraph.sentence.
    #[arg(long)]
    numbered: bool,
    /// List only the statement's commitments, with their strength, actor,
    /// hedges and deadlines.
    #[arg(long)]
    commitments: bool,
    /// `text` for people, `json` for scripts (the statement as schema
    /// communique.show/1; with --commitments, an array of commitments).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// A commitment lexicon (TOML) that extends or replaces the built-in one.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<String>,
}

/// The schema name and version of `show --format json` (without
/// --commitments).
pub const SCHEMA: &str = "communique.show/1";

#[derive(Serialize)]
struct Wire<'a> {
    schema: &'static str,
    #[serde(rename = "ref")]
    reference: &'a str,
    #[serde(flatten)]
    statement: &'a Statement,
}

/// Runs `show`.
pub fn run(args: ShowArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    let (statement, name) = context.read(&args.reference, None)?;
    let text = if args.commitments {
        let lexicon = match &args.lexicon {
            Some(path) => load_lexicon(Some(Path::new(path)))?,
            None => load_lexicon(settings.lexicon.as_deref())?,
        };
        commitments(&statement, &lexicon, args.format)?
    } else if args.format == TextOrJson::Json {
        let wire = Wire {
            schema: SCHEMA,
            reference: &name,
            statement: &statement,
        };
        serde_json::to_string_pretty(&wire)? + "\n"
    } else if args.numbered {
        numbered(&statement)
    } else {
        write_sentence_file(&statement)
    };
    let mut out = super::output(args.format == TextOrJson::Json);
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Same)
}

/// The statement's commitments, one per line ("¶1.4 strong 'committed to'
/// — The Ministers …"), or as JSON.
fn commitments(statement: &Statement, lexicon: &Lexicon, format: TextOrJson) -> Result<String> {
    let views: Vec<_> = views(statement, lexicon)
        .into_iter()
        .filter(|v| v.commitment.is_some())
        .collect();
    if format == TextOrJson::Json {
        return Ok(serde_json::to_string_pretty(&views)? + "\n");
    }
    let mut out = String::new();
    for v in &views {
        let Some(c) = &v.commitment else { continue };
        let mut detail = vec![format!("'{}'", c.marker)];
        if let Some(actor) = &c.actor {
            detail.push(format!("actor: {actor}"));
        }
        if c.negated {
            detail.push("negated".to_owned());
        }
        if !c.hedges.is_empty() {
            detail.push(format!("hedges: {}", c.hedges.join(", ")));
        }
        if !c.deadlines.is_empty() {
            detail.push(format!("deadlines: {}", c.deadlines.join("; ")));
        }
        let label = v
            .label
            .as_ref()
            .map(|l| format!("{l} "))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} {} ({})\n    {label}{}\n",
            v.location,
            c.strength.name(),
            detail.join("; "),
            v.text
        ));
    }
    Ok(out)
}

/// The sentence file with `¶p.s` before every sentence line.
fn numbered(statement: &Statement) -> String {
    let file = write_sentence_file(statement);
    // The front matter is everything up to the closing fence.
    let closing = format!("\n{FENCE}\n");
    let head = file
        .find(&closing)
        .map_or("", |at| &file[..at + closing.len()]);
    let mut out = head.to_owned();
    let mut paragraph = 0;
    for (location, sentence) in statement.sentences() {
        if location.paragraph != paragraph {
            paragraph = location.paragraph;
            out.push('\n');
        }
        out.push_str(&location.to_string());
        out.push(' ');
        if let Some(label) = &sentence.label {
            out.push_str(label);
            out.push(' ');
        }
        out.push_str(&sentence.text);
        out.push('\n');
    }
    out
}
