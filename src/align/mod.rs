//! Sentence alignment: which old sentence became which new one.
//!
//! The work is kept far from quadratic in the number of sentences:
//!
//! 1. **Anchors.** Sentences whose comparison key is unique in both
//!    documents anchor the heaviest in-order chain (see `anchors`); an
//!    exact diff (`similar`) inside each gap anchors repeated ones.
//! 2. **Exact moves.** A leftover sentence whose key occurs exactly once in
//!    each document, and that is long enough to mean something, is paired
//!    with its twin.
//! 3. **Candidates.** For each leftover sentence, an inverted index over the
//!    leftovers of the other side proposes the few sentences that share its
//!    rarest words, scanning a bounded number of postings per sentence; only
//!    those pairs are scored.
//! 4. **Groups.** A candidate pair grows into a split (one old, several
//!    consecutive new) or a merge (the reverse) when the neighbours' words are
//!    contained in the counterpart and the group scores clearly better.
//! 5. **Matching.** Candidates are taken best first (ties broken
//!    symmetrically, pairs inside the same gap between anchors first), each
//!    sentence used once; what is left is added or removed.
//!
//! A match is *moved* when it is out of the order of the other matches: not in
//! the gap between the anchors its position implies, or not on the longest
//! in-order chain of the matches inside its gap.

mod anchors;
mod order;
mod similarity;

use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;

use crate::diff::ChangeKind;
use crate::normalize::key::{Folding, key, number_class, words};
use crate::parallel;
use similarity::{Scores, containment, score_bounds, scores, similarity};

/// Options that change which sentences are paired.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignOptions {
    /// Which editorial differences do not count (default: all four kinds).
    pub folding: Folding,
    /// The similarity, 0 to 1, from which a revised sentence is `reworded`
    /// rather than removed and added (default `0.5`).
    pub threshold: f64,
    /// The fewest words a sentence needs to be reported as `moved` (default
    /// `5`): short sentences recur by chance, and false moves destroy trust.
    pub min_move_words: usize,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            folding: Folding::default(),
            threshold: 0.5,
            min_move_words: 5,
        }
    }
}

/// One entry of an alignment: indices into the two sentence lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// How the sentences relate.
    pub kind: ChangeKind,
    /// Indices of the old sentences, ascending (empty for `added`).
    pub old: Vec<usize>,
    /// Indices of the new sentences, ascending (empty for `removed`).
    pub new: Vec<usize>,
    /// Similarity of the two sides, 0 to 1: the mean of the plain word
    /// similarity and the one that weighs words by rarity.
    pub similarity: f64,
    /// Whether the pair is out of the order of the other matched pairs.
    pub moved: bool,
}

/// The alignment of two sentence lists, in the new document's order, each
/// removed sentence right after the pair of its old predecessor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Every pair; each sentence of either side is in exactly one.
    pub pairs: Vec<Pair>,
}

/// How long the anchor diff may search before it settles for a coarser
/// result; a safety net for pathological input, never reached on real text.
const ANCHOR_DEADLINE: Duration = Duration::from_secs(2);
/// Candidates kept per sentence from the inverted index.
const CANDIDATES: usize = 8;
/// Rare words of a sentence looked up in the inverted index.
const PROBES: usize = 6;
/// Postings scanned for one sentence, over all its probed words: the bound
/// that keeps the candidate search linear. A real statement's rare words
/// occur in a handful of sentences, far below it; only where the rarest words
/// are common (a document of common words, or one sentence repeated) are the
/// later words' postings cut, to those nearest the sentence's position.
const POSTINGS_BUDGET: usize = 128;
/// How much better a split or merge must score than its best single pair.
const GROUP_MARGIN: f64 = 0.08;
/// How much of a split's or merge's piece its counterpart must contain.
const GROUP_CONTAINMENT: f64 = 0.6;
/// The fewest words of a sentence that can count as expanded into another.
const EXPANSION_MIN_WORDS: usize = 6;
/// The most pieces a split or merge may have.
const GROUP_MAX: usize = 4;
/// The plain similarity from which a pair may grow into a split or merge.
const GROW_MIN_PLAIN: f64 = 0.2;
/// Room for the rounding of `f32` weight sums when a bound from
/// [`score_bounds`] decides that a pair need not be scored: a pair is skipped
/// only when its bound misses by more than this.
const BOUND_SLACK: f64 = 1e-3;

