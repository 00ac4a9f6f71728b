//! From an alignment to a [`Diff`]: the sentences each pair relates, their
//! editorial differences and label changes, and the word-level redline of
//! every revised sentence.

mod clause_change;
pub mod commitment;
pub mod digest;
mod edits;
pub mod lexicon;
pub mod lists;
pub mod numbers;
pub mod routine;
mod word_table;

pub use clause_change::compare as compare_clauses;

pub use edits::{edit_kinds, editorial_only, word_edits};

use crate::align::{AlignOptions, Alignment, Pair, align_parts};
use crate::diff::{
    Change, ChangeKind, Commitment, CommitmentChange, Diff, DocumentInfo, Renumbered, Sections,
    SentenceView,
};
use crate::normalize::key::editorial;
use crate::parallel;
use crate::statement::{Sentence, Statement};
use lexicon::Lexicon;
use std::sync::Arc;

/// How [`compare`] compares two statements: the names reports show for
/// them, how sentences are paired, and the lexicon commitments are read
/// with. Start from [`Options::default`] or [`Options::named`] and change
/// what you need (fields may be added: build it with these, not a literal).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// What the old statement is called in reports (a path or a store ref).
    pub old_name: String,
    /// What the new statement is called in reports.
    pub new_name: String,
    /// How sentences are paired.
    pub align: AlignOptions,
    /// The markers, hedges and actors commitments are read with.
    pub lexicon: Lexicon,
    /// Whether routine updates (a session, year, date or symbol advanced,
    /// last year's resolution recalled) are marked `routine` (default
    /// `true`); without it they are ordinary rewordings.
    pub routine: bool,
}

impl Default for Options {
    /// `old` and `new`, the default alignment, the built-in lexicon.
    fn default() -> Options {
        Options::named("old", "new")
    }
}

impl Options {
    /// The default options, with the names reports show.
    pub fn named(old: impl Into<String>, new: impl Into<String>) -> Options {
        Options {
            old_name: old.into(),
            new_name: new.into(),
            align: AlignOptions::default(),
            lexicon: Lexicon::builtin(),
            routine: true,
        }
    }

    /// These options with routine updates marked (`true`) or shown as
    /// ordinary rewordings.
    pub fn with_routine(mut self, routine: bool) -> Options {
        self.routine = routine;
        self
    }

    /// These options with sentences paired under `align`.
    pub fn with_align(mut self, align: AlignOptions) -> Options {
        self.align = align;
        self
    }

    /// These options with commitments read under `lexicon`.
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Options {
        self.lexicon = lexicon;
        self
    }
}

/// Compares two statements: pairs their sentences, and reads each pair's
/// edits, label changes and commitments.
///
/// ```
/// use communique::{ChangeKind, Options, Statement, compare};
///
/// let draft = Statement::from_bytes(b"1. The Ministers intend to act.", None, "draft")?;
/// let adopted = Statement::from_bytes(b"1. The Ministers committed to act.", None, "final")?;
/// let diff = compare(&draft, &adopted, &Options::named("draft", "final"));
/// assert_eq!(diff.changes[0].kind, ChangeKind::Reworded);
/// # Ok::<(), communique::import::ImportError>(())
/// ```
pub fn compare<'a>(old: &'a Statement, new: &'a Statement, options: &Options) -> Diff {
    let (old_ref, new_ref) = (options.old_name.as_str(), options.new_name.as_str());
    let lexicon = &options.lexicon;
    let mark_routine = options.routine;
    let options = &options.align;
    let texts = |st: &'a Statement| -> Vec<&'a str> {
        st.sentences().map(|(_, s)| s.text.as_str()).collect()
    };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let headings =
        |st: &Statement| -> Vec<bool> { st.sentences().map(|(_, s)| s.heading).collect() };
    let (old_headings, new_headings) = (headings(old), headings(new));
    let read_views = || {
        let commitments = Commitments::read(&[old, new], lexicon);
        (commitments.views(old), commitments.views(new))
    };
    // Reading commitments needs only the texts, not the alignment: on a long
    // pair it runs beside `align`, whose sequential stretches leave a core
    // idle.
    let (alignment, (old_views, new_views)) = parallel::join(
        old_texts.len() + new_texts.len() >= PARALLEL_MIN,
        || {
            align_parts(
                &old_texts,
                &new_texts,
                &old_headings,
                &new_headings,
                options,
            )
        },
        read_views,
    );
    let sections = [sections_of(&old_views), sections_of(&new_views)];
    let mut changes = changes(alignment, old_views, new_views, &sections, options);
    let (old, new) = (info(old, old_ref), info(new, new_ref));
    if mark_routine {
        routine::mark(&mut changes, &old, &new);
    }
    Diff { old, new, changes }
}

/// For each sentence of one side, the heading it stands under: the nearest
/// heading before it (a heading stands under the one before it). One
/// shared string per heading.
fn sections_of(views: &[SentenceView]) -> Vec<Option<Arc<str>>> {
    let mut current: Option<Arc<str>> = None;
    views
        .iter()
        .map(|v| {
            let under = current.clone();
            if v.heading {
                current = Some(Arc::from(heading_text(v)));
            }
            under
        })
        .collect()
}

