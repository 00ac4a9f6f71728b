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
use std::sync::{Arc, mpsc};

use serde::Serialize;

use crate::diff::{Change, Commitment, Diff, Edit, SentenceView};
use crate::parallel;

use super::{ReportOptions, wire};

/// The schema name and version of the diff JSON.
pub const SCHEMA: &str = wire::DIFF_SCHEMA;

/// Changes rendered on one thread before the output is split over two: a
/// short diff is written in less time than a thread takes to start.
const PARALLEL_MIN: usize = 2048;

/// Writes `diff` as one pretty-printed JSON document and a newline.
///
/// With `only_commitments`, `changes` keeps only the entries that change a
/// commitment; the summary still counts every entry. With `stat`, the
/// document has no `changes` at all. `context` does not apply: every entry
/// is listed.
pub fn write(out: &mut dyn Write, diff: &Diff, options: &ReportOptions) -> io::Result<()> {
    let kept: Vec<Change>;
    let changes = if options.only_commitments {
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
    let head = wire::DiffHead::of(diff, !options.stat);
    // serde_json writes many small pieces: buffer them here, where the
    // writer's type is known, rather than through `dyn Write` one by one.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
    let mut rendered_head = serde_json::to_vec_pretty(&head)?;
    // The head is an object; reopen it to add the changes as its last field.
    rendered_head.truncate(rendered_head.len() - b"\n}".len());
    buffered.write_all(&rendered_head)?;
    if options.stat || options.digest_only {
        return buffered.write_all(b"\n}\n").and_then(|()| buffered.flush());
    }
    if changes.is_empty() {
        buffered.write_all(b",\n  \"changes\": []\n}\n")?;
        return buffered.flush();
    }
    buffered.write_all(b",\n  \"changes\": [")?;
    if changes.len() < PARALLEL_MIN {
        write_changes(&mut buffered, changes, true)?;
    } else {
        // A 5 MB diff renders to ~40 MB of JSON, and piping that out takes
        // ~30 ms of a ~180 ms run. This thread renders and writes
        // the first part, then writes the rest as the other thread hands
        // it over chunk by chunk; the first part is the smaller so that the
        // two threads finish together.
        let (first, rest) = changes.split_at(changes.len() / FIRST_PART);
        let (chunks, received) = mpsc::channel();
        let (emptied, spare) = mpsc::channel();
        let (written, rendered) = parallel::join(
            true,
            || {
                write_changes(&mut buffered, first, true)?;
                // Taken by value: an error here drops the receiver, which
                // stops the other thread.
                received.into_iter().try_for_each(|chunk: Vec<u8>| {
                    buffered.write_all(&chunk)?;
                    // Back to the renderer, whose next chunk then needs no
                    // fresh pages; it may have finished, and that is fine.
                    let _ = emptied.send(chunk);
                    Ok::<(), io::Error>(())
                })
            },
            || {
                let mut rendered = Chunks::new(chunks, spare);
                write_changes(&mut rendered, rest, first.is_empty())?;
                rendered.finish()
            },
        );
        // A write error is the one to report: the other thread's only
        // error is that this one stopped.
        written?;
        rendered?;
    }
    buffered.write_all(b"\n  ]\n}\n")?;
    buffered.flush()
}

/// Writes changes as elements of the `changes` array, indented as
/// `to_writer_pretty` would indent them there; `first` when they start the
/// array (no comma before them).
fn write_changes(out: &mut impl Write, changes: &[Change], first: bool) -> io::Result<()> {
    let mut views = ViewWriter::default();
    for (i, change) in changes.iter().enumerate() {
        out.write_all(if first && i == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        write_change(out, change, &mut views)?;
    }
    Ok(())
}

/// Depth of a change's fields: `{"changes": [{…` is two levels in.
const CHANGE_DEPTH: usize = 3;
/// Depth of a sentence view's fields, inside a change's `old` or `new`.
const VIEW_DEPTH: usize = CHANGE_DEPTH + 2;

/// Writes one value as `to_writer_pretty` writes it `depth` levels in.
fn write_value(
    out: &mut impl Write,
    depth: usize,
    value: &(impl Serialize + ?Sized),
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// Writes `"key": ` as the `first` or a later field of an object whose
/// fields stand `depth` levels in. The keys are the fields' names, plain
/// ASCII that JSON writes as it is, so they skip serde_json's escaping.
fn write_key(out: &mut impl Write, depth: usize, key: &str, first: bool) -> io::Result<()> {
    debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    // Put together on the stack and written at once: a report has some
    // twenty keys per entry, and each write has its cost.
    let mut line = [b' '; KEY_LINE];
    let comma = if first { b"\n".as_slice() } else { b",\n" };
    let quote = comma.len() + 2 * depth;
    let end = quote + key.len() + b"\"\": ".len();
    if end > KEY_LINE {
        Pretty::at(depth).item(out, first)?;
        out.write_all(b"\"")?;
        out.write_all(key.as_bytes())?;
        return out.write_all(b"\": ");
    }
    line[..comma.len()].copy_from_slice(comma);
    line[quote] = b'"';
    line[quote + 1..end - 3].copy_from_slice(key.as_bytes());
    line[end - 3..end].copy_from_slice(b"\": ");
    out.write_all(&line[..end])
}

/// The longest key line [`write_key`] puts together on the stack.
const KEY_LINE: usize = 64;

/// Writes one change by hand, field for field as [`wire::Change`]'s
/// `Serialize` with [`Pretty`] would, so that the sentence views' commitment fields can
/// be rendered once and copied (see [`ViewWriter`]).
fn write_change<'a>(
    out: &mut impl Write,
    change: &'a Change,
    views: &mut ViewWriter<'a>,
) -> io::Result<()> {
    // Destructured so that a field added to `Change` fails to compile here
    // instead of going missing from the report.
    let Change {
        kind,
        old,
        new,
        similarity,
        moved,
        editorial,
        renumbered,
        edit_kinds,
        edits,
        commitment_change,
        commitment_reasons,
        section,
        routine,
    } = change;
    let depth = CHANGE_DEPTH;
    out.write_all(b"{")?;
    write_key(out, depth, "kind", true)?;
    write_str(out, depth, kind.name())?;
    for (key, side) in [("old", old), ("new", new)] {
        write_key(out, depth, key, false)?;
        views.write_side(out, side)?;
    }
    write_key(out, depth, "similarity", false)?;
    write_value(out, depth, similarity)?;
    write_key(out, depth, "moved", false)?;
    write_bool(out, *moved)?;
    write_key(out, depth, "editorial", false)?;
    write_strs(out, depth, editorial.iter().map(|e| e.name()))?;
    write_key(out, depth, "renumbered", false)?;
    match renumbered {
        Some(r) => write_pair(out, depth, r.old.as_deref(), r.new.as_deref())?,
        None => out.write_all(b"null")?,
    }
    write_key(out, depth, "edit_kinds", false)?;
    write_strs(out, depth, edit_kinds.iter().map(|&k| wire::edit_kind(k)))?;
    write_key(out, depth, "edits", false)?;
    write_edits(out, depth, edits)?;
    write_key(out, depth, "commitment_change", false)?;
    write_opt_str(out, depth, commitment_change.map(|c| c.name()))?;
    write_key(out, depth, "commitment_reasons", false)?;
    write_strs(out, depth, commitment_reasons.iter().map(String::as_str))?;
    write_key(out, depth, "section", false)?;
    write_pair(out, depth, section.old.as_deref(), section.new.as_deref())?;
    write_key(out, depth, "routine", false)?;
    write_bool(out, *routine)?;
    write_key(out, depth, "heading", false)?;
    write_bool(out, change.is_heading())?;
    Pretty::at(depth - 1).newline(out)?;
    out.write_all(b"}")
}

/// Writes an array of strings as the value of a field `depth` levels in,
/// as [`Pretty`] does.
fn write_strs<'s>(
    out: &mut impl Write,
    depth: usize,
    strings: impl Iterator<Item = &'s str>,
) -> io::Result<()> {
    let mut first = true;
    for string in strings {
        out.write_all(if first { b"[" } else { b"," })?;
        Pretty::at(depth + 1).newline(out)?;
        write_str(out, depth + 1, string)?;
        first = false;
    }
    if first {
        return out.write_all(b"[]");
    }
    Pretty::at(depth).newline(out)?;
    out.write_all(b"]")
}

/// Writes an `{"old": …, "new": …}` object of two optional strings (a
/// change's `section` and `renumbered`) as the value of a field `depth`
/// levels in.
fn write_pair(
    out: &mut impl Write,
    depth: usize,
    old: Option<&str>,
    new: Option<&str>,
) -> io::Result<()> {
    out.write_all(b"{")?;
    write_key(out, depth + 1, "old", true)?;
    write_opt_str(out, depth + 1, old)?;
    write_key(out, depth + 1, "new", false)?;
    write_opt_str(out, depth + 1, new)?;
    Pretty::at(depth).newline(out)?;
    out.write_all(b"}")
}

/// Writes a change's redline as [`wire::Edit`]s, as the value of a field
/// `depth` levels in.
fn write_edits(out: &mut impl Write, depth: usize, edits: &[Edit]) -> io::Result<()> {
    if edits.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (i, Edit { op, text }) in edits.iter().enumerate() {
        Pretty::at(depth + 1).item(out, i == 0)?;
        out.write_all(b"{")?;
        write_key(out, depth + 2, "op", true)?;
        write_str(out, depth + 2, wire::edit_op(*op))?;
        write_key(out, depth + 2, "text", false)?;
        write_str(out, depth + 2, text)?;
        Pretty::at(depth + 1).newline(out)?;
        out.write_all(b"}")?;
    }
    Pretty::at(depth).newline(out)?;
    out.write_all(b"]")
}

/// Writes `true` or `false`.
fn write_bool(out: &mut impl Write, value: bool) -> io::Result<()> {
    out.write_all(if value { b"true" } else { b"false" })
}

/// Writes a string or `null`.
fn write_opt_str(out: &mut impl Write, depth: usize, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(text) => write_str(out, depth, text),
        None => out.write_all(b"null"),
    }
}

