//! Command-line parsing, dispatch, error reporting and exit codes.
//!
//! Exit codes follow `diff`: 0 when the inputs are the same (or a command
//! succeeded), 1 when they differ, 2 on trouble. Errors are one line on
//! stderr: `communique: <what and where>; <what to do>`.

mod check;
mod context;
mod diff;
mod git;
mod history;
mod import;
mod init;
mod input;
mod log;
mod normalize;
mod show;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use communique::report::Theme;

/// Diff and version joint statements — communiqués, declarations, UN
/// resolutions — sentence by sentence.
///
/// communique compares two versions of a statement and reports which
/// sentences were added, removed, reworded, moved, split or merged, with a
/// word-level redline of every revised sentence. Inputs are plain-text
/// statements (the press-release shape of a State Department page works as
/// it is), Markdown, HTML pages, Word .docx drafts, PDFs (through poppler's
/// pdftotext) or sentence files (TOML front matter, one sentence per line).
#[derive(Debug, Parser)]
#[command(name = "communique", version, propagate_version = true)]
#[command(after_help = "Examples:
  communique diff statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt \\
                  statements/d-isis-small-group/2021-03-30-joint-communique.txt
  communique normalize raw-statement.txt --date 2021-03-30 > statement.txt
  communique log
  communique diff d-isis-small-group/2021-03-30      # against the draft before it
  communique check d-isis-small-group/2021-03-30 --format github
  communique git setup                               # git diff shows this report

Exit status: 0 same, 1 different (check: errors against the policy), 2 trouble.")]
pub struct Cli {
    /// When to color the output: auto (only on a terminal, and not when
    /// NO_COLOR is set or TERM=dumb), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    /// The store (a git repository with statements/). Default: the
    /// COMMUNIQUE_STORE environment variable, else the nearest folder at or
    /// above the current one that is a store.
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Diff(diff::DiffArgs),
    Normalize(normalize::NormalizeArgs),
    Init(init::InitArgs),
    Import(import::ImportArgs),
    Log(log::LogArgs),
    History(history::HistoryArgs),
    Show(show::ShowArgs),
    Check(check::CheckArgs),
    Git(git::GitArgs),
}

/// When to write color codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Color on a terminal, unless NO_COLOR is set or TERM=dumb.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// What a command found, as an exit status.
pub enum Outcome {
    /// Nothing to report (exit 0).
    Same,
    /// Differences found (exit 1).
    Different,
}

/// Parses the command line, runs the command, and turns the result into the
/// process's exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let theme = theme(cli.color);
    let result = context::Context::new(cli.store).and_then(|context| match cli.command {
        Command::Diff(args) => diff::run(args, theme, &context),
        Command::Normalize(args) => normalize::run(args),
        Command::Init(args) => init::run(args, &context),
        Command::Import(args) => import::run(args, &context),
        Command::Log(args) => log::run(args, &context),
        Command::History(args) => history::run(args, &context),
        Command::Show(args) => show::run(args, &context),
        Command::Check(args) => check::run(args, &context),
        Command::Git(args) => git::run(args, theme, &context),
    });
    match result {
        Ok(Outcome::Same) => ExitCode::SUCCESS,
        Ok(Outcome::Different) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "communique: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that went away (`communique diff … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Decides color once, from the flag, the terminal and the environment.
fn theme(choice: ColorChoice) -> Theme {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            io::stdout().is_terminal() && !no_color && !dumb
        }
    };
    Theme { color }
}
