//! The words of a sentence as commitment reading sees them: lower-cased
//! keys borrowed from one lower-cased copy of the sentence, the text as
//! written, and the punctuation before each word.

use std::borrow::Cow;

use crate::analyze::lexicon::Phrase;
use crate::normalize::key::{Folding, key};

/// Punctuation between a word and the one before it: a comma, semicolon,
/// colon or dash ends a phrase there.
pub(crate) const BREAK: u8 = 1;
/// An opening parenthesis stands before the word ("(ii)").
pub(crate) const OPEN: u8 = 2;
/// A semicolon stands before the word.
pub(crate) const SEMICOLON: u8 = 4;
/// An opening quotation mark stands before the word: a title, not a verb.
pub(crate) const QUOTE: u8 = 8;

/// A word of a sentence: lower-cased key text, the text as written, and
/// the punctuation that separates it from the word before.
pub(crate) struct Word<'a> {
    /// The word as the lexicon spells it (ASCII lower case).
    pub(crate) folded: Cow<'a, str>,
    /// The word as the sentence writes it.
    pub(crate) text: &'a str,
    /// The punctuation flags of the gap before it.
    pub(crate) sep: u8,
    /// The word before ends with an apostrophe ("countries’ call").
    pub(crate) gap_apostrophe: bool,
}

/// A word as the lexicon spells it. Words hold only letters, digits and
/// inner apostrophes, so the comparison key reduces to lower case and the
/// apostrophe style. `words_of` borrows an ASCII word's span of `lower` (the
/// sentence lower-cased once) itself; this is for the others.
fn fold<'a>(word: &'a str, lower: &'a str, start: usize) -> Cow<'a, str> {
    // A word whose only non-ASCII characters have no case ("Russia’s") is
    // its span of `lower` too: the lexicon's phrases are ASCII, so such a
    // word needs no folding of its own to be compared.
    let plain = !word.chars().any(|c| !c.is_ascii() && c.is_uppercase());
    match lower.get(start..start + word.len()) {
        Some(folded) if plain => Cow::Borrowed(folded),
        _ => Cow::Owned(key(word, Folding::LEXICON)),
    }
}

/// `word` without the apostrophes that end it ("States'" is "States").
fn trim_apostrophes(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix('\'').or_else(|| word.strip_suffix('’')) {
        word = rest;
    }
    word
}

/// The punctuation flags of the ASCII bytes of a gap between two words.
fn separators_ascii(gap: &[u8]) -> u8 {
    let mut sep = 0;
    for &b in gap {
        sep |= match b {
            b',' | b':' => BREAK,
            b';' => BREAK | SEMICOLON,
            b'(' => OPEN,
            b'"' => QUOTE,
            _ => 0,
        };
    }
    sep
}

/// The punctuation flags of the text between two words.
fn separators(gap: &str) -> u8 {
    // Most gaps are one space; the bytes are read without decoding, and
    // only a gap with a multi-byte character is decoded.
    let mut sep = separators_ascii(gap.as_bytes());
    if !gap.is_ascii() {
        for c in gap.chars() {
            sep |= match c {
                '—' | '–' => BREAK,
                '“' | '‘' => QUOTE,
                _ => 0,
            };
        }
    }
    sep
}

/// A byte that is an ASCII letter or digit.
const ALNUM: u8 = 1;
/// The ASCII apostrophe: inside a word once the word has begun.
const APOSTROPHE: u8 = 2;
/// A byte of a multi-byte character, decoded out of the scanning loops.
const WIDE: u8 = 4;

/// The class of every byte: one load per byte in the scanning loops below,
/// which see every byte of every sentence.
const CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            ALNUM
        } else if byte == b'\'' {
            APOSTROPHE
        } else if byte >= 0x80 {
            WIDE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The character at byte `i` of `text` and its width: the rare non-ASCII
/// byte, decoded out of the scanning loops.
#[cold]
fn decode(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The words of a sentence, one at a time: runs of letters and digits with
/// inner apostrophes ("Russia’s"). ASCII bytes are classified by a table
/// without decoding, since this runs on every sentence of both documents;
/// reading one word at a time lets a reader stop early (the first word of a
/// UN preambular paragraph is all it needs).
pub(crate) struct Words<'a> {
    text: &'a str,
    /// `text` with ASCII lower-cased.
    lower: &'a str,
    /// Where the scan stands.
    at: usize,
    /// Where the gap before the next word starts.
    gap_from: usize,
}

impl<'a> Words<'a> {
    /// The words of `text`; `lower` is `text` with ASCII lower-cased.
    pub(crate) fn new(text: &'a str, lower: &'a str) -> Words<'a> {
        Words {
            text,
            lower,
            at: 0,
            gap_from: 0,
        }
    }

    /// The next word. Inlined into [`extend_words`]'s loop, where the scan's
    /// state stays in registers: that loop reads most words.
    #[inline(always)]
    fn read(&mut self) -> Option<Word<'a>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.at;
        // Between words: ASCII bytes in a tight loop, a multi-byte
        // character decoded.
        loop {
            while i < bytes.len() && CLASS[usize::from(bytes[i])] & (ALNUM | WIDE) == 0 {
                i += 1;
            }
            let &b = bytes.get(i)?;
            if b < 0x80 {
                break;
            }
            let (c, width) = decode(text, i);
            if c.is_alphanumeric() {
                break;
            }
            i += width;
        }
        let start = i;
        let mut ascii = true;
        // Inside a word: letters, digits and apostrophes (the word opened
        // with a letter or digit, so each is an inner one or trimmed
        // below); runs of ASCII ones in a tight loop.
        loop {
            while i < bytes.len() && CLASS[usize::from(bytes[i])] & (ALNUM | APOSTROPHE) != 0 {
                i += 1;
            }
            if i == bytes.len() || bytes[i] < 0x80 {
                break;
            }
            let (c, width) = decode(text, i);
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            ascii = false;
            i += width;
        }
        self.at = i;
        // Only a word whose last byte is an apostrophe, or the last byte
        // of '’', can end with one.
        let end = if matches!(bytes[i - 1], b'\'' | 0x99) {
            start + trim_apostrophes(&text[start..i]).len()
        } else {
            i
        };
        // Most gaps are one space: no punctuation, no apostrophe.
        let gap_from = self.gap_from;
        let (sep, gap_apostrophe) = if start == gap_from + 1 && bytes[gap_from] == b' ' {
            (0, false)
        } else {
            let gap = &text[gap_from..start];
            (separators(gap), gap.starts_with(['\'', '’']))
        };
        let word = &text[start..end];
        let folded = match self.lower.get(start..end) {
            Some(folded) if ascii => Cow::Borrowed(folded),
            _ => fold(word, self.lower, start),
        };
        self.gap_from = end;
        Some(Word {
            folded,
            text: word,
            sep,
            gap_apostrophe,
        })
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        self.read()
    }
}

