//! A plot on the screen: where a coordinate lands in the cells (the same
//! rounding as ratatui's braille canvas, so overlays sit on the lines), the
//! value axis beside it, and small text overlays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as CanvasLine, Points};
use unicode_width::UnicodeWidthStr;

use super::axis::{ValueScale, value_labels};

/// Braille dots per cell, across and down.
const DOTS_X: f64 = 2.0;
const DOTS_Y: f64 = 4.0;

/// A rectangle of cells that shows `x` and `y` (plotted coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PlotArea {
    pub rect: Rect,
    pub x: [f64; 2],
    pub y: [f64; 2],
}

impl PlotArea {
    /// The column of `x`, as the canvas rounds it; `None` outside the bounds.
    pub fn column(&self, x: f64) -> Option<u16> {
        let dots = f64::from(self.rect.width) * DOTS_X;
        let dot = to_dot(x, self.x, dots)?;
        Some(self.rect.x + (dot / DOTS_X) as u16)
    }

    /// The row of `y`, as the canvas rounds it; `None` outside the bounds.
    pub fn row(&self, y: f64) -> Option<u16> {
        let dots = f64::from(self.rect.height) * DOTS_Y;
        // Rows count down from the top.
        let dot = to_dot(-y, [-self.y[1], -self.y[0]], dots)?;
        Some(self.rect.y + (dot / DOTS_Y) as u16)
    }

    /// Draws with a braille canvas over the area.
    pub fn paint(&self, buf: &mut Buffer, painter: impl Fn(&mut Context)) {
        if self.rect.is_empty() {
            return;
        }
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds(self.x)
            .y_bounds(self.y)
            .paint(painter)
            .render(self.rect, buf);
    }
}

/// The dot index of `value` among `dots` across `bounds`, rounded.
fn to_dot(value: f64, bounds: [f64; 2], dots: f64) -> Option<f64> {
    let [lo, hi] = bounds;
    if !(lo..=hi).contains(&value) || hi <= lo || dots < 1.0 {
        return None;
    }
    Some(((value - lo) * (dots - 1.0) / (hi - lo)).round())
}

/// A polyline through `points` (plotted coordinates), or a dot when there is
/// only one.
pub(crate) fn draw_polyline(ctx: &mut Context, points: &[(f64, f64)], color: Color) {
    if let [only] = points {
        ctx.draw(&Points {
            coords: &[*only],
            color,
        });
    }
    for pair in points.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        ctx.draw(&CanvasLine::new(x1, y1, x2, y2, color));
    }
}

/// The colour a canvas draws a style in (the terminal's own when the style
/// has none, as under `NO_COLOR`).
pub(crate) fn ink(style: Style) -> Color {
    style.fg.unwrap_or_default()
}

/// The width of the value labels a vertical axis needs over `bounds`.
pub(crate) fn value_label_width(bounds: [f64; 2], scale: ValueScale, rows: u16) -> u16 {
    value_labels(bounds, scale, rows)
        .iter()
        .map(|(_, text)| text.width())
        .max()
        .and_then(|w| u16::try_from(w).ok())
        .unwrap_or(0)
}

/// Value labels right-aligned in the `width` columns left of the plot, and
/// the axis line in the column just left of it (`┤` where a label is).
pub(crate) fn draw_value_axis(
    buf: &mut Buffer,
    plot: &PlotArea,
    scale: ValueScale,
    width: u16,
    style: Style,
) {
    let rows = plot.rect.height;
    if width == 0 || plot.rect.x < width + 1 {
        return;
    }
    let axis_x = plot.rect.x - 1;
    for row in 0..rows {
        put_str(buf, axis_x, plot.rect.y + row, "│", style, 1);
    }
    for (row, text) in value_labels(plot.y, scale, rows) {
        let y = plot.rect.y + row;
        let text_width = u16::try_from(text.width()).unwrap_or(u16::MAX);
        let x = axis_x.saturating_sub(text_width.min(width));
        put_str(buf, x, y, &text, style, width);
        put_str(buf, axis_x, y, "┤", style, 1);
    }
}

/// A vertical line down `column` through the blank cells of `rect`, so the
/// lines it crosses stay visible.
pub(crate) fn draw_vertical(buf: &mut Buffer, rect: Rect, column: u16, style: Style) {
    if column < rect.left() || column >= rect.right() {
        return;
    }
    for y in rect.top()..rect.bottom() {
        let cell = &mut buf[(column, y)];
        if matches!(cell.symbol(), " " | "\u{2800}") {
            cell.set_symbol("│").set_style(style);
        }
    }
}

/// Writes `text` at (x, y), at most `max_width` columns and never past the
/// buffer's edge.
pub(crate) fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, style: Style, max_width: u16) {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return;
    }
    let room = (area.right() - x).min(max_width);
    buf.set_stringn(x, y, text, usize::from(room), style);
}

/// Text cut to `width` columns with an ellipsis when it does not fit.
pub(crate) use crate::text::truncate as shorten;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_canvas_rounding() {
        // 10 cells = 20 dots over x 0..19: x = 19 is dot 19, column 9.
        let plot = PlotArea {
            rect: Rect::new(5, 0, 10, 4),
            x: [0.0, 19.0],
            y: [0.0, 1.0],
        };
        assert_eq!(plot.column(0.0), Some(5));
        assert_eq!(plot.column(19.0), Some(14));
        assert_eq!(plot.column(20.0), None);
        // The top value is on the first row, the bottom one on the last.
        assert_eq!(plot.row(1.0), Some(0));
        assert_eq!(plot.row(0.0), Some(3));
    }

    #[test]
    fn shortens_with_an_ellipsis() {
        assert_eq!(shorten("domestic-chain", 6), "domes…");
        assert_eq!(shorten("hstech", 6), "hstech");
        assert_eq!(shorten("hstech", 0), "");
    }
}
