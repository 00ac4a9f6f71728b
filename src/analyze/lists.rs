//! Lists: a lead-in that commits ("… and commit to:", "Requests the
//! Secretary-General:") passes its actor and level to the items that follow
//! it, across a sub-heading, until the list ends. Items with a commitment
//! clause of their own keep it.

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
#[derive(Clone, Copy, PartialEq, Eq)]
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
pub fn inherit(units: &[Unit], clauses: &mut [Vec<Commitment>]) {
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
        let lead_kind = kind(lead.label);
        let mut j = i + 1;
        while j < units.len() {
            let u = &units[j];
            if !u.opens_paragraph || is_heading(u) {
                j += 1;
                continue;
            }
            if !is_item(u, lead_kind) {
                break;
            }
            if clauses[j].is_empty() {
                clauses[j].push(Commitment {
                    deadlines: deadlines_of(u.text),
                    clause: u.text.to_owned(),
                    inherited: true,
                    ..carried.clone()
                });
            }
            j += 1;
        }
        i += 1;
    }
}

/// The commitment clauses of every sentence of a statement, list items
/// inheriting their lead-in's: a plain function over the sentences in
/// reading order.
pub fn read_statement(units: &[Unit], lexicon: &super::lexicon::Lexicon) -> Vec<Vec<Commitment>> {
    let mut clauses: Vec<Vec<Commitment>> = units
        .iter()
        .map(|u| super::commitment::clauses(u.text, lexicon))
        .collect();
    inherit(units, &mut clauses);
    clauses
}
