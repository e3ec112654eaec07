//! Which exchange's calendar a symbol trades on.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::Symbol;

/// The exchange whose calendar a symbol trades on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Market {
    /// Shanghai and Shenzhen (`.SH`, `.SZ`, and any other suffix), one calendar.
    Mainland,
    /// Hong Kong (`.HK`).
    HongKong,
    /// New York (no exchange suffix, or `.US`).
    NewYork,
}

impl Market {
    /// Every market, in the order the calendars list them.
    pub const ALL: [Market; 3] = [Market::Mainland, Market::HongKong, Market::NewYork];

    /// `.HK` trades in Hong Kong; no suffix or `.US` in New York; every
    /// other suffix (`.SH`, `.SZ`, `.BJ`) on the mainland calendar.
    pub fn of(symbol: &Symbol) -> Market {
        let text = symbol.as_str();
        if symbol.is_hong_kong() {
            Market::HongKong
        } else if text.ends_with(".US") || !text.contains('.') {
            Market::NewYork
        } else {
            Market::Mainland
        }
    }

    /// The exchange code the calendar files use.
    pub fn code(self) -> &'static str {
        match self {
            Market::Mainland => "XSHG",
            Market::HongKong => "XHKG",
            Market::NewYork => "XNYS",
        }
    }

    /// Reads an exchange code: `XSHG`, `XSHE` or `XSHG/XSHE` (one calendar),
    /// `XHKG`, `XNYS`, in any case.
    pub fn parse(code: &str) -> Option<Market> {
        match code.trim().to_ascii_uppercase().as_str() {
            "XSHG" | "XSHE" | "XSHG/XSHE" => Some(Market::Mainland),
            "XHKG" => Some(Market::HongKong),
            "XNYS" => Some(Market::NewYork),
            _ => None,
        }
    }
}

impl std::fmt::Display for Market {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}
