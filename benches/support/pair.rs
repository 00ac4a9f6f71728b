//! A large synthetic statement pair for benchmarks, built from the corpus.
//!
//! Shared by `benches/diff.rs` and `examples/make_pair.rs` (both include this
//! file with `#[path]`), so that the criterion bench and `benches/peers.sh`
//! diff the same two documents for a given size and seed.
//!
//! `old` is the corpus concatenated until it reaches the wanted size. Copy 0
//! is the corpus as imported; every further copy shuffles the paragraph order,
//! shifts every number by the copy number and opens about half of its
//! sentences with a short varying phrase, so that most sentences are unique,
//! as in a real long document. `new` is `old` with about 5% of its sentences
//! edited: reworded (words replaced, inserted or deleted), moved to another
//! paragraph, split at a comma, merged with the next one, added or removed.
//! Everything is drawn from a seeded xorshift generator: the same size and
//! seed give the same bytes.

#[path = "corpus.rs"]
mod corpus;
pub use corpus::corpus_files;

use std::path::Path;

/// One paragraph: its label (if any) and its sentences.
#[derive(Clone, Debug)]
pub struct Para {
    pub label: Option<String>,
    pub sentences: Vec<String>,
}

/// xorshift64*: tiny, seeded, good enough to pick edits.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Avoid the all-zero state; spread small seeds.
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Every corpus statement imported and segmented, as paragraphs.
pub fn corpus_paragraphs(corpus: &Path) -> Vec<Para> {
    let mut out = Vec::new();
    for path in corpus_files(corpus) {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let origin = path.display().to_string();
        let Ok(statement) = communique::import::import(&bytes, None, &origin) else {
            continue;
        };
        for p in statement.paragraphs {
            let label = p.sentences.first().and_then(|s| s.label.clone());
            let sentences: Vec<String> = p.sentences.into_iter().map(|s| s.text).collect();
            out.push(Para { label, sentences });
        }
    }
    out
}

/// Plain text: each paragraph on one line (label, then its sentences), blank
/// lines between paragraphs.
pub fn render(paras: &[Para]) -> String {
    let mut out = String::new();
    for p in paras {
        if p.sentences.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if let Some(label) = &p.label {
            out.push_str(label);
            out.push(' ');
        }
        out.push_str(&p.sentences.join(" "));
    }
    out.push('\n');
    out
}

const OPENERS: &[&str] = &[
    "Moreover,",
    "In addition,",
    "Furthermore,",
    "At the same time,",
    "In this regard,",
    "Accordingly,",
    "Likewise,",
    "In particular,",
    "Consequently,",
    "Equally,",
    "Notably,",
    "In that context,",
    "Nevertheless,",
    "Similarly,",
    "Meanwhile,",
    "Above all,",
];

const FILLER: &[&str] = &[
    "urgently",
    "fully",
    "regional",
    "sustained",
    "multilateral",
    "effective",
    "further",
    "collective",
    "immediate",
    "verifiable",
    "inclusive",
    "comprehensive",
    "national",
    "durable",
    "transparent",
    "international",
];

/// Adds `shift` to every run of ASCII digits.
fn shift_numbers(text: &str, shift: u64) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            let n: u64 = digits.parse().unwrap_or(0);
            out.push_str(&(n + shift).to_string());
            digits.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_digit() && digits.len() < 18 {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// Lower-cases the first character (for text that no longer opens a sentence).
fn decapitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The old document: the corpus repeated, each copy varied, until `target`
/// bytes.
pub fn make_old(corpus: &[Para], target: usize, rng: &mut Rng) -> Vec<Para> {
    let mut out = Vec::new();
    if corpus.is_empty() {
        return out;
    }
    let mut size = 0;
    let mut copy = 0u64;
    while size < target {
        let mut order: Vec<usize> = (0..corpus.len()).collect();
        if copy > 0 {
            // Fisher–Yates.
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
        }
        for &i in &order {
            if size >= target {
                break;
            }
            let mut p = corpus[i].clone();
            if copy > 0 {
                p.label = p.label.map(|l| shift_numbers(&l, copy));
                for s in &mut p.sentences {
                    let mut t = shift_numbers(s, copy);
                    if rng.chance(0.5) {
                        let opener = OPENERS[rng.below(OPENERS.len())];
                        t = format!("{opener} {}", decapitalize(&t));
                    }
                    *s = t;
                }
            }
            size += p.sentences.iter().map(|s| s.len() + 1).sum::<usize>() + 2;
            out.push(p);
        }
        copy += 1;
    }
    out
}

/// Replaces, inserts or deletes one to three words.
fn reword(s: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
    for _ in 0..1 + rng.below(3) {
        let len = words.len();
        if len < 3 {
            words.push(FILLER[rng.below(FILLER.len())].to_owned());
            continue;
        }
        // Keep the first and the last word so the sentence still reads as one.
        let at = 1 + rng.below(len - 2);
        let filler = FILLER[rng.below(FILLER.len())].to_owned();
        match rng.below(3) {
            0 => words[at] = filler,
            1 => words.insert(at, filler),
            _ => {
                words.remove(at);
            }
        }
    }
    words.join(" ")
}

/// Cuts a sentence in two at a comma in its middle half, if it has one.
fn split(s: &str) -> Option<(String, String)> {
    let lo = s.len() / 4;
    let hi = s.len() * 3 / 4;
    let at = s
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| (lo..hi).contains(&i))?;
    let first = format!("{}.", &s[..at]);
    let second = capitalize(&s[at + 2..]);
    Some((first, second))
}

