//! The digest: what changed in substance, on one screen, before the
//! sentence-by-sentence report. Computed from a [`Diff`] into plain data
//! that every report format renders: the commitment changes ranked
//! (`rank.rs`), the figures that changed between paired sentences
//! (`figures.rs`, reading figures with `numbers.rs`), the names one
//! version mentions and the other does not (`names.rs`, with the list of
//! states and organisations in `names.txt`, the small words that shape a
//! name in `vocabulary.rs`, and the check that a name is written after all
//! in `presence.rs`), and the counts by section. `tokens.rs` splits a
//! sentence into the words figures and names are read from.

mod figures;
mod names;
mod numbers;
mod presence;
mod rank;
mod tokens;
mod vocabulary;

use rustc_hash::FxHashMap;

use crate::diff::{ChangeKind, CommitmentChange, Diff, Strength, Summary};
use crate::statement::Location;

/// What a report shows first: the changes of substance of a diff.
#[derive(Clone, Debug, PartialEq)]
pub struct Digest {
    /// Every entry that changed a commitment, ranked: removed and weakened
    /// first, then strengthened, added and reworded; within a rank by how
    /// much binding force was lost or gained. Reports show the first
    /// [`Digest::SHOWN`].
    pub commitments: Vec<CommitmentLine>,
    /// Figures that differ between paired sentences, in the new
    /// document's order.
    pub figures: Vec<FigureChange>,
    /// Names the new document mentions and the old one does not.
    pub names_added: Vec<NameChange>,
    /// Names the old document mentions and the new one does not.
    pub names_dropped: Vec<NameChange>,
    /// Changed entries by section, in the order the sections come; empty
    /// when no entry stands under a heading.
    pub sections: Vec<SectionCount>,
    /// The counts by kind, commitment change and routine update.
    pub summary: Summary,
}

impl Digest {
    /// How many commitment and figure lines reports show before "… and N
    /// more".
    pub const SHOWN: usize = 12;
    /// How many names of each list reports show before "… and N more":
    /// fewer, so that the digest of a long pair fits one screen.
    pub const NAMES_SHOWN: usize = 8;
}

/// One entry that changed a commitment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitmentLine {
    /// How the commitment changed.
    pub change: CommitmentChange,
    /// Who commits, as the clause names them.
    pub actor: Option<String>,
    /// The old marker ("intend to"), if the old side has a commitment.
    pub old_marker: Option<String>,
    /// The new marker, if the new side has a commitment.
    pub new_marker: Option<String>,
    /// The old strength.
    pub old_strength: Option<Strength>,
    /// The new strength.
    pub new_strength: Option<Strength>,
    /// The first words of the clause: the old one for what was lost, the
    /// new one otherwise.
    pub clause: String,
    /// The entry's index in [`Diff::changes`].
    pub entry: usize,
}

/// A figure that differs between two paired sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureChange {
    /// The old figure as written ("by 2025"); `None` when the revision
    /// added it.
    pub old: Option<String>,
    /// The new figure as written; `None` when the revision dropped it.
    pub new: Option<String>,
    /// The word after it that says what it counts ("members", "session").
    pub noun: Option<String>,
    /// The entry's index in [`Diff::changes`].
    pub entry: usize,
    /// Whether the entry is a routine update (a session or year advanced).
    pub routine: bool,
}

/// A name one document mentions and the other does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameChange {
    /// The name: the list's form for states and organisations, else as
    /// the text first writes it.
    pub name: String,
    /// Every sentence that mentions it, in the document that does.
    pub locations: Vec<Location>,
}

/// How many entries of each kind one section holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionCount {
    /// The heading (the new one, or the old one for entries only the old
    /// document has); `None` for entries before the first heading.
    pub heading: Option<String>,
    /// Its entries counted by kind.
    pub summary: Summary,
}

impl SectionCount {
    /// How many of its entries are changes (all but `same`).
    pub fn changes(&self) -> usize {
        self.summary.changes()
    }
}

