//! Plain text: paragraphs separated by blank lines.
//!
//! Texts copied from a ministry's website often come in the press-release
//! shape: a title line, the page's URL, an introduction ("The following
//! statement was released by …:"), then the statement between `Begin Text`
//! and `Text Ends`. The title and URL are metadata, the rest is furniture that
//! no draft of the statement carries, so only what stands between the markers
//! is the body.
//!
//! Only that shape: a `Begin Text` after a few short blocks (at most
//! [`MAX_HEADER_BLOCKS`], none longer than [`MAX_FURNITURE_CHARS`]), and a
//! `Text Ends` followed by no more than a short footer. A marker anywhere
//! else is text like any other line, so a statement that happens to hold one
//! loses nothing; [`dropped`] says what the shape left out, for the caller
//! to report.

use super::Extracted;
use crate::normalize;
use crate::statement::Meta;

/// Extracts the body blocks (and, in the press-release shape, the title and
/// source URL) of a plain text.
pub fn extract(text: &str) -> Extracted {
    let shape = Shape::of(text);
    Extracted {
        meta: header_meta(&blocks(shape.header(text))),
        blocks: blocks(shape.body(text)),
        headings: Vec::new(),
    }
}

/// What the press-release shape leaves out of a plain text: the number of
/// non-blank lines dropped as furniture (the introduction, the footer after
/// `Text Ends`; not the title and URL, which become metadata, nor the
/// marker lines). `None` when nothing is dropped.
pub fn dropped(text: &str) -> Option<usize> {
    let shape = Shape::of(text);
    let header = blocks(shape.header(text));
    let meta = header_meta(&header);
    let kept = |block: &String| {
        let block = normalize::paragraph(block);
        meta.title.as_deref() == Some(block.as_str())
            || meta.source.as_deref() == Some(block.as_str())
    };
    let count = |blocks: &[String]| blocks.iter().map(|b| b.lines().count()).sum::<usize>();
    let intro: Vec<String> = header.into_iter().filter(|b| !kept(b)).collect();
    let lost = count(&intro) + count(&blocks(shape.footer(text)));
    (lost > 0).then_some(lost)
}

/// The most blocks before `Begin Text` that are still a header (title,
/// URL, introduction, dateline).
pub const MAX_HEADER_BLOCKS: usize = 4;

/// The longest block of header or footer furniture, in bytes; a longer one
/// is statement text, and the markers around it are text too.
pub const MAX_FURNITURE_CHARS: usize = 300;

/// The most blocks after `Text Ends` that are still a footer.
const MAX_FOOTER_BLOCKS: usize = 3;

/// One line of a text, as splitting it at `\n` gives it.
#[derive(Clone, Copy)]
struct Line<'a> {
    /// Byte offset where it starts.
    start: usize,
    /// Byte offset where it ends, before its `\n` (a `\r` included).
    raw_end: usize,
    /// Its text, without the `\r` of a CRLF line end.
    text: &'a str,
}

impl Line<'_> {
    /// Byte offset where the next line starts (the text's end for the last).
    fn next(&self, text: &str) -> usize {
        (self.raw_end + 1).min(text.len())
    }
}

/// The lines of `text`, split at `\n` (found with `memchr`: this runs over
/// the whole text).
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |raw_end| {
            let raw = &text[start..raw_end];
            let line = Line {
                start,
                raw_end,
                text: raw.strip_suffix('\r').unwrap_or(raw),
            };
            start = raw_end + 1;
            line
        })
}

/// Where a text's header, body and footer are, as the marker lines.
struct Shape<'a> {
    /// The `Begin Text` line, in the press-release shape.
    begin: Option<Line<'a>>,
    /// The `Text Ends` line, where it closes the body.
    end: Option<Line<'a>>,
}