/// Writes an unsigned number in decimal, as serde_json does, without its
/// serializer's calls.
fn write_usize(out: &mut impl Write, mut value: usize) -> io::Result<()> {
    // `usize::MAX` has 20 digits.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // A digit is below ten: the cast keeps it.
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.write_all(&digits[at..])
}

/// Writes sentence views, keeping the rendered `commitment` and `clauses`
/// of the last view: the two sides of most entries show the same text,
/// whose clauses are one shared `Arc`, and escaping their strings again
/// was most of what the commitment fields cost.
#[derive(Default)]
struct ViewWriter<'a> {
    /// The clauses last rendered, by identity (the commitment is the
    /// strongest of them).
    last: Option<&'a Arc<[Commitment]>>,
    /// The last view's `commitment` value, at the depth of a view's fields.
    commitment: Vec<u8>,
    /// The last view's `clauses` value, at the same depth.
    clauses: Vec<u8>,
}

impl<'a> ViewWriter<'a> {
    /// Writes a change's `old` or `new` array.
    fn write_side(&mut self, out: &mut impl Write, side: &'a [SentenceView]) -> io::Result<()> {
        if side.is_empty() {
            return out.write_all(b"[]");
        }
        out.write_all(b"[")?;
        for (i, view) in side.iter().enumerate() {
            Pretty::at(VIEW_DEPTH - 1).item(out, i == 0)?;
            self.write_view(out, view)?;
        }
        Pretty::at(VIEW_DEPTH - 2).newline(out)?;
        out.write_all(b"]")
    }

