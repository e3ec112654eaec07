//! Dates with slashes (`1/4/1999`): month-first or day-first is decided once
//! for the whole column, never guessed per row; `--date-format` decides it
//! for the user.

use chrono::{NaiveDate, NaiveDateTime};

use super::error::Problem;
use super::values::{self, Cell};
use crate::store::date_text::{self, SlashError, SlashOrder};

/// How the cells of one date column are read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateReader {
    /// The user's `--date-format` (chrono's `%` codes), which always wins.
    format: Option<String>,
    /// The order of slash dates, when the column has any.
    slash: Option<SlashOrder>,
}

impl DateReader {
    /// Decides how to read `cells` (one date column): with `format` if
    /// given, else by the slash dates in it. A column of slash dates that
    /// never has a part above 12 cannot tell, and is refused with the two
    /// `--date-format` values that would decide it.
    pub fn for_column<'a>(
        column: &str,
        cells: impl Iterator<Item = Cell<'a>>,
        format: Option<&str>,
    ) -> Result<DateReader, Problem> {
        if let Some(format) = format {
            return Ok(DateReader {
                format: Some(format.to_string()),
                slash: None,
            });
        }
        let texts = cells.filter_map(|cell| match cell {
            Cell::Text(text) => Some(text),
            _ => None,
        });
        let column = column.to_string();
        let slash = date_text::slash_order(texts).map_err(|e| match e {
            SlashError::Mixed { example } => Problem::MixedSlashDates { column, example },
            SlashError::Ambiguous { example } => Problem::AmbiguousSlashDates { column, example },
        })?;
        Ok(DateReader {
            format: None,
            slash,
        })
    }

    /// Reads one cell of the column.
    pub fn read(&self, cell: Cell<'_>) -> Result<NaiveDate, Problem> {
        let Cell::Text(text) = cell else {
            return values::date(cell);
        };
        if let Some(format) = &self.format {
            return NaiveDate::parse_from_str(text, format)
                .or_else(|_| NaiveDateTime::parse_from_str(text, format).map(|t| t.date()))
                .map_err(|_| Problem::DateNotInFormat {
                    text: text.to_string(),
                    format: format.clone(),
                });
        }
        date_text::read_date(text, self.slash).ok_or_else(|| Problem::BadDate {
            text: text.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn reader(cells: &[&str], format: Option<&str>) -> Result<DateReader, Problem> {
        DateReader::for_column("Date", cells.iter().map(|t| Cell::Text(t)), format)
    }

    #[test]
    fn the_column_decides_the_order() {
        // 1/13/1999 can only be month-first, so 1/4/1999 is 4 January.
        let us = reader(&["1/4/1999", "1/13/1999"], None).unwrap();
        assert_eq!(us.read(Cell::Text("1/4/1999")), Ok(d(1999, 1, 4)));
        // 13/1/1999 can only be day-first, so 1/4/1999 is 1 April.
        let uk = reader(&["1/4/1999", "13/1/1999"], None).unwrap();
        assert_eq!(uk.read(Cell::Text("1/4/1999")), Ok(d(1999, 4, 1)));
        // Other forms still read as before.
        assert_eq!(us.read(Cell::Text("2025-01-02")), Ok(d(2025, 1, 2)));
    }

    #[test]
    fn a_column_that_cannot_tell_names_the_option() {
        let err = reader(&["1/4/1999", "2/4/1999"], None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("--date-format %m/%d/%Y"), "{text}");
        assert!(text.contains("--date-format %d/%m/%Y"), "{text}");
        assert!(matches!(
            reader(&["13/1/1999", "1/13/1999"], None),
            Err(Problem::MixedSlashDates { .. })
        ));
        // The option is always accepted.
        let given = reader(&["1/4/1999"], Some("%d/%m/%Y")).unwrap();
        assert_eq!(given.read(Cell::Text("1/4/1999")), Ok(d(1999, 4, 1)));
        assert!(matches!(
            given.read(Cell::Text("1999-04-01")),
            Err(Problem::DateNotInFormat { .. })
        ));
    }
}
