//! The plot's box: grid, axis lines, ticks and their labels at the
//! positions `axis` chose (plotters' own mesh picks its own ticks, and a
//! note needs the window's first and last dates labelled).

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FigureError;
use super::frame::{Ctx, TICK, drawing};

/// Space around the plot for the tick labels and axis titles, in CSS px.
pub const LEFT: f64 = 78.0;
pub const BOTTOM: f64 = 30.0;
/// Below the x tick labels when the x axis has a title.
pub const BOTTOM_WITH_TITLE: f64 = 54.0;

/// The coordinates of a plot: x and y in data units.
pub type Plot<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A tick: where, and what it says.
pub type Tick = (f64, String);

/// What the axes show.
pub struct Axes<'a> {
    pub x: &'a [Tick],
    pub y: &'a [Tick],
    pub x_title: Option<&'a str>,
    pub y_title: &'a str,
    /// Vertical grid lines too (the scatter); a time axis has ticks only.
    pub x_grid: bool,
}

/// A plot of `x` by `y` inside `area`, leaving room for the axes.
pub fn plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: Range<f64>,
    y: Range<f64>,
    x_titled: bool,
    right: f64,
    ctx: &Ctx,
) -> Result<Plot<DB>, FigureError> {
    let bottom = if x_titled { BOTTOM_WITH_TITLE } else { BOTTOM };
    let inner = area.margin(ctx.px(8.0), ctx.px(bottom), ctx.px(LEFT), ctx.px(right));
    let chart = ChartBuilder::on(&inner)
        .build_cartesian_2d(x, y)
        .map_err(drawing)?;
    Ok(chart.plotting_area().clone())
}

/// Draws the grid under the data; call [`draw_axes`] after the data.
pub fn draw_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    axes: &Axes<'_>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let (xs, ys) = plot.get_pixel_range();
    let grid = ctx.line(ctx.palette.grid, 1.0);
    for (y, _) in axes.y {
        let (_, py) = plot.map_coordinate(&(0.0, *y));
        root.draw(&PathElement::new(vec![(xs.start, py), (xs.end, py)], grid))
            .map_err(drawing)?;
    }
    if axes.x_grid {
        for (x, _) in axes.x {
            let (px, _) = plot.map_coordinate(&(*x, 0.0));
            root.draw(&PathElement::new(vec![(px, ys.start), (px, ys.end)], grid))
                .map_err(drawing)?;
        }
    }
    Ok(())
}

/// Axis lines, ticks, tick labels and axis titles.
pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    axes: &Axes<'_>,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let (xs, ys) = plot.get_pixel_range();
    let axis = ctx.line(p.axis, 1.0);
    let (left, bottom) = (xs.start, ys.end);
    let mark = ctx.px(5.0);
    root.draw(&PathElement::new(
        vec![(left, ys.start), (left, bottom), (xs.end, bottom)],
        axis,
    ))
    .map_err(drawing)?;
    let label = ctx.text(TICK, false, p.muted);
    for (x, text) in axes.x {
        let (px, _) = plot.map_coordinate(&(*x, 0.0));
        root.draw(&PathElement::new(
            vec![(px, bottom), (px, bottom + mark)],
            axis,
        ))
        .map_err(drawing)?;
        root.draw_text(
            text,
            &label.pos(Pos::new(HPos::Center, VPos::Top)),
            (px, bottom + mark + ctx.px(4.0)),
        )
        .map_err(drawing)?;
    }
    for (y, text) in axes.y {
        let (_, py) = plot.map_coordinate(&(0.0, *y));
        root.draw(&PathElement::new(vec![(left - mark, py), (left, py)], axis))
            .map_err(drawing)?;
        root.draw_text(
            text,
            &label.pos(Pos::new(HPos::Right, VPos::Center)),
            (left - mark - ctx.px(5.0), py),
        )
        .map_err(drawing)?;
    }
    let title = ctx.text(TICK, false, p.muted);
    if let Some(x_title) = axes.x_title {
        root.draw_text(
            x_title,
            &title.pos(Pos::new(HPos::Center, VPos::Bottom)),
            ((xs.start + xs.end) / 2, bottom + ctx.px(BOTTOM_WITH_TITLE)),
        )
        .map_err(drawing)?;
    }
    root.draw_text(
        axes.y_title,
        &title
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top)),
        (left - ctx.px(LEFT - 4.0), (ys.start + ys.end) / 2),
    )
    .map_err(drawing)
}
