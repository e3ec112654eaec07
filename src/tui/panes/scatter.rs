//! The ratio-versus-ratio scatter pane: x = A/B against y = A/C, one dot per
//! day shaded by recency, the latest point and the cursor's point marked, the
//! OLS line, the statistics of METHODOLOGY.md, and the rolling correlation.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Line as CanvasLine, Points};
use unicode_width::UnicodeWidthStr;

use super::chart::{
    PlotArea, ValueScale, day_offset, decimals_for_span, draw_polyline, draw_value_axis, ink,
    put_str, shorten, value_label_width, x_bounds,
};
use crate::compute::{Analysis, Scatter, ScatterPoint, ScatterStats};
use crate::tui::theme::Theme;

/// What the analyst has set on the scatter (the app state owns it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScatterView {
    /// The chart's cursor date, highlighted here too.
    pub cursor: Option<NaiveDate>,
}

/// Width of the statistics column when it fits beside the plot.
const STATS_WIDTH: u16 = 21;
const LINEAR: ValueScale = ValueScale { log: false };

/// Draws the scatter pane into `area`.
pub fn render_scatter(
    area: Rect,
    buf: &mut Buffer,
    analysis: &Analysis,
    view: &ScatterView,
    theme: &Theme,
    focused: bool,
) {
    let area = area.intersection(buf.area);
    let block = super::pane_block("Scatter", theme, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height < 1 {
        return;
    }
    let scatter = &analysis.scatter;
    let cursor_point = view
        .cursor
        .filter(|&d| analysis.window.contains(d))
        .and_then(|d| point_on(&scatter.points, d));
    let parts = Parts::split(inner);
    match parts.stats {
        StatsPlace::Beside(rect) => draw_stats_column(buf, rect, scatter, cursor_point, theme),
        StatsPlace::Below(y) => draw_stats_line(buf, inner, y, &scatter.stats, theme),
    }
    if let Some(rect) = parts.rolling {
        draw_rolling(buf, rect, analysis, theme);
    }
    draw_points(buf, parts.plot, scatter, cursor_point, theme);
}

/// The last point on or before `date`: the cursor may sit on a day one
/// ratio does not have.
fn point_on(points: &[ScatterPoint], date: NaiveDate) -> Option<ScatterPoint> {
    let after = points.partition_point(|p| p.date <= date);
    after.checked_sub(1).map(|i| points[i])
}

enum StatsPlace {
    Beside(Rect),
    Below(u16),
}

/// Where the plot, the statistics and the rolling correlation go.
struct Parts {
    plot: Rect,
    stats: StatsPlace,
    rolling: Option<Rect>,
}

impl Parts {
    /// Shrinking first drops the rolling panel, then folds the statistics
    /// into one line under the plot.
    fn split(inner: Rect) -> Parts {
        let beside = inner.width >= 60 && inner.height >= 8;
        let rolling_rows = match inner.height {
            h if h >= 18 => 5,
            h if h >= 12 => 4,
            _ => 0,
        };
        let top = Rect::new(inner.x, inner.y, inner.width, inner.height - rolling_rows);
        let rolling =
            (rolling_rows > 0).then(|| Rect::new(inner.x, top.bottom(), inner.width, rolling_rows));
        if beside {
            let plot = Rect::new(top.x, top.y, top.width - STATS_WIDTH - 1, top.height);
            let stats = Rect::new(plot.right() + 1, top.y, STATS_WIDTH, top.height);
            Parts {
                plot,
                stats: StatsPlace::Beside(stats),
                rolling,
            }
        } else {
            let plot = Rect::new(top.x, top.y, top.width, top.height.saturating_sub(1));
            Parts {
                plot,
                stats: StatsPlace::Below(top.bottom().saturating_sub(1)),
                rolling,
            }
        }
    }
}

/// A statistic to three decimals, or "n/a" when it cannot be computed.
fn stat(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v:.3}"),
        _ => "n/a".to_string(),
    }
}

