//! Keys with nothing open over the panes: focus and layout, selections,
//! the basket tabs and member table, the chart's series, the analysis'
//! inputs ([`window`](super::window)) and the editing keys ([`edit`](crate::tui::edit)).

use super::edit::{commit, open};
use super::window::{
    AsOfStep, cycle_method, cycle_roll, move_window, set_range, step_as_of, step_cursor,
    step_preset,
};
use crate::compute::WindowChoice;
use crate::domain::calendar::{Market, first_reacting_session};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::overlay::{CommandLine, Overlay};
use crate::tui::sort::visible_rows;
use crate::tui::state::Pane;
use crate::tui::update::AppState;

/// Rows a page key moves.
pub(super) const PAGE: usize = 10;

/// One action on the panes; the message line is cleared first.
pub(super) fn on_panes(state: &mut AppState, action: Action) -> Vec<Effect> {
    state.ui.message = None;
    match action {
        Action::AddMember
        | Action::EditMember
        | Action::RemoveMember
        | Action::MoveMember
        | Action::CopyMember
        | Action::AddEvent
        | Action::EditEvent
        | Action::RemoveEvent
        | Action::RecordOutcome
        | Action::Undo
        | Action::Redo => return edit(state, action),
        Action::Fetch => return super::fetch::start(state, None),
        Action::Export => return super::export::start(state, None),
        Action::Range(_)
        | Action::NextRange
        | Action::PrevRange
        | Action::ZoomIn
        | Action::ZoomOut
        | Action::PanBack
        | Action::PanForward
        | Action::CursorPrev
        | Action::CursorNext
        | Action::CycleMethod
        | Action::CycleRoll
        | Action::AsOfDayBack
        | Action::AsOfDayForward
        | Action::AsOfWeekBack
        | Action::AsOfWeekForward
        | Action::AsOfLatest => inputs(state, action),
        other => view(state, other),
    }
    Vec::new()
}

/// Focus, layout, overlays, selections, the member table and the chart's series.
fn view(state: &mut AppState, action: Action) {
    match action {
        Action::FocusNext => state.ui.focus = state.ui.focus.next(),
        Action::FocusPrev => state.ui.focus = state.ui.focus.prev(),
        Action::Focus(pane) => state.ui.focus = pane,
        Action::ToggleMaximise => state.ui.maximised = !state.ui.maximised,
        Action::OpenHelp => state.ui.overlay = Overlay::Help { scroll: 0 },
        Action::OpenCommand => state.ui.overlay = Overlay::Command(CommandLine::default()),
        Action::OpenDetail if !state.model.watchlist.events.is_empty() => {
            state.ui.overlay = Overlay::Detail;
        }
        Action::OpenEventStudy if !state.model.watchlist.events.is_empty() => {
            state.ui.overlay = Overlay::Events { month: false };
        }
        Action::ToggleLeadLag => state.ui.lead_lag_view = !state.ui.lead_lag_view,
        Action::CycleBasketView => state.ui.basket_view = state.ui.basket_view.next(),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_selection(state, action),
        Action::NextBasket | Action::PrevBasket => {
            let n = state.model.baskets.len().max(1);
            state.ui.basket_tab = if action == Action::NextBasket {
                (state.ui.basket_tab + 1) % n
            } else {
                (state.ui.basket_tab + n - 1) % n
            };
            state.ui.member_row = 0;
        }
        Action::NextSortColumn => state.ui.sort.column = state.ui.sort.column.next(),
        Action::FlipSort => state.ui.sort.descending = !state.ui.sort.descending,
        Action::StartFilter => {
            state.ui.overlay = Overlay::Filter;
            state.ui.focus = Pane::Baskets;
        }
        Action::ClearFilter => {
            state.ui.filter.clear();
            state.ui.member_row = 0;
        }
        Action::CursorClear => state.ui.chart.cursor = None,
        Action::ToggleLog => state.ui.chart.log_scale = !state.ui.chart.log_scale,
        Action::NextSeries | Action::PrevSeries => {
            let n = state.chart_labels().len().max(1);
            state.ui.series_selected = if action == Action::NextSeries {
                (state.ui.series_selected + 1) % n
            } else {
                (state.ui.series_selected + n - 1) % n
            };
            describe_series(state);
        }
        Action::ToggleSeries => {
            if let Some(label) = state.chart_labels().get(state.ui.series_selected).cloned()
                && !state.ui.chart.hidden.remove(&label)
            {
                state.ui.chart.hidden.insert(label);
            }
            describe_series(state);
        }
        // Keys of overlays and inputs arrive only while those are open.
        _ => {}
    }
}

