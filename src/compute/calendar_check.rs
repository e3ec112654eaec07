//! Prices against the exchange calendars (`spillover check`): a price on a
//! day the market is closed, and a known session that no symbol of a market
//! (of at least [`MIN_SYMBOLS`]) has a price on.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::domain::calendar::{Calendars, Market};
use crate::domain::{PriceBook, Symbol};

/// A market needs this many symbols before a session missing from all of
/// them is suspicious (with fewer, a shared suspension is as likely).
pub const MIN_SYMBOLS: usize = 5;

/// A symbol with prices on days its market is closed.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceOnClosedDay {
    pub symbol: Symbol,
    pub market: Market,
    pub dates: Vec<NaiveDate>,
}

/// Known sessions of a market on which none of its symbols has a price.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingSessions {
    pub market: Market,
    pub dates: Vec<NaiveDate>,
    pub symbols: Vec<Symbol>,
}

/// What the cross-check found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalendarFindings {
    pub closed: Vec<PriceOnClosedDay>,
    pub missing: Vec<MissingSessions>,
}

/// Checks every series of `book` against `calendars`. Assumed days (past a
/// market's known years) are not checked: nothing is known about them.
pub fn check_calendars(book: &PriceBook, calendars: &Calendars) -> CalendarFindings {
    let mut found = CalendarFindings::default();
    let mut by_market: BTreeMap<Market, Vec<&Symbol>> = BTreeMap::new();
    for (symbol, series) in &book.series {
        let market = Market::of(symbol);
        by_market.entry(market).or_default().push(symbol);
        let dates: Vec<NaiveDate> = series
            .dates
            .iter()
            .copied()
            .filter(|d| !calendars.is_session(market, *d) && !calendars.is_estimated(market, *d))
            .collect();
        if !dates.is_empty() {
            found.closed.push(PriceOnClosedDay {
                symbol: symbol.clone(),
                market,
                dates,
            });
        }
    }
    for (market, symbols) in by_market {
        if symbols.len() < MIN_SYMBOLS {
            continue;
        }
        let series: Vec<_> = symbols.iter().filter_map(|s| book.get(s)).collect();
        let (Some(first), Some(last)) = (
            series.iter().filter_map(|s| s.first_date()).min(),
            series.iter().filter_map(|s| s.last_date()).max(),
        ) else {
            continue;
        };
        let traded: BTreeSet<NaiveDate> = series
            .iter()
            .flat_map(|s| s.dates.iter().copied())
            .collect();
        let dates: Vec<NaiveDate> = calendars
            .sessions(market, first, last)
            .into_iter()
            .filter(|d| !traded.contains(d) && !calendars.is_estimated(market, *d))
            .collect();
        if !dates.is_empty() {
            found.missing.push(MissingSessions {
                market,
                dates,
                symbols: symbols.into_iter().cloned().collect(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PriceSeries;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn series(days: &[NaiveDate]) -> PriceSeries {
        let pairs: Vec<(NaiveDate, f64)> = days.iter().map(|d| (*d, 10.0)).collect();
        PriceSeries::from_pairs(&pairs)
    }

    #[test]
    fn new_year_2026_prices_and_gaps_are_found() {
        let cal = Calendars::embedded();
        // Hong Kong, around Chinese New Year 2026 (closed 02-17..19).
        let hk = cal.sessions(Market::HongKong, d("2026-02-09"), d("2026-02-27"));
        let mut book = PriceBook::default();
        for (i, code) in ["0700.HK", "9988.HK", "3690.HK", "9618.HK", "1810.HK"]
            .iter()
            .enumerate()
        {
            let mut days: Vec<NaiveDate> = hk
                .iter()
                .copied()
                .filter(|day| *day != d("2026-02-24"))
                .collect();
            if i == 0 {
                days.push(d("2026-02-18"));
                days.sort();
            }
            book.series
                .insert(Symbol::parse(code).unwrap(), series(&days));
        }
        // The mainland, with fewer than five symbols: no gap check.
        let cn = cal.sessions(Market::Mainland, d("2026-02-09"), d("2026-02-27"));
        book.series
            .insert(Symbol::parse("300308.SZ").unwrap(), series(&cn[1..]));
        let found = check_calendars(&book, cal);
        assert_eq!(found.closed.len(), 1);
        assert_eq!(found.closed[0].symbol.as_str(), "0700.HK");
        assert_eq!(found.closed[0].dates, [d("2026-02-18")]);
        assert_eq!(found.missing.len(), 1);
        assert_eq!(found.missing[0].market, Market::HongKong);
        assert_eq!(found.missing[0].dates, [d("2026-02-24")]);
        assert_eq!(found.missing[0].symbols.len(), 5);
    }

    #[test]
    fn assumed_days_are_not_checked() {
        // 2027 is past the mainland's known calendar: a weekday is assumed.
        let mut book = PriceBook::default();
        book.series.insert(
            Symbol::parse("300308.SZ").unwrap(),
            series(&[d("2027-02-08"), d("2027-02-10")]),
        );
        assert_eq!(
            check_calendars(&book, Calendars::embedded()),
            CalendarFindings::default()
        );
    }
}
