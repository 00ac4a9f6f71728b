//! `communique show`: print one statement.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;

use communique::Statement;
use communique::statement::file::FENCE;
use communique::statement::write_sentence_file;

use super::Outcome;
use super::context::Context;

/// Print a statement as its sentence file: front matter, then one sentence
/// per line; with --numbered, each line starts with its ¶paragraph.sentence
/// number (the locations diff reports show).
///
/// Examples:
///   communique show unga-tpnw/2024
///   communique show unga-tpnw --numbered
///   communique show unga-tpnw/2024@HEAD~1
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The statement: a file, or a store ref (series/id, a unique prefix, a
    /// series, any with @REV).
    reference: String,
    /// Number every sentence ¶paragraph.sentence.
    #[arg(long)]
    numbered: bool,
}

/// Runs `show`.
pub fn run(args: ShowArgs, context: &Context) -> Result<Outcome> {
    let (statement, _) = context.read(&args.reference, None)?;
    let text = if args.numbered {
        numbered(&statement)
    } else {
        write_sentence_file(&statement)
    };
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Same)
}

/// The sentence file with `¶p.s` before every sentence line.
fn numbered(statement: &Statement) -> String {
    let file = write_sentence_file(statement);
    // The front matter is everything up to the closing fence.
    let closing = format!("\n{FENCE}\n");
    let head = file
        .find(&closing)
        .map_or("", |at| &file[..at + closing.len()]);
    let mut out = head.to_owned();
    let mut paragraph = 0;
    for (location, sentence) in statement.sentences() {
        if location.paragraph != paragraph {
            paragraph = location.paragraph;
            out.push('\n');
        }
        out.push_str(&location.to_string());
        out.push(' ');
        if let Some(label) = &sentence.label {
            out.push_str(label);
            out.push(' ');
        }
        out.push_str(&sentence.text);
        out.push('\n');
    }
    out
}
