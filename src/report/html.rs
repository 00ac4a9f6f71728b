//! The HTML report: one self-contained page a drafter can mail or attach.
//!
//! The page opens with the two documents, the counts and the Commitments
//! section, then shows the whole statement, every sentence of both
//! documents, in one of two views: an inline redline (the new text with
//! `<del>` and `<ins>`) or old and new side by side. The views are two
//! layouts of the same entries, switched by a pair of radio buttons and CSS
//! alone: the page needs no script, so it works where a mail client or a
//! locked-down browser blocks scripts, and every link works in either view.
//!
//! Every sentence has an anchor: `n-3-2` for ¶3.2 of the new document,
//! `o-3-2` for ¶3.2 of the old one. A moved sentence leaves a marker at its
//! old place, which holds its `o-` anchors and links to where it went; the
//! moved entry links back. Styles, print rules included, are in `html.css`,
//! inlined into the page; nothing is loaded from the network.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use super::{
    ReportOptions, changes_by_section, commitment_line, document_name, entry_location, kind_name,
    locations, routine_note, section_move, section_name, summary_line,
};
use crate::diff::{
    Change, ChangeKind, Commitment, CommitmentChange, Diff, DocumentInfo, EditOp, SentenceView,
    strongest_commitment,
};
use crate::normalize::controls::visible;
use crate::statement::Location;

/// The page's style sheet, inlined so the file stands alone.
const STYLE: &str = include_str!("html.css");

/// Writes the HTML report of `diff` as one self-contained page; with
/// `stat`, only the header and the summary; with `only_commitments`, those
/// and the Commitments section. Otherwise the whole statement is shown:
/// `context` does not apply.
pub fn write(out: &mut dyn Write, diff: &Diff, options: &ReportOptions) -> io::Result<()> {
    let whole = !options.stat && !options.only_commitments && !options.digest_only;
    // Many small writes: buffer them here rather than through `dyn Write`.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let title = format!(
        "Changes: {} → {}",
        document_name(&diff.old),
        document_name(&diff.new)
    );
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"communique {}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<main>",
        env!("CARGO_PKG_VERSION"),
        Esc(&title)
    )?;
    if whole {
        // The view switch: radio buttons that come before the statement,
        // so that CSS (`:checked ~`) can pick the layout without a script.
        writeln!(
            out,
            "<input type=\"radio\" name=\"view\" id=\"view-redline\" class=\"view-toggle\" checked>\n\
             <input type=\"radio\" name=\"view\" id=\"view-sides\" class=\"view-toggle\">"
        )?;
    }
    header(&mut out, diff)?;
    if !options.stat && !options.only_commitments {
        let digest = crate::analyze::digest::digest(diff);
        super::digest::html::write(&mut out, diff, &digest, whole, !options.digest_only)?;
    }
    if options.digest_only {
        return writeln!(out, "</main>\n</body>\n</html>").and_then(|()| out.flush());
    }
    summary(&mut out, diff)?;
    if !options.stat {
        commitments(&mut out, diff, whole)?;
    }
    if whole && options.by_section {
        sections(&mut out, diff)?;
    }
    if whole {
        routine(&mut out, diff)?;
    }
    if whole {
        statement(&mut out, diff)?;
    }
    writeln!(
        out,
        "<footer>Made by communique {}. Deleted words are struck through, inserted words \
         underlined; ¶3.2 is paragraph 3, sentence 2.</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    )?;
    out.flush()
}

/// Text made safe for HTML content and quoted attribute values; control
/// characters and bidi controls (which would reorder what the browser
/// shows) made [`visible`].
pub(super) struct Esc<'a>(pub(super) &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = visible(self.0);
        let mut rest = text.as_ref();
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// Which document an anchor points into.
#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// The anchor of one sentence: `n-3-2` for new ¶3.2, `o-3-2` for old ¶3.2.
fn anchor(side: Side, location: Location) -> String {
    let prefix = match side {
        Side::Old => 'o',
        Side::New => 'n',
    };
    format!("{prefix}-{}-{}", location.paragraph, location.sentence)
}

