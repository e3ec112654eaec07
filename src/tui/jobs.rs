//! The worker's vocabulary: slow work as a [`Job`], each carried out by one
//! function that reports progress and stops when asked. To add a job: a
//! variant here, its label and units, one function, one line in [`run`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use super::event::Event;
use super::export::{self, Export};
use super::outcome::{JobError, JobId, JobReport, Outcome};
use crate::domain::{PriceBook, Symbol};
use crate::store::fetch::{self, FetchPlan, FetchProgress, FetchSummary, Source, SourceKind};
use crate::store::import::{self, ImportOptions};
use crate::store::{Store, demo};

/// Slow work for the worker thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Load these symbols' prices from the cache (the first frame's, or
    /// members new to the book); answers [`JobReport::PricesLoaded`].
    LoadPrices(Vec<Symbol>),
    /// Fetch these symbols' prices from a web source into the cache, as
    /// `spillover fetch` does; answers [`JobReport::Fetched`].
    Fetch {
        symbols: Vec<Symbol>,
        source: SourceKind,
    },
    /// Draw a figure of the focused pane and write it (`x`, `:export`);
    /// answers [`JobReport::Exported`].
    Export(Box<Export>),
    /// Import price files (and folders of them) into the cache, all or
    /// nothing, as `spillover import` does (`:import`); answers
    /// [`JobReport::Imported`].
    Import {
        sources: Vec<import::Source>,
        options: ImportOptions,
    },
    /// Delete every demo price file, as `spillover demo --remove` does
    /// (`:demo remove`); answers [`JobReport::DemoRemoved`].
    RemoveDemo,
}

/// What kind of work a [`Job`] is (the state asks "is a fetch running?").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    LoadPrices,
    Fetch,
    Export,
    Import,
    RemoveDemo,
}

impl Job {
    /// What the status bar says while the job runs.
    pub fn label(&self) -> String {
        match self {
            Job::LoadPrices(symbols) => format!("loading {} symbols", symbols.len()),
            Job::Fetch { symbols, source } => {
                format!("fetching {} symbols from {}", symbols.len(), source.name())
            }
            Job::Export(export) => format!("exporting the {} figure", export.view),
            Job::Import { sources, .. } => match sources.as_slice() {
                [one] => format!("importing {}", file_name(&one.path)),
                many => format!("importing {} files", many.len()),
            },
            Job::RemoveDemo => "removing the demo prices".to_string(),
        }
    }

    pub fn kind(&self) -> JobKind {
        match self {
            Job::LoadPrices(_) => JobKind::LoadPrices,
            Job::Fetch { .. } => JobKind::Fetch,
            Job::Export(_) => JobKind::Export,
            Job::Import { .. } => JobKind::Import,
            Job::RemoveDemo => JobKind::RemoveDemo,
        }
    }

    /// The symbols whose prices the job brings into the book (none is asked
    /// for twice); a fetch writes files, and its written symbols are loaded after.
    pub fn symbols(&self) -> &[Symbol] {
        match self {
            Job::LoadPrices(symbols) => symbols,
            Job::Fetch { .. } | Job::Export(_) | Job::Import { .. } | Job::RemoveDemo => &[],
        }
    }

    /// How many units of work it has (the `total` of its progress).
    pub fn units(&self) -> usize {
        match self {
            Job::LoadPrices(symbols) | Job::Fetch { symbols, .. } => symbols.len(),
            Job::Export(_) | Job::RemoveDemo => 1,
            Job::Import { sources, .. } => sources.len(),
        }
    }
}

/// What a running job may use: the cancel flag, checked between units of
/// work (a quit sets it), and a way to report progress.
#[derive(Debug, Clone)]
pub struct JobContext {
    cancel: Arc<AtomicBool>,
    progress: Option<Sender<Event>>,
    /// The job's id, which its reports carry.
    id: JobId,
}

impl JobContext {
    /// A job in the worker: progress goes to the run loop's channel.
    pub fn new(cancel: Arc<AtomicBool>, progress: Sender<Event>) -> JobContext {
        JobContext {
            cancel,
            progress: Some(progress),
            id: JobId(0),
        }
    }

    /// The context of the job `id`: its reports carry that id.
    pub fn for_job(&self, id: JobId) -> JobContext {
        JobContext { id, ..self.clone() }
    }

    /// The id of the job this context runs.
    pub fn id(&self) -> JobId {
        self.id
    }

    /// A job run where it is asked for (tests, headless): never cancelled,
    /// progress unreported.
    pub fn inline() -> JobContext {
        JobContext {
            cancel: Arc::new(AtomicBool::new(false)),
            progress: None,
            id: JobId(0),
        }
    }

    /// True once the session is quitting: stop before the next unit, and
    /// leave nothing half-written (a unit's writes are atomic).
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The flag itself, for library code that takes one (the fetch engine).
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// `done` of `total` units are done.
    pub fn progress(&self, done: usize, total: usize) {
        self.send(JobReport::Progress { done, total });
    }

