//! The store end to end (issue 5): init, import, refs, log, history, show,
//! diff by refs, every refusal, and concurrent imports. Every test works in
//! a temporary store, with git isolated from the user's configuration; the
//! project's own `statements/` is only read.

use std::path::{Path, PathBuf};

use crate::support::harness::corpus_file;
use crate::support::{Sandbox, output, run};

const Y2023: &str = "unga-tpnw/2023-12-04-a-res-78-35.txt";
const Y2024: &str = "unga-tpnw/2024-12-02-a-res-79-38.txt";
const L18: &str = "unga-tpnw/2025-10-10-a-c-1-80-l-18.txt";
const R2025: &str = "unga-tpnw/2025-12-01-a-res-80-54.txt";

/// Imports a corpus file into unga-tpnw with the date its name starts with.
fn import(store: &Sandbox, file: &Path, extra: &[&str]) -> (i32, String, String) {
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    let mut args = vec![
        "import",
        file.to_str().expect("utf-8 path"),
        "--series",
        "unga-tpnw",
    ];
    if !extra.contains(&"--date") {
        args.extend_from_slice(&["--date", &name[..10]]);
    }
    args.extend_from_slice(extra);
    store.run(&args)
}

/// The corpus files.
fn corpus(names: &[&str]) -> Vec<PathBuf> {
    names.iter().map(|n| corpus_file(n)).collect()
}

