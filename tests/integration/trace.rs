//! Genealogy and precedents (issue 9): `trace` and `precedent` on real
//! series imported from `../shared/corpus` into temporary stores, checked
//! against lineages read by hand from the texts; the JSON of `trace`,
//! `precedent`, `log`, `show` and `history`; and their errors.
//!
//! Versions are numbered from 0 in date order, as `trace --format json`
//! numbers them.

use serde::Deserialize;
use serde_json::Value;

use crate::support::Sandbox;
use crate::support::harness::corpus_file;

/// A store holding every version of each series (from the corpus).
pub(crate) fn corpus_store(series: &[&str]) -> Sandbox {
    let store = Sandbox::with_store();
    for name in series {
        let folder = corpus_file(name);
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .expect("series folder")
            .map(|f| f.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let file_name = file.file_name().and_then(|n| n.to_str()).expect("name");
            let path = file.to_str().expect("utf-8 path");
            store.ok(&["import", path, "--series", name, "--date", &file_name[..10]]);
        }
    }
    store
}

/// `trace --format json`, read as a consumer would (unknown fields are an
/// error, so the documentation and the output cannot drift apart silently).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TraceJson {
    schema: String,
    versions: Vec<VersionJson>,
    sentences: Vec<LineageJson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionJson {
    #[serde(rename = "ref")]
    reference: String,
    title: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LineageJson {
    paragraph: usize,
    sentence: usize,
    label: Option<String>,
    text: String,
    commitment: Option<Value>,
    clauses: Vec<Value>,
    first: AppearanceJson,
    changes: Vec<StepJson>,
    absent: Vec<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppearanceJson {
    version: usize,
    paragraph: usize,
    sentence: usize,
    label: Option<String>,
    text: String,
}

/// A step is the version plus the diff's entry (documented with the diff).
#[derive(Debug, Deserialize)]
struct StepJson {
    version: usize,
    kind: String,
    similarity: f64,
    edits: Vec<Value>,
}

fn trace_json(store: &Sandbox, reference: &str) -> TraceJson {
    let out = store.ok(&["trace", reference, "--format", "json"]);
    let trace: TraceJson = serde_json::from_str(&out).expect("trace JSON");
    assert_eq!(trace.schema, "communique.trace/1");
    trace
}

/// The lineage of the one sentence of the traced statement whose text
/// starts with `prefix`: (first version, versions that changed it,
/// versions it was absent from).
fn lineage<'a>(trace: &'a TraceJson, prefix: &str) -> &'a LineageJson {
    let found: Vec<&LineageJson> = trace
        .sentences
        .iter()
        .filter(|l| l.text.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "one sentence starts with {prefix:?}");
    found[0]
}

fn check(trace: &TraceJson, prefix: &str, first: usize, changed: &[usize], absent: &[usize]) {
    let l = lineage(trace, prefix);
    let versions: Vec<usize> = l.changes.iter().map(|s| s.version).collect();
    assert_eq!(
        (l.first.version, versions.as_slice(), l.absent.as_slice()),
        (first, changed, absent),
        "lineage of {prefix:?}"
    );
    for step in &l.changes {
        assert!(
            ["reworded", "split", "merged"].contains(&step.kind.as_str()),
            "{step:?}"
        );
        assert!(step.similarity > 0.0 && !step.edits.is_empty(), "{step:?}");
    }
}

