//! The user's calendar file, `<data dir>/calendars.csv`, read and applied to
//! the embedded calendars (format in FORMATS.md).

use std::path::PathBuf;

use super::{FileError, Layout};
use crate::domain::calendar::{Calendars, parse_user_file};

/// Where the user's calendar file lives.
pub fn calendars_file(layout: &Layout) -> PathBuf {
    layout.root().join("calendars.csv")
}

/// The embedded calendars with the user's file applied (the embedded ones
/// alone when there is no file). A line that does not read is an error
/// naming the file, the line and the fix; nothing is applied then.
pub fn load_calendars(layout: &Layout) -> Result<Calendars, FileError> {
    let path = calendars_file(layout);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Calendars::embedded().clone());
        }
        Err(e) => return Err(FileError::new(&path, None, e.to_string())),
    };
    let days = parse_user_file(&text)
        .map_err(|e| FileError::new(&path, Some(e.line), format!("{}; {}", e.problem, e.fix)))?;
    Ok(Calendars::embedded().with_user(&days))
}
