//! The event study of one series around one report (METHODOLOGY.md "Event
//! study"): abnormal returns, CARs with their t, the CAR path, and the
//! aggregate across events.
//!
//! Inputs are a series' whole calendar up to as-of and the benchmark's
//! returns already carried onto it, so nothing here can read past as-of.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::returns::{sample_sd, simple_returns};
use super::stats::ols;

/// The CAR windows `[τ1, τ2]` every event reports.
pub const CAR_WINDOWS: [(i32, i32); 5] = [(-1, 1), (0, 1), (0, 5), (-5, 5), (0, 10)];
/// The estimation window `[τ1, τ2]` of `s` and of the market model.
pub const ESTIMATION: (i32, i32) = (-120, -11);
/// Fewer estimation returns than this: no `s`, no α and β.
pub const MIN_ESTIMATION: usize = 60;
/// The τ range of the CAR path the event view draws.
pub const PATH: (i32, i32) = (-5, 10);

/// How the normal return is taken out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Model {
    /// `AR = R − R_bench`.
    #[default]
    Adjusted,
    /// `AR = R − (α + β·R_bench)`, α and β from the estimation window.
    Market,
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Model::Adjusted => "adjusted",
            Model::Market => "market",
        })
    }
}

impl FromStr for Model {
    type Err = String;
    fn from_str(s: &str) -> Result<Model, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "adjusted" => Ok(Model::Adjusted),
            "market" => Ok(Model::Market),
            other => Err(format!("unknown model {other:?}; use adjusted or market")),
        }
    }
}

/// One series as the study reads it: its whole calendar up to as-of.
#[derive(Debug, Clone, Copy)]
pub struct StudyInput<'a> {
    pub label: &'a str,
    pub dates: &'a [NaiveDate],
    pub levels: &'a [f64],
    /// The benchmark's returns carried onto `dates`; `None` for a ratio,
    /// which is already relative (its AR is its own return).
    pub bench: Option<&'a [Option<f64>]>,
}

/// `CAR(from, to)` with its t.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Car {
    pub from: i32,
    pub to: i32,
    /// ARs summed: `to − from + 1`, fewer when cut at as-of.
    pub days: usize,
    pub car: Option<f64>,
    pub t: Option<f64>,
    /// The window reaches past as-of and was cut there.
    pub partial: bool,
}

/// One τ of the path: `CAR(−5, τ)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PathPoint {
    pub tau: i32,
    pub date: Option<NaiveDate>,
    pub ar: Option<f64>,
    pub car: Option<f64>,
}

/// One series around one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesStudy {
    /// Basket id or `A/B`.
    pub series: String,
    /// A ratio: no benchmark.
    pub relative: bool,
    /// The first date of the series' calendar on or after the first
    /// reacting session; `None`: no such date up to as-of.
    pub day0: Option<NaiveDate>,
    /// Returns in the estimation window.
    pub estimation_n: usize,
    pub alpha: Option<f64>,
    pub beta: Option<f64>,
    /// Sample sd of the estimation window's ARs.
    pub s: Option<f64>,
    pub cars: Vec<Car>,
    /// `CAR(−5, τ)` for τ = −5…+10 (left out of JSON when cleared, as the
    /// report does to stay short).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<PathPoint>,
}

impl SeriesStudy {
    /// The CAR over `[from, to]`, if it is one of the windows.
    pub fn car(&self, from: i32, to: i32) -> Option<&Car> {
        self.cars.iter().find(|c| c.from == from && c.to == to)
    }
}

/// The abnormal returns of a series on its calendar, with what the
/// estimation window gave.
struct Abnormal {
    ar: Vec<Option<f64>>,
    estimation_n: usize,
    alpha: Option<f64>,
    beta: Option<f64>,
    s: Option<f64>,
}

/// The calendar positions of `[τ1, τ2]` around day 0 at `t0` (may be negative).
fn positions(t0: usize, (from, to): (i32, i32)) -> (i64, i64) {
    (t0 as i64 + i64::from(from), t0 as i64 + i64::from(to))
}

fn abnormal(input: &StudyInput<'_>, t0: usize, model: Model) -> Abnormal {
    let ret = simple_returns(input.levels);
    let (lo, hi) = positions(t0, ESTIMATION);
    let est: Vec<usize> = (lo.max(0)..=hi.max(-1)).map(|p| p as usize).collect();
    let Some(bench) = input.bench else {
        let window: Vec<f64> = est.iter().filter_map(|&p| ret[p]).collect();
        let s = (window.len() >= MIN_ESTIMATION)
            .then(|| sample_sd(&window))
            .flatten();
        return Abnormal {
            ar: ret,
            estimation_n: window.len(),
            alpha: None,
            beta: None,
            s,
        };
    };
    let pairs: Vec<(f64, f64)> = est
        .iter()
        .filter_map(|&p| ret[p].zip(bench.get(p).copied().flatten()))
        .collect();
    let enough = pairs.len() >= MIN_ESTIMATION;
    let (alpha, beta) = match model {
        Model::Adjusted => (None, None),
        Model::Market if enough => {
            let (r, m): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
            ols(&m, &r).map_or((None, None), |fit| (Some(fit.intercept), Some(fit.slope)))
        }
        Model::Market => (None, None),
    };
    let normal = |m: f64| match model {
        Model::Adjusted => Some(m),
        Model::Market => Some(alpha? + beta? * m),
    };
    let ar: Vec<Option<f64>> = ret
        .iter()
        .enumerate()
        .map(|(p, r)| Some(r.as_ref()? - normal(bench.get(p).copied().flatten()?)?))
        .collect();
    let window: Vec<f64> = est.iter().filter_map(|&p| ar[p]).collect();
    let s = enough.then(|| sample_sd(&window)).flatten();
    Abnormal {
        ar,
        estimation_n: pairs.len(),
        alpha,
        beta,
        s,
    }
}

