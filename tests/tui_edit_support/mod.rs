//! Shared by the editing tests: a workstation on a real data dir (the
//! embedded default installed into a temporary dir), driven by keys, with
//! every effect performed as the run loop does.
#![allow(dead_code, reason = "each test file uses a part of the support")]

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use spillover::domain::BasketId;
use spillover::store::Workspace;
use spillover::tui::AppState;
use spillover::tui::disk::Disk;
use spillover::tui::keymap::action_for;
use spillover::tui::run::perform;
use spillover::tui::update::update;
use tempfile::TempDir;

/// A session on its own data dir.
pub struct Session {
    pub dir: TempDir,
    pub state: AppState,
    pub disk: Disk,
}

/// Opens the workstation on `root` as `spillover` does.
pub fn open_at(root: PathBuf) -> (AppState, Disk) {
    let ws = Workspace::open(root).expect("the data dir opens");
    let disk = Disk {
        store: ws.store.clone(),
        prints: ws.prints.clone(),
    };
    let cached = ws.store.cached_symbols().0;
    let state = AppState::from_workspace(ws).with_cached(cached);
    (state, disk)
}

impl Session {
    /// A fresh data dir with the embedded default (demo prices, as of
    /// 2025-05-07).
    pub fn new() -> Session {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (state, disk) = open_at(dir.path().to_path_buf());
        Session { dir, state, disk }
    }

    /// The same data dir opened again: what a restart shows.
    pub fn restart(&self) -> AppState {
        open_at(self.dir.path().to_path_buf()).0
    }

    pub fn basket_file(&self, id: &str) -> PathBuf {
        self.dir.path().join("baskets").join(format!("{id}.toml"))
    }

    pub fn watchlist_file(&self) -> PathBuf {
        self.dir.path().join("watchlist.toml")
    }

    pub fn read(&self, path: &PathBuf) -> String {
        std::fs::read_to_string(path).expect("the file exists")
    }

    /// Presses keys; each action's effects are performed before the next.
    pub fn press(&mut self, keys: &[KeyEvent]) {
        for k in keys {
            if let Some(action) = action_for(self.state.mode(), self.state.focus(), k) {
                let effects = update(&mut self.state, action);
                perform(&mut self.state, Some(&mut self.disk), effects);
            }
        }
    }

    pub fn type_text(&mut self, text: &str) {
        let keys: Vec<KeyEvent> = text.chars().map(ch).collect();
        self.press(&keys);
    }

    /// Shows basket `id` in the baskets pane (focus 1, then tabs).
    pub fn show_basket(&mut self, id: &str) {
        self.press(&[ch('1')]);
        let target = BasketId::parse(id).expect("an id");
        for _ in 0..self.state.baskets().len() {
            if self.state.baskets()[self.state.basket_tab()].id == target {
                return;
            }
            self.press(&[ch('l')]);
        }
        panic!("no basket {id}");
    }

    /// Selects the member `symbol` in the shown basket (file order).
    pub fn select_member(&mut self, symbol: &str) {
        self.press(&[ch('g')]);
        let basket = &self.state.baskets()[self.state.basket_tab()];
        let at = basket
            .members
            .iter()
            .position(|m| m.symbol.as_str() == symbol)
            .expect("the member is in the basket");
        for _ in 0..at {
            self.press(&[ch('j')]);
        }
    }

    pub fn screen(&self, width: u16, height: u16) -> String {
        screen(&self.state, width, height)
    }
}

// The screen as text and the plain keys are the workstation tests' own.
pub use crate::tui_support::{ch, key, screen};

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}
