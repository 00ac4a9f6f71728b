//! The commitment lexicon: markers with their strength, hedges, negations,
//! actors and the openings of UN preambular paragraphs. Data, not code: the
//! default ships embedded (`lexicon.toml`) and a user file extends or
//! replaces it.

use serde::Deserialize;

use super::word_table::WordTable;

use crate::diff::Strength;

use crate::normalize::key::{Folding, key, words};

/// What a marker phrase means: a strength, or none (verbs that only record).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkerStrength {
    /// Not a commitment ("notes", "welcomes").
    None,
    /// A weak commitment.
    Weak,
    /// A moderate commitment.
    Moderate,
    /// A strong commitment.
    Strong,
}

impl MarkerStrength {
    /// The commitment strength, or `None` for recording verbs.
    pub fn strength(self) -> Option<Strength> {
        match self {
            MarkerStrength::None => None,
            MarkerStrength::Weak => Some(Strength::Weak),
            MarkerStrength::Moderate => Some(Strength::Moderate),
            MarkerStrength::Strong => Some(Strength::Strong),
        }
    }
}

/// The lexicon file's format (see `docs/lexicon.md`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Replace the default lexicon instead of extending it.
    #[serde(default)]
    pub replace: bool,
    /// Marker groups.
    #[serde(default)]
    pub marker: Vec<MarkerGroup>,
    /// Hedge phrases.
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Negation words.
    #[serde(default)]
    pub negations: Vec<String>,
    /// Actor phrases.
    #[serde(default)]
    pub actors: Vec<String>,
    /// First words of preambular paragraphs (besides -ing participles).
    #[serde(default)]
    pub preambular: Vec<String>,
    /// Head nouns of a subject that acts ("members", "countries", "force"),
    /// besides pronouns and proper names.
    #[serde(default)]
    pub agents: Vec<String>,
    /// Phrases that place a past-tense marker in an earlier time ("last
    /// year", "previously"): a pledge recalled, not made.
    #[serde(default)]
    pub recalled: Vec<String>,
}

/// Phrases that share a strength.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerGroup {
    /// Their strength.
    pub strength: MarkerStrength,
    /// Why they rank there.
    #[serde(default)]
    pub why: String,
    /// The phrases, each matched as whole words.
    pub phrases: Vec<String>,
    /// The strength of "will" followed by one of these phrases, when it is
    /// not the phrase's own ("will continue to" is strong, "continue to"
    /// moderate); by default "will" takes the weaker of the two.
    #[serde(default)]
    pub with_will: Option<MarkerStrength>,
}

/// What a marker phrase means where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MarkerInfo {
    /// Its own strength.
    pub(crate) strength: MarkerStrength,
    /// Its strength after "will", when that differs.
    pub(crate) with_will: Option<MarkerStrength>,
}

/// A phrase as lower-case words.
pub(crate) type Phrase = Vec<String>;

/// A compiled lexicon, ready to match word sequences.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Markers by first word, longest first.
    pub(crate) markers: WordTable<Vec<(Phrase, MarkerInfo)>>,
    /// The second words of the markers: a marker of two or more words
    /// needs one next (or a gap before it).
    pub(crate) second_words: WordTable<()>,
    pub(crate) hedges: PhraseIndex,
    pub(crate) negations: Vec<String>,
    pub(crate) actors: PhraseIndex,
    pub(crate) preambular: Vec<String>,
    pub(crate) agents: WordTable<()>,
    pub(crate) recalled: PhraseIndex,
}

/// Phrases by their first word, longest first, so that matching at a
/// position costs one lookup.
#[derive(Clone, Debug, Default)]
pub(crate) struct PhraseIndex {
    by_first: WordTable<Vec<Phrase>>,
    longest: usize,
}

impl PhraseIndex {
    fn add(&mut self, phrase: Phrase) {
        if let Some(first) = phrase.first() {
            let list = self.by_first.entry(first);
            if !list.contains(&phrase) {
                self.longest = self.longest.max(phrase.len());
                list.push(phrase);
                list.sort_by_key(|p| std::cmp::Reverse(p.len()));
            }
        }
    }

