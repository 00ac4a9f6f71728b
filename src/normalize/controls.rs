//! What a control character becomes: the one place that decides, on the way
//! in and on the way out.
//!
//! Statement text, metadata, file names and commit messages come from
//! people who may not mean well: a title `\e]0;PWNED\a` retitles the
//! terminal that prints it, `\e[2J` clears it, and a bidi override makes a
//! redline lie (`100` → `\u{202E}001\u{202C}` displays as "100 → 100").
//!
//! - **On import** ([`strip`], and [`strip_sequences`] inside
//!   [`paragraph`](super::paragraph)): a terminal escape sequence is removed
//!   whole (ESC or a C1 introducer with the parameters and final byte a
//!   terminal would read with it; an OSC/DCS string ends at BEL, ST or the
//!   next control character, and one the text never ends loses only its
//!   introducer); the bidi embeddings, overrides and isolates
//!   U+202A–U+202E and U+2066–U+2069 are removed (the logical order of the
//!   characters is what was agreed; the marks U+200E, U+200F and U+061C,
//!   which right-to-left text needs, stay); every other control character
//!   (C0, DEL, C1) becomes a space. The sentence-file reader does the same,
//!   so a file committed by plain git carries none of them either.
//! - **On output** ([`visible`], [`VisibleWriter`]): whatever is left (a file
//!   name, a commit message, a statement that never went through import) is
//!   shown as a visible escape in Rust's `\u{…}` form (`\u{1b}`, `\u{202e}`,
//!   a line break in a one-line value as `\u{a}`), never raw.

use std::borrow::Cow;
use std::io::{self, Write};

/// ESC, which opens every 7-bit escape sequence.
const ESC: char = '\u{1b}';
/// BEL, which ends an OSC string in xterm's dialect.
const BEL: char = '\u{7}';

/// Whether `c` is a bidi embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069): the characters that reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` must never reach a terminal raw: a control character (C0,
/// DEL, C1) or a bidi control.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Whether `text` holds a character that [`strip`] or [`visible`] would
/// change. Cheap: one pass over the bytes, most of which are ASCII.
pub fn has_unsafe(text: &str) -> bool {
    next_unsafe(text.as_bytes(), 0, false).is_some()
}

