//! The importer on real texts: the raw seed communiqué (press-release shape,
//! one page break through a sentence) and every text of the corpus; bad
//! input; and properties on arbitrary input.

use communique::Statement;
use communique::import::{Format, ImportError, extract_text, import};
use communique::normalize;
use communique::statement::write_sentence_file;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::support::harness::{corpus_file, corpus_texts};

const SEED: &str = "d-isis-small-group/2021-03-30-joint-communique-raw.txt";

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import_file(path: &std::path::Path) -> Statement {
    import(&read(path), None, &path.display().to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each paragraph as one line again: labels and sentences joined by spaces.
fn paragraph_lines(statement: &Statement) -> Vec<String> {
    statement
        .paragraphs
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The seed's sentences, paragraph by paragraph, segmented by hand. Six
/// paragraphs: the source has seven blocks, but its fifth and sixth are one
/// paragraph cut by a page break after "The".
const SEED_SENTENCES: &[&[&str]] = &[
    &[
        "At the invitation of Belgian Deputy Prime Minister and Minister of Foreign Affairs Sophie Wilmès and U.S. Secretary of State Antony J. Blinken, the Foreign Ministers of the Global Coalition to Defeat Daesh/ISIS Small Group met virtually today to reaffirm our shared determination to continue the fight against Daesh/ISIS in Iraq and Syria, and to create conditions for an enduring defeat of the terrorist group, which remains the Coalition's sole purpose, through a comprehensive, multifaceted effort.",
        "The Ministers emphasized the protection of civilians and affirmed that international law, including international humanitarian law and the protection of civilians, particularly children, and international human rights law, as well as relevant UN Security Council resolutions, must be upheld under all circumstances.",
        "In this regard the Ministers emphasized the need to stop and prevent violence, and grave violations of children's rights, and to durably improve the protection of children affected by the armed conflict, as well as to ensure women's human rights.",
        "The Ministers, recalling their statement of June 4, 2020, committed to strengthen cooperation across all Coalition lines of effort to ensure that Daesh/ISIS and its affiliates are unable to reconstitute any territorial enclave or continue to threaten our homelands, people, and interests.",
        "Together they remain firmly united in their outrage at Daesh/ISIS's atrocities and in their determination to eliminate this global threat.",
    ],
    &[
        "The Ministers acknowledged that while Daesh/ISIS no longer controls territory and nearly eight million people have been freed from its control in Iraq and Syria, the threat remains.",
        "The Ministers expressed their condolences and reiterated their support to Iraqi authorities following the increased Daesh/ISIS activity in Iraq and Syria in recent months, including the double suicide attacks in Baghdad on January 21, and called for continued and coordinated action.",
        "This includes allocating adequate military and civilian resources to sustain Coalition and legitimate partner forces' efforts against Daesh/ISIS in Iraq and Syria, including stabilization support to liberated areas, to safeguard Iraq and Syria's stability and our collective security interests.",
        "The Ministers noted the new 2021 Pledge Drive for Stabilization, reiterating the importance of collective stabilization efforts to the long-term defeat of Daesh/ISIS and the elimination of the conditions conducive to its rise.",
    ],
    &[
        "The Ministers reiterated their unwavering commitment to continue close cooperation with and support to the Government of Iraq.",
        "Appropriate measures to enhance the operational efficiency and coordination of our collective efforts to maintain necessary pressure on Daesh/ISIS remain essential.",
        "The Coalition operates in Iraq at the request of the Government of Iraq, in full respect of Iraq's sovereignty and aiming at strengthening its security.",
        "Ministers recalled that attacks against Coalition forces and Iraqi partners, such as those that occurred in Erbil, Baghdad, and Al Asad, are unacceptable and compromise our collective efforts at the expense of the people of Iraq.",
        "They welcomed the decision of the February 18 NATO Defence Ministerial Meeting regarding the incremental expansion of NATO's non-combat advisory and training mission in Iraq, with the full consent of the Government of Iraq and complementing the Coalition's efforts.",
        "While the COVID-19 global crisis has had an impact on the Coalition's activities and operations, the Ministers welcomed the continued work with partner forces that mitigated the fallout of the pandemic while providing continued support to further dismantle Daesh/ISIS.",
        "The enhanced sharing of terrorist-related criminal information by Iraqi authorities, via INTERPOL channels, supported this progress within the Coalition's law enforcement line of effort.",
    ],
    &[
        "In Syria, the Coalition stands with the Syrian people in support of a lasting political settlement in accordance with UN Security Council Resolution 2254.",
        "The Coalition must continue to be vigilant against the threat of terrorism, in all its forms and manifestations, to build on the success it has achieved and continue to act together against any threats to this outcome to avoid security vacuums that Daesh/ISIS may exploit.",
        "The Ministers took note of the resumption in Daesh/ISIS activities in areas where the Coalition is not active and its ability to rebuild its networks and capabilities to target security forces and civilians.",
        "The Ministers also welcomed the Coalition meeting held on November 10, 2020 on Daesh/ISIS threats in West Africa, noting with concern the serious and growing threat Daesh/ISIS affiliates pose across West Africa and the Sahel, as well as the emerging threat in other parts of the continent, particularly in East Africa.",
        "The Coalition reaffirmed its willingness to further explore how it can contribute to collective efforts to cope with the threat posed by Daesh/ISIS in these regions, and that such efforts be upon the request and prior consent of countries concerned, and be in close coordination with African partners and existing initiatives such as the International Coalition for the Sahel, and in full respect of international law.",
        "The Ministers noted that collecting, preserving and sharing battlefield evidence via bilateral and/or INTERPOL multilateral channels, and the need for comprehensive border security, were identified as potential areas for Global Coalition engagement in the region.",
    ],
    &[
        "The Ministers, recognizing the challenge posed by foreign terrorist fighters who are in custody as well as family members who remain in Iraq and Syria, committed to pursue existing effective accountability mechanisms in close coordination with the countries of origin, including accountability for fighters who have used sexual violence as an instrument of terror.",
        "They remained committed to promoting efforts to ensure that accused terrorists, including those of foreign nationality, are treated appropriately and tried consistent with international law obligations, including applicable fair trial guarantees, and they urged the custodians of the detained Daesh/ISIS terrorist fighters to treat them humanely at all times, in accordance with international law.",
        "The Ministers further recognized that the situation for Daesh/ISIS detainees and their family members in northeast Syria is of grave concern and stressed the importance of finding a comprehensive approach to this serious challenge.",
    ],
    &[
        "The Coalition reaffirmed its belief that a comprehensive and collective effort remains necessary to achieve a full and enduring defeat of Daesh/ISIS worldwide.",
        "The Global Coalition to Defeat Daesh/ISIS has proven that it is a cohesive, adaptable and successful vehicle that will continue to sustain this important endeavor through stabilization, political, military, communications, counter finance, and law enforcement lines of effort.",
        "The Ministers also reaffirmed their intent to hold the next ministerial meeting of the Global Coalition in Italy as soon as circumstances permit.",
    ],
];

fn seed_communique_imports_with_its_metadata_and_repaired_paragraphs() {
    let path = corpus_file(SEED);
    let st = import_file(&path);
    assert_eq!(
        st.meta.title.as_deref(),
        Some("Joint Communiqué by Ministers of the Global Coalition to Defeat ISIS Small Group")
    );
    assert_eq!(
        st.meta.source.as_deref(),
        Some(
            "state.gov/joint-communique-by-ministers-of-the-global-coalition-to-defeat-isis-small-group"
        )
    );

    // The furniture is gone, and the page break is repaired.
    let body = paragraph_lines(&st).join("\n");
    for furniture in [
        "Begin Text",
        "Text Ends",
        "The following statement was released",
        "state.gov",
    ] {
        assert!(!body.contains(furniture), "{furniture:?} is in the body");
    }
    assert!(!body.contains("law. The\n"));

    let expected: Vec<String> = SEED_SENTENCES.iter().map(|p| p.join(" ")).collect();
    assert_eq!(paragraph_lines(&st), expected);
    assert!(
        st.sentences().all(|(_, s)| s.label.is_none()),
        "the seed has no paragraph labels"
    );
}

fn seed_communique_segments_into_its_sentences() {
    let path = corpus_file(SEED);
    let st = import_file(&path);
    assert_eq!(st.paragraphs.len(), SEED_SENTENCES.len());
    for (n, (actual, expected)) in st.paragraphs.iter().zip(SEED_SENTENCES).enumerate() {
        let actual: Vec<&str> = actual.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(&actual, expected, "paragraph {}", n + 1);
    }
}

fn seed_communique_survives_a_sentence_file_round_trip() {
    let path = corpus_file(SEED);
    let st = import_file(&path);
    let file = write_sentence_file(&st);
    let again = import(file.as_bytes(), None, "seed.txt").unwrap();
    assert_eq!(again, st);
    assert_eq!(Format::detect(file.as_bytes()), Format::Sentences);
}

fn corpus_imports_survive_a_sentence_file_round_trip() {
    let paths = corpus_texts();
    for path in paths {
        let st = import_file(&path);
        let file = write_sentence_file(&st);
        let again = import(file.as_bytes(), None, "written").unwrap();
        assert_eq!(again, st, "{}", path.display());
    }
}

fn corpus_normalizing_twice_changes_nothing() {
    let paths = corpus_texts();
    assert!(!paths.is_empty());
    for path in paths {
        let text = String::from_utf8(read(&path)).unwrap();
        let once = normalize::paragraphs(&extract_text(&text).blocks);
        assert_eq!(normalize::paragraphs(&once), once, "{}", path.display());

        let lines = paragraph_lines(&import_file(&path));
        assert_eq!(
            normalize::paragraphs(&lines),
            lines,
            "{}: imported paragraphs change when normalized again",
            path.display()
        );
    }
}

/// The lines of a source without its press-release furniture, found here
/// independently of the importer: the title, URL and introduction before a
/// "Begin Text" line, and everything from "Text Ends" on.
fn body_lines(text: &str) -> Vec<&str> {
    let key = |l: &str| l.trim().trim_end_matches([':', '.']).to_ascii_lowercase();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| key(l) == "begin text")
        .map_or(0, |i| i + 1);
    let end = lines[start..]
        .iter()
        .position(|l| matches!(key(l).as_str(), "text ends" | "end text"))
        .map_or(lines.len(), |i| start + i);
    lines[start..end].to_vec()
}

/// Words of `text` as the normalizer may leave them: invisible characters
/// removed, NFC, split at any kind of space.
fn words(text: &str) -> Vec<String> {
    let visible: String = text
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .nfc()
        .collect();
    visible.split_whitespace().map(str::to_owned).collect()
}

fn corpus_import_loses_no_word() {
    let paths = corpus_texts();
    for path in paths {
        let text = String::from_utf8(read(&path)).unwrap();
        let source = words(&body_lines(&text).join("\n"));
        let body = words(&paragraph_lines(&import_file(&path)).join("\n"));
        // A word broken at a line end ("inter-" "national", "Daesh/" "ISIS")
        // may come out as one, and two sentences glued together as two words.
        let (mut i, mut j) = (0, 0);
        while i < source.len() && j < body.len() {
            if source[i] == body[j] {
                i += 1;
            } else if i + 1 < source.len()
                && (body[j] == format!("{}{}", source[i], source[i + 1])
                    || body[j] == format!("{}{}", source[i].trim_end_matches('-'), source[i + 1]))
            {
                i += 2;
            } else if j + 1 < body.len() && source[i] == format!("{}{}", body[j], body[j + 1]) {
                // A sentence boundary without its space in the source
                // ("2027.We" in the Hiroshima communiqué) is two sentences.
                i += 1;
                j += 1;
            } else {
                panic!(
                    "{}: source word {i} {:?} became {:?} (body word {j})",
                    path.display(),
                    &source[i..(i + 5).min(source.len())],
                    &body[j..(j + 5).min(body.len())],
                );
            }
            j += 1;
        }
        assert_eq!(
            (i, j),
            (source.len(), body.len()),
            "{}: word counts differ",
            path.display()
        );
    }
}

fn corpus_break_repair_fires_only_on_the_cut_sentences() {
    let paths = corpus_texts();
    // Where the corpus has a sentence cut by a paragraph or page break:
    // the seed ("… international law. The" / "Ministers further …"), the G7
    // statement of 24 March 2022 ("… resolution on" / "2 March 2022, …") and
    // the Hiroshima communiqué ("… Investment (PGII)" / "as outlined in …").
    let expected_joins = [
        (SEED, 1),
        ("g7-leaders-ukraine/2022-03-24-g7-leaders-statement.txt", 1),
        (
            "g7-summit-communique/2023-05-20-g7-hiroshima-leaders-communique.txt",
            1,
        ),
    ];
    let mut found = Vec::new();
    for path in paths {
        let text = String::from_utf8(read(&path)).unwrap();
        let blocks = extract_text(&text).blocks;
        let joins = blocks.len() - normalize::paragraphs(&blocks).len();
        if joins > 0 {
            let name = path.iter().rev().take(2).collect::<Vec<_>>();
            found.push((
                format!(
                    "{}/{}",
                    name[1].to_string_lossy(),
                    name[0].to_string_lossy()
                ),
                joins,
            ));
        }
    }
    let expected: Vec<(String, usize)> = expected_joins
        .iter()
        .map(|(f, n)| (f.to_string(), *n))
        .collect();
    assert_eq!(found, expected);
}

fn corpus_texts_without_markers_have_no_metadata() {
    let paths = corpus_texts();
    for path in paths {
        if path.ends_with(SEED) {
            continue;
        }
        let st = import_file(&path);
        assert_eq!(st.meta, Default::default(), "{}", path.display());
        assert!(st.sentence_count() > 0);
    }
}

fn bad_input_says_what_is_wrong_and_where() {
    let origin = "drafts/x.txt";
    let cases: &[(&[u8], &str)] = &[
        (b"", "drafts/x.txt: empty file"),
        (
            b"GIF89a\x01\x00\x01\x00",
            "drafts/x.txt: looks binary (NUL byte at 7); give a text statement",
        ),
        (
            b"The Ministers met in Li\xe8ge.",
            "drafts/x.txt: not UTF-8 at byte 23; convert it to UTF-8 (e.g. iconv -t UTF-8)",
        ),
        (b"  \n\n\t", "drafts/x.txt: no sentences found"),
        (b"Begin Text\nText Ends", "drafts/x.txt: no sentences found"),
        (
            b"+++\ntitle = \"T\"\ndate = 2021\n+++\nA.\n",
            "drafts/x.txt:3: front matter",
        ),
        (
            b"+++\ntitle = \"T\"\nA.\n",
            "drafts/x.txt:1: the front matter is never closed",
        ),
    ];
    for (bytes, message) in cases {
        let e = import(bytes, None, origin).expect_err(message);
        assert!(e.to_string().starts_with(message), "{bytes:?}: {e}");
    }
    assert!(matches!(
        import(b"The Ministers met in Li\xe8ge.", None, origin),
        Err(ImportError::NotUtf8 { offset: 23, .. })
    ));
}

/// Text made of the pieces the normalizer reacts to, so that random cases
/// hit its rules rather than only plain letters.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_owned()),
        Just("the".to_owned()),
        Just("and".to_owned()),
        Just("on".to_owned()),
        Just("inter-".to_owned()),
        Just("long-".to_owned()),
        Just("Daesh/".to_owned()),
        Just("a.".to_owned()),
        Just("(a)".to_owned()),
        Just("iv.".to_owned()),
        Just("law.".to_owned()),
        Just("law,".to_owned()),
        Just(";".to_owned()),
        Just("”".to_owned()),
        Just(")".to_owned()),
        Just("-".to_owned()),
        Just("/".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\u{A0}".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\u{AD}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{345}".to_owned()),
        Just("\t".to_owned()),
        "[a-zA-Z0-9é]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    fn import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes, None, "x");
        for format in [Format::Sentences, Format::Markdown, Format::Html, Format::Docx] {
            let _ = import(&bytes, Some(format), "x");
        }
    }

    fn markup_importers_never_panic_on_text(text in tricky_text()) {
        for wrapped in [
            format!("---\ntitle: {text}\n---\n{text}\n\n- {text}\n1. {text}"),
            format!("<html><main><p>{text}</p><ol><li>{text}</ol><br>{text}</main></html>"),
        ] {
            let _ = import(wrapped.as_bytes(), Some(Format::Markdown), "x");
            let _ = import(wrapped.as_bytes(), Some(Format::Html), "x");
        }
    }

    fn import_never_panics_on_text(text in tricky_text()) {
        let _ = import(text.as_bytes(), None, "x");
        let _ = import(format!("Begin Text\n{text}\nText Ends").as_bytes(), None, "x");
    }

    fn paragraphs_are_idempotent(blocks in prop::collection::vec(tricky_text(), 0..6)) {
        let once = normalize::paragraphs(&blocks);
        prop_assert_eq!(normalize::paragraphs(&once), once.clone());
        for p in &once {
            prop_assert!(!p.is_empty() && !p.contains('\n') && !p.contains("  "));
            prop_assert_eq!(p.trim(), p.as_str());
        }
    }

    fn paragraphs_are_idempotent_on_any_string(blocks in prop::collection::vec(any::<String>(), 0..4)) {
        let once = normalize::paragraphs(&blocks);
        prop_assert_eq!(normalize::paragraphs(&once), once);
    }
}

