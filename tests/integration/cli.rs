//! The binary, end to end: the commands' outputs, exit codes and one-line
//! errors. Alignment itself is tested in the library; these prove the flags
//! are wired.

use std::path::Path;

use crate::support::harness::corpus_file;
use crate::support::{communique, repo, run};

const DRAFT: &str = "statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt";
const FINAL: &str = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path.to_string_lossy().into_owned()
}

fn the_seed_in_statements_is_what_normalize_makes_of_the_raw_text() {
    let raw = corpus_file("d-isis-small-group/2021-03-30-joint-communique-raw.txt");
    let (code, out, err) = run(&[
        "normalize",
        raw.to_str().expect("utf-8 path"),
        "--series",
        "d-isis-small-group",
        "--date",
        "2021-03-30",
        "--language",
        "en",
        "--issuer",
        "Foreign Ministers of the Global Coalition to Defeat Daesh/ISIS Small Group",
    ]);
    assert_eq!(code, 0, "{err}");
    let committed = std::fs::read_to_string(repo().join(FINAL)).expect("seed file");
    assert_eq!(out, committed);
}

fn every_statement_file_reads_and_writes_back_to_the_same_bytes() {
    let mut n = 0;
    for series in std::fs::read_dir(repo().join("statements")).expect("statements/") {
        for file in std::fs::read_dir(series.expect("entry").path()).expect("series") {
            let path = file.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("utf-8");
            let st = communique::statement::read_sentence_file(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                communique::statement::write_sentence_file(&st),
                text,
                "{}",
                path.display()
            );
            // And through the binary, which reads it as it is.
            let (code, out, _) = run(&["normalize", path.to_str().expect("utf-8 path")]);
            assert_eq!(
                (code, out.as_str()),
                (0, text.as_str()),
                "{}",
                path.display()
            );
            n += 1;
        }
    }
    assert!(n >= 2, "statements/ holds the seed and the draft");
}

fn normalize_json_has_the_documented_shape() {
    let (code, out, _) = run(&["normalize", FINAL, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], "communique.normalize/1");
    assert_eq!(v["meta"]["date"], "2021-03-30");
    let first = &v["paragraphs"][0]["sentences"][0];
    assert!(first["label"].is_null());
    assert!(
        first["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("At the invitation"))
    );
    assert_eq!(v.as_object().map(|o| o.len()), Some(3));
}

fn normalize_reads_stdin() {
    let out = communique()
        .args(["normalize", "-", "--date", "2020-06-04", "--title", "T"])
        .write_stdin(
            "1. The Ministers met. They agreed on U.S. policy.\n\n2. They will meet again.\n",
        )
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "+++\ntitle = \"T\"\ndate = \"2020-06-04\"\n+++\n\n1. The Ministers met.\nThey agreed on U.S. policy.\n\n2. They will meet again.\n"
    );
}

fn bad_input_is_one_line_on_stderr_and_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let cases: Vec<(String, &str)> = vec![
        (write_temp(d, "empty.txt", b""), "empty file"),
        (
            write_temp(d, "binary.txt", b"PK\x03\x04\x00\x00\x01"),
            "binary",
        ),
        (
            write_temp(d, "latin1.txt", b"The Ministers met Wilm\xe8s."),
            "not UTF-8 at byte 22",
        ),
        (write_temp(d, "blank.txt", b"  \n\n \t\n"), "no sentences"),
        (
            write_temp(d, "furniture.txt", b"Begin Text\n\nText Ends\n"),
            "no sentences",
        ),
        (
            write_temp(d, "front.txt", b"+++\ntitel = \"x\"\n+++\nA.\n"),
            ":2:",
        ),
        (
            d.join("missing.txt").to_string_lossy().into_owned(),
            "cannot read",
        ),
    ];
    for (path, expected) in &cases {
        for args in [
            vec!["normalize", path.as_str()],
            vec!["diff", path.as_str(), FINAL],
        ] {
            let (code, out, err) = run(&args);
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(out.is_empty(), "{args:?}: nothing on stdout");
            assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
            assert!(err.starts_with("communique: "), "{err}");
            assert!(
                err.contains(path.as_str()),
                "{args:?}: names the file: {err}"
            );
            assert!(err.contains(expected), "{args:?}: says {expected:?}: {err}");
        }
    }
}

