//! Whether a name is written in a text: the check that keeps a name out
//! of "added" or "dropped" when the other version writes it after all, in
//! another case or where a capital did not mark it ("a multi-agency Donor
//! Coordination Platform"), but not as the start of a longer name ("the
//! Vienna Action Plan" does not mention Vienna).

use rustc_hash::{FxHashMap, FxHashSet};

use super::names::capitalized;
use super::tokens::tokens;
use super::vocabulary::CONNECTORS;
use crate::normalize::key::ALNUM;

/// A name looked for in a document: the words of each of its forms
/// (ASCII lower-cased, as [`words_of`] gives them). Inside a longer name
/// it does not count ("the Vienna Action Plan" does not mention Vienna).
pub(super) struct Sought {
    /// The words of each form.
    pub(super) forms: Vec<Vec<String>>,
}

/// The forms of every name sought, as a trie of their words, and the runs
/// each form's words open with ([`ascii_runs`]) to rule a text out before
/// it is split into words. Built once per search: a name found is marked,
/// not taken out, so that many names found one by one cost no rebuild each.
struct Index<'a> {
    /// The trie's edges: (node, word) to the node after it; the root is 0.
    next: FxHashMap<(u32, &'a str), u32>,
    /// For each node of the trie, the names one of whose forms ends there,
    /// each with whether the form was cut at [`FORM_WORDS`].
    ends: Vec<Vec<(usize, bool)>>,
    /// Each form with a word that opens with an ASCII run: its name, the
    /// hashes of those runs and their filter.
    forms: Vec<(usize, Vec<u64>, Filter)>,
    /// The forms of `forms` by the hash of their first run.
    by_opening: FxHashMap<u64, Vec<usize>>,
    /// For each name, whether it has a form none of whose words has an
    /// ASCII run (a name in another script): no text is ruled out for it.
    bare: Vec<bool>,
    /// How many such names are not yet found.
    bare_left: usize,
    /// How many names with a form are not yet found.
    left: usize,
}

/// The most words of a form the trie holds: a "name" longer than this (a
/// hostile run of capitals) is found by its first words, so that a text
/// is never walked further than this from any of its words.
const FORM_WORDS: usize = 64;

/// The most forms [`Index::may_stand`] looks at for one text before it lets
/// the text through to be read: enough for the names real texts share
/// first words with, and a bound where thousands of names share one.
const MAY_STAND_BUDGET: usize = 64;

impl<'a> Index<'a> {
    /// The index of the forms of `sought`.
    fn new(sought: &'a [Sought]) -> Self {
        let mut index = Index {
            next: FxHashMap::default(),
            ends: vec![Vec::new()],
            forms: Vec::new(),
            by_opening: FxHashMap::default(),
            bare: vec![false; sought.len()],
            bare_left: 0,
            left: 0,
        };
        for (n, s) in sought.iter().enumerate() {
            let mut any = false;
            for form in s.forms.iter().filter(|f| !f.is_empty()) {
                any = true;
                let mut node = 0;
                for w in form.iter().take(FORM_WORDS) {
                    let fresh = u32::try_from(index.ends.len()).unwrap_or(u32::MAX);
                    node = *index.next.entry((node, w.as_str())).or_insert(fresh);
                    if node == fresh {
                        index.ends.push(Vec::new());
                    }
                }
                if let Some(ends) = index.ends.get_mut(node as usize) {
                    ends.push((n, form.len() > FORM_WORDS));
                }
                let hashes: Vec<u64> = form
                    .iter()
                    .take(FORM_WORDS)
                    .filter_map(|w| ascii_runs(w).next())
                    .map(run_hash)
                    .collect();
                match hashes.first() {
                    Some(&first) => {
                        index
                            .by_opening
                            .entry(first)
                            .or_default()
                            .push(index.forms.len());
                        let filter = Filter::of(&hashes);
                        index.forms.push((n, hashes, filter));
                    }
                    None => index.bare[n] = true,
                }
            }
            index.left += usize::from(any);
            index.bare_left += usize::from(index.bare[n]);
        }
        index
    }

    /// Whether some form of a name not yet `found` may stand in a text
    /// whose ASCII runs hash to `here`: each of its words opens with an
    /// ASCII run of the text (a word is a slice of the text with no ASCII
    /// letter or digit on either side). Past [`MAY_STAND_BUDGET`] forms
    /// looked at, yes: the text is then read.
    fn may_stand(&self, here: &Here, found: &[bool]) -> bool {
        if self.bare_left > 0 {
            return true;
        }
        let mut budget = MAY_STAND_BUDGET;
        for h in &here.hashes {
            for &f in self.by_opening.get(h).into_iter().flatten() {
                if budget == 0 {
                    return true;
                }
                budget -= 1;
                let (n, hashes, filter) = &self.forms[f];
                if !found[*n]
                    && filter.within(&here.filter)
                    && hashes.iter().all(|h| here.contains(*h))
                {
                    return true;
                }
            }
        }
        false
    }
}

