//! Whether a name is written in a text: the check that keeps a name out
//! of "added" or "dropped" when the other version writes it after all, in
//! another case or where a capital did not mark it ("a multi-agency Donor
//! Coordination Platform"), but not as the start of a longer name ("the
//! Vienna Action Plan" does not mention Vienna).

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use super::names::capitalized;
use super::tokens::tokens;
use super::vocabulary::CONNECTORS;

/// A name looked for in a document: the words of each of its forms
/// (ASCII lower-cased, as [`words_of`] gives them). Inside a longer name
/// it does not count ("the Vienna Action Plan" does not mention Vienna).
pub(super) struct Sought {
    /// The words of each form.
    pub(super) forms: Vec<Vec<String>>,
}

/// The forms of the names not yet found: by first word (form `f` of name
/// `n` as `(n, f)`), and each as the hashes of the ASCII runs its words
/// open with ([`ascii_runs`]).
struct Index<'a> {
    by_first: HashMap<&'a str, Vec<(usize, usize)>>,
    forms: Vec<Vec<u64>>,
}

impl<'a> Index<'a> {
    /// The index of the forms of the names of `sought` not yet `found`.
    fn new(sought: &'a [Sought], found: &[bool]) -> Self {
        let mut by_first: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        let mut forms = Vec::new();
        for (n, s) in sought.iter().enumerate().filter(|(n, _)| !found[*n]) {
            for (f, form) in s.forms.iter().enumerate() {
                if let Some(first) = form.first() {
                    by_first.entry(first.as_str()).or_default().push((n, f));
                    forms.push(
                        form.iter()
                            .filter_map(|w| ascii_runs(w).next())
                            .map(run_hash)
                            .collect(),
                    );
                }
            }
        }
        Index { by_first, forms }
    }

    /// Whether some form may stand in a text whose ASCII runs hash to
    /// `here`: each of its words opens with an ASCII run of the text (a
    /// word is a slice of the text with no ASCII letter or digit on either
    /// side).
    fn may_stand(&self, here: &FxHashSet<u64>) -> bool {
        self.forms
            .iter()
            .any(|form| form.iter().all(|h| here.contains(h)))
    }
}

/// The search for one list of names through the sentences of one side.
struct Search<'a> {
    sought: &'a [Sought],
    /// For each name, whether a sentence writes it.
    found: Vec<bool>,
    index: Index<'a>,
    /// The hashes of the runs the first words of every form open with
    /// ([`runs`]), of names found or not.
    opening: FxHashSet<u64>,
}

impl<'a> Search<'a> {
    fn new(sought: &'a [Sought]) -> Self {
        let found = vec![false; sought.len()];
        let index = Index::new(sought, &found);
        let opening = index
            .by_first
            .keys()
            .filter_map(|w| runs(w).next())
            .map(run_hash)
            .collect();
        Search {
            sought,
            found,
            index,
            opening,
        }
    }

    /// Whether every name that may be found is.
    fn done(&self) -> bool {
        self.index.by_first.is_empty()
    }

    /// Whether a sentence whose runs hash to `runs` may write a name:
    /// most sentences hold none of the first words and are skipped
    /// unread. (A word after a curly quote is part of the quote's run
    /// here and is not seen: only a sentence let through by another name
    /// is read for it.)
    fn lets_through(&self, runs: &[u64]) -> bool {
        runs.iter().any(|h| self.opening.contains(h))
    }

    /// Reads `text` (its ASCII runs' hashes `ascii`) for the names not yet
    /// found.
    fn read(&mut self, text: &str, ascii: &FxHashSet<u64>) {
        // Many sentences let through hold the first word of a name but
        // not every word of any name still sought: they are not read.
        if !self.index.may_stand(ascii) {
            return;
        }
        let lower = text.to_ascii_lowercase();
        let words = words_of(text, &lower);
        let mut more = false;
        for (at, (w, _)) in words.iter().enumerate() {
            let Some(forms) = self.index.by_first.get(w) else {
                continue;
            };
            for &(n, f) in forms {
                let form = &self.sought[n].forms[f];
                let here = words
                    .get(at..at + form.len())
                    .is_some_and(|window| window.iter().zip(form).all(|((w, _), x)| w == x));
                let ends = words
                    .get(at + form.len())
                    .is_none_or(|(next, capital)| !capital || CONNECTORS.contains(next));
                more |= here && ends && !self.found[n];
                self.found[n] |= here && ends;
            }
        }
        // A name found is sought no more (the scan still lets sentences
        // through by its first word, as before it was found).
        if more {
            self.index = Index::new(self.sought, &self.found);
        }
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
    let mut hashes = Vec::new();
    let mut ascii: FxHashSet<u64> = FxHashSet::default();
    for (text, side) in texts.iter().zip(sides) {
        let open = [0, 1].map(|s| side[s] && !searches[s].done());
        if open == [false, false] {
            continue;
        }
        hashes.clear();
        hashes.extend(runs(text).map(run_hash));
        ascii.clear();
        for (search, open) in searches.iter_mut().zip(open) {
            if open && search.lets_through(&hashes) {
                if ascii.is_empty() {
                    ascii.extend(ascii_runs(text).map(run_hash));
                }
                search.read(text, &ascii);
            }
        }
    }
    searches.map(|s| s.found)
}

/// The runs of ASCII letters and digits of `text`.
fn ascii_runs(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
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
            let bare = part
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches(['’', '\'', '.']);
            if bare == "the" {
                broken = !joins;
            } else if !bare.is_empty() {
                out.push((bare, joins && capital));
            }
        }
    }
    out
}

/// The runs of letters and digits of `text` (bytes past ASCII count as
/// letters, but for the curly apostrophe and the non-breaking hyphen,
/// which split words as their ASCII forms do): each word [`words_of`]
/// gives opens with one.
fn runs(text: &str) -> impl Iterator<Item = &[u8]> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let word = |i: usize| {
            let b = bytes[i];
            b.is_ascii_alphanumeric()
                || (b >= 0x80
                    && !(b == 0xE2
                        && bytes.get(i + 1) == Some(&0x80)
                        && matches!(bytes.get(i + 2), Some(0x91 | 0x99))))
        };
        while at < bytes.len() && !word(at) {
            at += if bytes[at] == 0xE2 {
                3.min(bytes.len() - at)
            } else {
                1
            };
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && word(at) {
            at += 1;
        }
        Some(&bytes[start..at])
    })
}

/// A run's hash, ASCII letters folded to lower case.
fn run_hash(run: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for &b in run {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
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
}
