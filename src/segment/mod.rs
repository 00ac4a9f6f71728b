//! Paragraphs into sentences, and which paragraphs are section headings
//! ([`headings`], in `headings.rs`: a heading is kept whole, never split).
//!
//! Input is one normalized paragraph (a single line, spaces collapsed); output
//! is its sentences as slices of it, labels kept at the start of their
//! sentence. Abbreviation lists are data (see `abbreviations.rs`).
//!
//! The segmenter is one left-to-right pass over the bytes. Only `.`, `?`, `!`,
//! `…` (and, in a paragraph that opens with a list label, spaces) are looked
//! at closely; each such candidate is judged from the word before it and the
//! word after it, so the cost is linear in the length of the paragraph and
//! nothing is allocated but the output vector.
//!
//! What it deliberately never does: split on `;`, `,` or `:` (a UN resolution
//! paragraph ending in ";" or "," is one sentence), split inside a token
//! ("A/C.3/80/L.30", "10.5%", "Jane.Doe@example.com"), or split before a
//! lower-case word.

mod abbreviations;
mod headings;
#[cfg(test)]
mod tests;

use crate::normalize::label::{self as labels, Label};
use crate::swar::{HIGH, ascii_in, eq, load, splat};

pub use headings::headings;

/// Splits one normalized paragraph into its sentences, in order, each a
/// trimmed slice of `paragraph`. Paragraph labels ("1.", "(a)") stay at the
/// start of the sentence they introduce.
///
/// Never panics, for any input; every slice returned is non-empty.
pub fn split(paragraph: &str) -> Vec<&str> {
    Scanner::new(paragraph).run()
}

/// Characters that may open a quotation or parenthesis before a word.
const OPENERS: [char; 9] = ['"', '\'', '(', '[', '“', '‘', '«', '¿', '¡'];
/// Characters that may close one after a sentence's final punctuation.
const CLOSERS: [char; 8] = ['"', '\'', ')', ']', '”', '’', '»', '›'];
const ELLIPSIS: &str = "…";

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<&'a str>,
    /// Byte offset where the current sentence starts.
    start: usize,
    /// The current item's label, when the paragraph opened with a list label:
    /// its successor written inline starts a new sentence.
    item: Option<Label<'a>>,
}

/// The word after a candidate boundary.
struct Next<'a> {
    /// Its first character after any opening quote or parenthesis.
    first: Option<char>,
    /// The run of ASCII letters it starts with ("How" in "How about").
    word: &'a str,
    /// Whether that run is followed by a period ("A." in "J. A. Smith").
    dotted: bool,
}

