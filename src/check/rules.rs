//! The rules: each reads the diff, the statements and the policy, and
//! proposes findings; [`check`] gives them their severity, drops the waived
//! ones and puts them in the draft's order.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diff::{Change, ChangeKind, CommitmentChange, Diff, SentenceView};
use crate::normalize::key::{Folding, key};
use crate::statement::{Location, Statement};

use super::policy::{Phrase, Policy, Protected};
use super::{Finding, Place, Rule, Severity};

/// A finding before the policy gives it a severity.
struct Candidate {
    rule: Rule,
    place: Place,
    /// The sentence, shared: a hostile sentence of thousands of brackets
    /// has a finding for each, and one copy.
    sentence: Option<Arc<str>>,
    /// Every sentence a waiver may name to silence it (both sides).
    texts: Vec<Arc<str>>,
    message: String,
    /// A fixed severity that the policy cannot change (unbalanced brackets
    /// are always errors; brackets opened or closed are notices).
    fixed: Option<Severity>,
}

impl Candidate {
    fn new(rule: Rule, place: Place, sentence: Option<Arc<str>>, message: String) -> Candidate {
        Candidate {
            rule,
            place,
            texts: sentence.iter().cloned().collect(),
            sentence,
            message,
            fixed: None,
        }
    }
}

/// Checks `draft` against `baseline` under `policy`. `diff` is the
/// comparison of the two (baseline old, draft new). Findings come in the
/// draft's order, whole-document findings first.
pub fn check(
    baseline: &Statement,
    draft: &Statement,
    diff: &Diff,
    policy: &Policy,
) -> Vec<Finding> {
    let sides = Sides::new(draft, diff);
    let mut candidates = Vec::new();
    commitments(diff, &mut candidates);
    protected(policy, baseline, &sides, &mut candidates);
    phrases(policy, &sides, &mut candidates);
    brackets(baseline, draft, &sides, policy.final_draft, &mut candidates);
    retention(baseline, diff, policy, &mut candidates);
    // Each waiver's key once, and each sentence's once however many
    // findings share it.
    let mut waivers: FxHashMap<Rule, FxHashSet<String>> = FxHashMap::default();
    for w in &policy.waivers {
        waivers
            .entry(w.rule)
            .or_default()
            .insert(key(&w.sentence, Folding::default()));
    }
    // A text shared by many candidates (a sentence of thousands of
    // brackets) is keyed once, by its address: every text was made before
    // the first candidate is read and lives until its own is, so no two
    // texts met here share an address.
    let mut keys: FxHashMap<*const u8, String> = FxHashMap::default();
    let mut waived = |c: &Candidate| {
        waivers.get(&c.rule).is_some_and(|sentences| {
            c.texts.iter().any(|t| {
                let k = keys
                    .entry(t.as_ptr())
                    .or_insert_with(|| key(t, Folding::default()));
                sentences.contains(k.as_str())
            })
        })
    };
    let mut findings: Vec<Finding> = candidates
        .into_iter()
        .filter(|c| !waived(c))
        .filter_map(|c| {
            let severity = c.fixed.or_else(|| policy.severity(c.rule))?;
            Some(Finding {
                rule: c.rule,
                severity,
                location: c.place,
                sentence: c.sentence.as_deref().map(quote),
                message: c.message,
            })
        })
        .collect();
    findings.sort_by_key(|f| order(&f.location));
    findings
}

/// The most of a sentence a finding quotes, in bytes: four times the
/// longest sentence of the corpus, so that a real sentence is quoted
/// whole and a hostile one of many findings costs its findings, not their
/// number times its length.
pub const QUOTE_MAX: usize = 8 * 1024;

