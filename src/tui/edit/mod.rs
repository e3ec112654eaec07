//! Editing in place: baskets and the watchlist are changed through forms
//! (add a member, edit a cell, record an outcome), every change goes
//! through the pure edit model ([`crate::domain::edit`]), is recomputed at
//! once, saved by the run loop, and can be undone.
//!
//! The pieces: [`field`] (one- and multi-line text), [`complete`] (symbols
//! by code or name), [`form`], [`conflict`] (a file changed outside),
//! [`keys`] (the bindings), [`open`] (the forms each key opens), [`submit`]
//! (a form → edits), [`commit`] (applying, undo/redo, the results of a
//! save), [`basket_command`] (`:basket …`) and [`render`].

pub mod basket_command;
pub mod commit;
pub mod conflict;
pub mod field;
pub mod form;
pub mod keys;
pub mod open;
pub mod render;
pub mod submit;

use std::path::PathBuf;

use crate::domain::Symbol;
use crate::domain::edit::History;

use conflict::ConflictPrompt;
use form::Form;

/// The editing part of the workstation's state.
#[derive(Debug, Clone, Default)]
pub struct EditSession {
    /// The open form, if any.
    pub form: Option<Form>,
    /// The open "changed outside" prompt, if any.
    pub prompt: Option<ConflictPrompt>,
    pub history: History,
    /// The history as it was before the edit being saved: a failed save
    /// puts it back, with the library, so nothing is half-applied.
    pub rollback: Option<History>,
    /// Symbols with a price file (completion candidates beyond the baskets).
    pub cached: Vec<Symbol>,
    /// Files changed outside that the user chose to leave alone: not asked
    /// about again while idle (a save touching them still asks).
    pub dismissed: Vec<PathBuf>,
    /// A refused `:basket` command: shown under the command line, which
    /// stays open.
    pub command_error: Option<String>,
}
