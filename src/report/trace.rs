//! `communique trace`: where each sentence of a statement comes from, one
//! summary line per sentence or one sentence's history with each step's
//! redline; or the JSON document [`wire::Trace`].

use std::io::{self, Write};

use super::{ReportOptions, json_document, terminal, wire};
use crate::diff::DocumentInfo;
use crate::normalize::controls::visible;
use crate::series::trace::{Lineage, Trace};

/// Writes `traced` (the trace of the statement named `reference`): a line
/// for the series, then each sentence with where it first appeared and the
/// versions that changed it.
pub fn summary(out: &mut dyn Write, traced: &Trace, reference: &str) -> io::Result<()> {
    let first = traced
        .versions
        .first()
        .map(version_name)
        .unwrap_or_default();
    writeln!(
        out,
        "{reference}: {} versions since {first}",
        traced.versions.len()
    )?;
    for lineage in &traced.sentences {
        summary_entry(out, traced, lineage)?;
    }
    Ok(())
}

/// Writes the history of each sentence of `traced` (usually the one asked
/// for): where it first appeared, then each version that changed it with
/// the terminal report's redline (in `options.theme`), and the versions
/// that lacked it.
pub fn histories(
    out: &mut dyn Write,
    traced: &Trace,
    reference: &str,
    options: &ReportOptions,
) -> io::Result<()> {
    for lineage in &traced.sentences {
        history(out, traced, lineage, reference, options)?;
    }
    Ok(())
}

/// Writes `traced` as the JSON document of schema [`wire::TRACE_SCHEMA`].
pub fn json(out: &mut dyn Write, traced: &Trace) -> io::Result<()> {
    json_document(out, &wire::Trace::from(traced))
}

/// How the trace names a version: its date, else its ref.
fn version_name(info: &DocumentInfo) -> String {
    info.date.clone().unwrap_or_else(|| info.reference.clone())
}

/// Whether `lineage` starts in the last of several versions.
fn is_new_in_last(traced: &Trace, lineage: &Lineage) -> bool {
    traced.versions.len() > 1 && lineage.first.version + 1 == traced.versions.len()
}

/// One sentence and its lineage on one line.
fn summary_entry(out: &mut dyn Write, traced: &Trace, lineage: &Lineage) -> io::Result<()> {
    let s = &lineage.sentence;
    let label = s
        .label
        .as_ref()
        .map(|l| format!("{l} "))
        .unwrap_or_default();
    writeln!(out, "{} {label}{}", s.location, s.text)?;
    let origin = &traced.versions[lineage.first.version];
    // A sentence first seen in the last version is new there, not
    // "unchanged since" it.
    let new_in_last = is_new_in_last(traced, lineage);
    let mut line = format!(
        "    {} {} {} {}",
        if new_in_last { "new in" } else { "since" },
        version_name(origin),
        origin.reference,
        lineage.first.location
    );
    if lineage.changes.is_empty() && !new_in_last {
        line.push_str(", unchanged");
    }
    if !lineage.absent.is_empty() {
        let absent: Vec<String> = lineage
            .absent
            .iter()
            .map(|&v| version_name(&traced.versions[v]))
            .collect();
        line.push_str(&format!("; absent from {}", absent.join(", ")));
    }
    for step in &lineage.changes {
        line.push_str(&format!(
            "; {} {} ({:.2})",
            step.change.kind.name(),
            version_name(&traced.versions[step.version]),
            step.change.similarity
        ));
    }
    writeln!(out, "{line}")
}

/// One sentence's history, step by step.
fn history(
    out: &mut dyn Write,
    traced: &Trace,
    lineage: &Lineage,
    reference: &str,
    options: &ReportOptions,
) -> io::Result<()> {
    let origin = &traced.versions[lineage.first.version];
    let changes = match lineage.changes.len() {
        _ if is_new_in_last(traced, lineage) => "new in".to_owned(),
        0 => "unchanged since".to_owned(),
        1 => "1 change since".to_owned(),
        n => format!("{n} changes since"),
    };
    writeln!(
        out,
        "{} of {}: {changes} {}",
        lineage.sentence.location,
        visible(reference),
        visible(&version_name(origin))
    )?;
    writeln!(
        out,
        "{} {}  first appeared at {}",
        visible(&version_name(origin)),
        visible(&origin.reference),
        lineage.first.location
    )?;
    let label = lineage.first.label.as_ref();
    let label = label.map(|l| format!("{l} ")).unwrap_or_default();
    writeln!(out, "    {}", visible(&(label + &lineage.first.text)))?;
    // Changes and gaps in the order of the versions.
    let mut absent = lineage.absent.iter().peekable();
    let mut gaps_before = |out: &mut dyn Write, version: usize| -> io::Result<()> {
        while let Some(&&v) = absent.peek().filter(|&&&v| v < version) {
            let gap = &traced.versions[v];
            let name = format!("{} {}", version_name(gap), gap.reference);
            writeln!(out, "{}  absent", visible(&name))?;
            absent.next();
        }
        Ok(())
    };
    for step in &lineage.changes {
        gaps_before(out, step.version)?;
        let version = &traced.versions[step.version];
        let name = format!("{} {}", version_name(version), version.reference);
        writeln!(out, "{}", visible(&name))?;
        terminal::entry(out, &step.change, options)?;
    }
    gaps_before(out, usize::MAX)
}
