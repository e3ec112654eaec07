//! The cache: where files live, reading and writing them safely, import and
//! the embedded demo set. Nothing here knows about the terminal.

pub mod demo;
pub mod fetch;
pub mod import;
pub mod tables;

mod atomic;
mod files;
mod library;
mod paths;
mod prices;
mod workspace;

use std::path::Path;

pub use atomic::write_atomic;
pub use files::{
    FileError, NOTE_ORDER, basket_to_toml, parse_basket, parse_watchlist, read_baskets,
    read_watchlist, validate_basket, watchlist_to_toml, write_basket, write_watchlist,
};
pub use library::{Fingerprints, SaveError, SaveReport};
pub use paths::Layout;
pub use prices::{
    DecodeError, OPTIONAL_COLUMNS, PriceFileError, decode_parquet, encode_parquet, read_price_file,
};
pub use workspace::{OpenError, Workspace, resolve_data_dir};

use crate::domain::{Basket, PriceBook, PriceSeries, Symbol, Watchlist};

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
        let mut book = PriceBook::default();
        let dir = self.layout.prices_dir();
        for symbol in symbols {
            if book.series.contains_key(symbol) {
                continue;
            }
            let path = dir.join(symbol.file_name());
            if !path.exists() {
                continue;
            }
            match read_price_file(&path) {
                Ok(table) => {
                    if let Some(n) = table.partly_adjusted() {
                        book.problems.push((
                            symbol.clone(),
                            partly_adjusted_note(symbol, n, table.rows.len()),
                        ));
                    }
                    book.series
                        .insert(symbol.clone(), PriceSeries::from_table(&table));
                }
                Err(e) => book.problems.push((symbol.clone(), e.to_string())),
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
}
