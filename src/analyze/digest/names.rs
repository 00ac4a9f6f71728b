//! Names a statement mentions — states, organisations, places, people,
//! named initiatives and instruments — and which of them one version
//! mentions and the other does not, anywhere in the statement.
//!
//! States and well-known organisations come from a list shipped as data
//! (`names.txt`), so that "U.S.", "United States" and "United States of
//! America" are one name. Other names are read from the text: runs of
//! capitalized words, with "of", "for", "and", "on" and "the" inside them
//! ("Partnership for Global Infrastructure and Investment"), and acronyms
//! ("PGII"); a long form followed by its acronym in parentheses makes the
//! two one name. A capital that only opens a sentence ("Recalling",
//! "Decides") is no name unless the word is one elsewhere; headings,
//! months and capitalized common nouns ("Parties", "Member States") are
//! left out.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::NameChange;
use super::presence::{Sought, name_words, written};
use super::tokens::{Token, tokens};
use super::vocabulary::{CONNECTORS, GENERIC, LEADING, OWNERS, TITLES, is_roman};
use crate::diff::{Diff, SentenceView};
use crate::normalize::key::MONTHS;
use crate::statement::Location;

/// The list of states, observers and organisations, one name a line with
/// its other forms.
const LIST: &str = include_str!("names.txt");

/// Every form of the list, by key, with the canonical name it stands for
/// and that name's key (what a mention of it is counted by).
static KNOWN: LazyLock<FxHashMap<String, (&'static str, String)>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in LIST.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let canonical = line.split('|').next().unwrap_or(line);
        let canonical_key = key(canonical);
        for form in line.split('|') {
            map.insert(key(form), (canonical, canonical_key.clone()));
        }
    }
    map
});

/// The first word of every form of the list, as the list writes it: a
/// window of a longer name is looked up only where one stands.
static FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    LIST.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split('|'))
        .filter_map(|form| form.split_whitespace().next())
        .collect()
});

/// The fewest sentences (both documents) read on two threads.
const PARALLEL_MIN: usize = 1024;

