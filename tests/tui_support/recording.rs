//! A terminal for the loop tests: a `TestBackend` that sends the screen
//! as text after every frame, so a test sees what the loop draws while
//! its threads run.

use std::sync::mpsc::{self, Receiver, Sender};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use super::buffer_text;

/// A test backend that sends the screen as text after every frame.
pub struct Recording {
    screen: TestBackend,
    frames: Sender<String>,
}

impl Backend for Recording {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
        &mut self,
        content: I,
    ) -> Result<(), Self::Error> {
        self.screen.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.screen.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.screen.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.screen.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.screen.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.screen.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.screen.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.screen.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.screen.window_size()
    }
    /// Called once at the end of every frame.
    fn flush(&mut self) -> Result<(), Self::Error> {
        // The test may have stopped listening: then nobody needs the frame.
        let _ = self.frames.send(buffer_text(self.screen.buffer()));
        self.screen.flush()
    }
}

/// A 120×30 recording terminal and the screens it will send.
pub fn recording_terminal() -> (Terminal<Recording>, Receiver<String>) {
    let (frames, screens) = mpsc::channel();
    let backend = Recording {
        screen: TestBackend::new(120, 30),
        frames,
    };
    (Terminal::new(backend).expect("a test terminal"), screens)
}
