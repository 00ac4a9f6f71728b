//! After matching: a reworded pair grows into a split or merge over a free
//! neighbour whose content its counterpart carries.
//!
//! Where versions share little wording, a sentence is often rewritten
//! together with the one beside it: "We are determined that Russia's
//! sovereign assets … will remain immobilized until Russia pays for the
//! damage. Any resolution to the conflict must ensure Russia pays for the
//! damage it has caused." → one sentence that says both. The pair of the
//! first sentences is found, but the neighbour's words are too reworded for
//! [`super::groups`] (which wants most of a piece's words in its
//! counterpart, in order) and it is left removed. Here a free neighbour
//! joins a reworded one-to-one pair when a good share of its content words
//! (stems, weighed by rarity) stand in the counterpart and are not already
//! explained by the sentence it is paired with.

use super::index::Sides;
use super::matching::State;
use super::similarity::scores;
use crate::diff::ChangeKind;

/// The weighted share of a neighbour's stems that its pair's counterpart
/// must hold beyond those of the sentence already paired with it.
pub(super) const EXTEND_SHARE: f64 = 0.3;

/// The fewest of a neighbour's words its pair's counterpart must hold
/// beyond the paired sentence.
const MIN_WORDS: usize = 2;

/// One possible growth: match `m` takes the free sentence `free` on the
/// old side (a merge) or the new side (a split).
struct Growth {
    share: f64,
    m: usize,
    free: usize,
    old_side: bool,
}

/// Grows reworded one-to-one matches of `state` over a free neighbour each
/// (see the module's doc). `counts` is zeroed scratch space sized for stem
/// ids, left zeroed.
pub(super) fn extend(state: &mut State, sides: &Sides, counts: &mut [u32]) {
    let mut growths = Vec::new();
    for (m, matched) in state.matches.iter().enumerate() {
        let ([o], [n]) = (matched.old.as_slice(), matched.new.as_slice()) else {
            continue;
        };
        if matched.kind != ChangeKind::Reworded {
            continue;
        }
        let (o, n) = (*o, *n);
        for (free, taken, words, paired, counterpart, old_side) in [
            (
                o,
                &state.old_taken,
                sides.old,
                sides.old[o],
                sides.new[n],
                true,
            ),
            (
                n,
                &state.new_taken,
                sides.new,
                sides.new[n],
                sides.old[o],
                false,
            ),
        ] {
            for neighbour in [free.wrapping_sub(1), free + 1] {
                if neighbour >= words.len() || taken[neighbour] {
                    continue;
                }
                let share = share_beyond(words[neighbour], counterpart, paired, sides, counts);
                if share >= EXTEND_SHARE {
                    growths.push(Growth {
                        share,
                        m,
                        free: neighbour,
                        old_side,
                    });
                }
            }
        }
    }
    // Best first; ties by the match's sentences, which read the same when
    // the inputs are swapped (a merge one way is a split the other).
    growths.sort_by(|a, b| {
        let key = |g: &Growth| {
            let m = &state.matches[g.m];
            let (o, n) = (m.old[0], m.new[0]);
            (o.min(n), o.max(n), g.free)
        };
        b.share
            .total_cmp(&a.share)
            .then_with(|| key(a).cmp(&key(b)))
    });
    let mut grown = vec![false; state.matches.len()];
    for g in growths {
        let taken = if g.old_side {
            &state.old_taken
        } else {
            &state.new_taken
        };
        if grown[g.m] || taken[g.free] {
            continue;
        }
        grown[g.m] = true;
        let matched = &mut state.matches[g.m];
        let (many, side, one, kind) = if g.old_side {
            state.old_taken[g.free] = true;
            let one = sides.new[matched.new[0]];
            (&mut matched.old, sides.old, one, ChangeKind::Merged)
        } else {
            state.new_taken[g.free] = true;
            let one = sides.old[matched.old[0]];
            (&mut matched.new, sides.new, one, ChangeKind::Split)
        };
        many.push(g.free);
        many.sort_unstable();
        let joined: Vec<u32> = many.iter().flat_map(|&i| side[i].iter().copied()).collect();
        let s = scores(one, &joined, sides.weight);
        matched.similarity = (s.plain + s.weighted) / 2.0;
        matched.kind = kind;
    }
}