    /// Writes one view as [`wire::View`]'s `Serialize` does.
    fn write_view(&mut self, out: &mut impl Write, view: &'a SentenceView) -> io::Result<()> {
        // `heading` is the entry's, written with it.
        let SentenceView {
            location,
            label,
            text,
            clauses,
            heading: _,
        } = view;
        let depth = VIEW_DEPTH;
        out.write_all(b"{")?;
        write_key(out, depth, "paragraph", true)?;
        write_usize(out, location.paragraph)?;
        write_key(out, depth, "sentence", false)?;
        write_usize(out, location.sentence)?;
        write_key(out, depth, "label", false)?;
        write_opt_str(out, depth, label.as_deref())?;
        write_key(out, depth, "text", false)?;
        write_str(out, depth, text)?;
        // The commitment is one of the clauses, so the same clauses by
        // identity render the same two values.
        let cached = self.last.is_some_and(|c| Arc::ptr_eq(c, clauses));
        if !cached {
            self.render(clauses, view.commitment())?;
        }
        write_key(out, depth, "commitment", false)?;
        out.write_all(&self.commitment)?;
        write_key(out, depth, "clauses", false)?;
        out.write_all(&self.clauses)?;
        Pretty::at(depth - 1).newline(out)?;
        out.write_all(b"}")
    }