/// The analysis' inputs: range, window, cursor, method, rolling window, as-of date.
fn inputs(state: &mut AppState, action: Action) {
    match action {
        Action::Range(preset) => set_range(state, WindowChoice::Preset(preset)),
        Action::NextRange | Action::PrevRange => step_preset(state, action == Action::NextRange),
        Action::ZoomIn | Action::ZoomOut | Action::PanBack | Action::PanForward => {
            move_window(state, action)
        }
        Action::CursorPrev | Action::CursorNext => step_cursor(state, action == Action::CursorNext),
        Action::CycleMethod => cycle_method(state),
        Action::CycleRoll => cycle_roll(state),
        Action::AsOfDayBack => step_as_of(state, AsOfStep::Back(1)),
        Action::AsOfDayForward => step_as_of(state, AsOfStep::Forward(1)),
        Action::AsOfWeekBack => step_as_of(state, AsOfStep::Back(7)),
        Action::AsOfWeekForward => step_as_of(state, AsOfStep::Forward(7)),
        Action::AsOfLatest => step_as_of(state, AsOfStep::Latest),
        _ => {}
    }
}

/// The editing keys: open a form, or change at once (remove, undo, redo).
fn edit(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::AddMember => open::add_member(state),
        Action::EditMember => open::edit_member(state),
        Action::RemoveMember => return open::remove_member(state),
        Action::MoveMember => open::move_member(state, false),
        Action::CopyMember => open::move_member(state, true),
        Action::AddEvent => open::add_event(state),
        Action::EditEvent => open::edit_event(state),
        Action::RemoveEvent => return open::remove_event(state),
        Action::RecordOutcome => open::record_outcome(state),
        Action::Undo => return commit::undo(state),
        Action::Redo => return commit::redo(state),
        _ => {}
    }
    Vec::new()
}

fn move_selection(state: &mut AppState, action: Action) {
    let (row, len) = match state.ui.focus {
        Pane::Baskets => {
            let len = member_count(state);
            (&mut state.ui.member_row, len)
        }
        Pane::Watchlist => (&mut state.ui.event_row, state.model.watchlist.events.len()),
        _ => return,
    };
    let last = len.saturating_sub(1);
    let new = match action {
        Action::Down => (*row + 1).min(last),
        Action::Up => row.saturating_sub(1),
        Action::PageDown => (*row + PAGE).min(last),
        Action::PageUp => row.saturating_sub(PAGE),
        Action::Top => 0,
        _ => last,
    };
    *row = new;
    if state.ui.focus == Pane::Watchlist {
        select_event(state);
    }
}

/// Rows of the member table as shown (after the filter).
fn member_count(state: &AppState) -> usize {
    let (Some(analysis), Some(basket)) = (
        state.analysis(),
        state.model.baskets.get(state.ui.basket_tab),
    ) else {
        return 0;
    };
    analysis
        .members
        .iter()
        .find(|(id, _)| id == &basket.id)
        .map_or(0, |(_, rows)| {
            visible_rows(rows, &state.ui.filter, state.ui.sort).len()
        })
}

/// The chart cursor follows the selected event: the first Hong Kong session
/// that can react to it, when that is inside the window.
pub(super) fn select_event(state: &mut AppState) {
    let Some(event) = state.model.watchlist.events.get(state.ui.event_row) else {
        return;
    };
    let reacts = first_reacting_session(Market::HongKong, event.date, event.session);
    let window = state.analysis().map(|a| a.window);
    if window.is_some_and(|w| w.contains(reacts)) {
        state.ui.chart.cursor = Some(reacts);
        state.set_message(
            format!(
                "{} {} ({}): first HK session to react {reacts}",
                event.name, event.date, event.session
            ),
            false,
        );
    } else {
        state.set_message(
            format!("{} {}: first HK session to react {reacts}, outside the window (step the as-of date with > or 0)", event.name, event.date),
            false,
        );
    }
}

fn describe_series(state: &mut AppState) {
    if let Some(label) = state.chart_labels().get(state.ui.series_selected) {
        let shown = if state.ui.chart.hidden.contains(label) {
            "hidden"
        } else {
            "shown"
        };
        state.set_message(
            format!("series {label}: {shown} (Space shows / hides)"),
            false,
        );
    }
}
