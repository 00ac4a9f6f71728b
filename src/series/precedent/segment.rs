//! One file of the persistent precedent index: a batch of statements, their
//! sentences, and the postings from word-pair hash to sentence.
//!
//! A segment is written once and never changed (new statements go to a new
//! segment, so a writer killed halfway leaves no half-changed file that a
//! reader could trust). Its bytes are checked whole (length and CRC-32)
//! before anything in them is used, and every count and offset in them is
//! checked against the bytes that are there, so a damaged or hostile file
//! is refused ([`Corrupt`]), never a panic nor an allocation it asks for.
//!
//! ```text
//! header   magic "CQPRECIX", version u32, 0 u32, fingerprint u64,
//!          statements u32, sentences u32, then the byte lengths (u64) of
//!          the statement records, the postings and the map
//! records  per statement: blob id [20], first sentence u32, sentences u32,
//!          readable u8, then series, id and date, each a u16 length + bytes
//! sizes    per sentence: its number of distinct word pairs, u32
//! postings per word pair: LEB128 count, then sentence ids (the first as
//!          it is, then increments), in id order
//! map      an `fst` map from each word-pair hash (8 bytes, big-endian, so
//!          that byte order is number order) to its postings' offset
//! trailer  CRC-32 of all the above u32, magic "CQPE"
//! ```
//!
//! All integers are little-endian but the map's keys.

use rustc_hash::FxHashMap;

use crate::store::{BlobId, Entry, names};

const MAGIC: &[u8; 8] = b"CQPRECIX";
const END: &[u8; 4] = b"CQPE";
/// Bumped whenever the layout or what it holds changes meaning.
pub(crate) const VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 8 + 4 + 4 + 8 * 3;
const TRAILER: usize = 8;

/// A segment's bytes do not hold what a segment must: the index is rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

/// A statement as a segment records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// Where it is stored.
    pub entry: Entry,
    /// The blob indexed: the record holds for that content only.
    pub blob: BlobId,
    /// Its date, as a search filters by it.
    pub date: String,
    /// Its first sentence's id in the segment.
    pub first: u32,
    /// Its number of sentences.
    pub sentences: u32,
    /// Whether it read as a statement (one that did not is recorded, with
    /// no sentence, so that it is not read again on every run).
    pub readable: bool,
}

/// A statement to write into a new segment.
pub(crate) struct NewStatement {
    /// Where it is stored.
    pub entry: Entry,
    /// The blob indexed.
    pub blob: BlobId,
    /// Its date.
    pub date: String,
    /// The distinct word-pair hashes of each sentence, `None` when the
    /// statement did not read.
    pub shingles: Option<Vec<Vec<u64>>>,
}

/// A segment read back and checked.
pub(crate) struct Segment {
    bytes: Vec<u8>,
    /// The statements, in the order they were written.
    pub records: Vec<Record>,
    sentences: u32,
    sizes: usize,
    postings: (usize, usize),
    map: fst::Map<Vec<u8>>,
}

/// A growing postings list, kept encoded while a segment is built so that
/// a whole store's postings fit in little memory.
#[derive(Default)]
struct List {
    count: u32,
    last: u32,
    bytes: Vec<u8>,
}

/// A segment being built, one statement at a time, its postings kept
/// encoded so that a whole store's fit in little memory.
#[derive(Default)]
pub(crate) struct Writer {
    statements: u32,
    records: Vec<u8>,
    sizes: Vec<u8>,
    lists: FxHashMap<u64, List>,
    next: u32,
}

impl Writer {
    /// Adds a statement, its sentences numbered after the last one's.
    pub(crate) fn add(&mut self, statement: &NewStatement) {
        let shingles = statement.shingles.as_deref().unwrap_or_default();
        let first = self.next;
        for sentence in shingles {
            let next = self.next;
            self.sizes
                .extend_from_slice(&(sentence.len() as u32).to_le_bytes());
            for &s in sentence {
                let list = self.lists.entry(s).or_default();
                let delta = if list.count == 0 { next } else { next - list.last };
                push_varint(&mut list.bytes, delta);
                list.count += 1;
                list.last = next;
            }
            self.next += 1;
        }
        let records = &mut self.records;
        records.extend_from_slice(&statement.blob.0);
        records.extend_from_slice(&first.to_le_bytes());
        records.extend_from_slice(&(shingles.len() as u32).to_le_bytes());
        records.push(u8::from(statement.shingles.is_some()));
        for text in [
            &statement.entry.series,
            &statement.entry.id,
            &statement.date,
        ] {
            let text = &text.as_bytes()[..text.len().min(usize::from(u16::MAX))];
            records.extend_from_slice(&(text.len() as u16).to_le_bytes());
            records.extend_from_slice(text);
        }
        self.statements += 1;
    }

