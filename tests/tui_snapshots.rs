//! Snapshots of the workstation on the demo data, at 80×24 and 160×48:
//! the whole screen, each of our panes maximised, help and event detail.
//! The demo prices are deterministic and the as-of date fixed, so nothing
//! on screen changes between runs and no masking is needed.

mod tui_support;

use crossterm::event::KeyCode;
use tui_support::{ch, demo_state, key, press, screen};

fn after(keys: &[crossterm::event::KeyEvent], width: u16, height: u16) -> String {
    let mut state = demo_state();
    press(&mut state, keys);
    screen(&state, width, height)
}

#[test]
fn whole_screen_160x48() {
    insta::assert_snapshot!(screen(&demo_state(), 160, 48));
}

#[test]
fn whole_screen_80x24() {
    insta::assert_snapshot!(screen(&demo_state(), 80, 24));
}

#[test]
fn baskets_pane_160x48() {
    insta::assert_snapshot!(after(&[ch('1'), ch('z')], 160, 48));
}

#[test]
fn baskets_pane_80x24() {
    insta::assert_snapshot!(after(&[ch('1'), ch('z')], 80, 24));
}

#[test]
fn baskets_pane_sorted_by_window_return_descending_80x24() {
    // file order → symbol → … → window (10 steps), then flip to descending.
    let mut keys = vec![ch('z')];
    keys.extend(std::iter::repeat_n(ch('s'), 10));
    keys.push(ch('S'));
    insta::assert_snapshot!(after(&keys, 80, 24));
}

#[test]
fn watchlist_pane_160x48() {
    insta::assert_snapshot!(after(&[ch('4'), ch('z')], 160, 48));
}

#[test]
fn watchlist_pane_80x24() {
    insta::assert_snapshot!(after(&[ch('4'), ch('z')], 80, 24));
}

#[test]
fn chart_pane_with_cursor_160x48() {
    insta::assert_snapshot!(after(&[ch('2'), ch('z'), ch(','), ch(',')], 160, 48));
}

#[test]
fn scatter_pane_80x24() {
    insta::assert_snapshot!(after(&[ch('3'), ch('z')], 80, 24));
}

#[test]
fn help_160x48() {
    insta::assert_snapshot!(after(&[ch('?')], 160, 48));
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(after(&[ch('?')], 80, 24));
}

#[test]
fn event_detail_80x24() {
    insta::assert_snapshot!(after(&[ch('4'), key(KeyCode::Enter)], 80, 24));
}

#[test]
fn command_line_and_error_message_80x24() {
    let mut state = demo_state();
    press(&mut state, &[ch(':')]);
    tui_support::type_text(&mut state, "pair na-chain nowhere hstech");
    let typing = screen(&state, 80, 24);
    press(&mut state, &[key(KeyCode::Enter)]);
    let refused = screen(&state, 80, 24);
    let last = |s: &str| s.lines().last().unwrap_or_default().to_string();
    insta::assert_snapshot!(format!("{}\n{}", last(&typing), last(&refused)));
}
