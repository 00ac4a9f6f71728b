//! Headings apart from sentences: each side's headings are aligned with the
//! other side's headings only, and its sentences with sentences only, so
//! that a heading ("Maritime Security") is never paired with a sentence
//! that happens to share its words. The two alignments are then put back
//! into one report order.

use super::order::report_order;
use super::{AlignOptions, Alignment, Pair, align};

/// Aligns the old sentences with the new ones as [`align`] does, except
/// that a sentence marked in `old_heading` / `new_heading` (a section
/// heading) pairs only with a heading of the other side, and any other
/// sentence only with a sentence. Each part is aligned on its own, so the
/// cost stays that of [`align`]; with no heading on either side this is
/// [`align`] itself. A heading found verbatim at another place is `moved`
/// whatever its length (`min_move_words` is for sentences).
///
/// ```
/// use communique::align::{AlignOptions, align_parts};
///
/// let old = ["Maritime Security", "We support maritime security in the region."];
/// let new = ["We support maritime security in the region and beyond.", "Maritime Security"];
/// let a = align_parts(&old, &new, &[true, false], &[false, true], &AlignOptions::default());
/// assert!(a.pairs.iter().all(|p| p.old.iter().all(|&o| p.new.iter().all(|&n| (o == 0) == (n == 1)))));
/// ```
pub fn align_parts(
    old: &[&str],
    new: &[&str],
    old_heading: &[bool],
    new_heading: &[bool],
    options: &AlignOptions,
) -> Alignment {
    let is = |marks: &[bool], i: usize| marks.get(i).copied().unwrap_or(false);
    let any = |marks: &[bool], len: usize| (0..len).any(|i| is(marks, i));
    if !any(old_heading, old.len()) && !any(new_heading, new.len()) {
        return align(old, new, options);
    }
    // Each part's positions in the whole list.
    let part = |texts: &[&str], marks: &[bool], heading: bool| -> Vec<usize> {
        (0..texts.len())
            .filter(|&i| is(marks, i) == heading)
            .collect()
    };
    let mut pairs = Vec::with_capacity(old.len().max(new.len()));
    for heading in [false, true] {
        let (old_at, new_at) = (
            part(old, old_heading, heading),
            part(new, new_heading, heading),
        );
        let old_texts: Vec<&str> = old_at.iter().map(|&i| old[i]).collect();
        let new_texts: Vec<&str> = new_at.iter().map(|&i| new[i]).collect();
        // A heading is short and rarely repeats: one found verbatim
        // elsewhere has moved, however few its words.
        let aligned = if heading {
            align(
                &old_texts,
                &new_texts,
                &options.clone().with_min_move_words(1),
            )
        } else {
            align(&old_texts, &new_texts, options)
        };
        pairs.extend(aligned.pairs.into_iter().map(|p| Pair {
            old: p.old.iter().map(|&i| old_at[i]).collect(),
            new: p.new.iter().map(|&i| new_at[i]).collect(),
            ..p
        }));
    }
    Alignment {
        pairs: report_order(pairs, old.len(), new.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_pair_only_with_headings() {
        // The heading's words are all in the sentence: alone, the aligner
        // pairs them.
        let old = ["Maritime Security", "We support freedom of navigation."];
        let new = ["Maritime security and freedom of navigation", "Ukraine"];
        let plain = align(&old, &new, &AlignOptions::default());
        assert!(
            plain
                .pairs
                .iter()
                .any(|p| p.old.contains(&1) && p.new == [0]),
            "{plain:?}"
        );
        let a = align_parts(
            &old,
            &new,
            &[true, false],
            &[true, true],
            &AlignOptions::default(),
        );
        for p in &a.pairs {
            let old_headings = p.old.iter().filter(|&&o| o == 0).count();
            assert!(old_headings == p.old.len() || old_headings == 0, "{p:?}");
            if p.old == [1] {
                assert!(p.new.is_empty(), "a sentence paired with a heading: {p:?}");
            }
        }
        // With no heading on either side, the plain alignment.
        assert_eq!(
            align_parts(&old, &new, &[], &[false, false], &AlignOptions::default()),
            plain
        );
    }

    #[test]
    fn a_sentence_that_reads_like_a_heading_stays_a_sentence() {
        let old = ["Health", "We will act on health."];
        let new = ["We will act on health.", "Health"];
        // Old "Health" is a heading, new "Health" a sentence: no pair.
        let a = align_parts(
            &old,
            &new,
            &[true, false],
            &[false, false],
            &AlignOptions::default(),
        );
        for p in &a.pairs {
            assert!(!p.old.contains(&0) || p.new.is_empty(), "{p:?}");
        }
        // Every sentence of either side is in exactly one pair.
        let mut olds: Vec<usize> = a.pairs.iter().flat_map(|p| p.old.clone()).collect();
        let mut news: Vec<usize> = a.pairs.iter().flat_map(|p| p.new.clone()).collect();
        olds.sort_unstable();
        news.sort_unstable();
        assert_eq!((olds, news), (vec![0, 1], vec![0, 1]));
    }
}
