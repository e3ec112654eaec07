//! Rotation (METHODOLOGY.md "Rotation"): per segment and week (month for a
//! long window), the segment's return minus its basket's.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::segments::SegmentStudy;
use crate::domain::BasketId;

/// Windows whose first and last dates are at most this many days apart are
/// cut into weeks; longer ones into calendar months.
pub const WEEKLY_UP_TO_DAYS: i64 = 183;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
}

/// One column of the rotation: the window's index dates in one week or month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// `2025-W14` or `2025-04`.
    pub label: String,
    /// Its first and last index dates in the window.
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Segments × periods of `segment return − basket return`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rotation {
    pub basket: BasketId,
    pub kind: PeriodKind,
    pub periods: Vec<Period>,
    /// The rows, in the segments' order.
    pub segments: Vec<String>,
    /// `cells[segment][period]`; `None` when no member of the segment had a
    /// return in the period (or the period has no return: the window's
    /// first date alone).
    pub cells: Vec<Vec<Option<f64>>>,
    /// The basket's own return per period.
    pub basket_returns: Vec<Option<f64>>,
}

fn period_key(kind: PeriodKind, date: NaiveDate) -> (i32, u32) {
    match kind {
        PeriodKind::Week => {
            let week = date.iso_week();
            (week.year(), week.week())
        }
        PeriodKind::Month => (date.year(), date.month()),
    }
}

/// The rotation matrix of `study`'s segments over its window.
pub fn rotation(study: &SegmentStudy) -> Rotation {
    let dates = &study.dates;
    let kind = match (dates.first(), dates.last()) {
        (Some(s), Some(e)) if (*e - *s).num_days() > WEEKLY_UP_TO_DAYS => PeriodKind::Month,
        _ => PeriodKind::Week,
    };
    // Each period's positions `from..=to` in the window's dates.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (k, date) in dates.iter().enumerate() {
        match spans.last_mut() {
            Some((from, to)) if period_key(kind, dates[*from]) == period_key(kind, *date) => {
                *to = k;
            }
            _ => spans.push((k, k)),
        }
    }
    let periods = spans
        .iter()
        .map(|&(from, to)| {
            let (year, n) = period_key(kind, dates[from]);
            Period {
                label: match kind {
                    PeriodKind::Week => format!("{year}-W{n:02}"),
                    PeriodKind::Month => format!("{year}-{n:02}"),
                },
                start: dates[from],
                end: dates[to],
            }
        })
        .collect();
    // A period's return runs from the last level before it (the window's
    // first date for the first period, which has no return of its own).
    let growth = |levels: &[f64], from: usize, to: usize| {
        let before = from.saturating_sub(1);
        (to > before).then(|| levels[to] / levels[before] - 1.0)
    };
    let basket_returns: Vec<Option<f64>> = spans
        .iter()
        .map(|&(from, to)| growth(&study.basket_levels, from, to))
        .collect();
    let cells = study
        .indices
        .iter()
        .map(|index| {
            spans
                .iter()
                .zip(&basket_returns)
                .map(|(&(from, to), basket)| {
                    let traded = index.eligible[from.max(1)..=to].iter().any(|n| *n > 0);
                    let own = growth(&index.levels, from, to).filter(|_| traded)?;
                    Some(own - (*basket)?)
                })
                .collect()
        })
        .collect();
    Rotation {
        basket: study.basket.clone(),
        kind,
        periods,
        segments: study.indices.iter().map(|i| i.segment.clone()).collect(),
        cells,
        basket_returns,
    }
}