/// `text`, cut at [`QUOTE_MAX`] bytes (on a character boundary) with "…".
fn quote(text: &str) -> String {
    if text.len() <= QUOTE_MAX {
        return text.to_owned();
    }
    let mut end = QUOTE_MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Where a finding sorts: whole-document findings first, then the draft's
/// order, a dropped sentence right after the draft sentence it followed.
fn order(place: &Place) -> (u8, usize, usize, u8) {
    match *place {
        Place::Document => (0, 0, 0, 0),
        Place::Draft { location } => (1, location.paragraph, location.sentence, 0),
        Place::Baseline { after: Some(l), .. } => (1, l.paragraph, l.sentence, 1),
        Place::Baseline { after: None, .. } => (1, 0, 0, 1),
    }
}

/// The draft's sentences by key, and where each baseline sentence went.
struct Sides {
    /// Draft sentences: location, text, key.
    draft: Vec<(Location, Arc<str>, String)>,
    /// Where each draft sentence is in `draft`.
    draft_at: FxHashMap<Location, usize>,
    /// For each baseline location: its place in the draft and the draft
    /// text there (`None` for a dropped sentence).
    old: FxHashMap<Location, (Place, Option<Arc<str>>)>,
}

impl Sides {
    fn new(draft: &Statement, diff: &Diff) -> Sides {
        let draft: Vec<(Location, Arc<str>, String)> = draft
            .sentences()
            .map(|(l, s)| {
                (
                    l,
                    Arc::from(s.text.as_str()),
                    key(&s.text, Folding::default()),
                )
            })
            .collect();
        let draft_at = draft
            .iter()
            .enumerate()
            .map(|(i, (l, ..))| (*l, i))
            .collect();
        let mut old = FxHashMap::default();
        let mut last: Option<Location> = None;
        for change in &diff.changes {
            let (place, text) = place_of(change, last);
            for v in &change.old {
                old.entry(v.location).or_insert((place, text.clone()));
            }
            if let Some(v) = change.new.last() {
                last = Some(v.location);
            }
        }
        Sides {
            draft,
            draft_at,
            old,
        }
    }

    /// The draft sentence at `location`.
    fn text_at(&self, location: Location) -> Option<Arc<str>> {
        let i = *self.draft_at.get(&location)?;
        Some(Arc::clone(&self.draft[i].1))
    }

    /// Where the baseline sentence at `location` went in the draft.
    fn old_place(&self, location: Location) -> (Place, Option<Arc<str>>) {
        self.old
            .get(&location)
            .cloned()
            .unwrap_or((Place::Document, None))
    }

    /// For each key of `phrases`, the first draft sentence holding it on
    /// word boundaries.
    fn first_holding<'p>(
        &self,
        phrases: impl Iterator<Item = &'p str>,
    ) -> Vec<Option<(Location, Arc<str>)>> {
        let phrases: Vec<&str> = phrases.collect();
        let hay: Vec<&str> = self.draft.iter().map(|(_, _, k)| k.as_str()).collect();
        holders(&phrases, &hay, true)
            .into_iter()
            .map(|found| {
                let (l, t, _) = &self.draft[*found.first()?];
                Some((*l, Arc::clone(t)))
            })
            .collect()
    }

    /// The keys of the draft's sentences, in order.
    fn keys(&self) -> Vec<&str> {
        self.draft.iter().map(|(_, _, k)| k.as_str()).collect()
    }
}

/// The place of an entry: its first draft sentence, or for a dropped
/// sentence, its baseline location and the draft sentence before it.
fn place_of(change: &Change, last: Option<Location>) -> (Place, Option<Arc<str>>) {
    match change.new.first() {
        Some(v) => (
            Place::Draft {
                location: v.location,
            },
            Some(match &change.new[..] {
                [one] => Arc::clone(&one.text),
                many => Arc::from(SentenceView::joined(many)),
            }),
        ),
        None => (
            Place::Baseline {
                location: change.old.first().map(|v| v.location).unwrap_or(Location {
                    paragraph: 0,
                    sentence: 0,
                }),
                after: last,
            },
            None,
        ),
    }
}

/// Whether the comparison key `hay` holds the key `needle` starting and
/// ending on word boundaries ("ISIL" is not found in "ISILAND").
pub(crate) fn contains_phrase(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    // Every occurrence, overlapping ones too: in "xa b a b a" the phrase
    // "a b a" stands on word boundaries only where a first look past its
    // glued occurrence would skip it.
    let mut from = 0;
    while let Some(at) = hay.get(from..).and_then(|rest| rest.find(needle)) {
        let at = from + at;
        if on_boundaries(hay, at, at + needle.len()) {
            return true;
        }
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// For each key of `phrases`, the indices of the keys of `hay` that hold it
/// on word boundaries ([`contains_phrase`]), in order; only the first with
/// `first_only`. One pass over `hay` for every phrase (Aho-Corasick), so
/// that a policy of thousands of phrases and a draft of thousands of
/// sentences cost their lengths and their matches, not their product.
fn holders(phrases: &[&str], hay: &[&str], first_only: bool) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); phrases.len()];
    let patterns: Vec<usize> = (0..phrases.len())
        .filter(|&i| !phrases[i].is_empty())
        .collect();
    if patterns.is_empty() {
        return out;
    }
    let Ok(searcher) = aho_corasick::AhoCorasick::new(patterns.iter().map(|&i| phrases[i])) else {
        // More patterns than the automaton takes: one phrase at a time.
        for &i in &patterns {
            let found = hay
                .iter()
                .enumerate()
                .filter(|(_, h)| contains_phrase(h, phrases[i]));
            out[i] = found
                .map(|(h, _)| h)
                .take(if first_only { 1 } else { usize::MAX })
                .collect();
        }
        return out;
    };
    let mut left = patterns.len();
    for (h, text) in hay.iter().enumerate() {
        if first_only && left == 0 {
            break;
        }
        for m in searcher.find_overlapping_iter(*text) {
            let i = patterns[m.pattern().as_usize()];
            let list = &mut out[i];
            let wanted = if first_only {
                list.is_empty()
            } else {
                list.last() != Some(&h)
            };
            if wanted && on_boundaries(text, m.start(), m.end()) {
                left -= usize::from(list.is_empty());
                list.push(h);
            }
        }
    }
    out
}

