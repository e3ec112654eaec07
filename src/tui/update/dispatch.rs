//! The dispatcher: by what the message is, then by what is open over the
//! panes; each scope has its own file.

use super::AppState;
use super::edit::{commit, submit};
use crate::tui::action::{Action, Msg};
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;

/// Applies one message (an action, an outcome, a tick) to the state and
/// returns what to do next.
pub fn update(state: &mut AppState, msg: impl Into<Msg>) -> Vec<Effect> {
    let effects = dispatch(state, msg.into());
    // The shown basket's diffusion, when a view needs it: computed here,
    // once per analysis and basket, not for every basket on every recompute.
    state.ensure_diffusion();
    effects
}

fn dispatch(state: &mut AppState, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Open => state.load_missing().into_iter().collect(),
        Msg::User(action) => on_action(state, action),
        Msg::UserAt { action, at } => {
            state.model.clock = Some(at);
            on_action(state, action)
        }
        Msg::Done(outcome) => super::outcomes::on_outcome(state, outcome),
        // Idle with nothing open: have the files changed outside?
        Msg::Tick if state.ui.overlay == Overlay::None => vec![Effect::LookOutside],
        Msg::Tick => Vec::new(),
    }
}

/// A user action goes to whatever is on top: an overlay, else the panes.
fn on_action(state: &mut AppState, action: Action) -> Vec<Effect> {
    if action == Action::Quit {
        super::fetch::quitting(state);
        return vec![Effect::Quit];
    }
    match &state.ui.overlay {
        Overlay::None => super::panes::on_panes(state, action),
        Overlay::Form(_) => submit::form_action(state, action),
        Overlay::ConfirmClose(_) => submit::confirm_close(state, action),
        Overlay::Conflict(_) => commit::answer_conflict(state, action),
        Overlay::Command(_) => super::overlays::on_command_line(state, action),
        Overlay::Filter => {
            super::overlays::on_filter(state, action);
            Vec::new()
        }
        Overlay::Events { .. } => {
            super::overlays::on_event_study(state, action);
            Vec::new()
        }
        Overlay::Help { .. } | Overlay::Detail => {
            super::overlays::on_help_or_detail(state, action);
            Vec::new()
        }
        Overlay::Problems(_) => {
            super::overlays::on_problems(state, action);
            Vec::new()
        }
    }
}
