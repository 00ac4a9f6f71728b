//! Word lists the segmenter consults, kept as data so they can be reviewed
//! and extended without touching the scanning logic.
//!
//! Entries are written without their final period. Multi-letter entries match
//! ASCII case-insensitively (a sentence may start with "Para." or "Co.");
//! single-letter entries match exactly, because a capital single letter is
//! far more often an initial ("Antony J. Blinken") than an abbreviation.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Abbreviations that introduce what follows (titles, "e.g.", "cf."): a
/// sentence essentially never ends on them, whatever comes next.
pub const PREFIX: &[&str] = &[
    // Titles and ranks, always followed by a name.
    "mr", "mrs", "ms", "mx", "dr", "prof", "messrs", "mmes", "mme", "mlle", "hon", "rt", "gen",
    "lt", "col", "capt", "cpt", "cmdr", "adm", "maj", "sgt", "gov", "sen", "rep", "rev", "amb",
    "pres", "fr", "h.e", "h.m", "h.r.h", "h.h", // Place-name prefixes.
    "st", "mt", "ft", // Introducing an example, a comparison or a number.
    "e.g", "i.e", "viz", "vs", "v", "cf", "approx", "ca", "nr", "n°", "nº",
];

/// Abbreviations that can end a sentence but usually do not: they end one
/// only when the next word is a common sentence opener ("Co. It closed").
/// Before a number ("No. 5", "para. 3", "Res. 2254") or a name they never do.
pub const OPENER_GATED: &[&str] = &[
    // References into documents.
    "no", "nos", "art", "arts", "para", "paras", "subpara", "p", "pp", "vol", "vols", "fig", "figs",
    "res", "doc", "ch", "chap", "sec", "sect", "suppl", "sess", "ser", "ed", "eds", "op", "ibid",
    "tel", "ext", // Company and name suffixes.
    "co", "corp", "inc", "ltd", "llc", "plc", "jr", "sr", "bros", "esq", "al",
    // Common shortenings in official text.
    "dept", "govt", "assn", "univ", "intl", "natl", "est", "min", "dep",
];

/// Abbreviations after which any capitalized word starts a new sentence, but
/// a number or a lower-case word does not ("Jan. 21", "etc. and").
pub const CAPITAL_GATED: &[&str] = &[
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Capitalized words that commonly open an English sentence. After an
/// ambiguous abbreviation or an initial ("the U.S. How", "you and I. Did")
/// they signal a boundary; other capitalized words are taken to continue the
/// name or title ("the U.S. Government", "Albert I. Jones").
///
/// Deliberately absent: words that also head common names or titles after an
/// abbreviation ("U.S. First Lady", "Theresa May", "Next Generation").
pub const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "We",
    "They",
    "I",
    "You",
    "Our",
    "Their",
    "His",
    "Her",
    "My",
    "Your",
    "There",
    "Here",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "To",
    "Of",
    "Into",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Under",
    "Over",
    "Through",
    "Throughout",
    "Among",
    "Against",
    "Despite",
    "Following",
    "Given",
    "Upon",
    "Within",
    "Beyond",
    "If",
    "When",
    "Whenever",
    "While",
    "Where",
    "Whereas",
    "Although",
    "Though",
    "Because",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "However",
    "Moreover",
    "Furthermore",
    "Therefore",
    "Thus",
    "Also",
    "Finally",
    "Lastly",
    "Meanwhile",
    "Nevertheless",
    "Nonetheless",
    "Indeed",
    "Today",
    "Together",
    "Such",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Any",
    "None",
    "Other",
    "Others",
    "Another",
    "What",
    "Which",
    "Who",
    "Whom",
    "Whose",
    "Why",
    "How",
    "Did",
    "Do",
    "Does",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Can",
    "Could",
    "Would",
    "Shall",
    "Should",
    "Might",
    "Must",
    "Let",
    "Please",
    "Yes",
    "Not",
    "Only",
    "Even",
    "Still",
    "Then",
    "Now",
    "Later",
    "Further",
    "Additionally",
    "Accordingly",
    "Consequently",
    "Hence",
    "Instead",
    "Likewise",
    "Similarly",
    "Specifically",
    "Notably",
    "Importantly",
    "Currently",
    "Recently",
    "Previously",
    "Overall",
    "Earlier",
    "Just",
    "Already",
    "Again",
    "Often",
    "Never",
    "Always",
    "Perhaps",
    "Unfortunately",
    "Regrettably",
];

