//! `communique man`: the man page, generated from the clap definitions so
//! it never drifts from `--help`.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use clap::{Args, CommandFactory};

use super::{Cli, Outcome};

/// Print the man page (roff), for `man -l` or to install.
///
/// Without COMMAND, the page of communique itself, which lists every
/// command; with one, the page of that command (communique-diff(1) and so
/// on), with its options and examples.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  communique man | man -l -
  communique man diff | man -l -
  communique man > ~/.local/share/man/man1/communique.1")]
pub struct ManArgs {
    /// A command whose page to print (diff, import, …).
    command: Option<String>,
}

/// Runs `man`.
pub fn run(args: ManArgs) -> Result<Outcome> {
    let mut out = BufWriter::new(io::stdout().lock());
    render(args.command.as_deref(), &mut out)?;
    out.flush()?;
    Ok(Outcome::Same)
}

/// Writes the page of communique, or of one of its commands.
fn render(command: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name) else {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                bail!("no command {name:?}; the commands are {}", names.join(", "));
            };
            let title = format!("communique-{name}");
            sub.clone().name(title.clone()).bin_name(title)
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    out.write_all(ascii_roff(&String::from_utf8_lossy(&roff)).as_bytes())?;
    Ok(())
}

/// The page with every non-ASCII character as a roff `\[uXXXX]` escape:
/// troff reads bytes, and warns on (or garbles) UTF-8 without a
/// preprocessor, while the escapes render everywhere.
fn ascii_roff(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_becomes_escapes() {
        assert_eq!(ascii_roff("a — b ¶"), "a \\[u2014] b \\[u00B6]");
    }

    #[test]
    fn every_command_has_a_page() {
        for name in [None, Some("diff"), Some("config"), Some("man")] {
            let mut out = Vec::new();
            render(name, &mut out).expect("renders");
            let text = String::from_utf8(out).expect("UTF-8");
            assert!(
                text.is_ascii() && text.contains(".TH communique"),
                "{name:?}"
            );
        }
        assert!(render(Some("nope"), &mut Vec::new()).is_err());
    }
}
