//! Routine updates: the revisions an annual text makes every year without
//! changing what it says. A UN resolution adopted again a year later
//! advances its session numbers ("seventy-ninth" → "eightieth"), its years
//! and dates, its own symbol ("79/7." → "80/4.") and the closing "30th
//! plenary meeting" line, and appends last year's resolution to the list it
//! recalls. An entry whose only changes are these is `routine`, so that
//! reports can fold it away from the changes of substance.
//!
//! Each side of a reworded entry is read into units — words, numbers
//! (digits and number words alike), dates, and runs of resolution symbols
//! ("47/19 of 24 November 1992, … and 78/7 of 2 November 2023") — with
//! punctuation left out, which is editorial. The units are diffed, and
//! every changed unit must be an advance by the statements' interval:
//! one year for texts a year apart, taken from their dates, else from the
//! step most of the document's own changed years and sessions agree on.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::numbers::{self, Number};
use crate::diff::{Change, ChangeKind, CommitmentChange, DocumentInfo, Edit, EditOp, SentenceView};
use crate::normalize::key::MONTHS;

/// Marks the routine entries of `changes`: reworded entries whose only
/// changes advance numbers, years, dates and symbols by the interval
/// between `old` and `new` (from their dates when both are known, else the
/// step most of the entries' changed years and sessions share). A routine
/// entry's commitment, reworded only by the session it names ("Decides to
/// include … of its eightieth session"), is the same commitment: it counts
/// as unchanged.
pub fn mark(changes: &mut [Change], old: &DocumentInfo, new: &DocumentInfo) {
    let readings: Vec<Option<Reading>> = changes
        .iter()
        .map(|c| {
            (c.kind == ChangeKind::Reworded && changes_a_number(&c.edits))
                .then(|| Reading::of(&c.old, &c.new))
        })
        .collect();
    let step = match (old.date.as_deref(), new.date.as_deref()) {
        (Some(a), Some(b)) => interval(a, b),
        _ => None,
    }
    .or_else(|| consistent_step(readings.iter().flatten()));
    for (change, reading) in changes.iter_mut().zip(&readings) {
        change.routine = reading.as_ref().is_some_and(|r| r.is_routine(step));
        if change.routine && change.commitment_change == Some(CommitmentChange::Reworded) {
            change.commitment_change = Some(CommitmentChange::Unchanged);
            change.commitment_reasons.clear();
        }
    }
}

/// Whether the redline changes a number: a digit or a number word in a
/// deleted or inserted run. Every routine update does ("seventy-ninth",
/// "78/7", "2024"); the other rewordings, most of them, are not read.
fn changes_a_number(edits: &[Edit]) -> bool {
    edits.iter().filter(|e| e.op != EditOp::Equal).any(|e| {
        e.text.bytes().any(|b| b.is_ascii_digit())
            || e.text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| numbers::parse(w).is_some())
    })
}

/// Whether revising `old` into `new` is routine when the statements are
/// `step` years apart (`None`: unknown, and then nothing advances).
/// `heading` says the sentence is a document's title, where its symbol may
/// change in any way ("A/80/L.6" → "80/4").
pub fn is_routine(old: &str, new: &str, step: Option<i64>, heading: bool) -> bool {
    Reading::read(old, new, heading).is_routine(step)
}

/// The whole years between two `YYYY-MM-DD` dates, rounded: a resolution
/// adopted on 2 November 2023 and its successor of 30 October 2024 are one
/// year apart. `None` when either date is not one.
pub fn interval(old: &str, new: &str) -> Option<i64> {
    let days = days(new)? - days(old)?;
    Some(((days as f64) / 365.25).round() as i64)
}

/// The days from 1 March of year 0 to `date` (`YYYY-MM-DD`), by the
/// proleptic Gregorian calendar.
fn days(date: &str) -> Option<i64> {
    if !crate::statement::is_valid_date(date) {
        return None;
    }
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
}

