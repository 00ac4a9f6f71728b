//! Paragraphs into sentences.
//!
//! Input is one normalized paragraph (a single line, spaces collapsed); output
//! is its sentences as slices of it, labels kept at the start of their
//! sentence. Abbreviation lists are data (see `abbreviations.rs`).

/// Splits one normalized paragraph into its sentences, in order, each a
/// trimmed slice of `paragraph`. Paragraph labels ("1.", "(a)") stay at the
/// start of the sentence they introduce.
pub fn split(paragraph: &str) -> Vec<&str> {
    // Placeholder until the rule-based segmenter lands: split after . ? ! + space.
    let mut out = Vec::new();
    let mut start = 0;
    let b = paragraph.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1) == Some(&b' ') {
            let s = paragraph[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let s = paragraph[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}
