//! Text from a hand-edited basket or watchlist file is shown inert in the
//! workstation: an escape sequence or a bidi override appears escaped
//! (`\u{1b}`), never reaches the terminal (issue 9, item 8).

mod tui_support;

use spillover::store::demo::{default_baskets, default_watchlist};
use spillover::tui::AppState;
use tui_support::{demo_state, screen};

#[test]
fn control_characters_in_names_and_notes_are_drawn_escaped() {
    let demo = demo_state();
    let mut baskets = default_baskets();
    baskets[0].name = "NA\u{1b}[31mRED".into();
    baskets[0].members[0].name = "Evil\u{202e}name".into();
    let mut watchlist = default_watchlist();
    for event in &mut watchlist.events {
        event.name = "Ali\u{7}baba".into();
    }
    let state = AppState::new(baskets, demo.book().clone(), watchlist, "demo data".into());
    let text = screen(&state, 200, 50);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'));
    assert!(text.contains("NA\\u{1b}[31mRED"), "{text}");
    // The name column is narrow: the escaped text is cut, never raw.
    assert!(text.contains("Evil\\u{20"), "{text}");
    assert!(text.contains("Ali\\u{7}baba"), "{text}");
}