/// A 256-bit filter of a set of run hashes: a form whose filter is not
/// within a text's is not written there, which rules out most forms at a
/// glance (a text has a few dozen runs).
#[derive(Clone, Copy, Default)]
struct Filter([u64; 4]);

impl Filter {
    /// The filter of `hashes`.
    fn of(hashes: &[u64]) -> Filter {
        let mut filter = Filter::default();
        for &h in hashes {
            filter.add(h);
        }
        filter
    }

    /// Adds a hash: one bit, chosen by the top byte of the hash mixed once
    /// more (FxHash leaves its low bits poorly mixed).
    fn add(&mut self, hash: u64) {
        let bit = mix(hash) >> 56;
        self.0[(bit >> 6) as usize] |= 1 << (bit & 63);
    }

    /// Whether every bit of `self` is set in `other`.
    fn within(&self, other: &Filter) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & !b == 0)
    }
}

/// A hash mixed once more, for bits taken from its top (FxHash leaves its
/// low bits poorly mixed).
fn mix(hash: u64) -> u64 {
    hash.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The most runs a text may have for its hashes to be searched one by one;
/// a longer one's are sorted, so that a long (hostile) sentence and many
/// names cost names × log(runs), not names × runs: its 256-bit filter is
/// then mostly full and rules little out. Sentences of a few hundred
/// words stay below it, where sorting would cost more than it saves.
const SCAN_MAX: usize = 256;

/// The hashes of the ASCII runs of one text ([`ascii_runs`]) and their
/// filter: built for each text let through, so a list, not a hash set.
#[derive(Default)]
struct Here {
    hashes: Vec<u64>,
    filter: Filter,
    /// `hashes` is sorted and without repeats (a long text).
    sorted: bool,
}

impl Here {
    /// Forgets the last text and reads `text`.
    fn read(&mut self, text: &str) {
        self.hashes.clear();
        self.hashes.extend(ascii_runs(text).map(run_hash));
        self.filter = Filter::of(&self.hashes);
        self.sorted = self.hashes.len() > SCAN_MAX;
        if self.sorted {
            self.hashes.sort_unstable();
            self.hashes.dedup();
        }
    }

    /// Whether a run of the text hashes to `hash`.
    fn contains(&self, hash: u64) -> bool {
        if self.sorted {
            self.hashes.binary_search(&hash).is_ok()
        } else {
            self.hashes.contains(&hash)
        }
    }
}

/// The search for one list of names through the sentences of one side.
struct Search<'a> {
    /// For each name, whether a sentence writes it.
    found: Vec<bool>,
    index: Index<'a>,
    /// The hashes of the runs the first words of every form open with
    /// ([`runs`]), of names found or not.
    opening: FxHashSet<u64>,
    /// One bit of `OPENING_BITS` for each hash of `opening`: every run of
    /// every text is looked up, and most find their bit clear.
    opening_bits: Vec<u64>,
}

/// The size of [`Search::opening_bits`]: 64 Kibit (8 KiB), so that a few
/// hundred names leave most bits clear.
const OPENING_BITS: usize = 1 << 16;

/// A hash's bit in [`Search::opening_bits`]: its top bits, mixed once more.
fn opening_bit(hash: u64) -> usize {
    (mix(hash) >> (64 - OPENING_BITS.trailing_zeros())) as usize
}

impl<'a> Search<'a> {
    fn new(sought: &'a [Sought]) -> Self {
        let opening: FxHashSet<u64> = sought
            .iter()
            .flat_map(|s| &s.forms)
            .filter_map(|form| form.first())
            .filter_map(|w| runs(w).next())
            .map(run_hash)
            .collect();
        let mut opening_bits = vec![0u64; OPENING_BITS / 64];
        for &h in &opening {
            let bit = opening_bit(h);
            opening_bits[bit / 64] |= 1 << (bit % 64);
        }
        Search {
            found: vec![false; sought.len()],
            index: Index::new(sought),
            opening,
            opening_bits,
        }
    }

    /// Whether every name that may be found is.
    fn done(&self) -> bool {
        self.index.left == 0
    }

