//! Many statements at once: every one committed on HEAD, parsed (what `log`
//! summarizes and what `precedent` indexes), or the versions of one series.
//!
//! Reading the blobs is sequential (a libgit2 repository is not shared
//! between threads); parsing, the bulk of the work, is spread over the
//! cores.

use crate::parallel;
use crate::statement::Statement;

use std::path::Path;
use std::time::Duration;

use super::lock::StoreLock;
use super::{
    Entry, Resolved, Store, StoreError, blob_at, names, parse, read_blob, tree_entries, tree_files,
};

/// A git object id as plain bytes (SHA-1), so that callers can keep and
/// compare blob ids without git2 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlobId(pub [u8; 20]);

/// A statement file committed on HEAD, as its tree lists it: where it is
/// and which blob it holds, nothing read yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadFile {
    /// The statement.
    pub entry: Entry,
    /// Its blob: the same id means the same bytes.
    pub blob: BlobId,
}

impl HeadFile {
    /// Parses the bytes [`Store::read_head_blob`] read, with the error
    /// [`Store::head_statements`] gives for a file that does not read.
    pub fn parse(&self, bytes: &[u8]) -> Result<Statement, StoreError> {
        parse(bytes, &self.entry, Some("HEAD"))
    }
}

/// What [`Store::head_statements`] read.
#[derive(Debug, Default)]
pub struct HeadStatements {
    /// The statements that read, in order.
    pub statements: Vec<(Entry, Statement)>,
    /// Why each of the others did not.
    pub unreadable: Vec<StoreError>,
}

impl Store {
    /// The statements committed on HEAD (of one series, or all), sorted by
    /// series, then id (date order), each parsed. Empty before the first
    /// commit; an unknown series is an error that lists the known ones.
    /// A file that does not read as a statement (one committed by plain
    /// git, in UTF-16, say) is left out, with its error in `unreadable`, so
    /// that one bad file does not stop a whole store.
    pub fn head_statements(&self, series: Option<&str>) -> Result<HeadStatements, StoreError> {
        if let Some(series) = series {
            names::validate("series", series)?;
        }
        let Some(tree) = self.head_tree()? else {
            return Ok(HeadStatements::default());
        };
        let mut entries = tree_entries(&self.repo, &tree)?;
        if let Some(series) = series
            && !entries.iter().any(|e| e.series == series)
        {
            let mut known: Vec<String> = entries.iter().map(|e| e.series.clone()).collect();
            known.sort();
            known.dedup();
            return Err(StoreError::UnknownSeries {
                series: series.to_owned(),
                known,
            });
        }
        entries.retain(|e| series.is_none_or(|s| e.series == s));
        entries.sort();
        let mut head = HeadStatements::default();
        // A statement too large to read is left out like one that does not
        // parse, before its blob is inflated.
        let mut blobs = Vec::with_capacity(entries.len());
        let mut readable = Vec::with_capacity(entries.len());
        for entry in entries {
            match blob_at(&self.repo, &tree, &entry.path()) {
                Ok(bytes) => {
                    blobs.push(bytes.unwrap_or_default());
                    readable.push(entry);
                }
                Err(e @ StoreError::TooLarge { .. }) => head.unreadable.push(e),
                Err(e) => return Err(e),
            }
        }
        let entries = readable;
        let statements = parallel::map(&entries, 16, |i, entry| {
            parse(&blobs[i], entry, Some("HEAD"))
        });
        for (entry, parsed) in entries.into_iter().zip(statements) {
            match parsed {
                Ok(statement) => head.statements.push((entry, statement)),
                Err(e) => head.unreadable.push(e),
            }
        }
        Ok(head)
    }

    /// The statement files committed on HEAD, sorted by series, then id,
    /// listed from the trees without reading a blob: cheap enough to run on
    /// every command, so that what is derived from the statements (an
    /// index) can be checked against what HEAD holds. Empty before the
    /// first commit.
    pub fn head_files(&self) -> Result<Vec<HeadFile>, StoreError> {
        let Some(tree) = self.head_tree()? else {
            return Ok(Vec::new());
        };
        let mut files = Vec::new();
        for (entry, oid) in tree_files(&self.repo, &tree)? {
            // Only a SHA-1 repository has 20-byte ids; another is read
            // as having no statement here rather than misread.
            let Ok(bytes) = <[u8; 20]>::try_from(oid.as_bytes()) else {
                continue;
            };
            files.push(HeadFile {
                entry,
                blob: BlobId(bytes),
            });
        }
        files.sort_by(|a, b| a.entry.cmp(&b.entry));
        Ok(files)
    }

    /// The bytes of a file [`Store::head_files`] listed, refused unread
    /// ([`StoreError::TooLarge`]) as [`Store::head_statements`] refuses it.
    pub fn read_head_blob(&self, file: &HeadFile) -> Result<Vec<u8>, StoreError> {
        let path = file.entry.path();
        let oid = git2::Oid::from_bytes(&file.blob.0)
            .map_err(StoreError::git(format!("reading {path}")))?;
        read_blob(&self.repo, oid, &path)
    }

    /// The git folder shared by all worktrees of the store: where caches of
    /// what HEAD holds belong (never committed, never in a working tree).
    pub fn common_git_dir(&self) -> &Path {
        self.repo.commondir()
    }

    /// Takes the store's lock (the one commits take), waiting up to
    /// `timeout`; released when dropped.
    pub fn lock(&self, timeout: Duration) -> Result<StoreLock, StoreError> {
        StoreLock::acquire(self.repo.commondir(), timeout)
    }

    /// The statements of `resolved`'s series up to and including it, oldest
    /// first, read as [`Store::load`] reads them (at its `@REV`, else the
    /// working tree): the versions a lineage runs through.
    pub fn series_through(
        &self,
        resolved: &Resolved,
    ) -> Result<Vec<(Resolved, Statement)>, StoreError> {
        let rev = resolved.rev.as_deref();
        self.entries(rev)?
            .into_iter()
            .filter(|e| e.series == resolved.entry.series && e.id <= resolved.entry.id)
            .map(|entry| {
                let version = Resolved {
                    entry,
                    rev: resolved.rev.clone(),
                };
                let statement = self.load(&version)?;
                Ok((version, statement))
            })
            .collect()
    }
}