/// Where links to an entry go: its first new sentence, or its first old
/// one for a removed sentence.
pub(super) fn target(change: &Change) -> Option<String> {
    match (change.new.first(), change.old.first()) {
        (Some(n), _) => Some(anchor(Side::New, n.location)),
        (None, Some(o)) => Some(anchor(Side::Old, o.location)),
        (None, None) => None,
    }
}

fn header(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    // The new document's title heads the page; untitled documents (plain
    // text files) are named by their refs.
    let heading = match &diff.new.title {
        Some(title) => Esc(title).to_string(),
        None => format!(
            "{} <span class=\"to\">→</span> {}",
            Esc(&diff.old.reference),
            Esc(&diff.new.reference)
        ),
    };
    writeln!(
        out,
        "<header class=\"page-head\">\n<p class=\"eyebrow\">Statement comparison</p>\n\
         <h1>{heading}</h1>\n<div class=\"docs\">"
    )?;
    document(out, "Old", "old", &diff.old)?;
    document(out, "New", "new", &diff.new)?;
    writeln!(out, "</div>\n</header>")
}

fn document(out: &mut dyn Write, side: &str, class: &str, doc: &DocumentInfo) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"doc doc-{class}\">\n<p class=\"doc-side\">{side}</p>\n\
         <p class=\"doc-title\">{}</p>\n<dl>\n<dt>Date</dt><dd>{}</dd>\n\
         <dt>Ref</dt><dd><code>{}</code></dd>\n</dl>\n</section>",
        Esc(doc.title.as_deref().unwrap_or(&doc.reference)),
        Esc(doc.date.as_deref().unwrap_or("—")),
        Esc(&doc.reference)
    )
}

fn summary(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let summary = diff.summary();
    writeln!(
        out,
        "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"lede\">{}<br>{}</p>\n\
         <div class=\"tiles\" aria-label=\"Sentences by kind\">",
        Esc(&summary_line(&summary)),
        Esc(&commitment_line(&summary.commitments))
    )?;
    // Changes first, `same` last: what readers look for comes first.
    let kinds = ChangeKind::ALL
        .into_iter()
        .filter(|&k| k != ChangeKind::Same)
        .chain([ChangeKind::Same]);
    for kind in kinds {
        tile(
            out,
            &format!("k-{}", kind.name()),
            summary.get(kind),
            kind.name(),
            None,
        )?;
    }
    if summary.routine > 0 {
        tile(out, "k-routine", summary.routine, "routine", None)?;
    }
    writeln!(
        out,
        "</div>\n<div class=\"tiles\" aria-label=\"Commitments by change\">"
    )?;
    for change in CommitmentChange::ALL {
        tile(
            out,
            &format!("cm-{}", change.name()),
            summary.commitments.get(change),
            change.name(),
            Some("commitments"),
        )?;
    }
    writeln!(out, "</div>\n</section>")
}

/// One count of the summary: `class` styles it, `name` and `small` say what
/// it counts.
fn tile(
    out: &mut dyn Write,
    class: &str,
    count: usize,
    name: &str,
    small: Option<&str>,
) -> io::Result<()> {
    writeln!(
        out,
        "<div class=\"tile {class}{}\"><span class=\"n\">{count}</span>\
         <span class=\"what\">{name}{}</span></div>",
        if count == 0 { " zero" } else { "" },
        small
            .map(|s| format!("<small>{s}</small>"))
            .unwrap_or_default()
    )
}

