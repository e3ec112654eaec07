//! Drawing the open form (over the pane it edits, or centred when the
//! pane is too small) and the "changed outside" prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::text::{fit, truncate};
use super::watchlist::centered;
use crate::tui::overlay::conflict::ConflictPrompt;
use crate::tui::overlay::field::TextField;
use crate::tui::overlay::form::Form;
use crate::tui::theme::Theme;

/// Label column width.
const LABEL: usize = 11;
/// Rows a focused multi-line field shows.
const TEXT_ROWS: usize = 6;

/// Draws `form` at the bottom of `pane`, or centred in `screen` when the
/// pane is too small for it; `confirming`: its Esc with unsaved changes is
/// asking (the keys line says what to press).
pub fn render_form(
    pane: Rect,
    screen: Rect,
    buf: &mut Buffer,
    form: &Form,
    confirming: bool,
    theme: &Theme,
) {
    let width_in = |r: Rect| usize::from(r.width.saturating_sub(2));
    let fits = |r: Rect| {
        let lines = form_lines(form, confirming, theme, width_in(r));
        r.width >= 40 && lines.len() + 2 <= usize::from(r.height)
    };
    let area = if !pane.is_empty() && fits(pane) {
        let lines = form_lines(form, confirming, theme, width_in(pane)).len() as u16 + 2;
        Rect {
            y: pane.y + pane.height - lines,
            height: lines,
            ..pane
        }
    } else {
        let width = screen.width.min(90);
        let lines = form_lines(
            form,
            confirming,
            theme,
            usize::from(width.saturating_sub(2)),
        )
        .len() as u16;
        centered(screen, width, lines + 2)
    };
    let lines = form_lines(form, confirming, theme, width_in(area));
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {} ", form.title), theme.title));
    Paragraph::new(lines).block(block).render(area, buf);
}

/// The form as lines `width` wide: each field, the candidate list and
/// the refusal under the focused field, and a last line saying the keys.
pub fn form_lines(
    form: &Form,
    confirming: bool,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let value_width = width.saturating_sub(LABEL + 1).max(4);
    let mut lines = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused { theme.cursor } else { theme.dim };
        let label = Span::styled(fit(field.label, LABEL) + " ", label_style);
        let rows = value_rows(&field.value, focused, value_width, theme);
        let empty = field.value.text().is_empty();
        for (r, row) in rows.into_iter().enumerate() {
            let mut spans = if r == 0 {
                vec![label.clone()]
            } else {
                vec![Span::raw(" ".repeat(LABEL + 1))]
            };
            spans.extend(row);
            if r == 0 && empty && !field.hint.is_empty() {
                spans.push(Span::styled(format!(" {}", field.hint), theme.dim));
            }
            lines.push(Line::from(spans));
        }
        if focused {
            for (c, choice) in form.choices.iter().enumerate() {
                let text = truncate(&choice.label, value_width.saturating_sub(2));
                let style = if c == form.choice {
                    theme.selected
                } else {
                    theme.text
                };
                let marker = if c == form.choice { "▸ " } else { "  " };
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(LABEL + 1)),
                    Span::styled(format!("{marker}{text}"), style),
                ]));
            }
        }
        if let Some((at, message)) = &form.error
            && *at == i
        {
            for row in wrap(&format!("✗ {message}"), value_width) {
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(LABEL + 1)),
                    Span::styled(row, theme.negative),
                ]));
            }
        }
    }
    let keys = if confirming {
        Line::styled(
            "unsaved changes: s save · d discard · Esc keep editing",
            theme.warning,
        )
    } else if form.focused_is_multiline() {
        Line::styled(
            "Ctrl-S saves · Enter new line · Tab next field · Esc closes",
            theme.dim,
        )
    } else if !form.choices.is_empty() {
        Line::styled(
            "Tab/↑↓ pick · Enter takes it and saves · Esc cancels",
            theme.dim,
        )
    } else {
        Line::styled("Enter saves · Tab/↑↓ fields · Esc cancels", theme.dim)
    };
    lines.push(keys);
    lines
}

/// The value as display rows; the focused field shows its cursor and, when
/// multi-line, up to [`TEXT_ROWS`] rows around it; an unfocused
/// multi-line field shows its first row.
fn value_rows(
    value: &TextField,
    focused: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Vec<Span<'static>>> {
    let (rows, (cursor_row, cursor_col)) = value.wrapped(width.saturating_sub(1));
    if !focused {
        let first = rows.first().cloned().unwrap_or_default();
        let more = if rows.len() > 1 { " …" } else { "" };
        return vec![vec![Span::styled(
            truncate(&first, width.saturating_sub(2)) + more,
            theme.text,
        )]];
    }
    let shown = if value.multiline { TEXT_ROWS } else { 1 };
    let start = (cursor_row + 1).saturating_sub(shown);
    rows.iter()
        .enumerate()
        .skip(start)
        .take(shown)
        .map(|(r, row)| {
            if r == cursor_row {
                with_cursor(row, cursor_col, theme)
            } else {
                vec![Span::styled(row.clone(), theme.text)]
            }
        })
        .collect()
}

/// `row` with the character at display column `col` shown as the cursor.
fn with_cursor(row: &str, col: usize, theme: &Theme) -> Vec<Span<'static>> {
    let mut before = String::new();
    let mut used = 0;
    let mut rest = row.chars();
    for c in rest.by_ref() {
        if used >= col {
            let cursor = Style::new().add_modifier(Modifier::REVERSED);
            return vec![
                Span::styled(before, theme.text),
                Span::styled(c.to_string(), theme.text.patch(cursor)),
                Span::styled(rest.collect::<String>(), theme.text),
            ];
        }
        used += c.to_string().width();
        before.push(c);
    }
    vec![
        Span::styled(before, theme.text),
        Span::styled("█", theme.cursor),
    ]
}

/// `text` cut into rows of at most `width` columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    TextField::multi(text).wrapped(width.max(2)).0
}

/// The "changed outside spillover" question, centred.
pub fn render_prompt(screen: Rect, buf: &mut Buffer, prompt: &ConflictPrompt, theme: &Theme) {
    let mut lines = vec![
        Line::styled(prompt.headline(), theme.warning),
        Line::raw(""),
        Line::from(vec![
            Span::styled("[r]", theme.cursor),
            Span::styled(" reload theirs  ", theme.text),
            Span::styled("[k]", theme.cursor),
            Span::styled(" keep mine (overwrite)  ", theme.text),
            Span::styled("[Esc]", theme.cursor),
            Span::styled(" cancel", theme.text),
        ]),
    ];
    if let Some(pending) = &prompt.pending {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("your edit, not saved yet: {}", pending.label),
            theme.dim,
        ));
    }
    let width = screen.width.min(84);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let area = centered(screen, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning)
        .title(Span::styled(" File changed on disk ", theme.title));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}
