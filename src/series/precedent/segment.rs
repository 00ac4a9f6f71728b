//! One file of the persistent precedent index: a batch of statements, their
//! sentences, and the postings from word-pair hash to sentence.
//!
//! A segment is written once and never changed (new statements go to a new
//! segment, so a writer killed halfway leaves no half-changed file that a
//! reader could trust). A search reads the front of the file (header,
//! records, sizes, map, block checksums: ~6 MB for 20,000 statements),
//! checked whole by length and CRC-32, and then only the postings blocks
//! its word pairs need, each checked by its own CRC-32: the postings are
//! the bulk of the file (~46 MB there), and reading them all cost more
//! than the rest of a search. Every count and offset is checked against
//! the bytes that are there, so a damaged or hostile file is refused
//! ([`Corrupt`]), never a panic nor an allocation it asks for.
//!
//! ```text
//! header   magic "CQPRECIX", version u32, 0 u32, fingerprint u64,
//!          statements u32, sentences u32, then the byte lengths (u64) of
//!          the statement records, the map and the postings
//! records  per statement: blob id [20], first sentence u32, sentences u32,
//!          readable u8, then series, id and date, each a u16 length + bytes
//! sizes    per sentence: its number of distinct word pairs, u32
//! map      an `fst` map from each word-pair hash (8 bytes, big-endian, so
//!          that byte order is number order) to where its postings are:
//!          offset << 24 | length (length 2^24 - 1: up to the end)
//! checks   CRC-32 of each 4 KiB block of the postings, u32
//! trailer  CRC-32 of all the above u32, magic "CQPE"
//! postings per word pair: LEB128 count, then sentence ids (the first as
//!          it is, then increments), in id order
//! ```
//!
//! All integers are little-endian but the map's keys.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};

use rustc_hash::FxHashMap;

use crate::store::{BlobId, Entry, names};

const MAGIC: &[u8; 8] = b"CQPRECIX";
const END: &[u8; 4] = b"CQPE";
/// Bumped whenever the layout or what it holds changes meaning.
pub(crate) const VERSION: u32 = 2;
/// The postings are checked by blocks of this many bytes.
const BLOCK: usize = 4096;
/// The bits of a map value that hold a postings list's length.
const LENGTH_BITS: u32 = 24;
const TO_THE_END: u64 = (1 << LENGTH_BITS) - 1;
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
    /// Header to trailer, checked.
    front: Vec<u8>,
    postings: Postings,
    /// The statements, in the order they were written.
    pub records: Vec<Record>,
    sentences: u32,
    /// Where the sizes and the block checksums start in `front`.
    sizes: usize,
    checks: usize,
    postings_len: usize,
    map: fst::Map<Vec<u8>>,
}

/// Where a segment's postings are read from.
enum Postings {
    /// Just built: the whole file is in memory (and is written from here).
    Memory(Vec<u8>, usize),
    /// Read from disk as needed: the file, and where the postings start.
    File(File, u64),
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
                let delta = if list.count == 0 {
                    next
                } else {
                    next - list.last
                };
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
            // Cut (a date from a committed file is not checked) where a
            // character starts, so that the field reads back as UTF-8.
            let mut end = text.len().min(usize::from(u16::MAX));
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let text = &text.as_bytes()[..end];
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
            let start = postings.len() as u64;
            push_varint(&mut postings, list.count);
            postings.extend_from_slice(&list.bytes);
            let len = (postings.len() as u64 - start).min(TO_THE_END);
            // Keys come sorted and distinct, so the builder cannot refuse them.
            let _ = map.insert(k.to_be_bytes(), (start << LENGTH_BITS) | len);
        }
        let map = map.into_inner().unwrap_or_default();
        let checks: Vec<u8> = (postings.chunks(BLOCK))
            .flat_map(|b| crc32fast::hash(b).to_le_bytes())
            .collect();
        let (records, sizes) = (&self.records, &self.sizes);
        let mut out = Vec::with_capacity(
            HEADER + records.len() + sizes.len() + map.len() + checks.len() + postings.len() + 8,
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&fingerprint.to_le_bytes());
        out.extend_from_slice(&self.statements.to_le_bytes());
        out.extend_from_slice(&self.next.to_le_bytes());
        for len in [records.len(), map.len(), postings.len()] {
            out.extend_from_slice(&(len as u64).to_le_bytes());
        }
        for section in [records, sizes, &map, &checks] {
            out.extend_from_slice(section);
        }
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(END);
        out.extend_from_slice(&postings);
        out
    }
}

