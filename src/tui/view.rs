//! The layout: baskets over the watchlist on the left, the index chart over
//! the scatter on the right, the status bar and key hints at the bottom;
//! overlays (help, event detail) on top.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::overlay::Overlay;
use super::panes::baskets::render_baskets;
use super::panes::chart::render_chart;
use super::panes::events::render_event_study;
use super::panes::failures::render_failures;
use super::panes::form::{render_form, render_prompt};
use super::panes::help::render_help;
use super::panes::leadlag::render_lead_lag;
use super::panes::scatter::{ScatterView, render_scatter};
use super::panes::status::{render_hints, render_status};
use super::panes::watchlist::{render_detail, render_watchlist};
use super::state::{AppState, Pane};
use super::theme::Theme;

/// Where each pane goes on a screen of `area`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub baskets: Rect,
    pub chart: Rect,
    pub scatter: Rect,
    pub watchlist: Rect,
    pub status: Rect,
    pub hints: Rect,
}

impl Areas {
    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Baskets => self.baskets,
            Pane::Chart => self.chart,
            Pane::Scatter => self.scatter,
            Pane::Watchlist => self.watchlist,
        }
    }
}

/// The four panes side by side, or the focused one alone when maximised.
pub fn areas(area: Rect, state: &AppState) -> Areas {
    let [main, status, hints] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(46), Constraint::Percentage(54)]).areas(main);
    let [baskets, watchlist] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
    let [chart, scatter] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
    let mut areas = Areas {
        baskets,
        chart,
        scatter,
        watchlist,
        status,
        hints,
    };
    if state.maximised {
        let none = Rect::new(main.x, main.y, 0, 0);
        areas.baskets = none;
        areas.chart = none;
        areas.scatter = none;
        areas.watchlist = none;
        match state.focus {
            Pane::Baskets => areas.baskets = main,
            Pane::Chart => areas.chart = main,
            Pane::Scatter => areas.scatter = main,
            Pane::Watchlist => areas.watchlist = main,
        }
    }
    areas
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &AppState, theme: &Theme) {
    let area = frame.area();
    render(area, frame.buffer_mut(), state, theme);
}

/// Draws the whole screen into a buffer (what tests snapshot).
pub fn render(area: Rect, buf: &mut Buffer, state: &AppState, theme: &Theme) {
    let at = areas(area, state);
    let focused = |pane: Pane| state.focus == pane;
    if !at.baskets.is_empty() {
        render_baskets(at.baskets, buf, state, theme, focused(Pane::Baskets));
    }
    if !at.watchlist.is_empty() {
        render_watchlist(at.watchlist, buf, state, theme, focused(Pane::Watchlist));
    }
    match &state.analysis {
        Some(analysis) => {
            if !at.chart.is_empty() {
                render_chart(
                    at.chart,
                    buf,
                    analysis,
                    &state.chart,
                    theme,
                    focused(Pane::Chart),
                );
            }
            if !at.scatter.is_empty() && state.lead_lag_view {
                render_lead_lag(
                    at.scatter,
                    buf,
                    state.catalysts.as_ref().and_then(|c| c.lead_lag.as_ref()),
                    analysis.pair_problem.as_deref(),
                    theme,
                    focused(Pane::Scatter),
                );
            } else if !at.scatter.is_empty() {
                let view = ScatterView {
                    cursor: state.chart.cursor,
                };
                render_scatter(
                    at.scatter,
                    buf,
                    analysis,
                    &view,
                    theme,
                    focused(Pane::Scatter),
                );
            }
        }
        None => {
            let why = if state.work.is_empty() {
                "nothing to draw: see the message line"
            } else {
                "loading prices…"
            };
            for (pane, rect) in [(Pane::Chart, at.chart), (Pane::Scatter, at.scatter)] {
                no_analysis(rect, buf, pane, why, theme, focused(pane));
            }
        }
    }
    render_status(at.status, buf, state, theme);
    render_hints(at.hints, buf, state, theme);
    let overlay = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    match &state.overlay {
        Overlay::Help { scroll } => render_help(overlay, buf, *scroll, theme),
        Overlay::Detail => render_detail(overlay, buf, state, theme),
        Overlay::Events { month } => render_event_study(overlay, buf, state, *month, theme),
        Overlay::Form(form) => render_form(at.of(state.focus), overlay, buf, form, theme),
        Overlay::Conflict(prompt) => render_prompt(overlay, buf, prompt, theme),
        Overlay::FetchFailures(list) => render_failures(overlay, buf, list, theme),
        Overlay::None | Overlay::Filter | Overlay::Command(_) => {}
    }
}

fn no_analysis(area: Rect, buf: &mut Buffer, pane: Pane, why: &str, theme: &Theme, focused: bool) {
    if area.is_empty() {
        return;
    }
    let block = super::panes::pane_block(pane.title(), theme, focused);
    Paragraph::new(Line::styled(why.to_string(), theme.warning))
        .block(block)
        .render(area, buf);
}
