//! Which paragraphs are section headings.
//!
//! A source may say so itself (a Markdown `#` line, an HTML `<h2>`, a Word
//! heading style): the importer marks those, and they are headings. Plain
//! text says it by shape alone, so a paragraph is read as a heading when
//! all of these hold:
//!
//! - it is one short line (at most [`MAX_WORDS`] words) that the segmenter
//!   does not split, and it ends without punctuation (no `.`, `,`, `;`,
//!   `:`, `?`, `!`) and without a word that leaves it hanging ("of",
//!   "the", "and");
//! - it opens with a capital letter or a digit, after a section number if
//!   it has one ("I. Introduction", "A. Maritime security", "2. Scope"); a
//!   bullet or an enclosed label ("-", "(a)") makes it a list item instead;
//! - a paragraph follows it that is text (it ends with punctuation) or
//!   another heading, and the one before it ends a sentence: after "The
//!   General Assembly," or "… commit to:" a short line continues a
//!   preamble or a list rather than opening a section, and a line followed
//!   by a bare date ("42nd plenary meeting" / "4 December 2023") is a
//!   closing formula;
//! - it is not the first paragraph, unless the body has other headings: a
//!   lone short line at the top is the statement's title ("78/35. Treaty
//!   on the Prohibition of Nuclear Weapons"), which stays a sentence.
//!
//! All-capitals lines ("HEALTH", "ECONOMIC RECOVERY AND JOBS") pass the same
//! test; their case is no evidence on its own, since a sentence may shout.

use crate::normalize::label::{self as labels, Form};
use crate::normalize::{dangling, ends_with_terminal};

/// The most words a plain-text heading has.
pub const MAX_WORDS: usize = 20;

/// Which of a body's normalized paragraphs are section headings: those
/// `marked` by the source, and those whose shape says so (the module's
/// rules). `marked` may be shorter than `paragraphs` (missing: not marked).
pub fn headings(paragraphs: &[String], marked: &[bool]) -> Vec<bool> {
    let is_marked = |i: usize| marked.get(i).copied().unwrap_or(false);
    let mut found = vec![false; paragraphs.len()];
    // From the end: whether a heading's next paragraph is one is known
    // when the heading is judged.
    for i in (0..paragraphs.len()).rev() {
        // The paragraph's own shape first: it rules out nearly every
        // paragraph of text at the cost of a look at its last character.
        found[i] = is_marked(i)
            || (i + 1 < paragraphs.len()
                && looks_like_heading(&paragraphs[i])
                && (found[i + 1] || ends_with_terminal(&paragraphs[i + 1]))
                && i.checked_sub(1)
                    .is_none_or(|p| ends_sentence(&paragraphs[p])));
    }
    // A shape-read heading at the top needs company to be a section's.
    if found.first() == Some(&true) && !is_marked(0) && !found.iter().skip(1).any(|&h| h) {
        found[0] = false;
    }
    found
}

/// Whether the paragraph before a heading ends as a sentence or a heading
/// does: not with a comma, semicolon or colon, nor on a hanging word.
fn ends_sentence(paragraph: &str) -> bool {
    let end = paragraph.trim_end();
    let open = [',', ';', ':', '，', '；', '：'];
    let trimmed = end.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    !trimmed.ends_with(open) && !dangling(end)
}

/// Whether one paragraph, on its own, reads as a heading.
fn looks_like_heading(paragraph: &str) -> bool {
    let text = paragraph.trim();
    if text.is_empty() || ends_with_terminal(text) || dangling(text) {
        return false;
    }
    let body = match labels::parse(text, 0) {
        Some(label) if matches!(label.form, Form::Dot | Form::Other) => text[label.end..].trim(),
        Some(_) => return false,
        None => after_roman_number(text),
    };
    let opens = body
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    opens
        && body.split_whitespace().count() <= MAX_WORDS
        && body.chars().any(char::is_alphabetic)
        && super::split(body).len() == 1
}

/// `text` past a leading upper-case Roman section number ("II. Scope" →
/// "Scope"), which is no paragraph label (those are lower-case or one
/// letter) and so stays in the heading's text.
fn after_roman_number(text: &str) -> &str {
    let numeral = text.bytes().take_while(|c| b"IVXLC".contains(c)).count();
    match text.get(numeral..) {
        Some(rest) if (1..=6).contains(&numeral) && rest.starts_with(". ") => rest[2..].trim(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(paragraphs: &[&str]) -> Vec<String> {
        let owned: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let marks = headings(&owned, &[]);
        owned
            .into_iter()
            .zip(marks)
            .filter_map(|(p, h)| h.then_some(p))
            .collect()
    }

    #[test]
    fn communique_sections() {
        assert_eq!(
            found(&[
                "Preamble",
                "We, the Leaders of the Group of Seven, met.",
                "MARITIME SECURITY",
                "We support freedom of navigation.",
                "II. Indo-Pacific",
                "We stand together.",
                "A. Maritime security",
                "We act.",
            ]),
            [
                "Preamble",
                "MARITIME SECURITY",
                "II. Indo-Pacific",
                "A. Maritime security"
            ]
        );
    }

    #[test]
    fn resolutions_have_a_title_and_no_headings() {
        assert!(
            found(&[
                "78/35. Treaty on the Prohibition of Nuclear Weapons",
                "The General Assembly,",
                "Having received the report of the Agency for 2022",
                "Recalling its resolutions,",
                "1. Welcomes the entry into force of the Treaty;",
                "42nd plenary meeting 4 December 2023",
            ])
            .is_empty()
        );
        // As a PDF gives it, the closing line cut in two.
        assert!(
            found(&[
                "78/35. Treaty on the Prohibition of Nuclear Weapons",
                "The General Assembly,",
                "1. Decides to include the item.",
                "42nd plenary meeting",
                "4 December 2023",
            ])
            .is_empty()
        );
        assert!(
            found(&[
                "Treaty on the Prohibition of Nuclear Weapons",
                "The General Assembly,",
                "1. Decides."
            ])
            .is_empty()
        );
    }

    #[test]
    fn list_items_and_lead_ins_are_not_headings() {
        assert!(
            found(&[
                "We commit to:",
                "Working together",
                "- launch the initiative",
                "- G7 Statement on Ukraine",
                "(a) Outreach",
                "Support for the",
                "The Ministers met in Rome. They agreed",
                "Done.",
            ])
            .is_empty()
        );
    }

    #[test]
    fn marked_headings_stay_headings() {
        let paragraphs = vec!["Title".to_owned(), "Body.".to_owned()];
        assert_eq!(headings(&paragraphs, &[true]), [true, false]);
        assert_eq!(headings(&paragraphs, &[]), [false, false]);
    }
}
