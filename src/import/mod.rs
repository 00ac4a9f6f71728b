//! The one way in: bytes of a source document → [`Statement`].
//!
//! Every format goes the same road, so that a statement reads the same
//! whether it came as plain text, Markdown, a web page, a Word draft or a PDF:
//!
//! ```text
//! bytes ─► format extractor ─► Extracted { meta, blocks, headings }
//!                                   │ normalize::paragraphs (never across a heading)
//!                                   ▼
//!                              paragraphs ─► segment::headings ─► segment::split ─► Statement
//! ```
//!
//! A format is one file here with one job: find the body's blocks (the
//! paragraphs as the source shows them) and whatever metadata the source
//! carries, and return them as [`Extracted`]. Adding one is a variant of
//! [`Format`], a file, and an arm in [`import`]. Sentence files are the
//! exception: they are already a statement and are read as they are.

mod docx;
mod html;
mod markdown;
mod nesting;
mod pdf;

pub use pdf::{DEFAULT_TIMEOUT as PDF_DEFAULT_TIMEOUT, set_timeout as set_pdf_timeout};
mod text;

use std::path::Path;

use crate::normalize;
use crate::segment;
use crate::statement::file::ReadError;
use crate::statement::{self, Meta, Paragraph, Sentence, Statement};

pub use pdf::extract_layout as extract_pdf_layout;
pub use text::dropped as text_furniture_dropped;
pub use text::extract as extract_text;

