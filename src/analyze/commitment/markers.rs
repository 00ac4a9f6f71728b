//! Markers: where the lexicon's phrases stand in a sentence's words, with
//! the adverb or adjectives a phrase may take inside it ("remain deeply
//! committed to", "our full and unwavering support"), a modal merged with
//! the marker it governs ("will continue to"), and the nouns and months
//! that only look like markers ("in support of", "May 14").

use super::subject::{DETERMINERS, is_adverb};
use super::words::{BREAK, Word, is_number, matches_at, starts_upper};
use crate::analyze::lexicon::{Lexicon, MarkerInfo, MarkerStrength, Phrase};

/// Words after which a single-word marker is a noun, not a verb ("in
/// support of", "their request", "the will of").
const NOUN_CONTEXT: [&str; 16] = [
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
    "by",
    "on",
];

/// Modals with their own strength.
const MODALS: [&str; 5] = ["will", "shall", "must", "should", "may"];

/// A marker occurrence: where it stands, how many words it spans, and what
/// it means. A modal merged with the marker it governs spans both.
#[derive(Clone, Copy)]
pub(super) struct Hit {
    /// The marker's first word.
    pub(super) at: usize,
    /// How many words it spans.
    pub(super) len: usize,
    /// Words of the marker as reports name it (the modal alone when the
    /// marker after it does not change its level).
    pub(super) shown: usize,
    /// Its level and its level after a strong modal.
    pub(super) info: MarkerInfo,
    /// A modal ("will", "must") or a modal merged with its verb.
    pub(super) modal: bool,
    /// "will be" / "may be" with no marker after it: a prediction.
    pub(super) predicts: bool,
}

/// The marker at word `at`, longest phrase first, unless it is a noun there
/// or a month ("May 14").
fn marker_at(words: &[Word], lexicon: &Lexicon, at: usize) -> Option<Hit> {
    let candidates = lexicon.markers.get(words.get(at)?.folded.as_ref())?;
    let (candidates, gap_next) = in_reach(words, lexicon, at, candidates);
    marker_among(words, at, candidates, gap_next)
}

/// The phrases among `candidates` (those that open with word `at`) that
/// may stand at `at`, and whether a gap may follow the word ("remain deeply
/// committed", "our full support"). Inlined where markers are looked for,
/// so that a word whose phrases are all out of reach ("the", which opens
/// "the resolve to", stands once in fifteen words) costs no call.
#[inline(always)]
fn in_reach<'l>(
    words: &[Word],
    lexicon: &Lexicon,
    at: usize,
    candidates: &'l [(Phrase, MarkerInfo)],
) -> (&'l [(Phrase, MarkerInfo)], bool) {
    let word = words[at].folded.as_ref();
    let next = words.get(at + 1);
    // Every candidate opens with `word`: whether adjectives may follow it
    // is asked once, not once a phrase.
    let gap_next = next.is_some_and(is_gap_adverb) || matches!(word, "our" | "their" | "its");
    // A phrase of two or more words needs one of the lexicon's second words
    // next, or (with a gap) among the next four words: else only the
    // phrases of one word are left, which come last.
    let second = |w: &Word| lexicon.second_words.contains(&w.folded);
    let longer = if gap_next {
        words[(at + 1).min(words.len())..(at + 5).min(words.len())]
            .iter()
            .any(second)
    } else {
        next.is_some_and(second)
    };
    if longer {
        (candidates, gap_next)
    } else {
        let one_word = candidates.partition_point(|(p, _)| p.len() >= 2);
        (&candidates[one_word..], gap_next)
    }
}

/// The marker at word `at` among `candidates`, the phrases that open with
/// that word and are in reach ([`in_reach`]).
fn marker_among(
    words: &[Word],
    at: usize,
    candidates: &[(Phrase, MarkerInfo)],
    gap_next: bool,
) -> Option<Hit> {
    // A phrase of two or more words matches only with its second word
    // next, or an adverb next ("remain deeply committed"), or when it opens
    // with a possessive that adjectives may follow ("our full support"):
    // the others ("are" opens twenty) are passed over with one comparison.
    let next = words.get(at + 1);
    // With a gap, a phrase's second word still stands within the next four
    // words (next, after the adverb, or after one to three adjectives): a
    // phrase whose second word is not there is passed over before the
    // gapped match is tried ("our" opens seven phrases, and is common).
    let ahead = &words[(at + 1).min(words.len())..(at + 5).min(words.len())];
    // Longest phrase first, with or without adjectives after its
    // possessive.
    for (phrase, info) in candidates {
        if phrase.len() >= 2
            && if gap_next {
                !ahead.iter().any(|w| w.folded == phrase[1])
            } else {
                next.is_none_or(|w| w.folded != phrase[1])
            }
        {
            continue;
        }
        if matches_at(words, at, phrase) {
            return phrase_hit(words, at, phrase.len(), *info);
        }
        if let Some(len) = gapped_len(words, at, phrase) {
            return phrase_hit(words, at, len, *info);
        }
    }
    None
}

