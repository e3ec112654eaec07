//! Daily prices as compute reads them: one symbol's rows, its series, and
//! the book of all loaded series. Plain data; reading and writing the
//! Parquet files is the store's business.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Symbol;

/// The optional numeric columns of a price file, in file order.
pub const OPTIONAL_COLUMNS: [&str; 6] = ["open", "high", "low", "adj_close", "volume", "mcap"];

/// One daily row of a price file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceRow {
    pub date: NaiveDate,
    pub open: Option<f64>,
    pub high: Option<f64>,
    pub low: Option<f64>,
    pub close: f64,
    pub adj_close: Option<f64>,
    pub volume: Option<f64>,
    pub mcap: Option<f64>,
}

impl PriceRow {
    pub fn close_only(date: NaiveDate, close: f64) -> PriceRow {
        PriceRow {
            date,
            open: None,
            high: None,
            low: None,
            close,
            adj_close: None,
            volume: None,
            mcap: None,
        }
    }

    /// The price every computation uses: `adj_close` where present, else `close`.
    pub fn price(&self) -> f64 {
        self.adj_close.unwrap_or(self.close)
    }

    /// The optional column `column` of this row (names as in [`OPTIONAL_COLUMNS`]).
    pub fn optional(&self, column: &str) -> Option<f64> {
        match column {
            "open" => self.open,
            "high" => self.high,
            "low" => self.low,
            "adj_close" => self.adj_close,
            "volume" => self.volume,
            "mcap" => self.mcap,
            _ => None,
        }
    }
}

/// The whole content of one symbol's price file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PriceTable {
    /// Sorted by date, one row per date.
    pub rows: Vec<PriceRow>,
    /// True for the embedded synthetic demo prices.
    pub demo: bool,
}

impl PriceTable {
    /// True when every row has `adj_close`: then it is the price used.
    pub fn uses_adj_close(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| r.adj_close.is_some())
    }

    /// Rows with `adj_close`, when only some have it (prices then use `close`).
    pub fn partly_adjusted(&self) -> Option<usize> {
        let n = self.rows.iter().filter(|r| r.adj_close.is_some()).count();
        (n > 0 && n < self.rows.len()).then_some(n)
    }
}

/// What compute reads: one symbol's daily prices, sorted, one row per date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PriceSeries {
    pub dates: Vec<NaiveDate>,
    /// `adj_close` where the file has it, else `close`; finite and > 0.
    /// Shared: an index reads a member's prices without copying them
    /// (`Arc::make_mut` to change them).
    pub price: Arc<Vec<f64>>,
    /// Market capitalisation on each row, where the file has it; empty when
    /// it was not loaded (only the cap method reads it).
    pub mcap: Vec<Option<f64>>,
    pub demo: bool,
}

impl PriceSeries {
    /// `adj_close` is used only when every row has it: a series that mixed
    /// adjusted and unadjusted prices (a close-only history merged with an
    /// adjusted update) would jump at the join, so it uses `close` throughout.
    pub fn from_table(table: &PriceTable) -> PriceSeries {
        let adjusted = table.uses_adj_close();
        PriceSeries {
            dates: table.rows.iter().map(|r| r.date).collect(),
            price: Arc::new(
                table
                    .rows
                    .iter()
                    .map(|r| if adjusted { r.price() } else { r.close })
                    .collect(),
            ),
            mcap: table.rows.iter().map(|r| r.mcap).collect(),
            demo: table.demo,
        }
    }

    /// A series of `(date, price)` pairs without `mcap`, for tests and examples.
    pub fn from_pairs(pairs: &[(NaiveDate, f64)]) -> PriceSeries {
        PriceSeries {
            dates: pairs.iter().map(|p| p.0).collect(),
            price: Arc::new(pairs.iter().map(|p| p.1).collect()),
            mcap: vec![None; pairs.len()],
            demo: false,
        }
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    pub fn first_date(&self) -> Option<NaiveDate> {
        self.dates.first().copied()
    }

    pub fn last_date(&self) -> Option<NaiveDate> {
        self.dates.last().copied()
    }

    /// How many rows are dated on or before `as_of`: the rows an as-of
    /// replay may read.
    pub fn rows_until(&self, as_of: NaiveDate) -> usize {
        self.dates.partition_point(|d| *d <= as_of)
    }
}

/// The prices of the symbols the baskets use, loaded once and kept in memory.
#[derive(Debug, Clone, Default)]
pub struct PriceBook {
    pub series: BTreeMap<Symbol, PriceSeries>,
    /// Files that exist but could not be read: named in a warning, skipped.
    pub problems: Vec<(Symbol, String)>,
}

impl PriceBook {
    pub fn get(&self, symbol: &Symbol) -> Option<&PriceSeries> {
        self.series.get(symbol)
    }