/// `CAR(τ1, τ2)` and its t from the ARs, cut at the last date (as-of).
fn car(ab: &Abnormal, t0: usize, window: (i32, i32)) -> Car {
    let (p1, p2) = positions(t0, window);
    let last = ab.ar.len() as i64 - 1;
    let mut out = Car {
        from: window.0,
        to: window.1,
        days: 0,
        car: None,
        t: None,
        partial: p2 > last,
    };
    if p1 < 0 || p1 > last {
        out.partial = false;
        return out;
    }
    let span = &ab.ar[p1 as usize..=p2.min(last) as usize];
    out.days = span.len();
    out.car = span.iter().copied().sum::<Option<f64>>();
    out.t = match (out.car, ab.s) {
        (Some(car), Some(s)) if s > 0.0 => Some(car / (s * (out.days as f64).sqrt())),
        _ => None,
    };
    out
}

/// The event study of `input` around the event whose first reacting (Hong
/// Kong) session is `first_session`.
pub fn study_series(input: &StudyInput<'_>, first_session: NaiveDate, model: Model) -> SeriesStudy {
    let t0 = input.dates.partition_point(|d| *d < first_session);
    let mut out = SeriesStudy {
        series: input.label.to_string(),
        relative: input.bench.is_none(),
        day0: input.dates.get(t0).copied(),
        estimation_n: 0,
        alpha: None,
        beta: None,
        s: None,
        cars: Vec::new(),
        path: Vec::new(),
    };
    if out.day0.is_none() {
        // Day 0 is after as-of: no numbers at all.
        out.cars = CAR_WINDOWS
            .iter()
            .map(|&(from, to)| Car {
                from,
                to,
                days: 0,
                car: None,
                t: None,
                partial: false,
            })
            .collect();
        out.path = (PATH.0..=PATH.1)
            .map(|tau| PathPoint {
                tau,
                date: None,
                ar: None,
                car: None,
            })
            .collect();
        return out;
    }
    let ab = abnormal(input, t0, model);
    out.estimation_n = ab.estimation_n;
    out.alpha = ab.alpha;
    out.beta = ab.beta;
    out.s = ab.s;
    out.cars = CAR_WINDOWS.iter().map(|&w| car(&ab, t0, w)).collect();
    let mut running = Some(0.0);
    out.path = (PATH.0..=PATH.1)
        .map(|tau| {
            let p = t0 as i64 + i64::from(tau);
            let at = usize::try_from(p).ok().filter(|&p| p < ab.ar.len());
            let ar = at.and_then(|p| ab.ar[p]);
            running = running.zip(ar).map(|(c, a)| c + a);
            PathPoint {
                tau,
                date: at.map(|p| input.dates[p]),
                ar,
                car: running,
            }
        })
        .collect();
    out
}

/// One window's CARs across events.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AggregateCar {
    pub from: i32,
    pub to: i32,
    /// Events with a whole (not partial) CAR.
    pub n: usize,
    pub mean: Option<f64>,
    /// `mean / (sd/√n)`: n/a below 2 events or with sd = 0.
    pub t: Option<f64>,
    /// CARs > 0.
    pub positive: usize,
}

/// One series' CARs across events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregate {
    pub series: String,
    pub cars: Vec<AggregateCar>,
}

/// The cross-sectional aggregate of each series (in first-seen order)
/// over the studies of several events.
pub fn aggregate<'a>(studies: impl IntoIterator<Item = &'a SeriesStudy>) -> Vec<Aggregate> {
    let mut by_series: Vec<(String, Vec<&SeriesStudy>)> = Vec::new();
    for study in studies {
        match by_series.iter_mut().find(|(s, _)| *s == study.series) {
            Some((_, list)) => list.push(study),
            None => by_series.push((study.series.clone(), vec![study])),
        }
    }
    by_series
        .into_iter()
        .map(|(series, list)| Aggregate {
            series,
            cars: CAR_WINDOWS
                .iter()
                .map(|&(from, to)| {
                    let cars: Vec<f64> = list
                        .iter()
                        .filter_map(|s| s.car(from, to))
                        .filter(|c| !c.partial)
                        .filter_map(|c| c.car)
                        .collect();
                    aggregate_car(from, to, &cars)
                })
                .collect(),
        })
        .collect()
}

fn aggregate_car(from: i32, to: i32, cars: &[f64]) -> AggregateCar {
    let n = cars.len();
    let mean = (n > 0).then(|| cars.iter().sum::<f64>() / n as f64);
    let t = match (mean, sample_sd(cars)) {
        (Some(mean), Some(sd)) if sd > 0.0 => Some(mean / (sd / (n as f64).sqrt())),
        _ => None,
    };
    AggregateCar {
        from,
        to,
        n,
        mean,
        t,
        positive: cars.iter().filter(|c| **c > 0.0).count(),
    }
}
