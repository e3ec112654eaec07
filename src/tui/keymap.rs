//! Keys → [`Action`]s, per mode and focused pane, as one table of data.
//! The help screen and the key-hint line read the same table, so they can
//! never drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::edit::keys::EDIT_BINDINGS;
pub use super::key::{Key, ch, code, ctrl, shift};
use super::state::{Mode, Pane};

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
            Scope::Mode(Mode::Normal) => "Normal",
            Scope::Mode(Mode::Form) => "Form (add, edit)",
            Scope::Mode(Mode::Text) => "Multi-line text",
            Scope::Mode(Mode::Conflict) => "File changed outside",
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
const CHART: Scope = Scope::Pane(Pane::Chart);
const SCATTER: Scope = Scope::Pane(Pane::Scatter);
pub(crate) const WATCH: Scope = Scope::Pane(Pane::Watchlist);
const FILTER: Scope = Scope::Mode(Mode::Filter);
const COMMAND: Scope = Scope::Mode(Mode::Command);
const HELP: Scope = Scope::Mode(Mode::Help);
const DETAIL: Scope = Scope::Mode(Mode::Detail);

const DOWN: &[Key] = &[ch('j'), code(KeyCode::Down)];
const UP: &[Key] = &[ch('k'), code(KeyCode::Up)];
const PAGE_DOWN: &[Key] = &[code(KeyCode::PageDown), ctrl('d')];
const PAGE_UP: &[Key] = &[code(KeyCode::PageUp), ctrl('u')];
const TOP: &[Key] = &[ch('g'), code(KeyCode::Home)];
const BOTTOM: &[Key] = &[ch('G'), code(KeyCode::End)];
const PAN_BACK: &[Key] = &[ch('h'), code(KeyCode::Left)];
const PAN_FORWARD: &[Key] = &[ch('l'), code(KeyCode::Right)];

