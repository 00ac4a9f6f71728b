//! `communique precedent`: where a statement's new wording was used before.

use std::io::Write;

use anyhow::{Result, bail};
use clap::Args;

use communique::align::AlignOptions;
use communique::normalize::controls::visible;
use communique::report::{self, precedent::Search};
use communique::series::precedent;
use communique::store::Store;

use super::config::{Config, Values};
use super::context::Context;
use super::options::parse_threshold;
use super::{Outcome, TextOrJson};

/// Find earlier uses of a statement's new wording anywhere in the store.
///
/// For each sentence of REF that is new or reworded against the previous
/// statement of its series (every sentence when REF is the first of its
/// series, or with --all), the nearest sentences of the statements dated
/// before REF, in any series: `verbatim` (the same sentence, as diff's
/// `same`), `adapted` (a revision of it, as diff's `reworded` under the same
/// --threshold, with its similarity), else the sentence is `novel`. Drafters
/// reuse agreed language on purpose; this shows where it was agreed.
///
/// With --text, the sentences of the given text are looked up in every
/// statement of the store. The store is read as committed on HEAD.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique precedent d-isis-small-group/2021-03-30
  communique precedent d-isis-small-group --all --limit 1
  communique precedent --text \"The Ministers reaffirmed their commitment.\"
  communique precedent d-isis-small-group --format json |
      jq '.sentences[].verdict'"
)]
pub struct PrecedentArgs {
    /// The statement: series/id, a unique prefix, a series (its latest), a
    /// path in the store, any with @REV.
    #[arg(required_unless_present = "text", conflicts_with = "text")]
    reference: Option<String>,
    /// Look up the sentences of this text instead of a stored statement.
    #[arg(long, value_name = "TEXT")]
    text: Option<String>,
    /// Look up every sentence of REF, not only the new and reworded ones
    /// (--text always looks up every sentence, so the two are refused
    /// together).
    #[arg(long, conflicts_with = "text")]
    all: bool,
    /// The most precedents shown per sentence.
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..))]
    limit: u16,
    /// Similarity (0 to 1) from which an earlier sentence counts as adapted
    /// (what diff calls reworded) [default: 0.5].
    #[arg(long, value_parser = parse_threshold)]
    threshold: Option<f64>,
    /// `text` for people, `json` for scripts (schema communique.precedent/1).
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
}

/// Runs `precedent`.
pub fn run(args: PrecedentArgs, config: &Config, context: &Context) -> Result<Outcome> {
    let settings = config.settings(&Values {
        threshold: args.threshold,
        ..Values::default()
    });
    let options = AlignOptions::default().with_threshold(settings.threshold);
    let store = context.store()?;
    let limit = usize::from(args.limit);
    let (found, name) = match (&args.reference, &args.text) {
        (Some(reference), _) => {
            let resolved = context.resolve(reference)?;
            let found = precedent::search_earlier(store, &resolved, args.all, limit, &options)?;
            (found, Some(resolved.to_string()))
        }
        (None, Some(text)) => {
            let statement = communique::import::import(text.as_bytes(), None, "--text")?;
            if statement.sentence_count() == 0 {
                bail!("--text has no sentence to look up");
            }
            (
                precedent::search_all(store, &statement, limit, &options)?,
                None,
            )
        }
        (None, None) => bail!("give a REF or --text"),
    };
    super::log::warn_unreadable(&found.unreadable);
    let search = Search {
        reference: name.as_deref(),
        date: found.date.as_deref(),
        previous: found.previous.as_deref(),
        all: args.all,
        threshold: options.threshold,
        searched: found.searched,
        sentences: &found.sentences,
    };
    let mut out = super::output(args.format == TextOrJson::Json);
    match args.format {
        TextOrJson::Json => report::precedent::json(&mut out, &search)?,
        TextOrJson::Text => report::precedent::text(&mut out, &search)?,
    }
    out.flush()?;
    Ok(Outcome::Same)
}

/// Brings `precedent`'s index up to date after an import, when the store
/// has one (only what was just committed is indexed). A failure costs the
/// import nothing: the next `precedent` brings the index up to date itself.
pub fn refresh_index(store: &Store, context: &Context) {
    if let Err(e) = precedent::refresh_index(store)
        && !context.quiet()
    {
        // The error names paths inside the store, which may hold any
        // bytes: escaped, as every store error is.
        eprintln!(
            "communique: note: the precedent index was not updated ({}); the next `precedent` updates it",
            visible(&e.to_string())
        );
    }
}
