//! One cell at a time: dates, numbers and symbols as a file writes them,
//! checked against what the cache accepts.

use chrono::NaiveDate;

use super::codes::{Market, code_from_number, qualify};
use super::detect::Field;
use super::error::Problem;
use crate::domain::Symbol;
use crate::store::date_text;

/// One cell of a file, as read: text from a CSV, typed values from Parquet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Empty, Yahoo's `null`, or a terminal's "no value" (`--`, `—`, `N/A`).
    Missing,
    Text(&'a str),
    Number(f64),
    Date(NaiveDate),
}

impl<'a> Cell<'a> {
    /// A CSV cell: trimmed; empty, `null` (Yahoo) and the "no value" marks
    /// of Wind, Choice and iFinD exports are missing.
    pub fn from_text(text: Option<&'a str>) -> Cell<'a> {
        match text.map(str::trim) {
            None => Cell::Missing,
            Some(t) if is_no_value(t) => Cell::Missing,
            Some(t) => Cell::Text(t),
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing)
    }
}

/// How files say "no value": empty, `null`, `--`, `—`, `N/A`, `#N/A`. (A
/// `NaN` stays a bad number: it is refused, not passed over.)
pub fn is_no_value(text: &str) -> bool {
    const MARKS: [&str; 3] = ["null", "n/a", "#n/a"];
    text.is_empty()
        || MARKS.iter().any(|m| text.eq_ignore_ascii_case(m))
        || text.chars().all(|c| matches!(c, '-' | '—' | '–' | '－'))
}

/// Reads a date cell: `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, optionally
/// followed by a time (` 00:00:00`, `T00:00:00`, `T00:00:00Z`), which is dropped.
pub fn date(cell: Cell<'_>) -> Result<NaiveDate, Problem> {
    match cell {
        Cell::Missing => Err(Problem::EmptyDate),
        Cell::Date(d) => Ok(d),
        Cell::Number(n) => number_date(n).ok_or_else(|| Problem::BadDate {
            text: n.to_string(),
        }),
        Cell::Text(text) => date_text::parse_date(text).ok_or_else(|| Problem::BadDate {
            text: text.to_string(),
        }),
    }
}

/// A date a spreadsheet holds as a number: `20250102` (YYYYMMDD, as Tushare
/// writes it) or an Excel serial day (45659 = 2025-01-02).
fn number_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 {
        return None;
    }
    if (18_000_101.0..=29_991_231.0).contains(&n) {
        return NaiveDate::parse_from_str(&format!("{}", n as i64), "%Y%m%d").ok();
    }
    excel_serial_date(n)
}

/// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(serial.is_finite() && (1.0..2_958_466.0).contains(&serial)) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}

/// Reads a number cell named `column` (the file's own header).
pub fn number(cell: Cell<'_>, column: &str) -> Result<Option<f64>, Problem> {
    match cell {
        Cell::Missing => Ok(None),
        Cell::Number(n) => Ok(Some(n)),
        Cell::Text(text) => parse_number(text)
            .map(Some)
            .ok_or_else(|| Problem::NotANumber {
                column: column.to_string(),
                text: text.to_string(),
            }),
        Cell::Date(d) => Err(Problem::NotANumber {
            column: column.to_string(),
            text: d.to_string(),
        }),
    }
}

/// A plain number, or one with thousands separators (`1,234.50`, as
/// terminals quote them); `1,5` is not a number (a decimal comma is refused
/// rather than misread).
fn parse_number(text: &str) -> Option<f64> {
    if let Ok(n) = text.parse::<f64>() {
        return Some(n);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let whole = unsigned.split('.').next().unwrap_or(unsigned);
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && whole.contains(',')
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return None;
    }
    text.replace(',', "").parse().ok()
}

/// Checks a value of `field` against the cache's rules: prices finite and
/// > 0, volume finite and ≥ 0, mcap finite and > 0.
pub fn check(field: Field, column: &str, value: f64) -> Result<f64, Problem> {
    let (ok, rule) = match field {
        Field::Volume => (
            value.is_finite() && value >= 0.0,
            "volume must be a finite number ≥ 0",
        ),
        Field::Mcap => (
            value.is_finite() && value > 0.0,
            "mcap must be a finite number > 0",
        ),
        _ => (
            value.is_finite() && value > 0.0,
            "prices (open, high, low, close, adj_close) must be finite numbers > 0",
        ),
    };
    if ok {
        Ok(value)
    } else {
        Err(Problem::OutOfRange {
            column: column.to_string(),
            value,
            rule,
        })
    }
}

/// Reads a symbol cell of a long file; a bare code gets its exchange
/// (`300308` → `300308.SZ`; `700` → `0700.HK` in a Hong Kong file).
pub fn symbol(cell: Cell<'_>, market: Market) -> Result<Symbol, Problem> {
    let text = match cell {
        Cell::Missing => return Err(Problem::EmptySymbol),
        Cell::Text(text) => text.to_string(),
        Cell::Number(n) => code_from_number(n, market).unwrap_or_else(|| n.to_string()),
        Cell::Date(d) => d.to_string(),
    };
    Symbol::parse(&qualify(&text, market)).map_err(Problem::BadSymbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_every_accepted_date_form() {
        for text in [
            "2025-01-02",
            "20250102",
            "2025/01/02",
            "2025-01-02 00:00:00",
            "2025-01-02T00:00:00",
            "2025-01-02T09:30:00.000Z",
            "2025-01-02 00:00:00+08:00",
            " 2025-01-02 ",
        ] {
            assert_eq!(
                date(Cell::from_text(Some(text))),
                Ok(d(2025, 1, 2)),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_other_dates_and_says_what_is_accepted() {
        for text in [
            "02/01/2025",
            "2025-13-01",
            "2025-02-30",
            "Jan 2 2025",
            "2025-01-02 noon",
            "202501",
        ] {
            let err = date(Cell::Text(text)).unwrap_err();
            assert!(
                err.to_string()
                    .contains("YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD"),
                "{err}"
            );
        }
        assert_eq!(date(Cell::from_text(Some("null"))), Err(Problem::EmptyDate));
    }

    #[test]
    fn numbers_must_be_numbers_and_in_range() {
        assert_eq!(number(Cell::Text("1e3"), "Close"), Ok(Some(1000.0)));
        assert_eq!(number(Cell::Missing, "Close"), Ok(None));
        assert!(matches!(
            number(Cell::Text("1,5"), "Close"),
            Err(Problem::NotANumber { .. })
        ));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(check(Field::Close, "Close", bad).is_err(), "{bad}");
        }
        assert_eq!(check(Field::Volume, "Volume", 0.0), Ok(0.0));
        assert!(check(Field::Volume, "Volume", -1.0).is_err());
        assert!(check(Field::Mcap, "mcap", 0.0).is_err());
    }

    proptest::proptest! {
        #[test]
        fn every_accepted_form_of_a_date_reads_back_as_that_date(days in 0i64..60_000) {
            let day = d(1900, 1, 1) + chrono::Duration::days(days);
            for form in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
                let text = day.and_hms_opt(0, 0, 0).unwrap().format(form).to_string();
                proptest::prop_assert_eq!(date(Cell::Text(&text)), Ok(day), "{}", text);
            }
        }
    }
}
