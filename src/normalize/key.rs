//! Comparison keys: what "the same sentence" means.
//!
//! Two sentences are the same when their keys are equal. By default the key
//! folds the editorial differences that drafters do not count as changes —
//! quote style, dash style (including the non-breaking hyphen U+2011 that UN
//! documents use), whitespace and letter case — and [`editorial`] names
//! which of those told two texts apart. British versus American spelling
//! ("recognise"/"recognize", the word list in `spelling.txt`) is editorial
//! too, but folded only by [`editorial_key`], which decides whether a paired
//! revision is editorial: scanning every word of every sentence for it in
//! [`key`], the aligner's hot path, cost a tenth of the whole diff, while
//! pairing never needed it (a sentence that only changes spelling pairs by
//! similarity anyway). The aligner and every other stage compare through
//! this module and never normalize on their own.

use serde::{Deserialize, Serialize};

/// A kind of difference that does not count as a change by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Editorial {
    /// Straight versus curly quotes and apostrophes, guillemets.
    Quotes,
    /// Hyphen, non-breaking hyphen, en dash, em dash, minus.
    Dashes,
    /// Spaces: their kind, their number, or spaces around punctuation.
    Whitespace,
    /// Upper versus lower case.
    Case,
    /// British versus American spelling of the same word ("recognise" and
    /// "recognize", "programme" and "program").
    Spelling,
    /// Punctuation alone (a comma added, a semicolon for a full stop), no
    /// word changed. Comparison keys keep punctuation, so that sentences
    /// are paired by it too; a pair that differs only by it is folded into
    /// `same` after pairing (`crate::analyze`). Square brackets, a draft's
    /// disputed text, are never punctuation.
    Punctuation,
}

impl Editorial {
    /// Every kind, in the order reports list them.
    pub const ALL: [Editorial; 6] = [
        Editorial::Quotes,
        Editorial::Dashes,
        Editorial::Whitespace,
        Editorial::Case,
        Editorial::Spelling,
        Editorial::Punctuation,
    ];

    /// The lower-case name used in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Editorial::Quotes => "quotes",
            Editorial::Dashes => "dashes",
            Editorial::Whitespace => "whitespace",
            Editorial::Case => "case",
            Editorial::Spelling => "spelling",
            Editorial::Punctuation => "punctuation",
        }
    }
}

/// Which differences do not count as changes: the comparison key folds
/// away the first five kinds of [`Editorial`] difference; punctuation is
/// folded after pairing (see [`Editorial::Punctuation`]). The default folds
/// all six.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folding {
    /// Fold quote style (default `true`).
    pub quotes: bool,
    /// Fold dash style (default `true`).
    pub dashes: bool,
    /// Fold whitespace (default `true`).
    pub whitespace: bool,
    /// Fold letter case (default `true`).
    pub case: bool,
    /// Fold British spellings into American ones (default `true`).
    pub spelling: bool,
    /// Count a revision that only changes punctuation as `same` (default
    /// `true`); the key itself always keeps punctuation.
    pub punctuation: bool,
}

impl Default for Folding {
    fn default() -> Folding {
        Folding {
            quotes: true,
            dashes: true,
            whitespace: true,
            case: true,
            spelling: true,
            punctuation: true,
        }
    }
}

impl Folding {
    /// The folding words are matched with against a lexicon's phrases
    /// (commitment markers, hedges): case, quotes, dashes and spaces, but
    /// not spelling, since the lexicon lists each spelling it knows and the
    /// sentence's words are read as written.
    pub const LEXICON: Folding = Folding {
        quotes: true,
        dashes: true,
        whitespace: true,
        case: true,
        spelling: false,
        punctuation: true,
    };

    /// Folds nothing: any difference counts.
    pub const NONE: Folding = Folding {
        quotes: false,
        dashes: false,
        whitespace: false,
        case: false,
        spelling: false,
        punctuation: false,
    };

