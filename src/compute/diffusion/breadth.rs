//! Breadth per basket and day (METHODOLOGY.md "Breadth"): how many members
//! join the move. Day t reads prices up to t only.

use std::collections::VecDeque;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::compute::history::IndexHistory;
use crate::compute::life::Life;
use crate::domain::{Basket, BasketId, PriceBook, Window};

/// Prices in the short and long moving means (and the long high).
pub const SHORT_MEAN: usize = 20;
pub const LONG_MEAN: usize = 60;
/// Sessions of the trailing return.
pub const RETURN_SESSIONS: usize = 20;

/// One day of `spillover breadth`. A share is `None` (JSON `null`) when no
/// member counted on the day has enough prices for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreadthDay {
    pub date: NaiveDate,
    /// Members with an own row on the day.
    pub members: usize,
    pub above_ma20: Option<f64>,
    pub above_ma60: Option<f64>,
    pub positive_20d: Option<f64>,
    pub outperforming_20d: Option<f64>,
    /// Sample standard deviation (n - 1) of the members' 20-session returns.
    pub dispersion_20d: Option<f64>,
    /// Members whose price is the highest of their last 60 (ties count).
    pub highs_60d: usize,
}

/// A basket's breadth over a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breadth {
    pub basket: BasketId,
    pub as_of: NaiveDate,
    pub days: Vec<BreadthDay>,
}

/// Per window date, the counts and sums every member adds to.
#[derive(Debug, Clone, Default)]
struct Tally {
    members: Vec<u32>,
    n20: Vec<u32>,
    above20: Vec<u32>,
    n60: Vec<u32>,
    above60: Vec<u32>,
    highs60: Vec<u32>,
    n_ret: Vec<u32>,
    positive: Vec<u32>,
    outperforming: Vec<u32>,
    sum: Vec<f64>,
    sum_sq: Vec<f64>,
}

impl Tally {
    fn new(n: usize) -> Tally {
        let z = || vec![0u32; n];
        Tally {
            members: z(),
            n20: z(),
            above20: z(),
            n60: z(),
            above60: z(),
            highs60: z(),
            n_ret: z(),
            positive: z(),
            outperforming: z(),
            sum: vec![0.0; n],
            sum_sq: vec![0.0; n],
        }
    }

    fn add(mut self, other: Tally) -> Tally {
        let add = |a: &mut Vec<u32>, b: Vec<u32>| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.members, other.members);
        add(&mut self.n20, other.n20);
        add(&mut self.above20, other.above20);
        add(&mut self.n60, other.n60);
        add(&mut self.above60, other.above60);
        add(&mut self.highs60, other.highs60);
        add(&mut self.n_ret, other.n_ret);
        add(&mut self.positive, other.positive);
        add(&mut self.outperforming, other.outperforming);
        let addf = |a: &mut Vec<f64>, b: Vec<f64>| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        addf(&mut self.sum, other.sum);
        addf(&mut self.sum_sq, other.sum_sq);
        self
    }
}

/// Which calendar positions of `span` a member has its own row on.
fn own_rows(life: Option<Life>, calendar: &[NaiveDate], span: Range<usize>) -> Vec<bool> {
    let Some(life) = life else {
        return vec![false; span.len()];
    };
    let dates = life.dates();
    let mut row = dates.partition_point(|d| *d < calendar[span.start]);
    calendar[span]
        .iter()
        .map(|day| {
            while row < dates.len() && dates[row] < *day {
                row += 1;
            }
            row < dates.len() && dates[row] == *day
        })
        .collect()
}

/// `price` strictly above the mean of `window` (which holds it). Decided on
/// the running sum unless that is within rounding of a tie, then on the
/// exact sign of `sum(price - p)`: a flat run is never "above".
fn above_mean(price: f64, running_sum: f64, window: &[f64]) -> bool {
    let mean = running_sum / window.len() as f64;
    if (price - mean).abs() > 1e-9 * price {
        return price > mean;
    }
    window.iter().map(|p| price - p).sum::<f64>() > 0.0
}

