//! Committing many statements in one run at a cost per file that does not
//! grow with the store.
//!
//! Each statement still gets its own commit (a statement's history lists
//! them), but the commits of a batch are built in memory, each on the one
//! before, with trees rebuilt only along the changed path (the series
//! folder, `statements/`, the root) rather than from an index of the whole
//! store. The working-tree files, their `.git/index` entries and the branch
//! then change once per batch, through one journal that lists every file
//! (the `pending` module): a kill leaves the store as it was before the
//! batch or as it is after it, never between. The store's lock is held per
//! batch, so another import waits for one batch, not for the whole run.
//!
//! A single import is a batch of one ([`Store::commit`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use git2::{ObjectType, Oid, Repository, Signature};

use super::commit::{DEFAULT_LOCK_TIMEOUT, Target, id_for};
use super::lock::{StoreLock, branch_lock};
use super::pending::{self, BranchMove, Change, FileChange, MAX_BATCH_FILES};
use super::{CommitChange, CommitRequest, Committed, Entry, Store, StoreError, names, read_file};
use crate::statement::{is_valid_date, write_sentence_file};

/// How many files a batch changes at most before it is committed, by
/// default: enough that rewriting `.git/index` once per batch costs little
/// per file, few enough that a kill loses little work.
pub const DEFAULT_BATCH_FILES: usize = 256;

/// Statements being committed together; see the module's documentation.
///
/// [`Batch::add`] builds each commit; the batch lands (files, index and
/// branch) when it has taken [`Batch::limit`] requests, and at
/// [`Batch::finish`].
/// Dropped before it lands, a batch changes nothing but unreachable objects.
pub struct Batch<'s> {
    store: &'s Store,
    /// How long to wait for another import's lock, per batch (default
    /// [`DEFAULT_LOCK_TIMEOUT`]).
    pub lock_timeout: Duration,
    /// How many requests (files, changed or not) a batch takes before it
    /// lands, releasing the store's lock (default
    /// [`DEFAULT_BATCH_FILES`]; at most [`MAX_BATCH_FILES`], one journal's
    /// worth).
    pub limit: usize,
    open: Option<Open>,
    /// Whether a batch was started, which cleared what killed imports left.
    started: bool,
    /// Results of landed batches, not yet taken.
    done: Vec<Committed>,
}

/// A batch being built: the store's lock held, commits made, branch not
/// moved yet.
struct Open {
    _lock: StoreLock,
    workdir: Option<PathBuf>,
    branch: String,
    /// The branch's tip when the batch started, and its tree.
    base: Option<Oid>,
    base_tree: Option<Oid>,
    /// The last commit built, and its tree.
    tip: Option<Oid>,
    tree: Option<Oid>,
    commits: usize,
    /// The first line of the last commit's message, for the reflog.
    summary: String,
    /// The files to write, each path once, with its final text.
    files: Vec<Staged>,
    by_path: HashMap<String, usize>,
    /// Folders made ready for the files ([`Target`]); removed again when
    /// made here and the batch fails.
    targets: Vec<Target>,
    ready: HashSet<PathBuf>,
    locks_checked: bool,
    /// Results, in the order of the requests; `index_synced` is known only
    /// once the batch lands.
    results: Vec<Committed>,
}

/// One file of a batch.
struct Staged {
    path: String,
    text: String,
    blob: Oid,
    /// HEAD's blob for the path when the batch started (`None`: none).
    index_expects: Option<Oid>,
}

impl Store {
    /// A batch of commits on this store; see [`Batch`].
    pub fn batch(&self) -> Batch<'_> {
        Batch {
            store: self,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            limit: DEFAULT_BATCH_FILES,
            open: None,
            started: false,
            done: Vec::new(),
        }
    }
}

