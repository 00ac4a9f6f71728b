//! The digest in the HTML report: a section of short lists before the
//! summary, each commitment and figure linking to its entry when the
//! statement is on the page. Every piece of text goes through the page's
//! escaping.

use std::io::{self, Write};

use super::{
    clause, figure, markers, more, more_than, name_places, place, substantive_figures, symbol,
};
use crate::analyze::digest::{Digest, NameChange};
use crate::diff::Diff;
use crate::report::html::{Esc, target};
use crate::report::{change_counts, commitment_line};

/// Writes the digest of `diff`; `linked` when the statement is on the page
/// for the lines to link to; `counted` when the page's Summary follows,
/// which holds the counts the digest would otherwise end with.
pub fn write(
    out: &mut dyn Write,
    diff: &Diff,
    digest: &Digest,
    linked: bool,
    counted: bool,
) -> io::Result<()> {
    let link = |entry: usize| -> String {
        let text = Esc(&place(diff, entry)).to_string();
        match diff.changes.get(entry).and_then(target).filter(|_| linked) {
            Some(id) => format!("<a class=\"loc\" href=\"#{id}\">{text}</a>"),
            None => format!("<span class=\"loc\">{text}</span>"),
        }
    };
    writeln!(out, "<section id=\"digest\">\n<h2>Digest</h2>")?;
    let total = digest.commitments.len();
    writeln!(
        out,
        "<h3>Commitments <span class=\"count\">{total}</span></h3>\n<ul class=\"digest-list\">"
    )?;
    for line in digest.commitments.iter().take(Digest::SHOWN) {
        writeln!(
            out,
            "<li class=\"cm-{name}\"><span class=\"badge cm-{name}\">{sym} {name}</span> {loc} \
             <span class=\"cm-marker\">{markers}</span> {clause}</li>",
            name = line.change.name(),
            sym = symbol(line.change),
            loc = link(line.entry),
            markers = Esc(&markers(line)),
            clause = Esc(&clause(line)),
        )?;
    }
    if let Some(more) = more(total) {
        writeln!(out, "<li class=\"more\">{}</li>", Esc(&more))?;
    }
    let (figures, routine) = substantive_figures(digest);
    writeln!(
        out,
        "</ul>\n<h3>Figures changed <span class=\"count\">{}</span></h3>\n<ul class=\"digest-list\">",
        figures.len()
    )?;
    for f in figures.iter().take(Digest::SHOWN) {
        writeln!(out, "<li>{} {}</li>", Esc(&figure(f)), link(f.entry))?;
    }
    if let Some(more) = more(figures.len()) {
        writeln!(out, "<li class=\"more\">{}</li>", Esc(&more))?;
    }
    if routine > 0 {
        writeln!(
            out,
            "<li class=\"more\">{routine} more in routine updates</li>"
        )?;
    }
    writeln!(out, "</ul>")?;
    names(out, "Names added", &digest.names_added, false)?;
    names(out, "Names dropped", &digest.names_dropped, true)?;
    if !digest.sections.is_empty() {
        writeln!(out, "<h3>By section</h3>\n<ul class=\"digest-list\">")?;
        for s in digest.sections.iter().filter(|s| s.changes() > 0) {
            let heading = s.heading.as_deref().unwrap_or("(before the first heading)");
            writeln!(
                out,
                "<li>{} · {}</li>",
                Esc(heading),
                Esc(&change_counts(&s.summary))
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if counted {
        return writeln!(out, "</section>");
    }
    let kinds = crate::report::summary_line(&digest.summary);
    writeln!(
        out,
        "<p class=\"lede\">{}<br>{}</p>\n</section>",
        Esc(&kinds),
        Esc(&commitment_line(&digest.summary.commitments))
    )
}

fn names(out: &mut dyn Write, title: &str, names: &[NameChange], old: bool) -> io::Result<()> {
    writeln!(
        out,
        "<h3>{title} <span class=\"count\">{}</span></h3>\n<ul class=\"digest-list\">",
        names.len()
    )?;
    for n in names.iter().take(Digest::NAMES_SHOWN) {
        writeln!(
            out,
            "<li>{} <span class=\"loc\">{}</span></li>",
            Esc(&n.name),
            Esc(&name_places(n, old))
        )?;
    }
    if let Some(more) = more_than(names.len(), Digest::NAMES_SHOWN) {
        writeln!(out, "<li class=\"more\">{}</li>", Esc(&more))?;
    }
    writeln!(out, "</ul>")
}
