//! The JSON wire format: one plain serde struct per object the commands
//! print, kept apart from the internal types so that renaming or adding an
//! internal field cannot change what scripts read. The internal types
//! convert into these (`From`); every field is documented in `docs/json.md`
//! and each command's schema ships as `docs/schema/<command>.json`.
//!
//! Fields are only ever added within a schema version; a change to an
//! existing one bumps the version in the command's `schema` name.

use serde::Serialize;

use crate::check::{Counts as CheckCounts, Place as CheckPlace};
use crate::diff::{self, EditKind, EditOp};
use crate::series::precedent;
use crate::series::trace;
use crate::series::{self, LogEntry};
use crate::statement::{Location, Statement};

/// The schema name and version of `diff --format json`.
pub const DIFF_SCHEMA: &str = "communique.diff/1";
/// The schema name and version of `check --format json`.
pub const CHECK_SCHEMA: &str = "communique.check/1";
/// The schema name and version of `log --format json`.
pub const LOG_SCHEMA: &str = "communique.log/1";
/// The schema name and version of `history --format json`.
pub const HISTORY_SCHEMA: &str = "communique.history/1";
/// The schema name and version of `show --format json` (without
/// `--commitments`, which prints a bare array of [`View`]s).
/// `normalize --format json` prints a bare [`StatementDoc`].
pub const SHOW_SCHEMA: &str = "communique.show/1";
/// The schema name and version of `show --commitments --format json`.
pub const COMMITMENTS_SCHEMA: &str = "communique.commitments/1";
/// The schema name and version of `normalize --format json`.
pub const NORMALIZE_SCHEMA: &str = "communique.normalize/1";
/// The schema name and version of `trace --format json`.
pub const TRACE_SCHEMA: &str = "communique.trace/1";
/// The schema name and version of `precedent --format json`.
pub const PRECEDENT_SCHEMA: &str = "communique.precedent/1";

/// One side of a comparison, or one version of a series.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'a> {
    /// How the user named it (a path or a ref).
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// Its title, if known.
    pub title: Option<&'a str>,
    /// Its date, if known.
    pub date: Option<&'a str>,
}

impl<'a> From<&'a diff::DocumentInfo> for Document<'a> {
    fn from(d: &'a diff::DocumentInfo) -> Self {
        Document {
            reference: &d.reference,
            title: d.title.as_deref(),
            date: d.date.as_deref(),
        }
    }
}

/// How many entries of each kind a diff has.
#[derive(Clone, Copy, Debug, Serialize)]
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
    /// Entries that are routine updates (also counted in their kind).
    pub routine: usize,
    /// Heading entries that changed; the counts by kind leave headings out.
    pub headings: usize,
}

/// How many entries changed a commitment in each way.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct CommitmentSummary {
    /// Commitments added.
    pub added: usize,
    /// Commitments removed.
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

impl From<&diff::Summary> for Summary {
    fn from(s: &diff::Summary) -> Self {
        let c = &s.commitments;
        Summary {
            same: s.same,
            moved: s.moved,
            reworded: s.reworded,
            split: s.split,
            merged: s.merged,
            added: s.added,
            removed: s.removed,
            commitments: CommitmentSummary {
                added: c.added,
                removed: c.removed,
                reworded: c.reworded,
                strengthened: c.strengthened,
                weakened: c.weakened,
                unchanged: c.unchanged,
            },
            routine: s.routine,
            headings: s.headings,
        }
    }
}

/// Everything of the diff document but its `changes`, which
/// [`json::write`](super::json::write) writes by hand after these fields
/// (in the shape of [`Change`]), for speed.
#[derive(Debug, Serialize)]
pub struct DiffHead<'a> {
    /// [`DIFF_SCHEMA`].
    pub schema: &'static str,
    /// The old statement.
    pub old: Document<'a>,
    /// The new statement.
    pub new: Document<'a>,
    /// What changed in substance: absent with `--stat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<Digest>,
    /// The counts of every entry (whatever `--only` keeps).
    pub summary: Summary,
}

