//! `communique git`: set git up so that `git diff` shows the sentence
//! report, and the diff driver git then runs.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};

use communique::Statement;
use communique::analyze::{Options, compare};
use communique::gitconfig::{
    DEFAULT_PATTERN, Setup, config_file, install, repository_files, shell_word, uninstall,
};
use communique::report::{self, ReportOptions, Theme};

use super::Outcome;
use super::context::Context;
use super::input::read_statement;

/// Git integration.
#[derive(Debug, Args)]
#[command(arg_required_else_help = false)]
#[command(after_help = "Examples:
  communique git setup                  # git diff shows communique's report
  communique git setup --uninstall      # plain diffs again")]
pub struct GitArgs {
    #[command(subcommand)]
    command: GitCommand,
}

#[derive(Debug, Subcommand)]
enum GitCommand {
    Setup(SetupArgs),
    #[command(hide = true)]
    DiffDriver(DriverArgs),
}

/// Make plain `git diff` show communique's sentence report for statements.
///
/// Sets a diff driver in git's config (diff.communique.command, and
/// textconv drivers that read .docx and .html drafts as sentence files) and
/// adds `.gitattributes` lines that assign it: `statements/** diff=communique`
/// (or the --pattern values), `*.docx diff=communique-docx`,
/// `*.html diff=communique-html`. Prints what it changed; running it again
/// changes nothing. `git log -p --ext-diff` shows the report for every
/// commit. --uninstall removes all of it: diffs are plain again.
#[derive(Debug, Args)]
// The examples are `after_help`, not doc comment: clap joins a doc
// comment's lines into one paragraph, and the examples would run together.
#[command(after_help = "Examples:
  communique git setup
  communique git setup --pattern 'drafts/**' --pattern 'statements/**'
  communique git setup --global
  communique git setup --uninstall")]
pub struct SetupArgs {
    /// Configure every repository of this user: ~/.gitconfig (or
    /// GIT_CONFIG_GLOBAL) and git's global attributes file.
    #[arg(long)]
    global: bool,
    /// Remove the drivers and the attribute lines (all of them, whatever
    /// their pattern: --pattern and --program are refused with it).
    #[arg(long, conflicts_with_all = ["patterns", "program"])]
    uninstall: bool,
    /// The statement files, as .gitattributes patterns; repeat for several.
    #[arg(long = "pattern", value_name = "GLOB", default_value = DEFAULT_PATTERN)]
    patterns: Vec<String>,
    /// How git should run communique; default: this binary's full path.
    #[arg(long, value_name = "COMMAND")]
    program: Option<String>,
}

/// The arguments git passes to an external diff driver. `git setup`
/// installs the driver with `--` before them; without it (an older setup),
/// names that start with `-` are still taken as names.
#[derive(Debug, Args)]
pub struct DriverArgs {
    #[arg(allow_hyphen_values = true)]
    path: String,
    #[arg(allow_hyphen_values = true)]
    old_file: String,
    old_hex: String,
    old_mode: String,
    #[arg(allow_hyphen_values = true)]
    new_file: String,
    new_hex: String,
    new_mode: String,
    /// A rename's new path and git's message, when git passes them.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs `git`.
pub fn run(args: GitArgs, theme: Theme, context: &Context) -> Result<Outcome> {
    match args.command {
        GitCommand::Setup(args) => setup(args, context),
        GitCommand::DiffDriver(args) => driver(args, theme),
    }
}

fn setup(args: SetupArgs, context: &Context) -> Result<Outcome> {
    let (mut config, attributes) = if args.global {
        let (config, attributes) = global_files()?;
        (config_file(&config)?, attributes)
    } else {
        repository_files(context.cwd())?
    };
    let changed = if args.uninstall {
        uninstall(&mut config, &attributes)?
    } else {
        let program = match args.program {
            Some(program) => program,
            None => {
                let exe = std::env::current_exe()
                    .context("cannot find this program's path; give --program")?;
                shell_word(&exe.to_string_lossy())
            }
        };
        let setup = Setup {
            program,
            patterns: args.patterns,
        };
        install(&mut config, &attributes, &setup)?
    };
    report::status::changed_lines(&mut io::stdout().lock(), &changed)?;
    Ok(Outcome::Same)
}

/// The global config file and attributes file, as git finds them.
fn global_files() -> Result<(PathBuf, PathBuf)> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let home = env("HOME").map(PathBuf::from);
    let xdg = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    let config = match env("GIT_CONFIG_GLOBAL") {
        Some(path) => PathBuf::from(path),
        None => {
            let dot = home.as_ref().map(|h| h.join(".gitconfig"));
            let xdg_config = xdg.as_ref().map(|x| x.join("git/config"));
            match (dot, xdg_config) {
                (Some(dot), Some(x)) if !dot.exists() && x.exists() => x,
                (Some(dot), _) => dot,
                (None, Some(x)) => x,
                (None, None) => anyhow::bail!("HOME is not set, so there is no global git config"),
            }
        }
    };
    let configured = config_file(&config)?.path("core.attributesfile");
    let attributes = match (configured, &xdg) {
        (Some(path), _) => path,
        (None, Some(x)) => x.join("git/attributes"),
        (None, None) => anyhow::bail!("HOME is not set, so there is no global attributes file"),
    };
    Ok((config, attributes))
}

/// Reads one side of a diff git hands over (`/dev/null` for none). A
/// working-tree file named `-` is that file, not standard input.
fn side(file: &str) -> Result<Statement> {
    match file {
        "/dev/null" => Ok(Statement::default()),
        "-" => read_statement("./-", None),
        _ => read_statement(file, None),
    }
}

/// The external diff driver: prints the sentence report. It always exits
/// 0, since git stops at a driver that fails; what it cannot read, it says.
fn driver(args: DriverArgs, theme: Theme) -> Result<Outcome> {
    let mut out = super::report_output(theme.color, false);
    report::status::driver_header(&mut out, &args.path)?;
    match side(&args.old_file).and_then(|old| Ok((old, side(&args.new_file)?))) {
        Ok((old, new)) => {
            let names = Options::named(format!("a/{}", args.path), format!("b/{}", args.path));
            let diff = compare(&old, &new, &names);
            let options = ReportOptions::default().with_theme(theme);
            report::terminal::write(&mut out, &diff, &options)?;
        }
        Err(e) => report::status::driver_unreadable(&mut out, &args.path, &format!("{e:#}"))?,
    }
    out.flush()?;
    let _ = (
        &args.old_hex,
        &args.old_mode,
        &args.new_hex,
        &args.new_mode,
        &args.rest,
    );
    Ok(Outcome::Same)
}
