//! What a fetch did, symbol by symbol: progress, each symbol's result, the summary.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Symbol;

/// Where a fetch is, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum FetchProgress<'a> {
    /// About to ask for `symbol`; `done` symbols are finished.
    Symbol {
        done: usize,
        total: usize,
        symbol: &'a Symbol,
    },
    /// `symbol` is finished (written, unchanged or failed).
    Finished {
        done: usize,
        total: usize,
        outcome: &'a SymbolFetch,
    },
}

/// What became of one symbol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SymbolFetch {
    pub symbol: Symbol,
    /// The source's code for it, when it has one.
    pub code: Option<String>,
    #[serde(flatten)]
    pub result: FetchResult,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum FetchResult {
    /// Written (or already identical): what changed.
    Ok(Fetched),
    /// Nothing written; the cached file is byte-identical.
    Failed { reason: String },
    /// Not asked: the fetch was cancelled (Ctrl-C) before this symbol.
    #[serde(rename = "not fetched")]
    NotFetched,
    /// Not asked: the source was unreachable on the symbols before this
    /// one (`source unreachable (…)`); the file is untouched.
    #[serde(rename = "not fetched")]
    Abandoned { reason: String },
}

/// Symbols in a row whose source was unreachable, after which a fetch
/// stops asking: a dead source costs two symbols' timeouts, not hours.
pub const UNREACHABLE_IN_A_ROW: usize = 2;

/// What a fetch did to one symbol's file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fetched {
    /// Fetched rows on dates the cache did not have.
    pub added: usize,
    /// Fetched rows on dates the cache had (the fetched row wins).
    pub replaced: usize,
    /// Cached rows gone because the history was replaced whole.
    pub dropped: usize,
    /// First and last fetched date.
    pub fetched: (NaiveDate, NaiveDate),
    /// First and last date in the cache after the fetch.
    pub cached: (NaiveDate, NaiveDate),
    pub rows_after: usize,
    /// The cache held demo prices, dropped whole.
    pub replaced_demo: bool,
    /// Why the whole history was re-fetched and replaced, when it was.
    pub rebased: Option<String>,
    /// Days the source listed without a price (halted), passed over.
    pub skipped: usize,
    /// False when the file already held exactly these rows.
    pub written: bool,
    pub notes: Vec<String>,
}

/// What a fetch did, symbol by symbol, in the plan's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FetchSummary {
    pub source: &'static str,
    pub to: NaiveDate,
    pub symbols: Vec<SymbolFetch>,
    /// Stopped by the cancel flag (Ctrl-C) before every symbol was done.
    pub cancelled: bool,
}

impl FetchSummary {
    pub fn failed(&self) -> usize {
        self.symbols
            .iter()
            .filter(|s| matches!(s.result, FetchResult::Failed { .. }))
            .count()
    }

    /// Symbols not asked: after a cancel, or once the source was unreachable.
    pub fn not_fetched(&self) -> usize {
        self.symbols
            .iter()
            .filter(|s| {
                matches!(
                    s.result,
                    FetchResult::NotFetched | FetchResult::Abandoned { .. }
                )
            })
            .count()
    }

    /// Why the fetch stopped asking before the end, when the source was unreachable.
    pub fn gave_up(&self) -> Option<&str> {
        self.symbols.iter().find_map(|s| match &s.result {
            FetchResult::Abandoned { reason } => Some(reason.as_str()),
            _ => None,
        })
    }

    /// True when every symbol of the plan was fetched.
    pub fn all_ok(&self) -> bool {
        !self.cancelled && self.failed() == 0 && self.not_fetched() == 0
    }
}
