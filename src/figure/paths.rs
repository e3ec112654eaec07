//! Paths against the relative day τ (the event study's cumulative abnormal
//! returns), day 0 marked, and the correlogram of the lead-lag test with
//! its ±1.96/√n band.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{self, Axes, Plot, Tick};
use super::axis::{format_number, nice_ticks};
use super::data::{BarFigure, PathFigure};
use super::frame::{Ctx, Head, LegendEntry, NOTE, Swatch, drawing, frame};
use super::marks::{polyline, series_legend};
use super::{FigureError, FigureOptions};

/// Integer ticks `from..=to`, signed ("−5", "0", "+5").
fn day_ticks(from: i32, to: i32) -> Vec<Tick> {
    (from..=to)
        .map(|k| {
            let label = match k {
                k if k > 0 => format!("+{k}"),
                k if k < 0 => format!("−{}", -k),
                _ => "0".to_string(),
            };
            (f64::from(k), label)
        })
        .collect()
}

/// Value ticks over `values` and 0, as percentages when `percent`.
fn value_axis(
    values: impl Iterator<Item = f64>,
    percent: bool,
    rows: usize,
) -> (f64, f64, Vec<Tick>) {
    let (lo, hi) = values
        .chain([0.0])
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let pad = ((hi - lo) * 0.08).max(1e-3);
    let (lo, hi) = (lo - pad, hi + pad);
    let scale = if percent { 100.0 } else { 1.0 };
    let (ticks, decimals) = nice_ticks(lo * scale, hi * scale, rows);
    let ticks = ticks
        .into_iter()
        .map(|t| {
            let suffix = if percent { "%" } else { "" };
            (t / scale, format!("{}{suffix}", format_number(t, decimals)))
        })
        .collect();
    (lo, hi, ticks)
}

/// The zero line, day 0's column and line, and what day 0 is.
fn day0<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    (x0, x1): (f64, f64),
    (lo, hi): (f64, f64),
    label: &str,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    polyline(plot, vec![(x0, 0.0), (x1, 0.0)], p.axis, 1.0, ctx)?;
    plot.draw(&Rectangle::new(
        [(-0.5, lo), (0.5, hi)],
        p.grid.mix(0.6).filled(),
    ))
    .map_err(drawing)?;
    polyline(plot, vec![(0.0, lo), (0.0, hi)], p.accent, 1.5, ctx)?;
    let (dx, dy) = plot.map_coordinate(&(0.0, hi));
    root.draw_text(
        label,
        &ctx.text(NOTE, true, p.accent)
            .pos(Pos::new(HPos::Left, VPos::Top)),
        (dx + ctx.px(8.0), dy + ctx.px(4.0)),
    )
    .map_err(drawing)?;
    Ok(())
}

pub fn draw_paths<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &PathFigure,
    options: &FigureOptions,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let lines: Vec<_> = figure
        .lines
        .iter()
        .filter(|l| !options.hidden.iter().any(|h| h == &l.id))
        .collect();
    let legend = series_legend(lines.iter().map(|l| (l.colour, l.label.as_str())), ctx);
    let head = Head {
        title: &figure.title,
        subtitle: &figure.subtitle,
        source: &figure.source,
        legend: &legend,
    };
    let area = frame(root, &head, ctx)?;
    let (from, to) = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|(t, _)| *t))
        .fold((-5, 10), |(a, b), t| (a.min(t), b.max(t)));
    let (_, h) = area.dim_in_pixel();
    let rows = (h as usize / ctx.px(60.0) as usize).clamp(3, 9);
    let (lo, hi, y_axis) = value_axis(
        lines.iter().flat_map(|l| l.points.iter().map(|(_, v)| *v)),
        true,
        rows,
    );
    let x_axis = day_ticks(from, to);
    let (x0, x1) = (f64::from(from) - 0.5, f64::from(to) + 0.5);
    let plot = axes::plot(&area, x0..x1, lo..hi, true, 24.0, ctx)?;
    let axes = Axes {
        x: &x_axis,
        y: &y_axis,
        x_title: Some("τ: trading days from day 0 (the first session that can react)"),
        y_title: &figure.y_label,
        x_grid: false,
    };
    axes::draw_grid(root, &plot, &axes, ctx)?;
    day0(root, &plot, (x0, x1), (lo, hi), &figure.day0, ctx)?;
    for line in &lines {
        let colour = p.series(line.colour);
        let points: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|(t, v)| (f64::from(*t), *v))
            .collect();
        polyline(&plot, points.clone(), colour, 2.0, ctx)?;
        for pt in points {
            plot.draw(&Circle::new(pt, ctx.px(2.5), colour.filled()))
                .map_err(drawing)?;
        }
    }
    axes::draw_axes(root, &plot, &axes, ctx)
}

