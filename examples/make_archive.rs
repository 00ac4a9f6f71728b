//! Writes a generated archive of statements: SERIES series of VERSIONS
//! versions each, as plain text files `OUT_DIR/sNNN/YYYY-MM-DD-vNNN.txt`,
//! ready for `communique import OUT_DIR/sNNN/*.txt --series sNNN`.
//!
//! ```text
//! cargo run --release --example make_archive -- OUT_DIR [--series 100] [--versions 200] [--seed 1]
//! ```
//!
//! Each series opens with 30–60 sentences drawn from `../shared/corpus`
//! (whole paragraphs, so that series share agreed language as real ones
//! do); every later version is the one before with about 8% of its
//! sentences edited by the 5 MB pair's generator (`benches/support/pair.rs`:
//! reworded, moved, split, merged, added, removed), one version a week.

// Only the paragraph reader and the edit generator are used here.
#[allow(dead_code)]
#[path = "../benches/support/pair.rs"]
mod pair;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pair::{Para, Rng};

/// The share of sentences edited between consecutive versions.
const EDIT_RATE: f64 = 0.08;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out_dir: Option<PathBuf> = None;
    let (mut series, mut versions, mut seed) = (100usize, 200usize, 1u64);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, ExitCode> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| usage(&format!("{name} needs a whole number")))
        };
        let parsed = match arg.as_str() {
            "--series" => number("--series").map(|v| series = v as usize),
            "--versions" => number("--versions").map(|v| versions = v as usize),
            "--seed" => number("--seed").map(|v| seed = v),
            _ if out_dir.is_none() && !arg.starts_with("--") => {
                out_dir = Some(arg.into());
                Ok(())
            }
            _ => Err(usage(&format!("unexpected argument {arg:?}"))),
        };
        if let Err(code) = parsed {
            return code;
        }
    }
    let Some(out_dir) = out_dir else {
        return usage("give OUT_DIR");
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let paras = pair::corpus_paragraphs(&corpus);
    if paras.is_empty() {
        eprintln!("make_archive: no statements in {}", corpus.display());
        return ExitCode::from(2);
    }
    let mut rng = Rng::new(seed);
    let mut files = 0usize;
    let mut bytes = 0usize;
    for s in 0..series {
        let dir = out_dir.join(format!("s{s:03}"));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("make_archive: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
        let mut current = first_version(&paras, &mut rng);
        for v in 0..versions {
            if v > 0 {
                current = pair::make_new(&current, EDIT_RATE, &mut rng).0;
            }
            let text = pair::render(&current);
            let path = dir.join(format!("{}-v{v:03}.txt", date(v)));
            if let Err(e) = std::fs::write(&path, &text) {
                eprintln!("make_archive: {}: {e}", path.display());
                return ExitCode::from(2);
            }
            files += 1;
            bytes += text.len();
        }
    }
    println!(
        "{files} statements in {series} series, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out_dir.display()
    );
    ExitCode::SUCCESS
}

/// A series' first version: whole corpus paragraphs at random until 30–60
/// sentences.
fn first_version(paras: &[Para], rng: &mut Rng) -> Vec<Para> {
    let want = 30 + rng.below(31);
    let mut out = Vec::new();
    let mut count = 0;
    while count < want {
        let p = &paras[rng.below(paras.len())];
        let take = p.sentences.len().min(want - count);
        if take == 0 {
            continue;
        }
        out.push(Para {
            label: p.label.clone(),
            sentences: p.sentences[..take].to_vec(),
        });
        count += take;
    }
    out
}

/// Version `v`'s date: one a week from 1990-01-01 (a 28-day month keeps it
/// simple and valid).
fn date(v: usize) -> String {
    let days = v * 7;
    let (year, rest) = (1990 + days / 336, days % 336);
    format!("{year}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("make_archive: {problem}");
    eprintln!("usage: make_archive OUT_DIR [--series 100] [--versions 200] [--seed 1]");
    ExitCode::from(2)
}
