//! The index-chart pane: every basket index rebased to 100 at the window's
//! left edge, the ratio panel (rebased to 1.0) beneath, a shared date axis
//! with the earnings markers, and a date cursor that reads out every series.

mod axis;
mod legend;
mod plot;
mod series;
mod time_axis;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::compute::{Analysis, SegmentStudy};
use crate::domain::Window;
use crate::domain::text::escape;
use crate::tui::theme::Theme;

pub(crate) use axis::{ValueScale, decimals_for_span, format_value};
pub(crate) use legend::{LegendEntry, legend_lines};
pub(crate) use plot::{
    PlotArea, draw_polyline, draw_value_axis, draw_vertical, ink, put_str, shorten,
    value_label_width,
};
pub(crate) use series::{ChartSeries, day_offset, x_bounds};
use time_axis::{draw_axis_line, draw_date_labels, draw_markers};

pub use crate::tui::state::ChartView;

/// Index levels are shown rebased to this at the left edge.
const INDEX_BASE: f64 = 100.0;
/// Ratios are shown rebased to this at the left edge.
const RATIO_BASE: f64 = 1.0;
/// Below this width the value labels give their room to the lines.
const MIN_WIDTH_FOR_VALUE_LABELS: u16 = 24;

/// Draws the index chart pane into `area`.
pub fn render_chart(
    area: Rect,
    buf: &mut Buffer,
    analysis: &Analysis,
    view: &ChartView,
    theme: &Theme,
    focused: bool,
) {
    let title = if view.log_scale {
        "Index chart · log"
    } else {
        "Index chart"
    };
    let window = analysis.window;
    let indices: Vec<ChartSeries> = analysis
        .indices
        .iter()
        .map(|s| ChartSeries::rebased(s.basket.as_str(), &s.dates, &s.levels, window, INDEX_BASE))
        .collect();
    let ratios: Vec<ChartSeries> = analysis
        .ratios
        .iter()
        .map(|r| ChartSeries::rebased(&r.label, &r.dates, &r.values, window, RATIO_BASE))
        .collect();
    let pane = ChartPane {
        title,
        window,
        focused,
    };
    draw_chart(area, buf, &pane, &indices, Some(&ratios), view, theme);
}

/// What frames a chart: its title, window and focus.
struct ChartPane<'a> {
    title: &'a str,
    window: Window,
    focused: bool,
}

