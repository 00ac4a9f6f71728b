//! Commitments: the clauses of a sentence by which an actor binds itself,
//! decides, or asks another actor to act (see `COMMITMENTS.md` and
//! `docs/lexicon.md`).
//!
//! A sentence is read clause by clause. Every marker of the lexicon is a
//! candidate verb; it opens a clause when it stands as a finite verb: at the
//! start of a UN operative paragraph ("Notes …", "Urges …"), after a subject
//! that acts ("We", "Members", "The task force", a proper name), or
//! coordinated with an earlier finite verb ("…, and encourages", "… and
//! support"). A marker after "to", after a relative pronoun ("measures that
//! seek to"), or after an article or possessive ("in support of") is no
//! verb. A modal takes the weaker of itself and the marker it governs ("will
//! explore" is weak); "will be" with no marker after it predicts ("the
//! meeting will be held"). A recording verb ("notes", "welcomes") opens a
//! clause of level none, so that the clauses after it are read on their own.
//! Hedges lower a clause one level; a negation right after its marker marks
//! a promise not to act, no weaker for it.

use super::deadlines::deadlines;
use super::lexicon::{Lexicon, MarkerInfo, MarkerStrength, Phrase};
use super::subject::{
    DETERMINERS, NOT_FINITE_AFTER, PERSONS, is_adverb, is_agent, is_relative, opening_subject,
    subject_span,
};
use super::words::{
    BREAK, OPEN, QUOTE, SEMICOLON, Word, is_number, matches_at, span, starts_upper, words_of,
};
use crate::diff::Commitment;

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

/// Modals whose sentence states what must happen even without an acting
/// subject ("disputes should be resolved peacefully").
const NORMATIVE: [&str; 3] = ["shall", "must", "should"];

/// A UN preambular paragraph: it opens with a participle or one of the
/// lexicon's preambular adjectives, and ends with a comma.
fn is_preambular(text: &str, first: &str, lexicon: &Lexicon) -> bool {
    let opens = first.ends_with("ing") || lexicon.preambular.iter().any(|p| p == first);
    opens && text.trim_end().ends_with(',')
}

/// A heading ("Steadfast support to Ukraine"): a short line without the
/// punctuation that closes a sentence or a list item.
fn is_heading(text: &str, words: usize) -> bool {
    let closed = text
        .trim_end()
        .ends_with(['.', ';', ':', '!', '?', ',', '"', '”', '’', ')']);
    !closed && words <= 12
}

/// A marker occurrence: where it stands, how many words it spans, and what
/// it means. A modal merged with the marker it governs spans both.
#[derive(Clone, Copy)]
struct Hit {
    at: usize,
    len: usize,
    /// Words of the marker as reports name it (the modal alone when the
    /// marker after it does not change its level).
    shown: usize,
    info: MarkerInfo,
    /// A modal ("will", "must") or a modal merged with its verb.
    modal: bool,
    /// "will be" / "may be" with no marker after it: a prediction.
    predicts: bool,
}

