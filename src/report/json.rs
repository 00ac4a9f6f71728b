//! The JSON report, schema `communique.diff/1`.
//!
//! ```json
//! {"schema": "communique.diff/1",
//!  "old": {"ref": "…", "title": "…", "date": "…"},
//!  "new": {"ref": "…", "title": "…", "date": "…"},
//!  "summary": {"same": 0, "moved": 0, "reworded": 0, "split": 0, "merged": 0, "added": 0, "removed": 0},
//!  "changes": [{"kind": "reworded", "old": [{"paragraph": 3, "sentence": 1, "label": "10.", "text": "…"}],
//!               "new": […], "similarity": 0.82, "moved": false, "editorial": [],
//!               "renumbered": {"old": "10.", "new": "11."}, "edit_kinds": ["words-inserted"],
//!               "edits": [{"op": "equal", "text": "…"}, {"op": "delete", "text": "…"}]}]}
//! ```
//!
//! Every field is documented in `docs/json.md`. Fields are only ever added
//! within a schema version; a change to an existing one bumps the version.

use std::io::{self, Write};

use serde::Serialize;

use crate::diff::{Change, Diff, DocumentInfo, Summary};
use crate::parallel;

/// The schema name and version of the diff JSON.
pub const SCHEMA: &str = "communique.diff/1";

/// Everything but the changes, which [`write`] renders on its own (in
/// parallel for long diffs) after these fields.
#[derive(Serialize)]
struct Head<'a> {
    schema: &'static str,
    old: &'a DocumentInfo,
    new: &'a DocumentInfo,
    summary: Summary,
}

/// Changes rendered on one thread before the output is split over two: a
/// short diff is written in less time than a thread takes to start.
const PARALLEL_MIN: usize = 2048;

/// Writes `diff` as one pretty-printed JSON document and a newline.
///
/// With `only_commitments`, `changes` keeps only the entries that change a
/// commitment; the summary still counts every entry.
pub fn write(out: &mut dyn Write, diff: &Diff, only_commitments: bool) -> io::Result<()> {
    let kept: Vec<Change>;
    let changes = if only_commitments {
        kept = diff
            .changes
            .iter()
            .filter(|c| c.changes_commitment())
            .cloned()
            .collect();
        &kept
    } else {
        &diff.changes
    };
    let head = Head {
        schema: SCHEMA,
        old: &diff.old,
        new: &diff.new,
        summary: diff.summary(),
    };
    // serde_json writes many small pieces: buffer them here, where the
    // writer's type is known, rather than through `dyn Write` one by one.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    let mut rendered_head = serde_json::to_vec_pretty(&head)?;
    // The head is an object; reopen it to add the changes as its last field.
    rendered_head.truncate(rendered_head.len() - b"\n}".len());
    buffered.write_all(&rendered_head)?;
    if changes.is_empty() {
        buffered.write_all(b",\n  \"changes\": []\n}\n")?;
        return buffered.flush();
    }
    buffered.write_all(b",\n  \"changes\": [")?;
    // A 5 MB diff renders to ~25 MB of JSON: the second half renders on
    // another thread while the first is written out.
    let (first, second) = changes.split_at(changes.len() / 2);
    let (written, rendered) = parallel::join(
        changes.len() >= PARALLEL_MIN,
        || write_changes(&mut buffered, first, true),
        || {
            let mut rendered = Chunks::default();
            write_changes(&mut rendered, second, first.is_empty()).map(|()| rendered)
        },
    );
    written?;
    for chunk in &rendered?.0 {
        buffered.write_all(chunk)?;
    }
    buffered.write_all(b"\n  ]\n}\n")?;
    buffered.flush()
}

/// Writes changes as elements of the `changes` array, indented as
/// `to_writer_pretty` would indent them there; `first` when they start the
/// array (no comma before them).
fn write_changes(out: &mut impl Write, changes: &[Change], first: bool) -> io::Result<()> {
    for (i, change) in changes.iter().enumerate() {
        out.write_all(if first && i == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Pretty::at(2));
        change.serialize(&mut serializer)?;
    }
    Ok(())
}

/// An in-memory writer that fills fixed-size chunks: unlike one growing
/// `Vec`, it never copies what it holds and never touches twice the memory.
#[derive(Default)]
struct Chunks(Vec<Vec<u8>>);

impl Chunks {
    const SIZE: usize = 1 << 20;
}

impl Write for Chunks {
    fn write(&mut self, mut bytes: &[u8]) -> io::Result<usize> {
        let written = bytes.len();
        while !bytes.is_empty() {
            match self.0.last_mut() {
                Some(chunk) if chunk.len() < Self::SIZE => {
                    let take = bytes.len().min(Self::SIZE - chunk.len());
                    chunk.extend_from_slice(&bytes[..take]);
                    bytes = &bytes[take..];
                }
                _ => self.0.push(Vec::with_capacity(Self::SIZE)),
            }
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// serde_json's two-space pretty printer, started `depth` levels in (its
/// own always starts at the left margin).
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    fn open(&mut self, out: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close(&mut self, out: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(out)?;
        }
        out.write_all(bracket)
    }

    fn item(&mut self, out: &mut (impl Write + ?Sized), first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }

    fn newline(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        out.write_all(b"\n")?;
        self.indent(out)
    }

    fn indent(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