/// Aligns the old sentences with the new ones (texts without labels).
pub fn align(old: &[&str], new: &[&str], options: &AlignOptions) -> Alignment {
    // Most sentences of a revision are unchanged: compute each distinct
    // text's key once.
    let mut texts = Interner::with_capacity(old.len() + new.len());
    let old_texts: Vec<u32> = old.iter().map(|t| texts.id(t)).collect();
    let new_texts: Vec<u32> = new.iter().map(|t| texts.id(t)).collect();
    let distinct_keys: Vec<String> = parallel::map(&texts.in_order(), PARALLEL_MIN, |_, t| {
        key(t, options.folding)
    });
    let old_keys: Vec<&str> = old_texts
        .iter()
        .map(|&t| distinct_keys[t as usize].as_str())
        .collect();
    let new_keys: Vec<&str> = new_texts
        .iter()
        .map(|&t| distinct_keys[t as usize].as_str())
        .collect();
    let mut table = Interner::with_capacity(texts.len());
    let old_ids: Vec<u32> = old_keys.iter().map(|k| table.id(k)).collect();
    let new_ids: Vec<u32> = new_keys.iter().map(|k| table.id(k)).collect();

    // Word ids are handed out in the order words are first seen; a repeated
    // key brings no new word, so splitting each distinct key once, in order,
    // gives the same ids. Two threads split the two halves of the distinct
    // keys; the second half's words then get their ids in the order it saw
    // them, after the first half's.
    let distinct: Vec<&str> = table.in_order();
    let (first, second) = distinct.split_at(if distinct.len() < PARALLEL_MIN {
        distinct.len()
    } else {
        distinct.len() / 2
    });
    let ((first_vocab, mut key_words), (second_vocab, second_words)) = parallel::join(
        !second.is_empty(),
        || split_words(first),
        || split_words(second),
    );
    let mut vocab = Interner::default();
    for w in first_vocab {
        vocab.id(w);
    }
    let global: Vec<u32> = second_vocab.into_iter().map(|w| vocab.id(w)).collect();
    key_words.extend(second_words.into_iter().map(|ws| {
        ws.into_iter()
            .map(|w| global[w as usize])
            .collect::<Vec<u32>>()
    }));

    let mut state = State::new(old.len(), new.len());
    let deadline = Instant::now() + ANCHOR_DEADLINE;
    let old_word_count = |o: usize| key_words[old_ids[o] as usize].len();
    let weight = |o: usize| anchors::weight(old_keys[o], old_word_count(o));
    for (o, n) in anchors::anchors(&old_ids, &new_ids, &weight, deadline) {
        state.anchor(o, n);
    }

    pair_exact_moves(&mut state, &old_ids, &new_ids, &old_word_count, options);

    let old_words: Vec<&[u32]> = old_ids
        .iter()
        .map(|&k| key_words[k as usize].as_slice())
        .collect();
    let new_words: Vec<&[u32]> = new_ids
        .iter()
        .map(|&k| key_words[k as usize].as_slice())
        .collect();
    let weight = rarity_weights(vocab.len(), &old_words, &new_words);

    let sides = Sides {
        old: &old_words,
        new: &new_words,
        old_ids: &old_ids,
        new_ids: &new_ids,
        weight: &weight,
    };
    let candidates = candidates(&state, &sides);
    // Scoring is independent per candidate: two threads take every other
    // one, and the results go back into candidate order.
    let score_one = |counts: &mut Vec<u32>, o: usize, n: usize, out: &mut Vec<Candidate>| {
        let (a, b) = (old_words[o], new_words[n]);
        // Most candidates share only a few words: when even the bounds say
        // the pair can neither score nor grow, skip the diff.
        let bound = score_bounds(a, b, &weight, counts);
        let may_score = pair_score(a, b, &bound) + BOUND_SLACK >= options.threshold;
        let may_grow =
            bound.plain + BOUND_SLACK >= GROW_MIN_PLAIN && may_group(&state, &sides, o, n, counts);
        if !may_score && !may_grow {
            return;
        }
        let s = scores(a, b, &weight);
        let sim = (s.plain + s.weighted) / 2.0;
        let score = pair_score(a, b, &s);
        if score >= options.threshold {
            out.push(Candidate {
                score,
                ..Candidate::single(o, n, sim)
            });
        }
        // A weak single pair can still be one piece of a good split or merge.
        if s.plain >= GROW_MIN_PLAIN
            && let Some(mut group) = grow(&state, &sides, o, n, sim, options.threshold, counts)
        {
            // A valid group explains more than the single pair it grew from,
            // however well that pair's shorter side is contained.
            group.score = group.score.max(score + 0.01);
            out.push(group);
        }
    };
    let score_every_other = |first: usize| {
        let mut counts = vec![0u32; weight.len()];
        let mut out = Vec::new();
        for (i, &(o, n)) in candidates.iter().enumerate().skip(first).step_by(2) {
            let mut found = Vec::new();
            score_one(&mut counts, o, n, &mut found);
            out.extend(found.into_iter().map(|c| (i, c)));
        }
        out
    };
    let (mut even, odd) = parallel::join(
        candidates.len() >= PARALLEL_MIN,
        || score_every_other(0),
        || score_every_other(1),
    );
    even.extend(odd);
    // Stable: a pair's single candidate stays before its group.
    even.sort_by_key(|&(i, _)| i);
    let scored: Vec<Candidate> = even.into_iter().map(|(_, c)| c).collect();
    state.take_best(scored, &order::Gaps::new(&state.anchors));

    order::finish(state, old.len(), new.len())
}