/// A store holding 2023, 2024, and the 2025 statement as two drafts (the
/// First Committee draft L.18, then the adopted text with --revise).
fn tpnw_store() -> Sandbox {
    let files = corpus(&[Y2023, Y2024, L18, R2025]);
    let store = Sandbox::with_store();
    for file in &files[..2] {
        let (code, out, err) = import(&store, file, &[]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(": imported (commit "), "{out}");
    }
    let draft = [
        "--date",
        "2025-12-01",
        "--id",
        "tpnw",
        "-m",
        "L.18 as tabled",
    ];
    let (code, _, err) = import(&store, &files[2], &draft);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = import(
        &store,
        &files[3],
        &["--date", "2025-12-01", "--id", "tpnw", "--revise"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("unga-tpnw/2025-12-01-tpnw: revised (commit "),
        "{out}"
    );
    store
}

fn init_makes_a_store_and_only_adds_what_is_missing() {
    let store = Sandbox::with_empty_store();
    let out = store.ok(&["init"]);
    assert!(out.contains("initialized an empty store"), "{out}");
    assert!(store.root().join("statements").is_dir());
    assert_eq!(store.git(&["symbolic-ref", "HEAD"]), "refs/heads/main\n");
    assert!(store.ok(&["init"]).contains("already a store"));
    assert_eq!(store.ok(&["log"]), "", "an empty store logs nothing");

    let plain = Sandbox::with_empty_store();
    plain.git(&["init", "-q"]);
    assert!(plain.ok(&["init"]).contains("added statements/"));
    let sub = Sandbox::with_empty_store();
    let (code, out, err) = sub.run(&["init", "nested/store"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nested/store"), "{out}");
    assert!(sub.root().join("nested/store/statements").is_dir());
}

fn import_log_show_history_and_diff_by_refs() {
    let store = tpnw_store();
    assert_eq!(store.git(&["status", "--porcelain"]), "", "clean tree");
    assert_eq!(store.git(&["rev-list", "--count", "HEAD"]), "4\n");

    // log: date order, sentence counts, a summary against the previous one.
    let log = store.ok(&["log"]);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 3, "{log}");
    assert!(
        lines[0].starts_with("unga-tpnw/2023-12-04-a-res-78-35 "),
        "{log}"
    );
    assert!(lines[0].ends_with("first of its series"), "{log}");
    assert!(
        lines[1].starts_with("unga-tpnw/2024-12-02-a-res-79-38 "),
        "{log}"
    );
    assert!(
        lines[1].contains("reworded") && lines[1].contains(" same"),
        "{log}"
    );
    assert!(lines[2].starts_with("unga-tpnw/2025-12-01-tpnw "), "{log}");
    assert_eq!(store.ok(&["log", "unga-tpnw"]), log);

    // show: by prefix, numbered, at an earlier revision.
    let shown = store.ok(&["show", "unga-tpnw/2024"]);
    assert!(shown.starts_with("+++\n"), "{shown}");
    assert!(
        shown.contains("date = \"2024-12-02\"\nseries = \"unga-tpnw\""),
        "{shown}"
    );
    assert!(shown.contains("\n1. Recalls the adoption"), "{shown}");
    let numbered = store.ok(&["show", "unga-tpnw/2024", "--numbered"]);
    assert!(numbered.contains("\n¶1.1 79/38. Treaty"), "{numbered}");
    let adopted = store.ok(&["show", "unga-tpnw"]);
    assert!(adopted.contains("80/54. Treaty"), "latest of the series");
    let draft = store.ok(&["show", "unga-tpnw/2025@HEAD~1"]);
    assert!(!draft.contains("80/54. Treaty"), "{draft}");
    assert_eq!(
        store.ok(&["show", "statements/unga-tpnw/2025-12-01-tpnw.txt@HEAD"]),
        adopted
    );

    // diff: series/id, prefixes, @REV, one argument, JSON names the refs.
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["diff"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = store.ok(&all);
        serde_json::from_str(&out).expect("json")
    };
    let full = json(&[
        "unga-tpnw/2023-12-04-a-res-78-35",
        "unga-tpnw/2024-12-02-a-res-79-38",
    ]);
    assert_eq!(full["old"]["ref"], "unga-tpnw/2023-12-04-a-res-78-35");
    assert_eq!(full["new"]["ref"], "unga-tpnw/2024-12-02-a-res-79-38");
    assert_eq!(json(&["unga-tpnw/2023", "unga-tpnw/2024"]), full);
    assert_eq!(
        json(&["unga-tpnw/2024"]),
        full,
        "one argument: the one before"
    );
    let revision = json(&["unga-tpnw/2025@HEAD~1", "unga-tpnw/2025"]);
    assert_eq!(revision["old"]["ref"], "unga-tpnw/2025-12-01-tpnw@HEAD~1");
    let latest = json(&["unga-tpnw"]);
    assert_eq!(latest["old"]["ref"], "unga-tpnw/2024-12-02-a-res-79-38");
    assert_eq!(latest["new"]["ref"], "unga-tpnw/2025-12-01-tpnw");
    // A file and a ref mix.
    let file = corpus_file(Y2023);
    let mixed = json(&[file.to_str().expect("path"), "unga-tpnw/2024"]);
    assert_eq!(mixed["summary"], full["summary"]);

    // history: two drafts of 2025, newest first, the newest with a summary.
    let history = store.ok(&["history", "unga-tpnw/2025"]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 4, "{history}");
    assert!(
        lines[0].contains("communique <communique@localhost>  Revise unga-tpnw/2025-12-01-tpnw"),
        "{history}"
    );
    assert!(
        lines[1].contains(" sentences · ") && lines[1].contains("reworded"),
        "{history}"
    );
    assert!(lines[2].ends_with("L.18 as tabled"), "{history}");
    assert!(lines[3].ends_with("first revision"), "{history}");
    let summary = revision["summary"].as_object().expect("summary").clone();
    let reworded = summary["reworded"].as_u64().expect("count");
    assert!(
        lines[1].contains(&format!("{reworded} reworded")),
        "{history} vs {summary:?}"
    );
    let one = store.ok(&["history", "unga-tpnw/2025@HEAD~1"]);
    assert_eq!(one.lines().count(), 2, "history up to a revision: {one}");
}

fn identical_text_changes_nothing_and_different_text_needs_revise() {
    let files = corpus(&[Y2023, Y2024]);
    let store = Sandbox::with_store();
    assert_eq!(import(&store, &files[0], &[]).0, 0);
    let head = store.git(&["rev-parse", "HEAD"]);
    let (code, out, err) = import(&store, &files[0], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("unchanged (the store already holds this text)"),
        "{out}"
    );
    assert_eq!(store.git(&["rev-parse", "HEAD"]), head, "no new commit");

    let args = ["--date", "2023-12-04", "--id", "a-res-78-35"];
    let path = files[1].to_str().expect("path");
    let mut import = vec!["import", path, "--series", "unga-tpnw"];
    import.extend_from_slice(&args);
    store.refused(&import, "already exists with different text; pass --revise");
    assert_eq!(store.git(&["rev-parse", "HEAD"]), head, "nothing committed");
    assert_eq!(store.git(&["status", "--porcelain"]), "", "nothing written");
}

fn authors_come_from_the_flag_the_git_config_or_the_default() {
    let files = corpus(&[Y2023, Y2024]);
    let store = Sandbox::with_store();
    let (code, _, err) = import(
        &store,
        &files[0],
        &["--author", "Ada Lovelace <ada@example.org>"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        store.git(&["log", "-1", "--format=%an <%ae>"]),
        "Ada Lovelace <ada@example.org>\n"
    );
    store.git(&["config", "user.name", "Grace Hopper"]);
    store.git(&["config", "user.email", "grace@example.org"]);
    assert_eq!(import(&store, &files[1], &[]).0, 0);
    assert_eq!(
        store.git(&["log", "-1", "--format=%an <%ae> / %cn <%ce>"]),
        "Grace Hopper <grace@example.org> / Grace Hopper <grace@example.org>\n"
    );
}

fn import_leaves_the_users_other_changes_alone() {
    let files = corpus(&[Y2023]);
    let store = Sandbox::with_store();
    std::fs::write(store.root().join("notes.md"), "v1\n").expect("write");
    store.git(&["add", "notes.md"]);
    store.git(&[
        "-c",
        "user.name=U",
        "-c",
        "user.email=u@x",
        "commit",
        "-qm",
        "notes",
    ]);
    std::fs::write(store.root().join("notes.md"), "v2, not staged\n").expect("write");
    std::fs::write(store.root().join("staged.md"), "staged\n").expect("write");
    store.git(&["add", "staged.md"]);
    let before = store.git(&["status", "--porcelain"]);
    assert_eq!(before, " M notes.md\nA  staged.md\n");

    assert_eq!(import(&store, &files[0], &[]).0, 0);
    assert_eq!(
        store.git(&["status", "--porcelain"]),
        before,
        "only the statement changed"
    );
    assert_eq!(
        store.git(&["show", "--name-only", "--format=", "HEAD"]),
        "statements/unga-tpnw/2023-12-04-a-res-78-35.txt\n"
    );
    assert_eq!(
        std::fs::read_to_string(store.root().join("notes.md")).expect("read"),
        "v2, not staged\n"
    );
}

fn refs_without_a_revision_read_the_working_tree_log_reads_head() {
    let files = corpus(&[Y2023]);
    let store = Sandbox::with_store();
    assert_eq!(import(&store, &files[0], &[]).0, 0);
    let file = store
        .root()
        .join("statements/unga-tpnw/2023-12-04-a-res-78-35.txt");
    let committed = std::fs::read_to_string(&file).expect("read");
    let count = |log: &str| log.split_whitespace().nth(1).map(str::to_owned);
    let log_before = store.ok(&["log"]);
    std::fs::write(&file, format!("{committed}\nAn uncommitted sentence.\n")).expect("write");

    assert!(
        store
            .ok(&["show", "unga-tpnw/2023"])
            .contains("An uncommitted sentence.")
    );
    assert!(
        !store
            .ok(&["show", "unga-tpnw/2023@HEAD"])
            .contains("An uncommitted sentence.")
    );
    assert_eq!(
        count(&store.ok(&["log"])),
        count(&log_before),
        "log reads HEAD"
    );
    let (code, out, _) = store.run(&["diff", "unga-tpnw/2023@HEAD", "unga-tpnw/2023", "--stat"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 added"), "{out}");
    // Importing over uncommitted edits is refused rather than losing them.
    let other = store.file("other.txt", "A different text.\n");
    store.refused(
        &[
            "import",
            &other,
            "--series",
            "unga-tpnw",
            "--date",
            "2023-12-04",
            "--id",
            "a-res-78-35",
            "--revise",
        ],
        "has uncommitted changes",
    );
}

fn the_store_is_found_from_a_subfolder_the_environment_or_the_flag() {
    let files = corpus(&[Y2023]);
    let store = Sandbox::with_store();
    assert_eq!(import(&store, &files[0], &[]).0, 0);
    let log = store.ok(&["log"]);
    let elsewhere = store.path().join("home");
    let sub = store.root().join("statements/unga-tpnw");
    let run = |dir: &Path, args: &[&str], env: Option<&Path>| {
        let mut cmd = store.cmd();
        cmd.current_dir(dir).args(args);
        if let Some(env) = env {
            cmd.env("COMMUNIQUE_STORE", env);
        }
        output(cmd.output().expect("runs"))
    };
    assert_eq!(run(&sub, &["log"], None).1, log);
    assert_eq!(run(&elsewhere, &["log"], Some(store.root())).1, log);
    let root = store.root();
    let flag = root.to_str().expect("path");
    assert_eq!(run(&elsewhere, &["--store", flag, "log"], None).1, log);
    // A path in the store, from a subfolder.
    let (code, out, err) = run(&sub, &["show", "2023-12-04-a-res-78-35.txt@HEAD"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("78/35"), "{out}");
}

fn every_refusal_is_one_line_naming_what_to_do() {
    let files = corpus(&[Y2023, Y2024]);
    let store = Sandbox::with_store();
    let y2023 = files[0].to_str().expect("path");
    for (series, expected) in [
        ("../escape", "\"..\" would lead out of the store"),
        ("/etc", "an absolute path"),
        ("a/b", "a path separator"),
        ("Unga", "characters other than a-z, 0-9 and -"),
        ("a\tb", "control character"),
        ("", "it is empty"),
    ] {
        store.refused(
            &["import", y2023, "--series", series, "--date", "2023-12-04"],
            expected,
        );
    }
    for id in ["../../etc/passwd", "/abs", "x/y"] {
        store.refused(
            &[
                "import",
                y2023,
                "--series",
                "s",
                "--date",
                "2023-12-04",
                "--id",
                id,
            ],
            "id ",
        );
    }
    // No date in the text nor in the file name.
    let undated = store.file(
        "resolution.txt",
        &std::fs::read_to_string(y2023).expect("corpus file"),
    );
    store.refused(
        &["import", &undated, "--series", "unga-tpnw"],
        "add --date YYYY-MM-DD",
    );
    store.refused(
        &[
            "import",
            y2023,
            "--series",
            "unga-tpnw",
            "--date",
            "2023-02-30",
        ],
        "give --date YYYY-MM-DD",
    );
    store.refused(
        &[
            "import",
            y2023,
            "--series",
            "s",
            "--date",
            "2023-12-04",
            "--author",
            "nobody",
        ],
        "Name <email>",
    );
    assert_eq!(
        store.git(&["status", "--porcelain"]),
        "",
        "nothing left behind"
    );
    assert!(
        store.git(&["rev-list", "--all"]).is_empty(),
        "nothing committed"
    );

    assert_eq!(import(&store, &files[0], &[]).0, 0);
    assert_eq!(import(&store, &files[1], &[]).0, 0);
    let err = store.refused(&["show", "unga-tpnw/202"], "is ambiguous");
    assert!(
        err.contains("unga-tpnw/2023-12-04-a-res-78-35, unga-tpnw/2024-12-02-a-res-79-38"),
        "lists the candidates: {err}"
    );
    store.refused(
        &["show", "unga-tpnw/1999"],
        "no file or stored statement matches \"unga-tpnw/1999\"",
    );
    store.refused(&["diff", "nowhere"], "run `communique log`");
    store.refused(
        &["log", "nowhere"],
        "no statements in series \"nowhere\"; the store has: unga-tpnw",
    );
    store.refused(
        &["show", "unga-tpnw/2024@HEAD~1"],
        "does not exist at revision HEAD~1",
    );
    store.refused(
        &["show", "unga-tpnw/2024@no-such-rev"],
        "is not a revision of the store",
    );
    store.refused(&["show", "unga-tpnw/2024@"], "nothing after @");
    store.refused(
        &["show", "/etc/hostname@HEAD"],
        "not a statement of the store",
    );
    store.refused(
        &["diff", "unga-tpnw/2023"],
        "first statement of series unga-tpnw",
    );
    store.refused(&["history", "-"], "not a stored statement");

    let empty = Sandbox::with_empty_store();
    empty.refused(&["log"], "not in a communique store");
    let root = empty.root();
    store.refused(
        &["--store", root.to_str().expect("path"), "log"],
        "run `communique init`",
    );

    // A branch lock left behind by a killed git blocks commits: say so.
    let lock = store.root().join(".git/refs/heads/main.lock");
    std::fs::write(&lock, "").expect("lock");
    let draft = store.file("draft.txt", "A new statement.\n");
    let args = [
        "import",
        draft.as_str(),
        "--series",
        "s",
        "--date",
        "2024-01-01",
    ];
    let err = store.refused(&args, "main.lock exists");
    assert!(err.contains("remove it and retry"), "{err}");
    std::fs::remove_file(&lock).expect("unlock");
    assert!(store.ok(&args).contains("s/2024-01-01-draft: imported"));
}

fn an_undated_statement_takes_the_date_its_file_name_starts_with() {
    let files = corpus(&[Y2023]);
    let store = Sandbox::with_store();
    let y2023 = files[0].to_str().expect("path");
    let (code, out, err) = store.run(&["import", y2023, "--series", "unga-tpnw"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("unga-tpnw/2023-12-04-a-res-78-35: imported"),
        "{out}"
    );
    assert!(
        err.contains("date 2023-12-04 taken from the file name"),
        "{err}"
    );
    // --date still wins, and --quiet silences the note.
    let (code, out, err) = store.run(&[
        "import",
        y2023,
        "--series",
        "other",
        "--date",
        "2023-12-05",
        "--quiet",
    ]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert!(store.ok(&["log"]).contains("other/2023-12-05-a-res-78-35"));
}
fn two_processes_importing_fifty_statements_each_lose_nothing() {
    let store = Sandbox::with_store();
    let dir = store.path().join("incoming");
    std::fs::create_dir(&dir).expect("dir");
    let files: Vec<String> = (0..100)
        .map(|i| {
            let path = dir.join(format!("statement-{i:03}.txt"));
            let text = format!(
                "+++\ndate = \"2024-{:02}-{:02}\"\n+++\n\nStatement {i} was agreed by the parties.\nThey will meet again on day {i}.\n",
                1 + i % 12,
                1 + i % 28
            );
            std::fs::write(&path, text).expect("write");
            path.to_string_lossy().into_owned()
        })
        .collect();
    let spawn = |part: &[String]| {
        let mut cmd = store.cmd();
        cmd.args(["import", "--series", "load"]).args(part);
        cmd.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd.spawn().expect("spawn")
    };
    let (a, b) = (spawn(&files[..50]), spawn(&files[50..]));
    for child in [a, b] {
        let (code, out, err) = output(child.wait_with_output().expect("wait"));
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out.lines().filter(|l| l.contains(": imported")).count(),
            50,
            "{out}"
        );
    }
    assert_eq!(store.git(&["rev-list", "--count", "HEAD"]), "100\n");
    let tree = store.git(&["ls-tree", "-r", "--name-only", "HEAD", "statements/load"]);
    assert_eq!(tree.lines().count(), 100, "every statement is there");
    for i in 0..100 {
        assert!(
            tree.contains(&format!("-statement-{i:03}.txt")),
            "statement {i}"
        );
    }
    let mut fsck = store.command("git");
    fsck.args(["fsck", "--strict", "--no-dangling"]);
    let (code, out, err) = output(fsck.output().expect("git fsck"));
    assert_eq!(code, 0, "git fsck: {out}{err}");
    assert!(
        out.trim().is_empty() && !err.contains("error"),
        "git fsck: {out}{err}"
    );
    assert_eq!(
        store.git(&["status", "--porcelain"]),
        "",
        "clean working tree"
    );
    assert_eq!(store.ok(&["log", "load"]).lines().count(), 100);
}

/// This repository's own `statements/` is a store: the bundled draft and
/// the seed communiqué, by refs.
fn the_project_repository_is_a_store() {
    let (code, log, err) = run(&["log"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].starts_with("d-isis-small-group/2021-03-26-joint-communique-draft "),
        "{log}"
    );
    assert!(
        lines[1].starts_with("d-isis-small-group/2021-03-30-joint-communique "),
        "{log}"
    );
    assert!(lines[1].contains("6 reworded"), "{log}");
    let (code, two, _) = run(&[
        "diff",
        "d-isis-small-group/2021-03-26",
        "d-isis-small-group/2021-03-30",
        "--stat",
    ]);
    assert_eq!(code, 1);
    assert!(two.contains("6 reworded"), "{two}");
    let (code, one, _) = run(&["diff", "d-isis-small-group/2021-03-30", "--stat"]);
    assert_eq!(code, 1);
    assert_eq!(one, two, "one argument: against its predecessor, the draft");
}

/// Issue 16: one file committed by plain git that does not read (UTF-16)
/// is reported once, by path, and `log` and `precedent` go on with the rest.
fn an_unreadable_statement_is_reported_once_and_the_rest_goes_on() {
    let store = Sandbox::with_store();
    let file = store.file("a.txt", "The Ministers met in Rome.\n\nThey agreed.\n");
    store.ok(&["import", &file, "--series", "s", "--date", "2024-01-01"]);
    let bad = "statements/s/2024-02-01-u.txt";
    std::fs::write(store.root().join(bad), b"\xff\xfeT\0h\0e\0.\0\n\0").expect("utf-16");
    store.git(&["add", bad]);
    store.commit_staged("u16");
    for err in listed_with_one_warning(&store, "UTF-16 text; convert it") {
        assert_eq!(err.matches(bad).count(), 1, "the path once: {err}");
    }
    // Named directly, it is an error that names it once.
    let err = store.refused(&["show", bad], "UTF-16");
    assert_eq!(err.matches(bad).count(), 1, "{err}");
}

/// A committed statement larger than 64 MiB (a git blob compresses well: a
/// clone of a few hundred kilobytes) is refused before it is inflated: `log`
/// and `precedent` report it once and go on with the rest.
fn a_committed_statement_too_large_is_left_out_unread() {
    let store = Sandbox::with_store();
    let file = store.file("a.txt", "The Ministers met in Rome.\n\nThey agreed.\n");
    store.ok(&["import", &file, "--series", "s", "--date", "2024-01-01"]);
    let huge = store.file("huge.txt", &"a".repeat((64 << 20) + 1));
    let oid = store.git(&["hash-object", "-w", &huge]);
    let big = "statements/s/2024-02-01-big.txt";
    store.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("100644,{},{big}", oid.trim()),
    ]);
    store.commit_staged("big");
    listed_with_one_warning(&store, &format!("{big} is larger than 64 MiB"));
}

/// A committed statement of more sentences than any statement holds (it
/// is small: 250,001 short lines) is read no further than the ceiling:
/// `log` and `precedent` report it once and go on with the rest.
fn a_committed_statement_of_too_many_sentences_is_left_out() {
    let store = Sandbox::with_store();
    let file = store.file("a.txt", "The Ministers met in Rome.\n\nThey agreed.\n");
    store.ok(&["import", &file, "--series", "s", "--date", "2024-01-01"]);
    let many = "statements/s/2024-02-01-many.txt";
    let text = format!("+++\n+++\n{}", "Ab.\n".repeat(250_001));
    std::fs::write(store.root().join(many), text).expect("statement");
    store.git(&["add", many]);
    store.commit_staged("many");
    for err in listed_with_one_warning(&store, "more than 250000 sentences") {
        assert_eq!(err.matches(many).count(), 1, "the path once: {err}");
        assert!(err.contains("line 250003"), "{err}");
    }
}

/// Issue 18: folders of statements in one run, each folder its series;
/// status lines in file order, one commit per file, and a re-run that finds
/// everything stored.
fn batch_import_of_folders_takes_the_series_from_each_folder() {
    let store = Sandbox::with_store();
    let archive = store.path().join("archive");
    for (series, dates) in [
        ("g7", ["2024-01-01", "2024-02-01", "2024-03-01"]),
        ("nato", ["2023-05-01", "2023-06-01", "2023-07-01"]),
    ] {
        std::fs::create_dir_all(archive.join(series)).expect("folder");
        for (n, date) in dates.iter().enumerate() {
            let text = format!(
                "The {series} Ministers met for the {n}th time.\n\nThey will meet again.\n"
            );
            std::fs::write(archive.join(series).join(format!("{date}-v{n}.txt")), text)
                .expect("file");
        }
    }
    std::fs::write(archive.join("g7/.notes.txt"), "hidden").expect("hidden file");
    std::fs::create_dir(archive.join("g7/old")).expect("subfolder");
    let folders =
        [archive.join("g7"), archive.join("nato")].map(|f| f.to_string_lossy().into_owned());
    let args = [
        "import",
        &folders[0],
        &folders[1],
        "--series-from-folder",
        "--batch-files",
        "2",
    ];
    let (code, out, err) = store.run(&args);
    assert_eq!(code, 0, "{err}");
    // Six files dated from their names: one note, not six.
    assert_eq!(err.matches("note:").count(), 1, "{err}");
    assert!(
        err.contains("6 files were dated from the YYYY-MM-DD their names start with"),
        "{err}"
    );
    let expected = [
        "g7/2024-01-01-v0: imported",
        "g7/2024-02-01-v1: imported",
        "g7/2024-03-01-v2: imported",
        "nato/2023-05-01-v0: imported",
        "nato/2023-06-01-v1: imported",
        "nato/2023-07-01-v2: imported",
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, expected) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(expected),
            "{line} should start with {expected}"
        );
    }
    assert_eq!(store.git(&["rev-list", "--count", "HEAD"]).trim(), "6");
    assert_eq!(store.git(&["status", "--porcelain"]), "");
    // Again: every file is found stored, nothing is committed.
    let again = store.ok(&args);
    assert_eq!(again.matches("unchanged").count(), 6, "{again}");
    assert_eq!(store.git(&["rev-list", "--count", "HEAD"]).trim(), "6");
    // A folder name that is no series is refused, naming the file.
    let bad = store.path().join("Bad Name");
    std::fs::create_dir(&bad).expect("folder");
    std::fs::write(bad.join("2024-01-01-x.txt"), "The Ministers met.\n").expect("file");
    store.refused(
        &["import", &bad.to_string_lossy(), "--series-from-folder"],
        "rename the folder or give --series",
    );
    store.refused(
        &["import", &folders[0], "--series", "g7", "--id", "x"],
        "--id and --title name one statement",
    );
    // A folder with nothing to import, and the batch size out of range, are
    // refused before anything is written.
    let empty = store.path().join("empty");
    std::fs::create_dir(&empty).expect("folder");
    store.refused(
        &["import", &empty.to_string_lossy(), "--series", "g7"],
        "no files to import in this folder",
    );
    for size in ["0", "2049", "many"] {
        store.refused(
            &[
                "import",
                &folders[0],
                "--series",
                "g7",
                "--batch-files",
                size,
            ],
            "--batch-files",
        );
    }
    store.refused(
        &[
            "import",
            &folders[0],
            "--series",
            "g7",
            "--series-from-folder",
        ],
        "--series",
    );
    assert_eq!(store.git(&["rev-list", "--count", "HEAD"]).trim(), "6");
}

/// Runs `log` and `precedent` over a store whose good statement is
/// `s/2024-01-01-a` and one bad one: each lists the good one, exits 0 and
/// warns in one line holding `warning`. Returns each command's stderr.
fn listed_with_one_warning(store: &Sandbox, warning: &str) -> Vec<String> {
    [&["log"][..], &["precedent", "s/2024-01-01-a"][..]]
        .into_iter()
        .map(|args| {
            let (code, out, err) = store.run(args);
            assert_eq!(code, 0, "{args:?}: {err}");
            assert!(out.contains("s/2024-01-01-a"), "{args:?}: {out}");
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains(warning), "{args:?}: {err}");
            err
        })
        .collect()
}

crate::tests![
    batch_import_of_folders_takes_the_series_from_each_folder,
    init_makes_a_store_and_only_adds_what_is_missing,
    import_log_show_history_and_diff_by_refs[Shared],
    identical_text_changes_nothing_and_different_text_needs_revise[Shared],
    authors_come_from_the_flag_the_git_config_or_the_default[Shared],
    import_leaves_the_users_other_changes_alone[Shared],
    refs_without_a_revision_read_the_working_tree_log_reads_head[Shared],
    the_store_is_found_from_a_subfolder_the_environment_or_the_flag[Shared],
    every_refusal_is_one_line_naming_what_to_do[Shared],
    an_undated_statement_takes_the_date_its_file_name_starts_with[Shared],
    two_processes_importing_fifty_statements_each_lose_nothing,
    the_project_repository_is_a_store,
    an_unreadable_statement_is_reported_once_and_the_rest_goes_on,
    a_committed_statement_too_large_is_left_out_unread,
    a_committed_statement_of_too_many_sentences_is_left_out,
];
