//! Every text rewrite between extraction and segmentation, and (in [`key`])
//! every comparison key.
//!
//! Extractors hand over paragraphs as they found them: with the line breaks
//! of a PDF column or a wrapped e-mail, odd spaces from a word processor, soft
//! hyphens, and now and then a sentence cut in two by a page break. The
//! segmenter and everything after it want one clean line per paragraph, and
//! two imports of the same text must give the same sentences, so the rewrites
//! live here, once:
//!
//! - Unicode NFC (never NFKC: it would rewrite full-width letters, ligatures
//!   and other characters that official texts use on purpose);
//! - every kind of space (tab, NBSP, U+2007, U+202F, U+3000, other `Zs`) and
//!   every control character becomes one ASCII space, runs collapse, ends are
//!   trimmed;
//! - soft hyphens and zero-width characters are removed, and so are
//!   terminal escape sequences and bidi embeddings, overrides and isolates
//!   ([`controls`] decides what every control character becomes);
//! - line breaks inside a paragraph are joined ([`paragraph`] says how
//!   hyphens and slashes at a line end are handled);
//! - a paragraph or page break that cuts a sentence is repaired
//!   ([`paragraphs`] gives the rule).
//!
//! Quote and dash characters are kept exactly as the source has them: they
//! are part of what was agreed, and comparison keys (not these rewrites)
//! decide whether a quote style counts as a change.
//!
//! Everything here is idempotent: normalizing normalized text changes nothing.

pub mod controls;
pub mod key;
pub mod label;
pub mod stem;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use label::split_label;

/// Normalizes extracted blocks into single-line paragraphs.
///
/// Each block is normalized by [`paragraph`]; blocks that are empty
/// afterwards are dropped. Then a break that cuts a sentence is repaired by
/// joining a block to the next one when
///
/// 1. it ends without terminal punctuation (`. ? ! ; : ,` or `…`, possibly
///    followed by closing quotes, brackets or asterisks) and the next block
///    starts with a lower-case letter that is not a paragraph label (`a.`,
///    `iv.` open list items, they do not continue a sentence); or
/// 2. its last word is a function word that cannot end a sentence ("the",
///    "a", "of", "to", "on", "and", ...; see `DANGLING`), whatever the next
///    block starts with, except a conjunction after a comma or semicolon
///    ("...; and"), which is how list items end; or
/// 3. it ends inside a word (a letter, then a hyphen or a slash) and the next
///    block starts with a letter or digit.
///
/// A heading (a short block without terminal punctuation followed by a
/// capitalized block) matches none of these and stays on its own. The
/// decision looks only at the end of what has been joined so far and the
/// start of the next block, so running it again on its own output finds
/// nothing more to join.
pub fn paragraphs<S: AsRef<str>>(blocks: &[S]) -> Vec<String> {
    // Each paragraph, and whether blocks were joined into it.
    let mut out: Vec<(String, bool)> = Vec::new();
    for block in blocks {
        let block = paragraph(block.as_ref());
        if block.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((last, joined)) if cuts_sentence(last, &block) => {
                join_broken(last, &block, false);
                *joined = true;
            }
            _ => out.push((block, false)),
        }
    }
    // Two NFC strings side by side are not always NFC together; one block
    // is NFC already.
    out.into_iter()
        .map(|(p, joined)| if joined { nfc(p) } else { p })
        .collect()
}

