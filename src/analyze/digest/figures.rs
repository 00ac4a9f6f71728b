//! Figures that changed between paired sentences: a number, amount,
//! percentage, date, deadline or period of the old text that the revision
//! replaced ("50 → 68 members", "by 2025 → by 2035"), dropped or added.
//! Only figures the word-level redline touches count, and a figure
//! rewritten as the same value ("thirteen" → "13") is no change.

use rustc_hash::{FxHashMap, FxHashSet};

use super::FigureChange;
use super::numbers::{Figure, Kind, figures, may_hold_figure};
use super::tokens::tokens;
use crate::diff::{Change, ChangeKind, EditOp};

/// The longest run of added or dropped figures shown as one span ("78/7 of
/// 2 November 2023"); a longer one is shown figure by figure.
const SPAN_MAX: usize = 48;

/// The most text between two figures shown as one span: " of ", " and ".
const GAP_MAX: usize = 5;

/// One side of a revision rebuilt from its redline: the text, and which
/// byte ranges of it the redline changed, each with its hunk (a run of
/// deletions and insertions between unchanged words).
struct Side {
    text: String,
    changed: Vec<(usize, usize, usize)>,
}

impl Side {
    /// The hunks that touch bytes `start..end`.
    fn hunks(&self, start: usize, end: usize) -> Vec<usize> {
        // The ranges follow one another in the text, so both their starts
        // and their ends rise: the first that ends after `start` is found
        // by halves, not by a walk from the first (a sentence may hold
        // thousands of changes and figures).
        let from = self.changed.partition_point(|&(_, e, _)| e <= start);
        let mut out: Vec<usize> = self.changed[from..]
            .iter()
            .take_while(|&&(s, _, _)| s < end)
            .map(|&(_, _, h)| h)
            .collect();
        out.dedup();
        out
    }
}

/// The two sides of a revised entry, from its edit script.
fn sides(change: &Change) -> (Side, Side) {
    let mut old = Side {
        text: String::new(),
        changed: Vec::new(),
    };
    let mut new = Side {
        text: String::new(),
        changed: Vec::new(),
    };
    let mut hunk = 0;
    let mut open = false;
    for e in &change.edits {
        match e.op {
            EditOp::Equal => {
                // Spaces and punctuation between two changes keep them one
                // hunk: "[-50-] {+68+}".
                if open && e.text.chars().any(char::is_alphanumeric) {
                    hunk += 1;
                    open = false;
                }
                old.text.push_str(&e.text);
                new.text.push_str(&e.text);
            }
            EditOp::Delete => {
                let s = old.text.len();
                old.text.push_str(&e.text);
                old.changed.push((s, old.text.len(), hunk));
                open = true;
            }
            EditOp::Insert => {
                let s = new.text.len();
                new.text.push_str(&e.text);
                new.changed.push((s, new.text.len(), hunk));
                open = true;
            }
        }
    }
    (old, new)
}

/// A figure the redline touched, with its hunks.
#[derive(Debug)]
struct Touched {
    figure: Figure,
    hunks: Vec<usize>,
}

/// Every figure of a side, with the hunks that touch it (none for a
/// figure the revision left alone).
fn touched(side: &Side) -> Vec<Touched> {
    if !may_hold_figure(&side.text) {
        return Vec::new();
    }
    let t = tokens(&side.text);
    figures(&t)
        .into_iter()
        .map(|figure| {
            let hunks = side.hunks(figure.start, figure.end);
            Touched { figure, hunks }
        })
        .collect()
}

/// The figures of `side` the revision touched whose value the other side
/// holds fewer times: a value written again elsewhere in the sentence, or
/// rewritten ("thirteen" → "13"), is no change.
fn surplus<'a>(side: &'a [Touched], other: &[Touched]) -> Vec<&'a Touched> {
    // For each value, how many of this side's are more than the other's.
    let mut left: FxHashMap<&str, usize> = FxHashMap::default();
    for t in side {
        *left.entry(&t.figure.key).or_default() += 1;
    }
    for t in other {
        if let Some(extra) = left.get_mut(t.figure.key.as_str()) {
            *extra = extra.saturating_sub(1);
        }
    }
    let mut out = Vec::new();
    for t in side {
        if t.hunks.is_empty() {
            continue;
        }
        if let Some(extra) = left.get_mut(t.figure.key.as_str())
            && *extra > 0
        {
            *extra -= 1;
            out.push(t);
        }
    }
    out
}