/// Hand check, unga-tpnw: versions 0 = A/RES/78/35 (2023-12-04), 1 =
/// A/RES/79/38 (2024-12-02), 2 = draft A/C.1/80/L.18 (2025-10-10), 3 =
/// A/RES/80/54 (2025-12-01). Each expectation below was read off the four
/// texts in ../shared/corpus/unga-tpnw, not off the tool's output.
fn trace_tpnw_lineages_checked_by_hand() {
    let store = corpus_store(&["unga-tpnw"]);
    let t = trace_json(&store, "unga-tpnw");
    assert_eq!(t.versions.len(), 4);
    assert_eq!(t.versions[0].reference, "unga-tpnw/2023-12-04-a-res-78-35");
    assert_eq!(t.versions[3].date.as_deref(), Some("2025-12-01"));
    assert!(t.versions.iter().all(|v| v.title.is_none()));
    assert_eq!(t.sentences.len(), 19);

    // OP1 "Recalls the adoption of the Treaty … on 7 July 2017;" is word for
    // word the same in all four texts: first in 2023, never changed.
    check(&t, "Recalls the adoption of the Treaty on the", 0, &[], &[]);
    let op1 = lineage(&t, "Recalls the adoption of the Treaty on the");
    assert_eq!(op1.label.as_deref(), Some("1."));
    assert_eq!((op1.first.paragraph, op1.first.sentence), (4, 1));
    // OP5 "Recalls the adoption of the Vienna Action Plan …" is not in
    // 78/35; it appears in 79/38 and stays word for word in L.18 and 80/54.
    check(
        &t,
        "Recalls the adoption of the Vienna Action Plan",
        1,
        &[],
        &[],
    );
    // The Scientific Advisory Group: 78/35 OP7 "Welcomes the establishment
    // of the Treaty’s Scientific Advisory Group;" → 79/38 OP9 "Welcomes the
    // ongoing work of … and its report on …" → L.18 adds "the update to";
    // 80/54 keeps L.18's text.
    check(
        &t,
        "Welcomes the ongoing work of the Treaty’s",
        0,
        &[1, 2],
        &[],
    );
    let sag = lineage(&t, "Welcomes the ongoing work of the Treaty’s");
    assert_eq!(
        sag.first.text,
        "Welcomes the establishment of the Treaty’s Scientific Advisory Group;"
    );
    assert_eq!(sag.first.label.as_deref(), Some("7."));
    assert_eq!(sag.label.as_deref(), Some("9."));
    assert_eq!((sag.paragraph, sag.sentence), (12, 1));
    assert!(sag.commitment.is_none(), "welcoming commits no one");
    assert!(sag.clauses.is_empty(), "and has no commitment clause");
    let calls = lineage(&t, "Calls upon all States that have not yet");
    assert!(calls.commitment.is_some(), "'calls upon' is a commitment");
    // OP4 signatures: 93 / 69 States as at 9 October 2023 → 94 / 73 as at
    // 14 October 2024 plus "and also welcomes ongoing universalization
    // efforts" → L.18: 95 / 74 "Parties" as at 10 October 2025; 80/54 as L.18.
    check(&t, "Welcomes that already", 0, &[1, 2], &[]);
    // "Calls upon those States in a position to do so to promote adherence
    // to the Treaty" gains "and its norms and underlying rationale" in 79/38
    // (OP12 → OP13) and is unchanged after.
    check(&t, "Calls upon those States in a position", 0, &[1], &[]);
    // "Calls upon all States that have not yet done so to sign, ratify …"
    // (OP11 → OP12 from 79/38): the same words throughout.
    check(&t, "Calls upon all States that have not yet", 0, &[], &[]);
    // The meeting line: "42nd plenary meeting 4 December 2023" in 78/35,
    // "43rd … 2024" in 79/38, none in the draft L.18 (drafts have no
    // meeting), "52nd plenary meeting 1 December 2025" in 80/54. Restored
    // after the draft dropped it, it is followed back through the gap.
    check(&t, "52nd plenary meeting", 0, &[1, 3], &[2]);
}

