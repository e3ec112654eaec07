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
//! - [`SeriesColumn`]s: the series `export` writes and the figures plot;
//! - [`catalysts`]: beside an analysis, the event study of the watchlist's
//!   reports (`events`, `event_study`), the lead-lag of the two ratios
//!   (`leadlag`), each basket's `beta` and `drawdown`.
//!
//! Nothing here does I/O: inputs are a [`PriceBook`](crate::domain::PriceBook)
//! and the baskets.

mod analysis;
mod beta;
mod catalysts;
mod columns;
mod drawdown;
mod event_study;
mod events;
mod history;
mod index;
mod leadlag;
mod least_squares;
mod life;
mod member_prices;
mod members;
mod ratio;
mod returns;
mod scatter;
mod stats;
mod summary;

use chrono::NaiveDate;

use crate::domain::{BasketId, Window};

pub use analysis::{
    Analysis, AnalysisCache, DEFAULT_ROLL, Histories, Request, WindowChoice, analyse,
    analyse_indices, check_pair,
};
pub use beta::{BetaFit, BetaPoint, DEFAULT_BETA_WINDOW, beta, rolling_beta};
pub use catalysts::{BasketBeta, CatalystRequest, Catalysts, betas, catalysts, study_events};
pub use columns::{SeriesColumn, index_columns, ratio_columns, scatter_columns};
pub use drawdown::{Drawdown, drawdown};
pub use event_study::{
    EventOutcome, EventSelection, EventStudy, SelectionError, StudyRequest, event_study,
    select_events,
};
pub use events::{
    Aggregate, AggregateCar, CAR_WINDOWS, Car, ESTIMATION, MIN_ESTIMATION, Model, PATH, PathPoint,
    SeriesStudy, StudyInput, aggregate, study_series,
};
pub use history::{BASE_LEVEL, IndexHistory, Term, effective_method};
pub use index::{IndexSeries, basket_index, check_base};
pub use leadlag::{
    CcfBar, DEFAULT_GRANGER_LAGS, DEFAULT_MAX_LAG, GRANGER_LEVEL, Granger, LeadLag, Leader, ccf,
    granger, lead_lag, lead_lag_of_changes,
};
pub use member_prices::MemberPrices;
pub use members::{MemberRow, MemberStatus, member_table};
pub use ratio::{RatioSeries, ratio};
pub use returns::{carried_returns, sample_sd, simple_returns};
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
