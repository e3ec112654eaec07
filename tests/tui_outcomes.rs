//! `update` applying the outcome of each effect: what a save, a reload, an
//! outside change, a job's progress and loaded prices do to the state.
//! Outcomes are fed by hand, as the run loop would after carrying out the
//! effect.

mod tui_support;

use std::path::PathBuf;

use spillover::domain::edit::Library;
use spillover::domain::{PriceBook, PriceSeries, Symbol};
use spillover::store::Layout;
use spillover::store::demo::demo_prices;
use spillover::tui::AppState;
use spillover::tui::action::Action;
use spillover::tui::effect::Effect;
use spillover::tui::jobs::Job;
use spillover::tui::outcome::{JobId, JobReport, Outcome};
use spillover::tui::overlay::Overlay;
use spillover::tui::overlay::conflict::{ConflictPrompt, Pending};
use spillover::tui::state::{Mode, Opening};
use spillover::tui::update::update;
use tui_support::{ch, demo_state, press, screen};

/// The demo with the first member of the shown basket removed by `d`:
/// the screen shows the edit and a save is asked for.
fn after_a_removal() -> (AppState, Library, Library) {
    let mut state = demo_state();
    let before = state.library();
    let effects = press(&mut state, &[ch('1'), ch('d')]);
    let [Effect::Save { after, .. }] = effects.as_slice() else {
        panic!("a save: {effects:?}");
    };
    assert_ne!(&before, after);
    (state, before, after.clone())
}

fn na_chain_file() -> (Layout, PathBuf) {
    let layout = Layout::new("/data");
    let path = layout.root().join("baskets").join("na-chain.toml");
    (layout, path)
}

#[test]
fn saved_keeps_the_edit_and_names_the_files() {
    let (mut state, _, after) = after_a_removal();
    let effects = update(
        &mut state,
        Outcome::Saved {
            files: "baskets/na-chain.toml".into(),
        },
    );
    assert!(effects.is_empty());
    assert_eq!(state.library(), after);
    assert!(state.edit().history.can_undo());
    assert!(state.edit().rollback.is_none());
    let message = state.message().cloned().expect("a message");
    assert!(
        message.text.ends_with(" · saved baskets/na-chain.toml"),
        "{message:?}"
    );
}

#[test]
fn save_conflicted_goes_back_and_asks() {
    let (mut state, before, after) = after_a_removal();
    let (layout, path) = na_chain_file();
    let pending = Pending {
        label: "remove".into(),
        after,
    };
    let prompt = ConflictPrompt::new(&layout, vec![path], Some(pending));
    update(
        &mut state,
        Outcome::SaveConflicted {
            before: before.clone(),
            prompt: prompt.clone(),
        },
    );
    assert_eq!(state.library(), before);
    assert_eq!(state.mode(), Mode::Conflict);
    assert_eq!(*state.overlay(), Overlay::Conflict(prompt));
    assert!(
        !state.edit().history.can_undo(),
        "the edit is not in the history"
    );
}

#[test]
fn save_failed_puts_everything_back() {
    let (mut state, before, _) = after_a_removal();
    update(
        &mut state,
        Outcome::SaveFailed {
            before: before.clone(),
            error: "disk full".into(),
        },
    );
    assert_eq!(state.library(), before);
    assert!(!state.edit().history.can_undo());
    let message = state.message().cloned().expect("a message");
    assert!(message.error);
    assert_eq!(message.text, "not saved, nothing changed: disk full");
}

#[test]
fn save_partly_failed_shows_the_disk() {
    let (mut state, _, _) = after_a_removal();
    let mut on_disk = state.library();
    on_disk.baskets.pop();
    update(
        &mut state,
        Outcome::SavePartlyFailed {
            on_disk: on_disk.clone(),
            error: "no space".into(),
        },
    );
    assert_eq!(state.library().baskets.len(), on_disk.baskets.len());
    let message = state.message().cloned().expect("a message");
    assert!(
        message.text.starts_with("partly saved: no space"),
        "{message:?}"
    );
}

#[test]
fn kept_mine_and_its_failure() {
    let (mut state, _, after) = after_a_removal();
    update(
        &mut state,
        Outcome::KeptMine {
            after: after.clone(),
            label: None,
            files: "baskets/na-chain.toml".into(),
        },
    );
    assert_eq!(state.library(), after);
    assert_eq!(
        state.message().cloned().map(|m| m.text),
        Some("kept yours: wrote baskets/na-chain.toml".into())
    );
    update(
        &mut state,
        Outcome::KeepMineFailed {
            error: "read-only".into(),
        },
    );
    assert_eq!(
        state.message().cloned().map(|m| m.text),
        Some("not saved: read-only".into())
    );
}

