//! One Parquet file per symbol: reading it for compute, writing it on import.
//!
//! Schema (PRODUCT.md "Files"): `date` (Date) and `close` (f64) required;
//! `open`, `high`, `low`, `adj_close`, `volume`, `mcap` (f64) optional; sorted
//! by date, one row per date. A file written from the embedded demo set
//! carries the key-value metadata `spillover.source = demo`.

use std::io::Cursor;
use std::path::Path;

use chrono::NaiveDate;
use polars::prelude::*;
use polars_parquet::write::KeyValue;

use crate::domain::{PriceRow, PriceTable};

/// The optional numeric columns, in file order.
pub use crate::domain::OPTIONAL_COLUMNS;

/// Parquet metadata key that marks synthetic demo prices.
const SOURCE_KEY: &str = "spillover.source";
/// Parquet metadata key with the security's name found on import (名称).
const NAME_KEY: &str = "spillover.name";

/// Why a price file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PriceFileError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: not a readable Parquet file ({detail}); re-import the symbol or delete the file"
    )]
    Parquet { path: String, detail: String },
    #[error("{path}: {detail}")]
    Content { path: String, detail: String },
}

/// Encodes a table as Parquet bytes (deterministic for the same table).
pub fn encode_parquet(table: &PriceTable) -> PolarsResult<Vec<u8>> {
    encode_parquet_named(table, None)
}

/// Encodes a table with the security's name (from an imported file) kept
/// in the file's metadata, so `basket add` can default to it.
pub fn encode_parquet_named(table: &PriceTable, name: Option<&str>) -> PolarsResult<Vec<u8>> {
    let rows = &table.rows;
    let mut columns: Vec<Column> = Vec::with_capacity(8);
    columns.push(
        DateChunked::from_naive_date("date".into(), rows.iter().map(|r| r.date))
            .into_series()
            .into_column(),
    );
    columns.push(Column::new(
        "close".into(),
        rows.iter().map(|r| r.close).collect::<Vec<f64>>(),
    ));
    for name in OPTIONAL_COLUMNS {
        if rows.iter().any(|r| r.optional(name).is_some()) {
            let values: Vec<Option<f64>> = rows.iter().map(|r| r.optional(name)).collect();
            columns.push(Column::new(name.into(), values));
        }
    }
    let mut frame = DataFrame::new(rows.len(), columns)?;
    let mut pairs = Vec::new();
    if table.demo {
        pairs.push(KeyValue {
            key: SOURCE_KEY.to_string(),
            value: Some("demo".to_string()),
        });
    }
    if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
        pairs.push(KeyValue {
            key: NAME_KEY.to_string(),
            value: Some(name.to_string()),
        });
    }
    let metadata = (!pairs.is_empty()).then_some(KeyValueMetadata::Static(pairs));
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .with_compression(ParquetCompression::Lz4Raw)
        .with_key_value_metadata(metadata)
        .set_parallel(false)
        .finish(&mut frame)?;
    Ok(bytes)
}

/// Reads and validates one price file.
pub fn read_price_file(path: &Path) -> Result<PriceTable, PriceFileError> {
    read_price_file_noting(path).map(|(table, _)| table)
}

/// Reads one price file like [`read_price_file`], saying what was put
/// right on the way (for `check`).
pub fn read_price_file_noting(path: &Path) -> Result<(PriceTable, DecodeNotes), PriceFileError> {
    read_price_file_columns(path, &OPTIONAL_COLUMNS)
}

/// [`read_price_file_noting`] reading only the `optional` columns besides
/// `date` and `close` (see [`decode_parquet_columns`]).
pub fn read_price_file_columns(
    path: &Path,
    optional: &[&str],
) -> Result<(PriceTable, DecodeNotes), PriceFileError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PriceFileError::Io {
        path: shown.clone(),
        source,
    })?;
    decode_parquet_columns(&bytes, optional).map_err(|err| file_error(&shown, err))
}

/// What is wrong with the bytes of the file shown as `path`.
pub(super) fn file_error(path: &str, err: DecodeError) -> PriceFileError {
    let path = path.to_string();
    match err {
        DecodeError::Parquet(detail) => PriceFileError::Parquet { path, detail },
        DecodeError::Content(detail) => PriceFileError::Content { path, detail },
    }
}

/// What is wrong with Parquet bytes: unreadable, or readable with bad content.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    Parquet(String),
    Content(String),
}

/// Decodes and validates Parquet bytes in the price-file schema.
pub fn decode_parquet(bytes: &[u8]) -> Result<PriceTable, DecodeError> {
    decode_parquet_noting(bytes).map(|(table, _)| table)
}

/// What a price file written by another tool did that the cache's own
/// files never do, and that reading put right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecodeNotes {
    /// The rows were not in date order (sorted on read).
    pub unsorted: bool,
}

/// Decodes like [`decode_parquet`], saying what was put right on the way.
/// Accepts what pandas and polars write: `date` as Date, a timestamp of any
/// unit (its calendar date) or text in an import date form; integer or
/// float32 prices; rows in any order (sorted here). Duplicate dates are
/// refused.
pub fn decode_parquet_noting(bytes: &[u8]) -> Result<(PriceTable, DecodeNotes), DecodeError> {
    decode_parquet_columns(bytes, &OPTIONAL_COLUMNS)
}

