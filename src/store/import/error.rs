//! What can go wrong in an import, each said once: where, what, and what
//! would be accepted.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::{Symbol, SymbolError};

/// The date forms an import accepts, quoted in every date error.
pub const DATE_FORMS: &str = "dates are accepted as YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD, \
    M/D/YYYY or D/M/YYYY (decided by the whole column), an Excel date, \
    or a date-time whose date part is one of those (2025-01-02 00:00:00, 2025-01-02T00:00:00); \
    --date-format (e.g. %d.%m.%Y) reads any other form";

/// Where in a file a problem is: the physical line of a text file (the
/// header is line 1), the row of a Parquet file, or the file as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    File,
    Line(usize),
    Row(usize),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(n) => write!(f, ":{n}"),
            Location::Row(n) => write!(f, ": row {n}"),
        }
    }
}

impl Location {
    /// "line 3", "row 2" or "the file", for a message about another place.
    pub fn describe(&self) -> String {
        match self {
            Location::File => "the file".to_string(),
            Location::Line(n) => format!("line {n}"),
            Location::Row(n) => format!("row {n}"),
        }
    }
}

/// What is wrong with a file's content; each message ends with what would
/// be accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error(
        "the file is empty; expected a CSV file with a header line (e.g. Date,Open,High,Low,Close,Adj Close,Volume) or a Parquet file"
    )]
    Empty,
    #[error("the file has a header but no data rows; add at least one row below the header")]
    HeaderOnly,
    #[error(
        "no row has any value (every price cell is empty or null); import a file with at least one close price"
    )]
    NoValues,
    #[error(
        "not a CSV or Parquet file (it holds binary data); import a CSV text file (UTF-8) or a Parquet file"
    )]
    Binary,
    #[error(
        "not UTF-8 or GBK/GB18030 text (byte {byte:#04x} at column {column}); save the file as UTF-8 and import it again"
    )]
    NotUtf8 { byte: u8, column: usize },
    #[error("not a readable Excel workbook ({0}); save it again as .xlsx, or export it as CSV")]
    Excel(String),
    #[error(
        "the workbook has no sheet {sheet:?}; its sheets are: {sheets}; pass one of them to --sheet"
    )]
    NoSheet { sheet: String, sheets: String },
    #[error("the sheet {sheet:?} is empty; choose another with --sheet (sheets: {sheets})")]
    EmptySheet { sheet: String, sheets: String },
    #[error(
        "column {column} has dates such as {example:?} whose first and second parts are both at most 12, so M/D/YYYY and D/M/YYYY cannot be told apart; pass --date-format %m/%d/%Y (month first) or --date-format %d/%m/%Y (day first)"
    )]
    AmbiguousSlashDates { column: String, example: String },
    #[error(
        "column {column} mixes month-first and day-first dates (e.g. {example:?}); write one form throughout, or pass --date-format"
    )]
    MixedSlashDates { column: String, example: String },
    #[error("date {text:?} does not match --date-format {format}; fix the date or the format")]
    DateNotInFormat { text: String, format: String },
    #[error("not a readable Parquet file ({0}); export it again, or export it as CSV")]
    Parquet(String),
    #[error("the file cannot be read ({0}); export it again")]
    Damaged(String),
    #[error("cannot read the CSV ({0}); check the quoting of this part of the file")]
    Csv(String),
    #[error(
        "no date column (columns: {found}); name one `date` (Date and trade_date are accepted too)"
    )]
    NoDateColumn { found: String },
    #[error(
        "no price column (columns: {found}); add a `close` column (Close and Adj Close are read too), or for a wide file one column per symbol"
    )]
    NoPriceColumn { found: String },
    #[error("columns `{first}` and `{second}` both give the {field}; keep only one of them")]
    DuplicateColumn {
        field: &'static str,
        first: String,
        second: String,
    },
    #[error("column `{header}` appears more than once in the header; keep only one")]
    RepeatedHeader { header: String },
    #[error(
        "{found} fields where the header has {expected}; every row needs exactly {expected} comma-separated fields (quote a value that contains a comma)"
    )]
    FieldCount { expected: usize, found: usize },
    #[error("the date is empty; {DATE_FORMS}")]
    EmptyDate,
    #[error("date {text:?} does not parse; {DATE_FORMS}")]
    BadDate { text: String },
    #[error("{column} is empty; every row needs a close price (a number > 0)")]
    MissingClose { column: String },
    #[error("{column} is {text:?}, not a number; write a plain number such as 12.5")]
    NotANumber { column: String, text: String },
    #[error("{column} is {value}; {rule}")]
    OutOfRange {
        column: String,
        value: f64,
        rule: &'static str,
    },
    #[error("the symbol is empty; every row of a long file needs a symbol such as 300308.SZ")]
    EmptySymbol,
    #[error("{0}")]
    BadSymbol(SymbolError),
    #[error(
        "the file name {stem:?} is not a symbol ({reason}); pass --symbol (e.g. --symbol 300308.SZ) or name the file like 300308.SZ.csv"
    )]
    FileNameNotSymbol { stem: String, reason: SymbolError },
    #[error(
        "--symbol {symbol} was given, but this file names its symbols in a column; drop --symbol or import the file on its own"
    )]
    SymbolOptionNotApplicable { symbol: Symbol },
    #[error(
        "column header {header:?} is not a symbol ({reason}); in a wide file every column after the date is a symbol such as 300308.SZ"
    )]
    WideHeader { header: String, reason: SymbolError },
    #[error(
        "ticker {ticker} has no Close column (columns: {found}); download it again with its Close (yfinance writes one per ticker)"
    )]
    TickerWithoutClose { ticker: String, found: String },
    #[error(
        "the {column} column says {found:?}, but the header's ticker row names {ticker}; make them agree, or drop the {column} column"
    )]
    TickerColumnDisagrees {
        column: String,
        found: String,
        ticker: String,
    },
    #[error("column {symbol} has no value at all; fill it or drop the column")]
    WideEmptyColumn { symbol: Symbol },
    #[error("columns `{first}` and `{second}` are the same symbol {symbol}; keep one of them")]
    WideDuplicateSymbol {
        symbol: Symbol,
        first: String,
        second: String,
    },
    #[error(
        "date {date} of {symbol} appears again (first on {first}); keep one row per date and symbol"
    )]
    DuplicateDate {
        symbol: Symbol,
        date: NaiveDate,
        /// Where the first row with that date is, e.g. "line 3" or "row 2".
        first: String,
    },
    #[error(
        "no symbol column (columns: {found}); a constituent list needs `symbol` (or 代码), with optional name, name_en, segment, weight (名称, 行业, 权重)"
    )]
    NoSymbolColumn { found: String },
    #[error("{symbol} is listed again (first on {first}); a basket holds each symbol once")]
    DuplicateMember { symbol: Symbol, first: String },
    #[error(
        "{column} holds the control character U+{code:04X}; names, segments and notes are plain text: remove it"
    )]
    UnsafeText { column: String, code: u32 },
    #[error("column `{column}` has type {dtype}; {expected}")]
    ParquetType {
        column: String,
        dtype: String,
        expected: &'static str,
    },
}

