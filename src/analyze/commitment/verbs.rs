//! Finite verbs: which of a sentence's markers stand as a verb that opens a
//! clause — opening a UN operative paragraph, after a subject that acts,
//! coordinated with an earlier verb, or as the possessive of the
//! sentence's subject ("our commitment to") — and whom each binds. A
//! marker in a relative clause, after "to", in a passive or dated to an
//! earlier time ("Last year we pledged …") opens none.

use super::markers::{Hit, governed, hits, modal_strength};
use super::subject::{
    DETERMINERS, NOT_FINITE_AFTER, PERSONS, is_adverb, is_agent, is_relative, opening_subject,
    subject_span,
};
use super::words::{BREAK, QUOTE, SEMICOLON, Word, is_number, matches_at, starts_upper};
use crate::analyze::lexicon::{Lexicon, MarkerStrength};

/// Modals whose sentence states what must happen even without an acting
/// subject ("disputes should be resolved peacefully").
const NORMATIVE: [&str; 3] = ["shall", "must", "should"];

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
pub(super) struct Verb {
    /// The first word of its clause (its subject's, if named).
    pub(super) start: usize,
    /// Its marker.
    pub(super) hit: Hit,
    /// The words of the actor it binds, if named.
    pub(super) actor: Option<(usize, usize)>,
}

/// The finite verbs of a sentence among its markers: commitment clauses,
/// and recording verbs whose clauses are of level none (none at all when
/// no marker of the sentence binds).
pub(super) fn finite_verbs(words: &[Word], lexicon: &Lexicon) -> Vec<Verb> {
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
    let hits = hits(words, lexicon);
    // Only a marker that binds opens a clause (a recording verb, "notes",
    // only shapes the clauses after it): a sentence with none has no
    // clause, whatever its verbs.
    if hits.iter().all(|h| h.info.strength == MarkerStrength::None) {
        return Vec::new();
    }
    for mut h in hits {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::commitment::words::words_of;

    /// The finite verbs of `text` as (marker's first word, actor span).
    fn read(text: &str) -> Vec<(usize, Option<(usize, usize)>)> {
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        finite_verbs(&words, &Lexicon::builtin())
            .into_iter()
            .map(|v| (v.hit.at, v.actor))
            .collect()
    }

    #[test]
    fn an_operative_paragraph_opens_with_its_verb() {
        assert_eq!(read("Urges all States to sign the Treaty;"), [(0, None)]);
    }

    #[test]
    fn a_subject_that_acts_binds_itself() {
        assert_eq!(read("We will support the region."), [(1, Some((0, 1)))]);
    }

    #[test]
    fn relative_clauses_and_infinitives_open_no_clause() {
        assert_eq!(
            read("Measures that seek to alter the status quo are void."),
            []
        );
        assert_eq!(read("Funds were raised to support the region."), []);
    }
}
