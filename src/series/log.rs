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
use crate::store::{BlobId, Entry, Store, StoreError};

use super::cache::{Kind, Pair, PairCache};

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
    log_cached(store, series, options, &PairCache::disabled(), progress)
}

/// [`log`], with the facts and summaries of statements compared before
/// read from `cache`, and those computed now kept there. A statement whose
/// entry is found is not read at all.
pub fn log_cached(
    store: &Store,
    series: Option<&str>,
    options: &AlignOptions,
    cache: &PairCache,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Log, StoreError> {
    let listed = store.head_blobs(series)?;
    let total = listed.len();
    // Entries are sorted by series then date: the previous one of the same
    // series, if any, stands right before.
    let before = |i: usize, readable: &dyn Fn(usize) -> bool| {
        (0..i)
            .rev()
            .take_while(|&p| listed[p].0.series == listed[i].0.series)
            .find(|&p| readable(p))
    };
    // First as if every statement reads (the usual case): each one's
    // predecessor is the one before it.
    let found: Vec<Option<Pair>> = (0..total)
        .map(|i| {
            cache.get(
                Kind::Summary,
                before(i, &|_| true).map(|p| listed[p].1),
                listed[i].1,
            )
        })
        .collect();
    let mut statements: Vec<Option<Statement>> = vec![None; total];
    let tried: Vec<bool> = found.iter().map(Option::is_none).collect();
    let mut unreadable = read(store, &listed, &mut statements, |i| tried[i])?;
    let readable = |i: usize| found[i].is_some() || statements[i].is_some();
    let previous: Vec<Option<usize>> = (0..total).map(|i| before(i, &readable)).collect();
    // A statement after one that does not read has another predecessor:
    // its entry is the one under that predecessor, found or not (looked
    // up whether or not the first look-up hit, so that a statement after
    // an unreadable one is not computed again on every run).
    let mut found = found;
    for i in 0..total {
        if previous[i] != before(i, &|_| true) {
            found[i] = cache.get(Kind::Summary, previous[i].map(|p| listed[p].1), listed[i].1);
        }
    }
    // A statement found only under a predecessor it no longer has was not
    // read: it is now, or it would be left out of the log.
    unreadable.extend(read(store, &listed, &mut statements, |i| {
        found[i].is_none() && !tried[i]
    })?);
    let compute: Vec<usize> = (0..total)
        .filter(|&i| found[i].is_none() && statements[i].is_some())
        .collect();
    let mut needed = vec![false; total];
    for &i in &compute {
        if let Some(p) = previous[i] {
            needed[p] = statements[p].is_none();
        }
    }
    unreadable.extend(read(store, &listed, &mut statements, |i| needed[i])?);
    let done = AtomicUsize::new(total - compute.len());
    // One lexicon for every pair: parsing it is not free.
    let compare_options = Options::default().with_align(options.clone());
    let computed = parallel::map(&compute, 16, |_, &i| {
        let pair = statements[i].as_ref().map(|statement| {
            let old = previous[i].map(|p| statements[p].as_ref());
            let summary = old
                .flatten()
                .map(|old| compare(old, statement, &compare_options).summary());
            let pair = Pair::of(statement, summary);
            // A predecessor that turned out not to read (only its entry was
            // found before) leaves this summary missing: not kept, so that
            // the next run computes it again rather than trusting it.
            if old.is_none_or(|old| old.is_some()) {
                cache.put(
                    Kind::Summary,
                    previous[i].map(|p| listed[p].1),
                    listed[i].1,
                    &pair,
                );
            }
            pair
        });
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
        pair
    });
    for (i, pair) in compute.into_iter().zip(computed) {
        found[i] = pair;
    }
    let mut out: Vec<LogEntry> = listed
        .into_iter()
        .zip(found)
        .filter_map(|((entry, _), pair)| {
            let pair = pair?;
            Some(LogEntry {
                entry,
                title: pair.title,
                date: pair.date,
                sentences: pair.sentences,
                summary: pair.summary,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.entry.id, &a.entry.series).cmp(&(&b.entry.id, &b.entry.series)));
    Ok(Log {
        entries: out,
        unreadable,
    })
}

/// Reads and parses the listed statements that `wanted` names and that are
/// not parsed yet, into `statements`; returns why those that do not read
/// were left out (too large first, then those that do not parse, each in
/// order, as [`Store::head_statements`] lists them).
fn read(
    store: &Store,
    listed: &[(Entry, BlobId)],
    statements: &mut [Option<Statement>],
    wanted: impl Fn(usize) -> bool,
) -> Result<Vec<StoreError>, StoreError> {
    let (read, unreadable) =
        store.read_head_listed(listed, |i| wanted(i) && statements[i].is_none())?;
    for (i, statement) in read {
        statements[i] = Some(statement);
    }
    Ok(unreadable)
}
