//! `spillover export`: wide tables of what the workstation shows, as CSV or Parquet.
//!
//! Time series are wide: a `date` column, then one column per series named
//! by basket id or `A/B`; an empty cell is a date on which that series has
//! no value (another market's holiday, before it starts). Member tables are
//! one row per member with a `basket` column.

use std::path::Path;

use anyhow::bail;
use chrono::NaiveDate;

use super::args::{ExportFormat, ExportWhat};
use super::catalyst_tables::catalyst_table;
use super::diffusion_tables::diffusion_table;
use crate::compute::{
    Analysis, Catalysts, MemberRow, SeriesColumn, index_columns, ratio_columns, scatter_columns,
};
use crate::domain::{Basket, BasketId, PriceBook};
use crate::store::tables::{Column, Series, Table, TableFormat, wide_table, write_table};

/// The wide table of the columns `compute` builds for both export and the
/// figures (so a figure never disagrees with a table).
fn columns_frame(columns: &[SeriesColumn]) -> Table {
    let series: Vec<Series<'_>> = columns
        .iter()
        .map(|c| Series {
            name: c.name.clone(),
            dates: &c.dates,
            values: c.values.clone(),
        })
        .collect();
    wide_table(&series)
}

fn members_frame(analysis: &Analysis, only: Option<&BasketId>) -> anyhow::Result<Table> {
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
        Column::number(name, rows.iter().map(|(_, r)| f(r)).collect())
    };
    let date = |name: &str, f: &dyn Fn(&MemberRow) -> Option<NaiveDate>| {
        Column::date(name, rows.iter().map(|(_, r)| f(r)).collect())
    };
    let columns = vec![
        Column::text(
            "basket",
            rows.iter().map(|(id, _)| id.to_string()).collect(),
        ),
        Column::text("symbol", text(&|r| r.symbol.to_string())),
        Column::text("name", text(&|r| r.name.clone())),
        Column::text("segment", text(&|r| r.segment.clone())),
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
        Column::text("status", text(&|r| r.status.describe())),
    ];
    Ok(Table {
        rows: rows.len(),
        columns,
    })
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
/// `catalysts` is needed by `events`, `leadlag` and `beta`; the baskets
/// and prices by `breadth`, `segments` and `rotation`.
pub fn export(
    analysis: &Analysis,
    catalysts: Option<&Catalysts>,
    inside: Option<(&[Basket], &PriceBook)>,
    what: ExportWhat,
    format: ExportFormat,
    basket: Option<&BasketId>,
    output: &Path,
) -> anyhow::Result<usize> {
    let table = match what {
        ExportWhat::Indices => columns_frame(&index_columns(analysis)),
        ExportWhat::Ratios => columns_frame(&ratio_columns(analysis)),
        ExportWhat::Scatter => columns_frame(&scatter_columns(analysis)),
        ExportWhat::Members => members_frame(analysis, basket)?,
        ExportWhat::Events | ExportWhat::Leadlag | ExportWhat::Beta => {
            catalyst_table(what, catalysts)?
        }
        ExportWhat::Breadth | ExportWhat::Segments | ExportWhat::Rotation => {
            diffusion_table(analysis, inside, what, basket)?
        }
    };
    let format = match format {
        ExportFormat::Csv => TableFormat::Csv,
        ExportFormat::Parquet => TableFormat::Parquet,
    };
    Ok(write_table(&table, format, output)?)
}
