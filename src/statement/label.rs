//! Paragraph labels: the "1.", "(a)", "(iv)", "OP3." that sources put before a
//! paragraph or clause. One definition serves the segmenter (which keeps a
//! label with its sentence) and the sentence-file reader (which takes it
//! apart again), so that writing and reading a statement agree.

/// Splits a leading paragraph label off `line`.
///
/// A label is one of these, followed by a space and some text:
/// - a number of one to three digits with dots: `1.`, `12.`, `2.1.`;
/// - a number or a letter closed by a parenthesis: `1)`, `1.)`, `a)`;
/// - up to six letters or digits in parentheses: `(a)`, `(iv)`, `(12)`;
/// - one letter, or a lower-case Roman numeral, with a dot: `a.`, `B.`, `iv.`;
/// - `OP` or `PP` (operative, preambular) and a number: `OP3.`, `PP12`;
/// - a bullet: `•`, `◦`, `▪`, `⁃`, `-`, `*`, `–`.
///
/// Returns `(None, line)` when `line` has no label, or nothing after it.
pub fn split_label(line: &str) -> (Option<&str>, &str) {
    let Some(len) = label_len(line) else {
        return (None, line);
    };
    let rest = line[len..].trim_start();
    if rest.is_empty() || !line[len..].starts_with(char::is_whitespace) {
        return (None, line);
    }
    (Some(&line[..len]), rest)
}

/// The byte length of the label at the start of `s`, if it has one
/// (not checking what follows it).
fn label_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = s.chars().next()?;
    if matches!(first, '•' | '◦' | '▪' | '⁃' | '-' | '*' | '–') {
        return Some(first.len_utf8());
    }
    if first == '(' {
        let close = s[1..].find(')')? + 1;
        let inner = &s[1..close];
        return (!inner.is_empty()
            && inner.len() <= 6
            && inner.bytes().all(|c| c.is_ascii_alphanumeric()))
        .then_some(close + 1);
    }
    if let Some(rest) = s.strip_prefix("OP").or_else(|| s.strip_prefix("PP")) {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let dot = usize::from(rest.as_bytes().get(digits) == Some(&b'.'));
            return Some(2 + digits + dot);
        }
        return None;
    }
    if first.is_ascii_digit() {
        // 1.  12.  2.1.  1)  1.)
        let mut i = 0;
        loop {
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=3).contains(&digits) {
                return None;
            }
            i += digits;
            match b.get(i) {
                Some(b'.') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
                Some(b'.') if b.get(i + 1) == Some(&b')') => return Some(i + 2),
                Some(b'.') => return Some(i + 1),
                Some(b')') => return Some(i + 1),
                _ => return None,
            }
        }
    }
    if first.is_ascii_alphabetic() {
        let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let word = &s[..letters];
        let roman = word.bytes().all(|c| b"ivxlc".contains(&c)) && letters <= 5;
        if letters == 1 || roman {
            return match b.get(letters) {
                Some(b'.') if b.get(letters + 1) == Some(&b')') => Some(letters + 2),
                Some(b'.') | Some(b')') => Some(letters + 1),
                _ => None,
            };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::split_label;

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
