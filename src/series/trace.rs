//! Genealogy: where each sentence of a statement comes from, through the
//! earlier versions of its series.
//!
//! A series (this year's resolution, last year's, the draft between) is a
//! chain of versions. Consecutive versions are diffed once each (n − 1
//! diffs), and every sentence of the last version is followed backwards
//! through the chain of alignments: through `same` and `moved` entries it
//! keeps its identity; a `reworded`, `split` or `merged` entry is a step of
//! its history (with the diff's redline) and the walk goes on from the old
//! side; an `added` entry, or the first version, is where it first appeared.
//! Nothing is re-diffed per sentence, so a trace costs the n − 1 diffs plus
//! a walk linear in the sentences.
//!
//! A draft may leave a paragraph out that the adopted text puts back: a
//! sentence `added` against the version before is first looked for among
//! the sentences that earlier versions had and their successors dropped
//! (the same sentence, or one it rewords as a diff would score the pair);
//! found, its lineage goes on from there and names the versions it was
//! absent from. Only added and dropped sentences are compared, so this costs
//! little.
//!
//! A merged sentence has several ancestors; its lineage follows the first of
//! them (the step lists them all).

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::align::{AlignOptions, PairScore, score_pairs};
use crate::analyze::lexicon::Lexicon;
use crate::analyze::{Options, compare, edit_kinds, views, word_edits};
use crate::diff::{Change, ChangeKind, DocumentInfo, Renumbered, Sections, SentenceView};
use crate::normalize::key::word_hashes;
use crate::statement::{Location, Sentence, Statement};
use crate::store::{BlobId, Resolved, Store, StoreError};

use super::cache::{Kind, PairCache};

/// One version of a series, as the caller read it.
#[derive(Clone, Debug)]
pub struct Version {
    /// How reports name it (`unga-tpnw/2024-12-02-a-res-79-38`).
    pub reference: String,
    /// The statement.
    pub statement: Statement,
}

/// The versions a trace of `resolved` runs through: the statements of its
/// series up to and including it, oldest first, read as
/// [`Store::load`] reads them (at its `@REV`, else the working tree).
pub fn versions(store: &Store, resolved: &Resolved) -> Result<Vec<Version>, StoreError> {
    Ok(versions_with_blobs(store, resolved)?.0)
}

/// [`versions`], with the blob id of each version's bytes: what
/// [`trace_cached`] keys its diffs by.
pub fn versions_with_blobs(
    store: &Store,
    resolved: &Resolved,
) -> Result<(Vec<Version>, Vec<BlobId>), StoreError> {
    Ok(store
        .series_through_blobs(resolved)?
        .into_iter()
        .map(|(r, statement, blob)| {
            let version = Version {
                reference: r.to_string(),
                statement,
            };
            (version, blob)
        })
        .unzip())
}

/// One entry of the diff of two consecutive versions, as a lineage reads
/// it: its kind and sentences, and the whole entry where it is a step of a
/// lineage (reworded, split, merged). What the pair cache keeps of a diff
/// for a trace: the other entries are read from the versions themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The entry's kind.
    pub kind: ChangeKind,
    /// Where its old sentences stand in the older version.
    pub old: Vec<Location>,
    /// Where its new sentences stand in the newer version.
    pub new: Vec<Location>,
    /// The whole entry, for a reworded, split or merged one.
    pub step: Option<Change>,
}

/// The links of a diff's entries.
fn links(changes: Vec<Change>) -> Vec<Link> {
    changes
        .into_iter()
        .map(|change| {
            let at = |views: &[SentenceView]| views.iter().map(|v| v.location).collect();
            Link {
                kind: change.kind,
                old: at(&change.old),
                new: at(&change.new),
                step: keeps_step(change.kind).then_some(change),
            }
        })
        .collect()
}

/// Whether a link of this kind keeps its whole entry: the steps a lineage
/// shows.
fn keeps_step(kind: ChangeKind) -> bool {
    matches!(
        kind,
        ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged
    )
}

