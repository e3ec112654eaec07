//! Performing what `update` asked for: saving the library, loading prices,
//! reloading after an outside change, and noticing such changes while
//! idle. The only place the workstation writes files.

use crate::store::{Fingerprints, SaveError, SaveReport, Store};
use crate::tui::edit::conflict::{ConflictPrompt, Pending, keep_mine, part_of, short_name};
use crate::tui::state::{AppState, Mode};
use crate::tui::update::Effect;

/// The data dir the session edits, and what its files held when last
/// read or written (to notice changes by others).
#[derive(Debug, Clone)]
pub struct Disk {
    pub store: Store,
    pub prints: Fingerprints,
}

/// Performs `effects` in order; true when one of them is to quit. Without
/// a disk (tests of the screen alone) edits stay in memory.
pub fn perform(state: &mut AppState, mut disk: Option<&mut Disk>, effects: Vec<Effect>) -> bool {
    for effect in effects {
        match (effect, disk.as_deref_mut()) {
            (Effect::Quit, _) => return true,
            (Effect::Save { .. }, None) => state.save_succeeded(""),
            (
                Effect::Save {
                    label,
                    before,
                    after,
                },
                Some(disk),
            ) => save(state, disk, label, before, after),
            (Effect::LoadPrices(symbols), Some(disk)) => {
                state.merge_prices(disk.store.load_prices(&symbols));
            }
            (Effect::Reload, Some(disk)) => reload(state, disk),
            (Effect::KeepMine { mine, paths, label }, Some(disk)) => {
                let (theirs, _, _) = disk.store.load_library();
                let layout = disk.store.layout();
                let parts: Vec<_> = paths.iter().filter_map(|p| part_of(layout, p)).collect();
                let (base, after) = keep_mine(&state.library(), &mine, &theirs, &parts);
                disk.store.acknowledge(&mut disk.prints, &paths);
                match disk.store.save_library(&base, &after, &mut disk.prints) {
                    Ok(report) => {
                        let files = files(&disk.store, &report);
                        state.kept_mine(after, label, &files);
                        load_missing(state, disk);
                    }
                    Err(e) => state.set_message(format!("not saved: {e}"), true),
                }
            }
            (Effect::LoadPrices(_) | Effect::Reload | Effect::KeepMine { .. }, None) => {}
        }
    }
    false
}

fn save(
    state: &mut AppState,
    disk: &mut Disk,
    label: String,
    before: crate::domain::edit::Library,
    after: crate::domain::edit::Library,
) {
    match disk.store.save_library(&before, &after, &mut disk.prints) {
        Ok(report) => state.save_succeeded(&files(&disk.store, &report)),
        Err(SaveError::Conflict { paths }) => {
            let pending = Pending { label, after };
            let prompt = ConflictPrompt::new(disk.store.layout(), paths, Some(pending));
            state.save_conflicted(before, prompt);
        }
        Err(e) => {
            // An edit that touches several files (a move, a rename) may fail
            // after some of them were written: then the screen shows the
            // files as they are, never a state that is nowhere on disk.
            let (on_disk, _, _) = disk.store.load_library();
            if same_content(&on_disk, &before) {
                state.save_failed(before, e.to_string());
            } else {
                state.save_partly_failed(on_disk, e.to_string());
                load_missing(state, disk);
            }
        }
    }
}

/// The same baskets and events, whatever the order of the baskets.
fn same_content(a: &crate::domain::edit::Library, b: &crate::domain::edit::Library) -> bool {
    let by_id = |l: &crate::domain::edit::Library| {
        let mut baskets = l.baskets.clone();
        baskets.sort_by(|x, y| x.id.cmp(&y.id));
        baskets
    };
    by_id(a) == by_id(b) && a.watchlist == b.watchlist
}

fn reload(state: &mut AppState, disk: &mut Disk) {
    let (library, prints, errors) = disk.store.load_library();
    disk.prints = prints;
    let problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
    state.reloaded(library, &problems);
    load_missing(state, disk);
}

fn load_missing(state: &mut AppState, disk: &Disk) {
    let missing = state.missing_prices();
    if !missing.is_empty() {
        state.merge_prices(disk.store.load_prices(&missing));
    }
}

/// The files a save touched, as the user names them.
fn files(store: &Store, report: &SaveReport) -> String {
    let layout = store.layout();
    let mut names: Vec<String> = report
        .written
        .iter()
        .map(|p| short_name(layout, p))
        .collect();
    names.extend(
        report
            .removed
            .iter()
            .map(|p| format!("removed {}", short_name(layout, p))),
    );
    names.join(", ")
}

/// While idle: a file changed outside (and not already left alone by the
/// user) opens the prompt. Never while a form or prompt is open.
pub fn notice_outside_changes(state: &mut AppState, disk: &Disk) {
    if !matches!(state.mode, Mode::Normal) {
        return;
    }
    let changed: Vec<_> = disk
        .store
        .changed_on_disk(&disk.prints)
        .into_iter()
        .filter(|p| !state.edit.dismissed.contains(p))
        .collect();
    if !changed.is_empty() {
        let prompt = ConflictPrompt::new(disk.store.layout(), changed, None);
        state.open_prompt(prompt);
    }
}
