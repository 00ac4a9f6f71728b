//! `communique log` over a generated store of 1,000 statements (10 series ×
//! 100 statements of ~30 sentences, each a few edits away from the one
//! before), built once in a temp folder through the library's import. The
//! store must log in well under a second in release.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

use communique::align::AlignOptions;
use communique::series::log;
use communique::store::{CommitRequest, Store};
use communique::{Meta, Paragraph, Sentence, Statement};

const SERIES: usize = 10;
const PER_SERIES: usize = 100;

const SUBJECTS: &[&str] = &[
    "The Ministers",
    "The General Assembly",
    "The Coalition",
    "The Parties",
    "The Leaders",
];
const VERBS: &[&str] = &[
    "reaffirm their commitment to",
    "call upon all States to support",
    "welcome the progress made on",
    "will continue to strengthen",
    "express concern about",
    "urge further efforts towards",
];
const OBJECTS: &[&str] = &[
    "the protection of civilians",
    "nuclear disarmament and non-proliferation",
    "humanitarian assistance to affected regions",
    "the stabilization of liberated areas",
    "an open and secure cyberspace",
    "the implementation of the action plan",
    "regional cooperation on trade",
];

/// A tiny deterministic generator, so every run builds the same store.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn sentence(rng: &mut Lcg, k: usize) -> String {
    format!(
        "{} {} {} by {} {}.",
        SUBJECTS[rng.next(SUBJECTS.len())],
        VERBS[rng.next(VERBS.len())],
        OBJECTS[rng.next(OBJECTS.len())],
        ["January", "March", "June", "October"][rng.next(4)],
        2000 + k
    )
}

fn statement(sentences: &[String], date: String) -> Statement {
    Statement {
        meta: Meta {
            title: Some("Generated statement".to_owned()),
            date: Some(date),
            ..Meta::default()
        },
        paragraphs: sentences
            .chunks(3)
            .map(|chunk| Paragraph {
                sentences: chunk.iter().map(|s| Sentence::from_segment(s)).collect(),
            })
            .collect(),
    }
}

/// Builds the store, returns the temp folder holding it.
fn generate() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = Store::init(dir.path()).expect("init");
    let mut rng = Lcg(42);
    let start = Instant::now();
    for s in 0..SERIES {
        let mut sentences: Vec<String> = (0..30).map(|k| sentence(&mut rng, k)).collect();
        for i in 0..PER_SERIES {
            // A few edits per round: one reworded, one added, one removed.
            let at = rng.next(sentences.len());
            sentences[at] = sentence(&mut rng, i);
            let at = rng.next(sentences.len());
            sentences.insert(at, sentence(&mut rng, i + 1));
            if sentences.len() > 32 {
                let at = rng.next(sentences.len());
                sentences.remove(at);
            }
            let date = format!("{}-{:02}-{:02}", 1926 + i, 1 + s, 1 + i % 28);
            let mut request = CommitRequest::new(
                statement(&sentences, date),
                &format!("series-{s}"),
                "generated",
            );
            request.id = Some("statement".to_owned());
            store.commit(request).expect("import");
        }
    }
    eprintln!(
        "generated {} statements in {:.1} s",
        SERIES * PER_SERIES,
        start.elapsed().as_secs_f64()
    );
    dir
}

fn bench_log(c: &mut Criterion) {
    let dir = generate();
    let store = Store::open(dir.path()).expect("open");
    let options = AlignOptions::default();
    let entries = log(&store, None, &options, &|_, _| {})
        .expect("log")
        .entries;
    assert_eq!(entries.len(), SERIES * PER_SERIES);
    let mut group = c.benchmark_group("log");
    group.sample_size(10);
    group.bench_function("1000 statements", |b| {
        b.iter(|| black_box(log(&store, None, &options, &|_, _| {}).expect("log")))
    });
    group.finish();
}

criterion_group!(benches, bench_log);
criterion_main!(benches);
