//! Committing a statement, at its commit point: the working-tree file, the index and the
//! branch changed so that git never sees a state a user could commit by
//! mistake.
//!
//! The three cannot change at one instant. A commit killed between them
//! used to leave the index behind HEAD, and git then showed the new
//! statement as a staged deletion that the user's next `git commit` made
//! real. So everything is prepared first in `.git/communique-import/` (the
//! new file, the new index, links to the old ones), with `.git/index.lock`
//! taken (as a hard link to a file of ours, so that we can prove later that
//! the lock is ours) to keep git from writing the index meanwhile. Writing
//! the journal, which names the change, is the commit point. The file and
//! the index are then renamed into place and the branch moved last.
//!
//! Killed before the journal, the commit changed nothing but unreachable
//! objects. Killed after it, the index and the working tree already hold
//! the new text (git shows it as a change not yet committed, never as a
//! deletion) and our `index.lock` keeps `git commit` out until the next
//! communique command finishes the commit ([`recover`]).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use git2::{Index, IndexEntry, IndexTime, Oid, Repository};

use super::StoreError;

/// The folder, in the worktree's git folder, where a commit prepares its
/// changes; only ever there while a commit runs or after one was killed.
pub const PENDING: &str = "communique-import";

/// The last step of a commit: the branch moved from its old commit to the
/// new one.
pub struct BranchMove {
    /// The branch (`refs/heads/main`).
    pub branch: String,
    /// Its tip before (`None` on an unborn branch).
    pub old: Option<Oid>,
    /// The new commit.
    pub new: Oid,
    /// The reflog message, as `git commit` writes it.
    pub message: String,
}

/// One statement file a commit writes.
pub struct FileChange<'a> {
    /// The statement's path from the store's root.
    pub path: &'a str,
    /// Its new bytes.
    pub text: &'a [u8],
    /// Their blob.
    pub blob: Oid,
    /// The index entry is replaced only while it holds this blob (HEAD's
    /// before the commit; `None`: no entry), so a change the user staged for
    /// the file is never overwritten.
    pub index_expects: Option<Oid>,
}

/// What a commit (or a batch of chained commits) makes true in the working
/// tree, the index and the branch, at once.
pub struct Change<'a> {
    /// The files written, each path once.
    pub files: Vec<FileChange<'a>>,
    /// The tree an index is started from when there is none yet (a store
    /// only communique wrote to), or git would see every other file as
    /// deleted.
    pub tree: Option<Oid>,
    /// The branch move; `None` when only the working tree and the index are
    /// repaired.
    pub branch: Option<BranchMove>,
}

/// What the index needs.
struct IndexPlan {
    /// A new index is written.
    write: bool,
    /// For each file, whether its entry is written.
    added: Vec<bool>,
    /// For each file, whether the index then holds its new blob: written, or
    /// already there; `false` when it holds something the user staged (left
    /// alone).
    synced: Vec<bool>,
}

/// The names inside [`PENDING`]; the prepared files and the kept old
/// ones are numbered after the first ([`numbered`]).
const FILE: &str = "file";
const OLD_FILE: &str = "old-file";
const INDEX: &str = "index";
const OLD_INDEX: &str = "old-index";
const LOCK: &str = "lock";
const JOURNAL: &str = "journal";

