//! Editing in place: baskets and the watchlist are changed through forms
//! (add a member, edit a cell, record an outcome), every change goes
//! through the pure edit model ([`crate::domain::edit`]), is recomputed at
//! once, saved by the run loop, and can be undone. Called only by
//! [`update`](super::update); the forms and the prompt themselves are in
//! [`overlay`](super::overlay), their keys in
//! [`keymap::edit`](super::keymap::edit), their drawing in
//! [`panes::form`](super::panes::form).
//!
//! The pieces: [`open`] (the forms each key opens), [`submit`] (keys in a
//! form; a form → edits), [`commit`] (applying, undo/redo, the answer to
//! the "changed outside" prompt) and [`basket_command`] (`:basket …`).

pub mod basket_command;
pub mod commit;
pub mod open;
pub mod submit;
