use proptest::prelude::*;

use super::{Successor, bytes_eq, list_hits, split};

#[track_caller]
fn check(paragraph: &str, expected: &[&str]) {
    assert_eq!(split(paragraph), expected, "paragraph: {paragraph}");
}

#[track_caller]
fn one(paragraph: &str) {
    check(paragraph, &[paragraph]);
}

#[test]
fn empty_and_blank() {
    assert!(split("").is_empty());
    assert!(split(" ").is_empty());
    check("Hello.", &["Hello."]);
}

/// The first body paragraph of the seed communiqué (Global Coalition to
/// Defeat ISIS Small Group, March 30, 2021).
const SEED_FIRST: &str = "At the invitation of Belgian Deputy Prime Minister and Minister of Foreign Affairs Sophie Wilmès and U.S. Secretary of State Antony J. Blinken, the Foreign Ministers of the Global Coalition to Defeat Daesh/ISIS Small Group met virtually today to reaffirm our shared determination to continue the fight against Daesh/ISIS in Iraq and Syria, and to create conditions for an enduring defeat of the terrorist group, which remains the Coalition's sole purpose, through a comprehensive, multifaceted effort. The Ministers emphasized the protection of civilians and affirmed that international law, including international humanitarian law and the protection of civilians, particularly children, and international human rights law, as well as relevant UN Security Council resolutions, must be upheld under all circumstances. In this regard the Ministers emphasized the need to stop and prevent violence, and grave violations of children's rights, and to durably improve the protection of children affected by the armed conflict, as well as to ensure women's human rights. The Ministers, recalling their statement of June 4, 2020, committed to strengthen cooperation across all Coalition lines of effort to ensure that Daesh/ISIS and its affiliates are unable to reconstitute any territorial enclave or continue to threaten our homelands, people, and interests. Together they remain firmly united in their outrage at Daesh/ISIS's atrocities and in their determination to eliminate this global threat.";

#[test]
fn seed_communique_first_paragraph() {
    let got = split(SEED_FIRST);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got[0].starts_with("At the invitation"));
    assert!(got[0].contains("U.S. Secretary of State Antony J. Blinken, the Foreign Ministers"));
    assert!(got[0].ends_with("multifaceted effort."));
    assert!(got[3].contains("their statement of June 4, 2020, committed"));
    assert!(got[4].contains("Daesh/ISIS's atrocities"));
    assert_eq!(got.concat().len() + 4, SEED_FIRST.len());
}

#[test]
fn seed_communique_second_paragraph() {
    let p = "The Ministers acknowledged that while Daesh/ISIS no longer controls territory and nearly eight million people have been freed from its control in Iraq and Syria, the threat remains. The Ministers expressed their condolences and reiterated their support to Iraqi authorities following the increased Daesh/ISIS activity in Iraq and Syria in recent months, including the double suicide attacks in Baghdad on January 21, and called for continued and coordinated action. This includes allocating adequate military and civilian resources.";
    let got = split(p);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[1].contains("on January 21, and called"));
}

#[test]
fn un_paragraphs_are_one_sentence_with_their_label() {
    one("1. Recalls the adoption of the Treaty on 7 July 2017;");
    one(
        "Recalling its previous resolutions on the situation of human rights in the Islamic Republic of Iran, the most recent of which is resolution 77/228 of 15 December 2022,",
    );
    one(
        "2. Welcomes the continuing efforts of the Islamic Republic of Iran to host one of the largest refugee populations in the world, including approximately 4.5 million Afghan refugees, acknowledges efforts to provide them with access to basic services; and notes with concern the reports of discrimination;",
    );
    one(
        "(a) Cooperating fully with the Special Rapporteur on the situation of human rights in the Islamic Republic of Iran;",
    );
    one("(iv) To ratify the Treaty without delay;");
    one("OP3. Decides to remain seized of the matter.");
    one(
        "12. Calls upon all States that have not yet done so to sign, ratify, accept, approve or accede to the Treaty at the earliest possible date;",
    );
    one(
        "6. Recalls, in line with decisions 1/CMA.3 and 1/CMA.4, the call to accelerate the development of technologies;",
    );
}

#[test]
fn document_symbols() {
    one(
        "Recalling its resolutions A/RES/78/220 and A/RES/79/183, and taking note of documents A/C.3/80/L.30, A/80/L.6 and E/CN.4/2005/L.10,",
    );
    one("Recalling Security Council resolution 2254 (2015) of 18 December 2015,");
    check(
        "The Coalition supports a political settlement in line with S/RES/2254 (2015). Next steps were agreed.",
        &[
            "The Coalition supports a political settlement in line with S/RES/2254 (2015).",
            "Next steps were agreed.",
        ],
    );
    check(
        "The draft was issued as A/C.3/80/L.30. It was adopted without a vote.",
        &[
            "The draft was issued as A/C.3/80/L.30.",
            "It was adopted without a vote.",
        ],
    );
    one("The Council adopted Res. 2254 in 2015.");
    one("See E/CN.4/2005/L.10 and A/80/L.6 for details.");
}