/// Whether a figure added or dropped with no partner counts on its own: a
/// spelled "one" or "first" is as often a pronoun or an adjective.
fn stands_alone(f: &Figure) -> bool {
    !f.spelled || !matches!(f.key.as_str(), "n:0:" | "n:1:" | "o:1" | "o:0")
}

/// What two figures share when they can be one figure revised: the same
/// kind, and for counts the same unit ("90 days" is not "10 percent").
type Class<'a> = (Kind, Option<&'a str>);

/// A figure's [`Class`].
fn class(f: &Figure) -> Class<'_> {
    let unit = (f.kind == Kind::Count)
        .then(|| f.key.rsplit(':').next())
        .flatten();
    (f.kind, unit)
}

/// The figure changes of one entry (`entry` is its index in the diff).
pub(crate) fn changes(change: &Change, entry: usize) -> Vec<FigureChange> {
    if !matches!(
        change.kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    ) {
        return Vec::new();
    }
    let (old_side, new_side) = sides(change);
    let (old_all, new_all) = (touched(&old_side), touched(&new_side));
    let old = surplus(&old_all, &new_all);
    let new = surplus(&new_all, &old_all);
    let text = |side: &Side, f: &Figure| side.text[f.start..f.end].to_owned();
    let mut out = Vec::new();
    let partners = partners(&old, &new);
    let mut paired_new = vec![false; new.len()];
    let mut left_old = Vec::new();
    for (o, partner) in old.into_iter().zip(partners) {
        match partner {
            Some(k) => {
                paired_new[k] = true;
                let n = &new[k];
                out.push(FigureChange {
                    old: Some(text(&old_side, &o.figure)),
                    new: Some(text(&new_side, &n.figure)),
                    noun: n.figure.noun.clone().or_else(|| o.figure.noun.clone()),
                    entry,
                    routine: change.routine,
                });
            }
            None => left_old.push(o),
        }
    }
    let left_new: Vec<&Touched> = new
        .into_iter()
        .zip(paired_new)
        .filter_map(|(n, paired)| (!paired).then_some(n))
        .collect();
    // A figure with no partner counts only where the other side has no
    // figure of its value at all: a value written once more ("the
    // sixteenth meeting" again) adds nothing.
    for (left, side, is_old, other) in [
        (left_old, &old_side, true, &new_all),
        (left_new, &new_side, false, &old_all),
    ] {
        let values: FxHashSet<&str> = other.iter().map(|o| o.figure.key.as_str()).collect();
        let kept: Vec<&Touched> = left
            .into_iter()
            .filter(|t| stands_alone(&t.figure))
            .filter(|t| !values.contains(t.figure.key.as_str()))
            .collect();
        for (span, noun) in spans(&kept, side) {
            let (old, new) = if is_old {
                (Some(span), None)
            } else {
                (None, Some(span))
            };
            out.push(FigureChange {
                old,
                new,
                noun,
                entry,
                routine: change.routine,
            });
        }
    }
    out
}

/// For each old figure in order, the new figure it was revised into: the
/// first new one not yet taken that is of its class and shares a hunk
/// with it. The new figures are listed by hunk and class, each list read
/// from the first not taken, so that a sentence of thousands of figures
/// costs their number, not its square.
fn partners(old: &[&Touched], new: &[&Touched]) -> Vec<Option<usize>> {
    let mut taken = vec![false; new.len()];
    // (hunk, class) → (the first of the list not known taken, the list).
    let mut by_hunk: FxHashMap<(usize, Class), (usize, Vec<usize>)> = FxHashMap::default();
    for (k, n) in new.iter().enumerate() {
        for &h in &n.hunks {
            by_hunk.entry((h, class(&n.figure))).or_default().1.push(k);
        }
    }
    old.iter()
        .map(|o| {
            let mut partner: Option<usize> = None;
            for &h in &o.hunks {
                if let Some((first, list)) = by_hunk.get_mut(&(h, class(&o.figure))) {
                    while list.get(*first).is_some_and(|&k| taken[k]) {
                        *first += 1;
                    }
                    if let Some(&k) = list.get(*first) {
                        partner = Some(partner.map_or(k, |p| p.min(k)));
                    }
                }
            }
            if let Some(k) = partner {
                taken[k] = true;
            }
            partner
        })
        .collect()
}

