//! Fetching daily prices from web sources (Yahoo, Eastmoney, Tushare) into
//! the cache, symbol by symbol.
//!
//! Each source is one [`Source`]: it maps the cache's symbols to its own
//! codes and returns daily rows; everything else is shared: the window to
//! ask for (incremental with an overlap, or the whole history), the
//! overlap check that catches a re-based adjusted history, the import's
//! checks and commit path, and the per-symbol outcome. A symbol that fails
//! leaves its file byte-identical; the others are still written. Nothing
//! here knows about a terminal: the CLI and the workstation's worker thread
//! both call [`fetch`] with a progress callback and a cancel flag.

mod columns;
mod error;
mod http;
mod limits;
mod sessions;
mod update;

pub mod eastmoney;
pub mod tushare;
pub mod yahoo;

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde::Serialize;

pub use error::FetchError;
pub use http::HttpConfig;
pub use tushare::NoToken;
pub use update::{DEFAULT_START, OVERLAP_SESSIONS, Window, cached, window};

use crate::domain::{Basket, PriceRow, Symbol};
use crate::store::Store;

/// What a source returns for one symbol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Daily rows, in any order (they are sorted and checked after).
    pub rows: Vec<PriceRow>,
    /// Days the source listed without a price (halted): passed over.
    pub skipped: usize,
    /// What is worth telling about this answer (e.g. a missing column).
    pub notes: Vec<String>,
}

/// A web service of daily prices: one small file each.
pub trait Source: Send + Sync {
    /// The service's name, for messages and the summary.
    fn name(&self) -> &'static str;
    /// The service's own code for `symbol`, or why it has none.
    fn code(&self, symbol: &Symbol) -> Result<String, FetchError>;
    /// The daily rows of `symbol` dated `from..=to`.
    fn history(&self, symbol: &Symbol, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError>;
}

/// The sources `--source` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    #[default]
    Yahoo,
    Eastmoney,
    Tushare,
}

impl SourceKind {
    /// Opens the source, its base URL and timeouts from the environment.
    pub fn open(self) -> Result<Box<dyn Source>, NoToken> {
        let config = HttpConfig::from_env();
        Ok(match self {
            SourceKind::Yahoo => Box::new(yahoo::Yahoo::new(config)),
            SourceKind::Eastmoney => Box::new(eastmoney::Eastmoney::new(config)),
            SourceKind::Tushare => Box::new(tushare::Tushare::new(
                config,
                std::env::var("TUSHARE_TOKEN").ok(),
            )?),
        })
    }
}

impl SourceKind {
    /// The service's name, as its [`Source`] says it.
    pub fn title(self) -> &'static str {
        match self {
            SourceKind::Yahoo => "Yahoo",
            SourceKind::Eastmoney => "Eastmoney",
            SourceKind::Tushare => "Tushare",
        }
    }

    /// The service's code for `symbol`, without opening the source (no
    /// token needed): what `--dry-run` shows.
    pub fn code(self, symbol: &Symbol) -> Result<String, FetchError> {
        match self {
            SourceKind::Yahoo => Ok(yahoo::yahoo_code(symbol)),
            SourceKind::Eastmoney => eastmoney::secid(symbol),
            SourceKind::Tushare => tushare::ts_code(symbol),
        }
    }

    pub const ALL: [SourceKind; 3] = [
        SourceKind::Yahoo,
        SourceKind::Eastmoney,
        SourceKind::Tushare,
    ];

    /// The name `--source` and `config.toml` use.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Yahoo => "yahoo",
            SourceKind::Eastmoney => "eastmoney",
            SourceKind::Tushare => "tushare",
        }
    }
}

impl std::str::FromStr for SourceKind {
    type Err = String;

    fn from_str(text: &str) -> Result<SourceKind, String> {
        SourceKind::ALL
            .into_iter()
            .find(|kind| kind.name() == text.trim().to_lowercase())
            .ok_or_else(|| {
                let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown price source {text:?}; the sources are {}",
                    names.join(", ")
                )
            })
    }
}

/// The base URL of a source: its environment variable, else the service's own.
fn base_url(variable: &str, default: &str) -> String {
    std::env::var(variable)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
        .trim_end_matches('/')
        .to_string()
}

