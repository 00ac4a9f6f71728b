//! `communique completions`: a shell's completion script, generated from
//! the clap definitions so it never drifts from the commands.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Outcome};

/// Print the completion script for a shell.
///
/// The script completes commands, options and option values; it is
/// generated from the same definitions as --help, so it matches the
/// installed binary. Statement refs are not completed (file paths are, by
/// the shell).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  communique completions bash \\
      > ~/.local/share/bash-completion/completions/communique
  communique completions zsh > ~/.zfunc/_communique   # fpath+=(~/.zfunc)
  communique completions fish > ~/.config/fish/completions/communique.fish
  communique completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

/// Runs `completions`.
pub fn run(args: CompletionsArgs) -> Result<Outcome> {
    let mut out = BufWriter::new(io::stdout().lock());
    clap_complete::generate(args.shell, &mut Cli::command(), "communique", &mut out);
    out.flush()?;
    Ok(Outcome::Same)
}
