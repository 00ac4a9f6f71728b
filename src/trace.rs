//! Genealogy: where each sentence of a statement comes from, through the
//! earlier versions of its series.
//!
//! A series (this year's resolution, last year's, the draft between) is a
//! chain of versions. Consecutive versions are diffed once each (n − 1
//! diffs), and every sentence of the last version is followed backwards
//! through the chain of alignments: through `same` and `moved` entries it
//! keeps its identity; a `reworded`, `split` or `merged` entry is a step of
//! its history (with the diff's redline) and the walk goes on from the old
//! side; an `added` entry, or the first version, is where it first appeared.
//! Nothing is re-diffed per sentence, so a trace costs the n − 1 diffs plus
//! a walk linear in the sentences.
//!
//! A merged sentence has several ancestors; its lineage follows the first of
//! them (the step lists them all).

use serde::Serialize;

use crate::align::AlignOptions;
use crate::analyze::lexicon::Lexicon;
use crate::analyze::{compare_with, views};
use crate::diff::{Change, ChangeKind, DocumentInfo, SentenceView};
use crate::statement::{Location, Statement};

/// One version of a series, as the caller read it.
#[derive(Clone, Debug)]
pub struct Version {
    /// How reports name it (`unga-tpnw/2024-12-02-a-res-79-38`).
    pub reference: String,
    /// The statement.
    pub statement: Statement,
}

/// The lineage of every sentence of the last version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trace {
    /// The versions, oldest first; steps point into this list.
    pub versions: Vec<DocumentInfo>,
    /// One lineage per sentence of the last version, in its order.
    pub sentences: Vec<Lineage>,
}

/// Where one sentence of the last version comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lineage {
    /// The sentence in the last version.
    #[serde(flatten)]
    pub sentence: SentenceView,
    /// Where it (or the sentence it was reworded from) first appeared.
    pub first: Appearance,
    /// Each version in which it changed (reworded, split or merged against
    /// the version before), oldest first; empty when its text is as it first
    /// appeared.
    pub changes: Vec<Step>,
}

/// A sentence's first appearance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Appearance {
    /// Index into [`Trace::versions`].
    pub version: usize,
    /// Where it stood in that version.
    #[serde(flatten)]
    pub location: Location,
    /// Its text there.
    pub text: String,
}

/// One change in a sentence's history: the diff entry between the version
/// before and this one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Index into [`Trace::versions`] of the version that made the change.
    pub version: usize,
    /// The diff's entry: kind, old and new sentences, similarity, redline.
    #[serde(flatten)]
    pub change: Change,
}

impl Lineage {
    /// The versions in which the sentence changed, as indices into
    /// [`Trace::versions`].
    pub fn changed_in(&self) -> Vec<usize> {
        self.changes.iter().map(|s| s.version).collect()
    }
}

impl Trace {
    /// The lineage of the sentence at `location` of the last version.
    pub fn sentence(&self, location: Location) -> Option<&Lineage> {
        self.sentences
            .iter()
            .find(|l| l.sentence.location == location)
    }
}

