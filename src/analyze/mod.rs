//! From an alignment to a [`Diff`]: the sentences each pair relates, their
//! editorial differences and label changes, and the word-level redline of
//! every revised sentence.

mod clause_change;
pub mod commitment;
pub mod digest;
mod edits;
pub mod lexicon;
pub mod lists;

pub use clause_change::compare as compare_clauses;

pub use edits::{edit_kinds, word_edits};

use crate::align::{AlignOptions, Alignment, Pair, align};
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
        }
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
    let options = &options.align;
    let texts = |st: &'a Statement| -> Vec<&'a str> {
        st.sentences().map(|(_, s)| s.text.as_str()).collect()
    };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let read_views = || {
        let commitments = Commitments::read(&[old, new], lexicon);
        (commitments.views(old), commitments.views(new))
    };
    // Reading commitments needs only the texts, not the alignment: on a long
    // pair it runs beside `align`, whose sequential stretches leave a core
    // idle.
    let (alignment, (old_views, new_views)) = parallel::join(
        old_texts.len() + new_texts.len() >= PARALLEL_MIN,
        || align(&old_texts, &new_texts, options),
        read_views,
    );
    let changes = changes(alignment, old_views, new_views, options);
    Diff {
        old: info(old, old_ref),
        new: info(new, new_ref),
        changes,
    }
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
        let found = parallel::map(&texts, 2048, |_, t| {
            let clauses = commitment::clauses(t, lexicon);
            if clauses.is_empty() {
                none.clone()
            } else {
                clauses.into()
            }
        });
        Commitments { index, found }
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
        let mut clauses: Vec<Arc<[Commitment]>> = units
            .iter()
            .map(|u| {
                self.index
                    .get(u.text)
                    .map_or_else(|| none.clone(), |&i| self.found[i].clone())
            })
            .collect();
        lists::inherit(&units, &mut clauses);
        statement
            .sentences()
            .zip(clauses)
            .map(
                |((location, Sentence { label, text }), clauses)| SentenceView {
                    location,
                    label: label.clone(),
                    text: text.clone(),
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
    options: &AlignOptions,
) -> Vec<Change> {
    // Each sentence is in exactly one pair: its view moves there, uncopied.
    let mut old: Vec<Option<SentenceView>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<SentenceView>> = new.into_iter().map(Some).collect();
    let take = |views: &mut Vec<Option<SentenceView>>, i: usize| {
        views[i].take().expect("each sentence is in one pair")
    };
    let sides: Vec<(Pair, Vec<SentenceView>, Vec<SentenceView>)> = alignment
        .pairs
        .into_iter()
        .map(|pair| {
            let o = pair.old.iter().map(|&i| take(&mut old, i)).collect();
            let n = pair.new.iter().map(|&i| take(&mut new, i)).collect();
            (pair, o, n)
        })
        .collect();
    // Word diffs and editorial checks are independent per entry.
    parallel::map_owned(sides, PARALLEL_MIN, |(pair, o, n)| {
        let renumbered = match (o.first(), n.first()) {
            (Some(a), Some(b)) if a.label != b.label => Some(Renumbered {
                old: a.label.clone(),
                new: b.label.clone(),
            }),
            _ => None,
        };
        let joined = |vs: &[SentenceView]| {
            vs.iter()
                .map(|v| v.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
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
        let (commitment_change, commitment_reasons) = match commitment_change(&o, &n) {
            Some((change, reasons)) => (Some(change), reasons),
            None => (None, Vec::new()),
        };
        Change {
            commitment_change,
            commitment_reasons,
            section: Sections::default(),
            routine: false,
            kind: pair.kind,
            similarity: round(pair.similarity),
            moved: pair.moved || pair.kind == ChangeKind::Moved,
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
