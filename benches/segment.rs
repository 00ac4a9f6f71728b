//! Segmenter throughput on the whole corpus in `../shared/corpus`: every
//! statement split into paragraphs on blank lines, whitespace collapsed as
//! the normalizer does, then every paragraph segmented.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

/// Paragraphs as the segmenter receives them: blank-line-separated blocks,
/// whitespace runs collapsed to one space.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "notice: {} is absent; skipping the segment benchmark",
            corpus.display()
        );
        return;
    }
    let paragraphs: Vec<String> = corpus::corpus_files(&corpus)
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .flat_map(|text| paragraphs(&text))
        .collect();
    let bytes: usize = paragraphs.iter().map(String::len).sum();

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for paragraph in &paragraphs {
                sentences += communique::segment::split(black_box(paragraph)).len();
            }
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
