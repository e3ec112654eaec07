//! Which ratio leads (METHODOLOGY.md "Lead-lag between the two ratios"):
//! the cross-correlation of their log changes at lags −K…+K with its band,
//! and the Granger F test both ways.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, FisherSnedecor};

use super::least_squares::residual_sum_of_squares;
use super::scatter::Scatter;
use super::stats::{log_changes, pearson};

/// Lags each side of 0, unless asked otherwise.
pub const DEFAULT_MAX_LAG: usize = 10;
/// Lags in each Granger regression, unless asked otherwise.
pub const DEFAULT_GRANGER_LAGS: usize = 5;

/// `ccf(k) = corr(x_t, y_{t+k})`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CcfBar {
    pub k: i32,
    /// Pairs used: `N − |k|`.
    pub n: usize,
    pub r: Option<f64>,
    /// `1.96/√n`.
    pub band: Option<f64>,
    /// `|r|` is outside the band.
    pub significant: bool,
}

/// Does `cause`'s past help predict `effect`?
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Granger {
    pub cause: String,
    pub effect: String,
    pub lags: usize,
    /// Observations in each regression: `T = N − p`.
    pub observations: usize,
    pub f: Option<f64>,
    pub df_num: usize,
    /// `T − 2p − 1`, 0 when too few observations.
    pub df_den: usize,
    pub p_value: Option<f64>,
}

/// The lead-lag evidence between x = A/B and y = A/C.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadLag {
    pub x: String,
    pub y: String,
    /// N: log changes of each ratio.
    pub changes: usize,
    pub max_lag: usize,
    /// k = −K…+K.
    pub ccf: Vec<CcfBar>,
    /// The bar with the largest `|r|`.
    pub peak: Option<CcfBar>,
    pub x_to_y: Granger,
    pub y_to_x: Granger,
}

/// The level at which a Granger p-value counts as evidence.
pub const GRANGER_LEVEL: f64 = 0.05;

/// Which ratio's past helps predict the other's (Granger at 5%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Leader {
    /// x → y only.
    X,
    /// y → x only.
    Y,
    /// Both ways: feedback, no single leader.
    Both,
    /// Neither way (or n/a).
    Neither,
}

impl LeadLag {
    /// Who leads by the Granger tests at [`GRANGER_LEVEL`].
    pub fn leader(&self) -> Leader {
        let leads = |g: &Granger| g.p_value.is_some_and(|p| p < GRANGER_LEVEL);
        match (leads(&self.x_to_y), leads(&self.y_to_x)) {
            (true, false) => Leader::X,
            (false, true) => Leader::Y,
            (true, true) => Leader::Both,
            (false, false) => Leader::Neither,
        }
    }
}

/// `corr(x_t, y_{t+k})` over the pairs where both exist.
pub fn ccf(x: &[f64], y: &[f64], k: i32) -> CcfBar {
    let len = x.len().min(y.len());
    // A lag past the data leaves no pairs (and must not slice past it).
    let shift = (k.unsigned_abs() as usize).min(len);
    let n = len - shift;
    let (xs, ys) = if k >= 0 {
        (&x[..n], &y[shift..shift + n])
    } else {
        (&x[shift..shift + n], &y[..n])
    };
    let r = pearson(xs, ys);
    let band = (n > 0).then(|| 1.96 / (n as f64).sqrt());
    CcfBar {
        k,
        n,
        r,
        band,
        significant: matches!((r, band), (Some(r), Some(b)) if r.abs() > b),
    }
}

/// The Granger F test of `cause` → `effect` with `lags` lags each.
pub fn granger(cause: &[f64], effect: &[f64], lags: usize, names: (&str, &str)) -> Granger {
    let n = cause.len().min(effect.len());
    let observations = n.saturating_sub(lags);
    let df_den = observations.saturating_sub(2 * lags + 1);
    let mut out = Granger {
        cause: names.0.to_string(),
        effect: names.1.to_string(),
        lags,
        observations,
        f: None,
        df_num: lags,
        df_den,
        p_value: None,
    };
    if lags == 0 || df_den == 0 {
        return out;
    }
    let target: Vec<f64> = effect[lags..n].to_vec();
    let lagged = |series: &[f64], i: usize| series[lags - i..n - i].to_vec();
    let mut columns = vec![vec![1.0; observations]];
    columns.extend((1..=lags).map(|i| lagged(effect, i)));
    let restricted = residual_sum_of_squares(&columns, &target);
    columns.extend((1..=lags).map(|i| lagged(cause, i)));
    let unrestricted = residual_sum_of_squares(&columns, &target);
    let (Some(rss_r), Some(rss_u)) = (restricted, unrestricted) else {
        return out;
    };
    if rss_u <= 0.0 {
        return out;
    }
    let f = ((rss_r - rss_u) / lags as f64) / (rss_u / df_den as f64);
    if !f.is_finite() {
        return out;
    }
    out.f = Some(f);
    out.p_value = FisherSnedecor::new(lags as f64, df_den as f64)
        .ok()
        .map(|dist| dist.sf(f.max(0.0)))
        .filter(|p| p.is_finite());
    out
}

/// The lead-lag evidence of two parallel series of log changes.
pub fn lead_lag_of_changes(
    labels: (&str, &str),
    x: &[f64],
    y: &[f64],
    max_lag: usize,
    lags: usize,
) -> LeadLag {
    let max = i32::try_from(max_lag).unwrap_or(i32::MAX);
    let bars: Vec<CcfBar> = (-max..=max).map(|k| ccf(x, y, k)).collect();
    // Largest |r|; on a tie the smallest |k|, then the negative one.
    let mut order: Vec<&CcfBar> = bars.iter().collect();
    order.sort_by_key(|b| (b.k.abs(), b.k));
    let peak = order
        .into_iter()
        .filter(|b| b.r.is_some())
        .fold(None::<&CcfBar>, |best, b| match best {
            Some(best) if best.r.map(f64::abs) >= b.r.map(f64::abs) => Some(best),
            _ => Some(b),
        })
        .copied();
    LeadLag {
        x: labels.0.to_string(),
        y: labels.1.to_string(),
        changes: x.len().min(y.len()),
        max_lag,
        x_to_y: granger(x, y, lags, labels),
        y_to_x: granger(y, x, lags, (labels.1, labels.0)),
        ccf: bars,
        peak,
    }
}

/// The lead-lag evidence of the scatter's two ratios over its points.
pub fn lead_lag(scatter: &Scatter, max_lag: usize, lags: usize) -> LeadLag {
    let xs: Vec<f64> = scatter.points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = scatter.points.iter().map(|p| p.y).collect();
    lead_lag_of_changes(
        (&scatter.x_label, &scatter.y_label),
        &log_changes(&xs),
        &log_changes(&ys),
        max_lag,
        lags,
    )
}