/// Every word of a sentence; `lower` is the sentence with ASCII
/// lower-cased.
pub(crate) fn words_of<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    extend_words(&mut out, Words::new(text, lower));
    out
}

/// Adds the words `rest` has still to read to `out`, in one loop that keeps
/// the scan in registers (an iterator's `extend` kept it in memory, and the
/// sentences with a curly quote or dash, a quarter of the bytes, went that
/// way).
pub(crate) fn extend_words<'a>(out: &mut Vec<Word<'a>>, mut rest: Words<'a>) {
    while let Some(word) = rest.read() {
        out.push(word);
    }
}

/// Whether `phrase` stands at word `at`.
pub(crate) fn matches_at(words: &[Word], at: usize, phrase: &Phrase) -> bool {
    phrase.len() <= words.len() - at && phrase.iter().zip(&words[at..]).all(|(p, w)| *p == w.folded)
}

/// The text spanning words `from..to` of `sentence`.
pub(crate) fn span<'a>(sentence: &'a str, words: &[Word<'a>], from: usize, to: usize) -> &'a str {
    let start = words[from].text.as_ptr() as usize - sentence.as_ptr() as usize;
    let last = &words[to - 1];
    let end = last.text.as_ptr() as usize - sentence.as_ptr() as usize + last.text.len();
    &sentence[start..end]
}

/// Whether `text` opens with a capital letter.
pub(crate) fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is a number (it opens with a digit: "2025", "3rd").
pub(crate) fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String, u8, bool)> {
        let lower = text.to_ascii_lowercase();
        words_of(text, &lower)
            .into_iter()
            .map(|w| {
                (
                    w.folded.into_owned(),
                    w.text.to_owned(),
                    w.sep,
                    w.gap_apostrophe,
                )
            })
            .collect()
    }

    #[test]
    fn words_are_folded_with_the_punctuation_before_them() {
        let words = read("We, the Leaders; (ii) “Commit” — now");
        let folded: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(folded, ["we", "the", "leaders", "ii", "commit", "now"]);
        let seps: Vec<u8> = words.iter().map(|w| w.2).collect();
        assert_eq!(seps, [0, BREAK, 0, BREAK | SEMICOLON | OPEN, QUOTE, BREAK]);
        assert_eq!(words[2].1, "Leaders");
    }

    #[test]
    fn apostrophes_stay_inside_words_and_end_none() {
        let words = read("Russia’s support and the States' call, ’quoted");
        let texts: Vec<&str> = words.iter().map(|w| w.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Russia’s",
                "support",
                "and",
                "the",
                "States",
                "call",
                "quoted"
            ]
        );
        // "States'" ends with an apostrophe: the gap before "call" starts
        // with it.
        assert!(words[5].3);
        assert!(!words[1].3);
    }

    #[test]
    fn a_non_ascii_capital_is_folded_by_the_key() {
        let words = read("ÉTATS and Wilmès");
        assert_eq!(words[0].0, key("ÉTATS", Folding::default()));
        assert_eq!(words[2].0, "wilmès");
    }

    #[test]
    fn reading_one_word_at_a_time_reads_the_same_words() {
        let text = "Recalling its resolution 78/35 of 4 December 2023,";
        let lower = text.to_ascii_lowercase();
        let mut one = Words::new(text, &lower);
        assert_eq!(one.next().map(|w| w.text), Some("Recalling"));
        let rest: Vec<&str> = one.map(|w| w.text).collect();
        let all: Vec<&str> = words_of(text, &lower).iter().map(|w| w.text).collect();
        assert_eq!(all[1..], rest[..]);
        assert!(words_of("", "").is_empty() && words_of(" — ", " — ").is_empty());
    }

    #[test]
    fn phrases_match_word_for_word() {
        let text = "We remain committed to peace";
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        let phrase: Phrase = vec!["committed".into(), "to".into()];
        assert!(matches_at(&words, 2, &phrase) && !matches_at(&words, 3, &phrase));
        assert_eq!(span(text, &words, 1, 4), "remain committed to");
        assert!(starts_upper("We") && !starts_upper("we") && is_number("2030"));
    }
}
