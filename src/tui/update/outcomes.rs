//! What the outcome of an effect does to the state: a save kept or undone,
//! a reload taken, the prompt opened for an outside change, prices (and a
//! job's progress) arriving.

use crate::tui::effect::Effect;
use crate::tui::outcome::Outcome;
use crate::tui::overlay::Overlay;
use crate::tui::state::AppState;

/// Applies `outcome`; a library taken from disk may need prices.
pub(super) fn on_outcome(state: &mut AppState, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::Saved { files } => {
            state.save_succeeded(&files);
            return Vec::new();
        }
        Outcome::SaveConflicted { before, prompt } => {
            state.save_conflicted(before, prompt);
            return Vec::new();
        }
        Outcome::SaveFailed { before, error } => {
            state.save_failed(before, error);
            return Vec::new();
        }
        Outcome::SavePartlyFailed { on_disk, error } => state.save_partly_failed(on_disk, error),
        Outcome::KeptMine {
            after,
            label,
            files,
        } => state.kept_mine(after, label, &files),
        Outcome::KeepMineFailed { error } => {
            state.set_message(format!("not saved: {error}"), true);
            return Vec::new();
        }
        Outcome::Reloaded { library, problems } => state.reloaded(library, &problems),
        Outcome::OutsideChange(prompt) => {
            // Only while nothing is open, and not about files left alone.
            if state.overlay == Overlay::None
                && let Some(prompt) = prompt.without(&state.edit.dismissed)
            {
                state.open_prompt(prompt);
            }
            return Vec::new();
        }
        Outcome::Progress { done, total } => {
            if let Some(work) = state.work.first_mut() {
                work.done = done;
                work.total = total;
            }
            return Vec::new();
        }
        Outcome::Fetching {
            done,
            total,
            symbol,
        } => {
            super::fetch::progress(state, done, total, symbol.as_str());
            return Vec::new();
        }
        Outcome::Fetched(result) => return super::fetch::finished(state, result),
        Outcome::Imported(result) => return super::import::finished(state, result),
        Outcome::Exported(result) => {
            super::export::finished(state, result);
            return Vec::new();
        }
        Outcome::PricesLoaded(book) => {
            // The worker answers in order: this is the oldest job.
            if !state.work.is_empty() {
                state.work.remove(0);
            }
            match state.opening.take() {
                Some(opening) => state.first_prices_arrived(opening, book),
                None => state.merge_prices(book),
            }
            // Not asked again: a symbol without a price file stays absent.
            return Vec::new();
        }
    }
    state.load_missing().into_iter().collect()
}
