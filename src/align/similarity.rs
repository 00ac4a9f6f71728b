//! Word similarity between sentences, on interned word ids.
//!
//! Similarity is the share of words that survive in order: `2·M / (A + B)`
//! where `M` is the number of words in a longest common subsequence of the two
//! word lists (as found by `similar`) and `A`, `B` their lengths. The
//! *weighted* variant weighs each word by its rarity in the two documents, so
//! that two sentences sharing only boilerplate ("Welcomes the … of the …")
//! score low even when many of their words match.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Word ids of one sentence, with the weight of each word.
pub(crate) type Words = [u32];

/// Sentence pairs up to this many word pairs get an exact heaviest common
/// subsequence; larger ones the diff's, which is fast but breaks ties by
/// position.
const EXACT_CELLS: usize = 40_000;
/// Sentence pairs of more words than this (both sides together) are scored
/// on the words they share as multisets, without a diff: a diff's time grows
/// with the product of the lengths when they differ, and no real sentence is
/// a thousand words long.
const DIFF_WORDS: usize = 2_000;

/// The words two sentences share in order, and their summed weight.
///
/// The common subsequence is the *heaviest* one (rare words first, then the
/// most words), found exactly by dynamic programming: which of several
/// equally long subsequences a diff keeps depends on which sentence is
/// "old", and their weights differ, so only the heaviest one makes the
/// score the same in both directions.
fn common(a: &Words, b: &Words, weight: &[f32]) -> (usize, f32) {
    if a.is_empty() || b.is_empty() {
        return (0, 0.0);
    }
    if a.len() + b.len() > DIFF_WORDS {
        return multiset_common(a, b, weight);
    }
    if a.len() * b.len() > EXACT_CELLS {
        return diff_common(a, b, weight);
    }
    // Integer weights keep the optimum independent of summation order.
    let w = |t: u32| (f64::from(weight[t as usize]) * 1e6).round() as u64;
    // Equal first (or last) words are in some heaviest common subsequence:
    // one that leaves them out can take them instead at no loss. A rewording
    // mostly keeps both ends, which leaves fewer pairs in between.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (&a[head..], &b[head..]);
    let tail = a_rest
        .iter()
        .rev()
        .zip(b_rest.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let ends = a[..head].iter().chain(&a_rest[a_rest.len() - tail..]);
    let ends_weight: u64 = ends.map(|&t| w(t)).sum();
    let (a, b) = (
        &a_rest[..a_rest.len() - tail],
        &b_rest[..b_rest.len() - tail],
    );
    let (total, n) = heaviest_chain(a, b, w);
    let n = n + head + tail;
    (n, ((total + ends_weight) as f64 / 1e6) as f32)
}

/// The heaviest common subsequence of `a` and `b` (by weight, then length),
/// as its weight and length: the heaviest chain of equal-word pairs whose
/// positions increase on both sides, kept in a Fenwick tree of prefix
/// maxima over `b`'s positions. Its time grows with the number of equal
/// pairs (few: most candidates share few words), not with the table of
/// every pair of positions that the plain dynamic programme fills.
fn heaviest_chain(a: &[u32], b: &[u32], w: impl Fn(u32) -> u64) -> (u64, usize) {
    // Weight and length packed in one integer (length in the low bits), so
    // that comparing two packs compares weights, then lengths, and adding
    // them adds both. A word weighs at most ln(1 + 2^32) · 1e6 < 2^25 and a
    // chain holds at most `DIFF_WORDS` < 2^16 words: no carry, no overflow.
    const LEN_BITS: u32 = 16;
    let mut at: Vec<(u32, u32)> = b.iter().enumerate().map(|(j, &y)| (y, j as u32)).collect();
    at.sort_unstable();
    let mut tree = vec![0u64; b.len() + 1];
    let mut best = 0u64;
    for &x in a {
        let from = at.partition_point(|&(y, _)| y < x);
        let to = from + at[from..].partition_point(|&(y, _)| y == x);
        if from == to {
            continue;
        }
        let step = (w(x) << LEN_BITS) | 1;
        // Later positions first, so that no pair builds on a pair of the
        // same word of `a`.
        for &(_, j) in at[from..to].iter().rev() {
            let mut k = j as usize;
            let mut prefix = 0u64;
            while k > 0 {
                prefix = prefix.max(tree[k]);
                k &= k - 1;
            }
            let chain = prefix + step;
            best = best.max(chain);
            let mut k = j as usize + 1;
            while k < tree.len() {
                tree[k] = tree[k].max(chain);
                k += k & k.wrapping_neg();
            }
        }
    }
    (best >> LEN_BITS, (best & ((1 << LEN_BITS) - 1)) as usize)
}

/// The words `a` and `b` share as multisets and their summed weight, in
/// linear time: for pairs too long to diff. Symmetric, like the exact score.
fn multiset_common(a: &Words, b: &Words, weight: &[f32]) -> (usize, f32) {
    let mut counts: rustc_hash::FxHashMap<u32, (u32, u32)> = rustc_hash::FxHashMap::default();
    for &t in a {
        counts.entry(t).or_default().0 += 1;
    }
    for &t in b {
        counts.entry(t).or_default().1 += 1;
    }
    // Word ids in order, so that the float sum does not depend on the map.
    let mut shared: Vec<(u32, u32)> = counts
        .into_iter()
        .map(|(t, (x, y))| (t, x.min(y)))
        .filter(|&(_, n)| n > 0)
        .collect();
    shared.sort_unstable();
    let n = shared.iter().map(|&(_, n)| n as usize).sum();
    let w = shared
        .iter()
        .map(|&(t, n)| weight[t as usize] * n as f32)
        .sum();
    (n, w)
}

/// The common words the diff finds: for long sentences only.
fn diff_common(a: &Words, b: &Words, weight: &[f32]) -> (usize, f32) {
    let mut n = 0;
    let mut w = 0.0;
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            n += len;
            w += a[old_index..old_index + len]
                .iter()
                .map(|&t| weight[t as usize])
                .sum::<f32>();
        }
    }
    (n, w)
}

