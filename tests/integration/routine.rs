//! Routine updates (issue 19, item 3): on UN resolutions year over year,
//! every entry that only advances a session, a year, a date or a symbol, or
//! recalls last year's resolution, is `routine`, and none that changes
//! substance is. The verdicts are hand labels, tests/fixtures/routine/labels.toml,
//! written from the texts before the rules; this test prints the score of
//! the labelled pairs and of the holdout apart, and fails on any miss.

use serde::Deserialize;
use serde_json::Value;

use crate::support::harness::{corpus_file, shared_dir};
use crate::support::sandbox::run;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    old: String,
    new: String,
    #[serde(default)]
    holdout: bool,
    /// Labelled after the rules were written: scored apart.
    #[serde(default)]
    reviewed_after: bool,
    /// The verdict of every revised entry not listed, when the pair lists
    /// only some (read, and found to be the same verdict).
    unlisted: Option<bool>,
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    start: String,
    routine: bool,
    #[allow(dead_code)]
    why: String,
}

fn labels() -> Labels {
    let path = crate::support::sandbox::repo().join("tests/fixtures/routine/labels.toml");
    let text = std::fs::read_to_string(&path).expect("the labels");
    toml::from_str(&text).expect("labels.toml parses")
}

/// The JSON diff of two corpus files, with `extra` arguments.
fn diff(old: &str, new: &str, extra: &[&str]) -> Value {
    let (old, new) = (corpus_file(old), corpus_file(new));
    let mut args = vec!["diff", "--format", "json"];
    args.extend_from_slice(extra);
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    args.extend([old.as_ref(), new.as_ref()]);
    let (code, out, err) = run(&args);
    assert!(code == 0 || code == 1, "diff failed: {err}");
    serde_json::from_str(&out).expect("JSON")
}

/// The start of an entry's text: its first new sentence, else its first old.
fn text_of(change: &Value) -> String {
    let side = |name: &str| change[name][0]["text"].as_str().map(str::to_owned);
    side("new").or_else(|| side("old")).unwrap_or_default()
}

fn routine_labels_on_un_resolutions() {
    shared_dir();
    let mut failures = Vec::new();
    // (entries, right) for the labelled pairs, the holdout and the pairs
    // reviewed after the rules.
    let mut scores = [(0usize, 0usize); 3];
    for pair in labels().pair {
        let json = diff(&pair.old, &pair.new, &[]);
        let revised: Vec<&Value> = json["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter(|c| ["reworded", "split", "merged"].contains(&c["kind"].as_str().unwrap_or("")))
            .collect();
        for change in &revised {
            let text = text_of(change);
            let label = pair.entries.iter().find(|e| text.starts_with(&e.start));
            let Some(routine) = label.map(|l| l.routine).or(pair.unlisted) else {
                failures.push(format!("{}: unlabelled entry {text:.60}", pair.new));
                continue;
            };
            let group = if pair.reviewed_after {
                2
            } else {
                usize::from(pair.holdout)
            };
            let score = &mut scores[group];
            score.0 += 1;
            if change["routine"].as_bool() == Some(routine) {
                score.1 += 1;
            } else {
                failures.push(format!(
                    "{}: {text:.60} should{} be routine",
                    pair.new,
                    if routine { "" } else { " not" }
                ));
            }
        }
        for label in &pair.entries {
            if !revised.iter().any(|c| text_of(c).starts_with(&label.start)) {
                failures.push(format!("{}: no revised entry {:?}", pair.new, label.start));
            }
        }
        // Summary and entries agree.
        let marked = revised.iter().filter(|c| c["routine"] == true).count();
        assert_eq!(json["summary"]["routine"].as_u64(), Some(marked as u64));
    }
    for (name, (n, right)) in ["labelled", "holdout", "reviewed-after"].iter().zip(scores) {
        println!("routine verdicts, {name} pairs: {right}/{n} right");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `--count routine` shows routine updates as ordinary rewordings.
fn count_routine_shows_them_as_rewordings() {
    let (old, new) = (
        "unga-cuba-embargo/2023-11-02-a-res-78-7.txt",
        "unga-cuba-embargo/2024-10-30-a-res-79-7.txt",
    );
    let folded = diff(old, new, &[]);
    let counted = diff(old, new, &["--count", "routine"]);
    assert_eq!(folded["summary"]["routine"], 7);
    assert_eq!(counted["summary"]["routine"], 0);
    let routine = |j: &Value| {
        j["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter(|c| c["routine"] == true)
            .count()
    };
    assert_eq!(routine(&counted), 0);
    assert_eq!(
        folded["summary"]["reworded"], counted["summary"]["reworded"],
        "routine entries are still counted as reworded"
    );
}

/// The terminal, Markdown and HTML reports fold routine updates after the
/// changes of substance: one line each, the redline one click away.
fn reports_fold_routine_updates() {
    let (old, new) = (
        corpus_file("unga-iaea-report/2023-11-08-a-res-78-8.txt"),
        corpus_file("unga-iaea-report/2024-10-15-a-res-79-4.txt"),
    );
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let report = |format: &str, extra: &[&str]| {
        let mut args = vec!["diff", "--format", format];
        args.extend_from_slice(extra);
        args.extend([old.as_ref(), new.as_ref()]);
        run(&args).1
    };
    let terminal = report("terminal", &[]);
    assert!(terminal.contains("6 reworded, 1 removed · 6 same · 5 routine"));
    let fold = terminal
        .find("\nRoutine updates\n")
        .expect("a routine section");
    assert!(
        terminal
            .find("\n~ ¶8.1 reworded")
            .expect("¶8.1 in substance")
            < fold
    );
    assert!(terminal.contains("\n~ ¶11.1 (was ¶12.1) routine: seventy-eighth → seventy-ninth\n"));
    assert!(terminal.contains("\n~ ¶3.1 routine: 2022 → 2023\n"));
    // The redline of a routine entry is not in the terminal's fold.
    assert!(!terminal.contains("[-seventy-eighth-]") && !terminal.contains("seventy-[-eighth"));
    let counted = report("terminal", &["--count", "routine"]);
    assert!(!counted.contains("Routine updates") && !counted.contains(" routine"));
    assert!(counted.contains("seventy-[-eighth-]{+ninth+}"));

    let markdown = report("markdown", &[]);
    let details = markdown.find("<details>").expect("a folded list");
    assert!(markdown.find("## Reworded (1)").expect("substance first") < details);
    assert!(markdown[details..].contains("- **¶3.1** · routine: 2022 → 2023\n"));
    assert!(markdown[details..].contains("~~2022~~**2023,**"));

    let html = report("html", &[]);
    let section = html
        .find("<section id=\"routine\">")
        .expect("a routine section");
    assert!(html[section..].contains(
        "<li><details><summary><a class=\"loc\" href=\"#n-3-1\">¶3.1</a> routine: 2022 → 2023</summary>"
    ));
    assert!(html[section..].contains("<del>2022</del><ins>2023,</ins>"));
}

crate::tests![
    routine_labels_on_un_resolutions[Shared],
    count_routine_shows_them_as_rewordings[Shared],
    reports_fold_routine_updates[Shared],
];
