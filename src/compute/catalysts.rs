//! Everything issue "catalysts measured" adds, computed beside an
//! [`Analysis`]: the event study of every watchlist report, the lead-lag of
//! the scatter's ratios, each basket's beta and drawdown. The screens read
//! it after a recompute, the report and export print it.

use serde::Serialize;

use super::ComputeError;
use super::analysis::{Analysis, Request};
use super::beta::{BetaPoint, DEFAULT_BETA_WINDOW, rolling_beta};
use super::drawdown::{Drawdown, drawdown};
use super::event_study::{EventStudy, StudyRequest, event_study_with};
use super::events::Model;
use super::history::IndexHistory;
use super::leadlag::{DEFAULT_GRANGER_LAGS, DEFAULT_MAX_LAG, LeadLag, lead_lag};
use super::returns::{carried_returns, simple_returns};
use crate::domain::{Basket, BasketId, PriceBook, Watchlist};

/// The options of the catalyst statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalystRequest {
    /// Default `hstech`.
    pub benchmark: BasketId,
    pub model: Model,
    /// K: ccf lags each side of 0.
    pub max_lag: usize,
    /// p: lags of each Granger regression.
    pub granger_lags: usize,
    /// W: returns per beta.
    pub beta_window: usize,
}

impl Default for CatalystRequest {
    fn default() -> CatalystRequest {
        CatalystRequest {
            benchmark: BasketId::parse("hstech").expect("a built-in basket id is valid"),
            model: Model::Adjusted,
            max_lag: DEFAULT_MAX_LAG,
            granger_lags: DEFAULT_GRANGER_LAGS,
            beta_window: DEFAULT_BETA_WINDOW,
        }
    }
}

/// One basket's rolling beta over the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasketBeta {
    pub basket: BasketId,
    pub benchmark: BasketId,
    /// W.
    pub window: usize,
    /// The last rolling value: the headline.
    pub last: Option<BetaPoint>,
    /// One value per date from the W-th return on (not in JSON: `export
    /// --what beta` writes it).
    #[serde(skip)]
    pub rolling: Vec<BetaPoint>,
}

/// The catalyst statistics of one analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalysts {
    /// Every watchlist report; `None` when the benchmark is missing.
    pub event_study: Option<EventStudy>,
    /// `None` when the scatter has no pair (see `Analysis::pair_problem`).
    pub lead_lag: Option<LeadLag>,
    /// Every basket but the benchmark; empty when it is missing.
    pub beta: Vec<BasketBeta>,
    /// Every basket, over the window.
    pub drawdown: Vec<Drawdown>,
    /// Why there is no event study and no beta.
    pub benchmark_problem: Option<String>,
}

/// The catalyst statistics of `analysis` (computed from the same baskets,
/// book and request): lead-lag, beta and drawdown follow its window; the
/// event study reads all history up to its as-of date.
pub fn catalysts(
    baskets: &[Basket],
    book: &PriceBook,
    watchlist: &Watchlist,
    analysis: &Analysis,
    request: &Request,
    options: &CatalystRequest,
) -> Catalysts {
    let drawdown = analysis
        .indices
        .iter()
        .map(|s| drawdown(s.basket.as_str(), &s.dates, &s.levels))
        .collect();
    let lead_lag = analysis
        .pair_problem
        .is_none()
        .then(|| lead_lag(&analysis.scatter, options.max_lag, options.granger_lags));
    let events: Vec<_> = watchlist
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (i + 1, e))
        .collect();
    let study = StudyRequest {
        as_of: analysis.as_of,
        method: request.method,
        pair: request.pair.clone(),
        benchmark: options.benchmark.clone(),
        model: options.model,
    };
    // The analysis' own histories: the same baskets, method and as-of.
    let kept = analysis
        .histories
        .of(baskets, request.method, analysis.as_of);
    let (event_study, beta, benchmark_problem) =
        match event_study_with(baskets, book, kept, &events, &study) {
            Ok(study) => (
                Some(study),
                betas(baskets, book, analysis, request, options),
                None,
            ),
            Err(problem) => (None, Vec::new(), Some(problem.to_string())),
        };
    Catalysts {
        event_study,
        lead_lag,
        beta,
        drawdown,
        benchmark_problem,
    }
}

/// The rolling beta of every basket but the benchmark over the window.
pub fn betas(
    baskets: &[Basket],
    book: &PriceBook,
    analysis: &Analysis,
    request: &Request,
    options: &CatalystRequest,
) -> Vec<BasketBeta> {
    let Some(bench) = baskets.iter().find(|b| b.id == options.benchmark) else {
        return Vec::new();
    };
    // The benchmark's whole history, so its level carries into the window:
    // the analysis' own when it has it.
    let kept = analysis
        .histories
        .of(baskets, request.method, analysis.as_of)
        .and_then(|kept| kept.iter().find(|h| h.basket == bench.id));
    let built;
    let bench = match kept {
        Some(history) => history.as_ref(),
        None => {
            built = IndexHistory::build(bench, book, request.method, analysis.as_of);
            &built
        }
    };
    analysis
        .indices
        .iter()
        .filter(|s| s.basket != options.benchmark)
        .map(|s| {
            let r = simple_returns(&s.levels);
            let m = carried_returns(&s.dates, &bench.dates, &bench.levels);
            // The window's first date has no return.
            let from = 1.min(s.dates.len());
            let rolling = rolling_beta(
                &s.dates[from..],
                &r[from..],
                &m[from..],
                options.beta_window,
            );
            BasketBeta {
                basket: s.basket.clone(),
                benchmark: options.benchmark.clone(),
                window: options.beta_window,
                last: rolling.last().copied(),
                rolling,
            }
        })
        .collect()
}

/// [`catalysts`]' event study alone, for a selection of events.
pub fn study_events(
    baskets: &[Basket],
    book: &PriceBook,
    events: &[(usize, &crate::domain::EarningsEvent)],
    analysis: &Analysis,
    request: &Request,
    options: &CatalystRequest,
) -> Result<EventStudy, ComputeError> {
    let kept = analysis
        .histories
        .of(baskets, request.method, analysis.as_of);
    event_study_with(
        baskets,
        book,
        kept,
        events,
        &StudyRequest {
            as_of: analysis.as_of,
            method: request.method,
            pair: request.pair.clone(),
            benchmark: options.benchmark.clone(),
            model: options.model,
        },
    )
}
