//! Bad input, as one table of inputs × commands (issue 10): every row must
//! end in exit code 2 with one line on stderr, in the form
//! `communique: <what and where>; <what to do>`, that names the input; no
//! panic; and for every row, nothing written to the store (HEAD, `git status
//! --porcelain` and every file under the store, `.git` included, compared
//! before and after).
//!
//! Each row runs in a fresh temporary store holding the bundled seed
//! statement, with git isolated from the user's configuration. Big inputs
//! (50 MB, a 1 MB line, 64 MiB of standard input, a committed blob past
//! 64 MiB, a .docx numbering bomb, a PDF that never finishes) are generated
//! here at test time, never committed.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "support/mod.rs"]
mod support;

use support::harness::Case as Trial;
use support::seed::SEED;
use support::{Need, Sandbox};

/// Its ref in the test store (imported as series `s`).
const SEED_REF: &str = "s/2021-03-30-joint-communique";

/// A temporary store and a folder of input files for one row.
struct Fixture {
    sandbox: Sandbox,
    /// `chattr -i` this on drop (the read-only row).
    immutable: Option<PathBuf>,
}

/// What one row runs.
struct Case {
    args: Vec<String>,
    /// What the message must name: the file, ref, flag or value at fault.
    names: String,
    stdin: Vec<u8>,
    /// Extra environment (a user configuration file).
    env: Vec<(&'static str, String)>,
}

impl Case {
    fn new(args: &[&str], names: &str) -> Case {
        Case {
            args: args.iter().map(|a| a.to_string()).collect(),
            names: names.to_owned(),
            stdin: Vec::new(),
            env: Vec::new(),
        }
    }
}

/// A row: its name and how to set it up (`None`: skipped, with the reason
/// printed).
type Row = (&'static str, fn(&mut Fixture) -> Option<Case>);

impl Fixture {
    fn new() -> Fixture {
        let sandbox = Sandbox::with_empty_store();
        std::fs::create_dir(sandbox.path().join("files")).expect("folder");
        let fx = Fixture {
            sandbox,
            immutable: None,
        };
        fx.ok(&["init", "-q"]);
        let seed = support::repo().join(SEED);
        let seed = seed.to_str().expect("utf-8 path");
        fx.ok(&["import", seed, "--series", "s", "-q"]);
        fx
    }

    fn store(&self) -> PathBuf {
        self.sandbox.root().to_path_buf()
    }

    /// Writes an input file and returns its path.
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.sandbox.path().join("files").join(name);
        std::fs::write(&path, bytes).expect("input file");
        path.to_str().expect("utf-8 path").to_owned()
    }

    /// A path under the input folder, not created.
    fn path(&self, name: &str) -> String {
        let path = self.sandbox.path().join("files").join(name);
        path.to_str().expect("utf-8 path").to_owned()
    }

    fn run(&self, case: &Case) -> Output {
        let mut cmd = self.sandbox.cmd();
        cmd.args(&case.args)
            .envs(case.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("communique runs");
        let mut stdin = child.stdin.take().expect("stdin");
        // The command may exit before reading it all: a broken pipe is fine.
        let _ = stdin.write_all(&case.stdin);
        drop(stdin);
        child.wait_with_output().expect("communique runs")
    }

    fn ok(&self, args: &[&str]) {
        let out = self.run(&Case::new(args, ""));
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self
            .sandbox
            .command("git")
            .args(args)
            .output()
            .expect("git runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Commits `path` (a file or folder of the store) with `message`.
    fn commit(&self, path: &str, message: &str) {
        self.git(&["add", path]);
        self.sandbox.commit_staged(message);
    }

    /// HEAD, `git status --porcelain`, and every file and folder under the
    /// store with a hash of its bytes.
    fn snapshot(&self) -> (String, String, BTreeMap<PathBuf, u64>) {
        let mut tree = BTreeMap::new();
        walk(&self.store(), &self.store(), &mut tree);
        (
            self.git(&["rev-parse", "HEAD"]),
            self.git(&["status", "--porcelain", "--untracked-files=all"]),
            tree,
        )
    }

    /// Makes `dir` (under the store) and everything in it unwritable.
    /// Returns why it cannot where it cannot.
    fn make_read_only(&mut self, dir: &Path) -> Result<(), String> {
        chmod_r(dir, false);
        if !can_write(dir) {
            return Ok(());
        }
        // Root writes through permissions: make the files immutable instead.
        chmod_r(dir, true);
        let chattr = Command::new("chattr").arg("-R").arg("+i").arg(dir).output();
        self.immutable = Some(dir.to_owned());
        match chattr {
            Ok(out) if out.status.success() && !can_write(dir) => Ok(()),
            Ok(out) => Err(format!(
                "running as root and `chattr +i` did not make {} read-only ({})",
                dir.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            )),
            Err(e) => Err(format!("running as root and chattr is unavailable ({e})")),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(dir) = &self.immutable {
            let _ = Command::new("chattr").arg("-R").arg("-i").arg(dir).status();
        }
        chmod_r(&self.store(), true);
    }
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, u64>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable store")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let rel = path.strip_prefix(root).expect("under root").to_owned();
        if path.is_dir() {
            out.insert(rel, 0);
            walk(root, &path, out);
        } else {
            let mut h = DefaultHasher::new();
            std::fs::read(&path).expect("readable file").hash(&mut h);
            out.insert(rel, h.finish());
        }
    }
}

/// Sets or clears write permission on everything under `path`.
fn chmod_r(path: &Path, writable: bool) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    let mode = meta.permissions().mode();
    let mode = if writable {
        mode | 0o200
    } else {
        mode & !0o222
    };
    if meta.is_dir() {
        // Children first while the folder is still writable, then itself.
        if let Ok(entries) = std::fs::read_dir(path) {
            for e in entries.flatten() {
                chmod_r(&e.path(), writable);
            }
        }
    }
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
}

/// Whether a file can be created in `dir` (and removes it again).
fn can_write(dir: &Path) -> bool {
    let probe = dir.join("probe-write");
    let ok = std::fs::write(&probe, b"x").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// A minimal .docx (or any zip) of the given parts.
fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip");
    buf.into_inner()
}

/// 50 MB of sentences with one byte that is not UTF-8 at the very end.
fn fifty_megabytes() -> Vec<u8> {
    let sentence = b"The Ministers reaffirmed their commitment to the Coalition. ";
    let mut bytes = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    bytes.push(0xFF);
    bytes
}

/// One line of 1 MB that opens a TOML string and never closes it.
fn one_megabyte_line(prefix: &str) -> Vec<u8> {
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 1024 * 1024));
    bytes
}

/// A 6 KB PDF whose page draws a form that draws the next form four times,
/// 24 forms deep: 4^23 form draws, which keep `pdftotext` busy for ever.
fn self_drawing_forms_pdf() -> Vec<u8> {
    const FORMS: usize = 24;
    let page = "BT /F 12 Tf 72 720 Td (The Ministers met.) Tj ET /X Do";
    let mut objects: Vec<(usize, String)> = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_owned()),
        (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned()),
        (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 10 0 R >> /Font << /F 5 0 R >> >> /Contents 4 0 R >>".to_owned()),
        (4, format!("<< /Length {} >>\nstream\n{page}\nendstream", page.len())),
        (5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned()),
    ];
    for k in 0..FORMS {
        let (body, resources) = if k + 1 < FORMS {
            (
                "/X Do /X Do /X Do /X Do".to_owned(),
                format!(
                    "<< /XObject << /X {} 0 R >> /Font << /F 5 0 R >> >>",
                    11 + k
                ),
            )
        } else {
            (
                "BT /F 12 Tf 72 700 Td (a) Tj ET".to_owned(),
                "<< /Font << /F 5 0 R >> >>".to_owned(),
            )
        };
        objects.push((
            10 + k,
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources {resources} /Length {} >>\nstream\n{body}\nendstream",
                body.len()
            ),
        ));
    }
    pdf(&objects, 10 + FORMS)
}