/// Capitalized words that often follow "U.S." (and "U.K.", "E.U.", "U.N.")
/// in official text as part of one name. Checked before
/// [`SENTENCE_OPENERS`], so that an opener that also heads a title ("U.S.
/// Under Secretary") does not split it.
pub const NAME_CONTINUATIONS: &[&str] = &[
    "Government",
    "Governments",
    "Secretary",
    "Department",
    "President",
    "Vice",
    "Congress",
    "Embassy",
    "Embassies",
    "Ambassador",
    "Treasury",
    "Trade",
    "Representative",
    "Navy",
    "Army",
    "Air",
    "Marine",
    "Marines",
    "Coast",
    "Administration",
    "Forces",
    "Armed",
    "Military",
    "Senate",
    "House",
    "Mission",
    "Permanent",
    "Special",
    "Envoy",
    "Agency",
    "Court",
    "Supreme",
    "Federal",
    "Attorney",
    "Consulate",
    "Consul",
    "Delegation",
    "Deputy",
    "Assistant",
    "Under",
    "State",
    "Commerce",
    "Defense",
    "Defence",
    "Homeland",
    "National",
    "Central",
    "Customs",
    "Border",
    "Census",
    "Citizenship",
    "Immigration",
    "International",
    "Agriculture",
    "Energy",
    "Justice",
    "Office",
    "Bureau",
    "Council",
    "Commission",
    "Committee",
    "Senator",
    "Senators",
    "Governor",
    "Officials",
    "Official",
    "Policy",
    "Dollar",
    "Dollars",
    "Citizens",
    "Companies",
    "Company",
    "Economy",
    "Reserve",
    "Strategic",
    "Export",
    "Exports",
    "Import",
    "Imports",
    "Allies",
    "Partners",
    "Presidency",
    "Prime",
    "Minister",
    "Ministry",
    "Parliament",
    "Foreign",
    "Chargé",
    "Charge",
    "Interagency",
    "Intelligence",
    "Space",
    "Naval",
    "Troops",
    "Soldiers",
    "Personnel",
];

/// Words after which a number is a reference, not a new list item:
/// "paragraph 2. The" is the end of a sentence citing paragraph 2.
/// Nouns that as often end a list item as cite one ("item", "point") are
/// left out.
pub const REFERENCE_WORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "subparagraph",
    "subparagraphs",
    "article",
    "articles",
    "art.",
    "section",
    "sections",
    "annex",
    "annexes",
    "chapter",
    "chapters",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "no.",
    "nos.",
    "page",
    "pages",
    "p.",
    "pp.",
    "rule",
    "rules",
    "clause",
    "clauses",
    "and",
    "or",
    "to",
    "of",
    "see",
    "under",
    "in",
    "with",
];

/// An abbreviation list as [`contains`] looks words up in it: its entries,
/// ASCII lower-cased, in a set built on first use (the segmenter asks at
/// every period, and a scan of a list cost hundreds of instructions).
struct Lookup {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<Box<[u8]>>>,
}

impl Lookup {
    const fn new(list: &'static [&'static str]) -> Lookup {
        Lookup {
            list,
            set: OnceLock::new(),
        }
    }
}

static PREFIXES: Lookup = Lookup::new(PREFIX);
static OPENER_GATED_SET: Lookup = Lookup::new(OPENER_GATED);
static CAPITAL_GATED_SET: Lookup = Lookup::new(CAPITAL_GATED);

/// The longest entry of any abbreviation list, in bytes: no longer word
/// is looked up.
const LONGEST: usize = 16;

fn contains(lookup: &Lookup, word: &str) -> bool {
    // A single letter must match exactly (see the module comment); longer
    // entries ignore ASCII case.
    if word.len() == 1 {
        return lookup.list.contains(&word);
    }
    let mut lower = [0u8; LONGEST];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    lookup
        .set
        .get_or_init(|| {
            let lower = |e: &&str| e.as_bytes().to_ascii_lowercase().into_boxed_slice();
            lookup.list.iter().map(lower).collect()
        })
        .contains(&*lower)
}

/// Whether `word` (without its final period) is a [`PREFIX`] abbreviation.
pub fn is_prefix(word: &str) -> bool {
    contains(&PREFIXES, word)
}

/// Whether `word` (without its final period) is an [`OPENER_GATED`] abbreviation.
pub fn is_opener_gated(word: &str) -> bool {
    contains(&OPENER_GATED_SET, word)
}

/// Whether `word` (without its final period) is a [`CAPITAL_GATED`] abbreviation.
pub fn is_capital_gated(word: &str) -> bool {
    contains(&CAPITAL_GATED_SET, word)
}

/// Whether `word` is any known abbreviation.
pub fn is_known(word: &str) -> bool {
    is_prefix(word) || is_opener_gated(word) || is_capital_gated(word)
}

/// Whether `word` is one of the [`SENTENCE_OPENERS`] (case-sensitive).
pub fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

/// Whether `word` is one of the [`NAME_CONTINUATIONS`] (case-sensitive).
pub fn is_name_continuation(word: &str) -> bool {
    NAME_CONTINUATIONS.contains(&word)
}

/// Whether `word` (with any final period) is one of the [`REFERENCE_WORDS`].
pub fn is_reference_word(word: &str) -> bool {
    REFERENCE_WORDS
        .iter()
        .any(|entry| entry.len() == word.len() && entry.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_entry_is_longer_than_the_longest_looked_up() {
        for list in [PREFIX, OPENER_GATED, CAPITAL_GATED] {
            assert!(list.iter().all(|e| e.len() <= LONGEST));
        }
    }

    #[test]
    fn lookups_ignore_ascii_case_except_for_one_letter() {
        assert!(is_prefix("Mr") && is_prefix("MR") && is_prefix("h.e") && is_prefix("H.E"));
        assert!(is_prefix("n°") && is_prefix("N°"));
        assert!(is_prefix("v") && !is_prefix("V"));
        assert!(is_opener_gated("Para") && is_opener_gated("p") && !is_opener_gated("P"));
        assert!(is_capital_gated("SEPT") && !is_capital_gated("Sep."));
        assert!(!is_prefix("") && !is_prefix("Mrs.") && !is_prefix("Wilmès"));
        assert!(!is_opener_gated("internationally"));
    }
}
