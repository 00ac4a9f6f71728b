//! Interning strings to dense ids, and the inverted index that proposes the
//! few candidate pairs worth scoring among the sentences no earlier stage
//! paired.

use rustc_hash::FxHashMap;

use super::PARALLEL_MIN;
use super::matching::State;
use crate::normalize::key::{number_class, words};
use crate::normalize::stem::stem;
use crate::parallel;

/// Candidates kept per sentence from the inverted index.
pub(super) const CANDIDATES: usize = 8;
/// Rare words of a sentence looked up in the inverted index.
pub(super) const PROBES: usize = 6;
/// Postings scanned for one sentence, over all its probed words: the bound
/// that keeps the candidate search linear. A real statement's rare words
/// occur in a handful of sentences, far below it; only where the rarest words
/// are common (a document of common words, or one sentence repeated) are the
/// later words' postings cut, to those nearest the sentence's position.
pub(super) const POSTINGS_BUDGET: usize = 128;

/// Maps strings to dense ids, in the order they are first seen.
#[derive(Default)]
pub(super) struct Interner<'a> {
    // Fx: SipHash's resistance to crafted collisions buys nothing here, and
    // ids depend only on the order of first sight, never on the hash.
    pub(super) ids: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    pub(super) fn with_capacity(n: usize) -> Interner<'a> {
        Interner {
            ids: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    pub(super) fn id(&mut self, s: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(next)
    }

    /// The ids of the words of a comparison key, numbers as one class.
    pub(super) fn words(&mut self, key: &'a str) -> Vec<u32> {
        words(key).map(|w| self.id(number_class(w))).collect()
    }

    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The strings, each at its id.
    pub(super) fn in_order(&self) -> Vec<&'a str> {
        let mut out = vec![""; self.ids.len()];
        for (&s, &id) in &self.ids {
            out[id as usize] = s;
        }
        out
    }
}

/// The word ids of each key, numbered from 0 in the order of first sight,
/// and the words, each at its id.
pub(super) fn split_words<'a>(keys: &[&'a str]) -> (Vec<&'a str>, Vec<Vec<u32>>) {
    let mut vocab = Interner::default();
    let words: Vec<Vec<u32>> = keys.iter().map(|k| vocab.words(k)).collect();
    (vocab.in_order(), words)
}

/// The word lists and key ids of both documents, and each word's weight.
pub(super) struct Sides<'a> {
    pub(super) old: &'a [&'a [u32]],
    pub(super) new: &'a [&'a [u32]],
    pub(super) old_ids: &'a [u32],
    pub(super) new_ids: &'a [u32],
    pub(super) weight: &'a [f32],
    /// The id of each word's stem ([`stem_ids`]).
    pub(super) stem: &'a [u32],
    /// Each stem's weight, by stem id: its rarity over both documents.
    pub(super) stem_weight: &'a [f32],
}

/// Each word's stem id (`normalize::stem`), given the words at their ids:
/// words that differ only in their ending share one.
pub(super) fn stem_ids(words: &[&str]) -> Vec<u32> {
    let mut stems = Interner::with_capacity(words.len());
    words.iter().map(|w| stems.id(stem(w))).collect()
}

/// Candidate pairs of leftover sentences that share rare words, proposed from
/// both sides so that the set does not depend on which input is "old".
pub(super) fn candidates(state: &State, sides: &Sides) -> Vec<(usize, usize)> {
    let free_old: Vec<usize> = (0..sides.old.len())
        .filter(|&o| !state.old_taken[o])
        .collect();
    let free_new: Vec<usize> = (0..sides.new.len())
        .filter(|&n| !state.new_taken[n])
        .collect();
    // The two directions are independent: one thread each, when there are
    // enough sentences to pay for it.
    let forward = || probe(&free_old, sides.old, &free_new, sides.new, sides.weight);
    let backward = || probe(&free_new, sides.new, &free_old, sides.old, sides.weight);
    let (forward, backward) = parallel::join(
        free_old.len() + free_new.len() >= PARALLEL_MIN,
        forward,
        backward,
    );
    let mut out = forward;
    out.extend(backward.into_iter().map(|(n, o)| (o, n)));
    out.sort_unstable();
    out.dedup();
    // Identical sentences that were not anchored or paired as moves are too
    // common or too short to pair; a rewording they are not.
    out.retain(|&(o, n)| sides.old_ids[o] != sides.new_ids[n]);
    out
}