/// Whether `links` can be the diff of `old` and `new`: every location is in
/// its version, every new sentence is in exactly one entry, and an entry
/// keeps its whole change exactly when its kind has one. A cached
/// diff that is not is recomputed (a trace never indexes out of bounds on
/// what a cache file says).
fn fits(links: &[Link], old: &Statement, new: &Statement) -> bool {
    let inside = |statement: &Statement, at: &Location| sentence_at(statement, *at).is_some();
    let mut covered = 0;
    for link in links {
        if !link.old.iter().all(|at| inside(old, at))
            || !link.new.iter().all(|at| inside(new, at))
            || link.step.is_some() != keeps_step(link.kind)
        {
            return false;
        }
        covered += link.new.len();
    }
    let mut seen: FxHashSet<Location> = FxHashSet::default();
    covered == new.sentence_count() && links.iter().flat_map(|l| &l.new).all(|at| seen.insert(*at))
}

/// The sentence at `at`, if there is one.
fn sentence_at(statement: &Statement, at: Location) -> Option<&Sentence> {
    statement
        .paragraphs
        .get(at.paragraph.checked_sub(1)?)?
        .sentences
        .get(at.sentence.checked_sub(1)?)
}

/// The lineage of every sentence of the last version.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    /// The versions, oldest first; steps point into this list.
    pub versions: Vec<DocumentInfo>,
    /// One lineage per sentence of the last version, in its order.
    pub sentences: Vec<Lineage>,
}

/// Where one sentence of the last version comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    /// The sentence in the last version.
    pub sentence: SentenceView,
    /// Where it (or the sentence it was reworded from) first appeared.
    pub first: Appearance,
    /// Each version in which it changed (reworded, split or merged against
    /// the version before), oldest first; empty when its text is as it first
    /// appeared.
    pub changes: Vec<Step>,
    /// The versions between its first appearance and the last version that
    /// did not have it (a draft dropped it, a later text restored it).
    pub absent: Vec<usize>,
}

/// A sentence's first appearance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appearance {
    /// Index into [`Trace::versions`].
    pub version: usize,
    /// Where it stood in that version.
    pub location: Location,
    /// Its label there.
    pub label: Option<String>,
    /// Its text there.
    pub text: String,
}

/// One change in a sentence's history: the diff entry between the version
/// before and this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Index into [`Trace::versions`] of the version that made the change.
    pub version: usize,
    /// The diff's entry: kind, old and new sentences, similarity, redline.
    pub change: Change,
}

impl Lineage {
    /// The versions in which the sentence changed, as indices into
    /// [`Trace::versions`].
    pub fn changed_in(&self) -> Vec<usize> {
        self.changes.iter().map(|s| s.version).collect()
    }
}

impl Trace {
    /// The lineage of the sentence at `location` of the last version.
    pub fn sentence(&self, location: Location) -> Option<&Lineage> {
        self.sentences
            .iter()
            .find(|l| l.sentence.location == location)
    }
}

/// Traces every sentence of the last of `versions` (oldest first) back
/// through the others. An empty list gives an empty trace.
pub fn trace(versions: &[Version], options: &AlignOptions) -> Trace {
    trace_cached(versions, &[], options, &PairCache::disabled())
}

