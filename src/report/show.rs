//! `communique show` (and `normalize`): one statement as its sentence file
//! (optionally numbered) or the JSON document [`wire::Show`], or only its
//! commitments, one per line or as a JSON array of [`wire::View`]s.

use std::io::{self, Write};

use super::{ReportOptions, json_document, wire};
use crate::diff::SentenceView;
use crate::statement::Statement;
use crate::statement::file::{FENCE, HEADING};
use crate::statement::write_sentence_file;

/// Writes the statement's sentence file: front matter, then one sentence
/// per line; with `options.numbered`, each line starts with its `¶p.s`.
pub fn text(out: &mut dyn Write, statement: &Statement, options: &ReportOptions) -> io::Result<()> {
    let file = write_sentence_file(statement);
    if !options.numbered {
        return out.write_all(file.as_bytes());
    }
    // The front matter is everything up to the closing fence.
    let closing = format!("\n{FENCE}\n");
    let head = file
        .find(&closing)
        .map_or("", |at| &file[..at + closing.len()]);
    out.write_all(head.as_bytes())?;
    let mut paragraph = 0;
    for (location, sentence) in statement.sentences() {
        if location.paragraph != paragraph {
            paragraph = location.paragraph;
            writeln!(out)?;
        }
        // A heading keeps the sentence file's `# ` mark.
        let mark = if sentence.heading { HEADING } else { "" };
        match &sentence.label {
            Some(label) => writeln!(out, "{location} {mark}{label} {}", sentence.text)?,
            None => writeln!(out, "{location} {mark}{}", sentence.text)?,
        }
    }
    Ok(())
}

/// Writes the statement as the JSON document of schema
/// [`wire::NORMALIZE_SCHEMA`] (`normalize --format json`): `schema`, `meta`
/// and `paragraphs`.
pub fn statement_json(out: &mut dyn Write, statement: &Statement) -> io::Result<()> {
    json_document(
        out,
        &wire::Normalized {
            schema: wire::NORMALIZE_SCHEMA,
            statement: statement.into(),
        },
    )
}

/// Writes the statement, shown by the name `reference`, as the JSON
/// document of schema [`wire::SHOW_SCHEMA`].
pub fn json(out: &mut dyn Write, statement: &Statement, reference: &str) -> io::Result<()> {
    json_document(
        out,
        &wire::Show {
            schema: wire::SHOW_SCHEMA,
            reference,
            statement: statement.into(),
        },
    )
}

/// Writes the views that carry a commitment, two lines each: "¶1.4 strong
/// ('committed to'; actor: …)" and the sentence. Views without one are
/// skipped.
pub fn commitments_text(out: &mut dyn Write, views: &[SentenceView]) -> io::Result<()> {
    for v in views {
        let Some(c) = v.commitment() else { continue };
        let mut detail = vec![format!("'{}'", c.marker)];
        if let Some(actor) = &c.actor {
            detail.push(format!("actor: {actor}"));
        }
        if c.negated {
            detail.push("negated".to_owned());
        }
        if !c.hedges.is_empty() {
            detail.push(format!("hedges: {}", c.hedges.join(", ")));
        }
        if !c.deadlines.is_empty() {
            detail.push(format!("deadlines: {}", c.deadlines.join("; ")));
        }
        let label = v
            .label
            .as_ref()
            .map(|l| format!("{l} "))
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} ({})\n    {label}{}",
            v.location,
            c.strength.name(),
            detail.join("; "),
            v.text
        )?;
    }
    Ok(())
}

/// Writes the views of `reference` that carry a commitment as the JSON
/// document of schema [`wire::COMMITMENTS_SCHEMA`].
pub fn commitments_json(
    out: &mut dyn Write,
    reference: &str,
    views: &[SentenceView],
) -> io::Result<()> {
    let sentences: Vec<wire::View> = views
        .iter()
        .filter(|v| v.commitment().is_some())
        .map(wire::View::from)
        .collect();
    json_document(
        out,
        &wire::Commitments {
            schema: wire::COMMITMENTS_SCHEMA,
            reference,
            sentences,
        },
    )
}