    /// The segment's bytes, for index key `fingerprint`.
    pub(crate) fn finish(mut self, fingerprint: u64) -> Vec<u8> {
        let mut keys: Vec<u64> = self.lists.keys().copied().collect();
        keys.sort_unstable();
        let mut postings = Vec::new();
        let mut map = fst::MapBuilder::memory();
        for k in keys {
            let Some(list) = self.lists.remove(&k) else {
                continue;
            };
            // Keys come sorted and distinct, so the builder cannot refuse them.
            let _ = map.insert(k.to_be_bytes(), postings.len() as u64);
            push_varint(&mut postings, list.count);
            postings.extend_from_slice(&list.bytes);
        }
        let map = map.into_inner().unwrap_or_default();
        let (records, sizes) = (&self.records, &self.sizes);
        let mut out =
            Vec::with_capacity(HEADER + records.len() + sizes.len() + postings.len() + map.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&fingerprint.to_le_bytes());
        out.extend_from_slice(&self.statements.to_le_bytes());
        out.extend_from_slice(&self.next.to_le_bytes());
        for len in [records.len(), postings.len(), map.len()] {
            out.extend_from_slice(&(len as u64).to_le_bytes());
        }
        for section in [records, sizes, &postings, &map] {
            out.extend_from_slice(section);
        }
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(END);
        out
    }
}

impl Segment {
    /// Reads a segment back, refusing it unless every check holds and it
    /// was written for `fingerprint`.
    pub(crate) fn decode(bytes: Vec<u8>, fingerprint: u64) -> Result<Segment, Corrupt> {
        let body = bytes.len().checked_sub(TRAILER).ok_or(Corrupt)?;
        if body < HEADER || &bytes[..8] != MAGIC || &bytes[body + 4..] != END {
            return Err(Corrupt);
        }
        if crc32fast::hash(&bytes[..body]) != u32_at(&bytes, body)? {
            return Err(Corrupt);
        }
        let mut at = Reader {
            bytes: &bytes[..body],
            at: 8,
        };
        if at.u32()? != VERSION || at.u32()? != 0 || at.u64()? != fingerprint {
            return Err(Corrupt);
        }
        let count = at.u32()?;
        let sentences = at.u32()?;
        let lengths = [at.usize()?, at.usize()?, at.usize()?];
        let sizes_len = (sentences as usize).checked_mul(4).ok_or(Corrupt)?;
        let total = [lengths[0], sizes_len, lengths[1], lengths[2]]
            .iter()
            .try_fold(HEADER, |sum, &l| sum.checked_add(l))
            .ok_or(Corrupt)?;
        if total != body {
            return Err(Corrupt);
        }
        let records_end = HEADER + lengths[0];
        let mut records = Reader {
            bytes: &bytes[..records_end],
            at: HEADER,
        };
        // Each record takes at least 35 bytes: the count cannot ask for
        // more room than the bytes hold.
        if count as usize > lengths[0] / 35 {
            return Err(Corrupt);
        }
        let mut list = Vec::with_capacity(count as usize);
        let mut next = 0u32;
        for _ in 0..count {
            let record = records.record()?;
            if record.first != next {
                return Err(Corrupt);
            }
            next = next.checked_add(record.sentences).ok_or(Corrupt)?;
            list.push(record);
        }
        if next != sentences || records.at != records_end {
            return Err(Corrupt);
        }
        let sizes = records_end;
        let postings = (sizes + sizes_len, sizes + sizes_len + lengths[1]);
        let map = fst::Map::new(bytes[postings.1..body].to_vec()).map_err(|_| Corrupt)?;
        Ok(Segment {
            bytes,
            records: list,
            sentences,
            sizes,
            postings,
            map,
        })
    }

    /// The number of sentences.
    pub(crate) fn sentence_count(&self) -> u32 {
        self.sentences
    }

    /// The number of distinct word pairs of sentence `id` (< the count).
    pub(crate) fn size(&self, id: u32) -> Result<u32, Corrupt> {
        if id >= self.sentences {
            return Err(Corrupt);
        }
        u32_at(&self.bytes, self.sizes + id as usize * 4)
    }

    /// Calls `each` with the id of every sentence holding word pair
    /// `shingle`, in id order.
    pub(crate) fn postings(&self, shingle: u64, mut each: impl FnMut(u32)) -> Result<(), Corrupt> {
        let Some(offset) = self.map.get(shingle.to_be_bytes()) else {
            return Ok(());
        };
        let start = usize::try_from(offset).map_err(|_| Corrupt)?;
        let mut at = Reader {
            bytes: &self.bytes[..self.postings.1],
            at: self.postings.0.checked_add(start).ok_or(Corrupt)?,
        };
        let count = at.varint()?;
        let mut id = 0u32;
        for i in 0..count {
            let delta = at.varint()?;
            if i > 0 && delta == 0 {
                return Err(Corrupt);
            }
            id = id.checked_add(delta).ok_or(Corrupt)?;
            if id >= self.sentences {
                return Err(Corrupt);
            }
            each(id);
        }
        Ok(())
    }

