//! Only rows that can be real: dated inside the asked window and on a
//! session of the symbol's market. A source that sends more (Tushare past
//! `end_date`, a Saturday) has those rows dropped and said, never stored.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Rows;
use crate::domain::Symbol;
use crate::domain::calendar::{Market, is_trading_day};

/// Dates listed in a note before "and N more".
const LISTED: usize = 3;

/// Drops from `got` the rows outside `from..=to` and those on a day the
/// symbol's market is closed; each kind is said once in `got.notes`.
pub fn keep_sessions(symbol: &Symbol, from: NaiveDate, to: NaiveDate, got: &mut Rows) {
    let mut outside = Vec::new();
    let mut closed = Vec::new();
    got.rows.retain(|row| {
        if row.date < from || row.date > to {
            outside.push(row.date);
            false
        } else if !is_session(symbol, row.date) {
            closed.push(row.date);
            false
        } else {
            true
        }
    });
    if !outside.is_empty() {
        got.notes.push(format!(
            "{symbol}: {} outside the asked {from}..{to} not stored ({})",
            rows_text(outside.len()),
            listed(&outside)
        ));
    }
    if !closed.is_empty() {
        got.notes.push(format!(
            "{symbol}: {} on days its market is closed not stored ({})",
            rows_text(closed.len()),
            listed(&closed)
        ));
    }
}

/// True when `symbol`'s market trades on `date`. No market we fetch trades
/// at weekends; the calendar of `Market::of` applies to every symbol but an
/// index (`^HSI`, `^GSPC`), whose exchange its name does not say.
pub fn is_session(symbol: &Symbol, date: NaiveDate) -> bool {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    symbol.as_str().starts_with('^') || is_trading_day(Market::of(symbol), date)
}

fn rows_text(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{n} rows")
    }
}

/// `2025-04-26 (Sat)`, `…, and 4 more`.
fn listed(dates: &[NaiveDate]) -> String {
    let mut text: Vec<String> = dates
        .iter()
        .take(LISTED)
        .map(|d| format!("{d} ({})", d.format("%a")))
        .collect();
    if dates.len() > LISTED {
        text.push(format!("and {} more", dates.len() - LISTED));
    }
    text.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PriceRow;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rows(dates: &[&str]) -> Rows {
        Rows {
            rows: dates
                .iter()
                .map(|s| PriceRow::close_only(d(s), 10.0))
                .collect(),
            ..Rows::default()
        }
    }

    #[test]
    fn rows_outside_the_window_or_on_closed_days_are_dropped_and_said() {
        let symbol = Symbol::parse("300308.SZ").unwrap();
        // 2025-04-26 is a Saturday; 2025-05-01 is Labour Day on the
        // mainland (assets/holidays.csv); 2099-01-05 is far past --to.
        let mut got = rows(&[
            "2025-04-25",
            "2025-04-26",
            "2025-05-01",
            "2025-05-06",
            "2099-01-05",
        ]);
        keep_sessions(&symbol, d("2025-04-01"), d("2025-06-30"), &mut got);
        let kept: Vec<NaiveDate> = got.rows.iter().map(|r| r.date).collect();
        assert_eq!(kept, [d("2025-04-25"), d("2025-05-06")]);
        assert_eq!(
            got.notes,
            [
                "300308.SZ: 1 row outside the asked 2025-04-01..2025-06-30 not stored (2099-01-05 (Mon))",
                "300308.SZ: 2 rows on days its market is closed not stored (2025-04-26 (Sat), 2025-05-01 (Thu))",
            ]
        );
    }

    #[test]
    fn an_index_keeps_weekdays_its_calendar_is_not_known_for() {
        let hsi = Symbol::parse("^HSI").unwrap();
        // A mainland holiday on which Hong Kong traded (2025-05-02): kept
        // for ^HSI, whose market the calendar cannot tell.
        assert!(is_session(&hsi, d("2025-05-02")));
        assert!(!is_session(&hsi, d("2025-05-03")));
        let hk = Symbol::parse("0700.HK").unwrap();
        assert!(is_session(&hk, d("2025-05-02")));
        assert!(!is_session(
            &Symbol::parse("600000.SH").unwrap(),
            d("2025-05-02")
        ));
    }
}