#[test]
fn references_and_numbers() {
    one("The Customs Tariff Commission of the State Council No. 4 of 2025 applies.");
    one("As set out in Art. 5 and para. 3 of the annex, the rate is 10.5% of $100.00 in total.");
    one("See paras. 3 to 5 and pp. 10-12 of the report.");
    one("They met on Jan. 21 and again on Sept. 3 at 9 a.m. today.");
    one("Nearly 2.5 million people were displaced.");
    check(
        "Support rose to $100.00. It is not enough.",
        &["Support rose to $100.00.", "It is not enough."],
    );
    check(
        "The plan runs until 2030. 2031 will see a review.",
        &["The plan runs until 2030.", "2031 will see a review."],
    );
}

#[test]
fn abbreviations_and_initials() {
    one("U.S. Secretary of State Antony J. Blinken met H.E. Mr. Smith and Dr. Jones.");
    one("I work for the U.S. Government in Virginia.");
    one("The Japan–U.S. Joint Statement was issued today.");
    one("Representatives from the U.S. side will be Scott Bessent, Secretary of the Treasury.");
    one("The U.S. Under Secretary of State spoke.");
    one("Partners, e.g. Germany and France, i.e. the hosts, agreed.");
    check(
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    );
    check(
        "Talks were held in the U.K. The Ministers then met in Rome.",
        &[
            "Talks were held in the U.K.",
            "The Ministers then met in Rome.",
        ],
    );
    check(
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    );
    check(
        "It covers food, fuel, etc. The rest follows.",
        &["It covers food, fuel, etc.", "The rest follows."],
    );
    one("It covers food, fuel, etc. and other goods.");
    check(
        "The meeting took place in Jan. Ministers attended.",
        &["The meeting took place in Jan.", "Ministers attended."],
    );
    check(
        "We used the company of Pitt & Co. It closed yesterday.",
        &["We used the company of Pitt & Co.", "It closed yesterday."],
    );
}

#[test]
fn quotes_and_parentheses_end_sentences() {
    check(
        "The Leaders said: \"We stand with Ukraine.\" They then left.",
        &[
            "The Leaders said: \"We stand with Ukraine.\"",
            "They then left.",
        ],
    );
    check(
        "We launched the “Minerals Security Program.” We welcome joint progress.",
        &[
            "We launched the “Minerals Security Program.”",
            "We welcome joint progress.",
        ],
    );
    check(
        "Details are set out elsewhere (see annex). The Ministers agreed.",
        &[
            "Details are set out elsewhere (see annex).",
            "The Ministers agreed.",
        ],
    );
    one(
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
    );
    one("She turned to him, “This is great.” she said.");
}

#[test]
fn addresses() {
    check(
        "Write to Jane.Doe@example.com. Replies follow.",
        &["Write to Jane.Doe@example.com.", "Replies follow."],
    );
    one("See state.gov/joint-communique-by-ministers for the text.");
    check(
        "The text is at https://www.example.org/a/b.html. Please read it.",
        &[
            "The text is at https://www.example.org/a/b.html.",
            "Please read it.",
        ],
    );
}

#[test]
fn inline_lists() {
    check(
        "1.) The first item 2.) The second item",
        &["1.) The first item", "2.) The second item"],
    );
    check(
        "a. The first item b. The second item c. The third item",
        &[
            "a. The first item",
            "b. The second item",
            "c. The third item",
        ],
    );
    check(
        "(a) To sign the Treaty; (b) To ratify it;",
        &["(a) To sign the Treaty;", "(b) To ratify it;"],
    );
    check(
        "(i) To sign the Treaty; (ii) To ratify it;",
        &["(i) To sign the Treaty;", "(ii) To ratify it;"],
    );
    check(
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    );
    // A number after a reference word cites a paragraph; it opens no item.
    check(
        "1. Recalls paragraph 2. The rest stands.",
        &["1. Recalls paragraph 2.", "The rest stands."],
    );
    // Without a leading label, inline markers are part of the sentence.
    one("We will: i) work together, ii) build on existing cooperation; iii) report back.");
    one("The United States will (i) modify the rate and (ii) remove the measures.");
    // A dash inside a bulleted sentence is punctuation.
    one("- We will act – and act now – together.");
}

#[test]
fn sentences_glued_without_a_space() {
    check(
        "We aim to mobilize up to $600 billion by 2027.We will continue.",
        &[
            "We aim to mobilize up to $600 billion by 2027.",
            "We will continue.",
        ],
    );
    // A paragraph number that lost its space stays with its paragraph.
    one("24.We welcome the adoption of the Framework.");
}

#[test]
fn resolution_title_keeps_its_number() {
    one("78/220. Situation of human rights in the Islamic Republic of Iran");
    one("80/4. Necessity of ending the economic, commercial and financial embargo");
}

#[test]
fn ellipses() {
    check(
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    );
    one(
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
    );
    check("It ended … Then we left.", &["It ended … Then we left."]);
    check("It ended… Then we left.", &["It ended…", "Then we left."]);
}

