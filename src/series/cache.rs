//! The pair cache: results of comparing two statements, kept under the
//! store's git folder (`.git/communique/pairs/`, never committed) so that
//! `log`, `history` and `trace` do not re-diff on every run the pairs they
//! diffed before.
//!
//! A pair's result is a pure function of the two files' contents and the
//! settings, so an entry is keyed by the two blob ids, a hash of the
//! settings (alignment options, the lexicon's content, routine marking) and
//! [`ANALYSIS_VERSION`]. Nothing else is trusted: an entry is read only
//! when its length, its key and its checksum all agree, at most
//! [`MAX_ENTRY_BYTES`] of it; anything else is a miss, computed again and
//! rewritten. Writes go to a temporary file renamed into place, so a reader
//! sees a whole entry or none, and commands running at once at worst
//! compute the same entry twice. Where the git folder cannot be written,
//! nothing is written and every pair is computed, silently.
//!
//! The cache is bounded: entries of old settings or an old analysis are
//! never read again, so [`PairCache::tidy_if_due`] (once a day at most)
//! removes the entries least recently used while the cache holds more than
//! [`MAX_CACHE_BYTES`], and temporary files a killed writer left. An entry
//! read has its time renewed (at most once an hour), so that what is in use
//! stays.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::analyze::Options;
use crate::diff::Summary;
use crate::statement::Statement;
use crate::store::BlobId;

use super::disk::{linked, read_bounded, write_atomic};

/// The version of the analysis whose results the cache holds. **Bump it in
/// any change that changes what a diff computes** (its entries, scores,
/// redlines, commitments, summaries) or the layout of a cached value: every
/// entry written before is then a miss. Changes to the options or the
/// lexicon need no bump (they are part of the key); changes to how reports
/// print results need none either.
pub const ANALYSIS_VERSION: u32 = 1;

/// The largest entry read: a trace's alignment of two long statements.
/// A larger file is a miss (and is replaced).
pub const MAX_ENTRY_BYTES: u64 = 16 << 20;

/// The most the cache holds before a tidy removes the entries least
/// recently used, down to three quarters of it.
pub const MAX_CACHE_BYTES: u64 = 512 << 20;

/// How often [`PairCache::tidy_if_due`] looks at the whole cache.
const TIDY_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// A temporary file older than this was left by a killed writer (a live
/// one is renamed within a second).
const STALE_TEMP: Duration = Duration::from_secs(60 * 60);

/// An entry read this long after its time was last set has it renewed.
const RENEW_AFTER: Duration = Duration::from_secs(60 * 60);

/// The most files one tidy looks at, so that a folder filled by someone
/// else cannot keep it going.
const MAX_TIDY_FILES: usize = 1 << 22;

/// The file whose time says when the cache was last tidied.
const TIDIED: &str = "tidied";

/// The environment variable that, set to anything but empty or `0`, turns
/// the cache off (as `--no-cache` does).
pub const NO_CACHE_ENV: &str = "COMMUNIQUE_NO_CACHE";

/// What an entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A statement's facts and its summary against the one before
    /// (`log`, `history`).
    Summary,
    /// The alignment of two versions, for a lineage (`trace`).
    Trace,
    /// The sentences a version restored, found among those earlier
    /// versions dropped (`trace`), keyed by the chain of versions up to it.
    Revival,
}

impl Kind {
    fn tag(self) -> &'static [u8] {
        match self {
            Kind::Summary => b"summary",
            Kind::Trace => b"trace",
            Kind::Revival => b"revival",
        }
    }
}

/// A statement's facts and its summary against the one before it: what
/// `log` and `history` show of it, kept as [`Kind::Summary`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Its title, if it has one.
    pub title: Option<String>,
    /// Its date, from the front matter.
    pub date: Option<String>,
    /// How many sentences it has, section headings not counted.
    pub sentences: usize,
    /// What changed against the one before; `None` for a first one.
    pub summary: Option<Summary>,
}

impl Pair {
    /// The facts of `statement`, with its summary against the one before.
    pub fn of(statement: &Statement, summary: Option<Summary>) -> Pair {
        Pair {
            title: statement.meta.title.clone(),
            date: statement.meta.date.clone(),
            sentences: statement.text_sentence_count(),
            summary,
        }
    }
}

const MAGIC: &[u8; 8] = b"cqpair1\n";
/// Magic, version, key, payload length, payload checksum.
const HEADER: usize = 8 + 4 + 20 + 8 + 8;

