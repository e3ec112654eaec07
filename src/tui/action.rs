//! Everything the user can do in the workstation, as one vocabulary: keys map
//! to these (see [`keymap`](super::keymap)), [`update`](super::update::update)
//! applies them, together with the outcomes of effects ([`Msg`]).

use chrono::NaiveDateTime;

use crate::domain::RangePreset;

use super::outcome::Outcome;
use super::state::Pane;

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the workstation.
    Quit,
    /// Move focus to the next pane (baskets → chart → scatter → watchlist).
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Move focus to one pane.
    Focus(Pane),
    /// Maximise the focused pane, or restore the four-pane layout.
    ToggleMaximise,
    /// Open the help screen (every binding of the keymap).
    OpenHelp,
    /// Open the `:` command line.
    OpenCommand,
    /// Close whatever overlay or input is open (help, detail, filter, command).
    Close,

    /// Select the row above in the focused list.
    Up,
    /// Select the row below in the focused list.
    Down,
    /// Move the selection a page up.
    PageUp,
    /// Move the selection a page down.
    PageDown,
    /// Select the first row.
    Top,
    /// Select the last row.
    Bottom,

    /// Show the next basket's tab.
    NextBasket,
    /// Show the previous basket's tab.
    PrevBasket,
    /// Sort the member table by the next column.
    NextSortColumn,
    /// Flip the sort direction of the member table.
    FlipSort,
    /// Start typing a filter for the member table (symbol, name, segment).
    StartFilter,
    /// Remove the member-table filter.
    ClearFilter,

    /// Show one range preset (1M … ALL), ending at the as-of date.
    Range(RangePreset),
    /// Show the next (longer) range preset.
    NextRange,
    /// Show the previous (shorter) range preset.
    PrevRange,
    /// Halve the window around its end.
    ZoomIn,
    /// Double the window around its end.
    ZoomOut,
    /// Shift the window a quarter of its length into the past.
    PanBack,
    /// Shift the window a quarter of its length towards the as-of date.
    PanForward,
    /// Move the date cursor to the previous index date.
    CursorPrev,
    /// Move the date cursor to the next index date.
    CursorNext,
    /// Hide the date cursor.
    CursorClear,
    /// Switch the index panel between linear and log scale.
    ToggleLog,
    /// Select the next series of the chart legend (for show/hide).
    NextSeries,
    /// Select the previous series of the chart legend.
    PrevSeries,
    /// Show or hide the selected chart series.
    ToggleSeries,
    /// Cycle the index method of multi-member baskets: file → equal → cap → custom.
    CycleMethod,
    /// Cycle the rolling correlation's window: 20 → 60 → 120 → 250 changes.
    CycleRoll,

    /// Step the as-of date one day back (replay).
    AsOfDayBack,
    /// Step the as-of date one day forward.
    AsOfDayForward,
    /// Step the as-of date one week back.
    AsOfWeekBack,
    /// Step the as-of date one week forward.
    AsOfWeekForward,
    /// Reset the as-of date to the latest data.
    AsOfLatest,

    /// Open the detail view of the selected earnings event.
    OpenDetail,
    /// Open the event study of the selected earnings event.
    OpenEventStudy,
    /// Switch the scatter pane between the scatter and the lead-lag view.
    ToggleLeadLag,
    /// Show the shown basket's members, segments, breadth or rotation, in turn.
    CycleBasketView,
    /// In the event study on a small screen: the event's table or the month's.
    ToggleMonth,

    /// Fetch every basket member's prices from the web source in the
    /// background (`spillover fetch`'s rules); the panes recompute after.
    Fetch,
    /// Write the focused pane's view as a figure (SVG and PNG) under the
    /// data dir's `exports/`, in the background.
    Export,

    /// Add a member to the shown basket (an input that completes symbols and names).
    AddMember,
    /// Edit the selected member's name, segment and weight.
    EditMember,
    /// Remove the selected member from the basket (undo brings it back).
    RemoveMember,
    /// Move the selected member to another basket.
    MoveMember,
    /// Copy the selected member into another basket.
    CopyMember,
    /// Add an earnings event.
    AddEvent,
    /// Edit the selected event's fields.
    EditEvent,
    /// Delete the selected event (undo brings it back).
    RemoveEvent,
    /// Mark the selected event reported: outcome, capex figure, guidance.
    RecordOutcome,
    /// Undo the last edit of the session (and save).
    Undo,
    /// Redo the last undone edit (and save).
    Redo,

    /// In a form: focus the next field.
    NextField,
    /// In a form: focus the previous field.
    PrevField,
    /// In a multi-line field: start a new line.
    Newline,
    /// Move the text cursor one character left.
    CursorLeft,
    /// Move the text cursor one character right.
    CursorRight,
    /// Move the text cursor to the start of the line.
    LineStart,
    /// Move the text cursor to the end of the line.
    LineEnd,
    /// Delete the character under the text cursor.
    DeleteForward,
    /// Save the form (from any field).
    SaveForm,
    /// Close a changed form without saving (asked after its Esc).
    DiscardForm,
    /// The file changed outside spillover: load the version on disk.
    ReloadTheirs,
    /// The file changed outside spillover: write ours over it.
    KeepMine,

    /// Type one character into the open input (filter or command line).
    Input(char),
    /// Delete the last character of the open input.
    Backspace,
    /// Complete the command name or basket id being typed.
    Complete,
    /// Run the command line, or accept the filter.
    Submit,
}

/// Everything [`update`](super::update::update) handles: what the user
/// asked for, what became of the work `update` asked for, and the clock.
#[derive(Debug, Clone)]
pub enum Msg {
    /// The loop has started: ask for what the first frame lacks (prices).
    Open,
    /// An action, as a test or a script gives it (no clock: an export is
    /// named by the time of the last `UserAt`).
    User(Action),
    /// A key the keymap turned into an action, and the local time it was
    /// pressed: the clock comes in with the message, so `update` never
    /// reads it (an export names its files by it).
    UserAt { action: Action, at: NaiveDateTime },
    /// The outcome of an effect (a save, a reload, a job's progress or result).
    Done(Outcome),
    /// The user has been idle for a while.
    Tick,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::User(action)
    }
}

impl From<Outcome> for Msg {
    fn from(outcome: Outcome) -> Msg {
        Msg::Done(outcome)
    }
}
