//! `history`: the revisions (commits) of one statement, each with its
//! change summary against the revision before.

use crate::align::AlignOptions;
use crate::analyze::compare;
use crate::diff::Summary;
use crate::store::{Resolved, RevisionInfo, Store, StoreError};

/// One revision of a statement.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Revision {
    /// Its commit: hash, time, author, message.
    #[serde(flatten)]
    pub info: RevisionInfo,
    /// The statement's sentence count at this revision; `None` where the
    /// commit deleted it.
    pub sentences: Option<usize>,
    /// What changed against the revision before; `None` for the first.
    pub summary: Option<Summary>,
}

/// The revisions of `resolved`'s file reachable from its `@REV` (HEAD
/// without one), newest first, each compared with the one before. Empty
/// when no commit holds the file yet.
pub fn history(
    store: &Store,
    resolved: &Resolved,
    options: &AlignOptions,
) -> Result<Vec<Revision>, StoreError> {
    let revisions = store.revisions(resolved)?;
    let mut out = Vec::with_capacity(revisions.len());
    let mut previous = None;
    for (info, statement) in revisions {
        let summary = match (&previous, &statement) {
            (Some(old), Some(new)) => Some(compare(old, new, "", "", options).summary()),
            _ => None,
        };
        out.push(Revision {
            info,
            sentences: statement.as_ref().map(|s| s.sentence_count()),
            summary,
        });
        previous = statement;
    }
    out.reverse();
    Ok(out)
}

/// `YYYY-MM-DD HH:MM ±HHMM` for a git time, as `git log --date=iso` shows it
/// (without seconds).
pub fn format_time(seconds: i64, offset_minutes: i32) -> String {
    let local = seconds + i64::from(offset_minutes) * 60;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} {sign}{:02}{:02}",
        secs / 3600,
        secs % 3600 / 60,
        off / 60,
        off % 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(format_time(0, 0), "1970-01-01 00:00 +0000");
        // 2021-03-30 12:34:56 UTC, shown at +02:00 and -05:30.
        assert_eq!(format_time(1_617_107_696, 120), "2021-03-30 14:34 +0200");
        assert_eq!(format_time(1_617_107_696, -330), "2021-03-30 07:04 -0530");
        assert_eq!(format_time(951_782_400, 0), "2000-02-29 00:00 +0000");
    }
}
