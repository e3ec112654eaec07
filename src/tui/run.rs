//! The event loop: draw, read one event, turn it into an action, update.
//! Generic over ratatui's `Backend` and the event source, so tests drive it
//! with a `TestBackend` and a list of events.

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::effects::{Disk, notice_outside_changes, perform};
use super::keymap::action_for;
use super::state::AppState;
use super::theme::Theme;
use super::update::update;
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

/// Runs until an action asks to quit or the event source fails, with
/// nothing on disk: edits stay in memory (tests of the screen).
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
    mut next_event: impl FnMut() -> std::io::Result<Event>,
) -> Result<(), RunError> {
    run_session(terminal, state, theme, None, || next_event().map(Some))
}

/// The event loop of a session editing `disk`. `next_event` returns
/// `None` when the user has been idle for a while: then the files are
/// checked for changes made outside spillover.
///
/// Every update is synchronous, its effects (saving, loading prices) are
/// performed before the next event is read, and recomputing the demo
/// analysis takes milliseconds: a key is answered before the next.
pub fn run_session<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    theme: &Theme,
    mut disk: Option<&mut Disk>,
    mut next_event: impl FnMut() -> std::io::Result<Option<Event>>,
) -> Result<(), RunError> {
    loop {
        terminal
            .draw(|frame| view::draw(frame, state, theme))
            .map_err(|e| RunError::Draw(e.to_string()))?;
        match next_event()? {
            None => {
                if let Some(disk) = disk.as_deref() {
                    notice_outside_changes(state, disk);
                }
            }
            Some(event) => {
                if let Some(action) = action_for_event(state, &event) {
                    let effects = update(state, action);
                    if perform(state, disk.as_deref_mut(), effects) {
                        return Ok(());
                    }
                }
            }
        }
    }
}
