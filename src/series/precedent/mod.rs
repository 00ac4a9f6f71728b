//! Precedents: where a statement's new wording was used before, anywhere in
//! the store. Drafters reuse "agreed language" on purpose; an analyst wants
//! to know which sentences of this year's text are verbatim from an earlier
//! one, which were adapted from one, and which are novel.
//!
//! A search asks a shingle index for a few candidates per sentence (among
//! the statements the caller allows, such as those dated before the
//! query), then verifies each with the diff's own similarity
//! ([`crate::align::score_keyed_pairs`]), with the rarity weights of the
//! two statements, so that `adapted` here means what `reworded` means in a
//! diff of the two statements, under the same `--threshold`.
//!
//! The store's searches ([`search_earlier`], [`search_all`]) use the index
//! kept on disk in the git folder ([`refresh_index`]), brought up to date
//! with HEAD on each use, and read only the candidates' blobs. A
//! [`Library`] holds statements and an index in memory instead; both give
//! the same answers over the same statements.

mod catalog;
pub mod index;
mod persistent;
mod segment;
mod verify;

use crate::align::{AlignOptions, align_parts};
use crate::diff::ChangeKind;
use crate::normalize::key::{Folding, key};
use crate::parallel;
use crate::statement::{Location, Statement};
use crate::store::{Entry, Resolved, Store, StoreError};
use catalog::{Catalog, Failure};
use index::Index;
pub use persistent::{DIR as INDEX_DIR, refresh as refresh_index};
use verify::{Prepared, verify};

/// Candidates the index proposes per sentence before verification: enough
/// that the verbatim copies of a much-reused sentence and its adaptations
/// all get through.
const CANDIDATES: usize = 24;

/// A statement of the store, as the library indexes it.
#[derive(Clone, Debug)]
pub struct Source {
    /// Its ref (`unga-tpnw/2024-12-02-a-res-79-38`).
    pub reference: String,
    /// Its date (`YYYY-MM-DD`), from the front matter or the id.
    pub date: String,
    /// The statement.
    pub statement: Statement,
}

/// What a search knows of a stored statement before reading it: enough to
/// decide whether it may hold precedents.
#[derive(Clone, Copy, Debug)]
pub struct Listed<'a> {
    /// Its ref.
    pub reference: &'a str,
    /// Its date (`YYYY-MM-DD`).
    pub date: &'a str,
}

impl Source {
    /// What a search filters this source by.
    pub fn listed(&self) -> Listed<'_> {
        Listed {
            reference: &self.reference,
            date: &self.date,
        }
    }
}

/// The statements of a store with an index over their sentences, in memory.
pub struct Library {
    sources: Vec<Source>,
    /// The comparison keys (default folding) of each source's sentences.
    keys: Vec<Vec<String>>,
    /// For each indexed sentence id: its source and its position there.
    sentences: Vec<(u32, u32)>,
    index: Index,
    /// The stored files that did not read as statements, left out.
    unreadable: Vec<StoreError>,
}

/// How a sentence relates to the earlier ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// The same sentence as an earlier one (equal comparison keys).
    Verbatim,
    /// A revision of an earlier one: a diff would call it reworded.
    Adapted,
    /// No earlier sentence is close enough.
    Novel,
}

impl Verdict {
    /// The verdict's name as reports print it.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Adapted => "adapted",
            Verdict::Novel => "novel",
        }
    }
}

/// An earlier sentence that a query sentence repeats or adapts.
#[derive(Clone, Debug, PartialEq)]
pub struct Precedent {
    /// `verbatim` or `adapted`.
    pub verdict: Verdict,
    /// The similarity a diff would report (1 for verbatim), three decimals.
    pub similarity: f64,
    /// The score a diff ranks the pair by, three decimals: the similarity,
    /// or where one sentence is mostly the other expanded or cut down, 0.9 ×
    /// how much of the shorter the longer contains. `adapted` means it
    /// reaches the threshold.
    pub score: f64,
    /// The statement that holds it.
    pub reference: String,
    /// That statement's date.
    pub date: String,
    /// Where it stands there.
    pub location: Location,
    /// Its label there.
    pub label: Option<String>,
    /// Its text.
    pub text: String,
}