/// The step most of the advances in `readings` share, when the statements'
/// dates are unknown: the positive differences of their changed years,
/// ordinals, dates and sessions. More than half must agree, so that one
/// substantive change of a year ("by 2030" → "by 2035") among many annual
/// ones does not set the step, and a text of mixed changes has none.
fn consistent_step<'a>(readings: impl Iterator<Item = &'a Reading>) -> Option<i64> {
    let mut deltas: Vec<i64> = Vec::new();
    for r in readings {
        r.deltas(&mut deltas);
    }
    deltas.retain(|&d| d > 0);
    deltas.sort_unstable();
    let mut best: Option<(i64, usize)> = None;
    for run in deltas.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.filter(|&(_, n)| 2 * n > deltas.len()).map(|(d, _)| d)
}

/// A date as a text writes it; a part it leaves out is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Date {
    year: u32,
    month: u8,
    day: u8,
}

/// A document symbol ("A/RES/79/7", "79/7", "GC(68)/RES/8", "A/C.3/80/L.30"):
/// the segments before its session, the session, and what follows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Symbol {
    prefix: String,
    session: Option<u32>,
    tail: String,
}

/// One resolution of a list: its symbol and the date that follows it ("78/7
/// of 2 November 2023").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Item {
    symbol: Symbol,
    date: Option<Date>,
}

/// What a sentence is compared by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Unit {
    Word(String),
    Number(Number),
    Date(Date),
    /// A run of symbols joined by commas and "and": one symbol, or a list.
    List(Vec<Item>),
}

/// A word of a sentence before dates and lists are put together.
#[derive(Debug)]
enum Token {
    Word(String),
    Number(Number),
    Month(u8),
    Symbol(Symbol),
    /// A comma after a word: it may join the items of a list.
    Comma,
}

/// Splits `text` into tokens: whitespace-separated chunks without their
/// surrounding punctuation, each a symbol, a number, a month or a word.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for chunk in text.split_whitespace() {
        let core = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        out.push(token(core));
        // `core` is the slice of `chunk` between its trimmed ends.
        let end = core.as_ptr() as usize - chunk.as_ptr() as usize + core.len();
        if chunk[end..].starts_with(',') {
            out.push(Token::Comma);
        }
    }
    out
}

fn token(core: &str) -> Token {
    if core.contains('/') && core.bytes().any(|b| b.is_ascii_digit()) {
        return Token::Symbol(symbol(core));
    }
    if let Some(n) = numbers::parse(core) {
        return Token::Number(n);
    }
    let lower = crate::normalize::lowercase(core);
    match MONTHS.iter().position(|&m| m == lower) {
        Some(m) => Token::Month(m as u8 + 1),
        None => Token::Word(lower),
    }
}

/// Reads a symbol: its session is the first segment that is a number
/// ("79" of "A/RES/79/7"), or a number in brackets ("GC(68)").
fn symbol(core: &str) -> Symbol {
    let lower = core.to_lowercase();
    let segments: Vec<&str> = lower.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let inner = seg
            .strip_suffix(')')
            .and_then(|s| s.rsplit_once('('))
            .map(|(head, n)| (format!("{head}()"), n));
        let (shape, digits) = match inner {
            Some((head, n)) => (head, n),
            None => (String::new(), *seg),
        };
        if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let mut prefix = segments[..i].join("/");
            prefix.push('/');
            prefix.push_str(&shape);
            return Symbol {
                prefix,
                session: digits.parse().ok(),
                tail: segments[i + 1..].join("/"),
            };
        }
    }
    Symbol {
        prefix: lower,
        session: None,
        tail: String::new(),
    }
}

/// The units of `text`: tokens with dates and runs of symbols put together
/// and commas dropped.
fn units(text: &str) -> Vec<Unit> {
    let mut tokens = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((date, next)) = date_at(&tokens, i) {
            out.push(Unit::Date(date));
            i = next;
            continue;
        }
        match &mut tokens[i] {
            Token::Symbol(_) => {
                let (items, next) = list_at(&tokens, i);
                out.push(Unit::List(items));
                i = next;
            }
            // Nothing looks back at a token once it is passed: its word
            // is taken, not copied.
            Token::Word(w) => {
                out.push(Unit::Word(std::mem::take(w)));
                i += 1;
            }
            Token::Number(n) => {
                out.push(Unit::Number(*n));
                i += 1;
            }
            Token::Month(m) => {
                out.push(Unit::Word(MONTHS[usize::from(*m) - 1].to_owned()));
                i += 1;
            }
            Token::Comma => i += 1,
        }
    }
    out
}

