//! Many statements at once: every one committed on HEAD, parsed (what `log`
//! summarizes and what `precedent` indexes), or the versions of one series.
//!
//! Reading the blobs is sequential (a libgit2 repository is not shared
//! between threads); parsing, the bulk of the work, is spread over the
//! cores.

use crate::statement::Statement;

use super::{Entry, Resolved, Store, StoreError, blob_at, names, parse, tree_entries};

impl Store {
    /// The statements committed on HEAD (of one series, or all), sorted by
    /// series, then id (date order), each parsed. Empty before the first
    /// commit; an unknown series is an error that lists the known ones.
    pub fn head_statements(
        &self,
        series: Option<&str>,
    ) -> Result<Vec<(Entry, Statement)>, StoreError> {
        if let Some(series) = series {
            names::validate("series", series)?;
        }
        let Some(tree) = self.head_tree()? else {
            return Ok(Vec::new());
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
        let mut blobs = Vec::with_capacity(entries.len());
        for entry in &entries {
            let bytes = blob_at(&self.repo, &tree, &entry.path())?.unwrap_or_default();
            blobs.push(bytes);
        }
        let statements = parallel_map(&entries, |i, entry| parse(&blobs[i], entry, Some("HEAD")));
        let statements: Vec<Statement> = statements.into_iter().collect::<Result<_, _>>()?;
        Ok(entries.into_iter().zip(statements).collect())
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

/// `f` over every item with its index, on as many threads as there are
/// cores, results in order.
pub(crate) fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 16 {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let f = &f;
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, t)| f(c * chunk + i, t))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(part) => part,
                // A panic in a worker is a bug; carry it to the caller.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
