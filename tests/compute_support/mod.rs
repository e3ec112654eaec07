//! Tiny hand-made price books and baskets for the compute tests.

use chrono::NaiveDate;
use spillover::domain::{Basket, BasketId, Member, Method, Symbol, Window};
use spillover::domain::{PriceBook, PriceSeries};

pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn sym(text: &str) -> Symbol {
    Symbol::parse(text).unwrap()
}

pub fn window(start: &str, end: &str) -> Window {
    Window::new(d(start), d(end)).unwrap()
}

/// A series of `(date, price)` rows without mcap.
pub fn prices(rows: &[(&str, f64)]) -> PriceSeries {
    let pairs: Vec<(NaiveDate, f64)> = rows.iter().map(|(t, p)| (d(t), *p)).collect();
    PriceSeries::from_pairs(&pairs)
}

/// A series of `(date, price, mcap)` rows.
pub fn prices_with_mcap(rows: &[(&str, f64, Option<f64>)]) -> PriceSeries {
    let mut series = prices(&rows.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>());
    series.mcap = rows.iter().map(|r| r.2).collect();
    series
}

pub fn book(entries: Vec<(&str, PriceSeries)>) -> PriceBook {
    let mut book = PriceBook::default();
    for (symbol, series) in entries {
        book.series.insert(sym(symbol), series);
    }
    book
}

/// A basket of `(symbol, file weight)` members.
pub fn basket(id: &str, method: Method, members: &[(&str, Option<f64>)]) -> Basket {
    Basket {
        id: BasketId::parse(id).unwrap(),
        name: id.to_string(),
        description: String::new(),
        method,
        members: members
            .iter()
            .map(|(symbol, weight)| {
                let mut member = Member::new(sym(symbol), symbol);
                member.weight = *weight;
                member
            })
            .collect(),
    }
}

pub fn assert_close(actual: f64, expected: f64) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual}"
    );
}

pub fn assert_all_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert_close(*a, *e);
    }
}

/// The `k`-th calendar day from 2025-01-01: the dates of generated files.
pub fn day(k: usize) -> NaiveDate {
    d("2025-01-01") + chrono::Days::new(k as u64)
}

/// A generated member's file: a price on day `k` where `cells[k]` has one
/// (gaps are suspensions or a late listing).
pub fn series(cells: &[Option<f64>]) -> PriceSeries {
    let pairs: Vec<(NaiveDate, f64)> = cells
        .iter()
        .enumerate()
        .filter_map(|(k, p)| p.map(|p| (day(k), p)))
        .collect();
    PriceSeries::from_pairs(&pairs)
}

/// Generated files as a book of members `M0.SZ`, `M1.SZ`, …
pub fn book_of(files: &[Vec<Option<f64>>]) -> PriceBook {
    let mut book = PriceBook::default();
    for (i, cells) in files.iter().enumerate() {
        book.series.insert(sym(&format!("M{i}.SZ")), series(cells));
    }
    book
}