    /// The segment's file, as written.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, Corrupt> {
    let b = bytes.get(at..at.checked_add(4).ok_or(Corrupt)?).ok_or(Corrupt)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Checked reads from a byte slice: past its end is [`Corrupt`].
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Corrupt> {
        let end = self.at.checked_add(n).ok_or(Corrupt)?;
        let b = self.bytes.get(self.at..end).ok_or(Corrupt)?;
        self.at = end;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, Corrupt> {
        let v = u32_at(self.bytes, self.at)?;
        self.at += 4;
        Ok(v)
    }

    fn u64(&mut self) -> Result<u64, Corrupt> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    fn usize(&mut self) -> Result<usize, Corrupt> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    fn varint(&mut self) -> Result<u32, Corrupt> {
        let mut v: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.take(1)?[0];
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                return Err(Corrupt);
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt)
    }

    fn text(&mut self) -> Result<String, Corrupt> {
        let b = self.take(2)?;
        let len = usize::from(u16::from_le_bytes([b[0], b[1]]));
        let text = self.take(len)?;
        String::from_utf8(text.to_vec()).map_err(|_| Corrupt)
    }

    fn record(&mut self) -> Result<Record, Corrupt> {
        let mut blob = [0u8; 20];
        blob.copy_from_slice(self.take(20)?);
        let first = self.u32()?;
        let sentences = self.u32()?;
        let readable = match self.take(1)?[0] {
            0 => false,
            1 => true,
            _ => return Err(Corrupt),
        };
        let series = self.text()?;
        let id = self.text()?;
        let date = self.text()?;
        // A name no store could hold is no record of ours.
        names::validate("series", &series).map_err(|_| Corrupt)?;
        names::validate("id", &id).map_err(|_| Corrupt)?;
        Ok(Record {
            entry: Entry { series, id },
            blob: BlobId(blob),
            date,
            first,
            sentences,
            readable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, blob: u8, shingles: Option<Vec<Vec<u64>>>) -> NewStatement {
        NewStatement {
            entry: Entry {
                series: "s".to_owned(),
                id: id.to_owned(),
            },
            blob: BlobId([blob; 20]),
            date: id[..10].to_owned(),
            shingles,
        }
    }

    fn sample() -> Vec<NewStatement> {
        vec![
            statement("2020-01-01-a", 1, Some(vec![vec![3, 9, 1 << 40], vec![9]])),
            statement("2020-02-01-u", 2, None),
            statement("2021-01-01-b", 3, Some(vec![vec![9, 300], vec![], vec![3]])),
        ]
    }

    fn encode(fingerprint: u64, statements: &[NewStatement]) -> Vec<u8> {
        let mut writer = Writer::default();
        statements.iter().for_each(|s| writer.add(s));
        writer.finish(fingerprint)
    }

    fn postings(segment: &Segment, shingle: u64) -> Vec<u32> {
        let mut out = Vec::new();
        segment.postings(shingle, |id| out.push(id)).unwrap();
        out
    }

    #[test]
    fn round_trip() {
        let bytes = encode(7, &sample());
        let segment = Segment::decode(bytes.clone(), 7).unwrap();
        assert_eq!(segment.bytes(), bytes);
        assert_eq!(segment.sentence_count(), 5);
        let ids: Vec<(&str, u32, u32, bool)> = (segment.records.iter())
            .map(|r| (r.entry.id.as_str(), r.first, r.sentences, r.readable))
            .collect();
        assert_eq!(
            ids,
            [
                ("2020-01-01-a", 0, 2, true),
                ("2020-02-01-u", 2, 0, false),
                ("2021-01-01-b", 2, 3, true)
            ]
        );
        assert_eq!(segment.records[2].date, "2021-01-01");
        assert_eq!(segment.records[1].blob, BlobId([2; 20]));
        assert_eq!(postings(&segment, 9), [0, 1, 2]);
        assert_eq!(postings(&segment, 3), [0, 4]);
        assert_eq!(postings(&segment, 1 << 40), [0]);
        assert_eq!(postings(&segment, 300), [2]);
        assert!(postings(&segment, 4).is_empty());
        let sizes: Vec<u32> = (0..5).map(|i| segment.size(i).unwrap()).collect();
        assert_eq!(sizes, [3, 1, 2, 0, 1]);
        assert_eq!(segment.size(5), Err(Corrupt));
    }

    #[test]
    fn any_damage_is_refused() {
        let bytes = encode(7, &sample());
        assert!(Segment::decode(bytes.clone(), 8).is_err(), "another key");
        for cut in [0, 1, HEADER, bytes.len() / 2, bytes.len() - 1] {
            assert!(Segment::decode(bytes[..cut].to_vec(), 7).is_err(), "{cut}");
        }
        for at in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            assert!(Segment::decode(bad, 7).is_err(), "byte {at}");
        }
    }

    #[test]
    fn counts_are_checked_against_the_bytes() {
        // A header that claims four billion statements, its checksum made
        // to match: refused before anything that size is allocated.
        let mut bytes = encode(7, &sample());
        bytes[24..28].copy_from_slice(&u32::MAX.to_le_bytes());
        let body = bytes.len() - TRAILER;
        let crc = crc32fast::hash(&bytes[..body]);
        bytes[body..body + 4].copy_from_slice(&crc.to_le_bytes());
        assert!(Segment::decode(bytes, 7).is_err());
    }
}
