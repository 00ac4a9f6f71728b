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

use std::borrow::Cow;

use super::lexicon::{Lexicon, MarkerStrength, Phrase};
use crate::diff::{Commitment, CommitmentChange, Strength};
use crate::normalize::controls;
use crate::normalize::key::MONTHS;
use crate::normalize::key::{Folding, key};

/// A word of a sentence: lower-cased key text and its byte span in the
/// sentence.
struct Word<'a> {
    folded: Cow<'a, str>,
    text: &'a str,
}

/// A word as the lexicon spells it. Words hold only letters, digits and
/// inner apostrophes, so the comparison key reduces to lower case and the
/// apostrophe style. An ASCII word is its span of `lower`, the sentence
/// lower-cased once, so that it costs no allocation of its own.
fn fold<'a>(word: &'a str, lower: &'a str, start: usize) -> Cow<'a, str> {
    match lower.get(start..start + word.len()) {
        Some(folded) if word.is_ascii() => Cow::Borrowed(folded),
        _ => Cow::Owned(key(word, Folding::default())),
    }
}

/// `word` without the apostrophes that end it ("States'" is "States").
fn trim_apostrophes(mut word: &str) -> &str {
    while let Some(rest) = word.strip_suffix('\'').or_else(|| word.strip_suffix('’')) {
        word = rest;
    }
    word
}