/// The fewest entries for which figures and names are read on two threads.
const PARALLEL_MIN: usize = 1024;

/// The digest of `diff`.
pub fn digest(diff: &Diff) -> Digest {
    // The names take longest; the rest of the digest is read beside them.
    let rest = || {
        let figures = diff
            .changes
            .iter()
            .enumerate()
            .flat_map(|(i, c)| figures::changes(c, i))
            .collect();
        (
            figures,
            rank::commitments(diff),
            sections(diff),
            diff.summary(),
        )
    };
    let ((figures, commitments, sections, summary), (names_added, names_dropped)) =
        crate::parallel::join(diff.changes.len() >= PARALLEL_MIN, rest, || {
            names::changes(diff)
        });
    Digest {
        commitments,
        figures,
        names_added,
        names_dropped,
        sections,
        summary,
    }
}

/// The entries counted by section, sections in the order they come;
/// nothing when no entry has a heading.
fn sections(diff: &Diff) -> Vec<SectionCount> {
    if diff
        .changes
        .iter()
        .all(|c| c.section.old.is_none() && c.section.new.is_none())
    {
        return Vec::new();
    }
    let mut out: Vec<SectionCount> = Vec::new();
    // A statement may have as many headings as entries: each is found by
    // hash, not by a walk over the sections so far.
    let mut index: FxHashMap<Option<&str>, usize> = FxHashMap::default();
    for c in &diff.changes {
        let heading = if c.kind == ChangeKind::Removed {
            c.section.old.as_deref()
        } else {
            c.section.new.as_deref()
        };
        let at = *index.entry(heading).or_insert_with(|| {
            out.push(SectionCount {
                heading: heading.map(str::to_owned),
                summary: Summary::default(),
            });
            out.len() - 1
        });
        let s = &mut out[at].summary;
        *s.slot(c.kind) += 1;
        s.routine += usize::from(c.routine);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Change, Sections};
    use std::sync::Arc;

    fn entry(kind: ChangeKind, old: Option<&str>, new: Option<&str>) -> Change {
        Change {
            kind,
            old: Vec::new(),
            new: Vec::new(),
            similarity: 1.0,
            moved: false,
            editorial: Vec::new(),
            renumbered: None,
            edit_kinds: Vec::new(),
            edits: Vec::new(),
            commitment_change: None,
            commitment_reasons: Vec::new(),
            section: Sections {
                old: old.map(Arc::from),
                new: new.map(Arc::from),
            },
            routine: false,
        }
    }

    fn diff(changes: Vec<Change>) -> Diff {
        Diff {
            old: Default::default(),
            new: Default::default(),
            changes,
        }
    }

    #[test]
    fn no_heading_no_sections() {
        let d = diff(vec![entry(ChangeKind::Added, None, None)]);
        assert!(sections(&d).is_empty());
    }

    #[test]
    fn entries_count_under_their_sections_in_order() {
        let d = diff(vec![
            entry(ChangeKind::Same, None, None),
            entry(
                ChangeKind::Reworded,
                Some("Security"),
                Some("Maritime security"),
            ),
            entry(ChangeKind::Added, None, Some("Maritime security")),
            entry(ChangeKind::Same, Some("Trade"), Some("Trade")),
        ]);
        // A removed entry has no new side: it counts under its old heading.
        let mut d = d;
        d.changes
            .push(entry(ChangeKind::Removed, Some("Security"), None));
        let s = sections(&d);
        let headings: Vec<Option<&str>> = s.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(
            headings,
            [
                None,
                Some("Maritime security"),
                Some("Trade"),
                Some("Security")
            ]
        );
        assert_eq!(
            (s[1].summary.reworded, s[1].summary.added, s[1].changes()),
            (1, 1, 2)
        );
        assert_eq!((s[2].changes(), s[2].summary.same), (0, 1));
        assert_eq!(s[3].summary.removed, 1);
    }
}