/// Joins two sentences with ", and".
fn merge(a: &str, b: &str) -> String {
    let a = a.trim_end_matches(['.', ';', ':']);
    format!("{a}, and {}", decapitalize(b))
}

/// Counts of the edits applied, for the record.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditCounts {
    pub reworded: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub added: usize,
    pub removed: usize,
}

/// The new document: `old` with about `rate` of its sentences edited.
pub fn make_new(old: &[Para], rate: f64, rng: &mut Rng) -> (Vec<Para>, EditCounts) {
    let mut counts = EditCounts::default();
    let mut new: Vec<Para> = Vec::with_capacity(old.len());
    let mut moving: Vec<String> = Vec::new();
    for p in old {
        let mut out = Para {
            label: p.label.clone(),
            sentences: Vec::with_capacity(p.sentences.len()),
        };
        let mut i = 0;
        while i < p.sentences.len() {
            let s = &p.sentences[i];
            i += 1;
            if !rng.chance(rate) {
                out.sentences.push(s.clone());
                continue;
            }
            match rng.below(6) {
                0 => {
                    out.sentences.push(reword(s, rng));
                    counts.reworded += 1;
                }
                1 => {
                    moving.push(s.clone());
                    counts.moved += 1;
                }
                2 => match split(s) {
                    Some((a, b)) => {
                        out.sentences.push(a);
                        out.sentences.push(b);
                        counts.split += 1;
                    }
                    None => {
                        out.sentences.push(reword(s, rng));
                        counts.reworded += 1;
                    }
                },
                3 if i < p.sentences.len() => {
                    out.sentences.push(merge(s, &p.sentences[i]));
                    i += 1;
                    counts.merged += 1;
                }
                3 | 4 => {
                    out.sentences.push(s.clone());
                    // A new sentence: another one of the document, reworded
                    // and with its numbers changed.
                    let donor = &old[rng.below(old.len())];
                    if let Some(d) = donor.sentences.first() {
                        out.sentences.push(shift_numbers(&reword(d, rng), 500));
                        counts.added += 1;
                    }
                }
                _ => counts.removed += 1,
            }
        }
        new.push(out);
    }
    // Moved sentences land in a random paragraph, at a random place.
    for s in moving {
        let len = new.len();
        let p = &mut new[rng.below(len)];
        let at = rng.below(p.sentences.len() + 1);
        p.sentences.insert(at, s);
    }
    new.retain(|p| !p.sentences.is_empty());
    (new, counts)
}

/// The generated pair as plain text, with the edit counts.
pub struct Generated {
    pub old: String,
    pub new: String,
    pub counts: EditCounts,
}

/// The share of sentences the benchmark pair edits unless told otherwise.
pub const DEFAULT_RATE: f64 = 0.05;

/// Builds the pair from the corpus at `corpus`: `old` of about `target`
/// bytes, `new` with about 5% of its sentences edited. `None` when the corpus
/// has no statement.
#[allow(dead_code)] // the criterion bench uses it; the example passes a rate
pub fn generate(corpus: &Path, target: usize, seed: u64) -> Option<Generated> {
    generate_with_rate(corpus, target, seed, DEFAULT_RATE)
}

/// [`generate`] with about `rate` (0–1) of the sentences edited: a higher
/// rate gives the heavily revised pair of issue 18's second benchmark.
pub fn generate_with_rate(corpus: &Path, target: usize, seed: u64, rate: f64) -> Option<Generated> {
    let paras = corpus_paragraphs(corpus);
    if paras.is_empty() {
        return None;
    }
    let mut rng = Rng::new(seed);
    let old = make_old(&paras, target, &mut rng);
    let (new, counts) = make_new(&old, rate, &mut rng);
    Some(Generated {
        old: render(&old),
        new: render(&new),
        counts,
    })
}
