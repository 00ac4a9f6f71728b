//! The matching state: which sentences are paired so far, the exact moves
//! of sentences unique in both documents, and the best-first choice among
//! scored candidates.

use rustc_hash::FxHashMap;

use super::AlignOptions;
use super::order;
use crate::diff::ChangeKind;

/// A match: old sentences, new sentences, their similarity and kind.
#[derive(Clone, Debug)]
pub(super) struct Match {
    pub(super) old: Vec<usize>,
    pub(super) new: Vec<usize>,
    pub(super) similarity: f64,
    pub(super) kind: ChangeKind,
}

/// Which sentences are matched so far.
pub(super) struct State {
    /// Anchor pairs, ascending on both sides.
    pub(super) anchors: Vec<(usize, usize)>,
    pub(super) old_taken: Vec<bool>,
    pub(super) new_taken: Vec<bool>,
    /// Matches other than anchors.
    pub(super) matches: Vec<Match>,
}

impl State {
    pub(super) fn new(old: usize, new: usize) -> State {
        State {
            anchors: Vec::new(),
            old_taken: vec![false; old],
            new_taken: vec![false; new],
            matches: Vec::new(),
        }
    }

    pub(super) fn anchor(&mut self, o: usize, n: usize) {
        self.anchors.push((o, n));
        self.old_taken[o] = true;
        self.new_taken[n] = true;
    }

    pub(super) fn add(&mut self, m: Match) {
        for &o in &m.old {
            self.old_taken[o] = true;
        }
        for &n in &m.new {
            self.new_taken[n] = true;
        }
        self.matches.push(m);
    }

    /// Takes candidates best first, each sentence at most once.
    pub(super) fn take_best(&mut self, mut cands: Vec<Candidate>, gaps: &order::Gaps) {
        for c in &mut cands {
            if gaps.same_gap(c.old[0], c.new[0]) {
                c.score += 0.05;
            }
        }
        // Ties break on the position sum first so that swapping the inputs
        // takes the same pairs.
        cands.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| (a.old[0] + a.new[0]).cmp(&(b.old[0] + b.new[0])))
                .then_with(|| a.old[0].min(a.new[0]).cmp(&b.old[0].min(b.new[0])))
                .then_with(|| a.old.len().cmp(&b.old.len()))
        });
        for c in cands {
            let free = c.old.iter().all(|&o| !self.old_taken[o])
                && c.new.iter().all(|&n| !self.new_taken[n]);
            if free {
                self.add(Match {
                    old: c.old,
                    new: c.new,
                    similarity: c.similarity,
                    kind: c.kind,
                });
            }
        }
    }
}

/// Pairs leftover sentences whose key is unique in both documents.
pub(super) fn pair_exact_moves(
    state: &mut State,
    old_ids: &[u32],
    new_ids: &[u32],
    old_word_count: &dyn Fn(usize) -> usize,
    options: &AlignOptions,
) {
    let mut count: FxHashMap<u32, (u32, u32, usize)> = FxHashMap::default();
    for (n, &k) in new_ids.iter().enumerate() {
        let e = count.entry(k).or_insert((0, 0, n));
        e.1 += 1;
        e.2 = n;
    }
    for &k in old_ids {
        if let Some(e) = count.get_mut(&k) {
            e.0 += 1;
        }
    }
    for (o, &k) in old_ids.iter().enumerate() {
        if state.old_taken[o] || old_word_count(o) < options.min_move_words {
            continue;
        }
        if let Some(&(1, 1, n)) = count.get(&k)
            && !state.new_taken[n]
        {
            state.add(Match {
                old: vec![o],
                new: vec![n],
                similarity: 1.0,
                kind: ChangeKind::Moved,
            });
        }
    }
}

/// A proposed match with the score it is ranked by.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) old: Vec<usize>,
    pub(super) new: Vec<usize>,
    pub(super) similarity: f64,
    pub(super) score: f64,
    pub(super) kind: ChangeKind,
}

impl Candidate {
    pub(super) fn single(o: usize, n: usize, sim: f64) -> Candidate {
        Candidate {
            old: vec![o],
            new: vec![n],
            similarity: sim,
            score: sim,
            kind: ChangeKind::Reworded,
        }
    }
}
