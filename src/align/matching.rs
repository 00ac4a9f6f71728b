//! The matching state: which sentences are paired so far, the exact moves
//! of sentences unique in both documents, and the best-first choice among
//! scored candidates.

use rustc_hash::FxHashMap;

use super::AlignOptions;
use super::anchors;
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
    ///
    /// A candidate whose similarity reaches `threshold` comes before every
    /// one admitted only by its expansion score (see `score::pair_score`):
    /// a pair below the threshold must never take a sentence from a
    /// candidate that is more similar to it.
    pub(super) fn take_best(
        &mut self,
        mut cands: Vec<Candidate>,
        gaps: &anchors::Gaps,
        threshold: f64,
    ) {
        for c in &mut cands {
            if gaps.same_gap(c.old[0], c.new[0]) {
                c.score += 0.05;
            }
        }
        // Ties break on the position sum first so that swapping the inputs
        // takes the same pairs.
        let similar = |c: &Candidate| c.similarity >= threshold;
        cands.sort_by(|a, b| {
            similar(b)
                .cmp(&similar(a))
                .then_with(|| b.score.total_cmp(&a.score))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testing::{of_old, pairs};
    use crate::diff::ChangeKind::{Added, Removed};

    const MOVED: &str = "The Ministers condemned the attack on the embassy in the strongest terms.";
    const STAY: [&str; 3] = [
        "The Coalition met in Rome on 28 June.",
        "It welcomed the liberation of the last territory held by the group.",
        "It will meet again next year.",
    ];

    #[test]
    fn a_sentence_moved_elsewhere_is_paired_and_marked_moved() {
        let old = [MOVED, STAY[0], STAY[1], STAY[2]];
        let new = [STAY[0], STAY[1], STAY[2], MOVED];
        let got = pairs(&old, &new);
        let moved = of_old(&got, 0);
        assert_eq!(
            (moved.kind, moved.new.as_slice()),
            (ChangeKind::Moved, &[3][..])
        );
        assert!(moved.moved, "{got:?}");
        assert!((1..4).all(|o| !of_old(&got, o).moved), "{got:?}");
    }

    #[test]
    fn a_short_sentence_moved_is_removed_and_added_not_moved() {
        // Below `min_move_words`: short sentences recur by chance.
        let old = ["We agreed.", STAY[0], STAY[1], STAY[2]];
        let new = [STAY[0], STAY[1], STAY[2], "We agreed."];
        let got = pairs(&old, &new);
        assert_eq!(of_old(&got, 0).kind, Removed, "{got:?}");
        assert!(
            got.iter().any(|p| p.kind == Added && p.new == [3]),
            "{got:?}"
        );
    }

    fn candidate(o: usize, n: usize, score: f64) -> Candidate {
        Candidate {
            score,
            ..Candidate::single(o, n, score)
        }
    }

    #[test]
    fn the_best_candidates_are_taken_each_sentence_once() {
        let mut state = State::new(2, 2);
        let cands = vec![
            candidate(0, 1, 0.7),
            candidate(0, 0, 0.9),
            candidate(1, 0, 0.8),
            candidate(1, 1, 0.6),
        ];
        state.take_best(cands, &anchors::Gaps::new(&[]), 0.5);
        let taken: Vec<(Vec<usize>, Vec<usize>)> = state
            .matches
            .iter()
            .map(|m| (m.old.clone(), m.new.clone()))
            .collect();
        assert_eq!(taken, [(vec![0], vec![0]), (vec![1], vec![1])]);
        assert!(state.old_taken.iter().chain(&state.new_taken).all(|&t| t));
    }

    /// Issue 19: a short sentence admitted only as "contained" in a long one
    /// (similarity 0.25) took the old sentence from a far more similar
    /// rewording that scored lower.
    #[test]
    fn a_pair_below_the_threshold_never_wins_over_a_more_similar_one() {
        let mut state = State::new(1, 2);
        let contained = Candidate {
            score: 0.8,
            ..Candidate::single(0, 0, 0.25)
        };
        let reworded = candidate(0, 1, 0.55);
        state.take_best(vec![contained, reworded], &anchors::Gaps::new(&[]), 0.5);
        assert_eq!(state.matches.len(), 1);
        assert_eq!(state.matches[0].new, [1]);
    }

    #[test]
    fn exact_moves_pair_only_keys_unique_on_both_sides() {
        // Key 7 is unique on both sides; key 8 is twice in the new document.
        let mut state = State::new(2, 3);
        let words = |_: usize| 10;
        pair_exact_moves(
            &mut state,
            &[7, 8],
            &[8, 7, 8],
            &words,
            &AlignOptions::default(),
        );
        assert_eq!(state.matches.len(), 1);
        assert_eq!(
            (
                state.matches[0].old.as_slice(),
                state.matches[0].new.as_slice()
            ),
            (&[0][..], &[1][..])
        );
        assert_eq!(state.matches[0].kind, ChangeKind::Moved);
    }
}
