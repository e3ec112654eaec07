//! `spillover fetch`: which symbols, from where, over which dates.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::domain::{BasketId, Symbol, parse_date};
use crate::store::fetch::SourceKind;

/// Download daily prices from Yahoo, Eastmoney or Tushare into the cache.
///
/// Incremental by default (from the last cached date, re-checking a few sessions of overlap);
/// each symbol's file is written atomically, a symbol that fails is left unchanged, and the
/// exit code is 0 only when every symbol was fetched.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Symbols to fetch, e.g. 300308.SZ 9988.HK (default: every member of every basket).
    #[arg(value_name = "SYMBOL", value_parser = Symbol::parse)]
    pub symbols: Vec<Symbol>,
    /// Every member of this basket (repeatable), e.g. --basket na-chain.
    #[arg(long = "basket", value_name = "ID", value_parser = BasketId::parse)]
    pub baskets: Vec<BasketId>,
    /// Where the prices come from.
    #[arg(long, value_enum, default_value_t = SourceArg::Yahoo)]
    pub source: SourceArg,
    /// First date of a whole history (default 2018-01-01); with an update, fetch from this date.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last date to fetch (default: today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Re-download the whole history and replace the cached one.
    #[arg(long)]
    pub full: bool,
    /// Say what would be fetched (codes and dates), without asking any service.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    /// Yahoo Finance (.SH/.SZ/.HK and indices; no account).
    Yahoo,
    /// Eastmoney (A-shares, HK stocks, HSTECH.HK; at most one request a second).
    Eastmoney,
    /// Tushare Pro (A-shares, HK stocks; needs TUSHARE_TOKEN).
    Tushare,
}

impl From<SourceArg> for SourceKind {
    fn from(arg: SourceArg) -> SourceKind {
        match arg {
            SourceArg::Yahoo => SourceKind::Yahoo,
            SourceArg::Eastmoney => SourceKind::Eastmoney,
            SourceArg::Tushare => SourceKind::Tushare,
        }
    }
}
