//! Pair precision and recall on statement pairs whose versions share little
//! wording (issue 19, item 5), against pairs labelled by hand from the texts
//! (tests/fixtures/pairing/{dev,holdout}/*.toml, written without looking at
//! the aligner).
//!
//! A label file lists `[[pair]]`s: 1–3 old sentences and the 1–3 new ones
//! that revise them, each sentence named by a prefix unique in its document
//! (the text as `show --numbered` prints it, paragraph label included).
//! Sentences in no pair are added or removed. A *predicted* pair is a diff
//! entry of kind same, moved, reworded, split or merged; it is correct when
//! its old and new sentence sets are those of a labelled pair. The lenient
//! figures count a predicted pair correct when it shares an old and a new
//! sentence with one labelled pair.
//!
//! The dev set was studied while tuning the aligner; the holdout set was
//! measured once, after, so its figures are the honest ones.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use communique::diff::{ChangeKind, Diff, SentenceView};
use communique::statement::Location;
use communique::{Options, compare};
use serde::Deserialize;

use crate::diff_labels::{load, repo};
use crate::support::harness::shared_dir;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairFile {
    old: String,
    new: String,
    #[serde(default)]
    pair: Vec<LabelledPair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelledPair {
    kind: String,
    old: Vec<String>,
    new: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// One pair as sets of sentence locations.
type Sides = (BTreeSet<Location>, BTreeSet<Location>);

/// Counts over a set of files.
#[derive(Default)]
struct Tally {
    predicted: usize,
    labelled: usize,
    /// Predicted pairs equal to a labelled pair (each labelled pair is
    /// matched by at most one: entries are disjoint).
    exact: usize,
    /// Predicted pairs sharing an old and a new sentence with a labelled pair.
    lenient_predicted: usize,
    /// Labelled pairs sharing an old and a new sentence with a predicted pair.
    lenient_labelled: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.exact, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.exact, self.labelled)
    }
    fn add(&mut self, other: &Tally) {
        self.predicted += other.predicted;
        self.labelled += other.labelled;
        self.exact += other.exact;
        self.lenient_predicted += other.lenient_predicted;
        self.lenient_labelled += other.lenient_labelled;
    }
    fn line(&self) -> String {
        format!(
            "precision {:.3} ({}/{}), recall {:.3} ({}/{}); lenient precision {:.3}, recall {:.3}",
            self.precision(),
            self.exact,
            self.predicted,
            self.recall(),
            self.exact,
            self.labelled,
            ratio(self.lenient_predicted, self.predicted),
            ratio(self.lenient_labelled, self.labelled),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Every sentence of one side of the diff, each once.
fn sentences(diff: &Diff, old_side: bool) -> Vec<&SentenceView> {
    diff.changes
        .iter()
        .flat_map(|c| if old_side { &c.old } else { &c.new })
        .collect()
}

/// The location of the one sentence that starts with `prefix`, paragraph
/// label included or not.
fn locate(all: &[&SentenceView], prefix: &str, file: &str) -> Location {
    let hits: Vec<Location> = all
        .iter()
        .filter(|v| {
            v.text.starts_with(prefix)
                || v.label
                    .as_ref()
                    .is_some_and(|l| format!("{l} {}", v.text).starts_with(prefix))
        })
        .map(|v| v.location)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{file}: the prefix {prefix:?} should name exactly one sentence"
    );
    hits[0]
}

fn is_pair(kind: ChangeKind) -> bool {
    matches!(
        kind,
        ChangeKind::Same
            | ChangeKind::Moved
            | ChangeKind::Reworded
            | ChangeKind::Split
            | ChangeKind::Merged
    )
}

/// Scores the diff of one label file's pair, printing what it got wrong.
fn score(file: &Path, shared: &Path) -> Tally {
    let name = file
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let labels: PairFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let old = load(shared, &labels.old);
    let new = load(shared, &labels.new);
    let diff = compare(&old, &new, &Options::named(&labels.old, &labels.new));
    let (old_all, new_all) = (sentences(&diff, true), sentences(&diff, false));

    let labelled: Vec<Sides> = labels
        .pair
        .iter()
        .map(|p| {
            assert!(
                ["same", "reworded", "split", "merged"].contains(&p.kind.as_str()),
                "{name}: unknown kind {}",
                p.kind
            );
            (
                p.old.iter().map(|x| locate(&old_all, x, &name)).collect(),
                p.new.iter().map(|x| locate(&new_all, x, &name)).collect(),
            )
        })
        .collect();
    let predicted: Vec<(Sides, &communique::diff::Change)> = diff
        .changes
        .iter()
        .filter(|c| is_pair(c.kind))
        .map(|c| {
            let sides = (
                c.old.iter().map(|v| v.location).collect(),
                c.new.iter().map(|v| v.location).collect(),
            );
            (sides, c)
        })
        .collect();
    let overlaps = |a: &Sides, b: &Sides| !a.0.is_disjoint(&b.0) && !a.1.is_disjoint(&b.1);

    let mut tally = Tally {
        predicted: predicted.len(),
        labelled: labelled.len(),
        ..Tally::default()
    };
    for (sides, change) in &predicted {
        if labelled.contains(sides) {
            tally.exact += 1;
        } else {
            let first = |vs: &[SentenceView]| vs.first().map(|v| v.location.to_string());
            eprintln!(
                "  {name}: predicted {} {:?}→{:?} ({:.2}) is no labelled pair",
                change.kind.name(),
                first(&change.old),
                first(&change.new),
                change.similarity
            );
        }
        if labelled.iter().any(|l| overlaps(l, sides)) {
            tally.lenient_predicted += 1;
        }
    }
    for l in &labelled {
        if !predicted.iter().any(|(p, _)| p == l) {
            eprintln!(
                "  {name}: missed {:?}→{:?}",
                l.0.iter().map(ToString::to_string).collect::<Vec<_>>(),
                l.1.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
        }
        if predicted.iter().any(|(p, _)| overlaps(l, p)) {
            tally.lenient_labelled += 1;
        }
    }
    eprintln!("pairing {name}: {}", tally.line());
    tally
}

/// Scores every label file of `tests/fixtures/pairing/<set>`.
fn score_set(set: &str) -> Tally {
    let shared = shared_dir();
    let dir = repo().join("tests/fixtures/pairing").join(set);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{set}: at least four labelled pairs");
    let mut total = Tally::default();
    for file in &files {
        total.add(&score(file, &shared));
    }
    eprintln!(
        "pairing {set} (all {} files): {}",
        files.len(),
        total.line()
    );
    total
}

/// The bars (issue 19): precision 0.95, recall 0.85. Neither set
/// reaches them: the labellers paired sentences by meaning ("We underline
/// our resolve to impose severe consequences" → "We will continue to impose
/// severe and immediate economic costs"), which word overlap, stems and
/// order-free scores do not find without pairing sentences that merely share
/// a topic (docs/performance.md has the measurements). The tests assert
/// floors at what the aligner reaches, so that a change that loses pairs
/// fails, and print how far from the bars it is.
const BARS: (f64, f64) = (0.95, 0.85);

fn assert_floor(set: &str, t: &Tally, precision: f64, recall: f64) {
    eprintln!(
        "pairing {set}: the issue's bars are precision {} and recall {}: {}",
        BARS.0,
        BARS.1,
        if t.precision() >= BARS.0 && t.recall() >= BARS.1 {
            "met"
        } else {
            "NOT met"
        }
    );
    assert!(
        t.precision() >= precision && t.recall() >= recall,
        "{set}: below the floor (precision {precision}, recall {recall}): {}",
        t.line()
    );
}

/// The dev set, the one studied while tuning: precision 0.781 (25/32),
/// recall 0.373 (25/67); before, 0.733 (22/30) and 0.328 (22/67).
fn low_overlap_pairs_dev() {
    assert_floor("dev", &score_set("dev"), 0.78, 0.37);
}

/// The floors of the holdout set (precision, recall), set after its one
/// measurement: precision 0.794 (27/34), recall 0.409 (27/66); before the
/// aligner's changes of issue 19, 0.750 (24/32) and 0.364 (24/66).
const HOLDOUT_FLOOR: (f64, f64) = (0.79, 0.40);

/// The holdout set, measured once after tuning on dev.
fn low_overlap_pairs_holdout() {
    assert_floor(
        "holdout",
        &score_set("holdout"),
        HOLDOUT_FLOOR.0,
        HOLDOUT_FLOOR.1,
    );
}

crate::tests![
    low_overlap_pairs_dev[Shared],
    low_overlap_pairs_holdout[Shared],
];
