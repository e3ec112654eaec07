//! "A over B": the relative performance of two indices across calendars.

use chrono::NaiveDate;
use serde::Serialize;

use super::index::IndexSeries;
use crate::domain::BasketId;

/// `I_A(t) / I_B(t)` on the union of the two calendars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatioSeries {
    /// `"na-chain/domestic-chain"`.
    pub label: String,
    pub numerator: BasketId,
    pub denominator: BasketId,
    pub dates: Vec<NaiveDate>,
    pub values: Vec<f64>,
}

/// The ratio of two indices on the union of their dates: each carries its
/// last level over the other's holidays (never back-filled), so the ratio
/// starts on the first date where both exist.
pub fn ratio(a: &IndexSeries, b: &IndexSeries) -> RatioSeries {
    let mut dates = Vec::with_capacity(a.dates.len().max(b.dates.len()));
    let mut values = Vec::with_capacity(dates.capacity());
    let (mut i, mut j) = (0, 0);
    let (mut level_a, mut level_b) = (None, None);
    while i < a.dates.len() || j < b.dates.len() {
        let date = match (a.dates.get(i), b.dates.get(j)) {
            (Some(&da), Some(&db)) => da.min(db),
            (Some(&da), None) => da,
            (None, Some(&db)) => db,
            (None, None) => break,
        };
        if a.dates.get(i) == Some(&date) {
            level_a = a.levels.get(i).copied();
            i += 1;
        }
        if b.dates.get(j) == Some(&date) {
            level_b = b.levels.get(j).copied();
            j += 1;
        }
        if let (Some(la), Some(lb)) = (level_a, level_b) {
            dates.push(date);
            values.push(la / lb);
        }
    }
    RatioSeries {
        label: format!("{}/{}", a.basket, b.basket),
        numerator: a.basket.clone(),
        denominator: b.basket.clone(),
        dates,
        values,
    }
}
