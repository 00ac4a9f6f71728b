use super::*;
use crate::analyze::{Options, compare};
use crate::import::{Format, import};

fn statement(text: &str) -> Statement {
    import(text.as_bytes(), Some(Format::Text), "test").expect("imports")
}

fn run(base: &str, draft: &str, policy: &str, final_draft: bool) -> Vec<Finding> {
    let (b, d) = (statement(base), statement(draft));
    let diff = compare(&b, &d, &Options::named("base", "draft"));
    let mut policy = Policy::parse(policy).expect("policy");
    policy.final_draft |= final_draft;
    check(&b, &d, &diff, &policy)
}

fn rules(findings: &[Finding]) -> Vec<(Rule, Severity, String)> {
    findings
        .iter()
        .map(|f| (f.rule, f.severity, f.location.to_string()))
        .collect()
}

const BASE: &str = "The Ministers committed to strengthen cooperation.\n\n\
    They met in Rome. They discussed the situation in the region.\n\n\
    The Ministers will hold the next meeting in Italy.";

#[test]
fn nothing_changed_nothing_found() {
    assert_eq!(run(BASE, BASE, "", false), []);
}

#[test]
fn a_weakened_and_a_removed_commitment_are_errors() {
    let draft = "The Ministers may consider strengthening cooperation as appropriate.\n\n\
        They met in Rome. They discussed the situation in the region.";
    let got = rules(&run(BASE, draft, "", false));
    assert!(
        got.iter()
            .any(|(r, s, _)| *r == Rule::CommitmentRemoved && *s == Severity::Error),
        "{got:?}"
    );
    assert!(got.iter().any(|(_, _, l)| l == "baseline ¶3.1"), "{got:?}");
}

#[test]
fn a_clause_dropped_from_a_sentence_that_stays_is_an_error_that_says_so() {
    let base = "The Ministers will fund the programme, and commit to working with partners on it.\n\n\
        They met in Rome. They discussed the situation in the region.";
    let draft = "The Ministers will fund the programme.\n\n\
        They met in Rome. They discussed the situation in the region.";
    let found = run(base, draft, "", false);
    let removed: Vec<_> = found
        .iter()
        .filter(|f| f.rule == Rule::CommitmentRemoved)
        .collect();
    assert_eq!(removed.len(), 1, "{found:?}");
    assert!(
        removed[0]
            .message
            .starts_with("commitment removed: a clause was dropped (clause removed: 'commit to'"),
        "{}",
        removed[0].message
    );
}

#[test]
fn a_waiver_silences_exactly_its_sentence() {
    let draft = "The Ministers intend to strengthen cooperation.\n\n\
        They met in Rome. They discussed the situation in the region.\n\n\
        The Ministers intend to hold the next meeting in Italy.";
    let all = run(BASE, draft, "", false);
    assert_eq!(all.len(), 2, "{all:?}");
    let policy = "[[check.waive]]\nrule = \"commitment-weakened\"\n\
        sentence = \"The Ministers committed to strengthen cooperation.\"\nreason = \"agreed\"\n";
    let some = run(BASE, draft, policy, false);
    assert_eq!(some.len(), 1, "{some:?}");
    assert_eq!(some[0].location.to_string(), "¶3.1");
}

#[test]
fn phrases_match_whole_words_through_the_key() {
    let policy = "[[check.forbidden]]\nphrase = \"ISIL\"\nsuggestion = \"Daesh/ISIS\"\n\n\
        [[check.required]]\nphrase = \"daesh/isis\"\n";
    let got = run(
        BASE,
        "They fought ISIL. The ISILAND is fine.\n\nThey met in Rome.",
        policy,
        false,
    );
    let phrase: Vec<_> = got
        .iter()
        .filter(|f| matches!(f.rule, Rule::ForbiddenPhrase | Rule::RequiredPhrase))
        .map(|f| (f.rule, f.location.to_string(), f.message.clone()))
        .collect();
    assert_eq!(
        phrase,
        [
            (
                Rule::RequiredPhrase,
                "document".to_owned(),
                "required phrase \"daesh/isis\" is missing".to_owned()
            ),
            (
                Rule::ForbiddenPhrase,
                "¶1.1".to_owned(),
                "forbidden phrase \"ISIL\"; write \"Daesh/ISIS\"".to_owned()
            ),
        ]
    );
    assert!(contains_phrase("daesh/isis", "isis"));
    assert!(!contains_phrase("isiland", "isil"));
}

