//! `update`: the only place the state changes. No I/O, no terminal: tests
//! call it directly.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};

use super::action::Action;
use super::command::{self, Command};
use super::edit::{basket_command, commit, open, submit};
use super::sort::visible_rows;
use super::state::{AppState, Mode, Pane};
use crate::compute::{Request, WindowChoice};
use crate::domain::calendar::{Market, first_reacting_session};
use crate::domain::edit::Library;
use crate::domain::{BasketId, Method, RangePreset, Symbol, Window};

/// What `update` asks the run loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave the event loop and restore the terminal.
    Quit,
    /// Write the files that differ between `before` and `after` (the
    /// screen already shows `after`); on failure the state goes back.
    Save {
        label: String,
        before: Library,
        after: Library,
    },
    /// Load these symbols' prices into the book (members new to it).
    LoadPrices(Vec<Symbol>),
    /// A file changed outside: load the library from disk.
    Reload,
    /// A file changed outside: write `mine` over the changed `paths`;
    /// `label` names the pending edit this saves, if any.
    KeepMine {
        mine: Library,
        paths: Vec<PathBuf>,
        label: Option<String>,
    },
}

/// Rows a page key moves.
const PAGE: usize = 10;

/// Applies one action to the state.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    match state.mode {
        _ if action == Action::Quit => return vec![Effect::Quit],
        Mode::Form | Mode::Text => return submit::form_action(state, action),
        Mode::Conflict => return commit::answer_conflict(state, action),
        Mode::Command => state.edit.command_error = None,
        _ => {}
    }
    if !matches!(
        action,
        Action::Input(_) | Action::Backspace | Action::Complete
    ) {
        state.message = None;
    }
    match action {
        Action::Quit => return vec![Effect::Quit],
        Action::FocusNext => state.focus = state.focus.next(),
        Action::FocusPrev => state.focus = state.focus.prev(),
        Action::Focus(pane) => state.focus = pane,
        Action::ToggleMaximise => state.maximised = !state.maximised,
        Action::OpenHelp => {
            state.mode = Mode::Help;
            state.help_scroll = 0;
        }
        Action::OpenCommand => {
            state.mode = Mode::Command;
            state.command.clear();
        }
        Action::Close => close(state),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_selection(state, action),
        Action::NextBasket | Action::PrevBasket => {
            let n = state.baskets.len().max(1);
            state.basket_tab = if action == Action::NextBasket {
                (state.basket_tab + 1) % n
            } else {
                (state.basket_tab + n - 1) % n
            };
            state.member_row = 0;
        }
        Action::NextSortColumn => state.sort.column = state.sort.column.next(),
        Action::FlipSort => state.sort.descending = !state.sort.descending,
        Action::StartFilter => {
            state.mode = Mode::Filter;
            state.focus = Pane::Baskets;
        }
        Action::ClearFilter => {
            state.filter.clear();
            state.member_row = 0;
        }
        Action::Range(preset) => set_range(state, WindowChoice::Preset(preset)),
        Action::NextRange | Action::PrevRange => step_preset(state, action == Action::NextRange),
        Action::ZoomIn | Action::ZoomOut | Action::PanBack | Action::PanForward => {
            move_window(state, action)
        }
        Action::CursorPrev | Action::CursorNext => step_cursor(state, action == Action::CursorNext),
        Action::CursorClear => state.chart.cursor = None,
        Action::ToggleLog => state.chart.log_scale = !state.chart.log_scale,
        Action::NextSeries | Action::PrevSeries => {
            let n = state.series_labels().len().max(1);
            state.series_selected = if action == Action::NextSeries {
                (state.series_selected + 1) % n
            } else {
                (state.series_selected + n - 1) % n
            };
            describe_series(state);
        }
        Action::ToggleSeries => {
            if let Some(label) = state.series_labels().get(state.series_selected).cloned()
                && !state.chart.hidden.remove(&label)
            {
                state.chart.hidden.insert(label);
            }
            describe_series(state);
        }
        Action::CycleMethod => {
            let method = match state.request.method {
                None => Some(Method::Equal),
                Some(Method::Equal) => Some(Method::Cap),
                Some(Method::Cap) => Some(Method::Custom),
                Some(Method::Custom) => None,
            };
            apply(
                state,
                Request {
                    method,
                    ..state.request.clone()
                },
            );
        }
        Action::CycleRoll => {
            // About a month, a quarter, half a year and a year of changes.
            const ROLLS: [usize; 4] = [20, 60, 120, 250];
            let roll = ROLLS
                .into_iter()
                .find(|w| *w > state.request.roll)
                .unwrap_or(ROLLS[0]);
            apply(
                state,
                Request {
                    roll,
                    ..state.request.clone()
                },
            );
        }
        Action::AsOfDayBack => step_as_of(state, AsOfStep::Back(1)),
        Action::AsOfDayForward => step_as_of(state, AsOfStep::Forward(1)),
        Action::AsOfWeekBack => step_as_of(state, AsOfStep::Back(7)),
        Action::AsOfWeekForward => step_as_of(state, AsOfStep::Forward(7)),
        Action::AsOfLatest => step_as_of(state, AsOfStep::Latest),
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
        // Form and prompt keys arrive only in their modes (above).
        Action::NextField
        | Action::PrevField
        | Action::Newline
        | Action::CursorLeft
        | Action::CursorRight
        | Action::LineStart
        | Action::LineEnd
        | Action::DeleteForward
        | Action::SaveForm
        | Action::ReloadTheirs
        | Action::KeepMine => {}
        Action::OpenDetail => {
            if !state.watchlist.events.is_empty() {
                state.mode = Mode::Detail;
            }
        }
        Action::Input(c) => match state.mode {
            Mode::Filter => {
                state.filter.push(c);
                state.member_row = 0;
            }
            Mode::Command => state.command.push(c),
            _ => {}
        },
        Action::Backspace => match state.mode {
            Mode::Filter => {
                state.filter.pop();
                state.member_row = 0;
            }
            Mode::Command => {
                state.command.pop();
            }
            _ => {}
        },
        Action::Complete => {
            if state.mode == Mode::Command {
                state.command = command::complete(&state.command, &basket_ids(state));
            }
        }
        Action::Submit => match state.mode {
            Mode::Filter => state.mode = Mode::Normal,
            Mode::Command => {
                state.mode = Mode::Normal;
                let line = std::mem::take(&mut state.command);
                return run_command(state, &line);
            }
            _ => {}
        },
    }
    Vec::new()
}