/// A 250 KB PDF of 200 pages, each drawing one form of 30,000 words:
/// `pdftotext -bbox-layout` writes some 150 MB for it, within seconds.
fn wordy_pdf() -> Vec<u8> {
    const PAGES: usize = 200;
    let words: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
    let line = words.join(" ");
    let form: String = (0..300)
        .map(|i| format!("1 0 0 1 10 {} Tm ({line}) Tj ", 790 - 2 * i))
        .collect();
    let form = format!("BT /F 2 Tf {form}ET");
    let kids: Vec<String> = (0..PAGES).map(|i| format!("{} 0 R", 10 + i)).collect();
    let mut objects: Vec<(usize, String)> = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_owned()),
        (
            2,
            format!(
                "<< /Type /Pages /Kids [{}] /Count {PAGES} >>",
                kids.join(" ")
            ),
        ),
        (
            3,
            "<< /Length 10 >>\nstream\nq /X Do Q\nendstream".to_owned(),
        ),
        (
            4,
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F 5 0 R >> >> /Length {} >>\nstream\n{form}\nendstream",
                form.len()
            ),
        ),
        (
            5,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        ),
    ];
    for i in 0..PAGES {
        objects.push((
            10 + i,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 4 0 R >> >> /Contents 3 0 R >>".to_owned(),
        ));
    }
    pdf(&objects, 10 + PAGES)
}

