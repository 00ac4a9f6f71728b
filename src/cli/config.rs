//! Configuration: defaults people would otherwise type every time, read
//! from two files and layered under the command-line flags.
//!
//! Layers, highest precedence first, each tagged with its [`ConfigSource`]
//! as jj's `StackedConfig` does:
//!
//! 1. flags on the command line;
//! 2. the store file, `communique.toml` at the root of the store;
//! 3. the user file: `$COMMUNIQUE_CONFIG` when set, else
//!    `$XDG_CONFIG_HOME/communique/config.toml`, else
//!    `~/.config/communique/config.toml` (`%APPDATA%\communique\config.toml`
//!    on Windows);
//! 4. the built-in defaults.
//!
//! Settings live in a `[defaults]` table; other top-level tables (such as
//! the policy that `communique check` reads from the same file) are left to
//! whoever reads them. Paths in a file are relative to that file's folder.
//! The library never sees any of this: commands turn the resolved
//! [`Settings`] into their options structs.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::ValueEnum;
use toml::de::{DeTable, DeValue};

use std::io::Write;

use clap::Args;

use communique::align::AlignOptions;
use communique::report;

use super::bounded;
use super::context::Context;
use super::options::ReportFormat;
use super::{ColorChoice, Outcome};

/// The environment variable that names the user file, overriding the
/// platform's config folder (tests use it to stay away from yours).
pub const CONFIG_ENV: &str = "COMMUNIQUE_CONFIG";

/// The name of the store file, at the root of the store.
pub const STORE_FILE: &str = "communique.toml";

/// The table that holds communique's defaults in either file.
pub const TABLE: &str = "defaults";

/// Print the effective configuration and where each value came from.
///
/// communique reads defaults for the options people would otherwise type
/// every time from two files, both TOML with the settings in a [defaults]
/// table: communique.toml at the root of the store (shared by everyone who
/// clones it), and the user file, $COMMUNIQUE_CONFIG if set, else
/// $XDG_CONFIG_HOME/communique/config.toml, else
/// ~/.config/communique/config.toml. Flags win over the store file, which
/// wins over the user file, which wins over the built-in defaults. Keys:
/// format (terminal, markdown, json, html), color (auto, always, never), context
/// (a number of sentences), threshold (0 to 1), lexicon and policy (paths,
/// relative to the file's folder). Other tables, such as the policy of
/// `communique check`, are left alone. An unknown key or a bad value is an
/// error that names the file, the line and the key.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  communique config
  communique config --store statements-repo
  communique --color never config        # flags show as the origin too

A store file:
  [defaults]
  format = \"markdown\"
  context = 1
  lexicon = \"lexicon.toml\"")]
pub struct ConfigArgs {}

/// Runs `config`.
pub fn run(_args: ConfigArgs, config: &Config, context: &Context) -> Result<Outcome> {
    let mut out = super::output(false);
    report::config::text(
        &mut out,
        &config.effective(context.cwd(), home().as_deref()),
    )?;
    out.flush()?;
    Ok(Outcome::Same)
}

/// Where a value came from, lowest precedence first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfigSource {
    /// Built into communique.
    Default,
    /// The user file.
    User,
    /// The store file.
    Store,
    /// A flag on the command line.
    Flag,
}

/// The settings a configuration layer can hold; `None` leaves the value to
/// the layers below.
#[derive(Clone, Debug, Default)]
pub struct Values {
    /// `diff --format`.
    pub format: Option<ReportFormat>,
    /// `--color`.
    pub color: Option<ColorChoice>,
    /// `diff --context`.
    pub context: Option<usize>,
    /// `diff --threshold`; also what `log` and `history` summarize with.
    pub threshold: Option<f64>,
    /// `--lexicon` of `diff` and `show`.
    pub lexicon: Option<PathBuf>,
    /// The policy file of `communique check`.
    pub policy: Option<PathBuf>,
}

/// The effective settings, every layer applied.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The report format of `diff` (default `terminal`).
    pub format: ReportFormat,
    /// When to color (default `auto`).
    pub color: ColorChoice,
    /// Unchanged sentences around each change (default `0`).
    pub context: usize,
    /// The reworded threshold (default [`AlignOptions::default`]'s, `0.5`).
    pub threshold: f64,
    /// A commitment lexicon file (default: none, the built-in lexicon).
    pub lexicon: Option<PathBuf>,
    /// A policy file for `check` (default: none).
    pub policy: Option<PathBuf>,
}

