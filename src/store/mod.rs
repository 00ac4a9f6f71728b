//! The store: statements kept in an ordinary git repository, so that push,
//! pull, branches and hosting work with the tools people already have.
//!
//! ```text
//! <store>/                      a git repository (HEAD on a branch, e.g. main)
//!   statements/<series>/<date>-<slug>.txt   one sentence file per statement
//! ```
//!
//! A revised draft is a new commit of the same file, so `git log -p` on a
//! statement reads as its negotiating history. Everything here goes through
//! libgit2 (`git2`): no `git` executable is needed, and nothing is printed or
//! read from the environment; the CLI decides where the store is and passes
//! its path.
//!
//! The store only stores: it resolves refs, reads sentence files (through
//! [`statement::file`](crate::statement::file), never the multi-format
//! importer), commits a parsed [`Statement`] ([`Store::commit`]) under a
//! lock and a crash-safe journal, and lists revisions. Parsing a source
//! document happens before it ([`crate::import`]); comparing what it holds
//! happens above it ([`crate::series`]).
//!
//! **Which text a ref reads.** A ref without `@REV` reads the working tree
//! when the store has one: the file on disk, uncommitted edits included, as
//! `cat` would (and a statement that exists only in the working tree is
//! found). A ref with `@REV` reads that revision's tree.
//! [`Store::head_statements`] reads what is committed on HEAD (what `log`
//! lists), because that is the history of the store, not of one file on
//! disk. A bare repository has no working tree: everything reads HEAD.

mod batch;
mod blobs;
mod commit;
mod error;
mod lock;
pub mod names;
mod pending;
pub mod refs;
mod revisions;
mod snapshot;

use std::fmt;
use std::path::{Path, PathBuf};

use git2::{Commit, ErrorCode, ObjectType, Repository, RepositoryInitOptions, Tree};

use crate::statement::MAX_STATEMENT_BYTES;
use crate::statement::Statement;
use crate::statement::file::read_sentence_bytes;

pub use batch::{Batch, DEFAULT_BATCH_FILES};
pub use blobs::BlobId;
pub use commit::{
    CommitChange, CommitRequest, Committed, DEFAULT_IDENTITY, DEFAULT_LOCK_TIMEOUT, Identity,
};
pub use error::StoreError;
pub use lock::StoreLock;
pub use pending::MAX_BATCH_FILES;
pub use refs::{StatementRef, Target};
pub use revisions::RevisionInfo;
pub use snapshot::{HeadFile, HeadStatements};

/// The folder, at the root of a store, that holds the statements.
pub const STATEMENTS: &str = "statements";

/// An open store.
pub struct Store {
    repo: Repository,
    root: PathBuf,
}

/// One statement of a store: `statements/<series>/<id>.txt`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    /// The series (`unga-tpnw`).
    pub series: String,
    /// The id within the series, starting with the date
    /// (`2024-12-02-a-res-79-38`), so that id order is date order.
    pub id: String,
}

impl Entry {
    /// The file's path from the store's root, with `/` separators.
    pub fn path(&self) -> String {
        format!("{STATEMENTS}/{}/{}.txt", self.series, self.id)
    }

    /// The entry at a store path, when the path has the shape of one and its
    /// names are valid (other files under `statements/` are not statements).
    pub fn from_path(path: &str) -> Option<Entry> {
        let rest = path.strip_prefix(STATEMENTS)?.strip_prefix('/')?;
        let (series, file) = rest.split_once('/')?;
        let id = file.strip_suffix(".txt")?;
        names::validate("series", series).ok()?;
        names::validate("id", id).ok()?;
        Some(Entry {
            series: series.to_owned(),
            id: id.to_owned(),
        })
    }
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.series, self.id)
    }
}

/// A ref resolved to one statement, at the working tree or a revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The statement.
    pub entry: Entry,
    /// The revision to read it at; `None` reads the working tree (HEAD in a
    /// bare repository).
    pub rev: Option<String>,
}

impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.rev {
            Some(rev) => write!(f, "{}@{rev}", self.entry),
            None => write!(f, "{}", self.entry),
        }
    }
}

/// What [`Store::init`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Initialized {
    /// A new git repository was created (there was none in the folder).
    pub repository: bool,
    /// The `statements/` folder was created.
    pub statements: bool,
}

