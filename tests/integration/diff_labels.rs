//! The diff against pairs labelled by hand (tests/fixtures/labels/*.toml):
//! every entry's kind is asserted, not just counts. Each label file lists the
//! non-`same` entries by unique text prefixes of their sentences; every
//! sentence it does not list must be in a `same` entry.

use std::path::{Path, PathBuf};

use communique::diff::{ChangeKind, Diff, SentenceView};
use communique::import::import;
use communique::statement::Statement;
use communique::{Options, compare};
use serde::Deserialize;

use crate::support::harness::shared_dir;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    old: String,
    new: String,
    #[serde(default)]
    change: Vec<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    kind: String,
    old: Vec<String>,
    new: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// The crate root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Label paths starting with `statements/` are in this repository; the
/// others are in `../shared/corpus`.
pub(crate) fn load(shared: &Path, rel: &str) -> Statement {
    let path = if rel.starts_with("statements/") {
        repo().join(rel)
    } else {
        shared.join("corpus").join(rel)
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import(&bytes, None, rel).unwrap_or_else(|e| panic!("{e}"))
}

fn kind(name: &str) -> ChangeKind {
    ChangeKind::ALL
        .into_iter()
        .find(|k| k.name() == name)
        .unwrap_or_else(|| panic!("unknown kind {name}"))
}

/// The index of the one entry holding the sentence that starts with `prefix`
/// on the given side.
fn entry_of(diff: &Diff, prefix: &str, old_side: bool) -> usize {
    let side = |i: usize| -> &[SentenceView] {
        if old_side {
            &diff.changes[i].old
        } else {
            &diff.changes[i].new
        }
    };
    let hits: Vec<usize> = (0..diff.changes.len())
        .filter(|&i| side(i).iter().any(|v| v.text.starts_with(prefix)))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{} sentence starting {prefix:?} should be in exactly one entry",
        if old_side { "old" } else { "new" }
    );
    hits[0]
}

fn check(file: &Path, shared: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let labels: LabelFile = toml::from_str(&text).map_err(|e| e.to_string())?;
    let old = load(shared, &labels.old);
    let new = load(shared, &labels.new);
    let diff = compare(&old, &new, &Options::named(&labels.old, &labels.new));

    let mut problems = Vec::new();
    let mut labelled = vec![false; diff.changes.len()];
    for label in &labels.change {
        let mut entries: Vec<usize> = label
            .old
            .iter()
            .map(|p| entry_of(&diff, p, true))
            .chain(label.new.iter().map(|p| entry_of(&diff, p, false)))
            .collect();
        entries.dedup();
        let want = kind(&label.kind);
        let first = label
            .old
            .first()
            .or(label.new.first())
            .cloned()
            .unwrap_or_default();
        if entries.len() != 1 {
            let got: Vec<&str> = entries
                .iter()
                .map(|&i| diff.changes[i].kind.name())
                .collect();
            problems.push(format!("{want:?} {first:?}: spread over entries {got:?}"));
            continue;
        }
        let c = &diff.changes[entries[0]];
        labelled[entries[0]] = true;
        if c.kind != want || c.old.len() != label.old.len() || c.new.len() != label.new.len() {
            problems.push(format!(
                "{first:?}: labelled {} ({}→{}), got {} ({}→{}, similarity {})",
                want.name(),
                label.old.len(),
                label.new.len(),
                c.kind.name(),
                c.old.len(),
                c.new.len(),
                c.similarity
            ));
        }
    }
    for (i, c) in diff.changes.iter().enumerate() {
        if !labelled[i] && c.kind != ChangeKind::Same {
            let text = c
                .old
                .first()
                .or(c.new.first())
                .map(|v| &*v.text)
                .unwrap_or("");
            problems.push(format!("unlabelled {} entry: {text:?}", c.kind.name()));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

fn hand_labelled_pairs() {
    let shared = shared_dir();
    let dir = repo().join("tests/fixtures/labels");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("labels folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "at least three labelled pairs");
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match check(file, &shared) {
            Ok(()) => eprintln!("labels {name}: every entry as labelled"),
            Err(p) => failures.push(format!("{name}:\n  {p}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

crate::tests![hand_labelled_pairs[Shared],];
