//! Order: which matches are moved, and the order entries are reported in.

use super::anchors::{Gaps, heaviest_chain};
use super::matching::{Match, State};
use super::{Alignment, Pair};
use crate::diff::ChangeKind;

/// Marks the moved matches, adds the unmatched sentences and puts everything
/// in report order.
pub(super) fn finish(state: State, old_len: usize, new_len: usize) -> Alignment {
    let gaps = Gaps::new(&state.anchors);
    let moved = moved_flags(&state.matches, &gaps);

    let mut pairs: Vec<Pair> = state
        .anchors
        .iter()
        .map(|&(o, n)| Pair {
            kind: ChangeKind::Same,
            old: vec![o],
            new: vec![n],
            similarity: 1.0,
            moved: false,
        })
        .collect();
    for (m, moved) in state.matches.into_iter().zip(moved) {
        let kind = match m.kind {
            // An exact twin in order (possible only when the anchor diff hit
            // its deadline) is simply the same sentence.
            ChangeKind::Moved if !moved => ChangeKind::Same,
            k => k,
        };
        pairs.push(Pair {
            kind,
            old: m.old,
            new: m.new,
            similarity: m.similarity,
            moved,
        });
    }
    for (n, taken) in state.new_taken.iter().enumerate() {
        if !taken {
            pairs.push(Pair {
                kind: ChangeKind::Added,
                old: vec![],
                new: vec![n],
                similarity: 0.0,
                moved: false,
            });
        }
    }
    for (o, taken) in state.old_taken.iter().enumerate() {
        if !taken {
            pairs.push(Pair {
                kind: ChangeKind::Removed,
                old: vec![o],
                new: vec![],
                similarity: 0.0,
                moved: false,
            });
        }
    }
    Alignment {
        pairs: report_order(pairs, old_len, new_len),
    }
}

/// A match is in order when it lies in the gap its position implies and on
/// the heaviest in-order chain of the matches in that gap; otherwise moved.
/// Matches weigh by similarity, so when two sentences cross, the one that
/// changed more is the one reported as moved.
fn moved_flags(matches: &[Match], gaps: &Gaps) -> Vec<bool> {
    let mut moved = vec![true; matches.len()];
    let mut by_gap: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let (go, gn) = gaps.of(m.old[0], m.new[0]);
        if go == gn {
            by_gap.push((gn, m.old[0], m.new[0], i));
        }
    }
    by_gap.sort_unstable();
    for chunk in by_gap.chunk_by(|a, b| a.0 == b.0) {
        // Rank the new positions within the gap to keep the chain's tree small.
        let mut news: Vec<usize> = chunk.iter().map(|c| c.2).collect();
        news.sort_unstable();
        let pairs: Vec<(usize, usize)> = chunk
            .iter()
            .map(|c| (c.1, news.partition_point(|&n| n < c.2)))
            .collect();
        let weight = |k: usize| (matches[chunk[k].3].similarity * 1e6) as u64 + 1;
        for k in heaviest_chain(&pairs, news.len(), &weight) {
            moved[chunk[k].3] = false;
        }
    }
    moved
}

/// Puts pairs in the new document's order, each pair with no new sentence
/// right after the pair that holds its old predecessor.
pub(super) fn report_order(pairs: Vec<Pair>, old_len: usize, new_len: usize) -> Vec<Pair> {
    let mut pair_of_new = vec![usize::MAX; new_len];
    let mut pair_of_old = vec![usize::MAX; old_len];
    for (i, p) in pairs.iter().enumerate() {
        for &n in &p.new {
            pair_of_new[n] = i;
        }
        for &o in &p.old {
            pair_of_old[o] = i;
        }
    }
    // after[i]: the new-less pairs to report right after pair i; the last
    // slot holds those with no predecessor (they open the report).
    let front = pairs.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); pairs.len() + 1];
    for (i, p) in pairs.iter().enumerate() {
        if p.new.is_empty() {
            let first = p.old[0];
            let host = if first == 0 {
                front
            } else {
                pair_of_old[first - 1]
            };
            after[host].push(i);
        }
    }
    let mut order = Vec::with_capacity(pairs.len());
    let mut stack = Vec::new();
    let visit = |start: usize, order: &mut Vec<usize>, stack: &mut Vec<usize>| {
        stack.push(start);
        while let Some(i) = stack.pop() {
            if i != front {
                order.push(i);
            }
            stack.extend(after[i].iter().rev());
        }
    };
    visit(front, &mut order, &mut stack);
    let mut emitted = vec![false; pairs.len()];
    for &i in &pair_of_new {
        if !emitted[i] {
            emitted[i] = true;
            visit(i, &mut order, &mut stack);
        }
    }
    let mut slots: Vec<Option<Pair>> = pairs.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
