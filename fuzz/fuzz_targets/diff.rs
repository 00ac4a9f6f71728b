//! The diff of two arbitrary inputs, rendered in every report format. The
//! input is split at its first NUL byte (or in the middle) into an old and
//! a new document, each imported with format detection as the CLI does.
#![no_main]

use communique::align::AlignOptions;
use communique::analyze::compare;
use communique::import::import;
use communique::report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (old, new) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => bytes.split_at(bytes.len() / 2),
    };
    let (Ok(old), Ok(new)) = (import(old, None, "old"), import(new, None, "new")) else {
        return;
    };
    let diff = compare(&old, &new, "old", "new", &AlignOptions::default());
    let mut out = Vec::new();
    report::json::write(&mut out, &diff, false).expect("writing to a Vec");
    report::markdown::write(&mut out, &diff, false).expect("writing to a Vec");
    report::terminal::write(&mut out, &diff, &Default::default()).expect("writing to a Vec");
    // Swapped inputs diff too (the alignment is meant to mirror).
    let _ = compare(&new, &old, "new", "old", &AlignOptions::default());
});
