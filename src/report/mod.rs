//! Results → bytes: the one output stage. Each diff format is one file that
//! writes a [`Diff`](crate::diff::Diff) to a `&mut dyn Write` it is given,
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
    Change, ChangeKind, CommitmentChange, CommitmentSummary, DocumentInfo, SentenceView, Summary,
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
}

/// The summary in words, changes first: "2 reworded, 1 added · 30 same".
pub fn summary_line(summary: &Summary) -> String {
    format!("{} · {} same", change_counts(summary), summary.same)
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
            None => v.text.clone(),
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
