//! Commitments: the clauses of a sentence by which an actor binds itself,
//! decides, or asks another actor to act (see `COMMITMENTS.md` and
//! `docs/lexicon.md`).
//!
//! A sentence is read clause by clause. Every marker of the lexicon is a
//! candidate verb; it opens a clause when it stands as a finite verb: at the
//! start of a UN operative paragraph ("Notes …", "Urges …"), after a subject
//! that acts ("We", "Members", "The task force", a proper name), or
//! coordinated with an earlier finite verb ("…, and encourages", "… and
//! support"). A marker after "to", after a relative pronoun ("measures that
//! seek to"), or after an article or possessive ("in support of") is no
//! verb. A modal takes the weaker of itself and the marker it governs ("will
//! explore" is weak); "will be" with no marker after it predicts ("the
//! meeting will be held"). A recording verb ("notes", "welcomes") opens a
//! clause of level none, so that the clauses after it are read on their own.
//! Hedges lower a clause one level; a negation right after its marker marks
//! a promise not to act, no weaker for it.
//!
//! The stages, one a file, in the order a sentence meets them: `words`
//! splits it, `markers` finds the lexicon's phrases among its words, `verbs`
//! keeps those that stand as finite verbs with the actor each binds (found
//! by `subject`), and this module makes a clause of each, with its
//! `hedges`, `deadlines` and `enumeration` items.

mod deadlines;
mod enumeration;
mod hedges;
mod markers;
mod subject;
mod verbs;
mod words;

pub(crate) use deadlines::deadlines_of;

use super::lexicon::Lexicon;
use crate::diff::Commitment;
use deadlines::deadlines;
use enumeration::enumerated;
use hedges::hedges;
use verbs::finite_verbs;
use words::{Word, Words, extend_words, span};

/// A UN preambular paragraph: it opens with a participle or one of the
/// lexicon's preambular adjectives, and ends with a comma.
fn is_preambular(text: &str, first: &str, lexicon: &Lexicon) -> bool {
    let opens = first.ends_with("ing") || lexicon.preambular.iter().any(|p| p == first);
    opens && text.trim_end().ends_with(',')
}

/// A heading ("Steadfast support to Ukraine"): a short line without the
/// punctuation that closes a sentence or a list item.
fn is_heading(text: &str, words: usize) -> bool {
    let closed = text
        .trim_end()
        .ends_with(['.', ';', ':', '!', '?', ',', '"', '”', '’', ')']);
    !closed && words <= 12
}

/// Finds the commitment `text` (a sentence without its label) makes: its
/// strongest clause.
pub fn detect(text: &str, lexicon: &Lexicon) -> Option<Commitment> {
    strongest(&clauses(text, lexicon)).cloned()
}

/// The strongest of some clauses (the first of equals): a sentence's
/// commitment.
pub fn strongest(clauses: &[Commitment]) -> Option<&Commitment> {
    Commitment::strongest(clauses)
}

/// The commitment clauses of `text` (a sentence without its label), in
/// reading order.
pub fn clauses(text: &str, lexicon: &Lexicon) -> Vec<Commitment> {
    Reader::default().clauses(text, lexicon)
}

/// Reads the clauses of one sentence after another, reusing the buffers of
/// the last one: the lower-cased copy and the words of every sentence of
/// both statements would otherwise be allocated and freed in turn.
#[derive(Default)]
pub(crate) struct Reader {
    lower: String,
    /// Always empty between sentences: only its allocation is kept.
    words: Vec<Word<'static>>,
}

impl Reader {
    /// The commitment clauses of `text`, as [`clauses`].
    pub(crate) fn clauses(&mut self, text: &str, lexicon: &Lexicon) -> Vec<Commitment> {
        if lexicon.markers.is_empty() {
            return Vec::new();
        }
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let mut words = recycle(std::mem::take(&mut self.words));
        let out = read(text, &self.lower, &mut words, lexicon);
        self.words = recycle(words);
        out
    }
}

/// `words` emptied, its allocation kept for words of another lifetime (the
/// collect reuses it in place: a `Word` has the same layout whatever it
/// borrows).
fn recycle<'b>(mut words: Vec<Word<'_>>) -> Vec<Word<'b>> {
    words.clear();
    words.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// The clauses of `text`, whose ASCII lower-cased copy is `lower`, read
