//! Applying edits to the workstation: the library changes, the analysis is
//! recomputed at once, the history records it and a save is asked of the
//! run loop (its outcome comes back through `update`). Also the answer to
//! "a file changed outside": reload theirs, keep mine, or leave it.

use crate::domain::edit::{Edit, EditError, Library, apply};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::conflict::Pending;
use crate::tui::update::AppState;

/// Applies `edits` in turn as one step of the history labelled `label`.
/// A refusal changes nothing and is returned (for the field to show).
pub fn commit(
    state: &mut AppState,
    label: String,
    edits: &[Edit],
) -> Result<Vec<Effect>, EditError> {
    let before = state.library();
    let mut after = before.clone();
    for edit in edits {
        after = apply(&after, edit)?;
    }
    if after == before {
        state.set_message("nothing changed", false);
        return Ok(Vec::new());
    }
    state.model.edit.rollback = Some(state.model.edit.history.clone());
    state
        .model
        .edit
        .history
        .record(label.clone(), before.clone());
    let message = format!("{label} (u undoes)");
    Ok(change(state, label, message, before, after))
}

/// Puts `after` on screen and asks for the save (and for prices of new members).
fn change(
    state: &mut AppState,
    label: String,
    message: String,
    before: Library,
    after: Library,
) -> Vec<Effect> {
    state.set_library(after.clone());
    state.set_message(message, false);
    let mut effects = vec![Effect::Save {
        label,
        before,
        after,
    }];
    effects.extend(state.load_missing());
    effects
}

/// Undoes the last edit of the session (and saves).
pub fn undo(state: &mut AppState) -> Vec<Effect> {
    let current = state.library();
    let saved = state.model.edit.history.clone();
    match state.model.edit.history.undo(&current) {
        Some((label, before)) => {
            state.model.edit.rollback = Some(saved);
            let message = format!("undid: {label}");
            change(state, message.clone(), message, current, before)
        }
        None => {
            state.set_message("nothing to undo", false);
            Vec::new()
        }
    }
}

/// Redoes the last undone edit (and saves).
pub fn redo(state: &mut AppState) -> Vec<Effect> {
    let current = state.library();
    let saved = state.model.edit.history.clone();
    match state.model.edit.history.redo(&current) {
        Some((label, after)) => {
            state.model.edit.rollback = Some(saved);
            let message = format!("redid: {label}");
            change(state, message.clone(), message, current, after)
        }
        None => {
            state.set_message("nothing to redo", false);
            Vec::new()
        }
    }
}

/// A conflict's answer: keep the pending edit (if any) or what is on screen.
pub fn pending_or_current(state: &AppState, pending: Option<&Pending>) -> Library {
    pending.map_or_else(|| state.library(), |p| p.after.clone())
}

/// The answer to "a file changed outside spillover".
pub fn answer_conflict(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Overlay::Conflict(prompt) = &state.ui.overlay else {
        return Vec::new();
    };
    let effect = match action {
        Action::ReloadTheirs => Effect::Reload,
        Action::KeepMine => Effect::KeepMine {
            on_screen: state.library(),
            mine: pending_or_current(state, prompt.pending.as_ref()),
            paths: prompt.paths.clone(),
            label: prompt.pending.as_ref().map(|p| p.label.clone()),
        },
        Action::Close => {
            let text = format!(
                "left as they are: {} (yours is on screen; the next save of it asks again)",
                prompt.names.join(", ")
            );
            state
                .model
                .edit
                .dismissed
                .extend(prompt.paths.iter().cloned());
            state.set_message(text, false);
            state.ui.overlay = Overlay::None;
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    state.ui.overlay = Overlay::None;
    vec![effect]
}
