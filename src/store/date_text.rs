//! Dates written as text, the forms files use: `YYYY-MM-DD`, `YYYYMMDD`,
//! `YYYY/MM/DD`, a date-time whose date part is one of those, and slash dates
//! (`1/4/1999`) whose order is decided once for a whole column. Both the
//! import and the price files other tools wrote with text dates read them
//! here, so the two accept the same forms.

use chrono::NaiveDate;

/// Which part of `A/B/YYYY` is the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    /// `M/D/YYYY` (Yahoo, US exports).
    MonthFirst,
    /// `D/M/YYYY` (UK and European exports).
    DayFirst,
}

/// Why a column of slash dates has no one order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlashError {
    /// No date has a part above 12: M/D and D/M cannot be told apart.
    #[error("dates such as {example:?} could be month-first or day-first")]
    Ambiguous { example: String },
    /// One date has its first part above 12, another its second.
    #[error("month-first and day-first dates are mixed (e.g. {example:?})")]
    Mixed { example: String },
}

/// Why a column of date texts does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateTextError {
    #[error("column `{column}`: {source}; write YYYY-MM-DD dates")]
    Slash { column: String, source: SlashError },
    #[error(
        "column `{column}`, row {row}: {text:?} is not a date; write YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD"
    )]
    Bad {
        column: String,
        row: usize,
        text: String,
    },
}

/// The `A/B/YYYY` parts of a text, with any time after it ignored.
pub fn slash_parts(text: &str) -> Option<(u32, u32, i32)> {
    let day = text.split([' ', 'T']).next()?;
    let mut parts = day.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    if parts.next().is_some() || !short(a) || !short(b) || y.len() != 4 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, y.parse().ok()?))
}

/// The order of the slash dates among `texts` (one column): `None` when it
/// has none; an error when no date, or when dates of both orders, decide it.
pub fn slash_order<'a>(
    texts: impl Iterator<Item = &'a str>,
) -> Result<Option<SlashOrder>, SlashError> {
    let (mut seen, mut first_big, mut second_big) = (None, false, false);
    for text in texts {
        let Some((a, b, _)) = slash_parts(text) else {
            continue;
        };
        seen.get_or_insert_with(|| text.to_string());
        first_big |= a > 12;
        second_big |= b > 12;
    }
    match (seen, first_big, second_big) {
        (None, ..) => Ok(None),
        (Some(_), true, false) => Ok(Some(SlashOrder::DayFirst)),
        (Some(_), false, true) => Ok(Some(SlashOrder::MonthFirst)),
        (Some(example), true, true) => Err(SlashError::Mixed { example }),
        (Some(example), false, false) => Err(SlashError::Ambiguous { example }),
    }
}

/// Reads one text of a column whose slash dates are in `slash` order.
pub fn read_date(text: &str, slash: Option<SlashOrder>) -> Option<NaiveDate> {
    match (slash_parts(text), slash) {
        (Some((a, b, y)), Some(order)) => {
            let (m, d) = match order {
                SlashOrder::MonthFirst => (a, b),
                SlashOrder::DayFirst => (b, a),
            };
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => parse_date(text),
    }
}

/// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, optionally followed by a time
/// (` 00:00:00`, `T00:00:00`, `T00:00:00Z`, `+08:00`), which is dropped.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (day, time) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], Some(text[i + 1..].trim())),
        None => (text, None),
    };
    if let Some(time) = time
        && !looks_like_time(time)
    {
        return None;
    }
    let compact = day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit());
    if compact {
        return NaiveDate::parse_from_str(day, "%Y%m%d").ok();
    }
    ["%Y-%m-%d", "%Y/%m/%d"]
        .iter()
        .find_map(|form| NaiveDate::parse_from_str(day, form).ok())
}

/// `00:00:00`, `00:00`, `09:30:00.000`, with an optional `Z` or `+08:00`.
fn looks_like_time(time: &str) -> bool {
    let time = time.strip_suffix('Z').unwrap_or(time);
    time.starts_with(|c: char| c.is_ascii_digit())
        && time.contains(':')
        && time
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-'))
}

/// Reads a column of date texts (slash dates decided by the whole column):
/// for price files that other tools wrote with text dates. A missing or
/// empty text stays `None`.
pub fn read_date_texts(
    column: &str,
    texts: &[Option<&str>],
) -> Result<Vec<Option<NaiveDate>>, DateTextError> {
    let present = || {
        texts
            .iter()
            .flatten()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
    };
    let slash = slash_order(present()).map_err(|source| DateTextError::Slash {
        column: column.to_string(),
        source,
    })?;
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| match text.map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => read_date(text, slash)
                .map(Some)
                .ok_or_else(|| DateTextError::Bad {
                    column: column.to_string(),
                    row: i + 1,
                    text: text.to_string(),
                }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_column_of_texts_reads_with_one_slash_order() {
        let texts = [
            Some("1/13/1999"),
            None,
            Some("1/4/1999"),
            Some("2025-01-02"),
        ];
        assert_eq!(
            read_date_texts("date", &texts),
            Ok(vec![d(1999, 1, 13), None, d(1999, 1, 4), d(2025, 1, 2)])
        );
        let err = read_date_texts("date", &[Some("1/4/1999")]).unwrap_err();
        assert!(matches!(
            err,
            DateTextError::Slash {
                source: SlashError::Ambiguous { .. },
                ..
            }
        ));
        let err = read_date_texts("date", &[Some("2025-01-02"), Some("soon")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "column `date`, row 2: \"soon\" is not a date; write YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD"
        );
    }
}