fn draw_stats_column(
    buf: &mut Buffer,
    rect: Rect,
    scatter: &Scatter,
    cursor: Option<ScatterPoint>,
    theme: &Theme,
) {
    let s = &scatter.stats;
    let mut rows = vec![
        ("levels r", stat(s.levels_r)),
        ("slope", stat(s.slope)),
        ("intercept", stat(s.intercept)),
        ("R²", stat(s.r_squared)),
        ("log-chg r", stat(s.changes_r)),
        ("n", s.n.to_string()),
        ("changes", s.n_changes.to_string()),
    ];
    if let Some(latest) = scatter.points.last() {
        rows.push(("latest", latest.date.to_string()));
        rows.push(("  x y", format!("{:.3} {:.3}", latest.x, latest.y)));
    }
    if let Some(point) = cursor {
        rows.push(("cursor", point.date.to_string()));
        rows.push(("  x y", format!("{:.3} {:.3}", point.x, point.y)));
    }
    let width = usize::from(rect.width);
    for (i, (name, value)) in rows.iter().enumerate() {
        let Ok(offset) = u16::try_from(i) else { break };
        if offset >= rect.height {
            break;
        }
        let y = rect.y + offset;
        let style = match *name {
            "latest" => theme.highlight,
            "cursor" => theme.cursor,
            _ => theme.dim,
        };
        put_str(buf, rect.x, y, name, style, rect.width);
        let value_width = value.width().min(width);
        let x = rect.right() - u16::try_from(value_width).unwrap_or(rect.width);
        put_str(buf, x, y, value, theme.text, rect.width);
    }
}

/// The statistics in one line, dropping the least needed ones until it fits.
fn draw_stats_line(buf: &mut Buffer, inner: Rect, y: u16, s: &ScatterStats, theme: &Theme) {
    let r = stat(s.levels_r);
    let r2 = stat(s.r_squared);
    let changes = stat(s.changes_r);
    let slope = stat(s.slope);
    let candidates = [
        format!(
            "r {r} · slope {slope} · R² {r2} · log-chg r {changes} · n {} ({} chg)",
            s.n, s.n_changes
        ),
        format!("r {r} · R² {r2} · Δr {changes} · n {}", s.n),
        format!("r {r} Δr {changes} n {}", s.n),
    ];
    let width = usize::from(inner.width);
    let line = candidates
        .iter()
        .find(|c| c.width() <= width)
        .map_or_else(|| shorten(&candidates[2], width), Clone::clone);
    put_str(buf, inner.x, y, &line, theme.text, inner.width);
}

fn draw_points(
    buf: &mut Buffer,
    rect: Rect,
    scatter: &Scatter,
    cursor: Option<ScatterPoint>,
    theme: &Theme,
) {
    // The y title on top, the x labels and title underneath.
    let has_titles = rect.height >= 4;
    let plot_rows = rect.height.saturating_sub(if has_titles { 2 } else { 0 });
    let (Some(xb), Some(yb)) = (
        LINEAR.bounds(scatter.points.iter().map(|p| p.x)),
        LINEAR.bounds(scatter.points.iter().map(|p| p.y)),
    ) else {
        put_str(
            buf,
            rect.x,
            rect.y,
            "no points in the window",
            theme.dim,
            rect.width,
        );
        return;
    };
    let label_width = if rect.width >= 24 {
        value_label_width(yb, LINEAR, plot_rows)
    } else {
        0
    };
    let left = rect.x + if label_width > 0 { label_width + 1 } else { 0 };
    let plot = PlotArea {
        rect: Rect::new(
            left,
            rect.y + u16::from(has_titles),
            rect.right().saturating_sub(left),
            plot_rows,
        ),
        x: xb,
        y: yb,
    };
    if has_titles {
        let title = format!("y {}", scatter.y_label);
        put_str(buf, rect.x, rect.y, &title, theme.dim, rect.width);
        draw_x_labels(
            buf,
            &plot,
            rect.x,
            plot.rect.bottom(),
            &scatter.x_label,
            theme,
        );
    }
    paint_points(buf, &plot, scatter, theme);
    draw_value_axis(buf, &plot, LINEAR, label_width, theme.dim);
    if let Some(latest) = scatter.points.last() {
        mark(buf, &plot, latest, "●", theme.highlight);
    }
    if let Some(point) = cursor {
        mark(buf, &plot, &point, "◆", theme.cursor);
    }
}

/// The fitted line, then the points shaded by age (newest brightest).
fn paint_points(buf: &mut Buffer, plot: &PlotArea, scatter: &Scatter, theme: &Theme) {
    let xb = plot.x;
    let buckets = theme.recency.len().max(1);
    let n = scatter.points.len();
    let fit = scatter.stats.intercept.zip(scatter.stats.slope);
    plot.paint(buf, |ctx| {
        if let Some((a, b)) = fit {
            let [x1, x2] = xb;
            ctx.draw(&CanvasLine::new(
                x1,
                a + b * x1,
                x2,
                a + b * x2,
                ink(theme.dim),
            ));
            ctx.layer();
        }
        // Oldest first, so the newest shade wins where points share a cell.
        for (i, chunk) in scatter
            .points
            .chunks(n.div_ceil(buckets).max(1))
            .enumerate()
        {
            let coords: Vec<(f64, f64)> = chunk.iter().map(|p| (p.x, p.y)).collect();
            let color = theme
                .recency
                .get(i)
                .copied()
                .unwrap_or_else(|| ink(theme.text));
            ctx.draw(&Points {
                coords: &coords,
                color,
            });
        }
    });
}

