//! `communique precedent`: where a statement's new wording was used
//! before, a block per sentence, or the JSON document
//! [`wire::Precedents`].

use std::io::{self, Write};

use super::{json_document, wire};
use crate::series::precedent::{SentencePrecedents, Verdict};

/// A finished search: what was looked up, among what, and each sentence's precedents.
#[derive(Clone, Copy, Debug)]
pub struct Search<'a> {
    /// The statement looked up, by its ref; `None` for `--text`.
    pub reference: Option<&'a str>,
    /// Its date: only statements dated before it were searched.
    pub date: Option<&'a str>,
    /// The statement before it in its series, if any.
    pub previous: Option<&'a str>,
    /// Whether every sentence was looked up (`--all`), not only the new
    /// and reworded ones.
    pub all: bool,
    /// The similarity threshold of `adapted`.
    pub threshold: f64,
    /// How many statements were searched.
    pub searched: usize,
    /// The sentences looked up, with their precedents.
    pub sentences: &'a [SentencePrecedents],
}

/// Writes a line saying what was searched, then each sentence with its
/// verdict and precedents.
pub fn text(out: &mut dyn Write, search: &Search) -> io::Result<()> {
    let count = plural(search.sentences.len(), "sentence");
    let what = match (search.reference, search.previous, search.all) {
        (Some(name), Some(previous), false) => {
            format!("{name}: {count} new or reworded since {previous}")
        }
        (Some(name), _, _) => format!("{name}: {count}"),
        (None, _, _) => format!("--text: {count}"),
    };
    let searched = plural(search.searched, "statement");
    let among = match search.date {
        Some(date) => format!("{searched} dated before {date}"),
        None => format!("all {searched}"),
    };
    writeln!(out, "{what}; precedents among {among}")?;
    for finding in search.sentences {
        write_finding(out, finding)?;
    }
    Ok(())
}

/// Writes the search as the JSON document of schema
/// [`wire::PRECEDENT_SCHEMA`].
pub fn json(out: &mut dyn Write, search: &Search) -> io::Result<()> {
    json_document(
        out,
        &wire::Precedents {
            schema: wire::PRECEDENT_SCHEMA,
            reference: search.reference,
            date: search.date,
            previous: search.previous,
            threshold: search.threshold,
            searched: search.searched,
            sentences: search
                .sentences
                .iter()
                .map(wire::SentencePrecedents::from)
                .collect(),
        },
    )
}

/// "1 sentence", "2 sentences".
fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// One sentence: its place and verdict, its text, then its precedents.
fn write_finding(out: &mut dyn Write, f: &SentencePrecedents) -> io::Result<()> {
    let label = |l: &Option<String>| l.as_ref().map(|l| format!("{l} ")).unwrap_or_default();
    let change = f
        .change
        .map(|c| format!(" ({})", c.name()))
        .unwrap_or_default();
    writeln!(out, "\n{} {}{change}", f.location, f.verdict.name())?;
    writeln!(out, "    {}{}", label(&f.label), f.text)?;
    for p in &f.precedents {
        match p.verdict {
            Verdict::Verbatim => writeln!(
                out,
                "  = verbatim in {} {} ({})",
                p.reference, p.location, p.date
            )?,
            _ => {
                writeln!(
                    out,
                    "  ~ adapted from {} {} ({}; {:.2})",
                    p.reference, p.location, p.date, p.similarity
                )?;
                writeln!(out, "    {}{}", label(&p.label), p.text)?;
            }
        }
    }
    Ok(())
}