impl<'s> Batch<'s> {
    /// Commits a statement in memory, after the ones before it; it lands
    /// with its batch. The checks are those of a single import: different
    /// text over an existing statement needs `revise`, uncommitted edits to
    /// its file are never overwritten, the exact text already stored is
    /// [`CommitChange::Unchanged`] (found from blob ids alone, so re-running
    /// an interrupted import skips what landed cheaply).
    ///
    /// A refused request changes nothing; the batch stays as it was.
    pub fn add(&mut self, request: CommitRequest) -> Result<(), StoreError> {
        let (entry, text) = prepare(&request)?;
        if self.open.is_none() {
            let first = !self.started;
            self.open = Some(Open::start(self.store, self.lock_timeout, first)?);
            self.started = true;
        }
        let Some(open) = self.open.as_mut() else {
            return Ok(());
        };
        let at_limit = open.add(self.store, &request, entry, text)?;
        // Unchanged files count too: the lock is held for a batch at most.
        if at_limit || open.results.len() >= self.limit.clamp(1, MAX_BATCH_FILES) {
            self.land()?;
        }
        Ok(())
    }

    /// The results of the batches landed so far and not yet taken, in the
    /// order of the requests.
    pub fn take_done(&mut self) -> Vec<Committed> {
        std::mem::take(&mut self.done)
    }

    /// Lands what is left and returns every result not yet taken.
    pub fn finish(mut self) -> Result<Vec<Committed>, StoreError> {
        self.land()?;
        Ok(self.take_done())
    }

    /// Lands the open batch, if any: files, index entries and branch at
    /// once. On failure the store is as it was before the batch.
    fn land(&mut self) -> Result<(), StoreError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let results = open.land(&self.store.repo)?;
        self.done.extend(results);
        Ok(())
    }
}

/// The entry and sentence-file text of a request, checked before anything
/// is locked or written.
fn prepare(request: &CommitRequest) -> Result<(Entry, String), StoreError> {
    let mut statement = request.statement.clone();
    let series = request.series.clone();
    names::validate("series", &series)?;
    let date = statement
        .meta
        .date
        .clone()
        .ok_or_else(|| StoreError::MissingDate {
            origin: request.origin.clone(),
        })?;
    if !is_valid_date(&date) {
        return Err(StoreError::InvalidDate {
            origin: request.origin.clone(),
            date,
        });
    }
    let id = id_for(request, &statement, &date)?;
    statement.meta.series = Some(series.clone());
    let text = write_sentence_file(&statement);
    Ok((Entry { series, id }, text))
}

impl Open {
    /// Takes the store's lock, finishes what a killed import left (and,
    /// `first` in a run, clears its temporary files, a walk of the whole
    /// working tree), and reads the branch.
    fn start(store: &Store, timeout: Duration, first: bool) -> Result<Open, StoreError> {
        let lock = StoreLock::acquire(store.repo.commondir(), timeout)?;
        // We hold the lock: finish or clear what a killed commit left.
        pending::recover(&store.repo)?;
        let workdir = store.repo.workdir().map(Path::to_path_buf);
        if let Some(workdir) = workdir.as_ref().filter(|_| first) {
            pending::clear_stale_temps(workdir);
        }
        let branch = store.branch()?;
        let tip = store.tip(&branch)?;
        let base = tip.as_ref().map(git2::Commit::id);
        let base_tree = tip.as_ref().map(git2::Commit::tree_id);
        Ok(Open {
            _lock: lock,
            workdir,
            branch,
            base,
            base_tree,
            tip: base,
            tree: base_tree,
            commits: 0,
            summary: String::new(),
            files: Vec::new(),
            by_path: HashMap::new(),
            targets: Vec::new(),
            ready: HashSet::new(),
            locks_checked: false,
            results: Vec::new(),
        })
    }

