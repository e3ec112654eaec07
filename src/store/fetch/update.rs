//! One symbol: which dates to ask for, whether the fetched prices still have
//! the cached basis, and the write (through the import's checks and commit).

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use chrono::NaiveDate;
use serde::Serialize;

use super::columns::{Keep, keep_cached};
use super::sessions::keep_sessions;
use super::{FetchError, FetchPlan, Fetched, Rows, Source};
use crate::domain::{PriceRow, PriceTable, Symbol};
use crate::store::import::{self, Change, Field, ImportError, Problem};
use crate::store::{DecodeError, Store, decode_parquet, encode_parquet, write_atomic};

/// Where a whole history starts unless `--from` says otherwise.
pub const DEFAULT_START: NaiveDate = match NaiveDate::from_ymd_opt(2018, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Cached sessions asked for again by an update, to check the price basis.
pub const OVERLAP_SESSIONS: usize = 5;

/// The dates to ask a source for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// True: the fetched history replaces the cached one whole (no cache
    /// yet, demo prices, or `--full`); false: merged in as an update.
    pub whole: bool,
}

/// The window for a symbol whose cached table is `cached` (`None`: no file).
pub fn window(cached: Option<&PriceTable>, plan: &FetchPlan) -> Window {
    match cached {
        Some(table) if !table.demo && !plan.full && !table.rows.is_empty() => {
            let k = table.rows.len().saturating_sub(OVERLAP_SESSIONS);
            let from = plan.from.unwrap_or(table.rows[k].date).min(plan.to);
            Window {
                from,
                to: plan.to,
                whole: false,
            }
        }
        _ => Window {
            from: plan.from.unwrap_or(DEFAULT_START).min(plan.to),
            to: plan.to,
            whole: true,
        },
    }
}

/// The cached file of `symbol`: its bytes and table, `None` when there is none.
pub fn cached(store: &Store, symbol: &Symbol) -> Result<Option<(Vec<u8>, PriceTable)>, FetchError> {
    let path = store.layout().price_file(symbol);
    let unreadable = |detail: String| ImportError::UnreadableCache {
        file: path.clone(),
        symbol: symbol.clone(),
        detail,
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string()).into()),
    };
    match decode_parquet(&bytes) {
        Ok(table) => Ok(Some((bytes, table))),
        Err(DecodeError::Parquet(d) | DecodeError::Content(d)) => Err(unreadable(d).into()),
    }
}

/// Fetches `symbol` and writes it; on any error nothing is written.
pub fn update(
    store: &Store,
    plan: &FetchPlan,
    source: &dyn Source,
    symbol: &Symbol,
) -> Result<Fetched, FetchError> {
    let previous = cached(store, symbol)?;
    let table = previous.as_ref().map(|(_, t)| t);
    let asked = window(table, plan);
    let mut got = checked(source, symbol, asked.from, asked.to)?;
    let mut rebased = None;
    if let Some(table) = table.filter(|_| !asked.whole) {
        if table.uses_adj_close() && got.rows.iter().all(|r| r.adj_close.is_none()) {
            return Err(FetchError::MissingColumn {
                source_name: source.name(),
                column: "adj_close",
            });
        }
        if let Some(reason) = basis_change(table, &got.rows) {
            let first = table.rows.first().map_or(DEFAULT_START, |r| r.date);
            let from = plan.from.unwrap_or(DEFAULT_START).min(first);
            got = checked(source, symbol, from, plan.to)?;
            rebased = Some(reason);
        }
    }
    if let Some(table) = table {
        let same_basis = !asked.whole && rebased.is_none();
        let keep = if same_basis {
            Keep::McapAndAdjClose
        } else {
            Keep::Mcap
        };
        keep_cached(table, &mut got, source.name(), keep);
    }
    if asked.whole || rebased.is_some() {
        replace(store, symbol, previous, got, rebased)
    } else {
        merge(store, symbol, got)
    }
}

