//! What is on top of the panes, carrying its own data: the filter input,
//! the command line, help, an event's detail, a form, the "changed
//! outside" prompt, the question a changed form's Esc asks. One value, so no two fields can disagree about what is
//! open; the keys' [`Mode`] is read from it.

pub mod conflict;
pub mod field;
pub mod form;

use conflict::ConflictPrompt;
use form::Form;

/// The one thing open over the panes, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Overlay {
    /// Keys act on the focused pane.
    #[default]
    None,
    /// Typing the member-table filter (the filter itself stays after Enter).
    Filter,
    /// Typing a `:` command.
    Command(CommandLine),
    /// The help screen, scrolled this many rows.
    Help { scroll: u16 },
    /// The detail view of the selected earnings event.
    Detail,
    /// The event study of the selected earnings event; `month`: a screen
    /// too small for both tables shows the month's aggregate.
    Events { month: bool },
    /// A form (add member, edit cell, record an outcome…).
    Form(Form),
    /// Esc was pressed in a form with unsaved changes: save, discard or
    /// keep editing? The form is kept as it was.
    ConfirmClose(Form),
    /// A file changed outside spillover: reload theirs or keep mine?
    Conflict(ConflictPrompt),
    /// What a fetch or an import could not do, each with its reason.
    Problems(Problems),
}

/// What went wrong in the last fetch or import, as the overlay lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    /// The box's title ("Fetch: 2 failed, their files unchanged").
    pub title: String,
    /// What the job did as a whole (the summary line).
    pub summary: String,
    /// What (a symbol, a file) and why, in the job's order.
    pub rows: Vec<(String, String)>,
    /// Rows scrolled.
    pub scroll: u16,
}

/// The `:` line being typed, and why the last one was refused (it stays
/// open with the text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandLine {
    pub text: String,
    pub error: Option<String>,
}

/// What the keys currently do: read from the overlay (the keymap's scopes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Keys act on the focused pane.
    Normal,
    /// Typing the member-table filter.
    Filter,
    /// Typing a `:` command.
    Command,
    /// The help screen is open.
    Help,
    /// The detail view of an earnings event is open.
    Detail,
    /// The event study of an earnings event is open.
    Events,
    /// A form is open, a one-line field focused (add member, edit cell…).
    Form,
    /// A form is open, a multi-line field focused (watch, outcome…).
    Text,
    /// A changed form's Esc asks: save, discard or keep editing?
    ConfirmClose,
    /// A file changed outside spillover: reload theirs or keep mine?
    Conflict,
    /// The list of symbols a fetch could not bring is open.
    Problems,
}

impl Overlay {
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::None => Mode::Normal,
            Overlay::Filter => Mode::Filter,
            Overlay::Command(_) => Mode::Command,
            Overlay::Help { .. } => Mode::Help,
            Overlay::Detail => Mode::Detail,
            Overlay::Events { .. } => Mode::Events,
            // Enter is a newline in a multi-line field.
            Overlay::Form(form) if form.focused_is_multiline() => Mode::Text,
            Overlay::Form(_) => Mode::Form,
            Overlay::ConfirmClose(_) => Mode::ConfirmClose,
            Overlay::Conflict(_) => Mode::Conflict,
            Overlay::Problems(_) => Mode::Problems,
        }
    }
}
