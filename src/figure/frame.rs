//! What every figure has around its plot: the page, the title and
//! subtitle, a legend flowed into rows (never over the data), and the
//! source line at the bottom.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::FigureError;
use super::font::font;
use super::theme::Palette;

/// Text sizes in CSS pixels (a PNG doubles them with everything else).
pub const TITLE: f64 = 21.0;
pub const SUBTITLE: f64 = 14.0;
pub const LEGEND: f64 = 14.0;
pub const TICK: f64 = 13.0;
pub const NOTE: f64 = 12.5;

/// The page's palette and pixel density: 1 for SVG, 2 for a sharp PNG.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub palette: Palette,
    pub density: f64,
}

impl Ctx {
    /// `v` CSS pixels in the backend's pixels.
    pub fn px(&self, v: f64) -> i32 {
        (v * self.density).round() as i32
    }

    pub fn text(&self, size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
        font(size * self.density, bold).color(&color)
    }

    pub fn line(&self, color: RGBColor, width: f64) -> ShapeStyle {
        color.stroke_width(self.px(width).max(1) as u32)
    }
}

/// How a legend entry's sample is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Line(RGBColor),
    Dot(RGBColor),
    Ring(RGBColor),
    Triangle(RGBColor),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
}

/// The words around a plot.
pub struct Head<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub source: &'a str,
    pub legend: &'a [LegendEntry],
}

/// Turns a backend's error into the layer's.
pub fn drawing<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> FigureError {
    FigureError::Draw(e.to_string())
}

const MARGIN: f64 = 18.0;

/// Draws the page, the words and the legend; returns the area left for the plot.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    head: &Head<'_>,
    ctx: &Ctx,
) -> Result<DrawingArea<DB, Shift>, FigureError> {
    let p = ctx.palette;
    root.fill(&p.background).map_err(drawing)?;
    let (_, height) = root.dim_in_pixel();
    let left = ctx.px(MARGIN);
    let top_left = Pos::new(HPos::Left, VPos::Top);
    let mut y = ctx.px(MARGIN - 4.0);
    root.draw_text(
        head.title,
        &ctx.text(TITLE, true, p.text).pos(top_left),
        (left, y),
    )
    .map_err(drawing)?;
    y += ctx.px(TITLE + 8.0);
    let (width, _) = root.dim_in_pixel();
    let subtitle = ctx.text(SUBTITLE, false, p.muted);
    for line in head.subtitle.lines().filter(|l| !l.is_empty()) {
        for part in wrap(root, line, &subtitle, width as i32 - 2 * left)? {
            root.draw_text(&part, &subtitle.pos(top_left), (left, y))
                .map_err(drawing)?;
            y += ctx.px(SUBTITLE + 8.0);
        }
    }
    if !head.subtitle.is_empty() {
        y += ctx.px(2.0);
    }
    y = legend(root, head.legend, y, ctx)?;
    let bottom = ctx.px(MARGIN + NOTE + 6.0);
    root.draw_text(
        head.source,
        &ctx.text(NOTE, false, p.muted)
            .pos(Pos::new(HPos::Left, VPos::Bottom)),
        (left, height as i32 - ctx.px(MARGIN - 6.0)),
    )
    .map_err(drawing)?;
    Ok(root.margin(y, bottom, left, left))
}

/// `text` cut at spaces into lines no wider than `width` pixels (a word
/// wider than that stands alone on its line).
fn wrap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    width: i32,
) -> Result<Vec<String>, FigureError> {
    let fits = |line: &str| -> Result<bool, FigureError> {
        let (w, _) = root.estimate_text_size(line, style).map_err(drawing)?;
        Ok(w as i32 <= width)
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let longer = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || fits(&longer)? {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    lines.push(line);
    Ok(lines)
}

/// Flows the legend into rows from `y`; returns the y below it.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    mut y: i32,
    ctx: &Ctx,
) -> Result<i32, FigureError> {
    if entries.is_empty() {
        return Ok(y + ctx.px(4.0));
    }
    let (width, _) = root.dim_in_pixel();
    let left = ctx.px(MARGIN);
    let right = width as i32 - left;
    let style = ctx.text(LEGEND, false, ctx.palette.text);
    let swatch = ctx.px(26.0);
    let gap = ctx.px(8.0);
    let row = ctx.px(LEGEND + 8.0);
    let mut x = left;
    for entry in entries {
        let (text_width, _) = root
            .estimate_text_size(&entry.label, &style)
            .map_err(drawing)?;
        let needed = swatch + gap + text_width as i32;
        if x > left && x + needed > right {
            x = left;
            y += row;
        }
        let mid = y + row / 2 - ctx.px(3.0);
        draw_swatch(root, entry.swatch, (x, mid), swatch, ctx)?;
        root.draw_text(
            &entry.label,
            &style.pos(Pos::new(HPos::Left, VPos::Center)),
            (x + swatch + gap, mid),
        )
        .map_err(drawing)?;
        x += needed + ctx.px(24.0);
    }
    Ok(y + row + ctx.px(6.0))
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    (x, y): (i32, i32),
    width: i32,
    ctx: &Ctx,
) -> Result<(), FigureError> {
    let centre = (x + width / 2, y);
    let r = ctx.px(4.5);
    match swatch {
        Swatch::Line(c) => root.draw(&PathElement::new(
            vec![(x, y), (x + width, y)],
            ctx.line(c, 2.5),
        )),
        Swatch::Dot(c) => root.draw(&Circle::new(centre, r, c.filled())),
        Swatch::Ring(c) => root.draw(&Circle::new(centre, r + ctx.px(2.0), ctx.line(c, 2.0))),
        Swatch::Triangle(c) => root.draw(&Polygon::new(triangle(centre, ctx.px(6.0)), c.filled())),
    }
    .map_err(drawing)
}

/// An upward triangle of half-width `h` around `(x, y)`.
pub fn triangle((x, y): (i32, i32), h: i32) -> Vec<(i32, i32)> {
    vec![(x - h, y + h * 2 / 3), (x + h, y + h * 2 / 3), (x, y - h)]
}
