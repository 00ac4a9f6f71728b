//! The word-level redline of a revised sentence, and the kinds of edit in it.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::diff::{Edit, EditKind, EditOp};
use crate::normalize::key::{Editorial, Folding, MONTHS, editorial, editorial_key, is_punctuation};

/// Splits text into diff tokens: runs of letters and digits, runs of
/// whitespace, and single other characters, so that "change," and "change"
/// share the word and differ only in the comma.
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        let joins = last == Some(k) && k != Class::Other;
        if !joins && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The most tokens (both sides together, after their common start and end)
/// diffed token by token: a diff's time grows with the product of the lengths
/// where they differ, and a real sentence has a few hundred tokens. Past it,
/// the differing middle is shown as deleted and inserted whole.
const DIFF_TOKENS: usize = 20_000;

/// The diff of two token lists, or, past [`DIFF_TOKENS`], their common start
/// and end around one replacement of the middle.
fn diff_ops(a: &[&str], b: &[&str]) -> Vec<DiffOp> {
    if a.len() + b.len() <= DIFF_TOKENS {
        return capture_diff_slices(Algorithm::Myers, a, b);
    }
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (a.len() - head - tail, b.len() - head - tail);
    if a_mid + b_mid <= DIFF_TOKENS {
        return capture_diff_slices(Algorithm::Myers, a, b);
    }
    let mut ops = Vec::new();
    if head > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: head,
        });
    }
    ops.push(DiffOp::Replace {
        old_index: head,
        old_len: a_mid,
        new_index: head,
        new_len: b_mid,
    });
    if tail > 0 {
        ops.push(DiffOp::Equal {
            old_index: head + a_mid,
            new_index: head + b_mid,
            len: tail,
        });
    }
    ops
}