    /// This folding, with differences of `kind` counting as changes.
    pub fn without(self, kind: Editorial) -> Folding {
        let mut f = self;
        match kind {
            Editorial::Quotes => f.quotes = false,
            Editorial::Dashes => f.dashes = false,
            Editorial::Whitespace => f.whitespace = false,
            Editorial::Case => f.case = false,
            Editorial::Spelling => f.spelling = false,
            Editorial::Punctuation => f.punctuation = false,
        }
        f
    }

    fn folds(self, kind: Editorial) -> bool {
        match kind {
            Editorial::Quotes => self.quotes,
            Editorial::Dashes => self.dashes,
            Editorial::Whitespace => self.whitespace,
            Editorial::Case => self.case,
            Editorial::Spelling => self.spelling,
            Editorial::Punctuation => self.punctuation,
        }
    }
}

fn fold_quote(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            Some('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        _ => None,
    }
}

fn fold_dash(c: char) -> Option<char> {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        _ => None,
    }
}

/// Whether `c` is punctuation in the sense of [`Editorial::Punctuation`]:
/// neither a letter, a digit nor a space, and not a quote or a dash, which
/// are editorial differences of their own.
pub fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(c, '\'' | '"' | '-')
        && fold_quote(c).is_none()
        && fold_dash(c).is_none()
}

/// The comparison key of `text` under `folding`: equal keys mean "the same
/// sentence". Whitespace folding also drops spaces before closing punctuation
/// and around dashes, since sources differ there without meaning anything.
pub fn key(text: &str, folding: Folding) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    // An ASCII byte that is neither folded whitespace nor a folded quote is
    // kept as it is (lower-cased when case folds): most of a sentence is
    // runs of them, copied whole rather than a character at a time.
    let plain = |b: u8| {
        b.is_ascii() && !(folding.whitespace && is_ascii_space(b)) && !(folding.quotes && b == b'`')
    };
    let mut i = 0;
    while i < bytes.len() {
        if plain(bytes[i]) {
            let run = plain_run(bytes, i, folding.whitespace, plain);
            if pending_space {
                push_space_before(&mut out, char::from(bytes[i]));
                pending_space = false;
            }
            let from = out.len();
            out.push_str(&text[i..run]);
            if folding.case
                && let Some(added) = out.get_mut(from..)
            {
                added.make_ascii_lowercase();
            }
            i = run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        push_folded(&mut out, &mut pending_space, c, folding);
    }
    out
}

/// The key that decides whether two texts differ only editorially:
/// [`key`], with British spellings folded into American ones when
/// `folding.spelling` (see the module doc for why [`key`] does not).
pub fn editorial_key(text: &str, folding: Folding) -> String {
    let mut out = key(text, folding);
    if folding.spelling {
        fold_spelling(&mut out);
    }
    out
}

/// British spellings and their American forms, one pair a line (see the
/// file): data, so that the list can grow without code.
const SPELLINGS: &str = include_str!("spelling.txt");

/// The spelling table, read once: every British form (inflections of
/// -ise and -yse verbs derived) to its American form, and a filter of the
/// words' endings that rules out almost every word before any lookup.
struct Spellings {
    words: rustc_hash::FxHashMap<Box<str>, Box<str>>,
    endings: Box<[u64; ENDING_WORDS]>,
}

/// The size of the endings filter, in 64-bit words (2^14 bits).
const ENDING_WORDS: usize = 256;

/// The shortest British form in the table: shorter words are not looked up.
const SHORTEST: usize = 4;

/// The longest word looked up; longer ones are in no table.
const LONGEST: usize = 24;

/// The filter bit of a word's ending: its last five letters (all of a
/// shorter word), lower-cased and packed into an integer, hashed. One word
/// in twenty of a UN text passes.
fn ending_bit(word: &[u8]) -> usize {
    let from = word.len().saturating_sub(5);
    let packed = word[from..]
        .iter()
        .fold(0u64, |h, &b| (h << 8) | u64::from(b | 0x20));
    ending_bit_of(packed)
}

