//! Statements named by their content: the git blob id of each file, so that
//! a caller can key what it computed from a statement (a diff, a count) by
//! what the file holds rather than by where it stands.
//!
//! A blob id is what git names the content (`git hash-object`): for a
//! committed file it is read from the tree without inflating the blob, and
//! for a working-tree file it is computed from the bytes read.

use std::fmt;

use git2::{ObjectType, Oid};

use super::{Entry, Resolved, Store, StoreError, names, parse, read_blob, tree_entries_with};
use crate::statement::Statement;

/// A git blob id: the SHA-1 of a file's content as git hashes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlobId(pub [u8; 20]);

impl BlobId {
    /// The blob id of `bytes`, as `git hash-object` computes it.
    pub fn of(bytes: &[u8]) -> BlobId {
        // Hashing in memory cannot fail; the zero id is a harmless fallback
        // (it names no content, so a cache keyed by it only misses).
        Oid::hash_object(ObjectType::Blob, bytes).map_or(BlobId([0; 20]), from_oid)
    }
}

impl BlobId {
    /// A fast id of `bytes` (no git blob id: another kind of hash, so the
    /// two never name the same content alike), for content read from the
    /// working tree, which git has not hashed: SHA-1 with collision
    /// detection, as git computes it, was 15% of a warm `trace` over 200
    /// versions. BLAKE3 cut to 128 bits is as fast as the non-cryptographic
    /// hash it replaced on these sizes and, unlike it, cannot be steered: a
    /// draft crafted to share the id of a text already in the cache would
    /// otherwise be traced with that text's cached results.
    pub fn of_content(bytes: &[u8]) -> BlobId {
        let mut out = [0; 20];
        out[..16].copy_from_slice(&blake3::hash(bytes).as_bytes()[..16]);
        // A mark no git id is likely to carry at its end.
        out[16..].copy_from_slice(b"b3wt");
        BlobId(out)
    }
}

impl fmt::Display for BlobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

pub(super) fn from_oid(oid: Oid) -> BlobId {
    let mut out = [0; 20];
    let bytes = oid.as_bytes();
    let n = bytes.len().min(20);
    out[..n].copy_from_slice(&bytes[..n]);
    BlobId(out)
}

impl Store {
    /// The statements committed on HEAD (of one series, or all), sorted by
    /// series then id (date order), each with its blob id; no blob is read.
    /// Empty before the first commit; an unknown series is an error that
    /// lists the known ones. Only the asked series' tree is listed.
    pub fn head_blobs(&self, series: Option<&str>) -> Result<Vec<(Entry, BlobId)>, StoreError> {
        if let Some(series) = series {
            names::validate("series", series)?;
        }
        let Some(tree) = self.head_tree()? else {
            return Ok(Vec::new());
        };
        let mut entries = tree_entries_with(&self.repo, &tree, series)?;
        if let Some(series) = series
            && entries.is_empty()
        {
            // Only now list every series: to name the known ones.
            let mut known: Vec<String> = tree_entries_with(&self.repo, &tree, None)?
                .into_iter()
                .map(|(e, _)| e.series)
                .collect();
            known.sort();
            known.dedup();
            return Err(StoreError::UnknownSeries {
                series: series.to_owned(),
                known,
            });
        }
        entries.sort();
        Ok(entries)
    }

    /// Reads and parses the committed statement `entry` from its blob `blob`
    /// (as [`Store::head_blobs`] listed it); `rev` only names it in errors.
    /// A blob larger than a statement may be is refused unread.
    pub fn read_statement_blob(
        &self,
        entry: &Entry,
        blob: BlobId,
        rev: Option<&str>,
    ) -> Result<Statement, StoreError> {
        let bytes = self.read_blob_bytes(entry, blob, rev)?;
        parse(&bytes, entry, rev)
    }

    /// The bytes of the committed statement `entry`'s blob `blob`, refused
    /// unread when larger than a statement may be.
    pub fn read_blob_bytes(
        &self,
        entry: &Entry,
        blob: BlobId,
        rev: Option<&str>,
    ) -> Result<Vec<u8>, StoreError> {
        let path = match rev {
            Some(rev) => format!("{}@{rev}", entry.path()),
            None => entry.path(),
        };
        let oid = Oid::from_bytes(&blob.0).map_err(StoreError::git(format!("reading {path}")))?;
        read_blob(&self.repo, oid, &path)
    }

    /// The statements of `resolved`'s series up to and including it, oldest
    /// first, read as [`Store::load`] reads them, each with an id of the
    /// bytes read ([`BlobId::of_content`]): [`Store::series_through`] for a
    /// caller that keys results by content. Only that series' folder is
    /// listed.
    pub fn series_through_blobs(
        &self,
        resolved: &Resolved,
    ) -> Result<Vec<(Resolved, Statement, BlobId)>, StoreError> {
        let rev = resolved.rev.as_deref();
        self.series_entries(rev, &resolved.entry.series)?
            .into_iter()
            .filter(|e| e.id <= resolved.entry.id)
            .map(|entry| {
                let version = Resolved {
                    entry,
                    rev: resolved.rev.clone(),
                };
                let bytes = self.read(&version.entry.path(), rev)?;
                let statement = parse(&bytes, &version.entry, rev)?;
                Ok((version, statement, BlobId::of_content(&bytes)))
            })
            .collect()
    }
}
