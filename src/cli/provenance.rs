//! Where the numbers come from, said the same way in every output: the demo
//! series mixed with real ones, and how far each market's calendar is known.

use std::collections::BTreeMap;

use crate::domain::DemoMix;
use crate::domain::calendar::{self, Market};

/// "DEMO: A, B — synthetic series mixed with real prices; ...", every series named,
/// when the numbers read both; `None` otherwise.
pub fn demo_line(mix: &DemoMix) -> Option<String> {
    mix.label(usize::MAX).map(|label| {
        format!("{label} — synthetic series mixed with real prices; every number that reads them is not market data")
    })
}

/// The last year each market's calendar is known, by exchange code.
pub fn known_until() -> BTreeMap<&'static str, i32> {
    let calendars = calendar::current();
    Market::ALL
        .iter()
        .map(|m| (m.code(), calendars.known_until(*m)))
        .collect()
}

/// "calendars known until: XSHG 2026 · XHKG 2027 · XNYS 2027 (...)".
pub fn calendars_line() -> String {
    let calendars = calendar::current();
    let years: Vec<String> = Market::ALL
        .iter()
        .map(|m| format!("{} {}", m.code(), calendars.known_until(*m)))
        .collect();
    format!(
        "calendars known until: {} (later weekdays assumed sessions: est. calendar)",
        years.join(" · ")
    )
}
