//! Exchange calendars of the mainland (XSHG/XSHE) and Hong Kong (XHKG).
//!
//! Weekends are always closed. Weekday closures come from the embedded list
//! `assets/holidays.csv`, which covers [`COVERED_YEARS`] (2024–2025); half
//! days are trading days. Outside those years every weekday counts as a
//! trading day: the calendar only has to be exact where the demo prices and
//! the seed note live, and a real price file carries its own dates anyway.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Session, Symbol};

/// The years the embedded holiday list covers.
pub const COVERED_YEARS: RangeInclusive<i32> = 2024..=2025;

const HOLIDAYS_CSV: &str = include_str!("../../assets/holidays.csv");

/// The exchange whose calendar a symbol trades on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Market {
    /// Shanghai and Shenzhen (`.SH`, `.SZ`), one calendar.
    Mainland,
    /// Hong Kong (`.HK`).
    HongKong,
}

impl Market {
    /// `.HK` trades in Hong Kong; everything else on the mainland calendar.
    pub fn of(symbol: &Symbol) -> Market {
        if symbol.is_hong_kong() {
            Market::HongKong
        } else {
            Market::Mainland
        }
    }

    /// The exchange code the holiday list uses.
    fn code(self) -> &'static str {
        match self {
            Market::Mainland => "XSHG/XSHE",
            Market::HongKong => "XHKG",
        }
    }
}

/// Weekday closures per market, parsed once from the embedded list.
struct Closures {
    mainland: BTreeSet<NaiveDate>,
    hong_kong: BTreeSet<NaiveDate>,
}

impl Closures {
    fn of(&self, market: Market) -> &BTreeSet<NaiveDate> {
        match market {
            Market::Mainland => &self.mainland,
            Market::HongKong => &self.hong_kong,
        }
    }
}

/// Parses `date,market,note` lines; `#` lines and the header are skipped.
fn parse_closures(text: &str) -> Result<Closures, String> {
    let mut closures = Closures {
        mainland: BTreeSet::new(),
        hong_kong: BTreeSet::new(),
    };
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("date,") {
            continue;
        }
        let mut fields = line.split(',');
        let (date, market) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|e| format!("line {}: date {date:?}: {e}", index + 1))?;
        let set = match market {
            m if m == Market::Mainland.code() => &mut closures.mainland,
            m if m == Market::HongKong.code() => &mut closures.hong_kong,
            other => return Err(format!("line {}: unknown market {other:?}", index + 1)),
        };
        set.insert(date);
    }
    Ok(closures)
}

fn closures() -> &'static Closures {
    static CLOSURES: OnceLock<Closures> = OnceLock::new();
    CLOSURES.get_or_init(|| {
        // The list is compiled in and checked by a unit test: a parse error
        // here is a bug in the build, not bad user input.
        parse_closures(HOLIDAYS_CSV)
            .unwrap_or_else(|e| panic!("assets/holidays.csv is broken: {e}"))
    })
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// True when `market` holds a session on `date` (half days included).
pub fn is_trading_day(market: Market, date: NaiveDate) -> bool {
    !is_weekend(date) && !closures().of(market).contains(&date)
}

/// Every trading day of `market` in `[start, end]`, in order.
pub fn trading_days(market: Market, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    start
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| is_trading_day(market, *d))
        .collect()
}

/// The first trading day strictly after `date`.
pub fn next_trading_day(market: Market, date: NaiveDate) -> NaiveDate {
    date.iter_days()
        .skip(1)
        .find(|d| is_trading_day(market, *d))
        // Every week has weekdays and the list closes no whole year, so the
        // search ends within days; NaiveDate::MAX is the only way out.
        .unwrap_or(NaiveDate::MAX)
}

