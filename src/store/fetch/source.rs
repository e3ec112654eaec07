//! What every web source of daily prices is: a name, its own code for a
//! symbol, and the rows it answers; and where its base URL comes from.

use chrono::NaiveDate;

use super::error::FetchError;
use crate::domain::{PriceRow, Symbol};

/// What a source returns for one symbol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Daily rows, in any order (they are sorted and checked after).
    pub rows: Vec<PriceRow>,
    /// Days the source listed without a price (halted): passed over.
    pub skipped: usize,
    /// What is worth telling about this answer (e.g. a missing column).
    pub notes: Vec<String>,
}

/// A web service of daily prices: one small file each.
pub trait Source: Send + Sync {
    /// The service's name, for messages and the summary.
    fn name(&self) -> &'static str;
    /// The service's own code for `symbol`, or why it has none.
    fn code(&self, symbol: &Symbol) -> Result<String, FetchError>;
    /// The daily rows of `symbol` dated `from..=to`.
    fn history(&self, symbol: &Symbol, from: NaiveDate, to: NaiveDate) -> Result<Rows, FetchError>;
}

/// The base URL of a source: its environment variable, else the service's own.
pub(super) fn base_url(variable: &str, default: &str) -> String {
    std::env::var(variable)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
        .trim_end_matches('/')
        .to_string()
}
