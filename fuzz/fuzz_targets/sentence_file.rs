//! The sentence-file reader on any text: it never panics, and a file it
//! accepts, written back and read again, gives the same statement.
#![no_main]

use communique::statement::{read_sentence_file, write_sentence_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(statement) = read_sentence_file(text) {
        let written = write_sentence_file(&statement);
        let again = read_sentence_file(&written).expect("a written sentence file reads back");
        assert_eq!(again, statement, "round trip changed the statement");
        assert_eq!(write_sentence_file(&again), written);
    }
});
