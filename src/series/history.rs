//! `history`: the revisions (commits) of one statement, each with its
//! change summary against the revision before.

use crate::align::AlignOptions;
use crate::analyze::{Options, compare};
use crate::diff::Summary;
use crate::statement::Statement;
use crate::store::{BlobId, Resolved, RevisionInfo, Store, StoreError};

use super::cache::{Kind, Pair, PairCache};

/// One revision of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// Its commit: hash, time, author, message.
    pub info: RevisionInfo,
    /// The statement's sentence count at this revision; `None` where the
    /// commit deleted it.
    pub sentences: Option<usize>,
    /// What changed against the revision before; `None` for the first.
    pub summary: Option<Summary>,
}

/// The revisions of `resolved`'s file reachable from its `@REV` (HEAD
/// without one), newest first, each compared with the one before. Empty
/// when no commit holds the file yet.
pub fn history(
    store: &Store,
    resolved: &Resolved,
    options: &AlignOptions,
) -> Result<Vec<Revision>, StoreError> {
    history_cached(store, resolved, options, &PairCache::disabled())
}

/// [`history`], with the summaries of revisions compared before read from
/// `cache`, and those computed now kept there. A revision whose entry is
/// found is not read, unless the next one needs it for its own comparison.
pub fn history_cached(
    store: &Store,
    resolved: &Resolved,
    options: &AlignOptions,
    cache: &PairCache,
) -> Result<Vec<Revision>, StoreError> {
    let revisions = store.revision_blobs(resolved)?;
    let mut out = Vec::with_capacity(revisions.len());
    // One lexicon for every pair: parsing it is not free.
    let options = Options::default().with_align(options.clone());
    let read = |commit: &str, blob| {
        store.read_statement_blob(
            &resolved.entry,
            blob,
            Some(commit.get(..12).unwrap_or(commit)),
        )
    };
    // The revision before: its commit, its blob and, once read, its
    // statement.
    let mut previous: Option<(String, BlobId, Option<Statement>)> = None;
    for (info, blob) in revisions {
        let Some(blob) = blob else {
            out.push(Revision {
                info,
                sentences: None,
                summary: None,
            });
            previous = None;
            continue;
        };
        let old = previous.as_ref().map(|(_, b, _)| *b);
        let (pair, statement) = match cache.get::<Pair>(Kind::Summary, old, blob) {
            Some(pair) => (pair, None),
            None => {
                let statement = read(&info.commit, blob)?;
                let summary = match &mut previous {
                    Some((commit, old, parsed)) => {
                        if parsed.is_none() {
                            *parsed = Some(read(commit, *old)?);
                        }
                        parsed
                            .as_ref()
                            .map(|o| compare(o, &statement, &options).summary())
                    }
                    None => None,
                };
                let pair = Pair::of(&statement, summary);
                cache.put(Kind::Summary, old, blob, &pair);
                (pair, Some(statement))
            }
        };
        previous = Some((info.commit.clone(), blob, statement));
        out.push(Revision {
            info,
            sentences: Some(pair.sentences),
            summary: pair.summary,
        });
    }
    out.reverse();
    Ok(out)
}
