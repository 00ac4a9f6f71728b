//! Commands isolated from the caller's environment, and the temporary folder
//! (a home, and a store where asked for) that a test runs them in.
//!
//! Isolation is written once, in [`isolate`]: the user's git configuration,
//! communique configuration, colour choice, locale and any `GIT_*` variable
//! of a surrounding git hook (`GIT_DIR`, `GIT_INDEX_FILE`…) never reach the
//! programs a test runs.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate's root folder (the bundled `statements/` live under it).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The path of the `communique` binary Cargo built for the tests.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_communique")
}

/// A home for commands run outside any [`Sandbox`]: absent, so that no
/// configuration file can be found under it.
const NO_HOME: &str = "/nonexistent/communique-test-home";

/// Makes `cmd` independent of the caller's environment: `home` as its home
/// (and XDG folders under it), git without the user's or the system's
/// configuration, no variable of a surrounding git process, no
/// `COMMUNIQUE_*` variable, no `NO_COLOR`, a fixed locale and no standard
/// input. A test that needs one of these sets it after this call.
pub fn isolate(cmd: &mut Command, home: &Path) {
    for (name, _) in std::env::vars_os() {
        if is_callers(&name) {
            cmd.env_remove(&name);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null());
}

/// Whether a variable of the caller's environment must not reach a test's
/// programs.
fn is_callers(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with("GIT_")
        || name.starts_with("COMMUNIQUE_")
        || name.starts_with("XDG_")
        || name.starts_with("LC_")
        || matches!(name.as_ref(), "NO_COLOR" | "LANG" | "LANGUAGE" | "EMAIL")
}

/// The binary, isolated, run in the crate's root with no home: for tests
/// that only read the bundled statements and write nothing (no precedent
/// index or pair cache in the repository's own git folder either).
pub fn communique() -> assert_cmd::Command {
    let mut cmd = Command::new(binary());
    isolate(&mut cmd, Path::new(NO_HOME));
    cmd.env("COMMUNIQUE_NO_CACHE", "1");
    cmd.current_dir(repo());
    assert_cmd::Command::from_std(cmd)
}

/// Runs the binary as [`communique`] does with `args`: (exit code, stdout,
/// stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    output(communique().args(args).output().expect("the binary runs"))
}

/// A finished command's (exit code, stdout, stderr), `-1` for a signal.
pub fn output(out: Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary folder with a home (`home/`), where commands run isolated; in
/// the folder itself, or in its store (`store/`) for [`Sandbox::with_store`].
pub struct Sandbox {
    dir: tempfile::TempDir,
    /// Where commands run.
    cwd: PathBuf,
}

impl Sandbox {
    /// An empty folder (but for `home/`), where commands run.
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("home")).expect("home");
        let cwd = dir.path().to_path_buf();
        Sandbox { dir, cwd }
    }

    /// A folder with an empty `store/` folder, not yet a store, where
    /// commands run.
    pub fn with_empty_store() -> Sandbox {
        let mut sandbox = Sandbox::new();
        sandbox.cwd = sandbox.path().join("store");
        std::fs::create_dir(&sandbox.cwd).expect("store");
        sandbox
    }

    /// A folder whose `store/` is a store made by `communique init`, where
    /// commands run.
    pub fn with_store() -> Sandbox {
        let sandbox = Sandbox::with_empty_store();
        sandbox.ok(&["init"]);
        sandbox
    }

    /// The temporary folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where commands run: the folder, or its store.
    pub fn root(&self) -> &Path {
        &self.cwd
    }

    /// The home of every command run here.
    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    /// Writes `text` at `name` (under [`Sandbox::root`]), making folders.
    pub fn write<P: AsRef<Path> + ?Sized>(&self, name: &P, text: &str) {
        let path = self.root().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::write(path, text).expect("write");
    }

    /// Writes an input file beside [`Sandbox::root`] (in the temporary
    /// folder, outside any store) and returns its path.
    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_string_lossy().into_owned()
    }

    /// Any program, isolated with this home, run in [`Sandbox::root`].
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        isolate(&mut cmd, &self.home());
        cmd.current_dir(self.root());
        cmd
    }

    /// The binary, isolated with this home, run in [`Sandbox::root`].
    pub fn cmd(&self) -> Command {
        self.command(binary())
    }

    /// Runs the binary here: (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_in(self.root(), args)
    }

    /// Runs the binary in `dir`: (exit code, stdout, stderr).
    pub fn run_in(&self, dir: &Path, args: &[&str]) -> (i32, String, String) {
        let mut cmd = self.cmd();
        cmd.current_dir(dir).args(args);
        output(cmd.output().expect("runs"))
    }

    /// Runs the binary and expects exit 0 (or 1 for a diff with changes).
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert!(code == 0 || code == 1, "{args:?} failed ({code}): {err}");
        out
    }

    /// Runs the binary and expects a one-line error holding `expected`.
    pub fn refused(&self, args: &[&str], expected: &str) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 2, "{args:?} should fail: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.starts_with("communique: "), "{err}");
        assert!(err.contains(expected), "{args:?}: says {expected:?}: {err}");
        err
    }

    /// Runs git here, expects success and returns its stdout.
    pub fn git(&self, args: &[&str]) -> String {
        let (code, out, err) = output(self.command("git").args(args).output().expect("git runs"));
        assert_eq!(code, 0, "git {args:?}: {err}");
        out
    }

    /// Commits what the index holds with plain git, as a user would.
    pub fn commit_staged(&self, message: &str) {
        self.git(&[
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            message,
        ]);
    }
}
