//! Ratio against ratio: one point per day (recent points strongest, the
//! latest ringed and dated), the OLS line, and the statistics in a box in
//! the emptiest corner.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{self, Axes, Plot, Tick};
use super::axis::{format_number, nice_ticks};
use super::data::{DatedPoint, ScatterFigure};
use super::frame::{Ctx, Head, LegendEntry, NOTE, Swatch, TICK, drawing, frame};
use super::marks::polyline;
use super::{FigureError, FigureOptions};

/// The oldest point's opacity; the newest is opaque.
const FAINTEST: f64 = 0.12;

/// `(lo, hi)` of `values`, padded.
fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.06).max(1e-3);
    (lo - pad, hi + pad)
}

/// The statistics box's lines (METHODOLOGY.md's names).
pub fn stats_lines(figure: &ScatterFigure) -> Vec<String> {
    let st = &figure.stats;
    let num = |v: Option<f64>, d: usize| v.map_or("n/a".to_string(), |v| format_number(v, d));
    let fit = match (st.intercept, st.slope) {
        (Some(a), Some(b)) => format!(
            "y = {} {} {}·x",
            format_number(a, 3),
            if b < 0.0 { "−" } else { "+" },
            format_number(b.abs(), 3)
        ),
        _ => "n/a".to_string(),
    };
    vec![
        format!("levels r  {}", num(st.levels_r, 3)),
        format!("OLS  {fit}"),
        format!("R²  {}", num(st.r_squared, 3)),
        format!("log-change r  {}", num(st.changes_r, 3)),
        format!("n  {}", st.n),
    ]
}

/// Which corner of the plot (0 top-left, 1 top-right, 2 bottom-left,
/// 3 bottom-right) has the fewest points in its quarter-by-third box.
fn emptiest_corner(points: &[DatedPoint], x: (f64, f64), y: (f64, f64)) -> usize {
    let count = |left: bool, top: bool| {
        points
            .iter()
            .filter(|p| {
                let fx = (p.x - x.0) / (x.1 - x.0);
                let fy = (p.y - y.0) / (y.1 - y.0);
                (if left { fx < 0.36 } else { fx > 0.64 })
                    && (if top { fy > 0.62 } else { fy < 0.38 })
            })
            .count()
    };
    let counts = [
        count(true, true),
        count(false, true),
        count(true, false),
        count(false, false),
    ];
    (0..4).min_by_key(|&i| counts[i]).unwrap_or(0)
}

/// The points, the latest one, the fit.
fn legend(figure: &ScatterFigure, latest: Option<&DatedPoint>, ctx: &Ctx) -> Vec<LegendEntry> {
    let p = ctx.palette;
    let (dot, fit_colour) = (p.series(0), p.series(1));
    let mut legend = vec![LegendEntry {
        swatch: Swatch::Dot(dot),
        label: "one point per day (older ones fainter)".to_string(),
    }];
    if let Some(last) = latest {
        legend.push(LegendEntry {
            swatch: Swatch::Ring(p.text),
            label: format!("latest, {}", last.date),
        });
    }
    if figure.stats.slope.is_some() {
        legend.push(LegendEntry {
            swatch: Swatch::Line(fit_colour),
            label: "OLS fit".to_string(),
        });
    }
    legend
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &ScatterFigure,
    options: &FigureOptions,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let points: Vec<DatedPoint> = figure
        .points
        .iter()
        .copied()
        .filter(|pt| options.window.is_none_or(|w| w.contains(pt.date)))
        .collect();
    let latest = points.last().copied();
    let (dot, fit_colour) = (p.series(0), p.series(1));
    let legend = legend(figure, latest.as_ref(), ctx);
    let head = Head {
        title: &figure.title,
        subtitle: &figure.subtitle,
        source: &figure.source,
        legend: &legend,
    };
    let area = frame(root, &head, ctx)?;
    let (x0, x1) = padded(points.iter().map(|p| p.x));
    let (y0, y1) = padded(points.iter().map(|p| p.y));
    let (w, h) = area.dim_in_pixel();
    let (x_ticks, x_dec) = nice_ticks(x0, x1, (w as usize / ctx.px(110.0) as usize).clamp(3, 10));
    let (y_ticks, y_dec) = nice_ticks(y0, y1, (h as usize / ctx.px(60.0) as usize).clamp(3, 9));
    let plot = axes::plot(&area, x0..x1, y0..y1, true, 24.0, ctx)?;
    let x_axis: Vec<Tick> = x_ticks
        .iter()
        .map(|v| (*v, format_number(*v, x_dec)))
        .collect();
    let y_axis: Vec<Tick> = y_ticks
        .iter()
        .map(|v| (*v, format_number(*v, y_dec)))
        .collect();
    let axes = Axes {
        x: &x_axis,
        y: &y_axis,
        x_title: Some(&figure.x_label),
        y_title: &figure.y_label,
        x_grid: true,
    };
    axes::draw_grid(root, &plot, &axes, ctx)?;

    let n = points.len().max(2) as f64;
    let r = ctx.px(3.2);
    for (i, pt) in points.iter().enumerate() {
        let age = i as f64 / (n - 1.0);
        let alpha = FAINTEST + (1.0 - FAINTEST) * age * age;
        plot.draw(&Circle::new((pt.x, pt.y), r, dot.mix(alpha).filled()))
            .map_err(drawing)?;
    }
    if let (Some(a), Some(b)) = (figure.stats.intercept, figure.stats.slope) {
        // The line across the plot, cut where it leaves the value range.
        let ends: Vec<(f64, f64)> = [x0, x1].into_iter().map(|x| (x, a + b * x)).collect();
        let clipped = clip_line(ends[0], ends[1], (y0, y1));
        if let Some((from, to)) = clipped {
            polyline(&plot, vec![from, to], fit_colour, 2.0, ctx)?;
        }
    }
    let near_right = |pt: &DatedPoint| (pt.x - x0) / (x1 - x0) > 0.8;
    if let Some(cursor) = options
        .cursor
        .and_then(|c| points.iter().find(|pt| pt.date == c))
    {
        ring(root, &plot, cursor, p.accent, near_right(cursor), ctx)?;
    }
    if let Some(last) = latest {
        ring(root, &plot, &last, p.text, near_right(&last), ctx)?;
    }
    axes::draw_axes(root, &plot, &axes, ctx)?;
    let corner = emptiest_corner(&points, (x0, x1), (y0, y1));
    stats_box(root, &plot, &stats_lines(figure), corner, ctx)
}

