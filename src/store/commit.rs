//! Storing a statement: write its sentence file and commit it, without
//! touching anything else the user has in the repository.
//!
//! The commit is built from HEAD's tree, rebuilding only the folders on the
//! statement's path, so the user's staged and unstaged changes to other
//! files are neither committed nor disturbed. The commit object is written
//! with the branch left where it is; the `pending` module then changes the
//! working-tree file, its entry (alone) in `.git/index` and the branch, all
//! or nothing as git sees it, even when the process is killed. A failed
//! import leaves nothing behind but unreachable objects, which `git gc`
//! removes. One import is a batch of one (the `batch` module).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use git2::{Commit, ErrorCode, Signature};

use super::lock::StoreLock;
use super::pending;
use super::{Entry, Store, StoreError, names};
use crate::statement::Statement;

/// Who a commit is by when neither the repository's git config nor the
/// request names anyone.
pub const DEFAULT_IDENTITY: &str = "communique <communique@localhost>";

/// How long a commit waits for another one to finish, by default.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// A statement to store, and how.
#[derive(Clone, Debug)]
pub struct CommitRequest {
    /// The statement, its metadata complete (the date at least): the caller
    /// lays flags over what the importer found.
    pub statement: Statement,
    /// The series to file it under.
    pub series: String,
    /// The id (slug); the date is put in front unless it starts with it.
    /// Default: the source file's name without its date, else the title.
    pub id: Option<String>,
    /// The source file (or `-`), named in errors; its name is the id's default.
    pub origin: String,
    /// The commit message. Default: `Import <series>/<id>` or `Revise …`.
    pub message: Option<String>,
    /// Whether different text may replace an existing statement as a new
    /// draft of it (default `false`).
    pub revise: bool,
    /// The author. Default: the repository's git identity, else
    /// [`DEFAULT_IDENTITY`]. The committer is always the git identity when
    /// there is one.
    pub author: Option<Identity>,
    /// How long to wait for another commit (default [`DEFAULT_LOCK_TIMEOUT`]).
    pub lock_timeout: Duration,
}

impl CommitRequest {
    /// A request with every option at its default.
    pub fn new(statement: Statement, series: &str, origin: &str) -> CommitRequest {
        CommitRequest {
            statement,
            series: series.to_owned(),
            id: None,
            origin: origin.to_owned(),
            message: None,
            revise: false,
            author: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        }
    }
}

/// A commit identity, written `Name <email>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// The name.
    pub name: String,
    /// The email address.
    pub email: String,
}

impl FromStr for Identity {
    type Err = String;

    fn from_str(s: &str) -> Result<Identity, String> {
        let bad = || format!("{s:?} is not an identity; write it as \"Name <email>\"");
        let (name, rest) = s.split_once('<').ok_or_else(bad)?;
        let email = rest.strip_suffix('>').ok_or_else(bad)?;
        let (name, email) = (name.trim(), email.trim());
        let clean = |t: &str| !t.is_empty() && !t.contains(['<', '>', '\n']);
        if !clean(name) || !clean(email) {
            return Err(bad());
        }
        Ok(Identity {
            name: name.to_owned(),
            email: email.to_owned(),
        })
    }
}

impl std::fmt::Display for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// What a commit did to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommitChange {
    /// A new statement was committed.
    Created,
    /// A new draft of an existing statement was committed.
    Revised,
    /// The store already held this exact text: nothing was done.
    Unchanged,
    /// The store held this text, but its file was missing from the working
    /// tree (an import killed under an earlier version of communique): it was put back, and
    /// its index entry too where that was missing.
    Restored,
}

/// The result of a commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed {
    /// The statement.
    pub entry: Entry,
    /// What happened.
    pub change: CommitChange,
    /// The new commit's hash (none when unchanged).
    pub commit: Option<String>,
    /// Whether `.git/index` now matches the committed file. `false` when the
    /// user had staged other content for it, or the index was busy: then
    /// `git status` shows the file as changed until `git reset -- <path>`.
    pub index_synced: bool,
}

impl Store {
    /// Writes and commits a statement, on the branch HEAD is on.
    pub fn commit(&self, request: CommitRequest) -> Result<Committed, StoreError> {
        let mut batch = self.batch();
        batch.lock_timeout = request.lock_timeout;
        batch.add(request)?;
        let mut done = batch.finish()?;
        done.pop().ok_or_else(|| {
            StoreError::git("committing")(git2::Error::from_str("nothing was committed"))
        })
    }

