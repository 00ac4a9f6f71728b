//! Imports into a store on a full disk (issue 16): a store on a small tmpfs,
//! the disk filled, then freed a page at a time, so that an import runs out
//! of space at every step it writes (objects, the prepared file, the index,
//! the journal, the branch). Every import must either land whole or fail
//! with one line and leave the store as it was: `git status` clean, `git
//! diff` (what `git commit -a` would commit) empty, no lock or temporary
//! file of ours; and once there is space again, the next import works.
//!
//! Mounting needs root (or a user namespace). Where it is refused the test
//! reports itself **ignored**, with the reason, never passed: this binary
//! has its own harness (`harness = false`) because libtest cannot skip at
//! run time.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "support/mod.rs"]
mod support;

use support::sandbox::{binary, isolate};

const NAME: &str = "full_disk_imports_land_whole_or_not_at_all";

/// The tmpfs size: room for a store and a little more.
const DISK: &str = "size=4m";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("{NAME}: test");
        return;
    }
    if let Some(filter) = args.iter().find(|a| !a.starts_with('-'))
        && !NAME.contains(filter.as_str())
    {
        println!(
            "\nrunning 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 1 filtered out\n"
        );
        return;
    }
    println!("\nrunning 1 test");
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).expect("mount point");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", DISK, "tmpfs"])
        .arg(&disk)
        .output();
    let refused = match &mounted {
        Ok(out) if out.status.success() => None,
        Ok(out) => Some(
            String::from_utf8_lossy(&out.stderr)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Err(e) => Some(format!("mount: {e}")),
    };
    if let Some(why) = refused {
        println!("test {NAME} ... ignored, cannot mount a tmpfs here ({why})");
        eprintln!("notice: {NAME} SKIPPED: a small tmpfs could not be mounted ({why})");
        println!("\ntest result: ok. 0 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out\n");
        return;
    }
    let result = std::panic::catch_unwind(|| run(dir.path(), &disk));
    let _ = Command::new("umount").arg(&disk).status();
    match result {
        Ok(()) => {
            println!("test {NAME} ... ok");
            println!(
                "\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n"
            );
        }
        Err(_) => {
            println!("test {NAME} ... FAILED");
            println!(
                "\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n"
            );
            std::process::exit(101);
        }
    }
}

/// A command isolated from the user's configuration, run in the store.
fn command(work: &Path, program: &str, args: &[&str]) -> Output {
    let mut cmd = Command::new(program);
    isolate(&mut cmd, &work.join("home"));
    cmd.current_dir(work.join("disk/store"))
        .args(args)
        .output()
        .expect("runs")
}

fn communique(work: &Path, args: &[&str]) -> Output {
    command(work, binary(), args)
}

fn git(work: &Path, args: &[&str]) -> String {
    let out = command(work, "git", args);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Statement `n`: about 12 KB of words that compress poorly, so that its
/// objects take several pages.
fn statement(n: u64) -> String {
    let mut state = n.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut text = String::new();
    for sentence in 0..120 {
        text.push_str(&format!("Paragraph {sentence} of statement {n} says"));
        for _ in 0..12 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(&format!(" w{:x}", state % 0xfffff));
        }
        text.push_str(".\n\n");
    }
    text
}

/// Fills the disk with `filler` until no byte more fits.
fn fill(filler: &Path) {
    let mut file = std::fs::File::create(filler).expect("filler");
    for chunk in [65536, 4096, 512, 1] {
        let block = vec![0u8; chunk];
        while file.write_all(&block).is_ok() {}
    }
}

/// Why the store is not as a failed import must leave it, if it is not.
fn unchanged(work: &Path, head: &str) -> Result<(), String> {
    let store = work.join("disk/store");
    let status = git(work, &["status", "--porcelain", "--untracked-files=all"]);
    if !status.is_empty() {
        return Err(format!("git status: {status:?}"));
    }
    for diff in [
        &["diff", "--quiet"][..],
        &["diff", "--cached", "--quiet"][..],
    ] {
        if !command(work, "git", diff).status.success() {
            return Err(format!("git {diff:?} finds a change"));
        }
    }
    if git(work, &["rev-parse", "HEAD"]) != head {
        return Err("HEAD moved".to_owned());
    }
    for leftover in [".git/index.lock", ".git/communique-import"] {
        if store.join(leftover).exists() {
            return Err(format!("{leftover} left behind"));
        }
    }
    Ok(())
}

fn run(work: &Path, disk: &Path) {
    std::fs::create_dir(work.join("home")).expect("home");
    std::fs::create_dir(disk.join("store")).expect("store");
    let out = communique(work, &["init", "-q"]);
    assert!(out.status.success(), "init: {out:?}");
    let files = work.join("files");
    std::fs::create_dir(&files).expect("files");
    let filler: PathBuf = disk.join("filler");
    let import = |n: u64| {
        let file = files.join(format!("s{n}.txt"));
        std::fs::write(&file, statement(n)).expect("input");
        let file = file.to_str().expect("utf-8").to_owned();
        let id = format!("s{n}");
        communique(
            work,
            &[
                "import",
                &file,
                "--series",
                "full",
                "--date",
                "2024-01-01",
                "--id",
                &id,
                "-q",
            ],
        )
    };
    assert!(import(0).status.success(), "the first import");
    let (mut landed, mut refused) = (0, 0);
    // Where the imports ran out of space: each distinct message once.
    let mut reasons = std::collections::BTreeSet::new();
    let mut n = 1;
    fill(&filler);
    let full = std::fs::metadata(&filler).expect("filler").len();
    // Free a page more at each step, refilling after each import that lands.
    for pages in 0..48u64 {
        let free = pages * 4096;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .expect("filler");
        file.set_len(full.saturating_sub(free)).expect("truncate");
        drop(file);
        let head = git(work, &["rev-parse", "HEAD"]);
        let out = import(n);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        match out.status.code() {
            Some(0) => {
                landed += 1;
                n += 1;
                let status = git(work, &["status", "--porcelain"]);
                assert!(status.is_empty(), "{free} bytes free, landed: {status:?}");
            }
            Some(2) => {
                refused += 1;
                let tmp = work.to_string_lossy();
                reasons.insert(err.trim_end().replace(tmp.as_ref(), "…"));
                assert!(
                    err.starts_with("communique: ") && err.lines().count() == 1,
                    "{free} bytes free: not one line: {err:?}"
                );
                assert!(!err.contains("no error"), "{free} bytes free: {err}");
                if let Err(why) = unchanged(work, &head) {
                    panic!("{free} bytes free, after `{}`: {why}", err.trim_end());
                }
            }
            code => panic!("{free} bytes free: exit {code:?}: {err}"),
        }
    }
    std::fs::remove_file(&filler).expect("free the disk");
    let out = import(n);
    assert!(out.status.success(), "after freeing the disk: {out:?}");
    let status = git(work, &["status", "--porcelain", "--untracked-files=all"]);
    assert!(status.is_empty(), "{status:?}");
    let fsck = command(work, "git", &["fsck", "--no-dangling"]);
    assert!(fsck.status.success(), "git fsck: {fsck:?}");
    eprintln!(
        "full disk: {refused} imports refused for want of space, {landed} landed as space was freed; the store stayed consistent; the refusals:"
    );
    for reason in &reasons {
        eprintln!("  {reason}");
    }
    assert!(
        refused > 0 && landed > 0,
        "{refused} refused, {landed} landed"
    );
}
