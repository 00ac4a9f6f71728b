//! `communique normalize`: a source document in, its sentence file (or JSON)
//! out.

use std::io::Write;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use communique::import::Format;
use communique::report;
use communique::statement::is_valid_date;

use super::Outcome;
use super::input::{parse_format, read_statement};

/// Normalize a statement into a sentence file: one sentence per line.
///
/// Reads a source document (plain text, including the press-release shape
/// with "Begin Text" … "Text Ends"; Markdown; an HTML page; a Word .docx; a
/// PDF), repairs what copying from web pages and PDFs breaks (odd spaces,
/// cut lines and sentences, soft hyphens), splits it into sentences and
/// prints the sentence file, or the statement as JSON. Nothing is stored:
/// `communique import` does the same and commits the result.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples (in a clone of communique, beside ../shared/corpus):
  communique normalize \\
      ../shared/corpus/d-isis-small-group/2021-03-30-joint-communique-raw.txt \\
      --series d-isis-small-group --date 2021-03-30 --language en
  communique normalize A_RES_78_35.pdf --series unga-tpnw --date 2023-12-04
  curl -s https://example.org/statement.html |
      communique normalize - --from html --format json"
)]
pub struct NormalizeArgs {
    /// The source file; `-` reads standard input.
    #[arg(default_value = "-")]
    file: String,
    /// The source format (text, sentences, md, html, docx, pdf); by default
    /// from the content and the extension.
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = OutputFormat::Sentences)]
    format: OutputFormat,
    /// The title (overrides what the source says).
    #[arg(long)]
    title: Option<String>,
    /// The date of the statement, YYYY-MM-DD.
    #[arg(long)]
    date: Option<String>,
    /// The series the statement belongs to (e.g. unga-tpnw).
    #[arg(long)]
    series: Option<String>,
    /// The source URL (overrides what the source says).
    #[arg(long)]
    source: Option<String>,
    /// The language of the text, a BCP 47 tag such as `en`.
    #[arg(long)]
    language: Option<String>,
    /// Who issued the statement; repeat for several issuers.
    #[arg(long = "issuer", value_name = "ISSUER")]
    issuers: Vec<String>,
}

/// What `normalize` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// The sentence file: TOML front matter, one sentence per line.
    Sentences,
    /// Schema communique.normalize/1: `{"schema", "meta": {…}, "paragraphs": [{"sentences": [{"label", "text"}]}]}`.
    Json,
}

/// Runs `normalize`.
pub fn run(args: NormalizeArgs) -> Result<Outcome> {
    if let Some(date) = &args.date
        && !is_valid_date(date)
    {
        bail!("--date {date:?} is not a date; write it as YYYY-MM-DD");
    }
    let mut statement = read_statement(&args.file, args.from)?;
    let meta = &mut statement.meta;
    for (slot, value) in [
        (&mut meta.title, args.title),
        (&mut meta.date, args.date),
        (&mut meta.series, args.series),
        (&mut meta.source, args.source),
        (&mut meta.language, args.language),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    if !args.issuers.is_empty() {
        meta.issuers = args.issuers;
    }
    // Flags are stripped as the file's own metadata is.
    meta.strip_controls();
    let mut out = super::output(args.format == OutputFormat::Json);
    match args.format {
        OutputFormat::Sentences => {
            report::show::text(&mut out, &statement, &report::ReportOptions::default())?
        }
        OutputFormat::Json => report::show::statement_json(&mut out, &statement)?,
    }
    out.flush()?;
    Ok(Outcome::Same)
}