impl Store {
    /// Opens the store whose root (working tree, or git folder of a bare
    /// repository) is `dir`. Does not look in parent folders.
    ///
    /// ```
    /// use std::path::Path;
    /// use communique::Store;
    ///
    /// // This repository is a store: its `statements/` ships with the tool.
    /// let store = Store::open(Path::new("."))?;
    /// assert!(store.root().join("statements").is_dir());
    /// // A folder inside it is not the store's root.
    /// assert!(Store::open(Path::new("statements")).is_err());
    /// # Ok::<(), communique::store::StoreError>(())
    /// ```
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let not_a_store = || StoreError::NotAStore {
            path: dir.to_path_buf(),
        };
        let flags = git2::RepositoryOpenFlags::NO_SEARCH;
        let repo = match Repository::open_ext(dir, flags, std::iter::empty::<&std::ffi::OsStr>()) {
            Ok(repo) => repo,
            Err(e) if e.code() == ErrorCode::NotFound => return Err(not_a_store()),
            Err(e) => {
                return Err(StoreError::BrokenRepository {
                    path: dir.to_path_buf(),
                    message: e.message().trim_end_matches('.').to_owned(),
                });
            }
        };
        let root = match repo.workdir() {
            Some(workdir) if workdir.join(STATEMENTS).is_dir() => workdir.to_path_buf(),
            Some(_) => return Err(not_a_store()),
            None => repo.path().to_path_buf(),
        };
        let store = Store { repo, root };
        // Any command finishes a commit that was killed at its commit
        // point; a failure here is the next commit's to report.
        let _ = store.recover();
        Ok(store)
    }

    /// Finds the store that `start` is in, as git finds a repository: the
    /// nearest folder at or above `start` that has both a `.git` and a
    /// `statements/` folder. Bare repositories are opened only by
    /// [`Store::open`].
    pub fn discover(start: &Path) -> Result<Store, StoreError> {
        for dir in start.ancestors() {
            if dir.join(".git").exists() && dir.join(STATEMENTS).is_dir() {
                return Store::open(dir);
            }
        }
        Err(StoreError::NotAStore {
            path: start.to_path_buf(),
        })
    }

    /// Makes `dir` a store: a git repository (HEAD on `main`) with a
    /// `statements/` folder. On an existing repository it only adds what is
    /// missing, and commits nothing.
    pub fn init(dir: &Path) -> Result<(Store, Initialized), StoreError> {
        std::fs::create_dir_all(dir).map_err(StoreError::io(dir))?;
        let flags = git2::RepositoryOpenFlags::NO_SEARCH;
        let (repo, new) =
            match Repository::open_ext(dir, flags, std::iter::empty::<&std::ffi::OsStr>()) {
                Ok(repo) => (repo, false),
                Err(e) if e.code() == ErrorCode::NotFound => {
                    let mut options = RepositoryInitOptions::new();
                    options.initial_head("main");
                    let repo = Repository::init_opts(dir, &options)
                        .map_err(StoreError::git(format!("git init {}", dir.display())))?;
                    (repo, true)
                }
                Err(e) => return Err(StoreError::git(format!("{}", dir.display()))(e)),
            };
        let mut statements = false;
        if let Some(workdir) = repo.workdir() {
            let folder = workdir.join(STATEMENTS);
            if !folder.is_dir() {
                std::fs::create_dir(&folder).map_err(StoreError::io(&folder))?;
                statements = true;
            }
        }
        drop(repo);
        let store = Store::open(dir)?;
        Ok((
            store,
            Initialized {
                repository: new,
                statements,
            },
        ))
    }

    /// The store's root: its working tree, or its git folder when bare.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The commit a revision names (`HEAD~1`, a hash, a tag, a branch).
    fn revision(&self, rev: &str) -> Result<Commit<'_>, StoreError> {
        self.repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| StoreError::UnknownRevision {
                rev: rev.to_owned(),
                message: e.message().trim_end_matches('.').to_owned(),
            })
    }

    /// HEAD's tree, or `None` before the first commit.
    fn head_tree(&self) -> Result<Option<Tree<'_>>, StoreError> {
        match self.repo.head() {
            Ok(head) => Ok(Some(
                head.peel_to_tree()
                    .map_err(StoreError::git("reading HEAD"))?,
            )),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(StoreError::git("reading HEAD")(e)),
        }
    }

    /// The statements at `rev`, or (with `None`) in the working tree — HEAD's
    /// in a bare repository — sorted by series, then id (date order).
    pub fn entries(&self, rev: Option<&str>) -> Result<Vec<Entry>, StoreError> {
        self.entries_of(rev, None)
    }

    /// [`Store::entries`] of one series: only its folder is listed.
    pub fn series_entries(
        &self,
        rev: Option<&str>,
        series: &str,
    ) -> Result<Vec<Entry>, StoreError> {
        self.entries_of(rev, Some(series))
    }

    fn entries_of(&self, rev: Option<&str>, only: Option<&str>) -> Result<Vec<Entry>, StoreError> {
        let from_tree = |tree: &Tree<'_>| -> Result<Vec<Entry>, StoreError> {
            Ok(tree_entries_with(&self.repo, tree, only)?
                .into_iter()
                .map(|(entry, _)| entry)
                .collect())
        };
        let mut entries = match (rev, self.repo.workdir()) {
            (None, Some(workdir)) => worktree_entries(workdir, only)?,
            (None, None) => match self.head_tree()? {
                Some(tree) => from_tree(&tree)?,
                None => Vec::new(),
            },
            (Some(rev), _) => {
                let tree = self
                    .revision(rev)?
                    .tree()
                    .map_err(StoreError::git(format!("reading the tree of {rev}")))?;
                from_tree(&tree)?
            }
        };
        entries.sort();
        Ok(entries)
    }

    /// The bytes of the file at `path` (from the store's root), at `rev` or
    /// in the working tree.
    pub fn read(&self, path: &str, rev: Option<&str>) -> Result<Vec<u8>, StoreError> {
        match (rev, self.repo.workdir()) {
            (None, Some(workdir)) => {
                refuse_symlinks(workdir, path)?;
                read_file(&workdir.join(path), path)
            }
            (rev, _) => {
                let rev = rev.unwrap_or("HEAD");
                let tree = self
                    .revision(rev)?
                    .tree()
                    .map_err(StoreError::git(format!("reading the tree of {rev}")))?;
                blob_at(&self.repo, &tree, path)?.ok_or_else(|| StoreError::NotInRevision {
                    path: path.to_owned(),
                    rev: rev.to_owned(),
                    reference: Entry::from_path(path).map_or(path.to_owned(), |e| e.to_string()),
                })
            }
        }
    }

    /// Reads a resolved statement.
    pub fn load(&self, resolved: &Resolved) -> Result<Statement, StoreError> {
        let bytes = self.read(&resolved.entry.path(), resolved.rev.as_deref())?;
        parse(&bytes, &resolved.entry, resolved.rev.as_deref())
    }

    /// Resolves a ref to one statement. Paths are taken relative to `cwd`
    /// when they lead into the store's working tree, else relative to the
    /// store's root.
    pub fn resolve(&self, r: &StatementRef, cwd: &Path) -> Result<Resolved, StoreError> {
        let rev = r.rev.as_deref();
        let entries = self.entries(rev)?;
        let found = match &r.target {
            Target::Path(path) => {
                let entry = self.entry_at(path, cwd)?;
                if entries.contains(&entry) {
                    Ok(entry)
                } else {
                    Err(entry)
                }
            }
            Target::Name { series, id } => find(&entries, r, series, id.as_deref())?,
        };
        match found {
            Ok(entry) => Ok(Resolved {
                entry,
                rev: r.rev.clone(),
            }),
            Err(wanted) => {
                // The statement may exist, only not at the revision asked
                // for: say so, rather than that it is unknown.
                if let Some(rev) = rev {
                    let current = self.entries(None)?;
                    let elsewhere = match &r.target {
                        Target::Path(_) => current.contains(&wanted).then_some(wanted),
                        Target::Name { series, id } => {
                            find(&current, r, series, id.as_deref())?.ok()
                        }
                    };
                    if let Some(entry) = elsewhere {
                        return Err(StoreError::NotInRevision {
                            path: entry.path(),
                            rev: rev.to_owned(),
                            reference: entry.to_string(),
                        });
                    }
                }
                Err(StoreError::UnknownRef {
                    reference: r.text.clone(),
                })
            }
        }
    }

    /// The statement before `resolved` in its series (at the same revision).
    pub fn previous(&self, resolved: &Resolved) -> Result<Resolved, StoreError> {
        let entries = self.entries(resolved.rev.as_deref())?;
        let before = entries
            .iter()
            .rfind(|e| e.series == resolved.entry.series && e.id < resolved.entry.id);
        match before {
            Some(entry) => Ok(Resolved {
                entry: entry.clone(),
                rev: resolved.rev.clone(),
            }),
            None => Err(StoreError::NoPredecessor {
                reference: resolved.to_string(),
                series: resolved.entry.series.clone(),
            }),
        }
    }

    /// The entry a file path names: through the working tree when the path
    /// (from `cwd`) leads into it, else as a path from the store's root.
    fn entry_at(&self, path: &str, cwd: &Path) -> Result<Entry, StoreError> {
        let outside = || StoreError::OutsideStore {
            path: path.to_owned(),
            store: self.root.clone(),
        };
        let given = Path::new(path);
        if let Some(workdir) = self.repo.workdir() {
            let absolute = canonical(&cwd.join(given));
            if let Ok(relative) = absolute.strip_prefix(canonical(workdir)) {
                let relative: Vec<&str> = relative
                    .components()
                    .filter_map(|c| c.as_os_str().to_str())
                    .collect();
                return Entry::from_path(&relative.join("/")).ok_or_else(outside);
            }
        }
        if given.is_relative() {
            let trimmed = path.trim_start_matches("./");
            return Entry::from_path(trimmed).ok_or_else(outside);
        }
        Err(outside())
    }
}

