//! A basket's index over its whole history up to the as-of date
//! (METHODOLOGY.md "Basket index"): the calendar, each member's carried
//! prices on it, and every date's weighted member returns.
//!
//! Any window's index is a slice of this history rescaled to 1000: a window's
//! first date has no return, so nothing before it changes the window's levels.

use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::life::Life;
use super::member_prices::MemberPrices;
use crate::domain::{Basket, BasketId, Method};
use crate::domain::{PriceBook, union_of_dates};

/// The level of an index on its first date or base date.
pub const BASE_LEVEL: f64 = 1000.0;

/// The method the index really uses: a single series ignores it (its sole
/// member has weight 1, no mcap or file weight needed), and an override
/// applies to multi-member baskets only.
pub fn effective_method(basket: &Basket, method_override: Option<Method>) -> Method {
    if basket.is_single() {
        Method::Equal
    } else {
        method_override.unwrap_or(basket.method)
    }
}

/// One eligible member's part of one date's index return.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    /// Position of the member in the basket.
    pub member: usize,
    /// `w(i,t-1)`, renormalised over the eligible members of the date.
    pub weight: f64,
    /// `r(i,t) = P(i,t) / P(i,t-1) - 1`.
    pub ret: f64,
}

/// What one member's terms weigh before renormalising: the same raw weight
/// on every date (`equal`: 1, `custom`: the file weight), or its mcap on the
/// date before (`cap`, NaN where none).
#[derive(Clone, Copy)]
enum Raw<'a> {
    Fixed(f64),
    Mcap(&'a [f64]),
}

/// The raw weight of `prices`' terms under `method`; `None` when the member
/// is never eligible (`custom` without a positive file weight).
fn raw_of(prices: &MemberPrices, method: Method, weight: Option<f64>) -> Option<Raw<'_>> {
    match method {
        Method::Equal => Some(Raw::Fixed(1.0)),
        Method::Custom => weight.map(Raw::Fixed),
        Method::Cap => Some(Raw::Mcap(prices.mcaps())),
    }
}

/// Calls `f(k, eligible, raw, ret)` for each date `t = lo + k` of
/// `lo..hi` (from [`term_dates`]): whether the member is eligible on `t` (a
/// price on `t` and `t-1`, and what the method needs on `t-1`), its raw
/// weight and `r(i,t) = P(t) / P(t-1) - 1` (meaningless, maybe NaN, when
/// not eligible). Branch-free over contiguous slices; a caller adds `-0.0`
/// for a date where the member is not eligible, which leaves every sum
/// exactly as skipping the date would (`x + -0.0 == x`, also for `x = -0.0`).
#[inline(always)]
fn each_date(
    prices: &MemberPrices,
    raw: Raw,
    lo: usize,
    hi: usize,
    mut f: impl FnMut(usize, bool, f64, f64),
) {
    // Every slice exactly `len` long (callers cut theirs the same way), so
    // the compiler drops the bounds checks.
    let len = hi - lo;
    let (before, now) = (
        &prices.slice(lo - 1..hi - 1)[..len],
        &prices.slice(lo..hi)[..len],
    );
    match raw {
        Raw::Fixed(w) => {
            for k in 0..len {
                let (b, n) = (before[k], now[k]);
                let ok = !b.is_nan() & !n.is_nan();
                f(k, ok, w, n / b - 1.0);
            }
        }
        Raw::Mcap(mcap) => {
            let mcap = &mcap[lo - 1..][..len];
            for k in 0..len {
                let (b, n, m) = (before[k], now[k], mcap[k]);
                let ok = !b.is_nan() & !n.is_nan() & !m.is_nan();
                f(k, ok, m, n / b - 1.0);
            }
        }
    }
}

/// `x` where `ok`, else `-0.0`, which adding changes nothing (`y + -0.0 ==
/// y` for every `y`, `-0.0` included). A select on the bits, not a branch:
/// the compiler would otherwise branch around the division, and a loop
/// with a branch is not vectorised.
#[inline(always)]
fn keep(ok: bool, x: f64) -> f64 {
    let mask = 0u64.wrapping_sub(u64::from(ok));
    f64::from_bits((x.to_bits() & mask) | ((-0.0f64).to_bits() & !mask))
}

/// The dates of `dates` on which `prices` can have a term: a price on the
/// date and the one before, so from its second priced position.
fn term_dates(dates: Range<usize>, prices: &MemberPrices) -> Option<(usize, usize)> {
    let positions = prices.positions();
    let lo = dates.start.max(positions.start + 1);
    let hi = dates.end.min(positions.end);
    (lo < hi).then_some((lo, hi))
}

/// [`IndexHistory::for_each_term`] of one member's `prices`, whose file
/// weight is `weight`.
fn terms_of(
    prices: &MemberPrices,
    method: Method,
    weight: Option<f64>,
    dates: Range<usize>,
    mut f: impl FnMut(usize, f64, f64),
) {
    let Some(raw) = raw_of(prices, method, weight) else {
        return;
    };
    let Some((lo, hi)) = term_dates(dates, prices) else {
        return;
    };
    each_date(prices, raw, lo, hi, |k, ok, raw, ret| {
        if ok {
            f(lo + k, raw, ret);
        }
    });
}