/// A heading as reports name it: its section number, if any, and its text
/// ("II. Maritime Security").
fn heading_text(view: &SentenceView) -> String {
    match &view.label {
        Some(label) => format!("{label} {}", view.text),
        None => view.text.to_string(),
    }
}

/// The section of one side of a pair: that of its first sentence.
fn section_at(sections: &[Option<Arc<str>>], side: &[usize]) -> Option<Arc<str>> {
    side.first()
        .and_then(|&i| sections.get(i))
        .cloned()
        .flatten()
}

fn info(statement: &Statement, reference: &str) -> DocumentInfo {
    DocumentInfo {
        reference: reference.to_owned(),
        title: statement.meta.title.clone(),
        date: statement.meta.date.clone(),
    }
}

/// The fewest sentences (both sides together) for which commitments are
/// read on a thread of their own: below it, a thread costs more than it saves.
const PARALLEL_MIN: usize = 1024;

/// The sentences of a statement as entries show them, each with its
/// commitment.
pub fn views(statement: &Statement, lexicon: &Lexicon) -> Vec<SentenceView> {
    Commitments::read(&[statement], lexicon).views(statement)
}

/// The commitment clauses of every distinct sentence text of some
/// statements. Most sentences of a revision are the old ones, so each text
/// is read once; a long pair is read on two threads. List items get their
/// lead-in's clause when the views of a statement are built.
struct Commitments<'a> {
    index: rustc_hash::FxHashMap<&'a str, usize>,
    found: Vec<Arc<[Commitment]>>,
    /// Each distinct text once, for the views to share.
    texts: Vec<Arc<str>>,
}

impl<'a> Commitments<'a> {
    fn read(statements: &[&'a Statement], lexicon: &Lexicon) -> Commitments<'a> {
        let mut index = rustc_hash::FxHashMap::default();
        let mut texts: Vec<&str> = Vec::new();
        for st in statements {
            for (_, s) in st.sentences() {
                index.entry(s.text.as_str()).or_insert_with(|| {
                    texts.push(s.text.as_str());
                    texts.len() - 1
                });
            }
        }
        // Most texts have no clause: they share one empty slice rather
        // than each allocating its own.
        let none: Arc<[Commitment]> = Arc::from(Vec::new());
        let found = parallel::map_with(&texts, 2048, commitment::Reader::default, |reader, t| {
            let clauses = reader.clauses(t, lexicon);
            if clauses.is_empty() {
                none.clone()
            } else {
                clauses.into()
            }
        });
        let texts = texts.into_iter().map(Arc::from).collect();
        Commitments {
            index,
            found,
            texts,
        }
    }

    fn views(&self, statement: &Statement) -> Vec<SentenceView> {
        let units: Vec<lists::Unit> = statement
            .sentences()
            .map(|(location, s)| lists::Unit {
                label: s.label.as_deref(),
                text: &s.text,
                opens_paragraph: location.sentence == 1,
            })
            .collect();
        let none: Arc<[Commitment]> = Arc::from(Vec::new());
        // A heading names a section; it binds no one.
        let ids: Vec<Option<usize>> = units
            .iter()
            .map(|u| self.index.get(u.text).copied())
            .collect();
        let mut clauses: Vec<Arc<[Commitment]>> = ids
            .iter()
            .zip(statement.sentences())
            .map(|(id, (_, s))| match id {
                Some(i) if !s.heading => self.found[*i].clone(),
                _ => none.clone(),
            })
            .collect();
        lists::inherit(&units, &mut clauses);
        statement
            .sentences()
            .zip(clauses)
            .zip(ids)
            .map(
                |(
                    (
                        (
                            location,
                            Sentence {
                                label,
                                text,
                                heading,
                            },
                        ),
                        clauses,
                    ),
                    id,
                )| SentenceView {
                    location,
                    label: label.clone(),
                    text: match id {
                        Some(i) => self.texts[i].clone(),
                        None => Arc::from(&text[..]),
                    },
                    heading: *heading,
                    clauses,
                },
            )
            .collect()
    }
}

fn changes(
    alignment: Alignment,
    old: Vec<SentenceView>,
    new: Vec<SentenceView>,
    [old_sections, new_sections]: &[Vec<Option<Arc<str>>>; 2],
    options: &AlignOptions,
) -> Vec<Change> {
    // Each sentence is in exactly one pair: its view moves there, uncopied.
    let mut old: Vec<Option<SentenceView>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<SentenceView>> = new.into_iter().map(Some).collect();
    let take = |views: &mut Vec<Option<SentenceView>>, i: usize| {
        views[i].take().expect("each sentence is in one pair")
    };
    let sides: Vec<(Pair, Vec<SentenceView>, Vec<SentenceView>, Sections)> = alignment
        .pairs
        .into_iter()
        .map(|pair| {
            let o = pair.old.iter().map(|&i| take(&mut old, i)).collect();
            let n = pair.new.iter().map(|&i| take(&mut new, i)).collect();
            let section = Sections {
                old: section_at(old_sections, &pair.old),
                new: section_at(new_sections, &pair.new),
            };
            (pair, o, n, section)
        })
        .collect();
    // Word diffs and editorial checks are independent per entry.
    parallel::map_owned(sides, PARALLEL_MIN, |(pair, o, n, section)| {
        let renumbered = match (o.first(), n.first()) {
            (Some(a), Some(b)) if a.label != b.label => Some(Renumbered {
                old: a.label.clone(),
                new: b.label.clone(),
            }),
            _ => None,
        };
        let joined = SentenceView::joined;
        let (editorial, edits) = match pair.kind {
            ChangeKind::Same | ChangeKind::Moved => (
                editorial(&o[0].text, &n[0].text, options.folding),
                Vec::new(),
            ),
            ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
                (Vec::new(), word_edits(&joined(&o), &joined(&n)))
            }
            ChangeKind::Added | ChangeKind::Removed => (Vec::new(), Vec::new()),
        };
        // A revision that only changes punctuation or spelling (and what
        // else the keys fold) is the same sentence, editorially different.
        let (kind, similarity, editorial, edits) = match (pair.kind, &o[..], &n[..]) {
            (ChangeKind::Reworded, [_], [_]) => match editorial_only(&edits, options.folding) {
                Some(kinds) => (
                    if pair.moved {
                        ChangeKind::Moved
                    } else {
                        ChangeKind::Same
                    },
                    1.0,
                    kinds,
                    Vec::new(),
                ),
                None => (pair.kind, pair.similarity, editorial, edits),
            },
            _ => (pair.kind, pair.similarity, editorial, edits),
        };
        let (commitment_change, commitment_reasons) = match commitment_change(&o, &n) {
            // Punctuation or spelling alone leaves a commitment as it was.
            Some((CommitmentChange::Reworded, _)) if kind != pair.kind => {
                (Some(CommitmentChange::Unchanged), Vec::new())
            }
            Some((change, reasons)) => (Some(change), reasons),
            None => (None, Vec::new()),
        };
        Change {
            commitment_change,
            commitment_reasons,
            section,
            routine: false,
            kind,
            similarity: round(similarity),
            moved: pair.moved || kind == ChangeKind::Moved,
            editorial,
            renumbered,
            edit_kinds: edit_kinds(&edits),
            edits,
            old: o,
            new: n,
        }
    })
}

/// How an entry's commitments changed, and why. Most entries relate one
/// sentence to one of the same text, whose views share their clauses: they
/// are known by identity, without gathering either side.
fn commitment_change(
    old: &[SentenceView],
    new: &[SentenceView],
) -> Option<(CommitmentChange, Vec<String>)> {
    if let ([a], [b]) = (old, new)
        && Arc::ptr_eq(&a.clauses, &b.clauses)
    {
        return (!a.clauses.is_empty()).then(|| (CommitmentChange::Unchanged, Vec::new()));
    }
    clause_change::compare(&side(old), &side(new))
}

/// Every commitment clause of one side of an entry.
fn side(views: &[SentenceView]) -> Vec<&Commitment> {
    views.iter().flat_map(|v| v.clauses.iter()).collect()
}

/// Similarities are reported to three decimals: more is noise, and stable
/// output keeps snapshots and scripts simple.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Format;

