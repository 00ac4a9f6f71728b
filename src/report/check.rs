//! Findings → bytes: the reports of `communique check`, in three formats.
//!
//! - **text**, for people: one block per finding, a summary line per draft;
//! - **github**, workflow commands that GitHub Actions turns into
//!   annotations on the pull request's files:
//!   `::error file=statements/x.txt,line=23,title=commitment-weakened::¶3.1 …`;
//! - **json**, schema `communique.check/1` (see `docs/policy.md`):
//!
//! ```json
//! {"schema": "communique.check/1",
//!  "summary": {"errors": 1, "warnings": 0, "notices": 2},
//!  "checks": [{"draft": {"ref": "…", "title": "…", "date": "…"}, "baseline": {…},
//!              "file": "statements/…/….txt", "summary": {…},
//!              "findings": [{"rule": "commitment-weakened", "severity": "error",
//!                            "location": {"side": "draft", "paragraph": 3, "sentence": 1},
//!                            "line": 23, "sentence": "…", "message": "…"}]}]}
//! ```

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::check::{Counts, Finding, Place, Severity};
use crate::diff::DocumentInfo;
use crate::normalize::controls::visible;
use crate::statement::Location;

use super::{json_document, wire};

/// The schema name and version of the check JSON.
pub const SCHEMA: &str = wire::CHECK_SCHEMA;

/// One draft's check, as the reports show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckedDraft {
    /// The draft.
    pub draft: DocumentInfo,
    /// The baseline it was checked against.
    pub baseline: DocumentInfo,
    /// The draft's file as annotations name it (a path from the
    /// repository's root), if it has one.
    pub file: Option<String>,
    /// The line of each draft sentence in `file`, where known (sentence
    /// files, plain text and Markdown).
    pub lines: BTreeMap<Location, usize>,
    /// What the check found, in the draft's order.
    pub findings: Vec<Finding>,
}

impl CheckedDraft {
    /// The line of the draft a finding points at, if known.
    pub fn line(&self, finding: &Finding) -> Option<usize> {
        finding
            .location
            .draft_location()
            .and_then(|l| self.lines.get(&l).copied())
    }

    /// The findings, counted by severity.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.findings)
    }
}

/// The findings of every draft, counted by severity.
pub fn total(checks: &[CheckedDraft]) -> Counts {
    let mut c = Counts::default();
    for check in checks {
        c.add(check.counts());
    }
    c
}

/// Writes the report for people.
pub fn write_text(out: &mut dyn Write, checks: &[CheckedDraft]) -> io::Result<()> {
    for check in checks {
        writeln!(
            out,
            "{} against {}",
            check.draft.reference, check.baseline.reference
        )?;
        for f in &check.findings {
            let after = matches!(f.location, Place::Baseline { .. });
            let line = match check.line(f) {
                Some(l) if after => format!(" (after line {l})"),
                Some(l) => format!(" (line {l})"),
                None => String::new(),
            };
            writeln!(
                out,
                "  {:<7} {} {}{line}: {}",
                f.severity.name(),
                f.rule.id(),
                f.location,
                f.message
            )?;
            if let Some(sentence) = &f.sentence {
                writeln!(out, "          {sentence}")?;
            }
        }
        writeln!(out, "{}: {}", check.draft.reference, check.counts())?;
    }
    Ok(())
}

/// Escapes the message of a workflow command (or any text on a line
/// GitHub reads for commands) by GitHub's rules, so that no name or
/// message can end the line and start a command of its own
/// (`\n::add-mask::…`); and makes every other control character
/// [`visible`], since the workflow log interprets terminal escapes.
fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    visible(&s).into_owned()
}

/// Escapes a property (`file`, `title`) of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command for one finding.
pub fn github_line(check: &CheckedDraft, finding: &Finding) -> String {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "notice",
    };
    let mut properties = Vec::new();
    if let Some(file) = &check.file {
        properties.push(format!("file={}", escape_property(file)));
        if let Some(line) = check.line(finding) {
            properties.push(format!("line={line}"));
        }
    }
    properties.push(format!("title={}", escape_property(finding.rule.id())));
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&format!("{} {}", finding.location, finding.message))
    )
}

