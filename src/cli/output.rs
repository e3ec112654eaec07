//! Writing a command's text to stdout.

use std::io::Write;

use crate::domain::text::escape_output;

/// Prints to stdout, with any control character or bidi override that a
/// hand-edited file carried escaped; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let text = escape_output(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
