//! `communique diff`: compare two statements.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use communique::align::AlignOptions;
use communique::analyze::{Options, compare};
use communique::import::Format;
use communique::normalize::key::{Editorial, Folding};
use communique::report::{self, Theme};

use super::Outcome;
use super::config::{Config, Values};
use super::context::{Context, is_file};
use super::input::{dated, load_lexicon, parse_format, read_statement};
use super::options::{Only, ReportFormat, Requested, parse_threshold, report_options};

/// Compare two statements sentence by sentence.
///
/// Every sentence of OLD and NEW lands in one entry: same (at most an
/// editorial difference: quotes, dashes, spaces, case; or only a new
/// paragraph number), moved, reworded (with a word-level redline), split,
/// merged, added or removed. Entries come in NEW's order.
///
/// OLD and NEW are files or statements of the store, named by ref:
/// series/id, a unique prefix of it, a series (its latest statement), any
/// of these with @REV for an earlier draft (@HEAD~1, a hash, a tag). A path
/// that exists is always a file. With NEW left out, OLD is compared with
/// the statement before it in its series.
///
/// --format, --context, --threshold and --lexicon default to the
/// configuration (`communique config`), else to the values below.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique diff d-isis-small-group/2021-03-26-joint-communique-draft \\
      d-isis-small-group/2021-03-30-joint-communique
  communique diff d-isis-small-group/2021-03-30   # against the one before
  communique diff d-isis-small-group --only commitments --format markdown \\
      > briefing.md
  communique diff draft-v1.docx draft-v2.docx --format json | jq '.summary'
  communique diff d-isis-small-group --format html > changes.html

Exit status: 0 when nothing but editorial differences, 1 when there are
changes, 2 on trouble."
)]
pub struct DiffArgs {
    /// The old statement: a file (`-` reads standard input) or a store ref.
    old: String,
    /// The new statement: a file (`-` reads standard input) or a store ref.
    /// Without it, OLD is the new one and the statement before it in its
    /// series the old one.
    new: Option<String>,
    /// The source format of the input files (text, sentences, md, html,
    /// docx, pdf); by default from each file's extension and content.
    /// Refused when no input is a file (store statements are sentence files).
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// The report format [default: terminal].
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Unchanged sentences to show around each change in the terminal
    /// report [default: 0]; refused with the other formats (HTML always
    /// shows the whole statement, JSON every entry).
    #[arg(long, short = 'C', value_name = "N")]
    context: Option<usize>,
    /// Print only the header and the summary lines (in JSON, the document
    /// without its `changes`); refused with --only and --context.
    #[arg(long)]
    stat: bool,
    /// Print only the header and the digest: the commitment changes
    /// ranked, the figures changed, the names added and dropped, and the
    /// counts (in JSON, the document without its `changes`); refused with
    /// --stat, --only and --context.
    #[arg(long)]
    digest: bool,
    /// Show only part of the report: `commitments` keeps the Commitments
    /// section (terminal, Markdown and HTML) and, in JSON, the entries that
    /// change a commitment.
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// Group the entries by the section (heading) they stand under: the
    /// terminal and Markdown reports list each section's entries under its
    /// name, the HTML report adds the changes by section. Refused with
    /// --format json (every entry carries its `section`), and with --stat,
    /// --digest and --only, which list no entries to group.
    #[arg(long)]
    by_section: bool,
    /// A commitment lexicon (TOML) that extends the built-in one, or
    /// replaces it when it says `replace = true` (see docs/lexicon.md).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<String>,
    /// Similarity (0 to 1) from which a revised sentence counts as reworded
    /// rather than removed and added [default: 0.5].
    #[arg(long, value_parser = parse_threshold)]
    threshold: Option<f64>,
    /// Differences that should count as changes (comma-separated: quotes,
    /// dashes, whitespace, case, spelling, punctuation; routine). By default none count:
    /// editorial differences leave a sentence `same`, and routine updates (a
    /// session, year, date or symbol advanced) are listed apart; `routine`
    /// shows them as ordinary rewordings.
    #[arg(long, value_delimiter = ',', value_enum)]
    count: Vec<CountArg>,
}

/// A difference named on the command line that should count as a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CountArg {
    /// Straight versus curly quotes.
    Quotes,
    /// Hyphens and dashes.
    Dashes,
    /// Kinds and numbers of spaces.
    Whitespace,
    /// Upper versus lower case.
    Case,
    /// British versus American spelling (recognise, recognize).
    Spelling,
    /// Punctuation alone (a comma added): the sentence is then reworded.
    Punctuation,
    /// Routine updates: shown as ordinary rewordings.
    Routine,
}