/// Hand check, unga-climate-protection: versions 0 = A/RES/78/153
/// (2023-12-19), 1 = A/RES/79/206 (2024-12-19), 2 = draft A/C.2/80/L.37
/// (2025-10-20), 3 = A/RES/80/138 (2025-12-15), read in
/// ../shared/corpus/unga-climate-protection.
fn trace_climate_lineages_checked_by_hand() {
    let store = corpus_store(&["unga-climate-protection"]);
    let t = trace_json(&store, "unga-climate-protection/2025-12-15");
    assert_eq!(t.versions.len(), 4);
    // PP "Recalling further the Paris Agreement, which, pursuant to article
    // 2, paragraph 2, …": byte for byte the same paragraph in all four.
    check(
        &t,
        "Recalling further the Paris Agreement, which",
        0,
        &[],
        &[],
    );
    // PP "Recalling also the United Nations Framework Convention on Climate
    // Change and the Paris Agreement, …": 78/153 and 79/206 agree; L.37
    // adds "adopted under the Convention" and says "forum" for "forums";
    // 80/138 goes back to the 2024 wording (only "parties’" → "Parties’",
    // a case difference that is not a change).
    check(
        &t,
        "Recalling also the United Nations Framework",
        0,
        &[2, 3],
        &[],
    );
    // PP on the Fourth International Conference on Financing for
    // Development (Sevilla): absent from 2023 and 2024, new in L.37; 80/138
    // rewords it ("4 trillion United States dollar financing gap, and
    // catalyse sustainable development investments … continue the reform").
    check(
        &t,
        "Welcoming the convening of the Fourth International",
        2,
        &[3],
        &[],
    );
    // PP "Noting the contribution of the United Nations Environment
    // Assembly …": the same in 2023 and 2024, left out of the draft L.37,
    // restored word for word in 80/138.
    check(
        &t,
        "Noting the contribution of the United Nations Environment",
        0,
        &[],
        &[2],
    );
    // PP "Noting that just transition of the workforce …": only in 80/138.
    check(
        &t,
        "Noting that just transition of the workforce",
        3,
        &[],
        &[],
    );
    // PP "Taking note of the 2022 adaptation gap …" (2023) → "2024" (2024,
    // kept by L.37) → "2025" (80/138).
    check(
        &t,
        "Taking note of the 2025 adaptation gap",
        0,
        &[1, 3],
        &[],
    );
    // PP Kigali Amendment: "155 countries …, thirty-fifth Meeting …
    // Nairobi" (2023) → "162 countries …, thirty-sixth … Bangkok" (2024,
    // kept by L.37) → "ratification, acceptance and approval by 169
    // countries" (80/138).
    check(
        &t,
        "Recalling also the entry into force on 1 January 2019",
        0,
        &[1, 3],
        &[],
    );
    // The meeting line: "49th plenary meeting 19 December 2023", "54th …
    // 19 December 2024", none in L.37, "64th plenary meeting 15 December
    // 2025".
    check(&t, "64th plenary meeting", 0, &[1, 3], &[2]);
}

