//! A symbol's life as the as-of date lets us see it: its rows up to as-of,
//! and its price on any date inside `[first row, last row]`.
//!
//! Rows after as-of are never read, so a replay sees exactly what an analyst
//! saw that day: a series whose later rows exist is treated as if they did not.

use std::sync::Arc;

use chrono::NaiveDate;

use super::member_prices::MemberPrices;
use crate::domain::PriceSeries;

/// The rows of one symbol dated on or before the as-of date (at least one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Life<'a> {
    dates: &'a [NaiveDate],
    price: &'a [f64],
    /// The series' prices, which `price` is the start of.
    shared: &'a Arc<Vec<f64>>,
    mcap: &'a [Option<f64>],
}

impl<'a> Life<'a> {
    /// `None` when there is no series or none of its rows is on or before `as_of`.
    pub(crate) fn of(series: Option<&'a PriceSeries>, as_of: NaiveDate) -> Option<Life<'a>> {
        let series = series?;
        // A malformed series with fewer prices than dates is cut to what is complete.
        let rows = series.rows_until(as_of).min(series.price.len());
        if rows == 0 {
            return None;
        }
        Some(Life {
            dates: &series.dates[..rows],
            price: &series.price[..rows],
            shared: &series.price,
            mcap: series.mcap.get(..rows).unwrap_or(&[]),
        })
    }

    pub(crate) fn dates(&self) -> &'a [NaiveDate] {
        self.dates
    }

    pub(crate) fn first(&self) -> NaiveDate {
        self.dates[0]
    }

    pub(crate) fn last(&self) -> NaiveDate {
        self.dates[self.dates.len() - 1]
    }

    fn mcap_at(&self, row: usize) -> Option<f64> {
        self.mcap
            .get(row)
            .copied()
            .flatten()
            .filter(|m| m.is_finite() && *m > 0.0)
    }

    fn mcap_or_nan(&self, row: usize) -> f64 {
        self.mcap_at(row).unwrap_or(f64::NAN)
    }

    /// The row whose price holds on `date`: its own, or the last one before
    /// it; none outside the life (never back-filled, never extended).
    fn row_on(&self, date: NaiveDate) -> Option<usize> {
        if date < self.first() || date > self.last() {
            return None;
        }
        Some(self.dates.partition_point(|d| *d <= date) - 1)
    }

    /// The price on `date`, carried inside the life.
    pub(crate) fn price_on(&self, date: NaiveDate) -> Option<f64> {
        self.row_on(date).map(|row| self.price[row])
    }

    pub(crate) fn has_row_on(&self, date: NaiveDate) -> bool {
        self.dates.binary_search(&date).is_ok()
    }

    /// The last own row on or before `date`: `(its date, its price)`.
    pub(crate) fn last_row_until(&self, date: NaiveDate) -> Option<(NaiveDate, f64)> {
        let rows = self.dates.partition_point(|d| *d <= date);
        rows.checked_sub(1)
            .map(|row| (self.dates[row], self.price[row]))
    }

    /// The first own row in `(after, until]`.
    pub(crate) fn first_row_between(&self, after: NaiveDate, until: NaiveDate) -> Option<f64> {
        let row = self.dates.partition_point(|d| *d <= after);
        (row < self.dates.len() && self.dates[row] <= until).then(|| self.price[row])
    }

    /// Prices (and, `with_mcap`, the mcap of the row each comes from) on
    /// every date of a sorted `calendar` that holds every date of the life
    /// (an index calendar), carried inside the life, none outside it.
    pub(crate) fn align(&self, calendar: &[NaiveDate], with_mcap: bool) -> MemberPrices {
        // Only the calendar dates inside [first row, last row] get a price.
        let start = calendar.partition_point(|d| *d < self.first());
        let end = calendar.partition_point(|d| *d <= self.last());
        let mut mcap = Vec::with_capacity(if with_mcap { calendar.len() } else { 0 });
        if with_mcap {
            mcap.resize(start, f64::NAN);
        }
        // `calendar` holds every date of the life (it is the union of the
        // members' dates): as many calendar dates as rows in the life means
        // the same dates.
        debug_assert!(end - start != self.dates.len() || calendar[start..end] == *self.dates);
        let prices = if end - start == self.dates.len() {
            // A row on every date of its life (the usual case): the
            // series' own prices, shared.
            if with_mcap {
                mcap.extend((0..self.dates.len()).map(|row| self.mcap_or_nan(row)));
            }
            MemberPrices::new(
                self.shared.clone(),
                0,
                start,
                end - start,
                calendar.len(),
                Vec::new(),
            )
        } else {
            // row = the own row whose price holds on the calendar date.
            let mut price = Vec::with_capacity(end - start);
            let mut row = 0;
            for date in &calendar[start..end] {
                while row + 1 < self.dates.len() && self.dates[row + 1] <= *date {
                    row += 1;
                }
                price.push(self.price[row]);
                if with_mcap {
                    mcap.push(self.mcap_or_nan(row));
                }
            }
            MemberPrices::new(
                Arc::new(price),
                0,
                start,
                end - start,
                calendar.len(),
                Vec::new(),
            )
        };
        if with_mcap {
            mcap.resize(calendar.len(), f64::NAN);
        }
        prices.with_mcap(mcap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn carries_inside_the_life_only_and_reads_nothing_after_as_of() {
        let series = PriceSeries::from_pairs(&[
            (d("2025-01-03"), 10.0),
            (d("2025-01-07"), 11.0),
            (d("2025-01-09"), 12.0),
        ]);
        let life = Life::of(Some(&series), d("2025-01-08")).unwrap();
        assert_eq!(life.last(), d("2025-01-07"), "the 01-09 row is after as-of");
        let calendar = [
            d("2025-01-02"),
            d("2025-01-03"),
            d("2025-01-06"),
            d("2025-01-07"),
            d("2025-01-08"),
        ];
        let prices = life.align(&calendar, false);
        // Before the first row: nothing; 01-06 carries 01-03; after 01-07: nothing.
        let price: Vec<Option<f64>> = prices.prices().collect();
        assert_eq!(price, vec![None, Some(10.0), Some(10.0), Some(11.0), None]);
        assert_eq!(prices.mcap(1), None, "mcap is only kept for the cap method");
        assert_eq!(life.price_on(d("2025-01-06")), Some(10.0));
        assert_eq!(life.price_on(d("2025-01-08")), None);
        assert!(Life::of(Some(&series), d("2025-01-02")).is_none());
    }
}
