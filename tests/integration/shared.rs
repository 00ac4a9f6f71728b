//! Finding `../shared` (the corpus and the eval data), which lives outside the
//! repository. Absent on a newcomer's clone: tests skip with a notice. Under
//! CI (`CI=true`) its absence is a failure.

use std::path::PathBuf;

/// The `../shared` folder beside the crate root, or `None` (with a notice on
/// stderr) when it is absent outside CI. Panics under `CI=true` when absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing, and CI=true requires it", dir.display());
    }
    eprintln!("notice: {} is absent; skipping this test", dir.display());
    None
}

/// A file under `../shared/corpus`, or `None` when the corpus is absent.
pub fn corpus_file(relative: &str) -> Option<PathBuf> {
    Some(shared_dir()?.join("corpus").join(relative))
}

/// Every `.txt` statement in the corpus (not the SOURCES.md files), sorted.
pub fn corpus_texts() -> Option<Vec<PathBuf>> {
    let corpus = shared_dir()?.join("corpus");
    let mut out = Vec::new();
    for series in std::fs::read_dir(&corpus).expect("corpus is readable") {
        let series = series.expect("corpus entry").path();
        if !series.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&series).expect("series is readable") {
            let file = file.expect("series entry").path();
            if file.extension().is_some_and(|e| e == "txt") {
                out.push(file);
            }
        }
    }
    out.sort();
    Some(out)
}