/// How a diff would judge one old sentence against one new one: the same
/// sentence, or a revision scored as [`align`] scores its candidates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairScore {
    /// The two comparison keys are equal: `same` (or `moved`) in a diff.
    pub same: bool,
    /// The similarity a diff would report for the pair (see [`Pair`]).
    pub similarity: f64,
    /// The score the pair is ranked by: its similarity, or its expansion
    /// score where one side is mostly the other expanded or cut down. The
    /// pair can be `reworded` in a diff when this reaches the threshold.
    pub score: f64,
}

impl PairScore {
    /// Whether a diff could call the pair reworded under `options`.
    pub fn reworded(&self, options: &AlignOptions) -> bool {
        !self.same && self.score >= options.threshold
    }
}

/// Scores sentence pairs across two documents exactly as [`align`] scores
/// a candidate pair: the same keys, the same word classes and the same
/// rarity weights (over the sentences of both documents), so that a caller
/// who pairs sentences by other means (an index over a whole store) labels
/// them as a diff of the two documents would.
pub fn score_pairs(
    old: &[&str],
    new: &[&str],
    pairs: &[(usize, usize)],
    options: &AlignOptions,
) -> Vec<PairScore> {
    let old_keys: Vec<String> = old.iter().map(|t| key(t, options.folding)).collect();
    let new_keys: Vec<String> = new.iter().map(|t| key(t, options.folding)).collect();
    score_keyed_pairs(&old_keys, &new_keys, pairs)
}

/// [`score_pairs`] on comparison keys the caller already built (with the
/// folding the options of [`PairScore::reworded`] will name), for a caller
/// that scores one document against many.
pub fn score_keyed_pairs(
    old_keys: &[String],
    new_keys: &[String],
    pairs: &[(usize, usize)],
) -> Vec<PairScore> {
    let mut vocab = Interner::default();
    let old_words: Vec<Vec<u32>> = old_keys.iter().map(|k| vocab.words(k)).collect();
    let new_words: Vec<Vec<u32>> = new_keys.iter().map(|k| vocab.words(k)).collect();
    let old_slices: Vec<&[u32]> = old_words.iter().map(Vec::as_slice).collect();
    let new_slices: Vec<&[u32]> = new_words.iter().map(Vec::as_slice).collect();
    let weight = rarity_weights(vocab.len(), &old_slices, &new_slices);
    pairs
        .iter()
        .map(|&(o, n)| {
            if old_keys[o] == new_keys[n] {
                return PairScore {
                    same: true,
                    similarity: 1.0,
                    score: 1.0,
                };
            }
            let (a, b) = (&old_words[o], &new_words[n]);
            let s = scores(a, b, &weight);
            PairScore {
                same: false,
                similarity: (s.plain + s.weighted) / 2.0,
                score: pair_score(a, b, &s),
            }
        })
        .collect()
}

/// The fewest items worth splitting over two threads.
const PARALLEL_MIN: usize = 256;

/// The score a single pair is ranked by: its similarity, or its expansion
/// score where one sentence is mostly the other one expanded or cut down
/// (0.9 × the weighted containment of the shorter in the longer, for shorter
/// sides of at least [`EXPANSION_MIN_WORDS`] words: short sentences are
/// contained in too much by chance), whichever is higher.
fn pair_score(a: &[u32], b: &[u32], s: &Scores) -> f64 {
    let sim = (s.plain + s.weighted) / 2.0;
    let expanded = if a.len().min(b.len()) < EXPANSION_MIN_WORDS {
        0.0
    } else {
        0.9 * s.contained
    };
    sim.max(expanded)
}

