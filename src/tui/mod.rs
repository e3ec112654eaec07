//! The workstation: four panes explored by keyboard.

pub mod panes;
pub mod theme;
