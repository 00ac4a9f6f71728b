//! Crash consistency of `communique import` (issue 16): the import is killed
//! with SIGKILL at seeded random moments, over new statements and revisions,
//! and after every kill git must show nothing a user could commit by
//! mistake (no staged deletion, no stray file, `git commit -a` changing
//! nothing), and the next import must work and leave the store clean.
//!
//! The one state allowed to differ is an import killed inside its commit
//! point (a journal in `.git/communique-import/`): the working tree and the
//! index then already hold the new text, git sees it as a change not yet
//! committed, and `.git/index.lock` (ours) keeps `git commit` out until the
//! next `communique` command finishes the import. The test counts those.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::Sandbox;

/// The seed of the kill delays; `COMMUNIQUE_CRASH_SEED` replays another.
const SEED: u64 = 0x5eed_0016;

/// Kills that must land while the import runs.
const KILLS: usize = 50;

/// A small xorshift generator: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Draft `draft` of statement `n`: a few short sentences, different per draft.
fn statement(n: usize, draft: usize) -> String {
    format!(
        "The Ministers met for meeting {n} in Rome.\n\n\
         They adopted draft {draft} of the joint text on meeting {n}.\n\n\
         They will meet again after draft {draft}.\n"
    )
}

/// `import` of draft `draft` of statement `n` (with `--revise` after the first).
fn import_args(store: &Sandbox, n: usize, draft: usize) -> Vec<String> {
    let file = store.file(&format!("s{n}-d{draft}.txt"), &statement(n, draft));
    let mut args = vec![
        "import".to_owned(),
        file,
        "--series".to_owned(),
        "crash".to_owned(),
        "--date".to_owned(),
        "2024-01-01".to_owned(),
        "--id".to_owned(),
        format!("s{n}"),
        "-q".to_owned(),
    ];
    if draft > 0 {
        args.push("--revise".to_owned());
    }
    args
}

/// `git status --porcelain` with every untracked file listed.
fn status(store: &Sandbox) -> String {
    store.git(&["status", "--porcelain", "--untracked-files=all"])
}

/// Whether `git diff` (with `args`) finds a difference: what `git commit -a`
/// would commit.
fn differs(store: &Sandbox, args: &[&str]) -> bool {
    let mut cmd = store.command("git");
    cmd.args(["diff", "--quiet"]).args(args);
    !cmd.status().expect("git runs").success()
}

/// What git shows right after a kill, or why it is wrong. `in_commit_point`:
/// the journal was there.
fn after_kill(store: &Sandbox, in_commit_point: bool) -> Result<(), String> {
    let status = status(store);
    for line in status.lines() {
        let code = line.get(..2).unwrap_or(line);
        if code.contains('D') {
            return Err(format!("a deletion: {status:?}"));
        }
        if !in_commit_point {
            return Err(format!("git status is not clean: {status:?}"));
        }
        if !line[3..].starts_with("statements/crash/2024-01-01-s") || line.contains(".tmp") {
            return Err(format!("a stray file: {status:?}"));
        }
    }
    if !in_commit_point && (differs(store, &["--cached"]) || differs(store, &[])) {
        return Err("`git commit -a` would commit something".to_owned());
    }
    Ok(())
}

/// The store after a completed import: clean, no lock or temporary file of
/// ours, and every statement HEAD holds in the working tree as committed.
fn settled(store: &Sandbox, statements: usize) -> Result<(), String> {
    let status = status(store);
    if !status.is_empty() {
        return Err(format!("git status is not clean: {status:?}"));
    }
    if differs(store, &["HEAD"]) {
        return Err("the working tree differs from HEAD".to_owned());
    }
    let git_dir = store.root().join(".git");
    for leftover in ["index.lock", "communique-import"] {
        if git_dir.join(leftover).exists() {
            return Err(format!(".git/{leftover} was left behind"));
        }
    }
    let tracked = store.git(&["ls-tree", "-r", "--name-only", "HEAD", "statements/crash"]);
    if tracked.lines().count() != statements {
        return Err(format!(
            "HEAD holds {tracked:?}, not {statements} statements"
        ));
    }
    Ok(())
}

/// How long an uninterrupted import takes here, for the range of delays.
fn import_time(store: &Sandbox) -> Duration {
    let start = Instant::now();
    let args = import_args(store, 0, 0);
    let (code, _, err) = store.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    start.elapsed()
}

/// Checks that HEAD holds draft `draft` of statement `n` (after run `runs`).
fn assert_at_draft(store: &Sandbox, runs: usize, n: usize, draft: usize) {
    let committed = store.git(&[
        "show",
        &format!("HEAD:statements/crash/2024-01-01-s{n}.txt"),
    ]);
    assert!(
        committed.contains(&format!("draft {draft} of the joint text")),
        "run {runs}: statement {n} should be at draft {draft}: {committed}"
    );
}

