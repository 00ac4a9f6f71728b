//! The one way in: bytes of a source document → [`Statement`].
//!
//! Every format goes the same road, so that a statement reads the same
//! whether it came as plain text, Markdown or a PDF:
//!
//! ```text
//! bytes ─► format extractor ─► Extracted { meta, blocks }
//!                                   │ normalize::paragraphs
//!                                   ▼
//!                              paragraphs ─► segment::split ─► Statement
//! ```
//!
//! A format is one file here with one job: find the body's blocks (the
//! paragraphs as the source shows them) and whatever metadata the source
//! carries, and return them as [`Extracted`]. Adding one is a variant of
//! [`Format`], a file, and an arm in `extract`. Sentence files are the
//! exception: they are already a statement and are read as they are.

mod text;

use std::path::Path;

use crate::normalize;
use crate::segment;
use crate::statement::{self, Meta, Paragraph, Sentence, Statement};

pub use text::extract as extract_text;

/// A source format the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines, optionally the
    /// press-release shape (title, URL, "Begin Text" … "Text Ends").
    Text,
    /// A sentence file (`+++` front matter, one sentence per line), read as
    /// it is, never re-segmented.
    Sentences,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: &[Format] = &[Format::Text, Format::Sentences];

    /// The name users give on the command line (`text`, `sentences`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Sentences => "sentences",
        }
    }

    /// The format a user named, ignoring case; also accepts the usual file
    /// extension (`txt`). `None` for a name no format answers to.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "sentences" | "sentence-file" | "sentence" => Some(Format::Sentences),
            _ => None,
        }
    }

    /// The format a file's extension suggests, or `None` when it suggests
    /// none. Sentence files share `.txt` with plain text; [`import`] tells
    /// them apart by their `+++` first line.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format of `bytes` judged from their content: a sentence file when
    /// they open with the `+++` fence, plain text otherwise.
    pub fn detect(bytes: &[u8]) -> Format {
        match std::str::from_utf8(bytes) {
            Ok(text) if statement::file::is_sentence_file(text) => Format::Sentences,
            _ => Format::Text,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a format's extractor finds in a source: its metadata and the blocks
/// of its body, in order. A block is one paragraph as the source shows it; it
/// may still hold line breaks, odd spaces and a sentence cut by a page break,
/// which [`normalize::paragraphs`] deals with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// Title, source URL and whatever else the source says about itself.
    pub meta: Meta,
    /// The body's blocks, furniture (headers, markers) already left out.
    pub blocks: Vec<String>,
}

impl Extracted {
    /// Normalizes and segments the blocks into a statement. Paragraphs with
    /// no sentences are left out; the result may have none at all.
    pub fn into_statement(self) -> Statement {
        let paragraphs = normalize::paragraphs(&self.blocks)
            .iter()
            .map(|p| Paragraph {
                sentences: segment::split(p)
                    .into_iter()
                    .map(Sentence::from_segment)
                    // An empty line would end the paragraph in a sentence file.
                    .filter(|s| !s.text.is_empty())
                    .collect(),
            })
            .filter(|p| !p.sentences.is_empty())
            .collect();
        Statement {
            meta: self.meta,
            paragraphs,
        }
    }
}

/// Why a source could not be imported. Each message names the file and says
/// what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file has no bytes at all.
    #[error("{origin}: empty file; give a file with the statement's text")]
    Empty {
        /// The file or other origin of the bytes.
        origin: String,
    },
    /// The file holds a NUL byte, which no text statement has.
    #[error("{origin}: looks binary (NUL byte at {offset}); give a text statement")]
    Binary {
        /// The file or other origin of the bytes.
        origin: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file is mostly control characters.
    #[error(
        "{origin}: looks binary (mostly control characters, the first at byte {offset}); give a text statement"
    )]
    ControlCharacters {
        /// The file or other origin of the bytes.
        origin: String,
        /// Byte offset of the first control character.
        offset: usize,
    },
    /// The file starts with a UTF-16 byte-order mark.
    #[error("{origin}: UTF-16 text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")]
    Utf16 {
        /// The file or other origin of the bytes.
        origin: String,
    },
    /// The file is not valid UTF-8.
    #[error("{origin}: not UTF-8 at byte {offset}; convert it to UTF-8 (e.g. iconv -t UTF-8)")]
    NotUtf8 {
        /// The file or other origin of the bytes.
        origin: String,
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The file has text, but no sentence in its body.
    #[error(
        "{origin}: no sentences found; give a file with the statement's text (between \"Begin Text\" and \"Text Ends\" if it has those lines)"
    )]
    NoSentences {
        /// The file or other origin of the bytes.
        origin: String,
    },
    /// The file is a sentence file that could not be read.
    #[error("{origin}:{line}: {message}")]
    SentenceFile {
        /// The file or other origin of the bytes.
        origin: String,
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong there, and what to do about it.
        message: String,
    },
}