/// Whether a word may stand as the adverb inside a marker ("deeply" in
/// "remain deeply committed to").
fn is_gap_adverb(w: &Word) -> bool {
    w.folded.len() > 4 && w.folded.ends_with("ly") && w.sep & BREAK == 0
}

/// The length in words of `phrase` matched at word `at` with an adverb
/// after its first word ("remain deeply committed to"), or one to three
/// adjectives after its possessive ("their steadfast commitment to",
/// "reaffirm our full and unwavering support").
fn gapped_len(words: &[Word], at: usize, phrase: &Phrase) -> Option<usize> {
    // "remain deeply committed to": an adverb after the first word.
    if phrase.len() >= 2
        && words.get(at + 1).is_some_and(is_gap_adverb)
        && phrase.len() < words.len() - at
        && phrase[0] == words[at].folded
        && phrase[1..]
            .iter()
            .zip(&words[at + 2..])
            .all(|(p, w)| *p == w.folded)
    {
        return Some(phrase.len() + 1);
    }
    let p = phrase
        .iter()
        .position(|w| matches!(w.as_str(), "our" | "their" | "its"))
        .filter(|&p| p + 1 < phrase.len())?;
    let opening = &phrase[..=p];
    if opening.len() > words.len() - at
        || !opening
            .iter()
            .zip(&words[at..])
            .all(|(o, w)| *o == w.folded)
    {
        return None;
    }
    let (head, tail) = (at + p + 1, &phrase[p + 1..]);
    let adjective = |w: &Word| {
        w.sep & BREAK == 0
            && w.folded.chars().all(|c| c.is_alphabetic() || c == '-')
            && !starts_upper(w.text)
    };
    // The first gap whose words are all adjectives and after which the
    // tail follows; the tail, which rarely follows, is compared first.
    for skip in 1..=3 {
        let rest = head + skip;
        if rest > words.len() {
            return None;
        }
        if tail.len() <= words.len() - rest
            && tail.iter().zip(&words[rest..]).all(|(t, w)| *t == w.folded)
            && words[head..rest].iter().all(adjective)
        {
            return Some(rest + tail.len() - at);
        }
    }
    None
}

/// The hit of a phrase of `len` words matched at word `at`, unless the
/// words around make it a noun or a month.
fn phrase_hit(words: &[Word], at: usize, len: usize, info: MarkerInfo) -> Option<Hit> {
    let prev = at.checked_sub(1).map(|p| words[p].folded.as_ref());
    // "African countries’ call for", "Russia’s support": a possessive
    // makes the marker a noun.
    let possessive = prev.is_some_and(|p| p.ends_with("'s") || p.ends_with("’s"))
        || (at > 0 && words[at].gap_apostrophe);
    // "its call for", "the support of": after an article or a possessive
    // any marker is a noun.
    let determined = prev.is_some_and(|p| {
        matches!(
            p,
            "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "this" | "these"
        )
    });
    let noun =
        (len == 1 && prev.is_some_and(|p| NOUN_CONTEXT.contains(&p))) || possessive || determined;
    let month = words[at].folded == "may"
        && words[at].text.starts_with('M')
        && words.get(at + 1).is_some_and(|w| is_number(&w.folded));
    if noun || month {
        return None;
    }
    Some(Hit {
        at,
        len,
        shown: len,
        info,
        modal: len == 1 && MODALS.contains(&words[at].folded.as_ref()),
        predicts: false,
    })
}