impl Next<'_> {
    fn is_lower(&self) -> bool {
        self.first.is_some_and(char::is_lowercase)
    }

    fn is_upper(&self) -> bool {
        self.first.is_some_and(char::is_uppercase)
    }

    /// Whether it is a common sentence opener standing as a word of its own.
    fn is_opener(&self) -> bool {
        !self.dotted && abbreviations::is_sentence_opener(self.word)
    }
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            out: Vec::new(),
            start: 0,
            item: None,
        }
    }

    fn run(mut self) -> Vec<&'a str> {
        let n = self.b.len();
        let mut i = self.open_paragraph();
        while i < n {
            // Outside a list, eight bytes at a time while none can end a
            // sentence.
            if self.item.is_none() {
                while let Some(chunk) = self.b.get(i..i + 8) {
                    if !unremarkable(load(chunk)) {
                        break;
                    }
                    i += 8;
                }
                if i >= n {
                    break;
                }
            } else {
                // In a list a space may open an inline item: skip to the
                // next byte the match below acts on.
                i = self.next_in_list(i);
                if i >= n {
                    break;
                }
            }
            i = match self.b[i] {
                b'.' => self.period(i),
                b'?' | b'!' => self.exclamation(i),
                0xE2 if self.text[i..].starts_with(ELLIPSIS) => self.dots(i),
                b' ' if self.item.is_some() => self.inline_item(i),
                _ => i + 1,
            };
        }
        self.cut(n);
        self.out
    }

    /// Ends the current sentence at byte `end` (exclusive) and starts the
    /// next one there.
    fn cut(&mut self, end: usize) {
        let sentence = self.text[self.start..end].trim();
        if !sentence.is_empty() {
            self.out.push(sentence);
        }
        self.start = end;
    }

    /// Cuts at `end` and returns where scanning resumes: after the next
    /// sentence's label, whose own period is not a boundary.
    fn cut_and_begin(&mut self, end: usize) -> usize {
        self.cut(end);
        let pos = self.skip_spaces(end);
        match labels::parse(self.text, pos) {
            Some(label) => {
                if self.item.is_some_and(|item| item.same_list(&label)) {
                    self.item = Some(label);
                }
                self.after_label(label)
            }
            None => pos,
        }
    }

    /// Sets up the first sentence: a leading label is skipped (and, if it can
    /// start a list, remembered); so is a resolution number heading a title
    /// ("78/220. Situation of human rights ...").
    fn open_paragraph(&mut self) -> usize {
        if let Some(label) = labels::parse(self.text, 0) {
            if label.is_sequence() {
                self.item = Some(label);
            }
            return self.after_label(label);
        }
        resolution_number(self.b).unwrap_or(0)
    }

    /// Where scanning resumes after `label`: past it, and past a second label
    /// right after a bullet ("• 9. The first item").
    fn after_label(&self, label: Label<'_>) -> usize {
        if let labels::Form::Bullet(_) = label.form {
            let pos = self.skip_spaces(label.end);
            if let Some(inner) = labels::parse(self.text, pos) {
                return inner.end;
            }
        }
        label.end
    }

    fn skip_spaces(&self, mut pos: usize) -> usize {
        while self.b.get(pos) == Some(&b' ') {
            pos += 1;
        }
        pos
    }

    /// Skips closing quotes and parentheses from `pos`.
    fn skip_closers(&self, mut pos: usize) -> usize {
        while let Some(c) = self.text.get(pos..).and_then(|s| s.chars().next()) {
            if !CLOSERS.contains(&c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// The word starting at `pos` (a char boundary), past any openers.
    fn next_word(&self, pos: usize) -> Next<'a> {
        let rest = self.text.get(pos..).unwrap_or("");
        let rest = rest.trim_start_matches(OPENERS);
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        Next {
            first: rest.chars().next(),
            word: &rest[..letters],
            dotted: rest.as_bytes().get(letters) == Some(&b'.'),
        }
    }

    /// The word that ends at byte `end` (exclusive), back to the previous
    /// space or the start of the sentence, without opening punctuation.
    fn word_before(&self, end: usize) -> &'a str {
        let from = self.b[self.start..end]
            .iter()
            .rposition(|&c| c == b' ')
            .map_or(self.start, |p| self.start + p + 1);
        let word = self.text[from..end].trim_start_matches(OPENERS);
        // "Japan–U.S. Joint": the abbreviation is the part after a dash or slash.
        match word.rfind(['-', '–', '—', '/']) {
            Some(p) if !word.ends_with(CLOSERS) => {
                let dash = word[p..].chars().next().map_or(1, char::len_utf8);
                &word[p + dash..]
            }
            _ => word,
        }
    }

    /// Whether the space-delimited token around byte `pos` is an address or
    /// a path (an e-mail or web address, a document symbol), inside which
    /// nothing is a boundary. A token longer than any sane word counts as
    /// one too, which also bounds the cost of looking.
    fn in_address(&self, pos: usize) -> bool {
        const REACH: usize = 256;
        let lo = pos.saturating_sub(REACH);
        let from = match self.b[lo..pos].iter().rposition(|&c| c == b' ') {
            Some(p) => lo + p + 1,
            None if lo == 0 => 0,
            None => return true,
        };
        let hi = (pos + REACH).min(self.b.len());
        let to = match self.b[pos..hi].iter().position(|&c| c == b' ') {
            Some(p) => pos + p,
            None if hi == self.b.len() => hi,
            None => return true,
        };
        let token = &self.b[from..to];
        token.iter().any(|&c| c == b'@' || c == b'/')
            || token
                .get(..4)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"www."))
    }

    /// A `.` at byte `i`.
    fn period(&mut self, i: usize) -> usize {
        if self.is_dot_run(i) {
            return self.dots(i);
        }
        let Some(&after) = self.b.get(i + 1) else {
            return i + 1;
        };
        if after.is_ascii_alphanumeric() {
            return self.glued(i);
        }
        let end = self.skip_closers(i + 1);
        if self.b.get(end) != Some(&b' ') {
            // ".," ".;" ".'s" or the end of the paragraph.
            return end.max(i + 1);
        }
        let next = self.next_word(end + 1);
        if self.ends_sentence(self.word_before(i), &next) {
            self.cut_and_begin(end)
        } else {
            end
        }
    }

    /// Whether a period after `word`, followed by a space and `next`, ends a
    /// sentence.
    fn ends_sentence(&self, word: &str, next: &Next<'_>) -> bool {
        if next.first.is_none() || next.is_lower() {
            return false;
        }
        let Some(last) = word.chars().next_back() else {
            return true;
        };
        if CLOSERS.contains(&last) {
            // "(2015). Next", "(see annex). Next"
            return true;
        }
        if abbreviations::is_prefix(word) {
            return false;
        }
        if abbreviations::is_capital_gated(word) {
            return next.is_upper();
        }
        if abbreviations::is_opener_gated(word) {
            return next.is_opener();
        }
        if is_initials(word) {
            // "U.S. Government", "E.U. How", "Antony J. Blinken", "you and I. Did"
            return !abbreviations::is_name_continuation(next.word) && next.is_opener();
        }
        true
    }

    /// A `.` directly followed by a letter or digit: inside a token
    /// ("U.S.", "2.5", "A/C.3/80", "example.com") unless it plainly joins
    /// two sentences written without a space ("world.Today", "1,000.That").
    fn glued(&mut self, i: usize) -> usize {
        let b = self.b;
        let joined = i > self.start
            && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
            && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase);
        if !joined {
            return i + 1;
        }
        if self.in_address(i) {
            return i + 1;
        }
        let word = self.word_before(i);
        // "24.We welcome ..." opening a sentence is a paragraph number that
        // lost its space, not a sentence of its own.
        let lost_label = (1..=3).contains(&word.len())
            && word.bytes().all(|c| c.is_ascii_digit())
            && self.text[self.start..i].trim_start() == word;
        if lost_label || abbreviations::is_known(word) {
            return i + 1;
        }
        self.cut_and_begin(i + 1)
    }

    /// Whether the `.` at `i` starts a run of two or more periods ("...",
    /// ". . .").
    fn is_dot_run(&self, i: usize) -> bool {
        match self.b.get(i + 1) {
            Some(b'.') => true,
            Some(b' ') => {
                self.b.get(i + 2) == Some(&b'.') || self.text[i + 2..].starts_with(ELLIPSIS)
            }
            _ => self.text[i + 1..].starts_with(ELLIPSIS),
        }
    }

    /// An ellipsis starting at byte `i`: "...", "…", ". . .", "word. . . .".
    ///
    /// Three spaced dots after a space mark an omission inside a sentence;
    /// a fourth dot is the sentence's own period. A word's own period
    /// followed by a spaced ellipsis ends that sentence, and the ellipsis
    /// opens the next one. An ellipsis glued to a word ends the sentence
    /// when a capital follows; one in brackets ("[...]") never does.
    fn dots(&mut self, i: usize) -> usize {
        let b = self.b;
        let mut j = i;
        let mut count = 0;
        loop {
            if b.get(j) == Some(&b'.') {
                count += 1;
                j += 1;
            } else if self.text[j..].starts_with(ELLIPSIS) {
                count += 3;
                j += ELLIPSIS.len();
            } else if count > 0
                && b.get(j) == Some(&b' ')
                && (b.get(j + 1) == Some(&b'.') || self.text[j + 1..].starts_with(ELLIPSIS))
            {
                j += 1;
            } else {
                break;
            }
        }
        let attached = i > self.start && b[i - 1] != b' ';
        let enclosed = i > 0 && matches!(b[i - 1], b'[' | b'(');
        let end = self.skip_closers(j);
        if enclosed || self.b.get(end) != Some(&b' ') {
            return end;
        }
        let next = self.next_word(end + 1);
        if next.first.is_none() || next.is_lower() {
            return end;
        }
        let word_period = b[i] == b'.' && b.get(i + 1) == Some(&b' ');
        if attached && word_period {
            if count >= 4 {
                let resume = self.cut_and_begin(i + 1);
                return resume.max(end);
            }
            return end;
        }
        if attached || count >= 4 {
            return self.cut_and_begin(end);
        }
        end
    }

    /// A run of `?` and `!` at byte `i`.
    fn exclamation(&mut self, i: usize) -> usize {
        let mut j = i;
        while matches!(self.b.get(j), Some(b'?' | b'!')) {
            j += 1;
        }
        let end = self.skip_closers(j);
        if self.b.get(end) != Some(&b' ') {
            return end;
        }
        let next = self.next_word(end + 1);
        if next.first.is_none() || next.is_lower() {
            // "Yahoo! in the accounting department"
            return end;
        }
        self.cut_and_begin(end)
    }

    /// In a paragraph that opened with a list label, the first byte from
    /// `i` that [`run`](Scanner::run) acts on: a `.`, `?` or `!`, the first
    /// byte of `…`, or a space before a byte that can open the current
    /// item's successor. Other spaces are passed over: [`inline_item`]
    /// finds no item after them (a number follows a number, a letter a
    /// letter, `(a)` a `(`, a bullet the same bullet), and most spaces of a
    /// list are such, so eight bytes are judged at a time.
    ///
    /// [`inline_item`]: Scanner::inline_item
    fn next_in_list(&self, mut i: usize) -> usize {
        let successor = self
            .item
            .map_or(Successor::Any, |item| Successor::of(&item));
        // One loop for each kind of successor, so that none asks which
        // kind it is at every chunk.
        i = match successor {
            Successor::Digit => list_chunks(self.b, i, |a| Successor::Digit.mask(a)),
            Successor::Letter => list_chunks(self.b, i, |a| Successor::Letter.mask(a)),
            Successor::Byte(b) => list_chunks(self.b, i, |a| Successor::Byte(b).mask(a)),
            Successor::Any => list_chunks(self.b, i, |a| Successor::Any.mask(a)),
        };
        while let Some(&c) = self.b.get(i) {
            let opens = || self.b.get(i + 1).is_some_and(|&a| successor.may_open(a));
            if matches!(c, b'.' | b'?' | b'!' | 0xE2) || (c == b' ' && opens()) {
                break;
            }
            i += 1;
        }
        i
    }

    /// A space at byte `i` in a paragraph that opened with a list label:
    /// the next item's label written inline starts a new sentence
    /// ("1.) The first item 2.) The second item").
    fn inline_item(&mut self, i: usize) -> usize {
        let Some(item) = self.item else {
            return i + 1;
        };
        let Some(&first) = self.b.get(i + 1) else {
            return i + 1;
        };
        // Cheap filter before parsing: labels start with one of these.
        if !(first.is_ascii_alphanumeric() || first == b'(' || first >= 0x80) {
            return i + 1;
        }
        // A letter label that can follow an item is one letter and `.` or
        // `)`, or a Roman numeral: most words are neither.
        if first.is_ascii_alphabetic()
            && !b"ivxlc".contains(&first)
            && !matches!(self.b.get(i + 2), Some(b'.' | b')'))
        {
            return i + 1;
        }
        let Some(label) = labels::parse(self.text, i + 1) else {
            return i + 1;
        };
        if !item.is_followed_by(&label) || abbreviations::is_reference_word(self.word_before(i)) {
            return i + 1;
        }
        self.cut_and_begin(i)
    }
}

