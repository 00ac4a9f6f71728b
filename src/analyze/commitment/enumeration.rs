//! Enumerated items inside one sentence: "(i) modify …; and (ii) remove …"
//! makes a clause of each item.

use super::words::{OPEN, Word};

/// Whether word `i` is an enumeration label written in parentheses: "(ii)",
/// "(2)", "(b)".
fn is_enumeration(text: &str, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    // Most words have no parenthesis before them: asked first.
    if w.sep & OPEN == 0 || w.folded.len() > 4 {
        return false;
    }
    let end = w.text.as_ptr() as usize - text.as_ptr() as usize + w.text.len();
    let closes = text.as_bytes().get(end) == Some(&b')');
    let label = w.folded.chars().all(|c| c.is_ascii_digit())
        || w.folded.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
        || (w.folded.len() == 1 && w.folded.chars().all(|c| c.is_ascii_lowercase()));
    closes && label
}

/// The parts of a clause `start..end` split at its enumeration labels after
/// the marker (`from`), when there are two or more; `None` when the clause
/// is one item (most clauses, which then allocate nothing here).
pub(super) fn enumerated(
    text: &str,
    words: &[Word],
    from: usize,
    start: usize,
    end: usize,
) -> Option<Vec<(usize, usize)>> {
    let mut labels = (from.min(end)..end).filter(|&i| is_enumeration(text, words, i));
    labels.next()?;
    let second = labels.next()?;
    let mut cuts = vec![start, second];
    cuts.extend(labels);
    cuts.push(end);
    Some(
        cuts.windows(2)
            .filter(|w| w[0] < w[1])
            .map(|w| (w[0], w[1]))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::commitment::words::words_of;

    #[test]
    fn two_labels_make_two_items() {
        let text = "will (i) modify the rates; and (ii) remove the duties";
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        assert_eq!(
            enumerated(text, &words, 1, 0, words.len()),
            Some(vec![(0, 6), (6, 10)])
        );
        // One label, or a parenthesis that holds no label, splits nothing.
        let one = "will (i) modify the rates";
        let lower = one.to_ascii_lowercase();
        let words = words_of(one, &lower);
        assert_eq!(enumerated(one, &words, 1, 0, words.len()), None);
        assert!(!is_enumeration(one, &words, 3));
    }
}
