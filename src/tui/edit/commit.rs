//! Applying edits to the workstation: the library changes, the analysis is
//! recomputed at once, the history records it and a save is asked of the
//! run loop. The results of that save come back here: success, failure
//! (everything goes back to before) or a conflict (the prompt opens).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::conflict::{ConflictPrompt, Pending};
use crate::domain::PriceBook;
use crate::domain::Symbol;
use crate::domain::edit::{Edit, EditError, History, Library, apply};
use crate::tui::action::Action;
use crate::tui::state::{AppState, Mode, default_pair};
use crate::tui::update::Effect;

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
            .collect();
        symbols.into_iter().cloned().collect()
    }

    /// Adds freshly loaded prices to the book and recomputes.
    pub fn merge_prices(&mut self, book: PriceBook) {
        if book.series.is_empty() && book.problems.is_empty() {
            return;
        }
        self.book.series.extend(book.series);
        self.book.problems.extend(book.problems);
        let dates: BTreeSet<NaiveDate> = self
            .book
            .series
            .values()
            .flat_map(|s| s.dates.iter().copied())
            .collect();
        self.data_dates = dates.into_iter().collect();
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

    pub fn open_prompt(&mut self, prompt: ConflictPrompt) {
        // The line under the prompt shows its keys, not an older message.
        self.message = None;
        self.edit.form = None;
        self.edit.prompt = Some(prompt);
        self.mode = Mode::Conflict;
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
    state.edit.rollback = Some(state.edit.history.clone());
    state.edit.history.record(label.clone(), before.clone());
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
    let missing = state.missing_prices();
    if !missing.is_empty() {
        effects.push(Effect::LoadPrices(missing));
    }
    effects
}

/// Undoes the last edit of the session (and saves).
pub fn undo(state: &mut AppState) -> Vec<Effect> {
    let current = state.library();
    let saved = state.edit.history.clone();
    match state.edit.history.undo(&current) {
        Some((label, before)) => {
            state.edit.rollback = Some(saved);
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
    let saved = state.edit.history.clone();
    match state.edit.history.redo(&current) {
        Some((label, after)) => {
            state.edit.rollback = Some(saved);
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
    let Some(prompt) = state.edit.prompt.clone() else {
        state.mode = Mode::Normal;
        return Vec::new();
    };
    let effect = match action {
        Action::ReloadTheirs => Effect::Reload,
        Action::KeepMine => Effect::KeepMine {
            mine: pending_or_current(state, prompt.pending.as_ref()),
            paths: prompt.paths.clone(),
            label: prompt.pending.as_ref().map(|p| p.label.clone()),
        },
        Action::Close => {
            state.edit.dismissed.extend(prompt.paths.iter().cloned());
            state.set_message(
                format!(
                    "left as they are: {} (yours is on screen; the next save of it asks again)",
                    prompt.names.join(", ")
                ),
                false,
            );
            state.edit.prompt = None;
            state.mode = Mode::Normal;
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    state.edit.prompt = None;
    state.mode = Mode::Normal;
    vec![effect]
}
