//! One search over the index on disk: which records HEAD still holds,
//! the candidates their postings propose, and the candidates' blobs read
//! and verified, as [`super::Library::find`] verifies them.

use rustc_hash::FxHashMap;

use super::index::{best, overlap, shingles};
use super::persistent::{Loaded, locate};
use super::segment::{Corrupt, Record, Segment};
use super::verify::{Prepared, verify};
use super::{CANDIDATES, Listed, Query, SentencePrecedents};
use crate::align::AlignOptions;
use crate::parallel;
use crate::store::{HeadFile, Store, StoreError};

/// Why a search on the index failed.
pub(crate) enum Failure {
    /// The index holds what it cannot: rebuild it and search again.
    Corrupt,
    /// The store failed.
    Store(StoreError),
}

impl From<Corrupt> for Failure {
    fn from(_: Corrupt) -> Failure {
        Failure::Corrupt
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

/// The index checked against HEAD: what one search reads.
pub(crate) struct Catalog {
    pub(super) segments: Vec<Segment>,
    files: Vec<HeadFile>,
    /// Per segment, per record: the rank (position among `files`) of the
    /// HEAD file it stands for, when HEAD holds its path and blob and no
    /// earlier record stands for it.
    live: Vec<Vec<Option<u32>>>,
}

impl Catalog {
    pub(super) fn new(loaded: Loaded, files: Vec<HeadFile>) -> Catalog {
        let segments: Vec<Segment> = loaded.segments.into_iter().map(|n| n.segment).collect();
        let refs: Vec<&Segment> = segments.iter().collect();
        let at = locate(&refs, &files);
        let mut live: Vec<Vec<Option<u32>>> = (segments.iter())
            .map(|s| vec![None; s.records.len()])
            .collect();
        for (rank, at) in at.iter().enumerate() {
            if let Some((s, r)) = at {
                live[*s as usize][*r as usize] = Some(rank as u32);
            }
        }
        Catalog {
            segments,
            files,
            live,
        }
    }

    /// The live records, in HEAD order: (rank, record).
    fn records(&self) -> Vec<(u32, &Record)> {
        let mut out: Vec<(u32, &Record)> = (self.segments.iter().zip(&self.live))
            .flat_map(|(segment, live)| {
                (segment.records.iter().zip(live)).filter_map(|(r, rank)| Some(((*rank)?, r)))
            })
            .collect();
        out.sort_by_key(|&(rank, _)| rank);
        out
    }

    /// How many readable statements `allowed` accepts.
    pub(crate) fn searched(&self, allowed: &dyn Fn(&Listed<'_>) -> bool) -> usize {
        (self.records().into_iter())
            .filter(|(_, r)| r.readable && allowed(&listed(r).as_listed()))
            .count()
    }

    /// Why each statement on HEAD that does not read does not, as
    /// [`Store::head_statements`] reports them (too large first).
    pub(crate) fn unreadable(&self, store: &Store) -> Result<Vec<StoreError>, Failure> {
        let mut errors = Vec::new();
        for (rank, record) in self.records() {
            if record.readable {
                continue;
            }
            let file = &self.files[rank as usize];
            let error = match store.read_head_blob(file) {
                Ok(bytes) => match file.parse(&bytes) {
                    // It reads now: the index is of another reader.
                    Ok(_) => return Err(Failure::Corrupt),
                    Err(e) => e,
                },
                Err(e @ StoreError::TooLarge { .. }) => e,
                Err(e) => return Err(Failure::Store(e)),
            };
            errors.push(error);
        }
        errors.sort_by_key(|e| !matches!(e, StoreError::TooLarge { .. }));
        Ok(errors)
    }

    /// The precedents of each sentence the query names, as
    /// [`super::Library::find`] finds them over the same statements.
    pub(crate) fn find(
        &self,
        store: &Store,
        query: &Query<'_>,
        options: &AlignOptions,
    ) -> Result<Vec<SentencePrecedents>, Failure> {
        let prepared = Prepared::new(query.statement, options);
        // Per segment: each record's rank when it may hold precedents, and
        // each sentence's record.
        let mut open: Vec<Vec<Option<u32>>> = Vec::with_capacity(self.segments.len());
        let mut owner: Vec<Vec<u32>> = Vec::with_capacity(self.segments.len());
        let mut base = Vec::with_capacity(self.segments.len());
        let mut total = 0usize;
        for (segment, live) in self.segments.iter().zip(&self.live) {
            let mut allowed = vec![None; segment.records.len()];
            let mut sentence_owner = vec![0u32; segment.sentence_count() as usize];
            for (r, record) in segment.records.iter().enumerate() {
                if let Some(rank) = live[r]
                    && record.readable
                    && (query.allowed)(&listed(record).as_listed())
                {
                    allowed[r] = Some(rank);
                }
                let range = record.first as usize..(record.first + record.sentences) as usize;
                sentence_owner[range].fill(r as u32);
            }
            open.push(allowed);
            owner.push(sentence_owner);
            base.push(total);
            total += segment.sentence_count() as usize;
        }
        let mut counts = vec![0u32; total];
        let mut touched: Vec<(u32, u32)> = Vec::new();
        let mut query_shingles = Vec::new();
        // Candidates by HEAD rank: (their sentence, query sentence).
        let mut by_rank: FxHashMap<u32, Vec<(usize, usize)>> = FxHashMap::default();
        for &(q, _) in &query.sentences {
            let Some(lookup) = prepared.lookup_key(q) else {
                continue;
            };
            shingles(&lookup, &mut query_shingles);
            for &shingle in &query_shingles {
                for (s, segment) in self.segments.iter().enumerate() {
                    let (open, owner, base) = (&open[s], &owner[s], base[s]);
                    segment.postings(shingle, |id| {
                        if open[owner[id as usize] as usize].is_some() {
                            let count = &mut counts[base + id as usize];
                            if *count == 0 {
                                touched.push((s as u32, id));
                            }
                            *count += 1;
                        }
                    })?;
                }
            }
            let mut ranked = Vec::with_capacity(touched.len());
            for &(s, id) in &touched {
                let (s, segment) = (s as usize, &self.segments[s as usize]);
                let count = std::mem::take(&mut counts[base[s] + id as usize]);
                let r = owner[s][id as usize] as usize;
                let Some(rank) = open[s][r] else {
                    continue;
                };
                let position = id - segment.records[r].first;
                let order = (u64::from(rank) << 32) | u64::from(position);
                ranked.push((
                    overlap(query_shingles.len(), segment.size(id)?, count),
                    order,
                ));
            }
            touched.clear();
            for order in best(ranked, CANDIDATES) {
                let (rank, position) = ((order >> 32) as u32, order as u32 as usize);
                by_rank.entry(rank).or_default().push((position, q));
            }
        }
        let mut ranks: Vec<(u32, Vec<(usize, usize)>)> = by_rank.into_iter().collect();
        ranks.sort_by_key(|&(rank, _)| rank);
        // Blobs are read here (a repository is not shared between threads),
        // parsed and verified on all cores.
        let mut blobs = Vec::with_capacity(ranks.len());
        for (rank, _) in &ranks {
            blobs.push(store.read_head_blob(&self.files[*rank as usize])?);
        }
        let records = self.records();
        let scored = parallel::map(&ranks, 4, |i, (rank, pairs)| {
            let file = &self.files[*rank as usize];
            let statement = file.parse(&blobs[i]).map_err(|_| Corrupt)?;
            let record = records
                .binary_search_by_key(rank, |&(r, _)| r)
                .map(|at| records[at].1)
                .map_err(|_| Corrupt)?;
            if statement.sentence_count() != record.sentences as usize {
                return Err(Corrupt);
            }
            let found = verify(
                &listed(record).as_listed(),
                &statement,
                None,
                pairs,
                &prepared,
                options,
            );
            Ok(found)
        });
        let mut found = Vec::new();
        for result in scored {
            found.extend(result?);
        }
        Ok(prepared.collect(query, found))
    }
}

/// A record's ref and date, owned.
struct Owned {
    reference: String,
    date: String,
}

impl Owned {
    fn as_listed(&self) -> Listed<'_> {
        Listed {
            reference: &self.reference,
            date: &self.date,
        }
    }
}

fn listed(record: &Record) -> Owned {
    Owned {
        reference: record.entry.to_string(),
        date: record.date.clone(),
    }
}