/// Normalizes one block into a single line, without looking at its
/// neighbours: spaces, soft hyphens, zero-width characters and NFC as the
/// module describes, and its line breaks joined.
///
/// A line break becomes a space, except:
/// - after a soft hyphen (U+00AD), which marks where a word was broken: the
///   two parts are joined with nothing between them;
/// - after a word and a hyphen ("inter-" / "national"), which is joined
///   without the hyphen ("international") only where the result is a word.
///   The hyphen stays (and no space is added) when the next line starts with
///   a capital letter, a digit or a letter without case ("non-" / "EU",
///   "COVID-" / "19"), when the first part holds a digit or is one letter or
///   ends a longer compound ("state-of-" / "the-art"), or when the first part
///   is a prefix or the second a word that English hyphenates ("long-" /
///   "term", "rules-" / "based", "self-", "non-", "cross-", ...; see
///   `KEEP_FIRST` and `KEEP_SECOND`). A suspended hyphen keeps its space:
///   "pre-" / "and post-war" stays "pre- and post-war";
/// - after a word and a slash ("Daesh/" / "ISIS", "and/" / "or"), which is
///   joined with nothing between: the slash was the wrap point, not a space.
pub fn paragraph(block: &str) -> String {
    let block = controls::strip_sequences(block);
    let block = block.as_ref();
    let mut out = String::new();
    let mut soft_break = false;
    // Whether lines were joined: one cleaned line is NFC already.
    let mut joined = false;
    let mut start = 0;
    loop {
        // One pass finds the line's end and cleans it.
        let (line, end) = clean_line(block, start);
        let raw = &block[start..end];
        if !line.is_empty() {
            if out.is_empty() {
                out = line;
            } else {
                join_broken(&mut out, &line, soft_break);
                joined = true;
            }
            soft_break = ends_with_soft_hyphen(raw);
        } else if ends_with_soft_hyphen(raw) {
            // A line of only a soft hyphen still marks a broken word.
            soft_break = true;
        }
        match block[end..].chars().next() {
            Some(line_break) => start = end + line_break.len_utf8(),
            None => break,
        }
    }
    if joined { nfc(out) } else { out }
}

/// `text` in lower case. Most words are ASCII, whose lower case needs no
/// Unicode tables: the same result, without them.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Whether [`paragraph`] would make nothing of `text`: it holds only
/// spaces, line breaks, control, bidi control and invisible characters.
/// Cheaper than normalizing it. (A line of only an escape sequence is not
/// blank here, though [`paragraph`] makes nothing of it: the line joins its
/// neighbours' block rather than separating paragraphs.)
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| is_invisible(c) || c.is_whitespace() || controls::is_unsafe(c))
}

/// Appends `next` to `acc` across a line or block break.
fn join_broken(acc: &mut String, next: &str, soft_break: bool) {
    let glue = match hyphen_join(acc, next) {
        _ if soft_break => "",
        Some(HyphenJoin::Drop) => {
            acc.pop();
            ""
        }
        Some(HyphenJoin::Keep) => "",
        Some(HyphenJoin::KeepSpace) => " ",
        None if slash_join(acc, next) => "",
        None => " ",
    };
    acc.push_str(glue);
    acc.push_str(next);
}

/// What to do with a hyphen at the end of a line.
#[derive(Debug, PartialEq)]
enum HyphenJoin {
    /// A word broken by hyphenation: drop the hyphen, join the parts.
    Drop,
    /// A hyphenated compound: keep the hyphen, join the parts.
    Keep,
    /// A suspended hyphen ("pre- and post-war"): keep it and the space.
    KeepSpace,
}

/// First parts that English hyphenates ("long-term", "non-State",
/// "self-determination", "twenty-first"). Prefixes that also start many
/// unhyphenated words ("co", "pre", "re", "de", "inter", "multi") are left
/// out: a line break after them is more often hyphenation.
const KEEP_FIRST: &[&str] = &[
    "all", "cross", "eighty", "fifty", "forty", "full", "half", "high", "long", "low", "middle",
    "mid", "net", "ninety", "non", "quasi", "self", "seventy", "short", "sixty", "thirty",
    "twenty", "well",
];

/// Second parts that make a hyphenated compound ("rules-based",
/// "follow-up", "decision-making", "so-called").
const KEEP_SECOND: &[&str] = &[
    "based",
    "called",
    "centered",
    "centred",
    "driven",
    "friendly",
    "hosted",
    "induced",
    "led",
    "level",
    "making",
    "minded",
    "oriented",
    "owned",
    "reaching",
    "related",
    "resilient",
    "responsive",
    "scale",
    "sensitive",
    "specific",
    "term",
    "up",
];

/// Words after which a suspended hyphen stands ("pre- and post-war").
const SUSPENDED: &[&str] = &["and", "nor", "or", "to"];

