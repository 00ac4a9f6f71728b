//! Writes the synthetic benchmark pair `old.txt` and `new.txt`.
//!
//! ```text
//! cargo run --release --example make_pair -- OUT_DIR [--mb 5] [--seed 1] [--rate 0.05]
//! ```
//!
//! `--rate` is the share of sentences edited (0–1); the default keeps the
//! benchmark pair of every seed the same bytes.
//!
//! The pair is built from `../shared/corpus` (relative to the crate) by
//! `benches/support/pair.rs`, the same code `benches/diff.rs` uses.

#[path = "../benches/support/pair.rs"]
mod pair;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out_dir: Option<PathBuf> = None;
    let mut mb = 5.0f64;
    let mut seed = 1u64;
    let mut rate = pair::DEFAULT_RATE;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mb" => match args.next().and_then(|v| v.parse().ok()) {
                Some(v) => mb = v,
                None => return usage("--mb needs a number"),
            },
            "--seed" => match args.next().and_then(|v| v.parse().ok()) {
                Some(v) => seed = v,
                None => return usage("--seed needs a whole number"),
            },
            "--rate" => match args.next().and_then(|v| v.parse::<f64>().ok()) {
                Some(v) if (0.0..=1.0).contains(&v) => rate = v,
                _ => return usage("--rate needs a number from 0 to 1"),
            },
            _ if out_dir.is_none() && !arg.starts_with("--") => out_dir = Some(arg.into()),
            _ => return usage(&format!("unexpected argument {arg:?}")),
        }
    }
    let Some(out_dir) = out_dir else {
        return usage("give OUT_DIR");
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let target = (mb * 1_000_000.0) as usize;
    let Some(pair) = pair::generate_with_rate(&corpus, target, seed, rate) else {
        eprintln!("make_pair: no statements in {}", corpus.display());
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out_dir)
        .and_then(|()| std::fs::write(out_dir.join("old.txt"), &pair.old))
        .and_then(|()| std::fs::write(out_dir.join("new.txt"), &pair.new))
    {
        eprintln!("make_pair: {}: {e}", out_dir.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "make_pair: {} ({} bytes) and {} ({} bytes), seed {seed}, rate {rate}; edits: {:?}",
        out_dir.join("old.txt").display(),
        pair.old.len(),
        out_dir.join("new.txt").display(),
        pair.new.len(),
        pair.counts,
    );
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("make_pair: {problem}\nusage: make_pair OUT_DIR [--mb 5] [--seed 1] [--rate 0.05]");
    ExitCode::from(2)
}
