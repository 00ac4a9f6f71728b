//! The sentence file: the store's unit and the one on-disk form of a
//! [`Statement`].
//!
//! ```text
//! +++
//! title = "Joint Communiqué …"
//! date = "2021-03-30"
//! +++
//!
//! First sentence of the first paragraph.
//! Second sentence of it.
//!
//! 1. A labelled paragraph.
//!
//! # Maritime Security
//!
//! A sentence under that heading.
//!
//! # A. Numbered section
//! ```
//!
//! TOML front matter between `+++` lines, then one sentence per line with a
//! blank line between paragraphs. A label stands at the start of its line. A
//! section heading is a line that starts with `#` and a space, alone in its
//! paragraph; its own label (a section number, "A.", "2.") follows the `# `.
//! Headings are kept in order with the sentences, but the aligner pairs them
//! only with headings, and every diff entry names the heading it stands
//! under. A sentence without a label whose text would read as one, as a
//! heading (it starts with `# `), or that starts with a backslash is written
//! with a leading `\`, so that every statement survives a round trip
//! unchanged.
//!
//! A sentence file can be committed by plain git, so the reader trusts
//! nothing in it: terminal escapes, other control characters and bidi
//! overrides in the front matter or the body are dropped or made spaces as
//! on import ([`controls`]), and the writer never writes one.

use std::borrow::Cow;

use super::{MAX_STATEMENT_SENTENCES, Meta, Paragraph, Sentence, Statement, split_label};
use crate::normalize::controls;

/// The line that opens and closes the front matter.
pub const FENCE: &str = "+++";

/// What a heading's line starts with.
pub const HEADING: &str = "# ";

/// Why a sentence file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong there, and what to do about it.
    pub message: String,
}

/// Whether `text` is a sentence file (it starts with the `+++` fence).
pub fn is_sentence_file(text: &str) -> bool {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == FENCE)
}

/// Reads a sentence file. It is read as it is: nothing is re-segmented or
/// re-normalized, except that control characters and bidi controls are
/// stripped from every line and metadata value ([`controls::strip`]).
pub fn read_sentence_file(text: &str) -> Result<Statement, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Err(ParseError {
            line: 1,
            message: format!(
                "a sentence file starts with a `{FENCE}` line; add a source text to a store with `communique import`, not by hand"
            ),
        });
    }
    let mut front = String::new();
    let mut closed = false;
    for line in lines.by_ref() {
        if line.trim_end() == FENCE {
            closed = true;
            break;
        }
        front.push_str(line);
        front.push('\n');
    }
    if !closed {
        return Err(ParseError {
            line: 1,
            message: format!("the front matter is never closed; add a `{FENCE}` line after it"),
        });
    }
    let mut meta: Meta = toml::from_str(&front).map_err(|e| ParseError {
        // +1 for the opening fence line.
        line: e
            .span()
            .map_or(1, |s| front[..s.start].matches('\n').count() + 2),
        message: format!(
            "front matter: {}; fix the TOML between the `{FENCE}` lines",
            e.message().trim_end()
        ),
    })?;
    meta.strip_controls();

    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    let mut count = 0;
    // The fence lines and the front matter come before the first sentence.
    let first_line = 3 + front.matches('\n').count();
    for (n, line) in lines.enumerate() {
        let line = controls::strip(line);
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(Paragraph {
                    sentences: std::mem::take(&mut current),
                });
            }
            continue;
        }
        count += 1;
        if count > MAX_STATEMENT_SENTENCES {
            return Err(ParseError {
                line: first_line + n,
                message: super::too_many_sentences(),
            });
        }
        current.push(parse_line(&line));
    }
    if !current.is_empty() {
        paragraphs.push(Paragraph { sentences: current });
    }
    Ok(Statement { meta, paragraphs })
}

/// Why stored bytes do not read as a statement: a sentence file committed
/// by plain git can be anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The bytes start with a UTF-16 byte-order mark.
    #[error("UTF-16 text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")]
    Utf16,
    /// The bytes are not valid UTF-8.
    #[error("not UTF-8 at byte {offset}; convert it to UTF-8 (e.g. iconv -t UTF-8)")]
    NotUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The text is not a sentence file.
    #[error("{0}")]
    Parse(ParseError),
    /// The sentence file holds no sentence, which no statement is.
    #[error("no sentences found; a statement has at least one")]
    NoSentences,
}

