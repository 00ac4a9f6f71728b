//! Inputs that fuzzing (`fuzz/`, issue 10) found to break a property, kept
//! as tests so that CI, which does not fuzz, keeps them fixed. Each names
//! its fuzz target; the inputs are the crashes, minimized.

use communique::statement::{read_sentence_file, write_sentence_file};

/// The `sentence_file` target's property: what the reader accepts, written
/// back and read again, is the same statement, and writes the same bytes.
fn round_trips(text: &str) {
    let statement = read_sentence_file(text).expect("reads");
    let written = write_sentence_file(&statement);
    let again = read_sentence_file(&written).expect("a written file reads back");
    assert_eq!(again, statement, "{text:?} → {written:?}");
    assert_eq!(write_sentence_file(&again), written);
}

/// sentence_file: an escaped line with a space after the backslash read as
/// a sentence starting with a space, which the writer (trimming) could not
/// write back.
fn sentence_file_escaped_line_with_a_space() {
    round_trips("+++\n+++\n\\ x\n");
    let st = read_sentence_file("+++\n+++\n\\ 1. x\n").expect("reads");
    assert_eq!(st.paragraphs[0].sentences[0].text, "1. x");
    assert_eq!(st.paragraphs[0].sentences[0].label, None);
    round_trips("+++\n+++\n\\ 1. x\n");
}

/// sentence_file: a lone backslash is an empty sentence; written as an
/// empty line it split the paragraph in two.
fn sentence_file_lone_backslash() {
    round_trips("+++\n+++\nA.\n\\\nB.\n");
    let st = read_sentence_file("+++\n+++\nA.\n\\\nB.\n").expect("reads");
    assert_eq!(st.paragraphs.len(), 1);
    assert_eq!(st.paragraphs[0].sentences.len(), 3);
}

crate::tests![
    sentence_file_escaped_line_with_a_space,
    sentence_file_lone_backslash,
];
