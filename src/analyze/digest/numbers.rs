//! Figures in a sentence: counts with their unit ("50 members", "24
//! percentage points", "USD 300 billion", "90 days", "10%"), ordinals
//! ("seventy-ninth", "3rd"), dates ("2 November 2023", "May 14, 2025",
//! "2030") and symbols ("78/7"), each with a key that compares it as a
//! value: "thirteen" and "13" have the same key, "by 2025" and "by 2035"
//! do not.

use super::tokens::Token;
use crate::analyze::numbers;
use crate::normalize::key::MONTHS;

/// What kind of figure a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// A count or amount, with its unit if it has one.
    Count,
    /// An ordinal: a session, a meeting, a report.
    Ordinal,
    /// A date, a month or a year.
    Date,
    /// A document symbol or number pair: "78/7".
    Symbol,
}

/// A figure found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its value and unit as a comparable string.
    pub(crate) key: String,
    /// Byte span in the sentence, the deadline's preposition included.
    pub(crate) start: usize,
    /// End of the span.
    pub(crate) end: usize,
    /// Spelled out in words ("thirteen"): such a word also reads as a
    /// pronoun or an adjective ("one of", "second to none"), so it counts
    /// only when replaced by another figure.
    pub(crate) spelled: bool,
    /// The word after it that says what it counts ("members", "session").
    pub(crate) noun: Option<String>,
}

/// Prepositions that make a date a deadline; kept with the figure so that
/// "by 2025 → by 2035" reads as a deadline.
const DEADLINE: [&str; 6] = ["by", "until", "before", "since", "within", "after"];

/// Words that a number identifies ("article 4", "paragraph 53", "No. 5",
/// agenda "item 15"): kept with the figure, which says nothing without them.
const REFERENCES: [&str; 16] = [
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "no.",
    "goal",
    "annex",
    "section",
    "chapter",
    "order",
    "item",
    "items",
];

/// Words that say nothing about what a figure counts.
const FUNCTION: [&str; 28] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on",
    "or", "per", "that", "the", "their", "this", "to", "which", "with", "was", "were", "will",
    "be",
];

const UNITS: [&str; 6] = ["one", "two", "three", "four", "five", "six"];
/// A spelled number ("thirteen", "twenty-five", "seventy-ninth"): its value
/// and whether it is an ordinal, as [`numbers::parse`] reads number words
/// for routine updates. Only lower case: "Group of Seven" names.
fn spelled(word: &str) -> Option<(f64, bool)> {
    if !word.starts_with(|c: char| c.is_ascii_lowercase())
        || word.chars().any(|c| !c.is_ascii_lowercase() && c != '-')
    {
        return None;
    }
    numbers::parse(word).map(|n| (f64::from(n.value), n.ordinal))
}

/// A number written in digits: "1,000", "3.5", "24%", "$100", "1.5°C",
/// "79th". Returns the value, an attached unit and whether it is an
/// ordinal.
fn digits(word: &str) -> Option<(f64, Option<&'static str>, bool)> {
    let (currency, rest) = if let Some(r) = word.strip_prefix("US$") {
        (Some("usd"), r)
    } else if let Some(r) = word.strip_prefix('$') {
        (Some("usd"), r)
    } else if let Some(r) = word.strip_prefix('€') {
        (Some("eur"), r)
    } else if let Some(r) = word.strip_prefix('£') {
        (Some("gbp"), r)
    } else {
        (None, word)
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(end);
    if !number.starts_with(|c: char| c.is_ascii_digit()) || number.ends_with([',', '.']) {
        return None;
    }
    let value: f64 = number.replace(',', "").parse().ok()?;
    let (unit, ordinal) = match suffix {
        "" => (currency, false),
        "%" => (Some("%"), false),
        "°C" | "°" => (Some("°C"), false),
        "st" | "nd" | "rd" | "th" => (None, true),
        _ => return None,
    };
    Some((value, unit, ordinal))
}

/// Scale words after a number: "300 billion".
fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" | "T" => Some(1e12),
        "bn" => Some(1e9),
        _ => None,
    }
}

