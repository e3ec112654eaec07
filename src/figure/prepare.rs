//! Figures from an analysis: the series are the columns `export` writes
//! ([`index_columns`], [`ratio_columns`], [`scatter_columns`]), so a figure
//! never disagrees with a table; names come from the baskets, release
//! marks from the watchlist.

use chrono::NaiveDate;

use super::FigureError;
use super::data::{DatedPoint, EventMark, Figure, Line, LineFigure, ScatterFigure};
use super::font::label_or;
use crate::compute::{Analysis, SeriesColumn, index_columns, ratio_columns, scatter_columns};
use crate::domain::{Basket, BasketId, Method, Watchlist};

/// The figures `prepare` makes from one analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Indices,
    Ratios,
    Scatter,
    Rolling,
}

impl FigureKind {
    pub const ALL: [FigureKind; 4] = [
        FigureKind::Indices,
        FigureKind::Ratios,
        FigureKind::Scatter,
        FigureKind::Rolling,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Indices => "indices",
            FigureKind::Ratios => "ratios",
            FigureKind::Scatter => "scatter",
            FigureKind::Rolling => "rolling",
        }
    }
}

/// What a figure is made from besides the analysis.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub analysis: &'a Analysis,
    pub baskets: &'a [Basket],
    pub watchlist: &'a Watchlist,
    /// The date every index reads 1000 on, if one was asked for.
    pub base: Option<NaiveDate>,
    /// The method every multi-member basket was computed with, if overridden.
    pub method: Option<Method>,
    /// The prices are (partly) the embedded demo set.
    pub demo: bool,
}

impl Inputs<'_> {
    /// The basket's name if the embedded font can draw it, else its id.
    pub fn name(&self, id: &BasketId) -> String {
        self.baskets
            .iter()
            .find(|b| &b.id == id)
            .map_or_else(|| id.to_string(), |b| label_or(&b.name, id.as_str()))
    }

    /// The method the indices were computed with, in words.
    pub fn method_text(&self) -> String {
        if let Some(method) = self.method {
            return format!("method {method}");
        }
        let mut methods = self.analysis.indices.iter().map(|i| i.method);
        match methods.next() {
            Some(first) if methods.all(|m| m == first) => format!("method {first}"),
            Some(_) => "each basket's own method".to_string(),
            None => "no method".to_string(),
        }
    }

    /// "spillover · as of DATE · method · DEMO data".
    pub fn source_line(&self) -> String {
        let mut line = format!(
            "spillover · as of {} · {}",
            self.analysis.as_of,
            self.method_text()
        );
        if let Some(label) = self.analysis.demo_mix.label(48) {
            // Demo mixed with real prices: name the synthetic series.
            line.push_str(&format!(" · {label} (synthetic, mixed with real prices)"));
        } else if self.demo {
            line.push_str(" · DEMO data (synthetic prices, not market data)");
        }
        line
    }

    /// The name of the basket with id `text`, else `text`.
    pub fn name_of(&self, text: &str) -> String {
        BasketId::parse(text).map_or_else(|_| text.to_string(), |id| self.name(&id))
    }

    /// `A/B` in basket names.
    pub fn ratio_name(&self, label: &str) -> String {
        match label.split_once('/') {
            Some((a, b)) => match (BasketId::parse(a), BasketId::parse(b)) {
                (Ok(a), Ok(b)) => format!("{} / {}", self.name(&a), self.name(&b)),
                _ => label.to_string(),
            },
            None => label.to_string(),
        }
    }

    fn span(&self) -> (NaiveDate, NaiveDate) {
        (self.analysis.window.start, self.analysis.window.end)
    }

    /// Releases in the window, named shortly ("Alibaba" of "Alibaba Group").
    fn events(&self) -> Vec<EventMark> {
        self.watchlist
            .events
            .iter()
            .filter(|e| self.analysis.window.contains(e.date))
            .map(|e| EventMark {
                date: e.date,
                label: label_or(
                    e.name.split_whitespace().next().unwrap_or_default(),
                    e.symbol.as_str(),
                ),
            })
            .collect()
    }
}

