//! Indices, ratios and statistics (METHODOLOGY.md): pure functions of prices and baskets.
//!
//! - `life`: a symbol's rows up to the as-of date and its carried price;
//! - [`IndexHistory`]: a basket's index over its whole history up to as-of;
//! - [`IndexSeries`]: that index over a window, 1000 at its start or base date,
//!   and the members' contributions;
//! - [`ratio`], [`scatter`] with [`pearson`], [`ols`], [`rolling_correlation`];
//! - [`member_table`] and [`index_summary`]: the numbers the tables show;
//! - [`analyse`]: everything above for one [`Request`], as the report, the
//!   export and the TUI need it;
//! - [`SeriesColumn`]s: the series `export` writes and the figures plot.
//!
//! Nothing here does I/O: inputs are a [`PriceBook`](crate::domain::PriceBook)
//! and the baskets.

mod analysis;
mod columns;
mod history;
mod index;
mod life;
mod members;
mod ratio;
mod scatter;
mod stats;
mod summary;

use chrono::NaiveDate;

use crate::domain::{BasketId, Window};

pub use analysis::{Analysis, DEFAULT_ROLL, Request, WindowChoice, analyse, check_pair};
pub use columns::{SeriesColumn, index_columns, ratio_columns, scatter_columns};
pub use history::{IndexHistory, MemberPrices, Term, effective_method};
pub use index::{BASE_LEVEL, IndexSeries, basket_index, check_base};
pub use members::{MemberRow, MemberStatus, member_table};
pub use ratio::{RatioSeries, ratio};
pub use scatter::{Scatter, ScatterPoint, ScatterStats, scatter, scatter_stats};
pub use stats::{Fit, log_changes, ols, pearson, rolling_correlation};
pub use summary::{IndexSummary, TRADING_DAYS_1M, index_summary};

/// Why an analysis cannot be computed; each message says what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ComputeError {
    #[error("there is no basket {id}; the baskets are: {known}")]
    UnknownBasket { id: BasketId, known: String },
    #[error(
        "there are no prices in the cache; import price files with `spillover import` or use the demo data"
    )]
    NoData,
    #[error("there are no prices on or before the as-of date {as_of}; pick a later as-of date")]
    NoDataUpTo { as_of: NaiveDate },
    #[error("base date {base} is outside the window {window}; pick a date inside it")]
    BaseOutsideWindow { base: NaiveDate, window: Window },
    #[error(
        "the scatter needs three different baskets (x = A/B, y = A/C), got {a} {b} {c}; e.g. na-chain domestic-chain alibaba"
    )]
    PairRepeats {
        a: BasketId,
        b: BasketId,
        c: BasketId,
    },
    #[error("no basket has prices in the window {window}; pick another range")]
    EmptyWindow { window: Window },
}