/// The edit script from `old` to `new`: runs of equal, deleted and inserted
/// text. Equal and deleted runs concatenate to `old`; equal and inserted
/// runs to `new`.
pub fn word_edits(old: &str, new: &str) -> Vec<Edit> {
    let a = tokens(old);
    let b = tokens(new);
    let mut out: Vec<Edit> = Vec::new();
    let mut push = |op: EditOp, parts: &[&str]| {
        if parts.is_empty() {
            return;
        }
        let text: String = parts.concat();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => out.push(Edit { op, text }),
        }
    };
    for op in diff_ops(&a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                // A lone space kept between a deletion and an insertion reads
                // better inside the change.
                push(EditOp::Equal, &a[old_index..old_index + len]);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(EditOp::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(EditOp::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(EditOp::Delete, &a[old_index..old_index + old_len]);
                push(EditOp::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    absorb_lone_spaces(out)
}

/// One step of a script while it is being tidied: kept text, or a change.
enum Step {
    Keep(String),
    Change { del: String, ins: String },
}

/// Folds an equal run that is only whitespace, standing between two changes,
/// into them: "[-a-] [-b-]{+x y+}" reads better as "[-a b-]{+x y+}". The
/// space joins a side only where that side has text on both of its ends, so
/// both texts stay intact; where a side would lose it, the space stays.
fn absorb_lone_spaces(edits: Vec<Edit>) -> Vec<Edit> {
    let mut steps: Vec<Step> = Vec::new();
    for e in edits {
        match (e.op, steps.last_mut()) {
            (EditOp::Equal, _) => steps.push(Step::Keep(e.text)),
            (EditOp::Delete, Some(Step::Change { del, .. })) => del.push_str(&e.text),
            (EditOp::Insert, Some(Step::Change { ins, .. })) => ins.push_str(&e.text),
            (EditOp::Delete, _) => steps.push(Step::Change {
                del: e.text,
                ins: String::new(),
            }),
            (EditOp::Insert, _) => steps.push(Step::Change {
                del: String::new(),
                ins: e.text,
            }),
        }
    }
    let mut merged: Vec<Step> = Vec::with_capacity(steps.len());
    let mut iter = steps.into_iter().peekable();
    while let Some(step) = iter.next() {
        if let Step::Keep(space) = &step
            && space.chars().all(char::is_whitespace)
            && let Some(Step::Change { del: d1, ins: i1 }) = merged.last()
            && let Some(Step::Change { del: d2, ins: i2 }) = iter.peek()
            // A change of case or spelling alone stays apart: joined to a
            // replaced word, "armed" → "Armed" would read as a word replaced.
            && !is_editorial_change(d1, i1)
            && !is_editorial_change(d2, i2)
        {
            let del = join_runs(d1, space, d2);
            let ins = join_runs(i1, space, i2);
            if !del.is_empty() && !ins.is_empty() {
                iter.next();
                merged.pop();
                merged.push(Step::Change { del, ins });
                continue;
            }
        }
        merged.push(step);
    }
    let mut out = Vec::new();
    for step in merged {
        match step {
            Step::Keep(text) => out.push(Edit {
                op: EditOp::Equal,
                text,
            }),
            Step::Change { del, ins } => {
                for (op, text) in [(EditOp::Delete, del), (EditOp::Insert, ins)] {
                    if !text.is_empty() {
                        out.push(Edit { op, text });
                    }
                }
            }
        }
    }
    out
}

/// Whether a change only changes the case of its words ("armed" →
/// "Armed"): case is folded in comparison keys, so it is editorial.
fn is_case_change(deleted: &str, inserted: &str) -> bool {
    let has_words = |s: &str| s.chars().any(char::is_alphanumeric);
    has_words(deleted) && has_words(inserted) && deleted.to_lowercase() == inserted.to_lowercase()
}

/// Whether a change of words is editorial: the same words but for case or
/// spelling ("Recognised" → "recognized"), as the default keys fold them.
fn is_editorial_change(deleted: &str, inserted: &str) -> bool {
    is_case_change(deleted, inserted)
        || (deleted.chars().any(char::is_alphanumeric)
            && editorial_key(deleted, Folding::default())
                == editorial_key(inserted, Folding::default()))
}

/// Joins two runs of one side across the space that separated them; empty
/// when the side has neither run (then the space cannot go to it).
fn join_runs(before: &str, space: &str, after: &str) -> String {
    match (before.is_empty(), after.is_empty()) {
        (true, true) => String::new(),
        (false, false) => format!("{before}{space}{after}"),
        (false, true) => format!("{before}{space}"),
        (true, false) => format!("{space}{after}"),
    }
}

/// The kinds of edit in an edit script.
pub fn edit_kinds(edits: &[Edit]) -> Vec<EditKind> {
    let mut kinds = Vec::new();
    let mut i = 0;
    while i < edits.len() {
        if edits[i].op == EditOp::Equal {
            i += 1;
            continue;
        }
        let mut deleted = String::new();
        let mut inserted = String::new();
        while i < edits.len() && edits[i].op != EditOp::Equal {
            match edits[i].op {
                EditOp::Delete => deleted.push_str(&edits[i].text),
                _ => inserted.push_str(&edits[i].text),
            }
            i += 1;
        }
        let has_words = |s: &str| s.chars().any(char::is_alphanumeric);
        let kind = match (has_words(&deleted), has_words(&inserted)) {
            // Case is folded in comparison keys: a change of case alone is
            // editorial, not a word replaced.
            (true, true) if is_case_change(&deleted, &inserted) => EditKind::CaseChanged,
            (true, true) if is_editorial_change(&deleted, &inserted) => EditKind::SpellingChanged,
            (true, true) if is_number_change(&deleted, &inserted) => EditKind::NumberChanged,
            (true, true) if is_pronoun_change(&deleted, &inserted) => EditKind::PronounChanged,
            (true, true) => EditKind::WordsReplaced,
            (true, false) => EditKind::WordsDeleted,
            (false, true) => EditKind::WordsInserted,
            // A comma added or a semicolon for a full stop; spaces alone are
            // no edit, and square brackets are a draft's disputed text
            // (the check's bracket rules), not punctuation.
            (false, false) if is_punctuation_change(&deleted, &inserted) => {
                EditKind::PunctuationChanged
            }
            (false, false) => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.sort();
    kinds
}

/// The editorial differences of a revision whose every change is
/// editorial under `folding` — punctuation alone (no bracket), or words
/// whose editorial keys are equal (case, spelling); `None` when any change
/// is more, or there is none. Such a revision is the same sentence (issue
/// 19: a comma added, or "programme" for "program", is shown but is no
/// rewording of substance). Spelling is decided here rather than in the
/// comparison keys (see [`editorial_key`]).
pub fn editorial_only(edits: &[Edit], folding: Folding) -> Option<Vec<Editorial>> {
    let mut kinds = Vec::new();
    let mut punctuation = false;
    let mut i = 0;
    while i < edits.len() {
        if edits[i].op == EditOp::Equal {
            i += 1;
            continue;
        }
        let (mut deleted, mut inserted) = (String::new(), String::new());
        while i < edits.len() && edits[i].op != EditOp::Equal {
            match edits[i].op {
                EditOp::Delete => deleted.push_str(&edits[i].text),
                _ => inserted.push_str(&edits[i].text),
            }
            i += 1;
        }
        // Brackets mark a draft's disputed text: never editorial.
        if deleted.contains(['[', ']']) || inserted.contains(['[', ']']) {
            return None;
        }
        // The words must be the same under the folding ("armed," and
        // "Armed" are), the rest punctuation and spaces.
        let words = |s: &str| {
            let k = editorial_key(s, folding);
            significant_words(&k).map(str::to_owned).collect::<Vec<_>>()
        };
        if words(&deleted) != words(&inserted) {
            return None;
        }
        let marks = |s: &str| -> String { s.chars().filter(|&c| is_punctuation(c)).collect() };
        if marks(&deleted) != marks(&inserted) {
            if !folding.punctuation {
                return None;
            }
            punctuation = true;
        } else if editorial_key(&deleted, folding) != editorial_key(&inserted, folding) {
            // No punctuation changed here, and what did (a quote, a dash)
            // counts under this folding.
            return None;
        }
        let plain = |s: &str| significant_words(s).collect::<Vec<_>>().join(" ");
        for kind in editorial(&plain(&deleted), &plain(&inserted), folding) {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    if punctuation {
        kinds.push(Editorial::Punctuation);
    }
    if kinds.is_empty() {
        return None;
    }
    kinds.sort();
    Some(kinds)
}

/// Whether a run with no word in it changes punctuation: not spaces
/// alone, and no square bracket.
fn is_punctuation_change(deleted: &str, inserted: &str) -> bool {
    let changed = || deleted.chars().chain(inserted.chars());
    changed().any(|c| !c.is_whitespace()) && !changed().any(|c| c == '[' || c == ']')
}

fn is_number_or_date(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || MONTHS.contains(&word.to_lowercase().as_str())
}

fn significant_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A replacement where both sides are numbers or dates ("93" → "94",
/// "9 October 2023" → "1 November 2024", "seven" → "eight").
fn is_number_change(deleted: &str, inserted: &str) -> bool {
    const SPELLED: [&str; 13] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "hundred",
    ];
    let numeric = |s: &str| {
        significant_words(s)
            .all(|w| is_number_or_date(w) || SPELLED.contains(&w.to_lowercase().as_str()))
    };
    numeric(deleted) && numeric(inserted)
}

/// A replacement of pronouns by pronouns of another person ("they" → "we").
fn is_pronoun_change(deleted: &str, inserted: &str) -> bool {
    const PRONOUNS: [&str; 18] = [
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "i",
        "me",
        "my",
        "it",
        "its",
        "you",
        "your",
        "itself",
    ];
    let all = |s: &str| significant_words(s).all(|w| PRONOUNS.contains(&w.to_lowercase().as_str()));
    all(deleted) && all(inserted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(edits: &[Edit], skip: EditOp) -> String {
        edits
            .iter()
            .filter(|e| e.op != skip)
            .map(|e| e.text.as_str())
            .collect()
    }

    #[test]
    fn script_rebuilds_both_sides() {
        let old = "Requests the Secretary-General to render the necessary assistance;";
        let new = "Expresses its gratitude to the Secretary-General for the assistance, and requests him to render the necessary assistance;";
        let e = word_edits(old, new);
        assert_eq!(rebuild(&e, EditOp::Insert), old);
        assert_eq!(rebuild(&e, EditOp::Delete), new);
    }

    /// Issue 16: two 200,000-word sentences took 16 s, most of it here. Past
    /// the token limit the differing middle is replaced whole, and the script
    /// still rebuilds both sides.
    #[test]
    fn very_long_sentences_keep_their_ends_and_replace_the_middle() {
        let words = |seed: usize| -> String {
            (0..30_000)
                .map(|i| format!("w{}", (i * 7 + seed * 13 + i / 7 * seed) % 97))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let old = format!("The Ministers met. {} They agreed.", words(1));
        let new = format!("The Ministers met. {} They agreed.", words(2));
        let e = word_edits(&old, &new);
        assert_eq!(rebuild(&e, EditOp::Insert), old);
        assert_eq!(rebuild(&e, EditOp::Delete), new);
        let ops: Vec<EditOp> = e.iter().map(|e| e.op).collect();
        assert_eq!(
            ops,
            [EditOp::Equal, EditOp::Delete, EditOp::Insert, EditOp::Equal]
        );
        assert_eq!(e[0].text, "The Ministers met. ");
        assert_eq!(e[3].text, " They agreed.");
    }

    #[test]
    fn kinds() {
        let k = |a: &str, b: &str| edit_kinds(&word_edits(a, b));
        assert_eq!(
            k("as at 9 October 2023;", "as at 1 November 2024;"),
            [EditKind::NumberChanged]
        );
        assert_eq!(
            k(
                "Together they remain united in their outrage.",
                "Together we remain united in our outrage."
            ),
            [EditKind::PronounChanged]
        );
        assert_eq!(
            k("We will act.", "We will act swiftly."),
            [EditKind::WordsInserted]
        );
        assert_eq!(
            k("We will act swiftly.", "We will act."),
            [EditKind::WordsDeleted]
        );
        assert_eq!(k("We will act.", "We may act."), [EditKind::WordsReplaced]);
        // Case alone is editorial (issue 19): "armed" → "Armed" is no
        // word replaced, beside a real insertion.
        assert_eq!(
            k(
                "attacks by armed groups on civilians.",
                "attacks by Armed groups on civilians and schools."
            ),
            [EditKind::CaseChanged, EditKind::WordsInserted]
        );
        // Beside a replaced word, a change of case stays a change of case
        // (issue 19: "armed" → "Armed" read as a word replaced when the
        // next word was replaced too).
        assert_eq!(
            k("the armed groups", "The Armed Forces"),
            [EditKind::CaseChanged, EditKind::WordsReplaced]
        );
        let e = word_edits("by armed groups", "by Armed militias");
        let shown: Vec<(EditOp, &str)> = e.iter().map(|e| (e.op, e.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (EditOp::Equal, "by "),
                (EditOp::Delete, "armed"),
                (EditOp::Insert, "Armed"),
                (EditOp::Equal, " "),
                (EditOp::Delete, "groups"),
                (EditOp::Insert, "militias"),
            ]
        );
        assert_eq!(
            k("We, the Ministers met.", "We, the Ministers, met."),
            [EditKind::PunctuationChanged]
        );
        assert_eq!(
            k(
                "We recognise the centre.",
                "We recognize the centre and its staff."
            ),
            [EditKind::SpellingChanged, EditKind::WordsInserted]
        );
        // Brackets dropped from agreed text are no punctuation change.
        assert_eq!(
            k("support [the settlement].", "support the settlement."),
            []
        );
    }

    #[test]
    fn punctuation_alone_is_editorial() {
        let f = Folding::default();
        let only = |a: &str, b: &str| editorial_only(&word_edits(a, b), f);
        assert_eq!(
            only("We, the Ministers met.", "We, the Ministers, met."),
            Some(vec![Editorial::Punctuation])
        );
        assert_eq!(
            only(
                "attacks by armed groups, on civilians",
                "attacks by Armed groups on civilians"
            ),
            Some(vec![Editorial::Case, Editorial::Punctuation])
        );
        assert_eq!(
            only("the centre; its programme", "the center, its program"),
            Some(vec![Editorial::Spelling, Editorial::Punctuation])
        );
        // A word changed, brackets dropped, or no punctuation at all.
        assert_eq!(
            only("We, the Ministers met.", "We, the Ministers, meet."),
            None
        );
        assert_eq!(
            only("support [the settlement].", "support the settlement."),
            None
        );
        assert_eq!(
            only("support [the settlement].", "support the settlement,"),
            None
        );
        assert_eq!(only("We met.", "We  met."), None);
        // A quote or a dash is no punctuation: counted, it is a change.
        let quotes = f.without(Editorial::Quotes);
        assert_eq!(
            editorial_only(
                &word_edits("the Coalition’s aim", "the Coalition's aim,"),
                quotes
            ),
            None
        );
        // Counted when asked: `--count punctuation`.
        let counted = f.without(Editorial::Punctuation);
        assert_eq!(
            editorial_only(&word_edits("We met", "We met,"), counted),
            None
        );
    }

    #[test]
    fn lone_spaces_join_neighbouring_changes() {
        let e = word_edits("a b c d", "a x y d");
        let shown: Vec<(EditOp, &str)> = e.iter().map(|e| (e.op, e.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (EditOp::Equal, "a "),
                (EditOp::Delete, "b c"),
                (EditOp::Insert, "x y"),
                (EditOp::Equal, " d")
            ]
        );
    }

    #[test]
    fn tokens_keep_every_byte() {
        let t = "Daesh/ISIS’s 2.5 million — «ok»";
        assert_eq!(tokens(t).concat(), t);
    }
}
