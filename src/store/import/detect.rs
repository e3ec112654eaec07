//! Telling what a file is from its bytes and its header: Parquet or text,
//! and which of the accepted layouts its columns describe.

use std::borrow::Cow;

use super::codes::Market;
use super::error::{Location, Problem};
use super::format::Format;
use crate::domain::Symbol;

/// What the bytes of a file are.
#[derive(Debug, PartialEq)]
pub enum Content<'a> {
    Parquet,
    /// An Excel workbook: `.xlsx` (a zip) or `.xls` (an OLE compound file).
    Excel,
    /// Text, decoded (UTF-8 as it is; GBK/GB18030 and UTF-16 converted),
    /// without a byte-order mark.
    Text(Cow<'a, str>),
}

/// Every Parquet file starts (and ends) with these four bytes.
const PARQUET_MAGIC: &[u8] = b"PAR1";
/// `.xlsx` is a zip archive; `.xls` an OLE compound document.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Tells Parquet, Excel and text apart, decodes text (UTF-8, GBK/GB18030,
/// UTF-16 with a byte-order mark), and refuses empty, binary and
/// undecodable files.
pub fn sniff(bytes: &[u8]) -> Result<Content<'_>, (Location, Problem)> {
    if bytes.starts_with(PARQUET_MAGIC) {
        return Ok(Content::Parquet);
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) {
        return Ok(Content::Excel);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        // UTF-16 ("Unicode text" from Excel): decode, then judge as text.
        let (text, _, bad) = encoding.decode(bytes);
        if !bad && !text.trim().is_empty() && !text.contains('\0') {
            return Ok(Content::Text(Cow::Owned(text.into_owned())));
        }
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((Location::File, Problem::Empty));
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && !looks_binary(bytes)
    {
        return Ok(Content::Text(Cow::Borrowed(text)));
    }
    // Chinese terminals save GBK (a subset of GB18030); taken only when the
    // whole file decodes and holds Chinese, so Latin-1 is not misread.
    if !bytes.contains(&0)
        && let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
        && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return Ok(Content::Text(Cow::Owned(text.into_owned())));
    }
    if looks_binary(bytes) {
        return Err((Location::File, Problem::Binary));
    }
    std::str::from_utf8(bytes)
        .map(|t| Content::Text(Cow::Borrowed(t)))
        .map_err(|e| {
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
    /// A security's name (名称, 证券简称): read and listed, not a price.
    Name,
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
            Field::Name => "name",
        }
    }

    /// Reads a header case- and spacing-insensitively, with the spellings
    /// of Yahoo (`Adj Close`), Stooq (`<TICKER>`, `<VOL>`), Tushare
    /// (`ts_code`, `trade_date`, `vol`) and the Chinese terminals and AkShare
    /// (`日期`, `股票代码`, `收盘价(元)`: a unit in parentheses is ignored).
    pub fn from_header(header: &str) -> Option<Field> {
        Some(match normalise(header).as_str() {
            "date" | "trade_date" | "日期" | "交易日期" | "时间" => Field::Date,
            "symbol" | "ts_code" | "ticker" | "code" | "代码" | "证券代码" | "股票代码"
            | "港股代码" => Field::Symbol,
            "open" | "开盘" | "开盘价" => Field::Open,
            "high" | "最高" | "最高价" => Field::High,
            "low" | "最低" | "最低价" => Field::Low,
            "close" | "收盘" | "收盘价" => Field::Close,
            "adj_close" | "adjclose" | "复权收盘价" | "后复权收盘价" | "前复权收盘价" => {
                Field::AdjClose
            }
            "volume" | "vol" | "成交量" => Field::Volume,
            "mcap" | "market_cap" | "总市值" => Field::Mcap,
            "name" | "名称" | "证券简称" | "股票简称" | "证券名称" | "简称" => {
                Field::Name
            }
            _ => return None,
        })
    }
}

