//! `update`: the only place the state changes. No I/O, no terminal: tests
//! call it directly. A short dispatcher: by what the message is, then by
//! what is open over the panes; each scope has its own file.

mod app;
mod edit;
mod export;
mod fetch;
mod import;
mod outcomes;
mod overlays;
mod panes;
mod window;

use super::action::{Action, Msg};
use super::effect::Effect;
use super::overlay::Overlay;
use edit::{commit, submit};

pub use app::{AppState, Computed};

/// Applies one message (an action, an outcome, a tick) to the state and
/// returns what to do next.
pub fn update(state: &mut AppState, msg: impl Into<Msg>) -> Vec<Effect> {
    match msg.into() {
        Msg::Open => state.load_missing().into_iter().collect(),
        Msg::User(action) => on_action(state, action),
        Msg::UserAt { action, at } => {
            state.model.clock = Some(at);
            on_action(state, action)
        }
        Msg::Done(outcome) => outcomes::on_outcome(state, outcome),
        // Idle with nothing open: have the files changed outside?
        Msg::Tick if state.ui.overlay == Overlay::None => vec![Effect::LookOutside],
        Msg::Tick => Vec::new(),
    }
}

/// A user action goes to whatever is on top: an overlay, else the panes.
fn on_action(state: &mut AppState, action: Action) -> Vec<Effect> {
    if action == Action::Quit {
        fetch::quitting(state);
        return vec![Effect::Quit];
    }
    match &state.ui.overlay {
        Overlay::None => panes::on_panes(state, action),
        Overlay::Form(_) => submit::form_action(state, action),
        Overlay::ConfirmClose(_) => submit::confirm_close(state, action),
        Overlay::Conflict(_) => commit::answer_conflict(state, action),
        Overlay::Command(_) => overlays::on_command_line(state, action),
        Overlay::Filter => {
            overlays::on_filter(state, action);
            Vec::new()
        }
        Overlay::Events { .. } => {
            overlays::on_event_study(state, action);
            Vec::new()
        }
        Overlay::Help { .. } | Overlay::Detail => {
            overlays::on_help_or_detail(state, action);
            Vec::new()
        }
        Overlay::Problems(_) => {
            overlays::on_problems(state, action);
            Vec::new()
        }
    }
}