fn trace_one_sentence_shows_each_step_with_its_redline() {
    let store = corpus_store(&["unga-tpnw"]);
    let out = store.ok(&[
        "trace",
        "unga-tpnw",
        "--sentence",
        "12.1",
        "--color",
        "never",
    ]);
    assert!(
        out.starts_with("¶12.1 of unga-tpnw/2025-12-01-a-res-80-54: 2 changes since 2023-12-04\n"),
        "{out}"
    );
    assert!(out.contains("2023-12-04 unga-tpnw/2023-12-04-a-res-78-35  first appeared at ¶10.1\n    7. Welcomes the establishment"), "{out}");
    assert!(out.contains("[-establishment-]{+ongoing work+}"), "{out}");
    assert!(out.contains("{+the update to +}"), "{out}");
    assert!(
        !out.contains("2025-12-01 unga-tpnw/2025-12-01"),
        "no step in 80/54: {out}"
    );
    // The meeting line: a change in 79/38, absent from the draft L.18,
    // changed again in 80/54, in that order.
    let meeting = store.ok(&["trace", "unga-tpnw", "--sentence", "¶19.1"]);
    let order: Vec<usize> = [
        "2024-12-02 unga-tpnw/2024-12-02-a-res-79-38\n",
        "2025-10-10 unga-tpnw/2025-10-10-a-c-1-80-l-18  absent\n",
        "2025-12-01 unga-tpnw/2025-12-01-a-res-80-54\n",
    ]
    .iter()
    .map(|line| {
        meeting
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} in {meeting}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{meeting}");
    // The text form of the whole statement: one sentence and one lineage
    // line each.
    let all = store.ok(&["trace", "unga-tpnw"]);
    assert!(all.starts_with("unga-tpnw/2025-12-01-a-res-80-54: 4 versions since 2023-12-04\n"));
    assert!(
        all.contains("since 2024-12-02 unga-tpnw/2024-12-02-a-res-79-38 ¶8.1, unchanged"),
        "{all}"
    );
    assert_eq!(all.lines().count(), 1 + 2 * 19);
}

fn trace_and_precedent_errors_name_the_ref() {
    let store = corpus_store(&["unga-tpnw"]);
    store.refused(&["trace", "unga-nope"], "unga-nope");
    store.refused(&["precedent", "unga-nope"], "unga-nope");
    store.refused(
        &["trace", "unga-tpnw", "--sentence", "40.1"],
        "no sentence ¶40.1",
    );
    let (code, _, err) = store.run(&["trace", "unga-tpnw", "--sentence", "x"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = store.run(&["precedent"]);
    assert_eq!(code, 2, "REF or --text is required: {err}");
}

/// `precedent --format json` for one statement.
fn precedent_json(store: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["precedent"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = store.run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    let json: Value = serde_json::from_str(&out).expect("precedent JSON");
    assert_eq!(json["schema"], "communique.precedent/1");
    json
}

/// The finding of the one queried sentence whose text starts with `prefix`.
fn finding<'a>(json: &'a Value, prefix: &str) -> &'a Value {
    let found: Vec<&Value> = json["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .filter(|s| s["text"].as_str().is_some_and(|t| t.starts_with(prefix)))
        .collect();
    assert_eq!(found.len(), 1, "one finding starts with {prefix:?}");
    found[0]
}

/// Precedents of A/RES/80/138 (2025-12-15) in a store that holds the four
/// climate texts and, as other series, the TPNW and Cuba resolutions. The
/// expectations were checked by reading the texts.
fn precedent_finds_agreed_language_of_the_climate_resolution() {
    let store = corpus_store(&["unga-climate-protection", "unga-tpnw", "unga-cuba-embargo"]);
    let json = precedent_json(&store, &["unga-climate-protection/2025-12-15"]);
    assert_eq!(
        json["previous"],
        "unga-climate-protection/2025-10-20-a-c-2-80-l-37"
    );
    assert_eq!(json["threshold"], 0.5);
    // Earlier = dated before 2025-12-15, any series: 3 climate texts, 4 TPNW
    // (80/54 is of 2025-12-01), 4 Cuba.
    assert_eq!(json["searched"], 11);
    // Reworded against the draft L.37, but the paragraph "Recalling also
    // the United Nations Framework Convention …" of 80/138 is the 2024 one
    // (and the 2023 one) word for word, up to the case of "Parties’".
    let unfccc = finding(&json, "Recalling also the United Nations Framework");
    assert_eq!(unfccc["change"], "reworded");
    assert_eq!(unfccc["verdict"], "verbatim");
    let refs: Vec<&str> = unfccc["precedents"]
        .as_array()
        .expect("precedents")
        .iter()
        .filter(|p| p["verdict"] == "verbatim")
        .map(|p| p["ref"].as_str().expect("ref"))
        .collect();
    assert_eq!(
        refs,
        [
            "unga-climate-protection/2024-12-19-a-res-79-206",
            "unga-climate-protection/2023-12-19-a-res-78-153"
        ]
    );
    // The Kigali paragraph was reworded ("ratification, acceptance and
    // approval by 169 countries"): adapted from L.37 and 79/206 (whose
    // texts agree), with its similarity.
    let kigali = finding(
        &json,
        "Recalling also the entry into force on 1 January 2019",
    );
    assert_eq!(kigali["verdict"], "adapted");
    let best = &kigali["precedents"][0];
    assert!(
        best["similarity"]
            .as_f64()
            .is_some_and(|s| s > 0.9 && s < 1.0),
        "{best}"
    );
    // Paragraphs whose wording is in no earlier text: the new "Noting that
    // just transition of the workforce …", and OP22 "Reaffirms the call on
    // all actors … 1.3 trillion United States dollars per year by 2035 …",
    // which takes over, reworded, the second half of the draft's OP19
    // ("… and calls for the scaling up of financing … to at least 1.3
    // trillion …"), split from its first half (OP23, "Also reaffirms the
    // goal of at least 300 billion …").
    for (novel, change) in [
        ("Noting that just transition of the workforce", "added"),
        ("Reaffirms the call on all actors to work together", "split"),
    ] {
        let f = finding(&json, novel);
        assert_eq!(f["change"], change, "{novel}");
        assert_eq!(f["verdict"], "novel", "{novel}");
        assert!(f["precedents"].as_array().is_some_and(Vec::is_empty));
    }

    // With --all, every sentence is looked up: the preambular paragraph
    // "Recalling further the Paris Agreement, which, pursuant to article 2
    // …", the same in every version, is verbatim in 79/206 (the most recent
    // earlier statement first, after L.37).
    let all = precedent_json(
        &store,
        &[
            "unga-climate-protection/2025-12-15",
            "--all",
            "--limit",
            "5",
        ],
    );
    assert_eq!(all["sentences"].as_array().map(Vec::len), Some(78));
    let paris = finding(&all, "Recalling further the Paris Agreement, which");
    assert_eq!(paris["verdict"], "verbatim");
    let refs: Vec<&str> = paris["precedents"]
        .as_array()
        .expect("precedents")
        .iter()
        .map(|p| p["ref"].as_str().expect("ref"))
        .collect();
    assert!(
        refs.contains(&"unga-climate-protection/2024-12-19-a-res-79-206"),
        "{refs:?}"
    );
    assert!(
        refs.iter()
            .all(|r| r.starts_with("unga-climate-protection/")),
        "{refs:?}"
    );
    // The first of a series has no predecessor: every sentence is looked up.
    let first = precedent_json(&store, &["unga-climate-protection/2023"]);
    assert!(first["previous"].is_null());
    assert_eq!(first["sentences"].as_array().map(Vec::len), Some(75));
}

fn precedent_of_a_text_searches_the_whole_store() {
    let store = corpus_store(&["unga-tpnw"]);
    let out = store.ok(&[
        "precedent",
        "--text",
        "Welcomes the entry into force of the Treaty on 22 January 2021;\n\nThe cat sat on the mat.",
    ]);
    assert!(
        out.starts_with("--text: 2 sentences; precedents among all 4 statements\n"),
        "{out}"
    );
    assert!(out.contains("¶1.1 verbatim\n"), "{out}");
    assert!(
        out.contains("= verbatim in unga-tpnw/2025-12-01-a-res-80-54 ¶5.1 (2025-12-01)"),
        "{out}"
    );
    assert!(out.contains("¶2.1 novel\n"), "{out}");
}

fn log_show_and_history_as_json() {
    let store = corpus_store(&["unga-tpnw"]);
    let log: Value =
        serde_json::from_str(&store.ok(&["log", "--format", "json"])).expect("log JSON");
    assert_eq!(log["schema"], "communique.log/1");
    let entries = log["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["ref"], "unga-tpnw/2023-12-04-a-res-78-35");
    assert!(entries[0]["summary"].is_null());
    assert_eq!(entries[1]["summary"]["added"], 1);
    assert_eq!(entries[1]["sentences"], 19);

    let show: Value =
        serde_json::from_str(&store.ok(&["show", "unga-tpnw/2024", "--format", "json"]))
            .expect("show JSON");
    assert_eq!(show["schema"], "communique.show/1");
    assert_eq!(show["ref"], "unga-tpnw/2024-12-02-a-res-79-38");
    assert_eq!(show["meta"]["date"], "2024-12-02");
    assert_eq!(show["paragraphs"][3]["sentences"][0]["label"], "1.");

    let history: Value =
        serde_json::from_str(&store.ok(&["history", "unga-tpnw", "--format", "json"]))
            .expect("history JSON");
    assert_eq!(history["schema"], "communique.history/1");
    assert_eq!(history["revisions"].as_array().map(Vec::len), Some(1));
    assert_eq!(history["revisions"][0]["sentences"], 19);
}

/// A sentence first seen in the last version is "new in" it, not
/// "unchanged since" it (issue 19): ¶31.1 of A/RES/80/138, the "just
/// transition" paragraph, which no earlier climate resolution has.
fn a_sentence_first_seen_in_the_last_version_is_new_there() {
    let store = corpus_store(&["unga-climate-protection"]);
    let all = store.ok(&["trace", "unga-climate-protection"]);
    let line = "    new in 2025-12-15 unga-climate-protection/2025-12-15-a-res-80-138 ¶31.1\n";
    // The whole line: no ", unchanged" after it.
    assert!(all.contains(line), "{all}");
    let one = store.ok(&["trace", "unga-climate-protection", "--sentence", "¶31.1"]);
    assert!(
        one.starts_with(
            "¶31.1 of unga-climate-protection/2025-12-15-a-res-80-138: new in 2025-12-15\n"
        ),
        "{one}"
    );
    // One that is older still says since when, unchanged or not.
    assert!(all.contains("\n    since 2023-12-19 "), "{all}");
}

crate::tests![
    trace_tpnw_lineages_checked_by_hand[Shared],
    trace_climate_lineages_checked_by_hand[Shared],
    trace_one_sentence_shows_each_step_with_its_redline[Shared],
    trace_and_precedent_errors_name_the_ref[Shared],
    precedent_finds_agreed_language_of_the_climate_resolution[Shared],
    precedent_of_a_text_searches_the_whole_store[Shared],
    log_show_and_history_as_json[Shared],
    a_sentence_first_seen_in_the_last_version_is_new_there[Shared],
];
