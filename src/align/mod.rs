//! Sentence alignment: which old sentence became which new one.
//!
//! The work is kept far from quadratic in the number of sentences:
//!
//! 1. **Anchors.** Sentences whose comparison key is unique in both
//!    documents anchor the heaviest in-order chain (see `anchors`); an
//!    exact diff (`similar`) inside each gap anchors repeated ones.
//! 2. **Exact moves.** A leftover sentence whose key occurs exactly once in
//!    each document, and that is long enough to mean something, is paired
//!    with its twin (`matching`).
//! 3. **Candidates.** For each leftover sentence, an inverted index over the
//!    leftovers of the other side proposes the few sentences that share its
//!    rarest words, scanning a bounded number of postings per sentence; only
//!    those pairs are scored (`index`, scored as in `score`).
//! 4. **Groups.** A candidate pair grows into a split (one old, several
//!    consecutive new) or a merge (the reverse) when the neighbours' words are
//!    contained in the counterpart and the group scores clearly better
//!    (`groups`).
//! 5. **Matching.** Candidates are taken best first (ties broken
//!    symmetrically, pairs inside the same gap between anchors first, every
//!    pair whose similarity reaches the threshold before those admitted
//!    only as expansions), each sentence used once (`matching`).
//! 6. **Last pass.** Leftover candidates that are each other's best on
//!    their content words, order-free and on stems, are paired when that
//!    score reaches the threshold: rewordings that keep the words of a
//!    sentence but not their order (`rescue`).
//! 7. **Neighbours.** A reworded pair grows into a split or merge over a
//!    free neighbour whose content words its counterpart carries beyond
//!    those it shares with the paired sentence (`extend`). What is left is
//!    added or removed.
//!
//! A match is *moved* when it is out of the order of the other matches: not in
//! the gap between the anchors its position implies, or not on the longest
//! in-order chain of the matches inside its gap (`order`).
//!
//! Section headings are aligned apart from the sentences, each kind with its
//! own kind only ([`align_parts`]): a heading is never paired with a
//! sentence.
//!
//! This module holds the public types and [`align`], which runs the stages
//! in turn; [`score_pairs`] scores pairs as the aligner does for callers who
//! pair sentences by other means.

mod anchors;
mod extend;
mod groups;
mod headings;
mod index;
mod matching;
mod order;
mod rescue;
mod score;
mod similarity;

use std::time::{Duration, Instant};

use crate::diff::ChangeKind;
use crate::normalize::key::{Folding, key};
use crate::parallel;
use groups::{GROW_MIN_PLAIN, grow, may_group};
pub use headings::align_parts;
use index::{Interner, Sides, candidates, split_words, stem_ids};
use matching::{Candidate, State, pair_exact_moves};
pub use score::{PairScore, score_keyed_pairs, score_pairs};
use score::{pair_score, rarity_weights, rarity_weights_of};
use similarity::{score_bounds, scores};

/// Options that change which sentences are paired. Options may be added:
/// build it from [`AlignOptions::default`] and the `with_` methods.
///
/// ```
/// use communique::align::AlignOptions;
///
/// let options = AlignOptions::default().with_threshold(0.7);
/// assert_eq!((options.threshold, options.min_move_words), (0.7, 5));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AlignOptions {
    /// Which editorial differences do not count (default: all four kinds).
    pub folding: Folding,
    /// The similarity, 0 to 1, from which a revised sentence is `reworded`
    /// rather than removed and added (default `0.5`).
    pub threshold: f64,
    /// The fewest words a sentence needs to be reported as `moved` (default
    /// `5`): short sentences recur by chance, and false moves destroy trust.
    pub min_move_words: usize,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            folding: Folding::default(),
            threshold: 0.5,
            min_move_words: 5,
        }
    }
}

impl AlignOptions {
    /// With `folding`: the editorial differences that do not count.
    #[must_use]
    pub fn with_folding(mut self, folding: Folding) -> AlignOptions {
        self.folding = folding;
        self
    }

    /// With `threshold`, 0 to 1, from which a revision is `reworded`.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f64) -> AlignOptions {
        self.threshold = threshold;
        self
    }

    /// With `min_move_words`: the fewest words of a `moved` sentence.
    #[must_use]
    pub fn with_min_move_words(mut self, min_move_words: usize) -> AlignOptions {
        self.min_move_words = min_move_words;
        self
    }
}

