//! The member table: per member, its price, returns, weight, contribution and
//! a status that says why a number is missing.

use chrono::NaiveDate;
use serde::Serialize;

use super::history::IndexHistory;
use super::index::IndexSeries;
use super::life::Life;
use super::summary::{TRADING_DAYS_1M, TRADING_DAYS_5D, growth, previous_year_end};
use crate::domain::PriceBook;
use crate::domain::{Basket, Method, Symbol, Window};

/// Why a member's numbers look the way they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MemberStatus {
    /// Priced through the window end and weighted by the method.
    Ok,
    /// No price file, or no row up to the as-of date.
    NoData,
    /// Rows exist, but none inside the window.
    NoDataInWindow,
    /// No own row on the window end though inside its life: the price is
    /// carried since `since`, the first index date without a row.
    Suspended { since: NaiveDate },
    /// Its last row (up to as-of) is before the window end.
    Ended { on: NaiveDate },
    /// Its first row is inside the window, after the window's first date.
    Listed { on: NaiveDate },
    /// `cap` method and no mcap on the window end.
    ExcludedNoMcap,
    /// `custom` method and no positive weight in the basket file.
    ExcludedNoWeight,
}

impl MemberStatus {
    pub fn is_ok(&self) -> bool {
        *self == MemberStatus::Ok
    }

    /// The status in words, for the member table.
    pub fn describe(&self) -> String {
        match self {
            MemberStatus::Ok => "ok".to_string(),
            MemberStatus::NoData => {
                "no data (no price file or no rows up to the as-of date)".to_string()
            }
            MemberStatus::NoDataInWindow => "no data in the window".to_string(),
            MemberStatus::Suspended { since } => {
                format!("suspended since {since} (last price carried)")
            }
            MemberStatus::Ended { on } => {
                format!("no rows after {on} (delisted, or suspended as of this date)")
            }
            MemberStatus::Listed { on } => format!("listed on {on}"),
            MemberStatus::ExcludedNoMcap => "excluded: no mcap (cap method)".to_string(),
            MemberStatus::ExcludedNoWeight => "excluded: no weight (custom method)".to_string(),
        }
    }
}

/// One row of the member table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberRow {
    pub symbol: Symbol,
    pub name: String,
    pub segment: String,
    /// The weight written in the basket file.
    pub target_weight: Option<f64>,
    /// `w(i,e)`: the weight the index would use for the day after the
    /// window end; `None` when not eligible.
    pub current_weight: Option<f64>,
    /// The last own row on or before the window end.
    pub last_price: Option<f64>,
    pub last_price_date: Option<NaiveDate>,
    /// Returns to the window end on the basket's calendar, prices carried.
    pub ret_1d: Option<f64>,
    pub ret_5d: Option<f64>,
    pub ret_1m: Option<f64>,
    /// Against the last price on or before Dec 31 of the previous year.
    pub ret_ytd: Option<f64>,
    /// From the price on the window's first index date (or the first row
    /// in the window if it listed inside it) to the last price.
    pub ret_window: Option<f64>,
    /// In index points over the window.
    pub contribution: f64,
    /// First and last rows up to the as-of date.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub status: MemberStatus,
}

/// The table of `basket`, whose `history` (built from `book`) gives `series`
/// over `window`; rows in basket order.
pub fn member_table(
    basket: &Basket,
    book: &PriceBook,
    history: &IndexHistory,
    series: &IndexSeries,
    window: Window,
) -> Vec<MemberRow> {
    let window = window.cut_at(history.as_of);
    let contributions = history.contributions(series);
    // s and e: the window's first and last index dates, as calendar positions.
    let span = series
        .dates
        .first()
        .zip(series.dates.last())
        .and_then(|(s, e)| Some((history.position(*s)?, history.position(*e)?)));
    let weights = span
        .map(|(_, e)| history.weights_after(e))
        .unwrap_or_else(|| vec![None; basket.members.len()]);
    basket
        .members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let life = Life::of(book.get(&member.symbol), history.as_of);
            let last_row = life.and_then(|l| l.last_row_until(window.end));
            let mut row = MemberRow {
                symbol: member.symbol.clone(),
                name: member.name.clone(),
                segment: member.segment.clone(),
                target_weight: member.weight,
                current_weight: weights.get(i).copied().flatten(),
                last_price: last_row.map(|r| r.1),
                last_price_date: last_row.map(|r| r.0),
                ret_1d: None,
                ret_5d: None,
                ret_1m: None,
                ret_ytd: None,
                ret_window: None,
                contribution: contributions.get(i).copied().unwrap_or(0.0),
                first_date: life.map(|l| l.first()),
                last_date: life.map(|l| l.last()),
                status: MemberStatus::NoData,
            };
            if let (Some(life), Some((s, e))) = (life, span) {
                fill_returns(&mut row, history, i, life, s, e);
                row.status = status(history, i, life, s, e, &row);
            } else if life.is_some() {
                row.status = MemberStatus::NoDataInWindow;
            }
            row
        })
        .collect()
}

/// Trailing returns to position `e` on the basket calendar, and the window return.
fn fill_returns(
    row: &mut MemberRow,
    history: &IndexHistory,
    member: usize,
    life: Life,
    s: usize,
    e: usize,
) {
    let prices = &history.members[member];
    let price_at = |t: Option<usize>| t.and_then(|t| prices.price(t));
    let now = price_at(Some(e));
    let back = |days: usize| growth(now, price_at(e.checked_sub(days)));
    row.ret_1d = back(1);
    row.ret_5d = back(TRADING_DAYS_5D);
    row.ret_1m = back(TRADING_DAYS_1M);
    let end_date = history.dates[e];
    row.ret_ytd = growth(
        now,
        previous_year_end(end_date).and_then(|d| life.price_on(d)),
    );
    let start_date = history.dates[s];
    let start_price = price_at(Some(s)).or_else(|| life.first_row_between(start_date, end_date));
    row.ret_window = growth(row.last_price, start_price);
}

/// The first status that applies, most telling first.
fn status(
    history: &IndexHistory,
    member: usize,
    life: Life,
    s: usize,
    e: usize,
    row: &MemberRow,
) -> MemberStatus {
    let (start, end) = (history.dates[s], history.dates[e]);
    let custom_weight = row.target_weight.is_some_and(|w| w.is_finite() && w > 0.0);
    if life.last() < start || life.first() > end {
        MemberStatus::NoDataInWindow
    } else if history.method == Method::Custom && !custom_weight {
        MemberStatus::ExcludedNoWeight
    } else if life.last() < end {
        MemberStatus::Ended { on: life.last() }
    } else if history.method == Method::Cap && history.members[member].mcap(e).is_none() {
        MemberStatus::ExcludedNoMcap
    } else if !life.has_row_on(end) {
        // The last own row before the window end; the suspension starts on
        // the next index date.
        let last_row = row.last_price_date.unwrap_or(start);
        let after_last_row = history.dates.partition_point(|d| *d <= last_row);
        MemberStatus::Suspended {
            since: history.dates.get(after_last_row).copied().unwrap_or(end),
        }
    } else if life.first() > start {
        MemberStatus::Listed { on: life.first() }
    } else {
        MemberStatus::Ok
    }
}