/// Reads a stored statement's bytes: a sentence file, as the store writes
/// them (what else a store holds was committed by hand, and is refused).
fn parse(bytes: &[u8], entry: &Entry, rev: Option<&str>) -> Result<Statement, StoreError> {
    read_sentence_bytes(bytes).map_err(|error| StoreError::BadStatement {
        path: match rev {
            Some(rev) => format!("{}@{rev}", entry.path()),
            None => entry.path(),
        },
        error,
    })
}

/// Looks a name up among `entries`: `Ok(Err(_))` when nothing matches (with
/// a placeholder entry), an error when a prefix is ambiguous.
fn find(
    entries: &[Entry],
    r: &StatementRef,
    series: &str,
    id: Option<&str>,
) -> Result<Result<Entry, Entry>, StoreError> {
    let mut in_series = entries.iter().filter(|e| e.series == series);
    let placeholder = || Entry {
        series: series.to_owned(),
        id: id.unwrap_or_default().to_owned(),
    };
    let Some(prefix) = id else {
        return Ok(in_series.next_back().cloned().ok_or_else(placeholder));
    };
    let matches: Vec<&Entry> = in_series.filter(|e| e.id.starts_with(prefix)).collect();
    if let Some(exact) = matches.iter().find(|e| e.id == prefix) {
        return Ok(Ok((*exact).clone()));
    }
    match matches.as_slice() {
        [] => Ok(Err(placeholder())),
        [one] => Ok(Ok((*one).clone())),
        many => Err(StoreError::Ambiguous {
            reference: r.text.clone(),
            candidates: many.iter().map(|e| e.to_string()).collect(),
        }),
    }
}