impl Settings {
    /// The built-in defaults: the bottom layer of every configuration, and
    /// the one place they are written.
    fn builtin() -> Settings {
        Settings {
            format: ReportFormat::Terminal,
            color: ColorChoice::Auto,
            context: 0,
            threshold: AlignOptions::default().threshold,
            lexicon: None,
            policy: None,
        }
    }
}

impl From<Settings> for Values {
    fn from(s: Settings) -> Values {
        Values {
            format: Some(s.format),
            color: Some(s.color),
            context: Some(s.context),
            threshold: Some(s.threshold),
            lexicon: s.lexicon,
            policy: s.policy,
        }
    }
}

/// A configuration key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Format,
    Color,
    Context,
    Threshold,
    Lexicon,
    Policy,
}

impl Key {
    const ALL: [Key; 6] = [
        Key::Format,
        Key::Color,
        Key::Context,
        Key::Threshold,
        Key::Lexicon,
        Key::Policy,
    ];

    fn name(self) -> &'static str {
        match self {
            Key::Format => "format",
            Key::Color => "color",
            Key::Context => "context",
            Key::Threshold => "threshold",
            Key::Lexicon => "lexicon",
            Key::Policy => "policy",
        }
    }

    fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }

    fn is_set(self, v: &Values) -> bool {
        match self {
            Key::Format => v.format.is_some(),
            Key::Color => v.color.is_some(),
            Key::Context => v.context.is_some(),
            Key::Threshold => v.threshold.is_some(),
            Key::Lexicon => v.lexicon.is_some(),
            Key::Policy => v.policy.is_some(),
        }
    }
}

/// One layer: its source, the file it came from and the line of each key.
#[derive(Debug)]
struct Layer {
    source: ConfigSource,
    path: Option<PathBuf>,
    values: Values,
    lines: Vec<(Key, usize)>,
}

/// A file the configuration looked for.
#[derive(Debug)]
struct Looked {
    source: ConfigSource,
    path: Option<PathBuf>,
    found: bool,
}

/// The stacked configuration: built-in defaults, user file, store file,
/// global flags.
#[derive(Debug)]
pub struct Config {
    /// Lowest precedence first.
    layers: Vec<Layer>,
    looked: Vec<Looked>,
}

impl Config {
    /// Reads the user file (when it exists) and the store file (when there
    /// is a store and it has one), under the global flags.
    pub fn load(
        user_file: Option<PathBuf>,
        store_root: Option<&Path>,
        flags: Values,
    ) -> Result<Config> {
        let mut layers = vec![Layer {
            source: ConfigSource::Default,
            path: None,
            values: Values::from(Settings::builtin()),
            lines: Vec::new(),
        }];
        let mut looked = Vec::new();
        let store_file = store_root.map(|root| root.join(STORE_FILE));
        for (source, path) in [
            (ConfigSource::User, user_file),
            (ConfigSource::Store, store_file),
        ] {
            if let (ConfigSource::Store, Some(path), Some(root)) = (&source, &path, store_root) {
                refuse_link_out(path, root)?;
            }
            let found = match &path {
                Some(path) => match read_file(path)? {
                    Some(text) => {
                        let (values, lines) = parse(&text, path)?;
                        if let (ConfigSource::Store, Some(root)) = (&source, store_root) {
                            confine(&values, &lines, path, root)?;
                        }
                        layers.push(Layer {
                            source: source.clone(),
                            path: Some(path.clone()),
                            values,
                            lines,
                        });
                        true
                    }
                    None => false,
                },
                None => false,
            };
            looked.push(Looked {
                source,
                path,
                found,
            });
        }
        layers.push(Layer {
            source: ConfigSource::Flag,
            path: None,
            values: flags,
            lines: Vec::new(),
        });
        Ok(Config { layers, looked })
    }

    /// The effective settings, with a command's own flags on top.
    pub fn settings(&self, flags: &Values) -> Settings {
        let mut all: Vec<&Values> = self.layers.iter().map(|l| &l.values).collect();
        all.push(flags);
        let mut s = Settings::builtin();
        for v in all {
            if let Some(x) = v.format {
                s.format = x;
            }
            if let Some(x) = v.color {
                s.color = x;
            }
            if let Some(x) = v.context {
                s.context = x;
            }
            if let Some(x) = v.threshold {
                s.threshold = x;
            }
            if let Some(x) = &v.lexicon {
                s.lexicon = Some(x.clone());
            }
            if let Some(x) = &v.policy {
                s.policy = Some(x.clone());
            }
        }
        s
    }

    /// The layer a key's effective value comes from, if any sets it.
    fn origin(&self, key: Key) -> Option<&Layer> {
        self.layers.iter().rev().find(|l| key.is_set(&l.values))
    }