/// Traces every sentence of the last of `versions` (oldest first) back
/// through the others. An empty list gives an empty trace.
pub fn trace(versions: &[Version], options: &AlignOptions) -> Trace {
    let infos: Vec<DocumentInfo> = versions
        .iter()
        .map(|v| DocumentInfo {
            reference: v.reference.clone(),
            title: v.statement.meta.title.clone(),
            date: v.statement.meta.date.clone(),
        })
        .collect();
    let Some(last) = versions.last() else {
        return Trace {
            versions: infos,
            sentences: Vec::new(),
        };
    };
    // One lexicon for every diff: parsing it is not free.
    let lexicon = Lexicon::builtin();
    // diffs[i - 1] compares version i - 1 with version i; back[i - 1] maps
    // each sentence of version i to its entry there.
    let diffs: Vec<Vec<Change>> = versions
        .windows(2)
        .map(|w| {
            compare_with(
                &w[0].statement,
                &w[1].statement,
                &w[0].reference,
                &w[1].reference,
                options,
                &lexicon,
            )
            .changes
        })
        .collect();
    let offsets: Vec<Vec<usize>> = versions.iter().map(|v| offsets(&v.statement)).collect();
    let back: Vec<Vec<usize>> = diffs
        .iter()
        .enumerate()
        .map(|(i, changes)| {
            let mut to_entry = vec![usize::MAX; versions[i + 1].statement.sentence_count()];
            for (e, change) in changes.iter().enumerate() {
                for view in &change.new {
                    to_entry[flat(&offsets[i + 1], view.location)] = e;
                }
            }
            to_entry
        })
        .collect();
    let newest = versions.len() - 1;
    let sentences = views(&last.statement, &lexicon)
        .into_iter()
        .map(|view| {
            let mut at = flat(&offsets[newest], view.location);
            let mut location = view.location;
            let mut text = view.text.clone();
            let mut changes = Vec::new();
            let mut origin = 0;
            for version in (1..=newest).rev() {
                let change = &diffs[version - 1][back[version - 1][at]];
                match change.kind {
                    ChangeKind::Added => {
                        origin = version;
                        break;
                    }
                    ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
                        changes.push(Step {
                            version,
                            change: change.clone(),
                        });
                    }
                    ChangeKind::Same | ChangeKind::Moved | ChangeKind::Removed => {}
                }
                // Every entry that holds a new sentence but `added` has an
                // old side; a merge is followed through its first sentence.
                let Some(old) = change.old.first() else {
                    origin = version;
                    break;
                };
                at = flat(&offsets[version - 1], old.location);
                location = old.location;
                text.clone_from(&old.text);
            }
            changes.reverse();
            Lineage {
                sentence: view,
                first: Appearance {
                    version: origin,
                    location,
                    text,
                },
                changes,
            }
        })
        .collect();
    Trace {
        versions: infos,
        sentences,
    }
}

/// The index of each paragraph's first sentence in document order.
fn offsets(statement: &Statement) -> Vec<usize> {
    let mut out = Vec::with_capacity(statement.paragraphs.len());
    let mut total = 0;
    for p in &statement.paragraphs {
        out.push(total);
        total += p.sentences.len();
    }
    out
}

/// A location's index in document order.
fn flat(offsets: &[usize], location: Location) -> usize {
    offsets[location.paragraph - 1] + location.sentence - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    fn version(name: &str, text: &str) -> Version {
        Version {
            reference: name.to_owned(),
            statement: import(text.as_bytes(), None, name).expect("imports"),
        }
    }

    #[test]
    fn follows_rewordings_back_to_the_first_appearance() {
        let versions = [
            version(
                "v1",
                "1. The Ministers intend to act on climate change.\n\n2. They met in Rome for two days of talks.",
            ),
            version(
                "v2",
                "1. The Ministers committed to act on climate change.\n\n2. They met in Rome for two days of talks.\n\n3. They thanked Italy for its hospitality.",
            ),
            version(
                "v3",
                "1. They thanked Italy for its hospitality.\n\n2. The Ministers committed to act on climate change by 2030.\n\n3. They met in Rome for two days of talks.",
            ),
        ];
        let t = trace(&versions, &AlignOptions::default());
        assert_eq!(t.versions.len(), 3);
        let at = |p| {
            t.sentence(Location {
                paragraph: p,
                sentence: 1,
            })
            .expect("sentence")
        };
        // Added in v2, moved in v3: not a change.
        assert_eq!(at(1).first.version, 1);
        assert!(at(1).changes.is_empty());
        // From v1, reworded in v2 and v3.
        assert_eq!(at(2).first.version, 0);
        assert_eq!(at(2).changed_in(), [1, 2]);
        assert_eq!(
            at(2).first.text,
            "The Ministers intend to act on climate change."
        );
        assert_eq!(at(2).changes[0].change.kind, ChangeKind::Reworded);
        // Unchanged since v1, where it was ¶2.1.
        assert_eq!(at(3).first.version, 0);
        assert_eq!(at(3).first.location.paragraph, 2);
        assert!(at(3).changes.is_empty());
    }

    #[test]
    fn one_version_is_its_own_origin() {
        let t = trace(&[version("v1", "One. Two.")], &AlignOptions::default());
        assert_eq!(t.sentences.len(), 2);
        assert!(t.sentences.iter().all(|l| l.first.version == 0));
        assert!(trace(&[], &AlignOptions::default()).sentences.is_empty());
    }
}
