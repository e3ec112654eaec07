//! The status bar (as-of date, window, method, data source, DEMO) and the
//! line beneath it: the command being typed, a message, or the key hints of
//! the focused pane (read from the keymap).

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::{BasketId, DemoMix, Method, Window};
use crate::tui::keymap::Binding;
use crate::tui::theme::Theme;

/// What the status bar says.
pub struct StatusView<'a> {
    /// None before any prices are loaded.
    pub as_of: Option<NaiveDate>,
    /// The as-of date is before the latest data.
    pub replay: bool,
    /// The first job under way: its label, or what it is doing now.
    pub work: Option<String>,
    /// The range preset's label, or "custom".
    pub range: &'a str,
    /// The analysed window, when there is an analysis.
    pub window: Option<Window>,
    /// None: each basket's own method.
    pub method: Option<Method>,
    pub base: Option<NaiveDate>,
    pub pair: &'a [BasketId; 3],
    /// The data dir, as the user would type it.
    pub source: &'a str,
    pub demo: bool,
    /// The demo series when real ones are loaded too: the mark names them
    /// (`DEMO: HSTECH.HK, 9626.HK`) instead of a plain `DEMO`.
    pub demo_mix: DemoMix,
}

/// What the line under the status bar shows, first that applies: the
/// command being typed, the last message, or the focused pane's keys.
pub enum HintsView<'a> {
    Command {
        text: &'a str,
        error: Option<&'a str>,
    },
    Message {
        text: &'a str,
        error: bool,
    },
    Keys(Vec<&'static Binding>),
}

pub fn render_status(area: Rect, buf: &mut Buffer, view: &StatusView, theme: &Theme) {
    // The DEMO mark closes the line and must never be cut: a line that does
    // not fit (a long progress label) drops to the narrow form.
    let mut line = Line::from(status_spans(view, theme, area.width < 120));
    if line.width() > usize::from(area.width) {
        line = Line::from(status_spans(view, theme, true));
    }
    Paragraph::new(line)
        .style(theme.status_bar)
        .render(area, buf);
}

fn status_spans<'a>(view: &StatusView, theme: &Theme, narrow: bool) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    match view.as_of {
        Some(as_of) if view.replay => {
            spans.push(Span::styled(
                format!(" as of {as_of} · replay "),
                theme.warning.patch(theme.status_bar),
            ));
        }
        Some(as_of) => spans.push(Span::raw(format!(" as of {as_of} "))),
        None if view.work.is_some() => {}
        None => spans.push(Span::raw(" no data ")),
    }
    if let Some(work) = &view.work {
        spans.push(Span::styled(
            format!(" {work} "),
            theme.warning.patch(theme.status_bar),
        ));
    }
    let range = view.range;
    match view.window {
        Some(w) if narrow => spans.push(Span::raw(format!("│ {range} {} ", w.start))),
        Some(w) => spans.push(Span::raw(format!("│ {range} {w} "))),
        None => spans.push(Span::raw(format!("│ {range} "))),
    }
    let method = view
        .method
        .map_or_else(|| "per basket".to_string(), |m| m.to_string());
    spans.push(Span::raw(if narrow {
        format!("│ {method} ")
    } else {
        format!("│ method {method} ")
    }));
    if let Some(base) = view.base {
        spans.push(Span::raw(format!("│ base {base} ")));
    }
    if !narrow {
        let pair = view.pair;
        spans.push(Span::raw(format!(
            "│ x {0}/{1} y {0}/{2} ",
            pair[0], pair[1], pair[2]
        )));
        spans.push(Span::raw(format!("│ data {} ", view.source)));
    }
    let most = if narrow { 28 } else { 48 };
    if let Some(label) = view.demo_mix.label(most) {
        spans.push(Span::styled(format!(" {label} "), theme.demo));
    } else if view.demo {
        spans.push(Span::styled(" DEMO ", theme.demo));
    }
    spans
}

pub fn render_hints(area: Rect, buf: &mut Buffer, view: &HintsView, theme: &Theme) {
    let line = match view {
        HintsView::Command { text, error } => Line::from(vec![
            Span::styled(":", theme.cursor),
            Span::styled(text.to_string(), theme.text),
            Span::styled("█", theme.cursor),
            match error {
                Some(error) => Span::styled(format!("   ✗ {error}"), theme.negative),
                None => Span::styled("   Tab completes · Enter runs · Esc cancels", theme.dim),
            },
        ]),
        HintsView::Message { text, error } => {
            let style = if *error { theme.negative } else { theme.text };
            Line::styled(text.to_string(), style)
        }
        HintsView::Keys(bindings) => {
            let mut spans = Vec::new();
            for binding in bindings {
                let key = binding.keys.first().map(|k| k.label()).unwrap_or_default();
                spans.push(Span::styled(key, theme.cursor));
                spans.push(Span::styled(
                    format!(" {}  ", short_help(binding.help)),
                    theme.dim,
                ));
            }
            Line::from(spans)
        }
    };
    Paragraph::new(line).render(area, buf);
}

/// The hint line has room for the first words of a help text only.
fn short_help(help: &str) -> &str {
    help.split([':', '(']).next().unwrap_or(help).trim_end()
}
