//! Which demo series a number reads, so that outputs name them when they
//! are mixed with real ones (`DEMO: HSTECH.HK, 9626.HK`).

use serde::Serialize;

use super::{PriceBook, Symbol};

/// The demo series among the series a number reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DemoMix {
    /// The demo series read, in order (every one on the pure demo).
    pub series: Vec<Symbol>,
    /// True when real series are read as well.
    pub mixed: bool,
}

impl DemoMix {
    /// The mix of `symbols` in `book` (symbols without prices are not read).
    pub fn of<'a>(book: &PriceBook, symbols: impl IntoIterator<Item = &'a Symbol>) -> DemoMix {
        // A set for the duplicates: the workstation asks this of every
        // basket and of the whole book on each frame, and a `contains` on
        // the list made that quadratic in a 1,000-member basket.
        let mut seen = std::collections::HashSet::new();
        let mut series: Vec<Symbol> = Vec::new();
        let mut real = false;
        for symbol in symbols {
            match book.get(symbol) {
                Some(s) if s.demo && seen.insert(symbol) => series.push(symbol.clone()),
                Some(s) if s.demo => {}
                Some(_) => real = true,
                None => {}
            }
        }
        DemoMix {
            mixed: real && !series.is_empty(),
            series,
        }
    }

    /// `DEMO: A, B` when demo and real series are mixed, shortened to a count
    /// (`DEMO: 12 series`) past `max_chars`; `None` otherwise.
    pub fn label(&self, max_chars: usize) -> Option<String> {
        if !self.mixed {
            return None;
        }
        let names: Vec<&str> = self.series.iter().map(Symbol::as_str).collect();
        let full = format!("DEMO: {}", names.join(", "));
        Some(if full.chars().count() <= max_chars {
            full
        } else {
            format!("DEMO: {} series", names.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PriceSeries;
    use chrono::NaiveDate;

    fn book(entries: &[(&str, bool)]) -> PriceBook {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut book = PriceBook::default();
        for (symbol, demo) in entries {
            let mut series = PriceSeries::from_pairs(&[(day, 1.0)]);
            series.demo = *demo;
            book.series.insert(Symbol::parse(symbol).unwrap(), series);
        }
        book
    }

    #[test]
    fn names_the_demo_series_only_when_mixed() {
        let b = book(&[("HSTECH.HK", true), ("9626.HK", true), ("9988.HK", false)]);
        let all: Vec<Symbol> = b.series.keys().cloned().collect();
        let mix = DemoMix::of(&b, &all);
        assert!(mix.mixed);
        assert_eq!(mix.label(80).unwrap(), "DEMO: 9626.HK, HSTECH.HK");
        assert_eq!(mix.label(10).unwrap(), "DEMO: 2 series");
        let real_only = DemoMix::of(&b, &[Symbol::parse("9988.HK").unwrap()]);
        assert_eq!(real_only, DemoMix::default());
        let pure = DemoMix::of(&b, &[Symbol::parse("9626.HK").unwrap()]);
        assert!(!pure.mixed && pure.series.len() == 1 && pure.label(80).is_none());
    }

    #[test]
    fn the_default_as_of_follows_the_real_series() {
        let mut b = book(&[("9626.HK", true)]);
        let replay = NaiveDate::from_ymd_opt(2025, 5, 7).unwrap();
        let demo_last = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        b.series
            .get_mut(&Symbol::parse("9626.HK").unwrap())
            .unwrap()
            .dates = vec![demo_last];
        assert_eq!(b.opening_as_of(replay), Some(replay));
        assert_eq!(b.default_as_of(), Some(demo_last));
        let real = NaiveDate::from_ymd_opt(2024, 11, 29).unwrap();
        let mut series = PriceSeries::from_pairs(&[(real, 1.0)]);
        series.demo = false;
        b.series.insert(Symbol::parse("0700.HK").unwrap(), series);
        assert_eq!(b.opening_as_of(replay), Some(real));
        assert_eq!(b.default_as_of(), Some(real));
        assert_eq!(b.demo_series(), [Symbol::parse("9626.HK").unwrap()]);
    }
}