    /// Whether a run that hashes to `run` may open a name of this search.
    fn opens(&self, run: u64) -> bool {
        let bit = opening_bit(run);
        self.opening_bits[bit / 64] & (1 << (bit % 64)) != 0 && self.opening.contains(&run)
    }

    /// Reads `text` (its ASCII runs' hashes `ascii`) for the names not yet
    /// found.
    fn read(&mut self, text: &str, ascii: &Here) {
        // Many sentences let through hold the first word of a name but
        // not every word of any name still sought: they are not read.
        if !self.index.may_stand(ascii, &self.found) {
            return;
        }
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        let index = &self.index;
        let (mut newly, mut bare) = (0, 0);
        for at in 0..words.len() {
            // Down the trie as far as the text's words go: every form that
            // ends on the way is written here, unless a capital goes on
            // with it.
            let mut node = 0;
            for (k, (w, _)) in words[at..].iter().enumerate() {
                let Some(&child) = index.next.get(&(node, *w)) else {
                    break;
                };
                node = child;
                let names = &index.ends[node as usize];
                if names.is_empty() {
                    continue;
                }
                let ends = words
                    .get(at + k + 1)
                    .is_none_or(|(next, capital)| !capital || CONNECTORS.contains(next));
                for &(n, cut) in names {
                    if ends || cut {
                        newly += usize::from(!self.found[n]);
                        bare += usize::from(!self.found[n] && index.bare[n]);
                        self.found[n] = true;
                    }
                }
            }
        }
        self.index.left -= newly;
        self.index.bare_left -= bare;
    }
}

/// Which names of each of two lists some sentence of `texts` writes: the
/// words of one of its forms in a row, not followed by a capitalized word
/// that would make them the start of a longer name. `sides[t]` says which
/// lists text `t` is read for (`[old side, new side]` when the lists are
/// the names added and dropped): a text both sides write is scanned once
/// for both.
pub(super) fn written(
    texts: &[&str],
    sides: &[[bool; 2]],
    sought: [&[Sought]; 2],
) -> [Vec<bool>; 2] {
    let mut searches = sought.map(Search::new);
    let mut ascii = Here::default();
    for (text, side) in texts.iter().zip(sides) {
        let open = [0, 1].map(|s| side[s] && !searches[s].done());
        if open == [false, false] {
            continue;
        }
        // In an ASCII text the runs [`lets_through`] reads are the ASCII
        // runs: hashed once, they serve both.
        let through = if text.is_ascii() {
            ascii.read(text);
            [0, 1].map(|s| open[s] && ascii.hashes.iter().any(|&h| searches[s].opens(h)))
        } else {
            let through = lets_through(text, &searches, open);
            if through.contains(&true) {
                ascii.read(text);
            }
            through
        };
        for (search, through) in searches.iter_mut().zip(through) {
            if through {
                search.read(text, &ascii);
            }
        }
    }
    searches.map(|s| s.found)
}

/// For each of the two searches that is `open`, whether `text` may write
/// one of its names: most sentences hold none of their first words and
/// are skipped unread. Each run is hashed once, and the scan stops when
/// every open search lets the text through. (A word after a curly quote is
/// part of the quote's run here and is not seen: only a sentence let
/// through by another name is read for it.)
fn lets_through(text: &str, searches: &[Search; 2], open: [bool; 2]) -> [bool; 2] {
    let mut through = [false; 2];
    for run in runs(text) {
        let hash = run_hash(run);
        for (s, search) in searches.iter().enumerate() {
            through[s] |= open[s] && !through[s] && search.opens(hash);
        }
        if through == open {
            break;
        }
    }
    through
}

/// The runs of ASCII letters and digits of `text`.
fn ascii_runs(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes()
        .split(|&b| !ALNUM[usize::from(b)])
        .filter(|r| !r.is_empty())
}

/// The words of `text` as names are looked for in them: from `lower`
/// (`text` ASCII lower-cased, so that its offsets are `text`'s), split at
/// hyphens and slashes, possessives dropped, each with whether it is a
/// capital that would continue a name (not after punctuation, not in
/// parentheses: "(WFP)").
fn words_of<'a>(text: &str, lower: &'a str) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    // A break before a dropped "the" is a break before the next word.
    let mut broken = false;
    for t in tokens(text) {
        let joins = !t.break_before && !t.enclosed && !broken;
        broken = false;
        let (Some(low), Some(orig)) = (lower.get(t.start..t.end()), text.get(t.start..t.end()))
        else {
            continue;
        };
        let mut offset = 0;
        for part in low.split(['-', '‑', '/']) {
            let capital = orig.get(offset..).is_some_and(capitalized);
            // The separator's width: one byte, or three for '‑'.
            offset += part.len();
            offset += orig[offset.min(orig.len())..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            let bare = strip_all(strip_all(part, "’s"), "'s").trim_end_matches(['’', '\'', '.']);
            if bare == "the" {
                broken = !joins;
            } else if !bare.is_empty() {
                out.push((bare, joins && capital));
            }
        }
    }
    out
}