/// The key names are compared by: lower case, one kind of apostrophe, a
/// possessive and "the" dropped, spaces single.
pub(crate) fn key(name: &str) -> String {
    let mut lower = crate::normalize::lowercase(name);
    // Most names are ASCII, where no curly apostrophe can stand: a search
    // for a three-byte character costs far more than that check.
    if !lower.is_ascii() && lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    let trimmed = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(&lower);
    // Most names are words with single spaces between them and no "the":
    // the key is then the lower-cased name itself, with no copy word by
    // word (names are keyed for every sentence of both documents).
    let plain = !trimmed.is_empty()
        && trimmed
            .split(' ')
            .all(|w| !w.is_empty() && w != "the" && !w.contains(char::is_whitespace));
    if plain {
        lower.truncate(trimmed.len());
        return lower;
    }
    trimmed
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a word can be part of a name: it opens with a capital letter
/// (or is an acronym with digits, "G7"), and is not a month ("in Geneva on
/// May 12" names Geneva).
pub(super) fn capitalized(word: &str) -> bool {
    // No character but ASCII lower-cases to the letters of a month name
    // (the Kelvin sign's "k" is in none): an ASCII comparison says the
    // same without a lower-cased copy of every capitalized word.
    word.starts_with(|c: char| c.is_uppercase())
        && !MONTHS.iter().any(|m| word.eq_ignore_ascii_case(m))
}

/// Whether a word is an acronym: two to eight capitals and digits, at
/// least two letters, no roman numeral ("PGII", "G20", "U.S.").
fn acronym(word: &str) -> bool {
    // A plural ends with a small "s": "NDCs", "JETPs".
    let word = word.strip_suffix('s').unwrap_or(word);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain: String = word.chars().filter(|c| *c != '.').collect();
    letters >= 2
        && plain.len() <= 8
        && plain
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !is_roman(&plain)
}

/// A sentence that reads as a heading: no closing punctuation, short, and
/// every word capitalized or a connector ("A Global Force for Good").
fn heading(text: &str, words: &[Token]) -> bool {
    let open = !text
        .trim_end()
        .ends_with(['.', ';', ':', '!', '?', ',', '”', '"', ')']);
    open && words.len() <= 12
        && words.iter().all(|w| {
            capitalized(w.text)
                || CONNECTORS.contains(&w.text)
                || !w.text.chars().any(char::is_alphabetic)
        })
}

/// A name as one sentence writes it. Its text, rest and acronym are
/// slices of the sentence: every sentence of both documents is read, so
/// only the keys (lower-cased) are built.
#[derive(Debug)]
struct Candidate<'a> {
    /// As written.
    text: &'a str,
    /// Its key.
    key: String,
    /// It opens the sentence: a capital that may only mark the start.
    initial: bool,
    /// The acronym defined right after it in parentheses, if any.
    acronym: Option<&'a str>,
    /// For a run of two or more words that opens the sentence, the run
    /// without its first word ("Amidst Russia" may be "Russia"): its text
    /// and key.
    rest: Option<(&'a str, String)>,
}

/// The names one sentence writes, in order.
fn candidates(text: &str) -> Vec<Candidate<'_>> {
    let words = tokens(text);
    if heading(text, &words) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalized(words[i].text) {
            i += 1;
            continue;
        }
        // A run of capitalized words, connectors between them. A capital
        // that opens the sentence before a connector ("Recalling the Joint
        // Statement") stands alone: the run starts after it.
        if i == 0 && words.get(1).is_some_and(|w| CONNECTORS.contains(&w.text)) {
            push(text, &words[..1], true, None, &mut out);
            i = 1;
            continue;
        }
        let start = i;
        let mut end = run_end(&words, i);
        end = list_end(text, &words, start, end);
        // "No. 4", "Order 14257": the number an instrument is known by.
        if end < words.len()
            && !words[end].break_before
            && words[end].text.bytes().all(|b| b.is_ascii_digit())
            && matches!(
                words[end - 1].text,
                "No." | "Order" | "Resolution" | "Decision"
            )
        {
            end += 1;
        }
        let acr = words
            .get(end)
            .filter(|w| w.enclosed && acronym(w.text))
            .map(|w| w.text);
        // An acronym in parentheses after common words ("nationally
        // determined contributions (NDCs)") abbreviates them: no name.
        if words[i].enclosed && i > 0 && !capitalized(words[i - 1].text) && acronym(words[i].text) {
            i += 1;
            continue;
        }
        // "US dollars", "United States dollars": a currency, no mention.
        if words
            .get(end)
            .is_some_and(|w| matches!(w.text, "dollar" | "dollars") && !w.break_before)
        {
            i = end;
            continue;
        }
        let pushed = out.len();
        for (s, e) in split(&words[start..end]) {
            let first = &words[start + s];
            push(
                text,
                &words[start + s..start + e],
                start + s == 0 || opens_quotation(text, first),
                acr,
                &mut out,
            );
        }
        // States and organisations of the list inside a longer name: "the
        // Indian G20 Presidency" mentions the G20 (and India).
        if end - start > 1 {
            let run: Vec<String> = out[pushed..].iter().map(|c| c.key.clone()).collect();
            for from in start..end {
                let first = words[from].text;
                let first = first
                    .strip_suffix("’s")
                    .or_else(|| first.strip_suffix("'s"))
                    .unwrap_or(first);
                if !FIRST_WORDS.contains(first) {
                    continue;
                }
                for to in from + 1..(from + 4).min(end + 1) {
                    if to - from == end - start {
                        continue;
                    }
                    let span = &text[words[from].start..words[to - 1].end()];
                    let k = key(span);
                    if KNOWN.contains_key(&k) && !run.contains(&k) {
                        out.push(Candidate {
                            text: span,
                            key: k,
                            initial: false,
                            acronym: None,
                            rest: None,
                        });
                    }
                }
            }
        }
        // Parts of "U.S.-China" that are names of their own.
        for w in &words[start..end] {
            if w.text.contains('-') {
                for part in w.text.split('-') {
                    if KNOWN.contains_key(&key(part)) {
                        out.push(Candidate {
                            text: part,
                            key: key(part),
                            initial: false,
                            acronym: None,
                            rest: None,
                        });
                    }
                }
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// The end of the run of capitalized words that starts at `words[start]`,
/// one or two connectors allowed between two capitalized words.
fn run_end(words: &[Token], start: usize) -> usize {
    let mut end = start + 1;
    while end < words.len() && !words[end].break_before && !possessive(words[end - 1].text) {
        if capitalized(words[end].text) {
            end += 1;
            continue;
        }
        let mut k = end;
        while k < words.len()
            && k - end < 2
            && CONNECTORS.contains(&words[k].text)
            && !words[k].break_before
        {
            k += 1;
        }
        let joins =
            k > end && k < words.len() && !words[k].break_before && capitalized(words[k].text);
        if !joins {
            break;
        }
        end = k + 1;
    }
    end
}

/// The most items a list inside a name has after its first.
const LIST_ITEMS: usize = 6;

/// The end of a name that holds a list, "Global Fund for AIDS, Tuberculosis
/// and Malaria": a run with "of", "for" or "on" in it, followed by
/// comma-separated capitalized items the last of which holds "and". `end`
/// when the run goes on with no such list; a list of names of the list
/// (states) is never one name.
fn list_end(text: &str, words: &[Token], start: usize, end: usize) -> usize {
    let has_of = words[start..end]
        .iter()
        .any(|w| matches!(w.text, "of" | "for" | "on"));
    if !has_of {
        return end;
    }
    let mut at = end;
    for _ in 0..LIST_ITEMS {
        let comma = words.get(at).is_some_and(|w| {
            text.get(words[at - 1].end()..w.start) == Some(", ") && capitalized(w.text)
        });
        if !comma {
            return end;
        }
        let next = run_end(words, at);
        if known(&words[at..next]) {
            return end;
        }
        let and = words[at..next].iter().position(|w| w.text == "and");
        let item = at;
        at = next;
        if let Some(k) = and {
            // "…, Canada and the United States" is a list of names.
            return if known(&words[item + k + 1..next]) {
                end
            } else {
                at
            };
        }
    }
    end
}

/// Whether a word ends with a possessive ("Russia’s"), which ends a name.
fn possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// A run split where "and" joins two names of the list ("the United
/// Kingdom and the United States"); the whole run when it is one name.
fn split(words: &[Token]) -> Vec<(usize, usize)> {
    // Most runs are one word, or have no connector to split at.
    if !words.iter().any(|w| CONNECTORS.contains(&w.text)) || known(words) {
        return vec![(0, words.len())];
    }
    // Split at every connector; keep the split when each part is a name
    // of the list ("Russia of Ukraine").
    let parts = parts_at(words, &CONNECTORS, 1);
    if parts.len() > 1 && parts.iter().all(|&(s, e)| known(&words[s..e])) {
        return parts;
    }
    // "the Baku Adaptation Road Map and the Baku High-Level Dialogue":
    // "and the" joins two names; each may hold a list of its own.
    let pairs = parts_at(words, &["and"], 2);
    let pairs: Vec<(usize, usize)> = pairs.into_iter().filter(|&(s, e)| e > s).collect();
    if pairs.len() > 1 {
        return pairs
            .into_iter()
            .flat_map(|(s, e)| {
                split_and(&words[s..e])
                    .into_iter()
                    .map(move |(a, b)| (s + a, s + b))
            })
            .collect();
    }
    split_and(words)
}

/// The parts of `words` between the words of `joins` (followed by "the"
/// when `width` is 2), connectors that open a part left out.
fn parts_at(words: &[Token], joins: &[&str], width: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (k, w) in words.iter().enumerate() {
        let joined = joins.contains(&w.text)
            && (width == 1 || words.get(k + 1).is_some_and(|n| n.text == "the"));
        if joined && k > from {
            parts.push((from, k));
            from = k + width;
        } else if CONNECTORS.contains(&w.text) && k == from {
            from = k + 1;
        }
    }
    parts.push((from.min(words.len()), words.len()));
    parts
}

/// Whether `words`, trimmed, are a name of the list.
fn known(words: &[Token]) -> bool {
    let words = trim(words);
    // Most runs asked about are one word: its key needs no joined copy.
    if let [word] = words {
        return KNOWN.contains_key(&key(word.text));
    }
    let text = words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
    KNOWN.contains_key(&key(&text))
}

/// A run split at "and" when each part is one word ("Crimea and
/// Sevastopol") or one part is a name of the list ("the UN and Türkiye").
fn split_and(words: &[Token]) -> Vec<(usize, usize)> {
    if known(words) {
        return vec![(0, words.len())];
    }
    let parts = parts_at(words, &["and"], 1);
    let one_word = parts.iter().all(|&(s, e)| e == s + 1);
    if parts.len() > 1 && (one_word || parts.iter().any(|&(s, e)| known(&words[s..e]))) {
        return parts;
    }
    vec![(0, words.len())]
}

/// A run without the words that open a phrase, titles and owners before a
/// name, and connectors at either end.
fn trim<'a, 'b>(mut words: &'a [Token<'b>]) -> &'a [Token<'b>] {
    loop {
        let before = words.len();
        if let Some(first) = words.first() {
            let opener = LEADING.contains(&first.text) || CONNECTORS.contains(&first.text);
            let title =
                words.len() > 1 && TITLES.contains(&first.text) && capitalized(words[1].text);
            if opener || title {
                words = &words[1..];
            } else if words.len() > 2
                && OWNERS.contains(&first.text)
                && CONNECTORS.contains(&words[1].text)
            {
                words = &words[2..];
            }
        }
        while words.last().is_some_and(|w| CONNECTORS.contains(&w.text)) {
            words = &words[..words.len() - 1];
        }
        if words.len() == before {
            return words;
        }
    }
}

/// Whether `word` opens a quotation that goes on after it: a quoted title
/// starts with a capital as a sentence does ("the directive on “Referring
/// to international conventions”"), so the capital alone marks no name. A
/// word quoted alone ("the operation “Aspides”") is a name.
fn opens_quotation(text: &str, word: &Token) -> bool {
    let opens = text
        .get(..word.start)
        .is_some_and(|before| before.ends_with(['“', '‘', '«', '"']));
    let closes = text
        .get(word.end()..)
        .is_some_and(|after| after.starts_with(['”', '’', '»', '"']));
    opens && !closes
}

/// Adds the name that `words` spell, if it is one.
fn push<'a>(
    text: &'a str,
    words: &[Token<'a>],
    initial: bool,
    acr: Option<&'a str>,
    out: &mut Vec<Candidate<'a>>,
) {
    let opened = initial && words.first().is_some_and(|w| w.start == 0);
    // A quoted title's first word alone is no name; a longer quoted title
    // ("Principles of the Charter of the United Nations") is one whole.
    let quoted = initial && words.first().is_some_and(|w| opens_quotation(text, w));
    let words = trim(words);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let mut shown = &text[first.start..last.end()];
    for suffix in ["’s", "'s", "’", "'"] {
        shown = shown.strip_suffix(suffix).unwrap_or(shown);
    }
    let k = key(shown);
    let single = words.len() == 1;
    let skip = k.is_empty()
        || GENERIC.contains(&k.as_str())
        || (single && (MONTHS.contains(&k.as_str()) || is_roman(shown)))
        || (single && shown.chars().count() < 2);
    if skip {
        return;
    }
    let rest = (opened && !single)
        .then(|| {
            let tail = trim(&words[1..]);
            let (f, l) = (tail.first()?, tail.last()?);
            let end = (l.end() - first.start).min(shown.len());
            let t = shown.get(f.start - first.start..end)?;
            Some((t, key(t)))
        })
        .flatten();
    out.push(Candidate {
        text: shown,
        key: k,
        initial: (opened || quoted) && single && !acronym(shown),
        acronym: acr,
        rest,
    });
}

/// Whether an acronym's letters are the initials of a name, in order
/// ("PGII" for "Partnership for Global Infrastructure and Investment"),
/// so that "Ukraine (ICPA)" does not make ICPA a name of Ukraine.
fn initials_fit(acronym: &str, name: &str) -> bool {
    let initials: Vec<char> = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let letters = acronym.strip_suffix('s').unwrap_or(acronym);
    let mut at = 0;
    for c in letters.chars().filter(|c| c.is_alphabetic()) {
        let c = c.to_lowercase().next().unwrap_or(c);
        match initials[at..].iter().position(|&i| i == c) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    at > 0
}

/// The names of one side: canonical key → (name as shown, where).
type Mentions<'a> = BTreeMap<&'a str, (&'a str, Vec<Location>)>;

/// The distinct texts of both documents, and which one each sentence of
/// each side writes: most sentences of a revision stand on both sides with
/// the same text, and some are repeated, so each text is read once.
struct Texts<'a> {
    /// Every text once, in the order first met (old side first).
    distinct: Vec<&'a str>,
    /// For each sentence of the old side, in order, its text's index.
    old: Vec<usize>,
    /// For each sentence of the new side, in order, its text's index.
    new: Vec<usize>,
    /// For each distinct text, whether the old side writes it.
    in_old: Vec<bool>,
    /// For each distinct text, whether the new side writes it.
    in_new: Vec<bool>,
    /// For each distinct text, whether both sides write it.
    shared: Vec<bool>,
}

impl<'a> Texts<'a> {
    fn new(olds: &[&'a SentenceView], news: &[&'a SentenceView]) -> Self {
        let mut index: FxHashMap<&'a str, usize> = FxHashMap::default();
        // Views of one text mostly share its allocation (`analyze::compare`
        // builds them so): a text met again at the same address is known
        // without hashing its bytes. Equal texts apart (a diff read back
        // from the pair cache) still meet in `index`.
        let mut at: FxHashMap<*const u8, usize> = FxHashMap::default();
        let mut distinct = Vec::new();
        let mut ids = |views: &[&'a SentenceView]| -> Vec<usize> {
            views
                .iter()
                .map(|v| {
                    *at.entry(v.text.as_ptr()).or_insert_with(|| {
                        *index.entry(&*v.text).or_insert_with(|| {
                            distinct.push(&*v.text);
                            distinct.len() - 1
                        })
                    })
                })
                .collect()
        };
        let old = ids(olds);
        let new = ids(news);
        let side = |ids: &[usize]| {
            let mut on = vec![false; distinct.len()];
            for &i in ids {
                on[i] = true;
            }
            on
        };
        let (in_old, in_new) = (side(&old), side(&new));
        let shared = in_old.iter().zip(&in_new).map(|(a, b)| *a && *b).collect();
        Texts {
            distinct,
            old,
            new,
            in_old,
            in_new,
            shared,
        }
    }
}

/// Names seen where a capital means a name, on either side: a capital
/// that opens a sentence names what one of these keys names.
fn seen<'r>(read: &'r [Vec<Candidate>]) -> FxHashSet<&'r str> {
    read.iter()
        .flatten()
        .filter(|c| !c.initial && c.rest.is_none())
        .map(|c| c.key.as_str())
        .collect()
}

