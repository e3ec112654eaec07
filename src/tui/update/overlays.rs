//! Keys while something is open over the panes that is not a form: the
//! filter input, the `:` command line (and running it), help, the event
//! detail. Forms and the "changed outside" prompt are editing
//! ([`edit`](crate::tui::edit)).

use super::edit::basket_command;
use super::panes::{PAGE, select_event};
use super::window::{AsOfStep, apply, set_range, step_as_of};
use crate::compute::{CatalystRequest, Request, WindowChoice};
use crate::domain::BasketId;
use crate::tui::action::Action;
use crate::tui::command::{self, Command, CommandError};
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::update::AppState;

/// Typing the member-table filter: it narrows the table as it is typed.
pub(super) fn on_filter(state: &mut AppState, action: Action) {
    match action {
        Action::Input(c) => {
            state.ui.filter.push(c);
            state.ui.member_row = 0;
        }
        Action::Backspace => {
            state.ui.filter.pop();
            state.ui.member_row = 0;
        }
        Action::Submit => {
            state.ui.message = None;
            state.ui.overlay = Overlay::None;
        }
        Action::Close => {
            state.ui.message = None;
            state.ui.filter.clear();
            state.ui.member_row = 0;
            state.ui.overlay = Overlay::None;
        }
        _ => {}
    }
}

/// Typing a `:` command; a refused one left its reason, which typing clears.
pub(super) fn on_command_line(state: &mut AppState, action: Action) -> Vec<Effect> {
    let ids = basket_ids(state);
    let Overlay::Command(line) = &mut state.ui.overlay else {
        return Vec::new();
    };
    line.error = None;
    match action {
        Action::Input(c) => line.text.push(c),
        Action::Backspace => {
            line.text.pop();
        }
        Action::Complete => line.text = command::complete(&line.text, &ids),
        Action::Submit => {
            let text = std::mem::take(&mut line.text);
            state.ui.message = None;
            state.ui.overlay = Overlay::None;
            return run_command(state, &text);
        }
        Action::Close => {
            state.ui.message = None;
            state.ui.overlay = Overlay::None;
        }
        _ => {}
    }
    Vec::new()
}

/// Help scrolls; the event detail only closes.
pub(super) fn on_help_or_detail(state: &mut AppState, action: Action) {
    state.ui.message = None;
    let Some(delta) = scroll_or_close(state, action) else {
        return;
    };
    if let Overlay::Help { scroll } = &mut state.ui.overlay {
        *scroll = (i64::from(*scroll) + delta).clamp(0, i64::from(u16::MAX)) as u16;
    }
}

/// The event study: step through the events (the chart cursor follows)
/// and the as-of date, or close.
pub(super) fn on_event_study(state: &mut AppState, action: Action) {
    state.ui.message = None;
    let last = state.model.watchlist.events.len().saturating_sub(1);
    match action {
        Action::Close => state.ui.overlay = Overlay::None,
        Action::ToggleMonth => {
            if let Overlay::Events { month } = &mut state.ui.overlay {
                *month = !*month;
            }
        }
        Action::Down | Action::Up => {
            state.ui.event_row = if action == Action::Down {
                (state.ui.event_row + 1).min(last)
            } else {
                state.ui.event_row.saturating_sub(1)
            };
            select_event(state);
        }
        Action::AsOfDayBack => step_as_of(state, AsOfStep::Back(1)),
        Action::AsOfDayForward => step_as_of(state, AsOfStep::Forward(1)),
        _ => {}
    }
}

fn basket_ids(state: &AppState) -> Vec<BasketId> {
    state.model.baskets.iter().map(|b| b.id.clone()).collect()
}

fn run_command(state: &mut AppState, line: &str) -> Vec<Effect> {
    let command = match command::parse(line, &basket_ids(state), state.home()) {
        Ok(command) => command,
        Err(CommandError::Basket(reason)) => {
            basket_command::refused(state, line.trim(), reason.to_string());
            return Vec::new();
        }
        Err(reason) => {
            state.set_message(format!(":{} — {reason}", line.trim()), true);
            return Vec::new();
        }
    };
    let request = state.model.request.clone();
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
        Command::Benchmark(benchmark) => measure(
            state,
            CatalystRequest {
                benchmark,
                ..state.model.catalyst_request.clone()
            },
        ),
        Command::Model(model) => measure(
            state,
            CatalystRequest {
                model,
                ..state.model.catalyst_request.clone()
            },
        ),
        Command::Lags(max_lag, granger) => measure(
            state,
            CatalystRequest {
                max_lag,
                granger_lags: granger.unwrap_or(state.model.catalyst_request.granger_lags),
                ..state.model.catalyst_request.clone()
            },
        ),
        Command::Beta(beta_window) => measure(
            state,
            CatalystRequest {
                beta_window,
                ..state.model.catalyst_request.clone()
            },
        ),
        Command::Segments => super::segments::toggle(state),
        Command::Help => state.ui.overlay = Overlay::Help { scroll: 0 },
        Command::Fetch(basket) => return super::fetch::start(state, basket.as_ref()),
        Command::Export(file) => return super::export::start(state, Some(file)),
        Command::Import { sources, market } => return super::import::start(state, sources, market),
        Command::Basket(command) => return basket_command::run(state, command, line.trim()),
        Command::Plan(season) => return super::edit::plan::run(state, season),
        Command::DemoRemove => return super::demo::start(state),
        Command::Quit => return vec![Effect::Quit],
    }
    Vec::new()
}

/// The catalysts measured again with new settings; says what they are now,
/// or why there is no event study.
fn measure(state: &mut AppState, settings: CatalystRequest) {
    state.set_catalyst_request(settings);
    let c = &state.model.catalyst_request;
    let problem = state.catalysts().and_then(|k| k.benchmark_problem.clone());
    match problem {
        Some(problem) => state.set_message(format!("no event study and no beta: {problem}"), true),
        None => state.set_message(
            format!(
                "event study and beta against {}, model {}, beta over {} returns; lead-lag to ±{} with Granger lags {}",
                c.benchmark, c.model, c.beta_window, c.max_lag, c.granger_lags
            ),
            false,
        ),
    }
}

/// Keys while a fetch's or an import's problems are listed: scroll, or
/// close (the summary stays on the message line).
pub(super) fn on_problems(state: &mut AppState, action: Action) {
    let Some(delta) = scroll_or_close(state, action) else {
        return;
    };
    let Overlay::Problems(list) = &mut state.ui.overlay else {
        return;
    };
    let last = list.rows.len().saturating_sub(1);
    let scroll = (i64::from(list.scroll) + delta).clamp(0, last as i64);
    list.scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
}

/// The rows a scrolling overlay moves by on `action`; `Close` closes it
/// (and, like any other key, answers `None`).
fn scroll_or_close(state: &mut AppState, action: Action) -> Option<i64> {
    match action {
        Action::Down => Some(1),
        Action::Up => Some(-1),
        Action::PageDown => Some(PAGE as i64),
        Action::PageUp => Some(-(PAGE as i64)),
        Action::Close => {
            state.ui.overlay = Overlay::None;
            None
        }
        _ => None,
    }
}