/// The part of the segment `a`–`b` whose y lies in `range`.
fn clip_line(
    a: (f64, f64),
    b: (f64, f64),
    (lo, hi): (f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let at_y = |y: f64| {
        let t = (y - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), y)
    };
    let clamp = |p: (f64, f64)| {
        if p.1 < lo {
            at_y(lo)
        } else if p.1 > hi {
            at_y(hi)
        } else {
            p
        }
    };
    if (a.1 < lo && b.1 < lo) || (a.1 > hi && b.1 > hi) {
        return None;
    }
    Some((clamp(a), clamp(b)))
}

/// A ring around `pt` with its date beside it (left of it near the right edge).
fn ring<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    pt: &DatedPoint,
    colour: RGBColor,
    near_right: bool,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let (x, y) = plot.map_coordinate(&(pt.x, pt.y));
    root.draw(&Circle::new((x, y), ctx.px(8.0), ctx.line(colour, 2.0)))
        .map_err(drawing)?;
    let (anchor, dx) = if near_right {
        (HPos::Right, -ctx.px(12.0))
    } else {
        (HPos::Left, ctx.px(12.0))
    };
    root.draw_text(
        &pt.date.format("%Y-%m-%d").to_string(),
        &ctx.text(NOTE, true, colour)
            .pos(Pos::new(anchor, VPos::Center)),
        (x + dx, y),
    )
    .map_err(drawing)
}

/// The statistics in a framed box in `corner` of the plot.
fn stats_box<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    lines: &[String],
    corner: usize,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let style = ctx.text(TICK, false, p.text);
    let mut width = 0;
    for line in lines {
        width = width.max(root.estimate_text_size(line, &style).map_err(drawing)?.0 as i32);
    }
    let pad = ctx.px(10.0);
    let row = ctx.px(TICK + 6.0);
    let (box_w, box_h) = (
        width + 2 * pad,
        row * lines.len() as i32 + pad + ctx.px(4.0),
    );
    let (xs, ys) = plot.get_pixel_range();
    let inset = ctx.px(12.0);
    let x = if corner.is_multiple_of(2) {
        xs.start + inset
    } else {
        xs.end - inset - box_w
    };
    let y = if corner < 2 {
        ys.start + inset
    } else {
        ys.end - inset - box_h
    };
    root.draw(&Rectangle::new(
        [(x, y), (x + box_w, y + box_h)],
        p.background.mix(0.92).filled(),
    ))
    .map_err(drawing)?;
    root.draw(&Rectangle::new(
        [(x, y), (x + box_w, y + box_h)],
        ctx.line(p.axis, 1.0),
    ))
    .map_err(drawing)?;
    for (i, line) in lines.iter().enumerate() {
        root.draw_text(
            line,
            &style.pos(Pos::new(HPos::Left, VPos::Top)),
            (x + pad, y + pad + row * i as i32),
        )
        .map_err(drawing)?;
    }
    Ok(())
}