    /// Finishes a commit killed at its commit point and clears what one
    /// killed earlier left behind. Holds the store's lock while it does, and
    /// does nothing when another commit holds it (that one recovers first).
    pub fn recover(&self) -> Result<(), StoreError> {
        let pending = self.repo.path().join(pending::PENDING);
        if std::fs::symlink_metadata(&pending).is_err() {
            return Ok(());
        }
        match StoreLock::acquire(self.repo.commondir(), Duration::ZERO) {
            Ok(_lock) => pending::recover(&self.repo),
            Err(StoreError::Busy { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The branch HEAD is on (`refs/heads/main`), born or not.
    pub(super) fn branch(&self) -> Result<String, StoreError> {
        let head = self
            .repo
            .find_reference("HEAD")
            .map_err(StoreError::git("reading HEAD"))?;
        match head.symbolic_target() {
            Ok(Some(target)) => Ok(target.to_owned()),
            _ => Err(StoreError::DetachedHead {
                store: self.root.clone(),
            }),
        }
    }

    /// The branch's commit, or `None` before the first one.
    pub(super) fn tip(&self, branch: &str) -> Result<Option<Commit<'_>>, StoreError> {
        match self.repo.find_reference(branch) {
            Ok(r) => Ok(Some(
                r.peel_to_commit()
                    .map_err(StoreError::git(format!("reading {branch}")))?,
            )),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(StoreError::git(format!("reading {branch}"))(e)),
        }
    }

    /// (author, committer): the author is the one asked for, else the git
    /// identity, else the default; the committer is whoever runs the commit.
    pub(super) fn identities(
        &self,
        asked: Option<&Identity>,
    ) -> Result<(Signature<'static>, Signature<'static>), StoreError> {
        let fallback = Identity {
            name: "communique".to_owned(),
            email: "communique@localhost".to_owned(),
        };
        let sign = |who: &Identity| {
            Signature::now(&who.name, &who.email)
                .map_err(StoreError::git(format!("identity {who}")))
        };
        let configured = self.repo.signature().ok();
        let author = match (asked, &configured) {
            (Some(who), _) => sign(who)?,
            (None, Some(sig)) => sig.clone(),
            (None, None) => sign(&fallback)?,
        };
        let committer = match (&configured, asked) {
            (Some(sig), _) => sig.clone(),
            (None, Some(who)) => sign(who)?,
            (None, None) => sign(&fallback)?,
        };
        Ok((author, committer))
    }
}

/// The id for a request: `--id`, else the file name, else the title, with
/// the date in front.
pub(super) fn id_for(
    request: &CommitRequest,
    statement: &Statement,
    date: &str,
) -> Result<String, StoreError> {
    let slug = match &request.id {
        Some(id) => {
            names::validate("id", id)?;
            id.clone()
        }
        None => {
            let stem = Path::new(&request.origin)
                .file_stem()
                .and_then(|s| s.to_str())
                .filter(|_| request.origin != "-")
                .unwrap_or_default();
            let from_stem = names::slugify(names::strip_date(stem), 60);
            let from_title = names::slugify(statement.meta.title.as_deref().unwrap_or(""), 60);
            [from_stem, from_title]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or_else(|| "statement".to_owned())
        }
    };
    let id = if slug.starts_with(date) {
        slug
    } else {
        format!("{date}-{slug}")
    };
    names::validate("id", &id)?;
    Ok(id)
}

/// The folder of a statement file, made ready before anything is written:
/// created when missing (and removed again if the commit fails), and
/// proved writable with a probe, so that a working tree that cannot
/// take the file fails the commit before any object is written.
pub(super) struct Target {
    made: Option<PathBuf>,
}

impl Target {
    pub(super) fn prepare(workdir: &Path, path: &str) -> Result<Target, StoreError> {
        let file = workdir.join(path);
        let dir = file.parent().unwrap_or(workdir);
        let made = (!dir.exists()).then(|| dir.to_path_buf());
        let target = Target { made };
        std::fs::create_dir_all(dir).map_err(StoreError::io(dir))?;
        // A folder, not a file: killed before it is removed again, an empty
        // folder is one git does not see.
        tempfile::Builder::new()
            .prefix(".communique-probe-")
            .tempdir_in(dir)
            .map_err(StoreError::io(&file))?;
        Ok(target)
    }

    /// The commit succeeded: the folder stays.
    pub(super) fn keep(mut self) {
        self.made = None;
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Some(dir) = &self.made {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_parse() {
        let who: Identity = "Ada Lovelace <ada@example.org>".parse().unwrap();
        assert_eq!(who.name, "Ada Lovelace");
        assert_eq!(who.email, "ada@example.org");
        assert_eq!(who.to_string(), "Ada Lovelace <ada@example.org>");
        for bad in ["Ada", "<ada@x>", "Ada <>", "Ada <a@x"] {
            assert!(bad.parse::<Identity>().is_err(), "{bad:?}");
        }
        assert!(DEFAULT_IDENTITY.parse::<Identity>().is_ok());
    }
}
