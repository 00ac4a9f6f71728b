//! Scoring a pair of sentences: the API that scores pairs as [`align`]
//! does for callers who pair sentences by other means, and the score and
//! rarity weights the aligner ranks its candidates by.
//!
//! [`align`]: super::align

use super::AlignOptions;
use super::index::Interner;
use super::similarity::{Scores, scores};
use crate::normalize::key::key;

/// How a diff would judge one old sentence against one new one: the same
/// sentence, or a revision scored as [`align`](super::align) scores its candidates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairScore {
    /// The two comparison keys are equal: `same` (or `moved`) in a diff.
    pub same: bool,
    /// The similarity a diff would report for the pair (see [`Pair`](super::Pair)).
    pub similarity: f64,
    /// The score the pair is ranked by: its similarity, or its expansion
    /// score where one side is mostly the other expanded or cut down. The
    /// pair can be `reworded` in a diff when this reaches the threshold.
    pub score: f64,
}

impl PairScore {
    /// Whether a diff could call the pair reworded under `options`.
    pub fn reworded(&self, options: &AlignOptions) -> bool {
        !self.same && self.score >= options.threshold
    }
}

/// Scores sentence pairs across two documents exactly as [`align`](super::align) scores
/// a candidate pair: the same keys, the same word classes and the same
/// rarity weights (over the sentences of both documents), so that a caller
/// who pairs sentences by other means (an index over a whole store) labels
/// them as a diff of the two documents would.
pub fn score_pairs(
    old: &[&str],
    new: &[&str],
    pairs: &[(usize, usize)],
    options: &AlignOptions,
) -> Vec<PairScore> {
    let old_keys: Vec<String> = old.iter().map(|t| key(t, options.folding)).collect();
    let new_keys: Vec<String> = new.iter().map(|t| key(t, options.folding)).collect();
    score_keyed_pairs(&old_keys, &new_keys, pairs)
}

/// [`score_pairs`] on comparison keys the caller already built (with the
/// folding the options of [`PairScore::reworded`] will name), for a caller
/// that scores one document against many.
pub fn score_keyed_pairs(
    old_keys: &[String],
    new_keys: &[String],
    pairs: &[(usize, usize)],
) -> Vec<PairScore> {
    let mut vocab = Interner::default();
    let old_words: Vec<Vec<u32>> = old_keys.iter().map(|k| vocab.words(k)).collect();
    let new_words: Vec<Vec<u32>> = new_keys.iter().map(|k| vocab.words(k)).collect();
    let old_slices: Vec<&[u32]> = old_words.iter().map(Vec::as_slice).collect();
    let new_slices: Vec<&[u32]> = new_words.iter().map(Vec::as_slice).collect();
    let weight = rarity_weights(vocab.len(), &old_slices, &new_slices);
    pairs
        .iter()
        .map(|&(o, n)| {
            if old_keys[o] == new_keys[n] {
                return PairScore {
                    same: true,
                    similarity: 1.0,
                    score: 1.0,
                };
            }
            let (a, b) = (&old_words[o], &new_words[n]);
            let s = scores(a, b, &weight);
            PairScore {
                same: false,
                similarity: (s.plain + s.weighted) / 2.0,
                score: pair_score(a, b, &s),
            }
        })
        .collect()
}

/// The fewest words of a sentence that can count as expanded into another.
pub(super) const EXPANSION_MIN_WORDS: usize = 6;

/// The least similarity of a pair that can count as an expansion: below it
/// the longer sentence says mostly something else, and the shorter one's
/// words are in it by the chance of a shared topic ("We remain committed to
/// the Grain from Ukraine initiative." inside a sentence on export routes).
pub(super) const EXPANSION_MIN_SIMILARITY: f64 = 0.3;

