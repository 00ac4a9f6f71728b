//! Verifying the candidates an index proposes, and ranking what passes:
//! the half of a search that both indexes (in memory and on disk) share,
//! so that they give the same answers.

use std::borrow::Cow;

use super::{Listed, Precedent, Query, SentencePrecedents, Verdict};
use crate::align::{AlignOptions, score_keyed_pairs};
use crate::normalize::key::{Folding, key};
use crate::statement::{Location, Sentence, Statement};

/// The query's sentences and their comparison keys, computed once.
pub(crate) struct Prepared<'q> {
    texts: Vec<(Location, &'q Sentence)>,
    /// Under the search's folding.
    keys: Vec<String>,
    folding: Folding,
}

impl<'q> Prepared<'q> {
    /// Prepares the sentences of `statement`.
    pub(crate) fn new(statement: &'q Statement, options: &AlignOptions) -> Prepared<'q> {
        let texts: Vec<(Location, &Sentence)> = statement.sentences().collect();
        let keys = texts
            .iter()
            .map(|(_, s)| key(&s.text, options.folding))
            .collect();
        Prepared {
            texts,
            keys,
            folding: options.folding,
        }
    }

    /// The key an index looks sentence `q` up by (the default folding's,
    /// which is what indexes hold), `None` past the last sentence.
    pub(crate) fn lookup_key(&self, q: usize) -> Option<Cow<'_, str>> {
        let query_key = self.keys.get(q)?;
        Some(if self.folding == Folding::default() {
            Cow::Borrowed(query_key.as_str())
        } else {
            Cow::Owned(key(&self.texts[q].1.text, Folding::default()))
        })
    }

    /// The sentences the query names, each with its precedents among
    /// `found` (query sentence, precedent), best first.
    pub(crate) fn collect(
        &self,
        query: &Query<'_>,
        found: impl IntoIterator<Item = (usize, Precedent)>,
    ) -> Vec<SentencePrecedents> {
        let mut by_sentence: Vec<Vec<Precedent>> = vec![Vec::new(); self.texts.len()];
        for (q, precedent) in found {
            by_sentence[q].push(precedent);
        }
        query
            .sentences
            .iter()
            .filter_map(|&(q, change)| {
                let (location, sentence) = self.texts.get(q)?;
                let mut precedents = std::mem::take(&mut by_sentence[q]);
                precedents.sort_by(|a, b| {
                    (a.verdict != Verdict::Verbatim)
                        .cmp(&(b.verdict != Verdict::Verbatim))
                        .then(b.score.total_cmp(&a.score))
                        .then(b.similarity.total_cmp(&a.similarity))
                        .then(b.date.cmp(&a.date))
                        .then(a.reference.cmp(&b.reference))
                        .then(a.location.cmp(&b.location))
                });
                let verdict = precedents.first().map_or(Verdict::Novel, |p| p.verdict);
                precedents.truncate(query.limit);
                Some(SentencePrecedents {
                    location: *location,
                    label: sentence.label.clone(),
                    text: sentence.text.clone(),
                    change,
                    verdict,
                    precedents,
                })
            })
            .collect()
    }
}

/// Scores the candidate pairs (sentence of `source`, sentence of the query)
/// with the diff's pair score and the rarity weights of the two statements,
/// keeping those a diff would call the same or reworded. `default_keys` are
/// the source's keys under the default folding, when already at hand.
pub(crate) fn verify(
    listed: &Listed<'_>,
    source: &Statement,
    default_keys: Option<&[String]>,
    pairs: &[(usize, usize)],
    prepared: &Prepared<'_>,
    options: &AlignOptions,
) -> Vec<(usize, Precedent)> {
    let own: Vec<(Location, &Sentence)> = source.sentences().collect();
    let computed: Vec<String>;
    let own_keys = match default_keys {
        Some(keys) if options.folding == Folding::default() => keys,
        _ => {
            computed = (own.iter())
                .map(|(_, t)| key(&t.text, options.folding))
                .collect();
            &computed
        }
    };
    let scored = score_keyed_pairs(own_keys, &prepared.keys, pairs);
    let mut out = Vec::new();
    for (&(i, q), score) in pairs.iter().zip(scored) {
        let verdict = if score.same {
            Verdict::Verbatim
        } else if score.reworded(options) {
            Verdict::Adapted
        } else {
            continue;
        };
        let Some(&(location, sentence)) = own.get(i) else {
            continue;
        };
        out.push((
            q,
            Precedent {
                verdict,
                similarity: round(score.similarity),
                score: round(score.score),
                reference: listed.reference.to_owned(),
                date: listed.date.to_owned(),
                location,
                label: sentence.label.clone(),
                text: sentence.text.clone(),
            },
        ));
    }
    out
}

/// Scores are reported to three decimals, as diffs report similarity.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
