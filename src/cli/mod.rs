//! Command-line parsing, dispatch, error reporting and exit codes.
//!
//! Exit codes follow `diff`: 0 when the inputs are the same (or a command
//! succeeded), 1 when they differ, 2 on trouble. Errors are one line on
//! stderr: `communique: <what and where>; <what to do>`.

mod base_policy;
mod bounded;
mod check;
mod completions;
mod config;
mod context;
mod diff;
mod folders;
mod git;
mod history;
mod import;
mod init;
mod input;
mod log;
mod man;
mod normalize;
mod options;
mod precedent;
mod progress;
mod show;
mod trace;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use communique::normalize::controls::{VisibleWriter, visible};
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
// Without a command: a short usage and exit 2, not the whole help (exit 0).
#[command(arg_required_else_help = false)]
#[command(
    after_help = "Examples (in a clone of communique, whose statements/ is a store):
  communique log
  communique diff d-isis-small-group/2021-03-30   # against the draft before
  communique diff d-isis-small-group/2021-03-26-joint-communique-draft \\
      d-isis-small-group/2021-03-30-joint-communique --format markdown
  communique show d-isis-small-group --commitments
  communique check d-isis-small-group/2021-03-30 --format github
  communique git setup                            # git diff shows the report

Defaults for --format, --color, --context, --threshold and --lexicon can be
set in communique.toml at the store root or in the user file; see
`communique config`. A guide: docs/guide.md.

Exit status: 0 same, 1 different (check: errors against the policy), 2 trouble."
)]
pub struct Cli {
    /// When to color the output: auto (only on a terminal, and not when
    /// NO_COLOR is set or TERM=dumb), always, never. Default: the
    /// configuration's `color`, else auto.
    #[arg(long, value_enum, global = true)]
    color: Option<ColorChoice>,

    /// Print only results and errors: no progress bar, notes or status
    /// lines (such as what `init` and `import` did).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,

