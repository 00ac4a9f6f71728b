//! The Markdown report, for a pull request or a briefing note: a title, a
//! summary table, then one section per kind of change, each entry with its
//! locations and, for revisions, an inline redline (`~~deleted~~ **inserted**`).

use std::io::{self, Write};

use super::{document_name, entry_location, side_text};
use crate::diff::{Change, ChangeKind, CommitmentChange, Diff, EditOp};

/// Writes the Markdown report of `diff`; with `only_commitments`, only the
/// header, the summary tables and the Commitments section.
pub fn write(out: &mut dyn Write, diff: &Diff, only_commitments: bool) -> io::Result<()> {
    writeln!(
        out,
        "# Changes: {} → {}\n",
        document_name(&diff.old),
        document_name(&diff.new)
    )?;
    writeln!(out, "| | Old | New |\n|---|---|---|")?;
    writeln!(
        out,
        "| Document | `{}` | `{}` |",
        diff.old.reference, diff.new.reference
    )?;
    writeln!(
        out,
        "| Date | {} | {} |\n",
        diff.old.date.as_deref().unwrap_or("—"),
        diff.new.date.as_deref().unwrap_or("—")
    )?;
    let summary = diff.summary();
    writeln!(out, "| Kind | Sentences |\n|---|---:|")?;
    for kind in ChangeKind::ALL {
        writeln!(out, "| {} | {} |", kind.name(), summary.get(kind))?;
    }
    writeln!(out, "\n| Commitments | Sentences |\n|---|---:|")?;
    for change in CommitmentChange::ALL {
        writeln!(
            out,
            "| {} | {} |",
            change.name(),
            summary.commitments.get(change)
        )?;
    }
    let commitments: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.changes_commitment())
        .collect();
    if !commitments.is_empty() {
        writeln!(out, "\n## Commitments ({})\n", commitments.len())?;
        for c in commitments {
            commitment_entry(out, c)?;
        }
    }
    if only_commitments {
        return Ok(());
    }
    let sections: [(&str, &[ChangeKind]); 5] = [
        ("Added", &[ChangeKind::Added]),
        ("Removed", &[ChangeKind::Removed]),
        ("Reworded", &[ChangeKind::Reworded]),
        ("Moved", &[ChangeKind::Moved]),
        ("Split and merged", &[ChangeKind::Split, ChangeKind::Merged]),
    ];
    for (title, kinds) in sections {
        let entries: Vec<&Change> = diff
            .changes
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .collect();
        if entries.is_empty() {
            continue;
        }
        writeln!(out, "\n## {title} ({})\n", entries.len())?;
        for c in entries {
            entry(out, c)?;
        }
    }
    let renumbered = diff
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Same && c.renumbered.is_some())
        .count();
    if renumbered > 0 {
        writeln!(
            out,
            "\n_{renumbered} unchanged sentences only changed their paragraph number._"
        )?;
    }
    Ok(())
}

fn entry(out: &mut dyn Write, c: &Change) -> io::Result<()> {
    let mut head = format!("- **{}**", entry_location(c));
    if matches!(c.kind, ChangeKind::Split | ChangeKind::Merged) {
        head.push_str(&format!(" · {}", c.kind.name()));
    }
    if matches!(
        c.kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    ) {
        head.push_str(&format!(" · similarity {:.2}", c.similarity));
    }
    for k in &c.edit_kinds {
        head.push_str(&format!(" · {}", k.describe()));
    }
    if let Some(r) = &c.renumbered {
        head.push_str(&format!(
            " · renumbered {} → {}",
            r.old.as_deref().unwrap_or("(none)"),
            r.new.as_deref().unwrap_or("(none)")
        ));
    }
    if c.moved && c.kind != ChangeKind::Moved {
        head.push_str(" · moved");
    }
    writeln!(out, "{head}")?;
    writeln!(out, "  {}", body(c))
}

fn commitment_entry(out: &mut dyn Write, c: &Change) -> io::Result<()> {
    let Some(change) = c.commitment_change else {
        return Ok(());
    };
    let mut head = format!(
        "- **{}** · commitment **{}**",
        entry_location(c),
        change.name()
    );
    for reason in &c.commitment_reasons {
        head.push_str(&format!(" · {}", escape(reason)));
    }
    writeln!(out, "{head}")?;
    writeln!(out, "  {}", body(c))
}

fn body(c: &Change) -> String {
    match c.kind {
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => redline(c),
        ChangeKind::Removed => escape(&side_text(&c.old)),
        _ => escape(&side_text(&c.new)),
    }
}

fn redline(c: &Change) -> String {
    let mut s = String::new();
    for e in &c.edits {
        let text = escape(&e.text);
        // Markdown emphasis must hug its text: keep the spaces outside.
        let (lead, core, trail) = split_spaces(&text);
        match e.op {
            EditOp::Equal => s.push_str(&text),
            _ if core.is_empty() => s.push_str(&text),
            EditOp::Delete => s.push_str(&format!("{lead}~~{core}~~{trail}")),
            EditOp::Insert => s.push_str(&format!("{lead}**{core}**{trail}")),
        }
    }
    s
}

fn split_spaces(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, core, trail)
}

/// Escapes the characters that Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
