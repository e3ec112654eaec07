//! Segments, breadth and rotation against tests/reference/diffusion.json,
//! which tests/reference/diffusion.py (pandas, numpy) computed from the demo
//! prices on its own; every number agrees at 1e-9. How to re-run the script
//! is at its top.

use chrono::NaiveDate;
use serde_json::Value;
use spillover::compute::{
    Request, WindowChoice, analyse_indices, breadth, history_of, rotation, segment_study,
};
use spillover::domain::{Basket, BasketId, PriceBook, PriceSeries, Window};
use spillover::store::demo::{default_baskets, demo_prices};

const TOLERANCE: f64 = 1e-9;

fn reference() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/diffusion.json"
    ))
    .expect("tests/reference/diffusion.json");
    serde_json::from_str(&text).expect("valid JSON")
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().expect("a date"), "%Y-%m-%d").expect("a date")
}

fn demo_book() -> PriceBook {
    PriceBook {
        series: demo_prices()
            .iter()
            .map(|(s, t)| (s.clone(), PriceSeries::from_table(t)))
            .collect(),
        problems: Vec::new(),
    }
}

fn same(what: &str, actual: Option<f64>, expected: &Value) {
    match (actual, expected.as_f64()) {
        (None, None) => {}
        (Some(a), Some(e)) => assert!(
            (a - e).abs() <= TOLERANCE * e.abs().max(1.0),
            "{what}: {a} against the reference {e}"
        ),
        (a, _) => panic!("{what}: {a:?} against the reference {expected}"),
    }
}

#[test]
fn segments_breadth_and_rotation_match_the_pandas_reference() {
    let reference = reference();
    let baskets: Vec<Basket> = default_baskets();
    let book = demo_book();
    let cases = reference["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 5);
    for case in cases {
        let id = BasketId::parse(case["basket"].as_str().unwrap()).unwrap();
        let window = Window::new(date(&case["window"][0]), date(&case["window"][1])).unwrap();
        let request = Request {
            range: WindowChoice::Explicit(window),
            as_of: Some(date(&case["as_of"])),
            method: case["method"].as_str().map(|m| m.parse().unwrap()),
            ..Request::default()
        };
        let analysis = analyse_indices(&baskets, &book, &request).expect("the demo analyses");
        let basket = baskets.iter().find(|b| b.id == id).unwrap();
        let history = history_of(&analysis, &id).unwrap();
        let label = format!("{id} {:?} as of {}", request.method, case["as_of"]);

        let study = segment_study(basket, history, analysis.window);
        same(
            &format!("{label} window return"),
            study.window_return,
            &case["window_return"],
        );
        let rows = case["segments"].as_array().unwrap();
        assert_eq!(study.rows.len(), rows.len(), "{label}");
        for (row, expected) in study.rows.iter().zip(rows) {
            let what = format!("{label} {}", row.segment);
            assert_eq!(row.segment, expected["segment"].as_str().unwrap());
            assert_eq!(row.members as u64, expected["members"].as_u64().unwrap());
            same(
                &format!("{what} weight"),
                Some(row.weight),
                &expected["weight"],
            );
            same(
                &format!("{what} return"),
                row.index_return,
                &expected["index_return"],
            );
            same(
                &format!("{what} contribution"),
                Some(row.contribution),
                &expected["contribution"],
            );
            let levels = case["levels"][&row.segment].as_array().unwrap();
            let index = study.index(&row.segment).unwrap();
            assert_eq!(index.levels.len(), levels.len(), "{what}");
            for (k, (l, e)) in index.levels.iter().zip(levels).enumerate() {
                same(&format!("{what} level {k}"), Some(*l), e);
            }
        }

        let days = breadth(basket, &book, history, analysis.window).days;
        let expected = case["breadth"].as_array().unwrap();
        assert_eq!(days.len(), expected.len(), "{label}");
        for (day, e) in days.iter().zip(expected) {
            let what = format!("{label} {}", day.date);
            assert_eq!(day.date, date(&e["date"]), "{what}");
            assert_eq!(day.members as u64, e["members"].as_u64().unwrap(), "{what}");
            assert_eq!(
                day.highs_60d as u64,
                e["highs_60d"].as_u64().unwrap(),
                "{what}"
            );
            same(
                &format!("{what} above_ma20"),
                day.above_ma20,
                &e["above_ma20"],
            );
            same(
                &format!("{what} above_ma60"),
                day.above_ma60,
                &e["above_ma60"],
            );
            same(
                &format!("{what} positive_20d"),
                day.positive_20d,
                &e["positive_20d"],
            );
            same(
                &format!("{what} outperforming_20d"),
                day.outperforming_20d,
                &e["outperforming_20d"],
            );
            same(
                &format!("{what} dispersion_20d"),
                day.dispersion_20d,
                &e["dispersion_20d"],
            );
        }

        let rot = rotation(&study);
        let r = &case["rotation"];
        let kind = serde_json::to_value(rot.kind).unwrap();
        assert_eq!(&kind, &r["kind"], "{label}");
        let labels: Vec<&str> = rot.periods.iter().map(|p| p.label.as_str()).collect();
        let expected_labels: Vec<&str> = r["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(labels, expected_labels, "{label}");
        for (k, b) in rot.basket_returns.iter().enumerate() {
            same(&format!("{label} basket period {k}"), *b, &r["basket"][k]);
        }
        for (segment, cells) in rot.segments.iter().zip(&rot.cells) {
            for (k, cell) in cells.iter().enumerate() {
                same(
                    &format!("{label} rotation {segment} {}", labels[k]),
                    *cell,
                    &r["cells"][segment][k],
                );
            }
        }
    }
}