/// `Adj Close`, `<ADJ CLOSE>`, `adj-close` all become `adj_close`;
/// `收盘价(元)` and `成交量（股）` lose their unit; full-width spaces go too.
pub fn normalise(header: &str) -> String {
    let mut text = header.trim().trim_matches('\u{feff}').trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if text.ends_with(close)
            && let Some(i) = text.rfind(open)
            && i > 0
        {
            text = &text[..i];
        }
    }
    text.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Where each understood column of a long or per-symbol file is.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMap {
    pub date: usize,
    pub close: usize,
    pub symbol: Option<usize>,
    /// The name column (名称, 证券简称), listed in the summary.
    pub name: Option<usize>,
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
    /// Fields in columns under a row of tickers: each ticker's columns.
    Tickers(Vec<TickerColumns>),
}

/// One ticker of a file with a ticker header row: its symbol, the ticker as
/// the file wrote it, and where its fields are.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerColumns {
    pub symbol: Symbol,
    pub written: String,
    pub map: ColumnMap,
}

/// Works out the shape from the headers. A file is wide when it has a date
/// column and no other column the import knows by name (open, close, ...).
pub fn classify(headers: &[String], market: Market) -> Result<Shape, Problem> {
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
        .any(|(f, _)| !matches!(f, Field::Date | Field::Symbol | Field::Name));
    if !has_fields && index(Field::Symbol).is_none() {
        return wide(date, &ignored, found, market);
    }
    let close = index(Field::Close).ok_or_else(|| Problem::NoPriceColumn { found: found() })?;
    let optional = known
        .iter()
        .filter(|(f, _)| !matches!(f, Field::Date | Field::Symbol | Field::Close | Field::Name))
        .copied()
        .collect();
    Ok(Shape::Columns(ColumnMap {
        date,
        close,
        symbol: index(Field::Symbol),
        name: index(Field::Name),
        optional,
        ignored: ignored.into_iter().map(|(_, h)| h).collect(),
    }))
}

fn wide(
    date: usize,
    columns: &[(usize, String)],
    found: impl Fn() -> String,
    market: Market,
) -> Result<Shape, Problem> {
    if columns.is_empty() {
        return Err(Problem::NoPriceColumn { found: found() });
    }
    let mut symbols: Vec<(usize, Symbol)> = Vec::with_capacity(columns.len());
    for (i, header) in columns {
        let qualified = super::codes::qualify(header.trim(), market);
        let symbol = Symbol::parse(&qualified).map_err(|reason| Problem::WideHeader {
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
    let map = match shape {
        Shape::Columns(map) => map,
        Shape::Wide { .. } => return Format::WideCsv,
        Shape::Tickers(_) => return Format::TickerLevels,
    };
    let names: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let has = |n: &str| names.iter().any(|h| h == n);
    if has("日期") && has("股票代码") && has("开盘") && has("收盘") {
        return Format::AkShareCsv;
    }
    if headers
        .iter()
        .any(|h| h.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
    {
        return Format::ChineseCsv;
    }
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

    fn classify_auto(h: &[String]) -> Result<Shape, Problem> {
        classify(h, Market::Auto)
    }

    fn format_of(line: &str) -> Format {
        let h = headers(line);
        text_format(&h, &classify(&h, Market::Auto).unwrap())
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
        let Shape::Columns(map) = classify_auto(&h).unwrap() else {
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
            classify_auto(&headers("Open,Close")),
            Err(Problem::NoDateColumn { .. })
        ));
        assert!(matches!(
            classify_auto(&headers("Date,Open,Volume")),
            Err(Problem::NoPriceColumn { .. })
        ));
        assert!(matches!(
            classify_auto(&headers("date")),
            Err(Problem::NoPriceColumn { .. })
        ));
        assert!(matches!(
            classify_auto(&headers("date,vol,Volume,close")),
            Err(Problem::DuplicateColumn {
                field: "volume",
                ..
            })
        ));
        assert!(matches!(
            classify_auto(&headers("date,A/B")),
            Err(Problem::WideHeader { .. })
        ));
    }

    #[test]
    fn sniffs_binary_encoding_and_parquet() {
        assert_eq!(sniff(b"PAR1\0\0"), Ok(Content::Parquet));
        assert_eq!(
            sniff(b"\xEF\xBB\xBFdate,close\n"),
            Ok(Content::Text("date,close\n".into()))
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
        assert_eq!(sniff(text.as_bytes()), Ok(Content::Text(text.into())));
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
