//! The result of comparing two statements: plain data that the reports and
//! the checks read. No logic lives here beyond small accessors; the entries
//! are built by [`crate::analyze::compare`]. The JSON reports do not
//! serialize these: they write [`crate::report::wire`] types, which these
//! convert into. The serde derives here serve the pair cache
//! ([`crate::series::cache`]) alone, which keeps entries as it computed
//! them; their form is no interface.

use crate::normalize::key::Editorial;
use crate::statement::Location;

/// How one old sentence (or several) relates to one new sentence (or several).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum ChangeKind {
    /// The same text, at most editorially different.
    Same,
    /// The same text, out of the order of the other matched sentences.
    Moved,
    /// One old sentence revised into one new one.
    Reworded,
    /// One old sentence became two or more consecutive new ones.
    Split,
    /// Two or more consecutive old sentences became one new one.
    Merged,
    /// A new sentence with no old counterpart.
    Added,
    /// An old sentence with no new counterpart.
    Removed,
}

impl ChangeKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [ChangeKind; 7] = [
        ChangeKind::Same,
        ChangeKind::Moved,
        ChangeKind::Reworded,
        ChangeKind::Split,
        ChangeKind::Merged,
        ChangeKind::Added,
        ChangeKind::Removed,
    ];

    /// The lower-case name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Same => "same",
            ChangeKind::Moved => "moved",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
        }
    }

    /// The kind seen from the other side: added and removed, split and
    /// merged trade places when the inputs are swapped.
    pub fn reversed(self) -> ChangeKind {
        match self {
            ChangeKind::Added => ChangeKind::Removed,
            ChangeKind::Removed => ChangeKind::Added,
            ChangeKind::Split => ChangeKind::Merged,
            ChangeKind::Merged => ChangeKind::Split,
            other => other,
        }
    }
}

/// A kind of edit inside a reworded sentence that the diff can name.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum EditKind {
    /// A number or a date changed ("93 States" → "94 States", "2023" → "2024").
    NumberChanged,
    /// A pronoun changed person ("they/their" → "we/our").
    PronounChanged,
    /// Only the case of words changed ("armed" → "Armed"): editorial, as
    /// comparison keys fold case, but shown in the redline.
    CaseChanged,
    /// A word spelled the British way for the American one, or the
    /// reverse ("recognise" → "recognize"): editorial, as comparison keys
    /// fold spelling, but shown in the redline.
    SpellingChanged,
    /// Only punctuation changed (a comma added, a full stop for a
    /// semicolon): no word changed.
    PunctuationChanged,
    /// Words were inserted.
    WordsInserted,
    /// Words were deleted.
    WordsDeleted,
    /// Words were replaced by other words.
    WordsReplaced,
}

impl EditKind {
    /// How reports name the kind: "number changed", "words inserted".
    pub fn describe(self) -> &'static str {
        match self {
            EditKind::NumberChanged => "number changed",
            EditKind::PronounChanged => "pronoun changed",
            EditKind::CaseChanged => "case changed",
            EditKind::SpellingChanged => "spelling changed",
            EditKind::PunctuationChanged => "punctuation changed",
            EditKind::WordsInserted => "words inserted",
            EditKind::WordsDeleted => "words deleted",
            EditKind::WordsReplaced => "words replaced",
        }
    }
}

/// One step of a word-level edit script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EditOp {
    /// Text in both sentences.
    Equal,
    /// Text only in the old sentence.
    Delete,
    /// Text only in the new sentence.
    Insert,
}

/// A run of text with its edit operation. Concatenating the `equal` and
/// `delete` runs gives the old text; `equal` and `insert`, the new one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    /// What happened to this run.
    pub op: EditOp,
    /// The run's text, spaces included.
    pub text: String,
}

/// How strongly a sentence binds its authors.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Encourages, invites, emphasizes, or a hedged moderate marker.
    Weak,
    /// Calls upon, urges, requests, supports, intends, should.
    Moderate,
    /// Commits, will, shall, must, decides, pledges, agrees, demands.
    Strong,
}

