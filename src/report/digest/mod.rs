//! The digest as each report writes it: what changed in substance, first.
//! The pieces of text every format shares are made here; `terminal.rs`,
//! `markdown.rs` and `html.rs` lay them out and escape them with their
//! format's helpers.

pub mod html;
pub mod markdown;
pub mod terminal;

use crate::analyze::digest::{CommitmentLine, Digest, FigureChange, NameChange};
use crate::diff::{CommitmentChange, Diff};
use crate::statement::Location;

use super::entry_location;

/// The most sentences listed for one name before "…".
const PLACES: usize = 3;

/// The symbol of a commitment change, which reads without color.
pub fn symbol(change: CommitmentChange) -> &'static str {
    match change {
        CommitmentChange::Added => "+",
        CommitmentChange::Removed => "×",
        CommitmentChange::Reworded => "~",
        CommitmentChange::Strengthened => "▲",
        CommitmentChange::Weakened => "▼",
        CommitmentChange::Unchanged => "=",
    }
}

/// "'intend to' → 'committed to'", "'called on' → none", or the one marker
/// when it stayed.
pub fn markers(line: &CommitmentLine) -> String {
    let one = |m: &Option<String>| match m {
        Some(m) => format!("'{m}'"),
        None => "none".to_owned(),
    };
    match (&line.old_marker, &line.new_marker) {
        (Some(o), Some(n)) if o.to_lowercase() == n.to_lowercase() => one(&line.new_marker),
        (o, n) => format!("{} → {}", one(o), one(n)),
    }
}

/// The clause in a few words, with its actor before it when the clause
/// does not open with them.
pub fn clause(line: &CommitmentLine) -> String {
    match &line.actor {
        Some(actor)
            if !line
                .clause
                .to_lowercase()
                .starts_with(&actor.to_lowercase()) =>
        {
            format!("{actor}: {}", line.clause)
        }
        _ => line.clause.clone(),
    }
}

/// Where a commitment line's entry stands: "¶4.5 (was ¶4.4)".
pub fn place(diff: &Diff, entry: usize) -> String {
    diff.changes
        .get(entry)
        .map(entry_location)
        .unwrap_or_default()
}

/// "seven million → eight million people", "— → 78/7 of 2 November 2023".
pub fn figure(f: &FigureChange) -> String {
    let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".to_owned());
    let mut s = format!("{} → {}", side(&f.old), side(&f.new));
    if let Some(noun) = &f.noun {
        s.push(' ');
        s.push_str(noun);
    }
    s
}

/// The sentences that mention a name: "¶3.1, ¶4.2, ¶5.1 …" (with "(old)"
/// after a dropped name's).
pub fn name_places(name: &NameChange, old: bool) -> String {
    let mut s = name
        .locations
        .iter()
        .take(PLACES)
        .map(Location::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if name.locations.len() > PLACES {
        s.push_str(" …");
    }
    if old {
        s.push_str(" (old)");
    }
    s
}

/// The figures shown one by one, and how many routine ones are only
/// counted ("seventy-ninth → eightieth session" in a routine update).
pub fn substantive_figures(digest: &Digest) -> (Vec<&FigureChange>, usize) {
    let shown: Vec<&FigureChange> = digest.figures.iter().filter(|f| !f.routine).collect();
    let routine = digest.figures.len() - shown.len();
    (shown, routine)
}

/// "… and 7 more" for a list cut at [`Digest::SHOWN`].
pub fn more(total: usize) -> Option<String> {
    more_than(total, Digest::SHOWN)
}

/// "… and 7 more" for a list of `total` cut at `shown`.
pub fn more_than(total: usize, shown: usize) -> Option<String> {
    (total > shown).then(|| format!("… and {} more", total - shown))
}