    /// The phrases that start with `word`, longest first.
    #[inline]
    pub(crate) fn starting_with(&self, word: &str) -> &[Phrase] {
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// The number of words of the longest phrase.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }
}

/// The default lexicon's text.
pub const DEFAULT_LEXICON: &str = include_str!("lexicon.toml");

/// Why a lexicon file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line of the problem.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Lexicon {
    /// The lexicon that ships with communique.
    pub fn builtin() -> Lexicon {
        // Parsed once per process (a run asks for it from several places:
        // the options' default, the CLI's loader, a trace's revivals) and
        // cloned after. The embedded file is tested to parse; an empty
        // lexicon is the harmless fallback should that ever fail.
        static BUILTIN: std::sync::LazyLock<Lexicon> =
            std::sync::LazyLock::new(|| Lexicon::parse(DEFAULT_LEXICON).unwrap_or_default());
        BUILTIN.clone()
    }

    /// Parses a lexicon file on its own.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let file = parse_file(text)?;
        let mut lexicon = Lexicon::default();
        lexicon.add(file);
        Ok(lexicon)
    }

    /// The built-in lexicon extended by a user file (or replaced, when the
    /// file says `replace = true`).
    pub fn with_user_file(text: &str) -> Result<Lexicon, LexiconError> {
        let file = parse_file(text)?;
        let mut lexicon = if file.replace {
            Lexicon::default()
        } else {
            Lexicon::builtin()
        };
        lexicon.add(file);
        Ok(lexicon)
    }

    fn add(&mut self, file: LexiconFile) {
        for group in file.marker {
            for p in group.phrases {
                let phrase = phrase_words(&p);
                if let Some(second) = phrase.get(1) {
                    self.second_words.entry(second);
                }
                if let Some(first) = phrase.first() {
                    let list = self.markers.entry(first);
                    list.retain(|(q, _)| *q != phrase);
                    list.push((
                        phrase,
                        MarkerInfo {
                            strength: group.strength,
                            with_will: group.with_will,
                        },
                    ));
                    list.sort_by_key(|(q, _)| std::cmp::Reverse(q.len()));
                }
            }
        }
        for h in &file.hedges {
            self.hedges.add(phrase_words(h));
        }
        self.negations
            .extend(file.negations.iter().map(|n| n.to_lowercase()));
        for a in &file.actors {
            self.actors.add(phrase_words(a));
        }
        self.preambular
            .extend(file.preambular.iter().map(|p| p.to_lowercase()));
        for a in &file.agents {
            self.agents.entry(&a.to_lowercase());
        }
        for r in &file.recalled {
            self.recalled.add(phrase_words(r));
        }
    }
}

fn parse_file(text: &str) -> Result<LexiconFile, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError {
        line: e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        }),
        message: e.message().to_owned(),
    })
}

/// A phrase's words as the matcher sees them.
pub(crate) fn phrase_words(phrase: &str) -> Phrase {
    let k = key(phrase, Folding::LEXICON);
    words(&k).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let lexicon = Lexicon::parse(DEFAULT_LEXICON).expect("the default lexicon parses");
        assert!(lexicon.markers.contains("will"));
        assert!(!lexicon.hedges.starting_with("as").is_empty());
    }

    #[test]
    fn user_file_extends_or_replaces() {
        let user = "[[marker]]\nstrength = \"strong\"\nphrases = [\"vow to\"]\n";
        let l = Lexicon::with_user_file(user).expect("parses");
        assert!(l.markers.contains("vow") && l.markers.contains("will"));
        let l = Lexicon::with_user_file(&format!("replace = true\n{user}")).expect("parses");
        assert!(l.markers.contains("vow") && !l.markers.contains("will"));
        let err = Lexicon::with_user_file("[[marker]]\nstrength = \"mighty\"\nphrases = []\n")
            .unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }
}
