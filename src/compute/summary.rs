//! An index's level and returns at the window end, for the report.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::history::IndexHistory;
use super::index::IndexSeries;
use crate::domain::BasketId;

/// Index dates in "1M".
pub const TRADING_DAYS_1M: usize = 21;

/// Index dates in "5D".
pub(crate) const TRADING_DAYS_5D: usize = 5;

/// A basket's index at the window end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexSummary {
    pub basket: BasketId,
    /// The last index date of the window.
    pub last_date: Option<NaiveDate>,
    /// The window index's level there.
    pub level: Option<f64>,
    pub ret_1d: Option<f64>,
    pub ret_5d: Option<f64>,
    /// Over 21 index dates.
    pub ret_1m: Option<f64>,
    /// Against the last level on or before Dec 31 of the previous year.
    pub ret_ytd: Option<f64>,
    /// From the window's first index date.
    pub ret_window: Option<f64>,
    /// No member was eligible on any date of the window (e.g. the custom
    /// method on a basket without weights, cap without mcap): the flat
    /// line is not a performance, so every number above is `None`.
    pub no_eligible_member: bool,
}

/// `now / then - 1`, where both exist.
pub(crate) fn growth(now: Option<f64>, then: Option<f64>) -> Option<f64> {
    let (now, then) = (now?, then?);
    let g = now / then - 1.0;
    g.is_finite().then_some(g)
}

/// Dec 31 of the year before `date`: the base of a YTD return.
pub(crate) fn previous_year_end(date: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year() - 1, 12, 31)
}

/// The summary of `series`, a window of `history`: the trailing returns
/// reach back before the window, on the basket's own calendar.
pub fn index_summary(history: &IndexHistory, series: &IndexSeries) -> IndexSummary {
    let end = series.dates.last().and_then(|d| history.position(*d));
    let level_at = |t: Option<usize>| t.and_then(|t| history.levels.get(t).copied());
    let back = |days: usize| {
        growth(
            level_at(end),
            level_at(end.and_then(|e| e.checked_sub(days))),
        )
    };
    let year_end = series
        .dates
        .last()
        .and_then(|d| previous_year_end(*d))
        .and_then(|d| history.position_until(d));
    let no_eligible_member = series.dates.len() > 1 && series.eligible.iter().all(|n| *n == 0);
    if no_eligible_member {
        return IndexSummary {
            basket: series.basket.clone(),
            last_date: series.dates.last().copied(),
            level: None,
            ret_1d: None,
            ret_5d: None,
            ret_1m: None,
            ret_ytd: None,
            ret_window: None,
            no_eligible_member,
        };
    }
    IndexSummary {
        no_eligible_member,
        basket: series.basket.clone(),
        last_date: series.dates.last().copied(),
        level: series.last_level(),
        ret_1d: back(1),
        ret_5d: back(TRADING_DAYS_5D),
        ret_1m: back(TRADING_DAYS_1M),
        ret_ytd: growth(level_at(end), level_at(year_end)),
        ret_window: growth(series.last_level(), series.levels.first().copied()),
    }
}
