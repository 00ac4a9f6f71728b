//! Commitment analysis scored against hand labels made under
//! `../shared/COMMITMENTS.md`: the calibration set (`../shared/eval/commitments`),
//! the dev set (`tests/fixtures/commitments/dev`) and, when the coordinator has
//! added it, the holdout set (`tests/fixtures/commitments/holdout`). Each set's
//! figures are printed on their own; the dev set must reach the thresholds.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};

use communique::analyze::lexicon::Lexicon;
use communique::analyze::views;
use communique::diff::{CommitmentChange, Diff, SentenceView};
use communique::import::import;
use communique::statement::Statement;
use communique::{Options, compare};
use serde::Deserialize;

use crate::support::harness::{corpus_texts, shared_dir};

/// One label file (the format of `../shared/eval/commitments/README.md`).
#[derive(Deserialize)]
struct LabelFile {
    files: BTreeMap<String, Vec<SentenceLabel>>,
    #[serde(default)]
    pairs: Vec<PairLabel>,
}

#[derive(Deserialize)]
struct SentenceLabel {
    text: String,
    commitment: String,
    #[serde(default)]
    ambiguous: bool,
}

#[derive(Deserialize)]
struct PairLabel {
    old: String,
    new: String,
    commitment_changes: Vec<ChangeLabel>,
}

#[derive(Deserialize)]
struct ChangeLabel {
    old: Option<String>,
    new: Option<String>,
    change: String,
    #[serde(default)]
    ambiguous: bool,
}

/// The figures of one label set.
#[derive(Default)]
struct Scores {
    sentences: usize,
    unmatched: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    strength_ok: usize,
    changes: usize,
    changes_ok: usize,
    misses: Vec<String>,
}

impl Scores {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn strength(&self) -> f64 {
        self.strength_ok as f64 / self.tp.max(1) as f64
    }
    fn change(&self) -> f64 {
        self.changes_ok as f64 / self.changes.max(1) as f64
    }
}

/// The label files of one set, sorted; none when the folder is absent.
fn label_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".labels.json"))
        .collect();
    out.sort();
    out
}

/// The corpus statement with this file name, from whichever series holds it.
fn statement(corpus: &[PathBuf], name: &str) -> Statement {
    let path = corpus
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("{name} is not in the corpus"));
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import(&bytes, None, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn level(view: &SentenceView) -> &'static str {
    view.commitment().map_or("none", |c| c.strength.name())
}

fn short(text: &str) -> String {
    text.chars().take(100).collect()
}

/// Scores the sentences of one labelled file against the analysis.
fn score_file(st: &Statement, labels: &[SentenceLabel], lexicon: &Lexicon, s: &mut Scores) {
    let mut by_text: HashMap<&str, VecDeque<&SentenceView>> = HashMap::new();
    let seen = views(st, lexicon);
    for v in &seen {
        by_text.entry(&*v.text).or_default().push_back(v);
    }
    for l in labels {
        let Some(v) = by_text
            .get_mut(l.text.as_str())
            .and_then(VecDeque::pop_front)
        else {
            s.unmatched += 1;
            s.misses
                .push(format!("  not segmented so: {}", short(&l.text)));
            continue;
        };
        if l.ambiguous {
            continue;
        }
        s.sentences += 1;
        let (want, got) = (l.commitment.as_str(), level(v));
        match (want != "none", got != "none") {
            (true, true) => {
                s.tp += 1;
                s.strength_ok += usize::from(want == got);
            }
            (false, true) => s.fp += 1,
            (true, false) => s.fn_ += 1,
            (false, false) => {}
        }
        if want != got {
            s.misses
                .push(format!("  want {want}, got {got}: {}", short(&l.text)));
        }
    }
}

/// The change the diff reports for the entry holding a labelled item's
/// sentences: the entry of the new sentence (of the old one for a removal).
/// When the labels pair two sentences the diff keeps in separate entries,
/// either entry's change is accepted.
fn reported(d: &Diff, item: &ChangeLabel) -> Vec<Option<CommitmentChange>> {
    let holds = |side: &[SentenceView], text: &Option<String>| {
        text.as_deref()
            .is_some_and(|t| side.iter().any(|v| &*v.text == t))
    };
    let by_new = d.changes.iter().find(|c| holds(&c.new, &item.new));
    let by_old = d.changes.iter().find(|c| holds(&c.old, &item.old));
    [by_new, by_old]
        .into_iter()
        .flatten()
        .map(|c| c.commitment_change)
        .collect()
}

fn change_name(c: Option<CommitmentChange>) -> &'static str {
    c.map_or("null", CommitmentChange::name)
}

fn score_set(name: &str, files: &[PathBuf], corpus: &[PathBuf], lexicon: &Lexicon) -> Scores {
    let mut s = Scores::default();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let labels: LabelFile =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (file, sentences) in &labels.files {
            score_file(&statement(corpus, file), sentences, lexicon, &mut s);
        }
        for pair in &labels.pairs {
            let (old, new) = (statement(corpus, &pair.old), statement(corpus, &pair.new));
            let d = compare(&old, &new, &Options::named(&pair.old, &pair.new));
            for item in pair.commitment_changes.iter().filter(|i| !i.ambiguous) {
                let got = reported(&d, item);
                s.changes += 1;
                if got.iter().any(|g| change_name(*g) == item.change) {
                    s.changes_ok += 1;
                } else {
                    let got: Vec<_> = got.into_iter().map(change_name).collect();
                    s.misses.push(format!(
                        "  change want {}, got {got:?}: {} → {}",
                        item.change,
                        short(item.old.as_deref().unwrap_or("-")),
                        short(item.new.as_deref().unwrap_or("-"))
                    ));
                }
            }
        }
    }
    eprintln!(
        "commitments [{name}]: {} files, {} sentences scored ({} not found as segmented); \
         detection precision {:.3}, recall {:.3}, F1 {:.3} (tp {}, fp {}, fn {}); \
         strength accuracy {:.3}; change accuracy {:.3} ({}/{})",
        files.len(),
        s.sentences,
        s.unmatched,
        s.precision(),
        s.recall(),
        s.f1(),
        s.tp,
        s.fp,
        s.fn_,
        s.strength(),
        s.change(),
        s.changes_ok,
        s.changes
    );
    if std::env::var_os("COMMITMENT_MISSES").is_some() {
        eprintln!("{}", s.misses.join("\n"));
    }
    s
}

fn commitments_scored_against_hand_labels() {
    let (shared, corpus) = (shared_dir(), corpus_texts());
    let lexicon = Lexicon::builtin();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/commitments");
    let calibration = label_files(&shared.join("eval/commitments"));
    if !calibration.is_empty() {
        score_set("calibration", &calibration, &corpus, &lexicon);
    }
    let holdout = label_files(&fixtures.join("holdout"));
    if !holdout.is_empty() {
        score_set("holdout", &holdout, &corpus, &lexicon);
    }
    let dev = label_files(&fixtures.join("dev"));
    if dev.is_empty() {
        eprintln!("commitments [dev]: no label files yet");
        return;
    }
    let s = score_set("dev", &dev, &corpus, &lexicon);
    assert!(s.f1() >= 0.90, "dev detection F1 {:.3} below 0.90", s.f1());
    assert!(
        s.strength() >= 0.85,
        "dev strength accuracy {:.3} below 0.85",
        s.strength()
    );
    assert!(
        s.change() >= 0.85,
        "dev change accuracy {:.3} below 0.85",
        s.change()
    );
}

crate::tests![commitments_scored_against_hand_labels[Shared],];
