//! `communique diff`: compare two statements.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use communique::align::AlignOptions;
use communique::analyze::compare;
use communique::import::Format;
use communique::normalize::key::{Editorial, Folding};
use communique::report::{self, ReportOptions, Theme};

use super::Outcome;
use super::input::{parse_format, read_statement};

/// Compare two statements sentence by sentence.
///
/// Every sentence of OLD and NEW lands in one entry: same (at most an
/// editorial difference: quotes, dashes, spaces, case; or only a new
/// paragraph number), moved, reworded (with a word-level redline), split,
/// merged, added or removed. Entries come in NEW's order.
///
/// Examples:
///   communique diff draft.txt final.txt
///   communique diff old.txt new.txt --format markdown > changes.md
///   communique diff old.txt new.txt --format json | jq '.summary'
///
/// Exit status: 0 when nothing but editorial differences, 1 when there are
/// changes, 2 on trouble.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old statement (a file; `-` reads standard input).
    old: String,
    /// The new statement (a file; `-` reads standard input).
    new: String,
    /// The source format of both inputs (text, sentences); by default from
    /// each file's extension and content.
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// The report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Terminal)]
    format: ReportFormat,
    /// Unchanged sentences to show around each change.
    #[arg(long, short = 'C', default_value_t = 0, value_name = "N")]
    context: usize,
    /// Print only the header and the summary line.
    #[arg(long)]
    stat: bool,
    /// Similarity (0 to 1) from which a revised sentence counts as reworded
    /// rather than removed and added.
    #[arg(long, default_value_t = AlignOptions::default().threshold, value_parser = parse_threshold)]
    threshold: f64,
    /// Editorial differences that should count as changes (comma-separated:
    /// quotes, dashes, whitespace, case). By default none count.
    #[arg(long, value_delimiter = ',', value_enum)]
    count: Vec<EditorialArg>,
}

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// For people at a terminal: colored redline when stdout is a terminal.
    Terminal,
    /// For a pull request or a briefing note.
    Markdown,
    /// For scripts: schema communique.diff/1.
    Json,
}

/// An editorial difference named on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EditorialArg {
    /// Straight versus curly quotes.
    Quotes,
    /// Hyphens and dashes.
    Dashes,
    /// Kinds and numbers of spaces.
    Whitespace,
    /// Upper versus lower case.
    Case,
}

impl From<EditorialArg> for Editorial {
    fn from(e: EditorialArg) -> Editorial {
        match e {
            EditorialArg::Quotes => Editorial::Quotes,
            EditorialArg::Dashes => Editorial::Dashes,
            EditorialArg::Whitespace => Editorial::Whitespace,
            EditorialArg::Case => Editorial::Case,
        }
    }
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

/// Runs `diff`.
pub fn run(args: DiffArgs, theme: Theme) -> Result<Outcome> {
    if args.old == "-" && args.new == "-" {
        bail!("only one of OLD and NEW can be standard input (-)");
    }
    // The two imports are independent: one thread each.
    let (old, new) = std::thread::scope(|scope| {
        let new = scope.spawn(|| read_statement(&args.new, args.from));
        let old = read_statement(&args.old, args.from);
        let new = new.join().expect("import thread panicked");
        (old, new)
    });
    let (old, new) = (old?, new?);
    let folding = args
        .count
        .iter()
        .fold(Folding::default(), |f, &e| f.without(e.into()));
    let options = AlignOptions {
        folding,
        threshold: args.threshold,
        ..AlignOptions::default()
    };
    let diff = compare(&old, &new, &args.old, &args.new, &options);
    let report_options = ReportOptions {
        context: args.context,
        stat: args.stat,
        theme,
    };
    // The statements are no longer needed: free them while the report is
    // written.
    std::thread::scope(|scope| {
        scope.spawn(move || drop((old, new)));
        let mut out = BufWriter::new(io::stdout().lock());
        match args.format {
            ReportFormat::Terminal => report::terminal::write(&mut out, &diff, &report_options)?,
            ReportFormat::Markdown => report::markdown::write(&mut out, &diff)?,
            ReportFormat::Json => report::json::write(&mut out, &diff)?,
        }
        out.flush()
    })?;
    Ok(if diff.has_changes() {
        Outcome::Different
    } else {
        Outcome::Same
    })
}
