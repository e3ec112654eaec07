//! The cache: where files live, reading and writing them safely, import and
//! the embedded demo set. Nothing here knows about the terminal.

pub mod demo;
pub mod fetch;
pub mod import;
pub mod tables;

mod atomic;
mod calendars;
mod date_text;
mod files;
mod guard;
mod library;
mod paths;
mod prices;
mod series;
mod workspace;

use std::collections::BTreeMap;
use std::path::Path;

pub use atomic::write_atomic;
pub use calendars::{calendars_file, load_calendars};
pub use files::{
    FileError, NOTE_ORDER, basket_to_toml, parse_basket, parse_watchlist, read_baskets,
    read_watchlist, validate_basket, watchlist_to_toml, write_basket, write_watchlist,
};
pub(crate) use guard::no_panic;
pub use library::{Fingerprints, SaveError, SaveReport};
pub use paths::Layout;
pub use prices::{
    DecodeError, DecodeNotes, OPTIONAL_COLUMNS, PriceFileError, decode_parquet,
    decode_parquet_columns, decode_parquet_noting, encode_parquet, encode_parquet_named,
    parquet_name, read_price_file, read_price_file_columns, read_price_file_noting,
};
pub use series::{ReadSeries, read_price_series};
pub use workspace::{OpenError, Workspace, resolve_data_dir};

use rayon::prelude::*;

use crate::domain::{Basket, Method, PriceBook, PriceSeries, Symbol, Watchlist};

/// The warning for a series whose rows only partly have `adj_close`.
pub fn partly_adjusted_note(symbol: &Symbol, adjusted: usize, rows: usize) -> String {
    format!(
        "{symbol}: adj_close on only {adjusted} of {rows} rows, so every number uses close; import adj_close for every row (or none) to fix it"
    )
}

/// A data dir, opened: the layout plus the operations on its files.
#[derive(Debug, Clone)]
pub struct Store {
    layout: Layout,
}

impl Store {
    /// Opens (creating if needed) the data dir at `root`.
    pub fn open(root: &Path) -> std::io::Result<Store> {
        let layout = Layout::new(root);
        std::fs::create_dir_all(layout.prices_dir())?;
        std::fs::create_dir_all(layout.baskets_dir())?;
        Ok(Store { layout })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// True when the data dir has no baskets and no prices: the embedded
    /// default is installed then.
    pub fn is_empty(&self) -> bool {
        let empty = |dir: &Path| {
            std::fs::read_dir(dir)
                .map(|mut entries| entries.next().is_none())
                .unwrap_or(true)
        };
        empty(&self.layout.prices_dir()) && empty(&self.layout.baskets_dir())
    }

    pub fn load_baskets(&self) -> (Vec<Basket>, Vec<FileError>) {
        read_baskets(&self.layout.baskets_dir())
    }

    pub fn save_basket(&self, basket: &Basket) -> Result<(), FileError> {
        write_basket(&self.layout.basket_file(&basket.id), basket)
    }

    pub fn load_watchlist(&self) -> Result<Watchlist, FileError> {
        read_watchlist(&self.layout.watchlist_file())
    }

    pub fn save_watchlist(&self, list: &Watchlist) -> Result<(), FileError> {
        write_watchlist(&self.layout.watchlist_file(), list)
    }

    /// Every cached symbol, from the file names in `prices/`, sorted; a file
    /// whose name is not a valid symbol is returned as an error.
    pub fn cached_symbols(&self) -> (Vec<Symbol>, Vec<String>) {
        let mut symbols = Vec::new();
        let mut strays = Vec::new();
        if let Ok(entries) = std::fs::read_dir(self.layout.prices_dir()) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                match name.strip_suffix(".parquet").map(Symbol::parse) {
                    Some(Ok(s)) if s.file_name() == name => symbols.push(s),
                    _ => strays.push(name),
                }
            }
        }
        symbols.sort();
        strays.sort();
        (symbols, strays)
    }

    /// Loads the prices of `symbols`; a symbol without a file is simply
    /// absent ("no data"), an unreadable file is a named problem.
    pub fn load_prices<'a>(&self, symbols: impl IntoIterator<Item = &'a Symbol>) -> PriceBook {
        self.load_prices_with(symbols.into_iter().map(|s| (s, true)))
    }

    /// Loads the prices of `symbols`, each with whether its `mcap` is
    /// wanted (only the cap method reads it; without it the series' `mcap`
    /// is empty). Files are read on all cores, and only their `date`,
    /// `close`, `adj_close` (and `mcap`) columns.
    pub fn load_prices_with<'a>(
        &self,
        symbols: impl IntoIterator<Item = (&'a Symbol, bool)>,
    ) -> PriceBook {
        let dir = self.layout.prices_dir();
        let mut wanted: Vec<(&Symbol, bool)> = Vec::new();
        let mut seen: BTreeMap<&Symbol, usize> = BTreeMap::new();
        for (symbol, mcap) in symbols {
            match seen.get(symbol) {
                Some(&at) => wanted[at].1 |= mcap,
                None => {
                    seen.insert(symbol, wanted.len());
                    wanted.push((symbol, mcap));
                }
            }
        }
        let loaded: Vec<Option<Loaded>> = wanted
            .par_iter()
            .map(|(symbol, mcap)| {
                let path = dir.join(symbol.file_name());
                if !path.exists() {
                    return None;
                }
                Some(load_one(&path, symbol, *mcap))
            })
            .collect();
        let mut book = PriceBook::default();
        for ((symbol, _), outcome) in wanted.into_iter().zip(loaded) {
            match outcome {
                Some(Ok((series, warning))) => {
                    book.problems
                        .extend(warning.map(|note| (symbol.clone(), note)));
                    book.series.insert(symbol.clone(), series);
                }
                Some(Err(problem)) => book.problems.push((symbol.clone(), problem)),
                None => {}
            }
        }
        book
    }

    /// Loads the prices of every member of every basket.
    pub fn load_basket_prices(&self, baskets: &[Basket]) -> PriceBook {
        self.load_prices(
            baskets
                .iter()
                .flat_map(|b| b.members.iter().map(|m| &m.symbol)),
        )
    }

    /// Loads what one computation with `method_override` needs of the
    /// baskets' members: `mcap` only for members of baskets weighted by cap
    /// (memory grows with the members, not with the columns of the files).
    pub fn load_basket_prices_for(
        &self,
        baskets: &[Basket],
        method_override: Option<Method>,
    ) -> PriceBook {
        self.load_prices_with(baskets.iter().flat_map(|b| {
            // A single series is never weighted (compute::effective_method).
            let cap = !b.is_single() && method_override.unwrap_or(b.method) == Method::Cap;
            b.members.iter().map(move |m| (&m.symbol, cap))
        }))
    }
}

/// One price file read for compute: its series and the warning of a
/// partly adjusted series (which loads, using close), or why it did not load.
type Loaded = Result<(PriceSeries, Option<String>), String>;

fn load_one(path: &Path, symbol: &Symbol, mcap: bool) -> Loaded {
    let read = read_price_series(path, mcap).map_err(|e| e.to_string())?;
    let warning = read
        .partly
        .map(|(n, rows)| partly_adjusted_note(symbol, n, rows));
    Ok((read.series, warning))
}