fn cardinal(t: Option<&Token>, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    match t {
        Some(Token::Number(n)) if !n.ordinal && range.contains(&n.value) => Some(n.value),
        _ => None,
    }
}

const YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;

/// The date that starts at `i` ("2 November 2023", "June 4, 2020",
/// "November 2023") and the index after it.
fn date_at(t: &[Token], i: usize) -> Option<(Date, usize)> {
    let month_at = |j: usize| match t.get(j) {
        Some(Token::Month(m)) => Some(*m),
        _ => None,
    };
    if let (Some(day), Some(month)) = (cardinal(t.get(i), 1..=31), month_at(i + 1)) {
        let year = cardinal(t.get(i + 2), YEARS);
        let date = Date {
            year: year.unwrap_or(0),
            month,
            day: day as u8,
        };
        return Some((date, i + 2 + usize::from(year.is_some())));
    }
    let month = month_at(i)?;
    if let Some(day) = cardinal(t.get(i + 1), 1..=31) {
        let comma = usize::from(matches!(t.get(i + 2), Some(Token::Comma)));
        let year = cardinal(t.get(i + 2 + comma), YEARS);
        return Some(match year {
            Some(year) => (
                Date {
                    year,
                    month,
                    day: day as u8,
                },
                i + 3 + comma,
            ),
            None => (
                Date {
                    year: 0,
                    month,
                    day: day as u8,
                },
                i + 2,
            ),
        });
    }
    let year = cardinal(t.get(i + 1), YEARS)?;
    Some((
        Date {
            year,
            month,
            day: 0,
        },
        i + 2,
    ))
}

/// The run of symbols that starts at `i` — "47/19 of 24 November 1992, …
/// 77/7 of 3 November 2022 and 78/7 of 2 November 2023" — and the index
/// after it.
fn list_at(t: &[Token], mut i: usize) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    while let Some(Token::Symbol(symbol)) = t.get(i) {
        i += 1;
        let mut date = None;
        if matches!(t.get(i), Some(Token::Word(w)) if w == "of")
            && let Some((d, next)) = date_at(t, i + 1)
        {
            date = Some(d);
            i = next;
        }
        items.push(Item {
            symbol: symbol.clone(),
            date,
        });
        // A separator continues the list only before another symbol.
        let mut j = i;
        if matches!(t.get(j), Some(Token::Comma)) {
            j += 1;
        }
        if matches!(t.get(j), Some(Token::Word(w)) if w == "and") {
            j += 1;
        }
        if j > i && matches!(t.get(j), Some(Token::Symbol(_))) {
            i = j;
        } else {
            break;
        }
    }
    (items, i)
}

/// The most units (both sides together) an entry is diffed by: routine
/// sentences are short, and a few thousand words are far more than any.
const MOST_UNITS: usize = 4_000;

/// Where a sentence stands: what may change in it beyond advances.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    /// The document's title: its symbol may change in any way, or come and go.
    heading: bool,
    /// The closing "30th plenary meeting 30 October 2024" line: its meeting
    /// number and date may change in any way.
    closing: bool,
}

/// The changed units of one entry and where it stands.
struct Reading {
    /// Each change: the old units and the new ones it replaced.
    blocks: Vec<(Vec<Unit>, Vec<Unit>)>,
    place: Place,
}

impl Reading {
    fn of(old: &[SentenceView], new: &[SentenceView]) -> Reading {
        let first = |side: &[SentenceView]| {
            side.first()
                .is_some_and(|v| v.location.paragraph == 1 && v.location.sentence == 1)
        };
        let join = SentenceView::joined;
        Reading::read(&join(old), &join(new), first(old) || first(new))
    }