/// with `words` (empty) as the buffer of its words.
fn read<'a>(
    text: &'a str,
    lower: &'a str,
    words: &mut Vec<Word<'a>>,
    lexicon: &Lexicon,
) -> Vec<Commitment> {
    // A preambular paragraph is known by its first word: the rest is not
    // split.
    let mut rest = Words::new(text, lower);
    let Some(first) = rest.next() else {
        return Vec::new();
    };
    if is_preambular(text, &first.folded, lexicon) {
        return Vec::new();
    }
    words.reserve(text.len() / 6);
    words.push(first);
    extend_words(words, rest);
    if is_heading(text, words.len()) {
        return Vec::new();
    }
    let words = &words[..];
    let verbs = finite_verbs(words, lexicon);
    let mut out = Vec::new();
    for (v, verb) in verbs.iter().enumerate() {
        let Some(mut strength) = verb.hit.info.strength.strength() else {
            continue;
        };
        let h = verb.hit;
        // A later verb's subject can reach back into this clause ("the
        // Parties that will … shall"); the clause keeps at least its marker.
        let end = verbs
            .get(v + 1)
            .map_or(words.len(), |n| n.start)
            .clamp(h.at + h.len, words.len());
        // "…, and" before the next clause joins the two; it belongs to
        // neither.
        let mut end = end;
        while end > h.at + h.len && matches!(words[end - 1].folded.as_ref(), "and" | "or" | "but") {
            end -= 1;
        }
        let mut marker = span(text, words, h.at, h.at + h.shown).to_owned();
        let negated = words[h.at + 1..(h.at + h.len + 2).min(words.len())]
            .iter()
            .any(|w| lexicon.negations.iter().any(|n| *n == w.folded));
        let mut hedges = hedges(text, words, h, verb.start, end, lexicon);
        if !hedges.is_empty() {
            strength = strength.lowered();
        }
        let mut actor = verb.actor.map(|(a, b)| span(text, words, a, b).to_owned());
        // "(i) modify …; and (ii) remove …": each item is a clause of its own.
        let parts = enumerated(text, words, h.at + h.len, verb.start, end);
        let whole = [(verb.start, end)];
        let mut items = parts
            .as_deref()
            .unwrap_or(&whole)
            .iter()
            .copied()
            .peekable();
        while let Some((from, to)) = items.next() {
            // Each item gets the clause's marker, actor and hedges; the last
            // (most often the only one) takes them rather than a copy.
            let (marker, actor, hedges) = if items.peek().is_some() {
                (marker.clone(), actor.clone(), hedges.clone())
            } else {
                (
                    std::mem::take(&mut marker),
                    actor.take(),
                    std::mem::take(&mut hedges),
                )
            };
            out.push(Commitment {
                strength,
                marker,
                actor,
                hedges,
                negated,
                deadlines: deadlines(text, &words[from..to]),
                clause: span(text, words, from, to).to_owned(),
                inherited: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Strength;

    fn c(text: &str) -> Option<Commitment> {
        detect(text, &Lexicon::builtin())
    }

    fn level(text: &str) -> &'static str {
        c(text).map_or("none", |c| c.strength.name())
    }

    fn markers(text: &str) -> Vec<(String, &'static str)> {
        clauses(text, &Lexicon::builtin())
            .into_iter()
            .map(|c| (c.marker.to_lowercase(), c.strength.name()))
            .collect()
    }

    fn actor(text: &str) -> Option<String> {
        c(text).and_then(|c| c.actor)
    }

    // Expectations below were written from COMMITMENTS.md before the
    // clause reading was built; each quotes or mirrors a case of issue 15.

    #[test]
    fn every_clause_of_an_operative_paragraph_counts() {
        let text = "Notes with concern that the nationally determined contributions are not \
                    sufficient, urges Parties that have not yet communicated new nationally \
                    determined contributions to do so as soon as possible, and encourages \
                    Parties to communicate in 2025 their next contributions;";
        assert_eq!(
            markers(text),
            [
                ("urges".to_owned(), "moderate"),
                ("encourages".to_owned(), "weak")
            ]
        );
        assert_eq!(level(text), "moderate");
        assert_eq!(
            level(
                "Recalls that 147 countries have accepted the Doha Amendment, welcomes its \
                 entry into force, and strongly urges countries to implement their pre-2020 \
                 commitments in full;"
            ),
            "moderate"
        );
        assert_eq!(
            level("Welcomes the report of the Secretary-General, and urges all States to act;"),
            "moderate"
        );
    }

    #[test]
    fn actors_are_read_from_the_subject() {
        for (text, who) in [
            ("Canada will host the next meeting of the group.", "Canada"),
            ("Members will work toward a common framework.", "Members"),
            (
                "The task force will report to Leaders by June 2026.",
                "The task force",
            ),
            (
                "Our countries are committed to open and fair markets.",
                "Our countries",
            ),
            ("Members plan to meet again next year.", "Members"),
            (
                "Australia and Japan are committed to a free and open Indo-Pacific.",
                "Australia and Japan",
            ),
        ] {
            assert_eq!(actor(text).as_deref(), Some(who), "{text}");
        }
        assert_eq!(
            level("Members will work toward a common framework."),
            "strong"
        );
        assert_eq!(level("Members plan to meet again next year."), "moderate");
        let k = c("The task force will report to Leaders by June 2026.").expect("a commitment");
        assert_eq!(k.deadlines, ["by June 2026"]);
    }

    #[test]
    fn markers_of_the_issue() {
        for (text, want) in [
            (
                "We recommit ourselves to the goals of the Charter.",
                "strong",
            ),
            ("We plan to expand the programme to Africa.", "moderate"),
            ("We remain dedicated to a just and lasting peace.", "strong"),
            ("We remain steadfast in our support for Ukraine.", "strong"),
            ("We remain resolute in defending our democracies.", "strong"),
            (
                "We reaffirm our firm commitment to the rules-based order.",
                "strong",
            ),
            (
                "We reiterate our support for the peace process.",
                "moderate",
            ),
            ("We emphasise the need to protect civilians.", "weak"),
            ("We recognise the progress made since Bali.", "none"),
            (
                "The Quad Leaders reaffirmed their steadfast commitment to a free and open Indo-Pacific.",
                "strong",
            ),
            (
                "We reaffirm our full and unwavering support for Ukraine.",
                "moderate",
            ),
            ("We are resolved to address the climate crisis.", "strong"),
            (
                "We remain deeply committed to the two-state solution.",
                "strong",
            ),
            (
                "Expresses its intention to review the measures in light of developments;",
                "moderate",
            ),
            (
                "ASEAN Leaders tasked their Ministers to explore ways to deepen integration.",
                "moderate",
            ),
            (
                "Sanctions will remain in place until Russia complies.",
                "none",
            ),
            ("We reaffirm that the Charter must be respected.", "strong"),
            ("We note that the Parties will meet in Rome.", "none"),
            (
                "Allies will continue to support Ukraine for as long as necessary.",
                "strong",
            ),
            (
                "Members are invited to submit their views by 1 March 2026.",
                "weak",
            ),
            (
                "We fully endorse resolution 2576 and its call for election monitors.",
                "none",
            ),
            (
                "We endorse the Famine Prevention Compact committed to by our Ministers.",
                "none",
            ),
            (
                "We therefore commit both to strengthen action now and to act later.",
                "strong",
            ),
        ] {
            assert_eq!(level(text), want, "{text}");
        }
        let k = c("Japan does not seek and will not acquire nuclear weapons.")
            .expect("a negative promise");
        assert_eq!(k.strength, Strength::Strong);
        assert!(k.negated);
        assert_eq!(k.actor.as_deref(), Some("Japan"));
    }

    #[test]
    fn false_markers_of_the_issue() {
        for text in [
            "We are providing humanitarian assistance to support the region.",
            "We condemn measures that seek to alter the status quo by force.",
            "Germany launched a new fund for climate adaptation.",
            "France established a panel of experts on the matter.",
            "Our efforts will allow us to reach the target sooner.",
            "Last year we pledged USD 10 billion for the fund.",
            "The meeting will be held in Rome in October.",
            "These actions reflect our commitment to peace.",
            "The corridor, which will connect the two ports, opens next year.",
            "We look forward to the summit in Canada.",
            "We are taking concrete measures to protect critical infrastructure.",
            "Determined to achieve the goals of the Treaty,",
            "The United States is announcing USD 10 million for demining.",
        ] {
            assert_eq!(level(text), "none", "{text}");
        }
    }

    #[test]
    fn hard_calls_of_the_definition() {
        for (text, want) in [
            (
                "The Leaders committed to phase out unabated coal power.",
                "strong",
            ),
            (
                "Canada has committed to invest USD 1 billion over the next decade.",
                "strong",
            ),
            (
                "Members reaffirmed our joint commitment to the Charter.",
                "strong",
            ),
            ("Disputes should be resolved peacefully.", "moderate"),
            ("Disputes must be resolved peacefully.", "strong"),
            (
                "As required, the two sides may conduct consultations on trade issues.",
                "weak",
            ),
            (
                "Invites the Secretary-General to report on the matter;",
                "weak",
            ),
            (
                "Requests the Secretary-General to report on the matter;",
                "moderate",
            ),
            ("We will explore options for a joint mission.", "weak"),
            ("We will seek to expand the programme.", "moderate"),
            ("We will continue to support Ukraine.", "strong"),
            ("We continue to support Ukraine.", "moderate"),
            ("We are determined to end the war.", "strong"),
            ("Decides to remain seized of the matter;", "strong"),
            (
                "Reaffirms its strong support for the role of the Agency in nuclear safety;",
                "moderate",
            ),
            (
                "The Coalition will, as appropriate, explore options.",
                "weak",
            ),
            (
                "The Ministers, recalling their statement of June 4, 2020, committed to strengthen cooperation.",
                "strong",
            ),
            ("Calls upon all States to sign the Treaty;", "moderate"),
            ("Encourages all States to sign;", "weak"),
            ("Welcomes the entry into force of the Treaty;", "none"),
            ("Recalling its resolutions 72/31 and 73/48,", "none"),
            (
                "The Ministers acknowledged that the threat remains.",
                "none",
            ),
            (
                "In Syria, the Coalition stands in support of a settlement.",
                "none",
            ),
            ("Russia should not be able to delay payment.", "moderate"),
        ] {
            assert_eq!(level(text), want, "{text}");
        }
    }

    #[test]
    fn details() {
        let k = c("We will never recognise Russia's purported annexation.").expect("commitment");
        assert!(k.negated);
        assert_eq!(k.strength, Strength::Strong);
        assert_eq!(k.actor.as_deref(), Some("We"));
        let k = c("We solemnly reiterate that we will never recognise this illegal annexation.")
            .expect("commitment");
        assert!(k.negated && k.marker == "will");
        let k = c("The Parties commit to take the following actions by May 14, 2025:")
            .expect("commitment");
        assert_eq!(k.marker, "commit to");
        assert_eq!(k.actor.as_deref(), Some("The Parties"));
        assert_eq!(k.deadlines, ["by May 14, 2025"]);
        let k = c("The United States will modify the tariff for an additional period of 90 days, and 10 percent.")
            .expect("commitment");
        assert_eq!(
            k.deadlines,
            ["for an additional period of 90 days", "10 percent"]
        );
        let k = c("The EU will provide EUR 2 billion by 2027 and USD 300 billion per year.")
            .expect("commitment");
        assert_eq!(
            k.deadlines,
            ["EUR 2 billion", "by 2027", "USD 300 billion per year"]
        );
        let k = c("We will mobilise $600 billion.").expect("commitment");
        assert_eq!(k.deadlines, ["$600 billion"]);
        let k = c("They will act, where possible, by 2030.").expect("commitment");
        assert_eq!(k.hedges, ["where possible"]);
        assert_eq!(k.deadlines, ["by 2030"]);
    }

    #[test]
    fn enumerated_items_are_clauses_of_their_own() {
        let found = clauses(
            "The United States will (i) modify the rate for an initial period of 90 days; \
             and (ii) remove the additional rates imposed in April.",
            &Lexicon::builtin(),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].clause.starts_with("ii) remove") || found[1].clause.starts_with("ii"));
        assert_eq!(found[0].deadlines, ["for an initial period of 90 days"]);
        assert!(found.iter().all(|c| c.strength == Strength::Strong));
    }

    #[test]
    fn hedges_count_by_the_marker_or_at_the_end() {
        let hedges = |t: &str| c(t).expect("commitment").hedges;
        assert_eq!(
            hedges(
                "The Ministers also reaffirmed their intent to hold the next ministerial meeting of the Global Coalition in Italy as soon as circumstances permit."
            ),
            ["as circumstances permit"]
        );
        assert!(
            hedges(
                "The Coalition will fund the long programme of stabilization in the liberated areas of the country, where possible with regional partners, over the coming years."
            )
            .is_empty()
        );
        assert_eq!(
            hedges("The Parties will, as appropriate, review the plan when circumstances permit."),
            ["as appropriate", "when circumstances permit"]
        );
        // A closing hedge after a later conjunct qualifies that conjunct.
        assert!(
            hedges(
                "We remain committed to fully implementing our sanctions and adopting new measures as necessary."
            )
            .is_empty()
        );
    }
}
