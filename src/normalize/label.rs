//! Paragraph labels: the "1.", "(a)", "(iv)", "OP3." that sources put before a
//! paragraph or clause, and the bullets of lists.
//!
//! One grammar serves the segmenter (which keeps a label with its sentence,
//! and splits clauses written inline on one line when one label is the next
//! item after another: "2." after "1.", "(b)" after "(a)") and the
//! sentence-file reader (which takes the label apart again with
//! [`split_label`]), so that what one writes the other reads.

/// How a label is punctuated; two labels are in one sequence only if their
/// punctuation agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// `1.`, `a.`, `iv.`
    Dot,
    /// `1)`, `a)`
    Paren,
    /// `1.)`, `a.)`
    DotParen,
    /// `(1)`, `(a)`, `(iv)`
    Enclosed,
    /// `•`, `⁃` (possibly glued to a number: `⁃9.`)
    Bullet(char),
    /// `OP3.`, `PP12`, `2.1.`: kept with the sentence, never a sequence.
    Other,
}

/// A label found at some position of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label<'a> {
    /// Byte offset just past the label (before the space that follows it).
    pub end: usize,
    /// Its punctuation.
    pub form: Form,
    /// Its number, letter or numeral without punctuation ("1", "a", "iv").
    pub value: &'a str,
}

/// Bullets that mark list items in any position. Dashes and asterisks count
/// as bullets only at the start of a sentence: inside one they are punctuation.
const BULLETS: [char; 7] = ['•', '◦', '▪', '⁃', '-', '*', '–'];
const INLINE_BULLETS: [char; 4] = ['•', '◦', '▪', '⁃'];

/// The label starting at byte `pos` of `text`, if there is one followed by a
/// space and more text. `pos` must be a char boundary.
pub fn parse(text: &str, pos: usize) -> Option<Label<'_>> {
    let s = text.get(pos..)?;
    let b = s.as_bytes();
    let first = s.chars().next()?;
    let label = if BULLETS.contains(&first) {
        let len = first.len_utf8();
        // "⁃9. The first item": a bullet glued to a numbered label.
        let glued = b
            .get(len)
            .is_some_and(u8::is_ascii_digit)
            .then(|| parse(text, pos + len))
            .flatten()
            .filter(|inner| inner.form != Form::Other);
        if glued.is_none() && b.get(len) != Some(&b' ') {
            return None;
        }
        let end = glued.map_or(pos + len, |inner| inner.end);
        Label {
            end,
            form: Form::Bullet(first),
            value: "",
        }
    } else if first == '(' {
        // Look no further than a label can be long, so that a "(" without
        // its ")" costs nothing.
        let close = b.iter().take(8).position(|&c| c == b')')?;
        let inner = &s[1..close];
        if inner.is_empty() || inner.len() > 6 || !inner.bytes().all(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        Label {
            end: pos + close + 1,
            form: Form::Enclosed,
            value: inner,
        }
    } else if let Some(rest) = s.strip_prefix("OP").or_else(|| s.strip_prefix("PP")) {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let dot = usize::from(rest.as_bytes().get(digits) == Some(&b'.'));
        Label {
            end: pos + 2 + digits + dot,
            form: Form::Other,
            value: &s[..2 + digits],
        }
    } else if first.is_ascii_digit() {
        let mut i = 0;
        let mut parts = 0;
        loop {
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=3).contains(&digits) {
                return None;
            }
            i += digits;
            parts += 1;
            let value = &s[..i];
            let form = |f| if parts == 1 { f } else { Form::Other };
            match b.get(i) {
                Some(b'.') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
                Some(b'.') if b.get(i + 1) == Some(&b')') => {
                    break Label {
                        end: pos + i + 2,
                        form: form(Form::DotParen),
                        value,
                    };
                }
                Some(b'.') => {
                    break Label {
                        end: pos + i + 1,
                        form: form(Form::Dot),
                        value,
                    };
                }
                Some(b')') => {
                    break Label {
                        end: pos + i + 1,
                        form: form(Form::Paren),
                        value,
                    };
                }
                _ => return None,
            }
        }
    } else if first.is_ascii_alphabetic() {
        let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let word = &s[..letters];
        let roman = letters <= 5 && word.bytes().all(|c| b"ivxlc".contains(&c));
        if letters != 1 && !roman {
            return None;
        }
        let (len, form) = match b.get(letters) {
            Some(b'.') if b.get(letters + 1) == Some(&b')') => (letters + 2, Form::DotParen),
            Some(b'.') => (letters + 1, Form::Dot),
            Some(b')') => (letters + 1, Form::Paren),
            _ => return None,
        };
        Label {
            end: pos + len,
            form,
            value: word,
        }
    } else {
        return None;
    };
    // A label introduces text: a space, then something that is not a space.
    let after = text.as_bytes();
    (after.get(label.end) == Some(&b' ') && after.get(label.end + 1).is_some_and(|&c| c != b' '))
        .then_some(label)
}

/// Splits a leading paragraph label off `line`.
///
/// A label is one of these, followed by a space and some text:
/// - a number of one to three digits with dots: `1.`, `12.`, `2.1.`;
/// - a number or a letter closed by a parenthesis: `1)`, `1.)`, `a)`;
/// - up to six letters or digits in parentheses: `(a)`, `(iv)`, `(12)`;
/// - one letter, or a lower-case Roman numeral, with a dot: `a.`, `B.`, `iv.`;
/// - `OP` or `PP` (operative, preambular) and a number: `OP3.`, `PP12`;
/// - a bullet: `•`, `◦`, `▪`, `⁃`, `-`, `*`, `–` (`⁃9.`: a bullet glued to a
///   number is one label).
///
/// Returns `(None, line)` when `line` has no label, or nothing after it.
pub fn split_label(line: &str) -> (Option<&str>, &str) {
    match parse(line, 0) {
        Some(label) => (Some(&line[..label.end]), line[label.end..].trim_start()),
        None => (None, line),
    }
}