impl<'a> Shape<'a> {
    /// The first `Begin Text` line, if the lines before it are furniture;
    /// then the first `Text Ends` line after it, if the lines after that
    /// are. Without a `Begin Text` near the top, only the top is read.
    fn of(text: &'a str) -> Shape<'a> {
        let mut header = Furniture::new(MAX_HEADER_BLOCKS);
        let mut all = lines(text);
        let mut begin = None;
        for line in all.by_ref() {
            // The lines before a marker only grow as it is looked for
            // further down: once they are no furniture, no later one counts.
            if !header.holds() {
                break;
            }
            if is_marker(line.text, BEGIN_MARKERS) {
                begin = Some(line);
                break;
            }
            header.push(line.text);
        }
        let end = begin.and_then(|_| all.find(|line| is_marker(line.text, END_MARKERS)));
        let end = end.filter(|line| {
            let mut footer = Furniture::new(MAX_FOOTER_BLOCKS);
            lines(&text[line.next(text)..]).all(|l| footer.push(l.text))
        });
        Shape { begin, end }
    }

    fn header(&self, text: &'a str) -> &'a str {
        &text[..self.begin.map_or(0, |line| line.start)]
    }

    fn body(&self, text: &'a str) -> &'a str {
        let from = self.begin.map_or(0, |line| line.next(text));
        &text[from..self.end.map_or(text.len(), |line| line.start)]
    }

    fn footer(&self, text: &'a str) -> &'a str {
        match self.end {
            Some(end) => &text[end.next(text)..],
            None => "",
        }
    }
}

/// The blocks [`blocks`] would make of lines, measured as the lines come,
/// to tell whether they are still press-release furniture: few and short.
struct Furniture {
    max_blocks: usize,
    blocks: usize,
    /// The length of the block being read, joined as [`blocks`] joins it.
    open: Option<usize>,
    too_long: bool,
}

impl Furniture {
    fn new(max_blocks: usize) -> Furniture {
        Furniture {
            max_blocks,
            blocks: 0,
            open: None,
            too_long: false,
        }
    }

    /// Adds a line; whether the lines so far are still furniture.
    fn push(&mut self, line: &str) -> bool {
        if normalize::is_blank(line) {
            self.open = None;
        } else {
            let len = match self.open {
                Some(len) => len + 1 + line.len(),
                None => {
                    self.blocks += 1;
                    line.len()
                }
            };
            self.too_long |= len > MAX_FURNITURE_CHARS;
            self.open = Some(len);
        }
        self.holds()
    }

    /// Whether the lines so far are furniture.
    fn holds(&self) -> bool {
        self.blocks <= self.max_blocks && !self.too_long
    }
}

/// Lines that open the statement, compared after [`marker_key`].
const BEGIN_MARKERS: &[&str] = &["begin text", "text begins", "start text"];

/// Lines that close it.
const END_MARKERS: &[&str] = &["text ends", "end text", "end of text"];

fn is_marker(line: &str, markers: &[&str]) -> bool {
    // Cheap tests first: a marker line is short, and has a `t` (nothing
    // else normalizes or lower-cases into one), which rules out the blank
    // lines between paragraphs.
    line.len() < 40
        && line.bytes().any(|b| b | 0x20 == b't')
        && markers.contains(&marker_key(line).as_str())
}

/// A line reduced to its lower-case words, so that "BEGIN TEXT:",
/// "Begin Text" and "--- begin text ---" compare equal.
fn marker_key(line: &str) -> String {
    normalize::paragraph(line)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Groups the lines of `text` into blocks at blank lines, keeping the line
/// breaks inside a block for the normalizer to judge.
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The current block's first and last line, and whether a line of it
    // lost a `\r`.
    let mut current: Option<(Line<'_>, Line<'_>, bool)> = None;
    for line in lines(text) {
        if normalize::is_blank(line.text) {
            if let Some(lines) = current.take() {
                out.push(block(text, lines));
            }
        } else {
            let crlf = line.text.len() < line.raw_end - line.start;
            current = Some(match current {
                Some((first, _, cr)) => (first, line, cr || crlf),
                None => (line, line, crlf),
            });
        }
    }
    if let Some(lines) = current {
        out.push(block(text, lines));
    }
    out
}

/// The block from line `first` to line `last` of `text`, its lines joined
/// by `\n`: a slice of the text, unless a line lost a `\r` (`crlf`).
fn block(text: &str, (first, last, crlf): (Line<'_>, Line<'_>, bool)) -> String {
    let raw = &text[first.start..last.raw_end];
    if crlf {
        raw.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        raw.to_owned()
    }
}

/// The title and source URL from the lines before `Begin Text`. The title is
/// the first block, unless that is a URL or an introduction (it ends with a
/// colon); the source is the first block that is a URL. Everything else there
/// (the introduction, a dateline) is dropped.
fn header_meta(blocks: &[String]) -> Meta {
    let blocks: Vec<String> = blocks.iter().map(|b| normalize::paragraph(b)).collect();
    let title = blocks
        .first()
        .filter(|b| !is_url(b) && !b.ends_with(':'))
        .cloned();
    let source = blocks.iter().find(|b| is_url(b)).cloned();
    Meta {
        title,
        source,
        ..Meta::default()
    }
}

/// Whether `text` is one URL: with a scheme, starting with `www.`, or a host
/// name with a dot followed by a path (`state.gov/joint-communique-…`).
fn is_url(text: &str) -> bool {
    if text.is_empty() || text.contains(' ') {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    let Some((host, _path)) = text.split_once('/') else {
        return false;
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_blocks() {
        let ex = extract("One\nline.\n\n\n  \nTwo.\r\n\r\nThree.");
        assert_eq!(ex.blocks, ["One\nline.", "Two.", "Three."]);
        assert_eq!(ex.meta, Meta::default());
    }

    #[test]
    fn press_release_shape() {
        let text = "Joint Statement on X\n\nhttps://example.gov/x\n\n\
                    The following statement was released:\n\n\
                    begin text:\n\nFirst.\n\nSecond.\n\nEnd Text.\n\nFooter line\n";
        let ex = extract(text);
        assert_eq!(ex.meta.title.as_deref(), Some("Joint Statement on X"));
        assert_eq!(ex.meta.source.as_deref(), Some("https://example.gov/x"));
        assert_eq!(ex.blocks, ["First.", "Second."]);
    }

    #[test]
    fn introduction_is_no_title() {
        let ex = extract("The following statement was released:\nBEGIN TEXT\nBody.\nTEXT ENDS");
        assert_eq!(ex.meta.title, None);
        assert_eq!(ex.meta.source, None);
        assert_eq!(ex.blocks, ["Body."]);
    }

    #[test]
    fn text_after_a_text_ends_line_in_a_statement_is_kept() {
        // No "Begin Text": the marker is a line of the statement.
        let ex =
            extract("First paragraph.\n\nText Ends\n\nThe operative paragraph that follows.\n");
        assert_eq!(ex.blocks.len(), 3, "{:?}", ex.blocks);
        assert_eq!(dropped("First.\n\nText Ends\n\nSecond.\n"), None);
        // The shape, but a long tail: it is text, not a footer.
        let tail = "More of the statement, which goes on. ".repeat(10);
        let text = format!("Title\n\nBegin Text\n\nBody.\n\nText Ends\n\n{tail}\n");
        let ex = extract(&text);
        assert_eq!(ex.blocks.len(), 3, "{:?}", ex.blocks);
    }

    #[test]
    fn a_begin_text_line_in_the_middle_keeps_what_is_before_it() {
        let before = "The Ministers met in Rome. They agreed on the text below. ".repeat(8);
        let text = format!("{before}\n\nBegin Text\n\nThe operative paragraph.\n");
        let ex = extract(&text);
        assert_eq!(ex.meta.title, None);
        assert_eq!(ex.blocks.len(), 3, "{:?}", ex.blocks);
        assert!(ex.blocks[0].starts_with("The Ministers met"));
        assert_eq!(dropped(&text), None);
    }

    #[test]
    fn what_the_shape_drops_is_counted() {
        let text = "Joint Statement on X\n\nhttps://example.gov/x\n\n\
                    The following statement was released:\n\n\
                    begin text:\n\nFirst.\n\nEnd Text.\n\nFooter line\nsecond line\n";
        assert_eq!(dropped(text), Some(3));
        assert_eq!(dropped("Title\n\nBegin Text\n\nBody.\n\nText Ends\n"), None);
    }

    #[test]
    fn markers_inside_sentences_are_text() {
        let ex = extract("We begin text negotiations today.\n\nThe text ends here, they said.");
        assert_eq!(ex.blocks.len(), 2);
    }

    /// The line-vector reading this module had before it read lines as
    /// they come: the shape must be found the same way.
    mod by_line_vectors {
        use super::super::{
            BEGIN_MARKERS, END_MARKERS, MAX_FOOTER_BLOCKS, MAX_FURNITURE_CHARS, MAX_HEADER_BLOCKS,
            is_marker,
        };
        use crate::normalize;

        pub fn split_lines(text: &str) -> Vec<&str> {
            text.split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect()
        }

        pub fn blocks(lines: &[&str]) -> Vec<String> {
            let mut out = Vec::new();
            let mut current: Vec<&str> = Vec::new();
            for line in lines {
                if normalize::is_blank(line) {
                    if !current.is_empty() {
                        out.push(current.join("\n"));
                        current.clear();
                    }
                } else {
                    current.push(line);
                }
            }
            if !current.is_empty() {
                out.push(current.join("\n"));
            }
            out
        }

        fn is_furniture(blocks: &[String], max_blocks: usize) -> bool {
            blocks.len() <= max_blocks && blocks.iter().all(|b| b.len() <= MAX_FURNITURE_CHARS)
        }

        /// Header, body and footer blocks.
        pub fn parts(text: &str) -> [Vec<String>; 3] {
            let lines = split_lines(text);
            let begin = lines
                .iter()
                .position(|l| is_marker(l, BEGIN_MARKERS))
                .filter(|&i| is_furniture(&blocks(&lines[..i]), MAX_HEADER_BLOCKS));
            let from = begin.map_or(0, |i| i + 1);
            let end = lines[from..]
                .iter()
                .position(|l| is_marker(l, END_MARKERS))
                .map(|i| from + i)
                .filter(|&i| {
                    begin.is_some() && is_furniture(&blocks(&lines[i + 1..]), MAX_FOOTER_BLOCKS)
                });
            let footer = end.map_or(&[][..], |e| &lines[e + 1..]);
            [
                blocks(&lines[..begin.unwrap_or(0)]),
                blocks(&lines[from..end.unwrap_or(lines.len())]),
                blocks(footer),
            ]
        }
    }

    proptest::proptest! {
        #[test]
        fn shape_is_found_as_line_vectors_find_it(
            picks in proptest::collection::vec(0usize..14, 0..24),
            crlf in proptest::bool::ANY,
        ) {
            let long = "A long paragraph of the statement. ".repeat(10);
            let pieces = [
                "Begin Text", "TEXT ENDS:", "", " \t", "\r", "Title", long.as_str(),
                "https://example.gov/x", "The following was released:", "line\r",
                "start text", "end of text", "Text\u{AD}", "Body.",
            ];
            let eol = if crlf { "\r\n" } else { "\n" };
            let text = picks.iter().map(|&i| pieces[i]).collect::<Vec<_>>().join(eol);
            let shape = Shape::of(&text);
            let got = [
                blocks(shape.header(&text)),
                blocks(shape.body(&text)),
                blocks(shape.footer(&text)),
            ];
            proptest::prop_assert_eq!(got, by_line_vectors::parts(&text), "{:?}", text);
        }
    }

    #[test]
    fn crlf_blocks_lose_their_carriage_returns() {
        let ex = extract("One\r\nline.\r\n\r\nTwo\rin\r\r\nit\r");
        assert_eq!(ex.blocks, ["One\nline.", "Two\rin\r\nit"]);
        let ex = extract("Title\r\n\r\nBegin Text\r\nBody\r\nText Ends\r\nfoot\r\n");
        assert_eq!(ex.blocks, ["Body"]);
        assert_eq!(ex.meta.title.as_deref(), Some("Title"));
    }

    #[test]
    fn urls() {
        assert!(is_url(
            "state.gov/joint-communique-by-ministers-of-the-global-coalition-to-defeat-isis-small-group"
        ));
        assert!(is_url("https://www.un.org"));
        assert!(is_url("www.g7italy.it"));
        assert!(!is_url("Daesh/ISIS"));
        assert!(!is_url("A/RES/78/35"));
        assert!(!is_url("78/153. Protection"));
        assert!(!is_url("and/or"));
    }
}