/// The digest: the changes of substance, first in every report.
#[derive(Clone, Debug, Serialize)]
pub struct Digest {
    /// Every entry that changed a commitment, ranked: removed and weakened
    /// first, then strengthened, added, reworded.
    pub commitments: Vec<DigestCommitment>,
    /// Figures that differ between paired sentences.
    pub figures: Vec<DigestFigure>,
    /// Names only the new document mentions.
    pub names_added: Vec<DigestName>,
    /// Names only the old document mentions.
    pub names_dropped: Vec<DigestName>,
    /// Entries by section; empty when no entry stands under a heading.
    pub sections: Vec<DigestSection>,
}

/// One commitment change of the digest.
#[derive(Clone, Debug, Serialize)]
pub struct DigestCommitment {
    /// `removed`, `weakened`, `strengthened`, `added` or `reworded`.
    pub change: &'static str,
    /// Who commits, if the clause names them.
    pub actor: Option<String>,
    /// The old marker, if the old side commits.
    pub old_marker: Option<String>,
    /// The new marker, if the new side commits.
    pub new_marker: Option<String>,
    /// The old strength.
    pub old_strength: Option<&'static str>,
    /// The new strength.
    pub new_strength: Option<&'static str>,
    /// The clause's first words.
    pub clause: String,
    /// Where the entry stands, as the reports write it.
    pub place: String,
    /// The entry's index in the full `changes` array.
    pub entry: usize,
}

/// One figure change of the digest.
#[derive(Clone, Debug, Serialize)]
pub struct DigestFigure {
    /// The old figure as written, or null when it was added.
    pub old: Option<String>,
    /// The new figure as written, or null when it was dropped.
    pub new: Option<String>,
    /// The word after it that says what it counts.
    pub noun: Option<String>,
    /// Where the entry stands.
    pub place: String,
    /// The entry's index in the full `changes` array.
    pub entry: usize,
    /// Whether the entry is a routine update.
    pub routine: bool,
}

/// A name one document mentions and the other does not.
#[derive(Clone, Debug, Serialize)]
pub struct DigestName {
    /// The name.
    pub name: String,
    /// The sentences that mention it, in the document that does.
    pub locations: Vec<Location>,
}

/// The entries of one section.
#[derive(Clone, Debug, Serialize)]
pub struct DigestSection {
    /// The heading, or null for the entries before the first one.
    pub heading: Option<String>,
    /// Its entries by kind, as the diff's `summary`.
    pub summary: Summary,
}

impl Digest {
    /// The wire form of `digest`, whose entries are `diff`'s.
    pub fn of(digest: &crate::analyze::digest::Digest, diff: &diff::Diff) -> Digest {
        let place = |entry: usize| {
            diff.changes
                .get(entry)
                .map(super::entry_location)
                .unwrap_or_default()
        };
        let names = |list: &[crate::analyze::digest::NameChange]| {
            list.iter()
                .map(|n| DigestName {
                    name: n.name.clone(),
                    locations: n.locations.clone(),
                })
                .collect()
        };
        Digest {
            commitments: digest
                .commitments
                .iter()
                .map(|c| DigestCommitment {
                    change: c.change.name(),
                    actor: c.actor.clone(),
                    old_marker: c.old_marker.clone(),
                    new_marker: c.new_marker.clone(),
                    old_strength: c.old_strength.map(|s| s.name()),
                    new_strength: c.new_strength.map(|s| s.name()),
                    clause: c.clause.clone(),
                    place: place(c.entry),
                    entry: c.entry,
                })
                .collect(),
            figures: digest
                .figures
                .iter()
                .map(|f| DigestFigure {
                    old: f.old.clone(),
                    new: f.new.clone(),
                    noun: f.noun.clone(),
                    place: place(f.entry),
                    entry: f.entry,
                    routine: f.routine,
                })
                .collect(),
            names_added: names(&digest.names_added),
            names_dropped: names(&digest.names_dropped),
            sections: digest
                .sections
                .iter()
                .map(|s| DigestSection {
                    heading: s.heading.clone(),
                    summary: (&s.summary).into(),
                })
                .collect(),
        }
    }
}