#[test]
fn protected_sentences_and_phrases() {
    let policy = "[[check.protected]]\nsentence = \"They met in Rome.\"\nreason = \"red line\"\n\n\
        [[check.protected]]\nphrase = \"the situation in the region\"\n";
    let draft = "The Ministers committed to strengthen cooperation.\n\n\
        They met in Milan. They discussed the region.\n\n\
        The Ministers will hold the next meeting in Italy.";
    let got = run(BASE, draft, policy, false);
    let p: Vec<_> = got
        .iter()
        .filter(|f| f.rule == Rule::Protected)
        .map(|f| f.location.to_string())
        .collect();
    assert_eq!(p, ["¶2.1", "¶2.2"], "{got:?}");
    // Case and quote style are editorial.
    assert_eq!(run(BASE, &BASE.replace("Rome", "ROME"), policy, false), []);
}

#[test]
fn brackets_opened_closed_left_and_unbalanced() {
    let base = "The Ministers [agreed] to act.\n\nThey [will meet] in Rome.";
    let draft = "The Ministers agreed to act.\n\nThey will meet in [Rome]. They [met.";
    let got = run(base, draft, "", false);
    let b: Vec<_> = got
        .iter()
        .filter(|f| f.rule == Rule::Brackets)
        .map(|f| (f.severity, f.location.to_string(), f.message.clone()))
        .collect();
    assert!(b.contains(&(
        Severity::Notice,
        "¶1.1".into(),
        "bracket closed, text agreed: agreed".into()
    )));
    assert!(b.contains(&(
        Severity::Notice,
        "¶2.1".into(),
        "bracket opened: [Rome]".into()
    )));
    assert!(b.contains(&(
        Severity::Error,
        "¶2.2".into(),
        "unbalanced brackets: `[` never closed".into()
    )));
    let fin = run(
        base,
        "The Ministers [agreed] to act.\n\nThey will meet in Rome.",
        "",
        true,
    );
    assert!(
        fin.iter()
            .any(|f| f.severity == Severity::Error && f.message.contains("left in a final")),
        "{fin:?}"
    );
    // A footnote mark is not a bracket.
    assert_eq!(
        run("A [1] b.", "A [1] b.", "[check]\nfinal = true\n", false),
        []
    );
}

#[test]
fn retention_below_the_threshold_is_a_warning() {
    let draft = "Entirely new text here.\n\nNothing like before at all.";
    let got = run(
        BASE,
        draft,
        "[check.severity]\ncommitment-removed = \"off\"\n",
        false,
    );
    assert_eq!(
        rules(&got),
        [(Rule::Retention, Severity::Warning, "document".to_owned())]
    );
    assert!(got[0].message.contains("keeps 0 of 4"), "{got:?}");
}

#[test]
fn a_phrase_counts_where_it_stands_on_word_boundaries_even_after_a_glued_one() {
    // The first occurrence is glued to "x"; the one that overlaps it is not.
    assert!(contains_phrase("xa b a b a", "a b a"));
    assert!(!contains_phrase("xa b ab", "a b a"));
    assert!(contains_phrase("un état", "état"));
    assert!(!contains_phrase("unétat", "état"));
    assert!(!contains_phrase("anything", ""));
}

#[test]
fn phrases_found_in_one_pass_are_found_where_one_by_one_finds_them() {
    let draft = statement(
        "We agree on the text. The road map is agreed.\n\n\
         Xa b a b a. Nothing here. The road map again.",
    );
    let diff = compare(&draft, &draft, &Options::named("base", "draft"));
    let sides = Sides::new(&draft, &diff);
    let phrases = [
        "road map",
        "a b a",
        "agreed",
        "gree",
        "",
        "absent",
        "the text",
        "the road map",
    ];
    let keys: Vec<String> = phrases.iter().map(|p| key(p, Folding::default())).collect();
    let together = sides.first_holding(keys.iter().map(String::as_str));
    for (phrase, got) in phrases.iter().zip(together) {
        // One phrase at a time, sentence by sentence, as the rules once did.
        let k = key(phrase, Folding::default());
        let alone = sides
            .draft
            .iter()
            .find(|(_, _, sk)| contains_phrase(sk, &k))
            .map(|(l, t, _)| (*l, Arc::clone(t)));
        assert_eq!(got, alone, "{phrase:?}");
    }
}

