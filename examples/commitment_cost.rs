//! How much commitment analysis adds to a diff: times `compare` with the
//! built-in lexicon and with an empty one on two statements.
//! `cargo run --release --example commitment_cost -- OLD NEW`; it prints
//! the medians of both and the commitment share, `(with - without) / with`.
//!
//! With a third argument, `import`, `without` or `with`, it imports the two
//! files and runs that variant once, untimed: instruction counts under
//! `valgrind --tool=callgrind` do not move with the machine's load, and the
//! differences of the three give the cost of the analysis (see
//! `docs/performance.md`).
use std::time::Instant;

use communique::analyze::lexicon::Lexicon;
use communique::import::import;
use communique::{Options, compare};

/// How many times each variant runs.
const RUNS: usize = 15;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (old, new, once) = match args.as_slice() {
        [old, new] => (old, new, None),
        [old, new, once] => (old, new, Some(once.as_str())),
        _ => return Err("usage: commitment_cost OLD NEW [import|without|with]".into()),
    };
    let a = import(&std::fs::read(old)?, None, old)?;
    let b = import(&std::fs::read(new)?, None, new)?;
    let empty = Options::named(old, new).with_lexicon(Lexicon::parse("replace = true")?);
    let full = Options::named(old, new);
    if let Some(variant) = once {
        let lexicon = match variant {
            "import" => return Ok(()),
            "without" => &empty,
            "with" => &full,
            _ => return Err(format!("unknown variant {variant}: import, without or with").into()),
        };
        let d = compare(&a, &b, lexicon);
        std::hint::black_box(&d);
        return Ok(());
    }
    // Runs alternate, so that a busy machine slows both alike; the minimum
    // and the median of each are printed.
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..RUNS {
        for (i, lexicon) in [&empty, &full].into_iter().enumerate() {
            let t = Instant::now();
            let d = compare(&a, &b, lexicon);
            std::hint::black_box(&d);
            times[i].push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    let mut medians = [0.0; 2];
    for ((name, mut t), median) in ["without commitments", "with commitments"]
        .into_iter()
        .zip(times)
        .zip(&mut medians)
    {
        t.sort_by(f64::total_cmp);
        *median = t[t.len() / 2];
        println!("{name}: min {:.1} ms, median {:.1} ms", t[0], *median);
    }
    // The bar of issue 15 is on this share: the part of the compare with
    // commitments that reading them costs.
    let [without, with] = medians;
    println!(
        "commitment share of the compare (medians): {:.1}%",
        (with - without) / with * 100.0
    );
    // The analysis alone, over every sentence of both statements.
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(communique::analyze::views(&a, &full.lexicon));
        std::hint::black_box(communique::analyze::views(&b, &full.lexicon));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("commitment detection alone: {:.1} ms", best * 1e3);
    Ok(())
}
