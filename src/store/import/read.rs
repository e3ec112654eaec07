//! From a file's grid and shape to its tables: where each row's symbol
//! comes from (a column, the file name, `--symbol`, the headers or a ticker
//! row), and what the summary should say about how symbols were named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::codes::{self, Market, qualify};
use super::detect::{ColumnMap, Shape, TickerColumns};
use super::error::{Location, Problem};
use super::format::Format;
use super::naming::Naming;
use super::summary::SkippedRow;
use super::tables::{self, Grid, Located, Read, Reading, Symbols};
use super::values::{self, Cell};
use crate::domain::{PriceRow, Symbol};

/// What the command line can add to the files themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The symbol of a per-symbol file, instead of its file name.
    pub symbol: Option<Symbol>,
    /// How to read dates no accepted form covers, in chrono's `%` codes
    /// (`%m/%d/%Y`); it also decides slash dates a column cannot.
    pub date_format: Option<String>,
    /// The market of bare codes (`700` is `0700.HK` only with `Market::Hk`).
    pub market: Market,
    /// The Excel sheet to read (default: the first).
    pub sheet: Option<String>,
}

/// One file, read and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    pub format: Format,
    /// Each symbol's rows, sorted by date, one row per date.
    pub tables: BTreeMap<Symbol, Vec<PriceRow>>,
    /// Columns present in the file that the import does not read.
    pub ignored_columns: Vec<String>,
    /// Rows without any price, passed over, in file order.
    pub skipped: Vec<SkippedRow>,
    /// Footer lines of a terminal export (`数据来源：Wind`), passed over.
    pub footer: Vec<String>,
    /// The names the file gives its symbols (名称 column, a names row).
    pub names: BTreeMap<Symbol, String>,
    /// Symbols the file did not write in full (a file name, bare codes).
    pub named: Vec<Naming>,
}

/// Reads `grid`, laid out as `shape`, into one validated table per symbol.
pub fn read_grid(
    path: &Path,
    grid: &dyn Grid,
    shape: Shape,
    format: Format,
    options: &ImportOptions,
    footer: Vec<String>,
) -> Result<ParsedFile, Located> {
    let reading = Reading {
        date_format: options.date_format.as_deref(),
        market: options.market,
    };
    let (mut read, ignored_columns) = match shape {
        Shape::Columns(map) => {
            let read = read_fields(path, grid, &map, options, reading)?;
            (read, map.ignored)
        }
        Shape::Wide { date, symbols } => {
            if let Some(symbol) = &options.symbol {
                return Err(not_applicable(symbol));
            }
            let mut read = tables::read_wide(grid, date, &symbols, reading)?;
            for (column, symbol) in &symbols {
                read.named.extend(bare(&grid.headers()[*column], symbol));
            }
            (read, Vec::new())
        }
        Shape::Tickers(tickers) => {
            let read = read_tickers(grid, &tickers, options.symbol.as_ref(), reading)?;
            (read, unread_columns(grid.headers(), &tickers))
        }
    };
    if read.tables.is_empty() {
        return Err((Location::File, Problem::NoValues));
    }
    // A skipped row names its symbol only where the file has several.
    if read.tables.len() == 1 {
        read.skipped.iter_mut().for_each(|s| s.symbol = None);
    }
    Ok(ParsedFile {
        format,
        tables: read.tables,
        ignored_columns,
        skipped: read.skipped,
        footer,
        names: read.names,
        named: read.named.into_iter().collect(),
    })
}

fn not_applicable(symbol: &Symbol) -> Located {
    (
        Location::File,
        Problem::SymbolOptionNotApplicable {
            symbol: symbol.clone(),
        },
    )
}

