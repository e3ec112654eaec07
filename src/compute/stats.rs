//! Pearson correlation, the OLS fit and the rolling correlation.
//!
//! A statistic that cannot be computed (fewer than 3 pairs, zero variance,
//! slices of different lengths) is `None`, never 0 or NaN.

use chrono::NaiveDate;
use serde::Serialize;

/// The fewest pairs a statistic is computed from.
const MIN_PAIRS: usize = 3;

/// A sum of squared deviations this small against the sum of squares is
/// rounding noise of a constant series, not variance.
const ZERO_VARIANCE: f64 = 1e-24;

/// The least-squares line `y = intercept + slope * x`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    pub intercept: f64,
    pub slope: f64,
}

/// Centred sums of a set of pairs.
struct Moments {
    mean_x: f64,
    mean_y: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
    x_varies: bool,
    y_varies: bool,
}

impl Moments {
    fn of(xs: &[f64], ys: &[f64]) -> Option<Moments> {
        let n = xs.len();
        if n != ys.len() || n < MIN_PAIRS || xs.iter().chain(ys).any(|v| !v.is_finite()) {
            return None;
        }
        let mean_x = xs.iter().sum::<f64>() / n as f64;
        let mean_y = ys.iter().sum::<f64>() / n as f64;
        let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
        for (x, y) in xs.iter().zip(ys) {
            let (dx, dy) = (x - mean_x, y - mean_y);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        let squares = |vs: &[f64]| vs.iter().map(|v| v * v).sum::<f64>();
        Some(Moments {
            mean_x,
            mean_y,
            sxx,
            syy,
            sxy,
            x_varies: sxx > ZERO_VARIANCE * squares(xs),
            y_varies: syy > ZERO_VARIANCE * squares(ys),
        })
    }
}

/// Pearson's r of the pairs `(xs[k], ys[k])`.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let m = Moments::of(xs, ys)?;
    if !(m.x_varies && m.y_varies) {
        return None;
    }
    let r = m.sxy / (m.sxx.sqrt() * m.syy.sqrt());
    r.is_finite().then(|| r.clamp(-1.0, 1.0))
}

/// The OLS fit of `ys` on `xs` (defined when `xs` varies).
pub fn ols(xs: &[f64], ys: &[f64]) -> Option<Fit> {
    let m = Moments::of(xs, ys)?;
    if !m.x_varies {
        return None;
    }
    let slope = m.sxy / m.sxx;
    let intercept = m.mean_y - slope * m.mean_x;
    (slope.is_finite() && intercept.is_finite()).then_some(Fit { intercept, slope })
}

/// `ln(v(t) / v(t-1))` for each consecutive pair (one fewer than `values`).
pub fn log_changes(values: &[f64]) -> Vec<f64> {
    values.windows(2).map(|w| (w[1] / w[0]).ln()).collect()
}

/// Pearson's r over a trailing window of `window` pairs: one value per
/// pair from the `window`-th on, dated like that pair. `dates`, `xs`
/// and `ys` are parallel (for the scatter: each log change and the date of
/// the point it ends on).
pub fn rolling_correlation(
    dates: &[NaiveDate],
    xs: &[f64],
    ys: &[f64],
    window: usize,
) -> Vec<(NaiveDate, Option<f64>)> {
    let n = dates.len().min(xs.len()).min(ys.len());
    if window == 0 || n < window {
        return Vec::new();
    }
    (window..=n)
        .map(|end| {
            let from = end - window;
            (dates[end - 1], pearson(&xs[from..end], &ys[from..end]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        // x = 1,2,3,4; y = 2,4,5,4: means 2.5 and 3.75; sxx = 5, syy = 4.75,
        // sxy = (-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(1.25) + (1.5)(0.25) = 3.5.
        let (xs, ys) = ([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 4.0]);
        let r = pearson(&xs, &ys).unwrap();
        assert!((r - 3.5 / (5.0f64 * 4.75).sqrt()).abs() < 1e-15);
        let fit = ols(&xs, &ys).unwrap();
        assert!((fit.slope - 0.7).abs() < 1e-15); // 3.5 / 5
        assert!((fit.intercept - 2.0).abs() < 1e-15); // 3.75 - 0.7 * 2.5
    }

    #[test]
    fn degenerate_inputs_give_none() {
        assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0]), None, "two pairs");
        assert_eq!(
            pearson(&[0.1; 5], &[1.0, 2.0, 3.0, 4.0, 5.0]),
            None,
            "constant x"
        );
        assert_eq!(ols(&[0.1; 5], &[1.0, 2.0, 3.0, 4.0, 5.0]), None);
        assert_eq!(
            pearson(&[1.0, 2.0, 3.0], &[1.0, 2.0]),
            None,
            "lengths differ"
        );
        assert_eq!(pearson(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0]), None);
        // A flat y still has a fit (slope 0) but no correlation.
        let fit = ols(&[1.0, 2.0, 3.0], &[5.0; 3]).unwrap();
        assert_eq!((fit.slope, fit.intercept), (0.0, 5.0));
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[5.0; 3]), None);
    }
}
