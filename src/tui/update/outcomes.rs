//! What the outcome of an effect does to the state: a save kept or undone,
//! a reload taken, the prompt opened for an outside change, prices (and a
//! job's progress) arriving.

use crate::tui::effect::Effect;
use crate::tui::outcome::{JobId, JobReport, Outcome};
use crate::tui::overlay::Overlay;
use crate::tui::update::AppState;

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
            if state.ui.overlay == Overlay::None
                && let Some(prompt) = prompt.without(&state.model.edit.dismissed)
            {
                state.open_prompt(prompt);
            }
            return Vec::new();
        }
        Outcome::Job(id, report) => return on_report(state, id, report),
    }
    state.load_missing().into_iter().collect()
}

/// Applies what the job `id` reports; its result ends it.
fn on_report(state: &mut AppState, id: JobId, report: JobReport) -> Vec<Effect> {
    match report {
        JobReport::Progress { done, total } => {
            if let Some(work) = state.jobs.get_mut(id) {
                work.done = done;
                work.total = total;
            }
            Vec::new()
        }
        JobReport::Fetching {
            done,
            total,
            symbol,
        } => {
            super::fetch::progress(state, id, done, total, symbol.as_str());
            Vec::new()
        }
        JobReport::Fetched(result) => super::fetch::finished(state, id, result),
        JobReport::Imported(result) => super::import::finished(state, id, result),
        JobReport::DemoRemoved(result) => {
            super::demo::finished(state, id, result);
            Vec::new()
        }
        JobReport::Exported(result) => {
            super::export::finished(state, id, result);
            Vec::new()
        }
        JobReport::PricesLoaded(book) => {
            state.end_work(id);
            match state.model.opening.take() {
                Some(opening) => state.first_prices_arrived(opening, book),
                None => state.merge_prices(book),
            }
            // Not asked again: a symbol without a price file stays absent.
            Vec::new()
        }
    }
}
