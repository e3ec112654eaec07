//! The embedded calendar table against the generator's fixture: every
//! session `exchange_calendars` lists (tests/fixtures/calendars/sessions.csv,
//! written by tools/calendars/generate.py), so CI checks it without Python.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use spillover::domain::calendar::{Calendars, Market};

#[test]
fn the_embedded_table_has_exactly_the_packages_sessions() {
    let text = std::fs::read_to_string("tests/fixtures/calendars/sessions.csv").unwrap();
    let mut expected: BTreeSet<(Market, NaiveDate)> = BTreeSet::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && *l != "market,date")
    {
        let (code, date) = line.split_once(',').unwrap();
        let market = Market::parse(code).unwrap();
        expected.insert((market, NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap()));
    }
    let cal = Calendars::embedded();
    for market in Market::ALL {
        let until = cal.known_until(market);
        let from_fixture: Vec<NaiveDate> = expected
            .iter()
            .filter(|(m, _)| *m == market)
            .map(|(_, d)| *d)
            .collect();
        assert_eq!(from_fixture.last().unwrap().year(), until, "{market}");
        let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(until, 12, 31).unwrap();
        let embedded = cal.sessions(market, first, last);
        assert_eq!(embedded.len(), from_fixture.len(), "{market}");
        assert_eq!(embedded, from_fixture, "{market}");
    }
}
