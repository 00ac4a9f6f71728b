//! Reading the transcripts of a Markdown file: its `console` blocks as
//! commands and the output pasted under them, and comparing that output
//! with what a run printed, once what changes from run to run is masked.

use std::path::Path;

/// The info string of a block that runs on a bare clone.
const CONSOLE: &str = "console";

/// The info string of a block that needs `../shared` (the corpus), which a
/// clone does not have; the text around it says so for the reader.
pub const CONSOLE_SHARED: &str = "console needs-shared";

/// One `$ command` of a document and the output pasted under it.
#[derive(Debug)]
pub struct Step {
    /// The document's line of the command (1-based), for messages.
    pub line: usize,
    /// The command; a here-document or a line ending in `\` runs on.
    pub command: String,
    /// The output lines pasted under it, up to the next command.
    pub expected: Vec<String>,
}

/// The steps of a document's `console` blocks, with those of its
/// `console needs-shared` blocks when `with_shared`, in document order.
pub fn steps(doc: &str, with_shared: bool) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let mut in_block = false;
    // The terminator of a here-document, or "\\" for a continued line.
    let mut runs_on: Option<String> = None;
    for (i, line) in doc.lines().enumerate() {
        if !in_block {
            let info = line.trim_end().strip_prefix("```");
            in_block = info == Some(CONSOLE) || (with_shared && info == Some(CONSOLE_SHARED));
            continue;
        }
        if let Some(end) = &runs_on {
            let step = out.last_mut().expect("a continuation follows its command");
            step.command.push('\n');
            step.command.push_str(line);
            let done = if end == "\\" {
                !line.ends_with('\\')
            } else {
                line == end
            };
            if done {
                runs_on = None;
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
                runs_on = rest.find('\'').map(|e| rest[..e].to_owned());
            } else if command.ends_with('\\') {
                runs_on = Some("\\".to_owned());
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

/// The lines (1-based) of `$ ` commands that stand in a fenced block other
/// than a `console` one, where no test would run them.
pub fn unrun_transcripts(doc: &str) -> Vec<usize> {
    let mut info: Option<&str> = None;
    let mut out = Vec::new();
    for (i, line) in doc.lines().enumerate() {
        match (info, line.trim_end().strip_prefix("```")) {
            (None, Some(opened)) => info = Some(opened),
            (Some(_), Some(_)) => info = None,
            (Some(kind), None)
                if line.starts_with("$ ") && kind != CONSOLE && kind != CONSOLE_SHARED =>
            {
                out.push(i + 1);
            }
            _ => {}
        }
    }
    out
}

/// Output with what changes from run to run masked: the sandbox's home
/// (shown as /home/you), 12-digit commit hashes, commit times.
pub fn mask(text: &str, home: &Path) -> Vec<String> {
    unhome(text, home)
        .iter()
        .map(|line| mask_line(line))
        .collect()
}

/// Output with the sandbox's home shown as /home/you, lines trimmed at the
/// end: as a document shows it.
pub fn unhome(text: &str, home: &Path) -> Vec<String> {
    text.replace(&home.to_string_lossy().into_owned(), "/home/you")
        .lines()
        .map(|l| l.trim_end().to_owned())
        .collect()
}

/// A line with 12-digit hashes as `<hash>` and a commit time as `<time>`.
pub fn mask_line(line: &str) -> String {
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

/// The line a document uses to say "and more": what it shows above must
/// then be the start of the output.
pub const ELISION: &str = "…";

/// Whether `actual` is what the document shows: equal, or, when the
/// document's output ends with a line `…`, starting with the lines before
/// it. Blank lines at the end do not count.
pub fn matches(expected: &[String], actual: &[String]) -> bool {
    let trim = |lines: &[String]| -> usize {
        lines.len() - lines.iter().rev().take_while(|l| l.is_empty()).count()
    };
    let (expected, actual) = (&expected[..trim(expected)], &actual[..trim(actual)]);
    match expected.split_last() {
        Some((last, head)) if last == ELISION => actual.starts_with(head),
        _ => expected == actual,
    }
}
