//! The last matching pass, for revisions that share little wording: two
//! leftover sentences that are each other's best candidate on their content
//! words (order-free, on stems, weighed by rarity) are paired.
//!
//! Statements whose versions share under a third of their words reword
//! most sentences they keep: "We are taking further steps to reduce our
//! reliance on Russian energy" → "we commit to phase out our dependency on
//! Russian energy". In-order similarity ([`super::similarity`]) leaves such
//! pairs below the threshold; the bag of stems does not. Requiring the
//! pair to be mutually best, and the score to reach the same threshold,
//! keeps a sentence from being paired with one that merely shares a topic
//! while a better counterpart exists.

use super::index::Sides;
use super::matching::{Match, State};
use super::similarity::{scores, stem_scores};
use crate::diff::ChangeKind;

/// Pairs leftover sentences among `candidates` that are each other's best
/// by [`stem_scores`] Dice at `threshold` or above. `counts` as for
/// `similarity::score_bounds`.
pub(super) fn rescue(
    state: &mut State,
    candidates: &[(usize, usize)],
    sides: &Sides,
    threshold: f64,
    counts: &mut [u32],
) {
    // Best (score, counterpart) per sentence; ties go to the lower index
    // so that swapping the inputs gives the mirror pairs.
    let mut best_old: Vec<(f64, usize)> = vec![(0.0, usize::MAX); sides.old.len()];
    let mut best_new: Vec<(f64, usize)> = vec![(0.0, usize::MAX); sides.new.len()];
    let better = |s: f64, i: usize, cur: (f64, usize)| s > cur.0 || (s == cur.0 && i < cur.1);
    let mut scored = Vec::new();
    for &(o, n) in candidates {
        if state.old_taken[o] || state.new_taken[n] {
            continue;
        }
        let (dice, _) = stem_scores(
            sides.old[o],
            sides.new[n],
            sides.stem,
            sides.stem_weight,
            counts,
        );
        if dice < threshold {
            continue;
        }
        if better(dice, n, best_old[o]) {
            best_old[o] = (dice, n);
        }
        if better(dice, o, best_new[n]) {
            best_new[n] = (dice, o);
        }
        scored.push((o, n));
    }
    for (o, n) in scored {
        if best_old[o].1 == n && best_new[n].1 == o && !state.old_taken[o] && !state.new_taken[n] {
            let s = scores(sides.old[o], sides.new[n], sides.weight);
            state.add(Match {
                old: vec![o],
                new: vec![n],
                similarity: (s.plain + s.weighted) / 2.0,
                kind: ChangeKind::Reworded,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::testing::{of_old, pairs};
    use crate::diff::ChangeKind::{Added, Removed, Reworded, Same};

    const KEPT: [&str; 3] = [
        "The Leaders met in Brussels on 24 March.",
        "They will meet again in June.",
        "We thank all those who provide humanitarian aid.",
    ];

    /// The same commitment reworded: the content words survive (two with
    /// other endings), their order and most small words do not.
    const OLD: &str =
        "We are taking further steps to reduce our reliance on Russian energy supplies.";
    const NEW: &str =
        "Reducing our reliance on Russian energy supply is the goal of further steps.";

    #[test]
    fn a_rewording_that_keeps_only_its_content_words_is_paired() {
        let got = pairs(&[KEPT[0], OLD, KEPT[1]], &[KEPT[0], NEW, KEPT[1]]);
        let p = of_old(&got, 1);
        assert_eq!((p.kind, p.new.as_slice()), (Reworded, &[1][..]), "{got:?}");
        assert!(p.similarity < 0.5, "found by this pass only: {got:?}");
        // The mirror: swapping the inputs pairs the same sentences.
        let back = pairs(&[KEPT[0], NEW, KEPT[1]], &[KEPT[0], OLD, KEPT[1]]);
        assert_eq!(of_old(&back, 1).new, [1], "{back:?}");
    }

    #[test]
    fn sentences_that_share_only_a_topic_stay_apart() {
        let old = "We condemn Russia's attacks on energy infrastructure in Ukraine.";
        let new = "We will support Ukraine's energy sector through the winter.";
        let got = pairs(&[KEPT[0], old, KEPT[2]], &[KEPT[0], new, KEPT[2]]);
        assert_eq!(of_old(&got, 0).kind, Same);
        assert_eq!(of_old(&got, 1).kind, Removed, "{got:?}");
        assert!(
            got.iter().any(|p| p.kind == Added && p.new == [1]),
            "{got:?}"
        );
    }
}
