//! Who acts: the subject noun phrase before a verb, read from the sentence
//! itself (pronouns, proper names, phrases headed by an agent noun), not
//! from a closed list.

use super::words::{BREAK, Word, matches_at, starts_upper};
use crate::analyze::lexicon::Lexicon;

/// Words that bind no subject to the verb after them: a relative pronoun
/// ("measures that seek to", "…, which will connect") or an infinitive
/// "to" ("to support the region").
pub(crate) const NOT_FINITE_AFTER: [&str; 6] = ["to", "that", "which", "who", "whom", "whose"];

/// Pronouns that act.
pub(crate) const PERSONS: [&str; 6] = ["we", "they", "i", "you", "he", "she"];

/// Subjects that do not act: a prediction or description follows them.
pub(crate) const NON_AGENTS: [&str; 10] = [
    "it", "this", "that", "these", "those", "there", "which", "what", "such", "itself",
];

/// Words of a noun phrase besides capitalized words and agent nouns.
pub(crate) const DETERMINERS: [&str; 27] = [
    "the", "our", "their", "both", "all", "two", "three", "four", "five", "several", "many",
    "each", "its", "member", "fellow", "other", "his", "her", "this", "these", "a", "an", "any",
    "every", "some", "such", "no",
];

/// Words that may stand between a subject and its verb, or open an
/// operative paragraph ("Strongly urges", "Also calls upon").
pub(crate) fn is_adverb(word: &str) -> bool {
    (word.ends_with("ly") && word.len() > 3 && word != "apply" && word != "supply")
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
                | "today"
                | "thus"
                | "hence"
                | "collectively"
                | "re"
                | "not"
                | "never"
                | "do"
                | "does"
                | "did"
                | "has"
                | "have"
                | "had"
        )
}

/// Whether the word `before` a subject opens a relative clause ("security
/// vacuums that Daesh/ISIS may exploit", unless the authors are its
/// subject: "the steps that we will take") or an adverbial one ("wherever
/// they may occur").
pub(crate) fn is_relative(before: Option<&str>, complement: bool, person: bool) -> bool {
    matches!(
        before,
        Some(
            "which"
                | "whom"
                | "whose"
                | "where"
                | "wherever"
                | "when"
                | "whenever"
                | "if"
                | "unless"
                | "whether"
                | "although"
                | "though"
                | "because"
        )
    ) || (before == Some("that") && !complement && !person)
}

/// The noun phrase that ends right before word `k`: capitalized words,
/// determiners and agent nouns, back to a punctuation mark ("The
/// Government of the Islamic Republic of Iran"). `None` when it is the
/// object of a preposition ("… against Ukraine continues"), not a subject.
pub(crate) fn subject_span(words: &[Word], k: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
    let np_word = |w: &Word| {
        starts_upper(w.text)
            || DETERMINERS.contains(&w.folded.as_ref())
            || lexicon.agents.contains(w.folded.as_ref())
    };
    let mut from = k;
    while from > 0 && k - from < MAX_ACTOR_WORDS {
        let w = &words[from - 1];
        let joins = matches!(w.folded.as_ref(), "and" | "of" | "for")
            && from >= 2
            && from < k
            && starts_upper(words[from - 2].text);
        if !(np_word(w) || joins) || (from < k && words[from].sep & BREAK != 0) {
            break;
        }
        from -= 1;
    }
    let lower_head = from + 1 >= k
        && !starts_upper(words[k - 1].text)
        && !PERSONS.contains(&words[k - 1].folded.as_ref());
    if from == k {
        // A lower-case head ("our efforts", "the plan"): one word, judged
        // by `is_agent`.
        from = k - 1;
    }
    // Lower-case modifiers back to a determiner: "the task force", "our
    // new working group".
    if let Some(d) = (from.saturating_sub(3)..from)
        .rev()
        .filter(|_| lower_head)
        .find(|&d| {
            DETERMINERS.contains(&words[d].folded.as_ref())
                && (d + 1..=from).all(|i| {
                    words[i].sep & BREAK == 0
                        && !PREPOSITIONS.contains(&words[i].folded.as_ref())
                        && !NOT_FINITE_AFTER.contains(&words[i].folded.as_ref())
                        && words[i].folded != "and"
                })
        })
    {
        from = d;
    }
    let governed = from > 0
        && words[from].sep & BREAK == 0
        && PREPOSITIONS.contains(&words[from - 1].folded.as_ref());
    (!governed).then_some((from, k))
}

/// The subject that opens the sentence, if it names someone who acts
/// ("The Ministers, recalling …, committed to …"; "<a state> does not seek
/// and will not acquire …").
pub(crate) fn opening_subject(words: &[Word], lexicon: &Lexicon) -> Option<(usize, usize)> {
    // "Together we …", "Today, the Leaders …"; after an opening phrase
    // ("To advance these interests, we …", "In Syria, the Coalition …").
    let mut from = words.iter().position(|w| !is_adverb(&w.folded))?;
    let opens_phrase = |w: &Word| {
        PREPOSITIONS.contains(&w.folded.as_ref())
            || matches!(
                w.folded.as_ref(),
                "as" | "while" | "since" | "after" | "building"
            )
    };
    if opens_phrase(&words[from]) {
        from = (from + 1..words.len()).find(|&i| words[i].sep & BREAK != 0)?;
    }
    let mut to = from;
    while to < words.len()
        && to - from < MAX_ACTOR_WORDS
        && (to == from || words[to].sep & BREAK == 0)
    {
        let w = &words[to];
        let np = starts_upper(w.text)
            || DETERMINERS.contains(&w.folded.as_ref())
            || lexicon.agents.contains(w.folded.as_ref())
            || PERSONS.contains(&w.folded.as_ref());
        if !np || (to > from && PERSONS.contains(&words[to - 1].folded.as_ref())) {
            break;
        }
        to += 1;
    }
    let headed = to > from && !DETERMINERS.contains(&words[to - 1].folded.as_ref());
    (headed && is_agent(words, from, to, lexicon)).then_some((from, to))
}

/// The longest actor phrase read back from a verb, in words.
pub(crate) const MAX_ACTOR_WORDS: usize = 10;

/// Prepositions: a noun phrase after one is no subject.
pub(crate) const PREPOSITIONS: [&str; 18] = [
    "of", "against", "in", "on", "for", "with", "to", "from", "by", "at", "into", "over", "under",
    "between", "among", "about", "through", "across",
];

/// Whether the noun phrase `from..to` names someone who acts.
pub(crate) fn is_agent(words: &[Word], from: usize, to: usize, lexicon: &Lexicon) -> bool {
    let head = &words[to - 1];
    let h = head.folded.as_ref();
    if PERSONS.contains(&h) || lexicon.agents.contains(h) {
        return true;
    }
    if NON_AGENTS.contains(&h) {
        return false;
    }
    if (from..to).any(|i| {
        lexicon
            .actors
            .starting_with(&words[i].folded)
            .iter()
            .any(|a| i + a.len() == to && matches_at(words, i, a))
    }) {
        return true;
    }
    // A capitalized head is a name; at the start of the sentence the
    // capital proves nothing, so an abstract noun or a plural there
    // ("Sanctions will remain …") is no actor, unless it is one of the
    // `agents` ("Members", checked above).
    let abstract_noun = [
        "tion", "ment", "ness", "ity", "ance", "ence", "ing", "ure", "s",
    ]
    .iter()
    .any(|s| h.ends_with(s));
    starts_upper(head.text) && !(to - 1 == 0 && abstract_noun)
}
