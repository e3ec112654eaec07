//! `analyse`: one request in, every number out; errors that say what to do.

pub mod compute_support;

use compute_support::*;
use spillover::compute::{ComputeError, Request, WindowChoice, analyse, check_pair};
use spillover::domain::PriceBook;
use spillover::domain::{Basket, BasketId, Method, RangePreset};

fn setup() -> (Vec<Basket>, PriceBook) {
    let days = [
        "2025-04-16",
        "2025-04-17",
        "2025-04-18",
        "2025-04-21",
        "2025-04-22",
    ];
    let rows = |start: f64, step: f64| -> Vec<(&str, f64)> {
        days.iter()
            .enumerate()
            .map(|(k, d)| (*d, start + step * k as f64))
            .collect()
    };
    let book = book(vec![
        ("300308.SZ", prices(&rows(10.0, 1.0))),
        ("300502.SZ", prices(&rows(20.0, -1.0))),
        ("688256.SH", prices(&rows(30.0, 2.0))),
        // Closed for Easter on 04-18 and 04-21.
        (
            "9988.HK",
            prices(&[
                ("2025-04-16", 100.0),
                ("2025-04-17", 104.0),
                ("2025-04-22", 98.0),
            ]),
        ),
    ]);
    let baskets = vec![
        basket(
            "na-chain",
            Method::Equal,
            &[("300308.SZ", None), ("300502.SZ", None)],
        ),
        basket("domestic-chain", Method::Equal, &[("688256.SH", None)]),
        basket("alibaba", Method::Equal, &[("9988.HK", None)]),
    ];
    (baskets, book)
}

#[test]
fn the_default_request_covers_every_basket() {
    let (baskets, book) = setup();
    let analysis = analyse(&baskets, &book, &Request::default()).unwrap();
    assert_eq!(
        analysis.as_of,
        d("2025-04-22"),
        "default as-of: the last date"
    );
    assert_eq!(
        analysis.window,
        window("2025-04-16", "2025-04-22"),
        "1Y floored at the data"
    );
    assert_eq!(analysis.indices.len(), 3);
    assert_eq!(analysis.summaries.len(), 3);
    assert_eq!(analysis.members.len(), 3);
    assert_eq!(analysis.members[0].0.as_str(), "na-chain");
    assert!(analysis.indices.iter().all(|s| s.levels[0] == 1000.0));
    let labels: Vec<&str> = analysis.ratios.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["na-chain/domestic-chain", "na-chain/alibaba"]);
    // x = A/B has 5 dates; y = A/C too (Alibaba carried over Easter): 5 points.
    assert_eq!(analysis.scatter.stats.n, 5);
    assert_eq!(analysis.scatter.points[0].x, 1.0);
}

#[test]
fn the_analysis_serialises_for_report_json() {
    let (baskets, book) = setup();
    let analysis = analyse(&baskets, &book, &Request::default()).unwrap();
    let json = serde_json::to_value(&analysis).unwrap();
    assert_eq!(json["window"]["start"], "2025-04-16");
    assert_eq!(json["indices"][0]["dates"][0], "2025-04-16");
    assert_eq!(json["indices"][0]["method"], "equal");
    assert_eq!(json["members"][2][1][0]["status"]["status"], "ok");
    assert!(json["scatter"]["stats"]["levels_r"].is_number());
}

#[test]
fn errors_say_what_to_do() {
    let (baskets, book) = setup();
    let mut request = Request::default();
    request.pair[2] = BasketId::parse("tencent").unwrap();
    // A missing pair basket costs the ratios and the scatter, not the rest.
    let analysis = analyse(&baskets, &book, &request).unwrap();
    assert_eq!(
        analysis.pair_problem.as_deref(),
        Some("there is no basket tencent; the baskets are: na-chain, domestic-chain, alibaba")
    );
    assert!(analysis.ratios.is_empty() && analysis.scatter.points.is_empty());
    assert_eq!(analysis.indices.len(), 3);
    let err = check_pair(&baskets, &request.pair).unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no basket tencent; the baskets are: na-chain, domestic-chain, alibaba"
    );

    let err = analyse(&baskets, &PriceBook::default(), &Request::default()).unwrap_err();
    assert_eq!(err, ComputeError::NoData);

    let request = Request {
        range: WindowChoice::Explicit(window("2024-01-01", "2024-02-01")),
        ..Request::default()
    };
    let err = analyse(&baskets, &book, &request).unwrap_err();
    assert!(matches!(err, ComputeError::EmptyWindow { .. }), "{err}");

    let request = Request {
        base: Some(d("2025-04-01")),
        ..Request::default()
    };
    let err = analyse(&baskets, &book, &request).unwrap_err();
    assert_eq!(
        err.to_string(),
        "base date 2025-04-01 is outside the window 2025-04-16..2025-04-22; pick a date inside it"
    );
}

#[test]
fn a_base_date_rebases_every_index_but_no_statistic() {
    let (baskets, book) = setup();
    let plain = analyse(&baskets, &book, &Request::default()).unwrap();
    // Easter Monday is no Hong Kong date: Alibaba is 1000 on 04-17, its last date before.
    let request = Request {
        base: Some(d("2025-04-21")),
        ..Request::default()
    };
    let rebased = analyse(&baskets, &book, &request).unwrap();
    assert_eq!(rebased.indices[0].levels[3], 1000.0);
    assert_eq!(rebased.indices[2].levels[1], 1000.0);
    let (a, b) = (plain.scatter.stats, rebased.scatter.stats);
    assert_close(a.slope.unwrap(), b.slope.unwrap());
    assert_close(a.intercept.unwrap(), b.intercept.unwrap());
    assert_close(a.levels_r.unwrap(), b.levels_r.unwrap());
}

#[test]
fn an_earlier_as_of_replays_that_day() {
    let (baskets, mut book) = setup();
    let request = Request {
        as_of: Some(d("2025-04-18")),
        range: WindowChoice::Preset(RangePreset::All),
        ..Request::default()
    };
    let seen = analyse(&baskets, &book, &request).unwrap();
    assert_eq!(seen.window.end, d("2025-04-18"));
    for series in book.series.values_mut() {
        let last = series.price.len() - 1;
        std::sync::Arc::make_mut(&mut series.price)[last] *= 3.0;
    }
    assert_eq!(analyse(&baskets, &book, &request).unwrap(), seen);
}