/// What to fetch.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPlan {
    pub symbols: Vec<Symbol>,
    /// Start of the history (`--from`); default: [`DEFAULT_START`] for a whole
    /// history, the overlap before the last cached date for an update.
    pub from: Option<NaiveDate>,
    /// Last date asked for (`--to`, default today).
    pub to: NaiveDate,
    /// Re-download the whole history and replace the cached one (`--full`).
    pub full: bool,
}

impl FetchPlan {
    /// The default fetch of `spillover fetch` and the workstation's `F`:
    /// `symbols` brought up to `today`, incrementally (a symbol without a
    /// cached history gets its whole one).
    pub fn incremental(symbols: Vec<Symbol>, today: NaiveDate) -> FetchPlan {
        FetchPlan {
            symbols,
            from: None,
            to: today,
            full: false,
        }
    }
}

/// Every member of `baskets`, each once, in basket and member order: what
/// a fetch without named symbols asks for.
pub fn members<'a>(baskets: impl IntoIterator<Item = &'a Basket>) -> Vec<Symbol> {
    let mut seen = std::collections::BTreeSet::new();
    baskets
        .into_iter()
        .flat_map(|b| b.members.iter().map(|m| m.symbol.clone()))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

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

/// Fetches every symbol of `plan` from `source` into `store`, one after the
/// other; `cancel` is read between symbols, and the symbols not reached are
/// listed as not fetched. After [`UNREACHABLE_IN_A_ROW`] symbols in a row
/// found the source unreachable, the rest are not asked for and listed as
/// `source unreachable (…)`. Never fails as a whole: each symbol has its outcome.
pub fn fetch(
    store: &Store,
    plan: &FetchPlan,
    source: &dyn Source,
    on_progress: &mut dyn FnMut(FetchProgress),
    cancel: &AtomicBool,
) -> FetchSummary {
    let total = plan.symbols.len();
    let mut summary = FetchSummary {
        source: source.name(),
        to: plan.to,
        symbols: Vec::with_capacity(total),
        cancelled: false,
    };
    let mut dead: Vec<&Symbol> = Vec::new();
    let mut gave_up: Option<String> = None;
    for (done, symbol) in plan.symbols.iter().enumerate() {
        let code = source.code(symbol).ok();
        let skipped = if let Some(reason) = &gave_up {
            Some(FetchResult::Abandoned {
                reason: reason.clone(),
            })
        } else if cancel.load(Ordering::SeqCst) {
            summary.cancelled = true;
            Some(FetchResult::NotFetched)
        } else {
            None
        };
        if let Some(result) = skipped {
            summary.symbols.push(SymbolFetch {
                symbol: symbol.clone(),
                code,
                result,
            });
            continue;
        }
        on_progress(FetchProgress::Symbol {
            done,
            total,
            symbol,
        });
        let (result, unreachable) = one(store, plan, source, symbol);
        match unreachable {
            Some(cause) => {
                dead.push(symbol);
                if dead.len() >= UNREACHABLE_IN_A_ROW {
                    let names: Vec<String> = dead.iter().map(|s| s.to_string()).collect();
                    let reason = format!("source unreachable ({cause} on {})", names.join(" and "));
                    tracing::warn!(source = source.name(), "stopped asking: {reason}");
                    gave_up = Some(reason);
                }
            }
            None => dead.clear(),
        }
        let outcome = SymbolFetch {
            symbol: symbol.clone(),
            code,
            result,
        };
        on_progress(FetchProgress::Finished {
            done: done + 1,
            total,
            outcome: &outcome,
        });
        summary.symbols.push(outcome);
    }
    summary
}

/// One symbol's outcome, and how its source was unreachable if it was.
fn one(
    store: &Store,
    plan: &FetchPlan,
    source: &dyn Source,
    symbol: &Symbol,
) -> (FetchResult, Option<String>) {
    match update::update(store, plan, source, symbol) {
        Ok(fetched) => {
            tracing::info!(
                source = source.name(),
                %symbol,
                added = fetched.added,
                replaced = fetched.replaced,
                rebased = fetched.rebased.is_some(),
                "fetched"
            );
            (FetchResult::Ok(fetched), None)
        }
        Err(err) => {
            tracing::warn!(source = source.name(), %symbol, "fetch failed: {err}");
            let reason = err.to_string();
            (FetchResult::Failed { reason }, err.unreachable())
        }
    }
}
