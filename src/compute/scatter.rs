//! Ratio versus ratio: x = A/B, y = A/C, one point per date both exist.

use chrono::NaiveDate;
use serde::Serialize;

use super::ratio::RatioSeries;
use super::stats::{log_changes, ols, pearson, rolling_correlation};

/// One date of the scatter, both ratios rebased to 1.0 at the first point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScatterPoint {
    pub date: NaiveDate,
    pub x: f64,
    pub y: f64,
}

/// The statistics of METHODOLOGY.md over the points; `None` is "n/a".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScatterStats {
    /// Points used.
    pub n: usize,
    /// Log changes between consecutive points (`n - 1`, or 0).
    pub n_changes: usize,
    /// Pearson r of the levels.
    pub levels_r: Option<f64>,
    /// OLS `y = intercept + slope * x` on the levels.
    pub slope: Option<f64>,
    pub intercept: Option<f64>,
    /// `levels_r²`.
    pub r_squared: Option<f64>,
    /// Pearson r of the log changes.
    pub changes_r: Option<f64>,
}

/// The scatter of two ratios with its statistics and rolling correlation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scatter {
    pub x_label: String,
    pub y_label: String,
    pub points: Vec<ScatterPoint>,
    pub stats: ScatterStats,
    /// W: the log changes each rolling value uses.
    pub roll_window: usize,
    /// Pearson r of the last W log changes, dated on the last one's point,
    /// from the W-th change on.
    pub rolling: Vec<(NaiveDate, Option<f64>)>,
}

/// The scatter of `y` against `x` on the dates where both ratios exist
/// (a date missing from one ratio's own calendar is not a point), rebased
/// to 1.0 at the first point so no rescaling changes a statistic.
pub fn scatter(x: &RatioSeries, y: &RatioSeries, roll: usize) -> Scatter {
    let mut raw = Vec::with_capacity(x.dates.len().min(y.dates.len()));
    let (mut i, mut j) = (0, 0);
    while i < x.dates.len() && j < y.dates.len() {
        match x.dates[i].cmp(&y.dates[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if let (Some(&vx), Some(&vy)) = (x.values.get(i), y.values.get(j)) {
                    raw.push((x.dates[i], vx, vy));
                }
                i += 1;
                j += 1;
            }
        }
    }
    let points: Vec<ScatterPoint> = match raw.first() {
        Some(&(_, x0, y0)) => raw
            .iter()
            .map(|&(date, vx, vy)| ScatterPoint {
                date,
                x: vx / x0,
                y: vy / y0,
            })
            .collect(),
        None => Vec::new(),
    };
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    let (dx, dy) = (log_changes(&xs), log_changes(&ys));
    let change_dates: Vec<NaiveDate> = points.iter().skip(1).map(|p| p.date).collect();
    Scatter {
        x_label: x.label.clone(),
        y_label: y.label.clone(),
        stats: scatter_stats(&points),
        roll_window: roll,
        rolling: rolling_correlation(&change_dates, &dx, &dy, roll),
        points,
    }
}

/// The statistics of a set of points, in their order (changes run between
/// consecutive points).
pub fn scatter_stats(points: &[ScatterPoint]) -> ScatterStats {
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    let levels_r = pearson(&xs, &ys);
    let fit = ols(&xs, &ys);
    ScatterStats {
        n: points.len(),
        n_changes: points.len().saturating_sub(1),
        levels_r,
        slope: fit.map(|f| f.slope),
        intercept: fit.map(|f| f.intercept),
        r_squared: levels_r.map(|r| r * r),
        changes_r: pearson(&log_changes(&xs), &log_changes(&ys)),
    }
}