/// Where pair results are kept, and the settings they are computed with;
/// or nothing (every lookup misses, nothing is written).
#[derive(Clone, Debug)]
pub struct PairCache {
    dir: Option<PathBuf>,
    settings: [u8; 20],
}

impl PairCache {
    /// No cache: every pair is computed.
    pub fn disabled() -> PairCache {
        PairCache {
            dir: None,
            settings: [0; 20],
        }
    }

    /// The cache of the store whose git folder is `git_dir`, for results
    /// computed with `options`; none where its folder, or the one above
    /// it, is a link (which could lead out of the store).
    pub fn open(git_dir: &Path, options: &Options) -> PairCache {
        let dir = git_dir.join("communique").join("pairs");
        PairCache {
            dir: (!linked(&dir)).then_some(dir),
            settings: settings_hash(options),
        }
    }

    /// Whether the cache is in use.
    pub fn enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// The value kept for the pair (`old`, `new`) (`old` is `None` for a
    /// first version), if there is a whole, valid one.
    pub fn get<T: DeserializeOwned>(
        &self,
        kind: Kind,
        old: Option<BlobId>,
        new: BlobId,
    ) -> Option<T> {
        let dir = self.dir.as_ref()?;
        let key = self.key(kind, old, new);
        let path = entry_path(dir, &key);
        let bytes = read_bounded(&path, MAX_ENTRY_BYTES).ok()?;
        let payload = check(&bytes, &key)?;
        let value = serde_json::from_slice(payload).ok()?;
        renew(&path, SystemTime::now());
        Some(value)
    }

    /// Tidies the cache ([`PairCache::tidy`] to [`MAX_CACHE_BYTES`]) if it
    /// was not tidied in the last day, and says what it removed; `None`
    /// when it was not due, or there is no cache. Commands that use the
    /// cache call it when they open it, as `git gc --auto` runs after
    /// commands that add objects.
    pub fn tidy_if_due(&self) -> Option<Tidied> {
        let dir = self.dir.as_ref()?;
        let stamp = dir.join(TIDIED);
        let now = SystemTime::now();
        let last = fs::symlink_metadata(&stamp).and_then(|m| m.modified());
        let due = match last {
            Ok(last) => now.duration_since(last).is_ok_and(|age| age >= TIDY_EVERY),
            // No stamp yet: a cache that does not exist needs no tidy.
            Err(_) => dir.is_dir(),
        };
        if !due {
            return None;
        }
        // The stamp first, so that commands starting meanwhile do not tidy
        // too; a cache that cannot be written is not tidied either.
        write_atomic(&stamp, b"").ok()?;
        Some(self.tidy(now, MAX_CACHE_BYTES))
    }

    /// Removes temporary files older than an hour and, while the entries
    /// hold more than `max_bytes`, the least recently used of them, down
    /// to three quarters of `max_bytes`. Only this cache's own names are
    /// touched, and no link is followed.
    pub fn tidy(&self, now: SystemTime, max_bytes: u64) -> Tidied {
        let mut tidied = Tidied::default();
        let Some(dir) = &self.dir else {
            return tidied;
        };
        // A cache folder (or the folder above it) that is a link is not
        // tidied: removing could reach outside the store.
        if linked(dir) {
            return tidied;
        }
        let mut entries = Vec::new();
        let mut seen = 0usize;
        'walk: for (_, fan, _) in own_children(dir, is_fan_name, true) {
            for (name, path, meta) in own_children(&fan, |_| true, false) {
                seen += 1;
                if seen > MAX_TIDY_FILES {
                    break 'walk;
                }
                let time = meta.modified().unwrap_or(now);
                if name.starts_with("tmp-") {
                    let stale = now.duration_since(time).is_ok_and(|a| a >= STALE_TEMP);
                    if stale && fs::remove_file(&path).is_ok() {
                        tidied.removed += 1;
                        tidied.removed_bytes += meta.len();
                    }
                } else if is_entry_name(&name) {
                    entries.push((time, meta.len(), path));
                }
            }
        }
        let mut held: u64 = entries.iter().map(|e| e.1).sum();
        if held > max_bytes {
            entries.sort_unstable_by_key(|e| e.0);
            let target = max_bytes / 4 * 3;
            for (_, len, path) in entries {
                if held <= target {
                    break;
                }
                if fs::remove_file(&path).is_ok() {
                    held -= len;
                    tidied.removed += 1;
                    tidied.removed_bytes += len;
                }
            }
        }
        tidied.kept_bytes = held;
        tidied
    }

    /// Keeps `value` for the pair (`old`, `new`). Failing to write (a
    /// read-only store, a full disk) only means computing it again.
    pub fn put<T: Serialize>(&self, kind: Kind, old: Option<BlobId>, new: BlobId, value: &T) {
        let Some(dir) = &self.dir else { return };
        let Ok(payload) = serde_json::to_vec(value) else {
            return;
        };
        let key = self.key(kind, old, new);
        let framed = frame(&key, &payload);
        // An entry `get` would not read back is not worth writing again on
        // every run.
        if framed.len() as u64 > MAX_ENTRY_BYTES {
            return;
        }
        let _ = write_atomic(&entry_path(dir, &key), &framed);
    }

    /// The key of a pair: every input of its result but the code, which
    /// [`ANALYSIS_VERSION`] stands for.
    fn key(&self, kind: Kind, old: Option<BlobId>, new: BlobId) -> [u8; 20] {
        let mut material = Vec::with_capacity(80);
        material.extend_from_slice(kind.tag());
        material.push(0);
        material.extend_from_slice(&ANALYSIS_VERSION.to_le_bytes());
        material.extend_from_slice(&self.settings);
        match old {
            Some(old) => {
                material.push(1);
                material.extend_from_slice(&old.0);
            }
            None => material.push(0),
        }
        material.extend_from_slice(&new.0);
        BlobId::of(&material).0
    }
}