fn mark(buf: &mut Buffer, plot: &PlotArea, point: &ScatterPoint, symbol: &str, style: Style) {
    if let (Some(x), Some(y)) = (plot.column(point.x), plot.row(point.y)) {
        put_str(buf, x, y, symbol, style, 1);
    }
}

/// Under the plot: the lowest x on the left, the highest on the right, the
/// x title between them.
fn draw_x_labels(buf: &mut Buffer, plot: &PlotArea, left: u16, y: u16, title: &str, theme: &Theme) {
    let [lo, hi] = plot.x;
    let decimals = decimals_for_span(hi - lo);
    let (lo, hi) = (format!("{lo:.decimals$}"), format!("{hi:.decimals$}"));
    let right = plot.rect.right();
    let hi_x = right.saturating_sub(u16::try_from(hi.width()).unwrap_or(0));
    put_str(buf, plot.rect.x, y, &lo, theme.dim, plot.rect.width);
    let lo_end = plot.rect.x + u16::try_from(lo.width()).unwrap_or(0);
    put_str(
        buf,
        hi_x.max(lo_end + 1),
        y,
        &hi,
        theme.dim,
        right.saturating_sub(lo_end + 1),
    );
    let room = usize::from(hi_x.saturating_sub(lo_end + 2));
    let title = shorten(&format!("x {title}"), room);
    let title_width = u16::try_from(title.width()).unwrap_or(0);
    let x = lo_end + 1 + (hi_x.saturating_sub(lo_end + 1).saturating_sub(title_width)) / 2;
    put_str(buf, x.max(left), y, &title, theme.dim, title_width);
}

/// The rolling correlation over the window: a line between -1 and +1 with
/// the zero line, and its latest value.
fn draw_rolling(buf: &mut Buffer, rect: Rect, analysis: &Analysis, theme: &Theme) {
    let scatter = &analysis.scatter;
    let latest = scatter.rolling.last().and_then(|&(_, r)| r);
    let head = format!("rolling r (W={}) {}", scatter.roll_window, stat(latest));
    put_str(buf, rect.x, rect.y, &head, theme.text, rect.width);
    let label_width = if rect.width >= 24 { 2 } else { 0 };
    let left = rect.x + if label_width > 0 { label_width + 1 } else { 0 };
    let window = analysis.window;
    let plot = PlotArea {
        rect: Rect::new(
            left,
            rect.y + 1,
            rect.right().saturating_sub(left),
            rect.height - 1,
        ),
        x: x_bounds(window),
        y: [-1.0, 1.0],
    };
    // Gaps (n/a) break the line rather than joining across them.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for &(date, r) in &scatter.rolling {
        match r {
            Some(r) if window.contains(date) => {
                if let Some(run) = runs.last_mut() {
                    run.push((day_offset(window, date), r));
                }
            }
            _ if runs.last().is_some_and(|run| !run.is_empty()) => runs.push(Vec::new()),
            _ => {}
        }
    }
    let color = theme.series_color(0);
    plot.paint(buf, |ctx| {
        let [x1, x2] = plot.x;
        ctx.draw(&CanvasLine::new(x1, 0.0, x2, 0.0, ink(theme.dim)));
        ctx.layer();
        for run in &runs {
            draw_polyline(ctx, run, color);
        }
    });
    if label_width > 0 {
        let last = plot.rect.bottom().saturating_sub(1);
        for (y, text) in [(plot.rect.y, "+1"), (last, "-1")] {
            put_str(buf, rect.x, y, text, theme.dim, label_width);
        }
        if let Some(y) = plot.row(0.0)
            && y != plot.rect.y
            && y != last
        {
            put_str(buf, rect.x, y, " 0", theme.dim, label_width);
        }
        for y in plot.rect.top()..plot.rect.bottom() {
            put_str(buf, rect.x + label_width, y, "│", theme.dim, 1);
        }
    }
    if scatter.rolling.iter().all(|&(_, r)| r.is_none()) {
        let note = format!("n/a: fewer than {} changes", scatter.roll_window);
        put_str(
            buf,
            plot.rect.x + 1,
            plot.rect.y,
            &note,
            theme.dim,
            plot.rect.width.saturating_sub(1),
        );
    }
}
