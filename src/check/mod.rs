//! Policy checks on a draft: what a new draft did to an agreed baseline,
//! judged by a policy, as a list of [`Finding`]s.
//!
//! ```text
//! Policy (TOML, policy.rs) ─┐
//! baseline, draft, Diff ────┴─► rules.rs ─► Vec<Finding> ─► report::check (text | github | json)
//! ```
//!
//! The rules read the [`Diff`](crate::diff::Diff) that
//! [`analyze::compare`](crate::analyze::compare) makes of the two statements,
//! and the statements themselves; phrases are matched through
//! [`normalize::key`](crate::normalize::key), so that quotes, dashes, spaces
//! and case count as they count everywhere else. Nothing here prints or
//! reads files: the CLI reads the policy and the statements, and a report
//! writes the findings. [`locate`] finds each sentence's line in its source
//! file, for annotations.
//!
//! ```
//! use communique::check::{Policy, Rule, Severity, check};
//! use communique::{Options, Statement, compare};
//!
//! let base = Statement::from_bytes(b"The Ministers committed to act.\n\nThey met in Rome.", None, "base")?;
//! let draft = Statement::from_bytes(b"The Ministers may consider acting.\n\nThey met in Rome.", None, "draft")?;
//! let diff = compare(&base, &draft, &Options::named("base", "draft"));
//! let findings = check(&base, &draft, &diff, &Policy::default());
//! assert_eq!(findings[0].rule, Rule::CommitmentRemoved);
//! assert_eq!(findings[0].severity, Severity::Error);
//! # Ok::<(), communique::import::ImportError>(())
//! ```

pub mod locate;
pub mod policy;
mod rules;

use crate::statement::Location;

pub use policy::{Phrase, Policy, PolicyError, Protected, Waiver};
pub use rules::{QUOTE_MAX, check};

/// How much a finding matters. Only errors fail a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (a bracket closed since the baseline).
    Notice,
    /// Worth a look; does not fail the check.
    Warning,
    /// Against the policy: the check fails.
    Error,
}

impl Severity {
    /// The lower-case name used in policies, reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule of the check, named in policies and reports by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// A commitment of the baseline is gone (the sentence, or its binding force).
    CommitmentRemoved,
    /// A commitment of the baseline is weaker in the draft.
    CommitmentWeakened,
    /// A protected sentence or phrase is not in the draft verbatim.
    Protected,
    /// A required phrase is missing from the draft.
    RequiredPhrase,
    /// A forbidden phrase is in the draft.
    ForbiddenPhrase,
    /// Square brackets: opened, closed, left in a final draft, unbalanced.
    Brackets,
    /// Too few baseline sentences kept.
    Retention,
}

impl Rule {
    /// Every rule, in the order documentation lists them.
    pub const ALL: [Rule; 7] = [
        Rule::CommitmentRemoved,
        Rule::CommitmentWeakened,
        Rule::Protected,
        Rule::RequiredPhrase,
        Rule::ForbiddenPhrase,
        Rule::Brackets,
        Rule::Retention,
    ];

    /// The rule's id: `commitment-removed`, `brackets` …
    pub fn id(self) -> &'static str {
        match self {
            Rule::CommitmentRemoved => "commitment-removed",
            Rule::CommitmentWeakened => "commitment-weakened",
            Rule::Protected => "protected",
            Rule::RequiredPhrase => "required-phrase",
            Rule::ForbiddenPhrase => "forbidden-phrase",
            Rule::Brackets => "brackets",
            Rule::Retention => "retention",
        }
    }

    /// The severity a rule has when the policy does not set one: warning for
    /// `retention`, error for every other rule.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::Retention => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Where a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// A sentence of the draft.
    Draft {
        /// The sentence's location in the draft.
        location: Location,
    },
    /// A sentence of the baseline with no counterpart in the draft.
    Baseline {
        /// The sentence's location in the baseline.
        location: Location,
        /// The draft sentence the removed one stood after, if any: where an
        /// annotation on the draft can point.
        after: Option<Location>,
    },
    /// The draft as a whole.
    Document,
}

impl Place {
    /// The draft sentence an annotation should point at, if any.
    pub fn draft_location(&self) -> Option<Location> {
        match *self {
            Place::Draft { location } => Some(location),
            Place::Baseline { after, .. } => after,
            Place::Document => None,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Draft { location } => write!(f, "{location}"),
            Place::Baseline { location, .. } => write!(f, "baseline {location}"),
            Place::Document => f.write_str("document"),
        }
    }
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// How much it matters, as the policy sets it.
    pub severity: Severity,
    /// The sentence (or the document) it is about.
    pub location: Place,
    /// The sentence's text: the draft's, or the baseline's for a sentence
    /// the draft dropped; `None` for findings about the whole document.
    /// A sentence longer than [`QUOTE_MAX`] bytes is cut there and
    /// ends with "…" (no real sentence comes near it).
    pub sentence: Option<String>,
    /// What is wrong, in one line.
    pub message: String,
}

/// How many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity notice.
    pub notices: usize,
}

impl Counts {
    /// Counts `findings` by severity.
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Notice => c.notices += 1,
            }
        }
        c
    }

    /// Adds another count to this one.
    pub fn add(&mut self, other: Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notices += other.notices;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, one: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {one}s")
            }
        };
        write!(
            f,
            "{}, {}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notices, "notice")
        )
    }
}
