//! Where the ticks go and how their labels read: real dates on the date
//! axis (the window's first and last dates always labelled), round numbers
//! on the value axis.

use chrono::{Datelike, Months, NaiveDate};

/// A date as an x coordinate: days since 1 January of year 1.
pub fn day(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// A tick on the date axis and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTick {
    pub date: NaiveDate,
    pub label: String,
}

/// Ticks from `start` to `end`: both ends as full dates, and between them
/// month starts at a step that leaves `min_gap` (a fraction of the axis)
/// between labels; a month tick too close to an end is dropped.
pub fn date_ticks(start: NaiveDate, end: NaiveDate, min_gap: f64) -> Vec<DateTick> {
    let full = |d: NaiveDate| DateTick {
        date: d,
        label: d.format("%Y-%m-%d").to_string(),
    };
    if start >= end {
        return vec![full(start)];
    }
    let span = day(end) - day(start);
    let fraction = |d: NaiveDate| (day(d) - day(start)) / span;
    let first_month = start.with_day(1).unwrap_or(start);
    let months = |step: u32| {
        (1..)
            .map_while(|k| first_month.checked_add_months(Months::new(step * k)))
            .take_while(|d| *d < end)
            .filter(|d| d.month0() % step == 0)
            .collect::<Vec<_>>()
    };
    // The smallest step whose neighbouring labels keep their distance.
    let step = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|&step| {
            let ms = months(step);
            ms.windows(2)
                .all(|w| fraction(w[1]) - fraction(w[0]) >= min_gap)
        })
        .unwrap_or(60);
    let label_of = |d: NaiveDate| {
        if span > 3.0 * 365.0 && d.month() == 1 {
            d.format("%Y").to_string()
        } else {
            d.format("%b %Y").to_string()
        }
    };
    let mut ticks = vec![full(start)];
    ticks.extend(
        months(step)
            .into_iter()
            .filter(|d| fraction(*d) >= min_gap * 1.1 && 1.0 - fraction(*d) >= min_gap * 1.1)
            .map(|d| DateTick {
                date: d,
                label: label_of(d),
            }),
    );
    ticks.push(full(end));
    ticks
}

/// Round values covering `[lo, hi]`, about `target` of them, and the
/// number of decimals their labels need.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, usize) {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return (vec![lo], 2);
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    let ticks = (first..=last).map(|k| k as f64 * step).collect();
    // 2.5 × 10^k needs one decimal more than its magnitude (0.25, 2.5),
    // none from 25 up.
    let extra = f64::from(u8::from((step / magnitude - 2.5).abs() < 1e-9));
    let decimals = (extra - step.log10().floor()).max(0.0) as usize;
    (ticks, decimals)
}

/// `1234.5` with `decimals` places and thousands separated: `1,234.5`.
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn tick_labels_carry_only_the_decimals_their_step_needs() {
        // Index levels step by 250: whole numbers, not "1,750.0".
        assert_eq!(nice_ticks(700.0, 1900.0, 5).1, 0);
        assert_eq!(
            format_number(1750.0, nice_ticks(700.0, 1900.0, 5).1),
            "1,750"
        );
        assert_eq!(
            nice_ticks(0.0, 100.0, 4),
            (vec![0.0, 25.0, 50.0, 75.0, 100.0], 0)
        );
        assert_eq!(nice_ticks(0.0, 10.0, 4).1, 1); // 2.5
        assert_eq!(nice_ticks(0.0, 1.0, 4).1, 2); // 0.25
        assert_eq!(nice_ticks(0.0, 1.0, 5).1, 1); // 0.2
        assert_eq!(nice_ticks(0.6, 1.6, 5).1, 1);
    }

    #[test]
    fn ends_are_labelled_with_full_dates_and_months_between() {
        let ticks = date_ticks(d("2024-05-07"), d("2025-05-07"), 0.08);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"2024-05-07"));
        assert_eq!(labels.last(), Some(&"2025-05-07"));
        // 0.08 of a year is ~29 days: monthly ticks are too close, so every
        // second month from Jul 2024 (Jun is 25 days from the start).
        assert_eq!(
            &labels[1..labels.len() - 1],
            &["Jul 2024", "Sep 2024", "Nov 2024", "Jan 2025", "Mar 2025"]
        );
    }

    #[test]
    fn a_short_window_has_only_its_ends() {
        let ticks = date_ticks(d("2025-04-01"), d("2025-04-20"), 0.1);
        assert_eq!(ticks.len(), 2);
    }

    #[test]
    fn nice_ticks_are_round() {
        // (1430 - 812) / 7 = 88: the next round step is 100.
        assert_eq!(
            nice_ticks(812.0, 1_430.0, 7),
            (vec![900.0, 1000.0, 1100.0, 1200.0, 1300.0, 1400.0], 0)
        );
        // Over 6 ticks the raw step is 103, just past 100: steps of 200.
        assert_eq!(
            nice_ticks(812.0, 1_430.0, 6),
            (vec![1000.0, 1200.0, 1400.0], 0)
        );
        // (1.61 - 0.93) / 6 = 0.113: the next round step is 0.2.
        let (ticks, decimals) = nice_ticks(0.93, 1.61, 6);
        assert_eq!(decimals, 1);
        assert_eq!(ticks.len(), 4); // 1.0, 1.2, 1.4, 1.6
        assert_eq!(nice_ticks(-1.0, 1.0, 8).1, 2); // step 0.25
    }

    #[test]
    fn numbers_group_thousands_and_sign() {
        assert_eq!(format_number(1234.5, 1), "1,234.5");
        assert_eq!(format_number(999.0, 0), "999");
        assert_eq!(format_number(1_000_000.0, 0), "1,000,000");
        assert_eq!(format_number(-0.25, 2), "−0.25");
        assert_eq!(format_number(-0.001, 2), "0.00");
    }
}
