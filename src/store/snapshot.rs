//! Many statements at once: every one committed on HEAD, parsed (what `log`
//! summarizes and what `precedent` indexes), or the versions of one series.
//!
//! Reading the blobs is sequential (a libgit2 repository is not shared
//! between threads); parsing, the bulk of the work, is spread over the
//! cores.

use crate::parallel;
use crate::statement::Statement;

use super::{Entry, Resolved, Store, StoreError, blob_at, names, parse, tree_entries};

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