impl<'a> DiffHead<'a> {
    /// The head of `diff`'s document, with its digest or without.
    pub fn of(diff: &'a diff::Diff, with_digest: bool) -> Self {
        DiffHead {
            schema: DIFF_SCHEMA,
            old: (&diff.old).into(),
            new: (&diff.new).into(),
            digest: with_digest.then(|| Digest::of(&crate::analyze::digest::digest(diff), diff)),
            summary: (&diff.summary()).into(),
        }
    }
}

/// One entry of a diff.
#[derive(Clone, Debug, Serialize)]
pub struct Change<'a> {
    /// `same`, `moved`, `reworded`, `split`, `merged`, `added`, `removed`.
    pub kind: &'static str,
    /// The old sentences (none for `added`).
    pub old: Vec<View<'a>>,
    /// The new sentences (none for `removed`).
    pub new: Vec<View<'a>>,
    /// How alike the two sides are, 0 to 1.
    pub similarity: f64,
    /// Whether the entry changed position.
    pub moved: bool,
    /// The editorial differences folded away: `quotes`, `dashes`,
    /// `whitespace`, `case`.
    pub editorial: Vec<&'static str>,
    /// The paragraph labels before and after, when only they changed.
    pub renumbered: Option<Renumbered<'a>>,
    /// What kind of edit a revision is (`words-inserted`, …).
    pub edit_kinds: Vec<&'static str>,
    /// The word-level redline of a revision.
    pub edits: Vec<Edit<'a>>,
    /// How the entry changed a commitment, if either side has one.
    pub commitment_change: Option<&'static str>,
    /// Why, in words.
    pub commitment_reasons: &'a [String],
    /// The headings each side stands under.
    pub section: Sections<'a>,
    /// Whether the entry is a routine update.
    pub routine: bool,
    /// Whether the entry relates section headings, not sentences.
    pub heading: bool,
}

/// The section headings of an entry's two sides.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Sections<'a> {
    /// The old side's heading, if any.
    pub old: Option<&'a str>,
    /// The new side's heading, if any.
    pub new: Option<&'a str>,
}

impl<'a> From<&'a diff::Sections> for Sections<'a> {
    fn from(s: &'a diff::Sections) -> Self {
        Sections {
            old: s.old.as_deref(),
            new: s.new.as_deref(),
        }
    }
}

impl<'a> From<&'a diff::Change> for Change<'a> {
    fn from(c: &'a diff::Change) -> Self {
        Change {
            kind: c.kind.name(),
            old: c.old.iter().map(View::from).collect(),
            new: c.new.iter().map(View::from).collect(),
            similarity: c.similarity,
            moved: c.moved,
            editorial: c.editorial.iter().map(|e| e.name()).collect(),
            renumbered: c.renumbered.as_ref().map(Renumbered::from),
            edit_kinds: c.edit_kinds.iter().map(|&k| edit_kind(k)).collect(),
            edits: c.edits.iter().map(Edit::from).collect(),
            commitment_change: c.commitment_change.map(|c| c.name()),
            commitment_reasons: &c.commitment_reasons,
            section: (&c.section).into(),
            routine: c.routine,
            heading: c.is_heading(),
        }
    }
}

/// The wire name of an edit kind.
pub fn edit_kind(kind: EditKind) -> &'static str {
    match kind {
        EditKind::NumberChanged => "number-changed",
        EditKind::PronounChanged => "pronoun-changed",
        EditKind::CaseChanged => "case-changed",
        EditKind::SpellingChanged => "spelling-changed",
        EditKind::PunctuationChanged => "punctuation-changed",
        EditKind::WordsInserted => "words-inserted",
        EditKind::WordsDeleted => "words-deleted",
        EditKind::WordsReplaced => "words-replaced",
    }
}

/// The wire name of an edit operation.
pub fn edit_op(op: EditOp) -> &'static str {
    match op {
        EditOp::Equal => "equal",
        EditOp::Delete => "delete",
        EditOp::Insert => "insert",
    }
}

/// The paragraph labels of a renumbered entry.
#[derive(Clone, Debug, Serialize)]
pub struct Renumbered<'a> {
    /// The old label.
    pub old: Option<&'a str>,
    /// The new label.
    pub new: Option<&'a str>,
}