/// A source format the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines, optionally the
    /// press-release shape (title, URL, "Begin Text" … "Text Ends").
    Text,
    /// A sentence file (`+++` front matter, one sentence per line), read as
    /// it is, never re-segmented.
    Sentences,
    /// Markdown (CommonMark), with optional YAML (`---`) or TOML (`+++`)
    /// front matter.
    Markdown,
    /// An HTML page; only its main content is read.
    Html,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A PDF with a text layer, read through poppler's `pdftotext`.
    Pdf,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: &[Format] = &[
        Format::Text,
        Format::Sentences,
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Pdf,
    ];

    /// The name users give on the command line (`text`, `sentences`, `md`,
    /// `html`, `docx`, `pdf`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Sentences => "sentences",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format a user named, ignoring case; also accepts the usual file
    /// extensions (`txt`, `markdown`, `htm`). `None` for a name no format
    /// answers to.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "sentences" | "sentence-file" | "sentence" => Some(Format::Sentences),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" | "word" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
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
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format of `bytes` judged from their content alone: a PDF when
    /// they open with `%PDF`, a .docx when they are a zip archive, HTML when
    /// they open with `<!doctype html` or `<html`, a
    /// sentence file when they open with the `+++` fence, Markdown when they
    /// open with `---` YAML front matter, plain text otherwise.
    pub fn detect(bytes: &[u8]) -> Format {
        if let Some(format) = Format::signature(bytes) {
            return format;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let lower = head
            .get(..head.len().min(64))
            .unwrap_or("")
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return Format::Html;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) if statement::file::is_sentence_file(text) => Format::Sentences,
            Ok(text) if markdown::has_yaml_front_matter(text) => Format::Markdown,
            _ => Format::Text,
        }
    }

    /// The format of a file at `path` holding `bytes`: what the content
    /// proves by its signature (`%PDF`, a zip archive) wins over the
    /// extension, the extension wins over what the text looks like.
    pub fn guess(path: &Path, bytes: &[u8]) -> Format {
        Format::signature(bytes)
            .or_else(|| Format::from_path(path))
            .unwrap_or_else(|| Format::detect(bytes))
    }

    /// A format the first bytes prove: `%PDF` (a PDF may have a little junk
    /// before it) or the zip signature of a .docx.
    fn signature(bytes: &[u8]) -> Option<Format> {
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            Some(Format::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(Format::Docx)
        } else {
            None
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
    /// Which blocks the source marks as section headings (a Markdown `#`
    /// line, an HTML `<h2>`, a Word heading style), by index into
    /// `blocks`, ascending. Plain text marks none: its headings are read
    /// from their shape ([`segment::headings`]).
    pub headings: Vec<usize>,
}

impl Extracted {
    /// Normalizes and segments the blocks into a statement, each section
    /// heading ([`segment::headings`]) a paragraph of its own. Paragraphs
    /// with no sentences are left out; the result may have none at all.
    pub fn into_statement(self) -> Statement {
        self.into_statement_of_at_most(usize::MAX).0
    }

    /// [`into_statement`](Extracted::into_statement), stopping as soon as
    /// it has found more than `most` sentences, so that a hostile text is
    /// refused before the whole of it is held as sentences: the statement
    /// (all of it, or the paragraphs read so far), and whether it stopped.
    fn into_statement_of_at_most(self, most: usize) -> (Statement, bool) {
        // A marked heading is never joined with its neighbours: the blocks
        // between two of them are normalized as one run.
        let mut texts: Vec<String> = Vec::with_capacity(self.blocks.len());
        let mut marked: Vec<bool> = Vec::with_capacity(self.blocks.len());
        let mut run_start = 0;
        let flush = |run: &[String], texts: &mut Vec<String>, marked: &mut Vec<bool>| {
            for p in normalize::paragraphs(run) {
                texts.push(p);
                marked.push(false);
            }
        };
        for &h in self.headings.iter().filter(|&&h| h < self.blocks.len()) {
            if h < run_start {
                continue;
            }
            flush(&self.blocks[run_start..h], &mut texts, &mut marked);
            let heading = normalize::paragraph(&self.blocks[h]);
            if !heading.is_empty() {
                texts.push(heading);
                marked.push(true);
            }
            run_start = h + 1;
        }
        flush(&self.blocks[run_start..], &mut texts, &mut marked);
        let headings = segment::headings(&texts, &marked);
        let mut paragraphs = Vec::new();
        let mut count = 0;
        let mut over = false;
        for (p, heading) in texts.iter().zip(headings) {
            let segments = if heading {
                vec![p.as_str()]
            } else {
                segment::split(p)
            };
            // One paragraph may be the whole text: at most one sentence past
            // the room left is built, whatever its length.
            let room = most - count;
            let sentences: Vec<Sentence> = segments
                .into_iter()
                .map(if heading {
                    Sentence::heading
                } else {
                    Sentence::from_segment
                })
                // An empty line would end the paragraph in a sentence file.
                .filter(|s| !s.text.is_empty())
                .take(room.saturating_add(1))
                .collect();
            if sentences.len() > room {
                over = true;
                break;
            }
            count += sentences.len();
            if !sentences.is_empty() {
                paragraphs.push(Paragraph { sentences });
            }
        }
        let mut meta = self.meta;
        meta.strip_controls();
        (Statement { meta, paragraphs }, over)
    }
}

/// Why a source could not be imported. Each message names the file and says
/// what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    #[error("{origin}: {}", ReadError::Utf16)]
    Utf16 {
        /// The file or other origin of the bytes.
        origin: String,
    },
    /// The file is not valid UTF-8.
    #[error("{origin}: {}", ReadError::NotUtf8 { offset: *offset })]
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
    /// The file is in a format the importer does not read (an old Word
    /// `.doc`, RTF, …).
    #[error("{origin}: {what}, which communique does not read; {hint}")]
    Unsupported {
        /// The file or other origin of the bytes.
        origin: String,
        /// What the file looks like.
        what: String,
        /// What to do instead.
        hint: String,
    },
    /// The file claims a format (by its extension, its content or
    /// `--from`) but is broken or is not that format after all.
    #[error("{origin}: {message}")]
    Malformed {
        /// The file or other origin of the bytes.
        origin: String,
        /// The format it was read as.
        format: Format,
        /// What is wrong, and what to do about it.
        message: String,
    },
    /// The file was read, but holds no statement text: an HTML page of
    /// scripts only, a document of empty paragraphs.
    #[error("{origin}: no statement text found in this {format} file; {hint}")]
    NoText {
        /// The file or other origin of the bytes.
        origin: String,
        /// The format it was read as.
        format: Format,
        /// What to check.
        hint: &'static str,
    },
    /// A PDF without a text layer: scanned pages, images of text.
    #[error(
        "{origin}: the PDF has no text layer (scanned pages?); it needs OCR first, e.g. `ocrmypdf --sidecar out.txt {origin} /dev/null`, then import the text"
    )]
    NeedsOcr {
        /// The file or other origin of the bytes.
        origin: String,
    },
    /// A program the format needs is not installed.
    #[error(
        "{origin}: reading {format} files needs {program}, which is not installed; install {package} (e.g. apt-get install {package})"
    )]
    MissingTool {
        /// The file or other origin of the bytes.
        origin: String,
        /// The format being read.
        format: Format,
        /// The program that is missing.
        program: &'static str,
        /// The package that provides it.
        package: &'static str,
    },
    /// The file could not be read.
    #[error("{origin}: {error}; check the path and its permissions")]
    Read {
        /// The file.
        origin: String,
        /// Why reading it failed.
        error: String,
    },
    /// The file holds more sentences than any statement may
    /// ([`MAX_STATEMENT_SENTENCES`](crate::statement::MAX_STATEMENT_SENTENCES)).
    #[error("{origin}: {}", crate::statement::too_many_sentences())]
    TooManySentences {
        /// The file.
        origin: String,
    },
    /// The file is larger than any statement may be.
    #[error("{origin}: larger than {} MiB, more than any statement; give the statement's own file", crate::statement::MAX_STATEMENT_BYTES >> 20)]
    TooLarge {
        /// The file.
        origin: String,
    },
}

