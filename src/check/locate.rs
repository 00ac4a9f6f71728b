//! Where each sentence of a statement stands in its source file, as a line
//! number, so that an annotation can point at it.
//!
//! In a sentence file every sentence is its own line. In plain text or
//! Markdown a sentence may start in the middle of a line, run over several,
//! or have been repaired by normalization (joined lines, hyphenation), so
//! its line is found by searching the source's letters and digits (run
//! together, lower-cased: markup, punctuation, line breaks and hyphens at
//! line ends drop out) for the sentence's first ones, in document order:
//! each sentence is looked for after the previous one's start.

use crate::normalize::key::{Folding, key};
use crate::statement::Statement;
use crate::statement::file::{FENCE, is_sentence_file};

/// How many of a sentence's first letters and digits are looked for; half
/// as many are tried when they are not found (a sentence whose opening
/// normalization repaired).
const PROBE: usize = 48;

/// The 1-based line of each sentence of `statement` (in
/// [`Statement::sentences`] order) in `source`, the text it was read from;
/// `None` for a sentence that cannot be found.
pub fn sentence_lines(source: &str, statement: &Statement) -> Vec<Option<usize>> {
    if is_sentence_file(source)
        && let Some(lines) = sentence_file_lines(source, statement.sentence_count())
    {
        return lines.into_iter().map(Some).collect();
    }
    search_lines(source, statement)
}

/// The lines of a sentence file's body that hold a sentence, when there are
/// as many as the statement has sentences.
fn sentence_file_lines(source: &str, count: usize) -> Option<Vec<usize>> {
    let mut fences = 0;
    let mut lines = Vec::new();
    for (i, line) in source.split('\n').enumerate() {
        if fences < 2 {
            if line.trim_end_matches('\r').trim_end() == FENCE {
                fences += 1;
            }
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(i + 1);
        }
    }
    (lines.len() == count).then_some(lines)
}

/// The letters and digits of `source`, lower-cased, run together
/// ("recog-\nnized" reads "recognized"), and for each byte of that string
/// the offset in `source` of the character it came from.
fn letters(source: &str) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(source.len());
    let mut offsets = Vec::with_capacity(source.len());
    for (at, c) in source.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        for l in c.to_lowercase() {
            text.push(l);
            offsets.extend(std::iter::repeat_n(at, l.len_utf8()));
        }
    }
    (text, offsets)
}

fn search_lines(source: &str, statement: &Statement) -> Vec<Option<usize>> {
    let (haystack, offsets) = letters(source);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset);
    let mut cursor = 0;
    statement
        .sentences()
        .map(|(_, sentence)| {
            let (probe, _) = letters(&key(&sentence.text, Folding::default()));
            let found = [PROBE, PROBE / 2]
                .into_iter()
                .filter_map(|n| {
                    probe
                        .char_indices()
                        .nth(n)
                        .map_or(Some(probe.as_str()), |(at, _)| Some(&probe[..at]))
                })
                .filter(|p| !p.is_empty())
                .find_map(|p| haystack.get(cursor..)?.find(p).map(|i| i + cursor));
            found.map(|i| {
                // The next sentence starts after this one's first character.
                cursor = i + haystack[i..].chars().next().map_or(1, char::len_utf8);
                line_of(offsets[i])
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, import};

    fn lines(source: &str, format: Format) -> Vec<Option<usize>> {
        let st = import(source.as_bytes(), Some(format), "test").expect("imports");
        sentence_lines(source, &st)
    }

    #[test]
    fn sentence_files_are_one_sentence_per_line() {
        let src = "+++\ntitle = \"T\"\n+++\n\nFirst one.\nSecond one.\n\n1. Third one.\n";
        assert_eq!(lines(src, Format::Sentences), [Some(5), Some(6), Some(8)]);
    }

    #[test]
    fn plain_text_sentences_mid_line_and_across_lines() {
        let src = "Title line\n\nThe Ministers met today. They agreed\non a plan that\nruns long.\n\n\
                   2. They will meet again in Rome.\n";
        assert_eq!(
            lines(src, Format::Text),
            [Some(1), Some(3), Some(3), Some(7)]
        );
    }

    #[test]
    fn repeated_openings_are_found_in_order() {
        let src = "The Ministers met.\n\nThe Ministers agreed.\n\nThe Ministers met.\n";
        assert_eq!(lines(src, Format::Text), [Some(1), Some(3), Some(5)]);
    }

    #[test]
    fn markdown_markup_and_hyphenated_line_ends() {
        let src = "# Joint statement\n\n**The Ministers** welcomed the\n\
                   agreement.\n\n- They recog-\nnized the *progress* made.\n";
        let got = lines(src, Format::Markdown);
        assert_eq!(got.last(), Some(&Some(6)), "{got:?}");
        assert!(got.contains(&Some(3)), "{got:?}");
    }

    #[test]
    fn a_sentence_not_in_the_source_has_no_line() {
        let st = import(
            b"Alpha beta gamma.\n\nDelta epsilon.",
            Some(Format::Text),
            "t",
        )
        .expect("imports");
        assert_eq!(sentence_lines("Delta epsilon.\n", &st), [None, Some(1)]);
    }
}
