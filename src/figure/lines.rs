//! Lines over dates: the indices, the ratios and the rolling correlation,
//! with earnings releases marked on the date axis and the cursor's date.

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{self, Axes, Plot, Tick};
use super::axis::{date_ticks, day, format_number, nice_ticks};
use super::data::{EventMark, LineFigure};
use super::frame::{Ctx, Head, LegendEntry, NOTE, Swatch, drawing, frame, triangle};
use super::marks::{polyline, series_legend};
use super::{FigureError, FigureOptions};

/// Releases closer than this many days share one mark and one label.
const EVENT_CLUSTER_DAYS: i64 = 10;

/// The value axis: linear, or logarithmic (the data is drawn as its log,
/// ticks stay round values of the data).
#[derive(Debug, Clone, Copy)]
struct ValueScale {
    log: bool,
}

impl ValueScale {
    fn axis_of(self, v: f64) -> f64 {
        if self.log { v.ln() } else { v }
    }

    fn value_of(self, v: f64) -> f64 {
        if self.log { v.exp() } else { v }
    }
}

/// A line as shown: its colour's index, its legend text, its points in the span.
struct Shown<'a> {
    colour: usize,
    label: &'a str,
    points: Vec<(NaiveDate, f64)>,
}

/// The lines' points inside the shown span, hidden series left out; each
/// keeps the index of its colour.
fn visible<'a>(
    figure: &'a LineFigure,
    options: &FigureOptions,
    span: (NaiveDate, NaiveDate),
) -> Vec<Shown<'a>> {
    figure
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !options.hidden.iter().any(|h| h == &l.id))
        .map(|(i, l)| {
            let points = l
                .points
                .iter()
                .copied()
                .filter(|(d, v)| span.0 <= *d && *d <= span.1 && v.is_finite())
                .collect();
            Shown {
                colour: i,
                label: l.label.as_str(),
                points,
            }
        })
        .collect()
}

/// Releases within `days` of each other, as one mark at the first date
/// with the names joined.
fn clusters(events: &[EventMark], span: (NaiveDate, NaiveDate)) -> Vec<EventMark> {
    let mut sorted: Vec<&EventMark> = events
        .iter()
        .filter(|e| span.0 <= e.date && e.date <= span.1)
        .collect();
    sorted.sort_by_key(|e| e.date);
    let mut out: Vec<(EventMark, NaiveDate)> = Vec::new();
    for e in sorted {
        match out.last_mut() {
            Some((mark, last)) if (e.date - *last).num_days() < EVENT_CLUSTER_DAYS => {
                if !mark.label.split(" · ").any(|l| l == e.label) {
                    mark.label = format!("{} · {}", mark.label, e.label);
                }
                *last = e.date;
            }
            _ => out.push((e.clone(), e.date)),
        }
    }
    out.into_iter().map(|(mark, _)| mark).collect()
}

/// The value range: fixed, or the data's (with the reference) padded.
fn value_range(figure: &LineFigure, lines: &[Shown<'_>], scale: ValueScale) -> (f64, f64) {
    if let Some(range) = figure.fixed_range {
        return range;
    }
    let values = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|(_, v)| *v))
        .chain(figure.reference)
        .filter(|v| !scale.log || *v > 0.0)
        .map(|v| scale.axis_of(v));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.06).max(1e-6);
    (scale.value_of(lo - pad), scale.value_of(hi + pad))
}

