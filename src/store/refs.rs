//! Statement refs: how users name a statement in a store.
//!
//! ```text
//! statements/unga-tpnw/2024-12-02-a-res-79-38.txt   a path (relative to the
//!                                                  current folder or the store)
//! unga-tpnw/2024-12-02-a-res-79-38                  series/id
//! unga-tpnw/2024                                    a unique prefix of series/id
//! unga-tpnw                                         a series: its latest statement
//! unga-tpnw/2024@HEAD~1                             any of these at a git revision
//! ```
//!
//! Parsing is pure ([`StatementRef::parse`]); resolving against a store's
//! statements is [`Store::resolve`](super::Store::resolve).

use std::fmt;

use super::StoreError;

/// A parsed statement ref, not yet resolved against a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementRef {
    /// What the ref names.
    pub target: Target,
    /// The git revision after `@`, if any (`HEAD~1`, a hash, a tag).
    pub rev: Option<String>,
    /// The ref as the user wrote it, for messages.
    pub text: String,
}

/// What a ref names, before `@`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// A file path, relative to the current folder or to the store's root.
    Path(String),
    /// A series, and a prefix of an id in it (`None`: the series' latest).
    Name {
        /// The series, in full.
        series: String,
        /// The id or a prefix of it.
        id: Option<String>,
    },
}

impl StatementRef {
    /// Parses a ref. Series and id prefixes hold only slug characters
    /// (`a-z`, `0-9`, `-`); anything with a `.`, a `\`, more than one `/` or
    /// a leading `/` is a path. `@` starts the revision: names never hold
    /// one, so the first `@` is the separator and the revision may hold more
    /// (`main@{1}`).
    pub fn parse(text: &str) -> Result<StatementRef, StoreError> {
        let invalid = |reason: &str| StoreError::InvalidRef {
            reference: text.to_owned(),
            reason: reason.to_owned(),
        };
        let (name, rev) = match text.split_once('@') {
            Some((_, "")) => return Err(invalid("nothing after @; give a revision, e.g. @HEAD~1")),
            Some((name, rev)) => (name, Some(rev.to_owned())),
            None => (text, None),
        };
        if name.is_empty() {
            return Err(invalid(
                "nothing before @; give series/id, a prefix of it, or a path",
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid(
                "it holds a control character, which no file or statement name of a store does; check the name",
            ));
        }
        let is_path =
            name.contains(['.', '\\']) || name.starts_with('/') || name.matches('/').count() > 1;
        let target = if is_path {
            Target::Path(name.to_owned())
        } else {
            let (series, id) = match name.split_once('/') {
                Some((series, id)) => (series, Some(id)),
                None => (name, None),
            };
            let slug = |s: &str| {
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            };
            if !slug(series) || !id.is_none_or(slug) {
                return Err(invalid(
                    "series and ids hold only a-z, 0-9 and -; write series/id, a prefix of it, or a path",
                ));
            }
            Target::Name {
                series: series.to_owned(),
                id: id.filter(|id| !id.is_empty()).map(str::to_owned),
            }
        };
        Ok(StatementRef {
            target,
            rev,
            text: text.to_owned(),
        })
    }
}

impl fmt::Display for StatementRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(series: &str, id: Option<&str>) -> Target {
        Target::Name {
            series: series.into(),
            id: id.map(Into::into),
        }
    }

    #[test]
    fn shapes() {
        let r = StatementRef::parse("unga-tpnw/2024@HEAD~1").unwrap();
        assert_eq!(r.target, name("unga-tpnw", Some("2024")));
        assert_eq!(r.rev.as_deref(), Some("HEAD~1"));
        assert_eq!(
            StatementRef::parse("unga-tpnw").unwrap().target,
            name("unga-tpnw", None)
        );
        assert_eq!(
            StatementRef::parse("unga-tpnw/").unwrap().target,
            name("unga-tpnw", None)
        );
        assert_eq!(
            StatementRef::parse("statements/a/b.txt@main@{1}")
                .unwrap()
                .rev
                .as_deref(),
            Some("main@{1}")
        );
        assert!(matches!(
            StatementRef::parse("../x.txt").unwrap().target,
            Target::Path(_)
        ));
    }

    #[test]
    fn refusals() {
        for bad in ["", "@HEAD", "a/b@", "Unga/2024", "a b", "a/\u{7}"] {
            assert!(StatementRef::parse(bad).is_err(), "{bad:?}");
        }
    }
}
