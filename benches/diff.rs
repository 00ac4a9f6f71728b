//! Diff throughput: a small real pair from the corpus (import + compare) and
//! a generated ~5 MB pair (compare only, and import + compare end to end).
//! The pair is built by `benches/support/pair.rs`, the same code as
//! `examples/make_pair.rs`, from `../shared/corpus`; the bench is skipped with
//! a notice when that is absent.

#[path = "support/pair.rs"]
mod pair;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use communique::import::import;
use communique::{Options, compare};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SMALL_OLD: &str = "unga-tpnw/2023-12-04-a-res-78-35.txt";
const SMALL_NEW: &str = "unga-tpnw/2024-12-02-a-res-79-38.txt";
/// Size of each generated document, in bytes, and the generator's seed.
const LARGE_BYTES: usize = 5_000_000;
const LARGE_SEED: u64 = 1;

fn bench(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "notice: {} is absent; skipping the diff benchmark",
            corpus.display()
        );
        return;
    }
    // Built once: the lexicon is parsed here, not in the timed loop.
    let options = Options::default();

    let (Ok(old), Ok(new)) = (
        std::fs::read(corpus.join(SMALL_OLD)),
        std::fs::read(corpus.join(SMALL_NEW)),
    ) else {
        eprintln!("notice: {SMALL_OLD} or {SMALL_NEW} is missing; skipping the diff benchmark");
        return;
    };
    let mut group = c.benchmark_group("diff-small");
    group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
    group.bench_function("unga-tpnw-78-35-to-79-38", |b| {
        b.iter(|| {
            let o = import(black_box(&old), None, "old").expect("old imports");
            let n = import(black_box(&new), None, "new").expect("new imports");
            compare(&o, &n, &options).changes.len()
        })
    });
    group.finish();

    let Some(generated) = pair::generate(&corpus, LARGE_BYTES, LARGE_SEED) else {
        eprintln!("notice: no statements in {}; skipping", corpus.display());
        return;
    };
    let bytes = (generated.old.len() + generated.new.len()) as u64;
    eprintln!(
        "generated pair: {} + {} bytes, seed {LARGE_SEED}, edits {:?}",
        generated.old.len(),
        generated.new.len(),
        generated.counts
    );
    let old = import(generated.old.as_bytes(), None, "old").expect("old imports");
    let new = import(generated.new.as_bytes(), None, "new").expect("new imports");
    let mut group = c.benchmark_group("diff-5mb");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("compare", |b| {
        b.iter(|| {
            compare(black_box(&old), black_box(&new), &options)
                .changes
                .len()
        })
    });
    group.bench_function("import+compare", |b| {
        b.iter(|| {
            let o = import(black_box(generated.old.as_bytes()), None, "old").expect("old imports");
            let n = import(black_box(generated.new.as_bytes()), None, "new").expect("new imports");
            compare(&o, &n, &options).changes.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