/// [`trace`], with the diffs of consecutive versions read from `cache`
/// where it has them, and those computed now kept there. `blobs` are the
/// versions' blob ids, in the same order; without one for every version
/// nothing is cached.
pub fn trace_cached(
    versions: &[Version],
    blobs: &[BlobId],
    options: &AlignOptions,
    cache: &PairCache,
) -> Trace {
    let infos: Vec<DocumentInfo> = versions
        .iter()
        .map(|v| DocumentInfo {
            reference: v.reference.clone(),
            title: v.statement.meta.title.clone(),
            date: v.statement.meta.date.clone(),
        })
        .collect();
    let Some(last) = versions.last() else {
        return Trace {
            versions: infos,
            sentences: Vec::new(),
        };
    };
    // One lexicon for every diff: parsing it is not free. The names are
    // not shown: only the changes are kept.
    let compare_options = Options::default().with_align(options.clone());
    // diffs[i - 1] compares version i - 1 with version i; back[i - 1] maps
    // each sentence of version i to its entry there.
    let keyed = blobs.len() == versions.len();
    let diffs: Vec<Vec<Link>> = versions
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let (old, new) = (&w[0].statement, &w[1].statement);
            let key = keyed.then(|| (blobs[i], blobs[i + 1]));
            if let Some((a, b)) = key
                && let Some(found) = cache.get::<Vec<Link>>(Kind::Trace, Some(a), b)
                && fits(&found, old, new)
            {
                return found;
            }
            let computed = links(compare(old, new, &compare_options).changes);
            if let Some((a, b)) = key {
                cache.put(Kind::Trace, Some(a), b, &computed);
            }
            computed
        })
        .collect();
    let offsets: Vec<Vec<usize>> = versions.iter().map(|v| offsets(&v.statement)).collect();
    let back: Vec<Vec<usize>> = diffs
        .iter()
        .enumerate()
        .map(|(i, changes)| {
            let mut to_entry = vec![usize::MAX; versions[i + 1].statement.sentence_count()];
            for (e, link) in changes.iter().enumerate() {
                for &at in &link.new {
                    to_entry[flat(&offsets[i + 1], at)] = e;
                }
            }
            to_entry
        })
        .collect();
    let newest = versions.len() - 1;
    let texts: Vec<Vec<&str>> = versions
        .iter()
        .map(|v| {
            v.statement
                .sentences()
                .map(|(_, s)| s.text.as_str())
                .collect()
        })
        .collect();
    // The sentences of each version that the next one dropped: where a
    // sentence restored later comes from.
    let dropped: Vec<Vec<usize>> = diffs
        .iter()
        .enumerate()
        .map(|(i, changes)| {
            changes
                .iter()
                .filter(|c| c.kind == ChangeKind::Removed)
                .flat_map(|c| c.old.iter().map(|&at| flat(&offsets[i], at)))
                .collect()
        })
        .collect();
    let chain = keyed.then(|| chain_ids(blobs));
    let cached = Revived {
        cache,
        chain: chain.as_deref(),
        versions,
    };
    let (revivals, steps) = revivals(&diffs, &offsets, &texts, &dropped, options, &cached);
    let mut walk = Walk {
        versions,
        diffs: &diffs,
        back: &back,
        offsets: &offsets,
        revivals: &revivals,
        lexicon: &compare_options.lexicon,
        views: versions.iter().map(|_| OnceCell::new()).collect(),
        steps: Vec::new(),
    };
    // The rewordings of the restored sentences the cache did not have are
    // built now, all of them, to be kept with the version's revivals.
    // Without a cache, only those a lineage meets are built, as it meets
    // them.
    let keep = keyed && cache.enabled();
    walk.steps = steps
        .into_iter()
        .enumerate()
        .map(|(version, kept)| {
            kept.unwrap_or_else(|| {
                if !keep {
                    return Steps::default();
                }
                let steps: Steps = revivals[version]
                    .iter()
                    .filter(|(_, (_, _, score))| !score.same)
                    .map(|(&new, &(earlier, old, score))| {
                        let step = walk.revival(earlier, old, version, new, score.similarity);
                        (new, step)
                    })
                    .collect();
                if version >= 2 {
                    cached.put(version, &revivals[version], &steps);
                }
                steps
            })
        })
        .collect();
    let sentences = views(&last.statement, &compare_options.lexicon)
        .into_iter()
        .map(|view| walk.lineage(view, newest))
        .collect();
    Trace {
        versions: infos,
        sentences,
    }
}

/// What a lineage is read from: the versions and the diffs between them.
struct Walk<'a> {
    versions: &'a [Version],
    /// `diffs[i - 1]`: the entries of the diff of version `i - 1` with `i`.
    diffs: &'a [Vec<Link>],
    /// `back[i - 1][n]`: the entry of sentence `n` of version `i` there.
    back: &'a [Vec<usize>],
    offsets: &'a [Vec<usize>],
    /// `revivals[i]`: the sentences of version `i` that it restored, each
    /// with the earlier version and sentence it comes from.
    revivals: &'a [Revivals],
    /// The lexicon of every diff, for the views of restored sentences.
    lexicon: &'a Lexicon,
    /// Each version's sentence views, read the first time a restored
    /// sentence needs them (a list item takes its lead-in's reading, so a
    /// version's views are read whole).
    views: Vec<OnceCell<Vec<SentenceView>>>,
    /// `steps[i]`: the rewording of each sentence of version `i` that it
    /// restored with other words.
    steps: Vec<Steps>,
}