fn close(state: &mut AppState) {
    match state.mode {
        Mode::Filter => {
            state.filter.clear();
            state.member_row = 0;
        }
        Mode::Command => state.command.clear(),
        Mode::Normal | Mode::Help | Mode::Detail | Mode::Form | Mode::Text | Mode::Conflict => {}
    }
    state.mode = Mode::Normal;
}

fn basket_ids(state: &AppState) -> Vec<BasketId> {
    state.baskets.iter().map(|b| b.id.clone()).collect()
}

/// Applies new inputs; a refusal leaves everything as it was and says why.
fn apply(state: &mut AppState, request: Request) {
    if let Err(reason) = state.set_request(request) {
        state.set_message(reason, true);
    }
}

fn set_range(state: &mut AppState, range: WindowChoice) {
    apply(
        state,
        Request {
            range,
            ..state.request.clone()
        },
    );
}

fn step_preset(state: &mut AppState, longer: bool) {
    let all = RangePreset::ALL;
    let next = match state
        .preset()
        .and_then(|p| all.iter().position(|q| *q == p))
    {
        Some(i) if longer => all[(i + 1).min(all.len() - 1)],
        Some(i) => all[i.saturating_sub(1)],
        None => RangePreset::Y1,
    };
    set_range(state, WindowChoice::Preset(next));
}

/// Zoom keeps the window's end; pan keeps its length. Both give an
/// explicit window, never later than the as-of date nor earlier than the data.
fn move_window(state: &mut AppState, action: Action) {
    let (Some(analysis), Some(first)) = (&state.analysis, state.data_dates.first().copied()) else {
        return;
    };
    let (start, end, as_of) = (analysis.window.start, analysis.window.end, analysis.as_of);
    let span = (end - start).num_days().max(1);
    let back = |date: NaiveDate, days: i64| {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(first)
            .max(first)
    };
    let ahead = |date: NaiveDate, days: i64| {
        date.checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap_or(as_of)
            .min(as_of)
    };
    let (new_start, new_end) = match action {
        Action::ZoomIn => (back(end, (span / 2).max(7)), end),
        Action::ZoomOut => (back(end, span * 2), end),
        Action::PanBack => {
            let shift = (span / 4).max(1);
            let s = back(start, shift);
            (s, ahead(s, span))
        }
        _ => {
            let shift = (span / 4).max(1);
            let e = ahead(end, shift);
            (back(e, span), e)
        }
    };
    if (new_start, new_end) == (start, end) {
        state.set_message("the window is already at the edge of the data", false);
        return;
    }
    set_range(
        state,
        WindowChoice::Explicit(Window {
            start: new_start,
            end: new_end,
        }),
    );
}