/// What a tidy of the cache did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Files removed: entries and stale temporary files.
    pub removed: usize,
    /// Their bytes.
    pub removed_bytes: u64,
    /// The bytes of the entries kept.
    pub kept_bytes: u64,
}

/// Renews the time of the entry at `path` when it is older than
/// [`RENEW_AFTER`], so that a tidy removes what is not read first. A store
/// that cannot be written keeps the old time.
fn renew(path: &Path, now: SystemTime) {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    let old = meta
        .modified()
        .ok()
        .and_then(|t| now.duration_since(t).ok())
        .is_some_and(|age| age >= RENEW_AFTER);
    if old
        && meta.is_file()
        && let Ok(file) = fs::File::options().write(true).open(path)
    {
        let _ = file.set_modified(now);
    }
}

/// The children of `dir` whose names pass `keep`: folders when `folders`,
/// else regular files; links and anything else are passed over, so a tidy
/// never leaves the cache.
fn own_children(
    dir: &Path,
    keep: fn(&str) -> bool,
    folders: bool,
) -> Vec<(String, PathBuf, fs::Metadata)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    read.flatten()
        .take(MAX_TIDY_FILES)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let meta = entry.metadata().ok()?; // the link itself, not its target
            let wanted = if folders {
                meta.is_dir()
            } else {
                meta.is_file()
            };
            (wanted && keep(&name)).then(|| (name, entry.path(), meta))
        })
        .collect()
}