/// The precedents of one sentence of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct SentencePrecedents {
    /// Where the sentence stands in the query.
    pub location: Location,
    /// Its label.
    pub label: Option<String>,
    /// Its text.
    pub text: String,
    /// How it changed against the previous statement of its series
    /// (`added`, `reworded`, `split`, `merged`), when the query says.
    pub change: Option<ChangeKind>,
    /// The best of its precedents' verdicts, `novel` when it has none.
    pub verdict: Verdict,
    /// Its precedents, best first: verbatim ones, then by score, then the
    /// most recent.
    pub precedents: Vec<Precedent>,
}

/// What to look for.
#[derive(Clone)]
pub struct Query<'a> {
    /// The statement whose sentences are looked up.
    pub statement: &'a Statement,
    /// The positions (in document order) of the sentences to look up, each
    /// with how it changed against the previous statement, if known.
    pub sentences: Vec<(usize, Option<ChangeKind>)>,
    /// Which statements may hold precedents.
    pub allowed: &'a dyn Fn(&Listed<'_>) -> bool,
    /// The most precedents kept per sentence.
    pub limit: usize,
}

impl Library {
    /// Indexes the sentences of `sources`.
    pub fn build(sources: Vec<Source>) -> Library {
        let mut sentences = Vec::new();
        for (s, source) in sources.iter().enumerate() {
            let n = source.statement.sentence_count();
            sentences.extend((0..n).map(|i| (s as u32, i as u32)));
        }
        // Keys are the bulk of the work: spread them over the cores.
        let keys: Vec<Vec<String>> = parallel::map(&sources, 16, |_, s| {
            s.statement
                .sentences()
                .map(|(_, t)| key(&t.text, Folding::default()))
                .collect()
        });
        let index = Index::build(keys.iter().flatten().map(String::as_str));
        Library {
            sources,
            keys,
            sentences,
            index,
            unreadable: Vec::new(),
        }
    }

    /// The indexed statements.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The number of sentences indexed.
    pub fn sentence_count(&self) -> usize {
        self.index.len()
    }

    /// The precedents of each sentence the query names, in its order.
    pub fn find(&self, query: &Query<'_>, options: &AlignOptions) -> Vec<SentencePrecedents> {
        let prepared = Prepared::new(query.statement, options);
        let allowed_sources: Vec<bool> = (self.sources.iter())
            .map(|s| (query.allowed)(&s.listed()))
            .collect();
        let allowed = |id: u32| allowed_sources[self.sentences[id as usize].0 as usize];
        // Candidates grouped by source, so that each source's weights are
        // computed once: (source, its sentence, query sentence).
        let mut by_source: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.sources.len()];
        for &(q, _) in &query.sentences {
            let Some(lookup) = prepared.lookup_key(q) else {
                continue;
            };
            for id in self.index.candidates(&lookup, &allowed, CANDIDATES) {
                let (s, i) = self.sentences[id as usize];
                by_source[s as usize].push((i as usize, q));
            }
        }
        // Each source is scored on its own: spread them over the cores.
        let touched: Vec<(usize, &Vec<(usize, usize)>)> = by_source
            .iter()
            .enumerate()
            .filter(|(_, pairs)| !pairs.is_empty())
            .collect();
        let scored = parallel::map(&touched, 16, |_, &(s, pairs)| {
            let source = &self.sources[s];
            let keys = Some(self.keys[s].as_slice());
            verify(
                &source.listed(),
                &source.statement,
                keys,
                pairs,
                &prepared,
                options,
            )
        });
        prepared.collect(query, scored.into_iter().flatten())
    }
}

impl Source {
    /// A statement of the store as a source: dated by its front matter,
    /// else by its id (which starts with the date).
    pub fn from_entry(entry: &Entry, statement: Statement) -> Source {
        Source {
            reference: entry.to_string(),
            date: date_of(entry, &statement),
            statement,
        }
    }
}

