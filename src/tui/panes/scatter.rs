//! The ratio scatter pane (placeholder until the `charts` branch lands).

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::compute::Analysis;
use crate::tui::theme::Theme;

/// The scatter's cursor date (the chart's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScatterView {
    pub cursor: Option<NaiveDate>,
}

pub fn render_scatter(area: Rect, buf: &mut Buffer, _analysis: &Analysis, _view: &ScatterView, theme: &Theme, focused: bool) {
    let style = if focused { theme.border_focused } else { theme.border };
    Block::default().borders(Borders::ALL).border_style(style).title(" Ratio scatter ").render(area, buf);
}
