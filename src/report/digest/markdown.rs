//! The digest in the Markdown report: a `## Digest` section of short
//! lists, each item one line, every piece of text escaped.

use std::io::{self, Write};

use super::{
    clause, figure, markers, more, more_than, name_places, place, substantive_figures, symbol,
};
use crate::analyze::digest::Digest;
use crate::diff::Diff;
use crate::report::markdown::escape;
use crate::report::{change_counts, commitment_line};

/// Writes the digest of `diff`.
pub fn write(out: &mut dyn Write, diff: &Diff, digest: &Digest) -> io::Result<()> {
    writeln!(out, "## Digest\n")?;
    let total = digest.commitments.len();
    if total == 0 {
        writeln!(out, "**Commitments**: none changed")?;
    } else {
        writeln!(out, "**Commitments** ({total} changed)\n")?;
    }
    for line in digest.commitments.iter().take(Digest::SHOWN) {
        writeln!(
            out,
            "- {} **{}** · {} · {} · {}",
            symbol(line.change),
            line.change.name(),
            escape(&place(diff, line.entry)),
            escape(&markers(line)),
            escape(&clause(line))
        )?;
    }
    if let Some(more) = more(total) {
        writeln!(out, "- {}", escape(&more))?;
    }
    let (figures, routine) = substantive_figures(digest);
    if figures.is_empty() {
        writeln!(out, "\n**Figures changed**: none")?;
    } else {
        writeln!(out, "\n**Figures changed** ({})\n", figures.len())?;
    }
    for f in figures.iter().take(Digest::SHOWN) {
        writeln!(
            out,
            "- {} · {}",
            escape(&figure(f)),
            escape(&place(diff, f.entry))
        )?;
    }
    if let Some(more) = more(figures.len()) {
        writeln!(out, "- {}", escape(&more))?;
    }
    if routine > 0 {
        writeln!(out, "- _{routine} more in routine updates_")?;
    }
    for (title, names, old) in [
        ("Names added", &digest.names_added, false),
        ("Names dropped", &digest.names_dropped, true),
    ] {
        if names.is_empty() {
            writeln!(out, "\n**{title}**: none")?;
            continue;
        }
        writeln!(out, "\n**{title}** ({})\n", names.len())?;
        for n in names.iter().take(Digest::NAMES_SHOWN) {
            writeln!(
                out,
                "- {} · {}",
                escape(&n.name),
                escape(&name_places(n, old))
            )?;
        }
        if let Some(more) = more_than(names.len(), Digest::NAMES_SHOWN) {
            writeln!(out, "- {}", escape(&more))?;
        }
    }
    if !digest.sections.is_empty() {
        writeln!(out, "\n**By section**\n")?;
        for s in digest.sections.iter().filter(|s| s.changes() > 0) {
            let heading = s.heading.as_deref().unwrap_or("(before the first heading)");
            writeln!(out, "- {} · {}", escape(heading), change_counts(&s.summary))?;
        }
    }
    let kinds = crate::report::summary_line(&digest.summary);
    writeln!(
        out,
        "\n**Counts**: {} · {}",
        kinds,
        commitment_line(&digest.summary.commitments)
    )
}
