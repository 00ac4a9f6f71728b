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
use super::{BlobId, Entry, Resolved, Store, StoreError, parse};

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
        let mut head = HeadStatements::default();
        // A statement too large to read is left out like one that does not
        // parse, before its blob is inflated.
        let listed = self.head_blobs(series)?;
        let mut blobs = Vec::with_capacity(listed.len());
        let mut readable = Vec::with_capacity(listed.len());
        for (entry, blob) in listed {
            match self.read_blob_bytes(&entry, blob, None) {
                Ok(bytes) => {
                    blobs.push(bytes);
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
        Ok(self
            .head_blobs(None)?
            .into_iter()
            .map(|(entry, blob)| HeadFile { entry, blob })
            .collect())
    }

    /// The bytes of a file [`Store::head_files`] listed, refused unread
    /// ([`StoreError::TooLarge`]) as [`Store::head_statements`] refuses it.
    pub fn read_head_blob(&self, file: &HeadFile) -> Result<Vec<u8>, StoreError> {
        self.read_blob_bytes(&file.entry, file.blob, None)
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
        Ok(self
            .series_through_blobs(resolved)?
            .into_iter()
            .map(|(version, statement, _)| (version, statement))
            .collect())
    }
}