/// Reads the bytes of a sentence file (a blob of the store, a file of its
/// working tree): UTF-8, then [`read_sentence_file`]. Nothing else is
/// detected or converted; other formats are the importer's.
pub fn read_sentence_bytes(bytes: &[u8]) -> Result<Statement, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let statement = read_sentence_file(text).map_err(ReadError::Parse)?;
    if statement.sentence_count() == 0 {
        return Err(ReadError::NoSentences);
    }
    Ok(statement)
}

fn parse_line(line: &str) -> Sentence {
    let line = line.trim();
    match line.strip_prefix(HEADING) {
        Some(heading) => Sentence {
            heading: true,
            ..parse_sentence(heading.trim())
        },
        None => parse_sentence(line),
    }
}

/// A line's sentence after any heading mark: escaped, or label and text.
fn parse_sentence(line: &str) -> Sentence {
    if let Some(escaped) = line.strip_prefix('\\') {
        // Trimmed like any other line: the writer trims what it escapes, so
        // "\ x" and "\x" are one sentence (found by fuzzing).
        return Sentence {
            label: None,
            text: escaped.trim_start().to_owned(),
            heading: false,
        };
    }
    Sentence::from_segment(line)
}

/// Writes `statement` as a sentence file. Reading the result back with
/// [`read_sentence_file`] gives the same statement.
pub fn write_sentence_file(statement: &Statement) -> String {
    let mut out = String::new();
    out.push_str(FENCE);
    out.push('\n');
    // Meta holds only strings and TOML tables, which always serialize.
    let mut meta = Cow::Borrowed(&statement.meta);
    if meta.has_controls() {
        meta.to_mut().strip_controls();
    }
    out.push_str(&toml::to_string(&*meta).unwrap_or_default());
    out.push_str(FENCE);
    out.push('\n');
    for paragraph in &statement.paragraphs {
        out.push('\n');
        for sentence in &paragraph.sentences {
            write_line(&mut out, sentence);
            out.push('\n');
        }
    }
    out
}