/// [`ending_bit`] of a word's last five letters packed as it packs them.
fn ending_bit_of(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50) as usize % (ENDING_WORDS * 64)
}

fn spellings() -> &'static Spellings {
    static TABLE: std::sync::OnceLock<Spellings> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = rustc_hash::FxHashMap::default();
        for line in SPELLINGS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((british, american)) = line.split_once(' ') else {
                continue;
            };
            let american = american.trim();
            words.insert(british.into(), american.into());
            // Inflections of -ise and -yse verbs: recognises, recognised,
            // recognising, recognisation(s); analysed, analysing.
            let verbs: &[(&str, &str, &[&str])] = &[
                ("ise", "ize", &["es", "ed", "ing", "ation", "ations"]),
                ("yse", "yze", &["ed", "ing"]),
            ];
            for &(b, a, endings) in verbs {
                if let (Some(bs), Some(as_)) = (british.strip_suffix(b), american.strip_suffix(a)) {
                    let (b, a) = (&b[..2], &a[..2]);
                    for e in endings {
                        words.insert(
                            format!("{bs}{b}{e}").into_boxed_str(),
                            format!("{as_}{a}{e}").into_boxed_str(),
                        );
                    }
                }
            }
        }
        let mut endings = Box::new([0u64; ENDING_WORDS]);
        for british in words.keys() {
            let bit = ending_bit(british.as_bytes());
            endings[bit / 64] |= 1 << (bit % 64);
        }
        Spellings { words, endings }
    })
}

/// Folds the British spellings of `key` into American ones, in place, in
/// one pass over its bytes. Each ASCII word is tested by its length and
/// its ending first (a bit of [`Spellings::endings`]): most are ruled out
/// without a lookup, and nothing is allocated unless a word is replaced
/// (when case is kept, a word is lower-cased on the stack to look it up).
fn fold_spelling(key: &mut String) {
    let table = spellings();
    // (start, end, American form) of each word to replace, in order.
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    let bytes = key.as_bytes();
    // One pass without a branch per letter: the last five letters of the
    // current word, lower-cased, packed into `last`, and its length; a
    // word is looked at only where it ends.
    let mut last = 0u64;
    let mut len = 0usize;
    let mut at_end = |i: usize, last: u64, len: usize| {
        let bit = ending_bit_of(last & 0xFF_FFFF_FFFF);
        if table.endings[bit / 64] & (1 << (bit % 64)) != 0
            && let Some(american) = british(table, bytes, i - len, i)
        {
            found.push((i - len, i, american));
        }
    };
    for (i, &b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic();
        if !letter && len >= SHORTEST {
            at_end(i, last, len);
        }
        // All ones in a word, zero outside it.
        let mask = 0u64.wrapping_sub(u64::from(letter));
        last = ((last << 8) | u64::from(b | 0x20)) & mask;
        len = (len + 1) & (mask as usize);
    }
    if len >= SHORTEST {
        at_end(bytes.len(), last, len);
    }
    // From the last, so that the earlier ranges stay where they are.
    for &(start, end, american) in found.iter().rev() {
        let capital = key.as_bytes()[start].is_ascii_uppercase();
        key.replace_range(start..end, american);
        // Keep a capital first letter when case is not folded.
        if capital && let Some(first) = key.get_mut(start..start + 1) {
            first.make_ascii_uppercase();
        }
    }
}

/// The American form of the word at `start..end` of `bytes`, if the table
/// has it: not when it runs on into digits or other letters (non-ASCII).
fn british<'t>(table: &'t Spellings, bytes: &[u8], start: usize, end: usize) -> Option<&'t str> {
    let joined = |b: u8| b.is_ascii_digit() || !b.is_ascii();
    if bytes.get(end).is_some_and(|&b| joined(b)) || (start > 0 && joined(bytes[start - 1])) {
        return None;
    }
    let word = &bytes[start..end];
    if word.len() > LONGEST {
        return None;
    }
    let mut lower = [0u8; LONGEST];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    let american = table.words.get(std::str::from_utf8(lower).ok()?)?;
    Some(american)
}