/// The sections' lengths as the header gives them: records, sizes, map,
/// checks, postings; and the front's length, trailer included.
fn layout(header: &[u8]) -> Result<([usize; 5], usize), Corrupt> {
    if header.len() < HEADER || &header[..8] != MAGIC {
        return Err(Corrupt);
    }
    let mut at = Reader {
        bytes: &header[..HEADER],
        at: 8,
    };
    if at.u32()? != VERSION || at.u32()? != 0 {
        return Err(Corrupt);
    }
    at.u64()?;
    at.u32()?;
    let sentences = at.u32()? as usize;
    let (records, map, postings) = (at.usize()?, at.usize()?, at.usize()?);
    let lengths = [
        records,
        sentences.checked_mul(4).ok_or(Corrupt)?,
        map,
        postings.div_ceil(BLOCK).checked_mul(4).ok_or(Corrupt)?,
        postings,
    ];
    let front = lengths[..4]
        .iter()
        .try_fold(HEADER + TRAILER, |sum, &l| sum.checked_add(l))
        .ok_or(Corrupt)?;
    Ok((lengths, front))
}

impl Segment {
    /// Reads a segment just built, whole, refusing it unless every check
    /// holds and it was written for `fingerprint`.
    pub(crate) fn decode(mut bytes: Vec<u8>, fingerprint: u64) -> Result<Segment, Corrupt> {
        let (lengths, front) = layout(&bytes)?;
        if front.checked_add(lengths[4]) != Some(bytes.len()) {
            return Err(Corrupt);
        }
        let rest = bytes.split_off(front);
        let front_bytes = bytes;
        Segment::check(front_bytes, lengths, fingerprint, Postings::Memory(rest, 0))
    }