impl Walk<'_> {
    /// Follows the sentence `view` of version `newest` back to where it
    /// first appeared.
    fn lineage(&self, view: SentenceView, newest: usize) -> Lineage {
        let mut at = flat(&self.offsets[newest], view.location);
        let mut location = view.location;
        let mut text = view.text.to_string();
        let mut label = view.label.clone();
        let mut changes = Vec::new();
        let mut absent = Vec::new();
        let mut version = newest;
        while version > 0 {
            let link = &self.diffs[version - 1][self.back[version - 1][at]];
            let old = match link.kind {
                ChangeKind::Added => match self.revived(version, at) {
                    // Dropped from the versions between, then restored:
                    // the lineage goes on from the version that had it.
                    Some((earlier, old, step)) => {
                        absent.extend(earlier + 1..version);
                        changes.extend(step);
                        version = earlier;
                        at = old;
                        let (loc, sentence) = self.versions[earlier]
                            .statement
                            .sentences()
                            .nth(old)
                            .expect("a dropped sentence is in its version");
                        location = loc;
                        text.clone_from(&sentence.text);
                        label.clone_from(&sentence.label);
                        continue;
                    }
                    None => break,
                },
                ChangeKind::Reworded | ChangeKind::Split | ChangeKind::Merged => {
                    if let Some(change) = &link.step {
                        changes.push(Step {
                            version,
                            change: change.clone(),
                        });
                    }
                    link.old.first()
                }
                ChangeKind::Same | ChangeKind::Moved | ChangeKind::Removed => link.old.first(),
            };
            // Every entry that holds a new sentence but `added` has an old
            // side; a merge is followed through its first sentence.
            let Some(&old) = old else { break };
            let Some(sentence) = sentence_at(&self.versions[version - 1].statement, old) else {
                break;
            };
            version -= 1;
            at = flat(&self.offsets[version], old);
            location = old;
            text.clone_from(&sentence.text);
            label.clone_from(&sentence.label);
        }
        changes.reverse();
        absent.reverse();
        Lineage {
            sentence: view,
            first: Appearance {
                version,
                location,
                label,
                text,
            },
            changes,
            absent,
        }
    }

    /// For sentence `at` of `version`, which the version before added: the
    /// earlier version that had it (see [`revivals`]), that sentence there,
    /// and, when the text differs, the rewording as a step.
    fn revived(&self, version: usize, at: usize) -> Option<(usize, usize, Option<Step>)> {
        let &(earlier, old, score) = self.revivals[version].get(&at)?;
        let step = (!score.same).then(|| Step {
            version,
            change: match self.steps.get(version).and_then(|s| s.get(&at)) {
                Some(change) => change.clone(),
                None => self.revival(earlier, old, version, at, score.similarity),
            },
        });
        Some((earlier, old, step))
    }

    /// The entry that rewords sentence `old` of version `earlier` into
    /// sentence `new` of `version`, as a diff of the two would show it.
    fn revival(
        &self,
        earlier: usize,
        old: usize,
        version: usize,
        new: usize,
        similarity: f64,
    ) -> Change {
        let view = |v: usize, i: usize| {
            self.views[v]
                .get_or_init(|| views(&self.versions[v].statement, self.lexicon))
                .get(i)
                .cloned()
                .expect("the sentence is in its version")
        };
        let (o, n) = (view(earlier, old), view(version, new));
        let edits = word_edits(&o.text, &n.text);
        Change {
            kind: ChangeKind::Reworded,
            similarity: (similarity * 1000.0).round() / 1000.0,
            moved: false,
            editorial: Vec::new(),
            renumbered: (o.label != n.label).then(|| Renumbered {
                old: o.label.clone(),
                new: n.label.clone(),
            }),
            edit_kinds: edit_kinds(&edits),
            edits,
            commitment_change: None,
            commitment_reasons: Vec::new(),
            section: Sections::default(),
            routine: false,
            old: vec![o],
            new: vec![n],
        }
    }
}

/// Restored sentences of one version: sentence → (earlier version, its
/// sentence there, their score).
type Revivals = FxHashMap<usize, (usize, usize, PairScore)>;

/// The rewordings of the restored sentences of one version, by sentence.
type Steps = FxHashMap<usize, Change>;

