//! `:plan YYYY-MM`'s season, and `:demo remove`.

use super::{Command, CommandError};
use crate::domain::Season;

/// `:plan 2026-05`: a month, years 1900 to 2999.
pub(super) fn plan(text: &str) -> Result<Command, CommandError> {
    let bad = || CommandError::BadSeason(text.to_string());
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u32 = month.parse().map_err(|_| bad())?;
    if year_digits(text) && (1900..=2999).contains(&year) && (1..=12).contains(&month) {
        Ok(Command::Plan(Season { year, month }))
    } else {
        Err(bad())
    }
}

/// Four digits of year before the dash (`26-05` is not a season).
fn year_digits(text: &str) -> bool {
    text.find('-') == Some(4)
}

/// `:demo remove`: the only `:demo` there is.
pub(super) fn demo(args: &[&str]) -> Result<Command, CommandError> {
    match args {
        ["remove"] => Ok(Command::DemoRemove),
        _ => Err(CommandError::DemoRemoveOnly),
    }
}
