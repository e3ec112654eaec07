//! The input thread: reads the terminal and feeds the run loop's channel,
//! with a tick when the user has been idle. It reads the next event only
//! once the loop has handled the last one, so nothing is read that a quit
//! leaves unhandled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::thread::Scope;
use std::time::{Duration, Instant};

use super::event::Event;

/// Idle for this long: look for files changed outside spillover.
pub const IDLE: Duration = Duration::from_millis(1500);

/// How long the terminal is polled at a time: a quit is noticed this soon.
pub const POLL: Duration = Duration::from_millis(100);

/// Reads the real terminal: an event, or `None` after [`POLL`] without one.
pub fn terminal() -> std::io::Result<Option<crossterm::event::Event>> {
    if crossterm::event::poll(POLL)? {
        crossterm::event::read().map(Some)
    } else {
        Ok(None)
    }
}

/// Starts reading with `read` (`None`: nothing yet) in `scope` until `stop`
/// is set, the loop stops acknowledging (`handled` closes) or reading fails.
pub fn spawn<'scope>(
    scope: &'scope Scope<'scope, '_>,
    mut read: impl FnMut() -> std::io::Result<Option<crossterm::event::Event>> + Send + 'scope,
    events: Sender<Event>,
    handled: Receiver<()>,
    stop: Arc<AtomicBool>,
) {
    scope.spawn(move || {
        let mut idle_since = Instant::now();
        while !stop.load(Ordering::Relaxed) {
            let sent = match read() {
                Ok(Some(event)) => {
                    idle_since = Instant::now();
                    events.send(Event::Input(event)).is_ok() && handled.recv().is_ok()
                }
                Ok(None) if idle_since.elapsed() >= IDLE => {
                    idle_since = Instant::now();
                    events.send(Event::Tick).is_ok()
                }
                Ok(None) => true,
                Err(e) => {
                    let _ = events.send(Event::InputFailed(e));
                    false
                }
            };
            if !sent {
                break;
            }
        }
    });
}
