//! The terminal report: a header, a summary line, then the entries in the new
//! document's order, each with a marker, its location and an inline redline.
//!
//! ```text
//! ~ ¶1.5 reworded (0.91) [words replaced]
//!     The Ministers, recalling …, [-intend-]{+committed+} to strengthen …
//! ```
//!
//! Every piece of statement text, metadata and name is written through
//! [`Theme::paint`](super::Theme::paint) or [`visible`]: the report may be
//! colored, so it cannot be passed through a writer that escapes, and
//! escapes its fields itself.

use std::io::{self, Write};

use super::{
    ReportOptions, Role, by_section, commitment_line, entry_location, kind_name, routine_note,
    section_move, section_name, side_text, summary_line,
};
use crate::analyze::digest::digest;
use crate::diff::{Change, ChangeKind, CommitmentChange, Diff, DocumentInfo, EditOp};
use crate::normalize::controls::visible;

/// Writes the terminal report of `diff`.
pub fn write(out: &mut dyn Write, diff: &Diff, options: &ReportOptions) -> io::Result<()> {
    let theme = options.theme;
    header(out, options, "---", &diff.old)?;
    header(out, options, "+++", &diff.new)?;
    let summary = diff.summary();
    // `--stat` and `--only commitments` keep the counts alone: the digest
    // is a part of the report of its own.
    if options.stat || options.only_commitments {
        writeln!(
            out,
            "{}",
            theme.paint(Role::Header, &summary_line(&summary))
        )?;
        writeln!(
            out,
            "{}",
            theme.paint(Role::Header, &commitment_line(&summary.commitments))
        )?;
        if options.stat {
            return Ok(());
        }
    } else {
        super::digest::terminal::write(out, diff, &digest(diff), options)?;
        if options.digest_only {
            return Ok(());
        }
    }
    let commitments: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.changes_commitment())
        .collect();
    if !commitments.is_empty() {
        writeln!(out, "\n{}", theme.paint(Role::Header, "Commitments"))?;
        for c in commitments {
            writeln!(out)?;
            commitment_entry(out, c, options)?;
        }
    }
    if options.only_commitments {
        return Ok(());
    }
    let shown = shown_entries(&diff.changes, options.context);
    if options.by_section {
        let entries: Vec<&Change> = diff
            .changes
            .iter()
            .zip(&shown)
            .filter_map(|(c, &s)| s.then_some(c))
            .collect();
        for (section, entries) in by_section(&entries) {
            let title = format!("§ {}", section_name(section.as_deref()));
            writeln!(out, "\n{}", theme.paint(Role::Header, &title))?;
            for change in entries {
                writeln!(out)?;
                entry(out, change, options)?;
            }
        }
        return routine(out, diff, options);
    }
    // When every change is routine, the routine list stands alone.
    if summary.routine == 0 || shown.contains(&true) {
        writeln!(out, "\n{}", theme.paint(Role::Header, "Sentences"))?;
    }
    let mut last: Option<usize> = None;
    for (i, change) in diff.changes.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        if options.context > 0 && last.is_some_and(|l| l + 1 != i) {
            writeln!(out, "{}", theme.paint(Role::Detail, "  …"))?;
        }
        last = Some(i);
        writeln!(out)?;
        entry(out, change, options)?;
    }
    routine(out, diff, options)
}

/// The routine updates, folded to one line each after the changes of
/// substance: where, and what advanced ("¶14.1 routine: seventy-ninth →
/// eightieth"). `--count routine` shows them as ordinary rewordings.
fn routine(out: &mut dyn Write, diff: &Diff, options: &ReportOptions) -> io::Result<()> {
    let theme = options.theme;
    let mut entries = diff.changes.iter().filter(|c| c.routine).peekable();
    if entries.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "\n{}\n", theme.paint(Role::Header, "Routine updates"))?;
    for c in entries {
        let (mark, role) = marker(c.kind);
        writeln!(
            out,
            "{} {}",
            theme.paint(role, &format!("{mark} {}", entry_location(c))),
            theme.paint(Role::Detail, &format!("routine: {}", routine_note(c)))
        )?;
    }
    Ok(())
}

fn header(
    out: &mut dyn Write,
    options: &ReportOptions,
    marker: &str,
    doc: &DocumentInfo,
) -> io::Result<()> {
    let mut line = format!("{marker} {}", doc.reference);
    if let Some(title) = &doc.title {
        line.push_str(&format!("  {title}"));
    }
    if let Some(date) = &doc.date {
        line.push_str(&format!(" ({date})"));
    }
    writeln!(out, "{}", options.theme.paint(Role::Header, &line))
}

/// Which entries to show: every change of substance (routine updates are
/// listed apart), and `context` unchanged entries on either side of each.
fn shown_entries(changes: &[Change], context: usize) -> Vec<bool> {
    let mut shown = vec![false; changes.len()];
    for (i, c) in changes.iter().enumerate() {
        if c.is_change() && !c.routine {
            let lo = i.saturating_sub(context);
            let hi = (i + context).min(changes.len() - 1);
            shown[lo..=hi].iter_mut().for_each(|s| *s = true);
        }
    }
    for (s, c) in shown.iter_mut().zip(changes) {
        *s &= !c.routine;
    }
    shown
}