#[test]
fn reloaded_takes_the_disk_clears_the_history_and_asks_for_new_prices() {
    let (mut state, mut library, _) = after_a_removal();
    // Someone added a member we have no prices for.
    let mut member = library.baskets[0].members[0].clone();
    member.symbol = Symbol::parse("399999.SZ").expect("a symbol");
    library.baskets[0].members.push(member);
    let effects = update(
        &mut state,
        Outcome::Reloaded {
            library: library.clone(),
            problems: Vec::new(),
        },
    );
    assert_eq!(
        state.library().baskets[0].members.len(),
        library.baskets[0].members.len()
    );
    assert!(!state.edit().history.can_undo());
    assert_eq!(
        state.message().cloned().map(|m| m.text),
        Some("reloaded from disk (undo history cleared)".into())
    );
    let wanted = vec![Symbol::parse("399999.SZ").expect("a symbol")];
    assert!(
        matches!(effects.as_slice(), [Effect::Start(_, Job::LoadPrices(symbols))] if *symbols == wanted),
        "{effects:?}"
    );
    assert_eq!(state.work().len(), 1, "the status bar says it loads");
    // Asked once: another change does not ask again while it loads.
    assert!(state.missing_prices().is_empty());
}

#[test]
fn an_outside_change_asks_unless_something_is_open_or_it_was_left_alone() {
    let (layout, path) = na_chain_file();
    let prompt = ConflictPrompt::new(&layout, vec![path.clone()], None);
    let mut state = demo_state();
    press(&mut state, &[ch('?')]);
    update(&mut state, Outcome::OutsideChange(prompt.clone()));
    assert_eq!(state.mode(), Mode::Help, "help stays open");

    // Left alone once (Esc at the prompt), it is not asked about again.
    let mut state = demo_state();
    update(&mut state, Outcome::OutsideChange(prompt.clone()));
    update(&mut state, Action::Close);
    assert!(state.edit().dismissed.contains(&path));
    update(&mut state, Outcome::OutsideChange(prompt.clone()));
    assert_eq!(state.mode(), Mode::Normal, "left alone before");

    let mut state = demo_state();
    update(&mut state, Outcome::OutsideChange(prompt.clone()));
    assert_eq!(*state.overlay(), Overlay::Conflict(prompt));
}

/// The demo's data dir before its prices arrived, and the book they make.
fn waiting_for_prices() -> (AppState, PriceBook) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let ws =
        spillover::store::Workspace::open_without_prices(dir.path().to_path_buf()).expect("opens");
    let state = AppState::opening(ws, Vec::new(), Opening::default());
    let book = PriceBook {
        series: demo_prices()
            .into_iter()
            .map(|(symbol, table)| (symbol, PriceSeries::from_table(&table)))
            .collect(),
        problems: Vec::new(),
    };
    (state, book)
}

#[test]
fn progress_and_prices_loaded_open_the_workstation_as_before() {
    let (mut state, book) = waiting_for_prices();
    let effects = update(&mut state, spillover::tui::action::Msg::Open);
    let [Effect::Start(id, Job::LoadPrices(symbols))] = effects.as_slice() else {
        panic!("a load: {effects:?}");
    };
    let n = symbols.len();
    assert!(screen(&state, 120, 30).contains(&format!("loading {n} symbols")));
    let id = *id;
    update(
        &mut state,
        Outcome::Job(id, JobReport::Progress { done: 3, total: n }),
    );
    assert!(screen(&state, 120, 30).contains(&format!("loading {n} symbols 3/{n}")));
    let effects = update(&mut state, Outcome::Job(id, JobReport::PricesLoaded(book)));
    assert!(effects.is_empty());
    assert!(state.work().is_empty());
    // As a session opened with its prices: the demo at the note's date,
    // the same screen.
    let demo = demo_state();
    assert_eq!(state.as_of(), demo.as_of());
    assert_eq!(state.request(), demo.request());
    assert_eq!(state.event_row(), demo.event_row());
    let text = screen(&state, 160, 48);
    assert!(!text.contains("loading"), "{text}");
    assert_eq!(text.lines().nth(2), screen(&demo, 160, 48).lines().nth(2));
}

#[test]
fn prices_loaded_later_join_the_book() {
    let mut state = demo_state();
    let symbol = Symbol::parse("399999.SZ").expect("a symbol");
    let series = state
        .book()
        .series
        .values()
        .next()
        .expect("a series")
        .clone();
    let mut book = PriceBook::default();
    book.series.insert(symbol.clone(), series);
    let analysis_before = state.analysis().cloned().map(|a| a.window);
    // Prices no job under way asked for still join the book.
    update(
        &mut state,
        Outcome::Job(JobId(99), JobReport::PricesLoaded(book)),
    );
    assert!(state.book().series.contains_key(&symbol));
    assert_eq!(state.analysis().map(|a| a.window), analysis_before);
}
