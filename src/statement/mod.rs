//! The statement model: what every other stage reads and writes.
//!
//! A [`Statement`] is metadata plus paragraphs of sentences. Paragraph labels
//! ("1.", "(a)", "OP3.") are held apart from the sentence text because UN
//! resolutions renumber every paragraph after an insertion, and renumbering
//! alone must not look like a rewording. The on-disk form, the *sentence
//! file*, is read and written by [`file`](mod@file) and nowhere else.

pub mod file;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::normalize::controls;

pub use crate::normalize::label::split_label;
pub use file::{ParseError, read_sentence_file, write_sentence_file};

/// The most bytes one statement may be, wherever it is read from: a file,
/// standard input, the working tree or the store's own objects. A git blob
/// is zlib-compressed, so a clone of a megabyte can hold a statement of
/// gigabytes; its size is checked before it is inflated.
pub const MAX_STATEMENT_BYTES: u64 = 64 << 20;

/// The most sentences one statement may hold, however it is read. The
/// byte ceiling alone does not bound the work: 64 MiB of "Ab. " is sixteen
/// million sentences, and a diff holds about 1 KB for each. 250,000 is what
/// 64 MiB of ordinary sentences makes, and thirteen times the 5 MB benchmark
/// statement; the longest real statements hold a few thousand.
pub const MAX_STATEMENT_SENTENCES: usize = 250_000;

/// What a refusal past [`MAX_STATEMENT_SENTENCES`] says after the file (and
/// line) it names, whichever reader refused: one wording for all of them.
pub(crate) fn too_many_sentences() -> String {
    format!(
        "more than {MAX_STATEMENT_SENTENCES} sentences, more than any statement holds; check that it is one statement, or split it"
    )
}

/// One statement: its metadata and its body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Title, date, issuers and the rest of the front matter.
    pub meta: Meta,
    /// The body, in document order.
    pub paragraphs: Vec<Paragraph>,
}

/// Metadata of a statement, stored as the TOML front matter of its sentence file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The official title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date of issue or adoption, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who issued the statement (governments, bodies, officials).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<String>,
    /// The series this statement belongs to (`unga-tpnw`, `g7-summit-communique`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Where the text was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// BCP 47 language tag of the text (`en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Anything else, kept as the user wrote it.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

impl Meta {
    /// Every string of the metadata (keys and values of `extra` included)
    /// with its control characters and bidi controls stripped as on import
    /// ([`controls::strip`]): a title is one line, and none of it can drive
    /// a terminal.
    pub fn strip_controls(&mut self) {
        let strip = |s: &mut String| {
            if let Cow::Owned(clean) = controls::strip(s) {
                *s = clean;
            }
        };
        for value in [
            &mut self.title,
            &mut self.date,
            &mut self.series,
            &mut self.source,
            &mut self.language,
        ]
        .into_iter()
        .flatten()
        {
            strip(value);
        }
        self.issuers.iter_mut().for_each(strip);
        strip_table(&mut self.extra);
    }

    /// Whether [`strip_controls`](Meta::strip_controls) would change
    /// anything.
    pub fn has_controls(&self) -> bool {
        [
            &self.title,
            &self.date,
            &self.series,
            &self.source,
            &self.language,
        ]
        .into_iter()
        .flatten()
        .chain(&self.issuers)
        .any(|s| controls::has_unsafe(s))
            || table_has_controls(&self.extra)
    }
}

fn strip_table(table: &mut toml::Table) {
    if !table_has_controls(table) {
        return;
    }
    let old = std::mem::take(table);
    for (key, mut value) in old {
        strip_value(&mut value);
        table.insert(controls::strip(&key).into_owned(), value);
    }
}

fn strip_value(value: &mut toml::Value) {
    match value {
        toml::Value::String(s) => {
            if let Cow::Owned(clean) = controls::strip(s) {
                *s = clean;
            }
        }
        toml::Value::Array(items) => items.iter_mut().for_each(strip_value),
        toml::Value::Table(table) => strip_table(table),
        _ => {}
    }
}

fn table_has_controls(table: &toml::Table) -> bool {
    table
        .iter()
        .any(|(key, value)| controls::has_unsafe(key) || value_has_controls(value))
}

