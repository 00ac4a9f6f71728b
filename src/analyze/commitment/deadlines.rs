//! Deadlines and amounts a clause names: "by May 14, 2025", "no later than
//! …", "within 90 days", "for an additional period of 90 days", "10
//! percent", "USD 300 billion per year".

use super::words::{Word, is_number, span, words_of};
use crate::normalize::key::MONTHS;

/// Deadlines ("by May 14, 2025", "by 2030", "no later than …", "within 90
/// days", "for an additional period of 90 days", "until …"), percentage
/// targets ("10 percent", "10%") and amounts ("USD 300 billion per year")
/// among `words` (a clause's, or a whole sentence's).
pub(crate) fn deadlines(text: &str, words: &[Word]) -> Vec<String> {
    const OPENERS: [&[&str]; 14] = [
        &["for", "an", "additional", "period", "of"],
        &["for", "an", "initial", "period", "of"],
        &["for", "a", "further", "period", "of"],
        &["for", "a", "period", "of"],
        &["starting", "on"],
        &["beginning", "on"],
        &["as", "of"],
        &["no", "later", "than"],
        &["by", "the", "end", "of"],
        &["by"],
        &["before"],
        &["until"],
        &["within"],
        &["from"],
    ];
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let may_open = matches!(
            words[i].folded.as_ref(),
            "for"
                | "no"
                | "by"
                | "before"
                | "until"
                | "within"
                | "from"
                | "starting"
                | "beginning"
                | "as"
        );
        let opener = may_open
            .then(|| {
                OPENERS.iter().find(|o| {
                    o.len() <= words.len() - i
                        && o.iter().zip(&words[i..]).all(|(a, w)| *a == w.folded)
                })
            })
            .flatten();
        if let Some(o) = opener {
            // The date or period: numbers, months and "days/months/years".
            let mut j = i + o.len();
            let mut dated = false;
            while j < words.len() {
                let w = words[j].folded.as_ref();
                let part = is_number(w)
                    || MONTHS.contains(&w)
                    || matches!(
                        w,
                        "days" | "months" | "years" | "weeks" | "day" | "month" | "year"
                    );
                if !part {
                    break;
                }
                dated |= is_number(w) || MONTHS.contains(&w);
                j += 1;
            }
            if dated && j > i + o.len() && o[0] != "from" {
                out.push(span(text, words, i, j).to_owned());
                i = j;
                continue;
            }
        }
        if is_number(&words[i].folded) {
            let next = words.get(i + 1).map(|w| w.folded.as_ref());
            let after = &text
                [words[i].text.as_ptr() as usize - text.as_ptr() as usize + words[i].text.len()..];
            if next == Some("percent") || next == Some("per") {
                let end = if next == Some("per") { i + 3 } else { i + 2 };
                out.push(span(text, words, i, end.min(words.len())).to_owned());
            } else if after.starts_with('%') {
                out.push(format!("{}%", words[i].text));
            } else if let Some(end) = amount_end(words, i) {
                // "USD 300 billion per year", "EUR 2 billion", "$600
                // billion": the currency before, the scale and the rate
                // after.
                let currency = i > 0 && CURRENCIES.contains(&words[i - 1].folded.as_ref());
                let from = if currency { i - 1 } else { i };
                let dollar = !currency && text[..start_of(text, &words[i])].ends_with('$');
                let found = span(text, words, from, end);
                out.push(if dollar {
                    format!("${found}")
                } else {
                    found.to_owned()
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Currency names that open an amount ("USD 300 billion").
const CURRENCIES: [&str; 10] = [
    "usd", "eur", "gbp", "jpy", "cad", "chf", "aud", "us", "euro", "euros",
];

/// The byte offset of `word` in `text`.
fn start_of(text: &str, word: &Word) -> usize {
    word.text.as_ptr() as usize - text.as_ptr() as usize
}

/// The end of an amount starting with the number at word `i`: a scale word
/// ("million", "billion") and an optional rate ("per year", "annually").
fn amount_end(words: &[Word], i: usize) -> Option<usize> {
    let scale = words.get(i + 1)?.folded.as_ref();
    if !matches!(scale, "million" | "billion" | "trillion") {
        return None;
    }
    let mut end = i + 2;
    if words.get(end).is_some_and(|w| w.folded == "per") && end + 1 < words.len() {
        end += 2;
    } else if words.get(end).is_some_and(|w| w.folded == "annually") {
        end += 1;
    }
    Some(end)
}

/// The deadlines and targets of a sentence, read on their own (a list
/// item's, which carries its lead-in's marker).
pub(crate) fn deadlines_of(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    deadlines(text, &words_of(text, &lower))
}