/// A line per series, and the earnings mark when there are marks.
fn legend(lines: &[Shown<'_>], marks: bool, ctx: &Ctx) -> Vec<LegendEntry> {
    let mut legend = series_legend(lines.iter().map(|l| (l.colour, l.label)), ctx);
    if marks {
        legend.push(LegendEntry {
            swatch: Swatch::Triangle(ctx.palette.accent),
            label: "earnings release (watchlist)".to_string(),
        });
    }
    legend
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &LineFigure,
    options: &FigureOptions,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let span = options
        .window
        .map_or(figure.span, |w| (w.start.max(figure.span.0), w.end));
    let lines = visible(figure, options, span);
    let marks = clusters(&figure.events, span);
    let legend = legend(&lines, !marks.is_empty(), ctx);
    let head = Head {
        title: &figure.title,
        subtitle: &figure.subtitle,
        source: &figure.source,
        legend: &legend,
    };
    let area = frame(root, &head, ctx)?;

    // A log scale needs positive values; a correlation stays linear.
    let scale = ValueScale {
        log: options.log_scale && figure.fixed_range.is_none(),
    };
    let (lo, hi) = value_range(figure, &lines, scale);
    let (plot_width, plot_height) = area.dim_in_pixel();
    let (y_ticks, decimals) = nice_ticks(
        lo,
        hi,
        (plot_height as usize / ctx.px(60.0) as usize).clamp(3, 9),
    );
    let x_ticks = date_ticks(
        span.0,
        span.1,
        f64::from(ctx.px(110.0)) / f64::from(plot_width.max(1)),
    );
    let x_end = day(span.1).max(day(span.0) + 1.0);
    let (y_lo, y_hi) = (scale.axis_of(lo), scale.axis_of(hi));
    let plot = axes::plot(&area, day(span.0)..x_end, y_lo..y_hi, false, 56.0, ctx)?;
    let x_axis: Vec<Tick> = x_ticks
        .iter()
        .map(|t| (day(t.date), t.label.clone()))
        .collect();
    let y_axis: Vec<Tick> = y_ticks
        .iter()
        .map(|v| (scale.axis_of(*v), format_number(*v, decimals)))
        .collect();
    let axes = Axes {
        x: &x_axis,
        y: &y_axis,
        x_title: None,
        y_title: &figure.y_label,
        x_grid: false,
    };
    axes::draw_grid(root, &plot, &axes, ctx)?;
    if let Some(reference) = figure.reference.filter(|r| lo <= *r && *r <= hi) {
        let y = scale.axis_of(reference);
        polyline(&plot, vec![(day(span.0), y), (x_end, y)], p.axis, 1.0, ctx)?;
    }
    for line in &lines {
        // One polyline per series: its points are the export's rows.
        polyline(
            &plot,
            line.points
                .iter()
                .map(|(d, v)| (day(*d), scale.axis_of(*v)))
                .collect::<Vec<_>>(),
            p.series(line.colour),
            2.0,
            ctx,
        )?;
    }
    let cursor = options.cursor.filter(|c| span.0 <= *c && *c <= span.1);
    marks_and_cursor(root, &plot, &marks, cursor, (y_lo, y_hi), ctx)?;
    axes::draw_axes(root, &plot, &axes, ctx)
}

/// Earnings marks on the date axis and the cursor's line.
fn marks_and_cursor<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot<DB>,
    marks: &[EventMark],
    cursor: Option<NaiveDate>,
    (y_lo, y_hi): (f64, f64),
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let h = ctx.px(6.0);
    for mark in marks {
        let (x, y) = plot.map_coordinate(&(day(mark.date), y_lo));
        root.draw(&Polygon::new(triangle((x, y - h), h), p.accent.filled()))
            .map_err(drawing)?;
        root.draw_text(
            &mark.label,
            &ctx.text(NOTE, false, p.accent)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
            (x, y - h * 3),
        )
        .map_err(drawing)?;
    }
    if let Some(cursor) = cursor {
        let x = day(cursor);
        polyline(plot, vec![(x, y_lo), (x, y_hi)], p.accent, 1.0, ctx)?;
        let (px, py) = plot.map_coordinate(&(x, y_hi));
        root.draw_text(
            &cursor.format("%Y-%m-%d").to_string(),
            &ctx.text(NOTE, true, p.accent)
                .pos(Pos::new(HPos::Left, VPos::Top)),
            (px + ctx.px(4.0), py + ctx.px(2.0)),
        )
        .map_err(drawing)?;
    }
    Ok(())
}
