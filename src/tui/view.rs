//! The layout: baskets over the watchlist on the left, the index chart over
//! the scatter on the right, the status bar and key hints at the bottom;
//! overlays (help, event detail) on top.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::keymap::hints;
use super::overlay::Overlay;
use super::panes::baskets::{BasketsView, render_baskets};
use super::panes::chart::{render_chart, render_segment_chart};
use super::panes::events::{EventStudyView, render_event_study};
use super::panes::form::{render_form, render_prompt};
use super::panes::help::render_help;
use super::panes::leadlag::render_lead_lag;
use super::panes::problems::render_problems;
use super::panes::scatter::{ScatterView, render_scatter};
use super::panes::status::{HintsView, StatusView, render_hints, render_status};
use super::panes::watchlist::{WatchlistView, render_detail, render_watchlist};
use super::state::{Mode, Pane};
use super::theme::Theme;
use super::update::AppState;
use crate::domain::DemoMix;

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
    if state.maximised() {
        let none = Rect::new(main.x, main.y, 0, 0);
        areas.baskets = none;
        areas.chart = none;
        areas.scatter = none;
        areas.watchlist = none;
        match state.focus() {
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
    let focused = |pane: Pane| state.focus() == pane;
    if !at.baskets.is_empty() {
        render_baskets(at.baskets, buf, &baskets_view(state), theme);
    }
    if !at.watchlist.is_empty() {
        render_watchlist(at.watchlist, buf, &watchlist_view(state), theme);
    }
    match state.analysis() {
        Some(analysis) => {
            let segments = state.shown_diffusion().filter(|_| state.segment_chart());
            if let (false, Some(d)) = (at.chart.is_empty(), segments) {
                render_segment_chart(
                    at.chart,
                    buf,
                    &d.segments,
                    analysis.window,
                    state.chart(),
                    theme,
                    focused(Pane::Chart),
                );
            } else if !at.chart.is_empty() {
                render_chart(
                    at.chart,
                    buf,
                    analysis,
                    state.chart(),
                    theme,
                    focused(Pane::Chart),
                );
            }
            if !at.scatter.is_empty() && state.lead_lag_view() {
                render_lead_lag(
                    at.scatter,
                    buf,
                    state.catalysts().and_then(|c| c.lead_lag.as_ref()),
                    analysis.pair_problem.as_deref(),
                    theme,
                    focused(Pane::Scatter),
                );
            } else if !at.scatter.is_empty() {
                let view = ScatterView {
                    cursor: state.chart().cursor,
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
            let why = if state.work().is_empty() {
                "nothing to draw: see the message line"
            } else {
                "loading prices…"
            };
            for (pane, rect) in [(Pane::Chart, at.chart), (Pane::Scatter, at.scatter)] {
                no_analysis(rect, buf, pane, why, theme, focused(pane));
            }
        }
    }
    render_status(at.status, buf, &status_view(state), theme);
    render_hints(at.hints, buf, &hints_view(state), theme);
    let overlay = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    match state.overlay() {
        Overlay::Help { scroll } => render_help(overlay, buf, *scroll, theme),
        Overlay::Detail => render_detail(overlay, buf, &watchlist_view(state), theme),
        Overlay::Events { month } => {
            render_event_study(overlay, buf, &event_study_view(state, *month), theme);
        }
        Overlay::Form(form) => render_form(at.of(state.focus()), overlay, buf, form, false, theme),
        Overlay::ConfirmClose(form) => {
            render_form(at.of(state.focus()), overlay, buf, form, true, theme)
        }
        Overlay::Conflict(prompt) => render_prompt(overlay, buf, prompt, theme),
        Overlay::Problems(list) => render_problems(overlay, buf, list, theme),
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

// What each pane is given: only what it draws, read off the state here, so
// no pane looks at the whole state.

fn baskets_view(state: &AppState) -> BasketsView<'_> {
    BasketsView {
        baskets: state.baskets(),
        tab: state.basket_tab(),
        analysis: state.analysis(),
        catalysts: state.catalysts(),
        sort: state.sort(),
        filter: state.filter(),
        filtering: state.mode() == Mode::Filter,
        member_row: state.member_row(),
        focused: state.focus() == Pane::Baskets,
        basket_view: state.basket_view(),
        diffusion: state.shown_diffusion(),
        demo_mixes: state
            .baskets()
            .iter()
            .map(|b| DemoMix::of(state.book(), b.members.iter().map(|m| &m.symbol)))
            .collect(),
    }
}

fn watchlist_view(state: &AppState) -> WatchlistView<'_> {
    WatchlistView {
        events: &state.watchlist().events,
        as_of: state.as_of(),
        selected: state.event_row(),
        focused: state.focus() == Pane::Watchlist,
    }
}

fn event_study_view(state: &AppState, month: bool) -> EventStudyView<'_> {
    EventStudyView {
        event: state.watchlist().events.get(state.event_row()),
        number: state.event_row() + 1,
        catalysts: state.catalysts(),
        series_labels: state.series_labels(),
        month,
    }
}

fn status_view(state: &AppState) -> StatusView<'_> {
    let work = state
        .work()
        .first()
        .map(|work| match (&work.now, work.done) {
            (Some(now), _) => now.clone(),
            (None, 0) => work.label.clone(),
            (None, done) => format!("{} {done}/{}", work.label, work.total),
        });
    StatusView {
        as_of: state.as_of(),
        replay: state.is_replay(),
        work,
        range: state.preset().map_or("custom", |p| p.label()),
        window: state.analysis().map(|a| a.window),
        method: state.request().method,
        base: state.request().base,
        pair: &state.request().pair,
        source: &state.source().label,
        demo: state.source().demo,
        demo_mix: DemoMix::of(state.book(), state.book().series.keys()),
    }
}

fn hints_view(state: &AppState) -> HintsView<'_> {
    if let Overlay::Command(command) = state.overlay() {
        HintsView::Command {
            text: &command.text,
            error: command.error.as_deref(),
        }
    } else if let Some(message) = state.message() {
        HintsView::Message {
            text: &message.text,
            error: message.error,
        }
    } else {
        HintsView::Keys(hints(state.mode(), state.focus()).collect())
    }
}