/// The first session of `market` whose prices can react to results released
/// on `date` at `session`: that day (or the next trading day when it is
/// closed) for before-open and intraday releases, the next trading day after
/// `date` for after-close releases.
pub fn first_reacting_session(market: Market, date: NaiveDate, session: Session) -> NaiveDate {
    match session {
        Session::BeforeOpen | Session::Intraday if is_trading_day(market, date) => date,
        Session::BeforeOpen | Session::Intraday | Session::AfterClose => {
            next_trading_day(market, date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_embedded_list_parses_and_covers_both_markets() {
        let parsed = parse_closures(HOLIDAYS_CSV).unwrap();
        assert!(parsed.mainland.len() > 30 && parsed.hong_kong.len() > 25);
        for date in parsed.mainland.iter().chain(&parsed.hong_kong) {
            assert!(COVERED_YEARS.contains(&date.year()), "{date}");
            assert!(
                !is_weekend(*date),
                "{date} is a weekend, the list holds weekday closures"
            );
        }
    }

    #[test]
    fn a_broken_line_is_named() {
        let err = parse_closures("date,market,note\n2025-13-01,XHKG,\n")
            .err()
            .unwrap();
        assert!(err.starts_with("line 2: "), "{err}");
        let err = parse_closures("2025-01-01,NYSE,\n").err().unwrap();
        assert!(err.contains("NYSE"), "{err}");
    }

    #[test]
    fn calendars_differ_where_the_exchanges_did() {
        // 2025-05-02: Hong Kong open, mainland still on the Labour Day break.
        assert!(is_trading_day(Market::HongKong, d("2025-05-02")));
        assert!(!is_trading_day(Market::Mainland, d("2025-05-02")));
        // Good Friday and Easter Monday 2025: A-share-only sessions.
        for date in ["2025-04-18", "2025-04-21"] {
            assert!(is_trading_day(Market::Mainland, d(date)), "{date}");
            assert!(!is_trading_day(Market::HongKong, d(date)), "{date}");
        }
        // Half days trade: Christmas Eve 2024 in Hong Kong.
        assert!(is_trading_day(Market::HongKong, d("2024-12-24")));
        // A weekend is closed everywhere, also outside the covered years.
        for date in ["2025-05-03", "2025-05-04", "2030-06-01"] {
            assert!(!is_trading_day(Market::Mainland, d(date)), "{date}");
            assert!(!is_trading_day(Market::HongKong, d(date)), "{date}");
        }
        // Outside 2024–2025 every weekday trades (documented simplification).
        assert!(is_trading_day(Market::Mainland, d("2026-01-01")));
    }

    #[test]
    fn market_follows_the_suffix() {
        assert_eq!(
            Market::of(&Symbol::parse("9988.HK").unwrap()),
            Market::HongKong
        );
        assert_eq!(
            Market::of(&Symbol::parse("HSTECH.HK").unwrap()),
            Market::HongKong
        );
        assert_eq!(
            Market::of(&Symbol::parse("688256.SS").unwrap()),
            Market::Mainland
        );
        assert_eq!(
            Market::of(&Symbol::parse("300308.SZ").unwrap()),
            Market::Mainland
        );
    }

    #[test]
    fn trading_days_skip_weekends_and_holidays() {
        // Week of 2025-04-28: Mon-Wed trade on both; Thu 05-01 closed on both;
        // Fri 05-02 Hong Kong only; Mon 05-05 closed on both.
        let hk = trading_days(Market::HongKong, d("2025-04-28"), d("2025-05-06"));
        let cn = trading_days(Market::Mainland, d("2025-04-28"), d("2025-05-06"));
        let days = |list: &[&str]| list.iter().map(|s| d(s)).collect::<Vec<_>>();
        assert_eq!(
            hk,
            days(&[
                "2025-04-28",
                "2025-04-29",
                "2025-04-30",
                "2025-05-02",
                "2025-05-06"
            ])
        );
        assert_eq!(
            cn,
            days(&["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-06"])
        );
        assert!(trading_days(Market::HongKong, d("2025-05-06"), d("2025-05-05")).is_empty());
    }

    #[test]
    fn next_trading_day_is_strictly_after() {
        assert_eq!(
            next_trading_day(Market::Mainland, d("2025-04-30")),
            d("2025-05-06")
        );
        assert_eq!(
            next_trading_day(Market::HongKong, d("2025-04-30")),
            d("2025-05-02")
        );
        assert_eq!(
            next_trading_day(Market::HongKong, d("2025-05-02")),
            d("2025-05-06")
        );
        // Chinese New Year 2025: mainland closed 01-28..02-04.
        assert_eq!(
            next_trading_day(Market::Mainland, d("2025-01-27")),
            d("2025-02-05")
        );
    }

    #[test]
    fn the_first_reacting_session_follows_the_release_time() {
        // Alibaba reported on Thursday 2025-05-15 after the Hong Kong close.
        let hk = Market::HongKong;
        assert_eq!(
            first_reacting_session(hk, d("2025-05-15"), Session::AfterClose),
            d("2025-05-16")
        );
        // Trip.com before the open on Monday 2025-05-19: that day reacts.
        assert_eq!(
            first_reacting_session(hk, d("2025-05-19"), Session::BeforeOpen),
            d("2025-05-19")
        );
        assert_eq!(
            first_reacting_session(hk, d("2025-05-19"), Session::Intraday),
            d("2025-05-19")
        );
        // Before the open on a holiday (Good Friday 2025-04-18): Easter Monday
        // is closed too, so Tuesday 04-22 is the first session.
        assert_eq!(
            first_reacting_session(hk, d("2025-04-18"), Session::BeforeOpen),
            d("2025-04-22")
        );
        // After the close on a Friday: the next Monday.
        assert_eq!(
            first_reacting_session(hk, d("2025-05-23"), Session::AfterClose),
            d("2025-05-26")
        );
    }
}