    /// `communique config`: the effective configuration, each value with
    /// where it came from, for [`report::config`]. Paths are shown relative
    /// to `cwd` when under it, with `~` for `home`.
    pub fn effective(&self, cwd: &Path, home: Option<&Path>) -> report::config::Effective {
        let shown = |p: &Path| display_path(p, cwd, home);
        let mut files = Vec::new();
        for l in self.looked.iter().rev() {
            let what = match l.source {
                ConfigSource::Store => "store file",
                _ => "user file",
            };
            let state = match (&l.path, l.found) {
                (Some(p), true) => shown(p),
                (Some(p), false) => format!("{} (not found)", shown(p)),
                (None, _) if l.source == ConfigSource::Store => "none (not in a store)".to_owned(),
                (None, _) => "none (no home folder)".to_owned(),
            };
            files.push((what, state));
        }
        let mut keys = Vec::new();
        let settings = self.settings(&Values::default());
        for key in Key::ALL {
            let value = match key {
                Key::Format => Some(quoted(&name_of(settings.format))),
                Key::Color => Some(quoted(&name_of(settings.color))),
                Key::Context => Some(settings.context.to_string()),
                Key::Threshold => Some(format!("{:?}", settings.threshold)),
                Key::Lexicon => settings.lexicon.as_deref().map(|p| quoted(&shown(p))),
                Key::Policy => settings.policy.as_deref().map(|p| quoted(&shown(p))),
            };
            let origin = match self.origin(key) {
                Some(layer) => describe(layer, key, &shown),
                None => "built-in default".to_owned(),
            };
            keys.push(report::config::Setting {
                name: key.name(),
                value,
                origin,
                unset: (key == Key::Lexicon).then_some("the built-in lexicon"),
            });
        }
        report::config::Effective {
            files,
            table: TABLE,
            keys,
        }
    }
}

/// Where a layer's value of `key` came from, in words.
fn describe(layer: &Layer, key: Key, shown: &dyn Fn(&Path) -> String) -> String {
    let line = layer.lines.iter().find(|(k, _)| *k == key).map(|(_, n)| *n);
    match (&layer.source, &layer.path, line) {
        (ConfigSource::Default, _, _) => "built-in default".to_owned(),
        (ConfigSource::Flag, _, _) => format!("flag --{}", key.name()),
        (source, Some(path), Some(line)) => {
            let what = if *source == ConfigSource::Store {
                "store file"
            } else {
                "user file"
            };
            format!("{what} {}:{line}", shown(path))
        }
        _ => "file".to_owned(),
    }
}

/// The user file: `$COMMUNIQUE_CONFIG`, else the platform's config folder.
pub fn user_file() -> Option<PathBuf> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(path) = env(CONFIG_ENV) {
        return Some(PathBuf::from(path));
    }
    let folder = if cfg!(windows) {
        env("APPDATA").map(PathBuf::from)
    } else {
        env("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| home().map(|h| h.join(".config")))
    }?;
    Some(folder.join("communique").join("config.toml"))
}

/// The home folder, from `HOME` (`USERPROFILE` on Windows).
pub fn home() -> Option<PathBuf> {
    let name = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The lexicon and policy paths a configuration file's text names in its
/// `[defaults]`, as written (relative to the file's folder), for a file not
/// on disk (`name` says where it is, in errors). Only paths inside the
/// store are accepted, as for the store's own file.
pub fn paths_in(text: &str, name: &str) -> Result<(Option<PathBuf>, Option<PathBuf>)> {
    let file = Path::new(name);
    let (values, lines) = parse(text, file)?;
    refuse_outside(&values, &lines, file, is_plain_relative)?;
    Ok((values.lexicon, values.policy))
}

/// Refuses a path in the store's own file that leads out of the store
/// (absolute, through `..`, or through a symbolic link): the file comes
/// with a clone, and must not make communique read any file of the machine.
/// The user's own file and the flags may name any path.
fn confine(values: &Values, lines: &[(Key, usize)], file: &Path, root: &Path) -> Result<()> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let folder = file.parent().unwrap_or(Path::new(""));
    refuse_outside(values, lines, file, |path| match path.canonicalize() {
        Ok(real) => real.starts_with(&root),
        // Not there (yet): judge the path as written.
        Err(_) => path.strip_prefix(folder).is_ok_and(is_plain_relative),
    })
}

