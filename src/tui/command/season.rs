//! `:plan YYYY-MM`'s season.

use crate::domain::Season;

/// `2026-05` as a season: four digits of year (1900 to 2999), a month.
pub(super) fn parse(text: &str) -> Option<Season> {
    let (year, month) = text.split_once('-')?;
    let year: i32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let four_digits = text.find('-') == Some(4);
    (four_digits && (1900..=2999).contains(&year) && (1..=12).contains(&month))
        .then_some(Season { year, month })
}
