//! From a grid of cells to one validated table per symbol: the part every
//! format shares once its bytes are read.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::codes::Market;
use super::dates::DateReader;
use super::detect::{ColumnMap, Field};
use super::error::{Location, Problem};
use super::naming::Naming;
use super::summary::SkippedRow;
use super::values::{self, Cell};
use crate::domain::PriceRow;
use crate::domain::Symbol;

/// A file read into rows and columns, whatever its format.
pub trait Grid {
    fn headers(&self) -> &[String];
    fn height(&self) -> usize;
    fn cell(&self, column: usize, row: usize) -> Cell<'_>;
    /// Where data row `row` (0-based) is, for messages.
    fn location(&self, row: usize) -> Location;
    /// Where the column names are, for messages about a whole column.
    fn header_location(&self) -> Location;
}

/// Where the symbol of each row comes from.
#[derive(Debug, Clone, Copy)]
pub enum Symbols<'a> {
    /// A long file's symbol column.
    Column(usize),
    /// A per-symbol file's one symbol (from `--symbol` or the file name).
    Fixed(&'a Symbol),
}

/// A problem at a place in the file.
pub type Located = (Location, Problem);

/// The rows read so far, per symbol, with where each came from so that a
/// duplicate date can name both places.
#[derive(Debug, Default)]
pub struct Collector {
    tables: BTreeMap<Symbol, BTreeMap<NaiveDate, (PriceRow, Location)>>,
}

impl Collector {
    pub fn add(&mut self, symbol: &Symbol, row: PriceRow, at: Location) -> Result<(), Located> {
        let rows = self.tables.entry(symbol.clone()).or_default();
        if let Some((_, first)) = rows.get(&row.date) {
            let first = match first {
                Location::Line(n) => format!("line {n}"),
                Location::Row(n) => format!("row {n}"),
                Location::File => "an earlier row".to_string(),
            };
            return Err((
                at,
                Problem::DuplicateDate {
                    symbol: symbol.clone(),
                    date: row.date,
                    first,
                },
            ));
        }
        rows.insert(row.date, (row, at));
        Ok(())
    }

    /// The tables, each sorted by date with one row per date.
    pub fn finish(self) -> BTreeMap<Symbol, Vec<PriceRow>> {
        self.tables
            .into_iter()
            .map(|(symbol, rows)| (symbol, rows.into_values().map(|(row, _)| row).collect()))
            .collect()
    }
}

/// What reading a grid gives: the tables, the rows without any price that
/// were passed over (Yahoo's `null` rows, a session fetched before its
/// close), the names the file gives its symbols, and the bare codes it
/// wrote for them.
#[derive(Debug, Default)]
pub struct Read {
    pub tables: BTreeMap<Symbol, Vec<PriceRow>>,
    pub skipped: Vec<SkippedRow>,
    pub names: BTreeMap<Symbol, String>,
    pub named: BTreeSet<Naming>,
}

impl Read {
    /// Adds another read of the same file (another ticker's columns).
    pub fn extend(&mut self, other: Read) {
        self.tables.extend(other.tables);
        self.skipped.extend(other.skipped);
        self.names.extend(other.names);
        self.named.extend(other.named);
    }
}

/// A price column (not volume or mcap): a row with none of them is a
/// session without prices.
fn is_price(field: Field) -> bool {
    matches!(
        field,
        Field::Open | Field::High | Field::Low | Field::Close | Field::AdjClose
    )
}

/// What the command line adds to reading cells: the date format and the
/// market of bare codes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading<'a> {
    pub date_format: Option<&'a str>,
    pub market: Market,
}

/// The reader of the date column, decided by the whole column.
fn date_reader(
    grid: &dyn Grid,
    column: usize,
    reading: Reading<'_>,
) -> Result<DateReader, Located> {
    let name = grid.headers()[column].trim();
    DateReader::for_column(
        name,
        (0..grid.height()).map(|row| grid.cell(column, row)),
        reading.date_format,
    )
    .map_err(|p| (grid.header_location(), p))
}

/// Reads a file of fields in columns, long or per-symbol.
pub fn read_columns(
    grid: &dyn Grid,
    map: &ColumnMap,
    symbols: Symbols<'_>,
    reading: Reading<'_>,
) -> Result<Read, Located> {
    let dates = date_reader(grid, map.date, reading)?;
    let mut collector = Collector::default();
    let mut read = Read::default();
    let price_columns: Vec<usize> = std::iter::once(map.close)
        .chain(
            map.optional
                .iter()
                .filter(|(f, _)| is_price(*f))
                .map(|(_, c)| *c),
        )
        .collect();
    for row in 0..grid.height() {
        let at = grid.location(row);
        let cell = |column: usize| grid.cell(column, row);
        let symbol = |c: usize| values::symbol(cell(c), reading.market).map_err(|p| (at, p));
        if price_columns.iter().all(|c| cell(*c).is_missing()) {
            // A session without prices (a `null` row, a day fetched before
            // its close): passed over and listed; its date and symbol are
            // not worth refusing the file for.
            read.skipped.push(SkippedRow {
                date: dates.read(cell(map.date)).ok(),
                symbol: match symbols {
                    Symbols::Column(c) => symbol(c).ok(),
                    Symbols::Fixed(s) => Some(s.clone()),
                },
            });
            continue;
        }
        let symbol = match symbols {
            Symbols::Column(c) => {
                let symbol = symbol(c)?;
                if let Some(code) = bare_code(cell(c), &symbol) {
                    read.named.insert(Naming::BareCode {
                        symbol: symbol.clone(),
                        code,
                    });
                }
                symbol
            }
            Symbols::Fixed(s) => s.clone(),
        };
        let price = price_row(grid, map, row, &dates).map_err(|p| (at, p))?;
        if let Some(Cell::Text(name)) = map.name.map(cell) {
            read.names
                .entry(symbol.clone())
                .or_insert_with(|| name.to_string());
        }
        collector.add(&symbol, price, at)?;
    }
    read.tables = collector.finish();
    Ok(read)
}

