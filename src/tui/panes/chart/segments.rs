//! `:segments`: the chart pane draws the shown basket's segment sub-indices
//! (rebased like the basket indices, the basket itself first for
//! reference), the legend naming the segments and the date cursor reading
//! them out; no ratio panel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::series::ChartSeries;
use super::{ChartPane, ChartView, INDEX_BASE, draw_chart};
use crate::compute::SegmentStudy;
use crate::domain::Window;
use crate::domain::text::escape;
use crate::tui::theme::Theme;

/// Draws `study`'s basket and segment sub-indices over `window`.
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