impl Label<'_> {
    /// Whether this label can start a sequence that inline items continue.
    pub fn is_sequence(&self) -> bool {
        match self.form {
            Form::Other => false,
            Form::Bullet(c) => INLINE_BULLETS.contains(&c),
            _ => true,
        }
    }

    /// Whether `next` is the item right after this one: same punctuation,
    /// and the next number, letter or Roman numeral (or the same bullet).
    pub fn is_followed_by(&self, next: &Label<'_>) -> bool {
        if !self.is_sequence() || self.form != next.form {
            return false;
        }
        if let Form::Bullet(_) = self.form {
            return true;
        }
        let (a, b) = (self.value, next.value);
        if let (Some(x), Some(y)) = (number(a), number(b)) {
            return x + 1 == y;
        }
        // "(i)" may be the ninth letter or the first numeral: accept either.
        let letters = a.len() == 1
            && b.len() == 1
            && same_case(a, b)
            && a.as_bytes()[0].checked_add(1) == Some(b.as_bytes()[0]);
        let numerals = same_case(a, b) && roman(a).zip(roman(b)).is_some_and(|(x, y)| x + 1 == y);
        letters || numerals
    }

    /// Whether `next` could be a later label of the same list, so that the
    /// segmenter tracks it as the current item.
    pub fn same_list(&self, next: &Label<'_>) -> bool {
        self.is_sequence() && self.form == next.form
    }
}

fn same_case(a: &str, b: &str) -> bool {
    let upper = |s: &str| s.bytes().all(|c| c.is_ascii_uppercase());
    let lower = |s: &str| s.bytes().all(|c| c.is_ascii_lowercase());
    (upper(a) && upper(b)) || (lower(a) && lower(b))
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The value of a Roman numeral of up to six letters, either case.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let b = s.as_bytes();
    let mut total: i64 = 0;
    for (i, &c) in b.iter().enumerate() {
        let v = digit(c)?;
        let next = match b.get(i + 1) {
            Some(&n) => digit(n)?,
            None => 0,
        };
        // A smaller numeral before a larger one is subtracted: "iv" is 4.
        if next > v {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

#[cfg(test)]
mod tests {
    use super::{Form, parse, split_label};

    fn label(s: &str) -> Option<(&str, Form)> {
        parse(s, 0).map(|l| (&s[..l.end], l.form))
    }

    #[test]
    fn finds_labels() {
        assert_eq!(label("1. Recalls"), Some(("1.", Form::Dot)));
        assert_eq!(label("1.) The"), Some(("1.)", Form::DotParen)));
        assert_eq!(label("2) The"), Some(("2)", Form::Paren)));
        assert_eq!(label("(iv) To"), Some(("(iv)", Form::Enclosed)));
        assert_eq!(label("a. The"), Some(("a.", Form::Dot)));
        assert_eq!(label("OP3. Decides"), Some(("OP3.", Form::Other)));
        assert_eq!(label("2.1. Sub"), Some(("2.1.", Form::Other)));
        assert_eq!(label("• 9. The"), Some(("•", Form::Bullet('•'))));
        assert_eq!(label("⁃9. The"), Some(("⁃9.", Form::Bullet('⁃'))));
        for not in [
            "2021. A",
            "10.5% of",
            "U.S. policy",
            "1.",
            "(see annex) x",
            "Mr. Smith",
        ] {
            assert_eq!(label(not), None, "{not}");
        }
    }

    #[test]
    fn sequences() {
        let next = |a: &str, b: &str| {
            let (x, y) = (parse(a, 0).unwrap(), parse(b, 0).unwrap());
            x.is_followed_by(&y)
        };
        assert!(next("1. x", "2. y"));
        assert!(!next("1. x", "3. y"));
        assert!(!next("1. x", "2) y"));
        assert!(next("a. x", "b. y"));
        assert!(next("(a) x", "(b) y"));
        assert!(next("(i) x", "(ii) y"));
        assert!(next("(h) x", "(i) y"));
        assert!(next("(iv) x", "(v) y"));
        assert!(!next("(a) x", "(B) y"));
        assert!(next("• x", "• y"));
        assert!(!next("- x", "- y"));
        assert!(!next("OP1. x", "OP2. y"));
    }

    #[test]
    fn labels() {
        for (line, label, text) in [
            (
                "1. Recalls the adoption",
                Some("1."),
                "Recalls the adoption",
            ),
            ("12. Calls upon", Some("12."), "Calls upon"),
            ("(a) To sign", Some("(a)"), "To sign"),
            ("(iv) To ratify", Some("(iv)"), "To ratify"),
            ("OP3. Decides", Some("OP3."), "Decides"),
            ("iv. Item", Some("iv."), "Item"),
            ("a. The first item", Some("a."), "The first item"),
            ("1.) The first item", Some("1.)"), "The first item"),
            ("2) The second", Some("2)"), "The second"),
            ("2.1. Sub", Some("2.1."), "Sub"),
            ("• Bullet", Some("•"), "Bullet"),
        ] {
            assert_eq!(split_label(line), (label, text), "{line}");
        }
    }

    #[test]
    fn not_labels() {
        for line in [
            "2021. A year",
            "10.5% of the budget",
            "The Ministers met.",
            "I visited.",
            "In 2021 we met.",
            "1.",
            "(a)",
            "(see annex) for details",
            "U.S. policy",
            "A/RES/78/35 recalls",
            "ix.",
        ] {
            assert_eq!(split_label(line), (None, line), "{line}");
        }
    }
}