/// The first lexicon or policy path of `values` that `inside` refuses, as
/// an error at its line of `file`.
fn refuse_outside(
    values: &Values,
    lines: &[(Key, usize)],
    file: &Path,
    inside: impl Fn(&Path) -> bool,
) -> Result<()> {
    for (key, path) in [
        (Key::Lexicon, &values.lexicon),
        (Key::Policy, &values.policy),
    ] {
        let Some(path) = path.as_deref().filter(|p| !inside(p)) else {
            continue;
        };
        let line = lines.iter().find(|(k, _)| *k == key).map_or(0, |(_, l)| *l);
        return Err(anyhow!(
            "{}:{line}: {TABLE}.{} {} leads out of the store, which a store's own file may not do; name it with --{} or in your own configuration file instead",
            file.display(),
            key.name(),
            quoted(&path.display().to_string()),
            key.name()
        ));
    }
    Ok(())
}

/// Refuses a store's own `communique.toml` (at `file`) that is a symbolic
/// link leading out of the store at `root`: a clone can commit one, and it
/// would make communique read any file of the machine as its settings, as
/// a lexicon or policy path leading out would ([`confine`]).
pub fn refuse_link_out(file: &Path, root: &Path) -> Result<()> {
    let is_link = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if is_link
        && !file
            .canonicalize()
            .is_ok_and(|real| real.starts_with(&root))
    {
        return Err(anyhow!(
            "{} is a symbolic link that leads out of the store, which a store's own file may not do; replace it with a regular file, or name the settings with flags or in your own configuration file",
            file.display()
        ));
    }
    Ok(())
}

/// Whether `path` is relative and goes only down (no `..`, no root).
fn is_plain_relative(path: &Path) -> bool {
    path.components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// The file's text, or `None` when it does not exist.
fn read_file(path: &Path) -> Result<Option<String>> {
    match bounded::read_to_string(path, &bounded::SETTINGS) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(bounded::explain(e, || {
            format!(
                "cannot read the configuration file {}; check its permissions and that it is UTF-8",
                path.display()
            )
        })),
    }
}

/// The `[defaults]` table of one file: its values and the line of each.
/// Other top-level tables are ignored.
fn parse(text: &str, path: &Path) -> Result<(Values, Vec<(Key, usize)>)> {
    let at = |offset: usize| format!("{}:{}", path.display(), line_of(text, offset));
    let table = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        anyhow!("{}: not valid TOML: {}", at(offset), e.message().trim_end())
    })?;
    let mut values = Values::default();
    let mut lines = Vec::new();
    for (name, value) in table.get_ref() {
        let name_str: &str = name.get_ref();
        if Key::from_name(name_str).is_some() && name_str != "policy" {
            return Err(anyhow!(
                "{}: key {name_str:?} must be in the [{TABLE}] table; write [{TABLE}] on a line above it",
                at(name.span().start)
            ));
        }
        if name_str != TABLE {
            continue;
        }
        let DeValue::Table(defaults) = value.get_ref() else {
            return Err(anyhow!(
                "{}: {TABLE} must be a table: write [{TABLE}] and the settings below it",
                at(name.span().start)
            ));
        };
        for (key_name, value) in defaults {
            let line = line_of(text, key_name.span().start);
            let where_ = format!("{}:{line}", path.display());
            let key_str: &str = key_name.get_ref();
            let Some(key) = Key::from_name(key_str) else {
                let known: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
                return Err(anyhow!(
                    "{where_}: unknown key {TABLE}.{key_str}; the keys of [{TABLE}] are {}",
                    known.join(", ")
                ));
            };
            let folder = path.parent().unwrap_or(Path::new("."));
            set(&mut values, key, value.get_ref(), folder).map_err(|expected| {
                anyhow!(
                    "{where_}: bad value for {TABLE}.{}; expected {expected}",
                    key.name()
                )
            })?;
            lines.push((key, line));
        }
    }
    Ok((values, lines))
}

/// Sets `key` from a TOML value, or says what was expected.
fn set(values: &mut Values, key: Key, value: &DeValue<'_>, folder: &Path) -> Result<(), String> {
    let string = || value.as_str();
    match key {
        Key::Format => values.format = Some(enum_value(string())?),
        Key::Color => values.color = Some(enum_value(string())?),
        Key::Context => {
            let n = value
                .as_integer()
                .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
                .and_then(|i| usize::try_from(i).ok());
            values.context = Some(n.ok_or("a whole number of sentences, 0 or more")?);
        }
        Key::Threshold => {
            let x = match value {
                DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
                _ => None,
            };
            values.threshold = Some(
                x.filter(|x| (0.0..=1.0).contains(x))
                    .ok_or("a number from 0 to 1, such as 0.5")?,
            );
        }
        Key::Lexicon | Key::Policy => {
            let path = string()
                .filter(|s| !s.is_empty())
                .ok_or("a path in quotes, relative to this file's folder")?;
            let path = Some(folder.join(path));
            if key == Key::Lexicon {
                values.lexicon = path;
            } else {
                values.policy = path;
            }
        }
    }
    Ok(())
}

