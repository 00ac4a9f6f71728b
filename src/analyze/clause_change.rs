//! How a revision changed the commitments of an aligned entry, clause by
//! clause: the clauses of the two sides are paired (same marker family or
//! same object), and the entry's change is read from the pairs and from
//! the clauses left without a counterpart. Order and case never count.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::diff::{Commitment, CommitmentChange};
use crate::normalize::controls;

/// Compares the commitment clauses of an entry's two sides (all the
/// sentences of each side). Returns the change and its reasons in words,
/// each naming its clause; `None` when neither side commits.
///
/// The reasons quote the statements (markers, hedges, actors, deadlines);
/// what they quote is stripped of control characters and bidi controls, so
/// that no reason holds an override left open to reverse whatever a report
/// writes after it, even for statements that never went through import.
pub fn compare(
    old: &[&Commitment],
    new: &[&Commitment],
) -> Option<(CommitmentChange, Vec<String>)> {
    let (change, reasons) = compare_raw(old, new)?;
    let reasons = reasons
        .into_iter()
        .map(|r| match controls::strip(&r) {
            Cow::Borrowed(_) => r,
            Cow::Owned(clean) => clean,
        })
        .collect();
    Some((change, reasons))
}

fn compare_raw(
    old: &[&Commitment],
    new: &[&Commitment],
) -> Option<(CommitmentChange, Vec<String>)> {
    // Most entries of a revision keep their sentences: the same clauses,
    // compared without allocating, and most often the very same ones (a
    // sentence text is read once and its clauses shared by its views).
    if !old.is_empty()
        && old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(a, b)| std::ptr::eq(*a, *b) || a == b)
    {
        return Some((CommitmentChange::Unchanged, Vec::new()));
    }
    let level = |side: &[&Commitment]| side.iter().map(|c| c.strength).max();
    let (old_level, new_level) = match (level(old), level(new)) {
        (None, None) => return None,
        (None, Some(_)) => {
            let reasons = new.iter().map(|c| format!("clause added: {}", name(c)));
            return Some((CommitmentChange::Added, reasons.collect()));
        }
        (Some(_), None) => {
            let reasons = old.iter().map(|c| format!("clause removed: {}", name(c)));
            return Some((CommitmentChange::Removed, reasons.collect()));
        }
        (Some(o), Some(n)) => (o, n),
    };
    let (old_lower, new_lower) = (lowered(old), lowered(new));
    let (old_facts, new_facts) = (facts(old, &old_lower), facts(new, &new_lower));
    let pairs = pair(&old_facts, &new_facts);
    let mut reasons = Vec::new();
    let mut paired_old = vec![false; old.len()];
    let mut paired_new = vec![false; new.len()];
    let (mut firmer, mut softer, mut reworded) = (false, false, false);
    for &(o, n) in &pairs {
        paired_old[o] = true;
        paired_new[n] = true;
        let (a, b) = (old[o], new[n]);
        let moves = describe_pair(a, b, &mut reasons);
        match b.strength.cmp(&a.strength) {
            Ordering::Greater => firmer = true,
            Ordering::Less => softer = true,
            Ordering::Equal => {}
        }
        firmer |= moves.firmer;
        softer |= moves.softer;
        reworded |= moves.reworded;
    }
    // A clause split in two ("calls upon … to uphold …" and "also calls
    // upon … to end reprisals") or two merged into one is no promise added
    // or dropped: its words are in a clause of the other side.
    let dropped: Vec<&Commitment> = (0..old.len())
        .filter(|&i| !paired_old[i] && !contained(&old_facts, i, &new_facts))
        .map(|i| old[i])
        .collect();
    let added: Vec<&Commitment> = (0..new.len())
        .filter(|&i| !paired_new[i] && !contained(&new_facts, i, &old_facts))
        .map(|i| new[i])
        .collect();
    reworded |= dropped.len() < old.len() - pairs.len() || added.len() < new.len() - pairs.len();
    for c in &dropped {
        reasons.push(format!("clause removed: {}", name(c)));
    }
    for c in &added {
        reasons.push(format!("clause added: {}", name(c)));
    }
    let change = match new_level.cmp(&old_level) {
        Ordering::Greater => CommitmentChange::Strengthened,
        Ordering::Less => CommitmentChange::Weakened,
        Ordering::Equal => match (dropped.is_empty(), added.is_empty()) {
            (false, true) => CommitmentChange::Removed,
            (true, false) => CommitmentChange::Added,
            (false, false) => CommitmentChange::Reworded,
            (true, true) => match (firmer, softer) {
                (true, false) => CommitmentChange::Strengthened,
                (false, true) => CommitmentChange::Weakened,
                (true, true) => CommitmentChange::Reworded,
                (false, false) if reworded => CommitmentChange::Reworded,
                (false, false) => CommitmentChange::Unchanged,
            },
        },
    };
    Some((change, reasons))
}

