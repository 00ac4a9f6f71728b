//! Setting git up so that plain `git diff` shows communique's sentence
//! report for statement files, as `daff git csv` does for tables.
//!
//! Three git config entries and a few `.gitattributes` lines:
//!
//! ```text
//! [diff "communique"]        command  = communique git diff-driver --   (git diff)
//! [diff "communique-docx"]   textconv = communique normalize --from docx --
//! [diff "communique-html"]   textconv = communique normalize --from html --
//!
//! .gitattributes:  *.docx diff=communique-docx
//!                  *.html diff=communique-html
//!                  statements/** diff=communique
//! ```
//!
//! The statement patterns come last, so that a `.docx` draft under
//! `statements/` gets the sentence report, and one elsewhere a readable
//! line diff of its sentence file. Both steps are idempotent and report what
//! they changed. Config is edited through git2 (no `git` executable); which
//! files to edit is the caller's decision ([`repository_files`] for one
//! repository; the CLI finds the global ones).

use std::path::{Path, PathBuf};

use git2::{Config, ConfigLevel, Repository};

/// The diff driver's name, as `.gitattributes` writes it (`diff=communique`).
pub const DRIVER: &str = "communique";

/// The statement pattern used when none is given.
pub const DEFAULT_PATTERN: &str = "statements/**";

/// The textconv drivers: (driver, import format, attribute pattern).
const TEXTCONV: [(&str, &str, &str); 2] = [
    ("communique-docx", "docx", "*.docx"),
    ("communique-html", "html", "*.html"),
];

/// Why the setup failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetupError {
    /// Git could not open or write its configuration.
    #[error("{what}: {message}")]
    Git {
        /// What was being done.
        what: String,
        /// What libgit2 said.
        message: String,
    },
    /// The repository's `.gitattributes` is a symbolic link (a clone can
    /// bring one): git does not follow it, and writing through it would
    /// change whatever file it points to.
    #[error(
        "{} is a symbolic link, which git does not read as attributes; replace it with a regular file, then run git setup again",
        path.display()
    )]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// The attributes file is not one git reads: a folder, a FIFO (whose
    /// read would never end), a device, or larger than
    /// [`MAX_ATTRIBUTES_BYTES`].
    #[error(
        "{} {why}; git setup reads and rewrites it whole: replace it with a regular file, then run git setup again",
        path.display()
    )]
    NotAttributes {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        why: &'static str,
    },
    /// The attributes file could not be read or written.
    #[error("{}: {error}; check the path and its permissions", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said. (Not a `source`: the message already
        /// holds it, and the CLI prints the source chain after it.)
        error: std::io::Error,
    },
}

fn git(what: impl Into<String>) -> impl FnOnce(git2::Error) -> SetupError {
    let what = what.into();
    move |e| SetupError::Git {
        what,
        message: e.message().trim_end_matches('.').to_owned(),
    }
}

/// What to install.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    /// How git should run communique: a command line for `sh`, usually the
    /// binary's path (quoted by [`shell_word`]).
    pub program: String,
    /// The `.gitattributes` patterns of statement files (default
    /// `statements/**`).
    pub patterns: Vec<String>,
}

/// A git config file opened for editing (git2's, kept inside: no git2 type
/// is part of this library's API).
pub struct GitConfig(Config);

impl GitConfig {
    /// The path `key` holds (`~` expanded as git does), if it holds one.
    pub fn path(&self, key: &str) -> Option<PathBuf> {
        self.0.get_path(key).ok()
    }
}

/// The repository's own config (`.git/config`) and its `.gitattributes`,
/// for the repository at or above `start`.
pub fn repository_files(start: &Path) -> Result<(GitConfig, PathBuf), SetupError> {
    let repo = Repository::discover(start).map_err(git(format!(
        "{}: not in a git repository; run this inside one, or use --global",
        start.display()
    )))?;
    let Some(workdir) = repo.workdir() else {
        return Err(SetupError::Git {
            what: format!("{}", repo.path().display()),
            message: "a bare repository has no .gitattributes; use --global".into(),
        });
    };
    let attributes = workdir.join(".gitattributes");
    if std::fs::symlink_metadata(&attributes).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(SetupError::Symlink { path: attributes });
    }
    let config = repo
        .config()
        .and_then(|c| c.open_level(ConfigLevel::Local))
        .map_err(git("opening the repository's config"))?;
    Ok((GitConfig(config), attributes))
}

/// A config file opened by path (the global `~/.gitconfig`).
pub fn config_file(path: &Path) -> Result<GitConfig, SetupError> {
    Config::open(path)
        .map(GitConfig)
        .map_err(git(format!("opening {}", path.display())))
}