/// The words of a sentence: runs of letters and digits with inner
/// apostrophes; `lower` is the sentence with ASCII lower-cased. ASCII bytes
/// are classified without decoding, since this runs on every sentence of
/// both documents.
fn words_of<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    // Whether the character at byte `i` continues a word (`inner`: one has
    // started, so an apostrophe may continue it), and its width in bytes.
    let class = |i: usize, inner: bool| -> (bool, usize) {
        match text.as_bytes()[i] {
            b if b < 0x80 => (b.is_ascii_alphanumeric() || (inner && b == b'\''), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric() || (inner && c == '’'), c.len_utf8())
            }
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < text.len() {
        let (starts, width) = class(i, false);
        if !starts {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        while i < text.len() {
            let (inside, width) = class(i, true);
            if !inside {
                break;
            }
            i += width;
        }
        let t = trim_apostrophes(&text[start..i]);
        out.push(Word {
            folded: fold(t, lower, start),
            text: t,
        });
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
    if lexicon.markers.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let words = words_of(text, &lower);
    let first = words.first()?;
    if is_preambular(text, &first.folded, lexicon) {
        return None;
    }
    let found = first_marker(&words, lexicon)?;
    let mut strength = found.strength.strength()?;
    let (at, mut len) = (found.at, found.len);

    // "will consider", "will also explore": the promise is only to consider.
    if MODALS.contains(&words[at].folded.as_ref()) {
        let mut k = at + 1;
        while k < words.len() && is_adverb(&words[k].folded) {
            k += 1;
        }
        if let Some(m) = marker_at(&words, lexicon, k)
            && m.strength == MarkerStrength::Weak
        {
            strength = Strength::Weak;
            len = k + m.len - at;
        }
    }
    let marker = span(text, &words, at, at + len).to_owned();

    let negated = words[at + len..]
        .iter()
        .take(2)
        .any(|w| lexicon.negations.iter().any(|n| *n == w.folded));

    // A hedge softens the commitment when it stands by its marker ("will,
    // as appropriate, …", "committed, where applicable, to …") or closes the
    // sentence ("… as soon as circumstances permit."); one in the middle of
    // a long sentence qualifies a detail, not the promise.
    let mut hedges = Vec::new();
    let near = at.saturating_sub(3)..(at + len + HEDGE_REACH).min(words.len());
    // Past `near`, only a hedge that closes the sentence counts, and none is
    // longer than the longest hedge: the words between need no lookup.
    let closing_from = words.len().saturating_sub(lexicon.hedges.longest());
    let mut covered = 0;
    for i in near.clone().chain(closing_from.max(near.end)..words.len()) {
        if i < covered {
            // Inside a hedge already found: "circumstances permit" is part
            // of "as circumstances permit".
            continue;
        }
        for h in lexicon.hedges.starting_with(&words[i].folded) {
            let closing = i + h.len() == words.len();
            if (near.contains(&i) || closing) && matches_at(&words, i, h) {
                hedges.push(span(text, &words, i, i + h.len()).to_owned());
                covered = i + h.len();
                break;
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
        actor: found.actor,
        hedges,
        negated,
        deadlines: deadlines(text, &words),
    })
}

/// How many words after its marker a hedge may stand and still soften it.
const HEDGE_REACH: usize = 8;

/// The longest actor phrase the search looks back for, in words.
const MAX_ACTOR_WORDS: usize = 8;

/// Modal markers: they bind only the subject right before them.
const MODALS: [&str; 5] = ["will", "shall", "must", "should", "need"];

/// Words that may stand between a subject and its verb, or open an
/// operative paragraph ("Strongly urges", "Also calls upon").
fn is_adverb(word: &str) -> bool {
    (word.ends_with("ly") && word.len() > 3)
        || matches!(
            word,
            "also"
                | "further"
                | "again"
                | "once"
                | "therefore"
                | "hereby"
                | "together"
                | "still"
                | "now"
                | "all"
                | "both"
                | "each"
                | "continue"
                | "to"
                | "not"
                | "never"
        )
}

/// A UN preambular paragraph: it opens with a participle or one of the
/// lexicon's preambular adjectives, and ends with a comma.
fn is_preambular(text: &str, first: &str, lexicon: &Lexicon) -> bool {
    let opens = first.ends_with("ing") || lexicon.preambular.iter().any(|p| p == first);
    opens && text.trim_end().ends_with(',')
}

/// A marker found in a sentence, with the actor it binds.
struct Found {
    at: usize,
    len: usize,
    strength: MarkerStrength,
    actor: Option<String>,
}

/// The marker that decides the sentence: its first marker that binds
/// someone, or, when that one only records ("recall the commitments … and
/// agree to take …", "reiterate that we will never recognise …"), a
/// commitment marker coordinated with it or restated in a clause of an actor.
fn first_marker(words: &[Word], lexicon: &Lexicon) -> Option<Found> {
    let first = (0..words.len()).find_map(|at| binding_marker(words, lexicon, at))?;
    // An operative paragraph is ranked by the verb it opens with, as UN
    // usage reads it ("Welcomes … and requests …" is a welcome).
    let operative = words[..first.at].iter().all(|w| is_adverb(&w.folded));
    if first.strength != MarkerStrength::None || operative {
        return Some(first);
    }
    let after = first.at + first.len;
    if words.get(after).is_some_and(|w| w.folded == "that")
        && let Some(m) = (after + 1..words.len()).find_map(|at| binding_marker(words, lexicon, at))
        && m.strength != MarkerStrength::None
        && (after + 1..m.at).any(|i| actor_at(words, i, lexicon).is_some())
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
                && m.strength != MarkerStrength::None
                && verb_form(&words[k].folded) == verb_form(&words[first.at].folded)
            {
                return Some(Found {
                    actor: first.actor.clone(),
                    ..m
                });
            }
            if !matches!(
                words[k].folded.as_ref(),
                "also" | "further" | "strongly" | "again"
            ) {
                break;
            }
        }
    }
    Some(first)
}

/// The marker at word `at` if it binds someone there:
/// - at the start of the sentence, or after adverbs only ("Strongly urges"):
///   an operative paragraph, the body speaking;
/// - a modal ("will", "must") right after an actor ("We will", "the
///   Parties shall"); after anything else it describes ("the Conference,
///   which will be held", "Russia must not succeed");
/// - a marker that opens with a possessive ("our commitment to");
/// - any other marker with an actor before it.
fn binding_marker(words: &[Word], lexicon: &Lexicon, at: usize) -> Option<Found> {
    let m = marker_at(words, lexicon, at)?;
    if words[..at].iter().all(|w| is_adverb(&w.folded)) {
        return Some(m);
    }
    let word = words[at].folded.as_ref();
    if MODALS.contains(&word) {
        let mut k = at;
        while k > 0 && is_adverb(&words[k - 1].folded) && words[k - 1].folded != "to" {
            k -= 1;
        }
        // An actor phrase that ends right before the modal.
        let start = (k.saturating_sub(MAX_ACTOR_WORDS)..k)
            .find(|&j| actor_at(words, j, lexicon) == Some(k - j))?;
        return Some(Found {
            actor: Some(actor_text(words, start, k)),
            ..m
        });
    }
    if matches!(word, "our" | "their" | "its") {
        return Some(Found {
            actor: last_actor(words, at, lexicon),
            ..m
        });
    }
    let actor = last_actor(words, at, lexicon)?;
    Some(Found {
        actor: Some(actor),
        ..m
    })
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
fn marker_at(words: &[Word], lexicon: &Lexicon, at: usize) -> Option<Found> {
    let candidates = lexicon.markers.get(words.get(at)?.folded.as_ref())?;
    for (phrase, strength) in candidates {
        if !matches_at(words, at, phrase) {
            continue;
        }
        let noun =
            phrase.len() == 1 && at > 0 && NOUN_CONTEXT.contains(&words[at - 1].folded.as_ref());
        if noun {
            return None;
        }
        return Some(Found {
            at,
            len: phrase.len(),
            strength: *strength,
            actor: None,
        });
    }
    None
}

/// The last actor the lexicon knows that ends before word `marker`.
fn last_actor(words: &[Word], marker: usize, lexicon: &Lexicon) -> Option<String> {
    let mut found = None;
    let mut i = 0;
    while i < marker {
        match actor_at(words, i, lexicon) {
            // Skip past the phrase so that "the Ministers" is not cut to
            // "Ministers".
            Some(len) if i + len <= marker => {
                found = Some((i, i + len));
                i += len;
            }
            _ => i += 1,
        }
    }
    found.map(|(from, to)| actor_text(words, from, to))
}

/// The length of the longest actor phrase starting at word `i`.
fn actor_at(words: &[Word], i: usize, lexicon: &Lexicon) -> Option<usize> {
    lexicon
        .actors
        .starting_with(&words[i].folded)
        .iter()
        .find(|a| matches_at(words, i, a))
        .map(Vec::len)
}

/// The words `from..to` as the sentence writes them.
fn actor_text(words: &[Word], from: usize, to: usize) -> String {
    words[from..to]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

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
///
/// The reasons quote the statements (markers, hedges, actors, deadlines);
/// what they quote is stripped of control characters and bidi controls, so
/// that no reason holds an override left open to reverse whatever a report
/// writes after it, even for statements that never went through import.
pub fn compare(
    old: Option<&Commitment>,
    new: Option<&Commitment>,
    text_changed: bool,
) -> Option<(CommitmentChange, Vec<String>)> {
    let (change, reasons) = compare_raw(old, new, text_changed)?;
    let reasons = reasons
        .into_iter()
        .map(|r| match controls::strip(&r) {
            Cow::Borrowed(_) => r,
            Cow::Owned(clean) => clean,
        })
        .collect();
    Some((change, reasons))
}

fn compare_raw(
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
    fn hedges_count_by_the_marker_or_at_the_end() {
        let hedges = |t: &str| c(t).expect("commitment").hedges;
        // Far from the marker but closing the sentence.
        assert_eq!(
            hedges(
                "The Ministers also reaffirmed their intent to hold the next ministerial meeting of the Global Coalition in Italy as soon as circumstances permit."
            ),
            ["as circumstances permit"]
        );
        // Far from the marker and in the middle: it qualifies a detail.
        assert!(
            hedges(
                "The Coalition will fund the long programme of stabilization in the liberated areas of the country, where possible with regional partners, over the coming years."
            )
            .is_empty()
        );
        // By the marker, and again at the end: both are listed.
        assert_eq!(
            hedges("The Parties will, as appropriate, review the plan when circumstances permit."),
            ["as appropriate", "when circumstances permit"]
        );
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

    #[test]
    fn a_reason_never_holds_an_override_left_open() {
        // A statement built without import: its hedge carries an override.
        let old = c("The Ministers will, as appropriate, act.").expect("commitment");
        let mut hedged = old.clone();
        hedged.hedges = vec!["as \u{202E}appropriate".to_owned()];
        hedged.actor = Some("Ministers\u{2067}\u{1b}[8m".to_owned());
        let (_, reasons) = compare(Some(&hedged), Some(&old), true).expect("a change");
        assert!(!reasons.is_empty());
        for r in &reasons {
            assert!(!controls::has_unsafe(r), "{r:?}");
        }
        assert!(
            reasons
                .iter()
                .any(|r| r == "hedge removed: 'as appropriate'"),
            "{reasons:?}"
        );
    }
}
