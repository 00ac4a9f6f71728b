//! Reads with a ceiling: every file the command line reads (statements,
//! standard input, configuration, lexicons, policies) goes through here, so
//! that `/dev/zero`, a FIFO that never ends or a committed symlink to either
//! stops with one line instead of reading until memory runs out.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The most one read may take, and how a refusal explains it.
pub struct Ceiling {
    /// The ceiling in bytes; one byte more is refused.
    pub bytes: u64,
    /// What the file was read as ("a statement").
    pub what: &'static str,
}

/// A statement: 64 MiB, far above any real statement (the UN's longest
/// resolutions are well under 1 MB as text; a .docx or PDF with its images
/// rarely passes 20 MB).
pub const STATEMENT: Ceiling = Ceiling {
    bytes: communique::statement::MAX_STATEMENT_BYTES,
    what: "a statement",
};

/// A configuration file, lexicon or policy: 1 MiB, a thousand times a real
/// one.
pub const SETTINGS: Ceiling = Ceiling {
    bytes: 1 << 20,
    what: "a configuration, lexicon or policy file",
};

/// The error of a read that passed its ceiling; its message is the whole
/// explanation, so callers show it without further context.
#[derive(Debug, thiserror::Error)]
#[error(
    "{name} is larger than {} MiB, the most {} may be; check that it names the right file",
    .bytes >> 20,
    .what
)]
pub struct TooLarge {
    name: String,
    bytes: u64,
    what: &'static str,
}

/// The file at `path`, at most `ceiling.bytes` of it. Anything longer is a
/// [`TooLarge`] error (inside the `io::Error`, of kind `FileTooLarge`).
pub fn read(path: &Path, ceiling: &Ceiling) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    // A regular file says how long it is: one buffer of that size, not a
    // doubling one that copies a 5 MB statement a dozen times and touches
    // three times its pages. A special file says 0, or a length it may not
    // keep; the ceiling bounds the hint as it bounds the read.
    let hint = file.metadata().map_or(0, |m| m.len()).min(ceiling.bytes);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0).saturating_add(1));
    read_into(file, &mut bytes, &path.display().to_string(), ceiling)?;
    Ok(bytes)
}

/// Standard input, at most `ceiling.bytes` of it.
pub fn read_stdin(ceiling: &Ceiling) -> io::Result<Vec<u8>> {
    read_from(io::stdin().lock(), "standard input", ceiling)
}

/// [`read`] as UTF-8 text (an error of kind `InvalidData` otherwise).
pub fn read_to_string(path: &Path, ceiling: &Ceiling) -> io::Result<String> {
    String::from_utf8(read(path, ceiling)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
}

/// Reads `reader` (named `name` in a refusal) to its end or one byte past
/// the ceiling, whichever comes first: a source that never ends costs at
/// most the ceiling.
pub fn read_from(reader: impl Read, name: &str, ceiling: &Ceiling) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    read_into(reader, &mut bytes, name, ceiling)?;
    Ok(bytes)
}

/// [`read_from`] into `bytes`, which may come with room reserved.
fn read_into(
    reader: impl Read,
    bytes: &mut Vec<u8>,
    name: &str,
    ceiling: &Ceiling,
) -> io::Result<()> {
    reader.take(ceiling.bytes + 1).read_to_end(bytes)?;
    if bytes.len() as u64 > ceiling.bytes {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            TooLarge {
                name: name.to_owned(),
                bytes: ceiling.bytes,
                what: ceiling.what,
            },
        ));
    }
    Ok(())
}

/// `e` as the one line to show: a read past the ceiling says so by itself;
/// any other error gets `context` in front.
pub fn explain(e: io::Error, context: impl FnOnce() -> String) -> anyhow::Error {
    if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) {
        anyhow::Error::new(e)
    } else {
        anyhow::Error::new(e).context(context())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: Ceiling = Ceiling {
        bytes: 8,
        what: "a test file",
    };

    #[test]
    fn reads_up_to_the_ceiling_and_refuses_one_byte_more() {
        assert_eq!(
            read_from(&b"12345678"[..], "x", &TINY).expect("fits"),
            b"12345678"
        );
        let e = read_from(&b"123456789"[..], "x", &TINY).expect_err("too long");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(e.to_string().starts_with("x is larger than 0 MiB"), "{e}");
    }

    #[test]
    fn an_endless_source_costs_the_ceiling() {
        let e = read_from(io::repeat(0), "endless", &TINY).expect_err("endless");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        let shown = format!("{:#}", explain(e, || "never shown".to_owned()));
        assert!(!shown.contains("never shown"), "{shown}");
    }

    #[test]
    fn a_file_is_read_whole_into_one_buffer_of_its_length_and_refused_past_the_ceiling() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fits = dir.path().join("fits.txt");
        std::fs::write(&fits, b"12345678").expect("write");
        let bytes = read(&fits, &TINY).expect("fits");
        assert_eq!(bytes, b"12345678");
        // Room for the probe read that finds the end, and no more.
        assert!(bytes.capacity() <= 9, "{}", bytes.capacity());
        let long = dir.path().join("long.txt");
        std::fs::write(&long, b"123456789").expect("write");
        let e = read(&long, &TINY).expect_err("too long");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(
            e.to_string().starts_with(&long.display().to_string()),
            "{e}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_says_it_is_empty_is_still_read_to_the_ceiling() {
        // /dev/zero reports a length of 0 and never ends.
        let e = read(Path::new("/dev/zero"), &TINY).expect_err("endless");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }
}
