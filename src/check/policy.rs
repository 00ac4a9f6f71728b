//! The check policy: which rules apply, how much each matters, and the
//! phrases, protected texts and waivers they read. Written in TOML under a
//! `[check]` table (see `docs/policy.md`), so that it can live in a
//! `communique.toml` beside other tables: tables other than `[check]` are
//! left alone, unknown keys inside `[check]` are refused.
//!
//! ```toml
//! [check]
//! final = false
//! retention-threshold = 0.6
//!
//! [check.severity]
//! forbidden-phrase = "warning"
//!
//! [[check.forbidden]]
//! phrase = "ISIL"
//! suggestion = "Daesh/ISIS"
//!
//! [[check.waive]]
//! rule = "commitment-weakened"
//! sentence = "The Ministers reiterated their unwavering commitment to continue close cooperation with and support to the Government of Iraq."
//! reason = "agreed at the March 25 meeting"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Rule, Severity};

/// A policy, read from TOML by [`Policy::parse`]. The default policy runs
/// every rule at its default severity ([`Rule::default_severity`]), with no
/// phrases, no protected texts and no waivers, a retention threshold of 0.5,
/// and treats drafts as not final.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Each rule's severity; `None` turns the rule off. Rules not listed
    /// have their default severity.
    pub severity: BTreeMap<Rule, Option<Severity>>,
    /// Treat every draft as final: brackets left are findings (default
    /// `false`; `--final` does the same for one run).
    pub final_draft: bool,
    /// The share of baseline sentences (0 to 1) a draft must keep, same or
    /// editorially changed, below which `retention` reports (default 0.5).
    pub retention_threshold: f64,
    /// Sentences and phrases that must stay verbatim.
    pub protected: Vec<Protected>,
    /// Phrases the draft must hold.
    pub required: Vec<Phrase>,
    /// Phrases the draft must not hold.
    pub forbidden: Vec<Phrase>,
    /// Findings waived, each for one sentence.
    pub waivers: Vec<Waiver>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            severity: BTreeMap::new(),
            final_draft: false,
            retention_threshold: 0.5,
            protected: Vec::new(),
            required: Vec::new(),
            forbidden: Vec::new(),
            waivers: Vec::new(),
        }
    }
}

/// A protected text: a whole sentence, or a phrase within one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Protected {
    /// A sentence that must be in the draft, verbatim.
    Sentence {
        /// The sentence.
        text: String,
        /// Why it is protected, if the policy says.
        reason: Option<String>,
    },
    /// A phrase that must be in the draft, verbatim.
    Phrase {
        /// The phrase.
        text: String,
        /// Why it is protected, if the policy says.
        reason: Option<String>,
    },
}

/// A required or forbidden phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase, matched on whole words through the comparison key.
    pub phrase: String,
    /// What to write instead (forbidden) or where it belongs (required).
    pub suggestion: Option<String>,
    /// Why, if the policy says.
    pub reason: Option<String>,
}

/// A waiver: one rule silenced for one sentence, with a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiver {
    /// The rule waived.
    pub rule: Rule,
    /// The sentence, as the baseline or the draft writes it.
    pub sentence: String,
    /// Why the finding is accepted.
    pub reason: String,
}

/// Why a policy could not be read: the line and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct PolicyError {
    /// 1-based line of the policy file.
    pub line: usize,
    /// What is wrong, on one line.
    pub message: String,
}

