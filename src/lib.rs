//! communique: diff and version joint statements — communiqués, ministerial
//! statements, declarations, UN resolutions — sentence by sentence.
//!
//! ```text
//! source (txt|md|html|docx|pdf) ──import──► normalize ──► segment ──► Statement ◄── sentence file
//!                                                          │
//!                                      align(old, new) ──► Diff ──► report
//! ```
//!
//! Each stage is a module with one job and a plain data type at its boundary.
//! Statements are kept in a git-backed [`store`], which only stores; the
//! [`series`] analyses (log, history, trace, precedent) compare what it holds.
//!
//! ```
//! use communique::align::AlignOptions;
//! use communique::analyze::compare;
//! use communique::diff::ChangeKind;
//! use communique::import::import;
//!
//! let draft = import(b"1. The Ministers intend to act.\n\n2. They met in Rome.", None, "draft")?;
//! let adopted = import(b"1. The Ministers committed to act.\n\n2. They met in Rome.", None, "final")?;
//! let diff = compare(&draft, &adopted, "draft", "final", &AlignOptions::default());
//! let kinds: Vec<ChangeKind> = diff.changes.iter().map(|c| c.kind).collect();
//! assert_eq!(kinds, [ChangeKind::Reworded, ChangeKind::Same]);
//! # Ok::<(), communique::import::ImportError>(())
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod analyze;
pub mod check;
pub mod diff;
pub mod gitconfig;
pub mod import;
pub mod normalize;
mod parallel;
pub mod report;
pub mod segment;
pub mod series;
pub mod statement;
pub mod store;

pub use statement::{Meta, Paragraph, Sentence, Statement};
