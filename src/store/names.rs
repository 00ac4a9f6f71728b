//! Series and ids: what a name may hold, and making one from a title or a
//! file name.
//!
//! Names become path components (`statements/<series>/<id>.txt`), so they are
//! held to lowercase slugs: nothing that could climb out of the store (`..`,
//! `/`, an absolute path), no control characters, nothing that a
//! case-insensitive file system would fold into another name.

use unicode_normalization::UnicodeNormalization;

use super::StoreError;

/// The longest series or id accepted, in bytes; long enough for any real
/// title slug, short enough to keep paths readable.
pub const MAX_NAME_LEN: usize = 100;

/// Checks that `name` is a valid series (`what = "series"`) or id
/// (`what = "id"`): lowercase ASCII letters, digits and single hyphens, not
/// starting or ending with a hyphen.
pub fn validate(what: &'static str, name: &str) -> Result<(), StoreError> {
    let refuse = |reason| {
        Err(StoreError::InvalidName {
            what,
            name: name.to_owned(),
            reason,
        })
    };
    if name.is_empty() {
        return refuse("it is empty");
    }
    if name.contains("..") {
        return refuse("\"..\" would lead out of the store");
    }
    if name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":") {
        return refuse("an absolute path would lead out of the store");
    }
    if name.contains('/') || name.contains('\\') {
        return refuse("a path separator would nest folders in the store");
    }
    if name.chars().any(char::is_control) {
        return refuse("it holds a control character");
    }
    if name.len() > MAX_NAME_LEN {
        return refuse("it is longer than 100 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return refuse("it holds characters other than a-z, 0-9 and -");
    }
    if name.starts_with('-') || name.ends_with('-') || name.contains("--") {
        return refuse("hyphens go only between words, one at a time");
    }
    Ok(())
}

/// A slug made of `text`: accents dropped, lowercase ASCII words joined by
/// hyphens, cut at a word boundary to at most `max` bytes. Empty when `text`
/// has no letter or digit.
pub fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::new();
    // NFD splits "é" into "e" + a combining accent, which is then dropped.
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c)
            && !c.is_alphanumeric()
            && !slug.is_empty()
            && !slug.ends_with('-')
        {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    slug.trim_end_matches('-').to_owned()
}

/// The id part of a file stem: `2023-12-04-a-res-78-35` → `a-res-78-35`.
/// The statement's own date goes in front of every id, so a date the name
/// starts with (the same or, with `--date`, another) would only repeat.
pub fn strip_date(stem: &str) -> &str {
    match leading_date(stem) {
        Some(date) => stem[date.len()..].trim_start_matches(['-', '_', ' ', '.']),
        None => stem,
    }
}

/// The date a file stem starts with, `2023-12-04-a-res-78-35` →
/// `2023-12-04`: archives name files so, and the store's ids do too.
pub fn leading_date(stem: &str) -> Option<&str> {
    let date = stem.get(..10)?;
    let rest = &stem[10..];
    let ends_there = rest.is_empty() || rest.starts_with(['-', '_', ' ', '.']);
    (ends_there && crate::statement::is_valid_date(date)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(leading_date("2023-12-04-a-res-78-35"), Some("2023-12-04"));
        assert_eq!(leading_date("2023-12-04"), Some("2023-12-04"));
        assert_eq!(leading_date("2023-02-30-draft"), None);
        assert_eq!(leading_date("2023-12-045"), None);
        assert_eq!(leading_date("draft-2023-12-04"), None);
        assert_eq!(leading_date("é"), None);
    }

    #[test]
    fn refuses_names_that_escape_or_are_not_slugs() {
        for bad in [
            "", "..", "../x", "a/b", "/etc", "C:x", "a\tb", "A", "a b", "-a", "a-", "a--b", "é",
        ] {
            assert!(validate("series", bad).is_err(), "{bad:?}");
        }
        for good in ["unga-tpnw", "g7", "2021-03-30-joint-communique"] {
            assert!(validate("id", good).is_ok(), "{good:?}");
        }
        let long = "a".repeat(MAX_NAME_LEN + 1);
        assert!(validate("id", &long).is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Joint Communiqué by Ministers", 60),
            "joint-communique-by-ministers"
        );
        assert_eq!(slugify("78/35. Treaty", 60), "78-35-treaty");
        assert_eq!(slugify("one two three", 9), "one-two");
        assert_eq!(slugify("“”", 60), "");
        assert_eq!(strip_date("2023-12-04-a-res-78-35"), "a-res-78-35");
        assert_eq!(strip_date("draft"), "draft");
        assert_eq!(strip_date("2021-13-01-draft"), "2021-13-01-draft");
    }
}
