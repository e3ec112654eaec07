//! Parquet files: read with polars, each understood column checked for its
//! type, then read cell by cell like any other grid.

use std::io::Cursor;

use chrono::NaiveDate;
use polars::prelude::*;

use super::codes::Market;
use super::detect::{ColumnMap, Field, Shape, classify};
use super::error::{Location, Problem};
use super::tables::{Grid, Located};
use super::values::Cell;

const DATE_TYPE: &str = "the date column must be of type Date, Datetime (any unit) or text in an accepted date form; write it as a date, or export the file as CSV";
const NUMBER_TYPE: &str =
    "price, volume and mcap columns must be numbers (Float64 or an integer type)";
const TEXT_TYPE: &str = "the symbol column must be text (String)";

/// One column, converted to what its role needs.
enum Values {
    Dates(Vec<Option<NaiveDate>>),
    Numbers(Vec<Option<f64>>),
    Texts(Vec<Option<String>>),
    /// A column the import does not read.
    Unused,
}

/// A Parquet file's columns, ready to be read cell by cell.
pub struct ParquetGrid {
    headers: Vec<String>,
    columns: Vec<Values>,
    height: usize,
}

impl ParquetGrid {
    /// Reads `bytes` and checks the type of every column the shape uses.
    pub fn read(bytes: &[u8], market: Market) -> Result<(ParquetGrid, Shape), Located> {
        let at_file = |p: Problem| (Location::File, p);
        let frame = crate::store::no_panic(
            || {
                ParquetReader::new(Cursor::new(bytes))
                    .finish()
                    .map_err(|e| e.to_string())
            },
            |damaged| damaged,
        )
        .map_err(|e| at_file(Problem::Parquet(e)))?;
        let headers: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let shape = classify(&headers, market).map_err(at_file)?;
        let mut roles: Vec<Option<Field>> = vec![None; headers.len()];
        match &shape {
            Shape::Columns(map) => set_roles(&mut roles, map),
            Shape::Tickers(tickers) => {
                for ticker in tickers {
                    set_roles(&mut roles, &ticker.map);
                }
            }
            Shape::Wide { date, symbols } => {
                roles[*date] = Some(Field::Date);
                for (i, _) in symbols {
                    roles[*i] = Some(Field::Close);
                }
            }
        }
        let columns = frame
            .columns()
            .iter()
            .zip(&roles)
            .map(|(column, role)| convert(column, *role))
            .collect::<Result<Vec<_>, Problem>>()
            .map_err(at_file)?;
        if frame.height() == 0 {
            return Err(at_file(Problem::HeaderOnly));
        }
        let grid = ParquetGrid {
            headers,
            columns,
            height: frame.height(),
        };
        Ok((grid, shape))
    }
}

/// What each column of `map` is read as.
fn set_roles(roles: &mut [Option<Field>], map: &ColumnMap) {
    roles[map.date] = Some(Field::Date);
    roles[map.close] = Some(Field::Close);
    if let Some(i) = map.symbol {
        roles[i] = Some(Field::Symbol);
    }
    if let Some(i) = map.name {
        roles[i] = Some(Field::Name);
    }
    for (field, i) in &map.optional {
        roles[*i] = Some(*field);
    }
}

fn convert(column: &Column, role: Option<Field>) -> Result<Values, Problem> {
    let wrong = |expected: &'static str| Problem::ParquetType {
        column: column.name().to_string(),
        dtype: column.dtype().to_string(),
        expected,
    };
    let cast = |dtype: &DataType, expected| column.cast(dtype).map_err(|_| wrong(expected));
    Ok(match role {
        None => Values::Unused,
        Some(Field::Date) if column.dtype() == &DataType::String => {
            let texts = column.str().map_err(|_| wrong(DATE_TYPE))?;
            Values::Texts(texts.iter().map(|t| t.map(str::to_string)).collect())
        }
        Some(Field::Date) => {
            if !matches!(column.dtype(), DataType::Date | DataType::Datetime(_, _)) {
                return Err(wrong(DATE_TYPE));
            }
            let dates = cast(&DataType::Date, DATE_TYPE)?;
            let dates = dates.date().map_err(|_| wrong(DATE_TYPE))?;
            Values::Dates(dates.as_date_iter().collect())
        }
        Some(Field::Symbol | Field::Name) => {
            let texts = column.str().map_err(|_| wrong(TEXT_TYPE))?;
            Values::Texts(texts.iter().map(|t| t.map(str::to_string)).collect())
        }
        Some(_) => {
            if !column.dtype().is_primitive_numeric() {
                return Err(wrong(NUMBER_TYPE));
            }
            let numbers = cast(&DataType::Float64, NUMBER_TYPE)?;
            let numbers = numbers.f64().map_err(|_| wrong(NUMBER_TYPE))?;
            Values::Numbers(numbers.iter().collect())
        }
    })
}

impl Grid for ParquetGrid {
    fn headers(&self) -> &[String] {
        &self.headers
    }

    fn height(&self) -> usize {
        self.height
    }

    fn cell(&self, column: usize, row: usize) -> Cell<'_> {
        let missing = Cell::Missing;
        match self.columns.get(column) {
            Some(Values::Dates(v)) => v.get(row).copied().flatten().map_or(missing, Cell::Date),
            Some(Values::Numbers(v)) => v.get(row).copied().flatten().map_or(missing, Cell::Number),
            Some(Values::Texts(v)) => Cell::from_text(v.get(row).and_then(|t| t.as_deref())),
            Some(Values::Unused) | None => missing,
        }
    }

    fn location(&self, row: usize) -> Location {
        Location::Row(row + 1)
    }

    fn header_location(&self) -> Location {
        Location::File
    }
}