    fn read(old: &str, new: &str, heading: bool) -> Reading {
        let (a, b) = (units(old), units(new));
        let place = Place {
            heading,
            closing: is_closing(&a) && is_closing(&b),
        };
        // A diff's time grows with the product of the lengths where they
        // differ (issue 16): past this, an entry is read as no change at
        // all, which is no routine one.
        if a.len() + b.len() > MOST_UNITS {
            return Reading {
                blocks: Vec::new(),
                place,
            };
        }
        let mut blocks = Vec::new();
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            let (o, n) = (op.old_range(), op.new_range());
            if !matches!(op, DiffOp::Equal { .. }) {
                blocks.push((a[o].to_vec(), b[n].to_vec()));
            }
        }
        Reading { blocks, place }
    }

    /// Whether every change is routine, and there is one.
    fn is_routine(&self, step: Option<i64>) -> bool {
        !self.blocks.is_empty()
            && self
                .blocks
                .iter()
                .all(|(old, new)| block_routine(old, new, step, self.place))
    }

    /// The advances of this entry's changes, for [`consistent_step`].
    fn deltas(&self, out: &mut Vec<i64>) {
        if self.place.closing {
            return;
        }
        for (old, new) in &self.blocks {
            if old.len() != new.len() {
                continue;
            }
            for (a, b) in old.iter().zip(new) {
                if let Some(d) = delta(a, b) {
                    out.push(d);
                }
            }
        }
    }
}

/// Whether units read as the closing line of a resolution: "30th plenary
/// meeting" and a date.
fn is_closing(units: &[Unit]) -> bool {
    matches!(
        units,
        [Unit::Number(Number { ordinal: true, .. }), Unit::Word(p), Unit::Word(m), Unit::Date(_)]
            if p == "plenary" && m == "meeting"
    )
}

fn block_routine(old: &[Unit], new: &[Unit], step: Option<i64>, place: Place) -> bool {
    if old.len() == new.len() {
        return old
            .iter()
            .zip(new)
            .all(|(a, b)| unit_routine(a, b, step, place));
    }
    // A title gains or loses its symbol ("A/80/L.6" has none in its text).
    place.heading && old.iter().chain(new).all(|u| matches!(u, Unit::List(_)))
}

/// The advance from `a` to `b` when both are a year, an ordinal, a date or
/// a run of symbols of one shape.
fn delta(a: &Unit, b: &Unit) -> Option<i64> {
    match (a, b) {
        (Unit::Number(x), Unit::Number(y)) if x.ordinal && y.ordinal => {
            Some(i64::from(y.value) - i64::from(x.value))
        }
        (Unit::Number(x), Unit::Number(y)) if is_year(x) && is_year(y) => {
            Some(i64::from(y.value) - i64::from(x.value))
        }
        (Unit::Date(x), Unit::Date(y)) if x.year > 0 && y.year > 0 => {
            Some(i64::from(y.year) - i64::from(x.year))
        }
        (Unit::List(x), Unit::List(y)) => {
            let last = |items: &[Item]| items.iter().filter_map(|i| i.symbol.session).max();
            Some(i64::from(last(y)?) - i64::from(last(x)?))
        }
        _ => None,
    }
}

fn is_year(n: &Number) -> bool {
    !n.ordinal && (1900..=2100).contains(&n.value)
}

fn unit_routine(a: &Unit, b: &Unit, step: Option<i64>, place: Place) -> bool {
    if a == b {
        return true;
    }
    let advances = |d: i64| step.is_some_and(|s| s >= 1 && d == s);
    match (a, b) {
        (Unit::Number(x), Unit::Number(y)) if place.closing && x.ordinal && y.ordinal => true,
        (Unit::Date(_), Unit::Date(_)) if place.closing => true,
        (Unit::List(_), Unit::List(_)) if place.heading => true,
        (Unit::List(x), Unit::List(y)) => list_routine(x, y, step),
        _ => delta(a, b).is_some_and(advances),
    }
}

