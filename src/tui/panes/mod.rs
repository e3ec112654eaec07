//! The panes: each draws one part of the screen from prepared data.

pub mod chart;
pub mod scatter;