impl Strength {
    /// The lower-case name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Moderate => "moderate",
            Strength::Strong => "strong",
        }
    }

    /// One level lower; weak stays weak.
    pub fn lowered(self) -> Strength {
        match self {
            Strength::Strong => Strength::Moderate,
            _ => Strength::Weak,
        }
    }
}

/// A commitment clause of a sentence (a sentence's `commitment` is its
/// strongest clause).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Commitment {
    /// How strongly it binds, hedges counted.
    pub strength: Strength,
    /// The marker phrase as the sentence writes it.
    pub marker: String,
    /// Who commits, as the sentence names them, if it does.
    pub actor: Option<String>,
    /// Hedges that soften it, as written.
    pub hedges: Vec<String>,
    /// A commitment not to act ("will not", "will never").
    pub negated: bool,
    /// Deadlines and targets it names ("by May 14, 2025", "10 percent").
    pub deadlines: Vec<String>,
    /// The clause as the sentence writes it, from its actor or marker to
    /// where the next clause starts.
    pub clause: String,
    /// Whether the clause is a list item's, its actor and marker carried
    /// from the list's lead-in ("… and commit to:").
    pub inherited: bool,
}

impl Commitment {
    /// The strongest of some clauses (the first of equals): a sentence's
    /// commitment.
    pub fn strongest(clauses: &[Commitment]) -> Option<&Commitment> {
        let mut best: Option<&Commitment> = None;
        for c in clauses {
            if best.is_none_or(|b| c.strength > b.strength) {
                best = Some(c);
            }
        }
        best
    }
}

/// How a revision changed a commitment.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum CommitmentChange {
    /// A commitment where the old text had none.
    Added,
    /// The old text's commitment is gone (the sentence, or its binding force).
    Removed,
    /// The same strength, reworded (marker, hedges, deadlines or wording).
    Reworded,
    /// A stronger commitment than before.
    Strengthened,
    /// A weaker commitment than before.
    Weakened,
    /// The same commitment, the same words.
    Unchanged,
}

impl CommitmentChange {
    /// Every kind, in the order reports list them.
    pub const ALL: [CommitmentChange; 6] = [
        CommitmentChange::Added,
        CommitmentChange::Removed,
        CommitmentChange::Reworded,
        CommitmentChange::Strengthened,
        CommitmentChange::Weakened,
        CommitmentChange::Unchanged,
    ];

    /// The lower-case name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            CommitmentChange::Added => "added",
            CommitmentChange::Removed => "removed",
            CommitmentChange::Reworded => "reworded",
            CommitmentChange::Strengthened => "strengthened",
            CommitmentChange::Weakened => "weakened",
            CommitmentChange::Unchanged => "unchanged",
        }
    }
}

/// A sentence as an entry shows it: where it stands, its label and its text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SentenceView {
    /// 1-based paragraph and sentence numbers.
    pub location: Location,
    /// The paragraph label, if the sentence has one.
    pub label: Option<String>,
    /// The text, without the label; shared by the views of one text (most
    /// sentences of a revision stand on both sides), so that building
    /// views copies none.
    pub text: std::sync::Arc<str>,
    /// Whether it is a section heading; an entry's sentences are all
    /// headings or none, since headings pair only with headings.
    pub heading: bool,
    /// Every commitment clause of the sentence, in reading order; shared
    /// by the views of one text (most sentences of a revision are the old
    /// ones), so that building views copies none. The sentence's
    /// commitment is the strongest of them ([`SentenceView::commitment`]).
    pub clauses: std::sync::Arc<[Commitment]>,
}

impl SentenceView {
    /// The texts of `views` joined by spaces: what the sentences of one
    /// side of an entry say together.
    pub fn joined(views: &[SentenceView]) -> String {
        views.iter().map(|v| &*v.text).collect::<Vec<_>>().join(" ")
    }

