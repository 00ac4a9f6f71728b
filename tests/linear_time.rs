//! The diff's time grows near-linearly in the number of sentences, on the
//! inputs that made it quadratic (issue 16, item 10): two statements of
//! random words with no sentence in common, twenty distinct sentences
//! repeated in two different orders, and a heading over every sentence with
//! every heading reworded (the digest's count by section once walked the
//! sections so far for each entry). Two more grow one sentence instead:
//! thousands of figures in it, each revised, and a list of thousands of
//! commitment clauses (the figures were paired, and the clauses compared,
//! each with each). One more times `check` on drafts of thousands of
//! bracketed sentences (each finding once looked its sentence up by a walk
//! over the draft, and each closed bracket searched the whole draft).
//!
//! Each case times `compare` (alignment and analysis; the statements are
//! imported beforehand) and the digest at 4k and 16k sentences in the same run and asserts
//! that four times the sentences cost less than six times the time. Best of
//! seven runs per size keeps a busy neighbour on this shared machine from
//! deciding the ratio. A separate binary, so that CI can run it in release
//! (`cargo test --release --test linear_time`, see `.ci/run`) without
//! building the whole integration suite twice; in a debug build the timings
//! mean little and the test is ignored.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use communique::Statement;
use communique::align::AlignOptions;
use communique::analyze::digest::digest;
use communique::import::{Format, import};
use communique::{Options, compare};

/// Sentences of the small and the large statement of each pair.
const SMALL: usize = 4_000;
const LARGE: usize = 16_000;
/// The most the large pair may cost, as a multiple of the small one: 4× the
/// sentences, with room for the machine's noise and an `n log n` sort or two.
const MAX_RATIO: f64 = 6.0;
/// Runs per size; the fastest counts.
const RUNS: usize = 7;
/// Words the random sentences draw from: few, so that every word is common
/// and the inverted index's postings are long (the worst case for candidate
/// search).
const VOCABULARY: usize = 100;

/// A small deterministic generator (xorshift64*), so the test needs no
/// dependency and every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A made-up word per index: letters only, so no word is a number class.
fn word(i: usize) -> String {
    let mut w = String::new();
    let mut k = i + 26 * 27;
    while k > 0 {
        w.push(char::from(b'a' + (k % 26) as u8));
        k /= 26;
    }
    w
}

/// A sentence of 8 to 20 random words.
fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let n = 8 + rng.below(13);
    let words: Vec<&str> = (0..n)
        .map(|_| vocabulary[rng.below(vocabulary.len())].as_str())
        .collect();
    let mut s = words.join(" ");
    s[..1].make_ascii_uppercase();
    s.push('.');
    s
}

/// Plain text of the sentences, five to a paragraph.
fn text(sentences: &[String]) -> String {
    sentences
        .chunks(5)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn statement(sentences: &[String]) -> Statement {
    let text = text(sentences);
    match import(text.as_bytes(), Some(Format::Text), "generated") {
        Ok(s) => s,
        Err(e) => panic!("generated text does not import: {e}"),
    }
}

/// Two statements of `n` random sentences each, none in common.
fn random_pair(n: usize) -> (Statement, Statement) {
    let vocabulary: Vec<String> = (0..VOCABULARY).map(word).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let old: Vec<String> = (0..n).map(|_| sentence(&mut rng, &vocabulary)).collect();
    let new: Vec<String> = (0..n).map(|_| sentence(&mut rng, &vocabulary)).collect();
    (statement(&old), statement(&new))
}

/// Twenty distinct sentences repeated to `n`, in two different orders: no
/// sentence is unique, so nothing anchors but the exact diff.
fn repeated_pair(n: usize) -> (Statement, Statement) {
    let vocabulary: Vec<String> = (0..1_000).map(word).collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let base: Vec<String> = (0..20).map(|_| sentence(&mut rng, &vocabulary)).collect();
    let old: Vec<String> = (0..n).map(|i| base[i % 20].clone()).collect();
    let new: Vec<String> = (0..n).map(|i| base[(i * 7 + 3) % 20].clone()).collect();
    (statement(&old), statement(&new))
}

/// A heading over every sentence, `n` sentences in all, half of them
/// headings: the new side rewords every heading and every sentence.
fn headings_pair(n: usize) -> (Statement, Statement) {
    let vocabulary: Vec<String> = (0..1_000).map(word).collect();
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let mut old = Vec::new();
    let mut new = Vec::new();
    for i in 0..n / 2 {
        let body = sentence(&mut rng, &vocabulary);
        // A capitalized made-up word, so that no heading reads as a line
        // cut from the sentence below it ("Section on this", "Section on
        // AND").
        let title = format!("Q{}", word(i));
        old.push(format!("Section on {title}\n\n{body}"));
        new.push(format!(
            "Revised section on {title}\n\n{} again.",
            body.trim_end_matches('.')
        ));
    }
    let text = |parts: &[String]| parts.join("\n\n");
    let import_text = |t: String| match import(t.as_bytes(), Some(Format::Text), "generated") {
        Ok(s) => s,
        Err(e) => panic!("generated text does not import: {e}"),
    };
    (import_text(text(&old)), import_text(text(&new)))
}

/// One sentence of `n` figures, every one of them revised.
fn figures_pair(n: usize) -> (Statement, Statement) {
    let side = |shift: usize| {
        let figures: Vec<String> = (0..n)
            .map(|i| format!("{} members in region {}", 2 * i + shift, word(i)))
            .collect();
        format!("We decide that there shall be {}.", figures.join(", "))
    };
    (statement(&[side(0)]), statement(&[side(1)]))
}

/// One sentence that lists `n` commitments, one item dropped and every
/// fifth reworded.
fn clauses_pair(n: usize) -> (Statement, Statement) {
    let side = |revised: bool| {
        let items: Vec<String> = (0..n)
            .filter(|i| !revised || *i != n / 2)
            .map(|i| {
                let verb = if revised && i % 5 == 0 {
                    "advance"
                } else {
                    "promote"
                };
                format!("({i}) to {verb} the {} agenda", word(i))
            })
            .collect();
        format!("We commit: {}.", items.join("; "))
    };
    (statement(&[side(false)]), statement(&[side(true)]))
}

/// `n` sentences each holding a bracketed text, every one of which the
/// draft replaces: as many brackets opened and closed.
fn brackets_pair(n: usize) -> (Statement, Statement) {
    let side = |word_of: &str| {
        let sentences: Vec<String> = (0..n)
            .map(|i| format!("We will fund [{word_of} {}] by 2030.", word(i)))
            .collect();
        statement(&sentences)
    };
    (side("project"), side("programme"))
}

/// The fastest of [`RUNS`] checks of the draft against its baseline, and
/// the number of findings.
fn best_check(pair: &(Statement, Statement)) -> (Duration, usize) {
    let diff = compare(&pair.0, &pair.1, &Options::named("old", "new"));
    let policy = communique::check::Policy::default();
    let mut best = Duration::MAX;
    let mut findings = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        findings = communique::check::check(&pair.0, &pair.1, &diff, &policy).len();
        best = best.min(start.elapsed());
    }
    (best, findings)
}