/// `word` without every `suffix` it ends with, as `trim_end_matches`
/// would trim them, without building a substring searcher for each word.
fn strip_all<'a>(mut word: &'a str, suffix: &str) -> &'a str {
    while let Some(shorter) = word.strip_suffix(suffix) {
        word = shorter;
    }
    word
}

/// The runs of letters and digits of `text` (bytes past ASCII count as
/// letters, but for the curly apostrophe and the non-breaking hyphen,
/// which split words as their ASCII forms do): each word [`words_of`]
/// gives opens with one.
fn runs(text: &str) -> impl Iterator<Item = &[u8]> {
    let bytes = text.as_bytes();
    // The curly apostrophe (E2 80 99) and the non-breaking hyphen
    // (E2 80 91) at `i`.
    let splits =
        |i: usize| bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x91 | 0x99));
    let word = move |i: usize, b: u8| {
        b.is_ascii_alphanumeric() || (b >= 0x80 && !(b == 0xE2 && splits(i)))
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let b = *bytes.get(at)?;
            if word(at, b) {
                break;
            }
            at += if b == 0xE2 { 3 } else { 1 };
        }
        let start = at;
        at += 1;
        while let Some(&b) = bytes.get(at) {
            if !word(at, b) {
                break;
            }
            at += 1;
        }
        Some(&bytes[start..at])
    })
}

/// A run's hash, ASCII letters folded to lower case. Every run of every
/// text is hashed, so eight bytes go in at a time; runs hold no zero byte,
/// so the zeros that pad the last chunk tell runs of different lengths
/// apart.
fn run_hash(run: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut chunks = run.chunks_exact(8);
    for chunk in &mut chunks {
        h.write_u64(fold_ascii(crate::swar::load(chunk)));
    }
    h.write_u64(fold_ascii(crate::swar::load(chunks.remainder())));
    h.finish()
}

/// Eight bytes with their ASCII capitals lower-cased, the others as they
/// are: a byte is a capital when its high bit is clear and its low seven
/// bits lie in `A..=Z`, tested on all eight at once.
fn fold_ascii(x: u64) -> u64 {
    // A capital's flag (0x80) shifted to 0x20 is what lower-cases it.
    x | (crate::swar::ascii_in(x, b'A', b'Z') >> 2)
}