impl<'a> From<&'a diff::Renumbered> for Renumbered<'a> {
    fn from(r: &'a diff::Renumbered) -> Self {
        Renumbered {
            old: r.old.as_deref(),
            new: r.new.as_deref(),
        }
    }
}

/// One run of the redline.
#[derive(Clone, Debug, Serialize)]
pub struct Edit<'a> {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    /// The run's text, spaces included.
    pub text: &'a str,
}

impl<'a> From<&'a diff::Edit> for Edit<'a> {
    fn from(e: &'a diff::Edit) -> Self {
        Edit {
            op: edit_op(e.op),
            text: &e.text,
        }
    }
}

/// One sentence with its place and its commitments.
#[derive(Clone, Debug, Serialize)]
pub struct View<'a> {
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based sentence number within the paragraph.
    pub sentence: usize,
    /// The paragraph label before it, if any.
    pub label: Option<&'a str>,
    /// The sentence text.
    pub text: &'a str,
    /// The sentence's commitment (its strongest clause), if any.
    pub commitment: Option<Commitment<'a>>,
    /// Every clause's commitment.
    pub clauses: Vec<Commitment<'a>>,
}

impl<'a> From<&'a diff::SentenceView> for View<'a> {
    fn from(v: &'a diff::SentenceView) -> Self {
        View {
            paragraph: v.location.paragraph,
            sentence: v.location.sentence,
            label: v.label.as_deref(),
            text: &v.text,
            commitment: v.commitment().map(Commitment::from),
            clauses: v.clauses.iter().map(Commitment::from).collect(),
        }
    }
}

/// What one clause commits someone to.
#[derive(Clone, Debug, Serialize)]
pub struct Commitment<'a> {
    /// `weak`, `moderate` or `strong`.
    pub strength: &'static str,
    /// The words that bind ("decide", "shall").
    pub marker: &'a str,
    /// Who is bound, if named.
    pub actor: Option<&'a str>,
    /// Words that soften it.
    pub hedges: &'a [String],
    /// Whether it is negated.
    pub negated: bool,
    /// Deadlines named in it.
    pub deadlines: &'a [String],
    /// The clause's text.
    pub clause: &'a str,
    /// Whether it inherits its marker from an earlier clause.
    pub inherited: bool,
}

impl<'a> From<&'a diff::Commitment> for Commitment<'a> {
    fn from(c: &'a diff::Commitment) -> Self {
        Commitment {
            strength: c.strength.name(),
            marker: &c.marker,
            actor: c.actor.as_deref(),
            hedges: &c.hedges,
            negated: c.negated,
            deadlines: &c.deadlines,
            clause: &c.clause,
            inherited: c.inherited,
        }
    }
}

/// The document of `log --format json`.
#[derive(Debug, Serialize)]
pub struct Log<'a> {
    /// [`LOG_SCHEMA`].
    pub schema: &'static str,
    /// The statements in date order.
    pub entries: Vec<LogLine<'a>>,
}

/// One statement of the log.
#[derive(Debug, Serialize)]
pub struct LogLine<'a> {
    /// `series/id`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Its series.
    pub series: &'a str,
    /// Its id within the series.
    pub id: &'a str,
    /// Its title, if known.
    pub title: Option<&'a str>,
    /// Its date, if known.
    pub date: Option<&'a str>,
    /// Its sentence count.
    pub sentences: usize,
    /// What changed against the statement before it; `null` for the first.
    pub summary: Option<Summary>,
}

impl<'a> From<&'a LogEntry> for LogLine<'a> {
    fn from(e: &'a LogEntry) -> Self {
        LogLine {
            reference: e.entry.to_string(),
            series: &e.entry.series,
            id: &e.entry.id,
            title: e.title.as_deref(),
            date: e.date.as_deref(),
            sentences: e.sentences,
            summary: e.summary.as_ref().map(Summary::from),
        }
    }
}