/// Draws `indices` (and `ratios` in a panel beneath, when given) into the
/// chart pane.
fn draw_chart(
    area: Rect,
    buf: &mut Buffer,
    pane: &ChartPane,
    indices: &[ChartSeries],
    ratios: Option<&[ChartSeries]>,
    view: &ChartView,
    theme: &Theme,
) {
    let area = area.intersection(buf.area);
    let block = super::pane_block(pane.title, theme, pane.focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let window = pane.window;
    let rows = Rows::split(inner, ratios.is_some());
    let cursor = view.cursor;
    let scale = ValueScale {
        log: view.log_scale,
    };
    let mut panels = vec![Panel {
        series: indices,
        rect: rows.index,
        decimals: 1,
        lead: cursor.map(|d| Span::styled(d.to_string(), theme.cursor)),
    }];
    if let (Some(rect), Some(ratios)) = (rows.ratio, ratios) {
        panels.push(Panel {
            series: ratios,
            rect,
            decimals: 3,
            lead: None,
        });
    }
    let prepared: Vec<PreparedPanel> = panels
        .iter()
        .map(|panel| panel.prepare(view, scale, theme))
        .collect();
    let label_width = if inner.width >= MIN_WIDTH_FOR_VALUE_LABELS {
        prepared
            .iter()
            .filter_map(|p| p.bounds.map(|b| value_label_width(b, scale, p.plot_rows)))
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    // The value labels, then the axis line, then the plot.
    let plot_left = if label_width > 0 {
        inner.x + label_width + 1
    } else {
        inner.x
    };
    let plot_width = inner.right().saturating_sub(plot_left);
    let columns = PlotColumns {
        inner,
        left: plot_left,
        width: plot_width,
        label_width,
        xs: x_bounds(window),
    };
    let plots = draw_panels(buf, &columns, &panels, &prepared, view, theme, window);
    draw_time_axis(buf, &columns, &plots, &rows, view, theme, window);
}

/// Under the plots: the axis line, the date labels, the event markers;
/// across them, the date cursor.
fn draw_time_axis(
    buf: &mut Buffer,
    columns: &PlotColumns,
    plots: &[PlotArea],
    rows: &Rows,
    view: &ChartView,
    theme: &Theme,
    window: Window,
) {
    let cursor = view.cursor;
    let frame = plots.first().copied().unwrap_or(PlotArea {
        rect: Rect::new(columns.left, columns.inner.y, columns.width, 0),
        x: columns.xs,
        y: [0.0, 1.0],
    });
    if let Some(y) = rows.axis {
        draw_axis_line(buf, &frame, y, columns.label_width > 0, theme);
    }
    if let Some(y) = rows.dates {
        draw_date_labels(buf, &frame, y, cursor, theme, window);
    }
    if let Some(y) = rows.axis.or(rows.dates) {
        draw_markers(buf, &frame, y, view, theme, window);
    }
    if let Some(date) = cursor.filter(|&d| window.contains(d))
        && let Some(column) = frame.column(day_offset(window, date))
    {
        for plot in plots {
            draw_vertical(buf, plot.rect, column, theme.cursor);
        }
    }
}

/// Where the plots go across the pane: after the value labels and the axis.
struct PlotColumns {
    inner: Rect,
    left: u16,
    width: u16,
    label_width: u16,
    xs: [f64; 2],
}

/// Each panel's legend, series and value axis; the plot areas drawn.
fn draw_panels(
    buf: &mut Buffer,
    columns: &PlotColumns,
    panels: &[Panel<'_>],
    prepared: &[PreparedPanel],
    view: &ChartView,
    theme: &Theme,
    window: Window,
) -> Vec<PlotArea> {
    let scale = ValueScale {
        log: view.log_scale,
    };
    let mut plots = Vec::new();
    for (panel, prep) in panels.iter().zip(prepared) {
        Paragraph::new(prep.legend.clone()).render(
            Rect::new(
                columns.inner.x,
                panel.rect.y,
                columns.inner.width,
                prep.legend_rows,
            ),
            buf,
        );
        let rect = Rect::new(
            columns.left,
            panel.rect.y + prep.legend_rows,
            columns.width,
            prep.plot_rows,
        );
        let Some(bounds) = prep.bounds else {
            put_str(
                buf,
                rect.x,
                rect.y,
                "no data in the window",
                theme.dim,
                rect.width,
            );
            continue;
        };
        let area = PlotArea {
            rect,
            x: columns.xs,
            y: bounds,
        };
        draw_series(buf, &area, panel.series, view, scale, theme, window);
        draw_value_axis(buf, &area, scale, columns.label_width, theme.dim);
        plots.push(area);
    }
    plots
}

/// Where the parts of the pane go, top to bottom.
#[derive(Debug, Clone, Copy)]
struct Rows {
    index: Rect,
    ratio: Option<Rect>,
    axis: Option<u16>,
    dates: Option<u16>,
}

impl Rows {
    /// The date labels go first when space is short, then the axis line
    /// (the markers move onto the date row), then the ratio panel (~40% of
    /// what is left).
    fn split(inner: Rect, with_ratio: bool) -> Rows {
        let has_dates = inner.height >= 5;
        let has_axis = inner.height >= 9;
        let panels = inner.height - u16::from(has_dates) - u16::from(has_axis);
        let ratio_rows = if with_ratio && panels >= 6 {
            (panels * 2).div_ceil(5).max(3)
        } else {
            0
        };
        let index_rows = panels - ratio_rows;
        let index = Rect::new(inner.x, inner.y, inner.width, index_rows);
        let ratio =
            (ratio_rows > 0).then(|| Rect::new(inner.x, index.bottom(), inner.width, ratio_rows));
        let below = inner.y + panels;
        Rows {
            index,
            ratio,
            axis: has_axis.then_some(below),
            dates: has_dates.then_some(below + u16::from(has_axis)),
        }
    }
}

/// One panel (indices or ratios) before it is laid out.
struct Panel<'a> {
    series: &'a [ChartSeries],
    rect: Rect,
    decimals: usize,
    lead: Option<Span<'static>>,
}

/// A panel's legend and the plot rows and value range left for its lines.
struct PreparedPanel {
    legend: Vec<Line<'static>>,
    legend_rows: u16,
    plot_rows: u16,
    bounds: Option<[f64; 2]>,
}

impl Panel<'_> {
    fn prepare(&self, view: &ChartView, scale: ValueScale, theme: &Theme) -> PreparedPanel {
        let entries: Vec<LegendEntry> = self
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendEntry {
                label: s.label.clone(),
                value: match view.cursor {
                    Some(date) => s.value_on(date),
                    None => s.latest(),
                }
                .map(|v| format_value(v, self.decimals)),
                color: theme.series_color(i),
                hidden: view.hidden.contains(&s.label),
            })
            .collect();
        // A tall panel may spend two lines on its legend; a short one one.
        let max_legend = match self.rect.height {
            0 | 1 => 0,
            2 | 3 => 1,
            _ => 2,
        };
        let legend = if max_legend == 0 {
            Vec::new()
        } else {
            legend_lines(
                self.lead.clone(),
                &entries,
                self.rect.width,
                max_legend,
                theme,
            )
        };
        let legend_rows = u16::try_from(legend.len()).unwrap_or(0).min(max_legend);
        let visible = self
            .series
            .iter()
            .filter(|s| !view.hidden.contains(&s.label))
            .flat_map(|s| s.points.iter().map(|&(_, v)| v));
        PreparedPanel {
            legend,
            legend_rows,
            plot_rows: self.rect.height - legend_rows,
            bounds: scale.bounds(visible),
        }
    }
}