    fn md(text: &str) -> Statement {
        Statement::from_bytes(text.as_bytes(), Some(Format::Markdown), "x.md").expect("imports")
    }

    /// Entries name the heading each side stands under; a heading's own
    /// entry is marked, pairs only with a heading, carries no commitment,
    /// and is counted apart.
    #[test]
    fn sections_and_heading_entries() {
        let old = md(
            "We meet today.\n\n# Maritime Security\n\nWe will protect shipping lanes in the region.\n\n# Trade\n\nWe will keep markets open to all.\n",
        );
        let new = md(
            "We meet today.\n\n# Trade\n\nWe will keep markets open to all.\n\n# Maritime security\n\nWe will protect the shipping lanes in the region.\n",
        );
        let diff = compare(&old, &new, &Options::default());
        let find = |text: &str| {
            diff.changes
                .iter()
                .find(|c| c.new.first().is_some_and(|v| v.text.starts_with(text)))
                .expect("an entry")
        };
        let first = find("We meet");
        assert_eq!(first.section, Sections::default());
        let lanes = find("We will protect");
        assert_eq!(lanes.section.old.as_deref(), Some("Maritime Security"));
        assert_eq!(lanes.section.new.as_deref(), Some("Maritime security"));
        let heading = find("Maritime security");
        assert!(heading.is_heading());
        assert!(heading.old.iter().all(|v| v.heading));
        assert!(heading.commitment_change.is_none());
        let summary = diff.summary();
        let sentences = diff.changes.iter().filter(|c| !c.is_heading()).count();
        assert_eq!(
            ChangeKind::ALL
                .iter()
                .map(|&k| summary.get(k))
                .sum::<usize>(),
            sentences
        );
        assert_eq!(
            summary.headings,
            diff.changes
                .iter()
                .filter(|c| c.is_heading() && c.is_change())
                .count()
        );
    }
}
