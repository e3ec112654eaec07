//! Columns merge: a fetched row never erases a value the cache has for a
//! column the source did not deliver this time (`mcap` when Tushare's
//! `daily_basic` is refused, `adj_close` when a row comes without it).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Rows;
use crate::domain::{PriceRow, PriceTable};

/// Which cached columns may fill a fetched row's gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// `mcap` only: the fetched history has a new price basis, so the
    /// cached `adj_close` (of the old one) must not mix in.
    Mcap,
    /// `mcap` and `adj_close`: an update whose overlap has the cached basis.
    McapAndAdjClose,
}

/// Fills, on the dates `cached` has, each value the fetched row lacks and
/// the cached row has; says in `got.notes` which columns were kept, and on
/// how many rows. A demo table keeps nothing.
pub fn keep_cached(cached: &PriceTable, got: &mut Rows, source: &str, keep: Keep) {
    if cached.demo {
        return;
    }
    let by_date: BTreeMap<NaiveDate, &PriceRow> = cached.rows.iter().map(|r| (r.date, r)).collect();
    let (mut mcap, mut adj) = (0, 0);
    for row in &mut got.rows {
        let Some(old) = by_date.get(&row.date) else {
            continue;
        };
        if row.mcap.is_none() && old.mcap.is_some() {
            row.mcap = old.mcap;
            mcap += 1;
        }
        if keep == Keep::McapAndAdjClose && row.adj_close.is_none() && old.adj_close.is_some() {
            row.adj_close = old.adj_close;
            adj += 1;
        }
    }
    for (column, n) in [("mcap", mcap), ("adj_close", adj)] {
        if n > 0 {
            let rows = if n == 1 {
                "1 row".into()
            } else {
                format!("{n} rows")
            };
            got.notes.push(format!(
                "kept the cached {column} on {rows} ({source} sent none for them)"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn row(date: &str, adj: Option<f64>, mcap: Option<f64>) -> PriceRow {
        PriceRow {
            adj_close: adj,
            mcap,
            ..PriceRow::close_only(d(date), 10.0)
        }
    }

    #[test]
    fn a_gap_is_filled_from_the_cache_and_a_fetched_value_wins() {
        let cached = PriceTable {
            rows: vec![
                row("2025-05-08", Some(9.0), Some(1e9)),
                row("2025-05-09", Some(9.1), Some(2e9)),
            ],
            demo: false,
        };
        let mut got = Rows {
            rows: vec![
                row("2025-05-08", Some(9.0), None),
                row("2025-05-09", None, Some(3e9)),
                row("2025-05-12", Some(9.2), None),
            ],
            ..Rows::default()
        };
        let mut mcap_only = got.clone();
        keep_cached(&cached, &mut got, "Tushare", Keep::McapAndAdjClose);
        assert_eq!(got.rows[0].mcap, Some(1e9));
        // The fetched mcap of 05-09 wins; its missing adj_close is kept.
        assert_eq!(got.rows[1], row("2025-05-09", Some(9.1), Some(3e9)));
        // A new date has nothing to keep.
        assert_eq!(got.rows[2].mcap, None);
        assert_eq!(
            got.notes,
            [
                "kept the cached mcap on 1 row (Tushare sent none for them)",
                "kept the cached adj_close on 1 row (Tushare sent none for them)",
            ]
        );
        keep_cached(&cached, &mut mcap_only, "Tushare", Keep::Mcap);
        assert_eq!(mcap_only.rows[1].adj_close, None);
        let demo = PriceTable {
            demo: true,
            ..cached
        };
        let mut untouched = Rows {
            rows: vec![row("2025-05-08", Some(9.0), None)],
            ..Rows::default()
        };
        keep_cached(&demo, &mut untouched, "Tushare", Keep::Mcap);
        assert_eq!(untouched.rows[0].mcap, None);
    }
}
