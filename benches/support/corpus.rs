//! The corpus texts the benchmarks read, from `../shared/corpus`.

use std::path::{Path, PathBuf};

/// The `.txt` statements of `corpus/*/`, sorted.
pub fn corpus_files(corpus: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(series) = std::fs::read_dir(corpus) else {
        return out;
    };
    for series in series.flatten() {
        let Ok(files) = std::fs::read_dir(series.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
