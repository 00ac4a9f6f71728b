//! Nothing attacker-controlled reaches a terminal, a report or an
//! annotation raw (issue 16, items 4–7): a sentence file committed by plain
//! git with terminal escapes, C1 controls and bidi overrides in its front
//! matter and body, a commit message and author holding escapes, and file
//! names that are options or carry workflow commands. Every command's
//! output is checked for raw control characters.

use crate::support::Sandbox;
use crate::support::seed::{SEED, WEAKEN_FROM, WEAKEN_TO, edit, seed, team_store, with_base};

/// The hostile statement's path in the team store.
const EVIL: &str = "statements/d-isis-small-group/2021-04-01-evil.txt";
/// Its ref.
const EVIL_REF: &str = "d-isis-small-group/2021-04-01-evil";
const SEED_REF: &str = "d-isis-small-group/2021-03-30-joint-communique";

/// A sentence file as plain git can commit it: escapes in the TOML front
/// matter (`\u001b`) and raw in the body.
fn evil_file() -> String {
    let body = seed()
        .split_once("\n+++\n")
        .expect("front matter")
        .1
        .to_owned();
    let body = edit(&body, WEAKEN_FROM, &format!("\u{1b}[2J{WEAKEN_TO}"));
    let body = edit(
        &body,
        "nearly eight million",
        "nearly 1\u{202E}008\u{202C}\u{9b}31m million",
    );
    format!(
        "+++\ntitle = \"Evil\\u001b]0;PWNED\\u0007 title\\u001b[2J\"\ndate = \"2021-04-01\"\nissuers = [\"\\u009b8m\\u202eMinisters\"]\n\n[extra]\nnote = \"\\u001b[8m\"\n+++\n\u{1b}]0;PWNED\u{7}{body}"
    )
}

/// The team store with the hostile statement committed by plain git, with
/// an escape in the commit message and the author's name.
fn hostile_store() -> Sandbox {
    let (w, _) = team_store();
    w.write(EVIL, &evil_file());
    w.git(&["add", "."]);
    w.git(&[
        "-c",
        "user.name=Eve\u{1b}]0;PWNED\u{7} Smith",
        "-c",
        "user.email=e@example.org",
        "commit",
        "-qm",
        "evil \u{1b}[2J\u{202E}draft",
    ]);
    w
}

/// The raw control and bidi characters in `text`, line breaks apart.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Every ESC in `text` opens a color (SGR) sequence: `ESC [ digits;… m`.
fn only_colors(text: &str) -> bool {
    text.split('\u{1b}').skip(1).all(|rest| {
        rest.strip_prefix('[').is_some_and(|r| {
            let params = r.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            params.is_some_and(|at| r[at..].starts_with('m'))
        })
    }) && raw_controls(&text.replace('\u{1b}', "")).is_empty()
}

