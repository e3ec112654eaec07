//! Simple returns on a series' own calendar, and a benchmark's returns
//! carried onto it (METHODOLOGY.md "Catalysts: shared rules").

use chrono::NaiveDate;

/// `R(t) = L(t)/L(t-1) - 1`; the first date has none, nor has a date whose
/// return is not finite.
pub fn simple_returns(levels: &[f64]) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(levels.len());
    out.extend(levels.first().map(|_| None));
    out.extend(levels.windows(2).map(|w| {
        let r = w[1] / w[0] - 1.0;
        r.is_finite().then_some(r)
    }));
    out
}

/// The benchmark's return between consecutive dates of `calendar`, its
/// levels carried forward (never back): `None` on the first date and while
/// the benchmark has no level on or before the earlier date.
pub fn carried_returns(
    calendar: &[NaiveDate],
    bench_dates: &[NaiveDate],
    bench_levels: &[f64],
) -> Vec<Option<f64>> {
    let carried: Vec<Option<f64>> = calendar
        .iter()
        .map(|d| {
            let known = bench_dates.partition_point(|b| b <= d);
            known
                .checked_sub(1)
                .and_then(|i| bench_levels.get(i).copied())
        })
        .collect();
    let mut out = Vec::with_capacity(calendar.len());
    out.extend(calendar.first().map(|_| None));
    out.extend(carried.windows(2).map(|w| match (w[0], w[1]) {
        (Some(before), Some(now)) => Some(now / before - 1.0).filter(|r| r.is_finite()),
        _ => None,
    }));
    out
}

/// The sample standard deviation (n − 1) of `values`; `None` below 2 values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    let n = values.len();
    if n < 2 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    let sd = (ss / (n - 1) as f64).sqrt();
    sd.is_finite().then_some(sd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::domain::parse_date(text).unwrap()
    }

    #[test]
    fn the_benchmark_carries_over_a_date_it_does_not_trade() {
        // Series (A-share) trades Thu 04-17, Fri 04-18 (Good Friday: Hong
        // Kong closed), Tue 04-22; the benchmark has 04-16, 04-17, 04-22.
        // 04-18: B carried 110 -> 110, return 0. 04-22: 121/110 - 1 = 0.1.
        let calendar = [d("2025-04-17"), d("2025-04-18"), d("2025-04-22")];
        let bench = [d("2025-04-16"), d("2025-04-17"), d("2025-04-22")];
        let r = carried_returns(&calendar, &bench, &[100.0, 110.0, 121.0]);
        assert_eq!(r[0], None);
        assert_eq!(r[1], Some(0.0));
        assert!((r[2].unwrap() - 0.1).abs() < 1e-15);
        // Never back: a benchmark starting on 04-18 has no return on 04-18
        // (nothing on 04-17 to carry) but has one on 04-22.
        let r = carried_returns(&calendar, &[d("2025-04-18")], &[50.0]);
        assert_eq!(r, vec![None, None, Some(0.0)]);
    }

    #[test]
    fn returns_and_sd() {
        assert_eq!(simple_returns(&[]), Vec::<Option<f64>>::new());
        assert_eq!(
            simple_returns(&[100.0, 110.0]),
            vec![None, Some(0.10000000000000009)]
        );
        // 1, 2, 3: mean 2, squares 1 + 0 + 1 = 2, / (3 - 1) = 1.
        assert_eq!(sample_sd(&[1.0, 2.0, 3.0]), Some(1.0));
        assert_eq!(sample_sd(&[1.0]), None);
    }
}
