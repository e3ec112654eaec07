//! Ratios across the A-share and Hong Kong calendars, and the scatter
//! statistics, worked out by hand.

pub mod compute_support;

use compute_support::*;
use spillover::compute::{RatioSeries, basket_index, ratio, scatter};
use spillover::domain::{BasketId, Method};

/// 2025-04-18 and 04-21 (Easter) were A-share-only sessions, 05-02 HK-only.
fn easter_and_labour_day() -> (
    spillover::compute::IndexSeries,
    spillover::compute::IndexSeries,
) {
    let book = book(vec![
        (
            "300308.SZ",
            prices(&[
                ("2025-04-16", 10.0),
                ("2025-04-17", 11.0),
                ("2025-04-18", 12.0),
                ("2025-04-21", 13.0),
                ("2025-04-22", 14.0),
                ("2025-04-30", 15.0),
                ("2025-05-06", 16.0),
            ]),
        ),
        (
            "9988.HK",
            prices(&[
                ("2025-04-17", 20.0),
                ("2025-04-22", 25.0),
                ("2025-04-30", 20.0),
                ("2025-05-02", 40.0),
                ("2025-05-06", 20.0),
            ]),
        ),
    ]);
    let w = window("2025-04-01", "2025-05-06");
    let a_share = basket("innolight", Method::Equal, &[("300308.SZ", None)]);
    let hk = basket("alibaba", Method::Equal, &[("9988.HK", None)]);
    let as_of = d("2025-05-06");
    (
        basket_index(&a_share, &book, None, as_of, w, None).unwrap(),
        basket_index(&hk, &book, None, as_of, w, None).unwrap(),
    )
}

#[test]
fn ratios_carry_each_side_over_the_others_holidays_and_never_back_fill() {
    let (a, hk) = easter_and_labour_day();
    // A: 1000 * P/10 = 1000, 1100, 1200, 1300, 1400, 1500, 1600 (04-16..05-06).
    // HK from 04-17: 1000, 1250, 1000, 2000, 1000 (04-17, 04-22, 04-30, 05-02, 05-06).
    let r = ratio(&a, &hk);
    assert_eq!(r.label, "innolight/alibaba");
    let dates: Vec<String> = r.dates.iter().map(|d| d.to_string()).collect();
    // Starts on 04-17, the first date both exist (04-16 is not back-filled).
    assert_eq!(
        dates,
        [
            "2025-04-17",
            "2025-04-18",
            "2025-04-21",
            "2025-04-22",
            "2025-04-30",
            "2025-05-02",
            "2025-05-06"
        ]
    );
    // 04-18, 04-21: HK carried at 1000 -> 1.2, 1.3; 04-22: 1400/1250 = 1.12;
    // 05-02: A carried at 1500 over Labour Day -> 1500/2000 = 0.75.
    assert_all_close(&r.values, &[1.1, 1.2, 1.3, 1.12, 1.5, 0.75, 1.6]);
}

fn ratio_series(label: &str, rows: &[(&str, f64)]) -> RatioSeries {
    RatioSeries {
        label: label.to_string(),
        numerator: BasketId::parse("a").unwrap(),
        denominator: BasketId::parse("b").unwrap(),
        dates: rows.iter().map(|r| d(r.0)).collect(),
        values: rows.iter().map(|r| r.1).collect(),
    }
}

#[test]
fn scatter_statistics_by_hand() {
    // x has an extra 01-03 and y an extra 01-10: neither is a point.
    let x = ratio_series(
        "a/b",
        &[
            ("2025-01-02", 2.0),
            ("2025-01-03", 7.0),
            ("2025-01-06", 4.0),
            ("2025-01-07", 6.0),
            ("2025-01-08", 8.0),
        ],
    );
    let y = ratio_series(
        "a/c",
        &[
            ("2025-01-02", 2.0),
            ("2025-01-06", 4.0),
            ("2025-01-07", 5.0),
            ("2025-01-08", 4.0),
            ("2025-01-10", 9.0),
        ],
    );
    let s = scatter(&x, &y, 60);
    assert_eq!((s.x_label.as_str(), s.y_label.as_str()), ("a/b", "a/c"));
    // Rebased at the first point: x = 1, 2, 3, 4; y = 1, 2, 2.5, 2.
    let xs: Vec<f64> = s.points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = s.points.iter().map(|p| p.y).collect();
    assert_eq!(xs, [1.0, 2.0, 3.0, 4.0]);
    assert_eq!(ys, [1.0, 2.0, 2.5, 2.0]);
    // Means 2.5 and 1.875; sxx = 5, syy = 1.1875, sxy = 1.75.
    // r = 1.75 / sqrt(5 * 1.1875) = 0.718184846...; slope = 1.75/5 = 0.35;
    // intercept = 1.875 - 0.35 * 2.5 = 1.0; R² = 3.0625 / 5.9375 = 0.515789...
    let st = s.stats;
    assert_eq!((st.n, st.n_changes), (4, 3));
    assert_close(st.levels_r.unwrap(), 0.718_184_846_459_607_9);
    assert_close(st.slope.unwrap(), 0.35);
    assert_close(st.intercept.unwrap(), 1.0);
    assert_close(st.r_squared.unwrap(), 0.515_789_473_684_210_6);
    // Log changes: dx = ln 2, ln 1.5, ln 4/3 (mean ln4/3 = 0.462098),
    // dy = ln 2, ln 1.25, ln 0.8 (mean ln2/3 = 0.231049):
    // sxx = 0.0870119, syy = 0.4198881, sxy = 0.1864335 -> r = 0.975366540.
    assert_close(st.changes_r.unwrap(), 0.975_366_540_259_872_1);
    // W = 60 > 3 changes: no rolling value yet.
    assert_eq!(s.roll_window, 60);
    assert!(s.rolling.is_empty());
}