/// Maps strings to dense ids, in the order they are first seen.
#[derive(Default)]
struct Interner<'a> {
    // Fx: SipHash's resistance to crafted collisions buys nothing here, and
    // ids depend only on the order of first sight, never on the hash.
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn with_capacity(n: usize) -> Interner<'a> {
        Interner {
            ids: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    fn id(&mut self, s: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(next)
    }

    /// The ids of the words of a comparison key, numbers as one class.
    fn words(&mut self, key: &'a str) -> Vec<u32> {
        words(key).map(|w| self.id(number_class(w))).collect()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The strings, each at its id.
    fn in_order(&self) -> Vec<&'a str> {
        let mut out = vec![""; self.ids.len()];
        for (&s, &id) in &self.ids {
            out[id as usize] = s;
        }
        out
    }
}

/// The word ids of each key, numbered from 0 in the order of first sight,
/// and the words, each at its id.
fn split_words<'a>(keys: &[&'a str]) -> (Vec<&'a str>, Vec<Vec<u32>>) {
    let mut vocab = Interner::default();
    let words: Vec<Vec<u32>> = keys.iter().map(|k| vocab.words(k)).collect();
    (vocab.in_order(), words)
}

/// The word lists and key ids of both documents, and each word's weight.
struct Sides<'a> {
    old: &'a [&'a [u32]],
    new: &'a [&'a [u32]],
    old_ids: &'a [u32],
    new_ids: &'a [u32],
    weight: &'a [f32],
}

/// A word's weight is its inverse document frequency over the sentences of
/// both documents: boilerplate weighs little, names and numbers a lot.
fn rarity_weights(vocab: usize, old: &[&[u32]], new: &[&[u32]]) -> Vec<f32> {
    let mut df = vec![0u32; vocab];
    let mut seen = vec![u32::MAX; vocab];
    for (i, ws) in old.iter().chain(new).enumerate() {
        for &w in *ws {
            if seen[w as usize] != i as u32 {
                seen[w as usize] = i as u32;
                df[w as usize] += 1;
            }
        }
    }
    let n = (old.len() + new.len()) as f32;
    df.iter()
        .map(|&d| (1.0 + n / d.max(1) as f32).ln())
        .collect()
}

/// A match: old sentences, new sentences, their similarity and kind.
#[derive(Clone, Debug)]
pub(crate) struct Match {
    old: Vec<usize>,
    new: Vec<usize>,
    similarity: f64,
    kind: ChangeKind,
}

/// Which sentences are matched so far.
pub(crate) struct State {
    /// Anchor pairs, ascending on both sides.
    anchors: Vec<(usize, usize)>,
    old_taken: Vec<bool>,
    new_taken: Vec<bool>,
    /// Matches other than anchors.
    matches: Vec<Match>,
}

impl State {
    fn new(old: usize, new: usize) -> State {
        State {
            anchors: Vec::new(),
            old_taken: vec![false; old],
            new_taken: vec![false; new],
            matches: Vec::new(),
        }
    }

    fn anchor(&mut self, o: usize, n: usize) {
        self.anchors.push((o, n));
        self.old_taken[o] = true;
        self.new_taken[n] = true;
    }

    fn add(&mut self, m: Match) {
        for &o in &m.old {
            self.old_taken[o] = true;
        }
        for &n in &m.new {
            self.new_taken[n] = true;
        }
        self.matches.push(m);
    }

    /// Takes candidates best first, each sentence at most once.
    fn take_best(&mut self, mut cands: Vec<Candidate>, gaps: &order::Gaps) {
        for c in &mut cands {
            if gaps.same_gap(c.old[0], c.new[0]) {
                c.score += 0.05;
            }
        }
        // Ties break on the position sum first so that swapping the inputs
        // takes the same pairs.
        cands.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| (a.old[0] + a.new[0]).cmp(&(b.old[0] + b.new[0])))
                .then_with(|| a.old[0].min(a.new[0]).cmp(&b.old[0].min(b.new[0])))
                .then_with(|| a.old.len().cmp(&b.old.len()))
        });
        for c in cands {
            let free = c.old.iter().all(|&o| !self.old_taken[o])
                && c.new.iter().all(|&n| !self.new_taken[n]);
            if free {
                self.add(Match {
                    old: c.old,
                    new: c.new,
                    similarity: c.similarity,
                    kind: c.kind,
                });
            }
        }
    }
}

