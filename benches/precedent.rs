//! `communique precedent` for one statement over a store holding all of
//! `../shared/corpus` (every series, every version), built once in a temp
//! folder: reading HEAD, indexing every sentence and looking up the new and
//! reworded sentences of the 2025 climate resolution must take well under
//! 100 ms in release. Skipped with a notice when the corpus is absent.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/store.rs"]
mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use communique::align::AlignOptions;
use communique::series::precedent::{Library, Listed, Query, revised};
use communique::store::StatementRef;

const QUERY: &str = "unga-climate-protection/2025-12-15";

fn bench(c: &mut Criterion) {
    let Some((root, dir, store)) = support::corpus_and_store("precedent", &[]) else {
        return;
    };
    let files = corpus::corpus_files(&root);
    for file in &files {
        let series = file
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .expect("series folder");
        let name = file.file_stem().and_then(|n| n.to_str()).expect("name");
        support::put(&store, support::corpus_statement(file), series, name);
    }
    let options = AlignOptions::default();
    let resolved = store
        .resolve(&StatementRef::parse(QUERY).expect("ref"), dir.path())
        .expect("resolves");
    let run = || {
        let statement = store.load(&resolved).expect("loads");
        let previous = store.previous(&resolved).expect("previous");
        let sentences = revised(&store.load(&previous).expect("loads"), &statement, &options);
        let library = Library::from_store(&store).expect("library");
        let date = statement.meta.date.clone().unwrap_or_default();
        let own = resolved.entry.to_string();
        let allowed = |s: &Listed<'_>| s.date < date.as_str() && s.reference != own;
        let query = Query {
            statement: &statement,
            sentences,
            allowed: &allowed,
            limit: 3,
        };
        library.find(&query, &options)
    };
    let library = Library::from_store(&store).expect("library");
    eprintln!(
        "store: {} statements, {} sentences; {} sentences looked up",
        library.sources().len(),
        library.sentence_count(),
        run().len()
    );
    let mut group = c.benchmark_group("precedent");
    group.bench_function("whole corpus, unga-climate-protection 2025", |b| {
        b.iter(|| black_box(run()))
    });
    group.bench_function("read HEAD and build the index", |b| {
        b.iter(|| {
            black_box(
                Library::from_store(&store)
                    .expect("library")
                    .sentence_count(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