    /// Renders a view's `commitment` and `clauses` values. The commitment
    /// is usually one of the clauses: that clause is copied from it, one
    /// level further in, rather than escaped again.
    fn render(
        &mut self,
        clauses: &'a Arc<[Commitment]>,
        commitment: Option<&'a Commitment>,
    ) -> io::Result<()> {
        let depth = VIEW_DEPTH;
        self.commitment.clear();
        match commitment {
            Some(commitment) => write_commitment(&mut self.commitment, depth, commitment)?,
            None => self.commitment.extend_from_slice(b"null"),
        }
        self.clauses.clear();
        if clauses.is_empty() {
            self.clauses.extend_from_slice(b"[]");
        } else {
            self.clauses.push(b'[');
            for (i, clause) in clauses.iter().enumerate() {
                Pretty::at(depth + 1).item(&mut self.clauses, i == 0)?;
                if commitment.is_some_and(|c| std::ptr::eq(c, clause)) {
                    indent_further(&mut self.clauses, &self.commitment);
                } else {
                    write_commitment(&mut self.clauses, depth + 1, clause)?;
                }
            }
            Pretty::at(depth).newline(&mut self.clauses)?;
            self.clauses.push(b']');
        }
        self.last = Some(clauses);
        Ok(())
    }
}

/// Writes a commitment as [`wire::Commitment`]'s `Serialize` does `depth`
/// levels in, without the serializer's calls for each field:
/// most views have clauses, and a clause has eight fields.
fn write_commitment(out: &mut Vec<u8>, depth: usize, commitment: &Commitment) -> io::Result<()> {
    // Destructured so that a field added to `Commitment` fails to compile
    // here instead of going missing from the report.
    let Commitment {
        strength,
        marker,
        actor,
        hedges,
        negated,
        deadlines,
        clause,
        inherited,
    } = commitment;
    let depth = depth + 1;
    out.push(b'{');
    write_key(out, depth, "strength", true)?;
    write_str(out, depth, strength.name())?;
    write_key(out, depth, "marker", false)?;
    write_str(out, depth, marker)?;
    write_key(out, depth, "actor", false)?;
    write_opt_str(out, depth, actor.as_deref())?;
    write_key(out, depth, "hedges", false)?;
    write_strs(out, depth, hedges.iter().map(String::as_str))?;
    write_key(out, depth, "negated", false)?;
    write_bool(out, *negated)?;
    write_key(out, depth, "deadlines", false)?;
    write_strs(out, depth, deadlines.iter().map(String::as_str))?;
    write_key(out, depth, "clause", false)?;
    write_str(out, depth, clause)?;
    write_key(out, depth, "inherited", false)?;
    write_bool(out, *inherited)?;
    Pretty::at(depth - 1).newline(out)?;
    out.push(b'}');
    Ok(())
}

/// Writes a string as serde_json does: a string with nothing to escape
/// (no quote, backslash or control character; most clause texts, markers
/// and actors) is its bytes between quotes, copied without serde_json's
/// byte-by-byte escaping loop; any other goes through serde_json.
fn write_str(out: &mut impl Write, depth: usize, text: &str) -> io::Result<()> {
    // Folded without an early exit, so that it compiles to vector
    // comparisons: clause texts run to hundreds of bytes.
    let plain = text.bytes().fold(true, |plain, b| {
        plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
    });
    if !plain {
        return write_value(out, depth, text);
    }
    out.write_all(b"\"")?;
    out.write_all(text.as_bytes())?;
    out.write_all(b"\"")
}

/// Appends pretty JSON `rendered` one level further in. Every newline in
/// serde_json's output is one the layout put there (a string's own are
/// escaped), so each is followed by one more indentation step.
fn indent_further(out: &mut Vec<u8>, rendered: &[u8]) {
    // The newlines are found by `memchr`: a byte-by-byte split cost as much
    // as escaping the strings again.
    out.reserve(rendered.len() + rendered.len() / 8);
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', rendered) {
        out.extend_from_slice(&rendered[from..at]);
        out.extend_from_slice(b"\n  ");
        from = at + 1;
    }
    out.extend_from_slice(&rendered[from..]);
}