/// A clause as reasons name it: its marker, level and opening words.
fn name(c: &Commitment) -> String {
    let mut opening: String = c.clause.chars().take(60).collect();
    if opening.len() < c.clause.len() {
        opening.push('…');
    }
    format!("'{}' ({}) in \"{opening}\"", c.marker, c.strength.name())
}

/// What a pair of clauses says about the change.
#[derive(Default)]
struct Moves {
    firmer: bool,
    softer: bool,
    reworded: bool,
}

/// Describes how clause `a` became `b`, adding reasons.
fn describe_pair(a: &Commitment, b: &Commitment, reasons: &mut Vec<String>) -> Moves {
    let mut m = Moves::default();
    let describe = |c: &Commitment| format!("'{}' ({})", c.marker, c.strength.name());
    let same_hedges = a.hedges.len() == b.hedges.len()
        && a.hedges
            .iter()
            .all(|h| b.hedges.iter().any(|x| x.eq_ignore_ascii_case(h)));
    // A level moved by a hedge alone is explained by the hedge below.
    if a.marker.to_lowercase() != b.marker.to_lowercase()
        || (a.strength != b.strength && same_hedges)
    {
        reasons.push(format!("marker {} → {}", describe(a), describe(b)));
        m.reworded = true;
    }
    for h in &b.hedges {
        if !a.hedges.iter().any(|x| x.eq_ignore_ascii_case(h)) {
            reasons.push(format!("hedge added: '{h}'"));
            m.softer = true;
        }
    }
    for h in &a.hedges {
        if !b.hedges.iter().any(|x| x.eq_ignore_ascii_case(h)) {
            reasons.push(format!("hedge removed: '{h}'"));
            m.firmer = true;
        }
    }
    if a.negated != b.negated {
        reasons.push(if b.negated {
            "negation added".to_owned()
        } else {
            "negation removed".to_owned()
        });
        m.reworded = true;
    }
    let folded = |d: &[String]| {
        let mut v: Vec<String> = d.iter().map(|x| x.to_lowercase()).collect();
        v.sort();
        v
    };
    if folded(&a.deadlines) != folded(&b.deadlines) {
        let list = |d: &[String]| {
            if d.is_empty() {
                "none".to_owned()
            } else {
                d.join("; ")
            }
        };
        reasons.push(format!(
            "deadline changed: {} → {}",
            list(&a.deadlines),
            list(&b.deadlines)
        ));
        if b.deadlines.is_empty() {
            m.softer = true;
        } else if a.deadlines.is_empty() {
            m.firmer = true;
        } else {
            m.reworded = true;
        }
    }
    let actor = |c: &Commitment| c.actor.as_deref().map(str::to_lowercase);
    if a.actor.is_some() && b.actor.is_some() && actor(a) != actor(b) {
        reasons.push(format!(
            "actor changed: {} → {}",
            a.actor.as_deref().unwrap_or(""),
            b.actor.as_deref().unwrap_or("")
        ));
        m.reworded = true;
    }
    if !same_wording(&a.clause, &b.clause) {
        m.reworded = true;
    }
    if m.reworded && reasons.is_empty() {
        reasons.push(format!("clause reworded: {}", name(b)));
    }
    m
}

/// The lower-cased words of a clause, for comparing wording.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words that only join others: adding or dropping one ("…, and to
/// address" → "…, to address") is editorial.
const FUNCTION_WORDS: [&str; 14] = [
    "and", "or", "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "as", "at",
];