/// The fastest of [`RUNS`] diffs of the pair, and its number of changes.
fn best_time(pair: &(Statement, Statement)) -> (Duration, usize) {
    let options = AlignOptions::default();
    let mut best = Duration::MAX;
    let mut changes = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let diff = compare(
            &pair.0,
            &pair.1,
            &Options::named("old", "new").with_align(options.clone()),
        );
        let digest = digest(&diff);
        best = best.min(start.elapsed());
        assert!(digest.summary.changes() <= diff.changes.len());
        changes = diff.changes.len();
    }
    (best, changes)
}

/// Held while timing: the test harness runs tests in parallel, and two
/// timings at once on two cores would measure each other.
static TIMING: Mutex<()> = Mutex::new(());

/// What a generator's `n` counts.
#[derive(PartialEq)]
enum Unit {
    Sentences,
    /// Figures or clauses of one sentence.
    Parts,
}

fn assert_near_linear(name: &str, unit: Unit, make: fn(usize) -> (Statement, Statement)) {
    assert_measure_near_linear(name, unit, make, best_time, "changes");
}

/// That `measure` (the best time of some work on a pair, and a count of
/// what it found, named `found`) grows near-linearly from the pair `make`
/// gives at [`SMALL`] to the one at [`LARGE`]; the two counts.
fn assert_measure_near_linear(
    name: &str,
    unit: Unit,
    make: fn(usize) -> (Statement, Statement),
    measure: fn(&(Statement, Statement)) -> (Duration, usize),
    found: &str,
) -> (usize, usize) {
    let small = make(SMALL);
    let large = make(LARGE);
    if unit == Unit::Sentences {
        assert_eq!(small.0.sentence_count(), SMALL, "{name}: the generator");
        assert_eq!(large.1.sentence_count(), LARGE, "{name}: the generator");
    } else {
        assert_eq!(large.1.sentence_count(), 1, "{name}: the generator");
    }
    let ((t_small, c_small), (t_large, c_large)) = {
        let _alone = TIMING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (measure(&small), measure(&large))
    };
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    let what = if unit == Unit::Sentences {
        "sentences"
    } else {
        "parts"
    };
    eprintln!(
        "{name}: {SMALL} {what} {:.3} s ({c_small} {found}), {LARGE} {what} {:.3} s \
         ({c_large} {found}), ratio {ratio:.2}",
        t_small.as_secs_f64(),
        t_large.as_secs_f64()
    );
    assert!(
        ratio < MAX_RATIO,
        "{name}: {LARGE} {what} took {ratio:.2}× the time of {SMALL} (limit {MAX_RATIO}×)"
    );
    (c_small, c_large)
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn random_words_diff_in_near_linear_time() {
    assert_near_linear("random words", Unit::Sentences, random_pair);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn repeated_sentences_diff_in_near_linear_time() {
    assert_near_linear("repeated sentences", Unit::Sentences, repeated_pair);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn a_heading_over_every_sentence_diffs_in_near_linear_time() {
    assert_near_linear("headings", Unit::Sentences, headings_pair);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn a_sentence_of_thousands_of_figures_diffs_in_near_linear_time() {
    assert_near_linear("figures", Unit::Parts, figures_pair);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn a_list_of_thousands_of_commitments_diffs_in_near_linear_time() {
    assert_near_linear("clauses", Unit::Parts, clauses_pair);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "timing; run with cargo test --release")]
fn checking_thousands_of_brackets_takes_near_linear_time() {
    let (_, findings) = assert_measure_near_linear(
        "brackets",
        Unit::Sentences,
        brackets_pair,
        best_check,
        "findings",
    );
    // Each sentence's bracket opened and its old one closed.
    assert!(findings >= 2 * LARGE, "{findings} findings");
}
