//! Lead-lag, beta and drawdown (METHODOLOGY.md): known answers worked out
//! by hand, and properties that hold for any data.

pub mod compute_support;

use chrono::{Days, NaiveDate};
use compute_support::*;
use proptest::prelude::*;
use spillover::compute::{
    CatalystRequest, Request, WindowChoice, analyse, beta, catalysts, ccf, drawdown, granger,
    lead_lag_of_changes,
};
use spillover::domain::{
    BasketId, EarningsEvent, Method, PriceBook, PriceSeries, RangePreset, Session, Watchlist,
};

#[test]
fn drawdown_with_and_without_recovery() {
    let dates: Vec<NaiveDate> = [
        "2025-01-02",
        "2025-01-03",
        "2025-01-06",
        "2025-01-07",
        "2025-01-08",
        "2025-01-09",
    ]
    .iter()
    .map(|s| d(s))
    .collect();
    // 100, 110, 110, 88, 99, 121: running peak 100, 110, 110, 110, 110,
    // 121; D = 0, 0, 0, −0.2, −0.1, 0. Max −0.2 on 01-07 (trough), peak
    // the last date at 110 before it (01-06), recovered on 01-09 (121 ≥ 110).
    let dd = drawdown("a", &dates, &[100.0, 110.0, 110.0, 88.0, 99.0, 121.0]);
    assert_close(dd.max.unwrap(), -0.2);
    assert_eq!(dd.current, Some(0.0));
    assert_eq!(
        (dd.peak, dd.trough, dd.recovery),
        (Some(dates[2]), Some(dates[3]), Some(dates[5]))
    );
    assert!(!dd.not_recovered());
    // 100, 120, 90, 100, 110, 108: max 90/120 − 1 = −0.25 on 01-06 from
    // 01-03; never back to 120: not recovered; current 108/120 − 1 = −0.1.
    let dd = drawdown("b", &dates, &[100.0, 120.0, 90.0, 100.0, 110.0, 108.0]);
    assert_close(dd.max.unwrap(), -0.25);
    assert_close(dd.current.unwrap(), -0.1);
    assert_eq!(
        (dd.peak, dd.trough, dd.recovery),
        (Some(dates[1]), Some(dates[2]), None)
    );
    assert!(dd.not_recovered());
    // Never fell: max 0 and no dates; empty: n/a.
    let dd = drawdown("c", &dates, &[1.0, 2.0, 3.0, 3.0, 4.0, 5.0]);
    assert_eq!((dd.max, dd.peak, dd.trough), (Some(0.0), None, None));
    let dd = drawdown("d", &[], &[]);
    assert_eq!((dd.current, dd.max), (None, None));
}

#[test]
fn ccf_known_answer_and_band() {
    // x = 1, 2, 3, 4, 5; y = 0, 0, 1, 2, 3 (= x shifted by 2, its first
    // two unknown, here 0). ccf(2) pairs x_t with y_{t+2}: (1,1), (2,2),
    // (3,3): r = 1, n = 3, band 1.96/√3.
    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    let y = [0.0, 0.0, 1.0, 2.0, 3.0];
    let bar = ccf(&x, &y, 2);
    assert_eq!(bar.n, 3);
    assert_close(bar.r.unwrap(), 1.0);
    assert_close(bar.band.unwrap(), 1.96 / 3f64.sqrt());
    // The band 1.13 is wider than any r: three pairs prove nothing.
    assert!(!bar.significant);
    // ccf(−3) pairs x_{t} with y_{t−3}: (4,0), (5,0): 2 pairs, n/a.
    let bar = ccf(&x, &y, -3);
    assert_eq!((bar.n, bar.r), (2, None));
    // k past the data: no pairs, no band.
    assert_eq!(ccf(&x, &y, 9).band, None);
}

#[test]
fn granger_is_na_without_enough_observations() {
    // N = 12 changes, p = 5: T = 7, T − 2p − 1 = −4 < 1: n/a.
    let x: Vec<f64> = (0..12).map(|k| (k as f64).sin()).collect();
    let g = granger(&x, &x, 5, ("x", "y"));
    assert_eq!(
        (g.observations, g.df_den, g.f, g.p_value),
        (7, 0, None, None)
    );
}

