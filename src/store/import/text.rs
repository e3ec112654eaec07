//! CSV text: read with polars (every column as text, so each cell can be
//! judged and named on its own), after a light scan of the lines that polars
//! does not give back: where each row starts, and how many fields it has.

use std::io::Cursor;

use polars::prelude::*;

use super::codes::Market;
use super::detect::{Shape, classify, text_format};
use super::error::{Location, Problem};
use super::format::Format;
use super::levels::{self, Levels};
use super::tables::{Grid, Located};
use super::values::Cell;

/// A CSV file's cells, with the physical line of each row.
pub struct TextGrid {
    headers: Vec<String>,
    columns: Vec<StringChunked>,
    /// The line of each data row (header = line 1); `None` when the scan and
    /// polars disagree on the rows, and rows are then named by number.
    lines: Option<Vec<usize>>,
    header_line: usize,
    footer: Vec<String>,
    /// A header of several rows (yfinance's field and ticker rows).
    levels: Option<Levels>,
}

impl TextGrid {
    /// Reads CSV text, refusing ragged rows with their line, and works out
    /// its layout.
    pub fn read(text: &str, market: Market) -> Result<(TextGrid, Shape, Format), Located> {
        let grid = TextGrid::parse(text)?;
        let header_line = Location::Line(grid.header_line);
        let shape = match &grid.levels {
            Some(levels) => levels::shape(levels, market),
            None => classify(&grid.headers, market),
        }
        .map_err(|p| (header_line, p))?;
        if grid.height() == 0 {
            return Err((Location::File, Problem::HeaderOnly));
        }
        let format = text_format(&grid.headers, &shape);
        Ok((grid, shape, format))
    }

    /// Reads CSV text into cells, whatever its columns mean. Footer lines
    /// of terminal exports (`数据来源：Wind`) and blank lines at the end are
    /// set aside and listed in [`TextGrid::footer`].
    pub fn parse(text: &str) -> Result<TextGrid, Located> {
        let mut records = scan(text)?;
        let count = records.len();
        let footer = split_footer(text, &mut records);
        let body = match records.last() {
            Some(last) if records.len() < count => &text[..last.end],
            _ => text,
        };
        let Some(header) = records.first() else {
            return Err((Location::File, Problem::Empty));
        };
        let levels = header_levels(text, &records);
        let header_rows = levels.as_ref().map_or(1, |l| l.rows);
        let rows = records.get(header_rows..).unwrap_or_default();
        if let Some(bad) = rows.iter().find(|r| !r.blank && r.fields != header.fields) {
            return Err((
                Location::Line(bad.line),
                Problem::FieldCount {
                    expected: header.fields,
                    found: bad.fields,
                },
            ));
        }
        // Several header rows: polars reads the data under one made-up
        // header row; the real headers are the flattened levels.
        let owned;
        let body = match (&levels, rows.first()) {
            (None, _) => body,
            (Some(_), first) => {
                let names: Vec<String> = (0..header.fields).map(|i| format!("c{i}")).collect();
                let data = first.map_or("", |r| &body[r.start..]);
                owned = format!("{}\n{data}", names.join(","));
                owned.as_str()
            }
        };
        let frame = CsvReadOptions::default()
            .with_has_header(true)
            // Every column as text: a bad cell is then named by the import
            // instead of turning the whole column into text or nulls.
            .with_infer_schema_length(Some(0))
            .into_reader_with_file_handle(Cursor::new(body.as_bytes()))
            .finish()
            .map_err(|e| (Location::File, Problem::Csv(first_line(&e.to_string()))))?;
        let headers: Vec<String> = match &levels {
            Some(levels) => levels.headers(),
            None => frame
                .get_column_names()
                .iter()
                .map(|n| n.to_string())
                .collect(),
        };
        refuse_repeated_headers(&headers).map_err(|p| (Location::Line(header.line), p))?;
        let columns = frame
            .columns()
            .iter()
            .map(|c| c.str().cloned())
            .collect::<PolarsResult<Vec<_>>>()
            .map_err(|e| (Location::File, Problem::Csv(first_line(&e.to_string()))))?;
        let lines = (rows.len() == frame.height()).then(|| rows.iter().map(|r| r.line).collect());
        Ok(TextGrid {
            headers,
            columns,
            lines,
            header_line: header.line,
            footer,
            levels,
        })
    }

    /// The footer lines set aside (source notes, blank lines at the end).
    pub fn footer(&self) -> &[String] {
        &self.footer
    }
}

/// Takes the footer off the end of `records`: blank records, and records
/// whose first field is text that is not a number or date and whose other
/// fields are empty (`数据来源：Wind`, `Source: Choice`). Returns their text.
fn split_footer(text: &str, records: &mut Vec<Record>) -> Vec<String> {
    let mut footer = Vec::new();
    while records.len() > 1 {
        let Some(last) = records.last() else { break };
        let raw = text[last.start..last.end].trim();
        let mut fields = raw.split(',');
        let first = fields.next().unwrap_or("").trim().trim_matches('"');
        let rest_empty = fields.all(|f| f.trim().trim_matches('"').is_empty());
        let note =
            !first.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') && rest_empty;
        if !(last.blank || note) {
            break;
        }
        // A row of empty fields (`,,,,`) goes quietly, like a blank line.
        if !last.blank && !first.is_empty() {
            footer.push(first.to_string());
        }
        records.pop();
    }
    footer.reverse();
    footer
}

