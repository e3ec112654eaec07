//! The embedded default: the seed note's baskets, the May earnings
//! watchlist and deterministic synthetic prices, compiled into the binary
//! (from `assets/`) so that it works from any directory.
//!
//! [`install`] fills a new cache; [`reset`] (`spillover demo --reset`)
//! restores the defaults in a used one. Neither ever overwrites imported
//! prices.

mod prices;
mod remove;
mod rng;
mod story;
mod universe;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

pub use prices::{FIRST_DAY, LAST_DAY, price_limit, round_to_cent};
pub use remove::{Removed, remove_demo};
pub use universe::{
    UNIVERSE_BASKET_SIZE, UNIVERSE_LAST_DAY, UNIVERSE_MAX_SYMBOLS, UniverseError, UniverseSpec,
    install_universe, universe_baskets, universe_calendar, universe_symbol, universe_symbols,
    universe_table,
};

use super::{FileError, Store, encode_parquet, parse_basket, parse_watchlist};
use super::{read_price_file, write_atomic};
use crate::domain::PriceTable;
use crate::domain::{Basket, BasketId, Symbol, Watchlist};

/// The research note's date: the TUI opens the demo there.
pub const DEMO_AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2025, 5, 7) {
    Some(date) => date,
    None => panic!("2025-05-07 is a date"),
};

/// The default baskets: file name (the basket id) and text.
const BASKET_FILES: [(&str, &str); 6] = [
    (
        "na-chain.toml",
        include_str!("../../../assets/baskets/na-chain.toml"),
    ),
    (
        "domestic-chain.toml",
        include_str!("../../../assets/baskets/domestic-chain.toml"),
    ),
    (
        "hk-internet.toml",
        include_str!("../../../assets/baskets/hk-internet.toml"),
    ),
    (
        "alibaba.toml",
        include_str!("../../../assets/baskets/alibaba.toml"),
    ),
    (
        "hstech.toml",
        include_str!("../../../assets/baskets/hstech.toml"),
    ),
    (
        "us-csp.toml",
        include_str!("../../../assets/baskets/us-csp.toml"),
    ),
];

const WATCHLIST: &str = include_str!("../../../assets/watchlist.toml");

const DEMO_MARKER_TEXT: &str = "The prices in this cache are spillover's synthetic demo set \
(generated, not market data). Import real prices with `spillover import`.\n";

/// Why the default could not be installed; nothing half-written is left
/// (each file is replaced atomically).
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("demo prices of {symbol}: cannot encode: {detail}")]
    Encode { symbol: Symbol, detail: String },
    #[error("{path}: not saved: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// What [`install`] or [`reset`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstallSummary {
    pub baskets_written: Vec<BasketId>,
    /// Baskets already in the cache and left as the user has them (install only).
    pub baskets_kept: Vec<BasketId>,
    pub watchlist_written: bool,
    pub prices_written: Vec<Symbol>,
    /// Price files holding imported (non-demo) prices: never overwritten.
    pub prices_kept: Vec<Symbol>,
}

/// The six default baskets, parsed from the embedded TOML.
pub fn default_baskets() -> Vec<Basket> {
    BASKET_FILES
        .iter()
        .map(|(file, text)| {
            // Compiled-in assets, parsed by a unit test: an error is a bug.
            parse_basket(Path::new(file), text)
                .unwrap_or_else(|e| panic!("embedded basket asset is broken: {e}"))
        })
        .collect()
}

/// The embedded earnings watchlist, sorted by date.
pub fn default_watchlist() -> Watchlist {
    parse_watchlist(Path::new("watchlist.toml"), WATCHLIST)
        .unwrap_or_else(|e| panic!("embedded watchlist asset is broken: {e}"))
}

/// The demo prices of every symbol of the default baskets (`demo: true`).
pub fn demo_prices() -> BTreeMap<Symbol, PriceTable> {
    prices::generate(&default_baskets())
}

/// Installs the default into `store`: the six baskets, the watchlist and
/// the demo prices. Meant for a new cache; in a used one it keeps what is
/// there (a basket file of the same id, the watchlist, imported prices).
pub fn install(store: &Store) -> Result<InstallSummary, DemoError> {
    write_default(store, Overwrite::Nothing)
}

