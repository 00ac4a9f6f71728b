//! The segmenter on any paragraph: it never panics, and every sentence it
//! returns is a non-empty, trimmed slice of the paragraph, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|paragraph: &str| {
    let mut from = 0;
    for sentence in communique::segment::split(paragraph) {
        assert!(!sentence.is_empty());
        assert_eq!(sentence, sentence.trim());
        // A slice of the paragraph, after the previous one.
        let start = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
        assert!(start >= from && start + sentence.len() <= paragraph.len());
        from = start + sentence.len();
    }
    // The normalizer's output is what the segmenter really sees.
    let normalized = communique::normalize::paragraph(paragraph);
    let _ = communique::segment::split(&normalized);
});