fn value_has_controls(value: &toml::Value) -> bool {
    match value {
        toml::Value::String(s) => controls::has_unsafe(s),
        toml::Value::Array(items) => items.iter().any(value_has_controls),
        toml::Value::Table(table) => table_has_controls(table),
        _ => false,
    }
}

/// A paragraph: one or more sentences, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The sentences of the paragraph; never empty in a parsed statement.
    pub sentences: Vec<Sentence>,
}

/// One sentence, with the paragraph label that stood before it, if any.
///
/// A section heading ("Maritime Security", "I. Introduction") is a
/// sentence with [`heading`](Sentence::heading) set, alone in its
/// paragraph: it is kept in the body, in order, but it is never aligned
/// with a sentence, and the sentences after it stand under it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// The label of the source ("1.", "(a)", "(iv)", "OP3."), without the
    /// space that follows it; `None` for most sentences.
    pub label: Option<String>,
    /// The sentence text, on one line, without its label.
    pub text: String,
    /// Whether this is a section heading rather than a sentence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

impl Sentence {
    /// Builds a sentence from one segment of text, taking a leading label
    /// apart from the text as [`split_label`] defines labels.
    pub fn from_segment(segment: &str) -> Sentence {
        let (label, text) = split_label(segment.trim());
        Sentence {
            label: label.map(str::to_owned),
            text: text.to_owned(),
            heading: false,
        }
    }

    /// Builds a section heading from its text, its label (a section number
    /// such as "I." or "2.") taken apart as in [`from_segment`](Sentence::from_segment).
    pub fn heading(text: &str) -> Sentence {
        Sentence {
            heading: true,
            ..Sentence::from_segment(text)
        }
    }
}

/// A sentence as its source writes it: the label, a space, the text.
impl std::fmt::Display for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.label {
            Some(label) => write!(f, "{label} {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

/// A paragraph on one line: its sentences, labels included, joined by spaces.
impl std::fmt::Display for Paragraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, sentence) in self.sentences.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{sentence}")?;
        }
        Ok(())
    }
}

impl Statement {
    /// All sentences in document order, with their 1-based paragraph and
    /// sentence numbers (the `¶3.2` locations reports show).
    pub fn sentences(&self) -> impl Iterator<Item = (Location, &Sentence)> {
        self.paragraphs.iter().enumerate().flat_map(|(p, para)| {
            para.sentences.iter().enumerate().map(move |(s, sentence)| {
                (
                    Location {
                        paragraph: p + 1,
                        sentence: s + 1,
                    },
                    sentence,
                )
            })
        })
    }

    /// The number of sentences in the body, section headings included (as
    /// [`sentences`](Statement::sentences) yields them).
    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.sentences.len()).sum()
    }

    /// The number of sentences in the body that are not section headings:
    /// what `log` and `history` count.
    pub fn text_sentence_count(&self) -> usize {
        self.sentence_count() - self.headings().count()
    }

    /// The section headings of the body, in order.
    pub fn headings(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .filter(|s| s.heading)
    }
}

/// Where a sentence stands: 1-based paragraph and sentence-in-paragraph numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based sentence number within the paragraph.
    pub sentence: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "¶{}.{}", self.paragraph, self.sentence)
    }
}

/// Checks that `date` is a calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = &date[r];
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_valid_date("2021-03-30"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2021-3-30"));
        assert!(!is_valid_date("2021-13-01"));
        assert!(!is_valid_date("20a1-01-01"));
    }

    #[test]
    fn locations_are_one_based() {
        let st = Statement {
            meta: Meta::default(),
            paragraphs: vec![
                Paragraph {
                    sentences: vec![Sentence::from_segment("1. A.")],
                },
                Paragraph {
                    sentences: vec![Sentence::from_segment("B."), Sentence::from_segment("C.")],
                },
            ],
        };
        let locs: Vec<String> = st.sentences().map(|(l, _)| l.to_string()).collect();
        assert_eq!(locs, ["¶1.1", "¶2.1", "¶2.2"]);
        assert_eq!(st.paragraphs[0].to_string(), "1. A.");
        assert_eq!(st.paragraphs[1].to_string(), "B. C.");
        assert_eq!(
            st.sentences().next().unwrap().1.label.as_deref(),
            Some("1.")
        );
    }
}
