//! [`StoreError`]: every way a store operation can fail, each with what was
//! looked for and what to do, on one line.

use std::path::PathBuf;

use crate::statement::file::ReadError;

/// Why a store operation failed. Every message names the store, ref or file
/// it is about and says what to do; none spans more than one line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// No git repository with a `statements/` folder at or above a folder.
    #[error(
        "{path}: not in a communique store (no git repository with a statements/ folder here or above); run `communique init` or pass --store DIR"
    )]
    NotAStore {
        /// The folder the search started from, or the one given.
        path: PathBuf,
    },
    /// A series or id that could escape the store or is not a slug.
    #[error("{what} {name:?} is refused: {reason}; use lowercase letters, digits and hyphens")]
    InvalidName {
        /// `series` or `id`.
        what: &'static str,
        /// The name as given.
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A ref that cannot be parsed.
    #[error("{reference:?} is not a statement ref: {reason}")]
    InvalidRef {
        /// The ref as given.
        reference: String,
        /// What is wrong with it, and the shapes that work.
        reason: String,
    },
    /// A ref that matches no statement.
    #[error(
        "no file or stored statement matches {reference:?}; check the path, or run `communique log` to list the statements"
    )]
    UnknownRef {
        /// The ref as given.
        reference: String,
    },
    /// A series with no statements.
    #[error("no statements in series {series:?}; the store has: {}", if known.is_empty() { "none yet".to_owned() } else { known.join(", ") })]
    UnknownSeries {
        /// The series as given.
        series: String,
        /// The series the store has.
        known: Vec<String>,
    },
    /// A ref prefix that matches several statements.
    #[error("{reference:?} is ambiguous: it matches {}; give more of the id", candidates.join(", "))]
    Ambiguous {
        /// The ref as given.
        reference: String,
        /// `series/id` of every statement it matches.
        candidates: Vec<String>,
    },
    /// A path outside the store's `statements/` folder.
    #[error(
        "{path}: not a statement of the store at {store} (statements live in statements/SERIES/DATE-ID.txt); import it first (communique import), or name a stored statement"
    )]
    OutsideStore {
        /// The path as given.
        path: String,
        /// The store's root.
        store: PathBuf,
    },
    /// `@REV` that git cannot resolve to a commit.
    #[error(
        "{rev:?} is not a revision of the store ({message}); give a commit, branch or tag, e.g. HEAD~1"
    )]
    UnknownRevision {
        /// The revision as given.
        rev: String,
        /// What libgit2 said.
        message: String,
    },
    /// A statement that exists, but not at the revision asked for.
    #[error(
        "{path} does not exist at revision {rev}; run `communique history {reference}` to list its revisions"
    )]
    NotInRevision {
        /// The statement's path in the store.
        path: String,
        /// The revision as given.
        rev: String,
        /// The statement's `series/id`.
        reference: String,
    },
    /// One-argument diff on the first statement of a series.
    #[error(
        "{reference} is the first statement of series {series}; name a second statement to compare it with"
    )]
    NoPredecessor {
        /// The statement's `series/id`.
        reference: String,
        /// Its series.
        series: String,
    },
    /// A commit without a date.
    #[error(
        "{origin}: the statement has no date; add --date YYYY-MM-DD (or start the file name with it)"
    )]
    MissingDate {
        /// The file imported.
        origin: String,
    },
    /// A commit with a date that is not `YYYY-MM-DD`.
    #[error("{origin}: date {date:?} is not a date; give --date YYYY-MM-DD")]
    InvalidDate {
        /// The file imported.
        origin: String,
        /// The date as found or given.
        date: String,
    },
    /// A commit of different text over an existing statement, without `--revise`.
    #[error(
        "{reference} already exists with different text; pass --revise to commit {origin} as a new draft of it, or --id to store it apart"
    )]
    Exists {
        /// The statement's `series/id`.
        reference: String,
        /// The file imported.
        origin: String,
    },
    /// The working-tree file of the statement has edits that are not committed.
    #[error(
        "{path} has uncommitted changes; commit or discard them (git restore {path}) before importing over it"
    )]
    Dirty {
        /// The statement's path in the store.
        path: String,
    },
    /// Another commit held the store's lock for longer than the wait allowed.
    #[error("store busy: another import holds {lock} (waited {waited_ms} ms); retry")]
    Busy {
        /// The lock file.
        lock: PathBuf,
        /// How long this import waited.
        waited_ms: u128,
    },
    /// A `.lock` file on the branch that libgit2 will not commit past.
    #[error(
        "{lock} exists: a git process is updating the branch, or one was killed and left it behind; if no git process is running, remove it and retry"
    )]
    BranchLocked {
        /// The `refs/heads/<branch>.lock` file.
        lock: PathBuf,
    },
    /// A `.git/index.lock` file: a git command is using the index, or was
    /// killed and left the lock behind. Committing past it would leave the
    /// index stale (git refuses to commit then too).
    #[error(
        "{lock} exists: a git process is using the index, or one was killed and left it behind; if no git process is running, remove it and retry"
    )]
    IndexLocked {
        /// The `index.lock` file.
        lock: PathBuf,
    },
    /// A symbolic link on the way to a statement, which a clone can bring:
    /// following it would read or write outside the store.
    #[error(
        "{} is a symbolic link; communique neither reads nor writes statements through links (they can point outside the store); replace it with a real folder or file",
        path.display()
    )]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// The journal of a commit killed at its commit point that does not
    /// read (it is written whole and renamed into place, so only a hand edit
    /// or a broken disk makes one).
    #[error(
        "{}: the journal of an interrupted import does not read; remove its folder and check the store with `git status`",
        journal.display()
    )]
    BrokenJournal {
        /// The journal file.
        journal: PathBuf,
    },
    /// Commits go to the checked-out branch, so HEAD must be on one.
    #[error("HEAD of {store} is detached; check out a branch (git switch main) before importing")]
    DetachedHead {
        /// The store's root.
        store: PathBuf,
    },
    /// A stored file that does not read as a sentence file.
    #[error("{path}: {error}")]
    BadStatement {
        /// The statement's path in the store (with `@REV` where it was read from one).
        path: String,
        /// Why it does not read (not a `source`: the message holds it).
        error: ReadError,
    },
    /// The disk filled up while the store was written; the commit was
    /// undone.
    #[error("{}: no space left on the device; free some space and retry (the store is as it was)", path.display())]
    NoSpace {
        /// The file being written.
        path: PathBuf,
    },
    /// A stored statement larger than [`crate::statement::MAX_STATEMENT_BYTES`]
    /// (a git blob compresses well, so a small clone can hold one): refused
    /// before it is read.
    #[error(
        "{path} is larger than {} MiB, the most a statement may be; remove it from the store (git rm) or check that it names the right file",
        crate::statement::MAX_STATEMENT_BYTES >> 20
    )]
    TooLarge {
        /// The statement's path in the store (with `@REV` where it was read from one).
        path: String,
    },
    /// A file-system error.
    #[error("{path}: {error}; check the path and its permissions")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said. (Not a `source`: the message already
        /// holds it, and the CLI prints the source chain after it.)
        error: std::io::Error,
    },
    /// A repository that libgit2 cannot open: a broken `.git` file or
    /// folder.
    #[error(
        "{path}: cannot open its git repository ({message}); repair it (`git status` there says more) or pass --store DIR"
    )]
    BrokenRepository {
        /// The folder opened as a store.
        path: PathBuf,
        /// What libgit2 said.
        message: String,
    },
    /// A libgit2 error not covered above.
    #[error("{context}: {message}")]
    Git {
        /// What the store was doing.
        context: String,
        /// What libgit2 said.
        message: String,
    },
}

impl StoreError {
    /// A mapper from a libgit2 error, for `map_err`, naming what was being done.
    pub(crate) fn git(context: impl Into<String>) -> impl FnOnce(git2::Error) -> StoreError {
        let context = context.into();
        move |e| {
            // libgit2 gives no reason for some failed writes (a full disk),
            // and then says "no error".
            let message = match e.message().trim_end_matches('.') {
                "" | "no error" => "libgit2 gave no reason; check the free disk space".to_owned(),
                m if m.contains("No space left on device") => {
                    format!("{m}; free some space and retry (the store is as it was)")
                }
                m => m.to_owned(),
            };
            StoreError::Git { context, message }
        }
    }

    /// A mapper from an I/O error, for `map_err`, naming the path.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |error| match error.kind() {
            std::io::ErrorKind::StorageFull => StoreError::NoSpace { path },
            _ => StoreError::Io { path, error },
        }
    }
}
