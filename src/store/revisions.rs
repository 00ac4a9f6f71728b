//! The revisions (commits) of one statement, each with the statement as it
//! read at that commit.
//!
//! libgit2 has no `git log -- <path>`: walk the first-parent history and keep
//! each commit whose blob at the path differs from its first parent's.

use std::path::Path;

use git2::{Oid, Sort};

use crate::statement::Statement;

use super::{BlobId, Resolved, Store, StoreError};

/// Who made one commit of a statement, when, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionInfo {
    /// The commit's full hash.
    pub commit: String,
    /// When it was committed: seconds since the Unix epoch.
    pub time: i64,
    /// The committer's UTC offset, in minutes.
    pub offset_minutes: i32,
    /// The author's name.
    pub author: String,
    /// The author's email.
    pub email: String,
    /// The first line of the commit message.
    pub message: String,
}

impl Store {
    /// The commits that changed `resolved`'s file, reachable from its `@REV`
    /// (HEAD without one), oldest first, each with the statement as it read
    /// there (`None` where the commit deleted it). Empty when no commit holds
    /// the file yet.
    pub fn revisions(
        &self,
        resolved: &Resolved,
    ) -> Result<Vec<(RevisionInfo, Option<Statement>)>, StoreError> {
        self.revision_blobs(resolved)?
            .into_iter()
            .map(|(info, blob)| {
                let statement = match blob {
                    Some(blob) => Some(self.read_statement_blob(
                        &resolved.entry,
                        blob,
                        Some(&info.commit[..12]),
                    )?),
                    None => None,
                };
                Ok((info, statement))
            })
            .collect()
    }

    /// [`Store::revisions`] without reading the statements: each commit with
    /// the blob id of the file after it (`None` where it deleted it), for a
    /// caller that reads only what it has not computed before.
    pub fn revision_blobs(
        &self,
        resolved: &Resolved,
    ) -> Result<Vec<(RevisionInfo, Option<BlobId>)>, StoreError> {
        let repo = &self.repo;
        let path = resolved.entry.path();
        let start = match &resolved.rev {
            Some(rev) => self.revision(rev)?.id(),
            None => match repo.head().ok().and_then(|h| h.target()) {
                Some(id) => id,
                None => return Ok(Vec::new()),
            },
        };
        let git = |what: &str| StoreError::git(format!("{what} the history of {path}"));
        let mut walk = repo.revwalk().map_err(git("walking"))?;
        walk.push(start).map_err(git("walking"))?;
        walk.simplify_first_parent().map_err(git("walking"))?;
        walk.set_sorting(Sort::TOPOLOGICAL)
            .map_err(git("walking"))?;
        // The file's folder and name: a commit whose series folder is the
        // one seen last holds the same blob, without reading the folder
        // (most commits of a large store touch other series).
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path.as_str()));
        let mut last_folder: Option<(Oid, Option<Oid>)> = None;
        let mut blob_id = |commit: &git2::Commit<'_>| -> Option<Oid> {
            let tree = commit.tree().ok()?;
            let folder = tree.get_path(Path::new(folder)).ok()?.id();
            if let Some((seen, blob)) = last_folder
                && seen == folder
            {
                return blob;
            }
            let blob = repo
                .find_tree(folder)
                .ok()
                .and_then(|t| t.get_name(name).map(|e| e.id()));
            last_folder = Some((folder, blob));
            blob
        };
        // Newest first: (commit, blob at the path after it). The walk
        // follows first parents, so a commit's parent is the next commit:
        // its blob, read as the one before, is kept for then.
        let mut touching = Vec::new();
        let mut parent_blob: Option<(Oid, Option<Oid>)> = None;
        for id in walk {
            let commit = repo
                .find_commit(id.map_err(git("walking"))?)
                .map_err(git("reading"))?;
            let now = match parent_blob.take() {
                Some((seen, blob)) if seen == commit.id() => blob,
                _ => blob_id(&commit),
            };
            let before = match commit.parent(0) {
                Ok(parent) => {
                    let blob = blob_id(&parent);
                    parent_blob = Some((parent.id(), blob));
                    blob
                }
                Err(_) => None,
            };
            if now != before {
                touching.push((commit, now));
            }
        }
        Ok(touching
            .into_iter()
            .rev()
            .map(|(commit, blob)| {
                let author = commit.author();
                let info = RevisionInfo {
                    commit: commit.id().to_string(),
                    time: commit.time().seconds(),
                    offset_minutes: commit.time().offset_minutes(),
                    author: author.name().unwrap_or("?").to_owned(),
                    email: author.email().unwrap_or("?").to_owned(),
                    message: commit.summary().ok().flatten().unwrap_or("").to_owned(),
                };
                (info, blob.map(super::blobs::from_oid))
            })
            .collect())
    }
}
