//! Telling what a file is from its bytes and its header: Parquet or text,
//! and which of the accepted layouts its columns describe.

use std::fmt;

use super::error::{Location, Problem};
use crate::domain::Symbol;

/// The kinds of file an import reads, as named in the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `Date,Open,High,Low,Close,Adj Close,Volume`, one symbol per file.
    YahooCsv,
    /// `Date,Open,High,Low,Close,Volume`, one symbol per file.
    StooqCsv,
    /// Any other one-symbol CSV with a date and a close column.
    PerSymbolCsv,
    /// `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,...`: symbols in a column.
    StooqBulk,
    /// `symbol,date,close,...`: symbols in a column.
    LongCsv,
    /// Tushare's `ts_code,trade_date,...,close,vol`.
    TushareCsv,
    /// `date` then one column per symbol.
    WideCsv,
    /// Parquet, long (`symbol` column) or one symbol per file.
    Parquet,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::YahooCsv => "Yahoo CSV",
            Format::StooqCsv => "Stooq CSV",
            Format::PerSymbolCsv => "per-symbol CSV",
            Format::StooqBulk => "Stooq bulk text",
            Format::LongCsv => "long CSV",
            Format::TushareCsv => "Tushare CSV",
            Format::WideCsv => "wide CSV",
            Format::Parquet => "Parquet",
        })
    }
}

/// What the bytes of a file are.
#[derive(Debug, PartialEq)]
pub enum Content<'a> {
    Parquet,
    /// UTF-8 text, without a byte-order mark.
    Text(&'a str),
}

/// Every Parquet file starts (and ends) with these four bytes.
const PARQUET_MAGIC: &[u8] = b"PAR1";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Tells Parquet from text, and refuses empty, binary and non-UTF-8 files.
pub fn sniff(bytes: &[u8]) -> Result<Content<'_>, (Location, Problem)> {
    if bytes.starts_with(PARQUET_MAGIC) {
        return Ok(Content::Parquet);
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((Location::File, Problem::Empty));
    }
    if looks_binary(bytes) {
        return Err((Location::File, Problem::Binary));
    }
    std::str::from_utf8(bytes).map(Content::Text).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let problem = Problem::NotUtf8 {
            byte: bytes[e.valid_up_to()],
            column: e.valid_up_to() - line_start + 1,
        };
        (Location::Line(line), problem)
    })
}

/// A NUL byte, or many control characters and invalid UTF-8 bytes near the
/// start, means binary data. Text in another encoding (Latin-1, GBK) has a
/// few bad bytes and no controls, and gets the more useful "not UTF-8".
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let is_control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let suspicious: usize = head
        .utf8_chunks()
        .map(|chunk| {
            chunk.valid().chars().filter(|c| is_control(*c)).count() + chunk.invalid().len()
        })
        .sum();
    suspicious >= 4 && suspicious * 20 > head.len()
}

/// A column an import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Symbol,
    Open,
    High,
    Low,
    Close,
    AdjClose,
    Volume,
    Mcap,
}

impl Field {
    /// The name in the cache's schema and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Symbol => "symbol",
            Field::Open => "open",
            Field::High => "high",
            Field::Low => "low",
            Field::Close => "close",
            Field::AdjClose => "adj_close",
            Field::Volume => "volume",
            Field::Mcap => "mcap",
        }
    }

    /// Reads a header case-insensitively, with the spellings of Yahoo
    /// (`Adj Close`), Stooq (`<TICKER>`, `<VOL>`) and Tushare (`ts_code`,
    /// `trade_date`, `vol`).
    fn from_header(header: &str) -> Option<Field> {
        Some(match normalise(header).as_str() {
            "date" | "trade_date" => Field::Date,
            "symbol" | "ts_code" | "ticker" => Field::Symbol,
            "open" => Field::Open,
            "high" => Field::High,
            "low" => Field::Low,
            "close" => Field::Close,
            "adj_close" | "adjclose" => Field::AdjClose,
            "volume" | "vol" => Field::Volume,
            "mcap" => Field::Mcap,
            _ => return None,
        })
    }
}

/// `Adj Close`, `<ADJ CLOSE>`, `adj-close` all become `adj_close`.
fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

/// Where each understood column of a long or per-symbol file is.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMap {
    pub date: usize,
    pub close: usize,
    pub symbol: Option<usize>,
    /// open, high, low, adj_close, volume, mcap where present.
    pub optional: Vec<(Field, usize)>,
    /// Headers of the columns the import does not read.
    pub ignored: Vec<String>,
}

impl ColumnMap {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.optional
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| *i)
    }
}

/// The two layouts of columns: fields in columns, or symbols in columns.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Columns(ColumnMap),
    Wide {
        date: usize,
        symbols: Vec<(usize, Symbol)>,
    },
}

/// Works out the shape from the headers. A file is wide when it has a date
/// column and no other column the import knows by name (open, close, ...).
pub fn classify(headers: &[String]) -> Result<Shape, Problem> {
    let found = || headers.join(", ");
    let mut known: Vec<(Field, usize)> = Vec::new();
    let mut ignored = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let Some(field) = Field::from_header(header) else {
            ignored.push((i, header.clone()));
            continue;
        };
        if let Some((_, j)) = known.iter().find(|(f, _)| *f == field) {
            return Err(Problem::DuplicateColumn {
                field: field.name(),
                first: headers[*j].clone(),
                second: header.clone(),
            });
        }
        known.push((field, i));
    }
    let index = |field: Field| known.iter().find(|(f, _)| *f == field).map(|(_, i)| *i);
    let date = index(Field::Date).ok_or_else(|| Problem::NoDateColumn { found: found() })?;
    let has_fields = known
        .iter()
        .any(|(f, _)| !matches!(f, Field::Date | Field::Symbol));
    if !has_fields && index(Field::Symbol).is_none() {
        return wide(date, &ignored, found);
    }
    let close = index(Field::Close).ok_or_else(|| Problem::NoPriceColumn { found: found() })?;
    let optional = known
        .iter()
        .filter(|(f, _)| !matches!(f, Field::Date | Field::Symbol | Field::Close))
        .copied()
        .collect();
    Ok(Shape::Columns(ColumnMap {
        date,
        close,
        symbol: index(Field::Symbol),
        optional,
        ignored: ignored.into_iter().map(|(_, h)| h).collect(),
    }))
}