    /// Opens a segment file: its front read and checked, its postings left
    /// on disk until a search asks for them.
    pub(crate) fn open(mut file: File, fingerprint: u64) -> Result<Segment, Corrupt> {
        let len = file.metadata().map_err(|_| Corrupt)?.len();
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header).map_err(|_| Corrupt)?;
        let (lengths, front) = layout(&header)?;
        if (front as u64).checked_add(lengths[4] as u64) != Some(len) {
            return Err(Corrupt);
        }
        // The length was checked against the file's: this reads no more
        // than is there.
        let mut bytes = header.to_vec();
        bytes.resize(front, 0);
        file.read_exact(&mut bytes[HEADER..]).map_err(|_| Corrupt)?;
        Segment::check(
            bytes,
            lengths,
            fingerprint,
            Postings::File(file, front as u64),
        )
    }

    fn check(
        front: Vec<u8>,
        lengths: [usize; 5],
        fingerprint: u64,
        postings: Postings,
    ) -> Result<Segment, Corrupt> {
        let body = front.len() - TRAILER;
        if &front[body + 4..] != END || crc32fast::hash(&front[..body]) != u32_at(&front, body)? {
            return Err(Corrupt);
        }
        let mut at = Reader {
            bytes: &front[..HEADER],
            at: 16,
        };
        if at.u64()? != fingerprint {
            return Err(Corrupt);
        }
        let count = at.u32()?;
        let sentences = at.u32()?;
        let records_end = HEADER + lengths[0];
        let mut records = Reader {
            bytes: &front[..records_end],
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
        let map_start = sizes + lengths[1];
        let checks = map_start + lengths[2];
        let map = fst::Map::new(front[map_start..checks].to_vec()).map_err(|_| Corrupt)?;
        Ok(Segment {
            front,
            postings,
            records: list,
            sentences,
            sizes,
            checks,
            postings_len: lengths[4],
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
        u32_at(&self.front, self.sizes + id as usize * 4)
    }

    /// The postings bytes from `start` for `len` bytes (to the end of the
    /// postings at most), read from the blocks holding them, each checked.
    fn read(&self, start: usize, len: usize) -> Result<(Cow<'_, [u8]>, usize), Corrupt> {
        let end = start.saturating_add(len).min(self.postings_len);
        if start >= end {
            return Err(Corrupt);
        }
        let (first, last) = (start / BLOCK, (end - 1) / BLOCK);
        let from = first * BLOCK;
        let to = ((last + 1) * BLOCK).min(self.postings_len);
        let bytes: Cow<'_, [u8]> = match &self.postings {
            Postings::Memory(bytes, base) => {
                Cow::Borrowed(bytes.get(base + from..base + to).ok_or(Corrupt)?)
            }
            Postings::File(file, base) => {
                let mut buffer = vec![0u8; to - from];
                let mut file = file;
                file.seek(SeekFrom::Start(base + from as u64))
                    .and_then(|_| file.read_exact(&mut buffer))
                    .map_err(|_| Corrupt)?;
                Cow::Owned(buffer)
            }
        };
        for (i, block) in bytes.chunks(BLOCK).enumerate() {
            if crc32fast::hash(block) != u32_at(&self.front, self.checks + (first + i) * 4)? {
                return Err(Corrupt);
            }
        }
        Ok((bytes, start - from))
    }

    /// Calls `each` with the id of every sentence holding word pair
    /// `shingle`, in id order.
    pub(crate) fn postings(&self, shingle: u64, mut each: impl FnMut(u32)) -> Result<(), Corrupt> {
        let Some(value) = self.map.get(shingle.to_be_bytes()) else {
            return Ok(());
        };
        let start = usize::try_from(value >> LENGTH_BITS).map_err(|_| Corrupt)?;
        let len = match value & TO_THE_END {
            TO_THE_END => usize::MAX,
            len => len as usize,
        };
        let (bytes, at) = self.read(start, len)?;
        let mut at = Reader { bytes: &bytes, at };
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

    /// The length of the segment's file.
    pub(crate) fn file_len(&self) -> usize {
        self.front.len() + self.postings_len
    }

    /// The segment's file, when it was built here and not yet read back
    /// from disk.
    pub(crate) fn bytes(&self) -> Option<Vec<u8>> {
        match &self.postings {
            Postings::Memory(rest, _) => Some([self.front.as_slice(), rest].concat()),
            Postings::File(..) => None,
        }
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
    let b = bytes
        .get(at..at.checked_add(4).ok_or(Corrupt)?)
        .ok_or(Corrupt)?;
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
        assert_eq!(segment.bytes(), Some(bytes.clone()));
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &bytes).unwrap();
        let on_disk = Segment::open(File::open(file.path()).unwrap(), 7).unwrap();
        assert_eq!(on_disk.records, segment.records);
        assert_eq!(postings(&on_disk, 9), [0, 1, 2]);
        assert!(on_disk.bytes().is_none());
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
        // Damage to the front is found on opening; to the postings, on
        // reading the block that holds it.
        for at in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            let refused = Segment::decode(bad, 7).map_or(true, |s| {
                [3, 9, 300, 1 << 40]
                    .iter()
                    .any(|&k| s.postings(k, |_| ()).is_err())
            });
            assert!(refused, "byte {at}");
        }
    }

    #[test]
    fn an_over_long_field_is_cut_where_a_character_starts() {
        // A date of a committed file is not checked: 65,534 ASCII bytes
        // then "é" (two bytes) crosses the 65,535-byte limit inside "é".
        let mut long = statement("2020-01-01-a", 1, Some(vec![vec![9]]));
        long.date = format!("{}é", "2".repeat(65_534));
        let segment = Segment::decode(encode(7, &[long]), 7).expect("reads back");
        assert_eq!(segment.records[0].date, "2".repeat(65_534));
    }

    #[test]
    fn counts_are_checked_against_the_bytes() {
        // A header that claims four billion statements, its checksum made
        // to match: refused before anything that size is allocated.
        let mut bytes = encode(7, &sample());
        bytes[24..28].copy_from_slice(&u32::MAX.to_le_bytes());
        let (_, front) = layout(&encode(7, &sample())).unwrap();
        let body = front - TRAILER;
        let crc = crc32fast::hash(&bytes[..body]);
        bytes[body..body + 4].copy_from_slice(&crc.to_le_bytes());
        assert!(Segment::decode(bytes, 7).is_err());
    }
}
