//! `log`: the statements of a store in date order, each with its change
//! summary against the one before it in its series.
//!
//! It reads HEAD's tree, not the working tree: the log is what the store
//! holds, and it matches what a clone sees. Reading the blobs is sequential
//! (a libgit2 repository is not shared between threads); parsing and
//! comparing, the bulk of the work, are spread over the cores.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::align::AlignOptions;
use crate::analyze::{Options, compare};
use crate::diff::Summary;
use crate::parallel;
use crate::statement::Statement;
use crate::store::{Entry, Store, StoreError};

/// One statement in the log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry {
    /// The statement.
    pub entry: Entry,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// Its date, from the front matter.
    pub date: Option<String>,
    /// How many sentences it has, section headings not counted.
    pub sentences: usize,
    /// What changed against the previous statement of its series; `None`
    /// for the first of a series.
    pub summary: Option<Summary>,
}

/// The log of a store.
#[derive(Debug)]
pub struct Log {
    /// The statements, in date order.
    pub entries: Vec<LogEntry>,
    /// Why each file that does not read as a statement was left out.
    pub unreadable: Vec<StoreError>,
}

/// The statements committed on HEAD (of one series, or all), in date order
/// (ties by series), each compared with the previous one of its series that
/// reads; files that do not read are left out and listed.
///
/// `progress(done, total)` is called each time one more statement has been
/// compared with its predecessor (from worker threads, so it must be
/// `Sync`), for a caller that shows progress on a large store; pass
/// `&|_, _| {}` for none. It never prints.
pub fn log(
    store: &Store,
    series: Option<&str>,
    options: &AlignOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Log, StoreError> {
    let head = store.head_statements(series)?;
    let (entries, statements): (Vec<Entry>, Vec<Statement>) = head.statements.into_iter().unzip();
    // Entries are sorted by series then date: the previous one of the same
    // series, if any, stands right before.
    let done = AtomicUsize::new(0);
    // One lexicon for every pair: parsing it is not free.
    let options = Options::default().with_align(options.clone());
    let summaries = parallel::map(&entries, 16, |i, entry| {
        let summary = i
            .checked_sub(1)
            .filter(|&p| entries[p].series == entry.series)
            .map(|previous| compare(&statements[previous], &statements[i], &options).summary());
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, entries.len());
        summary
    });
    let mut out: Vec<LogEntry> = entries
        .into_iter()
        .zip(statements)
        .zip(summaries)
        .map(|((entry, statement), summary)| LogEntry {
            entry,
            title: statement.meta.title.clone(),
            date: statement.meta.date.clone(),
            sentences: statement.text_sentence_count(),
            summary,
        })
        .collect();
    out.sort_by(|a, b| (&a.entry.id, &a.entry.series).cmp(&(&b.entry.id, &b.entry.series)));
    Ok(Log {
        entries: out,
        unreadable: head.unreadable,
    })
}
