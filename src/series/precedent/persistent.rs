//! The precedent index kept on disk (issue 18), so that a search over an
//! archive of tens of thousands of statements reads an index and a few
//! candidate statements instead of every blob on HEAD.
//!
//! It lives in the git folder (`<git common dir>/communique/precedent/`:
//! never committed, never in a working tree, shared by worktrees) as
//! immutable [`segment`](super::segment) files and a `manifest` naming
//! them. Each segment records the blobs it indexed with their paths, so
//! the index is keyed by content: on every use HEAD's tree is listed
//! (paths and blob ids, no blob read) and a statement counts as indexed
//! only where its path and blob both match a record. Whatever HEAD holds
//! that no segment covers (an import, a `git pull`, a checkout) is indexed
//! into a new segment; records HEAD no longer holds are left out of the
//! search (tombstoned by HEAD itself), and dropped when their segment is
//! rewritten. Segments of one size class (a power of 4 of live statements)
//! are merged once there are [`FAN`] of them, and a segment mostly dead is
//! rewritten, so a store keeps a few segments whatever its history.
//!
//! Writers take the store's lock (the one commits take), write each file
//! under a temporary name and rename it into place, the manifest last:
//! readers take no lock and see the old index or the new one, never half of
//! one. A missing, damaged or foreign (another version, another key
//! function) file reads as no index, and the index is rebuilt; when the
//! lock cannot be had or the folder cannot be written, the search uses
//! what it built in memory.

use std::fs;
use std::hash::Hasher as _;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHasher};

use super::catalog::Catalog;
use super::date_of;
use super::index::shingles;
use super::segment::{NewStatement, Segment, Writer};
use crate::normalize::key::{Folding, key};
use crate::parallel;
use crate::series::disk::{linked, read_bounded, write_atomic};
use crate::statement::Statement;
use crate::store::{DEFAULT_LOCK_TIMEOUT, Entry, HeadFile, Store, StoreError};

/// The index's folder in the git common dir.
pub const DIR: &str = "communique/precedent";
const MANIFEST: &str = "manifest";
const MANIFEST_HEAD: &str = "communique precedent index";
/// No manifest of ours is this large: a larger file is not read.
const MAX_MANIFEST: u64 = 1 << 20;
/// Segments of one size class merged into one.
const FAN: usize = 4;
/// Statements read and indexed at a time while building: bounds the
/// memory held by blobs and parsed statements.
const CHUNK: usize = 512;

/// Sentences whose word pairs stand for the key function: the index holds
/// hashes of comparison keys, so a change to how keys fold case, quotes,
/// dashes or numbers, or to how words hash, changes this fingerprint, and
/// an index built by another version is rebuilt rather than misread.
const PROBES: [&str; 3] = [
    "Calls upon all States Parties to the Treaty \u{2014} \u{201c}as appropriate\u{201d} \u{2014} to report by 31 December 2025;",
    "THE MINISTERS\u{2019} DETERMINATION, in 2021, to eliminate Daesh/ISIS and its affiliates.",
    "Of the 193 Member States, ninety-four signed the Treaty on the Prohibition of Nuclear Weapons.",
];

/// The fingerprint of the index's format and key function.
fn fingerprint() -> u64 {
    let mut h = FxHasher::default();
    h.write_u32(super::segment::VERSION);
    let mut scratch = Vec::new();
    for probe in PROBES {
        shingles(&key(probe, Folding::default()), &mut scratch);
        scratch.iter().for_each(|&s| h.write_u64(s));
        h.write_u8(0xff);
    }
    h.finish()
}

/// A segment and the name of its file, `None` until written.
pub(super) struct Named {
    name: Option<String>,
    pub(super) segment: Segment,
}

/// The index as read from disk.
#[derive(Default)]
pub(super) struct Loaded {
    generation: u64,
    pub(super) segments: Vec<Named>,
}