    /// The commitment the sentence makes, if any: its strongest clause
    /// (the first of equals). Found among the shared clauses rather than
    /// kept as a copy: a copy per view was the views' largest allocation.
    pub fn commitment(&self) -> Option<&Commitment> {
        Commitment::strongest(&self.clauses)
    }
}

/// A label change on a sentence that otherwise kept its identity.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Renumbered {
    /// The old label, if any.
    pub old: Option<String>,
    /// The new label, if any.
    pub new: Option<String>,
}

/// One entry of a diff: the old and new sentences it relates and how.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// How the sentences relate.
    pub kind: ChangeKind,
    /// The old sentences (none for `added`).
    pub old: Vec<SentenceView>,
    /// The new sentences (none for `removed`).
    pub new: Vec<SentenceView>,
    /// Word similarity of the two sides, 0 to 1 (1 for `same` and `moved`,
    /// 0 for `added` and `removed`).
    pub similarity: f64,
    /// Whether the entry is out of the order of the other matched sentences.
    pub moved: bool,
    /// Editorial differences between the sides (for `same` and `moved`).
    pub editorial: Vec<Editorial>,
    /// The label change, when the labels differ.
    pub renumbered: Option<Renumbered>,
    /// The kinds of edit found in the word-level script.
    pub edit_kinds: Vec<EditKind>,
    /// The word-level edit script, for `reworded`, `split` and `merged`.
    pub edits: Vec<Edit>,
    /// How the entry changed a commitment; `None` when neither side makes one.
    pub commitment_change: Option<CommitmentChange>,
    /// The change in words ("marker 'commit to' (strong) → 'explore' (weak)").
    pub commitment_reasons: Vec<String>,
    /// The headings the entry's sentences stand under, on each side.
    pub section: Sections,
    /// Whether the entry is a routine update: a revision whose only changes
    /// advance a session number, a year or a date, a resolution symbol, or
    /// add last year's resolution to a list of recalled ones. Shown apart
    /// from the changes of substance and counted on their own.
    pub routine: bool,
}

/// The section headings an entry stands under: the nearest heading before
/// its first old and its first new sentence. Shared, since every sentence
/// of a section names the same heading.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sections {
    /// The heading of the old side, if the old sentences stand under one.
    pub old: Option<std::sync::Arc<str>>,
    /// The heading of the new side, if the new sentences stand under one.
    pub new: Option<std::sync::Arc<str>>,
}

impl Change {
    /// Whether this entry is a change that counts (not `same`).
    pub fn is_change(&self) -> bool {
        self.kind != ChangeKind::Same
    }

    /// Whether this entry relates section headings rather than sentences
    /// (headings pair only with headings).
    pub fn is_heading(&self) -> bool {
        self.old.iter().chain(&self.new).any(|v| v.heading)
    }

    /// Whether this entry changed a commitment (added, removed, reworded,
    /// strengthened or weakened it).
    pub fn changes_commitment(&self) -> bool {
        self.commitment_change
            .is_some_and(|c| c != CommitmentChange::Unchanged)
    }
}

/// The strongest commitment among the sentences of one side of an entry:
/// the one its commitment change compares (a split or merge has several).
pub fn strongest_commitment(side: &[SentenceView]) -> Option<&Commitment> {
    side.iter()
        .filter_map(SentenceView::commitment)
        .max_by_key(|c| c.strength)
}

/// What a report says about each side of the comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// How the user named the document (a path or a ref).
    pub reference: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// Its date, if known.
    pub date: Option<String>,
}

/// How many entries of each kind a diff has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Entries of kind `same`.
    pub same: usize,
    /// Entries of kind `moved`.
    pub moved: usize,
    /// Entries of kind `reworded`.
    pub reworded: usize,
    /// Entries of kind `split`.
    pub split: usize,
    /// Entries of kind `merged`.
    pub merged: usize,
    /// Entries of kind `added`.
    pub added: usize,
    /// Entries of kind `removed`.
    pub removed: usize,
    /// Entries by how they changed a commitment.
    pub commitments: CommitmentSummary,
    /// Entries that are routine updates (counted in their kind as well).
    pub routine: usize,
    /// Heading entries that changed (any kind but `same`). Headings are not
    /// sentences: the counts by kind above leave them out.
    pub headings: usize,
}

