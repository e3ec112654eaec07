//! The kinds of file an import reads, by the names the summary gives them.

use std::fmt;

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
    /// AkShare's `stock_zh_a_hist`: `日期,股票代码,开盘,收盘,最高,最低,成交量,...`.
    AkShareCsv,
    /// A CSV with Chinese headers (Wind, Choice, iFinD exports).
    ChineseCsv,
    /// Parquet, long (`symbol` column) or one symbol per file.
    Parquet,
    /// An Excel sheet, in any of the layouts above.
    Excel,
    /// pandas' CSV of a frame with field and ticker column levels:
    /// yfinance's `download(...).to_csv()` and the like.
    TickerLevels,
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
            Format::AkShareCsv => "AkShare CSV",
            Format::ChineseCsv => "CSV with Chinese headers",
            Format::Parquet => "Parquet",
            Format::Excel => "Excel",
            Format::TickerLevels => "yfinance CSV with ticker header rows",
        })
    }
}