/// `ab`: a fan-out folder of [`entry_path`].
fn is_fan_name(name: &str) -> bool {
    name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The rest of a key in hex: an entry's name in its fan-out folder.
fn is_entry_name(name: &str) -> bool {
    name.len() == 38 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether the environment turns the cache off (`COMMUNIQUE_NO_CACHE`).
pub fn disabled_by_env() -> bool {
    std::env::var_os(NO_CACHE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// A hash of every setting a pair's result depends on. The option types'
/// debug forms hold every field, so a new option changes the hash as well.
fn settings_hash(options: &Options) -> [u8; 20] {
    let text = format!(
        "align {:?}\nroutine {}\nlexicon {:?}\n",
        options.align, options.routine, options.lexicon
    );
    BlobId::of(text.as_bytes()).0
}

/// `dir/ab/cdef…`: 256 folders, none too large to list.
fn entry_path(dir: &Path, key: &[u8; 20]) -> PathBuf {
    let hex = BlobId(*key).to_string();
    let (fan, rest) = hex.split_at(2);
    dir.join(fan).join(rest)
}

/// An entry's bytes: header, then the payload.
fn frame(key: &[u8; 20], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&ANALYSIS_VERSION.to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of an entry's bytes, if its header matches `key` and its
/// length and checksum match the payload.
fn check<'a>(bytes: &'a [u8], key: &[u8; 20]) -> Option<&'a [u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, rest) = rest.split_first_chunk::<4>()?;
    let (stored_key, rest) = rest.split_first_chunk::<20>()?;
    let (length, rest) = rest.split_first_chunk::<8>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    let whole = u32::from_le_bytes(*version) == ANALYSIS_VERSION
        && stored_key == key
        && u64::from_le_bytes(*length) == payload.len() as u64
        && u64::from_le_bytes(*sum) == checksum(payload);
    whole.then_some(payload)
}

/// A payload's checksum: against damage (a torn or edited file), not
/// against an attacker, who could as well write a valid entry, and whose
/// entry is checked by its reader anyway. Much faster than SHA-1, which
/// showed in a warm `trace`.
fn checksum(payload: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(payload);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use std::fs;

    fn blob(n: u8) -> BlobId {
        BlobId([n; 20])
    }

    #[test]
    fn keeps_and_checks_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = PairCache::open(dir.path(), &Options::default());
        assert_eq!(cache.get::<Vec<u32>>(Kind::Summary, None, blob(1)), None);
        cache.put(Kind::Summary, None, blob(1), &vec![1u32, 2, 3]);
        assert_eq!(
            cache.get(Kind::Summary, None, blob(1)),
            Some(vec![1u32, 2, 3])
        );
        // Another pair, another kind, other settings: misses.
        assert_eq!(
            cache.get::<Vec<u32>>(Kind::Summary, Some(blob(2)), blob(1)),
            None
        );
        assert_eq!(cache.get::<Vec<u32>>(Kind::Trace, None, blob(1)), None);
        let options = Options::default().with_align(AlignOptions::default().with_threshold(0.7));
        let other = PairCache::open(dir.path(), &options);
        assert_eq!(other.get::<Vec<u32>>(Kind::Summary, None, blob(1)), None);
        // Another lexicon (here none at all) is another key too.
        let options = Options {
            lexicon: crate::analyze::lexicon::Lexicon::default(),
            ..Options::default()
        };
        let other = PairCache::open(dir.path(), &options);
        assert_eq!(other.get::<Vec<u32>>(Kind::Summary, None, blob(1)), None);
        // The same settings, built again, find it.
        let again = PairCache::open(dir.path(), &Options::default());
        assert_eq!(
            again.get(Kind::Summary, None, blob(1)),
            Some(vec![1u32, 2, 3])
        );
    }

    #[test]
    fn a_damaged_entry_is_a_miss_and_is_rewritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = PairCache::open(dir.path(), &Options::default());
        cache.put(Kind::Summary, None, blob(1), &vec![7u32; 100]);
        let path = entry_path(
            &dir.path().join("communique/pairs"),
            &cache.key(Kind::Summary, None, blob(1)),
        );
        let whole = fs::read(&path).expect("entry");
        let mut flipped = whole.clone();
        let last = flipped.len() - 2;
        flipped[last] ^= 1;
        for damaged in [&whole[..whole.len() - 5], &whole[..10], &flipped[..], &[]] {
            fs::write(&path, damaged).expect("write");
            assert_eq!(cache.get::<Vec<u32>>(Kind::Summary, None, blob(1)), None);
        }
        cache.put(Kind::Summary, None, blob(1), &vec![7u32; 100]);
        assert_eq!(
            cache.get(Kind::Summary, None, blob(1)),
            Some(vec![7u32; 100])
        );
    }

    #[test]
    fn nothing_is_written_when_disabled_or_unwritable() {
        let cache = PairCache::disabled();
        cache.put(Kind::Summary, None, blob(1), &1u32);
        assert_eq!(cache.get::<u32>(Kind::Summary, None, blob(1)), None);
        // A git folder that is a file: nothing can be created under it.
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("not-a-folder");
        fs::write(&file, b"x").expect("write");
        let cache = PairCache::open(&file, &Options::default());
        cache.put(Kind::Summary, None, blob(1), &1u32);
        assert_eq!(cache.get::<u32>(Kind::Summary, None, blob(1)), None);
    }

    /// Sets the time of `path` to `age` before `now`.
    fn age(path: &Path, now: SystemTime, age: Duration) {
        let file = fs::File::options().write(true).open(path).expect("open");
        file.set_modified(now - age).expect("set time");
    }

    fn path_of(dir: &Path, cache: &PairCache, new: BlobId) -> PathBuf {
        entry_path(
            &dir.join("communique/pairs"),
            &cache.key(Kind::Summary, None, new),
        )
    }

    #[test]
    fn a_tidy_removes_the_least_recently_used_entries_past_the_bound() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = PairCache::open(dir.path(), &Options::default());
        let now = SystemTime::now();
        for n in 0..8u8 {
            cache.put(Kind::Summary, None, blob(n), &vec![n; 1000]);
            // Entry n was last used 10 - n days ago.
            let days = Duration::from_secs(86_400 * (10 - u64::from(n)));
            age(&path_of(dir.path(), &cache, blob(n)), now, days);
        }
        // Reading entry 0 makes it the most recently used.
        assert_eq!(
            cache.get(Kind::Summary, None, blob(0)),
            Some(vec![0u8; 1000])
        );
        let one = fs::metadata(path_of(dir.path(), &cache, blob(0)))
            .expect("entry")
            .len();
        // Room for six entries: down to three quarters, four are kept.
        let tidied = cache.tidy(now, one * 6);
        assert_eq!(tidied.removed, 4, "{tidied:?}");
        assert_eq!(tidied.kept_bytes, one * 4);
        let kept: Vec<u8> = (0..8u8)
            .filter(|&n| cache.get::<Vec<u8>>(Kind::Summary, None, blob(n)).is_some())
            .collect();
        assert_eq!(kept, [0, 5, 6, 7]);
        // Under the bound, nothing more goes.
        assert_eq!(cache.tidy(now, one * 6).removed, 0);
    }

    #[test]
    fn a_tidy_sweeps_stale_temporary_files_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = PairCache::open(dir.path(), &Options::default());
        cache.put(Kind::Summary, None, blob(1), &1u32);
        let pairs = dir.path().join("communique/pairs");
        let fan = path_of(dir.path(), &cache, blob(1))
            .parent()
            .expect("fan")
            .to_owned();
        let now = SystemTime::now();
        let (stale, fresh, foreign) = (fan.join("tmp-old"), fan.join("tmp-new"), fan.join("notes"));
        for path in [&stale, &fresh, &foreign] {
            fs::write(path, b"x").expect("write");
        }
        age(&stale, now, Duration::from_secs(2 * 3600));
        age(&foreign, now, Duration::from_secs(400 * 86_400));
        // A link to a folder outside the cache is not followed, even when
        // it is named as a fan-out folder and the cache is over its bound.
        let outside = tempfile::tempdir().expect("tempdir");
        let victim = outside
            .path()
            .join("0123456789abcdef0123456789abcdef012345");
        fs::write(&victim, b"keep me").expect("write");
        std::os::unix::fs::symlink(outside.path(), pairs.join("ff")).expect("link");
        let tidied = cache.tidy(now, 0);
        assert!(!stale.exists() && fresh.exists() && foreign.exists());
        assert!(victim.exists(), "a tidy followed a link out of the cache");
        // The stale file and the one entry (the bound is 0).
        assert_eq!(tidied.removed, 2, "{tidied:?}");
    }

    #[test]
    fn a_cache_folder_that_is_a_link_is_not_used() {
        let dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let fan = elsewhere.path().join("ab");
        fs::create_dir(&fan).expect("folder");
        let stale = fan.join("tmp-x");
        fs::write(&stale, b"x").expect("write");
        age(&stale, SystemTime::now(), Duration::from_secs(7200));
        fs::create_dir(dir.path().join("communique")).expect("folder");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("communique/pairs"))
            .expect("link");
        let cache = PairCache::open(dir.path(), &Options::default());
        assert!(!cache.enabled());
        assert_eq!(cache.tidy(SystemTime::now(), 0), Tidied::default());
        assert!(stale.exists(), "a tidy followed the cache folder's link");
        cache.put(Kind::Summary, None, blob(1), &1u32);
        assert_eq!(
            fs::read_dir(&fan).expect("folder").count(),
            1,
            "written through the link"
        );
    }

    #[test]
    fn a_tidy_is_due_once_a_day() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = PairCache::open(dir.path(), &Options::default());
        // No cache folder yet: nothing to tidy, nothing created.
        assert_eq!(cache.tidy_if_due(), None);
        assert!(!dir.path().join("communique").exists());
        cache.put(Kind::Summary, None, blob(1), &1u32);
        assert!(cache.tidy_if_due().is_some());
        assert_eq!(cache.tidy_if_due(), None, "tidied twice in a day");
        let stamp = dir.path().join("communique/pairs").join(TIDIED);
        age(&stamp, SystemTime::now(), TIDY_EVERY);
        assert!(cache.tidy_if_due().is_some());
        // The entry, well under the bound, is kept.
        assert_eq!(cache.get(Kind::Summary, None, blob(1)), Some(1u32));
    }
}