/// Applies `change` to the store whose working tree is `workdir`, all or
/// nothing as git sees it. Returns, for each file, whether `.git/index` now
/// matches its new text.
pub fn apply(
    repo: &Repository,
    workdir: &Path,
    change: &Change<'_>,
) -> Result<Vec<bool>, StoreError> {
    let git_dir = repo.path();
    let mut work = Work::start(git_dir)?;
    let dir = work.dir.clone();
    let io = |p: &Path| StoreError::io(p.to_path_buf());
    let targets: Vec<PathBuf> = change.files.iter().map(|f| workdir.join(f.path)).collect();
    let mut had_file = Vec::with_capacity(targets.len());
    for (i, (file, target)) in change.files.iter().zip(&targets).enumerate() {
        let prepared = numbered(&dir, FILE, i);
        fs::write(&prepared, file.text).map_err(io(&prepared))?;
        had_file.push(keep_old(target, &numbered(&dir, OLD_FILE, i)).map_err(io(target))?);
    }
    work.lock_index()?;
    let plan = prepare_index(repo, &dir.join(INDEX), change)?;
    let index_file = git_dir.join("index");
    let had_index = plan.write && index_file.exists();
    if !plan.write {
        work.unlock_index();
    } else if had_index {
        keep_old(&index_file, &dir.join(OLD_INDEX)).map_err(io(&index_file))?;
    }
    write_journal(&dir, change)?;

    // The commit point: from here on, the next command finishes the commit.
    let undo_files = |placed: usize| {
        for (i, target) in targets.iter().enumerate().take(placed) {
            let _ = if had_file[i] {
                fs::rename(numbered(&dir, OLD_FILE, i), target)
            } else {
                fs::remove_file(target)
            };
        }
    };
    let undo_index = || {
        let _ = if had_index {
            fs::rename(dir.join(OLD_INDEX), &index_file)
        } else {
            fs::remove_file(&index_file)
        };
    };
    // A failed step undoes the ones before it; the journal goes first, so
    // that a kill during the undo is not finished by the next command.
    let abandon = || fs::remove_file(dir.join(JOURNAL));
    for (i, target) in targets.iter().enumerate() {
        if let Err(e) = place(&numbered(&dir, FILE, i), target) {
            let _ = abandon();
            undo_files(i);
            return Err(e);
        }
    }
    if plan.write {
        record_stat(&dir.join(INDEX), change, &targets, &plan.added);
    }
    if plan.write
        && let Err(e) = fs::rename(dir.join(INDEX), &index_file)
    {
        let _ = abandon();
        undo_files(targets.len());
        return Err(io(&index_file)(e));
    }
    if let Some(mv) = &change.branch
        && let Err(e) = move_branch(repo, mv)
    {
        let _ = abandon();
        if plan.write {
            undo_index();
        }
        undo_files(targets.len());
        return Err(e);
    }
    work.finish();
    Ok(plan.synced)
}

/// `base` in `dir` for the `i`th file of a change: `file`, `file.1`, … (the
/// first keeps the name a single-file commit of earlier versions used, so
/// that their journals still recover).
fn numbered(dir: &Path, base: &str, i: usize) -> PathBuf {
    match i {
        0 => dir.join(base),
        i => dir.join(format!("{base}.{i}")),
    }
}

/// Finishes a commit that was killed after its commit point, and clears
/// what one killed before it left (its folder, our `index.lock`). Call it
/// only while holding the store's lock, so that no import is running.
pub fn recover(repo: &Repository) -> Result<(), StoreError> {
    let git_dir = repo.path();
    let dir = git_dir.join(PENDING);
    if fs::symlink_metadata(&dir).is_err() {
        return Ok(());
    }
    if let Some(journal) = read_journal(&dir)? {
        // What someone changed since the kill (a file edited, a lock
        // removed by hand and the index rewritten) is theirs: it stands.
        // A prepared file already renamed into place is gone from `dir`.
        for (i, file) in journal.files.iter().enumerate() {
            let prepared = numbered(&dir, FILE, i);
            let Some(workdir) = repo.workdir() else { break };
            if !prepared.exists() {
                continue;
            }
            super::refuse_symlinks(workdir, &file.path)?;
            let target = workdir.join(&file.path);
            if holds(&target, file.was) {
                if let Some(folder) = target.parent() {
                    fs::create_dir_all(folder).map_err(StoreError::io(folder))?;
                }
                place(&prepared, &target)?;
            }
        }
        let lock = git_dir.join("index.lock");
        // An index not yet in place goes in only under our lock; one that
        // cannot (the lock is someone else's, or not provably ours) keeps
        // the branch where it is too, or the index would be behind HEAD.
        let index_waits = dir.join(INDEX).exists();
        let index_placed = index_waits && is_ours(&lock, &dir.join(LOCK)) == Some(true);
        if index_placed {
            let index = git_dir.join("index");
            fs::rename(dir.join(INDEX), &index).map_err(StoreError::io(index))?;
        }
        if let Some(mv) = &journal.branch
            && (index_placed || !index_waits)
        {
            let current = repo
                .find_reference(&mv.branch)
                .ok()
                .and_then(|r| r.target());
            // Moved by someone else since: theirs stands.
            if current == mv.old {
                clear_branch_lock(repo, mv);
                move_branch(repo, mv)?;
            }
        }
    }
    Work {
        dir,
        lock: Some(git_dir.join("index.lock")),
        taken_here: false,
    }
    .finish();
    Ok(())
}

