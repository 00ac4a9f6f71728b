//! One import at a time per store.
//!
//! libgit2's compare-and-swap on the branch keeps concurrent commits from
//! losing each other, but most of them then fail (`Locked`, `Modified`): with
//! four writers, about two commits in three did. An advisory lock on a file
//! in the git folder around read-tip → commit makes writers wait their turn
//! instead, and every import lands. The lock is the operating system's
//! (`File::lock`), so it is released when the process ends, even by
//! `kill -9`: no stale lock of ours can block a store.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;

/// The lock file's name in the git folder (shared by all worktrees).
pub const LOCK_FILE: &str = "communique.lock";

/// Held while one commit reads the branch tip and commits; released on drop.
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    /// Waits up to `timeout` for the store's lock in `git_dir`, then gives up
    /// with [`StoreError::Busy`].
    pub fn acquire(git_dir: &Path, timeout: Duration) -> Result<StoreLock, StoreError> {
        let path = git_dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(StoreError::io(&path))?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(StoreLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < timeout => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy {
                        lock: path,
                        waited_ms: start.elapsed().as_millis(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(StoreError::io(path)(e)),
            }
        }
    }
}

/// The `.lock` file git and libgit2 create beside a branch while they move
/// it, when one is there. Ours never leave one behind, but a killed `git`
/// does, and libgit2 then refuses every commit without saying why.
pub fn branch_lock(git_dir: &Path, branch: &str) -> Option<PathBuf> {
    let lock = git_dir.join(format!("{branch}.lock"));
    lock.exists().then_some(lock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let held = StoreLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let err = StoreLock::acquire(dir.path(), Duration::from_millis(20))
            .err()
            .unwrap();
        assert!(err.to_string().contains("store busy"), "{err}");
        drop(held);
        assert!(StoreLock::acquire(dir.path(), Duration::ZERO).is_ok());
    }
}
