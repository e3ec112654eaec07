//! A basket's index over a window: 1000 on its first date (or on the base
//! date), and each member's contribution in index points.

use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::ComputeError;
use super::history::{BASE_LEVEL, IndexHistory};
use crate::domain::PriceBook;
use crate::domain::{Basket, BasketId, Method, Window};

/// A basket's index over a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexSeries {
    pub basket: BasketId,
    /// The effective method (a single series always says `equal`).
    pub method: Method,
    pub dates: Vec<NaiveDate>,
    pub levels: Vec<f64>,
    /// Members whose return entered each date's index return; 0 on the
    /// window's first date, which has no return.
    pub eligible: Vec<usize>,
}

impl IndexSeries {
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    pub fn last_level(&self) -> Option<f64> {
        self.levels.last().copied()
    }
}

/// Refuses a base date outside the window.
pub fn check_base(base: NaiveDate, window: Window) -> Result<(), ComputeError> {
    // A base inside the window but on a holiday (1 January, a Sunday) is
    // fine: the index reads 1000 on the last index date on or before it,
    // or on its first date when there is none.
    if !window.contains(base) {
        return Err(ComputeError::BaseOutsideWindow { base, window });
    }
    Ok(())
}

impl IndexHistory {
    /// The calendar positions inside `window`.
    pub fn span(&self, window: Window) -> Range<usize> {
        let start = self.dates.partition_point(|d| *d < window.start);
        let end = self.dates.partition_point(|d| *d <= window.end);
        start..end.max(start)
    }

    /// The index over `window`: 1000 on its first date, or with `base`, 1000
    /// on the last index date on or before `base` (on the first date when
    /// this basket has none; [`check_base`] refuses a base outside the window).
    pub fn series(&self, window: Window, base: Option<NaiveDate>) -> IndexSeries {
        let span = self.span(window);
        let mut levels = Vec::with_capacity(span.len());
        // Run the recurrence from the window's start rather than rescaling
        // the history, so the first level is exactly 1000.
        let mut level = BASE_LEVEL;
        for t in span.clone() {
            if t > span.start {
                level *= 1.0 + self.returns[t];
            }
            levels.push(level);
        }
        let anchor = base
            .and_then(|b| {
                self.dates[span.clone()]
                    .partition_point(|d| *d <= b)
                    .checked_sub(1)
            })
            .unwrap_or(0);
        if anchor > 0 {
            let at_anchor = levels[anchor];
            // l / l is exactly 1, so the base date reads exactly 1000.
            for l in &mut levels {
                *l = BASE_LEVEL * (*l / at_anchor);
            }
        }
        let mut eligible = self.eligible[span.clone()].to_vec();
        if let Some(first) = eligible.first_mut() {
            *first = 0;
        }
        IndexSeries {
            basket: self.basket.clone(),
            method: self.method,
            dates: self.dates[span].to_vec(),
            levels,
            eligible,
        }
    }

    /// Each member's contribution over `series` (a window of this history),
    /// in its index points: `C(i) = sum_{t in (s, e]} I(t-1) w(i,t-1) r(i,t)`.
    /// They add up to `I(e) - I(s)`.
    pub fn contributions(&self, series: &IndexSeries) -> Vec<f64> {
        let mut contribution = vec![0.0; self.members.len()];
        let Some(start) = series.dates.first().and_then(|d| self.position(*d)) else {
            return contribution;
        };
        // Member by member (members across cores): each member's sum still
        // runs date by date.
        let dates = start + 1..start + series.levels.len();
        let per_date = self.equal_weights();
        contribution
            .par_iter_mut()
            .enumerate()
            .for_each(|(member, c)| {
                *c = self.contribution(
                    member,
                    dates.clone(),
                    &series.levels,
                    start,
                    per_date.as_deref(),
                );
            });
        contribution
    }
}

/// The index of one basket over `window` from the rows up to `as_of`, with
/// `method` overriding the basket's own for a multi-member basket; with
/// `base`, 1000 on the base date (an error when it lies outside the
/// basket's index dates in the window).
pub fn basket_index(
    basket: &Basket,
    book: &PriceBook,
    method: Option<Method>,
    as_of: NaiveDate,
    window: Window,
    base: Option<NaiveDate>,
) -> Result<IndexSeries, ComputeError> {
    let window = window.cut_at(as_of);
    let history = IndexHistory::build(basket, book, method, as_of);
    let series = history.series(window, base);
    if let Some(base) = base {
        check_base(base, window)?;
    }
    Ok(series)
}
