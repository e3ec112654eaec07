//! `:basket …` (parsed in `command/basket.rs`): the edit on the shown
//! basket committed, the tab following it. A refusal keeps the command
//! line open with the reason under it, and changes nothing.

use super::commit::commit;
use crate::domain::edit::Edit;
use crate::tui::command::BasketCommand;
use crate::tui::effect::Effect;
use crate::tui::overlay::{CommandLine, Overlay};
use crate::tui::update::AppState;

/// Runs `:basket …` typed as `line`, parsed as `command`.
pub fn run(state: &mut AppState, command: BasketCommand, line: &str) -> Vec<Effect> {
    let shown = state
        .model
        .baskets
        .get(state.ui.basket_tab)
        .map(|b| b.id.clone());
    let result = command
        .edit(shown.as_ref())
        .map_err(|e| e.to_string())
        .and_then(|edit| {
            commit(state, edit.describe(), std::slice::from_ref(&edit))
                .map(|effects| (edit, effects))
                .map_err(|e| e.message)
        });
    match result {
        Ok((edit, effects)) => {
            show_after(state, &edit);
            effects
        }
        Err(reason) => {
            refused(state, line, reason);
            Vec::new()
        }
    }
}

/// A refused `:basket` command: the command line stays open with the
/// text, the reason under it.
pub fn refused(state: &mut AppState, line: &str, reason: String) {
    state.ui.overlay = Overlay::Command(CommandLine {
        text: line.to_string(),
        error: Some(reason),
    });
}

/// The tab follows a created, duplicated or renamed basket; the scatter
/// pair follows a rename.
fn show_after(state: &mut AppState, edit: &Edit) {
    let shown = match edit {
        Edit::CreateBasket { id, .. } | Edit::DuplicateBasket { to: id, .. } => id,
        Edit::RenameBasket { from, to } => {
            let mut request = state.model.request.clone();
            if request.pair.contains(from) {
                for slot in &mut request.pair {
                    if slot == from {
                        *slot = to.clone();
                    }
                }
                if let Err(reason) = state.set_request(request) {
                    state.set_message(reason.to_string(), true);
                }
            }
            to
        }
        _ => return,
    };
    if let Some(i) = state.model.baskets.iter().position(|b| &b.id == shown) {
        state.ui.basket_tab = i;
        state.ui.member_row = 0;
    }
}