    /// Commits one statement in memory. Returns whether the batch can take
    /// no other file.
    fn add(
        &mut self,
        store: &Store,
        request: &CommitRequest,
        entry: Entry,
        text: String,
    ) -> Result<bool, StoreError> {
        let repo = &store.repo;
        let path = entry.path();
        if let Some(workdir) = &self.workdir {
            super::refuse_symlinks(workdir, &path)?;
        }
        let hash = |bytes: &[u8]| {
            Oid::hash_object(ObjectType::Blob, bytes)
                .map_err(StoreError::git(format!("hashing {path}")))
        };
        let blob = hash(text.as_bytes())?;
        let old = blob_id(repo, self.tree, &path)?;
        let staged = self.by_path.get(&path).copied();
        if old == Some(blob) {
            // The text is committed; an interrupted commit of an earlier
            // version may have left its file out of the working tree. Its
            // text need not be read: a re-run skips stored files cheaply.
            let missing = staged.is_none()
                && self.workdir.as_ref().is_some_and(|w| {
                    std::fs::symlink_metadata(w.join(&path))
                        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                });
            let change = match (&self.workdir, missing) {
                (Some(workdir), true) => {
                    self.ready(workdir.clone(), &path)?;
                    self.stage(path, text, blob, None);
                    CommitChange::Restored
                }
                _ => CommitChange::Unchanged,
            };
            return Ok(self.record(entry, change, None));
        }
        if old.is_some() && !request.revise {
            return Err(StoreError::Exists {
                reference: entry.to_string(),
                origin: request.origin.clone(),
            });
        }
        // Never overwrite edits the user has not committed.
        if let (Some(workdir), None) = (&self.workdir, staged) {
            let current = match read_file(&workdir.join(&path), &path) {
                Ok(bytes) => Some(hash(&bytes)?),
                Err(StoreError::Io { error, .. })
                    if error.kind() == std::io::ErrorKind::NotFound =>
                {
                    None
                }
                Err(e) => return Err(e),
            };
            if current != old && current != Some(blob) {
                return Err(StoreError::Dirty { path });
            }
        }
        self.check_locks(repo)?;
        if let Some(workdir) = self.workdir.clone() {
            self.ready(workdir, &path)?;
        }
        let context = || format!("committing {path}");
        let written = repo
            .blob(text.as_bytes())
            .map_err(StoreError::git(context()))?;
        let tree = tree_with(repo, self.tree, &path, written)?;
        let (author, committer) = store.identities(request.author.as_ref())?;
        let change = if old.is_some() {
            CommitChange::Revised
        } else {
            CommitChange::Created
        };
        let message = request.message.clone().unwrap_or_else(|| match change {
            CommitChange::Revised => format!("Revise {entry}"),
            _ => format!("Import {entry}"),
        });
        let commit = commit(repo, (&author, &committer), &message, tree, self.tip)
            .map_err(StoreError::git(context()))?;
        self.tip = Some(commit);
        self.tree = Some(tree);
        self.commits += 1;
        self.summary = message.lines().next().unwrap_or_default().to_owned();
        let expects = old;
        self.stage(path, text, written, expects);
        Ok(self.record(entry, change, Some(commit)))
    }

    /// Adds a file to write, or gives a staged one its new text.
    fn stage(&mut self, path: String, text: String, blob: Oid, index_expects: Option<Oid>) {
        match self.by_path.get(&path) {
            Some(&i) => {
                // The index and the working tree still hold what they held
                // before the batch: that is what the file must replace.
                self.files[i].text = text;
                self.files[i].blob = blob;
            }
            None => {
                self.by_path.insert(path.clone(), self.files.len());
                self.files.push(Staged {
                    path,
                    text,
                    blob,
                    index_expects,
                });
            }
        }
    }

    /// Records a result; returns whether the batch is full.
    fn record(&mut self, entry: Entry, change: CommitChange, commit: Option<Oid>) -> bool {
        self.results.push(Committed {
            entry,
            change,
            commit: commit.map(|c| c.to_string()),
            index_synced: true,
        });
        self.files.len() >= MAX_BATCH_FILES
    }

