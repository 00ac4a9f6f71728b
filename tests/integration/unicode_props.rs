//! Properties over generated statements in every kind of Unicode text that
//! official texts carry (issue 10): combining marks, right-to-left scripts
//! and bidi controls, emoji and ZWJ sequences, odd spaces; and bytes that
//! are no UTF-8 at all (lone surrogates, overlong forms, cut sequences).
//!
//! - a sentence file, written and read back, is the same statement;
//! - nothing read from a sentence file or imported holds a control
//!   character or bidi control, terminal escapes in the front matter and
//!   the body included (issue 16);
//! - normalizing is idempotent: a sentence is a fixed point of the
//!   normalizer, and importing a written sentence file changes nothing;
//! - the diff is symmetric and its JSON rebuilds both documents;
//! - no importer, diff or report panics on any of it;
//! - bytes that are not UTF-8 are a clean `NotUtf8` error at the right
//!   offset, never a panic or a lossy read.

use communique::import::{Format, ImportError, import};
use communique::normalize;
use communique::statement::{Meta, Paragraph, Sentence, Statement};
use communique::statement::{read_sentence_file, write_sentence_file};
use proptest::prelude::*;

use crate::support::diffs::{check_json_rebuilds, check_symmetric, diff_and_report};

/// Pieces of text by class; `unicode_text` strings them together.
fn piece() -> impl Strategy<Value = String> {
    let fixed: &[&str] = &[
        // Words and sentence ends.
        "The Ministers",
        "reaffirmed",
        "commitment",
        "will",
        "urges",
        ". ",
        "? ",
        "! ",
        "… ",
        "; ",
        ", ",
        "1. ",
        "(a) ",
        "iv. ",
        "U.S. ",
        "“",
        "”",
        "«",
        "»",
        // Combining marks, alone and after a letter; a decomposed é (NFC
        // composes it); a Hangul syllable in jamo.
        "e\u{301}",
        "\u{301}",
        "\u{345}\u{300}",
        "a\u{20DD}",
        "\u{1100}\u{1161}\u{11A8}",
        // Right-to-left: Arabic and Hebrew words, bidi marks and controls.
        "الجمعية العامة",
        "تؤكد",
        "שלום",
        "\u{200F}",
        "\u{200E}",
        "\u{202B}",
        "\u{202C}",
        "\u{2067}",
        "\u{2069}",
        // Emoji: a flag, a ZWJ family, a skin tone, a keycap, a VS16.
        "🇺🇳",
        "👩\u{200D}👩\u{200D}👧",
        "✊🏽",
        "1\u{FE0F}\u{20E3}",
        "☮\u{FE0F}",
        // Spaces and invisibles the normalizer rewrites.
        " ",
        "\u{A0}",
        "\u{202F}",
        "\u{3000}",
        "\u{AD}",
        "\u{200B}",
        "\u{FEFF}",
        "\t",
        "\n",
        "\n\n",
        // CJK and full-width letters (kept: NFC, never NFKC).
        "安全保障理事会。",
        "ＵＮ",
        // Terminal escapes and C1 controls (issue 16): stripped on import.
        "\u{1b}[2J",
        "\u{1b}]0;PWNED\u{7}",
        "\u{1b}[38;5;1m",
        "\u{1b}",
        "\u{9b}31m",
        "\u{9d}0;x\u{9c}",
        "\u{85}",
        "\u{7f}",
        "\u{202E}001\u{202C}",
    ];
    prop_oneof![
        4 => prop::sample::select(fixed).prop_map(str::to_owned),
        1 => "[a-zA-Z]{1,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..30).prop_map(|v| v.concat())
}

/// A statement as import makes it from Unicode text, with a title that
/// TOML must quote (stripped of controls, as import strips metadata).
fn imported_statement() -> impl Strategy<Value = Statement> {
    (unicode_text(), unicode_text()).prop_filter_map("has sentences", |(body, title)| {
        let mut st = import(body.as_bytes(), Some(Format::Text), "x").ok()?;
        st.meta.title = Some(title);
        st.meta.strip_controls();
        Some(st)
    })
}

/// `s` as a TOML string, as toml writes it (C0 and DEL as escapes, the
/// rest raw): how a hostile front matter carries control characters.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A statement of distinct sentences (each tagged), with and without
/// labels, some of whose text reads like a label or a backslash escape.
fn tagged_statement(tag: &'static str) -> impl Strategy<Value = Statement> {
    let sentence = (
        prop::option::of(prop::sample::select(&["1.", "(a)", "OP3.", "iv."][..])),
        prop::sample::select(&["", "2. ", "(b) ", "\\", "+++ "][..]),
        unicode_text(),
    );
    prop::collection::vec(prop::collection::vec(sentence, 1..4), 1..5).prop_map(move |ps| {
        let mut n = 0;
        let paragraphs = ps
            .into_iter()
            .map(|sentences| Paragraph {
                sentences: sentences
                    .into_iter()
                    .map(|(label, lead, text)| {
                        n += 1;
                        let text = normalize::paragraph(&format!("{lead}{text} {tag}{n}."));
                        Sentence {
                            label: label.map(str::to_owned),
                            text,
                            // Every seventh a heading: its `# ` mark and
                            // escapes survive the round trip too.
                            heading: n % 7 == 0,
                        }
                    })
                    .collect(),
            })
            .collect();
        Statement {
            meta: Meta::default(),
            paragraphs,
        }
    })
}

/// A statement and a revision sharing some of its sentences.
fn unicode_pair() -> impl Strategy<Value = (Statement, Statement)> {
    (
        tagged_statement("old"),
        tagged_statement("new"),
        prop::collection::vec(any::<bool>(), 16),
    )
        .prop_map(|(old, mut new, keep)| {
            // The revision keeps some old sentences, in order, after its own.
            let kept: Vec<Sentence> = old
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.clone())
                .zip(keep.iter().cycle())
                .filter(|(_, k)| **k)
                .map(|(s, _)| s)
                .collect();
            if !kept.is_empty() {
                new.paragraphs.push(Paragraph { sentences: kept });
            }
            (old, new)
        })
}