/// The index of one basket from its first date to the as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexHistory {
    pub basket: BasketId,
    /// The effective method (see [`effective_method`]).
    pub method: Method,
    pub as_of: NaiveDate,
    /// Every date on which at least one member has a row, up to as-of.
    pub dates: Vec<NaiveDate>,
    /// `R(t)`: 0 on the first date and on dates without an eligible member.
    pub returns: Vec<f64>,
    /// `I(t)`, 1000 on the first date.
    pub levels: Vec<f64>,
    /// Eligible members per date (0 on the first date).
    pub eligible: Vec<usize>,
    /// Per basket member, in basket order.
    pub members: Vec<MemberPrices>,
    /// The custom weight of each member, where the file gives a positive one.
    file_weights: Vec<Option<f64>>,
    /// Per date, the sum of the eligible members' raw weights: a term's
    /// weight is its raw weight over this. The terms themselves are not
    /// stored (they would be three numbers per member and date).
    totals: Vec<f64>,
}

/// Dates per parallel task of the passes over all members: each task sums
/// its dates' terms in basket order, so the split changes no result.
const DATES_PER_TASK: usize = 512;

/// What `iter::Sum` starts an `f64` sum from: the index return of a date
/// without terms is this, exactly as summing no terms gives.
const EMPTY_SUM: f64 = -0.0;

impl IndexHistory {
    /// Builds the index of `basket` from the rows of `book` up to `as_of`.
    pub fn build(
        basket: &Basket,
        book: &PriceBook,
        method_override: Option<Method>,
        as_of: NaiveDate,
    ) -> IndexHistory {
        let method = effective_method(basket, method_override);
        let lives: Vec<Option<Life>> = basket
            .members
            .iter()
            .map(|m| Life::of(book.get(&m.symbol), as_of))
            .collect();
        let dates = union_of_dates(lives.iter().flatten().map(Life::dates));
        let file_weights: Vec<Option<f64>> = basket
            .members
            .iter()
            .map(|m| m.weight.filter(|w| w.is_finite() && *w > 0.0))
            .collect();
        let n = dates.len();
        let with_mcap = method == Method::Cap;
        let members: Vec<MemberPrices> = lives
            .par_iter()
            .map(|life| match life {
                Some(life) => life.align(&dates, with_mcap),
                None => MemberPrices::none(n, with_mcap),
            })
            .collect();
        // Each date's total raw weight and eligible count, members in
        // basket order as the terms are summed; dates split across cores.
        let mut totals = vec![0.0; n];
        let mut eligible = vec![0; n];
        totals
            .par_chunks_mut(DATES_PER_TASK)
            .zip(eligible.par_chunks_mut(DATES_PER_TASK))
            .enumerate()
            .for_each(|(k, (totals, eligible))| {
                let start = k * DATES_PER_TASK;
                for (prices, weight) in members.iter().zip(&file_weights) {
                    let Some(raw) = raw_of(prices, method, *weight) else {
                        continue;
                    };
                    let Some((lo, hi)) = term_dates(start..start + totals.len(), prices) else {
                        continue;
                    };
                    // Exactly `hi - lo` long, as `each_date`'s slices: no
                    // bounds checks in the loop, which then vectorises.
                    let totals = &mut totals[lo - start..][..hi - lo];
                    let eligible = &mut eligible[lo - start..][..hi - lo];
                    each_date(prices, raw, lo, hi, |k, ok, raw, _| {
                        totals[k] += keep(ok, raw);
                        eligible[k] += usize::from(ok);
                    });
                }
            });

        let mut history = IndexHistory {
            basket: basket.id.clone(),
            method,
            as_of,
            returns: Vec::new(),
            levels: Vec::new(),
            eligible,
            dates,
            members,
            file_weights,
            totals,
        };
        history.compute_levels();
        history
    }

    /// `R(t) = sum_i w(i,t-1) r(i,t)` with `w` renormalised over the
    /// eligible members of `t` (their raw weights sum to `totals[t]`).
    /// Member by member (each member's prices are contiguous), in basket
    /// order, so every sum adds the same numbers in the same order as date
    /// by date would.
    fn compute_levels(&mut self) {
        let mut returns = vec![EMPTY_SUM; self.dates.len()];
        let per_date = self.equal_weights();
        returns
            .par_chunks_mut(DATES_PER_TASK)
            .enumerate()
            .for_each(|(k, returns)| {
                let start = k * DATES_PER_TASK;
                for member in 0..self.members.len() {
                    let Some((raw, lo, hi)) = self.term_span(member, start..start + returns.len())
                    else {
                        continue;
                    };
                    let returns = &mut returns[lo - start..][..hi - lo];
                    let price = &self.members[member];
                    match &per_date {
                        // `equal`: every term of date t weighs 1 / totals[t].
                        Some(weight) => {
                            let weight = &weight[lo..][..hi - lo];
                            each_date(price, raw, lo, hi, |k, ok, _, ret| {
                                returns[k] += keep(ok, weight[k] * ret);
                            });
                        }
                        None => {
                            let totals = &self.totals[lo..][..hi - lo];
                            each_date(price, raw, lo, hi, |k, ok, raw, ret| {
                                returns[k] += keep(ok, raw / totals[k] * ret);
                            });
                        }
                    }
                }
            });
        let mut level = BASE_LEVEL;
        self.levels = returns
            .iter()
            .map(|r| {
                // No eligible member: R = 0, the level is kept.
                level *= 1.0 + r;
                level
            })
            .collect();
        self.returns = returns;
    }