/// What the label after an item's can start with: the first byte any
/// label [`Label::is_followed_by`] accepts after it has.
#[derive(Clone, Copy)]
enum Successor {
    /// A digit: after a numbered item ("1.", "2)").
    Digit,
    /// An ASCII letter: after a lettered one ("a.", "iv)").
    Letter,
    /// This byte: `(` after an enclosed label, a bullet's first byte.
    Byte(u8),
    /// Anything (a label that is no item; never the current item).
    Any,
}

impl Successor {
    fn of(item: &Label<'_>) -> Successor {
        match item.form {
            labels::Form::Enclosed => Successor::Byte(b'('),
            labels::Form::Bullet(c) => {
                let mut utf8 = [0; 4];
                Successor::Byte(c.encode_utf8(&mut utf8).as_bytes()[0])
            }
            labels::Form::Other => Successor::Any,
            _ if item.value.bytes().all(|c| c.is_ascii_digit()) => Successor::Digit,
            _ => Successor::Letter,
        }
    }

    fn may_open(self, b: u8) -> bool {
        match self {
            Successor::Digit => b.is_ascii_digit(),
            Successor::Letter => b.is_ascii_alphabetic(),
            Successor::Byte(want) => b == want,
            Successor::Any => true,
        }
    }

    /// [`may_open`](Successor::may_open) for eight bytes at once: the high
    /// bit of each byte of `x` that it holds for.
    fn mask(self, x: u64) -> u64 {
        match self {
            Successor::Digit => ascii_in(x, b'0', b'9'),
            // Setting bit 5 lower-cases letters and maps nothing else into
            // a..z.
            Successor::Letter => ascii_in(x | splat(0x20), b'a', b'z'),
            Successor::Byte(want) => bytes_eq(x, want),
            Successor::Any => HIGH,
        }
    }
}

