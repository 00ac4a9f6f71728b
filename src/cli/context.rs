//! Where the store is, and reading a statement a user names: `-`, a file,
//! or a store ref.
//!
//! The store is found once, and only when a command needs it, so that
//! `diff a.txt b.txt` works anywhere: `--store DIR`, else the
//! `COMMUNIQUE_STORE` environment variable, else the nearest folder at or
//! above the current one that is a git repository with `statements/`.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use communique::Statement;
use communique::align::AlignOptions;
use communique::analyze::Options;
use communique::import::Format;
use communique::series::cache::{self, PairCache};
use communique::store::{Resolved, StatementRef, Store, Target};

use super::input::read_statement;
use super::progress::Progress;

/// The environment variable that names the store when `--store` does not.
pub const STORE_ENV: &str = "COMMUNIQUE_STORE";

/// What every command may need besides its own arguments.
pub struct Context {
    /// `--store`, else `COMMUNIQUE_STORE` (non-empty), else `None`.
    store_dir: Option<PathBuf>,
    cwd: PathBuf,
    store: OnceCell<Store>,
    /// `--quiet`: no progress, notes or status lines.
    quiet: bool,
}

impl Context {
    /// Resolves the store's location from the flag and the environment.
    pub fn new(store_flag: Option<PathBuf>, quiet: bool) -> Result<Context> {
        let store_dir = store_flag.or_else(|| {
            std::env::var_os(STORE_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        Ok(Context {
            store_dir,
            cwd,
            store: OnceCell::new(),
            quiet,
        })
    }

    /// Whether `--quiet` silences everything but results and errors.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// A progress bar for `total` steps: drawn on stderr only when it is a
    /// terminal and `--quiet` is off.
    pub fn progress(&self, label: &'static str, total: usize) -> Progress {
        Progress::new(label, total, !self.quiet)
    }

    /// The root of the store, if there is one; finding none is not an
    /// error here (commands that need a store say so when they open it).
    pub fn store_root(&self) -> Option<PathBuf> {
        self.store().ok().map(|s| s.root().to_path_buf())
    }

    /// The current folder.
    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// The store, opened on first use.
    pub fn store(&self) -> Result<&Store> {
        if let Some(store) = self.store.get() {
            return Ok(store);
        }
        let store = match &self.store_dir {
            Some(dir) => Store::open(&self.cwd.join(dir))?,
            None => Store::discover(&self.cwd)?,
        };
        Ok(self.store.get_or_init(|| store))
    }

    /// The store's pair cache for results computed with `options`, or none
    /// when `off` (`--no-cache`) or `COMMUNIQUE_NO_CACHE` says so.
    pub fn pair_cache(&self, off: bool, options: &AlignOptions) -> Result<PairCache> {
        if off || cache::disabled_by_env() {
            return Ok(PairCache::disabled());
        }
        let options = Options::default().with_align(options.clone());
        let cache = PairCache::open(self.store()?.common_git_dir(), &options);
        // What a tidy removed is the cache's business, not the command's.
        let _ = cache.tidy_if_due();
        Ok(cache)
    }

    /// Resolves a ref (or a path in the store) to a stored statement.
    pub fn resolve(&self, arg: &str) -> Result<Resolved> {
        if arg == "-" {
            bail!("standard input (-) is not a stored statement; give a ref such as series/id");
        }
        let r = StatementRef::parse(arg)?;
        Ok(self.store()?.resolve(&r, &self.cwd)?)
    }

    /// Reads the statement `arg` names, and the name reports should show
    /// for it: `-` is standard input; a path that exists, or any path-shaped
    /// argument without `@REV`, is a file read as it always was; anything
    /// else is a store ref.
    pub fn read(&self, arg: &str, format: Option<Format>) -> Result<(Statement, String)> {
        if is_file(arg) {
            return Ok((read_statement(arg, format)?, arg.to_owned()));
        }
        let resolved = self.resolve(arg)?;
        let statement = self.store()?.load(&resolved)?;
        Ok((statement, resolved.to_string()))
    }
}

/// Whether `arg` names a file rather than a store ref.
pub fn is_file(arg: &str) -> bool {
    if arg == "-" || Path::new(arg).exists() {
        return true;
    }
    matches!(
        StatementRef::parse(arg),
        Ok(StatementRef {
            target: Target::Path(_),
            rev: None,
            ..
        })
    )
}