/// The document of `history --format json`.
#[derive(Debug, Serialize)]
pub struct History<'a> {
    /// [`HISTORY_SCHEMA`].
    pub schema: &'static str,
    /// The statement.
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// Its revisions, newest first.
    pub revisions: Vec<Revision<'a>>,
}

/// One revision of a statement.
#[derive(Debug, Serialize)]
pub struct Revision<'a> {
    /// The commit's full hash.
    pub commit: &'a str,
    /// Seconds since the Unix epoch.
    pub time: i64,
    /// The committer's UTC offset, in minutes.
    pub offset_minutes: i32,
    /// The author's name.
    pub author: &'a str,
    /// The author's email.
    pub email: &'a str,
    /// The first line of the commit message.
    pub message: &'a str,
    /// The sentence count; `null` where the commit deleted the statement.
    pub sentences: Option<usize>,
    /// What changed against the revision before; `null` for the first.
    pub summary: Option<Summary>,
}

impl<'a> From<&'a series::Revision> for Revision<'a> {
    fn from(r: &'a series::Revision) -> Self {
        Revision {
            commit: &r.info.commit,
            time: r.info.time,
            offset_minutes: r.info.offset_minutes,
            author: &r.info.author,
            email: &r.info.email,
            message: &r.info.message,
            sentences: r.sentences,
            summary: r.summary.as_ref().map(Summary::from),
        }
    }
}

/// The document of `show --format json`: the statement as
/// `normalize --format json` prints it, under a schema and the name it was
/// shown by.
#[derive(Debug, Serialize)]
pub struct Show<'a> {
    /// [`SHOW_SCHEMA`].
    pub schema: &'static str,
    /// The statement as named on the command line.
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// `meta` and `paragraphs`.
    #[serde(flatten)]
    pub statement: StatementDoc<'a>,
}

/// The document of `normalize --format json`: the statement under its
/// schema.
#[derive(Debug, Serialize)]
pub struct Normalized<'a> {
    /// [`NORMALIZE_SCHEMA`].
    pub schema: &'static str,
    /// `meta` and `paragraphs`.
    #[serde(flatten)]
    pub statement: StatementDoc<'a>,
}

/// The document of `show --commitments --format json`: the sentences of
/// one statement that make a commitment.
#[derive(Debug, Serialize)]
pub struct Commitments<'a> {
    /// [`COMMITMENTS_SCHEMA`].
    pub schema: &'static str,
    /// The statement as named on the command line.
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// Each sentence with a commitment, in document order.
    pub sentences: Vec<View<'a>>,
}

/// A statement: its front matter and its sentences, paragraph by
/// paragraph (`normalize --format json`, `show --format json`).
#[derive(Debug, Serialize)]
pub struct StatementDoc<'a> {
    /// The front-matter fields that are set.
    pub meta: Meta<'a>,
    /// The body, in document order.
    pub paragraphs: Vec<Paragraph<'a>>,
}

/// The front matter; fields that are not set are left out.
#[derive(Debug, Serialize)]
pub struct Meta<'a> {
    /// The official title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The date of issue, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// Who issued it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub issuers: &'a [String],
    /// Its series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<&'a str>,
    /// Where it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The language of its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    /// Any other front-matter field, as written.
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    pub extra: &'a toml::Table,
}

/// One paragraph's sentences.
#[derive(Debug, Serialize)]
pub struct Paragraph<'a> {
    /// Never empty.
    pub sentences: Vec<Sentence<'a>>,
}

/// One sentence and the label before it.
#[derive(Debug, Serialize)]
pub struct Sentence<'a> {
    /// The paragraph label ("1.", "(a)"), if any.
    pub label: Option<&'a str>,
    /// The sentence, without its label.
    pub text: &'a str,
    /// Whether it is a section heading (written only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

