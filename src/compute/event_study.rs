//! The event study of the watchlist's reports across every basket and the
//! two ratios of the scatter pair (METHODOLOGY.md "Event study"): which
//! events, the series they read, and the aggregate.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use super::ComputeError;
use super::analysis::{check_pair, unknown_basket};
use super::events::{Aggregate, Model, SeriesStudy, StudyInput, aggregate, study_series};
use super::history::IndexHistory;
use super::ratio::ratio;
use super::returns::carried_returns;
use crate::domain::calendar::{self, Market};
use crate::domain::{
    Basket, BasketId, DemoMix, EarningsEvent, Method, PriceBook, Session, Symbol, Window,
};

/// Which watchlist events to study.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum EventSelection {
    /// Every event in the watchlist.
    #[default]
    All,
    /// The event numbered N in `watchlist list` (from 1).
    Number(usize),
    /// Every report of one company.
    Symbol(Symbol),
    /// Every report dated in one month.
    Month { year: i32, month: u32 },
}

/// Why no event matches a selection; each message says what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SelectionError {
    #[error("the watchlist is empty; add an event with `spillover watchlist add`")]
    Empty,
    #[error(
        "there is no event {number}; the watchlist has events 1 to {count} (see `spillover watchlist list`)"
    )]
    NoNumber { number: usize, count: usize },
    #[error("the watchlist has no report of {symbol}; it has: {known}")]
    NoSymbol { symbol: Symbol, known: String },
    #[error("the watchlist has no report in {year}-{month:02}; its reports are in: {known}")]
    NoMonth {
        year: i32,
        month: u32,
        known: String,
    },
}

/// The events `selection` picks, with their numbers (from 1, in watchlist order).
pub fn select_events<'a>(
    events: &'a [EarningsEvent],
    selection: &EventSelection,
) -> Result<Vec<(usize, &'a EarningsEvent)>, SelectionError> {
    if events.is_empty() {
        return Err(SelectionError::Empty);
    }
    let numbered = events.iter().enumerate().map(|(i, e)| (i + 1, e));
    let picked: Vec<(usize, &EarningsEvent)> = match selection {
        EventSelection::All => numbered.collect(),
        EventSelection::Number(n) => numbered.filter(|(i, _)| i == n).collect(),
        EventSelection::Symbol(s) => numbered.filter(|(_, e)| &e.symbol == s).collect(),
        EventSelection::Month { year, month } => numbered
            .filter(|(_, e)| e.date.year() == *year && e.date.month() == *month)
            .collect(),
    };
    if !picked.is_empty() {
        return Ok(picked);
    }
    let list = |f: &dyn Fn(&EarningsEvent) -> String| {
        let mut items: Vec<String> = events.iter().map(f).collect();
        items.dedup();
        items.join(", ")
    };
    Err(match selection {
        EventSelection::All => SelectionError::Empty,
        EventSelection::Number(number) => SelectionError::NoNumber {
            number: *number,
            count: events.len(),
        },
        EventSelection::Symbol(symbol) => SelectionError::NoSymbol {
            symbol: symbol.clone(),
            known: {
                let mut s: Vec<String> = events.iter().map(|e| e.symbol.to_string()).collect();
                s.sort();
                s.dedup();
                s.join(", ")
            },
        },
        EventSelection::Month { year, month } => SelectionError::NoMonth {
            year: *year,
            month: *month,
            known: list(&|e| e.date.format("%Y-%m").to_string()),
        },
    })
}

/// What the event study reads besides the events.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyRequest {
    pub as_of: NaiveDate,
    pub method: Option<Method>,
    /// The scatter pair: the ratios studied are A/B and A/C.
    pub pair: [BasketId; 3],
    pub benchmark: BasketId,
    pub model: Model,
}

/// One report and what each series did around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventOutcome {
    /// Its number in `watchlist list`.
    pub number: usize,
    pub symbol: Symbol,
    pub name: String,
    pub date: NaiveDate,
    pub session: Session,
    pub period: String,
    /// The first Hong Kong session that can react.
    pub first_session: NaiveDate,
    /// That session is after the as-of date: the event has no numbers.
    pub after_as_of: bool,
    /// Day 0 lies past the known Hong Kong calendar (weekdays assumed):
    /// shown as `est. calendar`.
    pub calendar_estimated: bool,
    /// The report's date is planned, not confirmed (`est.`).
    pub estimated: bool,
    pub series: Vec<SeriesStudy>,
}

/// The event study of a set of reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventStudy {
    pub as_of: NaiveDate,
    pub benchmark: BasketId,
    pub model: Model,
    /// The benchmark's demo series when real prices are loaded too (the
    /// benchmark is then synthetic): named in the title; `[]` otherwise.
    pub benchmark_demo: Vec<Symbol>,
    pub events: Vec<EventOutcome>,
    /// Across all `events`, per series and window.
    pub aggregate: Vec<Aggregate>,
}

