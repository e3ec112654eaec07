//! Segment sub-indices and segment contributions (METHODOLOGY.md
//! "Segments"): the basket's own terms, grouped by the members' segment.

use chrono::NaiveDate;
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
    let contributions = history.contributions(&series);
    let weights = match span.len() {
        0 => vec![None; basket.members.len()],
        _ => history.weights_after(span.end - 1),
    };
    let start_level = series.levels.first().copied();
    let window_return = start_level
        .zip(series.last_level())
        .map(|(s, e)| e / s - 1.0);
    let groups = segment_groups(basket);
    let mut rows = Vec::with_capacity(groups.len());
    let mut indices = Vec::with_capacity(groups.len());
    for (segment, members) in groups {
        let index = sub_index(history, span.clone(), &segment, members);
        let had_return = index.eligible.iter().any(|n| *n > 0);
        let points: f64 = index.members.iter().map(|i| contributions[*i]).sum();
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

/// `R_g(t) = sum_i raw(i,t-1) r(i,t) / sum_i raw(i,t-1)` over the segment's
/// eligible members on each date of `span` after its first; 0 (the level
/// kept) on a date without one.
fn sub_index(
    history: &IndexHistory,
    span: std::ops::Range<usize>,
    segment: &str,
    members: Vec<usize>,
) -> SegmentIndex {
    let n = span.len();
    let mut raw_total = vec![0.0; n];
    let mut weighted = vec![0.0; n];
    let mut eligible = vec![0usize; n];
    if n > 1 {
        for &member in &members {
            history.for_each_term(member, span.start + 1..span.end, |t, raw, ret| {
                let k = t - span.start;
                raw_total[k] += raw;
                weighted[k] += raw * ret;
                eligible[k] += 1;
            });
        }
    }
    let mut level = super::super::BASE_LEVEL;
    let levels = (0..n)
        .map(|k| {
            if k > 0 && eligible[k] > 0 {
                level *= 1.0 + weighted[k] / raw_total[k];
            }
            level
        })
        .collect();
    SegmentIndex {
        segment: segment.to_string(),
        members,
        levels,
        eligible,
    }
}