fn no_command_prints_the_escapes_of_a_committed_sentence_file_raw() {
    let w = hostile_store();
    let commands: &[&[&str]] = &[
        &["diff", SEED_REF, EVIL_REF],
        &["diff", SEED_REF, EVIL_REF, "--format", "markdown"],
        &["diff", SEED_REF, EVIL_REF, "--format", "html"],
        &["diff", EVIL],
        &["show", EVIL_REF],
        &["show", EVIL_REF, "--numbered"],
        &["show", EVIL_REF, "--commitments"],
        &["log"],
        &["history", EVIL_REF],
        &["trace", EVIL_REF],
        &["trace", EVIL_REF, "--sentence", "1.4"],
        &["precedent", EVIL_REF, "--all"],
        &["check", EVIL, "--against", SEED],
        &["check", EVIL, "--against", SEED, "--format", "github"],
        &["check", EVIL, "--base-rev", "HEAD"],
    ];
    for args in commands {
        let (code, out, err) = w.run(args);
        assert!(code == 0 || code == 1, "{args:?} ({code}): {err}");
        let raw = raw_controls(&format!("{out}{err}"));
        assert!(raw.is_empty(), "{args:?} printed {raw:?} raw:\n{out}{err}");
    }
    // The store's file is read as it was committed, the escapes dropped:
    // nothing of them is left to show.
    let (_, shown, _) = w.run(&["show", EVIL_REF]);
    assert!(shown.contains("title = \"Evil title\"\n"), "{shown}");
    assert!(shown.contains("Ministers"), "{shown}");
    assert!(shown.contains("nearly 1008 million"), "{shown}");
    // The commit message and author are shown escaped.
    let (_, history, _) = w.run(&["history", EVIL_REF]);
    assert!(
        history.contains("Eve\\u{1b}]0;PWNED\\u{7} Smith")
            && history.contains("evil \\u{1b}[2J\\u{202e}draft"),
        "{history}"
    );
    // With color, the only escapes are the report's own colors.
    let (code, out, err) = w.run(&["diff", SEED_REF, EVIL_REF, "--color", "always"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains('\u{1b}'), "colored: {out}");
    assert!(only_colors(&out), "{out:?}");
    let (_, out, _) = w.run(&["trace", EVIL_REF, "--sentence", "1.4", "--color", "always"]);
    assert!(only_colors(&out), "{out:?}");
}

fn the_git_diff_driver_prints_no_escape_raw() {
    let w = hostile_store();
    let (code, _, err) = w.run(&["git", "setup"]);
    assert_eq!(code, 0, "{err}");
    w.write(EVIL, &evil_file().replace("Evil", "Evil\u{1b}[2J again"));
    let diff = w.git(&["diff"]);
    assert!(diff.contains("communique diff a/statements/"), "{diff}");
    assert!(raw_controls(&diff).is_empty(), "{diff:?}");
    let log = w.git(&["log", "-p", "--ext-diff", "-1"]);
    assert!(log.contains("communique diff a/statements/"), "{log}");
    // git prints the commit message itself; the report part is clean.
    let report = log.split_once("communique diff").expect("report").1;
    assert!(raw_controls(report).is_empty(), "{report:?}");
}

fn import_normalizes_controls_and_bidi_overrides_away() {
    let w = with_base();
    let (code, _, err) = w.run(&["init", "store", "-q"]);
    assert_eq!(code, 0, "{err}");
    w.write(
        "evil.md",
        "---\ntitle: \"Evil\\e]0;PWNED\\a \\x9b31m title\"\nsource: \"https://x.example/\\u202e\"\n---\n\nThe budget is \u{1b}[8m1\u{202E}008\u{202C} dollars.\u{1b}]0;x\u{7}\n",
    );
    w.write(
        "evil.txt",
        "The Ministers \u{1b}[2Jcommitted\u{85}to act.\u{7f}\n\nThey \u{2066}will\u{2069} meet\u{1b}(B again.\n",
    );
    for (file, series) in [("evil.md", "a"), ("evil.txt", "b")] {
        let (code, out, err) = w.run(&[
            "--store",
            "store",
            "import",
            file,
            "--series",
            series,
            "--date",
            "2024-01-01",
        ]);
        assert_eq!(code, 0, "{file}: {out}{err}");
    }
    let read = |series: &str| {
        let dir = w.path().join("store/statements").join(series);
        let file = std::fs::read_dir(dir)
            .expect("series folder")
            .next()
            .expect("a file")
            .expect("entry")
            .path();
        std::fs::read_to_string(file).expect("utf-8")
    };
    let md = read("a");
    assert!(raw_controls(&md).is_empty(), "{md:?}");
    assert!(
        md.contains("title = \"Evil") && md.contains("title\"\n"),
        "{md}"
    );
    assert!(!md.contains("PWNED") && !md.contains("31m"), "{md}");
    assert!(md.contains("The budget is 1008 dollars."), "{md}");
    let txt = read("b");
    assert!(raw_controls(&txt).is_empty(), "{txt:?}");
    assert!(txt.contains("The Ministers committed to act."), "{txt}");
    assert!(txt.contains("They will meet again."), "{txt}");
}

fn a_bidi_override_cannot_make_the_redline_lie() {
    let w = with_base();
    w.write("old.txt", "The budget is 100 dollars.\n");
    w.write("new.txt", "The budget is \u{202E}001\u{202C} dollars.\n");
    let (code, out, err) = w.run(&["diff", "old.txt", "new.txt", "--color", "never"]);
    assert_eq!(code, 1, "{err}");
    // The characters as stored, in their logical order: 100 became 001.
    assert!(out.contains("[-100-]{+001+}"), "{out}");
    assert!(raw_controls(&out).is_empty(), "{out:?}");
}

fn the_markdown_report_escapes_every_header_field_and_neutralises_mentions() {
    let w = with_base();
    let front =
        |title: &str, date: &str| format!("+++\ntitle = {title:?}\ndate = {date:?}\n+++\n\n");
    w.write(
        "old.txt",
        &(front("Evil</h1><script>alert(1)</script>", "<b>2021</b>") + "The Ministers met.\n"),
    );
    w.write(
        "b`x.txt",
        &(front("# *Big* [link](http://x)", "2022") + "The Ministers met.\nWe thank @octocat and ping@example.org, see https://evil.example/x and www.evil.example for #12.\n"),
    );
    let (code, md, err) = w.run(&["diff", "old.txt", "b`x.txt", "--format", "markdown"]);
    assert_eq!(code, 1, "{err}");
    assert!(!md.contains("<script>") && !md.contains("<b>"), "{md}");
    assert!(md.contains("Evil\\</h1\\>\\<script\\>"), "{md}");
    assert!(md.contains("\\<b\\>2021\\</b\\>"), "{md}");
    assert!(md.contains("\\# \\*Big\\* \\[link\\](`http://x`)"), "{md}");
    // The file name stays inside its code span.
    assert!(md.contains("| `` b`x.txt `` |"), "{md}");
    // Mentions, e-mail addresses, bare URLs and issue numbers are code.
    for code_span in [
        "`@octocat`",
        "`ping@example.org`",
        "`https://evil.example/x`",
        "`www.evil.example`",
        "`#12`",
    ] {
        assert!(md.contains(code_span), "{code_span}: {md}");
    }
    // A title with a line break cannot start a heading of its own.
    w.write(
        "nl.txt",
        "+++\ntitle = \"T\\n## Injected heading\"\n+++\n\nThe Ministers met.\n",
    );
    let (_, md, _) = w.run(&["diff", "old.txt", "nl.txt", "--format", "markdown"]);
    assert!(!md.lines().any(|l| l.starts_with("## Injected")), "{md}");
}

fn github_annotations_escape_a_file_name_that_holds_workflow_commands() {
    let w = with_base();
    let name = "d\n::add-mask::secret\n::error title=pwned::owned%0A.txt";
    w.write(name, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    let (code, out, err) = w.run(&["check", name, "--against", "base.txt", "--format", "github"]);
    assert_eq!(code, 1, "{err}");
    for line in out.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("communique check: "),
            "{line:?} in {out}"
        );
        assert!(!line.contains("\n::"), "{line}");
    }
    assert!(
        out.contains("communique check: d%0A::add-mask::secret%0A::error title=pwned::owned%250A.txt against base.txt"),
        "{out}"
    );
}