/// Currency words before an amount ("USD 300 billion").
fn currency(word: &str) -> Option<&'static str> {
    match word {
        "USD" | "US$" | "US" | "$" => Some("usd"),
        "EUR" | "€" | "euro" | "euros" => Some("eur"),
        "GBP" | "£" => Some("gbp"),
        "JPY" | "yen" => Some("jpy"),
        "CAD" => Some("cad"),
        _ => None,
    }
}

/// The unit after a count, and how many words it takes: "percent", "per
/// cent", "percentage points", "days" …
fn unit_after(rest: &[Token]) -> Option<(&'static str, usize)> {
    let w = |i: usize| rest.get(i).map(|t| t.text.to_ascii_lowercase());
    let first = w(0)?;
    if first == "united"
        && w(1).as_deref() == Some("states")
        && w(2).is_some_and(|d| d.starts_with("dollar"))
    {
        return Some(("usd", 3));
    }
    Some(match first.as_str() {
        "percent" | "%" => ("%", 1),
        "per" if w(1).as_deref() == Some("cent") => ("%", 2),
        "percentage" if w(1).is_some_and(|x| x.starts_with("point")) => ("pp", 2),
        "day" | "days" => ("day", 1),
        "week" | "weeks" => ("week", 1),
        "month" | "months" => ("month", 1),
        "year" | "years" => ("year", 1),
        "dollars" | "dollar" => ("usd", 1),
        "euros" => ("eur", 1),
        "degrees" => ("°C", 1),
        _ => return None,
    })
}

/// The month a word names (1 to 12), capitalized as a date writes it.
fn month(word: &str) -> Option<usize> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // Compared without a lower-cased copy: every capitalized word of a
    // text comes here.
    MONTHS
        .iter()
        .position(|m| word.eq_ignore_ascii_case(m))
        .map(|i| i + 1)
}

/// A day of a month: 1 to 31, digits only.
fn day(word: &str) -> Option<u32> {
    (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A year: four digits from 1800 to 2199.
fn year(word: &str) -> Option<u32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..2200).contains(y))
}

/// A date or a span of dates that starts at `tokens[i]`: a date without its
/// year runs to the one after "to" that has it ("27 November to 1
/// December 2023", "June 9 to July 2, 2025").
fn date_at(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let (key, end) = one_date(tokens, i)?;
    if key.starts_with('-')
        && tokens
            .get(end)
            .is_some_and(|t| matches!(t.text, "to" | "–") && !t.break_before)
        && let Some((last, after)) = one_date(tokens, end + 1)
        && !last.starts_with('-')
    {
        return Some((format!("{key}..{last}"), after));
    }
    Some((key, end))
}

/// A date that starts at `tokens[i]`: "2 November 2023", "May 14, 2025",
/// "June 9 and 10, 2025", "November 2023", "2030". Returns its key and the
/// index past it.
fn one_date(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let t = |k: usize| tokens.get(k).map(|t| t.text);
    // No date runs across a break but the comma before its year.
    let joined = |k: usize| tokens.get(k).is_some_and(|t| !t.break_before);
    let year_at = |k: usize| t(k).and_then(year);
    if let Some(m) = t(i).and_then(month) {
        // Month Day[ and Day][, Year] | Month Year
        if let Some(d) = t(i + 1).and_then(day).filter(|_| joined(i + 1)) {
            let mut j = i + 2;
            let mut days = d.to_string();
            if matches!(t(j), Some("and" | "to"))
                && joined(j)
                && let Some(d2) = t(j + 1).and_then(day)
            {
                days = format!("{d}+{d2}");
                j += 2;
            }
            let y = t(j).and_then(year);
            let key = format!(
                "{}-{m:02}-{days}",
                y.map(|y| y.to_string()).unwrap_or_default()
            );
            return Some((key, if y.is_some() { j + 1 } else { j }));
        }
        if let Some(y) = year_at(i + 1).filter(|_| joined(i + 1)) {
            return Some((format!("{y}-{m:02}"), i + 2));
        }
        return None;
    }
    if let Some(d) = t(i).and_then(day) {
        // Day[ to Day] Month[ Year]
        let (days, at) = match (t(i + 1), t(i + 2).and_then(day)) {
            (Some("to" | "and" | "–"), Some(d2)) if joined(i + 1) && joined(i + 2) => {
                (format!("{d}+{d2}"), i + 3)
            }
            _ => (d.to_string(), i + 1),
        };
        if let Some(m) = t(at).and_then(month).filter(|_| joined(at)) {
            let y = year_at(at + 1).filter(|_| joined(at + 1));
            let key = format!(
                "{}-{m:02}-{days}",
                y.map(|y| y.to_string()).unwrap_or_default()
            );
            return Some((key, if y.is_some() { at + 2 } else { at + 1 }));
        }
    }
    let y = t(i).and_then(year)?;
    // "2024–2025", "2024-2030": a period of years.
    Some((y.to_string(), i + 1))
}

