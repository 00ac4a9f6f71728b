//! Results → bytes: the one output stage. Each diff format is one file that
//! writes a [`Diff`] to a `&mut dyn Write` it is given,
//! all under the same [`ReportOptions`]; [`check`] does the same for the
//! findings of `communique check`, and one file per other command (`log`,
//! `history`, `show` and `normalize`, `trace`, `precedent`, `import`,
//! `config`, and the `status` lines of `init` and `git setup`) for theirs. Every JSON document is written from the plain types of [`wire`].
//! Nothing here decides what changed, and nothing outside `cli` prints.

pub mod check;
pub mod config;
pub mod digest;
pub mod history;
pub mod html;
pub mod import;
pub mod json;
pub mod log;
pub mod markdown;
pub mod precedent;
pub mod show;
pub mod status;
pub mod terminal;
pub mod theme;
pub mod trace;
pub mod wire;

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::{
    Change, ChangeKind, CommitmentChange, CommitmentSummary, Diff, DocumentInfo, EditOp,
    SentenceView, Summary,
};

pub use theme::{Role, Theme};

/// Options that change only how a result is shown, the same for every
/// format: each writer honours those that mean something in its format
/// (the command line refuses the others).
///
/// Options will be added as the reports grow: build it from
/// [`ReportOptions::default`] and the `with_` methods.
///
/// ```
/// use communique::report::{ReportOptions, Theme};
///
/// let options = ReportOptions::default().with_context(2).with_theme(Theme::PLAIN);
/// assert_eq!((options.context, options.stat), (2, false));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// Unchanged sentences shown around each change in the terminal report
    /// (default `0`). Markdown groups changes by kind, JSON lists every
    /// entry and HTML shows the whole statement: there it means nothing.
    pub context: usize,
    /// Print only the header and the summary (default `false`); in JSON,
    /// the document without its `changes` array.
    pub stat: bool,
    /// Colors for the terminal report (default: none).
    pub theme: Theme,
    /// Show only the Commitments section (default `false`), after the
    /// counts, without the digest.
    pub only_commitments: bool,
    /// Start each sentence of a statement shown whole (`show`) with its
    /// `¶p.s` (default `false`).
    pub numbered: bool,
    /// Group the entries by the section they stand under (default
    /// `false`): the terminal and Markdown reports list each section's
    /// entries under its heading, the HTML report adds a list of the
    /// changes by section. JSON entries carry their `section` anyway.
    pub by_section: bool,
    /// Print only the header and the digest (default `false`); in JSON,
    /// the document without its `changes` array.
    pub digest_only: bool,
}

impl ReportOptions {
    /// With `context` unchanged sentences around each change (terminal).
    #[must_use]
    pub fn with_context(mut self, context: usize) -> ReportOptions {
        self.context = context;
        self
    }

    /// With only the header and the summary, or not.
    #[must_use]
    pub fn with_stat(mut self, stat: bool) -> ReportOptions {
        self.stat = stat;
        self
    }

    /// With the colors of `theme`.
    #[must_use]
    pub fn with_theme(mut self, theme: Theme) -> ReportOptions {
        self.theme = theme;
        self
    }

    /// With only the Commitments section, or not.
    #[must_use]
    pub fn with_only_commitments(mut self, only_commitments: bool) -> ReportOptions {
        self.only_commitments = only_commitments;
        self
    }

    /// With only the header and the digest, or not.
    #[must_use]
    pub fn with_digest_only(mut self, digest_only: bool) -> ReportOptions {
        self.digest_only = digest_only;
        self
    }

    /// With each sentence of a statement shown whole numbered `¶p.s`, or not.
    #[must_use]
    pub fn with_numbered(mut self, numbered: bool) -> ReportOptions {
        self.numbered = numbered;
        self
    }

    /// With the entries grouped by section, or not.
    #[must_use]
    pub fn with_by_section(mut self, by_section: bool) -> ReportOptions {
        self.by_section = by_section;
        self
    }
}

/// How reports name a section: the heading's text in guillemets, or
/// "(no section)" for what stands before the first heading. Not escaped:
/// each report escapes it as it escapes statement text.
pub fn section_name(heading: Option<&str>) -> String {
    match heading {
        Some(h) => format!("«{h}»"),
        None => "(no section)".to_owned(),
    }
}