impl Statement {
    /// Reads and imports the statement at `path`: its format from the first
    /// bytes or the file name ([`Format::guess`]), at most
    /// [`MAX_STATEMENT_BYTES`](crate::statement::MAX_STATEMENT_BYTES) read.
    ///
    /// ```
    /// use communique::Statement;
    ///
    /// let path = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";
    /// let seed = Statement::from_path(path.as_ref())?;
    /// assert_eq!(seed.meta.date.as_deref(), Some("2021-03-30"));
    /// # Ok::<(), communique::import::ImportError>(())
    /// ```
    pub fn from_path(path: &Path) -> Result<Statement, ImportError> {
        use std::io::Read;
        let origin = path.display().to_string();
        let failed = |e: std::io::Error| ImportError::Read {
            origin: origin.clone(),
            error: e.to_string(),
        };
        let limit = crate::statement::MAX_STATEMENT_BYTES;
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(failed)?;
        if bytes.len() as u64 > limit {
            return Err(ImportError::TooLarge { origin });
        }
        import(&bytes, Some(Format::guess(path, &bytes)), &origin)
    }

    /// Imports a statement from `bytes` of `format` (`None`: detected from
    /// the content); `origin` names them in errors. The same as [`import`].
    ///
    /// ```
    /// use communique::Statement;
    ///
    /// let st = Statement::from_bytes(b"1. The Ministers met. They agreed.", None, "draft")?;
    /// assert_eq!(st.sentence_count(), 2);
    /// # Ok::<(), communique::import::ImportError>(())
    /// ```
    pub fn from_bytes(
        bytes: &[u8],
        format: Option<Format>,
        origin: &str,
    ) -> Result<Statement, ImportError> {
        import(bytes, format, origin)
    }
}

/// Imports one source document as a statement.
///
/// `format` is the format the caller knows (from a flag, or from
/// [`Format::guess`] on the file's path); `None` detects it from the
/// content ([`Format::detect`]). Text that starts with `+++` front matter
/// is read as a sentence file, as it is (no re-normalizing, no
/// re-segmenting), unless `format` says Markdown. Anything else is extracted
/// by its format, normalized ([`normalize::paragraphs`]) and segmented
/// ([`segment::split`]).
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
    if format.is_none_or(|f| f == Format::Text) {
        refuse_unsupported(bytes, origin)?;
    }
    let format = format.unwrap_or_else(|| Format::detect(bytes));
    let extracted = match format {
        Format::Text | Format::Sentences => {
            let text = decode_text(bytes, origin)?;
            if format == Format::Sentences || statement::file::is_sentence_file(text) {
                return nonempty(read_sentences(text, origin)?, origin);
            }
            extract_text(text)
        }
        Format::Markdown => markdown::extract(decode_text(bytes, origin)?, origin)?,
        Format::Html => html::extract(decode_text(bytes, origin)?),
        Format::Docx => docx::extract(bytes, origin)?,
        Format::Pdf => pdf::extract(bytes, origin)?,
    };
    let (statement, over) = extracted.into_statement_of_at_most(statement::MAX_STATEMENT_SENTENCES);
    if over {
        return Err(ImportError::TooManySentences {
            origin: origin.to_owned(),
        });
    }
    if statement.sentence_count() == 0 && format != Format::Text {
        return Err(ImportError::NoText {
            origin: origin.to_owned(),
            format,
            hint: match format {
                Format::Html => {
                    "the page may build its text with scripts; save the page as the browser shows it, or copy its text"
                }
                Format::Pdf => "the PDF may be images of text, which need OCR",
                _ => "check that it is the statement",
            },
        });
    }
    nonempty(statement, origin)
}

fn nonempty(statement: Statement, origin: &str) -> Result<Statement, ImportError> {
    if statement.sentence_count() == 0 {
        return Err(ImportError::NoSentences {
            origin: origin.to_owned(),
        });
    }
    Ok(statement)
}

