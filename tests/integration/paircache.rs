//! The pair cache (issue 18): `log`, `history` and `trace` keep each pair's
//! result under `.git/communique/pairs/` and read it back on the next run.
//! A run that reads the cache prints exactly what a run that computes
//! everything prints; other settings miss; a damaged entry is recomputed
//! and rewritten; `--no-cache` and `COMMUNIQUE_NO_CACHE` neither read nor
//! write it.

use std::path::PathBuf;

use crate::support::Sandbox;
use crate::support::seed::{edit, seed};

/// The store's cache folder.
fn cache_dir(store: &Sandbox) -> PathBuf {
    store.root().join(".git/communique/pairs")
}

/// Every file in the cache's fan-out folders (the entries, and any
/// temporary file); not the tidy's stamp beside them.
fn entries(store: &Sandbox) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(fans) = std::fs::read_dir(cache_dir(store)) else {
        return out;
    };
    for fan in fans {
        let fan = fan.expect("entry").path();
        if fan.is_dir() {
            for entry in std::fs::read_dir(&fan).expect("fan-out folder") {
                out.push(entry.expect("entry").path());
            }
        }
    }
    out.sort();
    out
}

/// A store of three versions of the seed in one series, the second also
/// revised once (so `history` has a pair to compare).
fn seed_store() -> Sandbox {
    let store = Sandbox::with_store();
    let v1 = seed();
    let v2 = edit(&v1, "Ministers", "The Ministers");
    let v3 = edit(&v2, "committed", "remain committed");
    for (name, text, date, more) in [
        ("v1.txt", &v1, "2021-03-01", &[][..]),
        ("v2.txt", &v2, "2021-03-02", &[][..]),
        ("v2b.txt", &v3, "2021-03-02", &["--revise"][..]),
        ("v3.txt", &v3, "2021-03-03", &[][..]),
    ] {
        let path = store.file(name, text);
        let mut args = vec!["import", &path, "--series", "s", "--date", date, "--id"];
        args.push(&date[..10]);
        args.extend_from_slice(more);
        store.ok(&args);
    }
    store
}

/// The commands whose output the cache must not change, text and JSON:
/// `last` is a series' last statement, `history` is traced through its
/// revisions.
fn commands(series: &str, last: &str, revised: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for format in ["text", "json"] {
        for command in [
            vec!["log".to_owned()],
            vec!["log".to_owned(), series.to_owned()],
            vec!["history".to_owned(), revised.to_owned()],
            vec!["trace".to_owned(), last.to_owned()],
        ] {
            let mut c = command;
            c.extend(["--format".to_owned(), format.to_owned()]);
            out.push(c);
        }
    }
    out.push(vec![
        "trace".to_owned(),
        last.to_owned(),
        "--sentence".to_owned(),
        "1.1".to_owned(),
    ]);
    out
}

/// Each command's output without the cache, then cold (computing and
/// writing), then warm (reading): all three the same.
fn same_with_and_without(store: &Sandbox, commands: &[Vec<String>]) {
    for command in commands {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let mut off = args.clone();
        off.push("--no-cache");
        let computed = store.ok(&off);
        let cold = store.ok(&args);
        let warm = store.ok(&args);
        assert!(!computed.is_empty(), "{args:?} prints something");
        assert_eq!(cold, computed, "{args:?}: cold cache");
        assert_eq!(warm, computed, "{args:?}: warm cache");
    }
}

fn hits_print_what_computing_prints() {
    let store = seed_store();
    same_with_and_without(&store, &commands("s", "s/2021-03-03", "s/2021-03-02"));
    assert!(!entries(&store).is_empty(), "the runs kept their pairs");
    // The cache is no part of the store's history.
    assert_eq!(store.git(&["status", "--porcelain"]), "");
}

fn hits_print_what_computing_prints_on_corpus_series() {
    let store = crate::trace::corpus_store(&["unga-tpnw"]);
    // The series alone names its latest statement.
    same_with_and_without(&store, &commands("unga-tpnw", "unga-tpnw", "unga-tpnw"));
}

fn other_settings_miss() {
    let store = seed_store();
    let trace = |threshold: &str, cache: bool| {
        let mut args = vec![
            "trace",
            "s/2021-03-03",
            "--format",
            "json",
            "--threshold",
            threshold,
        ];
        if !cache {
            args.push("--no-cache");
        }
        store.ok(&args)
    };
    trace("0.5", true);
    let kept = entries(&store).len();
    assert!(trace("0.5", true) == trace("0.5", false));
    assert_eq!(entries(&store).len(), kept, "a warm run writes nothing new");
    // Another threshold is another key: computed (as without the cache)
    // and kept beside the first.
    assert_eq!(trace("0.9", true), trace("0.9", false));
    assert!(entries(&store).len() > kept, "0.9 kept its own entries");
}

