//! Lists: a lead-in that commits ("… and commit to:", "Requests the
//! Secretary-General:") passes its actor and level to the items that follow
//! it, across a sub-heading, until the list ends. Items with a commitment
//! clause of their own keep it.

use std::sync::Arc;

use super::commitment::deadlines_of;
use crate::diff::Commitment;

/// One sentence of a statement as the list reading sees it.
#[derive(Clone, Copy, Debug)]
pub struct Unit<'a> {
    /// The paragraph label, if any ("1.", "(a)", "-").
    pub label: Option<&'a str>,
    /// The sentence text, without its label.
    pub text: &'a str,
    /// Whether the sentence opens its paragraph.
    pub opens_paragraph: bool,
}

/// What kind of label a paragraph has: items carry a kind other than
/// their lead-in's ("30." then "(a)"), and the next label of the lead-in's
/// kind ends the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelKind {
    None,
    Number,
    Parenthesized,
    Bullet,
    Other,
}

fn kind(label: Option<&str>) -> LabelKind {
    match label.and_then(|l| l.chars().next()) {
        None => LabelKind::None,
        Some(c) if c.is_ascii_digit() => LabelKind::Number,
        Some('(') => LabelKind::Parenthesized,
        Some('-' | '•' | '*' | '–' | '—' | '·' | '▪') => LabelKind::Bullet,
        Some(_) => LabelKind::Other,
    }
}

/// A sub-heading inside a list: a short unlabelled line without closing
/// punctuation.
fn is_heading(u: &Unit) -> bool {
    let t = u.text.trim_end();
    u.label.is_none()
        && u.opens_paragraph
        && !t.ends_with(['.', ';', ':', '!', '?', ','])
        && t.split_whitespace().count() <= 12
}

/// Whether `u` reads as an item of a list whose lead-in has labels of
/// kind `lead`: a label of another kind, or, unlabelled, an item that
/// continues the lead-in's sentence ("preventing …", "to …", lower case).
fn is_item(u: &Unit, lead: LabelKind) -> bool {
    let k = kind(u.label);
    if k != LabelKind::None {
        return k != lead;
    }
    let first = u.text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    first.chars().next().is_some_and(char::is_lowercase)
        || (lower.ends_with("ing") && lower.len() > 4)
        || lower == "to"
}

/// Gives each list item without a clause of its own the clause of its
/// lead-in, marked `inherited`. `clauses[i]` holds the clauses of
/// `units[i]`, read sentence by sentence.
pub fn inherit(units: &[Unit], clauses: &mut [Arc<[Commitment]>]) {
    // The label of each sentence's paragraph: a lead-in that is not the
    // first sentence of "12." is still in a paragraph labelled "12.".
    let mut paragraph_labels = Vec::with_capacity(units.len());
    let mut current = None;
    for u in units {
        if u.opens_paragraph {
            current = u.label;
        }
        paragraph_labels.push(current);
    }
    let mut i = 0;
    while i < units.len() {
        let lead = &units[i];
        let Some(carried) = clauses[i]
            .last()
            .filter(|_| lead.text.trim_end().ends_with(':'))
            .cloned()
        else {
            i += 1;
            continue;
        };
        let lead_kind = kind(paragraph_labels[i]);
        // Every item of a list is labelled alike ("a.", "b." …).
        let mut item_kind = None;
        let mut j = i + 1;
        while j < units.len() {
            let u = &units[j];
            if !u.opens_paragraph || is_heading(u) {
                j += 1;
                continue;
            }
            if !is_item(u, lead_kind) || item_kind.is_some_and(|k| k != kind(u.label)) {
                break;
            }
            item_kind = Some(kind(u.label));
            // An item with a verb of its own ("In our homes, we recognise
            // …") keeps its own reading.
            let own_subject = u
                .text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "we" | "We" | "they" | "They"));
            if clauses[j].is_empty() && !own_subject {
                clauses[j] = Arc::new([Commitment {
                    deadlines: deadlines_of(u.text),
                    clause: u.text.to_owned(),
                    inherited: true,
                    ..carried.clone()
                }]);
            }
            j += 1;
        }
        i += 1;
    }
}

