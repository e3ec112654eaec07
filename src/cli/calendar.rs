//! `spillover calendar`: a year's weekday closures and sessions per market,
//! and where each came from (the embedded table, the user's file, assumed).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::args::CalendarArgs;
use crate::domain::calendar::{Calendars, DaySource, Market};

/// One market's year, as printed and as JSON.
#[derive(Debug, Serialize)]
pub struct CalendarYear {
    pub market: String,
    pub year: i32,
    pub known_until: i32,
    pub closures: Vec<NaiveDate>,
    pub sessions: Vec<NaiveDate>,
    /// Where each closure came from (`embedded`, `user file`, `assumed`).
    pub closure_sources: Vec<&'static str>,
    /// True when the year is past every known year: weekdays assumed.
    pub assumed: bool,
}

/// The year of `market` in `calendars`.
pub fn calendar_year(calendars: &Calendars, market: Market, year: i32) -> CalendarYear {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let closures = calendars.closures_in_year(market, year);
    CalendarYear {
        market: market.code().to_string(),
        year,
        known_until: calendars.known_until(market),
        closure_sources: closures
            .iter()
            .map(|d| calendars.source(market, *d).as_str())
            .collect(),
        closures,
        sessions: calendars.sessions(market, start, end),
        assumed: calendars.source(market, start) == DaySource::Assumed
            && calendars.source(market, end) == DaySource::Assumed,
    }
}

/// The command's output for `args` on `calendars`, `today` giving the default year.
pub fn render(calendars: &Calendars, args: &CalendarArgs, today: NaiveDate) -> String {
    let year = args.year.unwrap_or(today.year());
    let markets: Vec<Market> = args.market.map_or(Market::ALL.to_vec(), |m| vec![m]);
    let years: Vec<CalendarYear> = markets
        .iter()
        .map(|m| calendar_year(calendars, *m, year))
        .collect();
    if args.json {
        let value = match (args.market, years.as_slice()) {
            (Some(_), [one]) => serde_json::to_value(one),
            _ => serde_json::to_value(&years),
        };
        // Plain data (strings, numbers, dates): serialising cannot fail.
        let value = value.unwrap_or_default();
        return format!("{value:#}\n");
    }
    years.iter().map(text).collect::<Vec<_>>().join("\n")
}

fn text(year: &CalendarYear) -> String {
    let mut out = format!(
        "{} {}: {} sessions, {} weekday closures; calendar known until {}{}\n",
        year.market,
        year.year,
        year.sessions.len(),
        year.closures.len(),
        year.known_until,
        if year.assumed {
            " (this year is past it: every weekday assumed a session, est. calendar)"
        } else {
            ""
        }
    );
    out.push_str("closed (weekdays):\n");
    for (date, source) in year.closures.iter().zip(&year.closure_sources) {
        out.push_str(&format!("  {date} {}  {source}\n", date.format("%a")));
    }
    out.push_str("sessions by month:\n");
    for month in 1..=12 {
        let days: Vec<String> = year
            .sessions
            .iter()
            .filter(|d| d.month() == month)
            .map(|d| d.day().to_string())
            .collect();
        out.push_str(&format!(
            "  {}-{month:02} ({:>2}): {}\n",
            year.year,
            days.len(),
            days.join(" ")
        ));
    }
    out
}
