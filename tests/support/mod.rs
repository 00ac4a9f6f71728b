//! What every test binary shares: one way to run a command isolated from the
//! caller's environment ([`sandbox`]), and what a test needs from outside the
//! repository, with the harness that reports a test `ignored` when that is
//! absent ([`harness`]); the seed statement ([`seed`]) and the diff helpers
//! several test files use ([`diffs`]).
//!
//! Each test binary includes this folder with
//! `#[path = "../support/mod.rs"] mod support;` (`tests/integration/main.rs`
//! with `#[path = "../support/mod.rs"]` too), so no binary borrows another's
//! helpers.

// Every binary uses a different part of this module (bad_input no harness,
// the integration binary no `full_disk` helper…).
#![allow(dead_code, unused_imports)]

pub mod diffs;
pub mod harness;
pub mod sandbox;
pub mod seed;

pub use harness::{Need, Test};
pub use sandbox::{Sandbox, communique, output, repo, run};