/// Figures added or dropped together in one hunk, shown as one span of the
/// text when it is short ("78/7 of 2 November 2023"), else one by one.
fn spans(figures: &[&Touched], side: &Side) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < figures.len() {
        let first = &figures[i].figure;
        let mut j = i + 1;
        while j < figures.len()
            && figures[j].hunks.first() == figures[i].hunks.first()
            && figures[j].figure.end - first.start <= SPAN_MAX
            && side
                .text
                .get(figures[j - 1].figure.end..figures[j].figure.start)
                .is_some_and(|gap| gap.len() <= GAP_MAX && !gap.contains([',', ';', ':']))
        {
            j += 1;
        }
        let last = &figures[j - 1].figure;
        out.push((
            side.text[first.start..last.end].to_owned(),
            last.noun.clone(),
        ));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::word_edits;
    use crate::diff::Sections;

    fn revised(old: &str, new: &str) -> Change {
        Change {
            kind: ChangeKind::Reworded,
            old: Vec::new(),
            new: Vec::new(),
            similarity: 0.9,
            moved: false,
            editorial: Vec::new(),
            renumbered: None,
            edit_kinds: Vec::new(),
            edits: word_edits(old, new),
            commitment_change: None,
            commitment_reasons: Vec::new(),
            section: Sections::default(),
            routine: false,
        }
    }

    fn shown(old: &str, new: &str) -> Vec<String> {
        changes(&revised(old, new), 0)
            .into_iter()
            .map(|f| {
                format!(
                    "{} → {}{}",
                    f.old.as_deref().unwrap_or("—"),
                    f.new.as_deref().unwrap_or("—"),
                    f.noun.map(|n| format!(" {n}")).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn replaced_figures_pair_up() {
        assert_eq!(
            shown(
                "The group grew to 50 members.",
                "The group grew to 68 members."
            ),
            ["50 → 68 members"]
        );
        assert_eq!(
            shown(
                "They mobilize USD 100 billion a year by 2025.",
                "They mobilize USD 300 billion a year by 2035."
            ),
            [
                "USD 100 billion a year → USD 300 billion a year",
                "by 2025 → by 2035"
            ]
        );
        assert_eq!(
            shown("at its seventy-ninth session;", "at its eightieth session;"),
            ["seventy-ninth → eightieth session"]
        );
    }

    #[test]
    fn the_same_value_rewritten_is_no_change() {
        assert!(shown("thirteen States signed.", "13 States signed.").is_empty());
        assert!(
            shown(
                "They met in 2024 and agreed.",
                "In 2024 they met and agreed."
            )
            .is_empty()
        );
    }

    #[test]
    fn added_figures_stand_alone_and_spelled_ones_need_a_partner() {
        assert_eq!(
            shown(
                "Recalling 77/7 of 3 November 2022 and its decision,",
                "Recalling 77/7 of 3 November 2022 and 78/7 of 2 November 2023 and its decision,"
            ),
            ["— → 78/7 of 2 November 2023"]
        );
        assert!(shown("We met one of them.", "We met them.").is_empty());
        assert_eq!(
            shown("They act for 90 days, and report.", "They act, and report."),
            ["90 days → —"]
        );
    }

    /// The quadratic readings the indexed ones replaced, as they were.
    mod naive {
        use super::super::*;

        pub(super) fn hunks(side: &Side, start: usize, end: usize) -> Vec<usize> {
            let mut out: Vec<usize> = side
                .changed
                .iter()
                .filter(|&&(s, e, _)| s < end && start < e)
                .map(|&(_, _, h)| h)
                .collect();
            out.dedup();
            out
        }

        pub(super) fn surplus<'a>(side: &'a [Touched], other: &[Touched]) -> Vec<&'a Touched> {
            let count =
                |list: &[Touched], key: &str| list.iter().filter(|t| t.figure.key == key).count();
            let mut left: Vec<(&str, usize)> = Vec::new();
            for t in side {
                if !left.iter().any(|(k, _)| *k == t.figure.key) {
                    let extra =
                        count(side, &t.figure.key).saturating_sub(count(other, &t.figure.key));
                    left.push((&t.figure.key, extra));
                }
            }
            let mut out = Vec::new();
            for t in side {
                if t.hunks.is_empty() {
                    continue;
                }
                if let Some((_, extra)) = left.iter_mut().find(|(k, _)| *k == t.figure.key)
                    && *extra > 0
                {
                    *extra -= 1;
                    out.push(t);
                }
            }
            out
        }

        pub(super) fn partners(old: &[&Touched], new: &[&Touched]) -> Vec<Option<usize>> {
            let comparable = |a: &Figure, b: &Figure| {
                let unit = |f: &Figure| f.key.rsplit(':').next().map(str::to_owned);
                a.kind == b.kind && (a.kind != Kind::Count || unit(a) == unit(b))
            };
            let mut paired = vec![false; new.len()];
            old.iter()
                .map(|o| {
                    let k = new.iter().enumerate().position(|(k, n)| {
                        !paired[k]
                            && comparable(&o.figure, &n.figure)
                            && n.hunks.iter().any(|h| o.hunks.contains(h))
                    })?;
                    paired[k] = true;
                    Some(k)
                })
                .collect()
        }
    }

    /// A made-up figure: a kind, a value and a unit from small ranges, so
    /// that keys and classes repeat, and sorted hunks.
    fn figure_strategy() -> impl proptest::strategy::Strategy<Value = Touched> {
        use proptest::prelude::*;
        (
            0..4u8,
            0..4u8,
            0..3u8,
            proptest::collection::btree_set(0..6usize, 0..3),
        )
            .prop_map(|(kind, value, unit, hunks)| {
                let kind = [Kind::Count, Kind::Ordinal, Kind::Date, Kind::Symbol][kind as usize];
                Touched {
                    figure: Figure {
                        kind,
                        key: format!("n:{value}:u{unit}"),
                        start: 0,
                        end: 0,
                        spelled: false,
                        noun: None,
                    },
                    hunks: hunks.into_iter().collect(),
                }
            })
    }

    proptest::proptest! {
        #[test]
        fn indexed_figure_readings_match_the_quadratic_ones(
            old in proptest::collection::vec(figure_strategy(), 0..24),
            new in proptest::collection::vec(figure_strategy(), 0..24),
            ranges in proptest::collection::vec((0..3usize, 1..4usize, 0..3usize), 0..12),
            probes in proptest::collection::vec((0..40usize, 0..6usize), 1..8),
        ) {
            let (o, n): (Vec<&Touched>, Vec<&Touched>) = (old.iter().collect(), new.iter().collect());
            proptest::prop_assert_eq!(partners(&o, &n), naive::partners(&o, &n));
            let as_keys = |v: Vec<&Touched>| v.iter().map(|t| std::ptr::from_ref(*t)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(as_keys(surplus(&old, &new)), as_keys(naive::surplus(&old, &new)));
            proptest::prop_assert_eq!(as_keys(surplus(&new, &old)), as_keys(naive::surplus(&new, &old)));
            // Changed ranges one after another, as `sides` builds them.
            let mut side = Side { text: String::new(), changed: Vec::new() };
            let mut at = 0;
            for (gap, len, hunk) in ranges {
                let start = at + gap;
                side.changed.push((start, start + len, hunk));
                at = start + len;
            }
            for (start, len) in probes {
                proptest::prop_assert_eq!(
                    side.hunks(start, start + len),
                    naive::hunks(&side, start, start + len)
                );
            }
        }
    }
}
