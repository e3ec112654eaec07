//! Under the chart's plots: the axis line, the earnings markers on it and
//! the date labels (the cursor's date over them).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::axis::{date_label, label_dates};
use super::plot::{PlotArea, put_str};
use super::series::day_offset;
use crate::domain::Window;
use crate::tui::state::ChartView;
use crate::tui::theme::Theme;

/// The axis line under the plots.
pub(super) fn draw_axis_line(
    buf: &mut Buffer,
    frame: &PlotArea,
    y: u16,
    corner: bool,
    theme: &Theme,
) {
    let rect = frame.rect;
    if corner && rect.x > 0 {
        put_str(buf, rect.x - 1, y, "└", theme.dim, 1);
    }
    for x in rect.left()..rect.right() {
        put_str(buf, x, y, "─", theme.dim, 1);
    }
}

/// A letter at each earnings date in the window (`*` where several fall in
/// one column), on the axis line or, when there is none, in the gaps of
/// the date row.
pub(super) fn draw_markers(
    buf: &mut Buffer,
    frame: &PlotArea,
    y: u16,
    view: &ChartView,
    theme: &Theme,
    window: Window,
) {
    let mut used = BTreeSet::new();
    for (date, label) in &view.markers {
        if !window.contains(*date) {
            continue;
        }
        let Some(column) = frame.column(day_offset(window, *date)) else {
            continue;
        };
        let free = matches!(buf[(column, y)].symbol(), "─" | " ");
        if !free && !used.contains(&column) {
            continue;
        }
        let letter = if used.insert(column) {
            label
                .chars()
                .find(|c| c.is_alphanumeric())
                .map_or('▲', |c| c.to_ascii_uppercase())
        } else {
            '*'
        };
        put_str(buf, column, y, &letter.to_string(), theme.warning, 1);
    }
}

/// Dates under the axis, evenly spread; the cursor's date over them.
pub(super) fn draw_date_labels(
    buf: &mut Buffer,
    frame: &PlotArea,
    y: u16,
    cursor: Option<NaiveDate>,
    theme: &Theme,
    window: Window,
) {
    let rect = frame.rect;
    let label_width = u16::try_from(date_label(window, window.start).width()).unwrap_or(u16::MAX);
    let count = usize::from((rect.width + 3) / (label_width + 3)).min(6);
    let count = if count == 1 { 1 } else { count };
    let dates = label_dates(window, count);
    // The cursor's date wins over the labels it would overlap.
    let cursor_label = cursor.filter(|&d| window.contains(d)).and_then(|date| {
        let column = frame.column(day_offset(window, date))?;
        let text = date.to_string();
        let width = u16::try_from(text.width()).ok()?;
        let x = fit_in(rect, column.saturating_sub(width / 2), width)?;
        Some((x, text, width))
    });
    let last = dates.len().saturating_sub(1);
    // A label never repeats its neighbour (two in one month) nor touches it.
    let mut previous: Option<(String, u16)> = None;
    for (i, date) in dates.iter().enumerate() {
        let text = date_label(window, *date);
        let column = frame.column(day_offset(window, *date)).unwrap_or(rect.x);
        let x = if i == 0 {
            column
        } else if i == last {
            (column + 1).saturating_sub(label_width)
        } else {
            column.saturating_sub(label_width / 2)
        };
        let Some(x) = fit_in(rect, x, label_width) else {
            continue;
        };
        let clashes = cursor_label
            .as_ref()
            .is_some_and(|&(cx, _, cw)| x < cx + cw + 1 && cx < x + label_width + 1);
        let crowded = previous
            .as_ref()
            .is_some_and(|(shown, end)| *shown == text || x <= *end);
        if !clashes && !crowded {
            put_str(buf, x, y, &text, theme.dim, label_width);
            previous = Some((text, x + label_width));
        }
    }
    if let Some((x, text, width)) = cursor_label {
        put_str(buf, x, y, &text, theme.cursor, width);
    }
}

/// The start column nearest `x` at which `width` columns fit inside `rect`.
fn fit_in(rect: Rect, x: u16, width: u16) -> Option<u16> {
    (width <= rect.width).then(|| x.clamp(rect.left(), rect.right() - width))
}