/// Adds `c` to the key `out` under `folding`, one character at a time:
/// the definition that the run copying in `key` short-cuts. `pending_space`
/// holds a run of folded whitespace until the next character decides it.
fn push_folded(out: &mut String, pending_space: &mut bool, c: char, folding: Folding) {
    let c = if folding.quotes {
        fold_quote(c).unwrap_or(c)
    } else {
        c
    };
    let c = if folding.dashes {
        fold_dash(c).unwrap_or(c)
    } else {
        c
    };
    if folding.whitespace && c.is_whitespace() {
        *pending_space = !out.is_empty();
        return;
    }
    if *pending_space {
        push_space_before(out, c);
        *pending_space = false;
    }
    if folding.case {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// The end of the run of plain bytes (see `key`) from `start`, taking in
/// the single spaces between words that the key keeps as they are: the
/// space neither closes up to what follows nor follows an opening bracket
/// or dash.
fn plain_run(bytes: &[u8], start: usize, fold_space: bool, plain: impl Fn(u8) -> bool) -> usize {
    let mut end = start;
    loop {
        // Eight bytes at a time to the next one that may not be plain: a
        // space (one in six bytes of a sentence), a control, a backquote or
        // a non-ASCII byte. Every other byte is plain under any folding.
        while let Some(chunk) = bytes.get(end..end + 8) {
            let look = needs_look(crate::swar::load(chunk));
            if look != 0 {
                end += (look.trailing_zeros() / 8) as usize;
                break;
            }
            end += 8;
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        if plain(b) {
            end += 1;
            continue;
        }
        let kept_space = fold_space
            && b == b' '
            && end > start
            && !is_opening(bytes[end - 1])
            && bytes
                .get(end + 1)
                .is_some_and(|&next| plain(next) && !is_closing(next));
        if !kept_space {
            break;
        }
        end += 1;
    }
    end
}

/// The high bit of the first byte of `x` (little-endian) that is below
/// `!` (a space or a control), a backquote or not ASCII, and maybe of later
/// bytes; zero when there is none. (The test for a byte value sets a false
/// bit only above a true one, so the lowest bit set is always true.)
fn needs_look(x: u64) -> u64 {
    use crate::swar::{HIGH, below, eq};
    (x & HIGH) | below(x, b'!') | eq(x, b'`')
}

/// The ASCII characters `char::is_whitespace` accepts (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Whether `b` closes up to what precedes it: no space before it in a key.
fn is_closing(b: u8) -> bool {
    matches!(
        b,
        b',' | b'.' | b';' | b':' | b')' | b']' | b'?' | b'!' | b'-'
    )
}

/// Whether `b` opens onto what follows it: no space after it in a key.
fn is_opening(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'-')
}

/// Ends a run of folded whitespace before `next`: one space, unless `next`
/// closes (punctuation, a dash) or what precedes opens (a bracket, a dash).
fn push_space_before(out: &mut String, next: char) {
    let glue = u8::try_from(next).is_ok_and(is_closing)
        || out.as_bytes().last().is_some_and(|&b| is_opening(b));
    if !glue {
        out.push(' ');
    }
}

/// Which editorial differences tell `a` and `b` apart, given that their keys
/// under `folding` are equal: a kind is listed when the texts still differ
/// with every other kind folded. Empty when the texts are identical.
pub fn editorial(a: &str, b: &str, folding: Folding) -> Vec<Editorial> {
    if a == b {
        return Vec::new();
    }
    // Keys keep punctuation: texts with equal keys never differ by it.
    Editorial::ALL
        .into_iter()
        .filter(|&kind| folding.folds(kind) && kind != Editorial::Punctuation)
        .filter(|&kind| {
            editorial_key(a, folding.without(kind)) != editorial_key(b, folding.without(kind))
        })
        .collect()
}

/// Month names as comparison keys spell them (lower case): dates are told
/// apart from other words by these.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The words of a comparison key: maximal runs of letters and digits, the
/// units that similarity and candidate search count.
pub fn words(key: &str) -> impl Iterator<Item = &str> {
    Words {
        key,
        at: 0,
        ascii: key.is_ascii(),
    }
}

/// Whether each byte value is an ASCII letter or digit: one load per byte
/// where the range tests take several (every word of both documents is
/// split here).
pub(crate) static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The iterator [`words`] returns: byte by byte through an ASCII key (most
/// are, and every word of both documents passes through here), char by
/// char through another.
struct Words<'a> {
    key: &'a str,
    at: usize,
    ascii: bool,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.key.get(self.at..)?;
        let (start, end) = if self.ascii {
            let bytes = rest.as_bytes();
            let start = bytes.iter().position(|&b| ALNUM[usize::from(b)]);
            let start = start.unwrap_or(bytes.len());
            let len = bytes[start..].iter().position(|&b| !ALNUM[usize::from(b)]);
            (start, start + len.unwrap_or(bytes.len() - start))
        } else {
            let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
            let len = rest[start..].find(|c: char| !c.is_alphanumeric());
            (start, start + len.unwrap_or(rest.len() - start))
        };
        self.at += end;
        (start < end).then(|| &rest[start..end])
    }
}

/// Words with a digit count as one word, "#", when pairing sentences: a
/// revision that changes a date or a count ("93 States" → "94 States", "42nd
/// plenary meeting" → "43rd …") is still the same sentence revised. The edit
/// script still shows, and names, the number that changed.
pub fn number_class(word: &str) -> &str {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        "#"
    } else {
        word
    }
}

