//! `update`: the only place the state changes. No I/O, no terminal: tests
//! call it directly. The dispatcher (`dispatch.rs`) routes by what the message is, then by
//! what is open over the panes; each scope has its own file.

mod app;
mod demo;
mod dispatch;
mod edit;
mod export;
mod fetch;
mod import;
mod outcomes;
mod overlays;
mod panes;
mod segments;
mod window;

pub use app::{AppState, Computed};
pub use dispatch::update;
