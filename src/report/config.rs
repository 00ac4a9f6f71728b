//! `communique config`: the effective configuration as a `[defaults]` table,
//! each value with a comment saying where it came from.

use std::io::{self, Write};

/// The effective configuration, as the command line resolved it: the files
/// it looked at and each key's value and origin, in words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effective {
    /// Each file looked at, highest precedence first: what it is ("store
    /// file", "user file") and where, or why there is none.
    pub files: Vec<(&'static str, String)>,
    /// The table the values stand under (`defaults`).
    pub table: &'static str,
    /// Each key in order.
    pub keys: Vec<Setting>,
}

/// One key of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The key's name.
    pub name: &'static str,
    /// Its value as TOML, or `None` when nothing sets it.
    pub value: Option<String>,
    /// Where the value came from ("built-in default", "flag --context",
    /// "store file communique.toml:3").
    pub origin: String,
    /// What an unset key means, when it means something ("the built-in
    /// lexicon").
    pub unset: Option<&'static str>,
}

/// Writes `config` as a TOML table with comments.
pub fn text(out: &mut dyn Write, config: &Effective) -> io::Result<()> {
    writeln!(
        out,
        "# Effective configuration: flags > store file > user file > built-in defaults."
    )?;
    for (what, state) in &config.files {
        writeln!(out, "# {what:<10} {state}")?;
    }
    writeln!(out, "[{}]", config.table)?;
    for key in &config.keys {
        match (&key.value, key.unset) {
            (Some(value), _) => {
                let line = format!("{} = {value}", key.name);
                writeln!(out, "{line:<28} # {}", key.origin)?;
            }
            (None, Some(meaning)) => writeln!(out, "# {}: not set ({meaning})", key.name)?,
            (None, None) => writeln!(out, "# {}: not set", key.name)?,
        }
    }
    Ok(())
}
