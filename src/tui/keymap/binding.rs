//! What one row of the keymap is: keys, the scope they act in, the action
//! and its help text; and the scopes and key groups the tables share.

use crossterm::event::KeyCode;

use super::key::{Key, ch, code, ctrl};
use crate::tui::action::Action;
use crate::tui::state::{Mode, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Normal mode, whichever pane has focus (a pane's own binding wins).
    Global,
    /// Normal mode, this pane focused.
    Pane(Pane),
    /// An input or overlay mode (filter, command line, help, detail).
    Mode(Mode),
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Pane(pane) => pane.title(),
            Scope::Mode(Mode::Filter) => "Filter input (/)",
            Scope::Mode(Mode::Command) => "Command line (:)",
            Scope::Mode(Mode::Help) => "Help (?)",
            Scope::Mode(Mode::Detail) => "Event detail",
            Scope::Mode(Mode::Events) => "Event study (E)",
            Scope::Mode(Mode::Normal) => "Normal",
            Scope::Mode(Mode::Form) => "Form (add, edit)",
            Scope::Mode(Mode::Text) => "Multi-line text",
            Scope::Mode(Mode::ConfirmClose) => "Unsaved changes (Esc in a changed form)",
            Scope::Mode(Mode::Conflict) => "File changed outside",
            Scope::Mode(Mode::Problems) => "Problems (after F or :import)",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Shown on the key-hint line when its scope is active.
    pub hint: bool,
}

impl Binding {
    /// The keys as the help screen writes them: `j ↓`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

pub(crate) const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint: false,
    }
}

pub(crate) const fn hint(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint: true,
    }
}

pub(crate) const G: Scope = Scope::Global;
pub(crate) const BASKETS: Scope = Scope::Pane(Pane::Baskets);
pub(crate) const CHART: Scope = Scope::Pane(Pane::Chart);
pub(crate) const SCATTER: Scope = Scope::Pane(Pane::Scatter);
pub(crate) const WATCH: Scope = Scope::Pane(Pane::Watchlist);
pub(crate) const FILTER: Scope = Scope::Mode(Mode::Filter);
pub(crate) const COMMAND: Scope = Scope::Mode(Mode::Command);
pub(crate) const HELP: Scope = Scope::Mode(Mode::Help);
pub(crate) const DETAIL: Scope = Scope::Mode(Mode::Detail);
pub(crate) const EVENTS: Scope = Scope::Mode(Mode::Events);
pub(crate) const FAILURES: Scope = Scope::Mode(Mode::Problems);

pub(crate) const DOWN: &[Key] = &[ch('j'), code(KeyCode::Down)];
pub(crate) const UP: &[Key] = &[ch('k'), code(KeyCode::Up)];
pub(crate) const PAGE_DOWN: &[Key] = &[code(KeyCode::PageDown), ctrl('d')];
pub(crate) const PAGE_UP: &[Key] = &[code(KeyCode::PageUp), ctrl('u')];
pub(crate) const TOP: &[Key] = &[ch('g'), code(KeyCode::Home)];
pub(crate) const BOTTOM: &[Key] = &[ch('G'), code(KeyCode::End)];
pub(crate) const PAN_BACK: &[Key] = &[ch('h'), code(KeyCode::Left)];
pub(crate) const PAN_FORWARD: &[Key] = &[ch('l'), code(KeyCode::Right)];
