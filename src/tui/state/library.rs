//! The baskets and watchlist on screen: taking a new library (an edit,
//! undo, a reload), prices arriving for new members, and what the outcome
//! of a save does to them.

use std::collections::BTreeSet;

use super::{AppState, Work, default_pair};
use crate::domain::edit::{History, Library};
use crate::domain::{PriceBook, Symbol};
use crate::tui::effect::Effect;
use crate::tui::jobs::{Job, JobKind};
use crate::tui::overlay::Overlay;
use crate::tui::overlay::conflict::ConflictPrompt;

impl AppState {
    /// The editable data as it is now.
    pub fn library(&self) -> Library {
        Library {
            baskets: self.baskets.clone(),
            watchlist: self.watchlist.clone(),
        }
    }

    /// Takes `library` as the baskets and watchlist on screen and
    /// recomputes everything that depends on them.
    pub fn set_library(&mut self, library: Library) {
        self.baskets = library.baskets;
        self.watchlist = library.watchlist;
        self.watchlist.sort();
        self.recompute();
        self.event_row = self
            .event_row
            .min(self.watchlist.events.len().saturating_sub(1));
    }

    /// Recomputes the analysis with the same inputs; a pair naming a basket
    /// that no longer exists falls back to the default pair.
    fn recompute(&mut self) {
        let mut request = self.request.clone();
        if !request
            .pair
            .iter()
            .all(|id| self.baskets.iter().any(|b| &b.id == id))
        {
            request.pair = default_pair(&self.baskets, request.pair.clone());
        }
        if let Err(reason) = self.set_request(request) {
            self.analysis = None;
            self.catalysts = None;
            self.set_message(format!("nothing to compute: {reason}"), true);
        }
        self.basket_tab = self.basket_tab.min(self.baskets.len().saturating_sub(1));
    }

    /// Members whose prices are not in the book yet (added since the
    /// session opened): the run loop loads them.
    pub fn missing_prices(&self) -> Vec<Symbol> {
        let symbols: BTreeSet<&Symbol> = self
            .baskets
            .iter()
            .flat_map(|b| b.members.iter().map(|m| &m.symbol))
            .filter(|s| !self.book.series.contains_key(*s))
            .filter(|s| !self.book.problems.iter().any(|(known, _)| known == *s))
            .filter(|s| !self.work.iter().any(|w| w.symbols.contains(s)))
            .collect();
        symbols.into_iter().cloned().collect()
    }

    /// Asks the worker for the prices of members not in the book yet.
    pub fn load_missing(&mut self) -> Option<Effect> {
        let missing = self.missing_prices();
        (!missing.is_empty()).then(|| self.start(Job::LoadPrices(missing)))
    }

    /// Notes `job` as under way (the status bar shows it) and asks for it.
    pub fn start(&mut self, job: Job) -> Effect {
        self.work.push(Work {
            label: job.label(),
            symbols: job.symbols().to_vec(),
            done: 0,
            total: job.units(),
            kind: job.kind(),
            now: None,
        });
        Effect::Start(job)
    }

    /// What a job that writes the cache (a fetch or an import) is doing,
    /// if one is under way: only one may write at a time.
    pub fn writing_cache(&self) -> Option<String> {
        self.work
            .iter()
            .find(|w| matches!(w.kind, JobKind::Fetch | JobKind::Import))
            .map(|w| w.now.clone().unwrap_or_else(|| w.label.clone()))
    }

    /// The job of `kind` under way has ended: the status bar drops it.
    pub fn end_work(&mut self, kind: JobKind) {
        if let Some(i) = self.work.iter().position(|w| w.kind == kind) {
            self.work.remove(i);
        }
    }

    /// Adds freshly loaded prices to the book (replacing a symbol's older
    /// series, e.g. after a fetch) and recomputes. An as-of date at the
    /// latest data follows the new latest, as does the demo's date once no
    /// demo series is left; a replay stays where it is.
    pub fn merge_prices(&mut self, book: PriceBook) {
        if book.series.is_empty() && book.problems.is_empty() {
            return;
        }
        let was_demo = self.book.has_demo();
        let was_latest = !self.is_replay();
        self.book
            .problems
            .retain(|(symbol, _)| !book.series.contains_key(symbol));
        self.book.series.extend(book.series);
        self.book.problems.extend(book.problems);
        self.prices_generation += 1;
        self.data_dates = super::data_dates(&self.book);
        self.source.demo = self.book.has_demo();
        if was_latest || (was_demo && !self.source.demo) {
            self.request.as_of = self.latest().or(self.request.as_of);
        }
        let message = self.message.clone();
        self.recompute();
        if self.message.as_ref().is_none_or(|m| !m.error) {
            self.message = message;
        }
    }

    /// The save of the last edit succeeded: its history entry stays.
    pub fn save_succeeded(&mut self, files: &str) {
        self.edit.rollback = None;
        if let Some(message) = &mut self.message
            && !message.error
            && !files.is_empty()
        {
            message.text.push_str(&format!(" · saved {files}"));
        }
    }

    /// The save failed: the library and the history go back to `before`
    /// and the error is shown.
    pub fn save_failed(&mut self, before: Library, error: String) {
        self.revert(before);
        self.set_message(format!("not saved, nothing changed: {error}"), true);
    }

    /// The save failed after writing some of the edit's files: the screen
    /// takes the files as they are now on disk.
    pub fn save_partly_failed(&mut self, on_disk: Library, error: String) {
        self.revert(on_disk);
        self.set_message(
            format!("partly saved: {error}; the screen shows the files as they are now"),
            true,
        );
    }

    /// The save found a file changed outside: back to `before`, and the
    /// prompt asks whether to reload theirs or keep mine.
    pub fn save_conflicted(&mut self, before: Library, prompt: ConflictPrompt) {
        self.revert(before);
        self.open_prompt(prompt);
    }

    fn revert(&mut self, before: Library) {
        if let Some(history) = self.edit.rollback.take() {
            self.edit.history = history;
        }
        self.set_library(before);
    }

    /// Opens the "changed outside" prompt (over a form, if one was open).
    pub fn open_prompt(&mut self, prompt: ConflictPrompt) {
        // The line under the prompt shows its keys, not an older message.
        self.message = None;
        self.overlay = Overlay::Conflict(prompt);
    }

    /// "Reload theirs" done: the disk's library is on screen; the history
    /// is cleared (undoing would write the old snapshots over theirs).
    pub fn reloaded(&mut self, library: Library, problems: &[String]) {
        self.edit.history = History::new();
        self.edit.rollback = None;
        self.edit.dismissed.clear();
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
    pub fn kept_mine(&mut self, after: Library, label: Option<String>, files: &str) {
        if let Some(label) = label {
            self.edit.history.record(label, self.library());
        }
        self.edit.dismissed.clear();
        self.set_library(after);
        self.set_message(format!("kept yours: wrote {files}"), false);
    }
}