/// Opens the index of `store` for a search, bringing it up to date with
/// HEAD first; with `rebuild`, what is on disk is ignored and replaced.
///
/// With `COMMUNIQUE_NO_CACHE` set, nothing is read from or written to disk:
/// the index is built in memory for this search alone.
pub(crate) fn open(store: &Store, rebuild: bool) -> Result<Catalog, StoreError> {
    let files = store.head_files()?;
    let dir = store.common_git_dir().join(DIR);
    let fingerprint = fingerprint();
    // No index kept through a link, which could lead out of the store.
    if crate::series::cache::disabled_by_env() || linked(&dir) {
        let loaded = update(store, Loaded::default(), &files, fingerprint)?;
        return Ok(Catalog::new(loaded, files));
    }
    if !rebuild && let Some(loaded) = load(&dir, fingerprint) {
        let segments: Vec<&Segment> = loaded.segments.iter().map(|n| &n.segment).collect();
        if is_current(&segments, &files) {
            return Ok(Catalog::new(loaded, files));
        }
    }
    // Something to write. One writer at a time, and under the lock what
    // another wrote meanwhile is read again.
    let lock = store.lock(DEFAULT_LOCK_TIMEOUT).ok();
    let loaded = match rebuild {
        false => load(&dir, fingerprint).unwrap_or_default(),
        true => Loaded::default(),
    };
    let loaded = update(store, loaded, &files, fingerprint)?;
    let loaded = match lock {
        // Best effort: a folder that cannot be written still gets its
        // answer, from the index built in memory.
        Some(_held) => persist(&dir, loaded),
        None => loaded,
    };
    Ok(Catalog::new(loaded, files))
}

/// Brings the index of `store` up to date with HEAD when there is one on
/// disk (what `import` calls after committing); `false` when there is none.
pub fn refresh(store: &Store) -> Result<bool, StoreError> {
    if crate::series::cache::disabled_by_env() || linked(&store.common_git_dir().join(DIR)) {
        return Ok(false);
    }
    let manifest = store.common_git_dir().join(DIR).join(MANIFEST);
    if fs::symlink_metadata(manifest).is_err() {
        return Ok(false);
    }
    open(store, false).map(|_| true)
}

