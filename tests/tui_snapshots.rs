//! Snapshots of the workstation on the demo data, at 80×24 and 160×48.

mod tui_support;

use tui_support::{ch, demo_state, key, press, screen};
use crossterm::event::KeyCode;

#[test]
fn whole_screen_160x48() {
    insta::assert_snapshot!(screen(&demo_state(), 160, 48));
}

#[test]
fn whole_screen_80x24() {
    insta::assert_snapshot!(screen(&demo_state(), 80, 24));
}