/// `path` with symbolic links and `..` resolved as far as it exists, so that
/// paths through a symlinked temp folder still compare equal.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => canonical(parent).join(name),
        _ => path.to_path_buf(),
    }
}

/// The statements in a working tree's `statements/` folder.
fn worktree_entries(workdir: &Path, only: Option<&str>) -> Result<Vec<Entry>, StoreError> {
    refuse_symlinks(workdir, STATEMENTS)?;
    let folder = workdir.join(STATEMENTS);
    let mut out = Vec::new();
    let read_dir = |dir: &Path| std::fs::read_dir(dir).map_err(StoreError::io(dir));
    for series in read_dir(&folder)? {
        let series = series.map_err(StoreError::io(&folder))?;
        if !series.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Some(series_name) = series.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if only.is_some_and(|only| only != series_name) {
            continue;
        }
        for file in read_dir(&series.path())? {
            let file = file.map_err(StoreError::io(series.path()))?;
            let Some(file_name) = file.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let path = format!("{STATEMENTS}/{series_name}/{file_name}");
            if let Some(entry) = Entry::from_path(&path)
                && file.file_type().is_ok_and(|t| t.is_file())
            {
                out.push(entry);
            }
        }
    }
    Ok(out)
}

/// Refuses `path` (from the store's root `root`) when it passes through a
/// symbolic link, as git refuses to write tracked files through one: a
/// clone can bring a link, and following it would read or write outside
/// the store. The root itself may be a link (the user chose it).
pub(crate) fn refuse_symlinks(root: &Path, path: &str) -> Result<(), StoreError> {
    let mut at = root.to_path_buf();
    for part in path.split('/') {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(StoreError::Symlink { path: at });
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io(at)(e)),
        }
    }
    Ok(())
}