/// A clap value enum from a TOML string.
fn enum_value<T: ValueEnum>(s: Option<&str>) -> Result<T, String> {
    let names: Vec<String> = T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|p| format!("{:?}", p.get_name()))
        .collect();
    let expected = || format!("one of {}", names.join(", "));
    s.ok_or_else(expected)
        .and_then(|s| T::from_str(s, false).map_err(|_| expected()))
}

/// The name clap gives a value enum's variant.
fn name_of<T: ValueEnum>(value: T) -> String {
    value
        .to_possible_value()
        .map(|p| p.get_name().to_owned())
        .unwrap_or_default()
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// A path relative to `cwd` when under it, else with `~` for `home`.
fn display_path(path: &Path, cwd: &Path, home: Option<&Path>) -> String {
    // In the home folder or above it, `~/…` says more than a relative path.
    let cwd_holds_home = home.is_some_and(|h| h.starts_with(cwd));
    if let Ok(rest) = path.strip_prefix(cwd)
        && !cwd_holds_home
    {
        let rest = rest.display().to_string();
        return if rest.is_empty() {
            ".".to_owned()
        } else {
            rest
        };
    }
    if let Some(rest) = home.and_then(|h| path.strip_prefix(h).ok()) {
        return Path::new("~").join(rest).display().to_string();
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Values {
        parse(text, Path::new("/s/communique.toml"))
            .expect("parses")
            .0
    }

    fn parse_err(text: &str) -> String {
        format!(
            "{:#}",
            parse(text, Path::new("/s/communique.toml")).expect_err("fails")
        )
    }

    #[test]
    fn reads_the_defaults_table_and_ignores_other_tables() {
        let v = parse_ok(
            "[check]\nforbid = [\"x\"]\n\n[defaults]\nformat = \"markdown\"\ncolor = \"never\"\ncontext = 2\nthreshold = 0.6\nlexicon = \"lex.toml\"\npolicy = \"policy.toml\"\n",
        );
        assert_eq!(v.format, Some(ReportFormat::Markdown));
        assert_eq!(v.color, Some(ColorChoice::Never));
        assert_eq!(v.context, Some(2));
        assert_eq!(v.threshold, Some(0.6));
        assert_eq!(v.lexicon, Some(PathBuf::from("/s/lex.toml")));
        assert_eq!(v.policy, Some(PathBuf::from("/s/policy.toml")));
    }

    #[test]
    fn threshold_may_be_a_whole_number() {
        assert_eq!(parse_ok("[defaults]\nthreshold = 1\n").threshold, Some(1.0));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = parse_err("# comment\n[defaults]\n\ncolour = \"never\"\n");
        assert!(
            e.starts_with("/s/communique.toml:4: unknown key defaults.colour"),
            "{e}"
        );
        let e = parse_err("[defaults]\ncontext = -1\n");
        assert!(
            e.starts_with("/s/communique.toml:2: bad value for defaults.context"),
            "{e}"
        );
        let e = parse_err("[defaults]\nformat = \"pdf\"\n");
        assert!(
            e.contains(":2: bad value for defaults.format; expected one of \"terminal\""),
            "{e}"
        );
        let e = parse_err("[defaults]\nthreshold = 1.5\n");
        assert!(e.contains(":2: bad value for defaults.threshold"), "{e}");
        let e = parse_err("format = \"json\"\n");
        assert!(
            e.contains(":1: key \"format\" must be in the [defaults] table"),
            "{e}"
        );
        let e = parse_err("[defaults]\nformat = \n");
        assert!(e.starts_with("/s/communique.toml:2: not valid TOML"), "{e}");
    }

    #[test]
    fn paths_are_shown_short() {
        let cwd = Path::new("/w/store");
        let home = Some(Path::new("/home/u"));
        assert_eq!(
            display_path(Path::new("/w/store/a.toml"), cwd, home),
            "a.toml"
        );
        assert_eq!(
            display_path(Path::new("/home/u/.config/c.toml"), cwd, home),
            "~/.config/c.toml"
        );
        assert_eq!(display_path(Path::new("/etc/x"), cwd, home), "/etc/x");
    }
}