/// Reads the manifest and its segments, `None` where anything is missing
/// or does not check. A segment removed under the reader (a writer merged
/// it after the manifest was read) sends it back to the new manifest.
fn load(dir: &Path, fingerprint: u64) -> Option<Loaded> {
    for _ in 0..3 {
        let (generation, names) = read_manifest(dir, fingerprint)?;
        let mut segments = Vec::with_capacity(names.len());
        let mut vanished = false;
        for (name, len) in names {
            match fs::File::open(dir.join(&name)) {
                Ok(file) if file.metadata().is_ok_and(|m| m.len() == len) => {
                    let segment = Segment::open(file, fingerprint).ok()?;
                    segments.push(Named {
                        name: Some(name),
                        segment,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    vanished = true;
                    break;
                }
                _ => return None,
            }
        }
        if !vanished {
            return Some(Loaded {
                generation,
                segments,
            });
        }
    }
    None
}

/// The manifest's generation and segments (file name, length).
fn read_manifest(dir: &Path, fingerprint: u64) -> Option<(u64, Vec<(String, u64)>)> {
    let bytes = read_bounded(&dir.join(MANIFEST), MAX_MANIFEST).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (body, crc) = text.trim_end_matches('\n').rsplit_once('\n')?;
    let crc = u32::from_str_radix(crc.strip_prefix("crc ")?, 16).ok()?;
    if crc32fast::hash(body.as_bytes()) != crc {
        return None;
    }
    let mut lines = body.lines();
    if lines.next()? != MANIFEST_HEAD || lines.next()? != format!("fingerprint {fingerprint:016x}")
    {
        return None;
    }
    let generation = lines.next()?.strip_prefix("generation ")?.parse().ok()?;
    let mut segments = Vec::new();
    for line in lines {
        let (name, len) = line.strip_prefix("segment ")?.split_once(' ')?;
        // Only a name of ours: nothing in the manifest leads out of the folder.
        segment_number(name)?;
        segments.push((name.to_owned(), len.parse().ok()?));
    }
    Some((generation, segments))
}

/// For each HEAD file, the first record (segment, record) that stands for
/// it, if any.
pub(super) fn locate(segments: &[&Segment], files: &[HeadFile]) -> Vec<Option<(u32, u32)>> {
    let mut first: FxHashMap<(&Entry, [u8; 20]), (u32, u32)> = FxHashMap::default();
    for (s, segment) in segments.iter().enumerate() {
        for (r, record) in segment.records.iter().enumerate() {
            first
                .entry((&record.entry, record.blob.0))
                .or_insert((s as u32, r as u32));
        }
    }
    (files.iter())
        .map(|f| first.get(&(&f.entry, f.blob.0)).copied())
        .collect()
}

/// Per segment, the number of its records that HEAD still holds.
fn live_counts(segments: &[&Segment], at: &[Option<(u32, u32)>]) -> Vec<usize> {
    let mut live = vec![0; segments.len()];
    for &(s, _) in at.iter().flatten() {
        live[s as usize] += 1;
    }
    live
}

/// Whether the index covers HEAD and needs no rewriting.
fn is_current(segments: &[&Segment], files: &[HeadFile]) -> bool {
    let at = locate(segments, files);
    at.iter().all(Option::is_some) && merges(segments, &live_counts(segments, &at)).is_empty()
}

/// The segments to rewrite together, if any: those mostly dead (each
/// alone), else the first size class with [`FAN`] segments.
fn merges(segments: &[&Segment], live: &[usize]) -> Vec<usize> {
    if let Some(dead) = (0..segments.len()).find(|&s| live[s] * 2 < segments[s].records.len()) {
        return vec![dead];
    }
    let class = |n: usize| n.max(1).ilog(FAN);
    let mut by_class: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (s, &n) in live.iter().enumerate() {
        by_class.entry(class(n)).or_default().push(s);
    }
    let mut classes: Vec<(u32, Vec<usize>)> = by_class.into_iter().collect();
    classes.sort();
    (classes.into_iter())
        .map(|(_, members)| members)
        .find(|members| members.len() >= FAN)
        .unwrap_or_default()
}

/// Indexes what HEAD holds that `loaded` does not cover, then merges until
/// no merge is due.
fn update(
    store: &Store,
    mut loaded: Loaded,
    files: &[HeadFile],
    fingerprint: u64,
) -> Result<Loaded, StoreError> {
    let segments: Vec<&Segment> = loaded.segments.iter().map(|n| &n.segment).collect();
    let at = locate(&segments, files);
    let missing: Vec<&HeadFile> = (files.iter().zip(&at))
        .filter(|(_, at)| at.is_none())
        .map(|(f, _)| f)
        .collect();
    if !missing.is_empty() {
        let segment = build(store, &missing, fingerprint)?;
        loaded.segments.push(Named {
            name: None,
            segment,
        });
    }
    // Each merge leaves fewer segments or fewer dead records: this ends.
    loop {
        let segments: Vec<&Segment> = loaded.segments.iter().map(|n| &n.segment).collect();
        let at = locate(&segments, files);
        let group = merges(&segments, &live_counts(&segments, &at));
        if group.is_empty() {
            break;
        }
        let kept: Vec<&HeadFile> = (files.iter().zip(&at))
            .filter(|(_, at)| at.is_some_and(|(s, _)| group.contains(&(s as usize))))
            .map(|(f, _)| f)
            .collect();
        let merged = (!kept.is_empty())
            .then(|| build(store, &kept, fingerprint))
            .transpose()?;
        let mut s = 0;
        loaded.segments.retain(|_| {
            s += 1;
            !group.contains(&(s - 1))
        });
        if let Some(segment) = merged {
            loaded.segments.push(Named {
                name: None,
                segment,
            });
        }
    }
    Ok(loaded)
}

/// A new segment of `files`, read from their blobs a chunk at a time.
fn build(store: &Store, files: &[&HeadFile], fingerprint: u64) -> Result<Segment, StoreError> {
    let mut writer = Writer::default();
    for chunk in files.chunks(CHUNK) {
        let mut blobs = Vec::with_capacity(chunk.len());
        for file in chunk {
            match store.read_head_blob(file) {
                Ok(bytes) => blobs.push(Some(bytes)),
                // Recorded as unreadable, read again only to say why.
                Err(StoreError::TooLarge { .. }) => blobs.push(None),
                Err(e) => return Err(e),
            }
        }
        let indexed = parallel::map(chunk, 16, |i, file| {
            let statement = blobs[i].as_deref().and_then(|b| file.parse(b).ok());
            let date = statement.as_ref().map(|s| date_of(&file.entry, s));
            NewStatement {
                entry: file.entry.clone(),
                blob: file.blob,
                date: date.unwrap_or_default(),
                shingles: statement.as_ref().map(sentence_shingles),
            }
        });
        indexed.iter().for_each(|s| writer.add(s));
    }
    let bytes = writer.finish(fingerprint);
    // What was just encoded decodes, unless memory itself failed.
    Segment::decode(bytes, fingerprint).map_err(|_| StoreError::Io {
        path: store.common_git_dir().join(DIR),
        error: std::io::Error::other("a precedent index segment did not read back"),
    })
}

/// The word pairs of each sentence of `statement`, as the index holds them.
fn sentence_shingles(statement: &Statement) -> Vec<Vec<u64>> {
    (statement.sentences())
        .map(|(_, t)| {
            let mut out = Vec::new();
            shingles(&key(&t.text, Folding::default()), &mut out);
            out
        })
        .collect()
}

/// Writes the segments not yet written and a manifest naming them all,
/// then removes every other file of the folder (segments merged away,
/// what a killed writer left). Called with the store's lock held. A write
/// that fails leaves the old index whole.
fn persist(dir: &Path, mut loaded: Loaded) -> Loaded {
    if fs::create_dir_all(dir).is_err() {
        return loaded;
    }
    // New names never reuse one a reader of an older manifest may open.
    let numbers = file_names(dir)
        .into_iter()
        .filter_map(|n| segment_number(&n));
    let mut generation = numbers.fold(loaded.generation, u64::max);
    let mut written = Vec::new();
    let mut lines = String::new();
    for named in &loaded.segments {
        let name = match &named.name {
            Some(name) => name.clone(),
            None => {
                generation += 1;
                let name = format!("seg-{generation:06}.cqp");
                let bytes = named.segment.bytes().unwrap_or_default();
                if write_atomic(&dir.join(&name), &bytes).is_err() {
                    return loaded;
                }
                written.push(name.clone());
                name
            }
        };
        lines += &format!("\nsegment {name} {}", named.segment.file_len());
    }
    let body = format!(
        "{MANIFEST_HEAD}\nfingerprint {:016x}\ngeneration {generation}{lines}",
        fingerprint()
    );
    let text = format!("{body}\ncrc {:08x}\n", crc32fast::hash(body.as_bytes()));
    if write_atomic(&dir.join(MANIFEST), text.as_bytes()).is_err() {
        return loaded;
    }
    loaded.generation = generation;
    for (named, name) in (loaded.segments.iter_mut().filter(|n| n.name.is_none())).zip(written) {
        named.name = Some(name);
    }
    // Under the lock, any other segment or temporary file is garbage.
    let named: Vec<&str> = (loaded.segments.iter())
        .filter_map(|n| n.name.as_deref())
        .collect();
    for name in file_names(dir) {
        if (name.starts_with("tmp-") || segment_number(&name).is_some())
            && !named.contains(&name.as_str())
        {
            let _ = fs::remove_file(dir.join(name));
        }
    }
    loaded
}

/// The names of the files in `dir`.
fn file_names(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    (entries.flatten())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect()
}

/// The number of a segment file's name (`seg-000042.cqp`), if it is one.
fn segment_number(name: &str) -> Option<u64> {
    let number = name.strip_prefix("seg-")?.strip_suffix(".cqp")?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::{Library, Query, SentencePrecedents, Verdict, search_all};
    use super::*;
    use crate::align::AlignOptions;
    use crate::statement::read_sentence_file;
    use crate::store::CommitRequest;

    const TEXTS: [&str; 4] = [
        "Calls upon all States that have not yet done so to sign the Treaty at the earliest possible date.\n\nWelcomes the report of the Secretary-General on oceans and the law of the sea.",
        "Decides to include in the provisional agenda of its eighty-first session the item entitled General and complete disarmament.\n\nCalls upon all States that have not yet done so to sign and ratify the Treaty at the earliest possible date.",
        "Welcomes the second report of the Secretary-General on oceans and the law of the sea.\n\nExpresses concern about plastic pollution in rivers and seas.",
        "The Ministers met in Rome.\n\nThey reaffirmed their commitment to defeat Daesh/ISIS and its affiliates.",
    ];

    fn commit(store: &Store, id: &str, date: &str, text: &str, revise: bool) {
        let mut statement = read_sentence_file(&format!("+++\n+++\n{text}\n")).unwrap();
        statement.meta.date = Some(date.to_owned());
        let mut request = CommitRequest::new(statement, "s", "-");
        request.id = Some(id.to_owned());
        request.revise = revise;
        request.author = Some("T <t@example.org>".parse().unwrap());
        store.commit(request).unwrap();
    }

    /// A store of each of [`TEXTS`], a year apart.
    fn store_of_every_text() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        for (i, text) in TEXTS.iter().enumerate() {
            commit(
                &store,
                &format!("t{i}"),
                &format!("202{i}-01-01"),
                text,
                false,
            );
        }
        (dir, store)
    }

    fn query() -> Statement {
        read_sentence_file(&format!("+++\n+++\n{}\n\n{}\n", TEXTS[2], TEXTS[1])).unwrap()
    }

    /// The search through the index on disk, and through a library of
    /// every statement read into memory, which must agree.
    fn both(store: &Store) -> Vec<SentencePrecedents> {
        let statement = query();
        let options = AlignOptions::default();
        let query = Query {
            statement: &statement,
            sentences: (0..statement.sentence_count()).map(|i| (i, None)).collect(),
            allowed: &|s| s.date < "2024-01-01",
            limit: 5,
        };
        let Ok(found) = open(store, false).unwrap().find(store, &query, &options) else {
            panic!("the index reads");
        };
        let memory = Library::from_store(store).unwrap().find(&query, &options);
        assert_eq!(found, memory);
        found
    }

    fn segment_files(store: &Store) -> Vec<String> {
        let mut names: Vec<String> = file_names(&store.common_git_dir().join(DIR))
            .into_iter()
            .filter(|n| segment_number(n).is_some())
            .collect();
        names.sort();
        names
    }

    /// Removes a file from HEAD by a commit, as `git rm` would.
    fn remove(dir: &Path, path: &str) {
        let repo = git2::Repository::open(dir).unwrap();
        let mut index = repo.index().unwrap();
        index.remove_path(Path::new(path)).unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let head = repo.head().unwrap().peel_to_commit().unwrap();
        let who = git2::Signature::now("T", "t@example.org").unwrap();
        repo.commit(Some("HEAD"), &who, &who, "rm", &tree, &[&head])
            .unwrap();
        index.write().unwrap();
    }

    #[test]
    fn added_changed_and_removed_statements_give_a_fresh_builds_answers() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::init(dir.path()).unwrap();
        commit(&store, "a", "2020-01-01", TEXTS[0], false);
        commit(&store, "d", "2020-06-01", TEXTS[3], false);
        let first = both(&store);
        assert_eq!(first[0].verdict, Verdict::Adapted);
        assert_eq!(segment_files(&store), ["seg-000001.cqp"]);

        // Added and changed: a new segment for them, the first one kept.
        commit(&store, "b", "2021-01-01", TEXTS[1], false);
        commit(&store, "a", "2020-01-01", TEXTS[2], true);
        let changed = both(&store);
        assert_eq!(changed[0].verdict, Verdict::Verbatim);
        assert_eq!(segment_files(&store), ["seg-000001.cqp", "seg-000002.cqp"]);
        let fresh = open(&store, true).unwrap();
        let statement = query();
        let again = search_all(&store, &statement, 5, &AlignOptions::default()).unwrap();
        assert_eq!(fresh.segments.len(), 1);
        assert_eq!(again.searched, 3);

        // Removed: left out at once, and from the files once merged away.
        remove(dir.path(), "statements/s/2020-01-01-a.txt");
        let removed = both(&store);
        assert_ne!(removed, changed);
        for _ in 0..FAN {
            let n = store.head_files().unwrap().len();
            commit(&store, &format!("n{n}"), "2025-01-01", TEXTS[3], false);
            both(&store);
        }
        let catalog = open(&store, false).unwrap();
        assert!(catalog.segments.len() < FAN, "{}", catalog.segments.len());
        let records: usize = catalog.segments.iter().map(|s| s.records.len()).sum();
        assert_eq!(records, store.head_files().unwrap().len());
    }

    #[test]
    fn concurrent_searches_build_one_index_and_agree() {
        let (dir, store) = store_of_every_text();
        // Without an index, an import's refresh builds none.
        assert!(!refresh(&store).unwrap());
        let statement = query();
        let options = AlignOptions::default();
        let expected = Library::from_store(&store).unwrap().find(
            &Query {
                statement: &statement,
                sentences: (0..statement.sentence_count()).map(|i| (i, None)).collect(),
                allowed: &|_| true,
                limit: 5,
            },
            &options,
        );
        // Four processes' worth of searches at once, each with its own
        // store handle, as four commands would be.
        std::thread::scope(|scope| {
            let searches: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        let store = Store::open(dir.path()).unwrap();
                        (0..3)
                            .map(|_| search_all(&store, &statement, 5, &options).unwrap())
                            .map(|found| found.sentences)
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for search in searches {
                for found in search.join().unwrap() {
                    assert_eq!(found, expected);
                }
            }
        });
        assert_eq!(segment_files(&store).len(), 1);
        let folder = store.common_git_dir().join(DIR);
        assert!(load(&folder, fingerprint()).is_some());
        assert!(file_names(&folder).iter().all(|n| !n.starts_with("tmp-")));
    }

    #[test]
    fn no_index_is_kept_through_a_link() {
        let (_dir, store) = store_of_every_text();
        let good = both(&store);
        let folder = store.common_git_dir().join(DIR);
        fs::remove_dir_all(&folder).unwrap();
        let outside = tempfile::tempdir().unwrap();
        let left = outside.path().join("seg-000001.cqp");
        fs::write(&left, b"not ours").unwrap();
        std::os::unix::fs::symlink(outside.path(), &folder).unwrap();
        assert_eq!(both(&store), good, "answered from memory");
        assert!(!refresh(&store).unwrap());
        assert_eq!(file_names(outside.path()), ["seg-000001.cqp"]);
        assert_eq!(fs::read(&left).unwrap(), b"not ours");
    }

    #[test]
    fn a_damaged_index_is_rebuilt_with_the_same_answers() {
        let (_dir, store) = store_of_every_text();
        let statement = query();
        let options = AlignOptions::default();
        let search = || {
            search_all(&store, &statement, 5, &options)
                .unwrap()
                .sentences
        };
        let good = search();
        assert!(good.iter().any(|s| s.verdict == Verdict::Verbatim));
        let folder = store.common_git_dir().join(DIR);
        let segment = folder.join(&segment_files(&store)[0]);
        let bytes = fs::read(&segment).unwrap();
        let damage: [(&Path, Vec<u8>); 5] = [
            (&segment, bytes[..bytes.len() / 2].to_vec()),
            (&segment, {
                let mut b = bytes.clone();
                b[bytes.len() / 3] ^= 1;
                b
            }),
            (&segment, Vec::new()),
            (
                &folder.join(MANIFEST),
                b"communique precedent index\n".to_vec(),
            ),
            (&folder.join(MANIFEST), vec![0xff; 64]),
        ];
        for (file, bytes) in damage {
            fs::write(file, &bytes).unwrap();
            assert_eq!(search(), good);
            assert!(load(&folder, fingerprint()).is_some(), "rebuilt");
        }
        // Gone altogether: built again.
        fs::remove_dir_all(&folder).unwrap();
        assert_eq!(search(), good);
        assert!(refresh(&store).unwrap());
    }
}
