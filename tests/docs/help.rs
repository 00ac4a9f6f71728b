//! `--help` as a person reads it: every command's and subcommand's `--help`
//! and `-h`, rendered at 80 and 200 columns (`COLUMNS`, which clap reads),
//! keep each example on its own line, split no word, and fit the width.

use std::process::Command;

/// The widths the help is rendered at.
const WIDTHS: [usize; 2] = [80, 200];

/// Runs the binary with `args` at `columns`: (exit code, stdout, stderr).
fn communique(args: &[&str], columns: usize) -> Result<(i32, String, String), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(args)
        .env("COLUMNS", columns.to_string())
        .env_remove("COMMUNIQUE_CONFIG")
        .env_remove("COMMUNIQUE_STORE")
        .output()
        .map_err(|e| format!("{args:?}: {e}"))?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// The names a help lists under `Commands:` (clap's own `help` left out).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every command path: `[]`, `["diff"]`, `["git", "setup"]` …
fn command_paths() -> Result<Vec<Vec<String>>, String> {
    let mut paths = vec![Vec::new()];
    let mut at = 0;
    while let Some(path) = paths.get(at).cloned() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let (_, help, _) = communique(&args, 200)?;
        for name in subcommands(&help) {
            let mut sub = path.clone();
            sub.push(name);
            paths.push(sub);
        }
        at += 1;
    }
    Ok(paths)
}

/// The lines of the help's `Examples` paragraph: from its heading to the
/// first blank line.
fn examples(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|l| !l.starts_with("Examples"))
        .take_while(|l| !l.is_empty())
        .collect()
}

/// What is wrong with one rendering of a help at `width` columns.
fn problems(help: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in help.lines() {
        let columns = line.chars().count();
        if columns > width {
            out.push(format!("{columns} columns: {line:?}"));
        }
    }
    // A hyphenated word cut at a line end of the source comes out as
    // "square- bracketed".
    for word in help.split_whitespace() {
        let mut end = word.chars().rev();
        if end.next() == Some('-') && end.next().is_some_and(char::is_alphabetic) {
            out.push(format!("a word split after its hyphen: {word:?}"));
        }
    }
    let examples = examples(help);
    if !examples
        .iter()
        .any(|l| l.trim_start().starts_with("communique "))
    {
        out.push("no Examples paragraph with a `communique …` line".to_owned());
    }
    out
}

/// Every command's `--help` and `-h` at 80 and 200 columns: no line wider
/// than the width, no word split after its hyphen, an Examples paragraph,
/// and the same example lines and the same words at both widths (so no
/// example was reflowed into its neighbour or cut in two).
pub fn examples_stay_whole() -> Result<(), String> {
    let mut failures = Vec::new();
    let paths = command_paths()?;
    if paths.len() < 15 {
        return Err(format!("only {} commands found: {paths:?}", paths.len()));
    }
    for path in &paths {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let mut renders = Vec::new();
            for width in WIDTHS {
                let (code, help, err) = communique(&args, width)?;
                if code != 0 || !err.is_empty() {
                    failures.push(format!("{args:?} exited {code}: {err}"));
                }
                for problem in problems(&help, width) {
                    failures.push(format!("{args:?} at {width} columns: {problem}"));
                }
                renders.push(help);
            }
            let [narrow, wide] = [&renders[0], &renders[1]];
            if examples(narrow) != examples(wide) {
                failures.push(format!(
                    "{args:?}: the examples differ between {} and {} columns:\n{}\n---\n{}",
                    WIDTHS[0],
                    WIDTHS[1],
                    examples(narrow).join("\n"),
                    examples(wide).join("\n")
                ));
            }
            if !narrow.split_whitespace().eq(wide.split_whitespace()) {
                failures.push(format!("{args:?}: the words differ between the widths"));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// `communique` and `communique git` without a command: the usage line and
/// a one-line error that lists the commands, on stderr, exit 2 (as clap
/// does for a missing subcommand), and nothing on stdout.
pub fn no_command_is_a_usage_error() -> Result<(), String> {
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &[],
            "Usage: communique [OPTIONS] <COMMAND>",
            "communique: `communique` needs a command: normalize, init, import, log, diff, show, history, trace, precedent, check, git, config, completions, man; see `communique --help`",
        ),
        (
            &["--quiet"],
            "Usage: communique [OPTIONS] <COMMAND>",
            "communique: `communique` needs a command: normalize, init",
        ),
        (
            &["git"],
            "Usage: communique git [OPTIONS] <COMMAND>",
            "communique: `communique git` needs a command: setup; see `communique git --help`",
        ),
    ];
    for (args, usage, error) in cases {
        let (code, out, err) = communique(args, 80)?;
        let lines: Vec<&str> = err.lines().collect();
        let ok = code == 2
            && out.is_empty()
            && lines.len() == 2
            && lines[0] == usage
            && lines[1].starts_with(error);
        if !ok {
            return Err(format!(
                "communique {args:?}: exit {code}, stdout {out:?}, stderr:\n{err}"
            ));
        }
    }
    Ok(())
}