/// The word after a figure that says what it counts ("members"), with the
/// word after that when the first only qualifies it ("plenary meeting",
/// "resumed sessions", "annual dialogue").
fn noun_after(tokens: &[Token], end: usize) -> Option<String> {
    let content = |k: usize| {
        tokens
            .get(k)
            .filter(|t| !t.break_before && !tokens[k - 1].break_after)
            .map(|t| t.text)
            .filter(|w| {
                w.chars().all(char::is_alphabetic)
                    && !FUNCTION.contains(&w.to_ascii_lowercase().as_str())
                    && month(w).is_none()
            })
    };
    let first = content(end)?;
    let qualifies = ["ed", "al", "ing", "ary", "ive"]
        .iter()
        .any(|suffix| first.ends_with(suffix));
    Some(match content(end + 1).filter(|_| qualifies) {
        Some(second) => format!("{first} {second}"),
        None => first.to_owned(),
    })
}

/// Whether `text` may hold a figure: every figure has a digit but a
/// spelled number, whose first word is a number word that letters do not
/// continue on either side. Most sentences hold none, and this costs far
/// less than reading them into tokens and figures.
pub(crate) fn may_hold_figure(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| word.bytes().all(|b| b.is_ascii_lowercase()))
            .any(|word| numbers::parse(word).is_some())
}

/// Every figure of a sentence, in order, from its tokens.
pub(crate) fn figures(tokens: &[Token]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((kind, key, spelled_out, end)) = figure_at(tokens, i) else {
            i += 1;
            continue;
        };
        // Keep a currency word before, and a deadline's preposition.
        let mut from = i;
        let before =
            (matches!(kind, Kind::Count | Kind::Symbol) && i > 0 && !tokens[i].break_before)
                .then(|| tokens[i - 1].text);
        // A reference ("item 8") says what it is by the word before: the
        // word after ("entitled") counts nothing.
        let reference =
            before.is_some_and(|w| REFERENCES.contains(&w.to_ascii_lowercase().as_str()));
        if reference || before.is_some_and(|w| currency(w).is_some()) {
            from = i - 1;
        }
        if from > 0
            && !tokens[from].break_before
            && DEADLINE.contains(&tokens[from - 1].text.to_ascii_lowercase().as_str())
            && kind == Kind::Date
        {
            from -= 1;
        }
        let noun = if reference {
            None
        } else {
            noun_after(tokens, end)
        };
        out.push(Figure {
            kind,
            key,
            start: tokens[from].start,
            end: tokens[end - 1].end(),
            spelled: spelled_out,
            noun,
        });
        i = end;
    }
    out
}

