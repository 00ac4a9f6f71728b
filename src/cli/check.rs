//! `communique check`: a draft against its baseline, under a policy.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};

use communique::Statement;
use communique::analyze::{Options, compare};
use communique::check::{Policy, check, locate::sentence_lines};
use communique::diff::DocumentInfo;
use communique::import::{Format, import};
use communique::report::check::{CheckedDraft, total, write_github, write_json, write_text};
use communique::store::Resolved;

use super::Outcome;
use super::bounded;
use super::config::{STORE_FILE, Settings};
use super::context::{Context, is_file};
use super::input::{load_lexicon, read_statement};

/// Check drafts against their baseline under a policy (docs/policy.md).
///
/// Rules: commitment-removed and commitment-weakened (errors unless waived
/// for the sentence), protected (sentences and phrases that must stay
/// verbatim), required-phrase and forbidden-phrase, brackets
/// (square-bracketed text not yet agreed: opened and closed since the
/// baseline; unbalanced brackets are errors, and so is any bracket left with
/// --final), retention (share of baseline sentences kept; a warning).
///
/// The baseline is --against BASE; else, with --base-rev REV, the same
/// statement at REV (or, when it is new there, the statement before it in
/// its series); else the statement before DRAFT in its series (DRAFT must
/// then be a statement of the store).
///
/// The policy is --policy FILE, else communique.toml at the root of the
/// store (or of the git repository), else the default policy.
#[derive(Debug, Args)]
// The examples are `after_help`, not doc comment: clap joins a doc
// comment's lines into one paragraph, and the examples would run together.
#[command(after_help = "Examples:
  communique check statements/g7/2025-06-17-draft.txt --against agreed.txt
  communique check d-isis-small-group/2021-03-30 --final
  communique check statements/g7/*.txt --base-rev origin/main \\
      --format github

Exit status: 0 no errors (warnings and notices allowed), 1 errors against
the policy, 2 trouble (unreadable input or policy).")]
pub struct CheckArgs {
    /// The drafts: files or store refs.
    #[arg(required = true, value_name = "DRAFT")]
    drafts: Vec<String>,
    /// The baseline: a file or a store ref (with one DRAFT only).
    #[arg(long, value_name = "BASE")]
    against: Option<String>,
    /// Check each draft against the same statement at this git revision
    /// (e.g. origin/main, HEAD); a statement new since then is checked
    /// against the one before it in its series.
    #[arg(long, value_name = "REV", conflicts_with = "against")]
    base_rev: Option<String>,
    /// The policy file (TOML with a [check] table).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Take the policy (and the lexicon) from communique.toml as committed
    /// at --base-rev, not from the working tree, so that a pull request
    /// cannot switch off the checks it is checked under (docs/ci.md).
    #[arg(long, requires = "base_rev", conflicts_with = "policy")]
    policy_from_base: bool,
    /// The draft is final: any bracketed text left is an error.
    #[arg(long = "final")]
    final_draft: bool,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// A commitment lexicon (TOML) that extends or replaces the built-in one.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

/// The report formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// For people.
    Text,
    /// GitHub Actions workflow commands (annotations at the draft's lines).
    Github,
    /// For scripts: schema communique.check/1.
    Json,
}

/// A statement read for a check, with what annotations need.
struct Loaded {
    statement: Statement,
    name: String,
    /// The statement of the store it is, if it is one.
    resolved: Option<Resolved>,
    /// The path annotations name.
    file: Option<String>,
    /// The source text, when its lines can be found (sentence files, plain
    /// text, Markdown).
    source: Option<String>,
}

/// Runs `check`.
pub fn run(args: CheckArgs, settings: &Settings, context: &Context) -> Result<Outcome> {
    if args.against.is_some() && args.drafts.len() > 1 {
        bail!("--against names the baseline of one draft; give one DRAFT, or use --base-rev");
    }
    // Flags first, then the configuration's [defaults].
    let (mut policy, lexicon) = match &args.base_rev {
        Some(rev) if args.policy_from_base => {
            super::base_policy::load(rev, args.lexicon.as_deref(), context)?
        }
        _ => {
            let policy_path = args.policy.as_deref().or(settings.policy.as_deref());
            let lexicon_path = args.lexicon.as_deref().or(settings.lexicon.as_deref());
            (
                load_policy(policy_path, context)?,
                load_lexicon(lexicon_path)?,
            )
        }
    };
    // `--final` for this run: the policy's `final` without editing it.
    policy.final_draft |= args.final_draft;
    let mut compare_options = Options::default().with_lexicon(lexicon);
    let mut checks = Vec::new();
    for arg in &args.drafts {
        let draft = load_draft(arg, context)?;
        let (baseline, baseline_name) = baseline(&args, &draft, arg, context)?;
        compare_options.old_name.clone_from(&baseline_name);
        compare_options.new_name.clone_from(&draft.name);
        let diff = compare(&baseline, &draft.statement, &compare_options);
        let findings = check(&baseline, &draft.statement, &diff, &policy);
        let lines = match &draft.source {
            Some(source) => draft
                .statement
                .sentences()
                .map(|(l, _)| l)
                .zip(sentence_lines(source, &draft.statement))
                .filter_map(|(l, line)| Some((l, line?)))
                .collect(),
            None => BTreeMap::new(),
        };
        checks.push(CheckedDraft {
            draft: info(&draft.statement, &draft.name),
            baseline: info(&baseline, &baseline_name),
            file: draft.file,
            lines,
            findings,
        });
    }
    let mut out = super::output(args.format == CheckFormat::Json);
    match args.format {
        CheckFormat::Text => write_text(&mut out, &checks)?,
        CheckFormat::Github => write_github(&mut out, &checks)?,
        CheckFormat::Json => write_json(&mut out, &checks)?,
    }
    out.flush()?;
    Ok(if total(&checks).errors > 0 {
        Outcome::Different
    } else {
        Outcome::Same
    })
}

fn info(statement: &Statement, reference: &str) -> DocumentInfo {
    DocumentInfo {
        reference: reference.to_owned(),
        title: statement.meta.title.clone(),
        date: statement.meta.date.clone(),
    }
}

/// The policy: the file named, else `communique.toml` at the root of the
/// store or of the git repository, else the default.
fn load_policy(path: Option<&Path>, context: &Context) -> Result<Policy> {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None => match project_root(context) {
            Some(root) if root.join(STORE_FILE).is_file() => {
                let found = root.join(STORE_FILE);
                super::config::refuse_link_out(&found, &root)?;
                found
            }
            _ => return Ok(Policy::default()),
        },
    };
    let text = bounded::read_to_string(&path, &bounded::SETTINGS).map_err(|e| {
        bounded::explain(e, || {
            format!("cannot read policy {}; check the path", path.display())
        })
    })?;
    Policy::parse(&text)
        .with_context(|| format!("policy {} is not valid; see docs/policy.md", path.display()))
}

/// The store's root, else the nearest folder at or above the current one
/// with a `.git`.
fn project_root(context: &Context) -> Option<PathBuf> {
    if let Ok(store) = context.store() {
        return Some(store.root().to_path_buf());
    }
    context
        .cwd()
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether a format's source text has lines that sentences can be found on.
fn has_lines(format: Format) -> bool {
    matches!(format, Format::Text | Format::Sentences | Format::Markdown)
}

fn load_draft(arg: &str, context: &Context) -> Result<Loaded> {
    if arg == "-" {
        return Ok(Loaded {
            statement: read_statement(arg, None)?,
            name: "-".into(),
            resolved: None,
            file: None,
            source: None,
        });
    }
    if is_file(arg) {
        let bytes = bounded::read(Path::new(arg), &bounded::STATEMENT)
            .map_err(|e| bounded::explain(e, || format!("cannot read {arg}; check the path")))?;
        let format = Format::guess(Path::new(arg), &bytes);
        let statement = import(&bytes, Some(format), arg)?;
        // A file of the store has a series and a history: find it, quietly.
        let resolved = context.store().ok().and_then(|_| context.resolve(arg).ok());
        let source = has_lines(format)
            .then(|| String::from_utf8(bytes).ok())
            .flatten();
        return Ok(Loaded {
            statement,
            name: arg.to_owned(),
            resolved,
            file: Some(arg.trim_start_matches("./").to_owned()),
            source,
        });
    }
    let resolved = context.resolve(arg)?;
    let store = context.store()?;
    let path = resolved.entry.path();
    let bytes = store.read(&path, resolved.rev.as_deref())?;
    let statement = store.load(&resolved)?;
    // Annotations name the file from the current folder, where CI runs.
    let file = match store.root().strip_prefix(context.cwd()) {
        Ok(rel) if rel.as_os_str().is_empty() => path,
        Ok(rel) => format!("{}/{path}", rel.display()),
        Err(_) => path,
    };
    Ok(Loaded {
        statement,
        name: resolved.to_string(),
        resolved: Some(resolved),
        file: Some(file),
        source: String::from_utf8(bytes).ok(),
    })
}

/// The baseline of one draft, and its name.
fn baseline(
    args: &CheckArgs,
    draft: &Loaded,
    arg: &str,
    context: &Context,
) -> Result<(Statement, String)> {
    if let Some(against) = &args.against {
        return context.read(against, None);
    }
    let Some(resolved) = &draft.resolved else {
        bail!(
            "{arg} is not a statement of a store, so it has no baseline of its own; give --against BASE"
        );
    };
    let store = context.store()?;
    if let Some(rev) = &args.base_rev {
        let at_rev = Resolved {
            entry: resolved.entry.clone(),
            rev: Some(rev.clone()),
        };
        if store.entries(Some(rev))?.contains(&resolved.entry) {
            return Ok((store.load(&at_rev)?, at_rev.to_string()));
        }
    }
    let previous = store.previous(resolved)?;
    Ok((store.load(&previous)?, previous.to_string()))
}