/// Imports one source document as a statement.
///
/// `format` is the format the caller knows (from a flag or
/// [`Format::from_path`]); `None` detects it from the content. Text that
/// starts with `+++` front matter is read as a sentence file whatever
/// `format` says, as it is: no re-normalizing, no re-segmenting. Anything
/// else is extracted by its format, normalized ([`normalize::paragraphs`])
/// and segmented ([`segment::split`]).
///
/// `origin` names the source in error messages (a path, `-` for stdin).
pub fn import(
    bytes: &[u8],
    format: Option<Format>,
    origin: &str,
) -> Result<Statement, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            origin: origin.to_owned(),
        });
    }
    let format = format.unwrap_or_else(|| Format::detect(bytes));
    let statement = match format {
        Format::Text | Format::Sentences => {
            let text = decode_text(bytes, origin)?;
            if format == Format::Sentences || statement::file::is_sentence_file(text) {
                read_sentences(text, origin)?
            } else {
                extract_text(text).into_statement()
            }
        }
    };
    if statement.sentence_count() == 0 {
        return Err(ImportError::NoSentences {
            origin: origin.to_owned(),
        });
    }
    Ok(statement)
}

fn read_sentences(text: &str, origin: &str) -> Result<Statement, ImportError> {
    statement::read_sentence_file(text).map_err(|e| ImportError::SentenceFile {
        origin: origin.to_owned(),
        line: e.line,
        message: e.message,
    })
}

/// How much of the start of a file the control-character test looks at.
const SNIFF_LEN: usize = 8192;

