//! `spillover calendar [--market XSHG|XHKG|XNYS] [--year Y] [--json]`.

use clap::Args;

use crate::domain::calendar::Market;

/// A year's weekday closures and sessions of XSHG, XHKG, XNYS, and where each came from.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// One market (XSHG or XSHE for the mainland, XHKG, XNYS) [default: all three].
    #[arg(long, value_parser = parse_market, value_name = "XSHG|XHKG|XNYS")]
    pub market: Option<Market>,
    /// The year [default: this year].
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// JSON: one object for one market, a list of them for all three.
    #[arg(long)]
    pub json: bool,
}

/// `--market` named no market we keep a calendar for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown market {0:?}; use XSHG, XHKG or XNYS")]
pub struct UnknownMarket(String);

fn parse_market(text: &str) -> Result<Market, UnknownMarket> {
    Market::parse(text).ok_or_else(|| UnknownMarket(text.to_string()))
}
