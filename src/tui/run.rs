//! The event loop: draw, read one event, turn it into an action, update.
//! Generic over ratatui's `Backend` and the event source, so tests drive it
//! with a `TestBackend` and a list of events.

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::keymap::action_for;
use super::state::AppState;
use super::theme::Theme;
use super::update::{Effect, update};
use super::view;

/// Why the event loop stopped early.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot draw on the terminal: {0}")]
    Draw(String),
    #[error("cannot read from the terminal: {0}")]
    Input(#[from] std::io::Error),
}

/// The action an input event means now, if any; a resize needs none (the
/// next draw uses the new size).
pub fn action_for_event(state: &AppState, event: &Event) -> Option<super::action::Action> {
    match event {
        Event::Key(key) => action_for(state.mode, state.focus, key),
        _ => None,
    }
}

/// Runs until an action asks to quit or the event source fails.
///
/// Reading events blocks: every update is synchronous, and recomputing the
/// demo analysis takes milliseconds, so a key is answered before the next.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
    mut next_event: impl FnMut() -> std::io::Result<Event>,
) -> Result<(), RunError> {
    loop {
        terminal
            .draw(|frame| view::draw(frame, state, theme))
            .map_err(|e| RunError::Draw(e.to_string()))?;
        let event = next_event()?;
        if let Some(action) = action_for_event(state, &event)
            && update(state, action).contains(&Effect::Quit)
        {
            return Ok(());
        }
    }
}