/// Restores the six default baskets and the watchlist as shipped and
/// rewrites the demo price files. A price file with imported prices is kept
/// (listed in the summary); other baskets are left alone.
pub fn reset(store: &Store) -> Result<InstallSummary, DemoError> {
    write_default(store, Overwrite::Defaults)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Overwrite {
    Nothing,
    Defaults,
}

fn write_default(store: &Store, overwrite: Overwrite) -> Result<InstallSummary, DemoError> {
    let layout = store.layout();
    let mut summary = InstallSummary::default();
    let baskets = default_baskets();
    for basket in &baskets {
        if overwrite == Overwrite::Nothing && layout.basket_file(&basket.id).exists() {
            summary.baskets_kept.push(basket.id.clone());
        } else {
            store.save_basket(basket)?;
            summary.baskets_written.push(basket.id.clone());
        }
    }
    if overwrite == Overwrite::Defaults || !layout.watchlist_file().exists() {
        store.save_watchlist(&default_watchlist())?;
        summary.watchlist_written = true;
    }
    for (symbol, table) in prices::generate(&baskets) {
        let path = layout.price_file(&symbol);
        if holds_imported_prices(&path) {
            summary.prices_kept.push(symbol);
            continue;
        }
        let bytes = encode_parquet(&table).map_err(|e| DemoError::Encode {
            symbol: symbol.clone(),
            detail: e.to_string(),
        })?;
        write(&path, &bytes)?;
        summary.prices_written.push(symbol);
    }
    write(&layout.demo_marker(), DEMO_MARKER_TEXT.as_bytes())?;
    Ok(summary)
}

/// True for a readable price file without the demo mark. An unreadable file
/// holds no usable prices, so the demo may replace it.
fn holds_imported_prices(path: &Path) -> bool {
    path.exists() && read_price_file(path).is_ok_and(|table| !table.demo)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), DemoError> {
    write_atomic(path, bytes).map_err(|source| DemoError::Write {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Market;
    use crate::domain::{Method, Session};

    #[test]
    fn every_embedded_asset_parses() {
        let baskets = default_baskets();
        let ids: Vec<&str> = baskets.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "na-chain",
                "domestic-chain",
                "hk-internet",
                "alibaba",
                "hstech",
                "us-csp"
            ]
        );
        let sizes: Vec<usize> = baskets.iter().map(|b| b.members.len()).collect();
        assert_eq!(sizes, [47, 41, 10, 1, 1, 5]);
        for basket in &baskets {
            assert_eq!(basket.method, Method::Equal, "{}", basket.id);
            assert!(!basket.description.is_empty(), "{}", basket.id);
            for member in &basket.members {
                assert!(
                    !member.name.is_empty() && !member.name_en.is_empty(),
                    "{}",
                    member.symbol
                );
                assert!(!member.segment.is_empty(), "{}", member.symbol);
            }
        }
        // 47 + 41 + 10 HK platforms + HSTECH (Alibaba appears twice) + 5 US.
        let symbols: std::collections::BTreeSet<_> = baskets
            .iter()
            .flat_map(|b| b.members.iter().map(|m| &m.symbol))
            .collect();
        assert_eq!(symbols.len(), 104);
        assert!(symbols.iter().all(|s| !s.as_str().ends_with(".SS")));
        let us: Vec<&str> = baskets[5]
            .members
            .iter()
            .map(|m| m.symbol.as_str())
            .collect();
        assert_eq!(us, ["MSFT", "GOOGL", "AMZN", "META", "ORCL"]);
        for member in &baskets[5].members {
            assert_eq!(Market::of(&member.symbol), Market::NewYork);
        }

        let list = default_watchlist();
        assert_eq!(list.events.len(), 22);
        let us_reports = list
            .events
            .iter()
            .filter(|e| Market::of(&e.symbol) == Market::NewYork)
            .count();
        assert_eq!(us_reports, 10);
        let msft_april = list
            .events
            .iter()
            .find(|e| e.symbol.as_str() == "MSFT" && e.date.to_string() == "2025-04-30")
            .expect("Microsoft's April report");
        assert_eq!(msft_april.session, Session::AfterClose);
        assert!(msft_april.outcome.contains("Azure +33%"));
        let alibaba_may = list
            .events
            .iter()
            .find(|e| e.symbol.as_str() == "9988.HK" && e.date.to_string() == "2025-05-15")
            .expect("Alibaba's May report");
        assert_eq!(alibaba_may.symbol.as_str(), "9988.HK");
        assert_eq!(
            alibaba_may.date,
            NaiveDate::from_ymd_opt(2025, 5, 15).unwrap()
        );
        assert_eq!(alibaba_may.session, Session::AfterClose);
        assert!(alibaba_may.capex_last.contains("31.8"));
    }

    #[test]
    fn the_demo_opens_on_the_notes_date() {
        assert_eq!(DEMO_AS_OF.to_string(), "2025-05-07");
    }
}
