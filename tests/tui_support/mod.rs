//! Shared by the TUI tests: the demo workstation, rendering to text, keys.
#![allow(dead_code, reason = "each test file uses a part of the support")]

pub mod recording;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use spillover::domain::{PriceBook, PriceSeries};
use spillover::store::demo::{default_baskets, default_watchlist, demo_prices};
use spillover::tui::AppState;
use spillover::tui::effect::Effect;
use spillover::tui::keymap::action_for;
use spillover::tui::theme::{Theme, ThemeName};
use spillover::tui::update::update;
use spillover::tui::view;

/// The workstation on the embedded default: demo prices, opened at the
/// research note's date.
pub fn demo_state() -> AppState {
    let book = PriceBook {
        series: demo_prices()
            .into_iter()
            .map(|(symbol, table)| (symbol, PriceSeries::from_table(&table)))
            .collect(),
        problems: Vec::new(),
    };
    AppState::new(
        default_baskets(),
        book,
        default_watchlist(),
        "demo data".into(),
    )
}

pub fn theme() -> Theme {
    Theme::new(ThemeName::Dark, false)
}

/// The screen as text, one line per row; a wide character's second cell
/// is skipped so Chinese names read as they look.
pub fn screen(state: &AppState, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    view::render(area, &mut buf, state, &theme());
    buffer_text(&buf)
}

pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Presses keys as the run loop would; returns the effects of the last.
pub fn press(state: &mut AppState, keys: &[KeyEvent]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys {
        effects = match action_for(state.mode(), state.focus(), k) {
            Some(action) => update(state, action),
            None => Vec::new(),
        };
    }
    effects
}

/// Types text into the open input, one key per character.
pub fn type_text(state: &mut AppState, text: &str) {
    let keys: Vec<KeyEvent> = text.chars().map(ch).collect();
    press(state, &keys);
}
