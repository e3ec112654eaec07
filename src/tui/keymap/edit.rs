//! The keys of editing, as data: read by the key lookup, the help screen
//! and the key-hint line together with the workstation's own table.

use crossterm::event::KeyCode;

use super::binding::{BASKETS, Binding, G, Scope, WATCH, bind, hint};
use super::key::{ch, code, ctrl};
use crate::tui::action::Action;
use crate::tui::state::Mode;

const FORM: Scope = Scope::Mode(Mode::Form);
const CONFIRM_CLOSE: Scope = Scope::Mode(Mode::ConfirmClose);
const TEXT: Scope = Scope::Mode(Mode::Text);
const CONFLICT: Scope = Scope::Mode(Mode::Conflict);

/// Cursor keys shared by one-line and multi-line fields.
macro_rules! cursor_keys {
    ($scope:expr) => {
        [
            bind(
                $scope,
                &[code(KeyCode::Left)],
                Action::CursorLeft,
                "cursor left",
            ),
            bind(
                $scope,
                &[code(KeyCode::Right)],
                Action::CursorRight,
                "cursor right",
            ),
            bind(
                $scope,
                &[code(KeyCode::Home), ctrl('a')],
                Action::LineStart,
                "start of the line",
            ),
            bind(
                $scope,
                &[code(KeyCode::End), ctrl('e')],
                Action::LineEnd,
                "end of the line",
            ),
            bind(
                $scope,
                &[code(KeyCode::Backspace)],
                Action::Backspace,
                "delete before the cursor",
            ),
            bind(
                $scope,
                &[code(KeyCode::Delete)],
                Action::DeleteForward,
                "delete under the cursor",
            ),
            bind(
                $scope,
                &[code(KeyCode::BackTab)],
                Action::PrevField,
                "previous field",
            ),
        ]
    };
}

const FORM_CURSOR: [Binding; 7] = cursor_keys!(FORM);
const TEXT_CURSOR: [Binding; 7] = cursor_keys!(TEXT);

pub static EDIT_BINDINGS: &[Binding] = &[
    hint(G, &[ch('u')], Action::Undo, "undo the last edit (saved)"),
    hint(G, &[ch('U'), ctrl('r')], Action::Redo, "redo (saved)"),
    // Baskets pane.
    hint(
        BASKETS,
        &[ch('a')],
        Action::AddMember,
        "add a member: type a symbol or name",
    ),
    hint(
        BASKETS,
        &[ch('e'), code(KeyCode::Enter)],
        Action::EditMember,
        "edit the member: name, segment, weight",
    ),
    hint(
        BASKETS,
        &[ch('d'), code(KeyCode::Delete)],
        Action::RemoveMember,
        "remove the member (u undoes)",
    ),
    bind(
        BASKETS,
        &[ch('m')],
        Action::MoveMember,
        "move the member to another basket",
    ),
    bind(
        BASKETS,
        &[ch('c')],
        Action::CopyMember,
        "copy the member into another basket",
    ),
    // Watchlist pane.
    hint(WATCH, &[ch('a')], Action::AddEvent, "add an event"),
    hint(WATCH, &[ch('e')], Action::EditEvent, "edit the event"),
    bind(
        WATCH,
        &[ch('d'), code(KeyCode::Delete)],
        Action::RemoveEvent,
        "delete the event (u undoes)",
    ),
    hint(
        WATCH,
        &[ch('r')],
        Action::RecordOutcome,
        "record the outcome: reported",
    ),
    // A form with a one-line field focused.
    hint(
        FORM,
        &[code(KeyCode::Enter)],
        Action::Submit,
        "take the candidate and save",
    ),
    hint(
        FORM,
        &[code(KeyCode::Tab)],
        Action::Complete,
        "next candidate / field",
    ),
    hint(
        FORM,
        &[code(KeyCode::Down)],
        Action::Down,
        "next candidate / field",
    ),
    bind(
        FORM,
        &[code(KeyCode::Up)],
        Action::Up,
        "previous candidate / field",
    ),
    bind(FORM, &[ctrl('s')], Action::SaveForm, "save the form"),
    hint(
        FORM,
        &[code(KeyCode::Esc)],
        Action::Close,
        "cancel (asks when changed)",
    ),
    FORM_CURSOR[0],
    FORM_CURSOR[1],
    FORM_CURSOR[2],
    FORM_CURSOR[3],
    FORM_CURSOR[4],
    FORM_CURSOR[5],
    FORM_CURSOR[6],
    // A form with a multi-line field focused.
    hint(TEXT, &[ctrl('s')], Action::SaveForm, "save the form"),
    hint(TEXT, &[code(KeyCode::Enter)], Action::Newline, "new line"),
    hint(TEXT, &[code(KeyCode::Tab)], Action::NextField, "next field"),
    bind(TEXT, &[code(KeyCode::Up)], Action::Up, "line up"),
    bind(TEXT, &[code(KeyCode::Down)], Action::Down, "line down"),
    hint(
        TEXT,
        &[code(KeyCode::Esc)],
        Action::Close,
        "close (asks to save when changed)",
    ),
    TEXT_CURSOR[0],
    TEXT_CURSOR[1],
    TEXT_CURSOR[2],
    TEXT_CURSOR[3],
    TEXT_CURSOR[4],
    TEXT_CURSOR[5],
    TEXT_CURSOR[6],
    // Esc in a changed form asked: save, discard or keep editing.
    hint(
        CONFIRM_CLOSE,
        &[ch('s'), ch('y'), code(KeyCode::Enter), ctrl('s')],
        Action::SaveForm,
        "save the changes",
    ),
    hint(
        CONFIRM_CLOSE,
        &[ch('d'), ch('n')],
        Action::DiscardForm,
        "discard the changes",
    ),
    hint(
        CONFIRM_CLOSE,
        &[code(KeyCode::Esc)],
        Action::Close,
        "keep editing",
    ),
    // The file-changed prompt.
    hint(
        CONFLICT,
        &[ch('r')],
        Action::ReloadTheirs,
        "reload theirs (the file on disk)",
    ),
    hint(
        CONFLICT,
        &[ch('k')],
        Action::KeepMine,
        "keep mine: overwrite the file",
    ),
    hint(
        CONFLICT,
        &[code(KeyCode::Esc)],
        Action::Close,
        "cancel: change nothing",
    ),
];
