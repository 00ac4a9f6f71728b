//! The report options the commands share: which format, and which of the
//! format-independent [`ReportOptions`] a format can honour. The
//! configuration (`config.rs`) and the commands both read these, so they
//! live here rather than in one command.

use anyhow::{Result, bail};
use clap::ValueEnum;

use communique::report::{ReportOptions, Theme};

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people at a terminal: colored redline when stdout is a terminal.
    Terminal,
    /// For a pull request or a briefing note.
    Markdown,
    /// For scripts: schema communique.diff/1.
    Json,
    /// One self-contained page to mail or attach: summary, commitments, then
    /// the whole statement as an inline redline or side by side (so
    /// --context does not apply).
    Html,
}

impl ReportFormat {
    /// The name as typed after `--format`.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Terminal => "terminal",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Json => "json",
            ReportFormat::Html => "html",
        }
    }
}

/// Parts of the report `--only` can keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Only {
    /// The commitments that were added, removed, reworded, strengthened or
    /// weakened.
    Commitments,
}

/// What the command line asked of the report, before it is checked
/// against the format.
#[derive(Clone, Copy, Debug)]
pub struct Requested {
    /// The format the report is written in.
    pub format: ReportFormat,
    /// `--context N` as typed on the command line, if it was.
    pub context_flag: Option<usize>,
    /// The context from the configuration, used when there is no flag.
    pub context: usize,
    /// `--stat`: the summary only, so `--only` and a typed `--context`
    /// (which choose among the entries) are refused with it.
    pub stat: bool,
    /// `--only`.
    pub only: Option<Only>,
    /// `--digest`: the digest only, so `--stat`, `--only` and a typed
    /// `--context` are refused with it.
    pub digest: bool,
    /// `--by-section`: the entries grouped by section, so it is refused
    /// where no entry is listed (`--stat`, `--digest`, `--only`) and with
    /// JSON, whose entries carry their section.
    pub by_section: bool,
}

/// The options for the writer of `requested.format`, or an error naming
/// the flag that format (or `--stat`) cannot honour. Only a flag typed on this command
/// line is refused: a configured context is a default for the terminal
/// report and is not an error in other formats.
pub fn report_options(requested: &Requested, theme: Theme) -> Result<ReportOptions> {
    let format = requested.format;
    if requested.context_flag.is_some() && format != ReportFormat::Terminal {
        bail!(
            "--context applies to the terminal report only ({} has no unchanged sentences to show around a change); drop it, or use --format terminal",
            format.name()
        );
    }
    if requested.stat {
        if let Some(Only::Commitments) = requested.only {
            bail!(
                "--stat prints only the summary, which already counts the commitments; drop --only commitments, or --stat"
            );
        }
        if requested.context_flag.is_some() {
            bail!(
                "--stat prints only the summary, with no change to show context around; drop --context, or --stat"
            );
        }
    }
    if requested.digest {
        if requested.stat {
            bail!(
                "--digest prints the digest, which ends with the counts that --stat prints; drop one of them"
            );
        }
        if requested.only.is_some() {
            bail!(
                "--digest prints only the digest, which already ranks the commitment changes; drop --only commitments, or --digest"
            );
        }
        if requested.context_flag.is_some() {
            bail!(
                "--digest prints only the digest, with no sentence to show context around; drop --context, or --digest"
            );
        }
    }
    if requested.by_section {
        let refused = if format == ReportFormat::Json {
            Some(
                "--by-section groups the entries of a report for reading; JSON entries carry their `section` already: drop --by-section, or use another --format",
            )
        } else if requested.stat {
            Some(
                "--stat prints only the summary, with no entry to group; drop --by-section, or --stat",
            )
        } else if requested.digest {
            Some(
                "--digest prints only the digest, with no entry to group (it counts by section already); drop --by-section, or --digest",
            )
        } else if requested.only.is_some() {
            Some(
                "--only commitments lists the commitments ranked, not by section; drop --by-section, or --only",
            )
        } else {
            None
        };
        if let Some(message) = refused {
            bail!("{message}");
        }
    }
    Ok(ReportOptions::default()
        .with_by_section(requested.by_section)
        .with_digest_only(requested.digest)
        .with_context(requested.context_flag.unwrap_or(requested.context))
        .with_stat(requested.stat)
        .with_theme(theme)
        .with_only_commitments(requested.only == Some(Only::Commitments)))
}

/// A `--threshold` value: a number from 0 to 1.
pub fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}