/// Writes GitHub Actions workflow commands, one per finding, and a plain
/// summary line per draft.
pub fn write_github(out: &mut dyn Write, checks: &[CheckedDraft]) -> io::Result<()> {
    for check in checks {
        for f in &check.findings {
            writeln!(out, "{}", github_line(check, f))?;
        }
        // Not a command, but a line GitHub reads: escaped as data.
        writeln!(
            out,
            "communique check: {} against {}: {}",
            escape_data(&check.draft.reference),
            escape_data(&check.baseline.reference),
            check.counts()
        )?;
    }
    Ok(())
}

/// Writes the checks as one pretty-printed JSON document and a newline.
pub fn write_json(out: &mut dyn Write, checks: &[CheckedDraft]) -> io::Result<()> {
    let wire = wire::Check {
        schema: SCHEMA,
        summary: total(checks).into(),
        checks: checks
            .iter()
            .map(|check| wire::DraftCheck {
                draft: (&check.draft).into(),
                baseline: (&check.baseline).into(),
                file: check.file.as_deref(),
                summary: check.counts().into(),
                findings: check
                    .findings
                    .iter()
                    .map(|f| wire::CheckFinding {
                        rule: f.rule.id(),
                        severity: f.severity.name(),
                        location: (&f.location).into(),
                        line: check.line(f),
                        sentence: f.sentence.as_deref(),
                        message: &f.message,
                    })
                    .collect(),
            })
            .collect(),
    };
    json_document(out, &wire)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Rule;

    fn sample() -> CheckedDraft {
        let location = Location {
            paragraph: 3,
            sentence: 1,
        };
        CheckedDraft {
            draft: DocumentInfo {
                reference: "d.txt".into(),
                ..DocumentInfo::default()
            },
            baseline: DocumentInfo {
                reference: "b.txt".into(),
                ..DocumentInfo::default()
            },
            file: Some("statements/a,b:c.txt".into()),
            lines: BTreeMap::from([(location, 23)]),
            findings: vec![
                Finding {
                    rule: Rule::CommitmentWeakened,
                    severity: Severity::Error,
                    location: Place::Draft { location },
                    sentence: Some("S.".into()),
                    message: "commitment weakened: 100%\nx".into(),
                },
                Finding {
                    rule: Rule::Retention,
                    severity: Severity::Warning,
                    location: Place::Document,
                    sentence: None,
                    message: "low".into(),
                },
            ],
        }
    }

    #[test]
    fn github_commands_escape_and_point_at_lines() {
        let c = sample();
        assert_eq!(
            github_line(&c, &c.findings[0]),
            "::error file=statements/a%2Cb%3Ac.txt,line=23,title=commitment-weakened::¶3.1 commitment weakened: 100%25%0Ax"
        );
        assert_eq!(
            github_line(&c, &c.findings[1]),
            "::warning file=statements/a%2Cb%3Ac.txt,title=retention::document low"
        );
    }

    #[test]
    fn no_name_can_start_a_workflow_command() {
        let mut c = sample();
        c.draft.reference = "d\n::add-mask::x\r\n::error::\u{1b}[2Jpwned%0A".into();
        c.file = Some("f\n::error::y".into());
        let mut buf = Vec::new();
        write_github(&mut buf, &[c]).expect("writes");
        let text = String::from_utf8(buf).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].starts_with("::error file=f%0A%3A%3Aerror%3A%3Ay,line=23,"),
            "{text}"
        );
        assert!(lines[1].starts_with("::warning file=f%0A"), "{text}");
        assert_eq!(
            lines[2],
            "communique check: d%0A::add-mask::x%0D%0A::error::\\u{1b}[2Jpwned%250A against b.txt: 1 error, 1 warning, 0 notices"
        );
    }

    #[test]
    fn json_has_the_schema_and_lines() {
        let mut buf = Vec::new();
        write_json(&mut buf, &[sample()]).expect("writes");
        let v: serde_json::Value = serde_json::from_slice(&buf).expect("json");
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["summary"]["errors"], 1);
        let f = &v["checks"][0]["findings"][0];
        assert_eq!(f["line"], 23);
        assert_eq!(f["location"]["side"], "draft");
        assert_eq!(f["location"]["paragraph"], 3);
        assert_eq!(
            v["checks"][0]["findings"][1]["location"]["side"],
            "document"
        );
        assert_eq!(v["checks"][0]["draft"]["ref"], "d.txt");
    }
}
