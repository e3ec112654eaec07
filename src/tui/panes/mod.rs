//! The panes and overlays: each draws from prepared data (the analysis,
//! the state), never from a DataFrame.

pub mod baskets;
pub mod chart;
pub mod diffusion;
pub mod events;
pub mod form;
pub mod help;
pub mod leadlag;
pub mod problems;
pub mod scatter;
pub mod status;
pub mod text;
pub mod watchlist;

use ratatui::text::Span;
use ratatui::widgets::Block;

use super::theme::Theme;

/// A pane's border and title, in the focus colour when focused.
pub(crate) fn pane_block<'a>(title: &str, theme: &Theme, focused: bool) -> Block<'a> {
    Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title))
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
}
