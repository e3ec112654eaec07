//! A synthetic market of any size (`spillover demo --universe N --days D`):
//! the cache the benches, the pandas comparison and the scale tests run on,
//! so anyone can reproduce every figure of the README's performance table.
//!
//! N stock files (`000001.SZ`, `000002.SZ`, ...) plus one single series
//! (`9988.HK`), each with `date`, `close` and `mcap` on the last D weekdays
//! up to [`UNIVERSE_LAST_DAY`], and three baskets named like the note's pair
//! so `report` and `export` run with their defaults: `na-chain` (the first
//! 500 stocks, or half of them), `domestic-chain` (the next 500) and
//! `alibaba` (`9988.HK` alone). Every member has a custom weight, so all
//! three methods can be timed.
//!
//! About one symbol in five lists after the first day, one in twenty is
//! delisted before the last, one in ten has a suspension of up to 20 days
//! (no rows). Prices are a seeded random walk, rounded to the cent: the
//! same bytes on every machine (SplitMix64 per symbol, `+ - * /` and
//! `round` only), marked as demo data like the embedded set.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rayon::prelude::*;

use super::rng::SplitMix64;
use super::{DemoError, round_to_cent, write};
use crate::domain::{Basket, BasketId, Member, Method, PriceRow, PriceTable, Symbol};
use crate::store::{Store, encode_parquet};

/// The last day of every synthetic universe.
pub const UNIVERSE_LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2025, 6, 30) {
    Some(date) => date,
    None => panic!("2025-06-30 is a date"),
};

/// Members of each of the two large baskets (fewer when the universe is small).
pub const UNIVERSE_BASKET_SIZE: usize = 500;

/// The most stock symbols a universe can name (six-digit codes).
pub const UNIVERSE_MAX_SYMBOLS: usize = 999_999;

/// The single series of the third basket.
const SINGLE_SYMBOL: &str = "9988.HK";

/// The seed of every stream ("UNIVERSE").
const SEED: u64 = 0x554E_4956_4552_5345;

const MARKER_TEXT: &str = "The prices in this cache are a synthetic universe written by \
`spillover demo --universe` (generated, not market data) for benchmarks.\n";

/// What to generate: `symbols` stock files over the last `days` weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UniverseSpec {
    pub symbols: usize,
    pub days: usize,
}

impl UniverseSpec {
    /// Refuses a universe too small to have its baskets, or too large to name.
    pub fn check(self) -> Result<(), UniverseError> {
        let UniverseSpec { symbols, days } = self;
        if !(2..=UNIVERSE_MAX_SYMBOLS).contains(&symbols) || days < 2 {
            return Err(UniverseError::Size { symbols, days });
        }
        Ok(())
    }
}

/// Why a universe was not written.
#[derive(Debug, thiserror::Error)]
pub enum UniverseError {
    #[error(
        "{0} already holds baskets or prices; a synthetic universe is written only into a new, empty data dir (pass --data-dir DIR)"
    )]
    NotEmpty(PathBuf),
    #[error(
        "a universe needs 2 to {UNIVERSE_MAX_SYMBOLS} symbols and at least 2 days, got {symbols} symbols and {days} days"
    )]
    Size { symbols: usize, days: usize },
    #[error(transparent)]
    Write(#[from] DemoError),
}

/// The `k`-th stock symbol (from 0): `000001.SZ`, `000002.SZ`, ...
pub fn universe_symbol(k: usize) -> Symbol {
    Symbol::parse(&format!("{:06}.SZ", k + 1)).expect("a six-digit code is a valid symbol")
}

/// The last `days` weekdays up to [`UNIVERSE_LAST_DAY`], oldest first.
pub fn universe_calendar(days: usize) -> Vec<NaiveDate> {
    let mut dates = Vec::with_capacity(days);
    let mut day = UNIVERSE_LAST_DAY;
    while dates.len() < days {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            dates.push(day);
        }
        day = day - Days::new(1);
    }
    dates.reverse();
    dates
}

/// The three baskets of a universe of `symbols` stocks.
pub fn universe_baskets(symbols: usize) -> Vec<Basket> {
    let size = UNIVERSE_BASKET_SIZE.min(symbols / 2);
    let basket = |id: &str, name: &str, members: Vec<Member>| Basket {
        id: BasketId::parse(id).expect("a valid basket id"),
        name: name.to_string(),
        description: "Synthetic members of a generated universe (benchmarks)".to_string(),
        method: Method::Equal,
        members,
    };
    let stocks = |range: std::ops::Range<usize>| -> Vec<Member> {
        range
            .map(|k| {
                let mut member = Member::new(universe_symbol(k), &format!("Synthetic {}", k + 1));
                // 1 to 5, so the custom method has something to weigh.
                member.weight = Some((k % 5 + 1) as f64);
                member
            })
            .collect()
    };
    let single = Symbol::parse(SINGLE_SYMBOL).expect("a valid symbol");
    vec![
        basket("na-chain", "Synthetic basket A", stocks(0..size)),
        basket(
            "domestic-chain",
            "Synthetic basket B",
            stocks(size..2 * size),
        ),
        basket(
            "alibaba",
            "Synthetic single series",
            vec![Member::new(single, "Synthetic single")],
        ),
    ]
}

