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

/// Whether `dir`, or the folder above it, is a link. What communique keeps
/// under the git folder is neither written nor removed through one: it
/// could lead out of the store.
pub(crate) fn linked(dir: &Path) -> bool {
    let link = |d: &Path| fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink());
    link(dir) || dir.parent().is_some_and(link)
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
    fn a_folder_or_its_parent_that_is_a_link_is_linked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("a/b");
        fs::create_dir_all(&real).expect("folders");
        assert!(!linked(&real));
        assert!(!linked(&dir.path().join("a/missing")));
        std::os::unix::fs::symlink(&real, dir.path().join("to-b")).expect("link");
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("to-a")).expect("link");
        assert!(linked(&dir.path().join("to-b")));
        assert!(linked(&dir.path().join("to-a/b")));
        assert!(linked(&dir.path().join("to-a/missing")));
    }

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
