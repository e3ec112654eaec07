//! The index chart pane (placeholder until the `charts` branch lands).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::compute::Analysis;
use crate::tui::theme::Theme;

/// How the chart is drawn: scale, hidden series, cursor, event markers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartView {
    pub log_scale: bool,
    pub hidden: BTreeSet<String>,
    pub cursor: Option<NaiveDate>,
    pub markers: Vec<(NaiveDate, String)>,
}

pub fn render_chart(area: Rect, buf: &mut Buffer, _analysis: &Analysis, _view: &ChartView, theme: &Theme, focused: bool) {
    let style = if focused { theme.border_focused } else { theme.border };
    Block::default().borders(Borders::ALL).border_style(style).title(" Index chart ").render(area, buf);
}