impl CountArg {
    /// The editorial difference this names, if it names one.
    fn editorial(self) -> Option<Editorial> {
        match self {
            CountArg::Quotes => Some(Editorial::Quotes),
            CountArg::Dashes => Some(Editorial::Dashes),
            CountArg::Whitespace => Some(Editorial::Whitespace),
            CountArg::Case => Some(Editorial::Case),
            CountArg::Spelling => Some(Editorial::Spelling),
            CountArg::Punctuation => Some(Editorial::Punctuation),
            CountArg::Routine => None,
        }
    }
}

/// Runs `diff`.
pub fn run(args: DiffArgs, config: &Config, theme: Theme, context: &Context) -> Result<Outcome> {
    let settings = config.settings(&Values {
        format: args.format,
        context: args.context,
        threshold: args.threshold,
        lexicon: args.lexicon.as_ref().map(PathBuf::from),
        ..Values::default()
    });
    // A flag the format cannot honour fails before any reading.
    let report_options = report_options(
        &Requested {
            format: settings.format,
            context_flag: args.context,
            context: settings.context,
            stat: args.stat,
            only: args.only,
            digest: args.digest,
            by_section: args.by_section,
        },
        theme,
    )?;
    // --from says how to read a file; statements of the store are stored
    // as sentence files, so with no file among the inputs it means nothing.
    if args.from.is_some() && !is_file(&args.old) && !args.new.as_deref().is_some_and(is_file) {
        bail!(
            "--from says how to read a file, and {} of the store, kept as a sentence file; drop --from",
            if args.new.is_some() {
                "OLD and NEW are statements"
            } else {
                "OLD is a statement"
            }
        );
    }
    let (old, old_name, new, new_name) = match &args.new {
        Some(new_arg) => {
            if args.old == "-" && new_arg == "-" {
                bail!("only one of OLD and NEW can be standard input (-)");
            }
            let ((old, old_name), (new, new_name)) = if is_file(&args.old) && is_file(new_arg) {
                // Two files import independently: one thread each.
                let (old, read_new) = std::thread::scope(|scope| {
                    let read_new = scope.spawn(|| read_statement(new_arg, args.from));
                    (read_statement(&args.old, args.from), read_new.join())
                });
                let new = read_new
                    .map_err(|_| anyhow::anyhow!("reading {new_arg} failed unexpectedly"))??;
                ((old?, args.old.clone()), (new, new_arg.clone()))
            } else {
                (
                    context.read(&args.old, args.from)?,
                    context.read(new_arg, args.from)?,
                )
            };
            // Files are dated from their names as `import` dates them
            // (store statements carry their date).
            let date = |statement, arg: &str| {
                if is_file(arg) {
                    dated(statement, arg)
                } else {
                    statement
                }
            };
            (date(old, &args.old), old_name, date(new, new_arg), new_name)
        }
        None => {
            let resolved = context.resolve(&args.old)?;
            let store = context.store()?;
            let previous = store.previous(&resolved)?;
            let old = store.load(&previous)?;
            let new = store.load(&resolved)?;
            (old, previous.to_string(), new, resolved.to_string())
        }
    };
    let folding = args
        .count
        .iter()
        .filter_map(|c| c.editorial())
        .fold(Folding::default(), Folding::without);
    let options = AlignOptions::default()
        .with_folding(folding)
        .with_threshold(settings.threshold);
    let lexicon = load_lexicon(settings.lexicon.as_deref())?;
    let options = Options::named(old_name, new_name)
        .with_align(options)
        .with_lexicon(lexicon)
        .with_routine(!args.count.contains(&CountArg::Routine));
    let diff = compare(&old, &new, &options);

    // The statements are no longer needed: free them while the report is
    // written.
    std::thread::scope(|scope| {
        scope.spawn(move || drop((old, new)));
        let mut out = super::report_output(
            settings.format == ReportFormat::Terminal && theme.color,
            settings.format == ReportFormat::Json,
        );
        match settings.format {
            ReportFormat::Terminal => report::terminal::write(&mut out, &diff, &report_options)?,
            ReportFormat::Markdown => report::markdown::write(&mut out, &diff, &report_options)?,
            ReportFormat::Json => report::json::write(&mut out, &diff, &report_options)?,
            ReportFormat::Html => report::html::write(&mut out, &diff, &report_options)?,
        }
        out.flush()
    })?;
    let changed = diff.has_changes();
    // The process ends right after this: handing the diff's tens of
    // thousands of small allocations back one by one only delays the exit.
    std::mem::forget(diff);
    Ok(if changed {
        Outcome::Different
    } else {
        Outcome::Same
    })
}