/// Adds one member's days to `tally`: positions `span` of the calendar,
/// its prices `priced` (positions `first..`), `own` from [`own_rows`].
fn tally_member(
    tally: &mut Tally,
    history: &IndexHistory,
    member: usize,
    span: &Range<usize>,
    own: &[bool],
) {
    let (positions, prices) = history.members[member].priced();
    let from = span.start.max(positions.start);
    let to = span.end.min(positions.end);
    if from >= to {
        return;
    }
    let price = |t: usize| prices[t - positions.start];
    // Running sums over the last 20 and 60 positions up to t (only while
    // the member has that many prices), and the 60-position high.
    let lookback = positions.start.max(from.saturating_sub(LONG_MEAN - 1));
    let (mut sum20, mut sum60) = (0.0, 0.0);
    let mut highs: VecDeque<usize> = VecDeque::new();
    for t in lookback..to {
        let p = price(t);
        sum20 += p;
        sum60 += p;
        // Only prices that were added are taken out again.
        if t >= lookback + SHORT_MEAN {
            sum20 -= price(t - SHORT_MEAN);
        }
        if t >= lookback + LONG_MEAN {
            sum60 -= price(t - LONG_MEAN);
        }
        while highs.back().is_some_and(|&b| price(b) <= p) {
            highs.pop_back();
        }
        highs.push_back(t);
        if highs.front().is_some_and(|&f| f + LONG_MEAN <= t) {
            highs.pop_front();
        }
        if t < from || !own[t - span.start] || p.is_nan() {
            continue;
        }
        let k = t - span.start;
        tally.members[k] += 1;
        let count = t + 1 - positions.start;
        if count >= SHORT_MEAN {
            tally.n20[k] += 1;
            let window = &prices[t + 1 - SHORT_MEAN - positions.start..=t - positions.start];
            tally.above20[k] += u32::from(above_mean(p, sum20, window));
        }
        if count >= LONG_MEAN {
            tally.n60[k] += 1;
            let window = &prices[t + 1 - LONG_MEAN - positions.start..=t - positions.start];
            tally.above60[k] += u32::from(above_mean(p, sum60, window));
            // The front is the window's highest (the latest of equals).
            tally.highs60[k] += u32::from(highs.front().is_some_and(|&f| price(f) <= p));
        }
        if count > RETURN_SESSIONS {
            let r = p / price(t - RETURN_SESSIONS) - 1.0;
            let basket = history.levels[t] / history.levels[t - RETURN_SESSIONS] - 1.0;
            tally.n_ret[k] += 1;
            tally.positive[k] += u32::from(r > 0.0);
            tally.outperforming[k] += u32::from(r > basket);
            tally.sum[k] += r;
            tally.sum_sq[k] += r * r;
        }
    }
}

/// Members per parallel task.
const MEMBERS_PER_TASK: usize = 64;

/// The breadth of `basket`, whose index `history` is (built from `book`),
/// on each of its index dates in `window`.
pub fn breadth(
    basket: &Basket,
    book: &PriceBook,
    history: &IndexHistory,
    window: Window,
) -> Breadth {
    let span = history.span(window.cut_at(history.as_of));
    let n = span.len();
    let members: Vec<usize> = (0..basket.members.len().min(history.members.len())).collect();
    let tally = members
        .par_chunks(MEMBERS_PER_TASK)
        .map(|chunk| {
            let mut tally = Tally::new(n);
            if n == 0 {
                return tally;
            }
            for &i in chunk {
                let life = Life::of(book.get(&basket.members[i].symbol), history.as_of);
                let own = own_rows(life, &history.dates, span.clone());
                tally_member(&mut tally, history, i, &span, &own);
            }
            tally
        })
        .reduce(|| Tally::new(n), Tally::add);
    let share = |hits: &[u32], of: &[u32], k: usize| {
        (of[k] > 0).then(|| f64::from(hits[k]) / f64::from(of[k]))
    };
    let days = (0..n)
        .map(|k| {
            let m = f64::from(tally.n_ret[k]);
            let dispersion = (tally.n_ret[k] >= 2).then(|| {
                let ss = tally.sum_sq[k] - tally.sum[k] * tally.sum[k] / m;
                (ss.max(0.0) / (m - 1.0)).sqrt()
            });
            BreadthDay {
                date: history.dates[span.start + k],
                members: tally.members[k] as usize,
                above_ma20: share(&tally.above20, &tally.n20, k),
                above_ma60: share(&tally.above60, &tally.n60, k),
                positive_20d: share(&tally.positive, &tally.n_ret, k),
                outperforming_20d: share(&tally.outperforming, &tally.n_ret, k),
                dispersion_20d: dispersion,
                highs_60d: tally.highs60[k] as usize,
            }
        })
        .collect();
    Breadth {
        basket: history.basket.clone(),
        as_of: history.as_of,
        days,
    }
}
