//! What a figure shows, prepared: plain series and numbers, no analysis
//! types, so the CLI and the workstation hand over what they have on screen.

use chrono::NaiveDate;

use crate::compute::ScatterStats;

/// One line of a time-series figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The export column's name (basket id, `A/B`, `rolling_r_W`): what
    /// [`FigureOptions::hidden`](super::FigureOptions::hidden) names.
    pub id: String,
    /// The legend's text (basket names).
    pub label: String,
    /// The column's non-empty cells, by date.
    pub points: Vec<(NaiveDate, f64)>,
}

/// An earnings release marked on the date axis.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    pub date: NaiveDate,
    /// Short: "Alibaba", "Tencent" (the symbol when the name cannot be drawn).
    pub label: String,
}

/// Lines over dates: indices, ratios, the rolling correlation.
#[derive(Debug, Clone, PartialEq)]
pub struct LineFigure {
    pub title: String,
    /// One line under the title: what the numbers are.
    pub subtitle: String,
    pub y_label: String,
    pub lines: Vec<Line>,
    pub events: Vec<EventMark>,
    /// A horizontal reference (1000, 1.0, 0).
    pub reference: Option<f64>,
    /// A fixed value range (a correlation's -1..1) instead of the data's.
    pub fixed_range: Option<(f64, f64)>,
    /// The first and last dates of the date axis (the analysis window).
    pub span: (NaiveDate, NaiveDate),
    pub source: String,
}

/// One point of the scatter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DatedPoint {
    pub date: NaiveDate,
    pub x: f64,
    pub y: f64,
}

/// Ratio against ratio, one point per date, with the OLS line and statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterFigure {
    pub title: String,
    pub subtitle: String,
    pub x_label: String,
    pub y_label: String,
    /// By date, oldest first (drawn faintest).
    pub points: Vec<DatedPoint>,
    pub stats: ScatterStats,
    pub source: String,
}

/// Any figure the layer draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Lines(LineFigure),
    Scatter(ScatterFigure),
}

impl Figure {
    pub fn title(&self) -> &str {
        match self {
            Figure::Lines(f) => &f.title,
            Figure::Scatter(f) => &f.title,
        }
    }

    pub fn set_title(&mut self, title: String) {
        match self {
            Figure::Lines(f) => f.title = title,
            Figure::Scatter(f) => f.title = title,
        }
    }
}