/// Every binding of the workstation.
pub static BINDINGS: &[Binding] = &[
    // Everywhere (normal mode).
    hint(G, &[ch('q'), ctrl('c')], Action::Quit, "quit"),
    hint(G, &[code(KeyCode::Tab)], Action::FocusNext, "next pane"),
    bind(
        G,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "previous pane",
    ),
    bind(
        G,
        &[ch('1')],
        Action::Focus(Pane::Baskets),
        "focus the baskets pane",
    ),
    bind(
        G,
        &[ch('2')],
        Action::Focus(Pane::Chart),
        "focus the index chart",
    ),
    bind(
        G,
        &[ch('3')],
        Action::Focus(Pane::Scatter),
        "focus the scatter",
    ),
    bind(
        G,
        &[ch('4')],
        Action::Focus(Pane::Watchlist),
        "focus the watchlist",
    ),
    hint(
        G,
        &[ch('z')],
        Action::ToggleMaximise,
        "maximise / restore the pane",
    ),
    hint(G, &[ch('?')], Action::OpenHelp, "help: every key"),
    hint(G, &[ch(':')], Action::OpenCommand, "command line"),
    hint(G, &[ch('[')], Action::PrevRange, "shorter range preset"),
    hint(
        G,
        &[ch(']')],
        Action::NextRange,
        "longer range: 1M 3M 6M YTD 1Y 3Y ALL",
    ),
    bind(
        G,
        &[ch('+'), ch('=')],
        Action::ZoomIn,
        "zoom in: halve the window (same end)",
    ),
    bind(
        G,
        &[ch('-')],
        Action::ZoomOut,
        "zoom out: double the window (same end)",
    ),
    hint(
        G,
        &[ch(','), shift(KeyCode::Left)],
        Action::CursorPrev,
        "date cursor to the previous date",
    ),
    hint(
        G,
        &[ch('.'), shift(KeyCode::Right)],
        Action::CursorNext,
        "date cursor to the next date",
    ),
    hint(
        G,
        &[ch('<')],
        Action::AsOfDayBack,
        "as-of date a day back (replay)",
    ),
    hint(
        G,
        &[ch('>')],
        Action::AsOfDayForward,
        "as-of date a day forward",
    ),
    bind(
        G,
        &[ch('{')],
        Action::AsOfWeekBack,
        "as-of date a week back",
    ),
    bind(
        G,
        &[ch('}')],
        Action::AsOfWeekForward,
        "as-of date a week forward",
    ),
    bind(
        G,
        &[ch('0')],
        Action::AsOfLatest,
        "as-of date back to the latest data",
    ),
    hint(
        G,
        &[ch('M')],
        Action::CycleMethod,
        "method: file → equal → cap → custom",
    ),
    bind(
        G,
        &[ch('L')],
        Action::ToggleLog,
        "log / linear scale of the index chart",
    ),
    // Baskets pane.
    bind(BASKETS, DOWN, Action::Down, "next member"),
    bind(BASKETS, UP, Action::Up, "previous member"),
    bind(BASKETS, PAGE_DOWN, Action::PageDown, "a page down"),
    bind(BASKETS, PAGE_UP, Action::PageUp, "a page up"),
    bind(BASKETS, TOP, Action::Top, "first member"),
    bind(BASKETS, BOTTOM, Action::Bottom, "last member"),
    hint(
        BASKETS,
        &[ch('l'), code(KeyCode::Right)],
        Action::NextBasket,
        "next basket",
    ),
    bind(
        BASKETS,
        &[ch('h'), code(KeyCode::Left)],
        Action::PrevBasket,
        "previous basket",
    ),
    hint(
        BASKETS,
        &[ch('s')],
        Action::NextSortColumn,
        "sort by the next column",
    ),
    hint(
        BASKETS,
        &[ch('S')],
        Action::FlipSort,
        "flip the sort direction",
    ),
    hint(
        BASKETS,
        &[ch('/')],
        Action::StartFilter,
        "filter (symbol, name, segment)",
    ),
    bind(
        BASKETS,
        &[code(KeyCode::Esc)],
        Action::ClearFilter,
        "clear the filter",
    ),
    // Chart pane.
    hint(CHART, PAN_BACK, Action::PanBack, "pan the window back"),
    hint(
        CHART,
        PAN_FORWARD,
        Action::PanForward,
        "pan the window forward",
    ),
    hint(CHART, DOWN, Action::NextSeries, "select the next series"),
    bind(CHART, UP, Action::PrevSeries, "select the previous series"),
    hint(
        CHART,
        &[ch(' ')],
        Action::ToggleSeries,
        "show / hide the selected series",
    ),
    bind(
        CHART,
        &[code(KeyCode::Esc)],
        Action::CursorClear,
        "hide the date cursor",
    ),
    // Scatter pane.
    hint(SCATTER, PAN_BACK, Action::PanBack, "pan the window back"),
    hint(
        SCATTER,
        PAN_FORWARD,
        Action::PanForward,
        "pan the window forward",
    ),
    bind(
        SCATTER,
        &[code(KeyCode::Esc)],
        Action::CursorClear,
        "hide the date cursor",
    ),
    hint(
        SCATTER,
        &[ch('w')],
        Action::CycleRoll,
        "rolling window: 20 60 120 250 changes",
    ),
    // Watchlist pane.
    hint(WATCH, DOWN, Action::Down, "next event (moves the cursor)"),
    bind(WATCH, UP, Action::Up, "previous event (moves the cursor)"),
    bind(WATCH, PAGE_DOWN, Action::PageDown, "a page down"),
    bind(WATCH, PAGE_UP, Action::PageUp, "a page up"),
    bind(WATCH, TOP, Action::Top, "first event"),
    bind(WATCH, BOTTOM, Action::Bottom, "last event"),
    hint(
        WATCH,
        &[code(KeyCode::Enter)],
        Action::OpenDetail,
        "details: what to watch, outcome",
    ),
    // Filter input.
    hint(
        FILTER,
        &[code(KeyCode::Enter)],
        Action::Submit,
        "keep the filter",
    ),
    hint(
        FILTER,
        &[code(KeyCode::Esc)],
        Action::Close,
        "clear the filter",
    ),
    bind(
        FILTER,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
    ),
    // Command line.
    hint(
        COMMAND,
        &[code(KeyCode::Enter)],
        Action::Submit,
        "run the command",
    ),
    hint(
        COMMAND,
        &[code(KeyCode::Tab)],
        Action::Complete,
        "complete a command or basket id",
    ),
    hint(COMMAND, &[code(KeyCode::Esc)], Action::Close, "cancel"),
    bind(
        COMMAND,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
    ),
    // Help.
    hint(
        HELP,
        &[code(KeyCode::Esc), ch('?'), ch('q')],
        Action::Close,
        "close the help",
    ),
    hint(HELP, DOWN, Action::Down, "scroll down"),
    bind(HELP, UP, Action::Up, "scroll up"),
    bind(HELP, PAGE_DOWN, Action::PageDown, "a page down"),
    bind(HELP, PAGE_UP, Action::PageUp, "a page up"),
    // Event detail.
    hint(
        DETAIL,
        &[code(KeyCode::Esc), code(KeyCode::Enter), ch('q')],
        Action::Close,
        "close",
    ),
];