/// The plain and the rarity-weighted similarity of two word lists, each in
/// `0..=1`.
#[cfg(test)]
pub(crate) fn similarity(a: &Words, b: &Words, weight: &[f32]) -> (f64, f64) {
    let s = scores(a, b, weight);
    (s.plain, s.weighted)
}

/// The three scores of a pair, from one diff of the two word lists.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scores {
    /// The plain similarity (see [`similarity`]).
    pub plain: f64,
    /// The rarity-weighted similarity (see [`similarity`]).
    pub weighted: f64,
    /// How much of the shorter sentence survives in order inside the longer
    /// one, words weighed by rarity: high when a sentence was only expanded
    /// ("X" → "X and its report on …"), which the two-sided similarity
    /// undervalues.
    pub contained: f64,
}

/// [`similarity`] and the weighted containment of a pair, from one diff.
pub(crate) fn scores(a: &Words, b: &Words, weight: &[f32]) -> Scores {
    let (n, w) = common(a, b, weight);
    Scores::from_common(a, b, weight, n, w)
}

impl Scores {
    /// The scores of `a` and `b` given `n` shared words of summed weight `w`.
    fn from_common(a: &Words, b: &Words, weight: &[f32], n: usize, w: f32) -> Scores {
        let wa: f32 = a.iter().map(|&t| weight[t as usize]).sum();
        let wb: f32 = b.iter().map(|&t| weight[t as usize]).sum();
        let total = a.len() + b.len();
        let plain = if total == 0 {
            1.0
        } else {
            2.0 * n as f64 / total as f64
        };
        let weighted = if wa + wb > 0.0 {
            f64::from(2.0 * w / (wa + wb))
        } else {
            plain
        };
        let shorter = wa.min(wb);
        let contained = if shorter > 0.0 {
            f64::from(w / shorter).min(1.0)
        } else {
            0.0
        };
        Scores {
            plain,
            weighted,
            contained,
        }
    }
}

/// Upper bounds of [`scores`] without a diff: the words two lists share as
/// multisets are at least as many, and weigh at least as much, as those of
/// any common subsequence. `counts` is scratch space, one zero per word id;
/// it is left all zeros again.
pub(crate) fn score_bounds(a: &Words, b: &Words, weight: &[f32], counts: &mut [u32]) -> Scores {
    let (n, w) = shared(a, b, weight, counts);
    Scores::from_common(a, b, weight, n, w)
}

/// The share of `part`'s words that occur in `whole` (as a multiset): how
/// much of a piece of a split or merge its counterpart contains. `counts`
/// as for [`score_bounds`].
pub(crate) fn containment(part: &Words, whole: &Words, counts: &mut [u32]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    let (n, _) = shared(part, whole, &[], counts);
    n as f64 / part.len() as f64
}

