//! Drawdowns of an index over the window (METHODOLOGY.md "Drawdown").

use chrono::NaiveDate;
use serde::Serialize;

/// A series' current and maximum drawdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drawdown {
    pub series: String,
    /// `I(last)/P(last) − 1`; n/a for an empty series.
    pub current: Option<f64>,
    /// `min D(t)`: 0 for an index that never fell.
    pub max: Option<f64>,
    /// The last date at the running peak before the trough.
    pub peak: Option<NaiveDate>,
    /// The first date of the maximum drawdown.
    pub trough: Option<NaiveDate>,
    /// The first date after the trough back at the peak's level; `None`
    /// with a trough: not recovered.
    pub recovery: Option<NaiveDate>,
}

impl Drawdown {
    /// The maximum drawdown has a trough and no recovery yet.
    pub fn not_recovered(&self) -> bool {
        self.trough.is_some() && self.recovery.is_none()
    }
}

/// The drawdowns of `levels` (dated by `dates`, parallel).
pub fn drawdown(series: &str, dates: &[NaiveDate], levels: &[f64]) -> Drawdown {
    let mut out = Drawdown {
        series: series.to_string(),
        current: None,
        max: None,
        peak: None,
        trough: None,
        recovery: None,
    };
    let n = dates.len().min(levels.len());
    if n == 0 {
        return out;
    }
    let (mut running, mut running_at) = (levels[0], 0);
    let (mut max, mut worst) = (0.0, None::<(usize, usize)>);
    let mut current = 0.0;
    for (t, &level) in levels[..n].iter().enumerate() {
        if level >= running {
            (running, running_at) = (level, t);
        }
        current = level / running - 1.0;
        if current < max {
            max = current;
            worst = Some((running_at, t));
        }
    }
    out.current = Some(current);
    out.max = Some(max);
    if let Some((peak, trough)) = worst {
        out.peak = Some(dates[peak]);
        out.trough = Some(dates[trough]);
        out.recovery = (trough + 1..n)
            .find(|&t| levels[t] >= levels[peak])
            .map(|t| dates[t]);
    }
    out
}