impl<'a> From<&'a Statement> for StatementDoc<'a> {
    fn from(s: &'a Statement) -> Self {
        let m = &s.meta;
        StatementDoc {
            meta: Meta {
                title: m.title.as_deref(),
                date: m.date.as_deref(),
                issuers: &m.issuers,
                series: m.series.as_deref(),
                source: m.source.as_deref(),
                language: m.language.as_deref(),
                extra: &m.extra,
            },
            paragraphs: s
                .paragraphs
                .iter()
                .map(|p| Paragraph {
                    sentences: p
                        .sentences
                        .iter()
                        .map(|s| Sentence {
                            label: s.label.as_deref(),
                            text: &s.text,
                            heading: s.heading,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The document of `trace --format json`.
#[derive(Debug, Serialize)]
pub struct Trace<'a> {
    /// [`TRACE_SCHEMA`].
    pub schema: &'static str,
    /// The versions, oldest first; `version` fields index this list.
    pub versions: Vec<Document<'a>>,
    /// One lineage per sentence of the last version.
    pub sentences: Vec<Lineage<'a>>,
}

impl<'a> From<&'a trace::Trace> for Trace<'a> {
    fn from(t: &'a trace::Trace) -> Self {
        Trace {
            schema: TRACE_SCHEMA,
            versions: t.versions.iter().map(Document::from).collect(),
            sentences: t.sentences.iter().map(Lineage::from).collect(),
        }
    }
}

/// Where one sentence of the last version comes from.
#[derive(Debug, Serialize)]
pub struct Lineage<'a> {
    /// The sentence in the last version.
    #[serde(flatten)]
    pub sentence: View<'a>,
    /// Where it first appeared.
    pub first: Appearance<'a>,
    /// Each version that changed it, oldest first.
    pub changes: Vec<Step<'a>>,
    /// The versions after its first appearance that did not have it.
    pub absent: &'a [usize],
}

impl<'a> From<&'a trace::Lineage> for Lineage<'a> {
    fn from(l: &'a trace::Lineage) -> Self {
        Lineage {
            sentence: (&l.sentence).into(),
            first: Appearance {
                version: l.first.version,
                paragraph: l.first.location.paragraph,
                sentence: l.first.location.sentence,
                label: l.first.label.as_deref(),
                text: &l.first.text,
            },
            changes: l
                .changes
                .iter()
                .map(|s| Step {
                    version: s.version,
                    change: (&s.change).into(),
                })
                .collect(),
            absent: &l.absent,
        }
    }
}

/// A sentence's first appearance in a series.
#[derive(Debug, Serialize)]
pub struct Appearance<'a> {
    /// Index into `versions`.
    pub version: usize,
    /// 1-based paragraph number there.
    pub paragraph: usize,
    /// 1-based sentence number there.
    pub sentence: usize,
    /// Its label there.
    pub label: Option<&'a str>,
    /// Its text there.
    pub text: &'a str,
}

/// One version's change to a sentence: a diff entry and where it was made.
#[derive(Debug, Serialize)]
pub struct Step<'a> {
    /// Index into `versions` of the version that made the change.
    pub version: usize,
    /// The diff's entry.
    #[serde(flatten)]
    pub change: Change<'a>,
}

/// The document of `precedent --format json`.
#[derive(Debug, Serialize)]
pub struct Precedents<'a> {
    /// [`PRECEDENT_SCHEMA`].
    pub schema: &'static str,
    /// The statement looked up; `null` for `--text`.
    #[serde(rename = "ref")]
    pub reference: Option<&'a str>,
    /// Its date; only statements dated before it were searched.
    pub date: Option<&'a str>,
    /// The statement before it in its series, if any.
    pub previous: Option<&'a str>,
    /// The similarity threshold of `adapted`.
    pub threshold: f64,
    /// How many statements were searched.
    pub searched: usize,
    /// The sentences looked up, with their precedents.
    pub sentences: Vec<SentencePrecedents<'a>>,
}

/// One looked-up sentence and its precedents.
#[derive(Debug, Serialize)]
pub struct SentencePrecedents<'a> {
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based sentence number.
    pub sentence: usize,
    /// Its label.
    pub label: Option<&'a str>,
    /// Its text.
    pub text: &'a str,
    /// How it changed against the previous statement, when known.
    pub change: Option<&'static str>,
    /// `verbatim`, `adapted` or `novel`.
    pub verdict: &'static str,
    /// Its precedents, best first.
    pub precedents: Vec<Precedent<'a>>,
}