/// A stored statement's date: from its front matter, else from its id
/// (which starts with the date).
pub fn date_of(entry: &Entry, statement: &Statement) -> String {
    statement
        .meta
        .date
        .clone()
        .unwrap_or_else(|| entry.id.get(..10).unwrap_or(&entry.id).to_owned())
}

impl Library {
    /// The library of every statement committed on HEAD of `store`.
    /// A file that does not read as a statement is left out
    /// ([`Library::unreadable`]).
    pub fn from_store(store: &Store) -> Result<Library, StoreError> {
        let head = store.head_statements(None)?;
        let sources = head
            .statements
            .into_iter()
            .map(|(entry, statement)| Source::from_entry(&entry, statement))
            .collect();
        Ok(Library {
            unreadable: head.unreadable,
            ..Library::build(sources)
        })
    }

    /// Why each stored file left out of the library did not read.
    pub fn unreadable(&self) -> &[StoreError] {
        &self.unreadable
    }
}

/// The sentences of `new` that are new or reworded against `old` (`added`,
/// `reworded`, `split`, `merged`), by position in document order, with how:
/// the sentences whose wording needs a precedent.
pub fn revised(
    old: &Statement,
    new: &Statement,
    options: &AlignOptions,
) -> Vec<(usize, Option<ChangeKind>)> {
    let old_texts: Vec<&str> = old.sentences().map(|(_, t)| t.text.as_str()).collect();
    let new_texts: Vec<&str> = new.sentences().map(|(_, t)| t.text.as_str()).collect();
    let headings =
        |st: &Statement| -> Vec<bool> { st.sentences().map(|(_, s)| s.heading).collect() };
    let new_headings = headings(new);
    let alignment = align_parts(
        &old_texts,
        &new_texts,
        &headings(old),
        &new_headings,
        options,
    );
    // A heading names a section: its wording needs no precedent.
    let mut out: Vec<(usize, Option<ChangeKind>)> = alignment
        .pairs
        .iter()
        .filter(|p| {
            matches!(
                p.kind,
                ChangeKind::Added | ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
            ) && !p.new.iter().any(|&n| new_headings[n])
        })
        .flat_map(|p| p.new.iter().map(|&n| (n, Some(p.kind))))
        .collect();
    out.sort_by_key(|&(n, _)| n);
    out
}

/// What a search of the store found: the sentences looked up with their
/// precedents, and what was searched.
#[derive(Debug)]
pub struct Search {
    /// The query's date, when it is a statement of the store.
    pub date: Option<String>,
    /// The statement its changed sentences were found against, if any.
    pub previous: Option<String>,
    /// How many statements could hold precedents.
    pub searched: usize,
    /// Each sentence looked up, with its precedents.
    pub sentences: Vec<SentencePrecedents>,
    /// Stored files left out because they do not read as statements.
    pub unreadable: Vec<StoreError>,
}

/// The precedents of the statement `resolved` among the statements dated
/// before it: of every sentence with `all`, else (when it has a
/// predecessor in its series) of the sentences added or changed since that
/// one. The query is read before the store is indexed, so that a bad ref
/// fails first.
pub fn search_earlier(
    store: &Store,
    resolved: &Resolved,
    all: bool,
    limit: usize,
    options: &AlignOptions,
) -> Result<Search, StoreError> {
    let statement = store.load(resolved)?;
    let date = date_of(&resolved.entry, &statement);
    let previous = match store.previous(resolved) {
        Ok(previous) => Some(previous),
        Err(StoreError::NoPredecessor { .. }) => None,
        Err(e) => return Err(e),
    };
    let sentences = match &previous {
        Some(previous) if !all => revised(&store.load(previous)?, &statement, options),
        _ => every_sentence(&statement),
    };
    let own = resolved.entry.to_string();
    // Earlier: another statement, dated before this one.
    let earlier = |s: &Listed<'_>| s.date < date.as_str() && s.reference != own;
    let mut search = search(store, &statement, sentences, &earlier, limit, options)?;
    search.date = Some(date.clone());
    search.previous = previous.map(|p| p.to_string());
    Ok(search)
}

