//! What every figure draws the same way: a polyline on the plot (a series
//! at 2 px, a rule or zero line at 1 px) and the legend entries of its
//! series, so the line figures, the event paths, the lead-lag bars and the
//! scatter agree on them.

use plotters::prelude::*;

use super::FigureError;
use super::axes::Plot;
use super::frame::{Ctx, LegendEntry, Swatch, drawing};

/// A polyline through `points` (data coordinates) in `colour`, `width` CSS pixels wide.
pub fn polyline<DB: DrawingBackend>(
    plot: &Plot<DB>,
    points: Vec<(f64, f64)>,
    colour: RGBColor,
    width: f64,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    plot.draw(&PathElement::new(points, ctx.line(colour, width)))
        .map_err(drawing)
}

/// One line swatch per series, in the series' palette colour.
pub fn series_legend<'a>(
    series: impl IntoIterator<Item = (usize, &'a str)>,
    ctx: &Ctx,
) -> Vec<LegendEntry> {
    series
        .into_iter()
        .map(|(colour, label)| LegendEntry {
            swatch: Swatch::Line(ctx.palette.series(colour)),
            label: label.to_string(),
        })
        .collect()
}