/// The code a symbol cell wrote when it was given an exchange (`300308` →
/// 300308.SZ), or `None` when the cell wrote the symbol itself.
fn bare_code(cell: Cell<'_>, symbol: &Symbol) -> Option<String> {
    let code = match cell {
        Cell::Text(text) if !text.contains('.') => text.trim().to_string(),
        Cell::Number(n) => n.to_string(),
        _ => return None,
    };
    (!code.eq_ignore_ascii_case(symbol.as_str())).then_some(code)
}

fn price_row(
    grid: &dyn Grid,
    map: &ColumnMap,
    row: usize,
    dates: &DateReader,
) -> Result<PriceRow, Problem> {
    let headers = grid.headers();
    let date = dates.read(grid.cell(map.date, row))?;
    let value = |field: Field, column: usize| -> Result<Option<f64>, Problem> {
        let name = headers[column].trim();
        values::number(grid.cell(column, row), name)?
            .map(|v| values::check(field, name, v))
            .transpose()
    };
    let close = value(Field::Close, map.close)?.ok_or_else(|| Problem::MissingClose {
        column: headers[map.close].trim().to_string(),
    })?;
    let optional = |field: Field| match map.get(field) {
        Some(column) => value(field, column),
        None => Ok(None),
    };
    Ok(PriceRow {
        date,
        open: optional(Field::Open)?,
        high: optional(Field::High)?,
        low: optional(Field::Low)?,
        close,
        adj_close: optional(Field::AdjClose)?,
        volume: optional(Field::Volume)?,
        mcap: optional(Field::Mcap)?,
    })
}

/// Reads a wide file: an empty cell is no row for that symbol that day; a
/// column with no value at all is an error (a misspelt or stray column).
pub fn read_wide(
    grid: &dyn Grid,
    date: usize,
    symbols: &[(usize, Symbol)],
    reading: Reading<'_>,
) -> Result<Read, Located> {
    let names = names_row(grid, date, symbols);
    let first = usize::from(!names.is_empty());
    let dates = date_reader(grid, date, reading)?;
    let mut collector = Collector::default();
    let mut skipped = Vec::new();
    let mut filled = vec![false; symbols.len()];
    for row in first..grid.height() {
        let at = grid.location(row);
        if symbols.iter().all(|(c, _)| grid.cell(*c, row).is_missing()) {
            let date = dates.read(grid.cell(date, row)).ok();
            skipped.push(SkippedRow { date, symbol: None });
            continue;
        }
        let day = dates.read(grid.cell(date, row)).map_err(|p| (at, p))?;
        for (k, (column, symbol)) in symbols.iter().enumerate() {
            let name = grid.headers()[*column].trim();
            let Some(close) = values::number(grid.cell(*column, row), name).map_err(|p| (at, p))?
            else {
                continue;
            };
            let close = values::check(Field::Close, name, close).map_err(|p| (at, p))?;
            filled[k] = true;
            collector.add(symbol, PriceRow::close_only(day, close), at)?;
        }
    }
    if let Some(k) = filled.iter().position(|f| !f) {
        return Err((
            grid.header_location(),
            Problem::WideEmptyColumn {
                symbol: symbols[k].1.clone(),
            },
        ));
    }
    Ok(Read {
        tables: collector.finish(),
        skipped,
        names,
        named: BTreeSet::new(),
    })
}

/// A Wind-style second header row of names under the codes: its date cell
/// is empty or a label (名称, Name), and every other cell is text that is
/// not a number.
fn names_row(
    grid: &dyn Grid,
    date: usize,
    symbols: &[(usize, Symbol)],
) -> BTreeMap<Symbol, String> {
    let mut names = BTreeMap::new();
    if grid.height() == 0 || values::date(grid.cell(date, 0)).is_ok() {
        return names;
    }
    for (column, symbol) in symbols {
        match grid.cell(*column, 0) {
            Cell::Missing => {}
            Cell::Text(text) if values::number(Cell::Text(text), "").is_err() => {
                names.insert(symbol.clone(), text.to_string());
            }
            _ => return BTreeMap::new(),
        }
    }
    names
}