/// The figure that starts at `tokens[i]`, if one does: its kind, key,
/// whether it is spelled out, and the index past it.
fn figure_at(tokens: &[Token], i: usize) -> Option<(Kind, String, bool, usize)> {
    let tok = tokens[i];
    if tok.enclosed {
        // "(1)", "(2)": the items of a list, not figures.
        return None;
    }
    let word = tok.text;
    // Most words are lower-case letters alone: of the readings below, only
    // a spelled number can start at one, and the searches for dashes,
    // slashes and dates cost more than that reading.
    let letters = word.bytes().all(|b| b.is_ascii_lowercase());
    if letters {
        return count_at(tokens, i);
    }
    if let Some((a, b)) = word.split_once(['–', '-']) {
        // "2015–2030" is a period; "pre-2030" the year it bounds.
        match (year(a), year(b)) {
            (Some(a), Some(b)) => return Some((Kind::Date, format!("d:{a}..{b}"), false, i + 1)),
            (None, Some(b)) if a.chars().all(char::is_alphabetic) => {
                return Some((Kind::Date, format!("d:{b}"), false, i + 1));
            }
            _ => {}
        }
    }
    if let Some((a, b)) = word.split_once('/') {
        let numeric = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
        if numeric(a) && numeric(b) {
            return Some((Kind::Symbol, format!("s:{word}"), false, i + 1));
        }
        return None;
    }
    let numeric_start = word.starts_with(|c: char| c.is_ascii_digit() || "$€£".contains(c))
        || word.starts_with("US$");
    // A year followed by a unit is a count ("2030 percent" never is).
    if (month(word).is_some() || numeric_start)
        && let Some((key, end)) = date_at(tokens, i)
        && !(end == i + 1 && unit_after(&tokens[end..]).is_some())
    {
        return Some((Kind::Date, format!("d:{key}"), false, end));
    }
    count_at(tokens, i)
}