/// The byte offset of the first unsafe character of `bytes` (valid UTF-8)
/// at or after `from`; with `keep_lines`, line breaks and tabs are safe.
/// Compares bytes, not characters: this runs over every report a command
/// writes.
fn next_unsafe(bytes: &[u8], from: usize, keep_lines: bool) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        // Eight bytes at a time while all are printable ASCII, then
        // straight to the first that is not.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let skip =
                printable_ascii_prefix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
            if skip > 0 {
                i += skip;
                continue;
            }
        }
        let unsafe_here = match bytes[i] {
            b'\n' | b'\t' => !keep_lines,
            0..=0x1f | 0x7f => true,
            // U+0080–U+009F are C2 80–C2 9F.
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            // U+202A–U+202E are E2 80 AA–AE; U+2066–U+2069 are E2 81 A6–A9.
            0xe2 => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if unsafe_here {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// [`next_unsafe`] for the text serde_json writes, which escapes every C0
/// control in a string itself and writes no other but line breaks: only
/// DEL, C1 and bidi controls can stand raw in it. Their lead bytes are
/// found with memchr, which makes this scan of a large JSON report cheap.
fn next_unsafe_in_json(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr3_iter(0x7f, 0xc2, 0xe2, &bytes[from..])
        .map(|i| from + i)
        .find(|&i| next_unsafe(&bytes[..(i + 3).min(bytes.len())], i, true) == Some(i))
}

/// How many of the eight bytes of `x` (little-endian) are printable ASCII
/// (0x20–0x7E) before the first that is not.
fn printable_ascii_prefix(x: u64) -> usize {
    (crate::swar::unprintable(x).trailing_zeros() / 8) as usize
}

/// How many bytes at the end of `bytes` may start an unsafe character
/// whose other bytes are still to come (C2, E2, E2 80, E2 81).
fn cut_at_end(bytes: &[u8]) -> usize {
    match bytes {
        [.., 0xe2, 0x80 | 0x81] => 2,
        [.., 0xc2 | 0xe2] => 1,
        _ => 0,
    }
}

/// What kind of sequence a character opens, if any.
enum Opens {
    /// ESC: what follows decides.
    Escape,
    /// CSI (`ESC [` or U+009B): parameters, intermediates, a final byte.
    Csi,
    /// OSC, DCS, SOS, PM, APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`
    /// or their C1 forms): a string up to BEL or ST.
    String,
}

fn opens(c: char) -> Option<Opens> {
    match c {
        ESC => Some(Opens::Escape),
        '\u{9b}' => Some(Opens::Csi),
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => Some(Opens::String),
        _ => None,
    }
}

/// `text` without its terminal escape sequences (the rule is in the module
/// documentation); other characters, controls included, are left for the
/// caller. Without a sequence, `text` is returned as it is.
pub fn strip_sequences(text: &str) -> Cow<'_, str> {
    if !has_sequence(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(kind) = opens(c) else {
            out.push(c);
            continue;
        };
        let kind = match kind {
            Opens::Escape => match chars.peek() {
                Some('[') => Opens::Csi,
                Some(']' | 'P' | 'X' | '^' | '_') => Opens::String,
                // ESC, intermediates (0x20–0x2F), a final byte (0x30–0x7E).
                Some(' '..='/') | Some('0'..='~') => {
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next_if(|c| matches!(c, '0'..='~'));
                    continue;
                }
                // A lone ESC: only it goes.
                _ => continue,
            },
            other => other,
        };
        if c == ESC {
            // The `[` or `]` (or P, X, ^, _) that made it a CSI or a string.
            chars.next();
        }
        match kind {
            Opens::Csi => {
                while chars.next_if(|c| matches!(c, '0'..='?')).is_some() {}
                while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                chars.next_if(|c| matches!(c, '@'..='~'));
            }
            _ => {
                // Up to BEL, ST (ESC \ or U+009C) or any other control,
                // which a terminal takes as the end too (and which is left
                // for the caller). A string the text never ends is not one
                // a terminal would hide: its words are the statement's, so
                // only the introducer goes (the rest of a sentence is not
                // lost to a stray `ESC ]`).
                let mut body = String::new();
                let mut ended = false;
                while let Some(&next) = chars.peek() {
                    if next == BEL || next == '\u{9c}' {
                        chars.next();
                        ended = true;
                        break;
                    }
                    if next == ESC {
                        chars.next();
                        chars.next_if_eq(&'\\');
                        ended = true;
                        break;
                    }
                    if next.is_control() {
                        ended = true;
                        break;
                    }
                    body.push(next);
                    chars.next();
                }
                if !ended {
                    out.push_str(&body);
                }
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds ESC or a C1 character (C2 80–C2 9F) that may open
/// a sequence. On the import path for every block, so a byte search.
fn has_sequence(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0x1b, 0xc2, bytes)
        .any(|i| bytes[i] == 0x1b || bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
}

/// `text` as it may be stored: escape sequences and bidi controls removed,
/// every other control character (line breaks and tabs included) turned
/// into a space. For one-line values: metadata, and a sentence line of a
/// sentence file. Idempotent; without anything to change, `text` is
/// returned as it is.
pub fn strip(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let text = strip_sequences(text);
    let out = text
        .chars()
        .filter(|&c| !is_bidi_control(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Cow::Owned(out)
}

/// `text` with every control character and bidi control shown as a visible
/// escape (`\u{1b}`, `\u{202e}`), for a terminal, a log or any report that
/// people read. A line break is escaped too: what is written is one line.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_keeping(text, false, Escape::Rust)
}

/// How a character is written visibly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Escape {
    /// `\u{1b}`, as Rust and ripgrep write it.
    Rust,
    /// `\u001b`, which a JSON string reads back as the character.
    Json,
}

impl Escape {
    /// The escape of `c`. Every unsafe character is in the BMP: four hex
    /// digits suffice for JSON.
    fn of(self, c: char) -> String {
        match self {
            Escape::Rust => format!("\\u{{{:x}}}", u32::from(c)),
            Escape::Json => format!("\\u{:04x}", u32::from(c)),
        }
    }
}

/// [`visible`], leaving line breaks and tabs as they are with `keep_lines`.
/// Runs of safe text are copied whole.
fn visible_keeping(text: &str, keep_lines: bool, escape: Escape) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(mut at) = next_unsafe(bytes, 0, keep_lines) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    loop {
        out.push_str(&text[copied..at]);
        // `at` starts a character: every unsafe lead byte does.
        let c = text[at..].chars().next().unwrap_or_default();
        out.push_str(&escape.of(c));
        copied = at + c.len_utf8();
        match next_unsafe(bytes, copied, keep_lines) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A writer that passes text on with every control character except line
/// breaks and tabs, and every bidi control, made [`visible`]: for the
/// commands whose output has no color of its own, so that no field they
/// print can reach the terminal raw. It works on bytes (what is written is
/// UTF-8, the text of `String`s), so it costs one scan of the output.
pub struct VisibleWriter<W: Write> {
    inner: W,
    escape: Escape,
    /// The start of a character cut by the end of the last write.
    pending: Vec<u8>,
}

impl<W: Write> VisibleWriter<W> {
    /// Wraps `inner`, for text.
    pub fn new(inner: W) -> VisibleWriter<W> {
        VisibleWriter {
            inner,
            escape: Escape::Rust,
            pending: Vec::new(),
        }
    }

    /// Wraps `inner`, for JSON: what serde_json leaves raw in a string (DEL,
    /// C1, bidi controls) is written as a JSON escape (`\u202e`), which
    /// reads back as the same character. (JSON's own syntax is ASCII, so
    /// such a character only ever stands inside a string.)
    pub fn json(inner: W) -> VisibleWriter<W> {
        VisibleWriter {
            escape: Escape::Json,
            ..VisibleWriter::new(inner)
        }
    }
}

impl<W: Write> Write for VisibleWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined[..]
        };
        let (now, later) = bytes.split_at(bytes.len() - cut_at_end(bytes));
        let mut copied = 0;
        let next = |from| match self.escape {
            Escape::Rust => next_unsafe(now, from, true),
            Escape::Json => next_unsafe_in_json(now, from),
        };
        while let Some(at) = next(copied) {
            self.inner.write_all(&now[copied..at])?;
            // An unsafe character is one byte (C0, DEL), two (C1) or three
            // (bidi), all of them in `now`.
            let len = match now[at] {
                0xc2 => 2,
                0xe2 => 3,
                _ => 1,
            };
            let c = std::str::from_utf8(&now[at..at + len])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            self.inner.write_all(self.escape.of(c).as_bytes())?;
            copied = at + len;
        }
        self.inner.write_all(&now[copied..])?;
        self.pending = later.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A cut character that never got its end is no unsafe one.
        let pending = std::mem::take(&mut self.pending);
        self.inner.write_all(&pending)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_removes_escape_sequences_whole() {
        assert_eq!(strip("\u{1b}]0;PWNED\u{7}Title"), "Title");
        assert_eq!(strip("a\u{1b}[2Jb"), "ab");
        assert_eq!(strip("a\u{1b}[38;5;1mred\u{1b}[0m"), "ared");
        assert_eq!(strip("a\u{1b}]8;;http://x\u{1b}\\link"), "alink");
        assert_eq!(strip("a\u{9b}31mb\u{9d}0;t\u{9c}c"), "abc");
        assert_eq!(strip("a\u{1b}(Bb\u{1b}"), "ab");
        // An unterminated OSC ends at the next control, which becomes a space.
        assert_eq!(strip("a\u{1b}]0;x\nnext"), "a next");
        // One the text never ends keeps its words: only `ESC ]` goes.
        assert_eq!(strip("1.\u{1b}] the Ministers"), "1. the Ministers");
        assert_eq!(strip("\u{9d}agreed text"), "agreed text");
    }

    #[test]
    fn import_turns_other_controls_into_spaces_and_drops_bidi_controls() {
        assert_eq!(strip("a\tb\nc\u{7f}d\u{85}e\u{0}f"), "a b c d e f");
        assert_eq!(strip("1\u{202E}001\u{202C}"), "1001");
        assert_eq!(strip("x\u{2066}y\u{2069}"), "xy");
        // The marks right-to-left text needs stay.
        assert_eq!(strip("א\u{200F}ב\u{200E}"), "א\u{200F}ב\u{200E}");
        assert!(matches!(strip("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn stripping_is_idempotent() {
        for s in [
            "\u{1b}\u{1b}[2J[2J",
            "\u{1b}[\u{1b}]0;x",
            "a\u{9b}\u{9b}1",
            "\u{1b}]\u{1b}\\\u{1b}",
        ] {
            let once = strip(s).into_owned();
            assert!(!has_unsafe(&once), "{s:?} → {once:?}");
            assert_eq!(strip(&once), once, "{s:?}");
        }
    }

    #[test]
    fn output_escapes_visibly() {
        assert_eq!(
            visible("\u{1b}]0;PWNED\u{7}\n"),
            "\\u{1b}]0;PWNED\\u{7}\\u{a}"
        );
        assert_eq!(visible("100\u{202E}001"), "100\\u{202e}001");
        assert_eq!(visible("\u{9b}é"), "\\u{9b}é");
        assert!(matches!(visible("Ministers"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_json_writer_writes_escapes_json_reads_back() {
        let value = serde_json::json!({"t": "a\u{202E}b\u{9b}c\u{7f}\u{1b}"});
        let mut w = VisibleWriter::json(Vec::new());
        serde_json::to_writer_pretty(&mut w, &value).expect("write");
        w.flush().expect("flush");
        let text = String::from_utf8(w.inner).expect("utf-8");
        assert!(!has_unsafe(&text.replace('\n', "")), "{text:?}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(back, value);
    }

    #[test]
    fn the_writer_escapes_across_writes_and_keeps_lines() {
        let mut w = VisibleWriter::new(Vec::new());
        let text = "a\u{1b}[2J\tb\n\u{202E}c\n".as_bytes();
        // Cut inside the three bytes of U+202E.
        let cut = text.len() - 4;
        w.write_all(&text[..cut]).expect("write");
        w.write_all(&text[cut..]).expect("write");
        // Cut after C2, then after E2 80.
        w.write_all(b"\xc2").expect("write");
        w.write_all(b"\x9b\xe2\x80").expect("write");
        w.write_all(b"\xa6.\xe2\x80").expect("write");
        w.write_all(b"\x99").expect("write");
        w.flush().expect("flush");
        assert_eq!(
            String::from_utf8(w.inner).expect("utf-8"),
            "a\\u{1b}[2J\tb\n\\u{202e}c\n\\u{9b}\u{2026}.\u{2019}"
        );
    }
}
