//! `communique trace` over a series of 20 versions: the 2024 climate
//! resolution of `../shared/corpus` (78 paragraphs, ~45 KB) revised 19 times
//! — each round rewords two sentences, adds one taken from another corpus
//! text, drops one, and every fourth round restores a dropped one — stored
//! in a temp store. Reading the series and tracing every sentence of the
//! last version must take well under 200 ms in release. Skipped with a
//! notice when the corpus is absent.

#[path = "support/store.rs"]
mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use communique::align::AlignOptions;
use communique::series::trace::{trace, versions};
use communique::store::StatementRef;
use communique::{Paragraph, Sentence};

const BASE: &str = "unga-climate-protection/2024-12-19-a-res-79-206.txt";
const DONOR: &str = "unga-human-rights-iran/2024-12-17-a-res-79-183.txt";
const VERSIONS: usize = 20;

fn bench(c: &mut Criterion) {
    let Some((root, dir, store)) = support::corpus_and_store("trace", &[BASE, DONOR]) else {
        return;
    };
    let mut statement = support::corpus_statement(&root.join(BASE));
    let donor = support::corpus_statement(&root.join(DONOR));
    let donated: Vec<&Sentence> = donor.sentences().map(|(_, s)| s).collect();
    let mut dropped: Vec<Paragraph> = Vec::new();
    for round in 0..VERSIONS {
        if round > 0 {
            let n = statement.paragraphs.len();
            for k in 0..2 {
                let p = &mut statement.paragraphs[(round * 7 + k * 31) % n];
                if let Some(s) = p.sentences.first_mut() {
                    s.text = s
                        .text
                        .replacen(" the ", &format!(" the revised ({round}) "), 1);
                }
            }
            let at = (round * 13) % n;
            dropped.push(statement.paragraphs.remove(at));
            let new = donated[round % donated.len()].clone();
            statement.paragraphs.insert(
                (round * 5) % n,
                Paragraph {
                    sentences: vec![new],
                },
            );
            if round % 4 == 0
                && let Some(back) = dropped.first().cloned()
            {
                dropped.remove(0);
                statement.paragraphs.insert((round * 3) % n, back);
            }
        }
        statement.meta.date = Some(format!("{}-01-01", 2000 + round));
        support::put(&store, statement.clone(), "series", "version");
    }
    let options = AlignOptions::default();
    let resolved = store
        .resolve(&StatementRef::parse("series").expect("ref"), dir.path())
        .expect("resolves");
    let run = || {
        let versions = versions(&store, &resolved).expect("series");
        trace(&versions, &options)
    };
    let traced = run();
    assert_eq!(traced.versions.len(), VERSIONS);
    eprintln!(
        "series: {} versions, {} sentences in the last; {} restored after a gap",
        traced.versions.len(),
        traced.sentences.len(),
        traced
            .sentences
            .iter()
            .filter(|l| !l.absent.is_empty())
            .count()
    );
    let mut group = c.benchmark_group("trace");
    group.bench_function("20 versions of a 78-paragraph resolution", |b| {
        b.iter(|| black_box(run()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