/// Bytes that are not UTF-8: a lone surrogate (ED A0 80 … ED BF BF), an
/// overlong NUL, a stray continuation byte, a cut 3-byte sequence, a byte
/// never valid.
fn bad_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (0xA0u8..=0xBF, 0x80u8..=0xBF).prop_map(|(b, c)| vec![0xED, b, c]),
        Just(vec![0xC0, 0x80]),
        Just(vec![0x80]),
        Just(vec![0xE2, 0x82]),
        Just(vec![0xFF]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    fn a_sentence_file_reads_back_as_the_same_statement(st in imported_statement()) {
        let written = write_sentence_file(&st);
        let read = read_sentence_file(&written).expect("a written file reads");
        prop_assert_eq!(&read, &st);
        prop_assert_eq!(write_sentence_file(&read), written);
    }

    fn labels_and_label_like_text_round_trip(st in tagged_statement("t")) {
        let written = write_sentence_file(&st);
        prop_assert_eq!(read_sentence_file(&written).expect("reads"), st);
    }

    fn normalizing_normalized_text_changes_nothing(st in imported_statement()) {
        for (_, s) in st.sentences() {
            prop_assert_eq!(normalize::paragraph(&s.text), s.text.clone());
        }
        // `communique normalize` on its own output: read as it is.
        let written = write_sentence_file(&st);
        let again = import(written.as_bytes(), None, "x").expect("imports");
        prop_assert_eq!(again, st);
    }

    fn nothing_read_or_imported_holds_a_control_character(title in unicode_text(), body in unicode_text()) {
        // A sentence file as plain git can commit it (issue 16), and the
        // same text imported as plain text.
        let file = format!("+++\ntitle = {}\nissuers = [{}]\n+++\n\n{body}", toml_string(&title), toml_string(&body));
        let read = read_sentence_file(&file).expect("reads");
        let imported = import(body.as_bytes(), Some(Format::Text), "x");
        for st in std::iter::once(&read).chain(imported.as_ref().ok()) {
            prop_assert!(!st.meta.has_controls(), "{:?}", st.meta);
            for (_, s) in st.sentences() {
                prop_assert!(!normalize::controls::has_unsafe(&s.text), "{:?}", s.text);
            }
            let written = write_sentence_file(st);
            prop_assert_eq!(&read_sentence_file(&written).expect("reads back"), st);
        }
    }

    fn paragraphs_are_idempotent_on_unicode(blocks in prop::collection::vec(unicode_text(), 0..5)) {
        let once = normalize::paragraphs(&blocks);
        prop_assert_eq!(normalize::paragraphs(&once), once);
    }

    fn the_diff_of_unicode_statements_is_symmetric((a, b) in unicode_pair()) {
        check_symmetric(&a, &b)?;
    }

    fn the_json_report_of_unicode_statements_rebuilds_both((a, b) in unicode_pair()) {
        check_json_rebuilds(&a, &b)?;
    }

    fn no_panic_on_unicode_in_any_format(a in unicode_text(), b in unicode_text()) {
        let html = format!("<html dir=\"rtl\"><main><p>{a}</p><ol><li>{b}</li></ol></main></html>");
        let md = format!("---\ntitle: {b}\n---\n# {a}\n\n1. {b}\n\n> {a}\n");
        for (bytes, format) in [
            (a.as_bytes(), Some(Format::Text)),
            (html.as_bytes(), Some(Format::Html)),
            (md.as_bytes(), Some(Format::Markdown)),
            (b.as_bytes(), None),
        ] {
            let _ = import(bytes, format, "x");
        }
        diff_and_report(&a, &b);
    }

    fn bytes_that_are_not_utf8_are_a_clean_error(
        before in "[a-zA-Z .,é€🇺🇳]{0,40}",
        bad in bad_bytes(),
        after in unicode_text(),
    ) {
        let mut bytes = before.as_bytes().to_vec();
        bytes.extend_from_slice(&bad);
        // A NUL would make it binary, which is checked first.
        bytes.extend_from_slice(after.replace('\0', "").as_bytes());
        for format in [None, Some(Format::Text), Some(Format::Sentences), Some(Format::Markdown), Some(Format::Html)] {
            match import(&bytes, format, "x") {
                Err(ImportError::NotUtf8 { origin, offset }) => {
                    prop_assert_eq!(origin, "x");
                    prop_assert_eq!(offset, before.len(), "{:?}", format);
                }
                other => prop_assert!(false, "{:?}: {:?}", format, other),
            }
        }
    }
}

crate::tests![
    a_sentence_file_reads_back_as_the_same_statement,
    labels_and_label_like_text_round_trip,
    normalizing_normalized_text_changes_nothing,
    nothing_read_or_imported_holds_a_control_character,
    paragraphs_are_idempotent_on_unicode,
    the_diff_of_unicode_statements_is_symmetric,
    the_json_report_of_unicode_statements_rebuilds_both,
    no_panic_on_unicode_in_any_format,
    bytes_that_are_not_utf8_are_a_clean_error,
];
