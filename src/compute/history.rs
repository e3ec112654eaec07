//! A basket's index over its whole history up to the as-of date
//! (METHODOLOGY.md "Basket index"): the calendar, each member's carried
//! prices on it, and every date's weighted member returns.
//!
//! Any window's index is a slice of this history rescaled to 1000: a window's
//! first date has no return, so nothing before it changes the window's levels.

use chrono::{Datelike, NaiveDate};

use super::life::Life;
use crate::domain::PriceBook;
use crate::domain::{Basket, BasketId, Method};

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

/// The sorted union of sorted date lists. Marks each date in a bitmap over
/// the span they cover (a few thousand days at most) instead of sorting every
/// row of every member: linear in the rows, which matters for baskets of
/// thousands of members.
fn union_of_dates<'a>(lists: impl Iterator<Item = &'a [NaiveDate]> + Clone) -> Vec<NaiveDate> {
    // Day numbers, not chrono date arithmetic: this loop sees every row.
    let day = |d: &NaiveDate| d.num_days_from_ce();
    let first = lists.clone().filter_map(|l| l.first()).map(day).min();
    let last = lists.clone().filter_map(|l| l.last()).map(day).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut seen = vec![false; (last - first + 1) as usize];
    for list in lists {
        for d in list {
            seen[(day(d) - first) as usize] = true;
        }
    }
    seen.iter()
        .zip(first..)
        .filter(|(seen, _)| **seen)
        .filter_map(|(_, days)| NaiveDate::from_num_days_from_ce_opt(days))
        .collect()
}

/// One member's prices on the index calendar: its own rows, carried forward
/// inside its life, `None` outside it.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberPrices {
    pub price: Vec<Option<f64>>,
    /// The mcap of the row each price comes from (finite and > 0, else `None`).
    pub mcap: Vec<Option<f64>>,
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
    /// `terms[term_start[t]..term_start[t + 1]]` are the terms of date `t`.
    term_start: Vec<usize>,
    terms: Vec<Term>,
}

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
        let members: Vec<MemberPrices> = lives
            .iter()
            .map(|life| match life {
                Some(life) => {
                    let (price, mcap) = life.align(&dates);
                    MemberPrices { price, mcap }
                }
                None => MemberPrices {
                    price: vec![None; dates.len()],
                    mcap: vec![None; dates.len()],
                },
            })
            .collect();
        let file_weights = basket
            .members
            .iter()
            .map(|m| m.weight.filter(|w| w.is_finite() && *w > 0.0))
            .collect();

        let mut history = IndexHistory {
            basket: basket.id.clone(),
            method,
            as_of,
            returns: Vec::with_capacity(dates.len()),
            levels: Vec::with_capacity(dates.len()),
            eligible: Vec::with_capacity(dates.len()),
            dates,
            members,
            file_weights,
            term_start: vec![0],
            terms: Vec::new(),
        };
        history.compute_levels();
        history
    }

    fn compute_levels(&mut self) {
        let mut level = super::BASE_LEVEL;
        for t in 0..self.dates.len() {
            let start = self.terms.len();
            if t > 0 {
                self.push_terms(t);
            }
            let terms = &self.terms[start..];
            // No eligible member: R = 0, the level is kept.
            let index_return: f64 = terms.iter().map(|term| term.weight * term.ret).sum();
            level *= 1.0 + index_return;
            self.returns.push(index_return);
            self.levels.push(level);
            self.eligible.push(terms.len());
            self.term_start.push(self.terms.len());
        }
    }

    /// The terms of date `t >= 1`: members with a price on `t` and `t-1` and
    /// what the method needs on `t-1`, weights renormalised over them.
    fn push_terms(&mut self, t: usize) {
        let start = self.terms.len();
        let mut total = 0.0;
        for (member, prices) in self.members.iter().enumerate() {
            let (Some(before), Some(now)) = (prices.price[t - 1], prices.price[t]) else {
                continue;
            };
            let Some(raw) = self.raw_weight(member, t - 1) else {
                continue;
            };
            total += raw;
            self.terms.push(Term {
                member,
                weight: raw,
                ret: now / before - 1.0,
            });
        }
        for term in &mut self.terms[start..] {
            term.weight /= total;
        }
    }

    /// The unnormalised weight the method gives `member` on date `t`, if any.
    fn raw_weight(&self, member: usize, t: usize) -> Option<f64> {
        match self.method {
            Method::Equal => Some(1.0),
            Method::Cap => self.members[member].mcap[t],
            Method::Custom => self.file_weights[member],
        }
    }

    /// The eligible members' weights and returns on date `t` (none on the first date).
    pub fn terms(&self, t: usize) -> &[Term] {
        match (self.term_start.get(t), self.term_start.get(t + 1)) {
            (Some(&start), Some(&end)) => &self.terms[start..end],
            _ => &[],
        }
    }

    /// `w(i,t)` for every member: the weights the index would use for the
    /// day after `t`, renormalised over the members with a price on `t` and
    /// what the method needs; `None` for the others.
    pub fn weights_after(&self, t: usize) -> Vec<Option<f64>> {
        let raw: Vec<Option<f64>> = (0..self.members.len())
            .map(|i| {
                self.members[i]
                    .price
                    .get(t)
                    .copied()
                    .flatten()
                    .and_then(|_| self.raw_weight(i, t))
            })
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
