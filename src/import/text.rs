//! Plain text: paragraphs separated by blank lines.
//!
//! Texts copied from a ministry's website often come in the press-release
//! shape: a title line, the page's URL, an introduction ("The following
//! statement was released by …:"), then the statement between `Begin Text`
//! and `Text Ends`. The title and URL are metadata, the rest is furniture that
//! no draft of the statement carries, so only what stands between the markers
//! is the body. Without the markers the whole text is the body.

use super::Extracted;
use crate::Meta;
use crate::normalize;

/// Extracts the body blocks (and, in the press-release shape, the title and
/// source URL) of a plain text.
pub fn extract(text: &str) -> Extracted {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let begin = lines.iter().position(|l| is_marker(l, BEGIN_MARKERS));
    let (header, body) = match begin {
        Some(i) => (&lines[..i], &lines[i + 1..]),
        None => (&lines[..0], &lines[..]),
    };
    let body = match body.iter().position(|l| is_marker(l, END_MARKERS)) {
        Some(end) => &body[..end],
        None => body,
    };
    Extracted {
        meta: header_meta(&blocks(header)),
        blocks: blocks(body),
    }
}

/// Lines that open the statement, compared after [`marker_key`].
const BEGIN_MARKERS: &[&str] = &["begin text", "text begins", "start text"];

/// Lines that close it.
const END_MARKERS: &[&str] = &["text ends", "end text", "end of text"];

fn is_marker(line: &str, markers: &[&str]) -> bool {
    // Cheap length test first: a marker line is short.
    line.len() < 40 && markers.contains(&marker_key(line).as_str())
}

/// A line reduced to its lower-case words, so that "BEGIN TEXT:",
/// "Begin Text" and "--- begin text ---" compare equal.
fn marker_key(line: &str) -> String {
    normalize::paragraph(line)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Groups lines into blocks at blank lines, keeping the line breaks inside a
/// block for the normalizer to judge.
fn blocks(lines: &[&str]) -> Vec<String> {
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
    fn markers_inside_sentences_are_text() {
        let ex = extract("We begin text negotiations today.\n\nThe text ends here, they said.");
        assert_eq!(ex.blocks.len(), 2);
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