/// A PDF file of numbered `objects`, with its cross-reference table for
/// object numbers below `size`.
fn pdf(objects: &[(usize, String)], size: usize) -> Vec<u8> {
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = BTreeMap::new();
    for (number, object) in objects {
        offsets.insert(*number, out.len());
        out.push_str(&format!("{number} 0 obj\n{object}\nendobj\n"));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {size}\n"));
    for i in 0..size {
        match offsets.get(&i) {
            Some(at) => out.push_str(&format!("{at:010} 00000 n \n")),
            None => out.push_str("0000000000 65535 f \n"),
        }
    }
    out.push_str(&format!(
        "trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ));
    out.into_bytes()
}

const NEW_TEXT: &[u8] = b"The Ministers met in Rome on 3 May.\n";

/// `import FILE --series s --date 2024-01-01` of a small new statement.
fn import_new(fx: &Fixture, names: &str) -> Case {
    on_file(fx, IMPORT, "new.txt", NEW_TEXT, names).expect("a case")
}

/// `case`, once `dir` is read-only; `None`, with a notice, where it cannot
/// be made so (running as root without `chattr`).
fn read_only(fx: &mut Fixture, dir: &Path, case: Case) -> Option<Case> {
    match fx.make_read_only(dir) {
        Ok(()) => Some(case),
        Err(why) => {
            eprintln!("notice: skipping a read-only row: {why}");
            None
        }
    }
}

/// `args` with `FILE` in them (else at their end) the path of a new input
/// file `name` of `bytes`.
fn on_file(fx: &Fixture, args: &[&str], name: &str, bytes: &[u8], names: &str) -> Option<Case> {
    let path = fx.file(name, bytes);
    let mut case = Case::new(args, names);
    match case.args.iter_mut().find(|a| *a == "FILE") {
        Some(arg) => *arg = path,
        None => case.args.push(path),
    }
    Some(case)
}

/// `diff SEED SEED FLAG VALUE`.
fn diff_with(flag: &str, value: &str, names: &str) -> Option<Case> {
    Some(Case::new(&["diff", SEED_REF, SEED_REF, flag, value], names))
}

/// `import FILE --series s --date 2024-01-01`.
const IMPORT: &[&str] = &["import", "FILE", "--series", "s", "--date", "2024-01-01"];

const ROWS: &[Row] = &[
    // ----------------------------------------------------------- inputs
    ("empty file", |fx| {
        on_file(
            fx,
            &["normalize"],
            "empty.txt",
            b"",
            "empty.txt: empty file",
        )
    }),
    ("empty standard input", |_| {
        Some(Case::new(&["diff", "-", SEED_REF], "<stdin>: empty file"))
    }),
    ("binary (NUL bytes)", |fx| {
        on_file(
            fx,
            &["diff", "FILE", SEED_REF],
            "image.dat",
            b"GIF89a\x01\x00\x01\x00\x00\xff\x00",
            "image.dat: looks binary",
        )
    }),
    ("mostly control characters", |fx| {
        on_file(
            fx,
            &["normalize"],
            "ctrl.txt",
            &[0x01, 0x02, 0x03, b'a', 0x1b, 0x7f, 0x04, 0x05],
            "ctrl.txt: looks binary",
        )
    }),
    ("invalid UTF-8: a lone surrogate (ED A0 80)", |fx| {
        on_file(
            fx,
            &["normalize"],
            "surrogate.txt",
            b"The Ministers \xed\xa0\x80 met.\n",
            "surrogate.txt: not UTF-8 at byte 14",
        )
    }),
    ("invalid UTF-8 (Latin-1) imported into the store", |fx| {
        on_file(
            fx,
            IMPORT,
            "latin1.txt",
            b"The Minist\xe8res met.\n",
            "latin1.txt: not UTF-8 at byte 10",
        )
    }),
    ("UTF-16 text", |fx| {
        on_file(
            fx,
            &["normalize"],
            "utf16.txt",
            b"\xff\xfeT\0h\0e\0 \0",
            "utf16.txt: UTF-16",
        )
    }),
    ("a 50 MB file, not UTF-8 at its last byte", |fx| {
        let bytes = fifty_megabytes();
        let f = fx.file("big.txt", &bytes);
        let at = format!("big.txt: not UTF-8 at byte {}", bytes.len() - 1);
        Some(Case::new(&["diff", &f, SEED_REF], &at))
    }),
    ("a 50 MB file imported into the store", |fx| {
        on_file(
            fx,
            IMPORT,
            "big.txt",
            &fifty_megabytes(),
            "big.txt: not UTF-8",
        )
    }),
    // ---------------------------------------- bounds (issue 16, item 9)
    ("/dev/zero as a statement", |_| {
        Some(Case::new(
            &["normalize", "/dev/zero"],
            "/dev/zero is larger than 64 MiB",
        ))
    }),
    ("/dev/zero imported into the store", |_| {
        let mut case = Case::new(IMPORT, "/dev/zero is larger than 64 MiB");
        case.args[1] = "/dev/zero".to_owned();
        Some(case)
    }),
    ("standard input past 64 MiB", |_| {
        let mut case = Case::new(
            &["diff", "-", SEED_REF],
            "standard input is larger than 64 MiB",
        );
        case.stdin = b"The Ministers met. ".repeat((64 << 20) / 19 + 1);
        Some(case)
    }),
    ("a FIFO that never ends", |fx| {
        let f = fx.path("endless.fifo");
        match Command::new("mkfifo").arg(&f).status() {
            Ok(s) if s.success() => {}
            _ => {
                eprintln!("notice: skipping the FIFO row: mkfifo is unavailable");
                return None;
            }
        }
        // The writer blocks until communique opens the FIFO, then writes
        // until communique closes it (a broken pipe ends the thread).
        let writer = f.clone();
        std::thread::spawn(move || {
            if let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(writer) {
                let chunk = vec![b'a'; 1 << 16];
                while pipe.write_all(&chunk).is_ok() {}
            }
        });
        Some(Case::new(
            &["normalize", &f],
            "endless.fifo is larger than 64 MiB",
        ))
    }),
    ("a lexicon that is a symlink to /dev/zero", |fx| {
        let f = fx.path("lexicon.toml");
        std::os::unix::fs::symlink("/dev/zero", &f).expect("symlink");
        Some(Case::new(
            &["diff", SEED_REF, SEED_REF, "--lexicon", &f],
            "lexicon.toml is larger than 1 MiB",
        ))
    }),
    ("a policy that is /dev/zero", |_| {
        Some(Case::new(
            &[
                "check",
                SEED_REF,
                "--against",
                SEED_REF,
                "--policy",
                "/dev/zero",
            ],
            "/dev/zero is larger than 1 MiB",
        ))
    }),
    ("a user configuration that is /dev/zero", |_| {
        let mut case = Case::new(&["log"], "/dev/zero is larger than 1 MiB");
        case.env.push(("COMMUNIQUE_CONFIG", "/dev/zero".to_owned()));
        Some(case)
    }),
    (
        ".docx numbering of one level text of 100,000 placeholders",
        |fx| {
            let numbering = format!(
                r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
                "%1".repeat(100_000)
            );
            let item = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The Ministers met.</w:t></w:r></w:p>"#;
            let document = format!(
                "<w:document><w:body>{}</w:body></w:document>",
                item.repeat(1000)
            );
            on_file(
                fx,
                &["normalize"],
                "bomb.docx",
                &zip(&[
                    ("word/document.xml", &document),
                    ("word/numbering.xml", &numbering),
                ]),
                "bomb.docx: word/numbering.xml has a list level text of 200000 characters",
            )
        },
    ),
    ("a PDF that keeps pdftotext busy forever (item 12)", |fx| {
        support::harness::tool(Need::Pdftotext, &["pdftotext"]);
        let mut case = on_file(
            fx,
            &["normalize"],
            "forms.pdf",
            &self_drawing_forms_pdf(),
            "forms.pdf: pdftotext did not finish within 1 s",
        )?;
        case.env.push(("COMMUNIQUE_PDF_TIMEOUT", "1".to_owned()));
        Some(case)
    }),
    (
        "a PDF that makes pdftotext write hundreds of megabytes",
        |fx| {
            support::harness::tool(Need::Pdftotext, &["pdftotext"]);
            on_file(
                fx,
                &["normalize"],
                "wordy.pdf",
                &wordy_pdf(),
                "wordy.pdf: pdftotext wrote more than 128 MiB",
            )
        },
    ),
    ("a sentence file with one 1 MB line of front matter", |fx| {
        let mut bytes = one_megabyte_line("+++\ntitle = \"");
        bytes.extend_from_slice(b"\n+++\nA sentence.\n");
        let f = fx.file("long.txt", &bytes);
        Some(Case::new(&["normalize", &f], "long.txt:2: front matter"))
    }),
    ("a policy of one 1 MB line", |fx| {
        on_file(
            fx,
            &["check", SEED_REF, "--against", SEED_REF, "--policy"],
            "long-policy.toml",
            &one_megabyte_line("[check]\nfinal = \""),
            "long-policy.toml",
        )
    }),
    ("a .docx that is not a zip", |fx| {
        on_file(
            fx,
            &["normalize"],
            "notzip.docx",
            b"Just text with a .docx name.\n",
            "notzip.docx: not a .docx",
        )
    }),
    ("a zip that is not a .docx", |fx| {
        on_file(
            fx,
            &["normalize"],
            "archive.docx",
            &zip(&[("notes.txt", "hello")]),
            "archive.docx: a zip archive without word/document.xml",
        )
    }),
    ("a .docx whose document.xml is not XML", |fx| {
        on_file(
            fx,
            &["normalize"],
            "broken.docx",
            &zip(&[(
                "word/document.xml",
                "<w:document><w:body><w:p><w:r><w:t>A</w:p>",
            )]),
            "broken.docx",
        )
    }),
    ("HTML with only scripts", |fx| {
        on_file(fx, &["normalize"], "scripts.html", b"<!doctype html><html><head><script>render()</script></head><body><script>x()</script><noscript></noscript></body></html>", "scripts.html: no statement text found")
    }),
    ("a PDF cut short", |fx| {
        on_file(
            fx,
            &["normalize"],
            "cut.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n",
            "cut.pdf: the PDF is truncated",
        )
    }),
    ("text read as a PDF (--from pdf)", |fx| {
        on_file(
            fx,
            &["normalize", "--from", "pdf"],
            "plain.txt",
            b"Not a PDF at all.\n",
            "plain.txt: not a PDF",
        )
    }),
    ("an old Word .doc", |fx| {
        on_file(
            fx,
            &["normalize"],
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0",
            "old.doc: an old-style Office file",
        )
    }),
    ("an RTF document", |fx| {
        on_file(
            fx,
            &["normalize"],
            "memo.rtf",
            b"{\\rtf1\\ansi The Ministers met.}",
            "memo.rtf: an RTF document",
        )
    }),
    ("text with no sentences", |fx| {
        on_file(
            fx,
            &["normalize"],
            "blank.txt",
            b"   \n\n\t\n",
            "blank.txt: no sentences found",
        )
    }),
    ("a missing file", |fx| {
        let f = fx.path("missing.txt");
        Some(Case::new(&["normalize", &f], "missing.txt"))
    }),
    ("a missing draft for check", |fx| {
        let f = fx.path("missing-draft.txt");
        Some(Case::new(
            &["check", &f, "--against", SEED_REF],
            "missing-draft.txt",
        ))
    }),
    ("a directory given as a file", |fx| {
        let d = fx.path("folder");
        std::fs::create_dir(&d).expect("folder");
        Some(Case::new(&["normalize", &d], "folder"))
    }),
    ("bad front matter (unquoted value)", |fx| {
        let f = fx.file(
            "fm.txt",
            b"+++\ntitle = Joint Statement\n+++\nA sentence.\n",
        );
        Some(Case::new(&["diff", &f, SEED_REF], "fm.txt:2: front matter"))
    }),
    ("front matter never closed", |fx| {
        on_file(
            fx,
            &["normalize"],
            "open.txt",
            b"+++\ntitle = \"T\"\nA sentence.\n",
            "open.txt:1: the front matter is never closed",
        )
    }),
    ("bad YAML front matter in Markdown", |fx| {
        on_file(
            fx,
            &["normalize"],
            "yaml.md",
            b"---\ntitle: [unclosed\n---\n\nA sentence.\n",
            "yaml.md: the YAML front matter does not parse",
        )
    }),
    // ---------------------------------------------------------- options
    ("unknown --from value", |fx| {
        on_file(
            fx,
            &["normalize", "--from", "rtf"],
            "a.txt",
            b"A sentence.\n",
            "'rtf' for '--from",
        )
    }),
    ("bad --format value", |_| {
        diff_with("--format", "pdf", "'pdf' for '--format")
    }),
    ("--threshold above 1", |_| {
        diff_with("--threshold", "2", "'2' for '--threshold")
    }),
    ("--threshold not a number", |_| {
        diff_with("--threshold", "half", "'half' for '--threshold")
    }),
    ("negative --context", |_| {
        diff_with("--context", "-1", "'-1'")
    }),
    ("unknown --color value", |_| {
        Some(Case::new(
            &["log", "--color", "sometimes"],
            "'sometimes' for '--color",
        ))
    }),
    ("a missing required argument", |_| {
        Some(Case::new(&["import", "x.txt"], "--series"))
    }),
    ("an unknown command", |_| {
        Some(Case::new(&["frobnicate"], "'frobnicate'"))
    }),
    ("a malformed --date", |fx| {
        let mut case = import_new(fx, "2023-02-30");
        case.args[5] = "2023-02-30".to_owned();
        Some(case)
    }),
    ("a series that escapes the store", |fx| {
        let mut case = import_new(fx, "\"..\" would lead out of the store");
        case.args[3] = "../escape".to_owned();
        Some(case)
    }),
    ("a malformed --author", |fx| {
        let mut case = import_new(fx, "nobody");
        case.args
            .extend(["--author".to_owned(), "nobody".to_owned()]);
        Some(case)
    }),
    ("a lexicon with a syntax error", |fx| {
        on_file(
            fx,
            &["diff", SEED_REF, SEED_REF, "--lexicon"],
            "lexicon.toml",
            b"[markers\nstrong = [\"commit\"]\n",
            "lexicon.toml",
        )
    }),
    ("a policy with a syntax error", |fx| {
        on_file(
            fx,
            &["check", SEED_REF, "--against", SEED_REF, "--policy"],
            "policy.toml",
            b"[check]\nfinal = yes\n",
            "policy.toml",
        )
    }),
    ("a policy with an unknown key", |fx| {
        on_file(
            fx,
            &["check", SEED_REF, "--against", SEED_REF, "--policy"],
            "policy-key.toml",
            b"[check]\nfinall = true\n",
            "policy-key.toml",
        )
    }),
    ("a store configuration with an unknown key", |fx| {
        std::fs::write(
            fx.store().join("communique.toml"),
            "[defaults]\ncolour = \"never\"\n",
        )
        .expect("config");
        // Committed, so that the store is clean before and after.
        fx.commit("communique.toml", "config");
        Some(Case::new(
            &["log"],
            "communique.toml:2: unknown key defaults.colour",
        ))
    }),
    // Issue 16: a committed configuration may not name files outside the store.
    (
        "a store configuration naming a lexicon outside the store",
        |fx| {
            std::fs::write(
                fx.store().join("communique.toml"),
                "[defaults]\nlexicon = \"/etc/passwd\"\n",
            )
            .expect("config");
            fx.commit("communique.toml", "config");
            Some(Case::new(
                &["log"],
                "communique.toml:2: defaults.lexicon \"/etc/passwd\" leads out of the store",
            ))
        },
    ),
    (
        "a store configuration naming a policy through a symlink",
        |fx| {
            let outside = fx.file("policy.toml", b"[check]\n");
            std::os::unix::fs::symlink(&outside, fx.store().join("p.toml")).expect("symlink");
            std::fs::write(
                fx.store().join("communique.toml"),
                "[defaults]\npolicy = \"p.toml\"\n",
            )
            .expect("config");
            fx.commit(".", "config");
            Some(Case::new(
                &["check", SEED_REF, "--against", SEED_REF],
                "defaults.policy",
            ))
        },
    ),
    ("a user configuration with a bad value", |fx| {
        let f = fx.file("user.toml", b"[defaults]\nthreshold = 3\n");
        let mut case = Case::new(&["log"], "user.toml:2");
        case.env.push(("COMMUNIQUE_CONFIG", f));
        Some(case)
    }),
    // ------------------------------------------------------------ store
    ("a store that is not a repository", |fx| {
        let d = fx.path("plain-folder");
        std::fs::create_dir(&d).expect("folder");
        Some(Case::new(
            &["--store", &d, "log"],
            "plain-folder: not in a communique store",
        ))
    }),
    ("a store folder that does not exist", |fx| {
        let d = fx.path("nowhere");
        Some(Case::new(&["--store", &d, "log"], "nowhere"))
    }),
    ("a store whose .git is garbage", |fx| {
        let d = fx.path("bogus");
        std::fs::create_dir_all(format!("{d}/statements")).expect("folder");
        std::fs::write(format!("{d}/.git"), "not a git directory\n").expect(".git");
        Some(Case::new(&["--store", &d, "log"], "bogus"))
    }),
    ("a read-only store", |fx| {
        let case = import_new(fx, "store/.git");
        let store = fx.store();
        read_only(fx, &store, case)
    }),
    // The commit would succeed; writing the file would not.
    (
        "a read-only statements folder (the git folder writable)",
        |fx| {
            let case = import_new(fx, "statements/s");
            let dir = fx.store().join("statements/s");
            read_only(fx, &dir, case)
        },
    ),
    ("a locked index (.git/index.lock)", |fx| {
        std::fs::write(fx.store().join(".git/index.lock"), b"").expect("lock");
        Some(import_new(fx, ".git/index.lock exists"))
    }),
    ("a locked branch (refs/heads/main.lock)", |fx| {
        std::fs::write(fx.store().join(".git/refs/heads/main.lock"), b"").expect("lock");
        Some(import_new(fx, "main.lock exists"))
    }),
    ("a detached HEAD", |fx| {
        fx.git(&["checkout", "-q", "--detach"]);
        Some(import_new(fx, "HEAD of"))
    }),
    // Issue 16: a clone can bring symlinks; writes must not follow them.
    ("a committed symlink as a series folder", |fx| {
        let outside = fx.path("outside");
        std::fs::create_dir(&outside).expect("folder");
        std::os::unix::fs::symlink(&outside, fx.store().join("statements/s2")).expect("symlink");
        fx.commit("statements/s2", "link");
        let mut case = import_new(fx, "statements/s2 is a symbolic link");
        case.args[3] = "s2".to_owned();
        Some(case)
    }),
    ("a committed symlink as the statement file", |fx| {
        let target = fx.file("target.txt", b"kept\n");
        std::os::unix::fs::symlink(&target, fx.store().join("statements/s/2024-01-01-new.txt"))
            .expect("symlink");
        fx.commit("statements/s", "link");
        Some(import_new(fx, "2024-01-01-new.txt is a symbolic link"))
    }),
    ("a committed .gitattributes symlink for git setup", |fx| {
        let target = fx.file("attributes", b"*.png binary\n");
        std::os::unix::fs::symlink(&target, fx.store().join(".gitattributes")).expect("symlink");
        fx.commit(".gitattributes", "link");
        Some(Case::new(
            &["git", "setup"],
            ".gitattributes is a symbolic link",
        ))
    }),
    // A git blob is compressed: 65 MiB of one letter is a clone of a few
    // hundred kilobytes, and reading it used to inflate it whole.
    ("a committed statement larger than 64 MiB", |fx| {
        let big = fx.file("big.txt", &vec![b'a'; (64 << 20) + 1]);
        let oid = fx.git(&["hash-object", "-w", &big]);
        std::fs::remove_file(&big).expect("removed");
        let entry = format!("100644,{},statements/s/2024-01-02-big.txt", oid.trim());
        fx.git(&["update-index", "--add", "--cacheinfo", &entry]);
        fx.sandbox.commit_staged("big");
        Some(Case::new(
            &["show", "s/2024-01-02-big@HEAD"],
            "2024-01-02-big.txt is larger than 64 MiB",
        ))
    }),
    // 64 MiB of "Ab. " is sixteen million sentences, and a diff holds
    // about 1 KB for each: the byte ceiling alone let one file take
    // gigabytes.
    ("a text of more sentences than any statement holds", |fx| {
        on_file(
            fx,
            &["diff", "FILE", SEED_REF],
            "many.txt",
            &b"Ab. ".repeat(250_001),
            "many.txt: more than 250000 sentences",
        )
    }),
    ("a text of more sentences imported into the store", |fx| {
        on_file(
            fx,
            IMPORT,
            "many.txt",
            &b"Ab.\n\n".repeat(250_001),
            "many.txt: more than 250000 sentences",
        )
    }),
    ("a sentence file of more sentences, the line named", |fx| {
        let mut file = b"+++\n+++\n".to_vec();
        file.extend(b"Ab.\n".repeat(250_001));
        on_file(
            fx,
            &["normalize"],
            "many.sent",
            &file,
            "many.sent:250003: more than 250000 sentences",
        )
    }),
    ("a committed statement of more sentences", |fx| {
        let mut file = b"+++\ntitle = \"x\"\n+++\n".to_vec();
        file.extend(b"Ab.\n".repeat(250_001));
        std::fs::write(fx.store().join("statements/s/2024-01-02-many.txt"), file)
            .expect("statement");
        fx.commit("statements/s/2024-01-02-many.txt", "many");
        Some(Case::new(
            &["show", "s/2024-01-02-many@HEAD"],
            "more than 250000 sentences",
        ))
    }),
    (
        "a base revision's communique.toml larger than 1 MiB (--policy-from-base)",
        |fx| {
            let mut toml = b"[check]\n".to_vec();
            toml.extend(b"# padding\n".repeat(110_000));
            std::fs::write(fx.store().join("communique.toml"), toml).expect("config");
            fx.commit("communique.toml", "big config");
            std::fs::remove_file(fx.store().join("communique.toml")).expect("removed");
            Some(Case::new(
                &[
                    "check",
                    "--base-rev",
                    "HEAD",
                    "--policy-from-base",
                    &format!("statements/{SEED_REF}.txt"),
                ],
                "communique.toml@HEAD is larger than 1 MiB",
            ))
        },
    ),
    // A clone that commits `.gitattributes/x` brings a folder by that name.
    ("a committed .gitattributes folder for git setup", |fx| {
        std::fs::create_dir(fx.store().join(".gitattributes")).expect("folder");
        std::fs::write(fx.store().join(".gitattributes/x"), b"x\n").expect("file");
        fx.commit(".gitattributes", "folder");
        Some(Case::new(
            &["git", "setup"],
            ".gitattributes is not a regular file",
        ))
    }),
    (
        "a committed communique.toml symlinked out of the store",
        |fx| {
            let outside = fx.file("elsewhere.toml", b"[defaults]\nformat = \"json\"\n");
            std::os::unix::fs::symlink(&outside, fx.store().join("communique.toml")).expect("link");
            fx.commit("communique.toml", "link");
            Some(Case::new(
                &["log"],
                "communique.toml is a symbolic link that leads out of the store",
            ))
        },
    ),
    ("a statement path occupied by a folder", |fx| {
        std::fs::create_dir_all(fx.store().join("statements/s/2024-01-01-new.txt/inside"))
            .expect("folder");
        std::fs::write(
            fx.store().join("statements/s/2024-01-01-new.txt/inside/x"),
            b"x",
        )
        .expect("file");
        fx.commit("statements", "occupy");
        Some(import_new(fx, "2024-01-01-new.txt"))
    }),
    ("uncommitted edits where the import would write", |fx| {
        let stored = fx.store().join(format!("statements/{SEED_REF}.txt"));
        let mut text = std::fs::read_to_string(&stored).expect("stored");
        text.push_str("\nAn edit not yet committed.\n");
        std::fs::write(&stored, text).expect("edit");
        let f = fx.file("revised.txt", NEW_TEXT);
        Some(Case::new(
            &[
                "import",
                &f,
                "--series",
                "s",
                "--date",
                "2021-03-30",
                "--id",
                "joint-communique",
                "--revise",
            ],
            "has uncommitted changes",
        ))
    }),
    (
        "different text for a stored statement without --revise",
        |fx| {
            let f = fx.file("joint-communique.txt", NEW_TEXT);
            Some(Case::new(
                &["import", &f, "--series", "s", "--date", "2021-03-30"],
                SEED_REF,
            ))
        },
    ),
    ("an empty file imported into the store", |fx| {
        on_file(fx, IMPORT, "empty.txt", b"", "empty.txt: empty file")
    }),
    ("a binary file imported into the store", |fx| {
        on_file(
            fx,
            IMPORT,
            "bin.txt",
            b"\x7fELF\x02\x01\x01\0\0\0",
            "bin.txt: looks binary",
        )
    }),
    ("an unknown ref", |_| {
        Some(Case::new(&["show", "s/nope"], "\"s/nope\""))
    }),
    ("an unknown revision", |_| {
        Some(Case::new(
            &["show", "s/2021@no-such-rev"],
            "\"no-such-rev\" is not a revision",
        ))
    }),
    ("a ref at a revision before it existed", |_| {
        Some(Case::new(&["diff", "s/2021@HEAD~1", SEED_REF], "HEAD~1"))
    }),
    ("an unknown series", |_| {
        Some(Case::new(&["log", "nowhere"], "\"nowhere\""))
    }),
    ("history of a file outside the store", |fx| {
        let f = fx.file("loose.txt", NEW_TEXT);
        Some(Case::new(
            &["history", &f],
            "loose.txt: not a statement of the store",
        ))
    }),
    (
        "diff of the first statement of a series against its predecessor",
        |_| {
            Some(Case::new(
                &["diff", SEED_REF],
                "first statement of series s",
            ))
        },
    ),
    // ------------------------------------ escapes in names (issue 16, item 4)
    (
        "a missing file whose name holds terminal escapes and a line break",
        |fx| {
            let f = fx.path("evil\u{1b}]0;PWNED\u{7}\nname.txt");
            Some(Case::new(
                &["diff", SEED_REF, &f],
                "evil\\u{1b}]0;PWNED\\u{7}\\nname.txt",
            ))
        },
    ),
    ("an empty file whose name holds an escape", |fx| {
        on_file(
            fx,
            &["normalize"],
            "e\u{1b}[2J.txt",
            b"",
            "e\\u{1b}[2J.txt: empty file",
        )
    }),
    ("a ref holding an escape and a bidi override", |_| {
        Some(Case::new(
            &["show", "s/\u{1b}[2J\u{202e}x"],
            "s/\\u{1b}[2J\\u{202e}x",
        ))
    }),
    ("a --series holding an escape", |fx| {
        on_file(
            fx,
            &[
                "import",
                "FILE",
                "--series",
                "s\u{9b}2J",
                "--date",
                "2024-01-01",
            ],
            "new.txt",
            NEW_TEXT,
            "s\\u{9b}2J",
        )
    }),
];

/// The rows that run pdftotext: declared, so that they are reported
/// ignored where it is not installed (and fail under `CI=true`).
const PDFTOTEXT_ROWS: [&str; 2] = [
    "a PDF that keeps pdftotext busy forever (item 12)",
    "a PDF that makes pdftotext write hundreds of megabytes",
];

/// One test per row, run by the harness every test binary shares
/// (`tests/support/harness.rs`): `cargo test --test bad_input` lists each
/// row, and `-- --nocapture` prints every message.
fn main() {
    let mut cases = vec![Trial {
        name: "the_table_has_rows_of_every_kind".to_owned(),
        run: Box::new(|| assert!(ROWS.len() >= 20, "the table has {} rows", ROWS.len())),
        needs: &[],
    }];
    for &(name, setup) in ROWS {
        let needs: &'static [Need] = if PDFTOTEXT_ROWS.contains(&name) {
            &[Need::Pdftotext]
        } else {
            &[]
        };
        cases.push(Trial {
            name: name.to_owned(),
            run: Box::new(move || row(name, setup)),
            needs,
        });
    }
    support::harness::run_cases(cases)
}

/// Runs one row: exit 2 with one line naming the input, and no write.
fn row(name: &str, setup: fn(&mut Fixture) -> Option<Case>) {
    let mut fx = Fixture::new();
    let Some(case) = setup(&mut fx) else {
        // Only where the machine cannot set the row up (no chattr as root,
        // no mkfifo): the row said why on stderr.
        return;
    };
    let before = fx.snapshot();
    let out = fx.run(&case);
    let after = fx.snapshot();
    let code = out.status.code().unwrap_or(-1);
    let err = String::from_utf8_lossy(&out.stderr);
    let mut wrong = Vec::new();
    if code != 2 {
        wrong.push(format!("exit code {code}, not 2"));
    }
    if err.contains("panicked") {
        wrong.push("panicked".to_owned());
    }
    if !(err.starts_with("communique: ") && err.ends_with('\n') && err.lines().count() == 1) {
        wrong.push("not one `communique: …` line".to_owned());
    }
    // No name or value echoed back can drive the terminal.
    let raw: Vec<char> = err
        .trim_end_matches('\n')
        .chars()
        .filter(|&c| {
            c.is_control()
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect();
    if !raw.is_empty() {
        wrong.push(format!("raw control characters {raw:?}"));
    }
    // What and where; what to do.
    if !err.contains("; ") {
        wrong.push("says nothing about what to do".to_owned());
    }
    // The input's own bytes (a 1 MB line) are not echoed back.
    if err.len() > 1000 {
        wrong.push(format!("a message of {} bytes", err.len()));
    }
    if !err.contains(&case.names) {
        wrong.push(format!("does not name {:?}", case.names));
    }
    if before.0 != after.0 {
        wrong.push("HEAD moved".to_owned());
    }
    if before.1 != after.1 {
        wrong.push(format!(
            "git status changed: {:?} → {:?}",
            before.1, after.1
        ));
    }
    if before.2 != after.2 {
        let changed: Vec<_> = after
            .2
            .iter()
            .filter(|(p, h)| before.2.get(*p) != Some(h))
            .map(|(p, _)| p.display().to_string())
            .chain(
                before
                    .2
                    .keys()
                    .filter(|p| !after.2.contains_key(*p))
                    .map(|p| format!("-{}", p.display())),
            )
            .collect();
        wrong.push(format!("files under the store changed: {changed:?}"));
    }
    // `cargo test --test bad_input -- --nocapture` shows every message (the
    // harness captures nothing, so without the flag they stay unprinted).
    if std::env::args().any(|a| a == "--nocapture") {
        eprintln!(
            "{name}: {}",
            err.trim_end().chars().take(200).collect::<String>()
        );
    }
    let shown: String = err.chars().take(300).collect();
    assert!(
        wrong.is_empty(),
        "{name} ({:?}): {}\n    stderr: {shown}",
        case.args
            .iter()
            .map(|a| a.chars().take(60).collect::<String>())
            .collect::<Vec<_>>(),
        wrong.join("; ")
    );
}
