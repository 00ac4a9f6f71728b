//! `communique config`: the effective configuration as a `[defaults]` table,
//! each value with a comment saying where it came from.

use std::io::{self, Write};

use crate::normalize::controls::visible;

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

/// Writes `config` as a TOML table with comments. A file name is one line
/// made [`visible`]: a line break in it would end its comment.
pub fn text(out: &mut dyn Write, config: &Effective) -> io::Result<()> {
    writeln!(
        out,
        "# Effective configuration: flags > store file > user file > built-in defaults."
    )?;
    for (what, state) in &config.files {
        writeln!(out, "# {what:<10} {}", visible(state))?;
    }
    writeln!(out, "[{}]", config.table)?;
    for key in &config.keys {
        match (&key.value, key.unset) {
            (Some(value), _) => {
                let line = format!("{} = {value}", key.name);
                writeln!(out, "{line:<28} # {}", visible(&key.origin))?;
            }
            (None, Some(meaning)) => writeln!(out, "# {}: not set ({meaning})", key.name)?,
            (None, None) => writeln!(out, "# {}: not set", key.name)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_in_a_file_name_stays_in_its_comment() {
        let config = Effective {
            files: vec![(
                "store file",
                "a\n[defaults]\nformat = \"html\"/communique.toml".to_owned(),
            )],
            table: "defaults",
            keys: vec![Setting {
                name: "context",
                value: Some("1".to_owned()),
                origin: "store file a\nb/communique.toml:3".to_owned(),
                unset: None,
            }],
        };
        let mut out = Vec::new();
        text(&mut out, &config).expect("writes");
        let out = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            out,
            "# Effective configuration: flags > store file > user file > built-in defaults.\n\
             # store file a\\u{a}[defaults]\\u{a}format = \"html\"/communique.toml\n\
             [defaults]\n\
             context = 1                  # store file a\\u{a}b/communique.toml:3\n"
        );
    }
}
