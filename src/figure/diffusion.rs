//! The breadth, segments and rotation figures of one basket, from the same
//! computations as `spillover breadth|segments` and `export --what
//! breadth|segments|rotation`.

use super::FigureError;
use super::data::{HeatFigure, Line, LineFigure};
use super::font::label_or;
use super::prepare::Inputs;
use crate::compute::{Breadth, BreadthDay, PeriodKind, Rotation, SegmentStudy};

/// One day's share.
type Share = fn(&BreadthDay) -> Option<f64>;

/// The breadth figure's lines: export column, legend, value.
const BREADTH_LINES: [(&str, &str, Share); 4] = [
    ("above_ma20", "above their 20-day mean", |d| d.above_ma20),
    ("above_ma60", "above their 60-day mean", |d| d.above_ma60),
    ("positive_20d", "up over 20 sessions", |d| d.positive_20d),
    (
        "outperforming_20d",
        "beating the basket over 20 sessions",
        |d| d.outperforming_20d,
    ),
];

fn nothing(what: &str, inputs: &Inputs<'_>) -> FigureError {
    FigureError::Nothing(format!(
        "no {what} in the window {}; pick a longer --range",
        inputs.analysis.window
    ))
}

/// The shares of members above their means, up and beating the basket.
pub fn breadth(inputs: &Inputs<'_>, breadth: &Breadth) -> Result<LineFigure, FigureError> {
    let lines: Vec<Line> = BREADTH_LINES
        .iter()
        .map(|(id, label, value)| Line {
            id: (*id).to_string(),
            label: (*label).to_string(),
            points: breadth
                .days
                .iter()
                .filter_map(|d| value(d).map(|v| (d.date, v)))
                .collect(),
        })
        .collect();
    if lines.iter().all(|l| l.points.is_empty()) {
        return Err(nothing("breadth (members need 20 prices)", inputs));
    }
    Ok(LineFigure {
        title: format!("Breadth: {}", inputs.name(&breadth.basket)),
        subtitle: "Share of the members priced each day; a move that spreads lifts every line"
            .to_string(),
        y_label: "share of members".to_string(),
        lines,
        events: Vec::new(),
        reference: Some(0.5),
        fixed_range: Some((0.0, 1.0)),
        span: (inputs.analysis.window.start, inputs.analysis.window.end),
        source: inputs.source_line(),
    })
}

/// Each segment's sub-index, 1000 at the window's start.
pub fn segments(inputs: &Inputs<'_>, study: &SegmentStudy) -> Result<LineFigure, FigureError> {
    if study.dates.len() < 2 {
        return Err(nothing("segment returns", inputs));
    }
    let lines = study
        .indices
        .iter()
        .map(|index| Line {
            id: index.segment.clone(),
            label: label_or(&index.segment, "segment"),
            points: study
                .dates
                .iter()
                .copied()
                .zip(index.levels.iter().copied())
                .collect(),
        })
        .collect();
    let total = study
        .window_return
        .map_or_else(|| "n/a".to_string(), |r| format!("{:+.1}%", r * 100.0));
    Ok(LineFigure {
        title: format!("Segments: {}", inputs.name(&study.basket)),
        subtitle: format!(
            "Segment sub-indices ({} weights inside each segment), 1000 at the window's start; the basket {total}",
            study.method
        ),
        y_label: "index (start = 1000)".to_string(),
        lines,
        events: Vec::new(),
        reference: Some(1000.0),
        fixed_range: None,
        span: (inputs.analysis.window.start, inputs.analysis.window.end),
        source: inputs.source_line(),
    })
}

/// Segment minus basket return, per week or month.
pub fn rotation(inputs: &Inputs<'_>, rotation: &Rotation) -> Result<HeatFigure, FigureError> {
    if rotation.periods.is_empty() || rotation.segments.is_empty() {
        return Err(nothing("periods", inputs));
    }
    let per = match rotation.kind {
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
    };
    let columns = rotation
        .periods
        .iter()
        .map(|p| match rotation.kind {
            PeriodKind::Week => p.start.format("%d %b").to_string(),
            PeriodKind::Month => p.start.format("%b %y").to_string(),
        })
        .collect();
    Ok(HeatFigure {
        title: format!("Rotation: {}", inputs.name(&rotation.basket)),
        subtitle: format!(
            "Each segment's return minus the basket's, per {per}, in percentage points: red leads, blue lags"
        ),
        rows: rotation
            .segments
            .iter()
            .map(|s| label_or(s, "segment"))
            .collect(),
        columns,
        cells: rotation.cells.clone(),
        scale_label: "pp, segment minus basket".to_string(),
        source: inputs.source_line(),
    })
}
