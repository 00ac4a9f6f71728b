//! `communique git setup` (issue 7) in temporary repositories with git
//! isolated from the user's configuration: plain `git diff` shows the
//! sentence report, setup is idempotent, `--uninstall` restores plain diffs.

use crate::support::seed::{WEAKEN_FROM, WEAKEN_TO, edit, seed, team_store};
use crate::support::{Sandbox, output};

/// Runs `program` in the work folder with the global git config at
/// `home/.gitconfig` instead of nowhere.
fn run_global(w: &Sandbox, program: &str, args: &[&str]) -> (i32, String, String) {
    let mut cmd = w.command(program);
    cmd.env("GIT_CONFIG_GLOBAL", w.path().join("home/.gitconfig"));
    output(cmd.args(args).output().expect("runs"))
}

fn is_sentence_report(diff: &str) -> bool {
    diff.contains("communique diff a/statements/")
        && diff.contains("reworded")
        && !diff.lines().any(|l| l.starts_with("@@ "))
}

fn after_setup_git_diff_shows_the_sentence_report() {
    let (w, path) = team_store();
    let (code, out, err) = w.run(&["git", "setup"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("set diff.communique.command = "), "{out}");
    assert!(
        out.contains("added `statements/** diff=communique` to "),
        "{out}"
    );
    assert!(out.contains("diff.communique-docx.textconv"), "{out}");
    assert_eq!(out.lines().count(), 6, "{out}");
    // Twice changes nothing.
    assert_eq!(w.run(&["git", "setup"]), (0, String::new(), String::new()));

    w.write(&path, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let diff = w.git(&["diff"]);
    assert!(is_sentence_report(&diff), "{diff}");
    assert!(diff.contains("weakened"), "{diff}");
    // `git log -p --ext-diff` shows it for each commit.
    w.git(&["add", "."]);
    w.commit_staged("weaker");
    let log = w.git(&["log", "-p", "--ext-diff", "-1", "--", &path]);
    assert!(is_sentence_report(&log), "{log}");

    // Uninstall restores plain diffs, and twice changes nothing.
    w.write(&path, &seed());
    let (code, out, _) = w.run(&["git", "setup", "--uninstall"]);
    assert_eq!(code, 0);
    assert!(out.contains("removed diff.communique.command"), "{out}");
    assert_eq!(
        w.run(&["git", "setup", "--uninstall"]),
        (0, String::new(), String::new())
    );
    let diff = w.git(&["diff"]);
    assert!(!is_sentence_report(&diff), "{diff}");
    assert!(diff.lines().any(|l| l.starts_with("@@ ")), "{diff}");
    assert!(
        diff.lines()
            .any(|l| l.starts_with("-The Ministers, recalling")),
        "{diff}"
    );
    assert!(!w.path().join(".gitattributes").exists());
}

fn html_drafts_diff_as_sentence_files_and_patterns_are_configurable() {
    let (w, _) = team_store();
    let (code, out, _) = w.run(&["git", "setup", "--pattern", "drafts/**"]);
    assert_eq!(code, 0);
    assert!(out.contains("added `drafts/** diff=communique`"), "{out}");
    let page = |verb: &str| {
        format!(
            "<!doctype html><html><body><main><p>The Ministers <b>{verb}</b> to act.</p><p>They met in Rome.</p></main></body></html>"
        )
    };
    w.write("page.html", &page("committed"));
    w.write(
        "drafts/a.txt",
        "The Ministers committed to act.\n\nThey met in Rome.\n",
    );
    w.git(&["add", "."]);
    w.commit_staged("drafts");
    w.write("page.html", &page("intend"));
    w.write(
        "drafts/a.txt",
        "The Ministers intend to act.\n\nThey met in Rome.\n",
    );
    let diff = w.git(&["diff", "--", "page.html"]);
    assert!(diff.contains("-The Ministers committed to act."), "{diff}");
    assert!(diff.contains("+The Ministers intend to act."), "{diff}");
    assert!(!diff.contains("<b>"), "{diff}");
    let diff = w.git(&["diff", "--", "drafts/a.txt"]);
    assert!(
        diff.contains("communique diff a/drafts/a.txt b/drafts/a.txt"),
        "{diff}"
    );
}

fn global_setup_configures_every_repository() {
    let (w, path) = team_store();
    let bin = crate::support::sandbox::binary();
    let (code, out, err) = run_global(&w, bin, &["git", "setup", "--global"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(".gitconfig") || out.contains("diff.communique.command"),
        "{out}"
    );
    assert!(
        w.path().join("home/.config/git/attributes").is_file(),
        "{out}"
    );
    assert!(!w.path().join(".gitattributes").exists());
    w.write(&path, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (_, diff, _) = run_global(&w, "git", &["diff"]);
    assert!(is_sentence_report(&diff), "{diff}");
    let (_, out, _) = run_global(&w, bin, &["git", "setup", "--global", "--uninstall"]);
    assert!(out.contains("removed"), "{out}");
    let (_, diff, _) = run_global(&w, "git", &["diff"]);
    assert!(!is_sentence_report(&diff), "{diff}");
}

/// The driver always exits 0 (git stops at a driver that fails): a side it
/// cannot read gets one line after the header, the path escaped in both.
fn the_driver_says_what_it_cannot_read_and_exits_0() {
    let w = Sandbox::new();
    let bad = w.file("utf16.txt", "");
    std::fs::write(&bad, b"\xff\xfe\x00").expect("writes");
    let path = "statements/a\u{1b}b.txt";
    let (code, out, err) = w.run(&[
        "git",
        "diff-driver",
        path,
        &bad,
        "0",
        "100644",
        &bad,
        "1",
        "100644",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(
        lines[0],
        "communique diff a/statements/a\\u{1b}b.txt b/statements/a\\u{1b}b.txt"
    );
    assert!(
        lines[1].starts_with("communique: cannot read statements/a\\u{1b}b.txt: "),
        "{out}"
    );
    assert!(lines[1].contains("UTF-16"), "{out}");
}

crate::tests![
    the_driver_says_what_it_cannot_read_and_exits_0,
    after_setup_git_diff_shows_the_sentence_report,
    html_drafts_diff_as_sentence_files_and_patterns_are_configurable,
    global_setup_configures_every_repository,
];
