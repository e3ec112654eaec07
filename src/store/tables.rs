//! Writing tables for other tools (CSV or Parquet): the table is plain data
//! built by the caller (`spillover export`), polars does the encoding here,
//! and the file is written atomically.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polars::prelude::{
    Column as PolarsColumn, CsvWriter, DataFrame, DateChunked, IntoColumn, IntoSeries,
    ParquetWriter, PolarsError, SerWriter,
};

use super::write_atomic;

/// The cells of one column, one per row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cells {
    Text(Vec<String>),
    /// An empty cell is a value that does not exist (no trade that day).
    Number(Vec<Option<f64>>),
    Integer(Vec<Option<i64>>),
    Date(Vec<Option<NaiveDate>>),
    Flag(Vec<Option<bool>>),
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub cells: Cells,
}

impl Column {
    pub fn text(name: &str, cells: Vec<String>) -> Column {
        Column {
            name: name.to_string(),
            cells: Cells::Text(cells),
        }
    }

    pub fn number(name: &str, cells: Vec<Option<f64>>) -> Column {
        Column {
            name: name.to_string(),
            cells: Cells::Number(cells),
        }
    }

    pub fn date(name: &str, cells: Vec<Option<NaiveDate>>) -> Column {
        Column {
            name: name.to_string(),
            cells: Cells::Date(cells),
        }
    }
}

/// A table of `rows` rows; every column has that many cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: usize,
    pub columns: Vec<Column>,
}

/// One named series of `(date, value)` pairs, for a wide table.
#[derive(Debug, Clone)]
pub struct Series<'a> {
    pub name: String,
    pub dates: &'a [NaiveDate],
    pub values: Vec<Option<f64>>,
}

/// `series` laid out on the union of their dates: a `date` column, then
/// one column per series; a date a series lacks is an empty cell.
pub fn wide_table(series: &[Series<'_>]) -> Table {
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.dates.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut columns = vec![Column::date(
        "date",
        dates.iter().copied().map(Some).collect(),
    )];
    for s in series {
        let mut values = vec![None; dates.len()];
        let mut at = 0;
        for (date, value) in s.dates.iter().zip(&s.values) {
            while dates[at] < *date {
                at += 1;
            }
            values[at] = *value;
        }
        columns.push(Column::number(&s.name, values));
    }
    Table {
        rows: dates.len(),
        columns,
    }
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Parquet,
}

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Polars could not encode it (its own message says why).
    #[error(transparent)]
    Encode(#[from] PolarsError),
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Encodes `table` and writes it to `output` atomically; returns its row count.
pub fn write_table(table: &Table, format: TableFormat, output: &Path) -> Result<usize, TableError> {
    let columns = table.columns.iter().map(polars_column).collect();
    let mut frame = DataFrame::new(table.rows, columns)?;
    let mut bytes = Vec::new();
    match format {
        TableFormat::Csv => CsvWriter::new(&mut bytes).finish(&mut frame)?,
        TableFormat::Parquet => {
            ParquetWriter::new(&mut bytes).finish(&mut frame)?;
        }
    }
    write_atomic(output, &bytes).map_err(|source| TableError::Write {
        path: output.to_path_buf(),
        source,
    })?;
    Ok(frame.height())
}

fn polars_column(column: &Column) -> PolarsColumn {
    let name = column.name.as_str().into();
    match &column.cells {
        Cells::Text(cells) => PolarsColumn::new(name, cells),
        Cells::Number(cells) => PolarsColumn::new(name, cells),
        Cells::Integer(cells) => PolarsColumn::new(name, cells),
        Cells::Flag(cells) => PolarsColumn::new(name, cells),
        Cells::Date(cells) => DateChunked::from_naive_date_options(name, cells.iter().copied())
            .into_series()
            .into_column(),
    }
}