/// The count or ordinal that starts at `tokens[i]` (no date or symbol
/// does), as [`figure_at`] returns it.
fn count_at(tokens: &[Token], i: usize) -> Option<(Kind, String, bool, usize)> {
    let word = tokens[i].text;
    let (mut value, mut unit, ordinal, spelled_out, mut end) = if let Some((v, u, o)) = digits(word)
    {
        (v, u, o, false, i + 1)
    } else if let Some((v, o)) = spelled(word) {
        // "seven million", "one hundred"
        (v, None, o, true, i + 1)
    } else {
        return None;
    };
    if ordinal {
        return Some((Kind::Ordinal, format!("o:{value}"), spelled_out, end));
    }
    if spelled_out && UNITS.contains(&word) && tokens.get(end).is_some_and(|t| t.text == "of") {
        // "one of the …", "two of them": not a figure of their own.
        return None;
    }
    if let Some(s) = tokens.get(end).and_then(|t| scale(t.text)) {
        value *= s;
        end += 1;
    }
    if unit.is_none() {
        if let Some((u, n)) = unit_after(&tokens[end..]) {
            unit = Some(u);
            end += n;
        } else if i > 0 {
            unit = currency(tokens[i - 1].text);
        }
    }
    // "per year", "a year", "annually" after an amount.
    if matches!(unit, Some("usd" | "eur" | "gbp" | "jpy" | "cad")) {
        let w = |k: usize| tokens.get(k).map(|t| t.text);
        if matches!(w(end), Some("per" | "a")) && matches!(w(end + 1), Some("year" | "annum")) {
            end += 2;
        } else if w(end) == Some("annually") {
            end += 1;
        }
    }
    // "9 to 11": a range is one figure.
    if !spelled_out
        && matches!(tokens.get(end).map(|t| t.text), Some("to" | "and" | "–"))
        && tokens
            .get(end + 1)
            .is_some_and(|t| digits(t.text).is_some() && !t.enclosed)
        && tokens.get(end + 2).is_none_or(|t| month(t.text).is_none())
    {
        let (v2, _, _) = digits(tokens[end + 1].text)?;
        return Some((
            Kind::Count,
            format!("n:{value}..{v2}:{}", unit.unwrap_or("")),
            false,
            end + 2,
        ));
    }
    Some((
        Kind::Count,
        format!("n:{value}:{}", unit.unwrap_or("")),
        spelled_out,
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn keys(text: &str) -> Vec<(String, String, Option<String>)> {
        let t = tokens(text);
        figures(&t)
            .into_iter()
            .map(|f| (f.key, text[f.start..f.end].to_owned(), f.noun))
            .collect()
    }

    #[test]
    fn a_text_said_to_hold_no_figure_holds_none() {
        for text in [
            "The Parties agree on the agenda.",
            "One of the parties, and someone else.",
            "Thirteen States (Group of Seven) met on Monday in November.",
            "The twenty-fifth session and the seventy-ninth.",
            "They met in May 2024 and agreed to act by 2030.",
            "“one”, (first) — twenty‑one",
            "Recalling 78/7, US$ and pre-2030 goals",
        ] {
            let found = !figures(&tokens(text)).is_empty();
            assert!(!found || may_hold_figure(text), "{text}");
        }
        assert!(!may_hold_figure("The Parties agree on the agenda."));
        assert!(may_hold_figure("the seventy-ninth session"));
    }

    #[test]
    fn words_and_digits_compare_as_numbers() {
        assert_eq!(keys("thirteen members")[0].0, keys("13 members")[0].0);
        assert_eq!(keys("the seventy-ninth session")[0].0, "o:79");
        assert_eq!(keys("its 79th session")[0].0, "o:79");
        assert_eq!(
            keys("nearly seven million people")[0],
            (
                "n:7000000:".into(),
                "seven million".into(),
                Some("people".into())
            )
        );
        assert!(keys("one of the parties").is_empty());
    }

    #[test]
    fn a_reference_keeps_its_word_and_counts_no_noun() {
        let item = keys("agenda item 8 entitled");
        assert_eq!(item[0].1, "item 8");
        assert_eq!(item[0].2, None);
        // The day of a date is no agenda item.
        assert_ne!(item[0].0, keys("held on 8 September")[0].0);
    }

    #[test]
    fn amounts_percentages_and_periods_carry_their_unit() {
        assert_eq!(
            keys("USD 300 billion per year")[0].0,
            keys("$300 billion")[0].0
        );
        assert_eq!(keys("10 percent")[0].0, keys("10%")[0].0);
        assert_eq!(keys("24 percentage points")[0].0, "n:24:pp");
        assert_eq!(keys("for a period of 90 days")[0].1, "90 days");
        assert_ne!(keys("90 days")[0].0, keys("90 percent")[0].0);
    }

    #[test]
    fn dates_and_deadlines_keep_their_preposition() {
        assert_eq!(
            keys("agree by August 12, 2025:")[0],
            ("d:2025-08-12".into(), "by August 12, 2025".into(), None)
        );
        assert_eq!(keys("of 2 November 2023 and")[0].0, "d:2023-11-2");
        assert_eq!(keys("on June 9 and 10, 2025")[0].0, "d:2025-06-9+10");
        assert_eq!(keys("the 2024 summit")[0].2.as_deref(), Some("summit"));
        assert_eq!(keys("resolution 78/7 of")[0].0, "s:78/7");
        assert!(keys("and (1) modify").is_empty());
        assert_eq!(keys("held from 3 to 6 December 2024")[0].0, "d:2024-12-3+6");
        assert_eq!(
            keys("from 27 November to 1 December 2023, which")[0].1,
            "27 November to 1 December 2023"
        );
        assert_eq!(
            keys("for the pre-2030 period")[0].0,
            keys("until 2030")[0].0
        );
        assert_eq!(keys("Framework 2015–2030,")[0].0, "d:2015..2030");
        assert_eq!(
            keys("in accordance with articles 9 to 11 of")[0].1,
            "articles 9 to 11"
        );
        assert_eq!(
            keys("at least 1.3 trillion United States dollars per year by 2035")[0].1,
            "1.3 trillion United States dollars per year"
        );
    }
}