/// Pairs leftover sentences whose key is unique in both documents.
fn pair_exact_moves(
    state: &mut State,
    old_ids: &[u32],
    new_ids: &[u32],
    old_word_count: &dyn Fn(usize) -> usize,
    options: &AlignOptions,
) {
    let mut count: FxHashMap<u32, (u32, u32, usize)> = FxHashMap::default();
    for (n, &k) in new_ids.iter().enumerate() {
        let e = count.entry(k).or_insert((0, 0, n));
        e.1 += 1;
        e.2 = n;
    }
    for &k in old_ids {
        if let Some(e) = count.get_mut(&k) {
            e.0 += 1;
        }
    }
    for (o, &k) in old_ids.iter().enumerate() {
        if state.old_taken[o] || old_word_count(o) < options.min_move_words {
            continue;
        }
        if let Some(&(1, 1, n)) = count.get(&k)
            && !state.new_taken[n]
        {
            state.add(Match {
                old: vec![o],
                new: vec![n],
                similarity: 1.0,
                kind: ChangeKind::Moved,
            });
        }
    }
}

/// A proposed match with the score it is ranked by.
#[derive(Clone, Debug)]
struct Candidate {
    old: Vec<usize>,
    new: Vec<usize>,
    similarity: f64,
    score: f64,
    kind: ChangeKind,
}

impl Candidate {
    fn single(o: usize, n: usize, sim: f64) -> Candidate {
        Candidate {
            old: vec![o],
            new: vec![n],
            similarity: sim,
            score: sim,
            kind: ChangeKind::Reworded,
        }
    }
}

/// Candidate pairs of leftover sentences that share rare words, proposed from
/// both sides so that the set does not depend on which input is "old".
fn candidates(state: &State, sides: &Sides) -> Vec<(usize, usize)> {
    let free_old: Vec<usize> = (0..sides.old.len())
        .filter(|&o| !state.old_taken[o])
        .collect();
    let free_new: Vec<usize> = (0..sides.new.len())
        .filter(|&n| !state.new_taken[n])
        .collect();
    // The two directions are independent: one thread each, when there are
    // enough sentences to pay for it.
    let forward = || probe(&free_old, sides.old, &free_new, sides.new, sides.weight);
    let backward = || probe(&free_new, sides.new, &free_old, sides.old, sides.weight);
    let (forward, backward) = parallel::join(
        free_old.len() + free_new.len() >= PARALLEL_MIN,
        forward,
        backward,
    );
    let mut out = forward;
    out.extend(backward.into_iter().map(|(n, o)| (o, n)));
    out.sort_unstable();
    out.dedup();
    // Identical sentences that were not anchored or paired as moves are too
    // common or too short to pair; a rewording they are not.
    out.retain(|&(o, n)| sides.old_ids[o] != sides.new_ids[n]);
    out
}

