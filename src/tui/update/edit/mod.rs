//! Editing in place: baskets and the watchlist are changed through forms
//! (add a member, edit a cell, record an outcome), every change goes
//! through the pure edit model ([`crate::domain::edit`]), is recomputed at
//! once, saved by the run loop, and can be undone. Part of
//! [`update`](super::update); the forms and the prompt themselves are in
//! [`overlay`](crate::tui::overlay), their keys in
//! [`keymap::edit`](crate::tui::keymap::edit), their drawing in
//! [`panes::form`](crate::tui::panes::form).
//!
//! The pieces: [`open`] (the forms each key opens), [`submit`] (keys in a
//! form; a form → edits), [`commit`] (applying, undo/redo, the answer to
//! the "changed outside" prompt) and [`basket_command`] (`:basket …`,
//! parsed in [`command`](crate::tui::command)).

pub mod basket_command;
pub mod commit;
pub mod open;
pub mod plan;
pub mod submit;
