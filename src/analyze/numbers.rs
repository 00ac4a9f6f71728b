//! Numbers as statements write them: digits ("79", "79th", "2nd") and
//! English number words ("seven", "seventy-ninth", "eighty-first"), read
//! into one value so that "seventy-ninth" and "79th" compare as numbers.

use super::word_table::WordTable;

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
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
        return (suffix.is_empty() || ordinal).then_some(Number { value, ordinal });
    }
    // Words are short: anything longer is no number word.
    if word.len() > WORD_MAX || !word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // Most words have no dash at all: they are looked up whole, without
    // decoding their characters.
    if word.is_ascii() && !word.contains('-') {
        return number_word(word);
    }
    // The dashes are not ASCII letters: the parts are split before they
    // are lower-cased.
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

/// The longest number word of one part ("seventeenth").
const LONGEST_WORD: usize = 11;

/// Every number word of [`UNITS`] and [`TENS`] with its number: `parse`
/// sees every word of the texts it reads, and the table turns most words
/// away by their shape (first and last letter, length) without comparing
/// them with any number word.
static NUMBER_WORDS: std::sync::LazyLock<WordTable<Option<Number>>> =
    std::sync::LazyLock::new(|| {
        let mut table = WordTable::default();
        let units = UNITS.iter().zip(0u32..);
        let tens = TENS.iter().zip((2u32..).map(|t| t * 10));
        for (&(cardinal, ordinal), value) in units.chain(tens) {
            *table.entry(cardinal) = Some(Number {
                value,
                ordinal: false,
            });
            *table.entry(ordinal) = Some(Number {
                value,
                ordinal: true,
            });
        }
        table
    });

/// The number a single number word writes ("seventy", "ninth"), whatever
/// its ASCII case.
fn number_word(word: &str) -> Option<Number> {
    if word.len() > LONGEST_WORD {
        return None;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return *NUMBER_WORDS.get(word)?;
    }
    let mut buffer = [0u8; LONGEST_WORD];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    *NUMBER_WORDS.get(std::str::from_utf8(lower).ok()?)?
}

/// The number a word below twenty writes ("seven", "ninth").
fn unit(word: &str) -> Option<Number> {
    number_word(word).filter(|n| n.value < 20)
}

/// The number a word of the tens writes ("seventy", "eightieth").
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
    fn every_number_word_fits_the_length_checks() {
        for (c, o) in UNITS.iter().chain(&TENS) {
            assert!(
                c.len() <= LONGEST_WORD && o.len() <= LONGEST_WORD,
                "{c} {o}"
            );
            assert_eq!(number_word(c).map(|n| n.ordinal), Some(false), "{c}");
            assert_eq!(number_word(o).map(|n| n.ordinal), Some(true), "{o}");
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
