//! Rolling beta of a basket against the benchmark, with its standard error
//! (METHODOLOGY.md "Beta against the benchmark").

use chrono::NaiveDate;
use serde::Serialize;

use super::stats::ols;

/// Returns per beta, unless asked otherwise.
pub const DEFAULT_BETA_WINDOW: usize = 60;

/// The OLS of `r` on `m`: `r = α + β·m`, and `SE(β)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BetaFit {
    pub alpha: f64,
    pub beta: f64,
    /// `√(σ²/Σ(m − m̄)²)`, `σ² = RSS/(n − 2)`.
    pub se: f64,
    pub n: usize,
}

/// One date's beta over the W returns ending there.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BetaPoint {
    pub date: NaiveDate,
    pub fit: Option<BetaFit>,
}

/// `β = cov(r, m)/var(m)` with its SE; n/a below 3 pairs or with a flat `m`.
pub fn beta(r: &[f64], m: &[f64]) -> Option<BetaFit> {
    let fit = ols(m, r)?;
    let n = r.len();
    let mean_m = m.iter().sum::<f64>() / n as f64;
    let smm: f64 = m.iter().map(|v| (v - mean_m) * (v - mean_m)).sum();
    let rss: f64 = r
        .iter()
        .zip(m)
        .map(|(r, m)| {
            let e = r - fit.intercept - fit.slope * m;
            e * e
        })
        .sum();
    let se = (rss / (n - 2) as f64 / smm).sqrt();
    se.is_finite().then_some(BetaFit {
        alpha: fit.intercept,
        beta: fit.slope,
        se,
        n,
    })
}

/// The beta over each trailing window of `window` returns, one value per
/// date from the `window`-th return on; a window missing a return is n/a.
/// `dates`, `r` and `m` are parallel (a date and the returns ending on it).
pub fn rolling_beta(
    dates: &[NaiveDate],
    r: &[Option<f64>],
    m: &[Option<f64>],
    window: usize,
) -> Vec<BetaPoint> {
    let n = dates.len().min(r.len()).min(m.len());
    if window == 0 || n < window {
        return Vec::new();
    }
    (window..=n)
        .map(|end| {
            let span = end - window..end;
            let pairs: Option<Vec<(f64, f64)>> = span.clone().map(|i| r[i].zip(m[i])).collect();
            BetaPoint {
                date: dates[end - 1],
                fit: pairs.and_then(|pairs| {
                    let (rs, ms): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
                    beta(&rs, &ms)
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answer() {
        // m = 1, 2, 3, 4; r = 2, 4, 5, 4 (as in stats' test): β = 3.5/5 =
        // 0.7, α = 2; fitted 2.7, 3.4, 4.1, 4.8; residuals −0.7, 0.6, 0.9,
        // −0.8; RSS = 0.49 + 0.36 + 0.81 + 0.64 = 2.3; σ² = 2.3/2 = 1.15;
        // SE = √(1.15/5) = √0.23.
        let fit = beta(&[2.0, 4.0, 5.0, 4.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((fit.beta - 0.7).abs() < 1e-15);
        assert!((fit.alpha - 2.0).abs() < 1e-14);
        assert!((fit.se - 0.23f64.sqrt()).abs() < 1e-14);
        assert_eq!(beta(&[1.0, 2.0, 3.0], &[0.5; 3]), None, "flat benchmark");
    }
}