/// Whether `w` is one of the function words, in any case. None is longer
/// than four letters: most words are told apart by their length alone.
fn is_function_word(w: &[u8]) -> bool {
    w.len() <= 4
        && FUNCTION_WORDS
            .iter()
            .any(|f| f.as_bytes().eq_ignore_ascii_case(w))
}

/// The wording of a clause that counts: its words without function words.
fn wording(text: &str) -> impl Iterator<Item = &[u8]> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::as_bytes)
        .filter(|w| !w.is_empty() && !is_function_word(w))
}

/// [`wording`] of an ASCII text, split byte by byte rather than character
/// by character (the same words: an ASCII character is alphanumeric exactly
/// when its byte is).
fn ascii_wording(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !is_function_word(w))
}

/// Whether two clauses say the same in the words that count, whatever
/// their case.
fn same_wording(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        same_words(ascii_wording(a), ascii_wording(b))
    } else {
        same_words(wording(a), wording(b))
    }
}

/// Whether two sequences hold the same words, whatever their case.
fn same_words<'a>(
    mut x: impl Iterator<Item = &'a [u8]>,
    mut y: impl Iterator<Item = &'a [u8]>,
) -> bool {
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// The marker family of a clause: the stem of its first content word
/// ("reaffirm our commitment to" and "recommit" are both "comm").
fn family(marker: &str) -> String {
    const SKIP: [&str; 30] = [
        "will",
        "shall",
        "must",
        "should",
        "may",
        "also",
        "not",
        "never",
        "further",
        "reaffirm",
        "reaffirms",
        "reaffirmed",
        "reiterate",
        "reiterates",
        "reiterated",
        "remain",
        "remains",
        "remained",
        "are",
        "is",
        "our",
        "their",
        "its",
        "the",
        "firm",
        "full",
        "unwavering",
        "strong",
        "to",
        "ourselves",
    ];
    let lower = marker.to_lowercase();
    let ws = words(&lower);
    let word = ws
        .iter()
        .find(|w| !SKIP.contains(&w.as_str()))
        .or(ws.first())
        .cloned()
        .unwrap_or_default();
    let word = word
        .strip_prefix("re")
        .filter(|r| r.starts_with("commit"))
        .unwrap_or(&word);
    word.chars().take(4).collect()
}

/// Whether most content words of clause `i` of `own` stand in one clause
/// of `side` with the same marker family.
fn contained(own: &[Facts], i: usize, side: &[Facts]) -> bool {
    let clause = &own[i];
    !clause.words.is_empty()
        && side[within(i, own.len(), side.len())].iter().any(|c| {
            c.family == clause.family
                && clause.words.iter().filter(|w| c.words.contains(*w)).count() * 10
                    >= clause.words.len() * 7
        })
}

/// What pairing reads of a clause, read once: its content words and its
/// marker's family.
struct Facts<'a> {
    words: rustc_hash::FxHashSet<Cow<'a, str>>,
    family: String,
}

/// [`ascii_lowered`] of each clause of a side, for [`facts`] to borrow.
fn lowered(side: &[&Commitment]) -> Vec<Option<String>> {
    side.iter().map(|c| ascii_lowered(&c.clause)).collect()
}

/// The [`Facts`] of each clause of a side, `lower` its [`lowered`].
fn facts<'a>(side: &[&'a Commitment], lower: &'a [Option<String>]) -> Vec<Facts<'a>> {
    side.iter()
        .zip(lower)
        .map(|(c, l)| Facts {
            words: content(&c.clause, l.as_deref()),
            family: family(&c.marker),
        })
        .collect()
}

/// The most pairs of clauses of one entry compared each with each: 256
/// clauses a side, far more than a real sentence or paragraph holds.
const EVERY_PAIR: usize = 1 << 16;

/// How far from its place in order a clause is compared with the other
/// side's, when the sides are too long to compare each with each (a hostile
/// list of thousands of items).
const BAND: usize = 32;

/// The clauses of a side of `other` clauses that clause `i` of a side of
/// `own` is compared with: all of them, or past [`EVERY_PAIR`] those near
/// its place in order, so that a long side costs its length, not its
/// square.
fn within(i: usize, own: usize, other: usize) -> std::ops::Range<usize> {
    if own.saturating_mul(other) <= EVERY_PAIR {
        return 0..other;
    }
    let at = i.saturating_mul(other) / own.max(1);
    at.saturating_sub(BAND)..(at + BAND + 1).min(other)
}

