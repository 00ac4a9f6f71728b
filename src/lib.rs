//! communique: diff and version joint statements — communiqués, ministerial
//! statements, declarations, UN resolutions — sentence by sentence.
//!
//! ```text
//! source (txt|…) ──import──► normalize ──► segment ──► Statement ◄── sentence file
//!                                                          │
//!                                      align(old, new) ──► Diff ──► report
//! ```
//!
//! Each stage is a module with one job and a plain data type at its boundary.
#![warn(missing_docs)]

pub mod align;
pub mod analyze;
pub mod diff;
pub mod import;
pub mod normalize;
pub mod report;
pub mod segment;
pub mod statement;

pub use statement::{Meta, Paragraph, Sentence, Statement};