/// Acronyms defined in parentheses, on either side, by key, with the key
/// of the name they abbreviate. Read in the order of the sentences (old
/// side first) as written, so that of two definitions the last one wins.
fn aliases(read: &[Vec<Candidate>], texts: &Texts) -> FxHashMap<String, String> {
    let mut aliases = FxHashMap::default();
    for &i in texts.old.iter().chain(&texts.new) {
        for c in &read[i] {
            if let Some(a) = c.acronym.filter(|a| initials_fit(a, c.text)) {
                aliases.insert(key(a), c.key.clone());
                aliases.insert(key(a.strip_suffix('s').unwrap_or(a)), c.key.clone());
                aliases.insert(format!("{}s", key(a)), c.key.clone());
            }
        }
    }
    aliases
}

/// The names one text mentions, as (canonical key, name as shown), in the
/// order it writes them. The same on either side: `seen` and `aliases`
/// are read from both.
fn resolve<'r, 'a>(
    found: &'r [Candidate<'a>],
    seen: &FxHashSet<&str>,
    aliases: &'r FxHashMap<String, String>,
) -> Vec<(&'r str, &'a str)> {
    let mut out = Vec::new();
    for c in found {
        if c.initial && !seen.contains(c.key.as_str()) && !KNOWN.contains_key(&c.key) {
            continue;
        }
        // A run that opens the sentence with a word that is no name of
        // its own: the name is the rest.
        let (text, ckey) = match &c.rest {
            Some((t, k))
                if !seen.contains(c.key.as_str())
                    && (KNOWN.contains_key(k) || seen.contains(k.as_str())) =>
            {
                (*t, k)
            }
            _ => (c.text, &c.key),
        };
        let k = aliases.get(ckey).unwrap_or(ckey);
        // "Ukrainians" mention Ukraine as "Ukrainian" does.
        let k = match k.strip_suffix('s') {
            Some(one) if !KNOWN.contains_key(k) && KNOWN.contains_key(one) => {
                KNOWN.get_key_value(one).map_or(k, |(key, _)| key)
            }
            _ => k,
        };
        out.push(match KNOWN.get(k) {
            Some((canonical, canonical_key)) => (canonical_key.as_str(), *canonical),
            None => (k.as_str(), text),
        });
    }
    out
}

