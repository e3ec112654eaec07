//! Segment sub-indices and segment contributions (METHODOLOGY.md
//! "Segments"): the basket's own terms, grouped by the members' segment.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::compute::history::IndexHistory;
use crate::domain::{Basket, BasketId, Method, Window};

/// What a member with an empty segment is grouped under.
pub const NO_SEGMENT: &str = "(no segment)";

/// One row of `spillover segments`: a segment over the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    pub segment: String,
    /// Members of the basket in this segment (priced or not).
    pub members: usize,
    /// The sum of its members' weights `w(i,e)` for the day after the window end.
    pub weight: f64,
    /// The sub-index's return over the window; `None` when no member of the
    /// segment had a return inside it.
    pub index_return: Option<f64>,
    /// Its part of the basket's window return: `sum of C(i) / I(s)` over its
    /// members; the segments' add up to the basket's window return.
    pub contribution: f64,
}

/// One segment's sub-index over the window: the basket's calendar, 1000 on
/// its first date, weights renormalised inside the segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentIndex {
    pub segment: String,
    /// Positions of its members in the basket.
    pub members: Vec<usize>,
    /// One per window date.
    pub levels: Vec<f64>,
    /// Segment members whose return entered each date's sub-index return
    /// (0 on the window's first date).
    pub eligible: Vec<usize>,
}

/// Every segment of one basket over one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentStudy {
    pub basket: BasketId,
    pub method: Method,
    pub as_of: NaiveDate,
    /// The basket's index dates in the window.
    pub dates: Vec<NaiveDate>,
    /// The basket index over them, 1000 on the first.
    pub basket_levels: Vec<f64>,
    /// `I(e) / I(s) - 1`; `None` when the window has no date.
    pub window_return: Option<f64>,
    /// In the order segments first appear in the basket.
    pub rows: Vec<SegmentRow>,
    /// The same order as `rows`.
    pub indices: Vec<SegmentIndex>,
}

impl SegmentStudy {
    /// The sub-index of `segment`, if the basket has it.
    pub fn index(&self, segment: &str) -> Option<&SegmentIndex> {
        self.indices.iter().find(|s| s.segment == segment)
    }
}

/// The segments of `basket` in order of first appearance, each with the
/// positions of its members; an empty segment is [`NO_SEGMENT`].
pub fn segment_groups(basket: &Basket) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, member) in basket.members.iter().enumerate() {
        let name = match member.segment.trim() {
            "" => NO_SEGMENT,
            text => text,
        };
        match groups.iter_mut().find(|(s, _)| s == name) {
            Some((_, members)) => members.push(i),
            None => groups.push((name.to_string(), vec![i])),
        }
    }
    groups
}

/// The segments of `basket`, whose index `history` is, over `window`.
pub fn segment_study(basket: &Basket, history: &IndexHistory, window: Window) -> SegmentStudy {
    let window = window.cut_at(history.as_of);
    let series = history.series(window, None);
    let span = history.span(window);
    let weights = match span.len() {
        0 => vec![None; basket.members.len()],
        _ => history.weights_after(span.end - 1),
    };
    let start_level = series.levels.first().copied();
    let window_return = start_level
        .zip(series.last_level())
        .map(|(s, e)| e / s - 1.0);
    let groups = segment_groups(basket);
    let sums: Vec<SegmentSums> = groups
        .par_iter()
        .map(|(_, members)| SegmentSums::of(history, span.clone(), members))
        .collect();
    // The basket's total raw weight on each date: every segment's summed.
    let mut total = vec![0.0; span.len()];
    for s in &sums {
        total
            .iter_mut()
            .zip(&s.raw_total)
            .for_each(|(t, r)| *t += r);
    }
    let mut rows = Vec::with_capacity(groups.len());
    let mut indices = Vec::with_capacity(groups.len());
    for ((segment, members), sums) in groups.into_iter().zip(sums) {
        // C_g = sum over (s, e] of I(t-1) w_g(t-1) r_g(t), w over the basket's total.
        let points: f64 = (1..span.len())
            .filter(|k| sums.eligible[*k] > 0)
            .map(|k| series.levels[k - 1] * (sums.weighted[k] / total[k]))
            .sum();
        let index = sums.index(&segment, members);
        let had_return = index.eligible.iter().any(|n| *n > 0);
        rows.push(SegmentRow {
            segment: segment.clone(),
            members: index.members.len(),
            weight: index.members.iter().filter_map(|i| weights[*i]).sum(),
            index_return: had_return
                .then(|| {
                    index
                        .levels
                        .last()
                        .map(|l| l / super::super::BASE_LEVEL - 1.0)
                })
                .flatten(),
            contribution: start_level.map_or(0.0, |s| points / s),
        });
        indices.push(index);
    }
    SegmentStudy {
        basket: history.basket.clone(),
        method: history.method,
        as_of: history.as_of,
        dates: series.dates,
        basket_levels: series.levels,
        window_return,
        rows,
        indices,
    }
}

/// One segment's sums on each date of a window: its eligible members'
/// raw weights, raw-weighted returns, and how many there were.
struct SegmentSums {
    raw_total: Vec<f64>,
    weighted: Vec<f64>,
    eligible: Vec<usize>,
}

impl SegmentSums {
    /// Over `span` (the window's calendar positions); nothing on its first date.
    fn of(history: &IndexHistory, span: std::ops::Range<usize>, members: &[usize]) -> SegmentSums {
        let n = span.len();
        let mut sums = SegmentSums {
            raw_total: vec![0.0; n],
            weighted: vec![0.0; n],
            eligible: vec![0; n],
        };
        if n > 1 {
            for &member in members {
                history.for_each_term(member, span.start + 1..span.end, |t, raw, ret| {
                    let k = t - span.start;
                    sums.raw_total[k] += raw;
                    sums.weighted[k] += raw * ret;
                    sums.eligible[k] += 1;
                });
            }
        }
        sums
    }

    /// `R_g(t) = sum_i raw(i,t-1) r(i,t) / sum_i raw(i,t-1)` over the
    /// segment's eligible members; 0 (the level kept) on a date without one.
    fn index(self, segment: &str, members: Vec<usize>) -> SegmentIndex {
        let mut level = super::super::BASE_LEVEL;
        let levels = (0..self.eligible.len())
            .map(|k| {
                if k > 0 && self.eligible[k] > 0 {
                    level *= 1.0 + self.weighted[k] / self.raw_total[k];
                }
                level
            })
            .collect();
        SegmentIndex {
            segment: segment.to_string(),
            members,
            levels,
            eligible: self.eligible,
        }
    }
}