/// Changes from a seed, no two alike (a cheap linear congruential stream).
fn noise(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.04
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn beta_of_a_series_against_itself_is_one(seed in any::<u64>(), n in 3usize..200) {
        let r = noise(seed, n);
        let fit = beta(&r, &r).unwrap();
        prop_assert!((fit.beta - 1.0).abs() < 1e-12);
        prop_assert!(fit.se.abs() < 1e-6);
    }

    #[test]
    fn ccf_of_y_equal_x_shifted_by_two_peaks_at_two(seed in any::<u64>(), n in 40usize..300) {
        let x = noise(seed, n);
        // y_{t+2} = x_t: y lags x by two changes, so x leads.
        let mut y = noise(seed ^ 0xabcdef, 2);
        y.extend_from_slice(&x[..n - 2]);
        let ll = lead_lag_of_changes(("x", "y"), &x, &y, 10, 2);
        let peak = ll.peak.unwrap();
        prop_assert_eq!(peak.k, 2);
        prop_assert!((peak.r.unwrap() - 1.0).abs() < 1e-12);
        prop_assert!(peak.significant);
    }
}

const DAYS: u64 = 60;

fn day(k: u64) -> NaiveDate {
    d("2025-03-03") + Days::new(k)
}

/// A file with a row on each of `DAYS` days where `cells` says so.
fn file(cells: &[Option<f64>], hong_kong: bool) -> PriceSeries {
    let rows: Vec<(NaiveDate, f64)> = cells
        .iter()
        .enumerate()
        .filter(|(k, _)| {
            // Hong Kong files skip another day of each week than the mainland.
            let weekday = (*k as u64) % 7;
            if hong_kong {
                weekday != 3
            } else {
                weekday != 5
            }
        })
        .filter_map(|(k, p)| p.map(|p| (day(k as u64), p)))
        .collect();
    PriceSeries::from_pairs(&rows)
}

fn cells() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.9, 10.0f64..20.0), DAYS as usize)
}

fn event(date: NaiveDate, session: Session) -> EarningsEvent {
    EarningsEvent {
        symbol: sym("9988.HK"),
        name: "Alibaba".into(),
        date,
        session,
        period: String::new(),
        capex_last: String::new(),
        guidance: String::new(),
        watch: String::new(),
        outcome: String::new(),
        capex_reported: String::new(),
        guidance_change: String::new(),
        estimated: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_number_uses_data_after_as_of(
        a in cells(), b in cells(), c in cells(), bench in cells(),
        cut in 25u64..55,
    ) {
        let as_of = day(cut);
        let baskets = vec![
            basket("a", Method::Equal, &[("000001.SZ", None)]),
            basket("b", Method::Equal, &[("000002.SZ", None)]),
            basket("c", Method::Equal, &[("0001.HK", None)]),
            basket("hstech", Method::Equal, &[("HSTECH.HK", None)]),
        ];
        let files = [("000001.SZ", &a, false), ("000002.SZ", &b, false), ("0001.HK", &c, true), ("HSTECH.HK", &bench, true)];
        let full = book(files.iter().map(|(s, cells, hk)| (*s, file(cells, *hk))).collect());
        let mut upto = PriceBook::default();
        for (symbol, series) in &full.series {
            let keep = series.rows_until(as_of);
            let pairs: Vec<(NaiveDate, f64)> = series.dates[..keep].iter().copied().zip(series.price[..keep].iter().copied()).collect();
            upto.series.insert(symbol.clone(), PriceSeries::from_pairs(&pairs));
        }
        let watchlist = Watchlist { events: vec![
            event(day(10), Session::AfterClose),
            event(day(cut - 2), Session::BeforeOpen),
            event(day(cut), Session::AfterClose),
            event(day(cut + 3), Session::Intraday),
        ] };
        let id = |t: &str| BasketId::parse(t).unwrap();
        let request = Request {
            range: WindowChoice::Preset(RangePreset::All),
            as_of: Some(as_of),
            pair: [id("a"), id("b"), id("c")],
            roll: 5,
            ..Request::default()
        };
        let options = CatalystRequest { beta_window: 5, max_lag: 3, granger_lags: 2, ..CatalystRequest::default() };
        let run = |book: &PriceBook| {
            let analysis = analyse(&baskets, book, &request).ok()?;
            Some(catalysts(&baskets, book, &watchlist, &analysis, &request, &options))
        };
        prop_assert_eq!(run(&full), run(&upto));
    }
}