/// Whether `hay[start..end]` neither starts nor ends inside a word: a
/// letter or digit at its edge has none beside it.
fn on_boundaries(hay: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (Some(before), Some(inner), Some(after)) =
        (hay.get(..start), hay.get(start..end), hay.get(end..))
    else {
        return false;
    };
    let glued_before = word(inner.chars().next()) && word(before.chars().next_back());
    let glued_after = word(inner.chars().next_back()) && word(after.chars().next());
    !glued_before && !glued_after
}

fn commitments(diff: &Diff, out: &mut Vec<Candidate>) {
    let mut last = None;
    for change in &diff.changes {
        let rule = match change.commitment_change {
            Some(CommitmentChange::Removed) => Some(Rule::CommitmentRemoved),
            Some(CommitmentChange::Weakened) => Some(Rule::CommitmentWeakened),
            _ => None,
        };
        if let Some(rule) = rule {
            let (place, draft_text) = place_of(change, last);
            let old_text = SentenceView::joined(&change.old);
            let reasons = change.commitment_reasons.join("; ");
            let message = match (rule, change.kind) {
                (Rule::CommitmentWeakened, _) => format!("commitment weakened: {reasons}"),
                (_, ChangeKind::Removed) => {
                    format!("commitment removed with its sentence: {reasons}")
                }
                // A clause dropped from a sentence that still commits.
                _ if change.new.iter().any(|v| v.commitment().is_some()) => {
                    format!("commitment removed: a clause was dropped ({reasons})")
                }
                _ => format!("commitment removed: the sentence no longer binds ({reasons})"),
            };
            let mut texts: Vec<Arc<str>> = change.old.iter().map(|v| Arc::clone(&v.text)).collect();
            texts.extend(change.new.iter().map(|v| Arc::clone(&v.text)));
            let shown = draft_text.unwrap_or_else(|| Arc::from(old_text));
            out.push(Candidate {
                texts,
                ..Candidate::new(rule, place, Some(shown), message)
            });
        }
        if let Some(v) = change.new.last() {
            last = Some(v.location);
        }
    }
}

fn because(reason: &Option<String>) -> String {
    reason
        .as_ref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default()
}