/// The action a key press means in `mode` with `focus`; in an input field
/// an unbound printable character is typed.
pub fn action_for(mode: Mode, focus: Pane, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let find = |scope: Scope| {
        all_bindings()
            .filter(|b| b.scope == scope)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    };
    // Ctrl-C quits from anywhere, also from an input field.
    if ctrl('c').matches(event) {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Normal => find(Scope::Pane(focus)).or_else(|| find(Scope::Global)),
        Mode::Filter | Mode::Command | Mode::Form | Mode::Text => {
            find(Scope::Mode(mode)).or_else(|| match event.code {
                KeyCode::Char(c)
                    if !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Input(c))
                }
                _ => None,
            })
        }
        Mode::Help | Mode::Detail | Mode::Conflict => find(Scope::Mode(mode)),
    }
}

/// The bindings the key-hint line shows in `mode` with `focus`.
pub fn hints(mode: Mode, focus: Pane) -> impl Iterator<Item = &'static Binding> {
    let scopes: Vec<Scope> = match mode {
        Mode::Normal => vec![Scope::Pane(focus), Scope::Global],
        other => vec![Scope::Mode(other)],
    };
    // The focused pane's own keys first: they are what the pane is for.
    scopes
        .into_iter()
        .flat_map(|scope| all_bindings().filter(move |b| b.hint && b.scope == scope))
}

/// The scopes in the order the help screen lists them.
pub const HELP_ORDER: [Scope; 12] = [
    G,
    BASKETS,
    CHART,
    SCATTER,
    WATCH,
    FILTER,
    COMMAND,
    Scope::Mode(Mode::Form),
    Scope::Mode(Mode::Text),
    Scope::Mode(Mode::Conflict),
    HELP,
    DETAIL,
];

/// Every binding: the workstation's and the editing ones.
pub fn all_bindings() -> impl Iterator<Item = &'static Binding> {
    // Editing first: on a narrow hint line, what the pane changes matters most.
    EDIT_BINDINGS.iter().chain(BINDINGS.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        let all: Vec<&Binding> = all_bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{} bound twice in {:?}",
                            k.label(),
                            a.scope
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pane_keys_win_and_inputs_take_unbound_characters() {
        let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        // `l` is the next basket in the baskets pane, pan in the chart.
        assert_eq!(
            action_for(Mode::Normal, Pane::Baskets, &key('l')),
            Some(Action::NextBasket)
        );
        assert_eq!(
            action_for(Mode::Normal, Pane::Chart, &key('l')),
            Some(Action::PanForward)
        );
        assert_eq!(
            action_for(Mode::Normal, Pane::Chart, &key('q')),
            Some(Action::Quit)
        );
        // Typing a filter, `q` is a letter; Enter keeps the filter.
        assert_eq!(
            action_for(Mode::Filter, Pane::Baskets, &key('q')),
            Some(Action::Input('q'))
        );
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Filter, Pane::Baskets, &enter),
            Some(Action::Submit)
        );
        // Shift is in the character: `S` with or without the Shift flag.
        let shifted = KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Normal, Pane::Baskets, &shifted),
            Some(Action::FlipSort)
        );
        // In help, unbound keys do nothing.
        assert_eq!(action_for(Mode::Help, Pane::Baskets, &key('x')), None);
    }
}
