//! `spillover export`: wide tables of what the workstation shows, as CSV or Parquet.
//!
//! Time series are wide: a `date` column, then one column per series named
//! by basket id or `A/B`; an empty cell is a date on which that series has
//! no value (another market's holiday, before it starts). Member tables are
//! one row per member with a `basket` column.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use polars::prelude::*;

use super::args::{ExportFormat, ExportWhat};
use super::catalyst_tables::{Cells, PlainTable, catalyst_table};
use crate::compute::{
    Analysis, Catalysts, MemberRow, SeriesColumn, index_columns, ratio_columns, scatter_columns,
};
use crate::domain::BasketId;
use crate::store::write_atomic;

/// One named series of `(date, value)` pairs.
struct Series<'a> {
    name: String,
    dates: &'a [NaiveDate],
    values: Vec<Option<f64>>,
}

/// Lays `series` out on the union of their dates.
fn wide_frame(series: &[Series<'_>]) -> PolarsResult<DataFrame> {
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.dates.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut columns = vec![
        DateChunked::from_naive_date("date".into(), dates.iter().copied())
            .into_series()
            .into_column(),
    ];
    for s in series {
        let mut values = vec![None; dates.len()];
        let mut at = 0;
        for (date, value) in s.dates.iter().zip(&s.values) {
            while dates[at] < *date {
                at += 1;
            }
            values[at] = *value;
        }
        columns.push(Column::new(s.name.as_str().into(), values));
    }
    DataFrame::new(dates.len(), columns)
}

/// The wide frame of the columns `compute` builds for both export and the figures.
fn columns_frame(columns: &[SeriesColumn]) -> PolarsResult<DataFrame> {
    let series: Vec<Series<'_>> = columns
        .iter()
        .map(|c| Series {
            name: c.name.clone(),
            dates: &c.dates,
            values: c.values.clone(),
        })
        .collect();
    wide_frame(&series)
}

fn members_frame(analysis: &Analysis, only: Option<&BasketId>) -> anyhow::Result<DataFrame> {
    let rows: Vec<(&BasketId, &MemberRow)> = analysis
        .members
        .iter()
        .filter(|(id, _)| only.is_none_or(|o| o == id))
        .flat_map(|(id, rows)| rows.iter().map(move |r| (id, r)))
        .collect();
    if let Some(id) = only
        && !analysis.members.iter().any(|(b, _)| b == id)
    {
        let known: Vec<String> = analysis
            .members
            .iter()
            .map(|(b, _)| b.to_string())
            .collect();
        bail!("no basket \"{id}\"; the baskets are: {}", known.join(", "));
    }
    let text = |f: &dyn Fn(&MemberRow) -> String| -> Vec<String> {
        rows.iter().map(|(_, r)| f(r)).collect()
    };
    let number = |name: &str, f: &dyn Fn(&MemberRow) -> Option<f64>| {
        Column::new(
            name.into(),
            rows.iter().map(|(_, r)| f(r)).collect::<Vec<_>>(),
        )
    };
    let date = |name: &str, f: &dyn Fn(&MemberRow) -> Option<NaiveDate>| {
        DateChunked::from_naive_date_options(name.into(), rows.iter().map(|(_, r)| f(r)))
            .into_series()
            .into_column()
    };
    let columns = vec![
        Column::new(
            "basket".into(),
            rows.iter()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>(),
        ),
        Column::new("symbol".into(), text(&|r| r.symbol.to_string())),
        Column::new("name".into(), text(&|r| r.name.clone())),
        Column::new("segment".into(), text(&|r| r.segment.clone())),
        number("target_weight", &|r| r.target_weight),
        number("weight", &|r| r.current_weight),
        number("last_price", &|r| r.last_price),
        date("last_price_date", &|r| r.last_price_date),
        number("ret_1d", &|r| r.ret_1d),
        number("ret_5d", &|r| r.ret_5d),
        number("ret_1m", &|r| r.ret_1m),
        number("ret_ytd", &|r| r.ret_ytd),
        number("ret_window", &|r| r.ret_window),
        number("contribution", &|r| Some(r.contribution)),
        date("first_date", &|r| r.first_date),
        date("last_date", &|r| r.last_date),
        Column::new("status".into(), text(&|r| r.status.describe())),
    ];
    Ok(DataFrame::new(rows.len(), columns)?)
}

/// A plain table (the catalyst statistics) as a frame.
fn plain_frame(table: &PlainTable) -> PolarsResult<DataFrame> {
    let columns = table
        .columns
        .iter()
        .map(|(name, cells)| {
            let name = name.as_str().into();
            match cells {
                Cells::Text(v) => Column::new(name, v),
                Cells::Number(v) => Column::new(name, v),
                Cells::Integer(v) => Column::new(name, v),
                Cells::Flag(v) => Column::new(name, v),
                Cells::Date(v) => DateChunked::from_naive_date_options(name, v.iter().copied())
                    .into_series()
                    .into_column(),
            }
        })
        .collect();
    DataFrame::new(table.rows, columns)
}

/// The format asked for, else the output's extension, else CSV.
pub fn format_for(path: &Path, asked: Option<ExportFormat>) -> ExportFormat {
    asked.unwrap_or_else(|| {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("parquet" | "pq") => ExportFormat::Parquet,
            _ => ExportFormat::Csv,
        }
    })
}

/// Builds the table and writes it atomically; returns its row count.
/// `catalysts` is needed by `events`, `leadlag` and `beta`.
pub fn export(
    analysis: &Analysis,
    catalysts: Option<&Catalysts>,
    what: ExportWhat,
    format: ExportFormat,
    basket: Option<&BasketId>,
    output: &Path,
) -> anyhow::Result<usize> {
    let mut frame = match what {
        ExportWhat::Indices => columns_frame(&index_columns(analysis))?,
        ExportWhat::Ratios => columns_frame(&ratio_columns(analysis))?,
        ExportWhat::Scatter => columns_frame(&scatter_columns(analysis))?,
        ExportWhat::Members => members_frame(analysis, basket)?,
        ExportWhat::Events | ExportWhat::Leadlag | ExportWhat::Beta => {
            plain_frame(&catalyst_table(what, catalysts)?)?
        }
    };
    let mut bytes = Vec::new();
    match format {
        ExportFormat::Csv => CsvWriter::new(&mut bytes).finish(&mut frame)?,
        ExportFormat::Parquet => {
            ParquetWriter::new(&mut bytes).finish(&mut frame)?;
        }
    }
    write_atomic(output, &bytes).with_context(|| format!("cannot write {}", output.display()))?;
    Ok(frame.height())
}