/// For each version, the sentences it added that an earlier version had
/// and a later one dropped (a draft left a paragraph out, the adopted text
/// put it back): each is paired with the latest such earlier sentence that
/// is the same or that it rewords, best pairs first, each used once, as a
/// diff of the two versions would pair them. Only added and dropped
/// sentences are scored, one batch per pair of versions.
fn revivals(
    diffs: &[Vec<Link>],
    offsets: &[Vec<usize>],
    texts: &[Vec<&str>],
    dropped: &[Vec<usize>],
    options: &AlignOptions,
    cached: &Revived<'_>,
) -> (Vec<Revivals>, Vec<Option<Steps>>) {
    let mut out = vec![Revivals::default(); texts.len()];
    // The steps of the versions the cache had; `None` for the others.
    let mut steps: Vec<Option<Steps>> = vec![None; texts.len()];
    // Content words of the sentences compared so far, by (version, sentence).
    let mut bags: FxHashMap<(usize, usize), Vec<u64>> = FxHashMap::default();
    for version in 2..texts.len() {
        if let Some((found, kept)) = cached.get(version) {
            out[version] = found;
            steps[version] = Some(kept);
            continue;
        }
        let mut added: Vec<usize> = diffs[version - 1]
            .iter()
            .filter(|c| c.kind == ChangeKind::Added)
            .flat_map(|c| c.new.iter().map(|&at| flat(&offsets[version], at)))
            .collect();
        for earlier in (0..version - 1).rev() {
            if added.is_empty() {
                break;
            }
            // Scoring keys both versions whole (for the rarity weights):
            // only pairs that share a good part of their words are worth it.
            for &o in &dropped[earlier] {
                bags.entry((earlier, o))
                    .or_insert_with(|| bag(texts[earlier][o], options));
            }
            for &n in &added {
                bags.entry((version, n))
                    .or_insert_with(|| bag(texts[version][n], options));
            }
            let pairs: Vec<(usize, usize)> = dropped[earlier]
                .iter()
                .flat_map(|&o| added.iter().map(move |&n| (o, n)))
                .filter(|&(o, n)| may_pair(&bags[&(earlier, o)], &bags[&(version, n)]))
                .collect();
            if pairs.is_empty() {
                continue;
            }
            let scores = score_pairs(&texts[earlier], &texts[version], &pairs, options);
            let mut ranked: Vec<((usize, usize), PairScore)> = pairs
                .into_iter()
                .zip(scores)
                .filter(|(_, s)| s.same || s.reworded(options))
                .collect();
            ranked.sort_by(|a, b| {
                (b.1.same, b.1.score)
                    .partial_cmp(&(a.1.same, a.1.score))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.0.cmp(&b.0))
            });
            let mut used = FxHashSet::default();
            for ((old, new), score) in ranked {
                if out[version].contains_key(&new) || !used.insert(old) {
                    continue;
                }
                out[version].insert(new, (earlier, old, score));
            }
            added.retain(|n| !out[version].contains_key(n));
        }
    }
    (out, steps)
}

/// A version's restored sentences as the cache keeps them: (sentence,
/// earlier version, its sentence there, same, similarity, score, the
/// rewording where not the same).
type RevivalEntry = Vec<(usize, usize, usize, bool, f64, f64, Option<Change>)>;

/// The revivals of each version, kept in the pair cache: they depend on
/// every version up to it, so each is keyed by the chain of blob ids up to
/// it (a version appended later finds the earlier ones).
struct Revived<'a> {
    cache: &'a PairCache,
    /// `chain[i]`: the id of the blob ids of versions `0..=i`; `None` when
    /// the versions have no blob ids.
    chain: Option<&'a [BlobId]>,
    versions: &'a [Version],
}

impl Revived<'_> {
    /// The kept revivals of `version`, if they fit its versions.
    fn get(&self, version: usize) -> Option<(Revivals, Steps)> {
        let key = *self.chain?.get(version)?;
        let entry: RevivalEntry = self.cache.get(Kind::Revival, None, key)?;
        let count = |v: usize| self.versions[v].statement.sentence_count();
        let fits = entry.iter().all(|&(new, earlier, old, ..)| {
            new < count(version) && earlier < version && old < count(earlier)
        });
        if !fits || entry.iter().any(|e| e.3 == e.6.is_some()) {
            return None;
        }
        let mut revivals = Revivals::default();
        let mut steps = Steps::default();
        for (new, earlier, old, same, similarity, score, step) in entry {
            let score = PairScore {
                same,
                similarity,
                score,
            };
            revivals.insert(new, (earlier, old, score));
            if let Some(step) = step {
                steps.insert(new, step);
            }
        }
        Some((revivals, steps))
    }

    /// Keeps the revivals of `version`.
    fn put(&self, version: usize, revivals: &Revivals, steps: &Steps) {
        let Some(&key) = self.chain.and_then(|c| c.get(version)) else {
            return;
        };
        let mut entry: RevivalEntry = revivals
            .iter()
            .map(|(&new, &(earlier, old, s))| {
                let step = steps.get(&new).cloned();
                (new, earlier, old, s.same, s.similarity, s.score, step)
            })
            .collect();
        entry.sort_by_key(|e| e.0);
        self.cache.put(Kind::Revival, None, key, &entry);
    }
}