/// Checks that `bytes` are text and returns them as UTF-8. Text formats
/// (plain text, Markdown, HTML, sentence files) start with this; binary
/// formats (docx, PDF) have their own checks.
fn decode_text<'a>(bytes: &'a [u8], origin: &str) -> Result<&'a str, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16 {
            origin: origin.to_owned(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary {
            origin: origin.to_owned(),
            offset,
        });
    }
    let sniff = &bytes[..bytes.len().min(SNIFF_LEN)];
    let is_control =
        |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c')) || *b == 0x7f;
    let controls = sniff.iter().filter(|b| is_control(b)).count();
    // Text has a stray control character now and then; a third of them is
    // an executable, an image or a compressed file.
    if controls * 3 > sniff.len() {
        return Err(ImportError::ControlCharacters {
            origin: origin.to_owned(),
            offset: sniff.iter().position(is_control).unwrap_or(0),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        origin: origin.to_owned(),
        offset: e.valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> ImportError {
        import(bytes, None, "drafts/x.txt").unwrap_err()
    }

    #[test]
    fn empty_file() {
        let e = err(b"");
        assert_eq!(
            e,
            ImportError::Empty {
                origin: "drafts/x.txt".into()
            }
        );
        assert!(e.to_string().starts_with("drafts/x.txt: empty file"), "{e}");
    }

    #[test]
    fn binary_file() {
        let e = err(b"%PDF-1.7\n\x00\x01\x02 stream");
        assert_eq!(
            e,
            ImportError::Binary {
                origin: "drafts/x.txt".into(),
                offset: 9
            }
        );
        assert_eq!(
            e.to_string(),
            "drafts/x.txt: looks binary (NUL byte at 9); give a text statement"
        );
        let e = err(b"\x01\x02\x03\x04ab\x05\x06\x07\x08");
        assert!(
            matches!(e, ImportError::ControlCharacters { offset: 0, .. }),
            "{e}"
        );
        // One stray control character does not make text binary.
        let st = import(b"The Ministers met.\x07 They agreed.", None, "x").unwrap();
        assert_eq!(st.sentence_count(), 2);
    }

    #[test]
    fn utf16_file() {
        let e = err(b"\xFF\xFEA\x00.\x00");
        assert!(matches!(e, ImportError::Utf16 { .. }), "{e}");
        assert!(e.to_string().contains("iconv -f UTF-16"), "{e}");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        // "Wilmès" in Latin-1: the è is 0xE8 at byte 11.
        let e = err(b"Sophie Wilm\xe8s met.");
        assert_eq!(
            e,
            ImportError::NotUtf8 {
                origin: "drafts/x.txt".into(),
                offset: 11
            }
        );
        assert_eq!(
            e.to_string(),
            "drafts/x.txt: not UTF-8 at byte 11; convert it to UTF-8 (e.g. iconv -t UTF-8)"
        );
    }

    #[test]
    fn no_sentences() {
        for input in [
            &b" \n\n\t\n"[..],
            b"\xEF\xBB\xBF",
            b"\xE2\x80\x8B\n\n\xC2\xA0",
            b"Begin Text\n\nText Ends\n",
            b"Title\n\nBEGIN TEXT:\n\n\nEnd Text\n\nfooter",
            b"+++\ntitle = \"T\"\n+++\n\n",
        ] {
            let e = err(input);
            assert_eq!(
                e,
                ImportError::NoSentences {
                    origin: "drafts/x.txt".into()
                },
                "{input:?}"
            );
        }
    }

    #[test]
    fn sentence_file_is_read_as_it_is() {
        let text = "+++\ntitle = \"T\"\n+++\n\nOne sentence.  Still one\nTwo.\n\n1. Three.\n";
        let st = import(text.as_bytes(), None, "x").unwrap();
        assert_eq!(st.meta.title.as_deref(), Some("T"));
        let texts: Vec<&str> = st.sentences().map(|(_, s)| s.text.as_str()).collect();
        assert_eq!(texts, ["One sentence.  Still one", "Two.", "Three."]);
        // Even when the caller says it is plain text.
        assert_eq!(
            import(text.as_bytes(), Some(Format::Text), "x").unwrap(),
            st
        );
    }

    #[test]
    fn sentence_file_errors_name_file_and_line() {
        let e = err(b"+++\ntitle = \"T\"\ntitel = \"x\"\n+++\nA.\n");
        let ImportError::SentenceFile { origin, line, .. } = &e else {
            panic!("{e:?}");
        };
        assert_eq!((origin.as_str(), *line), ("drafts/x.txt", 3));
        assert!(e.to_string().starts_with("drafts/x.txt:3: "), "{e}");
        assert!(e.to_string().contains("titel"), "{e}");
        let e = import(b"Plain text.", Some(Format::Sentences), "y").unwrap_err();
        assert!(e.to_string().starts_with("y:1: "), "{e}");
    }

    #[test]
    fn plain_text_is_normalized_and_segmented() {
        let st = import(
            "The\u{A0}Ministers met. They\nagreed.\n\nThe\n\nCoalition will act.\n".as_bytes(),
            None,
            "x",
        )
        .unwrap();
        assert_eq!(st.paragraphs.len(), 2);
        let p1 = &st.paragraphs[0].sentences;
        assert_eq!(
            p1,
            &[
                Sentence::from_segment("The Ministers met."),
                Sentence::from_segment("They agreed.")
            ]
        );
        assert_eq!(
            st.paragraphs[1].sentences[0].text,
            "The Coalition will act."
        );
    }

    #[test]
    fn formats_by_name_and_path() {
        assert_eq!(Format::from_name("TXT"), Some(Format::Text));
        assert_eq!(Format::from_name("sentences"), Some(Format::Sentences));
        assert_eq!(Format::from_name("docx"), None);
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a/b")), None);
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(*f));
        }
        assert_eq!(Format::detect(b"+++\n"), Format::Sentences);
        assert_eq!(Format::detect(b"Text"), Format::Text);
    }
}