fn hyphen_join(acc: &str, next: &str) -> Option<HyphenJoin> {
    let stem = acc.strip_suffix('-')?;
    let first = trailing_word(stem);
    if first.is_empty() {
        return None;
    }
    let next_first = first_starter(next)?;
    if !next_first.is_alphanumeric() {
        return None;
    }
    let second = leading_letters(next);
    if SUSPENDED.contains(&second.to_lowercase().as_str()) {
        return Some(HyphenJoin::KeepSpace);
    }
    let first_lower = first.to_lowercase();
    let keep = !next_first.is_lowercase()
        || first.chars().any(|c| c.is_numeric())
        || first.chars().count() == 1
        || stem[..stem.len() - first.len()].ends_with('-')
        || KEEP_FIRST.contains(&first_lower.as_str())
        || KEEP_SECOND.contains(&second.to_lowercase().as_str());
    Some(if keep {
        HyphenJoin::Keep
    } else {
        HyphenJoin::Drop
    })
}

/// Whether a break after a slash ("Daesh/" / "ISIS") is a wrap point.
fn slash_join(acc: &str, next: &str) -> bool {
    acc.strip_suffix('/')
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| !c.is_whitespace())
        && first_starter(next).is_some_and(|c| !c.is_whitespace())
}

/// Function words that cannot end a sentence: a block ending in one was cut.
const DANGLING: &[&str] = &[
    "a", "about", "against", "among", "an", "and", "at", "between", "but", "by", "for", "from",
    "her", "his", "in", "into", "its", "nor", "of", "on", "onto", "or", "our", "than", "that",
    "the", "their", "these", "this", "those", "through", "to", "toward", "towards", "under",
    "upon", "via", "which", "with", "within", "without",
];

/// Conjunctions that end a list item when they follow a comma or semicolon.
const LIST_CONJUNCTIONS: &[&str] = &["and", "nor", "or"];

/// Whether the break between `acc` and `next` cuts a sentence (the rule is on
/// [`paragraphs`]).
fn cuts_sentence(acc: &str, next: &str) -> bool {
    let Some(next_first) = first_starter(next) else {
        return false;
    };
    let word_cut = (acc.ends_with('-') || acc.ends_with('/'))
        && acc[..acc.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    if word_cut && next_first.is_alphanumeric() {
        return true;
    }
    if !ends_with_terminal(acc) && next_first.is_lowercase() && split_label(next).0.is_none() {
        return true;
    }
    dangling(acc)
}

/// Whether `acc` ends with a word that cannot end a sentence or a title
/// ("of", "the", "and" outside a list).
pub(crate) fn dangling(acc: &str) -> bool {
    let mut words = acc.rsplit(' ');
    let Some(last) = words.next() else {
        return false;
    };
    let is = |list: &[&str]| {
        // An ASCII word (nearly every one) is compared without allocating,
        // and only when it is all letters, as every entry is: the last word
        // of a paragraph mostly has its full stop.
        if last.is_ascii() {
            last.bytes().all(|b| b.is_ascii_alphabetic())
                && list.iter().any(|w| w.eq_ignore_ascii_case(last))
        } else {
            list.contains(&last.to_lowercase().as_str())
        }
    };
    if !is(DANGLING) {
        return false;
    }
    let after_list_item = words
        .next()
        .is_some_and(|w| w.ends_with(',') || w.ends_with(';'));
    !(after_list_item && is(LIST_CONJUNCTIONS))
}

/// Whether `text` ends with punctuation that ends or continues a sentence
/// (`.`, `?`, `!`, `;`, `:`, `,`, `…`), closing quotes and brackets aside.
pub(crate) fn ends_with_terminal(text: &str) -> bool {
    let closing = |c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '」' | '』' | '）'
        )
    };
    text.trim_end_matches(closing).ends_with(|c: char| {
        matches!(
            c,
            '.' | '?' | '!' | ';' | ':' | ',' | '…' | '。' | '？' | '！' | '；' | '：' | '，'
        )
    })
}

/// The first character of `s` if it stands on its own (a combining mark
/// would attach to whatever it is joined to, so it never decides a join).
fn first_starter(s: &str) -> Option<char> {
    s.chars()
        .next()
        .filter(|&c| canonical_combining_class(c) == 0)
}

/// The most characters of a word a line-end hyphen looks back over: far
/// more than any word (or the longest entry of `KEEP_FIRST`), and a bound
/// where hostile lines "ab-" joined one after another would otherwise make
/// one word that every join walks again.
const WORD_LOOKBACK: usize = 64;