/// The commitment clauses of every sentence of a statement, list items
/// inheriting their lead-in's: a plain function over the sentences in
/// reading order.
pub fn read_statement(units: &[Unit], lexicon: &super::lexicon::Lexicon) -> Vec<Arc<[Commitment]>> {
    let mut clauses: Vec<Arc<[Commitment]>> = units
        .iter()
        .map(|u| super::commitment::clauses(u.text, lexicon).into())
        .collect();
    inherit(units, &mut clauses);
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::lexicon::Lexicon;
    use crate::diff::Strength;

    /// Units from `(label, text, opens_paragraph)`.
    fn read(units: &[(Option<&str>, &str, bool)]) -> Vec<Arc<[Commitment]>> {
        let units: Vec<Unit> = units
            .iter()
            .map(|&(label, text, opens_paragraph)| Unit {
                label,
                text,
                opens_paragraph,
            })
            .collect();
        read_statement(&units, &Lexicon::builtin())
    }

    #[test]
    fn items_inherit_a_committing_lead_in() {
        let found = read(&[
            (
                None,
                "To advance these interests, we are partnering to counter the misuse of commercial spyware and commit to:",
                true,
            ),
            (
                Some("-"),
                "preventing the export of software, technology, and equipment to end-users who are likely to use them for malicious cyber activity;",
                true,
            ),
            (
                Some("-"),
                "robust information sharing on commercial spyware proliferation and misuse;",
                true,
            ),
            (None, "We thank the partners who joined us today.", true),
        ]);
        for item in &found[1..3] {
            assert_eq!(item.len(), 1, "{item:?}");
            assert_eq!(item[0].strength, Strength::Strong);
            assert!(item[0].inherited);
            assert_eq!(item[0].actor.as_deref(), Some("we"));
        }
        assert!(found[3].is_empty(), "the list ended: {:?}", found[3]);
    }

    #[test]
    fn gerund_items_inherit_across_a_sub_heading() {
        let found = read(&[
            (
                None,
                "The partners are jointly committed to the following actions:",
                true,
            ),
            (None, "Digital infrastructure", true),
            (
                None,
                "Building a shared platform to exchange threat information.",
                true,
            ),
            (None, "Supply chains", true),
            (
                None,
                "Mapping the supply chains of critical minerals by 2027.",
                true,
            ),
        ]);
        assert!(found[1].is_empty() && found[3].is_empty(), "{found:?}");
        for i in [2, 4] {
            assert_eq!(found[i].len(), 1, "{found:?}");
            assert_eq!(found[i][0].strength, Strength::Strong);
        }
        assert_eq!(found[4][0].deadlines, ["by 2027"]);
    }

    #[test]
    fn un_sub_paragraphs_inherit_until_the_next_operative_paragraph() {
        let found = read(&[
            (
                Some("30."),
                "Calls upon the Islamic Republic of Iran to deepen its engagement with international human rights mechanisms by:",
                true,
            ),
            (
                Some("(a)"),
                "Cooperating fully with the Special Rapporteur;",
                true,
            ),
            (
                Some("(b)"),
                "Increasing cooperation with other special procedures;",
                true,
            ),
            (
                Some("31."),
                "Notes the holding of elections in the Islamic Republic of Iran;",
                true,
            ),
        ]);
        assert_eq!(found[1][0].strength, Strength::Moderate);
        assert_eq!(found[2][0].strength, Strength::Moderate);
        assert!(found[3].is_empty());
    }

    #[test]
    fn a_lead_in_that_does_not_commit_passes_nothing() {
        let found = read(&[
            (None, "We are taking concrete steps to:", true),
            (Some("-"), "strengthen our economies;", true),
        ]);
        assert!(found[1].is_empty(), "{found:?}");
    }
}
