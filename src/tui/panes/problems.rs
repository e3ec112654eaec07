//! What a fetch or an import could not do, each with its reason, over the
//! panes until Esc: the files are unchanged, and the reason says what to do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::text::fit;
use crate::tui::overlay::Problems;
use crate::tui::theme::Theme;

/// Width of the first column (a symbol; a file's name is wider and wraps).
const WHAT: usize = 12;

pub fn render_problems(area: Rect, buf: &mut Buffer, list: &Problems, theme: &Theme) {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(list.title.clone(), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let mut lines = vec![
        Line::styled(list.summary.clone(), theme.text),
        Line::raw(""),
    ];
    for (what, reason) in &list.rows {
        let what = if what.is_empty() {
            String::new()
        } else if what.chars().count() <= WHAT {
            fit(what, WHAT)
        } else {
            format!("{what} ")
        };
        lines.push(Line::from(vec![
            Span::styled(what, theme.cursor),
            Span::styled(reason.clone(), theme.negative),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((list.scroll, 0))
        .render(inner, buf);
}