/// The names one side mentions in the texts only it writes: `views` its
/// sentences in order, `ids` their texts' indices into `names`, each
/// text's names resolved. A name a text of both sides mentions is in
/// neither list of changes, and neither is any other mention of it: such
/// names are kept apart ([`shared_names`]).
fn mentions<'a>(
    views: &[&SentenceView],
    ids: &[usize],
    names: &'a [Vec<(&str, &str)>],
    shared: &[bool],
) -> Mentions<'a> {
    let mut m = Mentions::new();
    for (v, &i) in views.iter().zip(ids).filter(|(_, i)| !shared[**i]) {
        for (k, shown) in &names[i] {
            let entry = m.entry(*k).or_insert_with(|| (*shown, Vec::new()));
            if entry.1.last() != Some(&v.location) {
                entry.1.push(v.location);
            }
        }
    }
    m
}

/// The keys of the names some text of both sides mentions.
fn shared_names<'a>(names: &[Vec<(&'a str, &str)>], shared: &[bool]) -> FxHashSet<&'a str> {
    names
        .iter()
        .zip(shared)
        .filter(|(_, shared)| **shared)
        .flat_map(|(found, _)| found.iter().map(|(k, _)| *k))
        .collect()
}

/// A name one side mentions, by key: as shown, and where.
type Mention<'m> = (&'m str, &'m (&'m str, Vec<Location>));

