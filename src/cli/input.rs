//! Reading a statement named on the command line: a path, or `-` for stdin.

use std::path::Path;

use anyhow::{Context, Result};

use communique::Statement;
use communique::analyze::lexicon::Lexicon;
use communique::import::{Format, import, text_furniture_dropped};
use communique::normalize::controls::visible;

use super::bounded;

/// Reads and imports the statement at `path` (`-` for stdin), in `format`
/// or, without one, the format its content's signature, its extension or
/// its text says ([`Format::guess`]).
pub fn read_statement(path: &str, format: Option<Format>) -> Result<Statement> {
    let bytes = if path == "-" {
        bounded::read_stdin(&bounded::STATEMENT)
            .map_err(|e| bounded::explain(e, || "cannot read standard input".to_owned()))?
    } else {
        bounded::read(Path::new(path), &bounded::STATEMENT)
            .map_err(|e| bounded::explain(e, || format!("cannot read {path}; check the path")))?
    };
    let format = match (format, path) {
        (Some(format), _) => Some(format),
        (None, "-") => None,
        (None, path) => Some(Format::guess(Path::new(path), &bytes)),
    };
    let origin = if path == "-" { "<stdin>" } else { path };
    let statement = import(&bytes, format, origin)?;
    note_dropped_furniture(&bytes, format, origin);
    Ok(statement)
}

/// The date a file's name starts with (`2021-03-30-joint-communique.txt`),
/// if any; none for standard input.
pub fn date_from_file_name(file: &str) -> Option<String> {
    if file == "-" {
        return None;
    }
    let stem = Path::new(file).file_stem()?.to_str()?;
    communique::store::names::leading_date(stem).map(str::to_owned)
}

/// `statement` read from `file`, dated from the file's name when its text
/// gives no date (as `import` dates it).
pub fn dated(mut statement: Statement, file: &str) -> Statement {
    if statement.meta.date.is_none() {
        statement.meta.date = date_from_file_name(file);
    }
    statement
}

/// Says on stderr when plain text lost lines as press-release furniture
/// (an introduction before "Begin Text", a footer after "Text Ends"), so
/// that no text is dropped silently.
fn note_dropped_furniture(bytes: &[u8], format: Option<Format>, origin: &str) {
    if format.unwrap_or_else(|| Format::detect(bytes)) != Format::Text {
        return;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if communique::statement::file::is_sentence_file(text) {
        return;
    }
    if let Some(lines) = text_furniture_dropped(text) {
        eprintln!(
            "communique: note: {}: {lines} line(s) outside \"Begin Text\" … \"Text Ends\" left out as press-release furniture; remove the markers to keep them",
            visible(origin)
        );
    }
}

/// Parses a `--from` value into a format, for clap.
pub fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {name:?}; use one of: {}", names.join(", "))
    })
}

/// The commitment lexicon: the built-in one, extended (or replaced) by the
/// user's file when one is named.
pub fn load_lexicon(path: Option<&Path>) -> Result<Lexicon> {
    let Some(path) = path else {
        return Ok(Lexicon::builtin());
    };
    let text = bounded::read_to_string(path, &bounded::SETTINGS).map_err(|e| {
        bounded::explain(e, || {
            format!("cannot read lexicon {}; check the path", path.display())
        })
    })?;
    Lexicon::with_user_file(&text).with_context(|| {
        format!(
            "lexicon {} is not valid; see docs/lexicon.md",
            path.display()
        )
    })
}