/// One entry of an alignment: indices into the two sentence lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// How the sentences relate.
    pub kind: ChangeKind,
    /// Indices of the old sentences, ascending (empty for `added`).
    pub old: Vec<usize>,
    /// Indices of the new sentences, ascending (empty for `removed`).
    pub new: Vec<usize>,
    /// Similarity of the two sides, 0 to 1: the mean of the plain word
    /// similarity and the one that weighs words by rarity.
    pub similarity: f64,
    /// Whether the pair is out of the order of the other matched pairs.
    pub moved: bool,
}

/// The alignment of two sentence lists, in the new document's order, each
/// removed sentence right after the pair of its old predecessor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Every pair; each sentence of either side is in exactly one.
    pub pairs: Vec<Pair>,
}

/// How long the anchor diff may search before it settles for a coarser
/// result; a safety net for pathological input, never reached on real text.
const ANCHOR_DEADLINE: Duration = Duration::from_secs(2);
/// Room for the rounding of `f32` weight sums when a bound from
/// [`score_bounds`] decides that a pair need not be scored: a pair is skipped
/// only when its bound misses by more than this.
const BOUND_SLACK: f64 = 1e-3;

/// The fewest items worth splitting over two threads.
pub(super) const PARALLEL_MIN: usize = 256;

/// Aligns the old sentences with the new ones (texts without labels).
pub fn align(old: &[&str], new: &[&str], options: &AlignOptions) -> Alignment {
    // Most sentences of a revision are unchanged: compute each distinct
    // text's key once.
    let mut texts = Interner::with_capacity(old.len() + new.len());
    let old_texts: Vec<u32> = old.iter().map(|t| texts.id(t)).collect();
    let new_texts: Vec<u32> = new.iter().map(|t| texts.id(t)).collect();
    let distinct_keys: Vec<String> = parallel::map(&texts.in_order(), PARALLEL_MIN, |_, t| {
        key(t, options.folding)
    });
    let old_keys: Vec<&str> = old_texts
        .iter()
        .map(|&t| distinct_keys[t as usize].as_str())
        .collect();
    let new_keys: Vec<&str> = new_texts
        .iter()
        .map(|&t| distinct_keys[t as usize].as_str())
        .collect();
    let mut table = Interner::with_capacity(texts.len());
    let old_ids: Vec<u32> = old_keys.iter().map(|k| table.id(k)).collect();
    let new_ids: Vec<u32> = new_keys.iter().map(|k| table.id(k)).collect();

    // Word ids are handed out in the order words are first seen; a repeated
    // key brings no new word, so splitting each distinct key once, in order,
    // gives the same ids. Two threads split the two halves of the distinct
    // keys; the second half's words then get their ids in the order it saw
    // them, after the first half's.
    let distinct: Vec<&str> = table.in_order();
    let (first, second) = distinct.split_at(if distinct.len() < PARALLEL_MIN {
        distinct.len()
    } else {
        distinct.len() / 2
    });
    let ((first_vocab, mut key_words), (second_vocab, second_words)) = parallel::join(
        !second.is_empty(),
        || split_words(first),
        || split_words(second),
    );
    let mut vocab = Interner::default();
    for w in first_vocab {
        vocab.id(w);
    }
    let global: Vec<u32> = second_vocab.into_iter().map(|w| vocab.id(w)).collect();
    key_words.extend(second_words.into_iter().map(|ws| {
        ws.into_iter()
            .map(|w| global[w as usize])
            .collect::<Vec<u32>>()
    }));

    let old_words: Vec<&[u32]> = old_ids
        .iter()
        .map(|&k| key_words[k as usize].as_slice())
        .collect();
    let new_words: Vec<&[u32]> = new_ids
        .iter()
        .map(|&k| key_words[k as usize].as_slice())
        .collect();
    // The words' weights need only the word lists: they are counted while
    // the anchors and exact moves are found.
    let weigh = || {
        let weight = rarity_weights(vocab.len(), &old_words, &new_words);
        let stem = stem_ids(&vocab.in_order());
        let stems = stem.iter().map(|&s| s as usize + 1).max().unwrap_or(0);
        let stem_weight = rarity_weights_of(stems, &old_words, &new_words, |w| stem[w as usize]);
        (weight, stem, stem_weight)
    };
    let anchor = || {
        let mut state = State::new(old.len(), new.len());
        let deadline = Instant::now() + ANCHOR_DEADLINE;
        let old_word_count = |o: usize| key_words[old_ids[o] as usize].len();
        let weight = |o: usize| anchors::weight(old_keys[o], old_word_count(o));
        for (o, n) in anchors::anchors(&old_ids, &new_ids, &weight, deadline) {
            state.anchor(o, n);
        }
        pair_exact_moves(&mut state, &old_ids, &new_ids, &old_word_count, options);
        state
    };
    let (mut state, (weight, stem, stem_weight)) =
        parallel::join(old.len() + new.len() >= PARALLEL_MIN, anchor, weigh);
    let sides = Sides {
        old: &old_words,
        new: &new_words,
        old_ids: &old_ids,
        new_ids: &new_ids,
        weight: &weight,
        stem: &stem,
        stem_weight: &stem_weight,
    };
    let candidates = candidates(&state, &sides);
    // Scoring is independent per candidate: two threads take every other
    // one, and the results go back into candidate order.
    let score_one = |counts: &mut Vec<u32>, o: usize, n: usize, out: &mut Vec<Candidate>| {
        let (a, b) = (old_words[o], new_words[n]);
        // Most candidates share only a few words: when even the bounds say
        // the pair can neither score nor grow, skip the diff.
        let bound = score_bounds(a, b, &weight, counts);
        // The run search of `may_group` is only needed when the pair
        // cannot score on its own.
        let may_score = pair_score(a, b, &bound) + BOUND_SLACK >= options.threshold;
        let mut may_grow = || {
            bound.plain + BOUND_SLACK >= GROW_MIN_PLAIN && may_group(&state, &sides, o, n, counts)
        };
        if !may_score && !may_grow() {
            return;
        }
        let s = scores(a, b, &weight);
        let sim = (s.plain + s.weighted) / 2.0;
        let score = pair_score(a, b, &s);
        if score >= options.threshold {
            out.push(Candidate {
                score,
                ..Candidate::single(o, n, sim)
            });
        }
        // A weak single pair can still be one piece of a good split or merge.
        if s.plain >= GROW_MIN_PLAIN
            && let Some(mut group) = grow(&state, &sides, o, n, sim, options.threshold, counts)
        {
            // A valid group explains more than the single pair it grew from,
            // however well that pair's shorter side is contained.
            group.score = group.score.max(score + 0.01);
            out.push(group);
        }
    };
    let score_every_other = |first: usize| {
        let mut counts = vec![0u32; weight.len()];
        let mut out = Vec::new();
        for (i, &(o, n)) in candidates.iter().enumerate().skip(first).step_by(2) {
            let mut found = Vec::new();
            score_one(&mut counts, o, n, &mut found);
            out.extend(found.into_iter().map(|c| (i, c)));
        }
        out
    };
    let (mut even, odd) = parallel::join(
        candidates.len() >= PARALLEL_MIN,
        || score_every_other(0),
        || score_every_other(1),
    );
    even.extend(odd);
    // Stable: a pair's single candidate stays before its group.
    even.sort_by_key(|&(i, _)| i);
    let scored: Vec<Candidate> = even.into_iter().map(|(_, c)| c).collect();
    state.take_best(
        scored,
        &anchors::Gaps::new(&state.anchors),
        options.threshold,
    );
    let mut counts = vec![0u32; weight.len()];
    rescue::rescue(
        &mut state,
        &candidates,
        &sides,
        options.threshold,
        &mut counts,
    );
    extend::extend(&mut state, &sides, &mut counts);

    order::finish(state, old.len(), new.len())
}

/// Helpers for the stage modules' unit tests: small hand-written statements
/// aligned end to end.
#[cfg(test)]
pub(super) mod testing {
    use super::{AlignOptions, Pair, align};
    use crate::diff::ChangeKind;

    /// Aligns `old` with `new` under the default options.
    pub(in crate::align) fn pairs(old: &[&str], new: &[&str]) -> Vec<Pair> {
        align(old, new, &AlignOptions::default()).pairs
    }

    /// The pair holding old sentence `o`.
    pub(in crate::align) fn of_old(pairs: &[Pair], o: usize) -> &Pair {
        pairs
            .iter()
            .find(|p| p.old.contains(&o))
            .unwrap_or_else(|| panic!("old sentence {o} is in no pair: {pairs:?}"))
    }

    /// The kinds of the pairs, in order.
    pub(in crate::align) fn kinds(pairs: &[Pair]) -> Vec<ChangeKind> {
        pairs.iter().map(|p| p.kind).collect()
    }
}
