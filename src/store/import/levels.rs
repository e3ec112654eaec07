//! Headers of two or three rows, as pandas writes a frame whose columns
//! have a field level and a ticker level:
//!
//! - yfinance's `download(...).to_csv()` (0.2.51 on): `Price,Close,High,…`,
//!   `Ticker,^HSI,^HSI,…`, `Date,,,…`; with `group_by="ticker"` the ticker
//!   row comes first; older versions leave the level names empty.
//! - the same frame after `reset_index()`, written without its index:
//!   `Ticker,Date,Open,…` then `,,000001.SZ,…` (the fields, then each price
//!   column's ticker).

use super::codes::{Market, qualify};
use super::detect::{ColumnMap, Field, Shape, TickerColumns};
use super::error::Problem;
use crate::domain::Symbol;

/// A header of several rows, flattened.
#[derive(Debug, Clone, PartialEq)]
pub struct Levels {
    /// How many lines the header takes.
    pub rows: usize,
    /// The date column.
    pub date: usize,
    /// Each column's field header (`Close`, `Date`, `Ticker`, `Dividends`).
    pub fields: Vec<String>,
    /// Each column's ticker as written; empty for the date and symbol columns.
    pub tickers: Vec<String>,
}

impl Levels {
    /// A header per column for messages: `Close ^HSI`, `Date`.
    pub fn headers(&self) -> Vec<String> {
        self.fields
            .iter()
            .zip(&self.tickers)
            .map(|(field, ticker)| match ticker.trim() {
                "" => field.trim().to_string(),
                ticker => format!("{} {ticker}", field.trim()),
            })
            .collect()
    }
}

/// A price column (or volume, mcap): what a ticker row stands over.
fn is_value(field: Option<Field>) -> bool {
    !matches!(
        field,
        None | Some(Field::Date | Field::Symbol | Field::Name)
    )
}

/// A cell of a ticker row: a symbol with a letter (`^HSI`, `000001.SZ`) or
/// a six-digit code, never a number a data row would hold.
fn is_ticker(cell: &str) -> bool {
    let cell = cell.trim();
    let code = cell.len() == 6 && cell.bytes().all(|b| b.is_ascii_digit());
    Symbol::parse(cell).is_ok() && (code || cell.chars().any(|c| c.is_ascii_alphabetic()))
}

/// The header levels of a file whose first lines are `rows` (split into
/// cells), if it has them; `None` for a header of one row.
pub fn detect(rows: &[Vec<String>]) -> Option<Levels> {
    three_rows(rows).or_else(|| two_rows(rows))
}

fn three_rows(rows: &[Vec<String>]) -> Option<Levels> {
    let [a, b, c, ..] = rows else { return None };
    let n = a.len();
    let filled = |row: &[String]| row.iter().all(|x| !x.trim().is_empty());
    if n < 2 || b.len() != n || c.len() != n || !filled(&a[1..]) || !filled(&b[1..]) {
        return None;
    }
    if c[0].trim().is_empty() || c[1..].iter().any(|x| !x.trim().is_empty()) {
        return None;
    }
    // The level names decide which row holds the fields; empty ones (older
    // yfinance) leave it to the row that has a close.
    let level = |row: &[String]| row[0].trim().to_ascii_lowercase();
    let has_close = |row: &[String]| {
        row[1..]
            .iter()
            .any(|x| Field::from_header(x) == Some(Field::Close))
    };
    let (fields, tickers) = match (level(a).as_str(), level(b).as_str()) {
        ("price", _) | (_, "ticker") => (a, b),
        ("ticker", _) | (_, "price") => (b, a),
        _ if has_close(a) && !has_close(b) => (a, b),
        _ if has_close(b) && !has_close(a) => (b, a),
        _ => return None,
    };
    if !tickers[1..].iter().all(|t| is_ticker(t)) {
        return None;
    }
    let mut field_row = fields.clone();
    field_row[0] = c[0].clone();
    let mut ticker_row = tickers.clone();
    ticker_row[0] = String::new();
    Some(Levels {
        rows: 3,
        date: 0,
        fields: field_row,
        tickers: ticker_row,
    })
}

fn two_rows(rows: &[Vec<String>]) -> Option<Levels> {
    let [a, b, ..] = rows else { return None };
    if b.len() != a.len() {
        return None;
    }
    let fields: Vec<Option<Field>> = a.iter().map(|h| Field::from_header(h)).collect();
    let mut dates = (0..fields.len()).filter(|i| fields[*i] == Some(Field::Date));
    let (Some(date), None) = (dates.next(), dates.next()) else {
        return None;
    };
    let mut values = 0;
    for (field, ticker) in fields.iter().zip(b) {
        let ticker = ticker.trim();
        match (is_value(*field), ticker.is_empty()) {
            (true, true) => return None,
            (true, false) => values += 1,
            (false, true) => continue,
            (false, false) if field.is_some() => return None,
            (false, false) => {}
        }
        if !is_ticker(ticker) {
            return None;
        }
    }
    (values > 0).then(|| Levels {
        rows: 2,
        date,
        fields: a.clone(),
        tickers: b.clone(),
    })
}

/// Each ticker's columns, in the order the header names them: one series
/// per ticker. Yahoo's `.SS` becomes `.SH`, a bare code gets its exchange.
pub fn shape(levels: &Levels, market: Market) -> Result<Shape, Problem> {
    let headers = levels.headers();
    let symbol_column = (0..levels.fields.len()).find(|i| {
        levels.tickers[*i].trim().is_empty()
            && Field::from_header(&levels.fields[*i]) == Some(Field::Symbol)
    });
    let mut tickers: Vec<TickerColumns> = Vec::new();
    let mut known: Vec<Vec<(Field, usize)>> = Vec::new();
    for (i, written) in levels.tickers.iter().enumerate() {
        let written = written.trim();
        if written.is_empty() {
            continue;
        }
        let k = match tickers.iter().position(|t| t.written == written) {
            Some(k) => k,
            None => {
                let symbol = Symbol::parse(&qualify(written, market)).map_err(|reason| {
                    Problem::WideHeader {
                        header: headers[i].clone(),
                        reason,
                    }
                })?;
                if let Some(same) = tickers.iter().find(|t| t.symbol == symbol) {
                    return Err(Problem::WideDuplicateSymbol {
                        symbol,
                        first: same.written.clone(),
                        second: written.to_string(),
                    });
                }
                tickers.push(TickerColumns {
                    symbol,
                    written: written.to_string(),
                    map: ColumnMap {
                        date: levels.date,
                        close: 0,
                        symbol: symbol_column,
                        name: None,
                        optional: Vec::new(),
                        ignored: Vec::new(),
                    },
                });
                known.push(Vec::new());
                tickers.len() - 1
            }
        };
        if let Some(field) = Field::from_header(&levels.fields[i])
            && is_value(Some(field))
        {
            if let Some((_, j)) = known[k].iter().find(|(f, _)| *f == field) {
                return Err(Problem::DuplicateColumn {
                    field: field.name(),
                    first: headers[*j].clone(),
                    second: headers[i].clone(),
                });
            }
            known[k].push((field, i));
        }
    }
    for (ticker, known) in tickers.iter_mut().zip(known) {
        let close = known.iter().find(|(f, _)| *f == Field::Close);
        let Some((_, close)) = close else {
            return Err(Problem::TickerWithoutClose {
                ticker: ticker.written.clone(),
                found: headers.join(", "),
            });
        };
        ticker.map.close = *close;
        ticker.map.optional = known
            .into_iter()
            .filter(|(f, _)| *f != Field::Close)
            .collect();
    }
    Ok(Shape::Tickers(tickers))
}