/// A long or per-symbol file: symbols from a column, `--symbol` or the
/// file name.
fn read_fields(
    path: &Path,
    grid: &dyn Grid,
    map: &ColumnMap,
    options: &ImportOptions,
    mut reading: Reading<'_>,
) -> Result<Read, Located> {
    if let Some(column) = map.symbol
        && says_hong_kong(&grid.headers()[column])
    {
        reading.market = codes::Market::Hk;
    }
    let from_name = match (map.symbol, &options.symbol) {
        (None, None) => Some(
            symbol_from_file_name(path, reading.market)
                .map_err(|problem| (Location::File, problem))?,
        ),
        _ => None,
    };
    let symbols = match (map.symbol, &options.symbol, &from_name) {
        (Some(_), Some(symbol), _) => return Err(not_applicable(symbol)),
        (Some(column), None, _) => Symbols::Column(column),
        (None, Some(symbol), _) | (None, None, Some((symbol, _))) => Symbols::Fixed(symbol),
        (None, None, None) => unreachable!("the file name was read above"),
    };
    let mut read = tables::read_columns(grid, map, symbols, reading)?;
    if let Some((symbol, stem)) = from_name {
        read.named.insert(Naming::FileName { symbol, stem });
    }
    Ok(read)
}

/// A file with a ticker header row: each ticker's columns are one series
/// (`--symbol` renames a file of one ticker).
fn read_tickers(
    grid: &dyn Grid,
    tickers: &[TickerColumns],
    symbol: Option<&Symbol>,
    reading: Reading<'_>,
) -> Result<Read, Located> {
    if let Some(symbol) = symbol
        && tickers.len() > 1
    {
        return Err(not_applicable(symbol));
    }
    let mut read = Read::default();
    for ticker in tickers {
        if let Some(column) = ticker.map.symbol {
            agrees_with_ticker(grid, column, ticker, reading.market)?;
        }
        let named = symbol.unwrap_or(&ticker.symbol);
        read.extend(tables::read_columns(
            grid,
            &ticker.map,
            Symbols::Fixed(named),
            reading,
        )?);
        if symbol.is_none() {
            read.named.extend(bare(&ticker.written, &ticker.symbol));
        }
    }
    Ok(read)
}

/// Each row's symbol column (`Ticker`, holding `000001` or `000001.SZ`)
/// names the ticker of the header's ticker row, or is empty.
fn agrees_with_ticker(
    grid: &dyn Grid,
    column: usize,
    ticker: &TickerColumns,
    market: Market,
) -> Result<(), Located> {
    let code = ticker.symbol.as_str().split('.').next().unwrap_or("");
    for row in 0..grid.height() {
        let cell = grid.cell(column, row);
        let found = match cell {
            Cell::Missing => continue,
            Cell::Text(text) => text.to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        };
        let same = values::symbol(cell, market).is_ok_and(|s| s == ticker.symbol)
            || found.eq_ignore_ascii_case(code)
            || found.eq_ignore_ascii_case(&ticker.written);
        if !same {
            return Err((
                grid.location(row),
                Problem::TickerColumnDisagrees {
                    column: grid.headers()[column].trim().to_string(),
                    found,
                    ticker: ticker.written.clone(),
                },
            ));
        }
    }
    Ok(())
}

/// The headers of the columns no ticker reads (Dividends, Stock Splits).
fn unread_columns(headers: &[String], tickers: &[TickerColumns]) -> Vec<String> {
    let mut used = BTreeSet::new();
    for map in tickers.iter().map(|t| &t.map) {
        used.extend([map.date, map.close]);
        used.extend(map.symbol);
        used.extend(map.optional.iter().map(|(_, c)| *c));
    }
    (0..headers.len())
        .filter(|i| !used.contains(i))
        .map(|i| headers[i].clone())
        .collect()
}

/// The naming note for a header or ticker that was a bare code.
fn bare(written: &str, symbol: &Symbol) -> Option<Naming> {
    let code = written.trim();
    (!code.contains('.') && !code.eq_ignore_ascii_case(symbol.as_str())).then(|| Naming::BareCode {
        symbol: symbol.clone(),
        code: code.to_string(),
    })
}

/// A symbol column headed 港股代码 or "HK code" holds Hong Kong codes.
fn says_hong_kong(header: &str) -> bool {
    let header = header.to_ascii_lowercase();
    header.contains("港股")
        || header
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "hk")
}

/// `300308.SZ.csv` → 300308.SZ, `aapl.us.txt` → AAPL.US, `300308.csv` →
/// 300308.SZ (a bare code gets its exchange); with the file's stem.
fn symbol_from_file_name(path: &Path, market: Market) -> Result<(Symbol, String), Problem> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match Symbol::parse(&qualify(&stem, market)) {
        Ok(symbol) => Ok((symbol, stem)),
        Err(reason) => Err(Problem::FileNameNotSymbol { stem, reason }),
    }
}
