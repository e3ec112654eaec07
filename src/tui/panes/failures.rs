//! The symbols a fetch could not bring, each with its reason, over the
//! panes until Esc: their files are unchanged, and the reason says what to do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::text::fit;
use crate::tui::overlay::FetchFailures;
use crate::tui::theme::Theme;

/// Width of the symbol column.
const SYMBOL: usize = 12;

pub fn render_failures(area: Rect, buf: &mut Buffer, list: &FetchFailures, theme: &Theme) {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(
                " Fetch: {} failed, their files unchanged (Esc closes, j/k scroll) ",
                list.failures.len()
            ),
            theme.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let mut lines = vec![
        Line::styled(list.summary.clone(), theme.text),
        Line::raw(""),
    ];
    for (symbol, reason) in &list.failures {
        lines.push(Line::from(vec![
            Span::styled(fit(symbol, SYMBOL), theme.cursor),
            Span::styled(reason.clone(), theme.negative),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((list.scroll, 0))
        .render(inner, buf);
}
