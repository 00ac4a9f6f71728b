//! Series analyses: what a store's statements say taken together, over the
//! store (which only reads and writes them) and compare (which diffs two).
//!
//! - [`log`](mod@log): every statement on HEAD, each against the one before it in its
//!   series;
//! - [`history`](mod@history): the revisions of one statement, each against the one
//!   before;
//! - [`trace`]: where each sentence of a statement comes from, through the
//!   earlier versions of its series;
//! - [`precedent`]: where a statement's wording was used before, anywhere
//!   in the store.
//!
//! Each returns plain result types that the CLI hands to a writer.

pub mod cache;
mod disk;
pub mod history;
pub mod log;
pub mod precedent;
pub mod trace;

pub use history::{Revision, history};
pub use log::{Log, LogEntry, log};