/// The precedents of every sentence of `statement` (not one of the store's)
/// among every statement of the store.
pub fn search_all(
    store: &Store,
    statement: &Statement,
    limit: usize,
    options: &AlignOptions,
) -> Result<Search, StoreError> {
    search(
        store,
        statement,
        every_sentence(statement),
        &|_| true,
        limit,
        options,
    )
}

fn every_sentence(statement: &Statement) -> Vec<(usize, Option<ChangeKind>)> {
    statement
        .sentences()
        .enumerate()
        .filter(|(_, (_, s))| !s.heading)
        .map(|(i, _)| (i, None))
        .collect()
}

fn search(
    store: &Store,
    statement: &Statement,
    sentences: Vec<(usize, Option<ChangeKind>)>,
    allowed: &dyn Fn(&Listed<'_>) -> bool,
    limit: usize,
    options: &AlignOptions,
) -> Result<Search, StoreError> {
    let query = Query {
        statement,
        sentences,
        allowed,
        limit,
    };
    // A damaged index shows while it is read: it is rebuilt once, and
    // searched again.
    for rebuild in [false, true] {
        let catalog = persistent::open(store, rebuild)?;
        match search_catalog(&catalog, store, &query, options) {
            Ok(search) => return Ok(search),
            Err(Failure::Store(e)) => return Err(e),
            Err(Failure::Corrupt) => {}
        }
    }
    // An index just built that does not read back is a bug: the answer is
    // still owed, from every statement read into memory.
    let mut library = Library::from_store(store)?;
    let sentences = library.find(&query, options);
    let searched = (library.sources().iter())
        .filter(|s| allowed(&s.listed()))
        .count();
    Ok(Search {
        date: None,
        previous: None,
        searched,
        sentences,
        unreadable: std::mem::take(&mut library.unreadable),
    })
}

fn search_catalog(
    catalog: &Catalog,
    store: &Store,
    query: &Query<'_>,
    options: &AlignOptions,
) -> Result<Search, Failure> {
    Ok(Search {
        date: None,
        previous: None,
        searched: catalog.searched(query.allowed),
        sentences: catalog.find(store, query, options)?,
        unreadable: catalog.unreadable(store)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    fn source(reference: &str, date: &str, text: &str) -> Source {
        Source {
            reference: reference.to_owned(),
            date: date.to_owned(),
            statement: import(text.as_bytes(), None, reference).expect("imports"),
        }
    }

    #[test]
    fn verbatim_adapted_and_novel() {
        let library = Library::build(vec![
            source(
                "a/2020",
                "2020-01-01",
                "1. Calls upon all States that have not yet done so to sign the Treaty at the earliest possible date;\n\n2. Welcomes the report of the Secretary-General on oceans.",
            ),
            source(
                "b/2021",
                "2021-01-01",
                "1. Decides to include in the provisional agenda of its eighty-first session the item entitled \"General and complete disarmament\".",
            ),
        ]);
        assert_eq!(library.sentence_count(), 3);
        let query = import(
            "1. Calls upon all States that have not yet done so to sign the Treaty at the earliest possible date;\n\n2. Welcomes the second report of the Secretary-General on oceans and seas.\n\n3. Expresses concern about plastic pollution in rivers."
                .as_bytes(),
            None,
            "q",
        )
        .expect("imports");
        let only_2020 = |s: &Listed<'_>| s.date < "2021-01-01";
        let found = library.find(
            &Query {
                statement: &query,
                sentences: vec![(0, None), (1, None), (2, None)],
                allowed: &only_2020,
                limit: 3,
            },
            &AlignOptions::default(),
        );
        let verdicts: Vec<Verdict> = found.iter().map(|f| f.verdict).collect();
        assert_eq!(
            verdicts,
            [Verdict::Verbatim, Verdict::Adapted, Verdict::Novel]
        );
        assert_eq!(found[0].precedents[0].reference, "a/2020");
        assert!(found[1].precedents[0].similarity < 1.0);
    }
}
