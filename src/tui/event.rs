//! What the run loop's one channel carries: terminal input (read on its
//! own thread), the idle tick, and the outcomes the worker reports.

use super::outcome::Outcome;

/// One arrival on the run loop's channel.
#[derive(Debug)]
pub enum Event {
    /// A key press or a resize. Keys become actions on the loop's thread,
    /// because what a key means depends on the state the previous one left.
    Input(crossterm::event::Event),
    /// The terminal could not be read: the loop stops with this error.
    InputFailed(std::io::Error),
    /// No input for a while: time to look for files changed outside.
    Tick,
    /// A job's progress or result.
    Done(Outcome),
}
