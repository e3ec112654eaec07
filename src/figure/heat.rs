//! A heat map of signed values (the rotation: segment × period of segment
//! minus basket return) on a diverging blue–white–red scale, symmetric
//! around 0, each cell labelled with its value where it fits.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FigureError;
use super::data::HeatFigure;
use super::frame::{Ctx, Head, NOTE, TICK, drawing, frame};

/// The ends and middle of the scale (ColorBrewer RdBu: colour-blind safe).
const NEGATIVE: RGBColor = RGBColor(0x21, 0x66, 0xAC);
const MIDDLE: RGBColor = RGBColor(0xF7, 0xF7, 0xF7);
const POSITIVE: RGBColor = RGBColor(0xB2, 0x18, 0x2B);

fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let c = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
}

/// The colour of `value` on a scale reaching `limit` each side of 0.
pub fn diverging(value: f64, limit: f64) -> RGBColor {
    let t = (value / limit).clamp(-1.0, 1.0);
    if t < 0.0 {
        mix(MIDDLE, NEGATIVE, -t)
    } else {
        mix(MIDDLE, POSITIVE, t)
    }
}

/// The largest |value|, rounded up to a whole percent (at least 1%).
pub fn scale_limit(figure: &HeatFigure) -> f64 {
    let max = figure
        .cells
        .iter()
        .flatten()
        .flatten()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    ((max * 100.0).ceil() / 100.0).max(0.01)
}

pub fn draw_heat<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &HeatFigure,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let p = ctx.palette;
    let head = Head {
        title: &figure.title,
        subtitle: &figure.subtitle,
        source: &figure.source,
        legend: &[],
    };
    let area = frame(root, &head, ctx)?;
    let (width, height) = area.dim_in_pixel();
    let label = ctx.text(TICK, false, p.text);
    let mut label_width = 0;
    for row in &figure.rows {
        let (w, _) = area.estimate_text_size(row, &label).map_err(drawing)?;
        label_width = label_width.max(w as i32);
    }
    let left = label_width + ctx.px(10.0);
    let bottom = ctx.px(TICK * 2.0 + 34.0);
    let (cols, rows) = (
        figure.columns.len().max(1) as i32,
        figure.rows.len().max(1) as i32,
    );
    let cell_w = (width as i32 - left) / cols;
    let cell_h = ((height as i32 - bottom) / rows).min(ctx.px(56.0));
    let limit = scale_limit(figure);
    let value_style = |fill: RGBColor| {
        let light = u32::from(fill.0) + u32::from(fill.1) + u32::from(fill.2) > 3 * 150;
        ctx.text(
            NOTE,
            false,
            if light {
                RGBColor(0x1F, 0x1F, 0x1F)
            } else {
                RGBColor(0xFF, 0xFF, 0xFF)
            },
        )
        .pos(Pos::new(HPos::Center, VPos::Center))
    };
    let centred = Pos::new(HPos::Center, VPos::Center);
    for (r, (name, cells)) in figure.rows.iter().zip(&figure.cells).enumerate() {
        let y = r as i32 * cell_h;
        area.draw_text(
            name,
            &label.pos(Pos::new(HPos::Right, VPos::Center)),
            (left - ctx.px(8.0), y + cell_h / 2),
        )
        .map_err(drawing)?;
        for (c, cell) in cells.iter().enumerate() {
            let x = left + c as i32 * cell_w;
            let corners = [(x + 1, y + 1), (x + cell_w - 1, y + cell_h - 1)];
            let Some(value) = cell else {
                area.draw(&Rectangle::new(corners, p.grid.filled()))
                    .map_err(drawing)?;
                continue;
            };
            let fill = diverging(*value, limit);
            area.draw(&Rectangle::new(corners, fill.filled()))
                .map_err(drawing)?;
            let text = format!("{:+.1}", value * 100.0);
            let (tw, _) = area
                .estimate_text_size(&text, &value_style(fill))
                .map_err(drawing)?;
            if (tw as i32) < cell_w - ctx.px(4.0) {
                area.draw_text(&text, &value_style(fill), (x + cell_w / 2, y + cell_h / 2))
                    .map_err(drawing)?;
            }
        }
    }
    // Column labels: every k-th, as many as fit side by side.
    let tick = ctx.text(TICK, false, p.muted).pos(centred);
    let widest = figure
        .columns
        .iter()
        .map(|c| area.estimate_text_size(c, &tick).map(|s| s.0 as i32))
        .collect::<Result<Vec<_>, _>>()
        .map_err(drawing)?
        .into_iter()
        .max()
        .unwrap_or(1);
    let every = ((widest + ctx.px(12.0)) / cell_w.max(1) + 1) as usize;
    let label_y = rows * cell_h + ctx.px(TICK);
    for (c, column) in figure.columns.iter().enumerate().step_by(every.max(1)) {
        let x = left + c as i32 * cell_w + cell_w / 2;
        area.draw_text(column, &tick, (x, label_y))
            .map_err(drawing)?;
    }
    draw_scale(
        &area,
        figure,
        limit,
        (left, label_y + ctx.px(TICK + 10.0)),
        ctx,
    )
}

/// The colour bar: −limit … 0 … +limit, in percentage points.
fn draw_scale<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    figure: &HeatFigure,
    limit: f64,
    (x, y): (i32, i32),
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let steps = 40;
    let step_w = ctx.px(6.0);
    let h = ctx.px(10.0);
    for k in 0..steps {
        let v = -limit + 2.0 * limit * (f64::from(k) + 0.5) / f64::from(steps);
        let x0 = x + k * step_w;
        area.draw(&Rectangle::new(
            [(x0, y), (x0 + step_w, y + h)],
            diverging(v, limit).filled(),
        ))
        .map_err(drawing)?;
    }
    let style = ctx
        .text(NOTE, false, ctx.palette.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let pct = limit * 100.0;
    area.draw_text(
        &format!("−{pct:.0} … 0 … +{pct:.0} {}", figure.scale_label),
        &style,
        (x + steps * step_w + ctx.px(10.0), y + h / 2),
    )
    .map_err(drawing)
}