/// The marker and role of each kind of entry.
pub fn marker(kind: ChangeKind) -> (&'static str, Role) {
    match kind {
        ChangeKind::Same => ("=", Role::Detail),
        ChangeKind::Moved => (">", Role::Moved),
        ChangeKind::Reworded => ("~", Role::Changed),
        ChangeKind::Split => ("<", Role::Changed),
        ChangeKind::Merged => ("&", Role::Changed),
        ChangeKind::Added => ("+", Role::Added),
        ChangeKind::Removed => ("-", Role::Removed),
    }
}

/// One entry of the Commitments section: how the commitment changed, why,
/// and the sentence with its redline.
fn commitment_entry(
    out: &mut dyn Write,
    change: &Change,
    options: &ReportOptions,
) -> io::Result<()> {
    let theme = options.theme;
    let Some(kind) = change.commitment_change else {
        return Ok(());
    };
    let role = match kind {
        CommitmentChange::Added | CommitmentChange::Strengthened => Role::Added,
        CommitmentChange::Removed | CommitmentChange::Weakened => Role::Removed,
        _ => Role::Changed,
    };
    let head = format!("! {} commitment {}", entry_location(change), kind.name());
    let reasons = if change.commitment_reasons.is_empty() {
        String::new()
    } else {
        format!(" ({})", change.commitment_reasons.join("; "))
    };
    writeln!(
        out,
        "{}{}",
        theme.paint(role, &head),
        theme.paint(Role::Detail, &reasons)
    )?;
    body(out, change, options)
}

/// One entry as the report shows it: its marker, location, kind and
/// details on one line, then its text (the redline of a revision). Other
/// commands that show diff entries (`trace`) write them with this.
pub fn entry(out: &mut dyn Write, change: &Change, options: &ReportOptions) -> io::Result<()> {
    let theme = options.theme;
    let (mark, role) = marker(change.kind);
    let mut detail = Vec::new();
    if matches!(
        change.kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    ) {
        detail.push(format!("{:.2}", change.similarity));
    }
    match section_move(change) {
        Some(between) if change.kind == ChangeKind::Moved => detail.push(between),
        Some(between) => detail.push(format!("moved {between}")),
        None if change.moved && change.kind != ChangeKind::Moved => detail.push("moved".to_owned()),
        None => {}
    }
    if !change.edit_kinds.is_empty() {
        let kinds: Vec<&str> = change.edit_kinds.iter().map(|k| k.describe()).collect();
        detail.push(kinds.join(", "));
    }
    if !change.editorial.is_empty() {
        let names: Vec<&str> = change.editorial.iter().map(|e| e.name()).collect();
        detail.push(format!("editorial: {}", names.join(", ")));
    }
    if let Some(r) = &change.renumbered {
        detail.push(format!(
            "renumbered {} → {}",
            r.old.as_deref().unwrap_or("(none)"),
            r.new.as_deref().unwrap_or("(none)")
        ));
    }
    let head = format!("{mark} {} {}", entry_location(change), kind_name(change));
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", detail.join("; "))
    };
    writeln!(
        out,
        "{}{}",
        theme.paint(role, &head),
        theme.paint(Role::Detail, &detail)
    )?;
    body(out, change, options)
}

/// The text of an entry: the redline of a revision, or the sentence.
fn body(out: &mut dyn Write, change: &Change, options: &ReportOptions) -> io::Result<()> {
    let theme = options.theme;
    match change.kind {
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
            writeln!(out, "    {}", redline(change, options))
        }
        ChangeKind::Removed => writeln!(
            out,
            "    {}",
            theme.paint(Role::Delete, &side_text(&change.old))
        ),
        ChangeKind::Added => writeln!(
            out,
            "    {}",
            theme.paint(Role::Insert, &side_text(&change.new))
        ),
        ChangeKind::Same | ChangeKind::Moved => {
            writeln!(out, "    {}", visible(&side_text(&change.new)))
        }
    }
}

/// The inline redline of a revised entry: deleted text red and struck
/// through, inserted text green and underlined, and, without color, wdiff's
/// `[-deleted-]{+inserted+}` markers.
fn redline(change: &Change, options: &ReportOptions) -> String {
    let theme = options.theme;
    let mut s = String::new();
    if let Some(r) = &change.renumbered {
        if let Some(old) = &r.old {
            s.push_str(&delete(theme, old));
        }
        if let Some(new) = &r.new {
            s.push_str(&insert(theme, new));
        }
        s.push(' ');
    } else if let Some(label) = change.new.first().and_then(|v| v.label.as_ref()) {
        s.push_str(&visible(label));
        s.push(' ');
    }
    for e in &change.edits {
        match e.op {
            EditOp::Equal => s.push_str(&visible(&e.text)),
            EditOp::Delete => s.push_str(&delete(theme, &e.text)),
            EditOp::Insert => s.push_str(&insert(theme, &e.text)),
        }
    }
    s
}

fn delete(theme: super::Theme, text: &str) -> String {
    if theme.color {
        theme.paint(Role::Delete, text)
    } else {
        format!("[-{}-]", visible(text))
    }
}

fn insert(theme: super::Theme, text: &str) -> String {
    if theme.color {
        theme.paint(Role::Insert, text)
    } else {
        format!("{{+{}+}}", visible(text))
    }
}