/// Removes the temporary files earlier versions wrote beside statement
/// files (`.<name>.txt.<pid>.tmp`), and the probe folders and copies a
/// killed commit left behind. Call it
/// only while holding the store's lock: then no import is writing one.
pub fn clear_stale_temps(workdir: &Path) {
    let Ok(series) = fs::read_dir(workdir.join(super::STATEMENTS)) else {
        return;
    };
    for dir in series.flatten() {
        if !dir.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Ok(files) = fs::read_dir(dir.path()) else {
            continue;
        };
        for file in files.flatten() {
            let name = file.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".communique-probe-") {
                let _ = fs::remove_dir(file.path());
                continue;
            }
            let ours = name.starts_with(".communique-")
                || (name.starts_with('.') && name.contains(".txt."));
            if ours && name.ends_with(".tmp") && file.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(file.path());
            }
        }
    }
}

/// An index entry for a regular file at `path` with content `blob`. The
/// stat fields are left zero: git then compares the content once and
/// refreshes them.
pub fn file_entry(path: &str, blob: Oid, size: usize) -> IndexEntry {
    IndexEntry {
        ctime: IndexTime::new(0, 0),
        mtime: IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode: 0o100644,
        uid: 0,
        gid: 0,
        file_size: u32::try_from(size).unwrap_or(u32::MAX),
        id: blob,
        flags: 0,
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}

/// Records the placed files' stat data in the prepared index, as `git add`
/// would, so that git need not read them again and rewrite the index (a
/// rename changes a file's ctime, so this waits until they are placed).
/// Only the entries written for the change (`added`) are touched. Without it the
/// entries are still right, only slower for git: failures are ignored.
fn record_stat(index: &Path, change: &Change<'_>, placed: &[PathBuf], added: &[bool]) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(mut prepared) = Index::open(index) else {
            return;
        };
        let time = |secs: i64, nanos: i64| {
            IndexTime::new(
                i32::try_from(secs).unwrap_or(0),
                u32::try_from(nanos).unwrap_or(0),
            )
        };
        let truncated = |n: u64| (n & u64::from(u32::MAX)) as u32;
        let mut changed = false;
        for ((file, placed), &added) in change.files.iter().zip(placed).zip(added) {
            let Ok(meta) = fs::metadata(placed) else {
                continue;
            };
            if !added {
                continue;
            }
            let entry = IndexEntry {
                ctime: time(meta.ctime(), meta.ctime_nsec()),
                mtime: time(meta.mtime(), meta.mtime_nsec()),
                dev: truncated(meta.dev()),
                ino: truncated(meta.ino()),
                uid: meta.uid(),
                gid: meta.gid(),
                ..file_entry(file.path, file.blob, file.text.len())
            };
            changed |= prepared.add(&entry).is_ok();
        }
        if changed {
            let _ = prepared.write();
        }
    }
    #[cfg(not(unix))]
    let _ = (index, change, placed, added);
}

/// Moves the branch, refusing when it is not where the commit found it.
pub fn move_branch(repo: &Repository, mv: &BranchMove) -> Result<(), StoreError> {
    let moved = match mv.old {
        Some(old) => repo.reference_matching(&mv.branch, mv.new, true, old, &mv.message),
        None => repo.reference(&mv.branch, mv.new, false, &mv.message),
    };
    moved.map(|_| ()).map_err(|e| match e.code() {
        git2::ErrorCode::Locked => StoreError::BranchLocked {
            lock: repo.commondir().join(format!("{}.lock", mv.branch)),
        },
        _ => StoreError::git(format!("moving {} to the new commit", mv.branch))(e),
    })
}

