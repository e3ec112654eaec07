//! `spillover symbols` and `spillover check`: what the cache holds.

use clap::Args;

/// List the cached symbols with their date ranges.
#[derive(Debug, Args)]
pub struct SymbolsArgs {}

/// Validate the whole cache: price files, baskets, watchlist.
#[derive(Debug, Args)]
pub struct CheckArgs {}