/// The order-free scores of a pair: the words of `a` and `b` compared as
/// multisets of stems (`stem` maps word ids to stem ids), each weighed by
/// its stem's rarity (`stem_weight`, by stem id). Returns the weighted Dice
/// coefficient and the weighted share of the lighter side found in the
/// other. A heavily reworded sentence keeps its content words but rarely
/// their order or their endings, which the in-order [`scores`] miss.
/// Weights are summed as integers, so that the scores do not depend on
/// which side is "old". `counts` as for [`score_bounds`], sized for stem ids.
pub(crate) fn stem_scores(
    a: &Words,
    b: &Words,
    stem: &[u32],
    stem_weight: &[f32],
    counts: &mut [u32],
) -> (f64, f64) {
    let w = |t: u32| (f64::from(stem_weight[stem[t as usize] as usize]) * 1e6).round() as u64;
    for &t in b {
        counts[stem[t as usize] as usize] += 1;
    }
    let mut shared = 0u64;
    for &t in a {
        let c = &mut counts[stem[t as usize] as usize];
        if *c > 0 {
            *c -= 1;
            shared += w(t);
        }
    }
    for &t in b {
        counts[stem[t as usize] as usize] = 0;
    }
    let wa: u64 = a.iter().map(|&t| w(t)).sum();
    let wb: u64 = b.iter().map(|&t| w(t)).sum();
    if wa == 0 || wb == 0 {
        return (0.0, 0.0);
    }
    (
        2.0 * shared as f64 / (wa + wb) as f64,
        (shared as f64 / wa.min(wb) as f64).min(1.0),
    )
}

/// The words `a` and `b` have in common as multisets, and their summed
/// weight (0 when `weight` is empty), counted in `counts`.
fn shared(a: &Words, b: &Words, weight: &[f32], counts: &mut [u32]) -> (usize, f32) {
    for &t in b {
        counts[t as usize] += 1;
    }
    let mut n = 0usize;
    let mut w = 0.0f32;
    for &t in a {
        let c = &mut counts[t as usize];
        if *c > 0 {
            *c -= 1;
            n += 1;
            w += weight.get(t as usize).copied().unwrap_or(0.0);
        }
    }
    for &t in b {
        counts[t as usize] = 0;
    }
    (n, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_weighted() {
        let w = [0.1, 0.1, 2.0, 2.0, 2.0];
        // Only the cheap words 0 and 1 are shared.
        let (p, wt) = similarity(&[0, 1, 2], &[0, 1, 3], &w);
        assert!((p - 2.0 / 3.0).abs() < 1e-9);
        assert!(wt < 0.2, "{wt}");
        assert_eq!(similarity(&[0, 2], &[0, 2], &w), (1.0, 1.0));
    }

    #[test]
    fn very_long_pairs_are_scored_without_a_diff() {
        // 3,000 words each way, in opposite orders: a diff would find one
        // word in common; the multiset score counts all (and is symmetric).
        let a: Vec<u32> = (0..3_000).map(|i| i % 100).collect();
        let b: Vec<u32> = a.iter().rev().copied().collect();
        let w = vec![1.0; 100];
        assert_eq!(similarity(&a, &b, &w), (1.0, 1.0));
        assert_eq!(common(&a, &b, &w), common(&b, &a, &w));
    }

    /// The plain dynamic programme over every pair of positions.
    fn table(a: &[u32], b: &[u32], w: impl Fn(u32) -> u64) -> (u64, usize) {
        let mut prev = vec![(0u64, 0usize); b.len() + 1];
        let mut row = prev.clone();
        for &x in a {
            for (j, &y) in b.iter().enumerate() {
                let mut best = prev[j + 1].max(row[j]);
                if x == y {
                    best = best.max((prev[j].0 + w(x), prev[j].1 + 1));
                }
                row[j + 1] = best;
            }
            std::mem::swap(&mut prev, &mut row);
        }
        prev[b.len()]
    }

    #[test]
    fn the_heaviest_chain_is_the_tables_optimum() {
        // Small alphabets, so that words repeat and many chains tie.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as u32
        };
        let w = |t: u32| u64::from(t % 3) * 1_000_000 + 250_000;
        for _ in 0..2_000 {
            let alphabet = u64::from(next(8)) + 1;
            let a: Vec<u32> = (0..next(30)).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..next(30)).map(|_| next(alphabet)).collect();
            assert_eq!(heaviest_chain(&a, &b, w), table(&a, &b, w), "{a:?} {b:?}");
        }
    }

    #[test]
    fn containment_counts_multiset() {
        let mut counts = vec![0; 10];
        assert_eq!(containment(&[1, 1, 2], &[1, 2, 3], &mut counts), 2.0 / 3.0);
        assert_eq!(containment(&[1, 2], &[2, 1, 9], &mut counts), 1.0);
        assert!(counts.iter().all(|&c| c == 0));
    }
}
