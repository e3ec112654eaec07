//! The workstation's own keys (panes, inputs, help), as data.

use crossterm::event::KeyCode;

use super::binding::{
    BASKETS, BOTTOM, Binding, CHART, COMMAND, DETAIL, DOWN, FAILURES, FILTER, G, HELP, PAGE_DOWN,
    PAGE_UP, PAN_BACK, PAN_FORWARD, SCATTER, TOP, UP, WATCH, bind, hint,
};
use super::key::{ch, code, ctrl, shift};
use crate::tui::action::Action;
use crate::tui::state::Pane;

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
    hint(
        G,
        &[ch('F')],
        Action::Fetch,
        "fetch prices from the web (:fetch ID)",
    ),
    hint(
        G,
        &[ch('x')],
        Action::Export,
        "export pane as SVG+PNG (:export FILE)",
    ),
    // Baskets pane.
    bind(BASKETS, DOWN, Action::Down, "next member"),
    bind(BASKETS, UP, Action::Up, "previous member"),
    bind(BASKETS, PAGE_DOWN, Action::PageDown, "a page down"),
    bind(BASKETS, PAGE_UP, Action::PageUp, "a page up"),
    bind(BASKETS, &[code(KeyCode::Home)], Action::Top, "first member"),
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
    hint(
        BASKETS,
        &[ch('g')],
        Action::CycleBasketView,
        "members/segments/breadth/rotation",
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
    // The failures of a fetch.
    hint(
        FAILURES,
        &[code(KeyCode::Esc), code(KeyCode::Enter), ch('q')],
        Action::Close,
        "close the list",
    ),
    hint(FAILURES, DOWN, Action::Down, "scroll down"),
    bind(FAILURES, UP, Action::Up, "scroll up"),
    bind(FAILURES, PAGE_DOWN, Action::PageDown, "a page down"),
    bind(FAILURES, PAGE_UP, Action::PageUp, "a page up"),
];