/// The statements in a commit's tree (of one series, or all), each with its
/// blob id, unsorted. Only the asked series' tree is read.
fn tree_entries_with(
    repo: &Repository,
    tree: &Tree<'_>,
    only: Option<&str>,
) -> Result<Vec<(Entry, BlobId)>, StoreError> {
    let Some(statements) = tree.get_name(STATEMENTS) else {
        return Ok(Vec::new());
    };
    let context = "reading the statements/ tree";
    let statements = statements
        .to_object(repo)
        .and_then(|o| o.peel_to_tree())
        .map_err(StoreError::git(context))?;
    let mut out = Vec::new();
    for series in statements.iter() {
        if series.kind() != Some(ObjectType::Tree) {
            continue;
        }
        let Ok(series_name) = series.name() else {
            continue;
        };
        if only.is_some_and(|only| only != series_name) {
            continue;
        }
        let series_tree = series
            .to_object(repo)
            .and_then(|o| o.peel_to_tree())
            .map_err(StoreError::git(context))?;
        for file in series_tree.iter() {
            let Ok(file_name) = file.name() else {
                continue;
            };
            // A committed symbolic link is a blob too (mode 120000): its
            // text is where it points, no statement.
            if file.kind() != Some(ObjectType::Blob) || file.filemode() == 0o120000 {
                continue;
            }
            if let Some(entry) =
                Entry::from_path(&format!("{STATEMENTS}/{series_name}/{file_name}"))
            {
                out.push((entry, blobs::from_oid(file.id())));
            }
        }
    }
    Ok(out)
}

/// The bytes of the blob at `path` in `tree`, or `None` where there is none.
fn blob_at(repo: &Repository, tree: &Tree<'_>, path: &str) -> Result<Option<Vec<u8>>, StoreError> {
    let entry = match tree.get_path(Path::new(path)) {
        Ok(entry) => entry,
        Err(e) if e.code() == ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::git(format!("looking up {path}"))(e)),
    };
    if entry.kind() != Some(ObjectType::Blob) {
        return Ok(None);
    }
    read_blob(repo, entry.id(), path).map(Some)
}

/// The bytes of blob `id` (shown as `path`), refused unread when larger than
/// [`MAX_STATEMENT_BYTES`].
fn read_blob(repo: &Repository, id: git2::Oid, path: &str) -> Result<Vec<u8>, StoreError> {
    let reading = || StoreError::git(format!("reading {path}"));
    let (size, _) = repo
        .odb()
        .and_then(|odb| odb.read_header(id))
        .map_err(reading())?;
    if size as u64 > MAX_STATEMENT_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
        });
    }
    let blob = repo.find_blob(id).map_err(reading())?;
    Ok(blob.content().to_vec())
}

