//! What became of an [`Effect`](super::effect::Effect): reported by the
//! run loop or the worker and applied by [`update`](super::update::update),
//! like a key press.

use super::overlay::conflict::ConflictPrompt;
use crate::domain::edit::Library;
use crate::domain::{PriceBook, Symbol};
use std::sync::Arc;

use super::export::ExportError;
use crate::store::demo::{DemoError, Removed};
use crate::store::fetch::{FetchSummary, NoToken};
use crate::store::import::{ImportError, ImportSummary};

/// The result (or progress) of something `update` asked for.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The edit's save wrote these files (as the user names them; empty
    /// in a session without a disk).
    Saved { files: String },
    /// The save found a file changed outside: nothing written; the screen
    /// goes back to `before` and the prompt asks.
    SaveConflicted {
        before: Library,
        prompt: ConflictPrompt,
    },
    /// The save wrote nothing: the screen goes back to `before`.
    SaveFailed { before: Library, error: String },
    /// The save failed after writing some files: the screen takes the
    /// files as they are now on disk.
    SavePartlyFailed { on_disk: Library, error: String },
    /// "Keep mine" wrote `after`.
    KeptMine {
        after: Library,
        label: Option<String>,
        files: String,
    },
    /// "Keep mine" could not write.
    KeepMineFailed { error: String },
    /// "Reload theirs" read the library from disk; `problems` are files
    /// that did not load.
    Reloaded {
        library: Library,
        problems: Vec<String>,
    },
    /// While idle, files were found changed outside spillover.
    OutsideChange(ConflictPrompt),
    /// What the job `JobId` reports: its progress or its result.
    Job(JobId, JobReport),
}

/// The id of a job sent to the worker: its progress and result carry it
/// back, so the state ends the job they name (never by queue order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub u64);

/// What a job reports, by its [`JobId`].
#[derive(Debug, Clone)]
pub enum JobReport {
    /// The job has done `done` of its `total` units.
    Progress { done: usize, total: usize },
    /// The job loaded these prices.
    PricesLoaded(PriceBook),
    /// The fetch has finished `done` of `total` symbols and is
    /// asking for `symbol`.
    Fetching {
        done: usize,
        total: usize,
        symbol: Symbol,
    },
    /// The fetch has finished: what became of each symbol, or why
    /// it could not start (e.g. Tushare without a token).
    Fetched(Result<FetchSummary, JobError>),
    /// The export under way wrote its files (the message names them), or
    /// why it could not.
    Exported(Result<String, JobError>),
    /// The import under way committed every file (what it did to each
    /// symbol), or why nothing was imported.
    Imported(Result<ImportSummary, JobError>),
    /// `:demo remove` deleted these demo price files, or why it could not.
    DemoRemoved(Result<Removed, JobError>),
}

/// Why a job did nothing: the typed error of the fetch, import or export
/// it ran (its text is what the message line says).
#[derive(Debug, Clone, thiserror::Error)]
pub enum JobError {
    /// The fetch's source cannot start.
    #[error(transparent)]
    NoToken(#[from] NoToken),
    /// The import refused: the first problem found, nothing written.
    #[error(transparent)]
    Import(Arc<ImportError>),
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Removing the demo prices stopped at a file it could not delete.
    #[error(transparent)]
    Demo(Arc<DemoError>),
    /// A session without a data dir (tests of the screen) has nowhere to
    /// fetch, import or export into.
    #[error("this session has no data dir to {0} into")]
    NoDataDir(&'static str),
}

impl From<DemoError> for JobError {
    fn from(error: DemoError) -> JobError {
        JobError::Demo(Arc::new(error))
    }
}

impl From<ImportError> for JobError {
    fn from(error: ImportError) -> JobError {
        JobError::Import(Arc::new(error))
    }
}