/// [`decode_parquet_noting`] reading only `date`, `close` and the `optional`
/// columns (the others come back `None`): compute needs `adj_close` and
/// `mcap` of a file, not its `open` or `volume`. The columns left unread are
/// still checked to be numbers, so a file is accepted or refused as a whole.
pub fn decode_parquet_columns(
    bytes: &[u8],
    optional: &[&str],
) -> Result<(PriceTable, DecodeNotes), DecodeError> {
    let (frame, demo) = read_frame(bytes, optional)?;
    let (rows, notes) = table_from_frame(&frame)?;
    Ok((PriceTable { rows, demo }, notes))
}

/// The `date`, `close` and `optional` columns of Parquet bytes, unchecked,
/// and whether the file is marked as demo data. Polars may panic on a
/// damaged file: that becomes "cannot be read", never a crash.
pub(super) fn read_frame(
    bytes: &[u8],
    optional: &[&str],
) -> Result<(DataFrame, bool), DecodeError> {
    super::guard::no_panic(
        || read_frame_unguarded(bytes, optional),
        DecodeError::Parquet,
    )
}

fn read_frame_unguarded(bytes: &[u8], optional: &[&str]) -> Result<(DataFrame, bool), DecodeError> {
    let parquet = |e: PolarsError| DecodeError::Parquet(e.to_string());
    // One file is small: the callers read many files in parallel instead.
    let mut reader = ParquetReader::new(Cursor::new(bytes)).read_parallel(ParallelStrategy::None);
    let demo = reader
        .get_metadata()
        .map_err(parquet)?
        .key_value_metadata()
        .as_ref()
        .is_some_and(|kv| {
            kv.iter()
                .any(|e| e.key == SOURCE_KEY && e.value.as_deref() == Some("demo"))
        });
    let schema = reader.schema().map_err(parquet)?;
    for name in OPTIONAL_COLUMNS.iter().filter(|n| !optional.contains(n)) {
        if let Some(field) = schema.get(name) {
            let dtype = DataType::from_arrow_field(field);
            if !dtype.is_primitive_numeric() {
                return Err(DecodeError::Content(format!(
                    "column `{name}` has type {dtype}, expected a number (f64)"
                )));
            }
        }
    }
    let read: Vec<String> = ["date", "close"]
        .iter()
        .chain(optional)
        .filter(|name| schema.contains(name))
        .map(ToString::to_string)
        .collect();
    let frame = reader.with_columns(Some(read)).finish().map_err(parquet)?;
    Ok((frame, demo))
}

/// The `date` column as calendar dates, whatever type another tool gave it.
fn date_column(col: &Column) -> Result<Vec<Option<NaiveDate>>, DecodeError> {
    let wrong = || {
        DecodeError::Content(format!(
            "column `date` has type {}; write it as a date, a timestamp or YYYY-MM-DD text",
            col.dtype()
        ))
    };
    match col.dtype() {
        DataType::Date => Ok(col.date().map_err(|_| wrong())?.as_date_iter().collect()),
        DataType::Datetime(_, _) => {
            let dates = col.cast(&DataType::Date).map_err(|_| wrong())?;
            Ok(dates.date().map_err(|_| wrong())?.as_date_iter().collect())
        }
        DataType::String => {
            let texts: Vec<Option<&str>> = col.str().map_err(|_| wrong())?.iter().collect();
            super::date_text::read_date_texts("date", &texts)
                .map_err(|e| DecodeError::Content(e.to_string()))
        }
        _ => Err(wrong()),
    }
}