/// The Commitments section; `linked` says whether the statement is on the
/// page for the entries to link to.
fn commitments(out: &mut dyn Write, diff: &Diff, linked: bool) -> io::Result<()> {
    let changed: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.changes_commitment())
        .collect();
    writeln!(
        out,
        "<section id=\"commitments\">\n<h2>Commitments <span class=\"count\">{}</span></h2>",
        changed.len()
    )?;
    if changed.is_empty() {
        return writeln!(
            out,
            "<p class=\"none\">No commitment was added, removed, reworded, strengthened or \
             weakened.</p>\n</section>"
        );
    }
    writeln!(out, "<ol class=\"cm-list\">")?;
    for c in changed {
        let Some(kind) = c.commitment_change else {
            continue;
        };
        let old = strongest_commitment(&c.old);
        let new = strongest_commitment(&c.new);
        let place = Esc(&entry_location(c)).to_string();
        let place = match target(c).filter(|_| linked) {
            Some(id) => format!("<a class=\"loc\" href=\"#{id}\">{place}</a>"),
            None => format!("<span class=\"loc\">{place}</span>"),
        };
        writeln!(
            out,
            "<li class=\"cm-item cm-{name}\">\n<div class=\"cm-head\">{badge} {place}\
             <span class=\"cm-strength\">{strength}</span></div>\n\
             <p class=\"cm-marker\">marker {marker}</p>",
            name = kind.name(),
            badge = badge(kind),
            strength = strengths(old, new),
            marker = markers(old, new),
        )?;
        // The marker line above already says how the marker changed.
        let reasons: Vec<&String> = c
            .commitment_reasons
            .iter()
            .filter(|r| !r.starts_with("marker "))
            .collect();
        if !reasons.is_empty() {
            let joined = reasons
                .iter()
                .map(|r| Esc(r).to_string())
                .collect::<Vec<_>>()
                .join("; ");
            writeln!(out, "<p class=\"cm-why\">{joined}</p>")?;
        }
        writeln!(
            out,
            "<p class=\"text\">{}</p>\n</li>",
            text(c, Column::Redline)
        )?;
    }
    writeln!(out, "</ol>\n</section>")
}

/// The routine updates, after the changes of substance: a count, then one
/// line each (where, and what advanced), a `<details>` that opens on its
/// redline.
fn routine(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let entries: Vec<&Change> = diff.changes.iter().filter(|c| c.routine).collect();
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<section id=\"routine\">\n<h2>Routine updates <span class=\"count\">{n}</span></h2>\n\
         <p class=\"none\">These entries only advance a session, a year, a date or a symbol, or \
         recall last year's resolution; open one for its redline.</p>\n<ol class=\"routine\">",
        n = entries.len()
    )?;
    for c in entries {
        let place = Esc(&entry_location(c)).to_string();
        let place = match target(c) {
            Some(id) => format!("<a class=\"loc\" href=\"#{id}\">{place}</a>"),
            None => format!("<span class=\"loc\">{place}</span>"),
        };
        writeln!(
            out,
            "<li><details><summary>{place} routine: {}</summary>\n\
             <p class=\"text\">{}</p></details></li>",
            Esc(&routine_note(c)),
            text(c, Column::Redline)
        )?;
    }
    writeln!(out, "</ol>\n</section>")
}

/// The badge of a commitment change: a symbol that reads without color and
/// the change's name.
fn badge(kind: CommitmentChange) -> String {
    let symbol = super::digest::symbol(kind);
    format!(
        "<span class=\"badge cm-{name}\"><span aria-hidden=\"true\">{symbol}</span> {name}</span>",
        name = kind.name()
    )
}

/// "moderate → strong", "none → weak".
fn strengths(old: Option<&Commitment>, new: Option<&Commitment>) -> String {
    let one = |c: Option<&Commitment>| match c {
        Some(c) => format!("<span class=\"s s-{0}\">{0}</span>", c.strength.name()),
        None => "<span class=\"s s-none\">none</span>".to_owned(),
    };
    match (old, new) {
        (Some(o), Some(n)) if o.strength == n.strength => one(new),
        _ => format!("{} → {}", one(old), one(new)),
    }
}

/// "'intend to' → 'committed to'", or the one marker when it stayed.
fn markers(old: Option<&Commitment>, new: Option<&Commitment>) -> String {
    let one = |c: Option<&Commitment>| match c {
        Some(c) => format!("<q>{}</q>", Esc(&c.marker)),
        None => "none".to_owned(),
    };
    match (old, new) {
        (Some(o), Some(n)) if o.marker.to_lowercase() == n.marker.to_lowercase() => one(new),
        _ => format!("{} → {}", one(old), one(new)),
    }
}

