//! `communique show`: print one statement.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use clap::Args;

use communique::analyze::views;
use communique::report;

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
/// the statement (schema communique.show/1), or with --commitments its
/// commitments (schema communique.commitments/1).
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
    /// communique.show/1; with --commitments, schema communique.commitments/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// A commitment lexicon (TOML) that extends or replaces the built-in one.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<String>,
}

/// Runs `show`.
pub fn run(args: ShowArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    refuse_unused(&args)?;
    let (statement, name) = context.read(&args.reference, None)?;
    let mut out = super::output(args.format == TextOrJson::Json);
    if args.commitments {
        let lexicon = match &args.lexicon {
            Some(path) => load_lexicon(Some(Path::new(path)))?,
            None => load_lexicon(settings.lexicon.as_deref())?,
        };
        let views = views(&statement, &lexicon);
        match args.format {
            TextOrJson::Json => report::show::commitments_json(&mut out, &name, &views)?,
            TextOrJson::Text => report::show::commitments_text(&mut out, &views)?,
        }
    } else {
        match args.format {
            TextOrJson::Json => report::show::json(&mut out, &statement, &name)?,
            TextOrJson::Text => {
                let options = report::ReportOptions::default().with_numbered(args.numbered);
                report::show::text(&mut out, &statement, &options)?
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Same)
}

/// Refuses a flag that would change nothing in the output asked for,
/// rather than ignoring it.
fn refuse_unused(args: &ShowArgs) -> Result<()> {
    if args.numbered && args.commitments {
        bail!(
            "--numbered numbers the sentence file, and --commitments already gives each commitment's number; give one of them"
        );
    }
    if args.numbered && args.format == TextOrJson::Json {
        bail!(
            "--numbered applies to the text output (the JSON gives every sentence's paragraph and place); drop it, or use --format text"
        );
    }
    if args.lexicon.is_some() && !args.commitments {
        bail!("--lexicon only changes the commitments; add --commitments, or drop --lexicon");
    }
    Ok(())
}
