//! The user's calendar file, `<data dir>/calendars.csv`: `date,market,note`
//! lines that open or close a day of one market, e.g. when an exchange
//! announces next year's holidays before the embedded table knows them.

use chrono::NaiveDate;

use super::Market;

/// One day of the user's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDay {
    pub date: NaiveDate,
    pub market: Market,
    /// `true` when the note says `open`, `false` when it says `closed`.
    pub open: bool,
    /// Its line in the file (from 1).
    pub line: usize,
}

/// A line of the user's file that does not read: which line, what is wrong
/// and how to write it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}; {fix}")]
pub struct CalendarFileError {
    pub line: usize,
    pub problem: String,
    pub fix: String,
}

const LINE_FIX: &str =
    "write each line as date,market,note, e.g. 2027-02-08,XHKG,closed Lunar New Year";

/// Reads the user's file. The header `date,market,note`, blank lines and `#`
/// comments are skipped. The note must hold the word `open` or `closed`
/// (any case, any other words around it). Two lines for the same day and
/// market must agree.
pub fn parse_user_file(text: &str) -> Result<Vec<UserDay>, CalendarFileError> {
    let mut days: Vec<UserDay> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let fail = |problem: String, fix: &str| CalendarFileError {
            line,
            problem,
            fix: fix.to_string(),
        };
        let trimmed = raw.trim().trim_start_matches('\u{feff}');
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || trimmed.to_ascii_lowercase().starts_with("date,")
        {
            continue;
        }
        let mut fields = trimmed.splitn(3, ',');
        let (date_text, market_text, note) = (
            fields.next().unwrap_or("").trim(),
            fields.next().unwrap_or("").trim(),
            fields.next().unwrap_or("").trim(),
        );
        let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d").map_err(|_| {
            fail(
                format!("{date_text:?} is not a date"),
                "write the date as YYYY-MM-DD, e.g. 2027-02-08",
            )
        })?;
        let market = Market::parse(market_text).ok_or_else(|| {
            fail(
                format!("unknown market {market_text:?}"),
                "use XSHG (or XSHE, the same calendar), XHKG or XNYS",
            )
        })?;
        let open = read_note(note).map_err(|problem| fail(problem, LINE_FIX))?;
        if super::is_weekend(date) && open {
            return Err(fail(
                format!("{date} is a weekend, and weekends are always closed"),
                "list only weekdays",
            ));
        }
        if let Some(earlier) = days
            .iter()
            .find(|d| d.date == date && d.market == market && d.open != open)
        {
            return Err(fail(
                format!(
                    "{date} {market} is {} here but {} on line {}",
                    word(open),
                    word(earlier.open),
                    earlier.line
                ),
                "keep one of the two lines",
            ));
        }
        days.push(UserDay {
            date,
            market,
            open,
            line,
        });
    }
    Ok(days)
}

fn word(open: bool) -> &'static str {
    if open { "open" } else { "closed" }
}

fn read_note(note: &str) -> Result<bool, String> {
    let lower = note.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let open = words.contains(&"open");
    let closed = words.contains(&"closed");
    match (open, closed) {
        (true, false) => Ok(true),
        (false, true) => Ok(false),
        (true, true) => Err(format!("the note {note:?} says both open and closed")),
        (false, false) => Err(format!("the note {note:?} says neither open nor closed")),
    }
}
