//! The workstation: four panes explored by keyboard.

pub mod theme;
