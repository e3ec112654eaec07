//! Breadth per basket and day (METHODOLOGY.md "Breadth"): how many members
//! join the move. Day t reads prices up to t only.

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

/// `price` strictly above the mean of `window` (which holds it), `sum`
/// being the window's sum from prefix sums. Decided on that sum unless it
/// is within rounding of a tie, then on the exact sign of `sum(price - p)`:
/// a flat run is never "above".
#[inline(always)]
fn above_mean(price: f64, sum: f64, window: &[f64]) -> bool {
    let scaled = price * window.len() as f64;
    if (scaled - sum).abs() > 1e-9 * scaled {
        return scaled > sum;
    }
    window.iter().map(|p| price - p).sum::<f64>() > 0.0
}

/// Buffers one task reuses from member to member.
#[derive(Default)]
struct Scratch {
    /// `prefix[j]`: the sum of the member's first `j` prices.
    prefix: Vec<f64>,
    /// Van Herk / Gil-Werman running maxima in blocks of [`LONG_MEAN`]:
    /// from the block's start to j, and from j to the block's end.
    forward: Vec<f64>,
    backward: Vec<f64>,
}

impl Scratch {
    /// Fills the buffers for `prices`.
    fn fill(&mut self, prices: &[f64]) {
        let n = prices.len();
        self.prefix.clear();
        self.prefix.reserve(n + 1);
        let mut sum = 0.0;
        self.prefix.push(sum);
        for p in prices {
            sum += p;
            self.prefix.push(sum);
        }
        self.forward.clear();
        self.forward.extend_from_slice(prices);
        self.backward.clear();
        self.backward.extend_from_slice(prices);
        for block in (0..n).step_by(LONG_MEAN) {
            let end = (block + LONG_MEAN).min(n);
            // Prices are finite: a plain comparison, not NaN-aware `max`.
            let higher = |a: f64, b: f64| if a > b { a } else { b };
            for j in block + 1..end {
                self.forward[j] = higher(self.forward[j], self.forward[j - 1]);
            }
            for j in (block..end - 1).rev() {
                self.backward[j] = higher(self.backward[j], self.backward[j + 1]);
            }
        }
    }

    /// The highest price of positions `from..=to` (`to - from < LONG_MEAN`).
    fn max(&self, from: usize, to: usize) -> f64 {
        let (a, b) = (self.backward[from], self.forward[to]);
        if a > b { a } else { b }
    }
}

/// `counts[k] += 1` and `hits[k] += 1` where `hit(j)` for the member's
/// own-row days `k` (local position `j = j0 + k - k0`): one tight loop per
/// statistic, without bounds checks inside.
#[inline(always)]
fn count_days(
    counts: &mut [u32],
    hits: &mut [u32],
    own: &[bool],
    j0: usize,
    mut hit: impl FnMut(usize) -> bool,
) {
    let len = own.len();
    let (counts, hits) = (&mut counts[..len], &mut hits[..len]);
    for k in 0..len {
        let o = own[k];
        counts[k] += u32::from(o);
        hits[k] += u32::from(o && hit(j0 + k));
    }
}

/// Adds one member's days to `tally`: calendar positions `span`, `own`
/// its own-row days on `span` (all true for a member without gaps),
/// `basket` the basket's 20-session return on each date of `span`.
fn tally_member(
    tally: &mut Tally,
    prices: (Range<usize>, &[f64]),
    span: &Range<usize>,
    own: &[bool],
    basket: &[f64],
    scratch: &mut Scratch,
) {
    let (positions, prices) = prices;
    let from = span.start.max(positions.start);
    let to = span.end.min(positions.end);
    if from >= to {
        return;
    }
    // Local positions: j = t - first priced position; k = t - span.start.
    let first = positions.start;
    let prices = &prices[..to - first];
    scratch.fill(prices);
    let k_end = to - span.start;
    for (m, o) in tally.members[from - span.start..k_end]
        .iter_mut()
        .zip(&own[from - span.start..k_end])
    {
        *m += u32::from(*o);
    }
    // Each statistic from the first date with enough prices.
    let start = |needed: usize| from.max(first + needed - 1);
    let prefix = &scratch.prefix;
    for (window, counts, hits) in [
        (SHORT_MEAN, &mut tally.n20, &mut tally.above20),
        (LONG_MEAN, &mut tally.n60, &mut tally.above60),
    ] {
        let t0 = start(window);
        if t0 < to {
            let k0 = t0 - span.start;
            count_days(
                &mut counts[k0..],
                &mut hits[k0..],
                &own[k0..k_end],
                t0 - first,
                |j| {
                    let sum = prefix[j + 1] - prefix[j + 1 - window];
                    above_mean(prices[j], sum, &prices[j + 1 - window..=j])
                },
            );
        }
    }
    let t0 = start(LONG_MEAN);
    if t0 < to {
        let k0 = t0 - span.start;
        // Only hits: the 60-price count is already in `n60`.
        let own = &own[k0..k_end];
        let highs = &mut tally.highs60[k0..k_end];
        for k in 0..own.len() {
            let j = t0 - first + k;
            highs[k] += u32::from(own[k] && prices[j] >= scratch.max(j + 1 - LONG_MEAN, j));
        }
    }
    let t0 = start(RETURN_SESSIONS + 1);
    if t0 < to {
        let k0 = t0 - span.start;
        let len = k_end - k0;
        let j0 = t0 - first;
        let now = &prices[j0..j0 + len];
        let back = &prices[j0 - RETURN_SESSIONS..j0 - RETURN_SESSIONS + len];
        let own = &own[k0..k_end];
        let basket = &basket[k0..k_end];
        let n_ret = &mut tally.n_ret[k0..k_end];
        let positive = &mut tally.positive[k0..k_end];
        let outperforming = &mut tally.outperforming[k0..k_end];
        let sum = &mut tally.sum[k0..k_end];
        let sum_sq = &mut tally.sum_sq[k0..k_end];
        for k in 0..len {
            let o = own[k];
            let r = now[k] / back[k] - 1.0;
            n_ret[k] += u32::from(o);
            positive[k] += u32::from(o & (r > 0.0));
            outperforming[k] += u32::from(o & (r > basket[k]));
            let r = if o { r } else { 0.0 };
            sum[k] += r;
            sum_sq[k] += r * r;
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
    // The basket's 20-session return on each date (NaN before it has one:
    // no member has 20 sessions there either).
    let basket_20d: Vec<f64> = span
        .clone()
        .map(|t| match t.checked_sub(RETURN_SESSIONS) {
            Some(back) => history.levels[t] / history.levels[back] - 1.0,
            None => f64::NAN,
        })
        .collect();
    let tally = members
        .par_chunks(MEMBERS_PER_TASK)
        .map(|chunk| {
            let mut tally = Tally::new(n);
            let mut scratch = Scratch::default();
            if n == 0 {
                return tally;
            }
            let every_day = vec![true; n];
            for &i in chunk {
                let prices = history.members[i].priced();
                let life = Life::of(book.get(&basket.members[i].symbol), history.as_of);
                // A row on every date of its life (the usual case): no mask
                // to build (its days outside the life are skipped anyway).
                let gaps = life.is_some_and(|l| l.dates().len() != prices.0.len());
                let own = gaps.then(|| own_rows(life, &history.dates, span.clone()));
                let own = own.as_deref().unwrap_or(&every_day);
                tally_member(&mut tally, prices, &span, own, &basket_20d, &mut scratch);
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