fn wide(
    date: usize,
    columns: &[(usize, String)],
    found: impl Fn() -> String,
) -> Result<Shape, Problem> {
    if columns.is_empty() {
        return Err(Problem::NoPriceColumn { found: found() });
    }
    let mut symbols: Vec<(usize, Symbol)> = Vec::with_capacity(columns.len());
    for (i, header) in columns {
        let symbol = Symbol::parse(header).map_err(|reason| Problem::WideHeader {
            header: header.clone(),
            reason,
        })?;
        if let Some((j, _)) = symbols.iter().find(|(_, s)| *s == symbol) {
            return Err(Problem::WideDuplicateSymbol {
                symbol,
                first: columns
                    .iter()
                    .find(|(k, _)| k == j)
                    .map(|(_, h)| h.clone())
                    .unwrap_or_default(),
                second: header.clone(),
            });
        }
        symbols.push((*i, symbol));
    }
    Ok(Shape::Wide { date, symbols })
}

/// Names the format of a text file from its headers and shape.
pub fn text_format(headers: &[String], shape: &Shape) -> Format {
    let Shape::Columns(map) = shape else {
        return Format::WideCsv;
    };
    let names: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    if let Some(i) = map.symbol {
        if headers[i].trim().starts_with('<') {
            return Format::StooqBulk;
        }
        if names[i] == "ts_code" {
            return Format::TushareCsv;
        }
        return Format::LongCsv;
    }
    if map.get(Field::AdjClose).is_some() {
        return Format::YahooCsv;
    }
    if names == ["date", "open", "high", "low", "close", "volume"] {
        return Format::StooqCsv;
    }
    Format::PerSymbolCsv
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(String::from).collect()
    }

    fn format_of(line: &str) -> Format {
        let h = headers(line);
        text_format(&h, &classify(&h).unwrap())
    }

    #[test]
    fn names_each_accepted_layout() {
        assert_eq!(
            format_of("Date,Open,High,Low,Close,Adj Close,Volume"),
            Format::YahooCsv
        );
        assert_eq!(
            format_of("Date,Open,High,Low,Close,Volume"),
            Format::StooqCsv
        );
        assert_eq!(
            format_of("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>"),
            Format::StooqBulk
        );
        assert_eq!(
            format_of("ts_code,trade_date,open,close,vol,amount"),
            Format::TushareCsv
        );
        assert_eq!(format_of("SYMBOL,Date,Close,name"), Format::LongCsv);
        assert_eq!(format_of("date,300308.SZ,9988.HK"), Format::WideCsv);
        assert_eq!(format_of("date,close"), Format::PerSymbolCsv);
    }

    #[test]
    fn maps_columns_and_lists_the_ignored_ones() {
        let h = headers("ts_code,trade_date,pre_close,close,vol,amount");
        let Shape::Columns(map) = classify(&h).unwrap() else {
            panic!("long file");
        };
        assert_eq!((map.symbol, map.date, map.close), (Some(0), 1, 3));
        assert_eq!(map.get(Field::Volume), Some(4));
        assert_eq!(
            map.ignored,
            vec!["pre_close".to_string(), "amount".to_string()]
        );
    }

    #[test]
    fn refuses_headers_without_date_or_price() {
        assert!(matches!(
            classify(&headers("Open,Close")),
            Err(Problem::NoDateColumn { .. })
        ));
        assert!(matches!(
            classify(&headers("Date,Open,Volume")),
            Err(Problem::NoPriceColumn { .. })
        ));
        assert!(matches!(
            classify(&headers("date")),
            Err(Problem::NoPriceColumn { .. })
        ));
        assert!(matches!(
            classify(&headers("date,vol,Volume,close")),
            Err(Problem::DuplicateColumn {
                field: "volume",
                ..
            })
        ));
        assert!(matches!(
            classify(&headers("date,A/B")),
            Err(Problem::WideHeader { .. })
        ));
    }

    #[test]
    fn sniffs_binary_encoding_and_parquet() {
        assert_eq!(sniff(b"PAR1\0\0"), Ok(Content::Parquet));
        assert_eq!(
            sniff(b"\xEF\xBB\xBFdate,close\n"),
            Ok(Content::Text("date,close\n"))
        );
        assert_eq!(sniff(b" \n\n"), Err((Location::File, Problem::Empty)));
        assert_eq!(
            sniff(b"date,close\n\0\0\0"),
            Err((Location::File, Problem::Binary))
        );
        assert_eq!(
            sniff(b"\x01\x02\x03\xff\xfe,\x1b\x7f"),
            Err((Location::File, Problem::Binary))
        );
        // One stray control character in a text file is a bad cell, not binary.
        let text = "symbol,date\nA\x07B,2025-01-02\n";
        assert_eq!(sniff(text.as_bytes()), Ok(Content::Text(text)));
        // 'é' in Latin-1 is the lone byte 0xE9: line 3, after "x,"
        assert_eq!(
            sniff(b"date,close\n2025-01-02,1\nx,\xE9\n"),
            Err((
                Location::Line(3),
                Problem::NotUtf8 {
                    byte: 0xE9,
                    column: 3
                }
            ))
        );
    }
}