/// The marker at word `at`, longest phrase first, unless it is a noun there
/// or a month ("May 14").
fn marker_at(words: &[Word], lexicon: &Lexicon, at: usize) -> Option<Hit> {
    let word = words.get(at)?.folded.as_ref();
    if !lexicon.may_start_marker(word) {
        return None;
    }
    let candidates = lexicon.markers.get(word)?;
    // A phrase of two or more words matches only with its second word
    // next, or an adverb next ("remain deeply committed"), or when it opens
    // with a possessive that adjectives may follow ("our full support"):
    // the others ("are" opens twenty) are passed over with one comparison.
    let next = words.get(at + 1);
    let adverb_next = next.is_some_and(is_gap_adverb);
    // Longest phrase first, with or without adjectives after its
    // possessive.
    for (phrase, info) in candidates {
        if phrase.len() >= 2
            && !adverb_next
            && !matches!(phrase[0].as_str(), "our" | "their" | "its")
            && next.is_none_or(|w| w.folded != phrase[1])
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
fn hits(words: &[Word], lexicon: &Lexicon) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Most words start no marker: the shape test turns them away here,
        // without the call.
        if !lexicon.may_start_marker(&words[i].folded) {
            i += 1;
            continue;
        }
        let Some(mut h) = marker_at(words, lexicon, i) else {
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
fn governed(modal: MarkerStrength, marker: MarkerInfo) -> MarkerStrength {
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
fn modal_strength(words: &[Word], h: Hit, lexicon: &Lexicon) -> Option<MarkerStrength> {
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

/// The inflection of a verb, so that only a verb coordinated in the same
/// form counts: "Welcomes … and encourages" yes, "Welcomes the Meeting, which
/// examined … and considered …" no.
fn verb_form(word: &str) -> u8 {
    if word.ends_with("ed") || word == "undertook" || word == "sought" {
        2
    } else if word.ends_with('s') && !word.ends_with("ss") {
        1
    } else {
        0
    }
}

/// How a marker stands in its sentence.
enum Role {
    /// It opens the sentence (after adverbs): a UN operative verb.
    Opening,
    /// It follows "and" or a comma: coordinated with the verb before.
    Coordinated,
    /// It follows a noun phrase `from..to` that is its subject.
    Subject(usize, usize),
    /// A possessive marker ("our commitment to") of the sentence's subject
    /// (none named for a UN body's "its").
    Possessive(Option<(usize, usize)>),
}

/// A finite verb found in the sentence: where its clause starts, its
/// marker, and the actor it binds.
struct Verb {
    start: usize,
    hit: Hit,
    actor: Option<(usize, usize)>,
}

/// Finds the commitment `text` (a sentence without its label) makes: its
/// strongest clause.
pub fn detect(text: &str, lexicon: &Lexicon) -> Option<Commitment> {
    strongest(&clauses(text, lexicon)).cloned()
}

/// The strongest of some clauses (the first of equals): a sentence's
/// commitment.
pub fn strongest(clauses: &[Commitment]) -> Option<&Commitment> {
    let mut best: Option<&Commitment> = None;
    for c in clauses {
        if best.is_none_or(|b| c.strength > b.strength) {
            best = Some(c);
        }
    }
    best
}

/// The commitment clauses of `text` (a sentence without its label), in
/// reading order.
pub fn clauses(text: &str, lexicon: &Lexicon) -> Vec<Commitment> {
    if lexicon.markers.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let words = words_of(text, &lower);
    let Some(first) = words.first() else {
        return Vec::new();
    };
    if is_preambular(text, &first.folded, lexicon) || is_heading(text, words.len()) {
        return Vec::new();
    }
    let verbs = finite_verbs(&words, lexicon);
    let mut out = Vec::new();
    for (v, verb) in verbs.iter().enumerate() {
        let Some(mut strength) = verb.hit.info.strength.strength() else {
            continue;
        };
        let h = verb.hit;
        // A later verb's subject can reach back into this clause ("the
        // Parties that will … shall"); the clause keeps at least its marker.
        let end = verbs
            .get(v + 1)
            .map_or(words.len(), |n| n.start)
            .clamp(h.at + h.len, words.len());
        // "…, and" before the next clause joins the two; it belongs to
        // neither.
        let mut end = end;
        while end > h.at + h.len && matches!(words[end - 1].folded.as_ref(), "and" | "or" | "but") {
            end -= 1;
        }
        let marker = span(text, &words, h.at, h.at + h.shown).to_owned();
        let negated = words[h.at + 1..(h.at + h.len + 2).min(words.len())]
            .iter()
            .any(|w| lexicon.negations.iter().any(|n| *n == w.folded));
        let hedges = hedges(text, &words, h, verb.start, end, lexicon);
        if !hedges.is_empty() {
            strength = strength.lowered();
        }
        let actor = verb.actor.map(|(a, b)| span(text, &words, a, b).to_owned());
        // "(i) modify …; and (ii) remove …": each item is a clause of its own.
        for (from, to) in enumerated(text, &words, h.at + h.len, verb.start, end) {
            out.push(Commitment {
                strength,
                marker: marker.clone(),
                actor: actor.clone(),
                hedges: hedges.clone(),
                negated,
                deadlines: deadlines(text, &words[from..to]),
                clause: span(text, &words, from, to).to_owned(),
                inherited: false,
            });
        }
    }
    out
}

/// The finite verbs of a sentence among its markers: commitment clauses,
/// and recording verbs whose clauses are of level none.
fn finite_verbs(words: &[Word], lexicon: &Lexicon) -> Vec<Verb> {
    let mut verbs: Vec<Verb> = Vec::new();
    // The subject and verb form of the last finite verb, which a verb
    // coordinated with it shares.
    let mut subject: Option<(usize, usize)> = None;
    let mut form: Option<u8> = None;
    let mut operative = false;
    // Inside "notes that …": a clause there binds only its authors ("we
    // reiterate that we will").
    let mut complement = false;
    // The modal of the last clause, which governs a base-form verb
    // coordinated with it ("must continue to be vigilant … and continue to
    // act").
    let mut modal: Option<MarkerStrength> = None;
    for mut h in hits(words, lexicon) {
        let mut k = h.at;
        while k > 0 && is_adverb(&words[k - 1].folded) && words[k].sep & BREAK == 0 {
            k -= 1;
        }
        if words[h.at].sep & SEMICOLON != 0 {
            complement = false;
        }
        let prev = k.checked_sub(1).map(|p| words[p].folded.as_ref());
        let own_form = if h.modal {
            None
        } else {
            Some(verb_form(&words[h.at].folded))
        };
        let normative = h.modal && NORMATIVE.contains(&words[h.at].folded.as_ref());
        let role = if words[k].sep & QUOTE != 0 {
            None
        } else if k == 0 {
            let first = words[h.at].folded.as_ref();
            (first.ends_with('s') || first == "it").then_some(Role::Opening)
        } else if prev.is_some_and(|p| NOT_FINITE_AFTER.contains(&p)) {
            None
        } else if matches!(prev, Some("and" | "or" | "but" | "nor"))
            || words[k].sep & BREAK != 0
            || (operative && after_and(words, k))
        {
            Some(Role::Coordinated)
        } else if matches!(prev, Some("our" | "their" | "its")) || is_possessive(&words[h.at]) {
            // "We are united in our determination to …": the possessive
            // marker binds the sentence's subject, if it acts ("These
            // actions reflect our commitment" does not).
            // In an operative paragraph: "Reaffirms its strong commitment
            // to", the body's own, right after its verb.
            let after_verb = verbs
                .last()
                .is_some_and(|v: &Verb| v.hit.at + v.hit.len == k);
            match subject.or_else(|| opening_subject(words, lexicon)) {
                Some(s) if !operative => Some(Role::Possessive(Some(s))),
                _ if operative && after_verb => Some(Role::Possessive(None)),
                _ => continue,
            }
        } else {
            match subject_span(words, k, lexicon) {
                Some((from, to)) => Some(Role::Subject(from, to)),
                // "Any resolution to the conflict must ensure …": a normative
                // modal needs no acting subject.
                None if normative => Some(Role::Subject(k, k)),
                None => None,
            }
        };
        let strength = h.info.strength;
        let (actor, start) = match role {
            None => continue,
            Some(Role::Opening) => {
                operative = true;
                form = own_form;
                (None, h.at)
            }
            Some(Role::Possessive(s)) => (s, h.at),
            Some(Role::Coordinated) => {
                if !operative && subject.is_none() {
                    // The authors named earlier ("we are partnering … and
                    // commit to"), else the sentence's opening subject.
                    subject = (0..k)
                        .rev()
                        .find(|&i| PERSONS.contains(&words[i].folded.as_ref()))
                        .map(|i| (i, i + 1))
                        .or_else(|| opening_subject(words, lexicon));
                    form = form.or(own_form);
                }
                // "Welcomes …, and urge their full implementation": a
                // slip of form after "and" still continues the paragraph.
                let same_form = own_form.is_none()
                    || form.is_none()
                    || own_form == form
                    || (operative
                        && prev == Some("and")
                        && own_form == Some(0)
                        && strength != MarkerStrength::None);
                let last = verbs.last().map_or(0, |v: &Verb| v.hit.at + v.hit.len);
                let subordinate = !operative
                    && own_form == Some(0)
                    && !names_authors(&words[h.at..h.at + h.len])
                    && continues_subordinate(words, last.min(k)..k, prev, strength);
                // Inside "Recalls that the Agreement, in …, aims to …" a verb
                // after a comma is the complement's; the paragraph's next
                // verb follows "and" or a semicolon.
                let joined = matches!(prev, Some("and")) || words[k].sep & SEMICOLON != 0;
                let in_complement = operative && complement && !joined;
                if !(operative || subject.is_some()) || !same_form || subordinate || in_complement {
                    continue;
                }
                if h.modal && complement {
                    // "affirmed that international law, including …, must
                    // be upheld": the complement's own modal, no actor.
                    if !normative {
                        continue;
                    }
                    verbs.push(Verb {
                        start: h.at,
                        hit: h,
                        actor: None,
                    });
                    continue;
                }
                complement = false;
                if let (Some(m), Some(0)) = (modal, own_form)
                    && h.info.strength != MarkerStrength::None
                {
                    h.info.strength = governed(m, h.info);
                }
                (subject, h.at)
            }
            Some(Role::Subject(from, to)) => {
                let agent = to > from && is_agent(words, from, to, lexicon);
                let person = to > from && PERSONS.contains(&words[to - 1].folded.as_ref());
                let before = from.checked_sub(1).map(|b| words[b].folded.as_ref());
                if is_relative(before, complement, person) {
                    continue;
                }
                // Inside "that …" only the authors' own clause binds, and a
                // normative modal, which states what they demand.
                let binds = if complement {
                    person || normative
                } else {
                    agent || normative
                };
                if !binds {
                    continue;
                }
                if agent && !complement {
                    subject = Some((from, to));
                    form = own_form.or(Some(0));
                    modal = h.modal.then(|| modal_strength(words, h, lexicon)).flatten();
                }
                // In a complement ("reaffirm that the Charter must be
                // respected") the subject is not the one who binds.
                let named = agent && (!complement || person);
                (named.then_some((from, to)), if named { from } else { k })
            }
        };
        // "the Compact committed to by G7 Foreign Ministers": a passive
        // participle describes.
        let passive = verb_form(&words[h.at].folded) == 2
            && words.get(h.at + h.len).is_some_and(|w| w.folded == "by");
        if h.predicts || passive || recalled(words, start, h, lexicon) {
            continue;
        }
        if strength == MarkerStrength::None {
            let after = h.at + h.len;
            complement |= words.get(after).is_some_and(|w| w.folded == "that");
        }
        verbs.push(Verb {
            start,
            hit: h,
            actor,
        });
    }
    verbs
}

/// Whether "and" opens a short phrase right before word `k`: "…, and in
/// this regard urges".
fn after_and(words: &[Word], k: usize) -> bool {
    (k.saturating_sub(4)..k).any(|a| {
        words[a].folded == "and"
            && (a + 1..k).all(|i| {
                words[i].sep & BREAK == 0
                    && !starts_upper(words[i].text)
                    && !is_number(&words[i].folded)
            })
    })
}

/// Whether a marker names the authors ("and reaffirm our commitment"):
/// theirs wherever it stands.
fn names_authors(marker: &[Word]) -> bool {
    marker
        .iter()
        .any(|w| matches!(w.folded.as_ref(), "our" | "their"))
}

/// Whether a base-form verb coordinated after the words `between` (from
/// the last finite verb to it) continues a subordinate clause rather than
/// the main one: after a "that" ("… to ensure that Daesh/ISIS … are unable
/// to reconstitute … or continue to threaten"), after an infinitive ("We
/// urge North Korea to respect …, and resolve …"; "to Ukraine", "to all"
/// are prepositions), or after "or" inside a relative clause ("lawyers who
/// represent or seek to represent"). A past-tense verb is the main
/// clause's ("recognized that … is dire, and stressed …"), and a strong
/// marker binds the authors ("we are partnering to counter … and commit
/// to:").
fn continues_subordinate(
    words: &[Word],
    between: std::ops::Range<usize>,
    prev: Option<&str>,
    strength: MarkerStrength,
) -> bool {
    between.into_iter().any(|i| {
        let w = &words[i];
        let infinitive = w.folded == "to"
            && strength != MarkerStrength::Strong
            && words.get(i + 1).is_some_and(|n| {
                !starts_upper(n.text)
                    && !DETERMINERS.contains(&n.folded.as_ref())
                    && !is_number(&n.folded)
            });
        w.folded == "that"
            || infinitive
            || (prev == Some("or") && matches!(w.folded.as_ref(), "who" | "which"))
    })
}

/// Whether a marker opens with a possessive ("our commitment to").
fn is_possessive(w: &Word) -> bool {
    matches!(w.folded.as_ref(), "our" | "their" | "its")
}

/// Whether a past-tense marker is dated to an earlier time ("Last year we
/// pledged …"): a pledge recalled, not made.
fn recalled(words: &[Word], start: usize, h: Hit, lexicon: &Lexicon) -> bool {
    let past = verb_form(&words[h.at].folded) == 2
        || (h.at > 0 && matches!(words[h.at - 1].folded.as_ref(), "had"));
    if !past {
        return false;
    }
    let window = start.saturating_sub(6)..(h.at + h.len + 4).min(words.len());
    window.clone().any(|i| {
        lexicon
            .recalled
            .starting_with(&words[i].folded)
            .iter()
            .any(|r| i + r.len() <= window.end && matches_at(words, i, r))
    })
}

/// How many words after its marker a hedge may stand and still soften it.
const HEDGE_REACH: usize = 8;

/// The hedges of the clause of marker `h`, spanning words `start..end`: one
/// by its marker ("will, as appropriate, …") or closing the clause ("… as
/// circumstances permit"); one in the middle of a long clause qualifies a
/// detail, not the promise.
fn hedges(
    text: &str,
    words: &[Word],
    h: Hit,
    start: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let near = h.at.saturating_sub(3).max(start.min(h.at))..(h.at + h.len + HEDGE_REACH).min(end);
    // A closing hedge after a later conjunct ("… and adopting new measures
    // as necessary") qualifies that conjunct only.
    let closing_from = end.saturating_sub(lexicon.hedges.longest());
    let mut covered = 0;
    for i in near.clone().chain(closing_from.max(near.end)..end) {
        // "for as long as necessary": a duration, not a hedge.
        let measure = i > 0 && matches!(words[i - 1].folded.as_ref(), "long" | "far");
        if i < covered || measure {
            continue;
        }
        for p in lexicon.hedges.starting_with(&words[i].folded) {
            let conjunct = || {
                words[(h.at + h.len).min(i)..i]
                    .iter()
                    .any(|w| w.folded == "and")
            };
            let closing = i + p.len() == end && !near.contains(&i) && !conjunct();
            if (near.contains(&i) || closing) && i + p.len() <= end && matches_at(words, i, p) {
                let found = span(text, words, i, i + p.len()).to_owned();
                if !out.contains(&found) {
                    out.push(found);
                }
                covered = i + p.len();
                break;
            }
        }
    }
    out
}

/// Whether word `i` is an enumeration label written in parentheses: "(ii)",
/// "(2)", "(b)".
fn is_enumeration(text: &str, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    let end = w.text.as_ptr() as usize - text.as_ptr() as usize + w.text.len();
    let closes = text.as_bytes().get(end) == Some(&b')');
    let label = w.folded.len() <= 4
        && (w.folded.chars().all(|c| c.is_ascii_digit())
            || w.folded.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            || (w.folded.len() == 1 && w.folded.chars().all(|c| c.is_ascii_lowercase())));
    w.sep & OPEN != 0 && closes && label
}

/// The parts of a clause `start..end` split at its enumeration labels after
/// the marker (`from`), when there are two or more; else the whole clause.
fn enumerated(
    text: &str,
    words: &[Word],
    from: usize,
    start: usize,
    end: usize,
) -> Vec<(usize, usize)> {
    let labels: Vec<usize> = (from.min(end)..end)
        .filter(|&i| is_enumeration(text, words, i))
        .collect();
    if labels.len() < 2 {
        return vec![(start, end)];
    }
    let mut cuts = vec![start];
    cuts.extend(labels.iter().skip(1).copied());
    cuts.push(end);
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| (w[0], w[1]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Strength;

    fn c(text: &str) -> Option<Commitment> {
        detect(text, &Lexicon::builtin())
    }

    fn level(text: &str) -> &'static str {
        c(text).map_or("none", |c| c.strength.name())
    }

    fn markers(text: &str) -> Vec<(String, &'static str)> {
        clauses(text, &Lexicon::builtin())
            .into_iter()
            .map(|c| (c.marker.to_lowercase(), c.strength.name()))
            .collect()
    }

    fn actor(text: &str) -> Option<String> {
        c(text).and_then(|c| c.actor)
    }

    // Expectations below were written from COMMITMENTS.md before the
    // clause reading was built; each quotes or mirrors a case of issue 15.

    #[test]
    fn every_clause_of_an_operative_paragraph_counts() {
        let text = "Notes with concern that the nationally determined contributions are not \
                    sufficient, urges Parties that have not yet communicated new nationally \
                    determined contributions to do so as soon as possible, and encourages \
                    Parties to communicate in 2025 their next contributions;";
        assert_eq!(
            markers(text),
            [
                ("urges".to_owned(), "moderate"),
                ("encourages".to_owned(), "weak")
            ]
        );
        assert_eq!(level(text), "moderate");
        assert_eq!(
            level(
                "Recalls that 147 countries have accepted the Doha Amendment, welcomes its \
                 entry into force, and strongly urges countries to implement their pre-2020 \
                 commitments in full;"
            ),
            "moderate"
        );
        assert_eq!(
            level("Welcomes the report of the Secretary-General, and urges all States to act;"),
            "moderate"
        );
    }

    #[test]
    fn actors_are_read_from_the_subject() {
        for (text, who) in [
            ("Canada will host the next meeting of the group.", "Canada"),
            ("Members will work toward a common framework.", "Members"),
            (
                "The task force will report to Leaders by June 2026.",
                "The task force",
            ),
            (
                "Our countries are committed to open and fair markets.",
                "Our countries",
            ),
            ("Members plan to meet again next year.", "Members"),
            (
                "Australia and Japan are committed to a free and open Indo-Pacific.",
                "Australia and Japan",
            ),
        ] {
            assert_eq!(actor(text).as_deref(), Some(who), "{text}");
        }
        assert_eq!(
            level("Members will work toward a common framework."),
            "strong"
        );
        assert_eq!(level("Members plan to meet again next year."), "moderate");
        let k = c("The task force will report to Leaders by June 2026.").expect("a commitment");
        assert_eq!(k.deadlines, ["by June 2026"]);
    }

    #[test]
    fn markers_of_the_issue() {
        for (text, want) in [
            (
                "We recommit ourselves to the goals of the Charter.",
                "strong",
            ),
            ("We plan to expand the programme to Africa.", "moderate"),
            ("We remain dedicated to a just and lasting peace.", "strong"),
            ("We remain steadfast in our support for Ukraine.", "strong"),
            ("We remain resolute in defending our democracies.", "strong"),
            (
                "We reaffirm our firm commitment to the rules-based order.",
                "strong",
            ),
            (
                "We reiterate our support for the peace process.",
                "moderate",
            ),
            ("We emphasise the need to protect civilians.", "weak"),
            ("We recognise the progress made since Bali.", "none"),
            (
                "The Quad Leaders reaffirmed their steadfast commitment to a free and open Indo-Pacific.",
                "strong",
            ),
            (
                "We reaffirm our full and unwavering support for Ukraine.",
                "moderate",
            ),
            ("We are resolved to address the climate crisis.", "strong"),
            (
                "We remain deeply committed to the two-state solution.",
                "strong",
            ),
            (
                "Expresses its intention to review the measures in light of developments;",
                "moderate",
            ),
            (
                "ASEAN Leaders tasked their Ministers to explore ways to deepen integration.",
                "moderate",
            ),
            (
                "Sanctions will remain in place until Russia complies.",
                "none",
            ),
            ("We reaffirm that the Charter must be respected.", "strong"),
            ("We note that the Parties will meet in Rome.", "none"),
            (
                "Allies will continue to support Ukraine for as long as necessary.",
                "strong",
            ),
            (
                "Members are invited to submit their views by 1 March 2026.",
                "weak",
            ),
            (
                "We fully endorse resolution 2576 and its call for election monitors.",
                "none",
            ),
            (
                "We endorse the Famine Prevention Compact committed to by our Ministers.",
                "none",
            ),
            (
                "We therefore commit both to strengthen action now and to act later.",
                "strong",
            ),
        ] {
            assert_eq!(level(text), want, "{text}");
        }
        let k = c("Japan does not seek and will not acquire nuclear weapons.")
            .expect("a negative promise");
        assert_eq!(k.strength, Strength::Strong);
        assert!(k.negated);
        assert_eq!(k.actor.as_deref(), Some("Japan"));
    }

    #[test]
    fn false_markers_of_the_issue() {
        for text in [
            "We are providing humanitarian assistance to support the region.",
            "We condemn measures that seek to alter the status quo by force.",
            "Germany launched a new fund for climate adaptation.",
            "France established a panel of experts on the matter.",
            "Our efforts will allow us to reach the target sooner.",
            "Last year we pledged USD 10 billion for the fund.",
            "The meeting will be held in Rome in October.",
            "These actions reflect our commitment to peace.",
            "The corridor, which will connect the two ports, opens next year.",
            "We look forward to the summit in Canada.",
            "We are taking concrete measures to protect critical infrastructure.",
            "Determined to achieve the goals of the Treaty,",
            "The United States is announcing USD 10 million for demining.",
        ] {
            assert_eq!(level(text), "none", "{text}");
        }
    }

    #[test]
    fn hard_calls_of_the_definition() {
        for (text, want) in [
            (
                "The Leaders committed to phase out unabated coal power.",
                "strong",
            ),
            (
                "Canada has committed to invest USD 1 billion over the next decade.",
                "strong",
            ),
            (
                "Members reaffirmed our joint commitment to the Charter.",
                "strong",
            ),
            ("Disputes should be resolved peacefully.", "moderate"),
            ("Disputes must be resolved peacefully.", "strong"),
            (
                "As required, the two sides may conduct consultations on trade issues.",
                "weak",
            ),
            (
                "Invites the Secretary-General to report on the matter;",
                "weak",
            ),
            (
                "Requests the Secretary-General to report on the matter;",
                "moderate",
            ),
            ("We will explore options for a joint mission.", "weak"),
            ("We will seek to expand the programme.", "moderate"),
            ("We will continue to support Ukraine.", "strong"),
            ("We continue to support Ukraine.", "moderate"),
            ("We are determined to end the war.", "strong"),
            ("Decides to remain seized of the matter;", "strong"),
            (
                "Reaffirms its strong support for the role of the Agency in nuclear safety;",
                "moderate",
            ),
            (
                "The Coalition will, as appropriate, explore options.",
                "weak",
            ),
            (
                "The Ministers, recalling their statement of June 4, 2020, committed to strengthen cooperation.",
                "strong",
            ),
            ("Calls upon all States to sign the Treaty;", "moderate"),
            ("Encourages all States to sign;", "weak"),
            ("Welcomes the entry into force of the Treaty;", "none"),
            ("Recalling its resolutions 72/31 and 73/48,", "none"),
            (
                "The Ministers acknowledged that the threat remains.",
                "none",
            ),
            (
                "In Syria, the Coalition stands in support of a settlement.",
                "none",
            ),
            ("Russia should not be able to delay payment.", "moderate"),
        ] {
            assert_eq!(level(text), want, "{text}");
        }
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
        let k = c("The EU will provide EUR 2 billion by 2027 and USD 300 billion per year.")
            .expect("commitment");
        assert_eq!(
            k.deadlines,
            ["EUR 2 billion", "by 2027", "USD 300 billion per year"]
        );
        let k = c("We will mobilise $600 billion.").expect("commitment");
        assert_eq!(k.deadlines, ["$600 billion"]);
        let k = c("They will act, where possible, by 2030.").expect("commitment");
        assert_eq!(k.hedges, ["where possible"]);
        assert_eq!(k.deadlines, ["by 2030"]);
    }

    #[test]
    fn enumerated_items_are_clauses_of_their_own() {
        let found = clauses(
            "The United States will (i) modify the rate for an initial period of 90 days; \
             and (ii) remove the additional rates imposed in April.",
            &Lexicon::builtin(),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].clause.starts_with("ii) remove") || found[1].clause.starts_with("ii"));
        assert_eq!(found[0].deadlines, ["for an initial period of 90 days"]);
        assert!(found.iter().all(|c| c.strength == Strength::Strong));
    }

    #[test]
    fn hedges_count_by_the_marker_or_at_the_end() {
        let hedges = |t: &str| c(t).expect("commitment").hedges;
        assert_eq!(
            hedges(
                "The Ministers also reaffirmed their intent to hold the next ministerial meeting of the Global Coalition in Italy as soon as circumstances permit."
            ),
            ["as circumstances permit"]
        );
        assert!(
            hedges(
                "The Coalition will fund the long programme of stabilization in the liberated areas of the country, where possible with regional partners, over the coming years."
            )
            .is_empty()
        );
        assert_eq!(
            hedges("The Parties will, as appropriate, review the plan when circumstances permit."),
            ["as appropriate", "when circumstances permit"]
        );
        // A closing hedge after a later conjunct qualifies that conjunct.
        assert!(
            hedges(
                "We remain committed to fully implementing our sanctions and adopting new measures as necessary."
            )
            .is_empty()
        );
    }
}