pub fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &BarFigure,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let legend = vec![
        LegendEntry {
            swatch: Swatch::Dot(p.series(0)),
            label: "outside the band".to_string(),
        },
        LegendEntry {
            swatch: Swatch::Line(p.muted),
            label: "±1.96/√n: no correlation at 5%".to_string(),
        },
    ];
    let head = Head {
        title: &figure.title,
        subtitle: &figure.subtitle,
        source: &figure.source,
        legend: &legend,
    };
    let area = frame(root, &head, ctx)?;
    let from = figure.bars.iter().map(|b| b.k).min().unwrap_or(-1);
    let to = figure.bars.iter().map(|b| b.k).max().unwrap_or(1);
    let (_, h) = area.dim_in_pixel();
    let rows = (h as usize / ctx.px(60.0) as usize).clamp(3, 9);
    let (lo, hi, y_axis) = value_axis(
        figure
            .bars
            .iter()
            .flat_map(|b| [b.value, b.band, b.band.map(|v| -v)])
            .flatten(),
        false,
        rows,
    );
    let x_axis = day_ticks(from, to);
    let (x0, x1) = (f64::from(from) - 0.6, f64::from(to) + 0.6);
    let plot = axes::plot(&area, x0..x1, lo..hi, true, 24.0, ctx)?;
    let axes = Axes {
        x: &x_axis,
        y: &y_axis,
        x_title: Some(&figure.x_label),
        y_title: &figure.y_label,
        x_grid: false,
    };
    axes::draw_grid(root, &plot, &axes, ctx)?;
    draw_band(&plot, figure, ctx)?;
    polyline(&plot, vec![(x0, 0.0), (x1, 0.0)], p.axis, 1.0, ctx)?;
    draw_bar_values(&plot, figure, ctx)?;
    axes::draw_axes(root, &plot, &axes, ctx)
}

/// The ±1.96/√n band behind each lag: a shaded cell with its two edges.
fn draw_band<DB: DrawingBackend>(
    plot: &Plot<DB>,
    figure: &BarFigure,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    for bar in &figure.bars {
        let Some(band) = bar.band else { continue };
        let k = f64::from(bar.k);
        plot.draw(&Rectangle::new(
            [(k - 0.5, -band), (k + 0.5, band)],
            p.grid.mix(0.7).filled(),
        ))
        .map_err(drawing)?;
        for edge in [band, -band] {
            polyline(
                plot,
                vec![(k - 0.5, edge), (k + 0.5, edge)],
                p.muted,
                1.0,
                ctx,
            )?;
        }
    }
    Ok(())
}

/// One bar per lag: strong when outside the band, faint inside it.
fn draw_bar_values<DB: DrawingBackend>(
    plot: &Plot<DB>,
    figure: &BarFigure,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let series = ctx.palette.series(0);
    for bar in &figure.bars {
        let Some(value) = bar.value else { continue };
        let outside = bar.band.is_some_and(|b| value.abs() > b);
        let k = f64::from(bar.k);
        let fill = if outside {
            series.filled()
        } else {
            series.mix(0.35).filled()
        };
        plot.draw(&Rectangle::new([(k - 0.3, 0.0), (k + 0.3, value)], fill))
            .map_err(drawing)?;
    }
    Ok(())
}