/// `word` quoted for `sh` when it needs to be.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%=".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The config entries. Each command ends in `--`: git appends file names,
/// and a file named `--help` or `--color=always` is a file, not an option.
fn entries(setup: &Setup) -> Vec<(String, String)> {
    let mut out = vec![(
        format!("diff.{DRIVER}.command"),
        format!("{} git diff-driver --", setup.program),
    )];
    for (driver, format, _) in TEXTCONV {
        out.push((
            format!("diff.{driver}.textconv"),
            format!("{} normalize --from {format} --", setup.program),
        ));
    }
    out
}

fn attribute_lines(setup: &Setup) -> Vec<String> {
    let mut lines: Vec<String> = TEXTCONV
        .iter()
        .map(|(driver, _, pattern)| format!("{pattern} diff={driver}"))
        .collect();
    lines.extend(setup.patterns.iter().map(|p| format!("{p} diff={DRIVER}")));
    lines
}

/// The most an attributes file may be: a real one is a few hundred bytes.
pub const MAX_ATTRIBUTES_BYTES: u64 = 1 << 20;

/// The attributes file's text, `None` when there is none. Only a regular
/// file is opened (opening a FIFO would wait for a writer forever), and at
/// most [`MAX_ATTRIBUTES_BYTES`] of it is read.
fn read_lines(path: &Path) -> Result<Option<String>, SetupError> {
    use std::io::Read as _;
    let refused = |why| SetupError::NotAttributes {
        path: path.to_path_buf(),
        why,
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(refused(
            "is not a regular file (a folder, a FIFO or a device)",
        ));
    }
    let mut text = String::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(MAX_ATTRIBUTES_BYTES + 1).read_to_string(&mut text));
    match read {
        Ok(_) if text.len() as u64 > MAX_ATTRIBUTES_BYTES => Err(refused("is larger than 1 MiB")),
        Ok(_) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(SetupError::Io {
            path: path.to_path_buf(),
            error,
        }),
    }
}

fn write(path: &Path, text: &str) -> Result<(), SetupError> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|error| SetupError::Io {
            path: parent.to_path_buf(),
            error,
        })?;
    }
    // Whole or not at all: a temporary file beside it, renamed over it, so
    // that an interrupted setup never leaves the file cut short. A user's
    // own attributes file that is a link (a dotfile manager's) is written
    // where it points, keeping the link.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let io = |error| SetupError::Io {
        path: path.to_path_buf(),
        error,
    };
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut temp, text.as_bytes()).map_err(io)?;
    // The temporary file is private (0600); the attributes file keeps its
    // mode, or gets the usual one.
    let mode = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => readable_by_all(),
    };
    if let Some(mode) = mode {
        std::fs::set_permissions(temp.path(), mode).map_err(io)?;
    }
    temp.persist(&target).map(|_| ()).map_err(|e| io(e.error))
}

/// The permissions of a new, ordinary file: readable by all, as git leaves
/// the files it writes (elsewhere, whatever the temporary file has).
fn readable_by_all() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    None
}

/// Installs the drivers in `config` and the attribute lines in
/// `attributes`; returns what changed, one line each (nothing when all was
/// in place).
pub fn install(
    config: &mut GitConfig,
    attributes: &Path,
    setup: &Setup,
) -> Result<Vec<String>, SetupError> {
    // Read first: an attributes file refused leaves the config untouched.
    let mut text = read_lines(attributes)?.unwrap_or_default();
    let mut changed = Vec::new();
    for (name, value) in entries(setup) {
        if config.0.get_string(&name).ok().as_deref() != Some(value.as_str()) {
            config
                .0
                .set_str(&name, &value)
                .map_err(git(format!("setting {name}")))?;
            changed.push(format!("set {name} = {value}"));
        }
    }
    let present: Vec<String> = text.lines().map(|l| l.trim().to_owned()).collect();
    let mut added = false;
    for line in attribute_lines(setup) {
        if !present.contains(&line) {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&line);
            text.push('\n');
            changed.push(format!("added `{line}` to {}", attributes.display()));
            added = true;
        }
    }
    if added {
        write(attributes, &text)?;
    }
    Ok(changed)
}

/// Whether an attributes line sets one of communique's diff drivers.
fn is_ours(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let _pattern = words.next();
    words.any(|w| {
        w == format!("diff={DRIVER}") || TEXTCONV.iter().any(|(d, ..)| w == format!("diff={d}"))
    })
}