/// Removes the branch's `.lock` file when it is the one libgit2 was
/// writing for our move when the commit was killed: empty, or holding our
/// new commit, which no other process knows.
fn clear_branch_lock(repo: &Repository, mv: &BranchMove) {
    let lock = repo.commondir().join(format!("{}.lock", mv.branch));
    // A hash and a line break; more is no lock of ours.
    if let Ok(held) = read_at_most(&lock, 128)
        && let held = String::from_utf8_lossy(&held)
        && (held.trim().is_empty() || held.trim() == mv.new.to_string())
    {
        let _ = fs::remove_file(lock);
    }
}

/// The folder of one commit in progress; dropped, it is removed with our
/// `index.lock`, unless the commit got past its commit point.
struct Work {
    dir: PathBuf,
    /// `.git/index.lock` while we hold it.
    lock: Option<PathBuf>,
    /// This process took the lock (not a recovery). Where the hard link
    /// cannot be checked (no inode numbers) or was not made (no hard
    /// links), only the process that took the lock removes it.
    taken_here: bool,
}

impl Work {
    fn start(git_dir: &Path) -> Result<Work, StoreError> {
        let dir = git_dir.join(PENDING);
        fs::create_dir(&dir).map_err(StoreError::io(&dir))?;
        Ok(Work {
            dir,
            lock: None,
            taken_here: false,
        })
    }

    /// Takes `.git/index.lock` as git does (creating it fails when it
    /// exists), as a hard link to a file of ours.
    fn lock_index(&mut self) -> Result<(), StoreError> {
        let ours = self.dir.join(LOCK);
        fs::write(&ours, b"").map_err(StoreError::io(&ours))?;
        let lock = self.dir.with_file_name("index.lock");
        match fs::hard_link(&ours, &lock) {
            Ok(()) => {
                self.lock = Some(lock);
                self.taken_here = true;
                Ok(())
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(StoreError::IndexLocked { lock }),
            // A file system without hard links: take it as git does.
            Err(_) => match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock)
            {
                Ok(_) => {
                    // No link to prove it by: taken here, removed here.
                    let _ = fs::remove_file(&ours);
                    self.lock = Some(lock);
                    self.taken_here = true;
                    Ok(())
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    Err(StoreError::IndexLocked { lock })
                }
                Err(e) => Err(StoreError::io(lock)(e)),
            },
        }
    }

    fn unlock_index(&mut self) {
        let ours = self.dir.join(LOCK);
        if let Some(lock) = self.lock.take()
            && match is_ours(&lock, &ours) {
                Some(proved) => proved,
                None => self.taken_here,
            }
        {
            let _ = fs::remove_file(lock);
        }
    }

