//! `communique history`: the revisions of one statement, two lines each,
//! or the JSON document [`wire::History`].

use std::io::{self, Write};

use super::{json_document, summary_line, wire};
use crate::series::Revision;

/// Writes each revision: hash, time, author and message, then its
/// sentence count and what changed against the revision before.
pub fn text(out: &mut dyn Write, revisions: &[Revision]) -> io::Result<()> {
    for r in revisions {
        // A hash is ASCII hex, 40 characters; `get` keeps a short one whole.
        let info = &r.info;
        let short = info.commit.get(..12).unwrap_or(&info.commit);
        writeln!(
            out,
            "{short}  {}  {} <{}>  {}",
            format_time(info.time, info.offset_minutes),
            info.author,
            info.email,
            info.message
        )?;
        let change = match (&r.summary, r.sentences) {
            (_, None) => "deleted".to_owned(),
            (Some(summary), Some(n)) => format!("{n} sentences · {}", summary_line(summary)),
            (None, Some(n)) => format!("{n} sentences · first revision"),
        };
        writeln!(out, "    {change}")?;
    }
    Ok(())
}

/// Writes the revisions of `reference` as the JSON document of schema
/// [`wire::HISTORY_SCHEMA`].
pub fn json(out: &mut dyn Write, reference: &str, revisions: &[Revision]) -> io::Result<()> {
    json_document(
        out,
        &wire::History {
            schema: wire::HISTORY_SCHEMA,
            reference,
            revisions: revisions.iter().map(wire::Revision::from).collect(),
        },
    )
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