/// Issue 16: "Text Ends" and "Begin Text" drop text only in the
/// press-release shape, and say so on stderr when they do.
fn press_release_markers_drop_text_only_in_that_shape_and_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let normalize = |name: &str, text: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, text).expect("write");
        let out = crate::support::communique()
            .arg("normalize")
            .arg(&file)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{name}");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // A statement that holds a "Text Ends" line keeps what follows it.
    let (out, err) = normalize(
        "ends.txt",
        "The Ministers met.\n\nText Ends\n\nThey decided to meet again.\n",
    );
    assert!(out.contains("They decided to meet again."), "{out}");
    assert_eq!(err, "");
    // A "Begin Text" in the middle does not make the first sentence a title.
    let long = "The Ministers met in Rome and agreed on the text that follows here. ".repeat(6);
    let (out, _) = normalize("begin.txt", &format!("{long}\n\nBegin Text\n\nThe text.\n"));
    assert!(!out.contains("title = "), "{out}");
    assert!(out.contains("The Ministers met in Rome"), "{out}");
    // The real shape: the introduction and footer are left out, with a note.
    let (out, err) = normalize(
        "release.txt",
        "Joint Statement\n\nThe following was released:\n\nBegin Text\n\nThe text.\n\nText Ends\n\n###\n",
    );
    assert!(out.contains("title = \"Joint Statement\""), "{out}");
    assert!(!out.contains("###") && !out.contains("released"), "{out}");
    assert!(
        err.contains("release.txt: 2 line(s) outside") && err.lines().count() == 1,
        "{err}"
    );
}

crate::tests![
    seed_communique_imports_with_its_metadata_and_repaired_paragraphs[Shared],
    seed_communique_segments_into_its_sentences[Shared],
    seed_communique_survives_a_sentence_file_round_trip[Shared],
    corpus_imports_survive_a_sentence_file_round_trip[Shared],
    corpus_normalizing_twice_changes_nothing[Shared],
    corpus_import_loses_no_word[Shared],
    corpus_break_repair_fires_only_on_the_cut_sentences[Shared],
    corpus_texts_without_markers_have_no_metadata[Shared],
    bad_input_says_what_is_wrong_and_where,
    import_never_panics,
    markup_importers_never_panic_on_text,
    import_never_panics_on_text,
    paragraphs_are_idempotent,
    paragraphs_are_idempotent_on_any_string,
    press_release_markers_drop_text_only_in_that_shape_and_say_so,
];