fn protected(policy: &Policy, baseline: &Statement, sides: &Sides, out: &mut Vec<Candidate>) {
    if policy.protected.is_empty() {
        return;
    }
    // Each side keyed once, and every protected phrase looked for in one
    // pass over each.
    let base: Vec<(Location, &str, String)> = baseline
        .sentences()
        .map(|(l, s)| (l, s.text.as_str(), key(&s.text, Folding::default())))
        .collect();
    let draft_keys: FxHashSet<&str> = sides.draft.iter().map(|(_, _, k)| k.as_str()).collect();
    let mut first_in_base: FxHashMap<&str, Location> = FxHashMap::default();
    for (l, _, k) in &base {
        first_in_base.entry(k.as_str()).or_insert(*l);
    }
    let phrase_keys: Vec<String> = policy
        .protected
        .iter()
        .map(|p| match p {
            Protected::Phrase { text, .. } => key(text, Folding::default()),
            Protected::Sentence { .. } => String::new(),
        })
        .collect();
    let phrase_keys = as_strs(&phrase_keys);
    let in_draft = holders(&phrase_keys, &sides.keys(), true);
    let gone: Vec<&str> = phrase_keys
        .iter()
        .zip(&in_draft)
        .map(|(k, found)| if found.is_empty() { *k } else { "" })
        .collect();
    let base_keys: Vec<&str> = base.iter().map(|(_, _, k)| k.as_str()).collect();
    let in_base = holders(&gone, &base_keys, false);
    for (i, p) in policy.protected.iter().enumerate() {
        match p {
            Protected::Sentence { text, reason } => {
                let k = key(text, Folding::default());
                if draft_keys.contains(k.as_str()) {
                    continue;
                }
                let (place, now) = match first_in_base.get(k.as_str()) {
                    Some(&l) => sides.old_place(l),
                    None => (Place::Document, None),
                };
                let message = match &place {
                    Place::Draft { .. } => "protected sentence changed",
                    Place::Baseline { .. } => "protected sentence removed",
                    Place::Document => "protected sentence missing from the draft",
                };
                let text: Arc<str> = Arc::from(text.as_str());
                out.push(Candidate {
                    texts: vec![Arc::clone(&text)],
                    ..Candidate::new(
                        Rule::Protected,
                        place,
                        now.or_else(|| Some(Arc::clone(&text))),
                        format!("{message}{}: \"{}\"", because(reason), ellipsis(&text)),
                    )
                });
            }
            Protected::Phrase { text, reason } => {
                if !in_draft[i].is_empty() {
                    continue;
                }
                for &b in &in_base[i] {
                    let (l, was, _) = &base[b];
                    let (place, now) = sides.old_place(*l);
                    let was: Arc<str> = Arc::from(*was);
                    out.push(Candidate {
                        texts: vec![Arc::clone(&was)],
                        ..Candidate::new(
                            Rule::Protected,
                            place,
                            now.or(Some(was)),
                            format!("protected phrase \"{text}\" is gone{}", because(reason)),
                        )
                    });
                }
                if in_base[i].is_empty() {
                    out.push(Candidate::new(
                        Rule::Protected,
                        Place::Document,
                        None,
                        format!(
                            "protected phrase \"{text}\" is missing from the draft{}",
                            because(reason)
                        ),
                    ));
                }
            }
        }
    }
}

fn suggest(p: &Phrase, verb: &str) -> String {
    let mut s = String::new();
    if let Some(suggestion) = &p.suggestion {
        s.push_str(&format!("; {verb} \"{suggestion}\""));
    }
    s + &because(&p.reason)
}

fn phrases(policy: &Policy, sides: &Sides, out: &mut Vec<Candidate>) {
    let keys = |list: &[Phrase]| -> Vec<String> {
        list.iter()
            .map(|p| key(&p.phrase, Folding::default()))
            .collect()
    };
    let (required, forbidden) = (keys(&policy.required), keys(&policy.forbidden));
    let draft = sides.keys();
    let present = holders(&as_strs(&required), &draft, true);
    for (p, found) in policy.required.iter().zip(present) {
        if found.is_empty() {
            out.push(Candidate::new(
                Rule::RequiredPhrase,
                Place::Document,
                None,
                format!(
                    "required phrase \"{}\" is missing{}",
                    p.phrase,
                    suggest(p, "e.g.")
                ),
            ));
        }
    }
    let present = holders(&as_strs(&forbidden), &draft, false);
    for (p, found) in policy.forbidden.iter().zip(present) {
        for d in found {
            let (location, text, _) = &sides.draft[d];
            out.push(Candidate::new(
                Rule::ForbiddenPhrase,
                Place::Draft {
                    location: *location,
                },
                Some(Arc::clone(text)),
                format!("forbidden phrase \"{}\"{}", p.phrase, suggest(p, "write")),
            ));
        }
    }
}

/// The strings of `list`, borrowed.
fn as_strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// Bracketed text: where it opens and what it holds.
struct Span {
    start: Location,
    text: String,
}

/// A bracket that does not pair.
enum Unbalanced {
    /// A `]` with no `[` before it.
    Stray(Location),
    /// A `[` never closed.
    Unclosed(Location),
}

/// The outermost bracketed spans of a statement (a span may run across
/// sentences) and its unbalanced brackets. Spans of digits only ("[1]") are
/// footnote marks, not bracketed language, and are left out.
fn bracket_spans(statement: &Statement) -> (Vec<Span>, Vec<Unbalanced>) {
    let mut spans = Vec::new();
    let mut problems = Vec::new();
    let mut depth = 0usize;
    let mut open = Span {
        start: Location {
            paragraph: 0,
            sentence: 0,
        },
        text: String::new(),
    };
    for (location, sentence) in statement.sentences() {
        for c in sentence.text.chars() {
            match c {
                '[' => {
                    if depth == 0 {
                        open = Span {
                            start: location,
                            text: String::new(),
                        };
                    } else {
                        open.text.push(c);
                    }
                    depth += 1;
                }
                ']' if depth == 0 => problems.push(Unbalanced::Stray(location)),
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        let span = std::mem::replace(
                            &mut open,
                            Span {
                                start: location,
                                text: String::new(),
                            },
                        );
                        if !span.text.trim().chars().all(|c| c.is_ascii_digit()) {
                            spans.push(span);
                        }
                    } else {
                        open.text.push(c);
                    }
                }
                _ if depth > 0 => open.text.push(c),
                _ => {}
            }
        }
        if depth > 0 {
            open.text.push(' ');
        }
    }
    if depth > 0 {
        problems.push(Unbalanced::Unclosed(open.start));
    }
    (spans, problems)
}