/// The score a single pair is ranked by: its similarity, or its expansion
/// score where one sentence is mostly the other one expanded or cut down
/// (0.9 × the weighted containment of the shorter in the longer, for shorter
/// sides of at least [`EXPANSION_MIN_WORDS`] words: short sentences are
/// contained in too much by chance, and for similarities of at least
/// [`EXPANSION_MIN_SIMILARITY`]), whichever is higher.
pub(super) fn pair_score(a: &[u32], b: &[u32], s: &Scores) -> f64 {
    let sim = (s.plain + s.weighted) / 2.0;
    let expanded = if a.len().min(b.len()) < EXPANSION_MIN_WORDS || sim < EXPANSION_MIN_SIMILARITY {
        0.0
    } else {
        0.9 * s.contained
    };
    sim.max(expanded)
}

/// A word's weight is its inverse document frequency over the sentences of
/// both documents: boilerplate weighs little, names and numbers a lot.
pub(super) fn rarity_weights(vocab: usize, old: &[&[u32]], new: &[&[u32]]) -> Vec<f32> {
    rarity_weights_of(vocab, old, new, |w| w)
}

/// [`rarity_weights`] of classes of words: `class` maps a word id to one of
/// `classes` ids (a stem), and a class's frequency is that of its words.
pub(super) fn rarity_weights_of(
    classes: usize,
    old: &[&[u32]],
    new: &[&[u32]],
    class: impl Fn(u32) -> u32,
) -> Vec<f32> {
    let mut df = vec![0u32; classes];
    let mut seen = vec![u32::MAX; classes];
    for (i, ws) in old.iter().chain(new).enumerate() {
        for &w in *ws {
            let w = class(w);
            if seen[w as usize] != i as u32 {
                seen[w as usize] = i as u32;
                df[w as usize] += 1;
            }
        }
    }
    let n = (old.len() + new.len()) as f32;
    df.iter()
        .map(|&d| (1.0 + n / d.max(1) as f32).ln())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "93 States voted for the resolution on nuclear disarmament.";

    #[test]
    fn the_same_sentence_is_same_and_a_changed_count_a_rewording() {
        let options = AlignOptions::default();
        let new = [
            SENTENCE,
            "94 States voted for the resolution on nuclear disarmament.",
        ];
        let got = score_pairs(&[SENTENCE], &new, &[(0, 0), (0, 1)], &options);
        assert!(got[0].same && got[0].score == 1.0);
        assert!(!got[0].reworded(&options));
        // Numbers are one word class: the count changed, the words did not.
        assert!(!got[1].same && got[1].reworded(&options), "{:?}", got[1]);
    }

    #[test]
    fn an_unrelated_sentence_is_not_a_rewording() {
        let options = AlignOptions::default();
        let new = ["The Coalition will meet again in Rome next year."];
        let got = score_pairs(&[SENTENCE], &new, &[(0, 0)], &options);
        assert!(!got[0].reworded(&options), "{:?}", got[0]);
    }

    #[test]
    fn expansion_counts_only_for_sentences_long_enough() {
        let s = Scores {
            plain: 0.4,
            weighted: 0.4,
            contained: 1.0,
        };
        let long: Vec<u32> = (0..EXPANSION_MIN_WORDS as u32).collect();
        let short: Vec<u32> = (0..EXPANSION_MIN_WORDS as u32 - 1).collect();
        assert_eq!(pair_score(&long, &long, &s), 0.9);
        assert_eq!(pair_score(&short, &long, &s), 0.4);
        // Nor for pairs that share too little to be one sentence expanded.
        let unlike = Scores {
            plain: 0.2,
            weighted: 0.2,
            contained: 1.0,
        };
        assert_eq!(pair_score(&long, &long, &unlike), 0.2);
    }

    #[test]
    fn a_word_in_every_sentence_weighs_less_than_a_rare_one() {
        let (a, b): (&[u32], &[u32]) = (&[0, 1], &[0, 2]);
        let weight = rarity_weights(3, &[a], &[b]);
        assert!(
            weight[0] < weight[1] && weight[1] == weight[2],
            "{weight:?}"
        );
    }
}