#[test]
fn statistics_that_cannot_be_computed_are_none() {
    let two = ratio_series("a/b", &[("2025-01-02", 1.0), ("2025-01-03", 2.0)]);
    let s = scatter(&two, &two, 60);
    assert_eq!((s.stats.n, s.stats.n_changes), (2, 1));
    assert_eq!(s.stats.levels_r, None);
    assert_eq!(s.stats.slope, None);
    assert_eq!(s.stats.intercept, None);
    assert_eq!(s.stats.r_squared, None);
    assert_eq!(s.stats.changes_r, None);

    // Three points: the levels have statistics, the two changes do not.
    let x = ratio_series(
        "a/b",
        &[
            ("2025-01-02", 1.0),
            ("2025-01-03", 2.0),
            ("2025-01-06", 4.0),
        ],
    );
    let y = ratio_series(
        "a/c",
        &[
            ("2025-01-02", 1.0),
            ("2025-01-03", 3.0),
            ("2025-01-06", 2.0),
        ],
    );
    let s = scatter(&x, &y, 60);
    assert!(s.stats.levels_r.is_some());
    assert_eq!(s.stats.changes_r, None);

    // A flat x (zero variance): no r, no fit.
    let flat = ratio_series(
        "a/b",
        &[
            ("2025-01-02", 0.3),
            ("2025-01-03", 0.3),
            ("2025-01-06", 0.3),
            ("2025-01-07", 0.3),
        ],
    );
    let y = ratio_series(
        "a/c",
        &[
            ("2025-01-02", 1.0),
            ("2025-01-03", 3.0),
            ("2025-01-06", 2.0),
            ("2025-01-07", 5.0),
        ],
    );
    let s = scatter(&flat, &y, 60);
    assert_eq!(
        (s.stats.levels_r, s.stats.slope, s.stats.changes_r),
        (None, None, None)
    );

    // No common date: an empty scatter.
    let late = ratio_series("a/c", &[("2026-01-02", 1.0)]);
    let s = scatter(&x, &late, 60);
    assert!(s.points.is_empty());
    assert_eq!(s.stats.n, 0);
    assert_eq!(s.stats.levels_r, None);
}

#[test]
fn rolling_correlation_starts_once_w_changes_exist() {
    // Ten points on consecutive days: nine changes; W = 3 gives 9 - 3 + 1 = 7
    // values, the first dated on the 4th point (the end of the 3rd change).
    let days: Vec<String> = (1..=10).map(|k| format!("2025-03-{k:02}")).collect();
    let xv = [1.0, 1.1, 1.05, 1.2, 1.3, 1.25, 1.4, 1.35, 1.5, 1.45];
    let yv = [1.0, 1.2, 1.1, 1.3, 1.2, 1.4, 1.5, 1.3, 1.6, 1.7];
    let rows = |v: &[f64]| {
        days.iter()
            .map(|d| d.as_str())
            .zip(v.iter().copied())
            .collect::<Vec<_>>()
    };
    let s = scatter(
        &ratio_series("a/b", &rows(&xv)),
        &ratio_series("a/c", &rows(&yv)),
        3,
    );
    assert_eq!(s.rolling.len(), 7);
    assert_eq!(s.rolling[0].0, d("2025-03-04"));
    assert_eq!(s.rolling[6].0, d("2025-03-10"));
    // The first value is r of the first three changes.
    let dx: Vec<f64> = xv.windows(2).map(|w| (w[1] / w[0]).ln()).collect();
    let dy: Vec<f64> = yv.windows(2).map(|w| (w[1] / w[0]).ln()).collect();
    let first = spillover::compute::pearson(&dx[..3], &dy[..3]).unwrap();
    assert_close(s.rolling[0].1.unwrap(), first);
    let last = spillover::compute::pearson(&dx[6..], &dy[6..]).unwrap();
    assert_close(s.rolling[6].1.unwrap(), last);
}
