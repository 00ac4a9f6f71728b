//! Reading and writing the files communique keeps for itself under the git
//! folder (the precedent index, the pair cache): never committed, possibly
//! damaged or left half-written by a killed command, so every read is
//! bounded and every write lands whole or not at all.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

/// The bytes of `path`, refused (an error) past `max` bytes, whatever its
/// metadata says.
pub(crate) fn read_bounded(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::other("too large"));
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// (named `tmp-…`, so that an owner of the folder can sweep what a killed
/// writer left), renamed into place: a reader never sees half a file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().ok_or(io::ErrorKind::InvalidInput)?;
    fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix("tmp-").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_bound_and_writes_whole_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/file");
        write_atomic(&path, b"12345").expect("written");
        assert_eq!(read_bounded(&path, 5).expect("read"), b"12345");
        assert!(read_bounded(&path, 4).is_err());
        let left: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .expect("folder")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(left, ["file"]);
    }
}