/// A temporary file a killed writer left is swept by the next command
/// that is due to tidy (once a day), and nothing else goes.
fn a_killed_writers_leftovers_are_swept() {
    let store = seed_store();
    let log = || store.ok(&["log", "s", "--format", "json"]);
    let first = log();
    let kept = entries(&store);
    assert!(!kept.is_empty(), "the first run kept its pairs");
    let fan = kept[0].parent().expect("fan-out folder").to_owned();
    let leftover = fan.join("tmp-killed");
    std::fs::write(&leftover, b"half an entry").expect("write");
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    // The first run found no cache to tidy; a stamp as a run would leave.
    let stamp = cache_dir(&store).join("tidied");
    std::fs::write(&stamp, b"").expect("stamp");
    for path in [&leftover, &stamp] {
        let file = std::fs::File::options().write(true).open(path);
        let file = file.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        file.set_modified(two_hours_ago).expect("set time");
    }
    // Tidied two hours ago: not due, the leftover stays.
    assert_eq!(log(), first);
    assert!(leftover.exists());
    let two_days_ago = two_hours_ago - std::time::Duration::from_secs(2 * 86_400);
    let file = std::fs::File::options().write(true).open(&stamp);
    file.expect("stamp")
        .set_modified(two_days_ago)
        .expect("set time");
    assert_eq!(log(), first);
    assert!(!leftover.exists(), "the leftover was not swept");
    assert_eq!(entries(&store), kept, "the entries stay");
}

fn a_damaged_entry_is_recomputed_and_rewritten() {
    let store = seed_store();
    let commands = commands("s", "s/2021-03-03", "s/2021-03-02");
    same_with_and_without(&store, &commands);
    let kept: Vec<(PathBuf, Vec<u8>)> = entries(&store)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("entry");
            (p, bytes)
        })
        .collect();
    // Truncated, emptied, one byte changed, garbage: every kind of damage.
    for (n, (path, bytes)) in kept.iter().enumerate() {
        let damaged: Vec<u8> = match n % 4 {
            0 => bytes[..bytes.len() / 2].to_vec(),
            1 => Vec::new(),
            2 => {
                let mut b = bytes.clone();
                let last = b.len() - 1;
                b[last] ^= 0x20;
                b
            }
            _ => b"\xff\xfe not an entry at all".repeat(50),
        };
        std::fs::write(path, damaged).expect("damage");
    }
    same_with_and_without(&store, &commands);
    for (path, bytes) in &kept {
        assert_eq!(
            &std::fs::read(path).expect("entry"),
            bytes,
            "{path:?} rewritten"
        );
    }
}

/// A statement after one that does not read (UTF-16, committed by plain
/// git) is compared with the one before that: its entry is kept under that
/// predecessor and found there on the next run, not computed and written
/// again on every run.
fn a_statement_after_an_unreadable_one_is_found_warm() {
    let store = seed_store();
    let bad = "statements/s/2021-03-02-u.txt";
    std::fs::write(store.root().join(bad), b"\xff\xfeT\0h\0e\0.\0\n\0").expect("utf-16");
    store.git(&["add", bad]);
    store.commit_staged("u16");
    let commands: Vec<Vec<String>> = ["text", "json"]
        .iter()
        .map(|format| ["log", "s", "--format", format].map(str::to_owned).to_vec())
        .collect();
    same_with_and_without(&store, &commands);
    let written = |store: &Sandbox| -> Vec<(PathBuf, std::time::SystemTime)> {
        entries(store)
            .into_iter()
            .map(|p| {
                let at = std::fs::metadata(&p).and_then(|m| m.modified());
                (p, at.expect("modified time"))
            })
            .collect()
    };
    let before = written(&store);
    // Modification times are coarse on some file systems: a rewrite made
    // a moment later shows.
    std::thread::sleep(std::time::Duration::from_millis(50));
    for args in &commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        store.ok(&args);
    }
    assert_eq!(written(&store), before, "a warm log writes nothing");
}

fn no_cache_neither_reads_nor_writes() {
    let store = seed_store();
    for command in commands("s", "s/2021-03-03", "s/2021-03-02") {
        let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
        args.push("--no-cache");
        store.ok(&args);
    }
    assert!(entries(&store).is_empty());
    for args in [
        &["trace", "s/2021-03-03"][..],
        &["precedent", "s/2021-03-03"],
    ] {
        let out = store
            .cmd()
            .env("COMMUNIQUE_NO_CACHE", "1")
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
    }
    // Neither the pair cache nor precedent's index.
    assert!(
        !store.root().join(".git/communique").exists(),
        "COMMUNIQUE_NO_CACHE=1 writes nothing"
    );
    assert!(entries(&store).is_empty());
}

crate::tests![
    hits_print_what_computing_prints,
    hits_print_what_computing_prints_on_corpus_series[Shared],
    other_settings_miss,
    a_killed_writers_leftovers_are_swept,
    a_damaged_entry_is_recomputed_and_rewritten,
    a_statement_after_an_unreadable_one_is_found_warm,
    no_cache_neither_reads_nor_writes,
];