    /// The store (a git repository with statements/). Default: the
    /// COMMUNIQUE_STORE environment variable, else the nearest folder at or
    /// above the current one that is a store.
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

/// The commands, in the order a newcomer meets them (`--help` lists them so).
#[derive(Debug, Subcommand)]
enum Command {
    Normalize(normalize::NormalizeArgs),
    Init(init::InitArgs),
    Import(import::ImportArgs),
    Log(log::LogArgs),
    Diff(diff::DiffArgs),
    Show(show::ShowArgs),
    History(history::HistoryArgs),
    Trace(trace::TraceArgs),
    Precedent(precedent::PrecedentArgs),
    Check(check::CheckArgs),
    Git(git::GitArgs),
    Config(config::ConfigArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// When to write color codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Color on a terminal, unless NO_COLOR is set or TERM=dumb.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// The output of the commands that print either for people or for scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    /// Plain text, for people.
    Text,
    /// One JSON document, its shape in docs/json.md and docs/schema/.
    Json,
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
        // --help and --version print as clap renders them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let mut err = io::stderr().lock();
            // No command at all (`communique`, `communique git`): the usage
            // line first, so that the one-line error has something to point at.
            if let Some(usage) = missing_command(&e) {
                for line in usage.lines() {
                    let _ = writeln!(err, "{}", visible(line));
                }
            } else {
                let _ = writeln!(err, "communique: {}", visible(&usage_error(&e)));
            }
            return ExitCode::from(2);
        }
    };
    match dispatch(cli) {
        Ok(Outcome::Same) => ExitCode::SUCCESS,
        Ok(Outcome::Different) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Names and values in the message (a file name, a ref) are
            // the user's: one line, nothing raw.
            let _ = writeln!(io::stderr(), "communique: {}", visible(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// A command-line mistake as one line in the style of every other error:
/// clap's message, its tip and possible values joined, then where to look.
/// (clap's own rendering spans several lines and a usage block.)
fn usage_error(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut out = String::new();
    for line in rendered.lines().map(str::trim).filter(|l| {
        !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
    }) {
        let line = line.strip_prefix("error: ").unwrap_or(line);
        // "…were not provided:" runs on into the list it introduces.
        if !out.is_empty() {
            out.push_str(if out.ends_with(':') { " " } else { "; " });
        }
        out.push_str(line);
    }
    out.push_str("; see `communique --help` or `communique COMMAND --help`");
    out
}

/// For a command given without its subcommand (`communique`, `communique
/// git`): clap's usage line, then a one-line error that lists the commands
/// (hidden ones left out, which clap's own list includes). `None` for any
/// other error.
fn missing_command(e: &clap::Error) -> Option<String> {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ErrorKind};
    if e.kind() != ErrorKind::MissingSubcommand {
        return None;
    }
    // "communique" or "communique git".
    let path = e.get(ContextKind::InvalidSubcommand)?.to_string();
    let mut command = Cli::command();
    for name in path.split_whitespace().skip(1) {
        command = command.find_subcommand(name)?.clone();
    }
    let names: Vec<&str> = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    let usage = e.get(ContextKind::Usage)?.to_string();
    Some(format!(
        "{}\ncommunique: `{path}` needs a command: {}; see `{path} --help`",
        usage.trim(),
        names.join(", ")
    ))
}

/// Reads the configuration, then runs the command.
fn dispatch(cli: Cli) -> anyhow::Result<Outcome> {
    // Generating from the clap definitions needs neither store nor files.
    match cli.command {
        Command::Completions(args) => return completions::run(args),
        Command::Man(args) => return man::run(args),
        _ => {}
    }
    pdf_timeout()?;
    let context = context::Context::new(cli.store, cli.quiet)?;
    let flags = config::Values {
        color: cli.color,
        ..config::Values::default()
    };
    let config = config::Config::load(config::user_file(), context.store_root().as_deref(), flags)?;
    let settings = config.settings(&config::Values::default());
    let theme = theme(settings.color);
    match cli.command {
        Command::Normalize(args) => normalize::run(args),
        Command::Init(args) => init::run(args, &context),
        Command::Import(args) => import::run(args, &context),
        Command::Log(args) => log::run(args, &settings, &context),
        Command::Diff(args) => diff::run(args, &config, theme, &context),
        Command::Show(args) => show::run(args, &settings, &context),
        Command::History(args) => history::run(args, &settings, &context),
        Command::Trace(args) => trace::run(args, &config, theme, &context),
        Command::Precedent(args) => precedent::run(args, &config, &context),
        Command::Check(args) => check::run(args, &settings, &context),
        Command::Git(args) => git::run(args, theme, &context),
        Command::Config(args) => config::run(args, &config, &context),
        Command::Completions(_) | Command::Man(_) => Ok(Outcome::Same),
    }
}

/// Standard output for a command's report, with every control character
/// but line breaks and tabs, and every bidi control, written as a visible
/// escape (a JSON escape for `json`), whatever field it came from. Not for
/// a report with colors of its own: it would escape them too.
pub(crate) fn output(json: bool) -> VisibleWriter<BufWriter<io::StdoutLock<'static>>> {
    let out = BufWriter::new(io::stdout().lock());
    if json {
        VisibleWriter::json(out)
    } else {
        VisibleWriter::new(out)
    }
}

/// Standard output for a report that may be colored: with color, as it is
/// (a colored report escapes its fields itself, and the writer of
/// [`output`] would escape its colors too); without, [`output`].
pub(crate) fn report_output(color: bool, json: bool) -> Box<dyn Write> {
    if color {
        Box::new(BufWriter::new(io::stdout().lock()))
    } else {
        Box::new(output(json))
    }
}

/// The environment variable that sets how long `pdftotext` may run.
const PDF_TIMEOUT_VAR: &str = "COMMUNIQUE_PDF_TIMEOUT";

/// Passes `COMMUNIQUE_PDF_TIMEOUT` (seconds) to the PDF importer, when set.
fn pdf_timeout() -> anyhow::Result<()> {
    let Some(value) = std::env::var_os(PDF_TIMEOUT_VAR) else {
        return Ok(());
    };
    let seconds = value
        .to_str()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0);
    let Some(seconds) = seconds else {
        anyhow::bail!(
            "{PDF_TIMEOUT_VAR}={} is not a number of seconds; give one from 0.001 to 86400, or unset it for the default of {} s",
            value.to_string_lossy(),
            communique::import::PDF_DEFAULT_TIMEOUT.as_secs()
        );
    };
    communique::import::set_pdf_timeout(std::time::Duration::from_secs_f64(seconds));
    Ok(())
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