/// Content words of a clause (longer than three letters), for pairing by
/// object.
///
/// `lower` is [`ascii_lowered`] of `text`: the words of an ASCII text are
/// borrowed from it (the same words `words` gives, without a string each);
/// another text's are lower-cased one by one, as Unicode asks.
fn content<'a>(text: &'a str, lower: Option<&'a str>) -> rustc_hash::FxHashSet<Cow<'a, str>> {
    match lower {
        Some(lower) => lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(Cow::Borrowed)
            .collect(),
        None => words(text)
            .into_iter()
            .filter(|w| w.len() > 3)
            .map(Cow::Owned)
            .collect(),
    }
}

/// An ASCII text lower-cased, for [`content`]; `None` for any other text.
fn ascii_lowered(text: &str) -> Option<String> {
    text.is_ascii().then(|| text.to_ascii_lowercase())
}

/// Pairs the clauses of the two sides, best match first: a pair needs the
/// same marker family or enough shared object words. A side of one clause
/// against a side of one clause is always a pair (the sentences are
/// aligned, so their promises correspond).
fn pair(old: &[Facts], new: &[Facts]) -> Vec<(usize, usize)> {
    if old.len() == 1 && new.len() == 1 {
        return vec![(0, 0)];
    }
    let mut candidates = Vec::new();
    for (o, a) in old.iter().enumerate() {
        let near = within(o, old.len(), new.len());
        for (n, b) in near.clone().zip(&new[near]) {
            let shared = a.words.intersection(&b.words).count();
            let union = a.words.len() + b.words.len() - shared;
            let overlap = shared as f64 / union.max(1) as f64;
            let same_family = a.family == b.family;
            if overlap >= 0.3 || (same_family && overlap >= 0.1) {
                let score = overlap + if same_family { 0.2 } else { 0.0 };
                candidates.push((score, o, n));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_old, mut used_new) = (vec![false; old.len()], vec![false; new.len()]);
    let mut out = Vec::new();
    for (_, o, n) in candidates {
        if !used_old[o] && !used_new[n] {
            used_old[o] = true;
            used_new[n] = true;
            out.push((o, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::commitment::clauses;
    use crate::analyze::lexicon::Lexicon;

    /// The change between two sentences, as their clauses compare.
    fn change(old: &str, new: &str) -> Option<CommitmentChange> {
        let lexicon = Lexicon::builtin();
        let (a, b) = (clauses(old, &lexicon), clauses(new, &lexicon));
        let (a, b): (Vec<&Commitment>, Vec<&Commitment>) = (a.iter().collect(), b.iter().collect());
        compare(&a, &b).map(|(c, _)| c)
    }

    // Written from COMMITMENTS.md ("Changes between two versions") before
    // the clause comparison was built; the cases are issue 15's.

    #[test]
    fn order_and_case_never_count() {
        assert_eq!(
            change(
                "We will fund the programme, and we call on partners to join it.",
                "We call on partners to join it, and we will fund the programme."
            ),
            Some(CommitmentChange::Unchanged)
        );
        assert_eq!(
            change(
                "We will support the Mission.",
                "we will support the Mission."
            ),
            Some(CommitmentChange::Unchanged)
        );
    }

    #[test]
    fn the_same_promise_in_other_words_is_reworded() {
        assert_eq!(
            change(
                "We reaffirm our commitment to the Paris Agreement.",
                "We recommit ourselves to the Paris Agreement."
            ),
            Some(CommitmentChange::Reworded)
        );
        assert_eq!(
            change(
                "We remain committed to a just and lasting peace.",
                "We remain dedicated to a just and lasting peace."
            ),
            Some(CommitmentChange::Reworded)
        );
    }

    #[test]
    fn a_dropped_clause_is_removed_an_added_one_added() {
        let old = "We will fund the programme, and commit to working with partners on its design.";
        let new = "We will fund the programme.";
        assert_eq!(change(old, new), Some(CommitmentChange::Removed));
        assert_eq!(change(new, old), Some(CommitmentChange::Added));
    }

    #[test]
    fn a_firmer_modal_strengthens() {
        assert_eq!(
            change(
                "Disputes should be resolved peacefully.",
                "Disputes must be resolved peacefully."
            ),
            Some(CommitmentChange::Strengthened)
        );
        assert_eq!(
            change(
                "We will act by 2030, where possible.",
                "We will act by 2030."
            ),
            Some(CommitmentChange::Strengthened)
        );
        assert_eq!(
            change("We will act by 2030.", "We will act."),
            Some(CommitmentChange::Weakened)
        );
    }

    #[test]
    fn a_commitment_moved_inside_its_sentence_is_kept() {
        assert_eq!(
            change(
                "Requests the Secretary-General to render the necessary assistance for the third Meeting;",
                "Expresses its gratitude to the Secretary-General for his support, and requests him to \
                 render the necessary assistance for the third Meeting;"
            ),
            Some(CommitmentChange::Reworded)
        );
    }

    #[test]
    fn deadlines_and_reasons_name_the_clause() {
        let lexicon = Lexicon::builtin();
        let a = clauses(
            "The Parties commit to take action by May 14, 2025.",
            &lexicon,
        );
        let b = clauses(
            "The Parties agree to take action by August 12, 2025.",
            &lexicon,
        );
        let (change, reasons) = compare(&[&a[0]], &[&b[0]]).expect("both commit");
        assert_eq!(change, CommitmentChange::Reworded);
        assert!(
            reasons.contains(&"deadline changed: by May 14, 2025 → by August 12, 2025".to_owned()),
            "{reasons:?}"
        );
        let (change, reasons) = compare(&[&a[0]], &[]).expect("old commits");
        assert_eq!(change, CommitmentChange::Removed);
        assert!(reasons[0].contains("commit to take action"), "{reasons:?}");
        assert_eq!(compare(&[], &[]), None);
    }

    #[test]
    fn a_reason_never_holds_an_override_left_open() {
        // A statement built without import: its hedge and actor carry
        // bidi and escape controls.
        let lexicon = Lexicon::builtin();
        let old = clauses("The Ministers will, as appropriate, act.", &lexicon);
        let mut hedged = old.clone();
        for c in &mut hedged {
            c.hedges = vec!["as \u{202E}appropriate".to_owned()];
            c.actor = Some("Ministers\u{2067}\u{1b}[8m".to_owned());
        }
        let (a, b): (Vec<&Commitment>, Vec<&Commitment>) =
            (hedged.iter().collect(), old.iter().collect());
        let (_, reasons) = compare(&a, &b).expect("a change");
        assert!(!reasons.is_empty());
        for r in &reasons {
            assert!(!controls::has_unsafe(r), "{r:?}");
        }
    }

    /// A list of more clauses than are compared each with each: clauses
    /// are compared near their place in order, and a list kept item for
    /// item but one still reads as that one item dropped.
    #[test]
    fn a_list_of_thousands_of_items_pairs_them_in_order() {
        let lexicon = Lexicon::builtin();
        let items = |skip: Option<usize>| {
            (0..2_000)
                .filter(|i| Some(*i) != skip)
                .map(|i| format!("({i}) to promote item number {}", 10_000 + i))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let (old, new) = (
            format!("We commit: {}.", items(None)),
            format!("We commit: {}.", items(Some(1_000))),
        );
        let (a, b) = (clauses(&old, &lexicon), clauses(&new, &lexicon));
        assert!(a.len() * b.len() > EVERY_PAIR, "{} clauses", a.len());
        let (a, b): (Vec<&Commitment>, Vec<&Commitment>) = (a.iter().collect(), b.iter().collect());
        let (change, reasons) = compare(&a, &b).expect("both sides commit");
        assert_eq!(change, CommitmentChange::Removed, "{reasons:?}");
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(reasons[0].contains("11000"), "{reasons:?}");
    }

    #[test]
    fn sides_within_the_limit_compare_each_clause_with_each() {
        assert_eq!(within(3, 10, 20), 0..20);
        assert_eq!(within(0, 256, 256), 0..256);
        // Past it, a band around the clause's place in order.
        assert_eq!(within(0, 1_000, 1_000), 0..BAND + 1);
        assert_eq!(within(500, 1_000, 2_000), 1_000 - BAND..1_000 + BAND + 1);
        assert_eq!(within(999, 1_000, 1_000), 999 - BAND..1_000);
    }
}
