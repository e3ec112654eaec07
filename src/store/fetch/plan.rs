//! What a fetch asks for: the symbols and the dates.

use chrono::NaiveDate;

use crate::domain::{Basket, Symbol};

/// What to fetch.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPlan {
    pub symbols: Vec<Symbol>,
    /// Start of the history (`--from`); default: [`DEFAULT_START`](super::DEFAULT_START) for a whole
    /// history, the overlap before the last cached date for an update.
    pub from: Option<NaiveDate>,
    /// Last date asked for (`--to`, default today).
    pub to: NaiveDate,
    /// Re-download the whole history and replace the cached one (`--full`).
    pub full: bool,
}

impl FetchPlan {
    /// The default fetch of `spillover fetch` and the workstation's `F`:
    /// `symbols` brought up to `today`, incrementally (a symbol without a
    /// cached history gets its whole one).
    pub fn incremental(symbols: Vec<Symbol>, today: NaiveDate) -> FetchPlan {
        FetchPlan {
            symbols,
            from: None,
            to: today,
            full: false,
        }
    }
}

/// Every member of `baskets`, each once, in basket and member order: what
/// a fetch without named symbols asks for.
pub fn members<'a>(baskets: impl IntoIterator<Item = &'a Basket>) -> Vec<Symbol> {
    let mut seen = std::collections::BTreeSet::new();
    baskets
        .into_iter()
        .flat_map(|b| b.members.iter().map(|m| m.symbol.clone()))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}
