//! `communique init`: make a folder a store.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use communique::report;
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
    if !context.quiet() {
        let root = store.root().display().to_string();
        report::status::init(&mut super::output(false), &root, &done)?;
    }
    Ok(Outcome::Same)
}