/// The seed of the kill delays: `COMMUNIQUE_CRASH_SEED`, else [`SEED`].
fn seed() -> u64 {
    std::env::var("COMMUNIQUE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

/// Runs communique with `args` and kills it (SIGKILL) after a random delay
/// of up to 1.2 × `took`: (whether the kill landed before it ended,
/// whether it left a journal, i.e. was inside a commit point).
fn run_and_kill<S: AsRef<std::ffi::OsStr>>(
    store: &Sandbox,
    args: &[S],
    took: Duration,
    rng: &mut Rng,
) -> (bool, bool) {
    let mut child = store
        .cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("communique runs");
    let delay = took.as_micros() as u64 * 6 / 5;
    std::thread::sleep(Duration::from_micros(rng.below(delay)));
    let _ = child.kill();
    let status = child.wait().expect("waits");
    let journal = store.root().join(".git/communique-import/journal");
    (status.code().is_none(), journal.exists())
}

fn imports_killed_at_random_moments_lose_nothing() {
    let seed = seed();
    let mut rng = Rng(seed | 1);
    let store = Sandbox::with_store();
    let took = import_time(&store);
    // Statement 0 is in; drafts[n] is the draft of statement n in HEAD.
    let mut drafts = vec![0usize];
    let (mut kills, mut finished, mut in_commit_point, mut runs) = (0, 0, 0, 0);
    while kills < KILLS {
        runs += 1;
        assert!(runs < 400, "only {kills} of {runs} kills landed mid-import");
        // One run in three revises a statement, the others add one.
        let (n, draft) = if rng.below(3) == 0 {
            let n = rng.below(drafts.len() as u64) as usize;
            (n, drafts[n] + 1)
        } else {
            (drafts.len(), 0)
        };
        let args = import_args(&store, n, draft);
        let (killed, mid_commit) = run_and_kill(&store, &args, took, &mut rng);
        if killed {
            kills += 1;
        } else {
            finished += 1;
        }
        in_commit_point += usize::from(mid_commit);
        if let Err(why) = after_kill(&store, mid_commit) {
            panic!("run {runs} (seed {seed}, statement {n} draft {draft}), after the kill: {why}");
        }
        // The next import works, whatever the kill left.
        let (code, _, err) = store.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(code, 0, "run {runs}: the import after the kill: {err}");
        if n == drafts.len() {
            drafts.push(0);
        } else {
            drafts[n] = draft;
        }
        if let Err(why) = settled(&store, drafts.len()) {
            panic!("run {runs} (seed {seed}), after the next import: {why}");
        }
        assert_at_draft(&store, runs, n, draft);
    }
    eprintln!(
        "crash consistency: seed {seed}, {runs} imports, {kills} killed mid-run ({in_commit_point} inside the commit point, finished by the next import), {finished} finished before the kill; import takes {took:?}"
    );
    assert!(Path::new(&store.root()).join("statements/crash").is_dir());
}

/// Kills that must land while a batch import runs.
const BATCH_KILLS: usize = 25;

/// Files in each batch import's folder: new statements and revisions.
const BATCH_NEW: usize = 8;
const BATCH_REVISED: usize = 4;

/// A folder of drafts for `import FOLDER --revise --batch-files 3`: the
/// first draft of `BATCH_NEW` new statements, the next draft of
/// `BATCH_REVISED` existing ones (each named `s<n>.txt`, so its id is
/// `2024-01-01-s<n>`). Returns the folder and the drafts once it is in.
fn batch_folder(
    store: &Sandbox,
    round: usize,
    drafts: &[usize],
    rng: &mut Rng,
) -> (String, Vec<usize>) {
    let folder = store.path().join(format!("round-{round}"));
    std::fs::create_dir(&folder).expect("folder");
    let mut after = drafts.to_vec();
    for _ in 0..BATCH_REVISED.min(drafts.len()) {
        let n = rng.below(drafts.len() as u64) as usize;
        after[n] = drafts[n] + 1;
    }
    for (n, draft) in after.iter().enumerate() {
        if *draft != drafts[n] {
            std::fs::write(folder.join(format!("s{n}.txt")), statement(n, *draft)).expect("draft");
        }
    }
    for n in drafts.len()..drafts.len() + BATCH_NEW {
        std::fs::write(folder.join(format!("s{n}.txt")), statement(n, 0)).expect("draft");
        after.push(0);
    }
    (folder.to_string_lossy().into_owned(), after)
}

fn batch_import_args(folder: &str) -> Vec<String> {
    [
        "import",
        folder,
        "--series",
        "crash",
        "--date",
        "2024-01-01",
        "--revise",
        "--batch-files",
        "3",
        "-q",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Issue 18: a folder imported in batches, killed at random moments, leaves
/// the store as it was before a batch or after it, as git sees it; running
/// the same command again skips what landed and finishes the rest.
fn batch_imports_killed_at_random_moments_resume() {
    let seed = seed();
    let mut rng = Rng(seed | 1);
    let store = Sandbox::with_store();
    let (mut drafts, mut took) = (Vec::new(), Duration::ZERO);
    let (mut kills, mut in_commit_point, mut runs) = (0, 0, 0);
    while kills < BATCH_KILLS {
        runs += 1;
        assert!(runs < 200, "only {kills} of {runs} kills landed mid-import");
        let (folder, after) = batch_folder(&store, runs, &drafts, &mut rng);
        let args = batch_import_args(&folder);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if runs > 1 {
            let (killed, mid_commit) = run_and_kill(&store, &args, took, &mut rng);
            kills += usize::from(killed);
            in_commit_point += usize::from(mid_commit);
            if let Err(why) = after_kill(&store, mid_commit) {
                panic!("run {runs} (seed {seed}), after the kill: {why}");
            }
        }
        // The same command again finishes the import, whatever the kill left.
        let start = Instant::now();
        let (code, _, err) = store.run(&args);
        if runs == 1 {
            took = start.elapsed();
        }
        assert_eq!(code, 0, "run {runs}: the import after the kill: {err}");
        if let Err(why) = settled(&store, after.len()) {
            panic!("run {runs} (seed {seed}), after the next import: {why}");
        }
        // Every statement is at the draft the folder holds of it: those the
        // folder revised, and those it left alone.
        for (n, draft) in after.iter().enumerate() {
            assert_at_draft(&store, runs, n, *draft);
        }
        drafts = after;
    }
    // Each revision is a commit of its own: history lists every draft.
    let log = store.git(&[
        "log",
        "--format=%s",
        "--",
        "statements/crash/2024-01-01-s0.txt",
    ]);
    assert_eq!(log.lines().count(), drafts[0] + 1, "{log}");
    eprintln!(
        "batch crash consistency: seed {seed}, {runs} imports, {kills} killed mid-run ({in_commit_point} inside a commit point), {} statements; an import takes {took:?}",
        drafts.len()
    );
}

fn importing_text_in_head_but_missing_from_the_working_tree_restores_it() {
    let store = Sandbox::with_store();
    let args = import_args(&store, 1, 0);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    store.ok(&args);
    let path = "statements/crash/2024-01-01-s1.txt";
    let committed = std::fs::read_to_string(store.root().join(path)).expect("imported");
    // What an interrupted import of an earlier version left: HEAD holds
    // the file, the working tree and the index do not.
    store.git(&["rm", "-q", "--cached", path]);
    std::fs::remove_file(store.root().join(path)).expect("remove");
    let (code, out, err) = store.run(&args[..args.len() - 1]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("restored"), "{out}");
    assert_eq!(
        std::fs::read_to_string(store.root().join(path)).expect("restored"),
        committed
    );
    assert_eq!(status(&store), "");
}

fn a_symlinked_statements_folder_is_refused() {
    let store = Sandbox::with_store();
    let outside = store.root().with_file_name("outside");
    std::fs::create_dir(&outside).expect("folder");
    std::fs::remove_dir(store.root().join("statements")).expect("empty folder");
    std::os::unix::fs::symlink(&outside, store.root().join("statements")).expect("symlink");
    let args = import_args(&store, 1, 0);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    store.refused(&args, "statements is a symbolic link");
    assert_eq!(std::fs::read_dir(&outside).expect("outside").count(), 0);
}

fn a_committed_symlink_is_no_statement() {
    let store = Sandbox::with_store();
    let args = import_args(&store, 1, 0);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    store.ok(&args);
    std::os::unix::fs::symlink(
        "/etc/hostname",
        store.root().join("statements/crash/2024-02-01-link.txt"),
    )
    .expect("symlink");
    store.git(&["add", "statements"]);
    store.commit_staged("link");
    let log = store.ok(&["log"]);
    assert!(log.contains("crash/2024-01-01-s1"), "{log}");
    assert!(!log.contains("link"), "{log}");
    store.refused(&["show", "crash/2024-02-01-link"], "2024-02-01-link");
}

crate::tests![
    imports_killed_at_random_moments_lose_nothing,
    batch_imports_killed_at_random_moments_resume,
    importing_text_in_head_but_missing_from_the_working_tree_restores_it,
    a_symlinked_statements_folder_is_refused,
    a_committed_symlink_is_no_statement,
];
