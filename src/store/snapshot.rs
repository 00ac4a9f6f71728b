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

/// What [`Store::read_head_listed`] read: the statements that read, each
/// with its index into the list, and why each of the others did not.
pub(crate) type ListedRead = (Vec<(usize, Statement)>, Vec<StoreError>);

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
        let listed = self.head_blobs(series)?;
        let (read, unreadable) = self.read_head_listed(&listed, |_| true)?;
        let statements = read
            .into_iter()
            .map(|(i, statement)| (listed[i].0.clone(), statement))
            .collect();
        Ok(HeadStatements {
            statements,
            unreadable,
        })
    }

    /// Reads and parses the statements of `listed` (files on HEAD, as
    /// [`Store::head_blobs`] lists them) whose index `wanted` keeps: each
    /// that reads, with its index, in order; and why each of the others
    /// did not (too large to read, or not a statement). Any other error
    /// stops the reading.
    pub(crate) fn read_head_listed(
        &self,
        listed: &[(Entry, BlobId)],
        wanted: impl Fn(usize) -> bool,
    ) -> Result<ListedRead, StoreError> {
        let mut unreadable = Vec::new();
        let mut blobs = Vec::new();
        // A statement too large to read is left out like one that does not
        // parse, before its blob is inflated.
        for (i, (entry, blob)) in listed.iter().enumerate() {
            if !wanted(i) {
                continue;
            }
            match self.read_blob_bytes(entry, *blob, None) {
                Ok(bytes) => blobs.push((i, bytes)),
                Err(e @ StoreError::TooLarge { .. }) => unreadable.push(e),
                Err(e) => return Err(e),
            }
        }
        let parsed = parallel::map(&blobs, 16, |_, (i, bytes)| {
            parse(bytes, &listed[*i].0, Some("HEAD"))
        });
        let mut read = Vec::with_capacity(blobs.len());
        for ((i, _), parsed) in blobs.iter().zip(parsed) {
            match parsed {
                Ok(statement) => read.push((*i, statement)),
                Err(e) => unreadable.push(e),
            }
        }
        Ok((read, unreadable))
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
