//! Text rewrites and comparison keys.

pub mod key;
