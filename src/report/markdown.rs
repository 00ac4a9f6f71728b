//! The Markdown report, for a pull request or a briefing note: a title, a
//! summary table, then one section per kind of change, each entry with its
//! locations and, for revisions, an inline redline (`~~deleted~~ **inserted**`).

use std::io::{self, Write};

use super::{
    ReportOptions, changes_by_section, document_name, entry_location, kind_name, routine_note,
    section_move, section_name, side_text, summary_line,
};
use crate::diff::{Change, ChangeKind, CommitmentChange, Diff, EditOp};
use crate::normalize::controls::visible;

/// Writes the Markdown report of `diff`; with `stat`, only the header and
/// the summary tables; with `only_commitments`, those and the Commitments
/// section.
pub fn write(out: &mut dyn Write, diff: &Diff, options: &ReportOptions) -> io::Result<()> {
    writeln!(
        out,
        "# Changes: {} → {}\n",
        escape(&document_name(&diff.old)),
        escape(&document_name(&diff.new))
    )?;
    writeln!(out, "| | Old | New |\n|---|---|---|")?;
    writeln!(
        out,
        "| Document | {} | {} |",
        code_span(&diff.old.reference),
        code_span(&diff.new.reference)
    )?;
    writeln!(
        out,
        "| Date | {} | {} |\n",
        diff.old.date.as_deref().map_or("—".into(), escape),
        diff.new.date.as_deref().map_or("—".into(), escape)
    )?;
    let summary = diff.summary();
    if !options.stat && !options.only_commitments {
        super::digest::markdown::write(out, diff, &crate::analyze::digest::digest(diff))?;
        if options.digest_only {
            return Ok(());
        }
        writeln!(out)?;
    }
    writeln!(out, "| Kind | Sentences |\n|---|---:|")?;
    for kind in ChangeKind::ALL {
        writeln!(out, "| {} | {} |", kind.name(), summary.get(kind))?;
    }
    match summary.headings {
        0 => {}
        1 => writeln!(
            out,
            "\n_1 heading changed (headings are not counted above)._"
        )?,
        n => writeln!(
            out,
            "\n_{n} headings changed (headings are not counted above)._"
        )?,
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
    if summary.routine > 0 {
        writeln!(out, "\n{}", escape(&summary_line(&summary)))?;
    }
    if options.stat {
        return Ok(());
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
    if options.only_commitments {
        return Ok(());
    }
    if options.by_section {
        for (section, entries) in changes_by_section(diff) {
            writeln!(
                out,
                "\n## {} ({})\n",
                escape(&section_name(section.as_deref())),
                entries.len()
            )?;
            for c in entries.into_iter().filter(|c| !c.routine) {
                entry(out, c, true)?;
            }
        }
        routine(out, diff)?;
        return renumbered_note(out, diff);
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
            .filter(|c| kinds.contains(&c.kind) && !c.routine)
            .collect();
        if entries.is_empty() {
            continue;
        }
        writeln!(out, "\n## {title} ({})\n", entries.len())?;
        for c in entries {
            entry(out, c, false)?;
        }
    }
    routine(out, diff)?;
    renumbered_note(out, diff)
}

/// The closing note on sentences that only changed their number.
fn renumbered_note(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
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

/// The routine updates, after the changes of substance: one line each,
/// folded in a `<details>` block that opens on their redlines.
fn routine(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let entries: Vec<&Change> = diff.changes.iter().filter(|c| c.routine).collect();
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Routine updates ({})\n", entries.len())?;
    writeln!(
        out,
        "<details><summary>{} routine updates: sessions, years, dates and symbols advanced</summary>\n",
        entries.len()
    )?;
    for c in entries {
        writeln!(
            out,
            "- **{}** · routine: {}",
            entry_location(c),
            escape(&routine_note(c))
        )?;
        writeln!(out, "  {}", body(c))?;
    }
    writeln!(out, "\n</details>")
}

/// One entry; `with_kind` names its kind (the entries are not grouped by
/// kind), else only a split's or merge's and a heading's.
fn entry(out: &mut dyn Write, c: &Change, with_kind: bool) -> io::Result<()> {
    let mut head = format!("- **{}**", entry_location(c));
    if with_kind || c.is_heading() || matches!(c.kind, ChangeKind::Split | ChangeKind::Merged) {
        head.push_str(&format!(" · {}", kind_name(c)));
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
            r.old.as_deref().map_or("(none)".into(), escape),
            r.new.as_deref().map_or("(none)".into(), escape)
        ));
    }
    match section_move(c) {
        Some(between) if c.kind == ChangeKind::Moved => {
            head.push_str(&format!(" · {}", escape(&between)))
        }
        Some(between) => head.push_str(&format!(" · moved {}", escape(&between))),
        None if c.moved && c.kind != ChangeKind::Moved => head.push_str(" · moved"),
        None => {}
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

/// Characters that Markdown would read as markup, escaped with a backslash.
const MARKUP: &[char] = &['\\', '*', '_', '~', '`', '[', ']', '<', '>', '#', '|'];

/// `s` as Markdown text that renders as itself and does nothing else:
/// markup characters escaped with a backslash; control characters made
/// [`visible`] (a line break would start a heading); and what GitHub would
/// act on, a `@mention`, an e-mail address, a bare URL (`https://…`,
/// `www.…`) or an issue number (`#12`), put in a code span, where GitHub
/// neither pings, links nor cross-references. (A backslash before `@` does
/// not stop a mention: GitHub finds mentions in the rendered text.)
pub(super) fn escape(s: &str) -> String {
    let s = visible(s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_ref();
    // GitHub acts only on what starts a word.
    let mut word_start = true;
    while let Some(c) = rest.chars().next() {
        if word_start && let Some(len) = actionable(rest) {
            // The token holds no backtick or pipe: one backtick fences it.
            out.push('`');
            out.push_str(&rest[..len]);
            out.push('`');
            rest = &rest[len..];
            word_start = false;
            continue;
        }
        if MARKUP.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        word_start = !c.is_alphanumeric();
    }
    out
}

/// The length of the `@mention`, e-mail address, bare URL or `#number` that
/// starts `s`, up to the first space, bracket, quote, backtick or pipe, and
/// without the sentence's closing punctuation; `None` when `s` starts with
/// none of them.
fn actionable(s: &str) -> Option<usize> {
    let first = s.as_bytes().first()?;
    if !(first.is_ascii_alphanumeric() || matches!(first, b'@' | b'#')) {
        return None;
    }
    let end = s
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '`' | '|' | '\\' | '<' | '>' | '"' | '(' | ')' | '[' | ']'
                )
        })
        .unwrap_or(s.len());
    let token = s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_', '~']);
    let starts = |prefix: &str| {
        token
            .get(..prefix.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(prefix))
    };
    let is_action = starts("http://")
        || starts("https://")
        || (starts("www.") && token.len() > 4)
        || token
            .split_once('@')
            .is_some_and(|(_, after)| after.starts_with(|c: char| c.is_ascii_alphanumeric()))
        || (token.len() > 1
            && token.starts_with('#')
            && token[1..].bytes().all(|b| b.is_ascii_digit()));
    is_action.then_some(token.len())
}

/// `s` as a Markdown code span that no backtick in it can close early: the
/// fence is one backtick longer than the longest run inside, with a space
/// on each side when `s` starts or ends with one. Pipes are escaped, as a
/// table cell needs even inside a code span.
fn code_span(s: &str) -> String {
    let s = visible(s).replace('|', "\\|");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || longest > 0 {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_urls_and_issue_numbers_become_code() {
        assert_eq!(
            escape("Thanks @octocat and @org/team-a."),
            "Thanks `@octocat` and `@org/team-a`."
        );
        assert_eq!(
            escape("Write to ping@example.org."),
            "Write to `ping@example.org`."
        );
        assert_eq!(
            escape("See https://x.example/a_b (or www.x.example), #12."),
            "See `https://x.example/a_b` (or `www.x.example`), `#12`."
        );
        // Not actions: a lone @, a number sign before a word, a date.
        assert_eq!(
            escape("a @ b, #a, 3#4, 1.5 *x*"),
            "a @ b, \\#a, 3\\#4, 1.5 \\*x\\*"
        );
    }

    #[test]
    fn a_line_break_cannot_start_a_heading() {
        assert_eq!(
            escape("T\n## Injected\u{1b}[2J"),
            // `\\` renders as a backslash: the reader sees `\u{a}`.
            "T\\\\u{a}\\#\\# Injected\\\\u{1b}\\[2J"
        );
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        assert_eq!(code_span("a.txt"), "`a.txt`");
        assert_eq!(code_span("b`x.txt"), "`` b`x.txt ``");
        assert_eq!(code_span("``a|b"), "``` ``a\\|b ```");
    }
}
