//! `communique import`: normalize files and commit them to the store.

use std::cell::Cell;
use std::io::{self, Write};

use anyhow::{Result, bail};
use clap::Args;

use communique::import::Format;
use communique::normalize::controls::visible;
use communique::report;
use communique::store::{CommitRequest, Committed, DEFAULT_BATCH_FILES, Identity, MAX_BATCH_FILES};

use super::Outcome;
use super::context::Context;
use super::folders;
use super::input::date_from_file_name;
use super::input::{parse_format, read_statement};
use super::progress::Progress;

/// Import statements into the store, one commit per file.
///
/// Each file is normalized (as `communique normalize` does), written to
/// statements/SERIES/DATE-ID.txt and committed. Many files (a folder of
/// them) are committed in batches: each file still gets its own commit,
/// but the working tree, the index and the branch change once per batch,
/// all or nothing, so an interrupted import leaves no batch half done and
/// running the same command again skips what is stored and finishes. Metadata the file carries (a sentence file's front matter, a press
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
/// It prints one status line per file once its batch is stored (--quiet
/// drops them) and, importing many files on a terminal, a progress bar on
/// stderr.
#[derive(Debug, Args)]
#[command(after_help = "Examples (from a store beside ../shared/corpus):
  communique import ../shared/corpus/unga-tpnw/*.txt --series unga-tpnw
  communique import ../shared/corpus/unga-tpnw --series unga-tpnw
  communique import ../shared/corpus/* --series-from-folder
  communique import draft-1.docx --series d-isis-small-group \\
      --date 2021-03-30 --id joint-communique
  communique import draft-2.docx --series d-isis-small-group \\
      --date 2021-03-30 --id joint-communique --revise \\
      -m \"Round 2: the Ministers commit\"")]
pub struct ImportArgs {
    /// The files to import; `-` reads standard input. A folder stands for
    /// the files directly in it, in name order (not its subfolders, nor
    /// hidden files).
    #[arg(required = true)]
    files: Vec<String>,
    /// The series to file them under (lowercase letters, digits, hyphens).
    #[arg(long, required_unless_present = "series_from_folder")]
    series: Option<String>,
    /// File each statement under the series its folder is named after
    /// (archive/g7-leaders/2024-06-14.txt: g7-leaders), instead of --series.
    #[arg(long, conflicts_with = "series")]
    series_from_folder: bool,
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
    /// How many files land at once (1–2048): each batch is all or nothing
    /// when the import is interrupted.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_BATCH_FILES, value_parser = parse_batch_files)]
    batch_files: usize,
    /// The source format (text, sentences, md, html, docx, pdf); by default
    /// from the extension and the content.
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
}

/// Parses `--batch-files`, for clap.
fn parse_batch_files(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_BATCH_FILES).contains(&n) => Ok(n),
        _ => Err(format!(
            "{value:?} is not a number from 1 to {MAX_BATCH_FILES}"
        )),
    }
}

/// Runs `import`.
pub fn run(args: ImportArgs, context: &Context) -> Result<Outcome> {
    let files = folders::expand(&args.files)?;
    if files.len() > 1 && (args.id.is_some() || args.title.is_some()) {
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
    let progress = context.progress("importing", files.len());
    // Files land a batch at a time (one journal for all of its commits);
    // their status lines follow when their batch has landed.
    let mut batch = store.batch();
    batch.limit = args.batch_files;
    // One file says where its date came from; many say how many did (their
    // status lines show each date), not one note per file.
    let dated = Cell::new(0usize);
    let note = if files.len() == 1 {
        DateNote::Each
    } else {
        DateNote::Count(&dated)
    };
    for file in &files {
        let added = request(file, &args, author.as_ref(), context, note)
            .and_then(|request| Ok(batch.add(request)?));
        progress.inc();
        show(&mut out, batch.take_done(), context, &progress)?;
        if let Err(e) = added {
            // What came before the refused file is imported, as it was
            // when each file was its own commit.
            show(&mut out, batch.finish()?, context, &progress)?;
            note_dated(dated.get(), context);
            return Err(e);
        }
    }
    show(&mut out, batch.finish()?, context, &progress)?;
    note_dated(dated.get(), context);
    super::precedent::refresh_index(store, context);
    Ok(Outcome::Same)
}

/// How an import tells that a statement's date came from its file name.
#[derive(Clone, Copy)]
enum DateNote<'a> {
    /// A note for the file (importing one).
    Each,
    /// Counted, for one note at the end (importing many).
    Count(&'a Cell<usize>),
}

/// The one note for the `n` files of a many-file import that were dated
/// from their names.
fn note_dated(n: usize, context: &Context) {
    if n > 0 && !context.quiet() {
        let files = if n == 1 { "file was" } else { "files were" };
        eprintln!(
            "communique: note: {n} {files} dated from the YYYY-MM-DD their names start with (the status lines show each date); give --date to set another"
        );
    }
}

/// The commit request for `file`: its statement, with the flags laid over
/// what it says.
fn request(
    file: &str,
    args: &ImportArgs,
    author: Option<&Identity>,
    context: &Context,
    note: DateNote<'_>,
) -> Result<CommitRequest> {
    let series = match &args.series {
        Some(series) => series.clone(),
        None => folders::series_of(file)?,
    };
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
        match note {
            DateNote::Count(dated) => dated.set(dated.get() + 1),
            DateNote::Each if !context.quiet() => eprintln!(
                "communique: note: {}: date {date} taken from the file name; give --date to set another",
                visible(file)
            ),
            DateNote::Each => {}
        }
        meta.date = Some(date);
    }
    let mut request = CommitRequest::new(statement, &series, file);
    request.id.clone_from(&args.id);
    request.message.clone_from(&args.message);
    request.revise = args.revise;
    request.author = author.cloned();
    Ok(request)
}

/// Prints the status lines of landed files (none with --quiet).
fn show(
    out: &mut impl Write,
    landed: Vec<Committed>,
    context: &Context,
    progress: &Progress,
) -> Result<()> {
    if context.quiet() || landed.is_empty() {
        return Ok(());
    }
    progress.finish();
    for committed in &landed {
        report::import::text(out, committed)?;
        if !committed.index_synced {
            let path = committed.entry.path();
            eprintln!(
                "communique: note: .git/index was left as it was for {path}; `git status` shows it as changed until `git reset -- {path}`"
            );
        }
    }
    Ok(())
}