/// The changes by section: each section's name, then a link to each of its
/// changed entries with its kind.
fn sections(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    let groups = changes_by_section(diff);
    let count: usize = groups.iter().map(|(_, entries)| entries.len()).sum();
    writeln!(
        out,
        "<section id=\"by-section\">\n<h2>Changes by section <span class=\"count\">{count}</span></h2>"
    )?;
    if groups.is_empty() {
        writeln!(out, "<p class=\"none\">Nothing changed.</p>")?;
    }
    for (section, entries) in groups {
        writeln!(
            out,
            "<h3>{} <span class=\"count\">{}</span></h3>\n<ul class=\"section-list\">",
            Esc(&section_name(section.as_deref())),
            entries.len()
        )?;
        for c in entries {
            let place = Esc(&entry_location(c)).to_string();
            let place = match target(c) {
                Some(id) => format!("<a class=\"loc\" href=\"#{id}\">{place}</a>"),
                None => place,
            };
            writeln!(
                out,
                "<li class=\"k-{}\">{place} <span class=\"tag\">{}</span></li>",
                c.kind.name(),
                Esc(&kind_name(c))
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

/// One item of the statement's sequence: an entry, or the marker a moved
/// entry leaves at its old place.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Item {
    Entry(usize),
    Moved(usize),
}

/// The statement's items in reading order: the entries in the new
/// document's order (as the diff has them), and a marker for each moved
/// entry right after the item holding the old sentence before it, so the old
/// column of the side-by-side view reads in the old document's order too.
fn sequence(changes: &[Change]) -> Vec<Item> {
    let mut olds: Vec<(Location, usize)> = changes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.old.iter().map(move |v| (v.location, i)))
        .collect();
    olds.sort_unstable();
    // The item each marker follows; `None` for the top of the statement.
    let mut followers: HashMap<Option<Item>, Vec<usize>> = HashMap::new();
    for (p, &(_, i)) in olds.iter().enumerate() {
        let first_of_entry = p == 0 || olds[p - 1].1 != i;
        if !changes[i].moved || !first_of_entry {
            continue;
        }
        let before = p.checked_sub(1).map(|q| {
            let j = olds[q].1;
            if changes[j].moved {
                Item::Moved(j)
            } else {
                Item::Entry(j)
            }
        });
        followers.entry(before).or_default().push(i);
    }
    let mut items = Vec::with_capacity(changes.len() + followers.len());
    // Depth first, without recursion: a long run of moved sentences is a
    // long chain of markers.
    let mut emit = |after: Option<Item>, items: &mut Vec<Item>| {
        let mut stack: Vec<usize> = followers.remove(&after).unwrap_or_default();
        stack.reverse();
        while let Some(i) = stack.pop() {
            items.push(Item::Moved(i));
            if let Some(next) = followers.remove(&Some(Item::Moved(i))) {
                stack.extend(next.into_iter().rev());
            }
        }
    };
    emit(None, &mut items);
    for i in 0..changes.len() {
        items.push(Item::Entry(i));
        emit(Some(Item::Entry(i)), &mut items);
    }
    items
}

fn statement(out: &mut dyn Write, diff: &Diff) -> io::Result<()> {
    writeln!(
        out,
        "<nav class=\"toolbar\" aria-label=\"View\">\n<span class=\"toolbar-label\">View</span>\n\
         <span class=\"switch\"><label for=\"view-redline\" id=\"show-redline\">Inline redline</label>\
         <label for=\"view-sides\" id=\"show-sides\">Side by side</label></span>\n\
         <span class=\"legend\"><del>deleted</del> <ins>inserted</ins> \
         <span class=\"legend-moved\">↕ moved</span> <span>▲ ▼ commitment stronger, weaker</span></span>\n\
         </nav>\n<section id=\"statement\">\n<h2>The statement</h2>\n\
         <div class=\"sides-head\" aria-hidden=\"true\"><span></span>\
         <span class=\"old-head\"><b>Old</b>{}</span><span class=\"new-head\"><b>New</b>{}</span></div>",
        Esc(&document_name(&diff.old)),
        Esc(&document_name(&diff.new))
    )?;
    let items = sequence(&diff.changes);
    let position: HashMap<Item, usize> = items.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    let mut paragraph = None;
    for (p, &item) in items.iter().enumerate() {
        match item {
            Item::Entry(i) => {
                let c = &diff.changes[i];
                // A gap before each new paragraph, so the page reads as the
                // statement does.
                let starts = c.new.first().map(|v| v.location.paragraph);
                let para_start = starts.is_some() && starts != paragraph;
                if starts.is_some() {
                    paragraph = starts;
                }
                let marker_before = position
                    .get(&Item::Moved(i))
                    .map(|&m| if m < p { "↑" } else { "↓" });
                entry(out, c, para_start, marker_before)?;
            }
            Item::Moved(i) => {
                let arrow = match position.get(&Item::Entry(i)) {
                    Some(&e) if e < p => "↑",
                    _ => "↓",
                };
                moved_marker(out, &diff.changes[i], arrow)?;
            }
        }
    }
    writeln!(out, "</section>")
}

/// Empty elements carrying the anchors of sentences, at the top of the item
/// that holds them.
fn anchors(out: &mut dyn Write, side: Side, views: &[SentenceView]) -> io::Result<()> {
    for v in views {
        write!(
            out,
            "<span class=\"anchor\" id=\"{}\"></span>",
            anchor(side, v.location)
        )?;
    }
    Ok(())
}

/// One entry: the gutter (location and kind), the inline redline, the old
/// and new columns of the side-by-side view, and a line of details.
/// `moved_marker` is the arrow towards the marker at the old place of a
/// moved entry.
fn entry(
    out: &mut dyn Write,
    c: &Change,
    para_start: bool,
    moved_marker: Option<&str>,
) -> io::Result<()> {
    let mut class = format!("entry k-{}", c.kind.name());
    if para_start {
        class.push_str(" para-start");
    }
    if c.moved {
        class.push_str(" is-moved");
    }
    if c.is_heading() {
        class.push_str(" is-heading");
    }
    if c.routine {
        class.push_str(" routine");
    }
    if let Some(kind) = c.commitment_change.filter(|_| c.changes_commitment()) {
        class.push_str(&format!(" cm-{}", kind.name()));
    }
    write!(out, "<div class=\"{class}\">")?;
    anchors(out, Side::New, &c.new)?;
    if !c.moved {
        anchors(out, Side::Old, &c.old)?;
    }
    let (shown, side) = if c.new.is_empty() {
        (&c.old, Side::Old)
    } else {
        (&c.new, Side::New)
    };
    let place = locations(shown);
    let href = shown
        .first()
        .map(|v| anchor(side, v.location))
        .unwrap_or_default();
    write!(
        out,
        "\n<div class=\"gutter\"><a class=\"loc\" href=\"#{href}\">{}{}</a>",
        Esc(&place),
        if c.new.is_empty() { " (old)" } else { "" }
    )?;
    if c.is_change() {
        write!(out, "<span class=\"tag\">{}</span>", Esc(&kind_name(c)))?;
    }
    if c.routine {
        write!(out, "<span class=\"tag\">routine</span>")?;
    }
    writeln!(
        out,
        "</div>\n<p class=\"text inline\">{}</p>\n<p class=\"text old\">{}</p>\n\
         <p class=\"text new\">{}</p>",
        text(c, Column::Redline),
        text(c, Column::Old),
        text(c, Column::New)
    )?;
    let details = details(c, moved_marker);
    if !details.is_empty() {
        writeln!(out, "<ul class=\"details\">{}</ul>", details.join(""))?;
    }
    writeln!(out, "</div>")
}

/// The marker a moved entry leaves at its old place: the old text in the
/// old column of the side-by-side view, and a link to where it went.
fn moved_marker(out: &mut dyn Write, c: &Change, arrow: &str) -> io::Result<()> {
    write!(out, "<div class=\"entry moved-from\">")?;
    anchors(out, Side::Old, &c.old)?;
    let old = Esc(&locations(&c.old)).to_string();
    let link = match target(c) {
        Some(id) => format!(
            "<a href=\"#{id}\">moved to {} {arrow}</a>",
            Esc(&locations(&c.new))
        ),
        None => String::new(),
    };
    writeln!(
        out,
        "\n<div class=\"gutter\"><span class=\"loc\">{old} (old)</span></div>\n\
         <p class=\"text inline\">{old} of the old text stood here: {link}</p>\n\
         <p class=\"text old\">{}<br>{link}</p>\n<p class=\"text new\"></p>\n</div>",
        sentences(&c.old)
    )
}

/// The entry's details in words: similarity and kinds of edit, editorial
/// differences, renumbering, where it moved from, and its commitment.
fn details(c: &Change, moved_marker: Option<&str>) -> Vec<String> {
    let mut items = Vec::new();
    let item = |class: &str, html: String| format!("<li class=\"{class}\">{html}</li>");
    if let (Some(kind), true) = (c.commitment_change, c.changes_commitment()) {
        let old = strongest_commitment(&c.old);
        let new = strongest_commitment(&c.new);
        items.push(item(
            "cm",
            format!(
                "{} commitment: {}, marker {}",
                badge(kind),
                strengths(old, new),
                markers(old, new)
            ),
        ));
    }
    if c.moved {
        let from = Esc(&locations(&c.old)).to_string();
        let arrow = moved_marker.unwrap_or("↑");
        let link = match c.old.first() {
            Some(v) => format!(
                "<a href=\"#{}\">moved from {from} {arrow}</a>",
                anchor(Side::Old, v.location)
            ),
            None => format!("moved from {from}"),
        };
        items.push(item("moved", link));
    }
    if let Some(between) = section_move(c) {
        items.push(item("moved", Esc(&between).to_string()));
    }
    if matches!(
        c.kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    ) {
        items.push(item("sim", format!("similarity {:.2}", c.similarity)));
    }
    for k in &c.edit_kinds {
        items.push(item("edit", k.describe().to_owned()));
    }
    if !c.editorial.is_empty() {
        let names: Vec<&str> = c.editorial.iter().map(|e| e.name()).collect();
        items.push(item(
            "editorial",
            format!("editorial: {}", names.join(", ")),
        ));
    }
    if let Some(r) = c.renumbered.as_ref().filter(|_| c.is_change()) {
        items.push(item(
            "renum",
            format!(
                "renumbered {} → {}",
                Esc(r.old.as_deref().unwrap_or("(none)")),
                Esc(r.new.as_deref().unwrap_or("(none)"))
            ),
        ));
    }
    items
}

/// Which text of an entry to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The new text with deleted and inserted words (the old text for a
    /// removed sentence).
    Redline,
    /// The old text, its deleted words marked.
    Old,
    /// The new text, its inserted words marked.
    New,
}

/// The text of an entry for one column, escaped, with `<del>` and `<ins>`.
fn text(c: &Change, column: Column) -> String {
    let shows_old = column != Column::New;
    let shows_new = column != Column::Old;
    let mut s = String::new();
    let old_label = c.old.first().and_then(|v| v.label.as_deref());
    let new_label = c.new.first().and_then(|v| v.label.as_deref());
    // A label change is shown but reads quieter than a change of words.
    if c.renumbered.is_some() && !c.old.is_empty() && !c.new.is_empty() {
        if let Some(l) = old_label.filter(|_| shows_old) {
            s.push_str(&format!("<del class=\"label\">{}</del>", Esc(l)));
        }
        if let Some(l) = new_label.filter(|_| shows_new) {
            s.push_str(&format!("<ins class=\"label\">{}</ins>", Esc(l)));
        }
        if !s.is_empty() {
            s.push(' ');
        }
    }
    match c.kind {
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
            if c.renumbered.is_none() {
                let label = if shows_new { new_label } else { old_label };
                if let Some(l) = label {
                    s.push_str(&format!("<span class=\"label\">{}</span> ", Esc(l)));
                }
            }
            for e in &c.edits {
                match e.op {
                    EditOp::Equal => s.push_str(&Esc(&e.text).to_string()),
                    EditOp::Delete if shows_old => {
                        s.push_str(&format!("<del>{}</del>", Esc(&e.text)));
                    }
                    EditOp::Insert if shows_new => {
                        s.push_str(&format!("<ins>{}</ins>", Esc(&e.text)));
                    }
                    _ => {}
                }
            }
        }
        ChangeKind::Removed if shows_old => {
            s.push_str(&format!("<del class=\"whole\">{}</del>", sentences(&c.old)));
        }
        ChangeKind::Added if shows_new => {
            s.push_str(&format!("<ins class=\"whole\">{}</ins>", sentences(&c.new)));
        }
        ChangeKind::Same | ChangeKind::Moved => {
            let side = if column == Column::Old {
                &c.old
            } else {
                &c.new
            };
            if c.renumbered.is_some() {
                s.push_str(&texts(side));
            } else {
                s.push_str(&sentences(side));
            }
        }
        ChangeKind::Removed | ChangeKind::Added => {}
    }
    s
}