impl EventStudy {
    /// The aggregate over the events dated in one month (the event view's
    /// "all reports of that month").
    pub fn month_aggregate(&self, year: i32, month: u32) -> Vec<Aggregate> {
        aggregate(
            self.events
                .iter()
                .filter(|e| e.date.year() == year && e.date.month() == month)
                .flat_map(|e| &e.series),
        )
    }
}

/// A series' whole history up to as-of, as the study reads it.
struct Prepared {
    label: String,
    dates: Vec<NaiveDate>,
    levels: Vec<f64>,
    bench: Option<Vec<Option<f64>>>,
}

/// The index over its whole history up to as-of, as an `IndexSeries`.
fn whole(history: &IndexHistory) -> super::IndexSeries {
    let start = history.dates.first().copied().unwrap_or(history.as_of);
    history.series(
        Window {
            start,
            end: history.as_of,
        },
        None,
    )
}

fn prepare(
    baskets: &[Basket],
    book: &PriceBook,
    kept: Option<&[Arc<IndexHistory>]>,
    request: &StudyRequest,
) -> Result<Vec<Prepared>, ComputeError> {
    let bench_at = baskets
        .iter()
        .position(|b| b.id == request.benchmark)
        .ok_or_else(|| unknown_basket(baskets, &request.benchmark))?;
    let built: Vec<Arc<IndexHistory>>;
    let histories = match kept {
        Some(kept) => kept,
        None => {
            built = baskets
                .par_iter()
                .map(|b| Arc::new(IndexHistory::build(b, book, request.method, request.as_of)))
                .collect();
            &built
        }
    };
    let bench = &histories[bench_at];
    let mut prepared: Vec<Prepared> = histories
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != bench_at)
        .map(|(_, h)| Prepared {
            label: h.basket.to_string(),
            bench: Some(carried_returns(&h.dates, &bench.dates, &bench.levels)),
            dates: h.dates.clone(),
            levels: h.levels.clone(),
        })
        .collect();
    // A pair that does not resolve leaves the ratios out, as in the scatter.
    if let Ok([a, b, c]) = check_pair(baskets, &request.pair) {
        let series_a = whole(&histories[a]);
        for other in [b, c] {
            let r = ratio(&series_a, &whole(&histories[other]));
            prepared.push(Prepared {
                label: r.label,
                dates: r.dates,
                levels: r.values,
                bench: None,
            });
        }
    }
    Ok(prepared)
}

/// The study of `events` (numbered as in `watchlist list`) over every
/// basket but the benchmark and the two ratios of the pair; the aggregate
/// is over all of them.
pub fn event_study(
    baskets: &[Basket],
    book: &PriceBook,
    events: &[(usize, &EarningsEvent)],
    request: &StudyRequest,
) -> Result<EventStudy, ComputeError> {
    event_study_with(baskets, book, None, events, request)
}

/// [`event_study`] reading `kept`, the histories of `baskets` up to the
/// request's as-of date with its method (an analysis' [`Histories`]), when
/// given, instead of building them again.
///
/// [`Histories`]: super::Histories
pub(crate) fn event_study_with(
    baskets: &[Basket],
    book: &PriceBook,
    kept: Option<&[Arc<IndexHistory>]>,
    events: &[(usize, &EarningsEvent)],
    request: &StudyRequest,
) -> Result<EventStudy, ComputeError> {
    let prepared = prepare(baskets, book, kept, request)?;
    let calendars = calendar::current();
    let benchmark_demo = baskets
        .iter()
        .find(|b| b.id == request.benchmark)
        .map(|b| DemoMix::of(book, b.members.iter().map(|m| &m.symbol)))
        .filter(|mix| book.has_real() && !mix.series.is_empty())
        .map(|mix| mix.series)
        .unwrap_or_default();
    let outcomes: Vec<EventOutcome> = events
        .iter()
        .map(|&(number, event)| {
            let first_session =
                calendars.first_reacting_session(Market::HongKong, event.date, event.session);
            EventOutcome {
                number,
                symbol: event.symbol.clone(),
                name: event.name.clone(),
                date: event.date,
                session: event.session,
                period: event.period.clone(),
                first_session,
                after_as_of: first_session > request.as_of,
                calendar_estimated: calendars.is_estimated(Market::HongKong, first_session),
                estimated: event.estimated,
                series: prepared
                    .iter()
                    .map(|p| {
                        let input = StudyInput {
                            label: &p.label,
                            dates: &p.dates,
                            levels: &p.levels,
                            bench: p.bench.as_deref(),
                        };
                        study_series(&input, first_session, request.model)
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(EventStudy {
        as_of: request.as_of,
        benchmark: request.benchmark.clone(),
        model: request.model,
        benchmark_demo,
        aggregate: aggregate(outcomes.iter().flat_map(|e| &e.series)),
        events: outcomes,
    })
}
