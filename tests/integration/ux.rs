//! Issue 8: configuration files and their precedence, `communique config`,
//! completions, man pages, progress and `--quiet`. (docs/guide.md is run
//! command by command by the `docs` test binary, tests/docs/.)
//!
//! Every test runs in a temporary folder with its own home, git isolated
//! from the user's configuration (`GIT_CONFIG_GLOBAL=/dev/null`,
//! `GIT_CONFIG_NOSYSTEM=1`), and no `COMMUNIQUE_*` variable of the caller.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::shared::shared_dir;

const DRAFT: &str = "statements/d-isis-small-group/2021-03-26-joint-communique-draft.txt";
const FINAL: &str = "statements/d-isis-small-group/2021-03-30-joint-communique.txt";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("communique")
}

/// A temporary home, with a store in `home/store` when asked for.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("home")).expect("home");
        Sandbox { dir }
    }

    /// A sandbox whose `home/store` is an empty store.
    fn with_store() -> Sandbox {
        let sandbox = Sandbox::new();
        let (code, _, err) = sandbox.run_in(&sandbox.home(), &["init", "store"]);
        assert_eq!(code, 0, "{err}");
        sandbox
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn store(&self) -> PathBuf {
        self.home().join("store")
    }

    /// The user file's path (`~/.config/communique/config.toml`).
    fn user_file(&self) -> PathBuf {
        self.home().join(".config/communique/config.toml")
    }

    fn write(&self, path: &Path, text: &str) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
    }

    /// Any program, isolated: its home is the sandbox's.
    fn isolate(&self, cmd: &mut Command) {
        cmd.env("HOME", self.home())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("COMMUNIQUE_CONFIG")
            .env_remove("COMMUNIQUE_STORE")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
    }

    /// Runs the binary in `dir`: (exit code, stdout, stderr).
    fn run_in(&self, dir: &Path, args: &[&str]) -> (i32, String, String) {
        let mut cmd = Command::new(binary());
        cmd.current_dir(dir).args(args);
        self.isolate(&mut cmd);
        let out = cmd.output().expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs the binary in the store.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in(&self.store(), args)
    }

    /// `diff` of the bundled pair, run in the store, with `extra` flags.
    fn diff(&self, extra: &[&str]) -> String {
        let draft = repo().join(DRAFT);
        let fin = repo().join(FINAL);
        let mut args = vec![
            "diff",
            draft.to_str().expect("utf-8"),
            fin.to_str().expect("utf-8"),
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = self.run(&args);
        assert_eq!(code, 1, "{args:?}: {err}");
        out
    }
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

#[test]
fn flags_win_over_the_store_file_which_wins_over_the_user_file() {
    let s = Sandbox::with_store();
    assert!(is_terminal(&s.diff(&[])), "built-in default");

    s.write(&s.user_file(), "[defaults]\nformat = \"markdown\"\n");
    assert!(is_markdown(&s.diff(&[])), "user file over the default");

    s.write(
        &s.store().join("communique.toml"),
        "[check]\nanything = \"is left to communique check\"\n\n[defaults]\nformat = \"json\"\n",
    );
    assert!(is_json(&s.diff(&[])), "store file over user file");
    assert!(
        is_terminal(&s.diff(&["--format", "terminal"])),
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
        let mut cmd = Command::new(binary());
        s.isolate(&mut cmd);
        let out = cmd
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

#[test]
fn context_threshold_and_lexicon_come_from_the_files() {
    let s = Sandbox::with_store();
    let plain = s.diff(&[]);
    s.write(
        &s.store().join("communique.toml"),
        "[defaults]\ncontext = 1\nthreshold = 0.99\nlexicon = \"lexicon.toml\"\n",
    );
    s.write(&s.store().join("lexicon.toml"), "replace = false\n");
    let configured = s.diff(&[]);
    assert_ne!(plain, configured);
    assert_eq!(configured, s.diff(&["-C", "1", "--threshold", "0.99"]));
    // A flag's lexicon wins; a bad configured lexicon is reported by path.
    s.write(&s.store().join("lexicon.toml"), "this is not = = toml\n");
    let (code, _, err) = s.run(&[
        "diff",
        &repo().join(DRAFT).to_string_lossy(),
        &repo().join(FINAL).to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("lexicon.toml"), "{err}");
}

#[test]
fn config_prints_each_value_and_its_origin() {
    let s = Sandbox::with_store();
    s.write(
        &s.user_file(),
        "[defaults]\nformat = \"markdown\"\ncontext = 3\n",
    );
    s.write(
        &s.store().join("communique.toml"),
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

#[test]
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

#[test]
fn a_bad_key_is_an_error_naming_file_line_and_key() {
    let s = Sandbox::with_store();
    let file = s.store().join("communique.toml");
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
    s.write(&s.user_file(), "[defaults]\nthreshold = 2\n");
    let (code, _, err) = s.run(&["config"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "communique: {}:2: bad value for defaults.threshold; expected a number from 0 to 1, such as 0.5\n",
            s.user_file().display()
        )
    );
}

#[test]
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

#[test]
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

#[test]
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

#[test]
fn no_progress_or_notes_when_stderr_is_not_a_terminal_and_quiet_says_nothing() {
    let Some(shared) = shared_dir() else { return };
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
