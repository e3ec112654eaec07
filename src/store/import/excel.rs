//! Excel workbooks (`.xlsx`, `.xls`), read with calamine: one sheet becomes
//! a grid like a CSV's, so every layout (per-symbol, long, wide) reads the
//! same way. Rows are named by the sheet's own row numbers.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::NaiveDate;

use super::codes::Market;
use super::detect::{Shape, classify};
use super::error::{Location, Problem};
use super::tables::{Grid, Located};
use super::values::{self, Cell};

/// Title rows above the header that a terminal export may add.
const HEADER_SEARCH: usize = 10;

/// One cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
enum SheetCell {
    Missing,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// One sheet's cells below its header row.
#[derive(Debug)]
pub struct SheetGrid {
    headers: Vec<String>,
    rows: Vec<Vec<SheetCell>>,
    /// The sheet's row number (1-based, as Excel shows it) of each row.
    row_numbers: Vec<usize>,
    header_row: usize,
    footer: Vec<String>,
}

fn sheet_cell(data: &Data) -> SheetCell {
    match data {
        Data::Empty | Data::Error(_) => SheetCell::Missing,
        Data::Int(n) => SheetCell::Number(*n as f64),
        Data::Float(n) => SheetCell::Number(*n),
        Data::Bool(b) => SheetCell::Text(b.to_string()),
        Data::DateTime(dt) => {
            values::excel_serial_date(dt.as_f64()).map_or(SheetCell::Missing, SheetCell::Date)
        }
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            match Cell::from_text(Some(s)) {
                Cell::Text(t) => SheetCell::Text(t.to_string()),
                _ => SheetCell::Missing,
            }
        }
    }
}

/// A header cell as text: codes typed as numbers (`300308`) lose the `.0`.
fn header_text(cell: &SheetCell) -> String {
    match cell {
        SheetCell::Missing => String::new(),
        SheetCell::Text(t) => t.clone(),
        SheetCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        SheetCell::Number(n) => n.to_string(),
        SheetCell::Date(d) => d.to_string(),
    }
}

impl SheetGrid {
    /// Reads a sheet of price data and works out its layout; the header is
    /// the first of the top rows that names a date column.
    pub fn read(
        bytes: &[u8],
        sheet: Option<&str>,
        market: Market,
    ) -> Result<(SheetGrid, Shape), Located> {
        let grid = SheetGrid::parse(bytes, sheet, |headers| classify(headers, market).is_ok())?;
        let shape =
            classify(&grid.headers, market).map_err(|p| (Location::Row(grid.header_row), p))?;
        if grid.rows.is_empty() {
            return Err((Location::File, Problem::HeaderOnly));
        }
        Ok((grid, shape))
    }

    /// Reads a sheet (the first, or `sheet`) into cells; the header is the
    /// first of the top rows for which `is_header` holds (else the first
    /// non-empty row). Footer notes at the bottom are set aside.
    pub fn parse(
        bytes: &[u8],
        sheet: Option<&str>,
        is_header: impl Fn(&[String]) -> bool,
    ) -> Result<SheetGrid, Located> {
        crate::store::no_panic(
            || SheetGrid::parse_sheet(bytes, sheet, &is_header),
            |why| (Location::File, Problem::Excel(why)),
        )
    }

    fn parse_sheet(
        bytes: &[u8],
        sheet: Option<&str>,
        is_header: &dyn Fn(&[String]) -> bool,
    ) -> Result<SheetGrid, Located> {
        let at_file = |p: Problem| (Location::File, p);
        let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| at_file(Problem::Excel(e.to_string())))?;
        let names = book.sheet_names();
        let sheets = names.join(", ");
        let name = match sheet {
            Some(wanted) => names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
                .cloned()
                .ok_or_else(|| {
                    at_file(Problem::NoSheet {
                        sheet: wanted.to_string(),
                        sheets: sheets.clone(),
                    })
                })?,
            None => names
                .first()
                .cloned()
                .ok_or_else(|| at_file(Problem::Excel("it has no sheet".into())))?,
        };
        let range = book
            .worksheet_range(&name)
            .map_err(|e| at_file(Problem::Excel(e.to_string())))?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let mut rows: Vec<(usize, Vec<SheetCell>)> = range
            .rows()
            .enumerate()
            .map(|(i, r)| (first_row + i + 1, r.iter().map(sheet_cell).collect()))
            .filter(|(_, r): &(usize, Vec<SheetCell>)| r.iter().any(|c| *c != SheetCell::Missing))
            .collect();
        if rows.is_empty() {
            return Err(at_file(Problem::EmptySheet {
                sheet: name,
                sheets,
            }));
        }
        let texts = |r: &[SheetCell]| r.iter().map(header_text).collect::<Vec<_>>();
        let header_at = rows
            .iter()
            .take(HEADER_SEARCH)
            .position(|(_, r)| is_header(&texts(r)))
            .unwrap_or(0);
        let mut body = rows.split_off(header_at + 1);
        let (header_row, header) = rows.pop().unwrap_or_default();
        let footer = split_footer(&mut body);
        let width = header.len();
        let (row_numbers, rows) = body
            .into_iter()
            .map(|(n, mut r)| {
                r.resize(width, SheetCell::Missing);
                (n, r)
            })
            .unzip();
        Ok(SheetGrid {
            headers: texts(&header),
            rows,
            row_numbers,
            header_row,
            footer,
        })
    }

    /// The footer notes set aside (`数据来源：Wind`).
    pub fn footer(&self) -> &[String] {
        &self.footer
    }
}

/// Takes the notes off the bottom: rows of one text cell that is not a
/// number or a date (`数据来源：Wind`).
fn split_footer(rows: &mut Vec<(usize, Vec<SheetCell>)>) -> Vec<String> {
    let mut footer = Vec::new();
    while let Some((_, last)) = rows.last() {
        let filled: Vec<&SheetCell> = last.iter().filter(|c| **c != SheetCell::Missing).collect();
        let note = match filled.as_slice() {
            [SheetCell::Text(t)] => {
                values::date(Cell::Text(t)).is_err() && values::number(Cell::Text(t), "").is_err()
            }
            _ => false,
        };
        if !note {
            break;
        }
        if let [SheetCell::Text(t)] = filled.as_slice() {
            footer.push(t.clone());
        }
        rows.pop();
    }
    footer.reverse();
    footer
}

impl Grid for SheetGrid {
    fn headers(&self) -> &[String] {
        &self.headers
    }

    fn height(&self) -> usize {
        self.rows.len()
    }

    fn cell(&self, column: usize, row: usize) -> Cell<'_> {
        match self.rows.get(row).and_then(|r| r.get(column)) {
            Some(SheetCell::Text(t)) => Cell::Text(t),
            Some(SheetCell::Number(n)) => Cell::Number(*n),
            Some(SheetCell::Date(d)) => Cell::Date(*d),
            Some(SheetCell::Missing) | None => Cell::Missing,
        }
    }

    fn location(&self, row: usize) -> Location {
        Location::Row(self.row_numbers.get(row).copied().unwrap_or(row + 1))
    }

    fn header_location(&self) -> Location {
        Location::Row(self.header_row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::values::excel_serial_date;

    #[test]
    fn excel_serials_are_calendar_dates() {
        // 45659 is 2025-01-02 in Excel's 1900 date system.
        assert_eq!(
            excel_serial_date(45659.0),
            NaiveDate::from_ymd_opt(2025, 1, 2)
        );
        assert_eq!(excel_serial_date(-1.0), None);
    }
}
