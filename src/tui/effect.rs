//! What [`update`](super::update::update) asks to be done: the only way
//! the workstation reaches the disk or starts work. Each effect's outcome
//! comes back to `update` as an [`Outcome`](super::outcome::Outcome).

use std::path::PathBuf;

use super::jobs::Job;
use super::outcome::JobId;
use crate::domain::edit::Library;

/// One thing for the run loop to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave the event loop (stopping any job) and restore the terminal.
    Quit,
    /// Write the files that differ between `before` and `after` (the
    /// screen already shows `after`); on failure the state goes back.
    /// Done at once, not by the worker: a few small TOML files written
    /// atomically, and the next edit's `before` must be what is on disk.
    Save {
        label: String,
        before: Library,
        after: Library,
    },
    /// A file changed outside: write `mine` over the changed `paths`.
    /// `on_screen` is what the store last saw; `label` names the pending
    /// edit this saves, if any.
    KeepMine {
        on_screen: Library,
        mine: Library,
        paths: Vec<PathBuf>,
        label: Option<String>,
    },
    /// A file changed outside: load the library from disk.
    Reload,
    /// While idle: look for user files changed outside spillover.
    LookOutside,
    /// Slow work for the worker thread (loading prices, later fetching,
    /// importing, exporting figures): its progress and result come back
    /// as outcomes carrying its id while the screen stays live.
    Start(JobId, Job),
}
