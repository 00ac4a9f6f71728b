//! The digest in the terminal report: one line per change of substance,
//! under a heading per list, then the counts.
//!
//! ```text
//! Digest
//!   Commitments (3 changed)
//!     ▼ weakened  ¶1.4  'committed to' → 'intend to'  The Ministers …
//!   Figures changed (1)
//!     seven → eight million  ¶2.1
//! ```

use std::io::{self, Write};

use super::{
    clause, figure, markers, more, more_than, name_places, place, substantive_figures, symbol,
};
use crate::analyze::digest::Digest;
use crate::diff::{CommitmentChange, Diff};
use crate::report::{ReportOptions, Role, change_counts, commitment_line};

/// Writes the digest of `diff`.
pub fn write(
    out: &mut dyn Write,
    diff: &Diff,
    digest: &Digest,
    options: &ReportOptions,
) -> io::Result<()> {
    let theme = options.theme;
    let head = |text: &str| theme.paint(Role::Header, text);
    writeln!(out, "\n{}", head("Digest"))?;
    let total = digest.commitments.len();
    if total == 0 {
        writeln!(
            out,
            "  {}",
            theme.paint(Role::Detail, "Commitments: none changed")
        )?;
    } else {
        writeln!(out, "  {}", head(&format!("Commitments ({total} changed)")))?;
        for line in digest.commitments.iter().take(Digest::SHOWN) {
            let role = match line.change {
                CommitmentChange::Removed | CommitmentChange::Weakened => Role::Removed,
                CommitmentChange::Added | CommitmentChange::Strengthened => Role::Added,
                _ => Role::Changed,
            };
            let kind = format!("{} {:<12}", symbol(line.change), line.change.name());
            writeln!(
                out,
                "    {} {}  {}  {}",
                theme.paint(role, &kind),
                theme.paint(Role::Detail, &place(diff, line.entry)),
                theme.paint(Role::Header, &markers(line)),
                theme.paint(Role::Detail, &clause(line))
            )?;
        }
        if let Some(more) = more(total) {
            writeln!(out, "    {}", theme.paint(Role::Detail, &more))?;
        }
    }
    let (figures, routine) = substantive_figures(digest);
    if figures.is_empty() {
        writeln!(
            out,
            "  {}",
            theme.paint(Role::Detail, "Figures changed: none")
        )?;
    } else {
        writeln!(
            out,
            "  {}",
            head(&format!("Figures changed ({})", figures.len()))
        )?;
        for f in figures.iter().take(Digest::SHOWN) {
            writeln!(
                out,
                "    {}  {}",
                theme.paint(Role::Changed, &figure(f)),
                theme.paint(Role::Detail, &place(diff, f.entry))
            )?;
        }
        if let Some(more) = more(figures.len()) {
            writeln!(out, "    {}", theme.paint(Role::Detail, &more))?;
        }
    }
    if routine > 0 {
        writeln!(
            out,
            "    {}",
            theme.paint(
                Role::Detail,
                &format!("({routine} more in routine updates)")
            )
        )?;
    }
    for (title, names, old, mark, role) in [
        ("Names added", &digest.names_added, false, "+", Role::Added),
        (
            "Names dropped",
            &digest.names_dropped,
            true,
            "-",
            Role::Removed,
        ),
    ] {
        if names.is_empty() {
            writeln!(
                out,
                "  {}",
                theme.paint(Role::Detail, &format!("{title}: none"))
            )?;
            continue;
        }
        writeln!(out, "  {}", head(&format!("{title} ({})", names.len())))?;
        for n in names.iter().take(Digest::NAMES_SHOWN) {
            writeln!(
                out,
                "    {} {}  {}",
                theme.paint(role, mark),
                theme.paint(role, &n.name),
                theme.paint(Role::Detail, &name_places(n, old))
            )?;
        }
        if let Some(more) = more_than(names.len(), Digest::NAMES_SHOWN) {
            writeln!(out, "    {}", theme.paint(Role::Detail, &more))?;
        }
    }
    if !digest.sections.is_empty() {
        writeln!(out, "  {}", head("By section"))?;
        for s in digest.sections.iter().filter(|s| s.changes() > 0) {
            let heading = s.heading.as_deref().unwrap_or("(before the first heading)");
            writeln!(
                out,
                "    {}  {}",
                theme.paint(Role::Header, heading),
                theme.paint(Role::Detail, &change_counts(&s.summary))
            )?;
        }
    }
    writeln!(out, "  {}", head("Counts"))?;
    let kinds = crate::report::summary_line(&digest.summary);
    writeln!(out, "    {}", theme.paint(Role::Detail, &kinds))?;
    writeln!(
        out,
        "    {}",
        theme.paint(Role::Detail, &commitment_line(&digest.summary.commitments))
    )
}