/// `out[i]`: an id of the blob ids of versions `0..=i`, in order.
fn chain_ids(blobs: &[BlobId]) -> Vec<BlobId> {
    let mut out: Vec<BlobId> = Vec::with_capacity(blobs.len());
    for blob in blobs {
        let mut material = out.last().map_or_else(Vec::new, |b| b.0.to_vec());
        material.extend_from_slice(&blob.0);
        out.push(BlobId::of(&material));
    }
    out
}

/// The content words of a sentence (stop words and numbers left out),
/// hashed and sorted: what [`may_pair`] compares.
fn bag(text: &str, options: &AlignOptions) -> Vec<u64> {
    let mut bag: Vec<u64> = word_hashes(text, options.folding)
        .into_iter()
        .filter(|&(_, stop)| !stop)
        .map(|(h, _)| h)
        .collect();
    bag.sort_unstable();
    bag
}

/// Whether two sentences share at least 40% of the shorter one's content
/// words (as multisets): a cheap filter before the exact score, which keys
/// both versions whole. A revision at the usual thresholds keeps far more;
/// below this, a pair could only pass on numbers and stop words.
fn may_pair(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    5 * shared >= 2 * a.len().min(b.len()).max(1)
}

/// The index of each paragraph's first sentence in document order.
fn offsets(statement: &Statement) -> Vec<usize> {
    let mut out = Vec::with_capacity(statement.paragraphs.len());
    let mut total = 0;
    for p in &statement.paragraphs {
        out.push(total);
        total += p.sentences.len();
    }
    out
}

/// A location's index in document order.
fn flat(offsets: &[usize], location: Location) -> usize {
    offsets[location.paragraph - 1] + location.sentence - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    fn version(name: &str, text: &str) -> Version {
        Version {
            reference: name.to_owned(),
            statement: import(text.as_bytes(), None, name).expect("imports"),
        }
    }

    #[test]
    fn follows_rewordings_back_to_the_first_appearance() {
        let versions = [
            version(
                "v1",
                "1. The Ministers intend to act on climate change.\n\n2. They met in Rome for two days of talks.",
            ),
            version(
                "v2",
                "1. The Ministers committed to act on climate change.\n\n2. They met in Rome for two days of talks.\n\n3. They thanked Italy for its hospitality.",
            ),
            version(
                "v3",
                "1. They thanked Italy for its hospitality.\n\n2. The Ministers committed to act on climate change by 2030.\n\n3. They met in Rome for two days of talks.",
            ),
        ];
        let t = trace(&versions, &AlignOptions::default());
        assert_eq!(t.versions.len(), 3);
        let at = |p| {
            t.sentence(Location {
                paragraph: p,
                sentence: 1,
            })
            .expect("sentence")
        };
        // Added in v2, moved in v3: not a change.
        assert_eq!(at(1).first.version, 1);
        assert!(at(1).changes.is_empty());
        // From v1, reworded in v2 and v3.
        assert_eq!(at(2).first.version, 0);
        assert_eq!(at(2).changed_in(), [1, 2]);
        assert_eq!(
            at(2).first.text,
            "The Ministers intend to act on climate change."
        );
        assert_eq!(at(2).changes[0].change.kind, ChangeKind::Reworded);
        // Unchanged since v1, where it was ¶2.1.
        assert_eq!(at(3).first.version, 0);
        assert_eq!(at(3).first.location.paragraph, 2);
        assert!(at(3).changes.is_empty());
    }

    #[test]
    fn one_version_is_its_own_origin() {
        let t = trace(&[version("v1", "One. Two.")], &AlignOptions::default());
        assert_eq!(t.sentences.len(), 2);
        assert!(t.sentences.iter().all(|l| l.first.version == 0));
        assert!(trace(&[], &AlignOptions::default()).sentences.is_empty());
    }
}