impl<'a> From<&'a precedent::SentencePrecedents> for SentencePrecedents<'a> {
    fn from(f: &'a precedent::SentencePrecedents) -> Self {
        SentencePrecedents {
            paragraph: f.location.paragraph,
            sentence: f.location.sentence,
            label: f.label.as_deref(),
            text: &f.text,
            change: f.change.map(|c| c.name()),
            verdict: f.verdict.name(),
            precedents: f.precedents.iter().map(Precedent::from).collect(),
        }
    }
}

/// An earlier sentence that a looked-up one repeats or adapts.
#[derive(Debug, Serialize)]
pub struct Precedent<'a> {
    /// `verbatim` or `adapted`.
    pub verdict: &'static str,
    /// The similarity a diff would report.
    pub similarity: f64,
    /// The score the precedents are ranked by.
    pub score: f64,
    /// The statement that holds it.
    #[serde(rename = "ref")]
    pub reference: &'a str,
    /// That statement's date.
    pub date: &'a str,
    /// 1-based paragraph number there.
    pub paragraph: usize,
    /// 1-based sentence number there.
    pub sentence: usize,
    /// Its label there.
    pub label: Option<&'a str>,
    /// Its text.
    pub text: &'a str,
}

impl<'a> From<&'a precedent::Precedent> for Precedent<'a> {
    fn from(p: &'a precedent::Precedent) -> Self {
        Precedent {
            verdict: p.verdict.name(),
            similarity: p.similarity,
            score: p.score,
            reference: &p.reference,
            date: &p.date,
            paragraph: p.location.paragraph,
            sentence: p.location.sentence,
            label: p.label.as_deref(),
            text: &p.text,
        }
    }
}

/// The document of `check --format json`.
#[derive(Debug, Serialize)]
pub struct Check<'a> {
    /// [`CHECK_SCHEMA`].
    pub schema: &'static str,
    /// The findings of every draft, counted by severity.
    pub summary: Counts,
    /// One check per draft.
    pub checks: Vec<DraftCheck<'a>>,
}

/// Findings counted by severity.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Counts {
    /// Errors: the check fails.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notices.
    pub notices: usize,
}

impl From<CheckCounts> for Counts {
    fn from(c: CheckCounts) -> Self {
        Counts {
            errors: c.errors,
            warnings: c.warnings,
            notices: c.notices,
        }
    }
}

/// One draft's check.
#[derive(Debug, Serialize)]
pub struct DraftCheck<'a> {
    /// The draft.
    pub draft: Document<'a>,
    /// The baseline it was checked against.
    pub baseline: Document<'a>,
    /// The draft's file from the repository's root, if it has one.
    pub file: Option<&'a str>,
    /// Its findings, counted by severity.
    pub summary: Counts,
    /// Its findings, in the draft's order.
    pub findings: Vec<CheckFinding<'a>>,
}

/// One finding of a check.
#[derive(Debug, Serialize)]
pub struct CheckFinding<'a> {
    /// The rule's id (`commitment-weakened`, …).
    pub rule: &'static str,
    /// `error`, `warning` or `notice`.
    pub severity: &'static str,
    /// Where it points.
    pub location: Place,
    /// The line of the draft's file, where known.
    pub line: Option<usize>,
    /// The sentence it concerns, if one.
    pub sentence: Option<&'a str>,
    /// What is wrong, in words.
    pub message: &'a str,
}

/// Where a finding points: a sentence of the draft or of the baseline, or
/// the whole document.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Place {
    /// `draft`, `baseline` or `document`.
    pub side: &'static str,
    /// 1-based paragraph number (not for `document`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// 1-based sentence number (not for `document`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
}

impl From<&CheckPlace> for Place {
    fn from(p: &CheckPlace) -> Self {
        let at = |side, l: &Location| Place {
            side,
            paragraph: Some(l.paragraph),
            sentence: Some(l.sentence),
        };
        match p {
            CheckPlace::Draft { location } => at("draft", location),
            CheckPlace::Baseline { location, .. } => at("baseline", location),
            CheckPlace::Document => Place {
                side: "document",
                paragraph: None,
                sentence: None,
            },
        }
    }
}