/// For each sentence of `from`, the sentences of `to` that share most of its
/// rarest words.
///
/// The work per sentence is bounded: at most [`PROBES`] words are looked up,
/// rarest first, and at most [`POSTINGS_BUDGET`] postings scanned in all; a
/// word whose postings exceed what is left of the budget contributes those
/// nearest to the sentence's proportional position in `to`. A document of
/// common words (or one sentence repeated thousands of times) so costs the
/// same per sentence as a real statement. The window depends only on `from` and
/// `to`, so swapping the inputs still gives the mirror candidate set.
pub(super) fn probe(
    from: &[usize],
    from_words: &[&[u32]],
    to: &[usize],
    to_words: &[&[u32]],
    weight: &[f32],
) -> Vec<(usize, usize)> {
    // Postings ascend, as `to` does.
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut ws: Vec<u32> = Vec::new();
    for &t in to {
        ws.clear();
        ws.extend_from_slice(to_words[t]);
        ws.sort_unstable();
        ws.dedup();
        for &w in &ws {
            index.entry(w).or_default().push(t);
        }
    }
    let mut out = Vec::new();
    // Hit weights by sentence of `to`, and the sentences hit: a dense table
    // is cleared in the time it took to fill, not in the size of `to`.
    let mut hits = vec![0f32; to_words.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut ranked: Vec<(usize, f32)> = Vec::new();
    let (from_len, to_len) = (from_words.len().max(1), to_words.len());
    for &f in from {
        ws.clear();
        ws.extend_from_slice(from_words[f]);
        ws.sort_unstable();
        ws.dedup();
        ws.retain(|w| index.contains_key(w));
        // Rarest first: a heavier weight means a rarer word.
        ws.sort_by(|a, b| {
            weight[*b as usize]
                .total_cmp(&weight[*a as usize])
                .then(a.cmp(b))
        });
        let centre = (f as u128 * to_len as u128 / from_len as u128) as usize;
        let mut budget = POSTINGS_BUDGET;
        for w in ws.iter().take(PROBES) {
            let postings = nearest(&index[w], centre, budget);
            budget -= postings.len();
            for &t in postings {
                // Every weight is at least ln 2, so zero means not yet hit.
                if hits[t] == 0.0 {
                    touched.push(t);
                }
                hits[t] += weight[*w as usize];
            }
        }
        ranked.clear();
        ranked.extend(touched.drain(..).map(|t| (t, std::mem::take(&mut hits[t]))));
        let rank = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > CANDIDATES {
            ranked.select_nth_unstable_by(CANDIDATES - 1, rank);
            ranked.truncate(CANDIDATES);
        }
        ranked.sort_by(rank);
        out.extend(ranked.iter().map(|&(t, _)| (f, t)));
    }
    out
}

/// The window of at most `cap` postings (ascending) nearest to `centre`.
pub(super) fn nearest(postings: &[usize], centre: usize, cap: usize) -> &[usize] {
    if postings.len() <= cap {
        return postings;
    }
    let at = postings.partition_point(|&t| t < centre);
    let start = at.saturating_sub(cap / 2).min(postings.len() - cap);
    &postings[start..start + cap]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::score::rarity_weights;

    #[test]
    fn interner_numbers_strings_in_order_of_first_sight() {
        let mut interner = Interner::default();
        let ids: Vec<u32> = ["b", "a", "b", "c"]
            .iter()
            .map(|s| interner.id(s))
            .collect();
        assert_eq!(ids, [0, 1, 0, 2]);
        assert_eq!(interner.in_order(), ["b", "a", "c"]);
        // Numbers are one word class.
        assert_eq!(interner.words("93 states 94"), [3, 4, 3]);
    }

    #[test]
    fn nearest_keeps_the_window_around_the_centre() {
        let postings: Vec<usize> = (0..10).collect();
        assert_eq!(nearest(&postings, 5, 4), [3, 4, 5, 6]);
        assert_eq!(nearest(&postings, 0, 4), [0, 1, 2, 3]);
        assert_eq!(nearest(&postings, 99, 4), [6, 7, 8, 9]);
        assert_eq!(nearest(&postings, 5, 20), &postings[..]);
    }

    /// Word ids of two documents: old 0 and new 1 share their rare words,
    /// as do old 1 and new 0; word 0 is everywhere.
    fn documents() -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
        let old = vec![vec![0, 1, 2, 3], vec![0, 4, 5, 6]];
        let new = vec![vec![0, 4, 5, 7], vec![0, 1, 2, 8]];
        (old, new)
    }

    fn candidates_of(state: &State, old: &[Vec<u32>], new: &[Vec<u32>]) -> Vec<(usize, usize)> {
        let old: Vec<&[u32]> = old.iter().map(Vec::as_slice).collect();
        let new: Vec<&[u32]> = new.iter().map(Vec::as_slice).collect();
        let weight = rarity_weights(9, &old, &new);
        let old_ids: Vec<u32> = (0..old.len() as u32).collect();
        let new_ids: Vec<u32> = (10..10 + new.len() as u32).collect();
        let stem: Vec<u32> = (0..9).collect();
        let sides = Sides {
            old: &old,
            new: &new,
            old_ids: &old_ids,
            new_ids: &new_ids,
            weight: &weight,
            stem: &stem,
            stem_weight: &weight,
        };
        candidates(state, &sides)
    }

    #[test]
    fn probe_ranks_the_sentences_that_share_rare_words_first() {
        let (old, new) = documents();
        let old: Vec<&[u32]> = old.iter().map(Vec::as_slice).collect();
        let new: Vec<&[u32]> = new.iter().map(Vec::as_slice).collect();
        let weight = rarity_weights(9, &old, &new);
        // Every pair shares word 0; the pairs that share rare words come first.
        assert_eq!(
            probe(&[0, 1], &old, &[0, 1], &new, &weight),
            [(0, 1), (0, 0), (1, 0), (1, 1)]
        );
    }

    #[test]
    fn candidates_come_from_both_sides_as_a_mirror_set() {
        let (old, new) = documents();
        let got = candidates_of(&State::new(2, 2), &old, &new);
        assert_eq!(got, [(0, 0), (0, 1), (1, 0), (1, 1)]);
        // Swapping the sides proposes the mirror set.
        let mut mirror: Vec<(usize, usize)> = candidates_of(&State::new(2, 2), &new, &old)
            .into_iter()
            .map(|(n, o)| (o, n))
            .collect();
        mirror.sort_unstable();
        assert_eq!(got, mirror);
    }

    #[test]
    fn candidates_leave_out_taken_sentences_and_unshared_words() {
        let (old, new) = documents();
        let mut state = State::new(2, 2);
        state.anchor(0, 1);
        assert_eq!(candidates_of(&state, &old, &new), [(1, 0)]);
        // Sentences with no word in common are never proposed.
        let old = vec![vec![1, 2, 3]];
        let new = vec![vec![4, 5, 6]];
        assert!(candidates_of(&State::new(1, 1), &old, &new).is_empty());
    }
}
