//! `history`: the revisions (commits) of one statement, each with its
//! change summary against the revision before.

use crate::align::AlignOptions;
use crate::analyze::{Options, compare};
use crate::diff::Summary;
use crate::statement::Statement;
use crate::store::{Resolved, RevisionInfo, Store, StoreError};

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
    let revisions = store.revisions(resolved)?;
    let mut out = Vec::with_capacity(revisions.len());
    let mut previous = None;
    // One lexicon for every pair: parsing it is not free.
    let options = Options::default().with_align(options.clone());
    for (info, statement) in revisions {
        let summary = match (&previous, &statement) {
            (Some(old), Some(new)) => Some(compare(old, new, &options).summary()),
            _ => None,
        };
        out.push(Revision {
            info,
            sentences: statement.as_ref().map(Statement::text_sentence_count),
            summary,
        });
        previous = statement;
    }
    out.reverse();
    Ok(out)
}