/// Every marker of the sentence, left to right, a modal merged with the
/// marker it governs ("will continue to", "should consider").
pub(super) fn hits(words: &[Word], lexicon: &Lexicon) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words start no marker: the table turns them away by their
        // shape, here, without a call.
        let Some(mut h) = lexicon
            .markers
            .get(&words[i].folded)
            .map(|candidates| in_reach(words, lexicon, i, candidates))
            .filter(|(candidates, _)| !candidates.is_empty())
            .and_then(|(candidates, gap_next)| marker_among(words, i, candidates, gap_next))
        else {
            i += 1;
            continue;
        };
        i += h.len;
        // "We continue to condemn …": carrying on a position is no
        // commitment.
        if h.info.with_will.is_some()
            && words[h.at + h.len - 1].folded == "to"
            && marker_at(words, lexicon, i).is_some_and(|n| n.info.strength == MarkerStrength::None)
        {
            h.info.strength = MarkerStrength::None;
        }
        if h.modal {
            // "will also", "will never", "will, as appropriate, explore".
            let mut j = i;
            while j < words.len() {
                if is_adverb(&words[j].folded) {
                    j += 1;
                } else if let Some(p) = lexicon
                    .hedges
                    .starting_with(&words[j].folded)
                    .iter()
                    .find(|p| matches_at(words, j, p))
                {
                    j += p.len();
                } else {
                    break;
                }
            }
            let be = words
                .get(j)
                .is_some_and(|w| matches!(w.folded.as_ref(), "be" | "remain" | "stay"));
            let next = marker_at(words, lexicon, j)
                .or_else(|| be.then(|| marker_at(words, lexicon, j + 1)).flatten());
            match next {
                Some(n) => {
                    let own = h.info.strength;
                    let level = governed(own, n.info);
                    let end = n.at + n.len;
                    h.shown = if level == own { 1 } else { end - h.at };
                    h.len = end - h.at;
                    h.info.strength = level;
                    i = end;
                }
                // "will be held", "will be He Lifeng": a prediction or a
                // description; "we will be vigilant" acts.
                None if be
                    && matches!(words[h.at].folded.as_ref(), "will" | "may")
                    && words.get(j + 1).is_none_or(|w| {
                        let f = w.folded.as_ref();
                        f.ends_with("ed")
                            || f.ends_with("en")
                            || starts_upper(w.text)
                            || DETERMINERS.contains(&f)
                            || is_number(f)
                            || matches!(f, "able" | "possible" | "necessary" | "made" | "held")
                    }) =>
                {
                    h.predicts = true;
                }
                None => {}
            }
        }
        out.push(h);
    }
    out
}

/// The level of a marker governed by a modal of strength `modal`: the
/// weaker of the two ("will explore" weak), a recording verb taking the
/// modal's ("will never recognise" strong), and a marker's `with_will`
/// after a strong modal ("will continue to" strong).
pub(super) fn governed(modal: MarkerStrength, marker: MarkerInfo) -> MarkerStrength {
    let theirs = if modal == MarkerStrength::Strong {
        marker.with_will.unwrap_or(marker.strength)
    } else {
        marker.strength
    };
    if theirs == MarkerStrength::None {
        modal
    } else {
        rank_min(modal, theirs)
    }
}

/// The strength of the modal that opens a merged marker ("will" of "will
/// continue to").
pub(super) fn modal_strength(words: &[Word], h: Hit, lexicon: &Lexicon) -> Option<MarkerStrength> {
    lexicon
        .markers
        .get(words[h.at].folded.as_ref())?
        .iter()
        .find(|(p, _)| p.len() == 1)
        .map(|(_, info)| info.strength)
}

/// The weaker of two marker strengths.
fn rank_min(a: MarkerStrength, b: MarkerStrength) -> MarkerStrength {
    let rank = |m: MarkerStrength| match m {
        MarkerStrength::None => 0,
        MarkerStrength::Weak => 1,
        MarkerStrength::Moderate => 2,
        MarkerStrength::Strong => 3,
    };
    if rank(a) <= rank(b) { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::commitment::words::words_of;

    /// The markers of `text` as (first word, words spanned, level).
    fn read(text: &str) -> Vec<(usize, usize, MarkerStrength)> {
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        hits(&words, &Lexicon::builtin())
            .into_iter()
            .map(|h| (h.at, h.len, h.info.strength))
            .collect()
    }

    #[test]
    fn a_phrase_takes_an_adverb_or_adjectives_inside_it() {
        let deeply: Vec<(usize, usize)> = read("We remain deeply committed to peace")
            .into_iter()
            .map(|(at, len, _)| (at, len))
            .collect();
        assert_eq!(deeply, [(1, 4)]);
        let steadfast = read("They reaffirmed their steadfast commitment to the Treaty");
        // "reaffirmed their … commitment": one adjective inside.
        let spans: Vec<(usize, usize)> = steadfast.iter().map(|&(at, len, _)| (at, len)).collect();
        assert_eq!(spans, [(1, 4)]);
    }

    #[test]
    fn nouns_and_months_are_no_markers() {
        assert!(read("in support of the region").is_empty());
        assert!(read("on May 14 the talks resumed").is_empty());
    }

    #[test]
    fn a_modal_merges_with_the_marker_it_governs() {
        // "will explore": the weaker of the two.
        let hits = read("We will explore options");
        assert_eq!(hits, [(1, 2, MarkerStrength::Weak)]);
        assert_eq!(
            governed(
                MarkerStrength::Weak,
                MarkerInfo {
                    strength: MarkerStrength::Strong,
                    with_will: None,
                }
            ),
            MarkerStrength::Weak
        );
    }
}