    /// True when any loaded series is synthetic demo data.
    pub fn has_demo(&self) -> bool {
        self.series.values().any(|s| s.demo)
    }

    /// The symbols of the demo series, in order: named wherever a number
    /// mixes them with real ones (every symbol on the pure demo).
    pub fn demo_series(&self) -> Vec<Symbol> {
        self.demo_among(self.series.keys())
    }

    /// Which of `symbols` are loaded as demo series, in the order given.
    pub fn demo_among<'a>(&self, symbols: impl IntoIterator<Item = &'a Symbol>) -> Vec<Symbol> {
        symbols
            .into_iter()
            .filter(|s| self.series.get(*s).is_some_and(|p| p.demo))
            .cloned()
            .collect()
    }

    /// True when any series is real (not demo).
    pub fn has_real(&self) -> bool {
        self.series.values().any(|s| !s.demo)
    }

    /// The latest date of the real series; `None` when every series is demo.
    pub fn last_real_date(&self) -> Option<NaiveDate> {
        self.series
            .values()
            .filter(|s| !s.demo)
            .filter_map(PriceSeries::last_date)
            .max()
    }

    /// The default as-of date of every command: the latest date of the real
    /// series when there is one, else the latest date of any series.
    pub fn default_as_of(&self) -> Option<NaiveDate> {
        self.last_real_date().or_else(|| self.last_date())
    }

    /// The date the workstation opens at: [`PriceBook::default_as_of`], but
    /// the demo's replay date `demo_replay` when every series is demo (and
    /// reaches it).
    pub fn opening_as_of(&self, demo_replay: NaiveDate) -> Option<NaiveDate> {
        match (self.last_real_date(), self.last_date()) {
            (Some(real), _) => Some(real),
            (None, Some(last)) if last >= demo_replay => Some(demo_replay),
            (None, last) => last,
        }
    }

    /// The latest date of any series.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.series
            .values()
            .filter_map(PriceSeries::last_date)
            .max()
    }

    /// Every date on which any series has a row, sorted.
    pub fn dates(&self) -> Vec<NaiveDate> {
        union_of_dates(self.series.values().map(|s| s.dates.as_slice()))
    }

    /// The earliest date of any series: where the `ALL` range starts.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.series
            .values()
            .filter_map(PriceSeries::first_date)
            .min()
    }
}

/// The sorted union of sorted date lists. Members of a basket mostly trade
/// on the same days, so each list is first checked against the union so far
/// (a linear walk); only a list with new dates is merged in. Linear in the
/// rows for the usual basket, and never a sort of every row.
pub fn union_of_dates<'a>(lists: impl Iterator<Item = &'a [NaiveDate]>) -> Vec<NaiveDate> {
    let mut union: Vec<NaiveDate> = Vec::new();
    for list in lists {
        if !is_subset(list, &union) {
            union = merge(&union, list);
        }
    }
    union
}

/// True when every date of sorted `list` is in sorted `of`.
fn is_subset(list: &[NaiveDate], of: &[NaiveDate]) -> bool {
    let Some(first) = list.first() else {
        return true;
    };
    let mut at = of.partition_point(|d| d < first);
    // The usual case, a member on every date of the union in its life: one
    // slice comparison.
    if of
        .get(at..at + list.len())
        .is_some_and(|same| same_dates(same, list))
    {
        return true;
    }
    for date in list {
        while at < of.len() && of[at] < *date {
            at += 1;
        }
        if at == of.len() || of[at] != *date {
            return false;
        }
    }
    true
}

/// `a == b` for lists of the same length, without stopping at the first
/// difference: a loop without an early exit is vectorised, and the usual
/// answer is "equal" (thousands of dates compared per basket member).
fn same_dates(a: &[NaiveDate], b: &[NaiveDate]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(true, |same, (x, y)| same & (x == y))
}

/// The sorted union of two sorted lists.
fn merge(a: &[NaiveDate], b: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let next = a[i].min(b[j]);
        i += usize::from(a[i] == next);
        j += usize::from(b[j] == next);
        out.push(next);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_union_of_dates_is_every_date_once_in_order() {
        let d = |k: u64| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(k);
        let lists: Vec<Vec<NaiveDate>> = vec![
            vec![d(3), d(4), d(5)],
            vec![d(4), d(5)],
            vec![d(0), d(2), d(4), d(9)],
            vec![],
            vec![d(1), d(2), d(3)],
            vec![d(9), d(10)],
        ];
        let expected: Vec<NaiveDate> = lists
            .iter()
            .flatten()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(union_of_dates(lists.iter().map(Vec::as_slice)), expected);
    }
}
