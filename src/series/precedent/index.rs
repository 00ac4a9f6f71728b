//! A shingle index over the sentences of a store, so that finding the
//! precedents of a sentence looks at a few candidates instead of every
//! sentence.
//!
//! Each sentence becomes the set of its word pairs (2-shingles) over the
//! comparison key's words — case, quotes and dashes folded, every word with
//! a digit one class, as alignment counts them — each pair hashed into a
//! `u64`. Pairs of two stop words ("of the") are left out: they are in
//! every sentence and would make every sentence a candidate. A query counts,
//! for each indexed sentence, the pairs it shares, and ranks by the Dice
//! coefficient of the two pair sets. Candidates are then verified with the
//! diff's own similarity by the caller; the index only has to keep the true
//! precedents among the few it proposes, and word pairs survive the edits
//! that still leave a sentence similar enough to count as reworded.

use rustc_hash::FxHashMap;

use crate::normalize::key::key_word_hashes;

/// An inverted index from word-pair hashes to the sentences holding them.
#[derive(Debug, Default)]
pub struct Index {
    postings: FxHashMap<u64, Vec<u32>>,
    /// The number of distinct shingles of each sentence, by id.
    sizes: Vec<u32>,
}

impl Index {
    /// Indexes sentences by their comparison keys (built with the default
    /// folding); a sentence's id is its position in the iterator.
    pub fn build<'a>(keys: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index::default();
        let mut scratch = Vec::new();
        for (id, key) in keys.into_iter().enumerate() {
            shingles(key, &mut scratch);
            index.sizes.push(scratch.len() as u32);
            for &s in &scratch {
                index.postings.entry(s).or_default().push(id as u32);
            }
        }
        index
    }

    /// The number of sentences indexed.
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// Up to `limit` ids of the indexed sentences that share the most word
    /// pairs with the sentence whose comparison key is `key`, among those `allowed` accepts; best first, ties by
    /// id. They are ranked by the Dice coefficient of the two pair sets, or
    /// by how much of the shorter set the other contains where that is
    /// higher (a sentence that was only expanded or cut down); those below
    /// [`MIN_OVERLAP`] on both are not proposed.
    pub fn candidates(&self, key: &str, allowed: &dyn Fn(u32) -> bool, limit: usize) -> Vec<u32> {
        let mut query = Vec::new();
        shingles(key, &mut query);
        let mut hits: FxHashMap<u32, u32> = FxHashMap::default();
        for s in &query {
            for &id in self.postings.get(s).map_or(&[][..], Vec::as_slice) {
                *hits.entry(id).or_default() += 1;
            }
        }
        let ranked: Vec<(f64, u32)> = hits
            .into_iter()
            .filter(|&(id, _)| allowed(id))
            .map(|(id, h)| (overlap(query.len(), self.sizes[id as usize], h), id))
            .collect();
        best(ranked, limit)
    }
}

/// How much a sentence with `size` distinct word pairs, `hits` of them
/// shared, overlaps a query sentence with `query` of them: the Dice
/// coefficient, or how much of the shorter set the other contains where
/// that is higher (a sentence that was only expanded or cut down).
pub(crate) fn overlap(query: usize, size: u32, hits: u32) -> f64 {
    let (q, c) = (query as f64, f64::from(size));
    let h = f64::from(hits);
    let dice = 2.0 * h / (q + c);
    let contained = h / q.min(c).max(1.0);
    dice.max(contained * CONTAINED_WEIGHT)
}

/// The `limit` best of `ranked` (overlap, id): those below [`MIN_OVERLAP`]
/// dropped, best first, ties in id order — the order both indexes share, so
/// that they propose the same candidates.
pub(crate) fn best<T: Ord + Copy>(mut ranked: Vec<(f64, T)>, limit: usize) -> Vec<T> {
    ranked.retain(|&(overlap, _)| overlap >= MIN_OVERLAP);
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().take(limit).map(|(_, id)| id).collect()
}

/// The least overlap of word pairs worth verifying: a sentence that a diff
/// would call reworded (similarity 0.5 or more by default) keeps far more of
/// its word pairs than this.
pub const MIN_OVERLAP: f64 = 0.2;

/// How much containment counts against the Dice coefficient, as alignment
/// discounts an expansion (0.9 × containment).
const CONTAINED_WEIGHT: f64 = 0.9;

/// The distinct word-pair hashes of a comparison key into `out` (cleared
/// first). A one-word sentence is its one word.
pub(crate) fn shingles(key: &str, out: &mut Vec<u64>) {
    out.clear();
    let hashed = key_word_hashes(key);
    if let [(only, _)] = hashed.as_slice() {
        out.push(*only);
    }
    for pair in hashed.windows(2) {
        let ((a, a_stop), (b, b_stop)) = (pair[0], pair[1]);
        if a_stop && b_stop {
            continue;
        }
        // Order matters: "States Parties" is not "Parties States".
        out.push(a.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b);
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key::{Folding, key};

    #[test]
    fn finds_the_sentence_that_shares_most_pairs() {
        let keys: Vec<String> = [
            "Welcomes the entry into force of the Treaty on 22 January 2021;",
            "Calls upon all States to sign the Treaty at the earliest possible date;",
            "The Ministers met in Rome.",
        ]
        .iter()
        .map(|t| key(t, Folding::default()))
        .collect();
        let index = Index::build(keys.iter().map(String::as_str));
        assert_eq!(index.len(), 3);
        let all = |_| true;
        let found = index.candidates(
            &key(
                "Welcomes the entry into force of the Treaty on 21 January 2021;",
                Folding::default(),
            ),
            &all,
            2,
        );
        assert_eq!(found[0], 0);
        assert!(index.candidates("of the and the", &all, 5).is_empty());
        let none = |_| false;
        assert!(index.candidates("the ministers met", &none, 5).is_empty());
    }

    #[test]
    fn stop_word_pairs_and_case_do_not_count() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        shingles(&key("Of the Treaty", Folding::default()), &mut a);
        shingles("of the treaty", &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 1);
    }
}