/// The source's rows, sorted, each checked with the import's rules.
fn checked(
    source: &dyn Source,
    symbol: &Symbol,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Rows, FetchError> {
    let mut got = source.history(symbol, from, to)?;
    keep_sessions(symbol, from, to, &mut got);
    got.rows.sort_by_key(|r| r.date);
    let bad = |date: NaiveDate, problem: Problem| FetchError::BadRow {
        source_name: source.name(),
        date: date.to_string(),
        problem,
    };
    for pair in got.rows.windows(2) {
        if pair[0].date == pair[1].date {
            return Err(bad(
                pair[1].date,
                Problem::DuplicateDate {
                    symbol: symbol.clone(),
                    date: pair[1].date,
                    first: "an earlier row of the same answer".into(),
                },
            ));
        }
    }
    for row in &got.rows {
        let values = [
            (Field::Open, row.open),
            (Field::High, row.high),
            (Field::Low, row.low),
            (Field::Close, Some(row.close)),
            (Field::AdjClose, row.adj_close),
            (Field::Volume, row.volume),
            (Field::Mcap, row.mcap),
        ];
        for (field, value) in values {
            if let Some(v) = value {
                import::check(field, field.name(), v).map_err(|p| bad(row.date, p))?;
            }
        }
    }
    if got.rows.is_empty() {
        return Err(FetchError::NoRows {
            source_name: source.name(),
            from,
            to,
        });
    }
    Ok(got)
}

/// Prices agree when within 0.01 % or half a cent: what a source's own
/// rounding (or a CSV's two decimals) leaves, well under any dividend.
fn same_price(a: f64, b: f64) -> bool {
    (a - b).abs() <= (1e-4 * b.abs()).max(0.005)
}

/// Why the fetched rows cannot be merged with the cached ones without
/// mixing price bases, if they cannot.
fn basis_change(cached: &PriceTable, fetched: &[PriceRow]) -> Option<String> {
    let cached_adjusted = cached.uses_adj_close();
    let fetched_adjusted = fetched.iter().all(|r| r.adj_close.is_some());
    if cached_adjusted != fetched_adjusted {
        return Some(if fetched_adjusted {
            "the cached rows lack adj_close, the source has it".into()
        } else {
            "the source gives no adj_close for rows the cache has adjusted".into()
        });
    }
    let by_date: BTreeMap<NaiveDate, &PriceRow> = cached.rows.iter().map(|r| (r.date, r)).collect();
    let mut common = 0;
    for row in fetched {
        let Some(old) = by_date.get(&row.date) else {
            continue;
        };
        common += 1;
        let adj = match (old.adj_close, row.adj_close) {
            (Some(a), Some(b)) => !same_price(a, b),
            _ => false,
        };
        if adj || !same_price(old.close, row.close) {
            return Some(format!(
                "the prices of {} changed (close {} → {}, adj_close {} → {}): a dividend or split re-based the history",
                row.date,
                old.close,
                row.close,
                old.adj_close.map_or("-".into(), |v| v.to_string()),
                row.adj_close.map_or("-".into(), |v| v.to_string()),
            ));
        }
    }
    (common == 0)
        .then(|| "no fetched date overlaps the cache, so the price basis cannot be checked".into())
}

/// An update: merged into the cached rows exactly as an import merges.
fn merge(store: &Store, symbol: &Symbol, got: Rows) -> Result<Fetched, FetchError> {
    let tables = BTreeMap::from([(symbol.clone(), got.rows)]);
    // No names from a web source: a name an import kept in the file stays.
    let (changes, report) = import::plan(store, tables, &BTreeMap::new())?;
    import::commit(&changes, write_atomic)?;
    let Some(done) = report.into_iter().next() else {
        return Err(FetchError::Write(format!("{symbol}: nothing to merge")));
    };
    Ok(Fetched {
        added: done.added,
        replaced: done.replaced,
        dropped: 0,
        fetched: done.imported,
        cached: done.cached,
        rows_after: done.rows_after,
        replaced_demo: done.replaced_demo,
        rebased: None,
        skipped: got.skipped,
        written: !changes.is_empty(),
        notes: got.notes,
    })
}

/// A whole history: the fetched rows become the file.
fn replace(
    store: &Store,
    symbol: &Symbol,
    previous: Option<(Vec<u8>, PriceTable)>,
    got: Rows,
    rebased: Option<String>,
) -> Result<Fetched, FetchError> {
    let (previous_bytes, old) = match previous {
        Some((bytes, table)) => (Some(bytes), Some(table)),
        None => (None, None),
    };
    let replaced_demo = old.as_ref().is_some_and(|t| t.demo);
    let old_dates: BTreeSet<NaiveDate> = old
        .filter(|t| !t.demo)
        .map(|t| t.rows.iter().map(|r| r.date).collect())
        .unwrap_or_default();
    let new_dates: BTreeSet<NaiveDate> = got.rows.iter().map(|r| r.date).collect();
    let replaced = new_dates.intersection(&old_dates).count();
    let table = PriceTable {
        rows: got.rows,
        demo: false,
    };
    let (Some(first), Some(last)) = (table.rows.first(), table.rows.last()) else {
        return Err(FetchError::Write(format!("{symbol}: no rows to write")));
    };
    let range = (first.date, last.date);
    let bytes = encode_parquet(&table).map_err(|e| ImportError::Encode {
        symbol: symbol.clone(),
        detail: e.to_string(),
    })?;
    let written = previous_bytes.as_deref() != Some(bytes.as_slice());
    if written {
        let change = Change {
            path: store.layout().price_file(symbol),
            previous: previous_bytes,
            bytes,
        };
        import::commit(&[change], write_atomic)?;
    }
    Ok(Fetched {
        added: new_dates.len() - replaced,
        replaced,
        dropped: old_dates.difference(&new_dates).count(),
        fetched: range,
        cached: range,
        rows_after: table.rows.len(),
        replaced_demo,
        rebased,
        skipped: got.skipped,
        written,
        notes: got.notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn row(date: &str, close: f64, adj: f64) -> PriceRow {
        PriceRow {
            adj_close: Some(adj),
            ..PriceRow::close_only(d(date), close)
        }
    }

    fn plan(full: bool, from: Option<&str>) -> FetchPlan {
        FetchPlan {
            symbols: Vec::new(),
            from: from.map(d),
            to: d("2025-05-16"),
            full,
        }
    }

    #[test]
    fn an_update_asks_again_for_the_last_five_cached_sessions() {
        let dates = [
            "2025-05-05",
            "2025-05-06",
            "2025-05-07",
            "2025-05-08",
            "2025-05-09",
            "2025-05-12",
        ];
        let table = PriceTable {
            rows: dates.iter().map(|s| row(s, 10.0, 9.0)).collect(),
            demo: false,
        };
        let w = window(Some(&table), &plan(false, None));
        // Six rows: the fifth from the end is the second, 2025-05-06.
        assert_eq!((w.from, w.whole), (d("2025-05-06"), false));
        let full = window(Some(&table), &plan(true, None));
        assert_eq!((full.from, full.whole), (DEFAULT_START, true));
        let demo = PriceTable {
            demo: true,
            ..table
        };
        assert!(window(Some(&demo), &plan(false, None)).whole);
        assert_eq!(
            window(None, &plan(false, Some("2024-01-02"))).from,
            d("2024-01-02")
        );
    }

    #[test]
    fn a_changed_adjusted_price_in_the_overlap_is_a_new_basis() {
        let cached = PriceTable {
            rows: vec![
                row("2025-05-08", 20.0, 18.0),
                row("2025-05-09", 20.4, 18.36),
            ],
            demo: false,
        };
        // Same close, adj_close rounded differently by under 0.01 %: same basis.
        let same = [
            row("2025-05-09", 20.4, 18.3601),
            row("2025-05-12", 20.8, 18.72),
        ];
        assert_eq!(basis_change(&cached, &same), None);
        // A dividend re-based adj_close by 2 %: a new basis.
        let rebased = [
            row("2025-05-09", 20.4, 17.99),
            row("2025-05-12", 20.8, 18.34),
        ];
        let reason = basis_change(&cached, &rebased).unwrap();
        assert!(reason.contains("2025-05-09"), "{reason}");
        // A 2-for-1 split seen in close (Yahoo's close is split-adjusted).
        let split = [row("2025-05-09", 10.2, 18.36)];
        assert!(basis_change(&cached, &split).is_some());
        // Close-only cached rows cannot take adjusted rows.
        let close_only = PriceTable {
            rows: vec![PriceRow::close_only(d("2025-05-09"), 20.4)],
            demo: false,
        };
        assert!(basis_change(&close_only, &same).is_some());
        // Nothing in common: nothing to check against.
        assert!(basis_change(&cached, &[row("2025-06-02", 1.0, 1.0)]).is_some());
    }
}