/// The share of the changes, one in `FIRST_PART`, that the writing thread
/// renders itself. A half, a third and a fifth measured the same within the
/// noise of a shared two-core machine; a third leaves room for the writing.
const FIRST_PART: usize = 3;

/// A writer that fills fixed-size chunks and hands each full one over to
/// the thread that writes them out: unlike one growing `Vec`, it never
/// copies what it holds, and the writing starts before the rendering ends.
struct Chunks {
    /// Where full chunks go.
    full: mpsc::Sender<Vec<u8>>,
    /// Chunks written out and emptied, to be filled again: a 5 MB diff's
    /// ~40 MB of JSON would otherwise take ~10,000 freshly zeroed pages
    /// from the kernel, one fault each.
    spare: mpsc::Receiver<Vec<u8>>,
    /// The chunk being filled.
    last: Vec<u8>,
}

impl Chunks {
    const SIZE: usize = 1 << 20;

    fn new(full: mpsc::Sender<Vec<u8>>, spare: mpsc::Receiver<Vec<u8>>) -> Chunks {
        Chunks {
            full,
            spare,
            last: Vec::with_capacity(Self::SIZE),
        }
    }

    /// An empty chunk: one written out already if any is back, else new.
    fn empty(&self) -> Vec<u8> {
        match self.spare.try_recv() {
            Ok(mut written) => {
                written.clear();
                written
            }
            Err(_) => Vec::with_capacity(Self::SIZE),
        }
    }

    /// Hands the last chunk over; the written bytes must all be written
    /// out, when only a full chunk is otherwise.
    fn finish(self) -> io::Result<()> {
        if self.last.is_empty() {
            return Ok(());
        }
        self.full.send(self.last).map_err(Self::gone)
    }

    /// The receiving end has stopped reading: it failed to write.
    fn gone<T>(_: mpsc::SendError<T>) -> io::Error {
        io::Error::new(io::ErrorKind::BrokenPipe, "the report writer stopped")
    }

    /// Appends `bytes` across the end of the chunk being filled and new
    /// ones, handing over those it fills.
    fn append_across(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            if self.last.len() == Self::SIZE {
                let empty = self.empty();
                let full = std::mem::replace(&mut self.last, empty);
                self.full.send(full).map_err(Self::gone)?;
            }
            let take = bytes.len().min(Self::SIZE - self.last.len());
            self.last.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
        }
        Ok(())
    }
}