/// The alphanumeric run at the end of `s`, at most its last
/// [`WORD_LOOKBACK`] characters.
fn trailing_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .take(WORD_LOOKBACK)
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The run of letters at the start of `s`.
fn leading_letters(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that carry nothing visible: zero-width space, non-joiner and
/// joiner, word joiner, byte-order mark, Mongolian vowel separator, and the
/// soft hyphen (its line-end meaning is read before it is removed).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{180E}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The line of `block` that starts at byte `start`, cleaned: invisible
/// characters removed, every space or control character turned into one
/// space, ends trimmed, NFC; and the byte offset where the line ends (at a
/// line break, or the end of `block`).
fn clean_line(block: &str, start: usize) -> (String, usize) {
    let bytes = block.as_bytes();
    let mut out = String::new();
    // Runs of characters that stay, with the single spaces between them,
    // are copied whole: `block[run..i]`.
    let mut run = start;
    let mut i = start;
    // Whether the line has a character that is not ASCII: ASCII text is
    // NFC, so only such a line is checked.
    let mut ascii = true;
    let end = loop {
        // Eight bytes at a time while nothing in them needs a look.
        while let Some(chunk) = bytes.get(i..i + 8) {
            if !plain_ascii(u64::from_le_bytes(chunk.try_into().expect("8 bytes"))) {
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else {
            break bytes.len();
        };
        let (space, len) = if b.is_ascii() {
            // ASCII: spaces and controls are the bytes up to ' ', and DEL.
            if b > b' ' && b != 0x7f {
                i += 1;
                continue;
            }
            // A single space after a character that stays stays too.
            if b == b' ' && i > run && bytes[i - 1] != b' ' {
                i += 1;
                continue;
            }
            if is_line_break(char::from(b)) {
                break i;
            }
            (true, 1)
        } else {
            ascii = false;
            let c = block[i..]
                .chars()
                .next()
                .expect("a character at a boundary");
            if is_line_break(c) {
                break i;
            }
            if is_invisible(c) || controls::is_bidi_control(c) {
                (false, c.len_utf8())
            } else if c.is_whitespace() || c.is_control() {
                (true, c.len_utf8())
            } else {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&block[run..i]);
        i += len;
        run = i;
        if space && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    out.push_str(&block[run..end]);
    if out.ends_with(' ') {
        out.pop();
    }
    (if ascii { out } else { nfc(out) }, end)
}

/// Whether eight bytes (little-endian in `x`) stay in a cleaned line as
/// they are: printable ASCII or single spaces, and not a space first (it may
/// follow another one).
fn plain_ascii(x: u64) -> bool {
    use crate::swar::{eq, unprintable};
    // The high bit of each byte that is a space, and of a `!` right after
    // one (the cheap test's false hit): "not plain" is only ever too
    // cautious, as the byte-by-byte path then decides.
    let spaces = eq(x, b' ');
    unprintable(x) | (spaces & (spaces << 8)) | (spaces & 0x80) == 0
}

fn ends_with_soft_hyphen(raw: &str) -> bool {
    raw.trim_end_matches(|c: char| (c.is_whitespace() || is_invisible(c)) && c != '\u{AD}')
        .ends_with('\u{AD}')
}

/// `text` in NFC, without copying when it already is.
fn nfc(text: String) -> String {
    if is_nfc_quick(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// Whether the NFC quick check says `text` is NFC. An ASCII character
/// resets the check's state, so only the runs of other characters are
/// looked at, each on its own.
fn is_nfc_quick(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += ascii_run(&bytes[i..]);
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii() {
            i += 1;
        }
        // A run of non-ASCII bytes starts and ends on character boundaries.
        if unicode_normalization::is_nfc_quick(text[start..i].chars())
            != unicode_normalization::IsNormalized::Yes
        {
            return false;
        }
    }
    true
}

/// The length of the ASCII bytes `bytes` starts with, eight at a time: most
/// of a statement is ASCII between its curly quotes and accented names.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        if crate::swar::load(chunk) & crate::swar::HIGH != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_unicode_lower_case_whatever_the_script() {
        for text in [
            "Vienna",
            "ÉTATS-UNIS",
            "Türkiye",
            "ΣΟΦΙΑ",
            "İstanbul",
            "G20",
            "",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    /// Thousands of lines "ab-" are one word: each join looks back over at
    /// most [`WORD_LOOKBACK`] characters of it, and the word comes out
    /// whole, its hyphens dropped as for any wrapped word.
    #[test]
    fn a_word_wrapped_over_thousands_of_lines_is_joined_whole() {
        let block = format!("alpha ab-\n{}cd.", "ab-\n".repeat(5_000));
        assert_eq!(
            paragraph(&block),
            format!("alpha {}cd.", "ab".repeat(5_001))
        );
        // Past the look-back, a prefix the word opened with no longer keeps
        // its hyphen: no real word is that long.
        let long = format!("self-{}-\nend.", "x".repeat(WORD_LOOKBACK + 10));
        assert_eq!(
            paragraph(&long),
            format!("self-{}end.", "x".repeat(WORD_LOOKBACK + 10))
        );
        assert_eq!(trailing_word(&"y".repeat(500)).len(), WORD_LOOKBACK);
    }

    #[test]
    fn ascii_runs() {
        assert_eq!(ascii_run(b""), 0);
        assert_eq!(ascii_run(b"abc"), 3);
        assert_eq!(ascii_run("0123456789abcdef’x".as_bytes()), 16);
        assert_eq!(ascii_run("0123456’789abcdef".as_bytes()), 7);
        assert_eq!(ascii_run("’".as_bytes()), 0);
    }

    fn one(block: &str) -> String {
        paragraph(block)
    }

    fn all(blocks: &[&str]) -> Vec<String> {
        paragraphs(blocks)
    }

    #[test]
    fn dangling_words_are_lower_case_letters() {
        for word in DANGLING.iter().chain(LIST_CONJUNCTIONS) {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
        assert!(dangling("in accordance with the") && dangling("THE"));
        assert!(!dangling("the end.") && !dangling("support; and"));
        assert!(dangling("support and") && dangling("Ä of"));
    }

    #[test]
    fn plain_ascii_chunks() {
        let plain = |s: &[u8; 8]| plain_ascii(u64::from_le_bytes(*s));
        assert!(plain(b"The Mini"));
        assert!(plain(b"a b c d "));
        assert!(!plain(b" a b c d"), "a space first");
        assert!(!plain(b"ab  cdef"), "two spaces");
        assert!(!plain(b"abc\tdefg"));
        assert!(!plain(b"abc\x7fdefg"));
        assert!(!plain(b"abc\x1fdefg"));
        assert!(!plain(b"ab\xc2\xa0cdef"));
        assert!(!plain(b"abcdefg\xff"));
        assert!(plain(b"Rome! We"));
    }

    #[test]
    fn spaces_of_every_kind_become_one_ascii_space() {
        assert_eq!(one("June\u{A0}4, 2020"), "June 4, 2020");
        assert_eq!(one("10\u{2007}000 and 5\u{202F}%"), "10 000 and 5 %");
        assert_eq!(one("食料安全保障\u{3000}and"), "食料安全保障 and");
        assert_eq!(one("a\tb\t\tc"), "a b c");
        assert_eq!(one("  lead   and\u{2003}\u{2009}trail  "), "lead and trail");
        assert_eq!(one("bell\u{7}char"), "bell char");
    }

    #[test]
    fn soft_hyphens_and_zero_width_characters_go() {
        assert_eq!(one("inter\u{AD}national"), "international");
        assert_eq!(one("Daesh\u{200B}/ISIS"), "Daesh/ISIS");
        assert_eq!(
            one("\u{FEFF}a\u{200C}b\u{200D}c\u{2060}d"),
            "abcd",
            "ZWNJ, ZWJ, word joiner, BOM"
        );
        assert_eq!(one("inter\u{AD}\nnational"), "international");
        assert_eq!(one("inter\u{AD} \r\n  national"), "international");
    }

    #[test]
    fn nfc_not_nfkc() {
        assert_eq!(one("Wilme\u{300}s"), "Wilmès");
        // Full-width letters and ligatures are NFKC's business, not ours.
        assert_eq!(one("ＡＢＣ ﬁnance"), "ＡＢＣ ﬁnance");
    }

    #[test]
    fn quotes_and_dashes_are_kept() {
        let s = "“Geneva Joint Statement” – the ‘new’ — \"plain\" 'ascii' non‑intervention";
        assert_eq!(one(s), s);
    }

    #[test]
    fn line_breaks_join_with_a_space() {
        assert_eq!(
            one("The Ministers\nreiterated\r\ntheir\rcommitment"),
            "The Ministers reiterated their commitment"
        );
        assert_eq!(one("first line\n\n\nsecond"), "first line second");
    }

    #[test]
    fn hyphen_at_line_end_joins_a_broken_word() {
        assert_eq!(one("inter-\nnational law"), "international law");
        assert_eq!(one("multi-\nlateral"), "multilateral");
        assert_eq!(one("co-\noperation"), "cooperation");
    }

    #[test]
    fn hyphen_at_line_end_is_kept_in_a_compound() {
        assert_eq!(one("long-\nterm defeat"), "long-term defeat");
        assert_eq!(one("rules-\nbased order"), "rules-based order");
        assert_eq!(one("non-\nproliferation"), "non-proliferation");
        assert_eq!(one("self-\ndetermination"), "self-determination");
        assert_eq!(one("follow-\nup"), "follow-up");
        assert_eq!(one("non-\nEU"), "non-EU");
        assert_eq!(one("COVID-\n19"), "COVID-19");
        assert_eq!(one("G7-\nled"), "G7-led");
        assert_eq!(one("state-of-\nthe-art"), "state-of-the-art");
        assert_eq!(one("e-\ncommerce"), "e-commerce");
        assert_eq!(one("pre-\nand post-war"), "pre- and post-war");
    }

    #[test]
    fn dashes_and_slashes_at_line_end() {
        assert_eq!(one("Daesh/\nISIS"), "Daesh/ISIS");
        assert_eq!(one("and/\nor"), "and/or");
        assert_eq!(one("Ukraine -\nthe war"), "Ukraine - the war");
        assert_eq!(one("Ukraine –\nthe war"), "Ukraine – the war");
        assert_eq!(one("a /\nb"), "a / b");
    }

    #[test]
    fn page_break_after_a_dangling_word_is_repaired() {
        assert_eq!(
            all(&[
                "in accordance with international law. The",
                "Ministers further recognized that",
            ]),
            ["in accordance with international law. The Ministers further recognized that"]
        );
        assert_eq!(
            all(&["General Assembly resolution on", "2 March 2022, we will"]),
            ["General Assembly resolution on 2 March 2022, we will"]
        );
    }

    #[test]
    fn break_before_a_lower_case_continuation_is_repaired() {
        assert_eq!(
            all(&[
                "- deliver our goal through the Partnership (PGII)",
                "as outlined in the reference documents.",
            ]),
            [
                "- deliver our goal through the Partnership (PGII) as outlined in the reference documents."
            ]
        );
        assert_eq!(
            all(&["efforts of the inter-", "national community."]),
            ["efforts of the international community."]
        );
        assert_eq!(
            all(&["against Daesh/", "ISIS in Iraq."]),
            ["against Daesh/ISIS in Iraq."]
        );
    }

    #[test]
    fn complete_paragraphs_and_list_items_stay_apart() {
        let blocks = [
            "The Ministers met.",
            "they agreed.",
            "We will:",
            "support Ukraine;",
            "continue close cooperation; and",
            "- engage partners.",
            "Recalling its resolutions, and",
            "Noting with concern",
            "The General Assembly,",
            "a. To sign the Treaty",
            "b. To ratify it",
        ];
        assert_eq!(all(&blocks), blocks);
    }

    #[test]
    fn headings_are_not_joined() {
        let blocks = [
            "Preamble",
            "We, the Leaders of the G7, met in Hiroshima.",
            "Organized Crime / Upholding the Rule of Law / Anti-Corruption",
            "48. We reiterate our commitment.",
            "Protection of global climate for present and future generations of humankind",
            "The General Assembly,",
        ];
        assert_eq!(all(&blocks), blocks);
    }

    #[test]
    fn empty_blocks_are_dropped() {
        assert_eq!(all(&["", " \u{A0}\t", "\u{200B}", "Text."]), ["Text."]);
        assert!(all(&[]).is_empty());
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        let blocks = [
            "The\u{A0}Ministers\tmet\ntoday. The",
            "Ministers further inter-\nnational",
            "law and",
            "Heading",
            "Text\u{AD}\nbook, of",
            "2 March",
        ];
        let once = all(&blocks);
        assert_eq!(
            once,
            [
                "The Ministers met today. The Ministers further international law and Heading",
                "Textbook, of 2 March",
            ]
        );
        assert_eq!(paragraphs(&once), once);
    }
}