    fn finish(mut self) {
        self.unlock_index();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl Drop for Work {
    fn drop(&mut self) {
        if self.dir.join(JOURNAL).exists() {
            // Past the commit point and not finished: leave it to recover.
            return;
        }
        self.unlock_index();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Keeps the file at `from` as `to`, for an undo: a hard link, else a copy
/// (on a file system without links). `false` when there is no file.
fn keep_old(from: &Path, to: &Path) -> std::io::Result<bool> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(_) => match fs::copy(from, to) {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        },
    }
}

/// Whether the file at `path` holds the blob `was` (`None`: no file).
fn holds(path: &Path, was: Option<Oid>) -> bool {
    match (was, fs::symlink_metadata(path)) {
        (None, Err(e)) => e.kind() == ErrorKind::NotFound,
        (Some(was), Ok(_)) => Oid::hash_file(git2::ObjectType::Blob, path).is_ok_and(|o| o == was),
        _ => false,
    }
}

/// Whether `lock` is a hard link to `ours` (the same file), so that a lock
/// a git process took is never removed; `None` where that cannot be told
/// (no file of ours to compare with, or no inode numbers).
fn is_ours(lock: &Path, ours: &Path) -> Option<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ours = fs::metadata(ours).ok()?;
        Some(fs::metadata(lock).is_ok_and(|l| l.dev() == ours.dev() && l.ino() == ours.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (lock, ours);
        None
    }
}

/// Writes the new index to `to` (a copy of `.git/index` with the files'
/// entries changed), or says why none is needed.
fn prepare_index(
    repo: &Repository,
    to: &Path,
    change: &Change<'_>,
) -> Result<IndexPlan, StoreError> {
    let index_file = repo.path().join("index");
    let first = change.files.first().map_or("", |f| f.path);
    let git = || StoreError::git(format!("preparing the index for {first}"));
    let files = change.files.len();
    let untouched = |synced: Vec<bool>| IndexPlan {
        write: false,
        added: vec![false; files],
        synced,
    };
    match fs::copy(&index_file, to) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(StoreError::io(index_file)(e)),
    }
    // An index libgit2 cannot read (a split index) is left as it is, as
    // git would show it: the caller says so.
    let Ok(mut index) = Index::open(to) else {
        let _ = fs::remove_file(to);
        return Ok(untouched(vec![false; files]));
    };
    let fresh = match (index.is_empty(), change.tree) {
        (true, Some(tree)) => {
            let tree = repo.find_tree(tree).map_err(git())?;
            index.read_tree(&tree).map_err(git())?;
            true
        }
        _ => false,
    };
    let (mut added, mut synced) = (Vec::with_capacity(files), Vec::with_capacity(files));
    for file in &change.files {
        let current = index.get_path(Path::new(file.path), 0).map(|e| e.id);
        let add = fresh || current == file.index_expects;
        if add {
            let entry = file_entry(file.path, file.blob, file.text.len());
            index.add(&entry).map_err(git())?;
        }
        added.push(add);
        synced.push(add || current == Some(file.blob));
    }
    if !added.contains(&true) {
        // No new index: no copy for a recovery to put in place.
        let _ = fs::remove_file(to);
        return Ok(untouched(synced));
    }
    index.write().map_err(git())?;
    Ok(IndexPlan {
        write: true,
        added,
        synced,
    })
}

/// Renames the prepared file into the working tree; where the git folder is
/// on another file system, copies it beside the target and renames that.
fn place(prepared: &Path, target: &Path) -> Result<(), StoreError> {
    match fs::rename(prepared, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::CrossesDevices => {
            let dir = target.parent().unwrap_or(Path::new("."));
            let io = StoreError::io(target);
            let temp = tempfile::Builder::new()
                .prefix(".communique-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .and_then(|t| fs::copy(prepared, t.path()).map(|_| t));
            match temp {
                Ok(t) => t.persist(target).map(|_| ()).map_err(|e| io(e.error)),
                Err(e) => Err(io(e)),
            }
        }
        Err(e) => Err(StoreError::io(target)(e)),
    }
}

/// The journal: what [`recover`] needs to finish the commit.
struct Journal {
    files: Vec<JournalFile>,
    branch: Option<BranchMove>,
}

/// One file of a journal.
struct JournalFile {
    path: String,
    /// The blob the working-tree file held before (`None`: no file).
    was: Option<Oid>,
}

/// The most [`read_journal`] reads: a journal is, for each of at most
/// [`MAX_BATCH_FILES`] files, a path (names are at most 100 bytes, so a
/// path under 220) and a hash, then three hashes and a reflog message cut
/// to [`MAX_REFLOG_BYTES`]: under 700 KB.
const MAX_JOURNAL_BYTES: usize = 1 << 20;
const MAX_REFLOG_BYTES: usize = 16 << 10;

/// The most files one commit point (one journal) changes.
pub const MAX_BATCH_FILES: usize = 2048;

/// The bytes of the file at `path`, of at most `limit` bytes and one more
/// (so that a caller can tell a longer file).
fn read_at_most(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn write_journal(dir: &Path, change: &Change<'_>) -> Result<(), StoreError> {
    let oid = |o: Option<Oid>| o.map_or("-".to_owned(), |o| o.to_string());
    let mut text = String::new();
    for file in &change.files {
        text.push_str(&format!(
            "path {}\nwas {}\n",
            file.path,
            oid(file.index_expects)
        ));
    }
    if let Some(mv) = &change.branch {
        text.push_str(&format!(
            "branch {}\nold {}\nnew {}\nmessage {}\n",
            mv.branch,
            oid(mv.old),
            mv.new,
            reflog_line(&mv.message)
        ));
    }
    let temp = dir.join("journal.tmp");
    fs::write(&temp, text).map_err(StoreError::io(&temp))?;
    let journal = dir.join(JOURNAL);
    fs::rename(&temp, &journal).map_err(StoreError::io(journal))
}

/// `message` on one line, cut (at a character) to [`MAX_REFLOG_BYTES`].
fn reflog_line(message: &str) -> String {
    let mut end = message.len().min(MAX_REFLOG_BYTES);
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    message[..end].replace('\n', " ")
}

fn read_journal(dir: &Path) -> Result<Option<Journal>, StoreError> {
    let file = dir.join(JOURNAL);
    let bytes = match read_at_most(&file, MAX_JOURNAL_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(file)(e)),
    };
    let broken = || StoreError::BrokenJournal {
        journal: file.clone(),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) if text.len() <= MAX_JOURNAL_BYTES => text,
        _ => return Err(broken()),
    };
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(' '))
            .map(str::to_owned)
    };
    let oid = |key: &str| -> Result<Option<Oid>, StoreError> {
        match field(key).as_deref() {
            Some("-") => Ok(None),
            Some(hex) => Oid::from_str(hex).map(Some).map_err(|_| broken()),
            None => Err(broken()),
        }
    };
    // `path` and `was` lines come in pairs, one per file, in order.
    let mut files = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line.strip_prefix("path ") else {
            continue;
        };
        let was = match lines.next().and_then(|l| l.strip_prefix("was ")) {
            Some("-") => None,
            Some(hex) => Some(Oid::from_str(hex).map_err(|_| broken())?),
            None => return Err(broken()),
        };
        if super::Entry::from_path(path).is_none() || files.len() >= MAX_BATCH_FILES {
            return Err(broken());
        }
        files.push(JournalFile {
            path: path.to_owned(),
            was,
        });
    }
    if files.is_empty() {
        return Err(broken());
    }
    let branch = match field("branch") {
        Some(branch) => Some(BranchMove {
            branch,
            old: oid("old")?,
            new: oid("new")?.ok_or_else(broken)?,
            message: field("message").unwrap_or_default(),
        }),
        None => None,
    };
    Ok(Some(Journal { files, branch }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository with one empty commit, and the commit of one file
    /// prepared against it: (folder, repository, change's parts).
    fn prepared() -> (tempfile::TempDir, Repository, Oid, Oid, Oid, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Repository::init(dir.path()).expect("init");
        let sig = git2::Signature::now("T", "t@example.org").expect("signature");
        let empty = repo
            .treebuilder(None)
            .and_then(|t| t.write())
            .expect("tree");
        let empty = repo.find_tree(empty).expect("tree");
        let base = repo
            .commit(Some("HEAD"), &sig, &sig, "base", &empty, &[])
            .expect("base");
        let blob = repo.blob(TEXT).expect("blob");
        let mut index = Index::new().expect("index");
        index.add(&file_entry(PATH, blob, TEXT.len())).expect("add");
        let tree = index.write_tree_to(&repo).expect("tree");
        let parent = repo.find_commit(base).expect("base");
        let new = repo
            .commit(
                None,
                &sig,
                &sig,
                "Import",
                &repo.find_tree(tree).expect("tree"),
                &[&parent],
            )
            .expect("commit");
        let branch = repo
            .find_reference("HEAD")
            .ok()
            .and_then(|h| h.symbolic_target().ok().flatten().map(str::to_owned))
            .expect("a branch");
        drop((empty, parent));
        (dir, repo, base, new, blob, branch)
    }

    const PATH: &str = "statements/s/2024-01-01-a.txt";
    const TEXT: &[u8] = b"The Ministers met.\n";

    /// Leaves what a commit killed just before (or, `after_journal`, just
    /// after) its commit point leaves: nothing cleaned.
    fn killed(repo: &Repository, change: &Change<'_>, after_journal: bool) {
        let mut work = Work::start(repo.path()).expect("start");
        for (i, file) in change.files.iter().enumerate() {
            fs::write(numbered(&work.dir, FILE, i), file.text).expect("file");
        }
        work.lock_index().expect("lock");
        let plan = prepare_index(repo, &work.dir.join(INDEX), change).expect("index");
        assert!(plan.write);
        if after_journal {
            write_journal(&work.dir, change).expect("journal");
        }
        std::mem::forget(work);
        assert!(repo.path().join("index.lock").exists());
    }

    fn change(base: Oid, new: Oid, blob: Oid, branch: &str) -> Change<'static> {
        Change {
            files: vec![FileChange {
                path: PATH,
                text: TEXT,
                blob,
                index_expects: None,
            }],
            tree: None,
            branch: Some(BranchMove {
                branch: branch.to_owned(),
                old: Some(base),
                new,
                message: "commit: Import".to_owned(),
            }),
        }
    }

    #[test]
    fn a_commit_killed_after_its_commit_point_is_finished() {
        let (dir, repo, base, new, blob, branch) = prepared();
        killed(&repo, &change(base, new, blob, &branch), true);
        recover(&repo).expect("recover");
        let tip = repo.find_reference(&branch).ok().and_then(|r| r.target());
        assert_eq!(tip, Some(new));
        assert_eq!(fs::read(dir.path().join(PATH)).expect("placed"), TEXT);
        let mut index = repo.index().expect("index");
        index.read(true).expect("read");
        assert_eq!(index.get_path(Path::new(PATH), 0).map(|e| e.id), Some(blob));
        assert!(!repo.path().join("index.lock").exists());
        assert!(!repo.path().join(PENDING).exists());
    }

    #[test]
    fn a_commit_killed_before_its_commit_point_changes_nothing() {
        let (dir, repo, base, new, blob, branch) = prepared();
        killed(&repo, &change(base, new, blob, &branch), false);
        recover(&repo).expect("recover");
        let tip = repo.find_reference(&branch).ok().and_then(|r| r.target());
        assert_eq!(tip, Some(base));
        assert!(!dir.path().join(PATH).exists());
        assert!(!repo.path().join("index.lock").exists());
        assert!(!repo.path().join(PENDING).exists());
    }

    #[test]
    fn a_journal_longer_than_any_written_is_refused_unread() {
        let (_dir, repo, base, new, blob, branch) = prepared();
        killed(&repo, &change(base, new, blob, &branch), true);
        let journal = repo.path().join(PENDING).join(JOURNAL);
        let file = fs::OpenOptions::new()
            .write(true)
            .open(&journal)
            .expect("journal");
        // Its fields still read; only its length gives it away.
        file.set_len(MAX_JOURNAL_BYTES as u64 + 1).expect("grown");
        let error = recover(&repo).expect_err("refused");
        assert!(matches!(error, StoreError::BrokenJournal { .. }), "{error}");
        let tip = repo.find_reference(&branch).ok().and_then(|r| r.target());
        assert_eq!(tip, Some(base));
    }

    #[test]
    fn a_long_commit_message_is_cut_in_the_journal_not_lost() {
        let (_dir, repo, base, new, blob, branch) = prepared();
        let mut change = change(base, new, blob, &branch);
        let message = format!("commit: {}", "…".repeat(MAX_JOURNAL_BYTES));
        if let Some(mv) = &mut change.branch {
            mv.message = message.clone();
        }
        killed(&repo, &change, true);
        recover(&repo).expect("recover");
        let tip = repo.find_reference(&branch).ok().and_then(|r| r.target());
        assert_eq!(tip, Some(new));
        let reflog = repo.reflog(&branch).expect("reflog");
        let logged = (reflog.get(0)).and_then(|e| e.message().ok().flatten().map(str::to_owned));
        let logged = logged.expect("a message");
        assert!(logged.len() <= MAX_REFLOG_BYTES && message.starts_with(&logged));
    }

    #[test]
    fn a_lock_someone_else_holds_is_never_removed() {
        let (_dir, repo, base, new, blob, branch) = prepared();
        killed(&repo, &change(base, new, blob, &branch), true);
        // Someone removed our lock by hand and a git command took it since.
        let lock = repo.path().join("index.lock");
        fs::remove_file(&lock).expect("remove");
        fs::write(&lock, b"theirs").expect("their lock");
        recover(&repo).expect("recover");
        assert_eq!(fs::read(&lock).expect("kept"), b"theirs");
        // The index could not be updated, so the branch did not move either:
        // HEAD never gets ahead of the index.
        let tip = repo.find_reference(&branch).ok().and_then(|r| r.target());
        assert_eq!(tip, Some(base));
    }
}
