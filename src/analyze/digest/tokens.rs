//! The words of a sentence as the digest reads them: split at spaces, with
//! the punctuation around each word trimmed off and remembered, so that
//! "78/7.", "U.S.-China", "1,000", "24%" and "$100" stay whole (the
//! commitment reader's words split them at every mark).

/// One word of a sentence with where it stands and what surrounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The word without the punctuation around it.
    pub(crate) text: &'a str,
    /// Its byte offset in the sentence.
    pub(crate) start: usize,
    /// Punctuation (a comma, semicolon, colon, bracket, quote or dash)
    /// stands between it and the word before, or it opens the sentence.
    pub(crate) break_before: bool,
    /// It stood in parentheses alone: "(1)", "(ii)".
    pub(crate) enclosed: bool,
    /// Punctuation follows it (a comma, full stop, bracket …).
    pub(crate) break_after: bool,
}

impl Token<'_> {
    /// The byte offset just past the word.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Characters trimmed from the start of a word.
fn leading(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥'))
}

/// Characters trimmed from the end of a word ("2025," "resolution)").
fn trailing(c: char) -> bool {
    !(c.is_alphanumeric() || c == '%' || c == '°')
}

/// The tokens of `text`, in order. A full stop that ends an abbreviation
/// ("U.S.", "No.") stays: the word it ends has another full stop inside,
/// or is one of the few abbreviations a name or figure uses.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    // Most sentences are a few hundred bytes of six-byte words.
    let mut reader = Reader {
        out: Vec::with_capacity(text.len() / 6 + 1),
        pending_break: true,
    };
    if text.is_ascii() {
        ascii_pieces(text, &mut reader);
    } else {
        pieces(text, &mut reader);
    }
    reader.out
}

/// What [`ascii_pieces`] tells apart in a byte of ASCII text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ASCII space (`u8::is_ascii_whitespace`): pieces split there.
    Space,
    /// A letter or digit: a piece of these alone needs no trimming.
    Plain,
    /// Anything else.
    Mark,
}

/// The class of every byte value.
static CLASSES: [Class; 256] = {
    let mut table = [Class::Mark; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() {
            Class::Space
        } else if byte.is_ascii_alphanumeric() {
            Class::Plain
        } else {
            Class::Mark
        };
        b += 1;
    }
    table
};

/// Reads the pieces of an all-ASCII `text`: split at ASCII spaces, each at
/// its own byte offset. One pass that also learns whether a piece is plain
/// letters and digits, which most are.
fn ascii_pieces<'a>(text: &'a str, reader: &mut Reader<'a>) {
    let mut start = 0;
    let mut plain = true;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match CLASSES[usize::from(b)] {
            Class::Space => {
                if let Some(raw) = text.get(start..i) {
                    reader.piece_of(raw, start, plain);
                }
                start = i + 1;
                plain = true;
            }
            Class::Plain => {}
            Class::Mark => plain = false,
        }
    }
    if let Some(raw) = text.get(start..) {
        reader.piece_of(raw, start, plain);
    }
}

/// Reads the pieces of a `text` past ASCII: split at every Unicode space
/// (vertical tab included), which starts with one of four bytes past ASCII.
fn pieces<'a>(text: &'a str, reader: &mut Reader<'a>) {
    let bytes = text.as_bytes();
    // A piece's offset counts one byte per space before it, whatever the
    // space's width.
    let mut offset = 0;
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let width = if b.is_ascii() {
            if !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                i += 1;
                continue;
            }
            1
        } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            }
        } else {
            i += 1;
            continue;
        };
        if let Some(raw) = text.get(start..i) {
            reader.piece(raw, offset);
        }
        offset += i - start + 1;
        i += width;
        start = i;
    }
    if let Some(raw) = text.get(start..) {
        reader.piece(raw, offset);
    }
}

/// The tokens read so far, and whether punctuation stands before the next.
struct Reader<'a> {
    out: Vec<Token<'a>>,
    pending_break: bool,
}

impl<'a> Reader<'a> {
    /// Reads one piece of text between spaces, at byte offset `at`.
    #[inline]
    fn piece(&mut self, raw: &'a str, at: usize) {
        self.piece_of(raw, at, raw.bytes().all(|b| b.is_ascii_alphanumeric()));
    }