/// The index dates of the window (any basket), sorted.
fn window_dates(state: &AppState) -> Vec<NaiveDate> {
    let Some(analysis) = &state.analysis else {
        return Vec::new();
    };
    let mut dates: Vec<NaiveDate> = analysis
        .indices
        .iter()
        .flat_map(|s| s.dates.iter().copied())
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

fn step_cursor(state: &mut AppState, forward: bool) {
    let dates = window_dates(state);
    let next = match state.chart.cursor {
        None => dates.last().copied(),
        Some(c) if forward => dates.iter().find(|d| **d > c).copied().or(Some(c)),
        Some(c) => dates.iter().rev().find(|d| **d < c).copied().or(Some(c)),
    };
    state.chart.cursor = next;
}

enum AsOfStep {
    Back(u64),
    Forward(u64),
    Latest,
}

/// Time travel moves between dates that have data, so every step shows a
/// different day.
fn step_as_of(state: &mut AppState, step: AsOfStep) {
    let (Some(as_of), Some(latest)) = (state.as_of(), state.latest()) else {
        return;
    };
    let dates = &state.data_dates;
    let on_or_before = |d: NaiveDate| dates.iter().rev().find(|x| **x <= d).copied();
    let target = match step {
        AsOfStep::Back(1) => dates.iter().rev().find(|d| **d < as_of).copied(),
        AsOfStep::Back(n) => as_of.checked_sub_days(Days::new(n)).and_then(on_or_before),
        AsOfStep::Forward(1) => dates.iter().find(|d| **d > as_of).copied(),
        AsOfStep::Forward(n) => as_of
            .checked_add_days(Days::new(n))
            .map(|d| d.min(latest))
            .and_then(on_or_before),
        AsOfStep::Latest => Some(latest),
    };
    match target {
        Some(date) if date != as_of => apply(
            state,
            Request {
                as_of: Some(date),
                ..state.request.clone()
            },
        ),
        _ => state.set_message(format!("as of {as_of}: no data beyond this date"), false),
    }
}

fn move_selection(state: &mut AppState, action: Action) {
    let (row, len) = match (state.mode, state.focus) {
        (Mode::Help, _) => {
            let delta: i64 = match action {
                Action::Down => 1,
                Action::Up => -1,
                Action::PageDown => PAGE as i64,
                Action::PageUp => -(PAGE as i64),
                _ => 0,
            };
            state.help_scroll =
                (i64::from(state.help_scroll) + delta).clamp(0, i64::from(u16::MAX)) as u16;
            return;
        }
        (_, Pane::Baskets) => {
            let len = member_count(state);
            (&mut state.member_row, len)
        }
        (_, Pane::Watchlist) => (&mut state.event_row, state.watchlist.events.len()),
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
    if state.focus == Pane::Watchlist {
        select_event(state);
    }
}

/// Rows of the member table as shown (after the filter).
fn member_count(state: &AppState) -> usize {
    let (Some(analysis), Some(basket)) = (&state.analysis, state.baskets.get(state.basket_tab))
    else {
        return 0;
    };
    analysis
        .members
        .iter()
        .find(|(id, _)| id == &basket.id)
        .map_or(0, |(_, rows)| {
            visible_rows(rows, &state.filter, state.sort).len()
        })
}

/// The chart cursor follows the selected event: the first Hong Kong session
/// that can react to it, when that is inside the window.
fn select_event(state: &mut AppState) {
    let Some(event) = state.watchlist.events.get(state.event_row) else {
        return;
    };
    let reacts = first_reacting_session(Market::HongKong, event.date, event.session);
    let window = state.analysis.as_ref().map(|a| a.window);
    if window.is_some_and(|w| w.contains(reacts)) {
        state.chart.cursor = Some(reacts);
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
    if let Some(label) = state.series_labels().get(state.series_selected) {
        let shown = if state.chart.hidden.contains(label) {
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

fn run_command(state: &mut AppState, line: &str) -> Vec<Effect> {
    let command = match command::parse(line, &basket_ids(state)) {
        Ok(command) => command,
        Err(reason) => {
            state.set_message(format!(":{} — {reason}", line.trim()), true);
            return Vec::new();
        }
    };
    let request = state.request.clone();
    match command {
        Command::Window(window) => set_range(state, WindowChoice::Explicit(window)),
        Command::Range(preset) => set_range(state, WindowChoice::Preset(preset)),
        Command::AsOf(date) => apply(
            state,
            Request {
                as_of: date.or(state.latest()),
                ..request
            },
        ),
        Command::Method(method) => apply(state, Request { method, ..request }),
        Command::Base(base) => apply(state, Request { base, ..request }),
        Command::Pair(pair) => apply(state, Request { pair, ..request }),
        Command::Roll(roll) => apply(state, Request { roll, ..request }),
        Command::Help => state.mode = Mode::Help,
        Command::Basket(args) => return basket_command::run(state, &args, line.trim()),
        Command::Quit => return vec![Effect::Quit],
    }
    Vec::new()
}
