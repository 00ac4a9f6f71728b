//! Temporary stores for the benchmarks, filled through the store's commit.

use std::path::{Path, PathBuf};

use communique::Statement;
use communique::import::import;
use communique::store::{CommitRequest, Store};

/// `../shared/corpus` with a fresh temp store beside it, or `None` (with a
/// notice naming the `bench`) when the corpus lacks one of `needed`.
pub fn corpus_and_store(
    bench: &str,
    needed: &[&str],
) -> Option<(PathBuf, tempfile::TempDir, Store)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() || needed.iter().any(|n| !root.join(n).exists()) {
        eprintln!(
            "notice: {} is absent or incomplete; skipping the {bench} benchmark",
            root.display()
        );
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = Store::init(dir.path()).expect("init");
    Some((root, dir, store))
}

/// Commits `statement` to `store` as `series/<date>-<id>`.
pub fn put(store: &Store, statement: Statement, series: &str, id: &str) {
    let mut request = CommitRequest::new(statement, series, "bench");
    request.id = Some(id.to_owned());
    request.author = Some("Bench <bench@example.org>".parse().expect("identity"));
    store.commit(request).expect("commit");
}

/// Reads a corpus file as a statement dated by its file name.
pub fn corpus_statement(file: &Path) -> Statement {
    let bytes = std::fs::read(file).expect("corpus file");
    let origin = file.display().to_string();
    let mut statement = import(&bytes, None, &origin).expect("imports");
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    statement.meta.date = Some(name[..10].to_owned());
    statement
}