    /// Refuses locks git left before the batch writes anything, objects
    /// included; once per batch.
    fn check_locks(&mut self, repo: &Repository) -> Result<(), StoreError> {
        if self.locks_checked {
            return Ok(());
        }
        let git_dir = repo.commondir();
        if branch_lock(git_dir, &self.branch).is_some() {
            return Err(StoreError::BranchLocked {
                lock: git_dir.join(format!("{}.lock", self.branch)),
            });
        }
        // The index is per worktree (`repo.path()`, not the common dir).
        let index_lock = repo.path().join("index.lock");
        if self.workdir.is_some() && index_lock.exists() {
            return Err(StoreError::IndexLocked { lock: index_lock });
        }
        self.locks_checked = true;
        Ok(())
    }

    /// Makes the folder of `path` ready, once per folder per batch.
    fn ready(&mut self, workdir: PathBuf, path: &str) -> Result<(), StoreError> {
        let folder = Path::new(path).parent().map(Path::to_path_buf);
        if let Some(folder) = folder
            && !self.ready.contains(&folder)
        {
            self.targets.push(Target::prepare(&workdir, path)?);
            self.ready.insert(folder);
        }
        Ok(())
    }

    /// Applies the batch at once; returns its results.
    fn land(self, repo: &Repository) -> Result<Vec<Committed>, StoreError> {
        let Open {
            branch,
            base,
            base_tree,
            tip,
            tree,
            commits,
            summary,
            files,
            targets,
            workdir,
            mut results,
            ..
        } = self;
        let branch_move = match (commits, tip) {
            (0, _) | (_, None) => None,
            (n, Some(new)) => Some(BranchMove {
                message: reflog_message(base.is_some(), &summary, n),
                branch,
                old: base,
                new,
            }),
        };
        let synced = match &workdir {
            Some(workdir) if !files.is_empty() => {
                let change = Change {
                    files: files
                        .iter()
                        .map(|f| FileChange {
                            path: &f.path,
                            text: f.text.as_bytes(),
                            blob: f.blob,
                            index_expects: f.index_expects,
                        })
                        .collect(),
                    tree: base_tree.and(tree),
                    branch: branch_move,
                };
                pending::apply(repo, workdir, &change)?
            }
            _ => {
                if let Some(mv) = &branch_move {
                    pending::move_branch(repo, mv)?;
                }
                Vec::new()
            }
        };
        for target in targets {
            target.keep();
        }
        let synced: HashMap<String, bool> = files.into_iter().map(|f| f.path).zip(synced).collect();
        for result in &mut results {
            if let Some(&s) = synced.get(&result.entry.path()) {
                result.index_synced = s;
            }
        }
        Ok(results)
    }
}

/// The reflog line of a batch, as `git commit` writes one for a commit.
fn reflog_message(born: bool, summary: &str, commits: usize) -> String {
    let kind = if born { "commit" } else { "commit (initial)" };
    match commits {
        1 => format!("{kind}: {summary}"),
        n => format!("{kind}: {summary} (the last of {n} commits of an import)"),
    }
}

/// Writes a commit object (the branch not moved) on `parent`.
fn commit(
    repo: &Repository,
    (author, committer): (&Signature<'_>, &Signature<'_>),
    message: &str,
    tree: Oid,
    parent: Option<Oid>,
) -> Result<Oid, git2::Error> {
    let tree = repo.find_tree(tree)?;
    let parent = parent.map(|p| repo.find_commit(p)).transpose()?;
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(None, author, committer, message, &tree, &parents)
}

/// The blob at `path` in `tree`, if there is one (a folder there is none).
fn blob_id(repo: &Repository, tree: Option<Oid>, path: &str) -> Result<Option<Oid>, StoreError> {
    let Some(tree) = tree else { return Ok(None) };
    let git = || StoreError::git(format!("looking up {path}"));
    let tree = repo.find_tree(tree).map_err(git())?;
    match tree.get_path(Path::new(path)) {
        Ok(entry) if entry.kind() == Some(ObjectType::Blob) => Ok(Some(entry.id())),
        Ok(_) => Ok(None),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(git()(e)),
    }
}

