//! `spillover import`.

use clap::Args;

use crate::domain::Symbol;
use crate::store::import::{Market, Source};

/// Import price files into the cache: CSV (Yahoo, Stooq, long, Tushare, AkShare, wide, Chinese
/// headers; UTF-8 or GBK), Excel (.xlsx/.xls) and Parquet; a folder imports every such file in it.
///
/// All or nothing: if any file is rejected, the cache is left byte-for-byte unchanged.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The files or folders to import; FILE=SYMBOL gives a per-symbol file its symbol.
    #[arg(required = true, value_name = "FILE", value_parser = Source::parse)]
    pub files: Vec<Source>,
    /// The symbol of the one per-symbol file imported (default: from the file name, e.g.
    /// 300308.SZ.csv); with several files write FILE=SYMBOL instead.
    #[arg(long, value_parser = Symbol::parse)]
    pub symbol: Option<Symbol>,
    /// How dates are written when no accepted form fits, or to settle M/D vs D/M
    /// (chrono codes): e.g. %m/%d/%Y, %d/%m/%Y, %d.%m.%Y.
    #[arg(long = "date-format", value_name = "FORMAT")]
    pub date_format: Option<String>,
    /// The market of bare codes: hk reads 700 / 00700 as 0700.HK (6-digit A-share codes
    /// always get .SZ/.SH/.BJ).
    #[arg(long, value_name = "hk|cn")]
    pub market: Option<Market>,
    /// The Excel sheet to read [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}