impl Write for Chunks {
    // serde_json writes a few bytes at a time: those go straight into the
    // last chunk when they fit, as `BufWriter` does.
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if Self::SIZE - self.last.len() >= bytes.len() {
            self.last.extend_from_slice(bytes);
        } else {
            self.append_across(bytes)?;
        }
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write(bytes).map(drop)
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
        // One write for the usual depths (a report nests eight levels at
        // most) rather than one per level: indentation is a good part of
        // the bytes written.
        const SPACES: &[u8; 32] = b"                                ";
        match SPACES.get(..2 * self.depth) {
            Some(spaces) => out.write_all(spaces),
            None => (0..self.depth).try_for_each(|_| out.write_all(b"  ")),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Options, compare};
    use crate::import::{Format, import};

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for text in [
            "",
            "We commit to act by 2030.",
            "Russia’s “special” operation",
            "a \"quoted\" word",
            "a back\\slash",
            "tab\tand\nnewline\u{1}",
            "\u{7f} and é",
        ] {
            let mut ours = Vec::new();
            write_str(&mut ours, 2, text).expect("writes to a Vec");
            let theirs = serde_json::to_vec(text).expect("serializes");
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn chunks_keep_every_byte_in_order_across_chunk_ends() {
        let (full, received) = mpsc::channel();
        let (emptied, spare) = mpsc::channel();
        // A chunk handed back is filled again from its start.
        emptied
            .send(b"written out already".to_vec())
            .expect("the receiver is here");
        let mut chunks = Chunks::new(full, spare);
        let mut expected = Vec::new();
        // Small writes, one that ends a chunk exactly, and ones longer than
        // a chunk.
        for (i, len) in [
            3,
            Chunks::SIZE - 3,
            1,
            2 * Chunks::SIZE + 5,
            7,
            Chunks::SIZE,
        ]
        .into_iter()
        .enumerate()
        {
            let piece: Vec<u8> = (0..len).map(|j| (i * 31 + j % 251) as u8).collect();
            chunks.write_all(&piece).expect("writes to memory");
            expected.extend_from_slice(&piece);
        }
        chunks.finish().expect("the receiver is here");
        let handed: Vec<Vec<u8>> = received.iter().collect();
        assert!(handed.iter().all(|c| c.len() <= Chunks::SIZE));
        assert_eq!(handed.concat(), expected);
    }

    /// The whole report as serde_json's own pretty printer writes the
    /// wire types.
    #[derive(Serialize)]
    struct Whole<'a> {
        #[serde(flatten)]
        head: wire::DiffHead<'a>,
        changes: Vec<wire::Change<'a>>,
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Small reports (written on one thread) are serde_json's pretty
        /// output of the wire types too, with headings, relabelled
        /// paragraphs, quotes, backslashes, control characters and only
        /// the commitments.
        #[test]
        fn a_small_report_is_serde_jsons_pretty_output(
            a in proptest::collection::vec(0usize..12, 1..12),
            b in proptest::collection::vec(0usize..12, 1..12),
            only in proptest::bool::ANY,
        ) {
            let pieces = [
                "Heading \"Quoted\" Part",
                "1. The Parties decide to act by 2030 and shall report annually.",
                "2. The Parties \"agree\" on a\\b path, where possible, by 2025.",
                "(a) We shall work \u{2028} together.",
                "The Council may consider it further, as appropriate.",
                "10. Same text here with hedges where feasible.",
                "11. Same text here with hedges where feasible.",
                "We commit to end hunger by 2030.",
                "We commit to end poverty by 2030.",
                "Ukraine’s “special” case is noted. It must stop.",
                "Tab\tin it and a\u{7f} DEL and é.",
                "Annex",
            ];
            let text = |p: &[usize]| p.iter().map(|&i| pieces[i]).collect::<Vec<_>>().join("\n\n");
            let old = import(text(&a).as_bytes(), Some(Format::Text), "old").expect("imports");
            let new = import(text(&b).as_bytes(), Some(Format::Text), "new").expect("imports");
            let diff = compare(&old, &new, &Options::default());
            let options = ReportOptions {
                only_commitments: only,
                ..ReportOptions::default()
            };
            let mut out = Vec::new();
            write(&mut out, &diff, &options).expect("writes");
            let changes: Vec<Change> = diff
                .changes
                .iter()
                .filter(|c| !only || c.changes_commitment())
                .cloned()
                .collect();
            let whole = Whole {
                head: wire::DiffHead::of(&diff, true),
                changes: changes.iter().map(wire::Change::from).collect(),
            };
            let expected = serde_json::to_string_pretty(&whole).expect("serializes") + "\n";
            proptest::prop_assert_eq!(String::from_utf8(out).expect("utf8"), expected);
        }
    }

    #[test]
    fn a_long_diff_written_in_two_halves_is_serde_jsons_pretty_output() {
        // Enough sentences for the halves to render on two threads.
        let text = |edit: usize| -> String {
            (0..PARALLEL_MIN + 300)
                .map(|i| {
                    let verb = if i % edit == 0 { "decide" } else { "agree" };
                    format!(
                        "{i}. The Parties {verb} on item {i} of the agenda for {}.\n\n",
                        1990 + i % 40
                    )
                })
                .collect()
        };
        let old = import(text(7).as_bytes(), Some(Format::Text), "old").expect("imports");
        let new = import(text(5).as_bytes(), Some(Format::Text), "new").expect("imports");
        let diff = compare(&old, &new, &Options::default());
        assert!(diff.changes.len() >= PARALLEL_MIN);
        let mut out = Vec::new();
        write(&mut out, &diff, &ReportOptions::default()).expect("writes to memory");
        let whole = Whole {
            head: wire::DiffHead::of(&diff, true),
            changes: diff.changes.iter().map(wire::Change::from).collect(),
        };
        let expected = serde_json::to_string_pretty(&whole).expect("serializes") + "\n";
        assert!(
            String::from_utf8(out).expect("UTF-8") == expected,
            "the reports differ"
        );
    }
}
