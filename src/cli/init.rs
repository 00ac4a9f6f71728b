//! `communique init`: make a folder a store.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use communique::store::Store;

use super::Outcome;
use super::context::Context;

/// Make a folder a store: a git repository with a statements/ folder.
///
/// On an existing git repository it only adds statements/ (and commits
/// nothing); a new repository starts on branch main. Statements then go in
/// with `communique import`; shared defaults for everyone who clones the
/// store can go in communique.toml at its root (see `communique config`).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  communique init negotiations && cd negotiations
  communique init            # the current folder
  communique init -q drafts  # say nothing")]
pub struct InitArgs {
    /// The folder (created if missing); default: the current folder.
    dir: Option<PathBuf>,
}

/// Runs `init`.
pub fn run(args: InitArgs, context: &Context) -> Result<Outcome> {
    let dir = context
        .cwd()
        .join(args.dir.unwrap_or_else(|| PathBuf::from(".")));
    let (store, done) = Store::init(&dir)?;
    let root = store.root().display();
    let what = match (done.repository, done.statements) {
        (true, _) => format!("initialized an empty store in {root}"),
        (false, true) => format!("{root} is a git repository: added statements/"),
        (false, false) => format!("{root} is already a store: nothing to do"),
    };
    if !context.quiet() {
        writeln!(super::output(false), "{what}")?;
    }
    Ok(Outcome::Same)
}