fn draw_series(
    buf: &mut Buffer,
    area: &PlotArea,
    series: &[ChartSeries],
    view: &ChartView,
    scale: ValueScale,
    theme: &Theme,
    window: Window,
) {
    let lines: Vec<(Vec<(f64, f64)>, ratatui::style::Color)> = series
        .iter()
        .enumerate()
        .filter(|(_, s)| !view.hidden.contains(&s.label))
        .map(|(i, s)| {
            let points = s
                .points
                .iter()
                .filter_map(|&(d, v)| Some((day_offset(window, d), scale.plot(v)?)))
                .collect();
            (points, theme.series_color(i))
        })
        .collect();
    area.paint(buf, |ctx| {
        for (points, color) in &lines {
            draw_polyline(ctx, points, *color);
        }
    });
}

/// `:segments`: the shown basket's segment sub-indices (rebased like the
/// basket indices, the basket itself first for reference), the legend
/// naming the segments and the date cursor reading them out; no ratio panel.
pub fn render_segment_chart(
    area: Rect,
    buf: &mut Buffer,
    study: &SegmentStudy,
    window: Window,
    view: &ChartView,
    theme: &Theme,
    focused: bool,
) {
    let basket = study.basket.as_str();
    let mut series = vec![ChartSeries::rebased(
        basket,
        &study.dates,
        &study.basket_levels,
        window,
        INDEX_BASE,
    )];
    series.extend(study.indices.iter().map(|s| {
        ChartSeries::rebased(
            &escape(&s.segment),
            &study.dates,
            &s.levels,
            window,
            INDEX_BASE,
        )
    }));
    let title = format!(
        "Segments of {basket}{}",
        if view.log_scale { " · log" } else { "" }
    );
    let pane = ChartPane {
        title: &title,
        window,
        focused,
    };
    draw_chart(area, buf, &pane, &series, None, view, theme);
}
