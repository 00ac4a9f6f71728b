//! Issue 8: configuration files and their precedence, `communique config`,
//! completions, man pages, progress and `--quiet`, and docs/guide.md run
//! command by command so that the guide cannot drift from the tool.
//!
//! Every test runs in a temporary folder with its own home, git isolated
//! from the user's configuration (`GIT_CONFIG_GLOBAL=/dev/null`,
//! `GIT_CONFIG_NOSYSTEM=1`), and no `COMMUNIQUE_*` variable of the caller.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::harness::shared_dir;
use crate::support::sandbox::binary;
use crate::support::{Sandbox, repo};

const DRAFT: &str = "statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt";
const FINAL: &str = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";

/// The user file's path (`~/.config/communique/config.toml`).
fn user_file(s: &Sandbox) -> PathBuf {
    s.home().join(".config/communique/config.toml")
}

/// `diff` of the bundled pair, run in the store, with `extra` flags.
fn diff(s: &Sandbox, extra: &[&str]) -> String {
    let draft = repo().join(DRAFT);
    let fin = repo().join(FINAL);
    let mut args = vec![
        "diff",
        draft.to_str().expect("utf-8"),
        fin.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = s.run(&args);
    assert_eq!(code, 1, "{args:?}: {err}");
    out
}

fn is_json(report: &str) -> bool {
    report.starts_with('{')
}

fn is_markdown(report: &str) -> bool {
    report.starts_with("# Changes:")
}

fn is_terminal(report: &str) -> bool {
    report.starts_with("--- ")
}

fn flags_win_over_the_store_file_which_wins_over_the_user_file() {
    let s = Sandbox::with_store();
    assert!(is_terminal(&diff(&s, &[])), "built-in default");

    s.write(&user_file(&s), "[defaults]\nformat = \"markdown\"\n");
    assert!(is_markdown(&diff(&s, &[])), "user file over the default");

    s.write(
        &s.root().join("communique.toml"),
        "[check]\nanything = \"is left to communique check\"\n\n[defaults]\nformat = \"json\"\n",
    );
    assert!(is_json(&diff(&s, &[])), "store file over user file");
    assert!(
        is_terminal(&diff(&s, &["--format", "terminal"])),
        "flag over store file"
    );

    // Outside the store only the user file applies.
    let (code, out, err) = s.run_in(
        &s.home(),
        &[
            "diff",
            &repo().join(DRAFT).to_string_lossy(),
            &repo().join(FINAL).to_string_lossy(),
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(is_markdown(&out), "{out}");

    // COMMUNIQUE_CONFIG names the user file.
    let other = s.home().join("other.toml");
    let diff_with_user_file = |text: &str| -> String {
        s.write(&other, text);
        let out = s
            .cmd()
            .current_dir(s.home())
            .env("COMMUNIQUE_CONFIG", &other)
            .args([
                "diff",
                &repo().join(DRAFT).to_string_lossy(),
                &repo().join(FINAL).to_string_lossy(),
            ])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(is_json(&diff_with_user_file(
        "[defaults]\nformat = \"json\"\n"
    )));
    // Every report format is a valid default, html included.
    assert!(diff_with_user_file("[defaults]\nformat = \"html\"\n").starts_with("<!DOCTYPE html>"));
}

fn context_threshold_and_lexicon_come_from_the_files() {
    let s = Sandbox::with_store();
    let plain = diff(&s, &[]);
    s.write(
        &s.root().join("communique.toml"),
        "[defaults]\ncontext = 1\nthreshold = 0.99\nlexicon = \"lexicon.toml\"\n",
    );
    s.write(&s.root().join("lexicon.toml"), "replace = false\n");
    let configured = diff(&s, &[]);
    assert_ne!(plain, configured);
    assert_eq!(configured, diff(&s, &["-C", "1", "--threshold", "0.99"]));
    // A flag's lexicon wins; a bad configured lexicon is reported by path.
    s.write(&s.root().join("lexicon.toml"), "this is not = = toml\n");
    let (code, _, err) = s.run(&[
        "diff",
        &repo().join(DRAFT).to_string_lossy(),
        &repo().join(FINAL).to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("lexicon.toml"), "{err}");
}

fn config_prints_each_value_and_its_origin() {
    let s = Sandbox::with_store();
    s.write(
        &user_file(&s),
        "[defaults]\nformat = \"markdown\"\ncontext = 3\n",
    );
    s.write(
        &s.root().join("communique.toml"),
        "# shared by the drafting team\n[defaults]\ncontext = 1\nlexicon = \"lexicon.toml\"\n\n[check]\nx = 1\n",
    );
    let (code, out, err) = s.run(&["--color", "never", "config"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "\
# Effective configuration: flags > store file > user file > built-in defaults.
# store file communique.toml
# user file  ~/.config/communique/config.toml
[defaults]
format = \"markdown\"          # user file ~/.config/communique/config.toml:2
color = \"never\"              # flag --color
context = 1                  # store file communique.toml:3
threshold = 0.5              # built-in default
lexicon = \"lexicon.toml\"     # store file communique.toml:4
# policy: not set
"
    );
}

fn config_outside_a_store_says_so() {
    let s = Sandbox::new();
    let (code, out, err) = s.run_in(&s.home(), &["config"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("# store file none (not in a store)\n"),
        "{out}"
    );
    assert!(
        out.contains("# user file  ~/.config/communique/config.toml (not found)\n"),
        "{out}"
    );
}

fn a_bad_key_is_an_error_naming_file_line_and_key() {
    let s = Sandbox::with_store();
    let file = s.root().join("communique.toml");
    s.write(
        &file,
        "[check]\nrule = 1\n\n[defaults]\ncontext = 1\ncolour = \"never\"\n",
    );
    for args in [&["config"][..], &["log"][..]] {
        let (code, out, err) = s.run(args);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert_eq!(
            err,
            format!(
                "communique: {}:6: unknown key defaults.colour; the keys of [defaults] are format, color, context, threshold, lexicon, policy\n",
                file.display()
            )
        );
    }
    // A bad value, in the user file.
    std::fs::remove_file(&file).expect("remove");
    s.write(&user_file(&s), "[defaults]\nthreshold = 2\n");
    let (code, _, err) = s.run(&["config"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "communique: {}:2: bad value for defaults.threshold; expected a number from 0 to 1, such as 0.5\n",
            user_file(&s).display()
        )
    );
}

fn completions_for_every_shell_name_the_commands() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, err) = s.run_in(&s.home(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        for word in [
            "communique",
            "normalize",
            "import",
            "diff",
            "config",
            "threshold",
        ] {
            assert!(out.contains(word), "{shell} completions mention {word}");
        }
    }
    let (code, _, err) = s.run_in(&s.home(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}

/// Renders roff with the first checker found: `mandoc -T lint`, else
/// `groff -man -ww -z`. Returns the warnings, or `None` when neither is
/// installed (a failure under CI, whose .ci/run installs groff-base).
fn roff_warnings(page: &str) -> Option<String> {
    let checkers: [(&str, &[&str]); 2] = [
        ("mandoc", &["-T", "lint", "-W", "warning"]),
        ("groff", &["-man", "-ww", "-z"]),
    ];
    for (program, args) in checkers {
        let Ok(mut child) = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        else {
            continue;
        };
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(page.as_bytes())
            .expect("writes the page");
        let out = child.wait_with_output().expect("checker runs");
        return Some(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("neither mandoc nor groff is installed, and CI=true requires one");
    }
    eprintln!("notice: neither mandoc nor groff is installed; checking the roff's shape only");
    None
}

fn man_pages_render_without_warnings() {
    let s = Sandbox::new();
    let commands = [
        "",
        "normalize",
        "init",
        "import",
        "log",
        "diff",
        "show",
        "history",
        "trace",
        "precedent",
        "config",
        "completions",
        "man",
    ];
    for command in commands {
        let args: Vec<&str> = std::iter::once("man")
            .chain((!command.is_empty()).then_some(command))
            .collect();
        let (code, page, err) = s.run_in(&s.home(), &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            page.starts_with(".ie \\n(.g") || page.contains("\n.TH "),
            "{page}"
        );
        assert!(page.contains(".SH NAME"), "{args:?}");
        assert!(
            page.is_ascii(),
            "{args:?}: non-ASCII characters are escaped"
        );
        for line in page.lines().filter(|l| l.starts_with('.')) {
            let mac = line[1..].split_whitespace().next().unwrap_or("");
            assert!(
                mac.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '\\' || c == '(' || c == '.'),
                "{args:?}: odd request {line:?}"
            );
        }
        if let Some(warnings) = roff_warnings(&page) {
            assert_eq!(warnings, "", "{args:?}: the page renders without warnings");
        }
    }
    let (code, _, err) = s.run_in(&s.home(), &["man", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the commands are normalize, init, import"),
        "{err}"
    );
}

fn help_lists_commands_in_newcomer_order_and_every_command_has_examples() {
    let s = Sandbox::new();
    let (_, help, _) = s.run_in(&s.home(), &["--help"]);
    let order = [
        "normalize",
        "init",
        "import",
        "log",
        "diff",
        "show",
        "history",
        "trace",
        "precedent",
        "config",
        "completions",
        "man",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|c| {
            help.find(&format!("\n  {c} "))
                .unwrap_or_else(|| panic!("{c} listed"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{help}");
    for command in order {
        let (code, help, _) = s.run_in(&s.home(), &[command, "--help"]);
        assert_eq!(code, 0);
        let summary = help.lines().next().unwrap_or("");
        assert!(
            summary.len() <= 80 && !summary.is_empty(),
            "{command}: {summary}"
        );
        let examples = help
            .split("Examples")
            .nth(1)
            .unwrap_or_else(|| panic!("{command} --help has examples"));
        let count = examples
            .lines()
            .filter(|l| l.trim_start().starts_with("communique "))
            .count();
        assert!(count >= 2, "{command}: {count} examples");
    }
}

fn no_progress_or_notes_when_stderr_is_not_a_terminal_and_quiet_says_nothing() {
    let shared = shared_dir();
    let s = Sandbox::with_store();
    let series = shared.join("corpus/unga-tpnw");
    let files = ["2023-12-04-a-res-78-35.txt", "2024-12-02-a-res-79-38.txt"];
    for (i, name) in files.iter().enumerate() {
        let path = series.join(name);
        let path = path.to_string_lossy();
        let quiet: &[&str] = if i == 0 { &[] } else { &["--quiet"] };
        let mut args = vec![
            "import",
            &path,
            "--series",
            "unga-tpnw",
            "--date",
            &name[..10],
        ];
        args.extend_from_slice(quiet);
        let (code, out, err) = s.run(&args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(err, "", "no progress on a pipe");
        assert_eq!(
            out.is_empty(),
            i == 1,
            "--quiet drops status lines: {out:?}"
        );
    }
    // Many files at once, and a log over them: stderr stays empty.
    let many: Vec<String> = ["2025-10-10-a-c-1-80-l-18.txt"]
        .iter()
        .map(|n| series.join(n).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["import", "--series", "unga-tpnw", "--date", "2025-10-10"];
    args.extend(many.iter().map(String::as_str));
    let (code, _, err) = s.run(&args);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, out, err) = s.run(&["log"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out.lines().count(), 3);
    let (code, out, err) = s.run(&["-q", "log"]);
    assert_eq!((code, err.as_str(), out.lines().count()), (0, "", 3));
    let (code, out, _) = s.run_in(&s.home(), &["init", "--quiet", "other"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

// ---------------------------------------------------------------------------
// docs/guide.md, run command by command.

/// One `$ command` of the guide and the output pasted under it.
#[derive(Debug)]
struct Step {
    /// The guide's line of the command, for messages.
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The `console` blocks of a Markdown file as steps: a line starting with
/// `$ ` is a command (a here-document runs on to its terminator), the lines
/// below it up to the next command are its output.
fn steps(guide: &str) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut in_block = false;
    let mut heredoc: Option<String> = None;
    for (i, line) in guide.lines().enumerate() {
        if !in_block {
            in_block = line.trim_end() == "```console";
            continue;
        }
        if let Some(end) = &heredoc {
            let step = out.last_mut().expect("a here-document follows its command");
            step.command.push('\n');
            step.command.push_str(line);
            if line == end {
                heredoc = None;
            }
            continue;
        }
        if line.starts_with("```") {
            in_block = false;
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            if let Some(at) = command.find("<<'") {
                let rest = &command[at + 3..];
                heredoc = rest.find('\'').map(|e| rest[..e].to_owned());
            }
            out.push(Step {
                line: i + 1,
                command: command.to_owned(),
                expected: Vec::new(),
            });
        } else if let Some(step) = out.last_mut() {
            step.expected.push(line.to_owned());
        }
    }
    out
}

/// Output with what changes from run to run masked: the sandbox's home
/// (shown as /home/you), 12-digit commit hashes, commit times.
fn mask(text: &str, home: &Path) -> Vec<String> {
    let text = text.replace(&home.to_string_lossy().into_owned(), "/home/you");
    text.lines()
        .map(|line| mask_line(line.trim_end()))
        .collect()
}

fn mask_line(line: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let hash = word.len() == 12
            && word
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase());
        out.push_str(if hash { "<hash>" } else { word });
        word.clear();
    };
    for c in line.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    mask_time(&out)
}

/// `2021-03-30 14:05 +0200` (a commit's time, as `history` prints it) →
/// `<time>`.
fn mask_time(line: &str) -> String {
    let bytes = line.as_bytes();
    let shape = b"dddd-dd-dd dd:dd sdddd";
    let fits = |at: usize| {
        shape.iter().enumerate().all(|(k, &s)| {
            bytes.get(at + k).is_some_and(|&b| match s {
                b'd' => b.is_ascii_digit(),
                b's' => b == b'+' || b == b'-',
                other => b == other,
            })
        })
    };
    match (0..bytes.len()).find(|&at| fits(at)) {
        Some(at) => format!("{}<time>{}", &line[..at], &line[at + shape.len()..]),
        None => line.to_owned(),
    }
}

/// Whether `actual` is what the guide shows: equal, or, when the guide's
/// output ends with a line `…`, starting with the lines before it.
fn matches(expected: &[String], actual: &[String]) -> bool {
    let trim = |lines: &[String]| -> usize {
        lines.len() - lines.iter().rev().take_while(|l| l.is_empty()).count()
    };
    let (expected, actual) = (&expected[..trim(expected)], &actual[..trim(actual)]);
    match expected.split_last() {
        Some((last, head)) if last == "…" => actual.starts_with(head),
        _ => expected == actual,
    }
}

fn every_command_of_the_guide_runs_and_prints_what_the_guide_shows() {
    let shared = shared_dir();
    let guide_path = repo().join("docs/guide.md");
    let guide = std::fs::read_to_string(&guide_path).expect("docs/guide.md");
    let steps = steps(&guide);
    assert!(steps.len() >= 20, "the guide has {} commands", steps.len());

    // ~/work holds a clone of communique and the shared corpus, as the
    // guide says.
    let s = Sandbox::new();
    let work = s.home().join("work");
    std::fs::create_dir(&work).expect("work");
    std::os::unix::fs::symlink(repo(), work.join("communique")).expect("link the clone");
    std::os::unix::fs::symlink(&shared, work.join("shared")).expect("link shared");
    let bin_dir = Path::new(binary()).parent().expect("bin dir").to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");

    let update = std::env::var_os("UPDATE_GUIDE").is_some();
    let mut updated = guide.lines().map(str::to_owned).collect::<Vec<_>>();
    let mut edits: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut cwd = s.home();
    let mut failures = Vec::new();
    for step in &steps {
        let mut cmd = s.command("bash");
        cmd.current_dir(&cwd)
            .env("PATH", &path)
            .env("COLUMNS", "100")
            .arg("-c")
            .arg(format!(
                "exec 2>&1\n{}\nstatus=$?\necho \"<cwd>$PWD\"\nexit $status",
                step.command
            ));
        let out = cmd.output().expect("bash runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (text, dir) = text.rsplit_once("<cwd>").unwrap_or((&text, ""));
        if !dir.trim().is_empty() {
            cwd = PathBuf::from(dir.trim());
        }
        let code = out.status.code().unwrap_or(-1);
        let actual = mask(text, &s.home());
        let expected: Vec<String> = step.expected.iter().map(|l| mask_line(l)).collect();
        let want_error = expected
            .first()
            .is_some_and(|l| l.starts_with("communique: "));
        let code_ok = if want_error {
            code == 2
        } else {
            code == 0 || code == 1
        };
        if !code_ok {
            failures.push(format!(
                "docs/guide.md:{}: `{}` exited {code}:\n{}",
                step.line,
                step.command,
                actual.join("\n")
            ));
        } else if !matches(&expected, &actual) {
            failures.push(format!(
                "docs/guide.md:{}: `{}` printed\n{}\nbut the guide shows\n{}",
                step.line,
                step.command,
                actual.join("\n"),
                expected.join("\n")
            ));
            // Keep an elision: the same number of lines, then `…`.
            let shown = match step.expected.last() {
                Some(l) if l == "…" => {
                    let raw: Vec<String> = text
                        .replace(&s.home().to_string_lossy().into_owned(), "/home/you")
                        .lines()
                        .map(|l| l.trim_end().to_owned())
                        .take(step.expected.len() - 1)
                        .chain(std::iter::once("…".to_owned()))
                        .collect();
                    raw
                }
                _ => text
                    .replace(&s.home().to_string_lossy().into_owned(), "/home/you")
                    .lines()
                    .map(|l| l.trim_end().to_owned())
                    .collect(),
            };
            let first = step.line + step.command.lines().count() - 1;
            edits.push((first, step.expected.len(), shown));
        }
    }
    if update && !edits.is_empty() {
        for (after, len, lines) in edits.into_iter().rev() {
            updated.splice(after..after + len, lines);
        }
        std::fs::write(&guide_path, updated.join("\n") + "\n").expect("rewrite the guide");
        panic!("UPDATE_GUIDE: rewrote docs/guide.md; review the diff");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

crate::tests![
    flags_win_over_the_store_file_which_wins_over_the_user_file,
    context_threshold_and_lexicon_come_from_the_files,
    config_prints_each_value_and_its_origin,
    config_outside_a_store_says_so,
    a_bad_key_is_an_error_naming_file_line_and_key,
    completions_for_every_shell_name_the_commands,
    man_pages_render_without_warnings,
    help_lists_commands_in_newcomer_order_and_every_command_has_examples,
    no_progress_or_notes_when_stderr_is_not_a_terminal_and_quiet_says_nothing[Shared],
    every_command_of_the_guide_runs_and_prints_what_the_guide_shows[Shared],
];