    /// Calls `f(t, raw weight, return)` for each date `t` (from 1) in
    /// `dates` on which `member` is eligible: a price on `t` and `t-1`, and
    /// what the method needs on `t-1`.
    pub(crate) fn for_each_term(
        &self,
        member: usize,
        dates: Range<usize>,
        f: impl FnMut(usize, f64, f64),
    ) {
        terms_of(
            &self.members[member],
            self.method,
            self.file_weights[member],
            dates,
            f,
        );
    }

    /// Under `equal`, the weight of every term of each date, `1 / totals[t]`
    /// (exactly what `raw / totals[t]` gives with raw 1), computed once per
    /// date instead of once per term; `None` under the other methods.
    pub(crate) fn equal_weights(&self) -> Option<Vec<f64>> {
        (self.method == Method::Equal)
            .then(|| self.totals.iter().map(|total| 1.0 / total).collect())
    }

    /// The raw weight of `member`'s terms and the part of `dates` where it
    /// can have one (`lo..hi`, `lo >= 1`); `None` when it has none there.
    fn term_span(&self, member: usize, dates: Range<usize>) -> Option<(Raw<'_>, usize, usize)> {
        let prices = &self.members[member];
        let raw = raw_of(prices, self.method, self.file_weights[member])?;
        let (lo, hi) = term_dates(dates, prices)?;
        Some((raw, lo, hi))
    }

    /// `sum over t in dates of level(t-1) * w(member, t-1) * r(member, t)`,
    /// date by date: a member's contribution in index points, where
    /// `level(t-1)` is `levels[t - 1 - offset]` and, under `equal`,
    /// `per_date` holds [`IndexHistory::equal_weights`].
    pub(crate) fn contribution(
        &self,
        member: usize,
        dates: Range<usize>,
        levels: &[f64],
        offset: usize,
        per_date: Option<&[f64]>,
    ) -> f64 {
        let mut c = 0.0;
        let Some((raw, lo, hi)) = self.term_span(member, dates) else {
            return c;
        };
        let price = &self.members[member];
        let levels = &levels[lo - 1 - offset..][..hi - lo];
        match per_date {
            Some(weight) => {
                let weight = &weight[lo..][..hi - lo];
                each_date(price, raw, lo, hi, |k, ok, _, ret| {
                    c += keep(ok, levels[k] * weight[k] * ret);
                });
            }
            None => {
                let totals = &self.totals[lo..][..hi - lo];
                each_date(price, raw, lo, hi, |k, ok, raw, ret| {
                    c += keep(ok, levels[k] * (raw / totals[k]) * ret);
                });
            }
        }
        c
    }

    /// The unnormalised weight the method gives `member` on date `t`, if any.
    fn raw_weight(&self, member: usize, t: usize) -> Option<f64> {
        match self.method {
            Method::Equal => Some(1.0),
            Method::Cap => self.members[member].mcap(t),
            Method::Custom => self.file_weights[member],
        }
    }

    /// The weight of a term of date `t` whose raw weight is `raw`.
    pub(crate) fn term_weight(&self, t: usize, raw: f64) -> f64 {
        raw / self.totals[t]
    }

    /// The eligible members' weights and returns on date `t` (none on the
    /// first date), in basket order.
    pub fn terms(&self, t: usize) -> Vec<Term> {
        let mut terms = Vec::new();
        if t == 0 || t >= self.dates.len() {
            return terms;
        }
        for member in 0..self.members.len() {
            self.for_each_term(member, t..t + 1, |t, raw, ret| {
                terms.push(Term {
                    member,
                    weight: self.term_weight(t, raw),
                    ret,
                });
            });
        }
        terms
    }

    /// `w(i,t)` for every member: the weights the index would use for the
    /// day after `t`, renormalised over the members with a price on `t` and
    /// what the method needs; `None` for the others.
    pub fn weights_after(&self, t: usize) -> Vec<Option<f64>> {
        let raw: Vec<Option<f64>> = (0..self.members.len())
            .map(|i| self.members[i].price(t).and_then(|_| self.raw_weight(i, t)))
            .collect();
        let total: f64 = raw.iter().flatten().sum();
        raw.into_iter().map(|w| w.map(|w| w / total)).collect()
    }

    /// The position of `date` in the calendar.
    pub fn position(&self, date: NaiveDate) -> Option<usize> {
        self.dates.binary_search(&date).ok()
    }

    /// The last calendar position on or before `date`.
    pub fn position_until(&self, date: NaiveDate) -> Option<usize> {
        self.dates.partition_point(|d| *d <= date).checked_sub(1)
    }
}
