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
mod outcome;
mod plan;
mod sessions;
mod source;
mod update;

pub mod eastmoney;
pub mod tushare;
pub mod yahoo;

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

pub use error::FetchError;
pub use http::HttpConfig;
pub use outcome::{
    FetchProgress, FetchResult, FetchSummary, Fetched, SymbolFetch, UNREACHABLE_IN_A_ROW,
};
pub use plan::{FetchPlan, members};
pub use source::{Rows, Source};
pub use tushare::NoToken;
pub use update::{DEFAULT_START, OVERLAP_SESSIONS, Window, cached, window};

use crate::domain::Symbol;
use crate::store::Store;

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
