//! A price file straight into what compute reads: column by column, without
//! a row struct per date. Used when loading the baskets' prices, where a
//! cache of a thousand files of twenty years each is a few million rows.
//!
//! Only a file in the canonical schema (a `Date` column, `f64` prices) that
//! passes every check is read this way; anything else — a type to convert, a
//! row to refuse — goes through [`table_from_frame`], so a file is accepted
//! or refused, and its error worded, exactly as [`read_price_file`] does.
//!
//! [`read_price_file`]: super::read_price_file

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use polars::prelude::*;

use super::prices::{DecodeError, PriceFileError, file_error, read_frame, table_from_frame};
use crate::domain::{PriceSeries, PriceTable};

/// 1970-01-01, day 0 of a Parquet `Date`.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(date) => date,
    None => panic!("1970-01-01 is a date"),
};

/// One price file read for compute.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadSeries {
    pub series: PriceSeries,
    /// When only some rows have `adj_close` (the series then uses `close`):
    /// how many do, out of how many rows.
    pub partly: Option<(usize, usize)>,
    /// The file's rows were not in date order (read sorted).
    pub unsorted: bool,
}

/// Reads the file at `path` for compute; `mcap` says whether to keep its
/// market caps (else the series' `mcap` is empty).
pub fn read_price_series(path: &Path, mcap: bool) -> Result<ReadSeries, PriceFileError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PriceFileError::Io {
        path: shown.clone(),
        source,
    })?;
    let columns: &[&str] = if mcap {
        &["adj_close", "mcap"]
    } else {
        &["adj_close"]
    };
    let decoded = read_frame(&bytes, columns).and_then(|(frame, demo)| {
        match fast_series(&frame, demo, mcap) {
            Some(read) => Ok(read),
            None => {
                let (rows, notes) = table_from_frame(&frame)?;
                let table = PriceTable { rows, demo };
                Ok(series_of_table(&table, mcap, notes.unsorted))
            }
        }
    });
    decoded.map_err(|err: DecodeError| file_error(&shown, err))
}

fn series_of_table(table: &PriceTable, mcap: bool, unsorted: bool) -> ReadSeries {
    let mut series = PriceSeries::from_table(table);
    if !mcap {
        series.mcap = Vec::new();
    }
    let partly = table.partly_adjusted().map(|n| (n, table.rows.len()));
    ReadSeries {
        series,
        partly,
        unsorted,
    }
}

/// The series of a canonical file whose every row is valid; `None` sends
/// the frame to the row-by-row reader (which also words any error).
fn fast_series(frame: &DataFrame, demo: bool, mcap: bool) -> Option<ReadSeries> {
    let dates = frame.column("date").ok()?.date().ok()?;
    // Absent: `Some(None)`; present but not f64: `None`, the slow path.
    let column = |name: &str| match frame.column(name) {
        Err(_) => Some(None),
        Ok(col) => col.f64().ok().map(Some),
    };
    let close = column("close")??;
    let adjusted = column("adj_close")?;
    let caps = if mcap { column("mcap")? } else { None };
    let rows = frame.height();
    if dates.null_count() > 0 || close.null_count() > 0 {
        return None;
    }
    let positive = |v: f64| v.is_finite() && v > 0.0;
    // One contiguous chunk (what a file of one row group gives): a copy.
    let close: Vec<f64> = match close.cont_slice() {
        Ok(values) => values.to_vec(),
        Err(_) => close.into_no_null_iter().collect(),
    };
    if !close.iter().all(|v| positive(*v)) {
        return None;
    }
    let mut partly = None;
    let mut price = close;
    if let Some(adjusted) = adjusted {
        if !adjusted.iter().flatten().all(positive) {
            return None;
        }
        let n = rows - adjusted.null_count();
        if n == rows && rows > 0 {
            price = match adjusted.cont_slice() {
                Ok(values) => values.to_vec(),
                Err(_) => adjusted.into_no_null_iter().collect(),
            };
        } else if n > 0 {
            partly = Some((n, rows));
        }
    }
    let series = PriceSeries {
        price: std::sync::Arc::new(price),
        dates: match dates.physical().cont_slice() {
            Ok(days) => naive_dates(days.iter().copied())?,
            Err(_) => naive_dates(dates.physical().into_no_null_iter())?,
        },
        mcap: match (mcap, caps) {
            (false, _) => Vec::new(),
            (true, Some(caps)) => caps.iter().collect(),
            (true, None) => vec![None; rows],
        },
        demo,
    };
    Some(ReadSeries {
        series,
        partly,
        unsorted: false,
    })
}