    /// [`Reader::piece`], told whether the piece is all ASCII letters and
    /// digits (`plain`).
    #[inline]
    fn piece_of(&mut self, raw: &'a str, at: usize, plain: bool) {
        if raw.is_empty() {
            return;
        }
        // Most words are plain ASCII letters and digits: nothing to trim,
        // no punctuation before or after.
        if plain {
            self.out.push(Token {
                text: raw,
                start: at,
                break_before: self.pending_break,
                enclosed: false,
                break_after: false,
            });
            self.pending_break = false;
            return;
        }
        let body = raw.trim_start_matches(leading);
        let lead = &raw[..raw.len() - body.len()];
        let mut word = body.trim_end_matches(trailing);
        let mut tail = &body[word.len()..];
        // Keep the full stop of "U.S." and "No.": a dot inside the word
        // before it, or a known abbreviation.
        if tail.starts_with('.') && (word.contains('.') || matches!(word, "No" | "Nos" | "St")) {
            word = &body[..word.len() + 1];
            tail = &tail[1..];
        }
        let is_break = |s: &str| s.chars().any(|c| !matches!(c, '\'' | '’'));
        if word.is_empty() {
            self.pending_break |= is_break(raw);
            return;
        }
        let enclosed = lead.ends_with('(') && tail.starts_with(')');
        if let Some(last) = self.out.last_mut() {
            last.break_after |= is_break(lead);
        }
        self.out.push(Token {
            text: word,
            start: at + lead.len(),
            break_before: self.pending_break || is_break(lead),
            enclosed,
            break_after: is_break(tail),
        });
        self.pending_break = is_break(tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens as the first version read them: the text split at
    /// ASCII spaces when it is all ASCII, else at every Unicode space, each
    /// piece one byte after the last.
    fn split_tokens(text: &str) -> Vec<Token<'_>> {
        let mut reader = Reader {
            out: Vec::new(),
            pending_break: true,
        };
        let pieces: Vec<&str> = if text.is_ascii() {
            text.split(|c: char| c.is_ascii_whitespace()).collect()
        } else {
            text.split(char::is_whitespace).collect()
        };
        let mut offset = 0;
        for raw in pieces {
            reader.piece(raw, offset);
            offset += raw.len() + 1;
        }
        reader.out
    }

    #[test]
    fn spaces_of_every_kind_split_as_before() {
        for text in [
            "",
            " ",
            "a  b",
            "tab\there\x0bvt",
            "non\u{a0}breaking\u{2009}thin\u{3000}ideographic\u{1680}ogham\u{85}nel end ",
            "“Geneva” – 24% of $100, U.S.-China.\u{2028}Next",
            "Türkiye’s é\u{0301} ½",
            " Recalling (1) 78/7. of the U.S.-China,  No. 4 ($100, 24%) end. ",
            "plain words\r\nand\x0cform feed",
        ] {
            assert_eq!(tokens(text), split_tokens(text), "{text:?}");
        }
    }

    /// Pieces that meet every branch of both scans: ASCII and Unicode
    /// spaces (vertical tab among them), marks that are trimmed or kept,
    /// apostrophes, and letters past ASCII.
    const PIECES: [&str; 24] = [
        "a",
        "Word",
        "2025",
        "U.S.",
        "No.",
        "78/7.",
        "(1)",
        "(ii)",
        "“Geneva”",
        "24%",
        "$100,",
        "Russia’s",
        "States'",
        "—",
        "-",
        " ",
        "  ",
        "\t",
        "\n",
        "\x0b",
        "\x0c",
        "\r",
        "\u{a0}",
        "é\u{301}",
    ];

    proptest::proptest! {
        /// The one-pass reading of ASCII text and the byte scan of other
        /// text give the tokens the first version's split gave.
        #[test]
        fn tokens_match_the_split_they_replaced(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..40),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(tokens(&text), split_tokens(&text));
        }
    }

    #[test]
    fn punctuation_is_trimmed_and_remembered() {
        let t = tokens("Recalling (“Geneva”) 78/7. of the U.S.-China, No. 4 and (1) 24% of $100.");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Recalling",
                "Geneva",
                "78/7",
                "of",
                "the",
                "U.S.-China",
                "No.",
                "4",
                "and",
                "1",
                "24%",
                "of",
                "$100"
            ]
        );
        assert!(t[0].break_before && t[1].break_before && t[2].break_before);
        assert!(!t[4].break_before && t[5].break_after && t[9].enclosed);
        let text = "a  b";
        assert_eq!(tokens(text)[1].start, 3);
    }
}
