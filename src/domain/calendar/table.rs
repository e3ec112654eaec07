//! The calendars as one value: the embedded weekday closures per market and
//! year, and the user's corrections on top.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::user::UserDay;
use super::{Market, is_weekend};
use crate::domain::Session;

const TABLE: &str = include_str!("../../../assets/calendars.csv");

/// The first year the embedded table covers.
pub const FIRST_YEAR: i32 = 2015;

/// Where a day's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySource {
    /// The embedded table (generated from `exchange_calendars`).
    Embedded,
    /// The user's `calendars.csv` (a line for the day, or a year it names).
    UserFile,
    /// Outside every known year: a weekday is assumed to be a session.
    Assumed,
}

impl DaySource {
    pub fn as_str(self) -> &'static str {
        match self {
            DaySource::Embedded => "embedded",
            DaySource::UserFile => "user file",
            DaySource::Assumed => "assumed",
        }
    }
}

/// A line of the embedded table that does not read; a bug in the build.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("assets/calendars.csv line {line}: {what}")]
pub struct TableError {
    line: usize,
    what: String,
}

/// The exchange calendars: weekday closures per market, which years are
/// known, and the user's corrections.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calendars {
    closures: BTreeMap<Market, BTreeSet<NaiveDate>>,
    known_until: BTreeMap<Market, i32>,
    /// The user's days: `true` open, `false` closed.
    user: BTreeMap<(Market, NaiveDate), bool>,
    user_years: BTreeSet<(Market, i32)>,
}

impl Calendars {
    /// The embedded table, parsed once.
    pub fn embedded() -> &'static Calendars {
        static EMBEDDED: OnceLock<Calendars> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // Compiled in and checked by the tests: a parse error is a bug in
            // the build, not bad user input.
            parse_table(TABLE).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// These calendars with the user's days applied: a listed day is open or
    /// closed as the file says, and every year the file names counts as known.
    pub fn with_user(&self, days: &[UserDay]) -> Calendars {
        let mut out = self.clone();
        for day in days {
            out.user.insert((day.market, day.date), day.open);
            out.user_years.insert((day.market, day.date.year()));
        }
        out
    }

    /// The last year of the run of known years from [`FIRST_YEAR`] (embedded,
    /// extended by the years the user's file names).
    pub fn known_until(&self, market: Market) -> i32 {
        let mut year = self.embedded_until(market);
        while self.user_years.contains(&(market, year + 1)) {
            year += 1;
        }
        year
    }

    fn embedded_until(&self, market: Market) -> i32 {
        self.known_until
            .get(&market)
            .copied()
            .unwrap_or(FIRST_YEAR - 1)
    }

    /// Where the status of `date` comes from.
    pub fn source(&self, market: Market, date: NaiveDate) -> DaySource {
        let year = date.year();
        if self.user.contains_key(&(market, date)) || self.user_years.contains(&(market, year)) {
            DaySource::UserFile
        } else if (FIRST_YEAR..=self.embedded_until(market)).contains(&year) {
            DaySource::Embedded
        } else {
            DaySource::Assumed
        }
    }

    /// True when the status of `date` is assumed (a weekday outside every
    /// known year): every number that depends on it says `est. calendar`.
    pub fn is_estimated(&self, market: Market, date: NaiveDate) -> bool {
        self.source(market, date) == DaySource::Assumed
    }

    /// True when `market` holds a session on `date` (half days included).
    pub fn is_session(&self, market: Market, date: NaiveDate) -> bool {
        if is_weekend(date) {
            return false;
        }
        if let Some(open) = self.user.get(&(market, date)) {
            return *open;
        }
        !self
            .closures
            .get(&market)
            .is_some_and(|set| set.contains(&date))
    }

    /// Every session of `market` in `[start, end]`, in order.
    pub fn sessions(&self, market: Market, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| self.is_session(market, *d))
            .collect()
    }

    /// The weekdays of `year` on which `market` is closed.
    pub fn closures_in_year(&self, market: Market, year: i32) -> Vec<NaiveDate> {
        let (start, end) = year_bounds(year);
        start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| !is_weekend(*d) && !self.is_session(market, *d))
            .collect()
    }

    /// The first session strictly after `date`.
    pub fn next_session(&self, market: Market, date: NaiveDate) -> NaiveDate {
        date.iter_days()
            .skip(1)
            .find(|d| self.is_session(market, *d))
            // The user's file closes finitely many days, so the search ends;
            // NaiveDate::MAX is the only way out.
            .unwrap_or(NaiveDate::MAX)
    }

    /// `date` when it is a session, else the next session.
    pub fn session_on_or_after(&self, market: Market, date: NaiveDate) -> NaiveDate {
        if self.is_session(market, date) {
            date
        } else {
            self.next_session(market, date)
        }
    }

    /// The first session whose prices can react to results released on
    /// `date` at `session` (see [`super::first_reacting_session`]).
    pub fn first_reacting_session(
        &self,
        market: Market,
        date: NaiveDate,
        session: Session,
    ) -> NaiveDate {
        match session {
            Session::BeforeOpen | Session::Intraday => self.session_on_or_after(market, date),
            Session::AfterClose => self.next_session(market, date),
        }
    }
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// Reads `known,<market>,<year>` and `<market>,<year>,<MMDD MMDD ...>` lines.
pub(super) fn parse_table(text: &str) -> Result<Calendars, TableError> {
    let mut out = Calendars::default();
    for (index, line) in text.lines().enumerate() {
        let fail = |what: String| TableError {
            line: index + 1,
            what,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(',').collect();
        let [first, second, third] = fields[..] else {
            return Err(fail(format!("{} fields, expected 3", fields.len())));
        };
        let known = first == "known";
        let code = if known { second } else { first };
        let market = Market::parse(code).ok_or_else(|| fail(format!("market {code:?}")))?;
        let year_text = if known { third } else { second };
        let year: i32 = year_text
            .parse()
            .map_err(|_| fail(format!("year {year_text:?}")))?;
        if known {
            out.known_until.insert(market, year);
            continue;
        }
        let set = out.closures.entry(market).or_default();
        for day in third.split_whitespace() {
            let date = (day.len() == 4)
                .then(|| day.split_at(2))
                .and_then(|(m, d)| Some((m.parse().ok()?, d.parse().ok()?)))
                .and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d))
                .ok_or_else(|| fail(format!("day {day:?} of {year}")))?;
            if is_weekend(date) {
                return Err(fail(format!("{date} is a weekend")));
            }
            set.insert(date);
        }
    }
    Ok(out)
}
