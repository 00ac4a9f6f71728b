//! A sentence file full of control characters, as plain git can commit one
//! (issue 16): the input's first line becomes the title and the second an
//! issuer, written into TOML front matter (C0 and DEL as `\uXXXX` escapes,
//! so that every control reaches the reader), and the rest is the body,
//! raw. The input is also read as a sentence file as it is.
//!
//! Checks: no panic; whatever the reader accepts holds no control or bidi
//! character in any sentence or metadata value, and round-trips; the
//! colored terminal report of it writes no escape sequence but its own
//! colors, and the Markdown report none at all.
#![no_main]

use std::sync::LazyLock;

use communique::normalize::controls::{has_unsafe, visible};
use communique::report::{self, ReportOptions, Theme};
use communique::statement::{Statement, read_sentence_file, write_sentence_file};
use communique::{Options, compare};
use libfuzzer_sys::fuzz_target;

/// `s` as a TOML string, as toml writes it (C0 and DEL as escapes, the
/// rest raw).
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Every sentence and label of the statement.
fn sentence_strings(st: &Statement) -> Vec<String> {
    let mut all = Vec::new();
    for (_, s) in st.sentences() {
        all.push(s.text.clone());
        all.extend(s.label.clone());
    }
    all
}

/// Every ESC in `text` opens a color (SGR) sequence, and nothing else is a
/// control character but line breaks.
fn only_colors(text: &str) -> bool {
    let sgr_only = text.split('\u{1b}').skip(1).all(|rest| {
        rest.strip_prefix('[').is_some_and(|r| {
            let end = r.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            end.is_some_and(|at| r[at..].starts_with('m'))
        })
    });
    sgr_only && !has_unsafe(&text.replace(['\u{1b}', '\n'], ""))
}

fn check(text: &str) {
    let Ok(st) = read_sentence_file(text) else {
        return;
    };
    assert!(
        !st.meta.has_controls(),
        "a control character was read: {:?}",
        st.meta
    );
    for s in sentence_strings(&st) {
        assert!(!has_unsafe(&s), "a control character was read: {s:?}");
    }
    let written = write_sentence_file(&st);
    let again = read_sentence_file(&written).expect("a written sentence file reads back");
    assert_eq!(again, st, "round trip changed the statement");
    assert_eq!(write_sentence_file(&again), written);

    let diff = compare(&Statement::default(), &st, &OPTIONS);
    let options = ReportOptions::default().with_theme(Theme::COLOR);
    let mut out = Vec::new();
    report::terminal::write(&mut out, &diff, &options).expect("writing to a Vec");
    let terminal = String::from_utf8(out).expect("the report is UTF-8");
    assert!(only_colors(&terminal), "{terminal:?}");
    let mut out = Vec::new();
    report::markdown::write(&mut out, &diff, &ReportOptions::default()).expect("writing to a Vec");
    let markdown = String::from_utf8(out).expect("the report is UTF-8");
    assert!(!has_unsafe(&markdown.replace('\n', "")), "{markdown:?}");
}

/// Built once (parsing the lexicon on every run would slow fuzzing down),
/// with a name that tries to retitle the terminal.
static OPTIONS: LazyLock<Options> = LazyLock::new(|| Options::named("old", "new\u{1b}]0;x\u{7}"));

fuzz_target!(|input: &str| {
    assert!(!has_unsafe(&visible(input)));
    check(input);
    let mut lines = input.splitn(3, '\n');
    let title = lines.next().unwrap_or_default();
    let issuer = lines.next().unwrap_or_default();
    let body = lines.next().unwrap_or_default();
    let file = format!(
        "+++\ntitle = {}\nissuers = [{}]\n+++\n\n{body}",
        toml_string(title),
        toml_string(issuer)
    );
    check(&file);
});
