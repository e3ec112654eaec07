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

/// One series' path against the relative day τ.
#[derive(Debug, Clone, PartialEq)]
pub struct PathLine {
    /// Basket id or `A/B`: what `hidden` names.
    pub id: String,
    pub label: String,
    /// Its colour's index (basket order, as in the other figures).
    pub colour: usize,
    /// `(τ, value)` where the value exists.
    pub points: Vec<(i32, f64)>,
}

/// Paths against τ around an event (cumulative abnormal returns), day 0 marked.
#[derive(Debug, Clone, PartialEq)]
pub struct PathFigure {
    pub title: String,
    pub subtitle: String,
    pub y_label: String,
    pub lines: Vec<PathLine>,
    /// What day 0 is, written beside its line.
    pub day0: String,
    pub source: String,
}

/// One bar of a correlogram: the lag, the value, its significance band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub k: i32,
    pub value: Option<f64>,
    /// ±band: a value beyond it stands out.
    pub band: Option<f64>,
}

/// Bars against a lag with a ±band (lead-lag cross-correlations).
#[derive(Debug, Clone, PartialEq)]
pub struct BarFigure {
    pub title: String,
    /// May hold several lines (the Granger tests).
    pub subtitle: String,
    pub x_label: String,
    pub y_label: String,
    pub bars: Vec<Bar>,
    pub source: String,
}

/// Signed values on a grid (the rotation: segments × periods), coloured on
/// a diverging scale around 0.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatFigure {
    pub title: String,
    pub subtitle: String,
    /// Row labels (segments), top to bottom.
    pub rows: Vec<String>,
    /// Column labels (periods), left to right.
    pub columns: Vec<String>,
    /// `cells[row][column]`, as fractions; `None` is drawn grey.
    pub cells: Vec<Vec<Option<f64>>>,
    /// What the scale's numbers are ("pp, segment minus basket").
    pub scale_label: String,
    pub source: String,
}

/// Any figure the layer draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Lines(LineFigure),
    Scatter(ScatterFigure),
    Paths(PathFigure),
    Bars(BarFigure),
    Heat(HeatFigure),
}

impl Figure {
    pub fn title(&self) -> &str {
        match self {
            Figure::Lines(f) => &f.title,
            Figure::Scatter(f) => &f.title,
            Figure::Paths(f) => &f.title,
            Figure::Bars(f) => &f.title,
            Figure::Heat(f) => &f.title,
        }
    }

    pub fn set_title(&mut self, title: String) {
        match self {
            Figure::Lines(f) => f.title = title,
            Figure::Scatter(f) => f.title = title,
            Figure::Paths(f) => f.title = title,
            Figure::Bars(f) => f.title = title,
            Figure::Heat(f) => f.title = title,
        }
    }
}