fn ellipsis(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

fn brackets(
    baseline: &Statement,
    draft: &Statement,
    sides: &Sides,
    final_draft: bool,
    out: &mut Vec<Candidate>,
) {
    let (spans, problems) = bracket_spans(draft);
    let text_at = |l: Location| sides.text_at(l);
    for p in problems {
        let (location, message) = match p {
            Unbalanced::Stray(l) => (l, "unbalanced brackets: `]` with no `[` before it"),
            Unbalanced::Unclosed(l) => (l, "unbalanced brackets: `[` never closed"),
        };
        out.push(Candidate {
            fixed: Some(Severity::Error),
            ..Candidate::new(
                Rule::Brackets,
                Place::Draft { location },
                text_at(location),
                message.to_owned(),
            )
        });
    }
    let (old_spans, _) = bracket_spans(baseline);
    let k = |s: &Span| key(&s.text, Folding::default());
    // The bracketed texts of each side as multisets: a text opened is one
    // the baseline has fewer of, one closed one the draft has fewer of.
    let counts = |spans: &[Span]| {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        for span in spans {
            *counts.entry(k(span)).or_default() += 1;
        }
        counts
    };
    let (mut old_keys, mut new_keys) = (counts(&old_spans), counts(&spans));
    let take = |keys: &mut FxHashMap<String, usize>, sk: &str| match keys.get_mut(sk) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    };
    let closed: Vec<(&Span, String)> = old_spans
        .iter()
        .map(|span| (span, k(span)))
        .filter(|(_, sk)| !take(&mut new_keys, sk))
        .collect();
    // Where the draft writes each closed text unbracketed, all found in
    // one pass over the draft.
    let agreed = sides.first_holding(closed.iter().map(|(_, sk)| sk.as_str()));
    for span in &spans {
        let sk = k(span);
        if !take(&mut old_keys, &sk) {
            out.push(Candidate {
                fixed: Some(Severity::Notice),
                ..Candidate::new(
                    Rule::Brackets,
                    Place::Draft {
                        location: span.start,
                    },
                    text_at(span.start),
                    format!("bracket opened: [{}]", ellipsis(&span.text)),
                )
            });
        }
    }
    for ((span, _), agreed) in closed.into_iter().zip(agreed) {
        let (place, now, message) = match agreed {
            Some((location, text)) => (
                Place::Draft { location },
                Some(text),
                format!("bracket closed, text agreed: {}", ellipsis(&span.text)),
            ),
            None => {
                let (place, now) = sides.old_place(span.start);
                (
                    place,
                    now,
                    format!("bracket closed, text dropped: [{}]", ellipsis(&span.text)),
                )
            }
        };
        out.push(Candidate {
            fixed: Some(Severity::Notice),
            ..Candidate::new(Rule::Brackets, place, now, message)
        });
    }
    if final_draft {
        for span in &spans {
            out.push(Candidate::new(
                Rule::Brackets,
                Place::Draft {
                    location: span.start,
                },
                text_at(span.start),
                format!(
                    "bracketed text left in a final draft: [{}]",
                    ellipsis(&span.text)
                ),
            ));
        }
    }
}

fn retention(baseline: &Statement, diff: &Diff, policy: &Policy, out: &mut Vec<Candidate>) {
    // Section headings are not sentences: neither side counts them.
    let total = baseline.text_sentence_count();
    if total == 0 {
        return;
    }
    let kept: usize = diff
        .changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Same | ChangeKind::Moved) && !c.is_heading())
        .map(|c| c.old.len())
        .sum();
    let share = kept as f64 / total as f64;
    if share < policy.retention_threshold {
        out.push(Candidate::new(
            Rule::Retention,
            Place::Document,
            None,
            format!(
                "the draft keeps {kept} of {total} baseline sentences ({:.0}%), below the policy's {:.0}%",
                share * 100.0,
                policy.retention_threshold * 100.0
            ),
        ));
    }
}

#[cfg(test)]
mod tests;