/// The names `a` mentions and neither `b` nor a text of both sides
/// (`both`) does.
fn missing<'m>(a: &'m Mentions, b: &Mentions, both: &FxHashSet<&str>) -> Vec<Mention<'m>> {
    a.iter()
        .filter(|(k, _)| !b.contains_key(*k) && !both.contains(*k))
        .map(|(k, m)| (*k, m))
        .collect()
}

/// What is looked for in the other side's text for each name of
/// `missing`: a state or organisation of the list is found in every form
/// and place (inside longer names too) as it is read, so what is missing
/// is missing; another name is looked for in the text, in any case or
/// form ("a multi-agency Donor Coordination Platform").
fn sought(missing: &[Mention]) -> Vec<Sought> {
    missing
        .iter()
        .map(|(k, (shown, _))| Sought {
            forms: if KNOWN.contains_key(*k) {
                Vec::new()
            } else {
                vec![name_words(shown)]
            },
        })
        .collect()
}

/// The names of `missing` the other side does not write (`found` says
/// which it does), in order of first mention.
fn unwritten(missing: Vec<Mention>, found: Vec<bool>) -> Vec<NameChange> {
    let mut out: Vec<NameChange> = missing
        .into_iter()
        .zip(found)
        .filter(|(_, found)| !found)
        .map(|((_, (name, at)), _)| NameChange {
            name: (*name).to_owned(),
            locations: at.clone(),
        })
        .collect();
    out.sort_by_key(|n| n.locations.first().copied());
    out
}

