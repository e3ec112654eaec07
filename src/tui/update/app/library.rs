//! The baskets and watchlist on screen: taking a new library (an edit,
//! undo, a reload), prices arriving for new members, and what the outcome
//! of a save does to them.

use super::AppState;
use crate::domain::edit::{History, Library};
use crate::domain::{PriceBook, Symbol};
use crate::store::demo::DEMO_AS_OF;
use crate::tui::overlay::Overlay;
use crate::tui::overlay::conflict::ConflictPrompt;

impl AppState {
    /// Takes `library` as the baskets and watchlist on screen and
    /// recomputes everything that depends on them.
    pub(in crate::tui::update) fn set_library(&mut self, library: Library) {
        self.model.baskets = library.baskets;
        self.model.watchlist = library.watchlist;
        self.model.watchlist.sort();
        self.recompute();
        self.ui.event_row = self
            .ui
            .event_row
            .min(self.model.watchlist.events.len().saturating_sub(1));
    }

    /// Adds freshly loaded prices to the book (replacing a symbol's older
    /// series, e.g. after a fetch) and recomputes. An as-of date at the
    /// latest data follows the new latest, and the demo's replay date gives
    /// way to the latest real date once a real series arrives; a replay
    /// stays where it is.
    pub(in crate::tui::update) fn merge_prices(&mut self, book: PriceBook) {
        if book.series.is_empty() && book.problems.is_empty() {
            return;
        }
        let was_all_demo = self.model.book.has_demo() && !self.model.book.has_real();
        let was_latest = !self.is_replay();
        self.model
            .book
            .problems
            .retain(|(symbol, _)| !book.series.contains_key(symbol));
        self.model.book.series.extend(book.series);
        self.model.book.problems.extend(book.problems);
        self.model.prices_generation += 1;
        self.model.data_dates = self.model.book.dates();
        self.model.source.demo = self.model.book.has_demo();
        if was_latest {
            self.model.request.as_of = self.latest().or(self.model.request.as_of);
        } else if was_all_demo && self.model.book.has_real() {
            self.model.request.as_of = self
                .model
                .book
                .opening_as_of(DEMO_AS_OF)
                .or(self.model.request.as_of);
        }
        let message = self.ui.message.clone();
        self.recompute();
        if self.ui.message.as_ref().is_none_or(|m| !m.error) {
            self.ui.message = message;
        }
    }

    /// Drops the prices of `symbols` from the book (their files were
    /// deleted: `:demo remove`) and recomputes. An as-of date at the latest
    /// data, or at the demo's replay date, moves to the opening date of what
    /// is left; a replay of real data stays where it is.
    pub(in crate::tui::update) fn drop_prices(&mut self, symbols: &[Symbol]) {
        let was_all_demo = !self.model.book.has_real();
        let was_latest = !self.is_replay();
        let book = &mut self.model.book;
        book.series.retain(|symbol, _| !symbols.contains(symbol));
        book.problems
            .retain(|(symbol, _)| !symbols.contains(symbol));
        self.model.prices_generation += 1;
        self.model.data_dates = self.model.book.dates();
        self.model.source.demo = self.model.book.has_demo();
        if was_latest || was_all_demo {
            self.model.request.as_of = self.model.book.opening_as_of(DEMO_AS_OF);
        }
        let message = self.ui.message.clone();
        self.recompute();
        if self.ui.message.as_ref().is_none_or(|m| !m.error) {
            self.ui.message = message;
        }
    }

    /// The save of the last edit succeeded: its history entry stays.
    pub(in crate::tui::update) fn save_succeeded(&mut self, files: &str) {
        self.model.edit.rollback = None;
        if let Some(message) = &mut self.ui.message
            && !message.error
            && !files.is_empty()
        {
            message.text.push_str(&format!(" · saved {files}"));
        }
    }

    /// The save failed: the library and the history go back to `before`
    /// and the error is shown.
    pub(in crate::tui::update) fn save_failed(&mut self, before: Library, error: String) {
        self.revert(before);
        self.set_message(format!("not saved, nothing changed: {error}"), true);
    }

    /// The save failed after writing some of the edit's files: the screen
    /// takes the files as they are now on disk.
    pub(in crate::tui::update) fn save_partly_failed(&mut self, on_disk: Library, error: String) {
        self.revert(on_disk);
        self.set_message(
            format!("partly saved: {error}; the screen shows the files as they are now"),
            true,
        );
    }

    /// The save found a file changed outside: back to `before`, and the
    /// prompt asks whether to reload theirs or keep mine.
    pub(in crate::tui::update) fn save_conflicted(
        &mut self,
        before: Library,
        prompt: ConflictPrompt,
    ) {
        self.revert(before);
        self.open_prompt(prompt);
    }

    fn revert(&mut self, before: Library) {
        if let Some(history) = self.model.edit.rollback.take() {
            self.model.edit.history = history;
        }
        self.set_library(before);
    }

    /// Opens the "changed outside" prompt (over a form, if one was open).
    pub(in crate::tui::update) fn open_prompt(&mut self, prompt: ConflictPrompt) {
        // The line under the prompt shows its keys, not an older message.
        self.ui.message = None;
        self.ui.overlay = Overlay::Conflict(prompt);
    }

    /// "Reload theirs" done: the disk's library is on screen; the history
    /// is cleared (undoing would write the old snapshots over theirs).
    pub(in crate::tui::update) fn reloaded(&mut self, library: Library, problems: &[String]) {
        self.model.edit.history = History::new();
        self.model.edit.rollback = None;
        self.model.edit.dismissed.clear();
        self.set_library(library);
        match problems.first() {
            Some(problem) => self.set_message(
                format!("reloaded from disk; {problem} (the other files loaded)"),
                true,
            ),
            None => self.set_message("reloaded from disk (undo history cleared)", false),
        }
    }

    /// "Keep mine" done: `after` is on screen and on disk.
    pub(in crate::tui::update) fn kept_mine(
        &mut self,
        after: Library,
        label: Option<String>,
        files: &str,
    ) {
        if let Some(label) = label {
            self.model.edit.history.record(label, self.library());
        }
        self.model.edit.dismissed.clear();
        self.set_library(after);
        self.set_message(format!("kept yours: wrote {files}"), false);
    }
}