/// Where a moved entry moved between sections, "from «Maritime Security»
/// to «Indo-Pacific»"; `None` when it is not moved, stayed in its section,
/// or is a heading (which opens a section rather than standing in one).
/// Not escaped, as [`section_name`].
pub fn section_move(change: &Change) -> Option<String> {
    let moved = (change.moved || change.kind == ChangeKind::Moved) && !change.is_heading();
    let (old, new) = (change.section.old.as_deref(), change.section.new.as_deref());
    (moved && !change.old.is_empty() && !change.new.is_empty() && old != new)
        .then(|| format!("from {} to {}", section_name(old), section_name(new)))
}

/// The entries that are changes (not `same`), grouped by section as
/// [`by_section`] groups them.
pub fn changes_by_section(diff: &Diff) -> Vec<(Option<String>, Vec<&Change>)> {
    let changed: Vec<&Change> = diff.changes.iter().filter(|c| c.is_change()).collect();
    by_section(&changed)
}

/// The entries grouped by section, sections in the order they first
/// appear (the new document's order), entries in their order within each.
pub fn by_section<'a>(changes: &[&'a Change]) -> Vec<(Option<String>, Vec<&'a Change>)> {
    let mut groups: Vec<(Option<String>, Vec<&'a Change>)> = Vec::new();
    let mut index: std::collections::HashMap<Option<String>, usize> = Default::default();
    for &change in changes {
        let key = entry_section(change);
        let slot = *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[slot].1.push(change);
    }
    groups
}

/// The section an entry is listed under when reports group by section:
/// the section its new side stands under (the old side's for a removed
/// entry); a heading entry opens its own section.
pub fn entry_section(change: &Change) -> Option<String> {
    if change.is_heading() {
        let side = change.new.first().or(change.old.first())?;
        return Some(side_text(std::slice::from_ref(side)));
    }
    let section = if change.new.is_empty() {
        &change.section.old
    } else {
        &change.section.new
    };
    section.as_deref().map(str::to_owned)
}

/// The summary in words, changes first: "2 reworded, 1 added · 30 same",
/// and the routine updates among the changes when there are some
/// ("8 reworded · 9 same · 7 routine").
pub fn summary_line(summary: &Summary) -> String {
    let mut line = format!("{} · {} same", change_counts(summary), summary.same);
    if summary.routine > 0 {
        line.push_str(&format!(" · {} routine", summary.routine));
    }
    match summary.headings {
        0 => {}
        1 => line.push_str(" · 1 heading changed"),
        n => line.push_str(&format!(" · {n} headings changed")),
    }
    line
}

/// The changes of a summary in words: "2 reworded, 1 added", or "no
/// changes".
pub fn change_counts(summary: &Summary) -> String {
    let parts: Vec<String> = ChangeKind::ALL
        .into_iter()
        .filter(|&k| k != ChangeKind::Same && summary.get(k) > 0)
        .map(|k| format!("{} {}", summary.get(k), k.name()))
        .collect();
    if parts.is_empty() {
        "no changes".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The kind of an entry as reports name it: "reworded", or "heading
/// reworded" for a heading's entry.
pub fn kind_name(change: &Change) -> String {
    if change.is_heading() {
        format!("heading {}", change.kind.name())
    } else {
        change.kind.name().to_owned()
    }
}

/// What a routine entry changed, in a few words: each change of its
/// redline widened to whole words, "seventy-ninth → eightieth", "78/8 →
/// 79/4", "+ 78/7 of 2 November 2023 and"; changes of punctuation alone are
/// left out. Not escaped: each report escapes it as it escapes statement
/// text.
pub fn routine_note(change: &Change) -> String {
    const MOST: usize = 100;
    let side = |skip: EditOp| -> String {
        change
            .edits
            .iter()
            .filter(|e| e.op != skip)
            .map(|e| e.text.as_str())
            .collect()
    };
    let (old, new) = (side(EditOp::Insert), side(EditOp::Delete));
    // The byte ranges each change covers in the old and the new text,
    // widened to whole words; changes that meet in a word are one.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    let (mut o, mut n) = (0, 0);
    let mut i = 0;
    while i < change.edits.len() {
        let e = &change.edits[i];
        if e.op == EditOp::Equal {
            o += e.text.len();
            n += e.text.len();
            i += 1;
            continue;
        }
        let (o0, n0) = (o, n);
        while let Some(e) = change.edits.get(i).filter(|e| e.op != EditOp::Equal) {
            match e.op {
                EditOp::Delete => o += e.text.len(),
                _ => n += e.text.len(),
            }
            i += 1;
        }
        let (o0, o1) = widen(&old, o0, o);
        let (n0, n1) = widen(&new, n0, n);
        let span = (o0, o1, n0, n1);
        match spans.last_mut() {
            Some(last) if span.0 <= last.1 || span.2 <= last.3 => {
                last.1 = span.1.max(last.1);
                last.3 = span.3.max(last.3);
            }
            _ => spans.push(span),
        }
    }
    let trim = |s: &str| s.trim_matches(|c: char| !is_word_char(c)).to_owned();
    let parts: Vec<String> = spans
        .into_iter()
        .filter_map(|(o0, o1, n0, n1)| {
            let (a, b) = (trim(&old[o0..o1]), trim(&new[n0..n1]));
            match (a.is_empty(), b.is_empty()) {
                (true, true) => None,
                (false, false) => Some(format!("{a} → {b}")),
                (true, false) => Some(format!("+ {b}")),
                (false, true) => Some(format!("− {a}")),
            }
        })
        .collect();
    let note = parts.join("; ");
    match note.char_indices().nth(MOST) {
        Some((cut, _)) => format!("{}…", &note[..cut]),
        None => note,
    }
}

/// A character of a word as [`routine_note`] widens changes to whole
/// words: letters, digits, and the hyphens and slashes of "seventy-ninth"
/// and "78/7".
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\u{2011}' | '/')
}

/// The range `start..end` of `s` widened to whole words: a change that
/// starts or ends inside a word takes in the rest of it; an empty range
/// stays as it is.
fn widen(s: &str, start: usize, end: usize) -> (usize, usize) {
    if start == end {
        return (start, end);
    }
    let start = if s[start..].starts_with(is_word_char) {
        s[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(start, |(i, _)| i)
    } else {
        start
    };
    let end = if s[..end].ends_with(is_word_char) {
        s[end..]
            .find(|c: char| !is_word_char(c))
            .map_or(s.len(), |i| end + i)
    } else {
        end
    };
    (start, end)
}

/// The commitment summary in words: "commitments: 1 strengthened, 2 removed
/// · 9 unchanged".
pub fn commitment_line(summary: &CommitmentSummary) -> String {
    let parts: Vec<String> = CommitmentChange::ALL
        .into_iter()
        .filter(|&c| c != CommitmentChange::Unchanged && summary.get(c) > 0)
        .map(|c| format!("{} {}", summary.get(c), c.name()))
        .collect();
    let changes = if parts.is_empty() {
        "no changes".to_owned()
    } else {
        parts.join(", ")
    };
    format!("commitments: {changes} · {} unchanged", summary.unchanged)
}

/// The location of one side of an entry: `¶3.2`, or `¶3.2–3.3` for a run.
pub fn locations(side: &[SentenceView]) -> String {
    match (side.first(), side.last()) {
        (Some(a), Some(b)) if a.location == b.location => a.location.to_string(),
        (Some(a), Some(b)) if a.location.paragraph == b.location.paragraph => {
            format!("{}–{}", a.location, b.location.sentence)
        }
        (Some(a), Some(b)) => format!(
            "{}–{}",
            a.location,
            b.location.to_string().trim_start_matches('¶')
        ),
        _ => String::new(),
    }
}

/// Where an entry stands, as reports head it: the new location, and the old
/// one where it differs ("¶4.1 (was ¶3.1)"), or the old location alone for a
/// removed sentence.
pub fn entry_location(change: &Change) -> String {
    let old = locations(&change.old);
    let new = locations(&change.new);
    match (old.is_empty(), new.is_empty()) {
        (true, _) => new,
        (_, true) => format!("{old} (old)"),
        _ if old == new => new,
        _ => format!("{new} (was {old})"),
    }
}

/// How reports name a document: its title (else its ref) and its date,
/// "Joint Communiqué (2021-03-30)".
pub fn document_name(doc: &DocumentInfo) -> String {
    let base = doc.title.clone().unwrap_or_else(|| doc.reference.clone());
    match &doc.date {
        Some(d) => format!("{base} ({d})"),
        None => base,
    }
}

/// The text of one side, labels included, sentences joined by a space.
pub fn side_text(side: &[SentenceView]) -> String {
    side.iter()
        .map(|v| match &v.label {
            Some(l) => format!("{l} {}", v.text),
            None => v.text.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `value` as one pretty-printed JSON document and a newline: the
/// JSON of every command but `diff` (whose changes are written by hand, for
/// speed, in [`json`]).
pub fn json_document(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