/// Refuses, with a hint, the document formats people send that are no
/// format here.
fn refuse_unsupported(bytes: &[u8], origin: &str) -> Result<(), ImportError> {
    let (what, hint) = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        (
            "an old-style Office file (Word .doc?)",
            "save it as .docx (Word: File > Save As > Word Document) and import that",
        )
    } else if bytes.starts_with(b"{\\rtf") {
        (
            "an RTF document",
            "save it as .docx or plain text and import that",
        )
    } else {
        return Ok(());
    };
    Err(ImportError::Unsupported {
        origin: origin.to_owned(),
        what: what.to_owned(),
        hint: hint.to_owned(),
    })
}

fn read_sentences(text: &str, origin: &str) -> Result<Statement, ImportError> {
    statement::read_sentence_file(text).map_err(|e| ImportError::SentenceFile {
        origin: origin.to_owned(),
        line: e.line,
        message: e.message,
    })
}

/// A [`ImportError::Malformed`] for `format`.
fn malformed(origin: &str, format: Format, message: impl Into<String>) -> ImportError {
    ImportError::Malformed {
        origin: origin.to_owned(),
        format,
        message: message.into(),
    }
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
    if let Some(offset) = memchr::memchr(0, bytes) {
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

/// `1` → `a`, `26` → `z`, `27` → `aa`.
fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `4` → `iv`; 0 and numbers past 3999 stay decimal.
fn roman(mut n: u64) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: &[(u64, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> ImportError {
        import(bytes, None, "drafts/x.txt").unwrap_err()
    }

    #[test]
    fn from_path_reads_at_most_a_statement() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.txt");
        let file = std::fs::File::create(&path).expect("file");
        file.set_len(crate::statement::MAX_STATEMENT_BYTES + 1)
            .expect("sparse");
        let e = Statement::from_path(&path).expect_err("too large");
        assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");
        assert!(e.to_string().contains("larger than 64 MiB"), "{e}");
        let missing = dir.path().join("missing.txt");
        let e = Statement::from_path(&missing).expect_err("missing");
        assert!(matches!(e, ImportError::Read { .. }), "{e}");
        assert!(e.to_string().contains("check the path"), "{e}");
        // At the limit, it is read (and imported as what it is).
        file.set_len(crate::statement::MAX_STATEMENT_BYTES)
            .expect("sparse");
        let read = Statement::from_path(&path);
        assert!(
            !matches!(read, Err(ImportError::TooLarge { .. })),
            "{read:?}"
        );
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
        let e = err(b"GIF87a-1\n\x00\x01\x02 stream");
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
    fn a_statement_holds_at_most_its_ceiling_of_sentences_in_any_form() {
        use crate::statement::MAX_STATEMENT_SENTENCES as MOST;
        // Three sentences, paragraphs of five, and a last paragraph of
        // `last`: the ceiling falls inside that paragraph.
        let text = |last: usize| {
            let mut t = "Ab. Ab. Ab.\n\n".to_owned();
            t.push_str(&"Ab. Ab. Ab. Ab. Ab.\n\n".repeat((MOST - 5) / 5));
            t.push_str(&"Ab. ".repeat(last));
            t
        };
        let st = import(text(2).as_bytes(), Some(Format::Text), "x").unwrap();
        assert_eq!(st.sentence_count(), MOST);
        let e = import(text(3).as_bytes(), Some(Format::Text), "x").unwrap_err();
        assert_eq!(e, ImportError::TooManySentences { origin: "x".into() });
        assert!(
            e.to_string().starts_with("x: more than 250000 sentences"),
            "{e}"
        );
        let file = |n: usize| format!("+++\n+++\n{}", "Ab.\n".repeat(n));
        let st = import(file(MOST).as_bytes(), None, "y").unwrap();
        assert_eq!(st.sentence_count(), MOST);
        let e = import(file(MOST + 1).as_bytes(), None, "y").unwrap_err();
        // Two fence lines, then the sentence past the ceiling.
        assert!(e.to_string().starts_with("y:250003: more than"), "{e}");
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
    fn list_numbering() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(14), "xiv");
    }

    #[test]
    fn formats_by_name_and_path() {
        assert_eq!(Format::from_name("TXT"), Some(Format::Text));
        assert_eq!(Format::from_name("sentences"), Some(Format::Sentences));
        assert_eq!(Format::from_name("docx"), Some(Format::Docx));
        assert_eq!(Format::from_name("doc"), None);
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a/b")), None);
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(*f));
        }
        assert_eq!(Format::detect(b"+++\n"), Format::Sentences);
        assert_eq!(Format::detect(b"Text"), Format::Text);
    }
}