fn bad_options_exit_2() {
    assert_eq!(run(&["diff", DRAFT, FINAL, "--threshold", "2"]).0, 2);
    assert_eq!(run(&["diff", DRAFT, FINAL, "--format", "pdf"]).0, 2);
    assert_eq!(run(&["diff", "-", "-"]).0, 2);
    assert_eq!(run(&["normalize", FINAL, "--date", "2021-02-30"]).0, 2);
    assert_eq!(run(&["normalize", FINAL, "--from", "docx"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    assert_eq!(run(&["--help"]).0, 0);
}

fn diff_exit_codes_follow_diff() {
    assert_eq!(run(&["diff", FINAL, FINAL]).0, 0);
    assert_eq!(run(&["diff", DRAFT, FINAL]).0, 1);
    // Editorial differences only: exit 0, unless asked to count them.
    let dir = tempfile::tempdir().expect("temp dir");
    let a = write_temp(
        dir.path(),
        "a.txt",
        "The Coalition’s “aim” – to win.\n".as_bytes(),
    );
    let b = write_temp(dir.path(), "b.txt", b"the Coalition's \"aim\" - to win.\n");
    let (code, out, _) = run(&["diff", &a, &b, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["changes"][0]["kind"], "same");
    assert_eq!(
        v["changes"][0]["editorial"],
        serde_json::json!(["quotes", "dashes", "case"])
    );
    assert_eq!(run(&["diff", &a, &b, "--count", "quotes"]).0, 1);
}

fn color_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run(&["diff", DRAFT, FINAL]);
    assert!(!plain.contains('\x1b'), "not a terminal: no color");
    assert!(plain.contains("[-intend-]{+committed+}"), "{plain}");
    let (_, colored, _) = run(&["diff", DRAFT, FINAL, "--color", "always"]);
    assert!(colored.contains('\x1b'));
    assert!(!colored.contains("[-intend-]"));
    let out = communique()
        .args(["diff", DRAFT, FINAL, "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

fn stat_prints_only_the_summary() {
    let (code, out, _) = run(&["diff", DRAFT, FINAL, "--stat"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(
        out.contains("\n1 moved, 6 reworded, 1 split, 1 merged, 1 added, 2 removed · 17 same\n")
    );
    assert!(
        out.ends_with("commitments: 1 removed, 2 reworded, 2 strengthened · 8 unchanged\n"),
        "{out}"
    );
}

fn digest_prints_only_the_digest_in_every_format() {
    let (code, out, _) = run(&["diff", DRAFT, FINAL, "--digest"]);
    assert_eq!(code, 1);
    assert!(out.contains("\nDigest\n"), "{out}");
    assert!(
        out.contains("seven million → eight million people  ¶2.1"),
        "{out}"
    );
    assert!(!out.contains("\nSentences"), "{out}");
    let (_, md, _) = run(&["diff", DRAFT, FINAL, "--digest", "--format", "markdown"]);
    assert!(md.contains("## Digest") && !md.contains("| Kind |"), "{md}");
    let (_, html, _) = run(&["diff", DRAFT, FINAL, "--digest", "--format", "html"]);
    assert!(html.contains("id=\"digest\"") && !html.contains("id=\"statement\""));
    assert!(html.trim_end().ends_with("</html>"));
    let (_, json, _) = run(&["diff", DRAFT, FINAL, "--digest", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(v.get("changes").is_none() && v["digest"]["figures"][0]["new"] == "eight million");
    // --stat keeps meaning the counts alone, in every format.
    let (_, stat, _) = run(&["diff", DRAFT, FINAL, "--stat", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stat).expect("json");
    assert!(v.get("digest").is_none() && v.get("changes").is_none());
    let (_, stat, _) = run(&["diff", DRAFT, FINAL, "--stat", "--format", "markdown"]);
    assert!(!stat.contains("Digest"), "{stat}");
    for refused in [["--stat"], ["--only=commitments"], ["--context=1"]] {
        let mut args = vec!["diff", DRAFT, FINAL, "--digest"];
        args.extend(refused);
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{refused:?}");
        assert!(err.contains("--digest"), "{err}");
    }
}

fn json_rebuilds_both_documents() {
    let (code, out, _) = run(&["diff", DRAFT, FINAL, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], "communique.diff/1");
    for (side, file) in [("old", DRAFT), ("new", FINAL)] {
        let mut sentences: Vec<(u64, u64, String)> = Vec::new();
        for change in v["changes"].as_array().expect("changes") {
            for s in change[side].as_array().expect("side") {
                let label = s["label"]
                    .as_str()
                    .map(|l| format!("{l} "))
                    .unwrap_or_default();
                sentences.push((
                    s["paragraph"].as_u64().expect("paragraph"),
                    s["sentence"].as_u64().expect("sentence"),
                    format!("{label}{}", s["text"].as_str().expect("text")),
                ));
            }
        }
        if side == "new" {
            let mut sorted = sentences.clone();
            sorted.sort();
            assert_eq!(
                sentences, sorted,
                "changes come in the new document's order"
            );
        }
        sentences.sort();
        let text = std::fs::read_to_string(repo().join(file)).expect("file");
        let st = communique::statement::read_sentence_file(&text).expect("sentence file");
        let expected: Vec<(u64, u64, String)> = st
            .sentences()
            .map(|(loc, s)| {
                let label = s
                    .label
                    .as_ref()
                    .map(|l| format!("{l} "))
                    .unwrap_or_default();
                (
                    loc.paragraph as u64,
                    loc.sentence as u64,
                    format!("{label}{}", s.text),
                )
            })
            .collect();
        assert_eq!(sentences, expected, "{side}");
    }
}

fn only_commitments_keeps_the_commitments_section() {
    let (code, out, _) = run(&["diff", DRAFT, FINAL, "--only", "commitments"]);
    assert_eq!(code, 1);
    assert!(out.contains("\nCommitments\n"), "{out}");
    assert!(!out.contains("\nSentences\n"), "{out}");
    assert!(out.contains(
        "commitment strengthened (marker 'intend to' (moderate) → 'committed to' (strong))"
    ));
    let only_commitments = |format: &str| {
        run(&[
            "diff",
            DRAFT,
            FINAL,
            "--only",
            "commitments",
            "--format",
            format,
        ])
    };
    let (_, md, _) = only_commitments("markdown");
    assert!(md.contains("## Commitments (5)"), "{md}");
    assert!(!md.contains("## Reworded"), "{md}");
    let (code, html, _) = only_commitments("html");
    assert_eq!(code, 1);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_eq!(html.matches("<li class=\"cm-item").count(), 5, "{html}");
    assert!(!html.contains("id=\"statement\""), "{html}");
    let (_, json, _) = only_commitments("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 5);
    assert!(
        changes
            .iter()
            .all(|c| !c["commitment_change"].is_null() && c["commitment_change"] != "unchanged")
    );
    assert_eq!(
        v["summary"]["same"], 17,
        "the summary still counts every entry"
    );
}

fn a_user_lexicon_extends_or_replaces_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let a = write_temp(d, "a.txt", b"The Ministers noted the plan.\n");
    let b = write_temp(d, "b.txt", b"The Ministers vowed to act on the plan.\n");
    let commitment_change = |args: &[&str]| -> serde_json::Value {
        let (code, out, err) = run(args);
        assert_eq!(code, 1, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["changes"][0]["commitment_change"].clone()
    };
    assert_eq!(
        commitment_change(&["diff", &a, &b, "--format", "json"]),
        serde_json::Value::Null
    );
    let vow = write_temp(
        d,
        "vow.toml",
        b"[[marker]]\nstrength = \"strong\"\nphrases = [\"vowed to\"]\n",
    );
    assert_eq!(
        commitment_change(&["diff", &a, &b, "--format", "json", "--lexicon", &vow]),
        "added"
    );
    let bad = write_temp(
        d,
        "bad.toml",
        b"[[marker]]\nstrength = \"mighty\"\nphrases = []\n",
    );
    let (code, out, err) = run(&["diff", &a, &b, "--lexicon", &bad]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&bad) && err.contains("line 2"), "{err}");
    let missing = d.join("none.toml").to_string_lossy().into_owned();
    let (code, _, err) = run(&["diff", &a, &b, "--lexicon", &missing]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read lexicon") && err.contains(&missing),
        "{err}"
    );
}

/// Plain files are dated from a `YYYY-MM-DD-` file name, as `import` dates
/// them (issue 19, item 6); a date in the text wins, and other names give
/// none.
fn diff_of_plain_files_takes_the_date_from_their_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = write_temp(
        dir.path(),
        "2020-06-04-statement.txt",
        b"The Ministers met.\n",
    );
    let new = write_temp(
        dir.path(),
        "2021-03-30-statement.txt",
        b"The Ministers met again.\n",
    );
    let (code, out, err) = run(&["diff", &old, &new, "--color", "never"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with(&format!("--- {old} (2020-06-04)\n+++ {new} (2021-03-30)\n")),
        "{out}"
    );
    let undated = write_temp(dir.path(), "statement.txt", b"The Ministers met.\n");
    let (_, out, _) = run(&["diff", &undated, &new, "--color", "never"]);
    assert!(out.starts_with(&format!("--- {undated}\n")), "{out}");
    // A date the file gives itself wins over its name.
    let own = write_temp(
        dir.path(),
        "2020-01-01-own.txt",
        b"+++\ndate = \"2020-06-04\"\n+++\n\nThe Ministers met.\n",
    );
    let (_, out, _) = run(&["diff", &own, &new, "--color", "never"]);
    assert!(
        out.starts_with(&format!("--- {own} (2020-06-04)\n")),
        "{out}"
    );
}

crate::tests![
    the_seed_in_statements_is_what_normalize_makes_of_the_raw_text[Shared],
    every_statement_file_reads_and_writes_back_to_the_same_bytes,
    normalize_json_has_the_documented_shape,
    diff_of_plain_files_takes_the_date_from_their_names,
    normalize_reads_stdin,
    bad_input_is_one_line_on_stderr_and_exit_2,
    bad_options_exit_2,
    diff_exit_codes_follow_diff,
    color_only_when_asked_or_on_a_terminal,
    stat_prints_only_the_summary,
    digest_prints_only_the_digest_in_every_format,
    json_rebuilds_both_documents,
    only_commitments_keeps_the_commitments_section,
    a_user_lexicon_extends_or_replaces_and_a_bad_one_is_named,
];