#[test]
fn questions_and_exclamations() {
    check("What is next? We decide.", &["What is next?", "We decide."]);
    one("She works at Yahoo! in the accounting department.");
    check("Hello?! Is that you?", &["Hello?!", "Is that you?"]);
}

#[test]
fn odd_inputs_do_not_panic() {
    for s in [
        ".",
        "..",
        ". . .",
        "…",
        "a.",
        "(",
        "((((",
        "1.",
        "1. ",
        "• ",
        "⁃",
        "⁃⁃⁃⁃⁃9. x",
        "é.É",
        "ÉÉ. É",
        "x. …",
        "x…",
        "[...]",
        "1.) ",
        "(a) (b) (c)",
        "OP",
        "78/",
        "78/2.",
        "a.Bc",
        ". A",
        "? ?",
    ] {
        let got = split(s);
        for sentence in &got {
            assert!(
                !sentence.is_empty() && sentence.trim() == *sentence,
                "{s:?}: {got:?}"
            );
        }
    }
}

/// Byte offset of `part` inside `whole` (it must be a subslice).
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

fn check_slices(input: &str) -> Result<(), TestCaseError> {
    let got = split(input);
    let mut end = 0;
    for s in &got {
        prop_assert!(!s.is_empty());
        prop_assert_eq!(s.trim(), *s);
        let at = offset(input, s);
        prop_assert!(at >= end && at + s.len() <= input.len());
        end = at + s.len();
    }
    // Nothing but whitespace is lost between and around the slices.
    let words = |s: &str| s.split_whitespace().map(str::len).sum::<usize>();
    prop_assert_eq!(words(input), got.iter().map(|s| words(s)).sum::<usize>());
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_string(input in any::<String>()) {
        check_slices(&input)?;
    }

    #[test]
    fn never_panics_on_sentence_like_text(
        input in r"([A-Za-z]{1,6}|[0-9]{1,4}|[.?!…;,:/()\[\]“”'\x22•⁃–-]|U\.S\.|e\.g\.|No\.|a\.m\.|\(a\)|1\.\)|[ ]){0,40}"
    ) {
        check_slices(&input)?;
    }
}

/// Pathological inputs that a careless scan would make quadratic; each is
/// about 300 kB, so a quadratic pass would not finish in test time.
#[test]
fn long_inputs_stay_linear() {
    for unit in [
        "a.Bc/", "x.Ab", "1.", "(", "((a. ", ". ", "...", ". . ", "U.S. ", "a. b ", "1. x ", "• ",
        "⁃", "é.", "…", "?!", "\"", "www.Ab",
    ] {
        let input = format!("1. {}", unit.repeat(300_000 / unit.len()));
        let got = split(&input);
        assert!(got.iter().all(|s| !s.is_empty()), "{unit:?}");
    }
}

#[test]
fn list_scan_judges_eight_bytes_as_one_at_a_time() {
    let classes = [
        Successor::Digit,
        Successor::Letter,
        Successor::Byte(b'('),
        Successor::Byte(0xE2),
        Successor::Any,
    ];
    for class in classes {
        for b in 0..=255u8 {
            // The byte in every lane, its neighbours something else.
            for lane in 0..8 {
                let mut bytes = [b'#'; 8];
                bytes[lane] = b;
                let x = u64::from_le_bytes(bytes);
                let high = 0x80u64 << (8 * lane);
                assert_eq!(
                    class.mask(x) & high != 0,
                    class.may_open(b),
                    "{b:#x} in lane {lane}"
                );
                assert_eq!(bytes_eq(x, b'.') & high != 0, b == b'.', "{b:#x}");
            }
        }
    }
    // Only a space before a possible successor is a hit.
    let x = u64::from_le_bytes(*b"a 1 b (c");
    let after = u64::from_le_bytes(*b" 1 b (c ");
    assert_eq!(list_hits(x, Successor::Digit.mask(after)), 0x80 << 8);
    assert_eq!(list_hits(x, Successor::Byte(b'(').mask(after)), 0x80 << 40);
    // The first of several is the lowest bit set.
    for (text, first) in [
        (b"ab.c.d?e", 2),
        (b"a/.!?x..", 2),
        (b"a\xe2\x80\xa6.b c", 1),
    ] {
        let x = u64::from_le_bytes(*text);
        let hits = list_hits(x, Successor::Letter.mask(x >> 8));
        assert_eq!(hits.trailing_zeros() / 8, first, "{text:?}");
    }
}

#[test]
fn inline_items_are_found_across_eight_byte_chunks() {
    for pad in 0..9 {
        let filler = "x".repeat(pad);
        let text = format!("1. The first item{filler} 2. The second… item 3. Done. Next?");
        let got = split(&text);
        assert_eq!(
            got,
            [
                format!("1. The first item{filler}").as_str(),
                "2. The second… item",
                "3. Done.",
                "Next?"
            ],
            "{text}"
        );
    }
}