/// Words that carry no content on their own: a pair of two of them says
/// nothing about which sentence it came from.
const STOP_WORDS: &[&str] = &[
    "a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "which", "with",
];

/// The words of `text`'s comparison key under `folding`, each hashed (every
/// word with a digit as one class, [`number_class`]), with whether it
/// carries no content on its own (a stop word or a number).
pub fn word_hashes(text: &str, folding: Folding) -> Vec<(u64, bool)> {
    key_word_hashes(&key(text, folding))
}

/// [`word_hashes`] of a comparison key.
pub fn key_word_hashes(key: &str) -> Vec<(u64, bool)> {
    use std::hash::Hasher as _;
    words(key)
        .map(|w| {
            let class = number_class(w);
            let mut h = rustc_hash::FxHasher::default();
            h.write(class.as_bytes());
            (h.finish(), STOP_WORDS.contains(&class) || class == "#")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `key` one character at a time, without the run copying.
    fn key_by_char(text: &str, folding: Folding) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            push_folded(&mut out, &mut pending_space, c, folding);
        }
        out
    }

    /// What sentences are made of, weighted towards the places where runs
    /// of plain bytes start and end: spaces of every kind, brackets,
    /// closing punctuation, quotes and dashes, case.
    const PIECES: [&str; 30] = [
        "Treaty",
        "Rome!",
        "\u{7f}",
        "aim: the",
        "of",
        "2024",
        "É",
        "İ",
        "ß",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{0b}",
        "\u{a0}",
        "\u{2003}",
        "(",
        "[",
        "-",
        ",",
        ".",
        ")",
        "`",
        "\u{2019}",
        "\u{201C}",
        "\u{2011}",
        "Recognised",
        "programme",
        "centre",
    ];

    proptest! {
        #[test]
        fn key_matches_its_definition(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..40),
            mask in 0u8..32,
        ) {
            let folding = Folding {
                quotes: mask & 1 != 0,
                dashes: mask & 2 != 0,
                whitespace: mask & 4 != 0,
                case: mask & 8 != 0,
                spelling: mask & 16 != 0,
                punctuation: true,
            };
            let text = pieces.concat();
            prop_assert_eq!(key(&text, folding), key_by_char(&text, folding));
        }
    }

    #[test]
    fn needs_look_finds_the_first_byte_that_may_not_be_plain() {
        let first = |s: &[u8]| match needs_look(u64::from_le_bytes(s.try_into().unwrap())) {
            0 => None,
            look => Some(look.trailing_zeros() / 8),
        };
        assert_eq!(first(b"Treaties"), None);
        assert_eq!(first(b"(a),.;!~"), None);
        assert_eq!(first(b"of the a"), Some(2));
        assert_eq!(first(b"ab !!!!!"), Some(2), "a ! after a space");
        assert_eq!(first(b"abc`\t   "), Some(3));
        assert_eq!(first(b"abcdefg\x1f"), Some(7));
        assert_eq!(first("abcd\u{2019}x".as_bytes()), Some(4));
    }

    #[test]
    fn folds_editorial_differences() {
        let f = Folding::default();
        assert_eq!(
            key("The Treaty’s “entry”", f),
            key("the treaty's \"entry\"", f)
        );
        assert_eq!(key("long\u{2011}term", f), key("long-term", f));
        assert_eq!(key("2020 – 2021", f), key("2020-2021", f));
        assert_eq!(key("a  b ;", f), key("a b;", f));
        assert_ne!(key("commits", f), key("commit", f));
    }

    #[test]
    fn names_the_editorial_kinds() {
        let f = Folding::default();
        assert_eq!(editorial("x", "x", f), vec![]);
        assert_eq!(
            editorial("The Treaty’s aim", "the Treaty's aim", f),
            vec![Editorial::Quotes, Editorial::Case]
        );
        assert_eq!(
            editorial("long\u{2011}term", "long-term", f),
            vec![Editorial::Dashes]
        );
        assert_eq!(editorial("a  b", "a b", f), vec![Editorial::Whitespace]);
    }

    #[test]
    fn folds_british_spellings() {
        let f = Folding::default();
        for (british, american) in [
            (
                "We recognise the centre's programme.",
                "We recognize the center's program.",
            ),
            (
                "Recognising the organisations",
                "Recognizing the organizations",
            ),
            ("defence and labour", "defense and labor"),
            (
                "They travelled; she analysed it.",
                "They traveled; she analyzed it.",
            ),
        ] {
            assert_eq!(
                editorial_key(british, f),
                editorial_key(american, f),
                "{british}"
            );
            // Comparison keys keep spelling: pairing does not need the fold.
            assert_ne!(key(british, f), key(american, f), "{british}");
        }
        assert_eq!(
            editorial("We recognise it.", "We recognize it.", f),
            vec![Editorial::Spelling]
        );
        assert_eq!(
            editorial("We Recognise it.", "we recognize it.", f),
            vec![Editorial::Case, Editorial::Spelling]
        );
        // Not in the table, or not a word of its own.
        assert_ne!(editorial_key("otherwise", f), editorial_key("otherwize", f));
        assert_ne!(editorial_key("centre2", f), editorial_key("center2", f));
        // Counted when not folded, and case kept when case counts.
        let counted = f.without(Editorial::Spelling);
        assert_ne!(
            editorial_key("recognise", counted),
            editorial_key("recognize", counted)
        );
        let cased = f.without(Editorial::Case);
        assert_eq!(editorial_key("Recognise", cased), "Recognize");
        assert_eq!(editorial_key("the Centre", cased), "the Center");
    }

    #[test]
    fn case_counts_when_not_folded() {
        let f = Folding {
            case: false,
            ..Folding::default()
        };
        assert_ne!(key("The", f), key("the", f));
    }

    #[test]
    fn words_split_on_punctuation() {
        let k = key("A/RES/78/35, (2015).", Folding::default());
        assert_eq!(
            words(&k).collect::<Vec<_>>(),
            ["a", "res", "78", "35", "2015"]
        );
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits_in_any_script() {
        for text in [
            "",
            "  ",
            "Türkiye’s «Côte d’Ivoire» — 2025/26 ½ Ⅻ…x",
            "中华人民共和国,Россия;العربية ١٢٣",
            "a\u{00A0}b\u{2009}c\u{0301}d",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }
}
