//! Commitments: which sentences bind their authors, how strongly, and how a
//! revision changed that.
//!
//! A sentence's commitment is read from its first marker (the lexicon's
//! phrases, longest match first): a recording verb ("notes", "welcomed")
//! makes it none, a commitment marker gives the strength. UN preambular
//! paragraphs ("Recalling …,", "Deeply concerned …,") are never commitments;
//! operative ones are ranked by their opening verb, which is their first
//! marker. Hedges ("as appropriate") lower the strength one level; a negation
//! right after the marker ("will not", "will never") flags a commitment not
//! to act, which is no weaker for it.

use super::lexicon::{Lexicon, MarkerStrength, Phrase};
use crate::diff::{Commitment, CommitmentChange};
use crate::normalize::key::{Folding, key};

/// A word of a sentence: lower-cased key text and its byte span in the
/// sentence.
struct Word<'a> {
    folded: String,
    text: &'a str,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphanumeric() || (start.is_some() && (c == '\'' || c == '’'));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let t = &text[s..i];
                let t = t.trim_end_matches(['\'', '’']);
                out.push(Word {
                    folded: key(t, Folding::default()),
                    text: t,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words after which a single-word marker is a noun, not a verb ("in
/// support of", "their request", "the will of").
const NOUN_CONTEXT: [&str; 14] = [
    "the",
    "a",
    "an",
    "its",
    "their",
    "our",
    "his",
    "her",
    "this",
    "of",
    "in",
    "for",
    "with",
    "political",
];

fn matches_at(words: &[Word], at: usize, phrase: &Phrase) -> bool {
    phrase.len() <= words.len() - at && phrase.iter().zip(&words[at..]).all(|(p, w)| *p == w.folded)
}

/// The text spanning words `from..to` of `sentence`.
fn span<'a>(sentence: &'a str, words: &[Word<'a>], from: usize, to: usize) -> &'a str {
    let start = words[from].text.as_ptr() as usize - sentence.as_ptr() as usize;
    let last = &words[to - 1];
    let end = last.text.as_ptr() as usize - sentence.as_ptr() as usize + last.text.len();
    &sentence[start..end]
}

/// Finds the commitment `text` (a sentence without its label) makes.
pub fn detect(text: &str, lexicon: &Lexicon) -> Option<Commitment> {
    let words = words_of(text);
    let first = words.first()?;
    if is_preambular(text, &first.folded, lexicon) {
        return None;
    }
    let (at, len, strength) = first_marker(&words, lexicon)?;
    let mut strength = strength.strength()?;
    let marker = span(text, &words, at, at + len).to_owned();
    let actor = actor(text, &words, at, lexicon);
    // A marker deep in a sentence with no one to commit ("the sharing …
    // supported this progress", "stabilization support") describes; it
    // does not bind. Operative paragraphs open with their marker.
    if at > 0 && actor.is_none() {
        return None;
    }

    let negated = words[at + len..]
        .iter()
        .take(2)
        .any(|w| lexicon.negations.contains(&w.folded));

    let mut hedges = Vec::new();
    for i in 0..words.len() {
        for h in &lexicon.hedges {
            if matches_at(&words, i, h) {
                hedges.push(span(text, &words, i, i + h.len()).to_owned());
            }
        }
    }
    hedges.dedup();
    if !hedges.is_empty() {
        strength = strength.lowered();
    }

    Some(Commitment {
        strength,
        marker,
        actor,
        hedges,
        negated,
        deadlines: deadlines(text, &words),
    })
}

/// A UN preambular paragraph: it opens with a participle or one of the
/// lexicon's preambular adjectives, and ends with a comma.
fn is_preambular(text: &str, first: &str, lexicon: &Lexicon) -> bool {
    let opens = first.ends_with("ing") || lexicon.preambular.iter().any(|p| p == first);
    opens && text.trim_end().ends_with(',')
}

/// The marker that decides the sentence: its first marker, or, when that
/// one only records ("recall the commitments … and agree to take …",
/// "Expresses its gratitude … and requests him to …"), a commitment marker
/// coordinated with it by "and". (word index, length, strength).
fn first_marker(words: &[Word], lexicon: &Lexicon) -> Option<(usize, usize, MarkerStrength)> {
    let first = marker_from(words, lexicon, 0)?;
    if first.2 != MarkerStrength::None {
        return Some(first);
    }
    let after = first.0 + first.1;
    // "We solemnly reiterate that we will never recognise …": a commitment
    // restated in a clause whose subject is an actor.
    if words.get(after).is_some_and(|w| w.folded == "that")
        && let Some(m) = marker_from(words, lexicon, after + 1)
        && m.2 != MarkerStrength::None
        && (after + 1..m.0).any(|i| lexicon.actors.iter().any(|a| matches_at(words, i, a)))
    {
        return Some(m);
    }
    for j in after..words.len() {
        if words[j].folded != "and" {
            continue;
        }
        // "and agree to", "and also requests", "and further urges".
        for k in j + 1..(j + 3).min(words.len()) {
            if let Some(m) = marker_at(words, lexicon, k)
                && m.2 != MarkerStrength::None
                && verb_form(&words[k].folded) == verb_form(&words[first.0].folded)
            {
                return Some(m);
            }
            if !matches!(
                words[k].folded.as_str(),
                "also" | "further" | "strongly" | "again"
            ) {
                break;
            }
        }
    }
    Some(first)
}

/// The inflection of a verb, so that only a verb coordinated in the same
/// form counts: "Welcomes … and encourages" yes, "Welcomes the Meeting, which
/// examined … and considered …" no.
fn verb_form(word: &str) -> u8 {
    if word.ends_with("ed") {
        2
    } else if word.ends_with('s') && !word.ends_with("ss") {
        1
    } else {
        0
    }
}

/// The marker at word `at`, longest phrase first, unless it is a noun there.
fn marker_at(
    words: &[Word],
    lexicon: &Lexicon,
    at: usize,
) -> Option<(usize, usize, MarkerStrength)> {
    let candidates = lexicon.markers.get(&words[at].folded)?;
    for (phrase, strength) in candidates {
        if !matches_at(words, at, phrase) {
            continue;
        }
        let noun =
            phrase.len() == 1 && at > 0 && NOUN_CONTEXT.contains(&words[at - 1].folded.as_str());
        if noun {
            return None;
        }
        return Some((at, phrase.len(), *strength));
    }
    None
}

/// The first marker at or after word `from`.
fn marker_from(
    words: &[Word],
    lexicon: &Lexicon,
    from: usize,
) -> Option<(usize, usize, MarkerStrength)> {
    (from..words.len()).find_map(|at| marker_at(words, lexicon, at))
}

/// The last actor the lexicon knows before the marker; for an operative
/// paragraph with none ("Decides to …"), the body that speaks is implied and
/// left unnamed.
fn actor(text: &str, words: &[Word], marker: usize, lexicon: &Lexicon) -> Option<String> {
    let mut found = None;
    for i in 0..marker {
        if let Some(a) = lexicon.actors.iter().find(|a| matches_at(words, i, a))
            && i + a.len() <= marker
        {
            found = Some(span(text, words, i, i + a.len()).to_owned());
        }
    }
    found
}

const MONTHS: [&str; 12] = [
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

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Deadlines ("by May 14, 2025", "by 2030", "no later than …", "within 90
/// days", "for an additional period of 90 days", "until …") and percentage
/// targets ("10 percent", "10%").
fn deadlines(text: &str, words: &[Word]) -> Vec<String> {
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
        let opener = OPENERS.iter().find(|o| {
            o.len() <= words.len() - i && o.iter().zip(&words[i..]).all(|(a, w)| *a == w.folded)
        });
        if let Some(o) = opener {
            // The date or period: numbers, months and "days/months/years".
            let mut j = i + o.len();
            let mut dated = false;
            while j < words.len() {
                let w = words[j].folded.as_str();
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
            let next = words.get(i + 1).map(|w| w.folded.as_str());
            let after = &text
                [words[i].text.as_ptr() as usize - text.as_ptr() as usize + words[i].text.len()..];
            if next == Some("percent") || next == Some("per") {
                let end = if next == Some("per") { i + 3 } else { i + 2 };
                out.push(span(text, words, i, end.min(words.len())).to_owned());
            } else if after.starts_with('%') {
                out.push(format!("{}%", words[i].text));
            }
        }
        i += 1;
    }
    out
}

/// Compares the commitments of an entry's two sides (the strongest of each
/// side for splits and merges); `text_changed` says whether the wording
/// changed beyond editorial differences. Returns the change and its reasons
/// in words.
pub fn compare(
    old: Option<&Commitment>,
    new: Option<&Commitment>,
    text_changed: bool,
) -> Option<(CommitmentChange, Vec<String>)> {
    let describe = |c: &Commitment| format!("'{}' ({})", c.marker, c.strength.name());
    match (old, new) {
        (None, None) => None,
        (None, Some(n)) => Some((
            CommitmentChange::Added,
            vec![format!("marker {}", describe(n))],
        )),
        (Some(o), None) => Some((
            CommitmentChange::Removed,
            vec![format!("marker {}", describe(o))],
        )),
        (Some(o), Some(n)) => {
            let mut reasons = Vec::new();
            // A strength change with the same marker is explained by hedges.
            if o.marker.to_lowercase() != n.marker.to_lowercase() {
                reasons.push(format!("marker {} → {}", describe(o), describe(n)));
            }
            for h in &n.hedges {
                if !o.hedges.contains(h) {
                    reasons.push(format!("hedge added: '{h}'"));
                }
            }
            for h in &o.hedges {
                if !n.hedges.contains(h) {
                    reasons.push(format!("hedge removed: '{h}'"));
                }
            }
            if o.negated != n.negated {
                reasons.push(if n.negated {
                    "negation added".to_owned()
                } else {
                    "negation removed".to_owned()
                });
            }
            if o.deadlines != n.deadlines {
                let list = |d: &[String]| {
                    if d.is_empty() {
                        "none".to_owned()
                    } else {
                        d.join("; ")
                    }
                };
                reasons.push(format!(
                    "deadline changed: {} → {}",
                    list(&o.deadlines),
                    list(&n.deadlines)
                ));
            }
            if o.actor != n.actor && o.actor.is_some() && n.actor.is_some() {
                reasons.push(format!(
                    "actor changed: {} → {}",
                    o.actor.as_deref().unwrap_or(""),
                    n.actor.as_deref().unwrap_or("")
                ));
            }
            let change = match n.strength.cmp(&o.strength) {
                std::cmp::Ordering::Greater => CommitmentChange::Strengthened,
                std::cmp::Ordering::Less => CommitmentChange::Weakened,
                _ if text_changed || !reasons.is_empty() => CommitmentChange::Reworded,
                _ => CommitmentChange::Unchanged,
            };
            if change == CommitmentChange::Reworded && reasons.is_empty() {
                reasons.push("same marker and strength, wording changed".to_owned());
            }
            Some((change, reasons))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Strength;

    fn c(text: &str) -> Option<Commitment> {
        detect(text, &Lexicon::builtin())
    }

    #[test]
    fn strengths() {
        let s = |t: &str| c(t).map(|c| c.strength);
        assert_eq!(
            s(
                "The Ministers, recalling their statement of June 4, 2020, committed to strengthen cooperation."
            ),
            Some(Strength::Strong)
        );
        assert_eq!(
            s("Decides to include in the provisional agenda the item;"),
            Some(Strength::Strong)
        );
        assert_eq!(
            s("Calls upon all States to sign the Treaty;"),
            Some(Strength::Moderate)
        );
        assert_eq!(s("Encourages all States to sign;"), Some(Strength::Weak));
        assert_eq!(s("Welcomes the entry into force of the Treaty;"), None);
        assert_eq!(s("Recalling its resolutions 72/31 and 73/48,"), None);
        assert_eq!(s("Deeply concerned that States will not act,"), None);
        assert_eq!(
            s("The Ministers acknowledged that the threat remains."),
            None
        );
        assert_eq!(
            s("The Coalition will, as appropriate, explore options."),
            Some(Strength::Moderate)
        );
        assert_eq!(
            s("In Syria, the Coalition stands in support of a settlement."),
            None
        );
    }

    #[test]
    fn details() {
        let k = c("We will never recognise Russia's purported annexation.").expect("commitment");
        assert!(k.negated);
        assert_eq!(k.strength, Strength::Strong);
        assert_eq!(k.actor.as_deref(), Some("We"));
        let k = c("We solemnly reiterate that we will never recognise this illegal annexation.")
            .expect("commitment");
        assert!(k.negated && k.marker == "will");
        assert_eq!(
            c(
                "The Ministers affirmed that international law must be upheld under all circumstances."
            ),
            None
        );
        let k = c("The Parties commit to take the following actions by May 14, 2025:")
            .expect("commitment");
        assert_eq!(k.marker, "commit to");
        assert_eq!(k.actor.as_deref(), Some("The Parties"));
        assert_eq!(k.deadlines, ["by May 14, 2025"]);
        let k = c("The United States will modify the tariff for an additional period of 90 days, and 10 percent.")
            .expect("commitment");
        assert_eq!(
            k.deadlines,
            ["for an additional period of 90 days", "10 percent"]
        );
        let k = c("They will act, where possible, by 2030.").expect("commitment");
        assert_eq!(k.hedges, ["where possible"]);
        assert_eq!(k.deadlines, ["by 2030"]);
    }

    #[test]
    fn changes() {
        let a = c("The Parties commit to take action by May 14, 2025.");
        let b = c("The Parties agree to take action by August 12, 2025.");
        let (change, reasons) = compare(a.as_ref(), b.as_ref(), true).expect("both commit");
        assert_eq!(change, CommitmentChange::Reworded);
        assert!(
            reasons.contains(&"deadline changed: by May 14, 2025 → by August 12, 2025".to_owned()),
            "{reasons:?}"
        );
        let weak = c("The Ministers encourage action.");
        let (change, _) = compare(a.as_ref(), weak.as_ref(), true).expect("both commit");
        assert_eq!(change, CommitmentChange::Weakened);
        let (change, _) = compare(weak.as_ref(), a.as_ref(), true).expect("both commit");
        assert_eq!(change, CommitmentChange::Strengthened);
        assert_eq!(
            compare(None, a.as_ref(), true).map(|x| x.0),
            Some(CommitmentChange::Added)
        );
        assert_eq!(
            compare(a.as_ref(), a.as_ref(), false).map(|x| x.0),
            Some(CommitmentChange::Unchanged)
        );
    }
}