/// The figure of `kind`; an error when the analysis has nothing to show
/// (no ratios when the pair has a problem).
pub fn figure(kind: FigureKind, inputs: &Inputs<'_>) -> Result<Figure, FigureError> {
    let figure = match kind {
        FigureKind::Indices => Figure::Lines(indices(inputs)),
        FigureKind::Ratios => Figure::Lines(ratios(inputs)?),
        FigureKind::Scatter => Figure::Scatter(scatter(inputs)?),
        FigureKind::Rolling => Figure::Lines(rolling(inputs)?),
    };
    Ok(figure)
}

fn line(column: &SeriesColumn, label: String) -> Line {
    Line {
        id: column.name.clone(),
        label,
        points: column.points().collect(),
    }
}

fn pair_ok(inputs: &Inputs<'_>) -> Result<(), FigureError> {
    match &inputs.analysis.pair_problem {
        Some(problem) => Err(FigureError::Nothing(problem.clone())),
        None => Ok(()),
    }
}

fn indices(inputs: &Inputs<'_>) -> LineFigure {
    let a = inputs.analysis;
    let lines = index_columns(a)
        .iter()
        .zip(&a.indices)
        .map(|(c, i)| line(c, inputs.name(&i.basket)))
        .collect();
    let based = inputs
        .base
        .map_or("1000 on each index's first date".to_string(), |b| {
            format!("1000 on {b}")
        });
    LineFigure {
        title: "Basket indices".to_string(),
        subtitle: format!("Daily, {} to {}; {based}", a.window.start, a.window.end),
        y_label: "index level".to_string(),
        lines,
        events: inputs.events(),
        reference: Some(crate::compute::BASE_LEVEL),
        fixed_range: None,
        span: inputs.span(),
        source: inputs.source_line(),
    }
}

fn ratios(inputs: &Inputs<'_>) -> Result<LineFigure, FigureError> {
    pair_ok(inputs)?;
    let a = inputs.analysis;
    let lines = ratio_columns(a)
        .iter()
        .map(|c| line(c, inputs.ratio_name(&c.name)))
        .collect();
    Ok(LineFigure {
        title: "Index ratios".to_string(),
        subtitle: format!(
            "A / B: index A over index B, {} to {}; above 1.0, A has outrun B since the window began",
            a.window.start, a.window.end
        ),
        y_label: "ratio".to_string(),
        lines,
        events: inputs.events(),
        reference: Some(1.0),
        fixed_range: None,
        span: inputs.span(),
        source: inputs.source_line(),
    })
}

fn scatter(inputs: &Inputs<'_>) -> Result<ScatterFigure, FigureError> {
    pair_ok(inputs)?;
    let a = inputs.analysis;
    let [x, y, _] = scatter_columns(a);
    // x and y share their dates (the points of the scatter).
    let points: Vec<DatedPoint> = x
        .points()
        .zip(y.points())
        .map(|((date, x), (_, y))| DatedPoint { date, x, y })
        .collect();
    let first = points.first().map_or(a.window.start, |p| p.date);
    Ok(ScatterFigure {
        title: format!(
            "Ratio against ratio: {} on {}",
            a.scatter.y_label, a.scatter.x_label
        ),
        subtitle: format!(
            "One point per day, {first} to {}; both ratios 1.0 on {first}",
            a.window.end
        ),
        x_label: format!("x = {}", inputs.ratio_name(&a.scatter.x_label)),
        y_label: format!("y = {}", inputs.ratio_name(&a.scatter.y_label)),
        points,
        stats: a.scatter.stats,
        source: inputs.source_line(),
    })
}

fn rolling(inputs: &Inputs<'_>) -> Result<LineFigure, FigureError> {
    pair_ok(inputs)?;
    let a = inputs.analysis;
    let [_, _, column] = scatter_columns(a);
    let w = a.scatter.roll_window;
    let whole = a
        .scatter
        .stats
        .changes_r
        .map_or("n/a".to_string(), |r| format!("{r:.2}"));
    let label = format!(
        "r of {} and {} daily log changes, last {w}",
        a.scatter.x_label, a.scatter.y_label
    );
    Ok(LineFigure {
        title: format!("Rolling correlation of the two ratios (W = {w})"),
        subtitle: format!(
            "Pearson r of the last {w} daily log changes; over the whole window r = {whole}"
        ),
        y_label: "correlation r".to_string(),
        lines: vec![line(&column, label)],
        events: inputs.events(),
        reference: Some(0.0),
        fixed_range: Some((-1.0, 1.0)),
        span: inputs.span(),
        source: inputs.source_line(),
    })
}
