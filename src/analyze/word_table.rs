//! A table of the lexicon's words (the first words of its phrases, its
//! agent nouns) looked up by their shape before their letters.
//!
//! Commitment reading asks it about every word of every sentence, and most
//! words are in no table. A word's shape (first letter, last letter,
//! length) picks one bit of a small table that stays in cache: most words
//! are turned away by that bit, and a word that passes finds the few
//! entries of its shape by counting the bits below it, with no hashing. The
//! one or two entries there are then compared letter for letter.

/// One bit per word length; lengths from `LONG` on share the last bit.
const LONG: usize = 31;

/// Letters `a`–`z`, and one class for anything else.
const CLASSES: usize = 27;

/// Words (ASCII lower case, as the lexicon spells them) and a value for
/// each.
#[derive(Clone, Debug)]
pub(crate) struct WordTable<T> {
    /// Bit `n` of entry `first * CLASSES + last` says some word starts with
    /// letter `first`, ends with letter `last` and is `n` bytes long.
    lengths: Vec<u32>,
    /// The index in `slots` of each shape entry's first slot (the slots of
    /// one entry follow each other, by length).
    first_slot: Vec<u32>,
    /// The words of each (shape, length), with their values.
    slots: Vec<Vec<(Box<str>, T)>>,
}

impl<T> Default for WordTable<T> {
    fn default() -> WordTable<T> {
        WordTable {
            lengths: vec![0; CLASSES * CLASSES],
            first_slot: vec![0; CLASSES * CLASSES],
            slots: Vec::new(),
        }
    }
}

/// The shape entry of `word` and its length bit.
#[inline(always)]
fn shape(word: &[u8]) -> (usize, usize) {
    let class = |b: Option<&u8>| match b {
        Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
        _ => CLASSES - 1,
    };
    (
        class(word.first()) * CLASSES + class(word.last()),
        word.len().min(LONG),
    )
}

impl<T> WordTable<T> {
    /// Whether the table holds no word.
    pub(crate) fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The value of `word`, if the table holds it.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        let (entry, len) = shape(word.as_bytes());
        let lengths = self.lengths[entry];
        if lengths & (1 << len) == 0 {
            return None;
        }
        self.find(entry, lengths, len, word)
    }

    /// Whether the table holds `word`.
    #[inline(always)]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The value of `word` among the slot of its shape, which the word's
    /// bit says exists.
    fn find(&self, entry: usize, lengths: u32, len: usize, word: &str) -> Option<&T> {
        let below = (lengths & ((1 << len) - 1)).count_ones();
        let slot = &self.slots[(self.first_slot[entry] + below) as usize];
        slot.iter()
            .find(|(w, _)| w.as_bytes() == word.as_bytes())
            .map(|(_, v)| v)
    }

    /// The value of `word`, inserted as `T::default()` if the table does
    /// not hold it yet.
    pub(crate) fn entry(&mut self, word: &str) -> &mut T
    where
        T: Default,
    {
        let (entry, len) = shape(word.as_bytes());
        let below = (self.lengths[entry] & ((1 << len) - 1)).count_ones();
        let at = (self.first_slot[entry] + below) as usize;
        if self.lengths[entry] & (1 << len) == 0 {
            // A new shape: its slot goes in among its entry's, and every
            // later entry's slots move up by one.
            self.lengths[entry] |= 1 << len;
            self.slots.insert(at, Vec::new());
            for first in &mut self.first_slot[entry + 1..] {
                *first += 1;
            }
        }
        let slot = &mut self.slots[at];
        let i = match slot.iter().position(|(w, _)| **w == *word) {
            Some(i) => i,
            None => {
                slot.push((word.into(), T::default()));
                slot.len() - 1
            }
        };
        &mut slot[i].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let words = [
            "will",
            "well",
            "wall",
            "we",
            "the",
            "tie",
            "a",
            "committed",
            "internationally-recognised-and-very-long",
            "internationally-recognised-and-very-longer",
            "états",
            "",
        ];
        let mut table: WordTable<usize> = WordTable::default();
        assert!(table.is_empty() && table.get("will").is_none());
        for (i, w) in words.iter().enumerate() {
            *table.entry(w) = i;
        }
        // Inserting again finds the same entry.
        *table.entry("tie") += 100;
        for (i, w) in words.iter().enumerate() {
            let want = if *w == "tie" { i + 100 } else { i };
            assert_eq!(table.get(w), Some(&want), "{w}");
        }
        for w in [
            "wil",
            "willl",
            "wel",
            "th",
            "thee",
            "b",
            "commit",
            "etats",
            "Will",
            "internationally",
        ] {
            assert!(!table.contains(w), "{w}");
        }
    }
}