/// Every symbol of the universe: the stocks, then the single series.
pub fn universe_symbols(symbols: usize) -> Vec<Symbol> {
    let mut all: Vec<Symbol> = (0..symbols).map(universe_symbol).collect();
    all.push(Symbol::parse(SINGLE_SYMBOL).expect("a valid symbol"));
    all
}

/// The price file of `symbol` on `calendar`: its listing, delisting and
/// suspension drawn from its own stream, then a random walk on its days.
pub fn universe_table(symbol: &Symbol, calendar: &[NaiveDate]) -> PriceTable {
    let mut rng = SplitMix64::for_name(SEED, symbol.as_str());
    let days = calendar.len();
    let at = |share: f64| ((days as f64 * share) as usize).min(days.saturating_sub(1));
    let first = if rng.uniform() < 0.2 {
        at(rng.between(0.0, 0.8))
    } else {
        0
    };
    let last = if rng.uniform() < 0.05 {
        (first + at(rng.between(0.1, 0.9))).min(days - 1)
    } else {
        days - 1
    };
    let halt = if rng.uniform() < 0.1 {
        let from = first + (rng.uniform() * (last - first + 1) as f64) as usize;
        let len = 1 + (rng.uniform() * 20.0) as usize;
        // The last row stays: a suspension is a gap, not a delisting.
        from..(from + len).min(last)
    } else {
        0..0
    };
    let shares = rng.between(1.0e8, 1.0e10);
    let mut price = rng.between(5.0, 100.0);
    let mut rows = Vec::with_capacity(last + 1 - first);
    for (t, date) in calendar.iter().enumerate().take(last + 1).skip(first) {
        if t > first {
            let move_ = (0.0003 + 0.02 * rng.normal()).clamp(-0.1, 0.1);
            price *= 1.0 + move_;
        }
        if halt.contains(&t) {
            continue;
        }
        let close = round_to_cent(price).max(0.01);
        let mut row = PriceRow::close_only(*date, close);
        row.mcap = Some(shares * close);
        rows.push(row);
    }
    PriceTable { rows, demo: true }
}

/// Writes a universe into the empty `store`: baskets, price files (on all
/// cores), and a marker saying the prices are synthetic. `progress` is
/// called with the number of price files written so far.
pub fn install_universe(
    store: &Store,
    spec: UniverseSpec,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<Basket>, UniverseError> {
    spec.check()?;
    let UniverseSpec { symbols, days } = spec;
    if !store.is_empty() {
        return Err(UniverseError::NotEmpty(store.layout().root().to_path_buf()));
    }
    let calendar = universe_calendar(days);
    let done = AtomicUsize::new(0);
    universe_symbols(symbols)
        .par_iter()
        .try_for_each(|symbol| {
            let table = universe_table(symbol, &calendar);
            let bytes = encode_parquet(&table).map_err(|e| DemoError::Encode {
                symbol: symbol.clone(),
                detail: e.to_string(),
            })?;
            write(&store.layout().price_file(symbol), &bytes)?;
            progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            Ok::<(), DemoError>(())
        })?;
    let baskets = universe_baskets(symbols);
    for basket in &baskets {
        store.save_basket(basket).map_err(DemoError::File)?;
    }
    write(&store.layout().demo_marker(), MARKER_TEXT.as_bytes())?;
    Ok(baskets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_is_the_last_weekdays() {
        let calendar = universe_calendar(6);
        assert_eq!(calendar.len(), 6);
        // 2025-06-30 is a Monday: the five weekdays before it are 06-23..06-27.
        assert_eq!(calendar[0].to_string(), "2025-06-23");
        assert_eq!(calendar[4].to_string(), "2025-06-27");
        assert_eq!(calendar[5], UNIVERSE_LAST_DAY);
    }

    #[test]
    fn tables_are_deterministic_sorted_and_positive() {
        let calendar = universe_calendar(400);
        let symbols = universe_symbols(200);
        let mut listed_late = 0;
        let mut delisted = 0;
        let mut gaps = 0;
        for symbol in &symbols {
            let table = universe_table(symbol, &calendar);
            assert_eq!(table, universe_table(symbol, &calendar), "{symbol}");
            let dates: Vec<NaiveDate> = table.rows.iter().map(|r| r.date).collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "{symbol}");
            assert!(table.rows.iter().all(|r| r.close > 0.0 && r.mcap.is_some()));
            let first = calendar.iter().position(|d| *d == dates[0]).unwrap();
            let last = calendar
                .iter()
                .position(|d| d == dates.last().unwrap())
                .unwrap();
            listed_late += usize::from(first > 0);
            delisted += usize::from(last < calendar.len() - 1);
            gaps += usize::from(last + 1 - first > dates.len());
        }
        // About 20%, 5% and 10% of 201: each case happens, none dominates.
        assert!((20..=65).contains(&listed_late), "{listed_late}");
        assert!((2..=25).contains(&delisted), "{delisted}");
        assert!((5..=40).contains(&gaps), "{gaps}");
    }

    #[test]
    fn the_baskets_are_500_500_and_1() {
        let sizes: Vec<usize> = universe_baskets(1000)
            .iter()
            .map(|b| b.members.len())
            .collect();
        assert_eq!(sizes, [500, 500, 1]);
        let sizes: Vec<usize> = universe_baskets(7)
            .iter()
            .map(|b| b.members.len())
            .collect();
        assert_eq!(sizes, [3, 3, 1]);
        assert_eq!(universe_symbol(0).as_str(), "000001.SZ");
    }
}