/// The working-tree file `file` (`path` in the store), at most
/// [`MAX_STATEMENT_BYTES`] of it.
fn read_file(file: &Path, path: &str) -> Result<Vec<u8>, StoreError> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(MAX_STATEMENT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(StoreError::io(file))?;
    if bytes.len() as u64 > MAX_STATEMENT_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::read_sentence_file;

    fn store_with(statements: &[(&str, &str, &str)]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let (store, done) = Store::init(dir.path()).unwrap();
        assert!(done.repository && done.statements);
        for (series, date, text) in statements {
            let mut statement = read_sentence_file(&format!("+++\n+++\n{text}\n")).unwrap();
            statement.meta.date = Some((*date).to_owned());
            let mut request = CommitRequest::new(statement, series, "-");
            request.id = Some("s".to_owned());
            request.author = Some("T <t@example.org>".parse().unwrap());
            store.commit(request).unwrap();
        }
        (dir, store)
    }

    #[test]
    fn entries_only_for_statement_shaped_paths() {
        let e = Entry::from_path("statements/g7/2024-06-14-x.txt").unwrap();
        assert_eq!(e.to_string(), "g7/2024-06-14-x");
        assert_eq!(e.path(), "statements/g7/2024-06-14-x.txt");
        for bad in [
            "statements/g7/x.md",
            "statements/x.txt",
            "statements/G7/x.txt",
            "statements/g7/a/b.txt",
            "other/g7/x.txt",
        ] {
            assert!(Entry::from_path(bad).is_none(), "{bad}");
        }
    }

    /// The readers that return statements agree with the ones that return
    /// blob ids, which the commands use.
    #[test]
    fn revisions_and_series_read_what_their_blobs_name() {
        let (dir, store) = store_with(&[("a", "2020-01-01", "One."), ("a", "2021-01-01", "Two.")]);
        let resolve = |text: &str| {
            store
                .resolve(&StatementRef::parse(text).unwrap(), dir.path())
                .unwrap()
        };
        let text = |s: &Statement| {
            s.sentences()
                .map(|(_, t)| t.text.clone())
                .collect::<Vec<_>>()
        };
        let last = resolve("a/2021");
        let series = store.series_through(&last).unwrap();
        let blobs = store.series_through_blobs(&last).unwrap();
        assert_eq!(series.len(), 2);
        for ((version, statement), (v, s, _)) in series.iter().zip(&blobs) {
            assert_eq!((version, statement), (v, s));
        }
        assert_eq!(text(&series[0].1), ["One."]);
        assert_eq!(text(&series[1].1), ["Two."]);
        let first = resolve("a/2020");
        let revisions = store.revisions(&first).unwrap();
        let blobs = store.revision_blobs(&first).unwrap();
        assert_eq!(revisions.len(), 1);
        assert_eq!(revisions[0].0, blobs[0].0);
        assert_eq!(
            revisions[0].1.as_ref().map(text),
            Some(vec!["One.".to_owned()])
        );
    }

    #[test]
    fn resolves_names_prefixes_series_and_revisions() {
        let (dir, store) = store_with(&[
            ("a", "2020-01-01", "One."),
            ("a", "2021-01-01", "Two."),
            ("b", "2021-01-01", "Three."),
        ]);
        let resolve = |text: &str| {
            store
                .resolve(&StatementRef::parse(text).unwrap(), dir.path())
                .map(|r| r.to_string())
        };
        assert_eq!(resolve("a").unwrap(), "a/2021-01-01-s");
        assert_eq!(resolve("a/2020").unwrap(), "a/2020-01-01-s");
        assert_eq!(resolve("a/2021@HEAD~1").unwrap(), "a/2021-01-01-s@HEAD~1");
        assert!(
            matches!(resolve("a/20"), Err(StoreError::Ambiguous { candidates, .. }) if candidates.len() == 2)
        );
        assert!(matches!(
            resolve("b@HEAD~1"),
            Err(StoreError::NotInRevision { .. })
        ));
        assert!(matches!(resolve("c"), Err(StoreError::UnknownRef { .. })));
        assert!(matches!(resolve("statements/a/2020-01-01-s.txt"), Ok(r) if r == "a/2020-01-01-s"));
        let latest = store
            .resolve(&StatementRef::parse("a").unwrap(), dir.path())
            .unwrap();
        assert_eq!(
            store.previous(&latest).unwrap().to_string(),
            "a/2020-01-01-s"
        );
        let first = store.previous(&latest).unwrap();
        assert!(matches!(
            store.previous(&first),
            Err(StoreError::NoPredecessor { .. })
        ));
        assert_eq!(
            store.load(&latest).unwrap().paragraphs[0].sentences[0].text,
            "Two."
        );
    }
}
