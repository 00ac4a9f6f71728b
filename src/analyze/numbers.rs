//! Numbers as statements write them: digits ("79", "79th", "2nd") and
//! English number words ("seven", "seventy-ninth", "eighty-first"), read
//! into one value so that "seventy-ninth" and "79th" compare as numbers.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A number read from one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    /// Its value.
    pub value: u32,
    /// Whether it is an ordinal ("79th", "eightieth") rather than a
    /// cardinal ("79", "eighty").
    pub ordinal: bool,
}

/// Cardinal and ordinal words below twenty, by value.
const UNITS: [(&str, &str); 20] = [
    ("zero", "zeroth"),
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("four", "fourth"),
    ("five", "fifth"),
    ("six", "sixth"),
    ("seven", "seventh"),
    ("eight", "eighth"),
    ("nine", "ninth"),
    ("ten", "tenth"),
    ("eleven", "eleventh"),
    ("twelve", "twelfth"),
    ("thirteen", "thirteenth"),
    ("fourteen", "fourteenth"),
    ("fifteen", "fifteenth"),
    ("sixteen", "sixteenth"),
    ("seventeen", "seventeenth"),
    ("eighteen", "eighteenth"),
    ("nineteen", "nineteenth"),
];

/// Cardinal and ordinal words of the tens from twenty, by value / 10 - 2.
const TENS: [(&str, &str); 8] = [
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
];

/// The most digits read as a number: more is an identifier, not a count.
const MAX_DIGITS: usize = 9;

/// The longest word read as number words: "seventy-seventh" is 15 bytes,
/// 17 with a dash outside ASCII.
const WORD_MAX: usize = 32;

/// The number one word writes, if it writes one: digits, digits with an
/// ordinal suffix, or number words below one hundred joined by a hyphen
/// (any dash). Case does not matter.
///
/// ```
/// use communique::analyze::numbers::{Number, parse};
///
/// assert_eq!(parse("seventy-ninth"), Some(Number { value: 79, ordinal: true }));
/// assert_eq!(parse("79th"), parse("Seventy-Ninth"));
/// assert_eq!(parse("2024"), Some(Number { value: 2024, ordinal: false }));
/// assert_eq!(parse("seventy-ish"), None);
/// ```
pub fn parse(word: &str) -> Option<Number> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if digits > MAX_DIGITS {
            return None;
        }
        let value: u32 = word[..digits].parse().ok()?;
        let suffix = &word[digits..];
        // Compared without a lower-cased copy: most words with digits have
        // no suffix at all.
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| suffix.eq_ignore_ascii_case(o));
        return (suffix.is_empty() || ordinal).then_some(Number { value, ordinal });
    }
    // Words are short: anything longer is no number word (and is not
    // lower-cased for nothing).
    if word.len() > WORD_MAX || !may_be_number_word(word) {
        return None;
    }
    // Split before lower-casing, which changes no dash.
    let mut parts = word.split(is_dash);
    let first = parts.next()?;
    let second = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match second {
        None => number_word(first),
        Some(second) => {
            let tens = ten(first).filter(|t| !t.ordinal)?;
            let units = unit(second).filter(|u| (1..10).contains(&u.value))?;
            Some(Number {
                value: tens.value + units.value,
                ordinal: units.ordinal,
            })
        }
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

/// Whether a word may be a number word: every one starts with one of
/// these letters (in either case), and most words of a text do not, so
/// they skip the lower-casing and the look-up.
fn may_be_number_word(word: &str) -> bool {
    matches!(
        word.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    )
}

/// Every number word below one hundred that is one word, by its spelling:
/// one look-up instead of comparisons with all of them, since every word
/// the digest reads that starts like one comes here.
static WORDS: LazyLock<FxHashMap<&'static [u8], Number>> = LazyLock::new(|| {
    let units = UNITS.iter().zip(0u32..);
    let tens = TENS.iter().zip((2u32..).map(|t| t * 10));
    units
        .chain(tens)
        .flat_map(|(&(cardinal, ordinal), value)| {
            [(cardinal, false), (ordinal, true)]
                .map(|(word, ordinal)| (word.as_bytes(), Number { value, ordinal }))
        })
        .collect()
});

/// The number a word below one hundred writes, in any case: a unit below
/// twenty or a multiple of ten.
fn number_word(word: &str) -> Option<Number> {
    // Lower-cased on the stack: this runs for every word the digest reads
    // that starts like a number word, and a `String` for each cost more
    // than the look-up.
    let mut buffer = [0u8; PART_MAX];
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    WORDS.get(&*lower).copied()
}

/// The longest number word without a dash: "seventeenth" has 11 letters.
const PART_MAX: usize = 16;

/// A unit word, below twenty.
fn unit(word: &str) -> Option<Number> {
    number_word(word).filter(|n| n.value < 20)
}

/// A tens word, from twenty to ninety.
fn ten(word: &str) -> Option<Number> {
    number_word(word).filter(|n| n.value >= 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: u32, ordinal: bool) -> Option<Number> {
        Some(Number { value, ordinal })
    }

    #[test]
    fn words_and_digits_read_alike() {
        assert_eq!(parse("eightieth"), n(80, true));
        assert_eq!(parse("80th"), n(80, true));
        assert_eq!(parse("eighty-first"), n(81, true));
        assert_eq!(parse("eighty\u{2011}first"), n(81, true));
        assert_eq!(parse("81st"), n(81, true));
        assert_eq!(parse("43rd"), n(43, true));
        assert_eq!(parse("22nd"), n(22, true));
        assert_eq!(parse("thirteen"), n(13, false));
        assert_eq!(parse("Twelfth"), n(12, true));
        assert_eq!(parse("2023"), n(2023, false));
    }

    #[test]
    fn every_number_word_passes_the_first_letter_and_length_checks() {
        for (c, o) in UNITS.iter().chain(&TENS) {
            assert!(may_be_number_word(c) && may_be_number_word(o), "{c} {o}");
            assert!(c.len() <= PART_MAX && o.len() <= PART_MAX, "{c} {o}");
        }
    }

    #[test]
    fn other_words_are_no_numbers() {
        for w in [
            "seventy-ish",
            "first-class",
            "one-third",
            "eightieth-first",
            "non-power",
            "79/7",
            "7a",
            "1234567890123",
            "",
            "-",
        ] {
            assert_eq!(parse(w), None, "{w}");
        }
    }
}
