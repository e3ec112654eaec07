//! The help screen: every binding of the keymap and every `:` command,
//! generated from their tables so it cannot drift from what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::text::fit;
use crate::tui::command::COMMANDS;
use crate::tui::keymap::{HELP_ORDER, all_bindings};
use crate::tui::theme::Theme;

/// Width of one column of help.
const COLUMN: usize = 52;
const KEYS: usize = 13;

/// The help text as sections of lines, in keymap order.
pub fn help_lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for scope in HELP_ORDER {
        lines.push(Line::styled(scope.title().to_string(), theme.title));
        for binding in all_bindings().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(fit(&binding.keys_label(), KEYS), theme.cursor),
                Span::styled(binding.help.to_string(), theme.text),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Commands (type : then Tab to complete)",
        theme.title,
    ));
    for command in COMMANDS {
        lines.push(Line::styled(command.usage.to_string(), theme.cursor));
        lines.push(Line::styled(format!("    {}", command.help), theme.text));
    }
    lines
}

pub fn render_help(area: Rect, buf: &mut Buffer, scroll: u16, theme: &Theme) {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            " Help: every key (Esc closes, j/k scroll) ",
            theme.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let lines = help_lines(theme);
    let columns = (usize::from(inner.width) / COLUMN).max(1);
    // Lay the lines out in columns, then scroll the whole page.
    let per_column = lines.len().div_ceil(columns).max(1);
    let width = inner.width / columns as u16;
    for (c, chunk) in lines.chunks(per_column).enumerate().take(columns) {
        let column = Rect {
            x: inner.x + width * c as u16,
            y: inner.y,
            width: if c + 1 == columns {
                inner.width - width * c as u16
            } else {
                width
            },
            height: inner.height,
        };
        Paragraph::new(chunk.to_vec())
            .scroll((scroll, 0))
            .render(column, buf);
    }
}