/// `base` with the blob at `path` added or replaced. Only the trees along
/// the path are rebuilt: the work is that of the folders on the way, not
/// of the whole store.
fn tree_with(
    repo: &Repository,
    base: Option<Oid>,
    path: &str,
    blob: Oid,
) -> Result<Oid, StoreError> {
    let parts: Vec<&str> = path.split('/').collect();
    insert(repo, base, &parts, blob)
        .map_err(StoreError::git(format!("building the tree for {path}")))
}

fn insert(
    repo: &Repository,
    tree: Option<Oid>,
    parts: &[&str],
    blob: Oid,
) -> Result<Oid, git2::Error> {
    let base = tree.map(|id| repo.find_tree(id)).transpose()?;
    let mut builder = repo.treebuilder(base.as_ref())?;
    match parts {
        [] => return Err(git2::Error::from_str("an empty path")),
        [name] => {
            builder.insert(name, blob, 0o100644)?;
        }
        [name, rest @ ..] => {
            let sub = match builder.get(name)? {
                Some(e) if e.kind() == Some(ObjectType::Tree) => Some(e.id()),
                Some(_) => {
                    return Err(git2::Error::from_str(&format!(
                        "{name} is a file in HEAD, where a folder is needed"
                    )));
                }
                None => None,
            };
            let id = insert(repo, sub, rest, blob)?;
            builder.insert(name, id, 0o040000)?;
        }
    }
    builder.write()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::read_sentence_file;

    fn request(id: &str, text: &str) -> CommitRequest {
        let mut statement = read_sentence_file(&format!("+++\n+++\n{text}\n")).expect("parses");
        statement.meta.date = Some("2024-01-01".to_owned());
        let mut request = CommitRequest::new(statement, "s", "-");
        request.id = Some(id.to_owned());
        request.author = "T <t@example.org>".parse().ok();
        request
    }

    #[test]
    fn a_batch_chains_one_commit_per_file_and_lands_in_batches() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, _) = Store::init(dir.path()).expect("store");
        let mut batch = store.batch();
        batch.limit = 2;
        batch.add(request("a", "One.")).expect("a");
        assert!(
            batch.take_done().is_empty(),
            "nothing lands before the limit"
        );
        batch.add(request("b", "Two.")).expect("b");
        assert_eq!(batch.take_done().len(), 2, "the first batch landed");
        batch.add(request("a", "One.")).expect("a again");
        let mut revised = request("b", "Two, revised.");
        revised.revise = true;
        batch.add(revised).expect("b revised");
        // Refused: different text without --revise. What came before stands.
        let refused = batch.add(request("a", "Changed."));
        assert!(
            matches!(refused, Err(StoreError::Exists { .. })),
            "{refused:?}"
        );
        let done = batch.finish().expect("lands");
        let changes: Vec<CommitChange> = done.iter().map(|c| c.change).collect();
        assert_eq!(changes, [CommitChange::Unchanged, CommitChange::Revised]);
        assert!(done.iter().all(|c| c.index_synced));
        // Three commits, each on the one before: a, b, then b revised.
        let repo = &store.repo;
        let mut walk = repo.revwalk().expect("walk");
        walk.push_head().expect("head");
        let messages: Vec<String> = walk
            .map(|id| {
                let commit = repo.find_commit(id.expect("id")).expect("commit");
                commit
                    .summary()
                    .ok()
                    .flatten()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            messages,
            [
                "Revise s/2024-01-01-b",
                "Import s/2024-01-01-b",
                "Import s/2024-01-01-a"
            ]
        );
        let text = std::fs::read_to_string(dir.path().join("statements/s/2024-01-01-b.txt"));
        assert!(text.expect("placed").contains("Two, revised."));
        assert!(repo.statuses(None).expect("status").is_empty());
    }
}
