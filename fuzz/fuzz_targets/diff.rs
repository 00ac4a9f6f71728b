//! The diff of two arbitrary inputs, rendered in every report format. The
//! input is split at its first NUL byte (or in the middle) into an old and
//! a new document, each imported with format detection as the CLI does.
#![no_main]

use std::sync::LazyLock;

use communique::import::import;
use communique::report;
use communique::{Options, compare};
use libfuzzer_sys::fuzz_target;

/// Built once: parsing the lexicon on every run would slow fuzzing down.
static OPTIONS: LazyLock<Options> = LazyLock::new(Options::default);

fuzz_target!(|bytes: &[u8]| {
    let (old, new) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => bytes.split_at(bytes.len() / 2),
    };
    let (Ok(old), Ok(new)) = (import(old, None, "old"), import(new, None, "new")) else {
        return;
    };
    let diff = compare(&old, &new, &OPTIONS);
    let mut out = Vec::new();
    report::json::write(&mut out, &diff, &Default::default()).expect("writing to a Vec");
    report::markdown::write(&mut out, &diff, &Default::default()).expect("writing to a Vec");
    report::terminal::write(&mut out, &diff, &Default::default()).expect("writing to a Vec");
    // Swapped inputs diff too (the alignment is meant to mirror).
    let _ = compare(&new, &old, &OPTIONS);
});