/// Removes the drivers from `config` and every line that sets one of them
/// from `attributes` (deleting the file when nothing else is left in it);
/// returns what changed.
pub fn uninstall(config: &mut GitConfig, attributes: &Path) -> Result<Vec<String>, SetupError> {
    // Read first: an attributes file refused leaves the config untouched.
    let text = read_lines(attributes)?;
    let mut changed = Vec::new();
    let names = std::iter::once(DRIVER).chain(TEXTCONV.iter().map(|(d, ..)| *d));
    for driver in names {
        for key in ["command", "textconv"] {
            let name = format!("diff.{driver}.{key}");
            if config.0.get_string(&name).is_ok() {
                config
                    .0
                    .remove(&name)
                    .map_err(git(format!("removing {name}")))?;
                changed.push(format!("removed {name}"));
            }
        }
    }
    if let Some(text) = text {
        let kept: Vec<&str> = text.lines().filter(|l| !is_ours(l)).collect();
        let removed = text.lines().count() - kept.len();
        if removed > 0 {
            if kept.iter().all(|l| l.trim().is_empty()) {
                std::fs::remove_file(attributes).map_err(|error| SetupError::Io {
                    path: attributes.to_path_buf(),
                    error,
                })?;
                changed.push(format!("removed {}", attributes.display()));
            } else {
                write(attributes, &(kept.join("\n") + "\n"))?;
                changed.push(format!(
                    "removed {removed} line(s) from {}",
                    attributes.display()
                ));
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> Setup {
        Setup {
            program: "communique".into(),
            patterns: vec![DEFAULT_PATTERN.into()],
        }
    }

    #[test]
    fn a_fifo_or_an_oversized_attributes_file_is_refused_before_the_config_changes() {
        let dir = tempfile::tempdir().expect("temp");
        let config_path = dir.path().join("config");
        let attributes = dir.path().join(".gitattributes");
        let fifo = std::process::Command::new("mkfifo")
            .arg(&attributes)
            .status()
            .expect("mkfifo runs");
        assert!(fifo.success());
        let setup = Setup {
            program: "communique".into(),
            patterns: vec!["*.txt".into()],
        };
        let mut config = GitConfig(Config::open(&config_path).expect("config"));
        let e = install(&mut config, &attributes, &setup).expect_err("a FIFO");
        assert!(e.to_string().contains("is not a regular file"), "{e}");
        assert!(
            config
                .0
                .get_string(&format!("diff.{DRIVER}.command"))
                .is_err()
        );
        std::fs::remove_file(&attributes).expect("removed");
        std::fs::write(&attributes, vec![b'#'; (1 << 20) + 1]).expect("written");
        let e = uninstall(&mut config, &attributes).expect_err("too large");
        assert!(e.to_string().contains("is larger than 1 MiB"), "{e}");
    }

    #[test]
    fn install_is_idempotent_and_uninstall_restores() {
        let dir = tempfile::tempdir().expect("temp");
        let config_path = dir.path().join("config");
        let attributes = dir.path().join(".gitattributes");
        std::fs::write(&attributes, "*.png binary").expect("write");
        let mut config = config_file(&config_path).expect("config");
        let first = install(&mut config, &attributes, &setup()).expect("install");
        assert_eq!(first.len(), 6, "{first:?}");
        assert_eq!(
            std::fs::read_to_string(&attributes).expect("read"),
            "*.png binary\n*.docx diff=communique-docx\n*.html diff=communique-html\nstatements/** diff=communique\n"
        );
        assert_eq!(
            config.0.get_string("diff.communique.command").expect("set"),
            "communique git diff-driver --"
        );
        assert_eq!(
            config
                .0
                .get_string("diff.communique-html.textconv")
                .expect("set"),
            "communique normalize --from html --"
        );
        assert_eq!(
            install(&mut config, &attributes, &setup()).expect("again"),
            Vec::<String>::new()
        );
        let removed = uninstall(&mut config, &attributes).expect("uninstall");
        assert_eq!(removed.len(), 4, "{removed:?}");
        assert_eq!(
            std::fs::read_to_string(&attributes).expect("read"),
            "*.png binary\n"
        );
        assert!(config.0.get_string("diff.communique.command").is_err());
        assert_eq!(
            uninstall(&mut config, &attributes).expect("again"),
            Vec::<String>::new()
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_attributes_file_is_replaced_whole_with_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = config_file(&dir.path().join("config")).expect("config");
        let attributes = dir.path().join(".gitattributes");
        install(&mut config, &attributes, &setup()).expect("install");
        let mode = |p: &Path| std::fs::metadata(p).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode(&attributes), 0o644);
        std::fs::set_permissions(&attributes, std::fs::Permissions::from_mode(0o664))
            .expect("chmod");
        write(&attributes, "*.png binary\n").expect("write");
        assert_eq!(mode(&attributes), 0o664);
        // Nothing else is left in the folder (the config file aside).
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);
    }

    #[test]
    fn an_attributes_file_of_ours_alone_is_deleted() {
        let dir = tempfile::tempdir().expect("temp");
        let attributes = dir.path().join(".gitattributes");
        let mut config = config_file(&dir.path().join("config")).expect("config");
        install(&mut config, &attributes, &setup()).expect("install");
        uninstall(&mut config, &attributes).expect("uninstall");
        assert!(!attributes.exists());
    }

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("/usr/bin/communique"), "/usr/bin/communique");
        assert_eq!(shell_word("/a b/it's"), r"'/a b/it'\''s'");
    }
}
