//! `:demo remove` (as `spillover demo --remove`): deleting the demo price
//! files is disk work, so it runs as a job (not while a fetch or an import
//! writes the cache); when it is done the deleted series leave the book,
//! the panes recompute and the message names what went.

use crate::store::demo::Removed;
use crate::tui::effect::Effect;
use crate::tui::jobs::Job;
use crate::tui::outcome::{JobError, JobId};
use crate::tui::update::AppState;

/// Starts deleting the demo price files; refused while the cache is written.
pub(super) fn start(state: &mut AppState) -> Vec<Effect> {
    if let Some(doing) = state.writing_cache() {
        state.set_message(
            format!("the cache is being written ({doing}); remove the demo prices when it is done"),
            true,
        );
        return Vec::new();
    }
    if !state.model.book.has_demo() && !state.model.source.demo {
        state.set_message("no demo prices are loaded: nothing to remove", false);
        return Vec::new();
    }
    state.set_message(
        "removing the demo price files; baskets, watchlist and real prices stay",
        false,
    );
    vec![state.start(Job::RemoveDemo)]
}

/// The demo files are gone (or why not): the book drops their series and
/// the message lists them.
pub(super) fn finished(state: &mut AppState, id: JobId, result: Result<Removed, JobError>) {
    state.end_work(id);
    match result {
        Ok(removed) if removed.symbols.is_empty() => {
            state.set_message("demo remove: there were no demo price files", false);
        }
        Ok(removed) => {
            state.drop_prices(&removed.symbols);
            let names: Vec<&str> = removed.symbols.iter().map(|s| s.as_str()).collect();
            state.set_message(
                format!(
                    "removed {} demo price files: {}",
                    names.len(),
                    names.join(", ")
                ),
                false,
            );
        }
        Err(reason) => {
            state.set_message(format!("demo remove: {reason}"), true);
        }
    }
}