/// The file: only `[check]` is read; other tables belong to other parts of
/// a `communique.toml`.
#[derive(Deserialize)]
struct File {
    #[serde(default)]
    check: Option<Spanned<CheckTable>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CheckTable {
    #[serde(default, rename = "final")]
    final_draft: bool,
    #[serde(default)]
    retention_threshold: Option<Spanned<f64>>,
    #[serde(default)]
    severity: BTreeMap<Rule, Level>,
    #[serde(default)]
    protected: Vec<Spanned<ProtectedEntry>>,
    #[serde(default)]
    required: Vec<Spanned<PhraseEntry>>,
    #[serde(default)]
    forbidden: Vec<Spanned<PhraseEntry>>,
    #[serde(default)]
    waive: Vec<Spanned<WaiverEntry>>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Notice,
    Off,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtectedEntry {
    sentence: Option<String>,
    phrase: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseEntry {
    phrase: String,
    suggestion: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverEntry {
    rule: Rule,
    sentence: String,
    reason: String,
}

impl Policy {
    /// Reads a policy from the text of a TOML file. A file without a
    /// `[check]` table is the default policy.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let file: File = toml::from_str(text).map_err(|e| PolicyError {
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: one_line(e.message()),
        })?;
        let Some(check) = file.check else {
            return Ok(Policy::default());
        };
        let check = check.into_inner();
        let at = |span: std::ops::Range<usize>, message: String| PolicyError {
            line: line_of(text, span.start),
            message,
        };
        let mut policy = Policy {
            final_draft: check.final_draft,
            ..Policy::default()
        };
        if let Some(t) = check.retention_threshold {
            let value = *t.get_ref();
            if !(0.0..=1.0).contains(&value) {
                return Err(at(
                    t.span(),
                    format!("retention-threshold is {value}; give a share from 0 to 1"),
                ));
            }
            policy.retention_threshold = value;
        }
        policy.severity = check
            .severity
            .into_iter()
            .map(|(rule, level)| {
                let severity = match level {
                    Level::Error => Some(Severity::Error),
                    Level::Warning => Some(Severity::Warning),
                    Level::Notice => Some(Severity::Notice),
                    Level::Off => None,
                };
                (rule, severity)
            })
            .collect();
        for entry in check.protected {
            let span = entry.span();
            let e = entry.into_inner();
            let p = match (e.sentence, e.phrase) {
                (Some(text), None) => Protected::Sentence {
                    text,
                    reason: e.reason,
                },
                (None, Some(text)) => Protected::Phrase {
                    text,
                    reason: e.reason,
                },
                _ => {
                    return Err(at(
                        span,
                        "a [[check.protected]] entry needs one of `sentence` or `phrase`".into(),
                    ));
                }
            };
            let (Protected::Sentence { text, .. } | Protected::Phrase { text, .. }) = &p;
            nonempty(text, "protected text").map_err(|m| at(span.clone(), m))?;
            policy.protected.push(p);
        }
        for (entries, into) in [
            (check.required, &mut policy.required),
            (check.forbidden, &mut policy.forbidden),
        ] {
            for entry in entries {
                let span = entry.span();
                let e = entry.into_inner();
                nonempty(&e.phrase, "phrase").map_err(|m| at(span, m))?;
                into.push(Phrase {
                    phrase: e.phrase,
                    suggestion: e.suggestion,
                    reason: e.reason,
                });
            }
        }
        for entry in check.waive {
            let span = entry.span();
            let e = entry.into_inner();
            nonempty(&e.sentence, "the waived sentence").map_err(|m| at(span.clone(), m))?;
            nonempty(&e.reason, "the reason for a waiver").map_err(|m| at(span, m))?;
            policy.waivers.push(Waiver {
                rule: e.rule,
                sentence: e.sentence,
                reason: e.reason,
            });
        }
        Ok(policy)
    }

    /// The severity of `rule` under this policy; `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.severity.get(&rule) {
            Some(set) => *set,
            None => Some(rule.default_severity()),
        }
    }
}

fn nonempty(text: &str, what: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(format!("{what} is empty"))
    } else {
        Ok(())
    }
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_or_other_tables_give_the_default_policy() {
        assert_eq!(Policy::parse(""), Ok(Policy::default()));
        let other = "[diff]\nthreshold = 0.4\n\n[store]\nanything = 1\n";
        assert_eq!(Policy::parse(other), Ok(Policy::default()));
    }

    #[test]
    fn reads_every_part() {
        let text = r#"
[other]
x = 1

[check]
final = true
retention-threshold = 0.75

[check.severity]
forbidden-phrase = "warning"
retention = "off"

[[check.protected]]
sentence = "A whole sentence."
reason = "red line"

[[check.protected]]
phrase = "full respect"

[[check.required]]
phrase = "Daesh/ISIS"

[[check.forbidden]]
phrase = "ISIL"
suggestion = "Daesh/ISIS"

[[check.waive]]
rule = "commitment-weakened"
sentence = "S."
reason = "agreed"
"#;
        let p = Policy::parse(text).expect("valid");
        assert!(p.final_draft);
        assert_eq!(p.retention_threshold, 0.75);
        assert_eq!(p.severity(Rule::ForbiddenPhrase), Some(Severity::Warning));
        assert_eq!(p.severity(Rule::Retention), None);
        assert_eq!(p.severity(Rule::Brackets), Some(Severity::Error));
        assert_eq!(p.protected.len(), 2);
        assert_eq!(p.required[0].phrase, "Daesh/ISIS");
        assert_eq!(p.forbidden[0].suggestion.as_deref(), Some("Daesh/ISIS"));
        assert_eq!(p.waivers[0].rule, Rule::CommitmentWeakened);
    }

    #[test]
    fn errors_name_the_line() {
        let err = |text: &str| Policy::parse(text).expect_err("invalid");
        let e = err("[check]\nfinal = true\nsevere = 1\n");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("severe"), "{e}");
        let e = err("[check.severity]\nbrackets = \"fatal\"\n");
        assert_eq!(e.line, 2, "{e}");
        let e = err("[check.severity]\nno-such-rule = \"error\"\n");
        assert_eq!(e.line, 2, "{e}");
        let e = err("[check]\nretention-threshold = 1.5\n");
        assert_eq!(e.line, 2, "{e}");
        let e = err("[check]\n\n[[check.protected]]\nreason = \"x\"\n");
        assert!((3..=4).contains(&e.line), "{e}");
        let e = err("[[check.waive]]\nrule = \"protected\"\nsentence = \"S.\"\n");
        assert!((1..=3).contains(&e.line), "{e}");
        assert!(e.message.contains("reason"), "{e}");
        let e = err("[check\n");
        assert_eq!(e.line, 1, "{e}");
    }
}
