//! The lines a chart draws: a series cut to the window and rebased at its
//! left edge, and the value it reads on any date.

use chrono::NaiveDate;

use crate::domain::Window;

/// One line of a chart, as the analyst reads it: its label and its values
/// inside the window, rebased so that the first one is the base (100 or 1.0).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartSeries {
    pub label: String,
    pub points: Vec<(NaiveDate, f64)>,
}

impl ChartSeries {
    /// Cuts `dates`/`values` to the window and rebases them so the first
    /// value inside it reads `base`. Values that are not finite and > 0 are
    /// left out: they cannot be rebased or drawn on a log scale.
    pub fn rebased(
        label: &str,
        dates: &[NaiveDate],
        values: &[f64],
        window: Window,
        base: f64,
    ) -> ChartSeries {
        let inside: Vec<(NaiveDate, f64)> = dates
            .iter()
            .zip(values)
            .filter(|&(&date, &value)| window.contains(date) && value.is_finite() && value > 0.0)
            .map(|(&date, &value)| (date, value))
            .collect();
        let points = match inside.first() {
            Some(&(_, first)) => inside
                .iter()
                .map(|&(date, value)| (date, value / first * base))
                .collect(),
            None => Vec::new(),
        };
        ChartSeries {
            label: label.to_string(),
            points,
        }
    }

    /// The value on `date`: the last one on or before it (carried over the
    /// series' own holidays), `None` before the series starts.
    pub fn value_on(&self, date: NaiveDate) -> Option<f64> {
        let after = self.points.partition_point(|&(d, _)| d <= date);
        after.checked_sub(1).map(|i| self.points[i].1)
    }

    pub fn latest(&self) -> Option<f64> {
        self.points.last().map(|&(_, value)| value)
    }
}

/// Days from the window's start: the x coordinate of every chart.
pub(crate) fn day_offset(window: Window, date: NaiveDate) -> f64 {
    // Whole days fit an f64 exactly.
    (date - window.start).num_days() as f64
}

/// The x range of a window, never empty so that a one-day window still maps.
pub(crate) fn x_bounds(window: Window) -> [f64; 2] {
    [0.0, day_offset(window, window.end).max(1.0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    fn window(a: &str, b: &str) -> Window {
        Window::new(d(a), d(b)).expect("test windows are ordered")
    }

    #[test]
    fn rebases_to_the_base_at_the_first_date_inside_the_window() {
        // Levels 1000, 1100, 1210 from 2025-01-02; the window starts on 01-03,
        // so 1100 is the left edge: 1100 → 100, 1210 → 1210/1100*100 = 110.
        let dates = [d("2025-01-02"), d("2025-01-03"), d("2025-01-06")];
        let series = ChartSeries::rebased(
            "na-chain",
            &dates,
            &[1000.0, 1100.0, 1210.0],
            window("2025-01-03", "2025-01-31"),
            100.0,
        );
        assert_eq!(series.points.len(), 2);
        assert_eq!(series.points[0], (d("2025-01-03"), 100.0));
        assert!((series.points[1].1 - 110.0).abs() < 1e-9);
    }

    #[test]
    fn ratios_rebase_to_one() {
        // 0.8, 0.9: 0.9 / 0.8 = 1.125.
        let dates = [d("2025-01-02"), d("2025-01-03")];
        let series = ChartSeries::rebased(
            "a/b",
            &dates,
            &[0.8, 0.9],
            window("2025-01-01", "2025-01-31"),
            1.0,
        );
        assert_eq!(series.points[0].1, 1.0);
        assert!((series.points[1].1 - 1.125).abs() < 1e-12);
    }

    #[test]
    fn reads_the_last_value_on_or_before_a_date() {
        let series = ChartSeries {
            label: "hstech".into(),
            points: vec![(d("2025-01-02"), 100.0), (d("2025-01-06"), 104.0)],
        };
        // Before the start: nothing; on a date: its value; on a holiday
        // (01-03) and after the end: carried.
        assert_eq!(series.value_on(d("2025-01-01")), None);
        assert_eq!(series.value_on(d("2025-01-02")), Some(100.0));
        assert_eq!(series.value_on(d("2025-01-03")), Some(100.0));
        assert_eq!(series.value_on(d("2025-01-06")), Some(104.0));
        assert_eq!(series.value_on(d("2025-02-01")), Some(104.0));
    }

    #[test]
    fn leaves_out_values_that_cannot_be_drawn() {
        let dates = [d("2025-01-02"), d("2025-01-03"), d("2025-01-06")];
        let series = ChartSeries::rebased(
            "x",
            &dates,
            &[f64::NAN, 2.0, 0.0],
            window("2025-01-01", "2025-01-31"),
            1.0,
        );
        assert_eq!(series.points, vec![(d("2025-01-03"), 1.0)]);
    }
}