fn the_git_diff_driver_takes_file_names_that_look_like_options() {
    let (w, _) = team_store();
    let (code, _, err) = w.run(&["git", "setup", "--pattern", "*.txt", "--pattern", "-"]);
    assert_eq!(code, 0, "{err}");
    let names = ["--help.txt", "--color=always.txt", "-"];
    for name in names {
        w.write(name, &seed());
    }
    // And a draft the textconv driver reads.
    let page =
        |city: &str| format!("<html><main><p>The Ministers met in {city}.</p></main></html>");
    w.write("--help.html", &page("Rome"));
    w.git(&["add", "."]);
    w.commit_staged("option-like names");
    for name in names {
        w.write(name, &edit(&seed(), WEAKEN_FROM, WEAKEN_TO));
    }
    w.write("--help.html", &page("Paris"));
    let diff = w.git(&["diff"]);
    assert!(diff.contains("\n+The Ministers met in Paris.\n"), "{diff}");
    for name in names {
        assert!(
            diff.contains(&format!("communique diff a/{name} b/{name}\n")),
            "{name}: {diff}"
        );
    }
    assert_eq!(diff.matches("commitment weakened").count(), 3, "{diff}");
    assert!(!diff.contains("Usage:"), "{diff}");
}

/// The note that press-release furniture was left out names the file: a
/// name holding a terminal escape is shown escaped there too (`normalize`
/// and `import` both print it).
fn the_dropped_furniture_note_escapes_the_file_name() {
    let (w, _) = team_store();
    let name = "pr\u{1b}]0;PWNED\u{7}\u{202e}.txt";
    w.write(
        name,
        "Joint Statement\n\nThe following statement was released.\n\nBegin Text\n\nThe parties agree to meet.\n\nText Ends\n",
    );
    for args in [
        &["normalize", name][..],
        &["import", name, "--series", "s", "--date", "2024-01-01"][..],
    ] {
        let (code, _, err) = w.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.contains("left out as press-release furniture"), "{err}");
        assert!(raw_controls(&err).is_empty(), "{args:?}: {err:?}");
        assert!(err.contains(r"pr\u{1b}]0;PWNED\u{7}\u{202e}.txt"), "{err}");
    }
}

crate::tests![
    no_command_prints_the_escapes_of_a_committed_sentence_file_raw,
    the_git_diff_driver_prints_no_escape_raw,
    import_normalizes_controls_and_bidi_overrides_away,
    a_bidi_override_cannot_make_the_redline_lie,
    the_markdown_report_escapes_every_header_field_and_neutralises_mentions,
    github_annotations_escape_a_file_name_that_holds_workflow_commands,
    the_git_diff_driver_takes_file_names_that_look_like_options,
    the_dropped_furniture_note_escapes_the_file_name,
];
