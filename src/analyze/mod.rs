//! From an alignment to a [`Diff`]: the sentences each pair relates, their
//! editorial differences and label changes, and the word-level redline of
//! every revised sentence.

mod edits;

pub use edits::{edit_kinds, word_edits};

use crate::align::{AlignOptions, Alignment, align};
use crate::diff::{Change, ChangeKind, Diff, DocumentInfo, Renumbered, SentenceView};
use crate::normalize::key::editorial;
use crate::statement::{Sentence, Statement};

/// Compares two statements. `old_ref` and `new_ref` are how the user named
/// them (a path or a store ref); reports show them.
pub fn compare(
    old: &Statement,
    new: &Statement,
    old_ref: &str,
    new_ref: &str,
    options: &AlignOptions,
) -> Diff {
    // Copying the views of a long statement pays for a second thread.
    let (old_views, new_views) = if old.sentence_count() + new.sentence_count() < 1024 {
        (views(old), views(new))
    } else {
        std::thread::scope(|scope| {
            let new_views = scope.spawn(|| views(new));
            (views(old), new_views.join().expect("views thread panicked"))
        })
    };
    let old_texts: Vec<&str> = old_views.iter().map(|v| v.text.as_str()).collect();
    let new_texts: Vec<&str> = new_views.iter().map(|v| v.text.as_str()).collect();
    let alignment = align(&old_texts, &new_texts, options);
    Diff {
        old: info(old, old_ref),
        new: info(new, new_ref),
        changes: changes(alignment, old_views, new_views, options),
    }
}

fn info(statement: &Statement, reference: &str) -> DocumentInfo {
    DocumentInfo {
        reference: reference.to_owned(),
        title: statement.meta.title.clone(),
        date: statement.meta.date.clone(),
    }
}

fn views(statement: &Statement) -> Vec<SentenceView> {
    statement
        .sentences()
        .map(|(location, Sentence { label, text })| SentenceView {
            location,
            label: label.clone(),
            text: text.clone(),
        })
        .collect()
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
    alignment
        .pairs
        .into_iter()
        .map(|pair| {
            let o: Vec<SentenceView> = pair.old.iter().map(|&i| take(&mut old, i)).collect();
            let n: Vec<SentenceView> = pair.new.iter().map(|&i| take(&mut new, i)).collect();
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
            Change {
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
        .collect()
}

/// Similarities are reported to three decimals: more is noise, and stable
/// output keeps snapshots and scripts simple.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