/// The header levels of a file whose header takes two or three lines.
fn header_levels(text: &str, records: &[Record]) -> Option<Levels> {
    let rows: Vec<Vec<String>> = records
        .iter()
        .take(3)
        .map(|r| cells(&text[r.start..r.end]))
        .collect();
    levels::detect(&rows)
}

/// The cells of one header record, unquoted.
fn cells(raw: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in raw.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            '\r' | '\n' if !quoted => {}
            c => out.last_mut().into_iter().for_each(|cell| cell.push(c)),
        }
    }
    out
}

/// polars renames a repeated header `x` to `x_duplicated_0`; say it plainly.
fn refuse_repeated_headers(headers: &[String]) -> Result<(), Problem> {
    for header in headers {
        if let Some((original, _)) = header.rsplit_once("_duplicated_")
            && headers.iter().any(|h| h == original)
        {
            return Err(Problem::RepeatedHeader {
                header: original.to_string(),
            });
        }
    }
    Ok(())
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}

impl Grid for TextGrid {
    fn headers(&self) -> &[String] {
        &self.headers
    }

    fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.len())
    }

    fn cell(&self, column: usize, row: usize) -> Cell<'_> {
        Cell::from_text(self.columns.get(column).and_then(|c| c.get(row)))
    }

    fn location(&self, row: usize) -> Location {
        match &self.lines {
            Some(lines) => lines
                .get(row)
                .map_or(Location::Row(row + 1), |l| Location::Line(*l)),
            None => Location::Row(row + 1),
        }
    }

    fn header_location(&self) -> Location {
        Location::Line(self.header_line)
    }
}

/// One CSV record as the scan sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Record {
    /// The physical line it starts on (1-based).
    line: usize,
    fields: usize,
    /// Only whitespace: polars reads it as a row of empty cells.
    blank: bool,
    /// Its bytes in the text: `start..end` (without the newline).
    start: usize,
    end: usize,
}

/// Splits text into records the way polars does: commas and newlines inside
/// double quotes belong to the field; a blank line is a record of its own.
fn scan(text: &str) -> Result<Vec<Record>, Located> {
    let mut records = Vec::new();
    let mut line = 1;
    let mut start = Record {
        line: 1,
        fields: 1,
        blank: true,
        start: 0,
        end: 0,
    };
    let mut in_quotes = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => {
                in_quotes = !in_quotes;
                start.blank = false;
            }
            b',' if !in_quotes => {
                start.fields += 1;
                start.blank = false;
            }
            b'\n' => {
                line += 1;
                if !in_quotes {
                    start.end = i;
                    records.push(start);
                    start = Record {
                        line,
                        fields: 1,
                        blank: true,
                        start: i + 1,
                        end: i + 1,
                    };
                }
            }
            b if !b.is_ascii_whitespace() => start.blank = false,
            _ => {}
        }
    }
    if in_quotes {
        return Err((
            Location::Line(start.line),
            Problem::Csv("a quoted field is not closed".to_string()),
        ));
    }
    // Text that does not end in a newline still ends its last record.
    if !start.blank || start.fields > 1 {
        start.end = text.len();
        records.push(start);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_follows_quotes_and_blank_lines() {
        let records = scan("a,b\r\n1,\"x,\ny\"\n\n2,3,4\n5").unwrap();
        let lines: Vec<_> = records
            .iter()
            .map(|r| (r.line, r.fields, r.blank))
            .collect();
        assert_eq!(
            lines,
            [
                (1, 2, false),
                (2, 2, false),
                (4, 1, true),
                (5, 3, false),
                (6, 1, false)
            ]
        );
        assert_eq!(
            scan("a,b\n1,\"2\n3,4\n"),
            Err((
                Location::Line(2),
                Problem::Csv("a quoted field is not closed".into())
            ))
        );
    }

    #[test]
    fn rows_know_their_physical_line() {
        // The quoted newline makes the second data row start on line 4.
        let (grid, _, format) = TextGrid::read(
            "date,close,note\n2025-01-02,1,\"a\nb\"\n2025-01-03,2,c\n",
            Market::Auto,
        )
        .unwrap();
        assert_eq!(format, Format::PerSymbolCsv);
        assert_eq!(grid.location(1), Location::Line(4));
        assert_eq!(grid.cell(1, 1), Cell::Text("2"));
    }

    #[test]
    fn ragged_rows_are_named_by_line() {
        let short = TextGrid::read("date,close\n2025-01-02,1\n2025-01-03\n", Market::Auto).err();
        assert_eq!(
            short,
            Some((
                Location::Line(3),
                Problem::FieldCount {
                    expected: 2,
                    found: 1
                }
            ))
        );
        let long = TextGrid::read("date,close\n2025-01-02,1,9\n", Market::Auto).err();
        assert_eq!(
            long,
            Some((
                Location::Line(2),
                Problem::FieldCount {
                    expected: 2,
                    found: 3
                }
            ))
        );
    }
}
