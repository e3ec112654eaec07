//! Snapshots of editing on the demo: the add-member input with its
//! candidates, and the "changed outside" prompt, at 160×48 and 80×24.

mod tui_support;

use std::path::PathBuf;

use spillover::store::Layout;
use spillover::tui::AppState;
use spillover::tui::outcome::Outcome;
use spillover::tui::overlay::conflict::{ConflictPrompt, Pending};
use spillover::tui::update::update;
use tui_support::{ch, demo_state, press, screen, type_text};

/// The domestic chain shown, `a` pressed and `innol` typed.
fn adding_innolight() -> AppState {
    let mut state = demo_state();
    press(&mut state, &[ch('1'), ch('l'), ch('a')]);
    type_text(&mut state, "innol");
    state
}

/// A save of na-chain found the file changed outside.
fn conflict() -> AppState {
    let mut state = demo_state();
    let layout = Layout::new("/data");
    let path: PathBuf = layout.root().join("baskets").join("na-chain.toml");
    let pending = Pending {
        label: "remove 300308.SZ from na-chain".into(),
        after: state.library(),
    };
    // The save's outcome opens the prompt, as the run loop hands it over.
    let prompt = ConflictPrompt::new(&layout, vec![path], Some(pending));
    let before = state.library();
    update(&mut state, Outcome::SaveConflicted { before, prompt });
    state
}

#[test]
fn add_member_with_candidates_160x48() {
    insta::assert_snapshot!(screen(&adding_innolight(), 160, 48));
}

#[test]
fn add_member_with_candidates_80x24() {
    insta::assert_snapshot!(screen(&adding_innolight(), 80, 24));
}

#[test]
fn add_member_with_several_candidates_80x24() {
    let mut state = demo_state();
    press(&mut state, &[ch('1'), ch('a')]);
    type_text(&mut state, "tech");
    insta::assert_snapshot!(screen(&state, 80, 24));
}

#[test]
fn conflict_prompt_160x48() {
    insta::assert_snapshot!(screen(&conflict(), 160, 48));
}

#[test]
fn conflict_prompt_80x24() {
    insta::assert_snapshot!(screen(&conflict(), 80, 24));
}

#[test]
fn record_outcome_form_160x48() {
    let mut state = demo_state();
    // Tencent's March results: reported before the demo's as-of date.
    press(&mut state, &[ch('4'), ch('k'), ch('r')]);
    type_text(&mut state, "第一行 first line");
    insta::assert_snapshot!(screen(&state, 160, 48));
}