fn write_line(out: &mut String, sentence: &Sentence) {
    // What the reader would make of it: a line break in a sentence would
    // cut it in two.
    let text = controls::strip(&sentence.text);
    let text = text.trim();
    if sentence.heading {
        out.push_str(HEADING);
    }
    match &sentence.label {
        Some(label) => {
            out.push_str(&controls::strip(label));
            out.push(' ');
        }
        None => {
            // An empty sentence is written as a lone `\`: an empty line
            // would end the paragraph (found by fuzzing).
            let needs_escape = text.is_empty()
                || text.starts_with('\\')
                || split_label(text).0.is_some()
                || text.starts_with(HEADING)
                || text == FENCE;
            if needs_escape {
                out.push('\\');
            }
        }
    }
    out.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "+++\ntitle = \"T\"\ndate = \"2021-03-30\"\n+++\n\nOne.\nTwo.\n\n1. Three.\n";

    #[test]
    fn round_trip_bytes() {
        let st = read_sentence_file(SAMPLE).unwrap();
        assert_eq!(st.paragraphs.len(), 2);
        assert_eq!(st.paragraphs[1].sentences[0].label.as_deref(), Some("1."));
        assert_eq!(st.paragraphs[1].sentences[0].text, "Three.");
        assert_eq!(write_sentence_file(&st), SAMPLE);
    }

    /// Stored bytes read as a sentence file or not at all: no format is
    /// guessed, and each refusal says why.
    #[test]
    fn bytes_read_as_a_sentence_file_only() {
        let read = read_sentence_bytes(SAMPLE.as_bytes()).unwrap();
        assert_eq!(read, read_sentence_file(SAMPLE).unwrap());
        assert_eq!(
            read_sentence_bytes(b"\xff\xfe+\0+\0+\0"),
            Err(ReadError::Utf16)
        );
        assert_eq!(
            read_sentence_bytes(b"+++\n+++\nOne \xe9.\n"),
            Err(ReadError::NotUtf8 { offset: 12 })
        );
        assert!(matches!(
            read_sentence_bytes(b"Plain text, no front matter."),
            Err(ReadError::Parse(ParseError { line: 1, .. }))
        ));
        assert_eq!(
            read_sentence_bytes(b"+++\n+++\n\n"),
            Err(ReadError::NoSentences)
        );
    }

    #[test]
    fn escapes_text_that_looks_like_a_label() {
        let st = Statement {
            meta: Meta::default(),
            paragraphs: vec![Paragraph {
                sentences: vec![
                    Sentence::from_segment("x"),
                    Sentence {
                        text: "1. Not a label".into(),
                        ..Sentence::default()
                    },
                    Sentence {
                        text: "\\back".into(),
                        ..Sentence::default()
                    },
                    Sentence {
                        text: "+++".into(),
                        ..Sentence::default()
                    },
                    Sentence {
                        text: "# Not a heading".into(),
                        ..Sentence::default()
                    },
                ],
            }],
        };
        let written = write_sentence_file(&st);
        assert!(written.contains("\n\\1. Not a label\n"));
        assert!(written.contains("\n\\# Not a heading\n"));
        assert_eq!(read_sentence_file(&written).unwrap(), st);
    }

    /// A heading is a `# ` line; its section number is its label, and
    /// whatever would read otherwise is escaped after the mark.
    #[test]
    fn headings_round_trip() {
        let text = "+++\n+++\n\n# Maritime Security\n\nWe act.\n\n# A. Indo-Pacific\n\n# II. Scope\n\n# \\1. Not a label\n\n# \\# Hash\n\n# \\\n\n#Not one\n";
        let st = read_sentence_file(text).unwrap();
        let lines: Vec<(bool, Option<&str>, &str)> = st
            .sentences()
            .map(|(_, s)| (s.heading, s.label.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (true, None, "Maritime Security"),
                (false, None, "We act."),
                (true, Some("A."), "Indo-Pacific"),
                // An upper-case Roman number is no label: it stays in the text.
                (true, None, "II. Scope"),
                (true, None, "1. Not a label"),
                (true, None, "# Hash"),
                (true, None, ""),
                (false, None, "#Not one"),
            ]
        );
        assert_eq!(write_sentence_file(&st), text);
        assert_eq!(st.headings().count(), 6);
    }

    #[test]
    fn controls_in_a_committed_file_are_stripped_and_never_written() {
        let text = "+++\ntitle = \"T\\u001b]0;PWNED\\u0007itle\\n2\"\n[extra]\n\"k\\u009b\" = [\"\\u202ev\"]\n+++\n\n\u{1b}]0;x\u{7}\n\u{1b}[2J1. One\u{202E}.\n";
        let st = read_sentence_file(text).expect("reads");
        assert_eq!(st.meta.title.as_deref(), Some("Title 2"));
        // U+009B is a CSI: it goes, with what it introduces.
        assert_eq!(st.meta.extra.to_string(), "k = [\"v\"]\n");
        // The line of only an escape is blank: one paragraph, one sentence.
        assert_eq!(st.paragraphs.len(), 1);
        assert_eq!(st.paragraphs[0].sentences[0].label.as_deref(), Some("1."));
        assert_eq!(st.paragraphs[0].sentences[0].text, "One.");
        // A statement built by hand with a line break in a sentence: the
        // writer keeps it on one line.
        let mut built = st.clone();
        built.paragraphs[0].sentences[0].text = "One\nTwo\u{1b}[2J.".into();
        let written = write_sentence_file(&built);
        assert!(written.ends_with("\n\n1. One Two.\n"), "{written:?}");
    }

    #[test]
    fn bad_front_matter_names_the_line() {
        let err = read_sentence_file("+++\ntitle = \"T\"\ntitel = \"x\"\n+++\nA.\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("titel"), "{err}");
        let err = read_sentence_file("+++\ntitle = \"T\"\n").unwrap_err();
        assert!(err.message.contains("never closed"));
    }
}
