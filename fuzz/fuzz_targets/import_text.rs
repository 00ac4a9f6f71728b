//! The text importer (decoding, extraction, normalizing, segmenting) on any
//! bytes: an error or a statement, never a panic.
#![no_main]

use communique::import::{Format, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = import(bytes, Some(Format::Text), "fuzz");
});
