//! What the axes say: value scales (linear or log), value labels rounded to
//! what the span can tell apart, and date labels fitted to the window.

use chrono::{Duration, NaiveDate};

use crate::domain::Window;

/// How values map to the vertical axis. On a log scale the chart plots
/// `ln(value)` but every label still reads the real value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ValueScale {
    pub log: bool,
}

impl ValueScale {
    /// The plotted coordinate of a value (`None` when a log scale cannot
    /// plot it).
    pub fn plot(self, value: f64) -> Option<f64> {
        if self.log {
            (value > 0.0).then(|| value.ln())
        } else {
            value.is_finite().then_some(value)
        }
    }

    /// The real value at a plotted coordinate.
    pub fn real(self, coordinate: f64) -> f64 {
        if self.log {
            coordinate.exp()
        } else {
            coordinate
        }
    }

    /// The plotted range of some values, padded a little so that lines do not
    /// run along the border; `None` when there is nothing to plot.
    pub fn bounds(self, values: impl IntoIterator<Item = f64>) -> Option<[f64; 2]> {
        let (lo, hi) = values.into_iter().filter_map(|v| self.plot(v)).fold(
            None,
            |acc: Option<(f64, f64)>, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            },
        )?;
        let span = hi - lo;
        // A flat series still needs a range to map onto.
        let pad = if span > 0.0 {
            span * 0.04
        } else {
            lo.abs().max(1.0) * 0.01
        };
        Some([lo - pad, hi + pad])
    }
}

/// Decimals that tell values apart over a real-value span: 0 for indices
/// around 100, 2 or 3 for ratios around 1.0.
pub(crate) fn decimals_for_span(span: f64) -> usize {
    match span.abs() {
        s if s >= 20.0 => 0,
        s if s >= 2.0 => 1,
        s if s >= 0.2 => 2,
        _ => 3,
    }
}

pub(crate) fn format_value(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// The labels of a vertical axis `rows` tall: top, middle and bottom rows
/// with the real values they stand for (middle only when there is room).
pub(crate) fn value_labels(bounds: [f64; 2], scale: ValueScale, rows: u16) -> Vec<(u16, String)> {
    if rows == 0 {
        return Vec::new();
    }
    let [lo, hi] = bounds;
    let decimals = decimals_for_span(scale.real(hi) - scale.real(lo));
    let at_row = |row: u16| {
        let last = f64::from(rows.saturating_sub(1).max(1));
        let coordinate = hi - (hi - lo) * f64::from(row) / last;
        format_value(scale.real(coordinate), decimals)
    };
    let mut rows_labelled = vec![0];
    if rows >= 5 {
        rows_labelled.push((rows - 1) / 2);
    }
    if rows >= 2 {
        rows_labelled.push(rows - 1);
    }
    rows_labelled.into_iter().map(|r| (r, at_row(r))).collect()
}

/// Month labels over long windows, days over short ones.
pub(crate) fn date_label(window: Window, date: NaiveDate) -> String {
    if (window.end - window.start).num_days() > 120 {
        date.format("%Y-%m").to_string()
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// Evenly spaced dates for `count` labels across the window, first and last
/// on its edges.
pub(crate) fn label_dates(window: Window, count: usize) -> Vec<NaiveDate> {
    let span = (window.end - window.start).num_days();
    match count {
        0 => Vec::new(),
        1 => vec![window.start],
        _ => (0..count)
            .map(|i| {
                // i < count, so the product stays well inside i64.
                let days = span * i as i64 / (count as i64 - 1);
                window.start + Duration::days(days)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_scale_labels_read_real_values() {
        // ln bounds of 50..200: top reads 200, bottom 50, the middle row the
        // geometric mean sqrt(50*200) = 100.
        let scale = ValueScale { log: true };
        let labels = value_labels([50f64.ln(), 200f64.ln()], scale, 5);
        assert_eq!(
            labels,
            vec![(0, "200".into()), (2, "100".into()), (4, "50".into())]
        );
    }

    #[test]
    fn labels_keep_the_decimals_the_span_needs() {
        let scale = ValueScale { log: false };
        let labels = value_labels([0.9, 1.3], scale, 3);
        assert_eq!(labels, vec![(0, "1.30".into()), (2, "0.90".into())]);
    }

    #[test]
    fn label_dates_span_the_window() {
        let window = Window::new(
            "2024-05-07".parse().expect("valid"),
            "2025-05-07".parse().expect("valid"),
        )
        .expect("ordered");
        let dates = label_dates(window, 3);
        assert_eq!(dates.first(), Some(&window.start));
        assert_eq!(dates.last(), Some(&window.end));
        assert_eq!(date_label(window, window.end), "2025-05");
    }
}