/// The sentences of one side with their labels, escaped.
fn sentences(side: &[SentenceView]) -> String {
    side.iter()
        .map(|v| match &v.label {
            Some(l) => format!("<span class=\"label\">{}</span> {}", Esc(l), Esc(&v.text)),
            None => Esc(&v.text).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of one side without their labels, escaped.
fn texts(side: &[SentenceView]) -> String {
    side.iter()
        .map(|v| Esc(&v.text).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            Esc("<script>alert('x') & \"y\"</script>").to_string(),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(Esc("¶3.2 — plain").to_string(), "¶3.2 — plain");
        assert_eq!(
            Esc("a/\u{202E}txt.exe\u{1b}[2J").to_string(),
            "a/\\u{202e}txt.exe\\u{1b}[2J"
        );
    }

    fn diff(old: &str, new: &str) -> Diff {
        let read =
            |text: &str| crate::import::import(text.as_bytes(), None, "t.txt").expect("reads");
        crate::analyze::compare(&read(old), &read(new), &crate::analyze::Options::default())
    }

    #[test]
    fn a_moved_sentence_leaves_a_marker_after_its_old_predecessor() {
        let d = diff(
            "Alpha met in Geneva on Monday.\n\nBravo signed the treaty at noon.\n\n\
             Charlie will report next year.\n\nDelta thanked the hosts warmly.\n",
            "Delta thanked the hosts warmly.\n\nAlpha met in Geneva on Monday.\n\n\
             Bravo signed the treaty at noon.\n\nCharlie will report next year.\n",
        );
        let moved = d.changes.iter().position(|c| c.moved).expect("a move");
        let items = sequence(&d.changes);
        assert_eq!(items.len(), d.changes.len() + 1);
        let at = |item| items.iter().position(|&i| i == item).expect("listed");
        // Delta stood after Charlie: its marker follows Charlie's entry.
        let charlie = d
            .changes
            .iter()
            .position(|c| c.new.first().is_some_and(|v| v.text.starts_with("Charlie")))
            .expect("Charlie");
        assert_eq!(at(Item::Moved(moved)), at(Item::Entry(charlie)) + 1);
        let mut page = Vec::new();
        write(&mut page, &d, &ReportOptions::default()).expect("writes");
        let page = String::from_utf8(page).expect("utf-8");
        assert!(
            page.contains("<a href=\"#o-4-1\">moved from ¶4.1 ↓</a>"),
            "{page}"
        );
        assert!(
            page.contains("<a href=\"#n-1-1\">moved to ¶1.1 ↑</a>"),
            "{page}"
        );
    }

    #[test]
    fn anchors_name_side_paragraph_and_sentence() {
        let at = Location {
            paragraph: 3,
            sentence: 2,
        };
        assert_eq!(anchor(Side::New, at), "n-3-2");
        assert_eq!(anchor(Side::Old, at), "o-3-2");
    }
}
