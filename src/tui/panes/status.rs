//! The status bar (as-of date, window, method, data source, DEMO) and the
//! line beneath it: the command being typed, a message, or the key hints of
//! the focused pane (read from the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::keymap::hints;
use crate::tui::overlay::Overlay;
use crate::tui::state::AppState;
use crate::tui::theme::Theme;

pub fn render_status(area: Rect, buf: &mut Buffer, state: &AppState, theme: &Theme) {
    // The DEMO mark closes the line and must never be cut: a line that does
    // not fit (a long progress label) drops to the narrow form.
    let mut line = Line::from(status_spans(state, theme, area.width < 120));
    if line.width() > usize::from(area.width) {
        line = Line::from(status_spans(state, theme, true));
    }
    Paragraph::new(line)
        .style(theme.status_bar)
        .render(area, buf);
}

fn status_spans<'a>(state: &AppState, theme: &Theme, narrow: bool) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let work = state.work.first().map(|work| match (&work.now, work.done) {
        (Some(now), _) => format!(" {now} "),
        (None, 0) => format!(" {} ", work.label),
        (None, done) => format!(" {} {done}/{} ", work.label, work.total),
    });
    match state.as_of() {
        Some(as_of) if state.is_replay() => {
            spans.push(Span::styled(
                format!(" as of {as_of} · replay "),
                theme.warning.patch(theme.status_bar),
            ));
        }
        Some(as_of) => spans.push(Span::raw(format!(" as of {as_of} "))),
        None if work.is_some() => {}
        None => spans.push(Span::raw(" no data ")),
    }
    if let Some(work) = work {
        spans.push(Span::styled(work, theme.warning.patch(theme.status_bar)));
    }
    let range = state.preset().map_or("custom", |p| p.label());
    match &state.analysis {
        Some(a) if narrow => spans.push(Span::raw(format!("│ {range} {} ", a.window.start))),
        Some(a) => spans.push(Span::raw(format!("│ {range} {} ", a.window))),
        None => spans.push(Span::raw(format!("│ {range} "))),
    }
    let method = state
        .request
        .method
        .map_or_else(|| "per basket".to_string(), |m| m.to_string());
    spans.push(Span::raw(if narrow {
        format!("│ {method} ")
    } else {
        format!("│ method {method} ")
    }));
    if let Some(base) = state.request.base {
        spans.push(Span::raw(format!("│ base {base} ")));
    }
    if !narrow {
        let pair = &state.request.pair;
        spans.push(Span::raw(format!(
            "│ x {0}/{1} y {0}/{2} ",
            pair[0], pair[1], pair[2]
        )));
        spans.push(Span::raw(format!("│ data {} ", state.source.label)));
    }
    if state.source.demo {
        spans.push(Span::styled(" DEMO ", theme.demo));
    }
    spans
}

pub fn render_hints(area: Rect, buf: &mut Buffer, state: &AppState, theme: &Theme) {
    let line = if let Overlay::Command(command) = &state.overlay {
        Line::from(vec![
            Span::styled(":", theme.cursor),
            Span::styled(command.text.clone(), theme.text),
            Span::styled("█", theme.cursor),
            match &command.error {
                Some(error) => Span::styled(format!("   ✗ {error}"), theme.negative),
                None => Span::styled("   Tab completes · Enter runs · Esc cancels", theme.dim),
            },
        ])
    } else if let Some(message) = &state.message {
        let style = if message.error {
            theme.negative
        } else {
            theme.text
        };
        Line::styled(message.text.clone(), style)
    } else {
        let mut spans = Vec::new();
        for binding in hints(state.mode(), state.focus) {
            let key = binding.keys.first().map(|k| k.label()).unwrap_or_default();
            spans.push(Span::styled(key, theme.cursor));
            spans.push(Span::styled(
                format!(" {}  ", short_help(binding.help)),
                theme.dim,
            ));
        }
        Line::from(spans)
    };
    Paragraph::new(line).render(area, buf);
}

/// The hint line has room for the first words of a help text only.
fn short_help(help: &str) -> &str {
    help.split([':', '(']).next().unwrap_or(help).trim_end()
}
