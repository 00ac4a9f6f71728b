//! `check --policy-from-base`: the policy and lexicon as committed at the
//! base revision, so that a pull request cannot relax the checks it is
//! checked under by editing `communique.toml` (or the files it names).

use std::path::Path;

use anyhow::{Context as _, Result, bail};

use communique::analyze::lexicon::Lexicon;
use communique::check::Policy;
use communique::store::StoreError;

use super::bounded;
use super::config::{STORE_FILE, paths_in};
use super::context::Context;

/// The policy and lexicon of `communique.toml` at `rev`: its `[check]`
/// tables, or the files its `[defaults]` names (read at `rev` too, and only
/// inside the store); the defaults when there is no such file at `rev`. A
/// lexicon named on the command line wins, as it does without this flag.
pub fn load(
    rev: &str,
    lexicon_flag: Option<&Path>,
    context: &Context,
) -> Result<(Policy, Lexicon)> {
    let store = context.store()?;
    let read = |path: &str| -> Result<Option<String>> {
        match store.read(path, Some(rev)) {
            Ok(bytes) => String::from_utf8(
                bounded::read_from(&bytes[..], &format!("{path}@{rev}"), &bounded::SETTINGS)
                    .map_err(|e| bounded::explain(e, || format!("reading {path}@{rev}")))?,
            )
            .map(Some)
            .with_context(|| format!("{path}@{rev} is not UTF-8; convert it to UTF-8")),
            Err(StoreError::NotInRevision { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    };
    let Some(config) = read(STORE_FILE)? else {
        let lexicon = super::input::load_lexicon(lexicon_flag)?;
        return Ok((Policy::default(), lexicon));
    };
    let at = format!("{STORE_FILE}@{rev}");
    let (lexicon_path, policy_path) = paths_in(&config, &at)?;
    let named = |path: Option<std::path::PathBuf>,
                 what: &str|
     -> Result<Option<(String, String)>> {
        let Some(path) = path else { return Ok(None) };
        let path = path.to_string_lossy().replace('\\', "/");
        match read(&path)? {
            Some(text) => Ok(Some((path, text))),
            None => bail!(
                "{at} names {what} {path:?}, which is not in revision {rev}; commit it there, or drop --policy-from-base"
            ),
        }
    };
    let policy = match named(policy_path, "the policy")? {
        Some((path, text)) => Policy::parse(&text)
            .with_context(|| format!("policy {path}@{rev} is not valid; see docs/policy.md"))?,
        None => Policy::parse(&config)
            .with_context(|| format!("policy {at} is not valid; see docs/policy.md"))?,
    };
    let lexicon = match (lexicon_flag, named(lexicon_path, "the lexicon")?) {
        (Some(flag), _) => super::input::load_lexicon(Some(flag))?,
        (None, Some((path, text))) => Lexicon::with_user_file(&text)
            .with_context(|| format!("lexicon {path}@{rev} is not valid; see docs/lexicon.md"))?,
        (None, None) => Lexicon::builtin(),
    };
    Ok((policy, lexicon))
}