/// The first day after the dates [`date_table`] holds: 2100-01-01.
const TABLE_END: NaiveDate = match NaiveDate::from_ymd_opt(2100, 1, 1) {
    Some(date) => date,
    None => panic!("2100-01-01 is a date"),
};

/// Every date from 1970-01-01 to 2099-12-31, by Parquet day number (190 KB,
/// made once): a load turns millions of day numbers into dates by looking
/// them up instead of computing each.
fn date_table() -> &'static [NaiveDate] {
    static TABLE: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    TABLE.get_or_init(|| EPOCH.iter_days().take_while(|d| *d < TABLE_END).collect())
}

/// Parquet day numbers as dates, if strictly increasing.
fn naive_dates(days: impl Iterator<Item = i32>) -> Option<Vec<NaiveDate>> {
    let table = date_table();
    let mut dates = Vec::with_capacity(days.size_hint().0);
    let mut last: Option<i32> = None;
    for day in days {
        if last.is_some_and(|before| day <= before) {
            return None;
        }
        last = Some(day);
        let date = match usize::try_from(day).ok().and_then(|i| table.get(i)) {
            Some(date) => *date,
            None => EPOCH.checked_add_signed(chrono::TimeDelta::days(i64::from(day)))?,
        };
        dates.push(date);
    }
    Some(dates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PriceRow;
    use crate::store::{decode_parquet, encode_parquet};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn frame_of(table: &PriceTable) -> (DataFrame, bool) {
        let bytes = encode_parquet(table).unwrap();
        read_frame(&bytes, &["adj_close", "mcap"]).unwrap()
    }

    #[test]
    fn the_fast_reader_gives_what_the_row_reader_gives() {
        let mut rows: Vec<PriceRow> = ["2023-12-29", "2024-01-02", "2024-03-01", "2028-02-29"]
            .iter()
            .enumerate()
            .map(|(i, t)| PriceRow::close_only(d(t), 10.0 + i as f64))
            .collect();
        rows[1].mcap = Some(5.0e9);
        for adjusted in [0, 2, 4] {
            let mut rows = rows.clone();
            for row in rows.iter_mut().take(adjusted) {
                row.adj_close = Some(row.close / 2.0);
            }
            let table = PriceTable { rows, demo: true };
            let (frame, demo) = frame_of(&table);
            let fast = fast_series(&frame, demo, true).expect("a canonical file");
            let slow = series_of_table(
                &decode_parquet(&encode_parquet(&table).unwrap()).unwrap(),
                true,
                false,
            );
            assert_eq!(fast, slow, "{adjusted} adjusted rows");
            assert_eq!(fast.series.dates[3], d("2028-02-29"));
            let without = fast_series(&frame, demo, false).unwrap();
            assert!(without.series.mcap.is_empty());
        }
    }

    #[test]
    fn day_numbers_become_the_dates_chrono_computes() {
        let days = [
            -800_000, -1, 0, 1, 59, 10_956, 20_000, 47_481, 47_482, 900_000,
        ];
        let dates = naive_dates(days.iter().copied()).expect("increasing days");
        for (day, date) in days.iter().zip(&dates) {
            let expected = EPOCH + chrono::TimeDelta::days(i64::from(*day));
            assert_eq!(*date, expected, "day {day}");
        }
        assert_eq!(dates[7], d("2099-12-31"));
        assert_eq!(dates[8], d("2100-01-01"));
        assert!(naive_dates([3, 3].into_iter()).is_none(), "a repeated day");
        assert!(naive_dates([4, 3].into_iter()).is_none(), "out of order");
    }

    #[test]
    fn a_file_with_a_bad_row_goes_to_the_row_reader() {
        let unsorted = PriceTable {
            rows: vec![
                PriceRow::close_only(d("2025-01-03"), 1.0),
                PriceRow::close_only(d("2025-01-02"), 1.0),
            ],
            demo: false,
        };
        let mut bad_adjusted = PriceTable {
            rows: vec![PriceRow::close_only(d("2025-01-03"), 1.0)],
            demo: false,
        };
        bad_adjusted.rows[0].adj_close = Some(-1.0);
        for table in [&unsorted, &bad_adjusted] {
            let (frame, demo) = frame_of(table);
            assert!(fast_series(&frame, demo, true).is_none());
        }
        // The row reader sorts what another tool wrote out of order, and
        // refuses a price that is not positive.
        let (rows, notes) = table_from_frame(&frame_of(&unsorted).0).unwrap();
        assert!(notes.unsorted);
        assert_eq!(rows[0].date, d("2025-01-02"));
        assert!(table_from_frame(&frame_of(&bad_adjusted).0).is_err());
    }
}
