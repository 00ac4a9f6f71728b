//! A light stemmer for pairing sentences: "gathering" and "gather",
//! "revenues" and "revenue", "countries" and "country" are one word when
//! the aligner asks whether a sentence is part of another.
//!
//! It only strips common English suffixes (plural and verb endings, then
//! "-ment", "-ly", a final "e" or "y"), never rewrites the rest of the word,
//! and so returns a slice of its input: no allocation per word. Stems are
//! for comparing, never shown. A real stemmer (Porter/Snowball) conflates
//! more ("investigation"/"investigate") but also more that differ
//! ("general"/"generate"); this one errs on the side of keeping words apart.
//! It lives apart from [`super::key`]: comparison keys decide what counts as
//! a change, stems only help find which sentences belong together.

/// The fewest bytes a stem keeps: shorter words are returned as they are.
const MIN_STEM: usize = 3;

/// Inflectional endings, tried longest first; one is stripped.
const INFLECTIONS: &[&str] = &["ies", "ing", "ed", "es", "s"];
/// Endings stripped after the inflection.
const DERIVATIONS: &[&str] = &["ment", "ly", "e", "y"];

/// The stem of a (lower-case) word: `word` with at most one inflectional and
/// then one derivational suffix removed, keeping at least three bytes.
/// Words ending in "ss", "us" or "is" keep their "s" ("process", "status",
/// "basis").
///
/// ```
/// use communique::normalize::stem::stem;
///
/// assert_eq!(stem("gathering"), stem("gather"));
/// assert_eq!(stem("countries"), stem("country"));
/// assert_eq!(stem("revenues"), stem("revenue"));
/// assert_eq!(stem("commitments"), stem("commit"));
/// assert_eq!(stem("process"), "process");
/// ```
pub fn stem(word: &str) -> &str {
    let keeps_s = ["ss", "us", "is"].iter().any(|e| word.ends_with(e));
    let mut w = strip(word, INFLECTIONS, keeps_s);
    w = strip(w, DERIVATIONS, false);
    w
}

/// `word` without the first of `endings` it ends with, if what remains is
/// long enough (and the ending is not a kept "s").
fn strip<'a>(word: &'a str, endings: &[&str], keeps_s: bool) -> &'a str {
    for e in endings {
        if keeps_s && (*e == "s" || *e == "es") {
            continue;
        }
        if let Some(rest) = word.strip_suffix(e)
            && rest.len() >= MIN_STEM
        {
            return rest;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_of_one_word_share_a_stem() {
        for group in [
            ["phase", "phases", "phasing"],
            ["impose", "imposed", "imposing"],
            ["support", "supports", "supported"],
            ["measure", "measures", "measured"],
        ] {
            let stems: Vec<&str> = group.iter().map(|w| stem(w)).collect();
            assert!(
                stems.windows(2).all(|p| p[0] == p[1]),
                "{group:?}: {stems:?}"
            );
        }
    }

    #[test]
    fn short_words_and_kept_endings_stay() {
        for w in ["us", "is", "was", "has", "press", "status", "basis", "its"] {
            assert_eq!(stem(w), w, "{w}");
        }
        // A stem is never shorter than three bytes.
        assert_eq!(stem("uses"), "use");
    }

    #[test]
    fn non_ascii_words_are_cut_only_at_ascii_endings() {
        assert_eq!(stem("états"), "état");
        assert_eq!(stem("résumé"), "résumé");
    }
}