/// The words of a name as [`written`] compares them.
pub(super) fn name_words(name: &str) -> Vec<String> {
    let lower = name.to_ascii_lowercase();
    words_of(name, &lower)
        .into_iter()
        .map(|(w, _)| w.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `written` hashes an ASCII text's runs once for both filters: that
    /// holds only while the two kinds of run agree on ASCII.
    #[test]
    fn an_ascii_texts_runs_are_its_ascii_runs() {
        for text in [
            "",
            "G7 Leaders' Statement on Ukraine -- 24/2/2022, U.S.-China (WFP): $100; 24%!",
            "  a  b\tc\n'd'e\"f\"g ",
            "0123456789 ABCxyz_.,;:/\\@[`{~\x7f",
        ] {
            assert!(text.is_ascii());
            assert_eq!(
                runs(text).collect::<Vec<_>>(),
                ascii_runs(text).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn run_hashes_fold_ascii_capitals_only() {
        for (a, b) in [
            ("Vienna", "vIENNA"),
            ("G20", "g20"),
            ("AZaz09@[`{", "azaz09@[`{"),
            ("Donor-Coordination", "donor-coordination"),
        ] {
            assert_eq!(run_hash(a.as_bytes()), run_hash(b.as_bytes()), "{a}");
        }
        // Only ASCII folds: '@' and '[' stand beside 'A' and 'Z', and
        // UTF-8 bytes keep their case.
        for (a, b) in [
            ("@", "`"),
            ("[", "{"),
            ("É", "é"),
            ("abcdefgh", "abcdefghi"),
        ] {
            assert_ne!(run_hash(a.as_bytes()), run_hash(b.as_bytes()), "{a}");
        }
        assert_ne!(run_hash(b"ab"), run_hash(b"abc"));
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b; 8]);
            assert_eq!(
                fold_ascii(x),
                u64::from_le_bytes([b.to_ascii_lowercase(); 8])
            );
        }
    }

    #[test]
    fn names_are_found_in_any_case_but_not_inside_longer_names() {
        let text = "recalling the Vienna Action Plan and a multi-agency Donor Coordination \
                    Platform, the Indian G20 Presidency, the UN World Food Programme (WFP).";
        let sought = |name: &str| Sought {
            forms: vec![name_words(name)],
        };
        let [found, _] = written(
            &[text],
            &[[true, false]],
            [
                &[
                    sought("Vienna"),
                    sought("Vienna Action Plan"),
                    sought("Multi-agency Donor Coordination Platform"),
                    sought("Donor Coordination Platform"),
                    sought("Indian G20 Presidency"),
                    sought("World Food Programme"),
                ],
                &[],
            ],
        );
        assert_eq!(found, [false, true, true, true, true, true]);
    }

    /// A text with more runs than are searched one by one finds the same
    /// names (its run hashes are then sorted).
    #[test]
    fn a_long_text_finds_what_a_short_one_does() {
        let filler: String = (0..SCAN_MAX + 10).map(|i| format!("word{i} ")).collect();
        let sought = |name: &str| Sought {
            forms: vec![name_words(name)],
        };
        let names = [
            sought("Vienna Action Plan"),
            sought("Donor Coordination Platform"),
            sought("Geneva"),
        ];
        let short = "We recall the Vienna Action Plan and the donor coordination platform.";
        for (text, expected) in [
            (short.to_owned(), [true, true, false]),
            (format!("{filler}{short}"), [true, true, false]),
            // A name cut in two is no mention, however long the text.
            (
                format!(
                    "We recall the Vienna {filler}Action Plan and the {filler}donor coordination platform."
                ),
                [false, true, false],
            ),
        ] {
            let [found, _] = written(&[&text], &[[true, false]], [&names, &[]]);
            assert_eq!(found, expected, "{}", &text[..60]);
        }
    }

    /// Thousands of names that share their first words, found one text at
    /// a time: each is found where written and only there (the index is
    /// built once; the pre-check gives up past its budget and reads).
    #[test]
    fn many_names_sharing_first_words_are_found_where_written() {
        let names: Vec<Sought> = (0..2_000)
            .map(|i| Sought {
                forms: vec![name_words(&format!("Revised Section on Q{i}x"))],
            })
            .collect();
        // Every third name written, each in a text of its own; the others
        // cut short or followed by a capital that makes them longer names.
        let texts: Vec<String> = (0..2_000)
            .map(|i| match i % 3 {
                0 => format!("We welcome the revised section on Q{i}x."),
                1 => format!("We welcome the revised section on Q{i}."),
                _ => format!("We welcome the Revised Section on Q{i}x Annex."),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let sides = vec![[true, false]; refs.len()];
        let [found, _] = written(&refs, &sides, [&names, &[]]);
        let expected: Vec<bool> = (0..2_000).map(|i| i % 3 == 0).collect();
        assert_eq!(found, expected);
    }

    /// A "name" longer than the trie holds is found by its first
    /// [`FORM_WORDS`] words, and not by fewer.
    #[test]
    fn a_very_long_name_is_found_by_its_first_words() {
        let long: Vec<String> = (0..FORM_WORDS + 20).map(|i| format!("Q{i}")).collect();
        let names = [Sought {
            forms: vec![name_words(&long.join(" "))],
        }];
        let head = long[..FORM_WORDS].join(" ");
        let short = long[..FORM_WORDS - 1].join(" ");
        for (text, expected) in [
            (format!("We recall {}.", long.join(" ")), true),
            (format!("We recall {head}."), true),
            (format!("We recall {short}."), false),
        ] {
            let [found, _] = written(&[&text], &[[true, false]], [&names, &[]]);
            assert_eq!(found, [expected], "{}", &text[text.len() - 20..]);
        }
    }

    /// Names in another script have no ASCII run to rule a text out by:
    /// every text is read for them until each is found.
    #[test]
    fn names_in_another_script_are_found_where_written() {
        let names = [
            Sought {
                forms: vec![name_words("Москва")],
            },
            Sought {
                forms: vec![name_words("Совет Безопасности")],
            },
            Sought {
                forms: vec![name_words("Женева")],
            },
        ];
        let texts = [
            "Мы приветствуем Совет Безопасности.",
            "Nothing here.",
            "Встреча в Москва.",
        ];
        let sides = [[true, false]; 3];
        let [found, _] = written(&texts, &sides, [&names, &[]]);
        assert_eq!(found, [true, true, false]);
    }
}