/// How many entries changed a commitment in each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CommitmentSummary {
    /// Commitments added.
    pub added: usize,
    /// Commitments removed (the sentence, or its binding force).
    pub removed: usize,
    /// Commitments reworded at the same strength.
    pub reworded: usize,
    /// Commitments made stronger.
    pub strengthened: usize,
    /// Commitments made weaker.
    pub weakened: usize,
    /// Commitments unchanged.
    pub unchanged: usize,
}

impl CommitmentSummary {
    /// The count for one kind of change.
    pub fn get(&self, change: CommitmentChange) -> usize {
        match change {
            CommitmentChange::Added => self.added,
            CommitmentChange::Removed => self.removed,
            CommitmentChange::Reworded => self.reworded,
            CommitmentChange::Strengthened => self.strengthened,
            CommitmentChange::Weakened => self.weakened,
            CommitmentChange::Unchanged => self.unchanged,
        }
    }

    fn slot(&mut self, change: CommitmentChange) -> &mut usize {
        match change {
            CommitmentChange::Added => &mut self.added,
            CommitmentChange::Removed => &mut self.removed,
            CommitmentChange::Reworded => &mut self.reworded,
            CommitmentChange::Strengthened => &mut self.strengthened,
            CommitmentChange::Weakened => &mut self.weakened,
            CommitmentChange::Unchanged => &mut self.unchanged,
        }
    }

    /// Commitment changes that matter (all but `unchanged`).
    pub fn changes(&self) -> usize {
        CommitmentChange::ALL
            .into_iter()
            .filter(|&c| c != CommitmentChange::Unchanged)
            .map(|c| self.get(c))
            .sum()
    }
}

impl Summary {
    /// The count for one kind.
    pub fn get(&self, kind: ChangeKind) -> usize {
        match kind {
            ChangeKind::Same => self.same,
            ChangeKind::Moved => self.moved,
            ChangeKind::Reworded => self.reworded,
            ChangeKind::Split => self.split,
            ChangeKind::Merged => self.merged,
            ChangeKind::Added => self.added,
            ChangeKind::Removed => self.removed,
        }
    }

    /// The count of one kind, to add to.
    pub(crate) fn slot(&mut self, kind: ChangeKind) -> &mut usize {
        match kind {
            ChangeKind::Same => &mut self.same,
            ChangeKind::Moved => &mut self.moved,
            ChangeKind::Reworded => &mut self.reworded,
            ChangeKind::Split => &mut self.split,
            ChangeKind::Merged => &mut self.merged,
            ChangeKind::Added => &mut self.added,
            ChangeKind::Removed => &mut self.removed,
        }
    }

    /// The number of entries that are changes (all but `same`).
    pub fn changes(&self) -> usize {
        ChangeKind::ALL
            .into_iter()
            .filter(|&k| k != ChangeKind::Same)
            .map(|k| self.get(k))
            .sum()
    }
}

/// The comparison of two statements.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// The old document.
    pub old: DocumentInfo,
    /// The new document.
    pub new: DocumentInfo,
    /// Every entry, `same` ones included, in the new document's order; a
    /// removed sentence comes right after the entry of its old predecessor.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Counts the entries by kind.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for c in &self.changes {
            if c.is_heading() {
                s.headings += usize::from(c.is_change());
                continue;
            }
            *s.slot(c.kind) += 1;
            s.routine += usize::from(c.routine);
            if let Some(change) = c.commitment_change {
                *s.commitments.slot(change) += 1;
            }
        }
        s
    }

    /// Whether anything but editorial differences separates the documents.
    pub fn has_changes(&self) -> bool {
        self.changes.iter().any(Change::is_change)
    }
}