/// Why an import did not happen (or, for a failed write, was rolled back).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}{at}: {problem}", file.display())]
    Content {
        file: PathBuf,
        at: Location,
        problem: Problem,
    },
    #[error("{}: cannot read: {source}; check the path and permissions", file.display())]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the cached price file of {symbol} cannot be read ({detail}); delete it and import again",
        file.display()
    )]
    UnreadableCache {
        file: PathBuf,
        symbol: Symbol,
        detail: String,
    },
    #[error("{symbol}: cannot encode the merged prices ({detail}); nothing was written")]
    Encode { symbol: Symbol, detail: String },
    #[error(
        "{}: cannot write: {source}; the import was undone and the cache is unchanged",
        file.display()
    )]
    Write {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: cannot write: {source}; undoing the import then failed for {}: restore or delete those files by hand",
        file.display(),
        not_restored.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    WriteNotUndone {
        file: PathBuf,
        source: std::io::Error,
        not_restored: Vec<PathBuf>,
    },
    #[error("no files to import; name one or more CSV, Excel or Parquet files")]
    NoFiles,
    #[error("the import was stopped before it wrote anything; the cache is unchanged")]
    Cancelled,
    #[error(
        "--symbol {symbol} was given with {count} files, so it is unclear which file it names; import that file on its own, or write the symbol per file as FILE=SYMBOL (e.g. SPX.csv=^GSPC NDX.csv=^NDX)"
    )]
    SymbolWithSeveralFiles { symbol: Symbol, count: usize },
    #[error(
        "{}: no CSV, Excel or Parquet file in this folder (looked for .csv, .txt, .xlsx, .xls, .parquet); name the files instead",
        dir.display()
    )]
    EmptyFolder { dir: PathBuf },
}

impl ImportError {
    /// The content problem, when this error is one: lets tests and callers
    /// look at the kind without parsing the message.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ImportError::Content { problem, .. } => Some(problem),
            _ => None,
        }
    }
}