/// Whether a run of symbols changed only by advancing: each symbol a
/// session on (its resolution number may change: last year's resolution
/// for the year before's), or last year's resolution appended, with or
/// without the oldest dropped.
fn list_routine(old: &[Item], new: &[Item], step: Option<i64>) -> bool {
    let Some(step) = step.filter(|&s| s >= 1) else {
        return false;
    };
    let advanced = |x: &Item, y: &Item| {
        let session = match (x.symbol.session, y.symbol.session) {
            (Some(a), Some(b)) => i64::from(b) - i64::from(a) == step,
            _ => false,
        };
        let date = match (x.date, y.date) {
            (None, None) => true,
            (Some(a), Some(b)) => i64::from(b.year) - i64::from(a.year) == step,
            _ => false,
        };
        session && date && x.symbol.prefix == y.symbol.prefix
    };
    if old.len() == new.len() && old.iter().zip(new).all(|(x, y)| x == y || advanced(x, y)) {
        return true;
    }
    let Some((added, kept)) = new.split_last() else {
        return false;
    };
    let last = old.iter().filter_map(|i| i.symbol.session).max();
    let appended = last.is_some_and(|l| {
        added.symbol.session.map(i64::from) == Some(i64::from(l) + step)
            && old
                .last()
                .is_some_and(|o| o.symbol.prefix == added.symbol.prefix)
    });
    appended && (kept == old || (!old.is_empty() && kept == &old[1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routine(old: &str, new: &str) -> bool {
        is_routine(old, new, Some(1), false)
    }

    #[test]
    fn sessions_advance_in_words_or_digits() {
        assert!(routine(
            "to submit it at its seventy-ninth session;",
            "to submit it at its eightieth session;"
        ));
        assert!(routine("at its 79th session", "at its 80th session"));
        assert!(routine(
            "at its seventy-ninth session",
            "at its 80th session"
        ));
        assert!(!routine(
            "at its seventy-ninth session",
            "at its eighty-first session"
        ));
        // A session and a substantive word both changed.
        assert!(!routine(
            "Requests the Secretary-General to report at its seventy-ninth session;",
            "Invites the Secretary-General to report at its eightieth session;"
        ));
    }

    #[test]
    fn years_and_dates_advance_by_the_interval() {
        assert!(routine(
            "the report of the Agency for 2022",
            "the report of the Agency for 2023,"
        ));
        assert!(routine("as at 9 October 2023;", "as at 14 October 2024;"));
        // A year changed by 3 when the statements are one year apart.
        assert!(!routine("by 2027", "by 2030"));
        assert!(is_routine("by 2027", "by 2030", Some(3), false));
        // A count is no year: "93 States" → "94 States" is substance.
        assert!(!routine("93 States had signed", "94 States had signed"));
        // Dates moved by more than the interval.
        assert!(!routine(
            "from 27 November to 1 December 2023",
            "from 3 to 7 March 2025"
        ));
        // Unknown interval: nothing advances.
        assert!(!is_routine("for 2022", "for 2023", None, false));
        assert!(!is_routine("for 2022", "for 2023", Some(0), false));
    }

    #[test]
    fn symbols_advance_and_change_in_titles() {
        assert!(routine(
            "Takes note of the report on the implementation of resolution 77/7;",
            "Takes note of the report on the implementation of resolution 78/7;"
        ));
        assert!(routine(
            "the most recent of which is resolution 78/220 of 19 December 2023,",
            "the most recent of which is resolution 79/183 of 17 December 2024,"
        ));
        assert!(!routine("resolution 77/7;", "resolution 79/7;"));
        // The title's own symbol may change in any way, or come and go.
        let title = |a: &str, b: &str| is_routine(a, b, Some(0), true);
        assert!(title(
            "79/7. Necessity of ending",
            "80/4. Necessity of ending"
        ));
        assert!(title("79/7. Necessity of ending", "Necessity of ending"));
        assert!(title(
            "Necessity of ending",
            "A/RES/80/4. Necessity of ending"
        ));
        assert!(!title(
            "79/7. Necessity of ending",
            "80/4. Necessity of starting"
        ));
        // Outside a title, a symbol only advances by the interval.
        assert!(!is_routine(
            "79/7. Necessity of ending",
            "81/4. Necessity of ending",
            Some(1),
            false
        ));
    }

    #[test]
    fn the_closing_line_changes_its_meeting_and_date() {
        let closing = |a: &str, b: &str, step| is_routine(a, b, step, false);
        assert!(closing(
            "26th plenary meeting 2 November 2023",
            "30th plenary meeting 30 October 2024",
            Some(1)
        ));
        assert!(closing(
            "42nd plenary meeting 4 December 2023",
            "43rd plenary meeting 2 December 2024",
            None
        ));
        assert!(!closing(
            "42nd plenary meeting 4 December 2023",
            "43rd plenary meeting of the Council 2 December 2024",
            Some(1)
        ));
    }

    #[test]
    fn lists_of_recalled_resolutions_gain_last_year() {
        let old = "Recalling its resolutions 75/289 of 23 June 2021 and 77/7 of 3 November 2022 and its decision 76/563 of 11 May 2022,";
        let new = "Recalling its resolutions 75/289 of 23 June 2021, 77/7 of 3 November 2022 and 78/7 of 2 November 2023 and its decision 76/563 of 11 May 2022,";
        assert!(routine(old, new));
        // The window slides: the oldest goes as last year's comes.
        assert!(routine(
            "Recalling its resolutions 77/7 of 3 November 2022 and 78/7 of 2 November 2023,",
            "Recalling its resolutions 78/7 of 2 November 2023 and 79/7 of 30 October 2024,"
        ));
        assert!(routine(
            "since the adoption of its resolutions 74/7, 75/289 and 77/7, the embargo",
            "since the adoption of its resolutions 74/7, 75/289, 77/7 and 78/7, the embargo"
        ));
        // Not last year's: a resolution of two sessions on.
        assert!(!routine(
            "its resolutions 75/289 and 77/7,",
            "its resolutions 75/289, 77/7 and 79/7,"
        ));
        // An older resolution dropped with nothing added, or one inserted
        // in the middle, is a choice of substance.
        assert!(!routine(
            "its resolutions 75/289 and 77/7,",
            "its resolutions 77/7,"
        ));
        assert!(!routine(
            "its resolutions 75/289 and 77/7,",
            "its resolutions 75/289, 76/3 and 77/7,"
        ));
    }

    #[test]
    fn punctuation_and_case_alone_are_not_routine() {
        // Editorial only: nothing advances, so the entry is not routine
        // (and not a change of substance either; see key.rs).
        assert!(!routine("for 2022", "For 2022,"));
    }

    #[test]
    fn very_long_sentences_are_not_diffed_unit_by_unit() {
        let long = |year: u32| {
            let words = "the Assembly met again at its session ".repeat(1_000);
            format!("{words} in {year}")
        };
        let started = std::time::Instant::now();
        assert!(!routine(&long(2023), &long(2024)));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn intervals_round_to_whole_years() {
        assert_eq!(interval("2023-11-02", "2024-10-30"), Some(1));
        assert_eq!(interval("2025-10-07", "2025-10-29"), Some(0));
        assert_eq!(interval("2023-12-04", "2025-12-01"), Some(2));
        assert_eq!(interval("2023-12-04", "soon"), None);
    }

    #[test]
    fn the_step_is_what_most_advances_agree_on() {
        let r = |a: &str, b: &str| Reading::read(a, b, false);
        let readings = [
            r("at its seventy-ninth session", "at its eightieth session"),
            r("for 2022", "for 2023"),
            r("by 2030", "by 2035"),
        ];
        assert_eq!(consistent_step(readings.iter()), Some(1));
        let mixed = [r("for 2022", "for 2023"), r("by 2030", "by 2035")];
        assert_eq!(consistent_step(mixed.iter()), None);
    }
}