/// For each sentence of `from`, the sentences of `to` that share most of its
/// rarest words.
///
/// The work per sentence is bounded: at most [`PROBES`] words are looked up,
/// rarest first, and at most [`POSTINGS_BUDGET`] postings scanned in all; a
/// word whose postings exceed what is left of the budget contributes those
/// nearest to the sentence's proportional position in `to`. A document of
/// common words (or one sentence repeated thousands of times) so costs the
/// same per sentence as a real statement. The window depends only on `from` and
/// `to`, so swapping the inputs still gives the mirror candidate set.
fn probe(
    from: &[usize],
    from_words: &[&[u32]],
    to: &[usize],
    to_words: &[&[u32]],
    weight: &[f32],
) -> Vec<(usize, usize)> {
    // Postings ascend, as `to` does.
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut ws: Vec<u32> = Vec::new();
    for &t in to {
        ws.clear();
        ws.extend_from_slice(to_words[t]);
        ws.sort_unstable();
        ws.dedup();
        for &w in &ws {
            index.entry(w).or_default().push(t);
        }
    }
    let mut out = Vec::new();
    // Hit weights by sentence of `to`, and the sentences hit: a dense table
    // is cleared in the time it took to fill, not in the size of `to`.
    let mut hits = vec![0f32; to_words.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut ranked: Vec<(usize, f32)> = Vec::new();
    let (from_len, to_len) = (from_words.len().max(1), to_words.len());
    for &f in from {
        ws.clear();
        ws.extend_from_slice(from_words[f]);
        ws.sort_unstable();
        ws.dedup();
        ws.retain(|w| index.contains_key(w));
        // Rarest first: a heavier weight means a rarer word.
        ws.sort_by(|a, b| {
            weight[*b as usize]
                .total_cmp(&weight[*a as usize])
                .then(a.cmp(b))
        });
        let centre = (f as u128 * to_len as u128 / from_len as u128) as usize;
        let mut budget = POSTINGS_BUDGET;
        for w in ws.iter().take(PROBES) {
            let postings = nearest(&index[w], centre, budget);
            budget -= postings.len();
            for &t in postings {
                // Every weight is at least ln 2, so zero means not yet hit.
                if hits[t] == 0.0 {
                    touched.push(t);
                }
                hits[t] += weight[*w as usize];
            }
        }
        ranked.clear();
        ranked.extend(touched.drain(..).map(|t| (t, std::mem::take(&mut hits[t]))));
        let rank = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > CANDIDATES {
            ranked.select_nth_unstable_by(CANDIDATES - 1, rank);
            ranked.truncate(CANDIDATES);
        }
        ranked.sort_by(rank);
        out.extend(ranked.iter().map(|&(t, _)| (f, t)));
    }
    out
}

/// The window of at most `cap` postings (ascending) nearest to `centre`.
fn nearest(postings: &[usize], centre: usize, cap: usize) -> &[usize] {
    if postings.len() <= cap {
        return postings;
    }
    let at = postings.partition_point(|&t| t < centre);
    let start = at.saturating_sub(cap / 2).min(postings.len() - cap);
    &postings[start..start + cap]
}

/// Grows the pair `(o, n)` into a split (more new sentences around `n`) or a
/// merge (more old sentences around `o`) where that scores clearly better.
fn grow(
    state: &State,
    sides: &Sides,
    o: usize,
    n: usize,
    single: f64,
    threshold: f64,
    counts: &mut [u32],
) -> Option<Candidate> {
    let split = grow_side(&state.new_taken, sides.new, n, sides.old[o], counts);
    let merge = grow_side(&state.old_taken, sides.old, o, sides.new[n], counts);
    let mut best: Option<Candidate> = None;
    for (run, is_split) in [(split, true), (merge, false)] {
        if run.len() < 2 {
            continue;
        }
        let (one, many, kind) = if is_split {
            (sides.old[o], sides.new, ChangeKind::Split)
        } else {
            (sides.new[n], sides.old, ChangeKind::Merged)
        };
        let joined: Vec<u32> = run.iter().flat_map(|&i| many[i].iter().copied()).collect();
        let (plain, weighted) = similarity(one, &joined, sides.weight);
        let sim = (plain + weighted) / 2.0;
        if sim < threshold || sim < single + GROUP_MARGIN {
            continue;
        }
        let (old, new) = if is_split {
            (vec![o], run)
        } else {
            (run, vec![n])
        };
        if best.as_ref().is_none_or(|b| sim > b.similarity) {
            best = Some(Candidate {
                old,
                new,
                similarity: sim,
                score: sim,
                kind,
            });
        }
    }
    best
}

/// Whether `grow` could find a split or merge for `(o, n)` at all: a run of
/// at least two on one side.
fn may_group(state: &State, sides: &Sides, o: usize, n: usize, counts: &mut [u32]) -> bool {
    grow_side(&state.new_taken, sides.new, n, sides.old[o], counts).len() >= 2
        || grow_side(&state.old_taken, sides.old, o, sides.new[n], counts).len() >= 2
}

/// The run of free, consecutive sentences around `at` whose words `whole`
/// mostly contains (`counts` as for [`score_bounds`]).
fn grow_side(
    taken: &[bool],
    words: &[&[u32]],
    at: usize,
    whole: &[u32],
    counts: &mut [u32],
) -> Vec<usize> {
    let mut fits =
        |i: usize| !taken[i] && containment(words[i], whole, counts) >= GROUP_CONTAINMENT;
    if !fits(at) {
        return vec![at];
    }
    let (mut lo, mut hi) = (at, at);
    while hi - lo + 1 < GROUP_MAX {
        if hi + 1 < words.len() && fits(hi + 1) {
            hi += 1;
        } else if lo > 0 && fits(lo - 1) {
            lo -= 1;
        } else {
            break;
        }
    }
    (lo..=hi).collect()
}
