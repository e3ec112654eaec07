//! The background fetch (`F`, `:fetch [ID]`): starting it (one at a time),
//! its progress on the status bar, and what its summary does: a message,
//! the failures listed over the panes, the written symbols' prices loaded
//! again through the worker (the panes recompute when they arrive).

use crate::domain::BasketId;
use crate::store::fetch::{FetchResult, FetchSummary, members};
use crate::tui::effect::Effect;
use crate::tui::jobs::{Job, JobKind};
use crate::tui::outcome::{JobError, JobId};
use crate::tui::overlay::Problems;
use crate::tui::update::AppState;

/// Starts a fetch of every basket member, or of `basket`'s; refused while
/// one is under way.
pub(super) fn start(state: &mut AppState, basket: Option<&BasketId>) -> Vec<Effect> {
    if let Some(doing) = state.writing_cache() {
        let what = if state.jobs.work.iter().any(|w| w.kind == JobKind::Fetch) {
            "a fetch is already running"
        } else {
            "an import is writing the cache"
        };
        state.set_message(format!("{what} ({doing}); wait for its summary"), true);
        return Vec::new();
    }
    let symbols = match basket {
        None => members(&state.model.baskets),
        Some(id) => members(state.model.baskets.iter().filter(|b| &b.id == id)),
    };
    if symbols.is_empty() {
        state.set_message(
            "nothing to fetch: the baskets have no members (a adds one)",
            true,
        );
        return Vec::new();
    }
    let job = Job::Fetch {
        symbols,
        source: state.model.fetch_source,
    };
    state.set_message(
        format!(
            "{}: the screen stays live; the panes recompute when it is done",
            job.label()
        ),
        false,
    );
    vec![state.start(job)]
}

/// A quit stops a fetch after the symbol under way (its file is written
/// whole or not at all): the last frame says so while it waits.
pub(super) fn quitting(state: &mut AppState) {
    if let Some(work) = state.jobs.work.iter().find(|w| w.kind == JobKind::Fetch) {
        let doing = work.now.clone().unwrap_or_else(|| work.label.clone());
        state.set_message(
            format!("quitting: the fetch stops after the symbol under way ({doing}); nothing is half-written"),
            false,
        );
    }
}

/// The fetch under way is asking for `symbol`, `done` of `total` finished.
pub(super) fn progress(state: &mut AppState, id: JobId, done: usize, total: usize, symbol: &str) {
    if let Some(work) = state.jobs.get_mut(id) {
        work.done = done;
        work.total = total;
        work.now = Some(format!("fetching {}/{total} {symbol}", done + 1));
    }
}

/// The fetch has finished: say what it did, list its failures, and load
/// the prices of the symbols whose files it wrote.
pub(super) fn finished(
    state: &mut AppState,
    id: JobId,
    result: Result<FetchSummary, JobError>,
) -> Vec<Effect> {
    state.end_work(id);
    let summary = match result {
        Ok(summary) => summary,
        Err(reason) => {
            state.set_message(format!("fetch: nothing fetched: {reason}"), true);
            return Vec::new();
        }
    };
    let line = summary_line(&summary);
    let failures: Vec<(String, String)> = summary
        .symbols
        .iter()
        .filter_map(|s| match &s.result {
            FetchResult::Failed { reason } => Some((s.symbol.to_string(), reason.clone())),
            FetchResult::Abandoned { reason } => {
                Some((s.symbol.to_string(), format!("not fetched: {reason}")))
            }
            _ => None,
        })
        .collect();
    if failures.is_empty() {
        state.set_message(line.clone(), false);
    } else {
        state.set_message(format!("{line} (Esc closes the list)"), true);
        let title = format!(
            " Fetch: {} failed{}, their files unchanged (Esc closes, j/k scroll) ",
            summary.failed(),
            not_fetched(&summary)
        );
        state.show_problems(Problems {
            title,
            summary: line,
            rows: failures,
            scroll: 0,
        });
    }
    let written: Vec<_> = summary
        .symbols
        .iter()
        .filter(|s| matches!(&s.result, FetchResult::Ok(f) if f.written))
        .map(|s| s.symbol.clone())
        .collect();
    if written.is_empty() {
        Vec::new()
    } else {
        vec![state.start(Job::LoadPrices(written))]
    }
}

/// "fetched 97 of 99 symbols from yahoo: 12 updated, 83 unchanged, 2 re-based, 2 failed".
pub fn summary_line(summary: &FetchSummary) -> String {
    let (mut updated, mut unchanged, mut rebased) = (0, 0, 0);
    for s in &summary.symbols {
        if let FetchResult::Ok(f) = &s.result {
            if f.rebased.is_some() {
                rebased += 1;
            } else if f.written {
                updated += 1;
            } else {
                unchanged += 1;
            }
        }
    }
    let failed = summary.failed();
    format!(
        "fetched {} of {} symbols from {} up to {}: {updated} updated, {unchanged} unchanged, {rebased} re-based, {failed} failed{}",
        updated + unchanged + rebased,
        summary.symbols.len(),
        summary.source,
        summary.to,
        not_fetched(summary),
    )
}

/// ", 97 not fetched" when the source was unreachable; nothing otherwise.
fn not_fetched(summary: &FetchSummary) -> String {
    match summary.not_fetched() {
        0 => String::new(),
        n => format!(", {n} not fetched"),
    }
}