#[test]
fn thousands_of_brackets_in_one_sentence_each_quote_at_most_quote_max() {
    let items = |word: &str| {
        (0..2_000)
            .map(|i| format!("[{word} {i}]"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let base = format!("We agree on {}.", items("item"));
    let draft = format!("We agree on {}.", items("entry"));
    assert!(draft.len() > QUOTE_MAX);
    let found = run(&base, &draft, "", false);
    let brackets: Vec<&Finding> = found.iter().filter(|f| f.rule == Rule::Brackets).collect();
    // Each opened and each closed.
    assert_eq!(brackets.len(), 4_000);
    // The draft sentence is quoted with each bracket it opens (a closed
    // one's sentence was dropped: it quotes none).
    let quoted: Vec<&str> = brackets
        .iter()
        .filter_map(|f| f.sentence.as_deref())
        .collect();
    assert_eq!(quoted.len(), 2_000);
    for q in quoted {
        assert!(q.len() <= QUOTE_MAX + '…'.len_utf8(), "{}", q.len());
        let cut = q.strip_suffix('…').expect("cut");
        assert!(draft.starts_with(cut));
    }
    // A short sentence is quoted whole.
    assert_eq!(quote("We agree."), "We agree.");
    // A cut never splits a character.
    let wide = "é".repeat(QUOTE_MAX);
    assert!(quote(&wide).len() <= QUOTE_MAX + '…'.len_utf8());
}

#[test]
fn holders_finds_every_sentence_of_each_phrase_once_and_in_order() {
    let hay = ["a b a b a", "xa b a", "b a", "a b a and a b a", ""];
    let phrases = ["a b a", "b a", "", "zzz", "a"];
    let all = holders(&phrases, &hay, false);
    for (p, found) in phrases.iter().zip(&all) {
        let expected: Vec<usize> = (0..hay.len())
            .filter(|&h| contains_phrase(hay[h], p))
            .collect();
        assert_eq!(found, &expected, "{p:?}");
    }
    assert_eq!(all[0], [0, 3]);
    let first = holders(&phrases, &hay, true);
    for (f, a) in first.iter().zip(&all) {
        assert_eq!(f.first(), a.first());
        assert!(f.len() <= 1);
    }
}

#[test]
fn a_waiver_silences_every_bracket_finding_of_its_sentence_and_no_other_rule() {
    let base = "We agree on [item 1] and [item 2].\n\nWe will meet again.";
    let draft = "We agree on [entry 1] and [entry 2] and [entry 3].\n\nWe will meet again.";
    let open = |found: &[Finding]| found.iter().filter(|f| f.rule == Rule::Brackets).count();
    let quoting = |found: &[Finding]| {
        found
            .iter()
            .filter(|f| f.rule == Rule::Brackets && f.sentence.as_deref() == draft.lines().next())
            .count()
    };
    // Unwaived, each bracket the draft opens quotes the sentence.
    assert!(quoting(&run(base, draft, "", false)) >= 3);
    let waive = "[[check.waive]]\nrule = \"brackets\"\n\
                 sentence = \"We agree on [entry 1] and [entry 2] and [entry 3].\"\n\
                 reason = \"agreed in the room\"\n";
    let found = run(base, draft, waive, false);
    // The closed brackets quote no draft sentence when theirs was dropped;
    // those that do quote the waived one are all silenced.
    assert_eq!(quoting(&found), 0, "{found:?}");
    let other = "[[check.waive]]\nrule = \"retention\"\n\
                 sentence = \"We agree on [entry 1] and [entry 2] and [entry 3].\"\n\
                 reason = \"not this rule\"\n";
    assert_eq!(
        open(&run(base, draft, other, false)),
        open(&run(base, draft, "", false))
    );
}