pub(super) fn table_from_frame(
    frame: &DataFrame,
) -> Result<(Vec<PriceRow>, DecodeNotes), DecodeError> {
    let content = DecodeError::Content;
    let date_col = frame.column("date").map_err(|_| {
        content("no `date` column; a price file needs date (Date) and close (f64)".into())
    })?;
    let dates = date_column(date_col)?;
    let numeric = |name: &str| -> Result<Option<Vec<Option<f64>>>, DecodeError> {
        let Ok(col) = frame.column(name) else {
            return Ok(None);
        };
        if !col.dtype().is_primitive_numeric() {
            return Err(content(format!(
                "column `{name}` has type {}, expected a number (f64)",
                col.dtype()
            )));
        }
        let cast = col
            .cast(&DataType::Float64)
            .map_err(|e| content(format!("column `{name}`: {e}")))?;
        let values = cast
            .f64()
            .map_err(|e| content(format!("column `{name}`: {e}")))?
            .iter()
            .collect();
        Ok(Some(values))
    };
    let close = numeric("close")?.ok_or_else(|| {
        content("no `close` column; a price file needs date (Date) and close (f64)".into())
    })?;
    let optional: Vec<Option<Vec<Option<f64>>>> = OPTIONAL_COLUMNS
        .iter()
        .map(|name| numeric(name))
        .collect::<Result<_, _>>()?;
    let get = |k: usize, i: usize| optional[k].as_ref().and_then(|v| v[i]);

    let mut rows = Vec::with_capacity(frame.height());
    for (i, date) in dates.into_iter().enumerate() {
        let row_no = i + 1;
        let date = date.ok_or_else(|| content(format!("row {row_no}: empty date")))?;
        let close =
            close[i].ok_or_else(|| content(format!("row {row_no} ({date}): empty close")))?;
        let row = PriceRow {
            date,
            open: get(0, i),
            high: get(1, i),
            low: get(2, i),
            close,
            adj_close: get(3, i),
            volume: get(4, i),
            mcap: get(5, i),
        };
        for (what, value) in [("close", Some(row.close)), ("adj_close", row.adj_close)] {
            if let Some(v) = value
                && !(v.is_finite() && v > 0.0)
            {
                return Err(content(format!(
                    "row {row_no} ({date}): {what} is {v}; prices must be finite and > 0"
                )));
            }
        }
        rows.push(row);
    }
    let unsorted = rows.windows(2).any(|w| w[0].date > w[1].date);
    rows.sort_by_key(|r| r.date);
    if let Some(w) = rows.windows(2).find(|w| w[0].date == w[1].date) {
        return Err(content(format!(
            "date {} appears on more than one row; keep one row per date",
            w[0].date
        )));
    }
    Ok((rows, DecodeNotes { unsorted }))
}

/// The security's name kept in a price file's metadata by an import, if any.
pub fn parquet_name(bytes: &[u8]) -> Option<String> {
    let read = || {
        let mut reader = ParquetReader::new(Cursor::new(bytes));
        let metadata = reader.get_metadata().map_err(|_| ())?;
        Ok(metadata.key_value_metadata().as_ref().and_then(|pairs| {
            pairs
                .iter()
                .find(|e| e.key == NAME_KEY)
                .and_then(|e| e.value.clone())
        }))
    };
    super::guard::no_panic(read, |_| ()).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PriceSeries;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn round_trips_every_column_and_the_demo_mark() {
        let mut row = PriceRow::close_only(d("2025-01-02"), 10.5);
        row.adj_close = Some(10.0);
        row.mcap = Some(1.0e9);
        let table = PriceTable {
            rows: vec![row, PriceRow::close_only(d("2025-01-03"), 11.0)],
            demo: true,
        };
        let bytes = encode_parquet(&table).unwrap();
        assert_eq!(decode_parquet(&bytes).unwrap(), table);
        assert_eq!(
            encode_parquet(&table).unwrap(),
            bytes,
            "encoding is deterministic"
        );
        // Only the first row is adjusted: close throughout.
        let series = PriceSeries::from_table(&table);
        assert_eq!(*series.price, vec![10.5, 11.0]);
    }

    #[test]
    fn adjusted_prices_are_used_only_when_every_row_has_them() {
        let mut adjusted = PriceRow::close_only(d("2025-01-02"), 100.0);
        adjusted.adj_close = Some(50.0);
        let table = PriceTable {
            rows: vec![
                adjusted,
                PriceRow::close_only(d("2025-01-03"), 100.0),
                adjusted,
            ],
            demo: false,
        };
        // Mixed: close throughout, not 50 → 100 → 50.
        assert_eq!(*PriceSeries::from_table(&table).price, vec![100.0; 3]);
        assert_eq!(table.partly_adjusted(), Some(2));
        let all = PriceTable {
            rows: vec![adjusted],
            demo: false,
        };
        assert_eq!(*PriceSeries::from_table(&all).price, vec![50.0]);
        assert_eq!(all.partly_adjusted(), None);
    }

    #[test]
    fn sorts_unsorted_rows_and_refuses_duplicates_or_non_positive_rows() {
        let table = PriceTable {
            rows: vec![
                PriceRow::close_only(d("2025-01-03"), 1.0),
                PriceRow::close_only(d("2025-01-02"), 2.0),
            ],
            demo: false,
        };
        let bytes = encode_parquet(&table).unwrap();
        let (sorted, notes) = decode_parquet_noting(&bytes).unwrap();
        assert!(notes.unsorted);
        assert_eq!(sorted.rows[0].date, d("2025-01-02"));
        assert_eq!(sorted.rows[0].close, 2.0);
        let table = PriceTable {
            rows: vec![
                PriceRow::close_only(d("2025-01-02"), 1.0),
                PriceRow::close_only(d("2025-01-02"), 2.0),
            ],
            demo: false,
        };
        let bytes = encode_parquet(&table).unwrap();
        assert!(matches!(
            decode_parquet(&bytes),
            Err(DecodeError::Content(_))
        ));
        let table = PriceTable {
            rows: vec![PriceRow::close_only(d("2025-01-03"), -1.0)],
            demo: false,
        };
        let bytes = encode_parquet(&table).unwrap();
        assert!(matches!(
            decode_parquet(&bytes),
            Err(DecodeError::Content(_))
        ));
        assert!(matches!(
            decode_parquet(b"garbage"),
            Err(DecodeError::Parquet(_))
        ));
    }
}
