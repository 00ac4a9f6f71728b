//! Hedges: the words that soften a clause ("as appropriate", "where
//! possible"), by its marker or closing it.

use super::markers::Hit;
use super::words::{Word, matches_at, span};
use crate::analyze::lexicon::Lexicon;

/// How many words after its marker a hedge may stand and still soften it.
const HEDGE_REACH: usize = 8;

/// The hedges of the clause of marker `h`, spanning words `start..end`: one
/// by its marker ("will, as appropriate, …") or closing the clause ("… as
/// circumstances permit"); one in the middle of a long clause qualifies a
/// detail, not the promise.
pub(super) fn hedges(
    text: &str,
    words: &[Word],
    h: Hit,
    start: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let near = h.at.saturating_sub(3).max(start.min(h.at))..(h.at + h.len + HEDGE_REACH).min(end);
    // A closing hedge after a later conjunct ("… and adopting new measures
    // as necessary") qualifies that conjunct only.
    let closing_from = end.saturating_sub(lexicon.hedges.longest());
    let mut covered = 0;
    for i in near.clone().chain(closing_from.max(near.end)..end) {
        // Most words open no hedge: the lookup comes first.
        let phrases = lexicon.hedges.starting_with(&words[i].folded);
        // "for as long as necessary": a duration, not a hedge.
        let measure = || i > 0 && matches!(words[i - 1].folded.as_ref(), "long" | "far");
        if phrases.is_empty() || i < covered || measure() {
            continue;
        }
        for p in phrases {
            let conjunct = || {
                words[(h.at + h.len).min(i)..i]
                    .iter()
                    .any(|w| w.folded == "and")
            };
            let closing = i + p.len() == end && !near.contains(&i) && !conjunct();
            if (near.contains(&i) || closing) && i + p.len() <= end && matches_at(words, i, p) {
                let found = span(text, words, i, i + p.len()).to_owned();
                if !out.contains(&found) {
                    out.push(found);
                }
                covered = i + p.len();
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::commitment::markers::hits;
    use crate::analyze::commitment::words::words_of;

    fn read(text: &str) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        let h = hits(&words, &lexicon)[0];
        hedges(text, &words, h, 0, words.len(), &lexicon)
    }

    #[test]
    fn a_hedge_counts_by_its_marker_or_closing_the_clause() {
        assert_eq!(
            read("We will, as appropriate, support the plan"),
            ["as appropriate"]
        );
        assert_eq!(
            read("We will support the plan and the fund as circumstances permit"),
            ["as circumstances permit"]
        );
        // "for as long as necessary" is a duration.
        assert!(read("We will support Ukraine for as long as necessary").is_empty());
    }
}