/// The high bit of each byte of `x` (little-endian) that [`Scanner::run`]
/// acts on in a list ([`Scanner::next_in_list`] says which), `opens` the
/// mask of the current item's successor ([`Successor::mask`]) of the byte
/// after each.
///
/// Only the lowest bit is sure to be a hit: the test for `.`, `?`, `!` and
/// `…` is the cheap one that may also set a bit above a byte it finds,
/// which is no matter, as the scan stops at the first.
fn list_hits(x: u64, opens: u64) -> u64 {
    eq(x, b'.') | eq(x, b'?') | eq(x, b'!') | eq(x, 0xE2) | (bytes_eq(x, b' ') & opens)
}

/// The first hit ([`list_hits`]) of `b` from `i`, eight bytes at a time,
/// `opens` the successor's mask; where the last whole chunk ends when there
/// is none.
fn list_chunks(b: &[u8], mut i: usize, opens: impl Fn(u64) -> u64) -> usize {
    // Nine bytes: each of the eight and the byte after it.
    while let Some(window) = b.get(i..i + 9) {
        let hits = list_hits(load(&window[..8]), opens(load(&window[1..])));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// The high bit of each byte of `x` that is exactly `b` (no false hits, so
/// the lowest one found is the first such byte).
fn bytes_eq(x: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let y = x ^ splat(b);
    !(((y & LOW7) + LOW7) | y | LOW7)
}

/// Whether eight bytes (little-endian in `x`) hold no `.`, `?` or `!` and
/// no byte of a non-ASCII character (such as `…`): nothing the scanner
/// looks at outside a list.
fn unremarkable(x: u64) -> bool {
    (x & HIGH) | eq(x, b'.') | eq(x, b'?') | eq(x, b'!') == 0
}

/// Whether `word` (without its final period) is a run of initials: one or
/// more letters-and-periods groups of one or two letters ("J", "U.S",
/// "E.U", "a.m", "Ph.D").
fn is_initials(word: &str) -> bool {
    if word.len() == 1 {
        return word.as_bytes()[0].is_ascii_uppercase();
    }
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.len()) && part.bytes().all(|c| c.is_ascii_alphabetic())
        })
}

/// The end of a resolution number heading a paragraph ("78/220." in
/// "78/220. Situation of human rights"), which belongs to its title.
fn resolution_number(b: &[u8]) -> Option<usize> {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let session = digits(0);
    if !(1..=3).contains(&session) || b.get(session) != Some(&b'/') {
        return None;
    }
    let number = digits(session + 1);
    let end = session + 1 + number;
    ((1..=4).contains(&number) && b.get(end) == Some(&b'.') && b.get(end + 1) == Some(&b' '))
        .then_some(end + 1)
}