/// The names added and dropped between the two documents of `diff`.
pub(crate) fn changes(diff: &Diff) -> (Vec<NameChange>, Vec<NameChange>) {
    let mut olds: Vec<&SentenceView> = diff.changes.iter().flat_map(|c| &c.old).collect();
    let mut news: Vec<&SentenceView> = diff.changes.iter().flat_map(|c| &c.new).collect();
    olds.sort_by_key(|v| v.location);
    news.sort_by_key(|v| v.location);
    let texts = Texts::new(&olds, &news);
    // On a long pair the texts are read on every core.
    let read = crate::parallel::map(&texts.distinct, PARALLEL_MIN, |_, t| candidates(t));
    let seen = seen(&read);
    let aliases = aliases(&read, &texts);
    let names: Vec<Vec<(&str, &str)>> = crate::parallel::map(&read, PARALLEL_MIN, |i, _| {
        // By index, so that the names borrow from `read` itself.
        resolve(&read[i], &seen, &aliases)
    });
    let (old, new) = (
        mentions(&olds, &texts.old, &names, &texts.shared),
        mentions(&news, &texts.new, &names, &texts.shared),
    );
    let both = shared_names(&names, &texts.shared);
    let (added, dropped) = (missing(&new, &old, &both), missing(&old, &new, &both));
    // A name added is looked for in the old side's texts, one dropped in
    // the new side's.
    let sides: Vec<[bool; 2]> = (0..texts.distinct.len())
        .map(|i| [texts.in_old[i], texts.in_new[i]])
        .collect();
    let lists = [&sought(&added)[..], &sought(&dropped)[..]];
    // A name is found if any text writes it: on a long pair each half of
    // the texts is scanned on a core of its own.
    let half = texts.distinct.len() / 2;
    let (one, two) = crate::parallel::join(
        olds.len() + news.len() >= PARALLEL_MIN,
        || written(&texts.distinct[..half], &sides[..half], lists),
        || written(&texts.distinct[half..], &sides[half..], lists),
    );
    let [found_added, found_dropped] = [0, 1].map(|l| {
        one[l]
            .iter()
            .zip(&two[l])
            .map(|(a, b)| *a || *b)
            .collect::<Vec<bool>>()
    });
    (
        unwritten(added, found_added),
        unwritten(dropped, found_dropped),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| c.text.to_owned())
            .collect()
    }

    #[test]
    fn runs_of_capitals_with_connectors_are_one_name() {
        assert_eq!(
            names(
                "We launch the Partnership for Global Infrastructure and Investment (PGII) today."
            ),
            [
                "Partnership for Global Infrastructure and Investment",
                "PGII"
            ]
        );
        assert_eq!(
            names(
                "set forth in Executive Order 14257 of April 2, 2025, by the State Council No. 4 of 2025"
            ),
            ["Executive Order 14257", "State Council No. 4"]
        );
    }

    #[test]
    fn openers_titles_owners_and_lists_are_trimmed_and_split() {
        assert!(candidates("Recalling its resolutions")[0].initial);
        // A quoted title's first word is no name; a word quoted alone is.
        assert!(candidates("the theme “Peace with nature”")[0].initial);
        assert!(!candidates("the operation “Aspides” and")[0].initial);
        assert_eq!(names("as agreed by President Zelenskyy."), ["Zelenskyy"]);
        assert_eq!(names("The Government of Ukraine acts."), ["Ukraine"]);
        assert_eq!(
            names("under the Indian G20 Presidency."),
            ["Indian G20 Presidency", "Indian", "G20"]
        );
        assert_eq!(
            names("with Japan, the United Kingdom and the United States."),
            ["Japan", "United Kingdom", "United States"]
        );
        assert_eq!(names("Russia’s war in May"), ["Russia"]);
        assert_eq!(
            names(
                "the Global Fund for AIDS, Tuberculosis and Malaria, and Canada, France and the United States."
            ),
            [
                "Global Fund for AIDS, Tuberculosis and Malaria",
                "Canada",
                "France",
                "United States"
            ]
        );
        assert_eq!(
            names("the Baku Road Map and the Baku Dialogue on Adaptation."),
            ["Baku Road Map", "Baku Dialogue on Adaptation"]
        );
        assert!(names("Maritime Security").is_empty());
        assert!(names("The Parties commit to act.").is_empty());
    }

    #[test]
    fn short_and_long_forms_share_a_key() {
        for form in ["U.S.", "United States of America", "the United States"] {
            assert_eq!(
                KNOWN.get(&key(form)).map(|(c, _)| *c),
                Some("United States"),
                "{form}"
            );
        }
        let canonical = |form: &str| KNOWN.get(&key(form)).map(|(c, _)| *c);
        assert_eq!(canonical("Turkey"), Some("Türkiye"));
        assert_eq!(canonical("Russia"), Some("Russian Federation"));
        assert!(initials_fit(
            "PGII",
            "Partnership for Global Infrastructure and Investment"
        ));
        assert!(initials_fit(
            "JETPs",
            "Just Energy Transitions Partnerships"
        ));
        assert!(!initials_fit("ICPA", "Ukraine"));
    }
}
