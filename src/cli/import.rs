//! `communique import`: normalize files and commit them to the store.

use std::io;

use anyhow::{Result, bail};
use clap::Args;

use communique::import::Format;
use communique::normalize::controls::visible;
use communique::report;
use communique::store::{CommitRequest, Identity};

use super::Outcome;
use super::context::Context;
use super::input::date_from_file_name;
use super::input::{parse_format, read_statement};

/// Import statements into the store, one commit per file.
///
/// Each file is normalized (as `communique normalize` does), written to
/// statements/SERIES/DATE-ID.txt and committed. Metadata the file carries (a sentence file's front matter, a press
/// release's title and URL) fills what the flags leave out. Importing the
/// exact text the store holds changes nothing; different text for an
/// existing statement is refused unless --revise, which commits it as a new
/// draft of the same file. Only that file is committed: other changes in
/// the repository, staged or not, are left as they are.
///
/// The commit's author is --author, else the repository's git identity
/// (user.name, user.email), else "communique <communique@localhost>"; the
/// committer is the git identity when there is one.
///
/// It prints one status line per file (--quiet drops them) and, importing
/// many files on a terminal, a progress bar on stderr.
#[derive(Debug, Args)]
#[command(after_help = "Examples (from a store beside ../shared/corpus):
  communique import ../shared/corpus/unga-tpnw/*.txt --series unga-tpnw
  communique import draft-1.docx --series d-isis-small-group \\
      --date 2021-03-30 --id joint-communique
  communique import draft-2.docx --series d-isis-small-group \\
      --date 2021-03-30 --id joint-communique --revise \\
      -m \"Round 2: the Ministers commit\"")]
pub struct ImportArgs {
    /// The files to import; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// The series to file them under (lowercase letters, digits, hyphens).
    #[arg(long)]
    series: String,
    /// The date of the statement, YYYY-MM-DD. Default: the date the file
    /// gives, else the one its name starts with (2023-12-04-a-res-78-35.txt).
    #[arg(long)]
    date: Option<String>,
    /// The id within the series (the date goes in front); default: the file
    /// name, else the title. One file only.
    #[arg(long)]
    id: Option<String>,
    /// The title (overrides what the file says). One file only.
    #[arg(long)]
    title: Option<String>,
    /// The source URL (overrides what the file says).
    #[arg(long)]
    source: Option<String>,
    /// The commit message.
    #[arg(long, short = 'm')]
    message: Option<String>,
    /// Commit different text over an existing statement, as a new draft.
    #[arg(long)]
    revise: bool,
    /// The commit's author, "Name <email>".
    #[arg(long)]
    author: Option<String>,
    /// The source format (text, sentences, md, html, docx, pdf); by default
    /// from the extension and the content.
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
}

/// Runs `import`.
pub fn run(args: ImportArgs, context: &Context) -> Result<Outcome> {
    if args.files.len() > 1 && (args.id.is_some() || args.title.is_some()) {
        bail!("--id and --title name one statement; import one file at a time with them");
    }
    // Parsed here rather than by clap, whose errors span several lines.
    let author = match &args.author {
        Some(author) => Some(
            author
                .parse::<Identity>()
                .map_err(|e| anyhow::anyhow!("--author: {e}"))?,
        ),
        None => None,
    };
    let store = context.store()?;
    let mut out = io::stdout().lock();
    let progress = context.progress("importing", args.files.len());
    for file in &args.files {
        let mut statement = read_statement(file, args.from)?;
        let meta = &mut statement.meta;
        for (slot, value) in [
            (&mut meta.date, &args.date),
            (&mut meta.title, &args.title),
            (&mut meta.source, &args.source),
        ] {
            if value.is_some() {
                slot.clone_from(value);
            }
        }
        // Flags are stripped as the file's own metadata is.
        meta.strip_controls();
        if meta.date.is_none()
            && let Some(date) = date_from_file_name(file)
        {
            if !context.quiet() {
                eprintln!(
                    "communique: note: {}: date {date} taken from the file name; give --date to set another",
                    visible(file)
                );
            }
            meta.date = Some(date);
        }
        let mut request = CommitRequest::new(statement, &args.series, file);
        request.id.clone_from(&args.id);
        request.message.clone_from(&args.message);
        request.revise = args.revise;
        request.author.clone_from(&author);
        let committed = store.commit(request)?;
        progress.inc();
        if context.quiet() {
            continue;
        }
        progress.finish();
        report::import::text(&mut out, &committed)?;
        if !committed.index_synced {
            let path = committed.entry.path();
            eprintln!(
                "communique: note: .git/index was left as it was for {path}; `git status` shows it as changed until `git reset -- {path}`"
            );
        }
    }
    super::precedent::refresh_index(store, context);
    Ok(Outcome::Same)
}