/// The share of `piece`'s stems, weighed by rarity, that `whole` holds
/// once the stems of `paired` are taken out of it (as multisets).
fn share_beyond(
    piece: &[u32],
    whole: &[u32],
    paired: &[u32],
    sides: &Sides,
    counts: &mut [u32],
) -> f64 {
    let stem = |t: u32| sides.stem[t as usize] as usize;
    // Weights summed as integers, as `stem_scores` does, so that the share
    // does not depend on the order words are met in.
    let weight = |t: u32| (f64::from(sides.stem_weight[stem(t)]) * 1e6).round() as u64;
    for &t in whole {
        counts[stem(t)] += 1;
    }
    for &t in paired {
        let c = &mut counts[stem(t)];
        *c = c.saturating_sub(1);
    }
    let (mut held, mut words) = (0u64, 0usize);
    for &t in piece {
        let c = &mut counts[stem(t)];
        if *c > 0 {
            *c -= 1;
            held += weight(t);
            words += 1;
        }
    }
    for &t in whole {
        counts[stem(t)] = 0;
    }
    let total: u64 = piece.iter().map(|&t| weight(t)).sum();
    // One word in common is a topic ("Ukraine"), not content carried over.
    if total == 0 || words < MIN_WORDS {
        0.0
    } else {
        held as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use crate::align::testing::{of_old, pairs};
    use crate::diff::ChangeKind::{Merged, Removed, Reworded, Split};

    /// Unchanged, and with the small words of `DAMAGE`, which are then not
    /// rare.
    const BEFORE: &str = "Any lasting peace settlement must ensure security for all.";
    const AFTER: &str = "They will meet again next year.";
    /// Frozen assets, then who pays for the damage; then one sentence that
    /// says both in other words: the second keeps too few of its words in
    /// order for `groups`.
    const ASSETS: &str = "We are determined, consistent with our legal systems, that the \
                          aggressor's sovereign assets in our jurisdictions will remain \
                          immobilized until the war ends.";
    const DAMAGE: &str = "Any peace settlement must ensure that the aggressor compensates \
                          Ukraine for the destruction.";
    const BOTH: &str = "We reaffirm that, consistent with our legal systems, the aggressor's \
                        sovereign assets in our jurisdictions will stay immobilized until it \
                        compensates Ukraine for the destruction.";

    #[test]
    fn a_reworded_neighbour_the_counterpart_carries_joins_the_pair() {
        let got = pairs(&[BEFORE, ASSETS, DAMAGE, AFTER], &[BEFORE, BOTH, AFTER]);
        let merge = of_old(&got, 1);
        assert_eq!(
            (merge.kind, merge.old.as_slice(), merge.new.as_slice()),
            (Merged, &[1, 2][..], &[1][..]),
            "{got:?}"
        );
        // Swapped, the same sentences make a split.
        let back = pairs(&[BEFORE, BOTH, AFTER], &[BEFORE, ASSETS, DAMAGE, AFTER]);
        let split = of_old(&back, 1);
        assert_eq!(
            (split.kind, split.new.as_slice()),
            (Split, &[1, 2][..]),
            "{back:?}"
        );
    }

    #[test]
    fn a_short_neighbour_sharing_one_word_stays_removed() {
        let short = "Kyiv endures.";
        let both = format!("{BOTH} Kyiv is not alone.");
        let got = pairs(&[BEFORE, ASSETS, short, AFTER], &[BEFORE, &both, AFTER]);
        assert_eq!(of_old(&got, 2).kind, Removed, "{got:?}");
    }

    #[test]
    fn a_neighbour_on_another_matter_stays_removed() {
        let other = "We welcome the humanitarian corridors agreed for the winter.";
        let got = pairs(&[BEFORE, ASSETS, other, AFTER], &[BEFORE, BOTH, AFTER]);
        assert_eq!(of_old(&got, 1).kind, Reworded, "{got:?}");
        assert_eq!(of_old(&got, 2).kind, Removed, "{got:?}");
    }
}
