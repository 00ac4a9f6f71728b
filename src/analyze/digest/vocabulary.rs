//! The small words that shape how names are read: which join the words of
//! one name, which open a phrase, which are titles or owners before a
//! name, and which capitalized nouns name nothing on their own. Kept apart
//! from the reading (`names.rs`) so that the lists read as lists.

/// Words that join the capitalized words of one name.
pub(super) const CONNECTORS: [&str; 6] = ["of", "for", "and", "on", "the", "de"];

/// Capitalized words that open a phrase without being part of a name.
pub(super) const LEADING: [&str; 32] = [
    "The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "Its", "His", "Her", "We",
    "They", "It", "I", "In", "On", "At", "For", "And", "But", "As", "With", "By", "To", "Of",
    "All", "Both", "Each", "Any", "Such",
];

/// Titles before a person's name: "President Zelenskyy" is Zelenskyy.
pub(super) const TITLES: [&str; 10] = [
    "President",
    "Prime",
    "Minister",
    "Chancellor",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "King",
    "Queen",
];

/// Who a name belongs to, said before it: "Government of Ukraine" and
/// "Leaders of the Group of Seven" mention Ukraine and the Group of Seven.
pub(super) const OWNERS: [&str; 10] = [
    "Government",
    "Governments",
    "Leaders",
    "Ministers",
    "Heads",
    "People",
    "Peoples",
    "President",
    "Presidents",
    "Minister",
];

/// Capitalized common nouns that name nothing on their own.
pub(super) const GENERIC: [&str; 57] = [
    "parties",
    "party",
    "states",
    "state",
    "member states",
    "member state",
    "states parties",
    "state party",
    "governments",
    "government",
    "leaders",
    "ministers",
    "heads",
    "heads of state and government",
    "order",
    "agreement",
    "treaty",
    "convention",
    "statement",
    "joint statement",
    "resolution",
    "resolutions",
    "declaration",
    "article",
    "articles",
    "annex",
    "section",
    "chapter",
    "charter",
    "assembly",
    "council",
    "committee",
    "conference",
    "meeting",
    "summit",
    "secretariat",
    "president",
    "minister",
    "prime minister",
    "chair",
    "presidency",
    "protocol",
    "protocols",
    "mission",
    "office",
    "programme",
    "program",
    "plan",
    "group",
    "people",
    "sides",
    "side",
    "ministerial",
    "communiqué",
    "communique",
    "monday",
    "sunday",
];

/// Roman numerals, which label sections and items rather than name.
pub(super) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| "IVXLC".contains(c))
}
