//! `check`'s cross-check of prices against the exchange calendars, as
//! warnings that list the dates and the symbols.

use super::findings::Findings;
use crate::compute::check_calendars as cross_check;
use crate::domain::calendar;
use crate::store::Workspace;

/// At most this many dates are listed in one warning; the rest are counted.
const LISTED: usize = 8;

fn dates(list: &[chrono::NaiveDate]) -> String {
    let mut text: Vec<String> = list.iter().take(LISTED).map(ToString::to_string).collect();
    if list.len() > LISTED {
        text.push(format!("and {} more", list.len() - LISTED));
    }
    text.join(", ")
}

/// Adds a warning per symbol with prices on closed days and per market with
/// sessions no symbol has a price on.
pub fn check_calendars(ws: &Workspace, found: &mut Findings) {
    let result = cross_check(&ws.book, calendar::current());
    for c in &result.closed {
        found.warning(format!(
            "{} has prices on {} day(s) {} is closed: {}; a wrong date in the file, or the exchange opened (add the day as open to calendars.csv)",
            c.symbol,
            c.dates.len(),
            c.market,
            dates(&c.dates)
        ));
    }
    for m in &result.missing {
        let mut symbols: Vec<String> = m
            .symbols
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        if m.symbols.len() > LISTED {
            symbols.push(format!("and {} more", m.symbols.len() - LISTED));
        }
        found.warning(format!(
            "{} session(s) of {} with no price for any of its {} symbols ({}): {}; prices missing, or a closure the calendar lacks (add it to calendars.csv as closed)",
            m.dates.len(),
            m.market,
            m.symbols.len(),
            symbols.join(", "),
            dates(&m.dates)
        ));
    }
}
