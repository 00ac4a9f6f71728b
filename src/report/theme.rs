//! Styles by role, not by color: reports say what a piece of text *is*
//! (inserted, deleted, a marker…) and the theme decides how it looks. With
//! color off every role is plain text, and the reports add textual markers
//! (`[-old-]{+new+}`) so they read well without color.

use owo_colors::{OwoColorize, Style};

use crate::normalize::controls::visible;

/// What a piece of report text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Text inserted by the new version.
    Insert,
    /// Text deleted from the old version.
    Delete,
    /// The marker and heading of an added entry.
    Added,
    /// The marker and heading of a removed entry.
    Removed,
    /// The marker and heading of a reworded, split or merged entry.
    Changed,
    /// The marker and heading of a moved entry.
    Moved,
    /// Headers and titles.
    Header,
    /// Locations, similarity and other secondary detail.
    Detail,
}

/// How the terminal report renders roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Theme {
    /// Whether to write ANSI color codes.
    pub color: bool,
}

impl Theme {
    /// A theme that writes color codes.
    pub const COLOR: Theme = Theme { color: true };
    /// A theme that writes plain text.
    pub const PLAIN: Theme = Theme { color: false };

    fn style(role: Role) -> Style {
        let s = Style::new();
        match role {
            Role::Insert => s.green().underline(),
            Role::Delete => s.red().strikethrough(),
            Role::Added => s.green().bold(),
            Role::Removed => s.red().bold(),
            Role::Changed => s.yellow().bold(),
            Role::Moved => s.cyan().bold(),
            Role::Header => s.bold(),
            Role::Detail => s.dimmed(),
        }
    }

    /// `text` styled for `role`, or as it is without color; either way
    /// with its control characters made [`visible`], so that the only
    /// escape sequences written are the theme's own.
    pub fn paint(&self, role: Role, text: &str) -> String {
        let text = visible(text);
        if self.color {
            text.style(Theme::style(role)).to_string()
        } else {
            text.into_owned()
        }
    }
}