    /// Tells the run loop how the job is getting on, in the job's own terms.
    pub fn send(&self, report: JobReport) {
        if let Some(progress) = &self.progress {
            // The loop may have quit: then nobody needs to know.
            let _ = progress.send(Event::Done(Outcome::Job(self.id, report)));
        }
    }
}

/// Carries out `job` on `store`; `None` when it was cancelled.
pub fn run(store: &Store, job: Job, context: &JobContext) -> Option<JobReport> {
    match job {
        Job::LoadPrices(symbols) => {
            load_prices(store, &symbols, context).map(JobReport::PricesLoaded)
        }
        Job::Fetch { symbols, source } => match source.open() {
            Ok(opened) => fetch_from(store, &symbols, opened.as_ref(), context)
                .map(|summary| JobReport::Fetched(Ok(summary))),
            Err(no_token) => Some(JobReport::Fetched(Err(no_token.into()))),
        },
        Job::Export(export) => Some(JobReport::Exported(
            export::write(store, &export).map_err(JobError::from),
        )),
        Job::Import { sources, options } => import_into(store, sources, &options, context),
        Job::RemoveDemo => Some(JobReport::DemoRemoved(
            demo::remove_demo(store).map_err(JobError::from),
        )),
    }
}

/// Imports `sources` (a folder stands for its price files) into `store`,
/// all or nothing, counting files read; `None` when a quit stopped it
/// (between files, before anything was written).
pub fn import_into(
    store: &Store,
    sources: Vec<import::Source>,
    options: &ImportOptions,
    context: &JobContext,
) -> Option<JobReport> {
    let result = import::expand_folders(sources).and_then(|sources| {
        import::import_sources(store, &sources, options, &mut |done, total| {
            context.progress(done, total);
            if context.cancelled() {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        })
    });
    match result {
        Err(import::ImportError::Cancelled) => None,
        other => Some(JobReport::Imported(other.map_err(JobError::from))),
    }
}

/// The last part of `path`, for a status bar.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Fetches `symbols` from `source` into `store` with the rules of
/// `spillover fetch` (incremental up to today, each file written
/// atomically), telling the loop which symbol is under way. `None` when a
/// quit stopped it: it stops between symbols and the loop is gone.
pub fn fetch_from(
    store: &Store,
    symbols: &[Symbol],
    source: &dyn Source,
    context: &JobContext,
) -> Option<FetchSummary> {
    let plan = FetchPlan::incremental(symbols.to_vec(), chrono::Local::now().date_naive());
    let mut on_progress = |event: FetchProgress| {
        if let FetchProgress::Symbol {
            done,
            total,
            symbol,
        } = event
        {
            context.send(JobReport::Fetching {
                done,
                total,
                symbol: symbol.clone(),
            });
        }
    };
    let summary = fetch::fetch(
        store,
        &plan,
        source,
        &mut on_progress,
        context.cancel_flag(),
    );
    (!summary.cancelled).then_some(summary)
}

/// Loads prices a symbol at a time (a unit of work), so a quit stops it
/// between files and the bar can count.
pub fn load_prices(store: &Store, symbols: &[Symbol], context: &JobContext) -> Option<PriceBook> {
    let mut book = PriceBook::default();
    for (i, symbol) in symbols.iter().enumerate() {
        if context.cancelled() {
            return None;
        }
        let one = store.load_prices([symbol]);
        book.series.extend(one.series);
        book.problems.extend(one.problems);
        context.progress(i + 1, symbols.len());
    }
    tracing::info!(symbols = book.series.len(), "prices loaded");
    Some(book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_import_writes_nothing() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::open(dir.path()).expect("a store");
        let file = dir.path().join("AAPL.US.csv");
        std::fs::write(&file, "Date,Close\n2025-01-02,243.85\n").expect("a file");
        let source = import::Source {
            path: file,
            symbol: None,
        };
        let context = JobContext::inline();
        context.cancel.store(true, Ordering::Relaxed);
        let outcome = import_into(
            &store,
            vec![source.clone()],
            &ImportOptions::default(),
            &context,
        );
        assert!(outcome.is_none());
        assert!(store.cached_symbols().0.is_empty(), "nothing was written");
        // Not cancelled, the same import goes through.
        let context = JobContext::inline();
        let outcome = import_into(&store, vec![source], &ImportOptions::default(), &context);
        assert!(matches!(outcome, Some(JobReport::Imported(Ok(_)))));
        assert_eq!(store.cached_symbols().0.len(), 1);
    }

    #[test]
    fn a_cancelled_load_stops_before_its_next_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::open(dir.path()).expect("a store");
        crate::store::demo::install(&store).expect("the demo installs");
        let symbols = store.cached_symbols().0;
        assert!(symbols.len() > 2, "the demo has prices");
        let context = JobContext::inline();
        let book = load_prices(&store, &symbols, &context).expect("not cancelled");
        assert_eq!(book.series.len(), symbols.len());
        context.cancel.store(true, Ordering::Relaxed);
        assert!(load_prices(&store, &symbols, &context).is_none());
    }
}
