//! `YYYY-MM` as typed on the command line (`events --month`, `watchlist plan --season`).

/// The text was not a month.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a month; write YYYY-MM, e.g. {example}")]
pub struct NotAMonth {
    pub text: String,
    /// A month to show as an example in the message.
    pub example: &'static str,
}

/// `2025-05` as (year, month), years 1900 to 2999.
pub fn year_month(text: &str, example: &'static str) -> Result<(i32, u32), NotAMonth> {
    let wrong = || NotAMonth {
        text: text.to_string(),
        example,
    };
    let (year, month) = text.trim().split_once('-').ok_or_else(wrong)?;
    let year: i32 = year.parse().map_err(|_| wrong())?;
    let month: u32 = month.parse().map_err(|_| wrong())?;
    if !(1..=12).contains(&month) || !(1900..=2999).contains(&year) {
        return Err(wrong());
    }
    Ok((year, month))
}
