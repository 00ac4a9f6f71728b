//! Exact anchors: the sentences that stayed the same and in order.
//!
//! Patience-style, but choosing what to keep by weight: sentences whose key
//! occurs once in each document are paired, and the heaviest chain of them
//! that is in order on both sides (a weighted longest increasing
//! subsequence, O(n log n)) becomes the anchors, long sentences weighing
//! more. The gaps between those anchors are then diffed exactly (Myers) to
//! anchor repeated sentences. Weights carry a tie-breaker drawn from the
//! sentence text itself, so the choice does not depend on which document is
//! "old": swapping the inputs gives the mirror alignment.

use std::collections::HashMap;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_deadline};

/// Gaps up to this many sentences on a side are diffed without heuristics
/// (a shortest edit script, symmetric); larger ones use `similar`'s bounded
/// Myers, which stays fast on pathological input.
const EXACT_GAP: usize = 2_000;

/// Anchor pairs `(old, new)`, ascending on both sides.
pub(super) fn anchors(
    old_ids: &[u32],
    new_ids: &[u32],
    weights: &dyn Fn(usize) -> u64,
    deadline: Instant,
) -> Vec<(usize, usize)> {
    let mut count: HashMap<u32, (u32, u32, usize, usize)> = HashMap::new();
    for (o, &k) in old_ids.iter().enumerate() {
        let e = count.entry(k).or_insert((0, 0, o, 0));
        e.0 += 1;
    }
    for (n, &k) in new_ids.iter().enumerate() {
        if let Some(e) = count.get_mut(&k) {
            e.1 += 1;
            e.3 = n;
        }
    }
    let mut unique: Vec<(usize, usize)> = count
        .values()
        .filter(|e| e.0 == 1 && e.1 == 1)
        .map(|e| (e.2, e.3))
        .collect();
    unique.sort_unstable();
    let chain = heaviest_chain(&unique, new_ids.len(), &|i| weights(unique[i].0));

    let mut out = Vec::with_capacity(old_ids.len().min(new_ids.len()));
    let (mut o0, mut n0) = (0, 0);
    for &(o, n) in chain
        .iter()
        .map(|&i| &unique[i])
        .chain([(old_ids.len(), new_ids.len())].iter())
    {
        fill_gap(old_ids, o0..o, new_ids, n0..n, deadline, &mut out);
        if o < old_ids.len() {
            out.push((o, n));
        }
        (o0, n0) = (o + 1, n + 1);
    }
    out
}

/// Anchors the equal sentences of one gap, in order.
fn fill_gap(
    old_ids: &[u32],
    old: std::ops::Range<usize>,
    new_ids: &[u32],
    new: std::ops::Range<usize>,
    deadline: Instant,
    out: &mut Vec<(usize, usize)>,
) {
    if old.is_empty() || new.is_empty() {
        return;
    }
    let algorithm = if old.len().max(new.len()) <= EXACT_GAP {
        Algorithm::RawMyers
    } else {
        Algorithm::Myers
    };
    for op in capture_diff_deadline(algorithm, old_ids, old, new_ids, new, Some(deadline)) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            out.extend((0..len).map(|i| (old_index + i, new_index + i)));
        }
    }
}

/// The indices of the heaviest chain of `pairs` (sorted by old index) whose
/// new indices strictly increase. A Fenwick tree over new indices keeps the
/// best chain ending below each position.
pub(super) fn heaviest_chain(
    pairs: &[(usize, usize)],
    new_len: usize,
    weight: &dyn Fn(usize) -> u64,
) -> Vec<usize> {
    // tree[i]: (best chain weight, pair index) over a range of new indices.
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); new_len + 1];
    let mut prev = vec![usize::MAX; pairs.len()];
    let mut best = (0u64, usize::MAX);
    for (i, &(_, n)) in pairs.iter().enumerate() {
        // Best chain ending at a new index < n.
        let mut q = (0u64, usize::MAX);
        let mut k = n;
        while k > 0 {
            if tree[k].0 > q.0 {
                q = tree[k];
            }
            k &= k - 1;
        }
        prev[i] = q.1;
        let total = (q.0 + weight(i), i);
        if total.0 > best.0 {
            best = total;
        }
        let mut k = n + 1;
        while k <= new_len {
            if total.0 > tree[k].0 {
                tree[k] = total;
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut at = best.1;
    while at != usize::MAX {
        chain.push(at);
        at = prev[at];
    }
    chain.reverse();
    chain
}

/// A sentence's anchor weight: its length in words, scaled, plus a
/// tie-breaker hashed from its key (FNV-1a, fixed so runs are repeatable).
pub(super) fn weight(key: &str, words: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (words as u64 + 1) * (1 << 20) + (h & 0xf_ffff)
}

/// The gaps between anchors: anchors split both documents into runs, and a
/// match in order lies in the same run on both sides.
pub(super) struct Gaps {
    old: Vec<usize>,
    new: Vec<usize>,
}

impl Gaps {
    pub(super) fn new(anchors: &[(usize, usize)]) -> Gaps {
        Gaps {
            old: anchors.iter().map(|a| a.0).collect(),
            new: anchors.iter().map(|a| a.1).collect(),
        }
    }

    pub(super) fn of(&self, o: usize, n: usize) -> (usize, usize) {
        (
            self.old.partition_point(|&a| a < o),
            self.new.partition_point(|&a| a < n),
        )
    }

    /// Whether old sentence `o` and new sentence `n` lie between the same two
    /// anchors.
    pub(super) fn same_gap(&self, o: usize, n: usize) -> bool {
        let (a, b) = self.of(o, n);
        a == b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_prefers_weight_over_count() {
        // Pairs 0 and 1 are in order with each other; pair 2 crosses both but
        // weighs more than both together.
        let pairs = [(0, 1), (1, 2), (2, 0)];
        let w = [1, 1, 5];
        assert_eq!(heaviest_chain(&pairs, 3, &|i| w[i]), vec![2]);
        let w = [3, 3, 5];
        assert_eq!(heaviest_chain(&pairs, 3, &|i| w[i]), vec![0, 1]);
    }

    #[test]
    fn anchors_unique_then_repeated() {
        // a b x x c  →  b a x x c : b or a moves, x x and c stay anchored.
        let old = [1, 2, 9, 9, 3];
        let new = [2, 1, 9, 9, 3];
        let w = |o: usize| [10, 20, 1, 1, 5][o];
        let got = anchors(
            &old,
            &new,
            &w,
            Instant::now() + std::time::Duration::from_secs(1),
        );
        assert_eq!(got, vec![(1, 0), (2, 2), (3, 3), (4, 4)]);
    }

    #[test]
    fn an_unchanged_statement_with_one_sentence_inserted_is_all_anchored() {
        use crate::align::testing::{kinds, pairs};
        use crate::diff::ChangeKind::{Added, Same};
        let old = [
            "The Ministers met in Rome.",
            "They welcomed the progress made.",
            "They will meet again next year.",
        ];
        let new = [
            "The Ministers met in Rome.",
            "They welcomed the progress made.",
            "They condemned the attacks of last week in the strongest terms.",
            "They will meet again next year.",
        ];
        let got = pairs(&old, &new);
        assert_eq!(kinds(&got), [Same, Same, Added, Same]);
        assert!(got.iter().all(|p| !p.moved), "{got:?}");
        assert_eq!(got[3].old, [2]);
        assert_eq!(got[3].new, [3]);
    }
}
