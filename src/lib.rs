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
//! The entry points are re-exported here: read a [`Statement`]
//! ([`Statement::from_path`], [`Statement::from_bytes`]), [`compare`] two
//! under [`Options`], and read the [`Diff`]'s [`Change`]s; open a [`Store`]
//! to read statements by ref; write any result with [`report`].
//!
//! ```
//! use communique::{ChangeKind, Options, Statement, compare};
//! use communique::diff::CommitmentChange;
//!
//! let draft = Statement::from_bytes(b"1. The Ministers intend to act.\n\n2. They met in Rome.", None, "draft")?;
//! let adopted = Statement::from_bytes(b"1. The Ministers committed to act.\n\n2. They met in Rome.", None, "final")?;
//! let diff = compare(&draft, &adopted, &Options::named("draft", "final"));
//! let kinds: Vec<ChangeKind> = diff.changes.iter().map(|c| c.kind).collect();
//! assert_eq!(kinds, [ChangeKind::Reworded, ChangeKind::Same]);
//! // "intend to" → "committed to": the commitment was strengthened.
//! assert_eq!(diff.changes[0].commitment_change, Some(CommitmentChange::Strengthened));
//! # Ok::<(), communique::import::ImportError>(())
//! ```
//!
//! A store, opened like git finds a repository:
//!
//! ```
//! use std::path::Path;
//! use communique::Store;
//! use communique::store::StatementRef;
//!
//! // This repository is a store: its `statements/` ships with the tool.
//! let store = Store::discover(Path::new("."))?;
//! let seed = StatementRef::parse("d-isis-small-group/2021-03-30-joint-communique")?;
//! let statement = store.load(&store.resolve(&seed, Path::new("."))?)?;
//! assert_eq!(statement.meta.date.as_deref(), Some("2021-03-30"));
//! # Ok::<(), communique::store::StoreError>(())
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
mod swar;

pub use analyze::{Options, compare};

/// The Rust examples of README.md, run by `cargo test --doc` so that they
/// cannot drift from the library.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
pub use diff::{Change, ChangeKind, Diff};
pub use statement::{Meta, Paragraph, Sentence, Statement};
pub use store::Store;
