//! A progress bar on stderr for long work (importing many files, `log`
//! over a large store), drawn only when stderr is a terminal and `--quiet`
//! is off; silent otherwise, so pipes, logs and CI see nothing of it.
//!
//! Hand-rolled rather than a dependency: one line redrawn in place at most
//! ten times a second, and only once the work has run for a moment, so
//! quick commands never flicker.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long work runs before the bar shows.
const DELAY: Duration = Duration::from_millis(200);
/// The least time between two redraws.
const INTERVAL: Duration = Duration::from_millis(100);
/// The width of the bar itself, in characters.
const WIDTH: usize = 30;

/// A progress bar; every method is a no-op when it is disabled.
pub struct Progress {
    label: &'static str,
    state: Option<Mutex<State>>,
}

struct State {
    done: usize,
    total: usize,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    /// A bar for `total` steps, shown only if `enabled` and stderr is a
    /// terminal (and `TERM` is not `dumb`).
    pub fn new(label: &'static str, total: usize, enabled: bool) -> Progress {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        let on = enabled && !dumb && io::stderr().is_terminal();
        Progress {
            label,
            state: on.then(|| {
                Mutex::new(State {
                    done: 0,
                    total,
                    started: Instant::now(),
                    drawn: None,
                })
            }),
        }
    }

    /// Records that `done` of the steps are finished (from any thread).
    pub fn set(&self, done: usize) {
        self.advance(|_| done);
    }

    /// Sets the number of steps, for work that learns it late.
    pub fn set_total(&self, total: usize) {
        let Some(state) = &self.state else { return };
        if let Ok(mut s) = state.lock() {
            s.total = total;
        }
    }

    /// Records one more finished step (from any thread).
    pub fn inc(&self) {
        self.advance(|done| done + 1);
    }

    /// Updates the count and redraws when due.
    fn advance(&self, f: impl FnOnce(usize) -> usize) {
        let Some(state) = &self.state else { return };
        let Ok(mut s) = state.lock() else { return };
        s.done = f(s.done).min(s.total);
        let now = Instant::now();
        let due = now.duration_since(s.started) >= DELAY
            && s.drawn.is_none_or(|t| now.duration_since(t) >= INTERVAL);
        if due {
            s.drawn = Some(now);
            draw(self.label, s.done, s.total);
        }
    }

    /// Clears the bar's line, if it was drawn.
    pub fn finish(&self) {
        let Some(state) = &self.state else { return };
        if let Ok(mut s) = state.lock()
            && s.drawn.take().is_some()
        {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
        self.state = None;
    }
}

/// `label [=========>          ] 12/40`, redrawn in place.
fn draw(label: &str, done: usize, total: usize) {
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let bar: String = (0..WIDTH)
        .map(|i| match i.cmp(&filled) {
            std::cmp::Ordering::Less => '=',
            std::cmp::Ordering::Equal => '>',
            std::cmp::Ordering::Greater => ' ',
        })
        .collect();
    let mut err = io::stderr().lock();
    let _ = write!(err, "\r\x1b[2K{label} [{bar}] {done}/{total}");
    let _ = err.flush();
}
