//! The commitment changes of a diff in the order an analyst reads them:
//! what was lost first (removed and weakened), then strengthened, added
//! and reworded; within a rank, by how much binding force was lost or
//! gained, then in the statement's order.

use super::CommitmentLine;
use crate::diff::{Change, Commitment, CommitmentChange, Diff, Strength, strongest_commitment};

/// The words of a clause the digest shows ("to strengthen cooperation
/// across all Coalition …").
const CLAUSE_WORDS: usize = 8;

/// A strength as a number: none 0, weak 1, moderate 2, strong 3.
fn level(c: Option<&Commitment>) -> i32 {
    match c.map(|c| c.strength) {
        None => 0,
        Some(Strength::Weak) => 1,
        Some(Strength::Moderate) => 2,
        Some(Strength::Strong) => 3,
    }
}

/// The rank of a kind of change: lower is shown first.
fn rank(change: CommitmentChange) -> u8 {
    match change {
        CommitmentChange::Removed | CommitmentChange::Weakened => 0,
        CommitmentChange::Strengthened => 1,
        CommitmentChange::Added => 2,
        CommitmentChange::Reworded => 3,
        CommitmentChange::Unchanged => 4,
    }
}

/// The first words of a clause, "…" where it was cut.
fn few_words(clause: &str) -> String {
    let words: Vec<&str> = clause.split_whitespace().collect();
    if words.len() <= CLAUSE_WORDS {
        return words.join(" ");
    }
    let cut = words[..CLAUSE_WORDS].join(" ");
    format!("{} …", cut.trim_end_matches([',', ';', ':']))
}

/// One line of the digest for an entry that changed a commitment.
fn line(c: &Change, entry: usize, change: CommitmentChange) -> CommitmentLine {
    let old = strongest_commitment(&c.old);
    let new = strongest_commitment(&c.new);
    // What was lost is read from the old text, what was gained from the new.
    let shown = match change {
        CommitmentChange::Removed | CommitmentChange::Weakened => old.or(new),
        _ => new.or(old),
    };
    CommitmentLine {
        change,
        actor: shown.and_then(|s| s.actor.clone()),
        old_marker: old.map(|o| o.marker.clone()),
        new_marker: new.map(|n| n.marker.clone()),
        old_strength: old.map(|o| o.strength),
        new_strength: new.map(|n| n.strength),
        clause: shown.map(|s| few_words(&s.clause)).unwrap_or_default(),
        entry,
    }
}

/// Every entry of `diff` that changed a commitment, ranked.
pub(crate) fn commitments(diff: &Diff) -> Vec<CommitmentLine> {
    let mut keyed: Vec<((u8, i32, usize), CommitmentLine)> = diff
        .changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.changes_commitment())
        .filter_map(|(i, c)| {
            let change = c.commitment_change?;
            let (old, new) = (
                level(strongest_commitment(&c.old)),
                level(strongest_commitment(&c.new)),
            );
            // How much binding force the change moved: lost for the first
            // rank, gained for strengthened, held for added and reworded.
            let weight = match change {
                CommitmentChange::Removed => old,
                CommitmentChange::Weakened => old - new,
                CommitmentChange::Strengthened => new - old,
                _ => new,
            };
            Some(((rank(change), -weight, i), line(c, i, change)))
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_cut_to_a_few_words() {
        assert_eq!(few_words("to act now"), "to act now");
        assert_eq!(
            few_words("to strengthen cooperation across all Coalition lines of effort, to ensure"),
            "to strengthen cooperation across all Coalition lines of …"
        );
    }

    #[test]
    fn losses_come_first_and_the_largest_first() {
        let text = |t: &str| t.as_bytes().to_vec();
        let read = |t: &[u8]| crate::import::import(t, None, "t.txt").expect("reads");
        let old = read(&text(
            "We will fund schools.\n\nWe will build roads.\n\nWe encourage trade.\n\nWe note the report.\n",
        ));
        let new = read(&text(
            "We may consider funding schools.\n\nWe will build roads and ports together.\n\nWe will expand trade.\n\nWe note the report.\n\nWe will open borders.\n",
        ));
        let diff = crate::analyze::compare(&old, &new, &crate::analyze::Options::default());
        let kinds: Vec<CommitmentChange> = commitments(&diff).iter().map(|l| l.change).collect();
        assert_eq!(kinds.first().map(|&k| rank(k)), Some(0), "{kinds:?}");
        let ranks: Vec<u8> = kinds.iter().map(|&k| rank(k)).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
    }
}
